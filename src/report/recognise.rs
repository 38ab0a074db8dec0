//! presign-lint's own report files, told apart by content: a SARIF log whose tool is
//! presign-lint, the JSON report, a GitLab SAST report, a baseline. Scanning them would report the lint
//! documentation SARIF embeds as help (its examples are signed URLs and keys), so a workflow
//! that writes a report into the tree and then scans the tree would fail on itself. Their
//! names are the user's choice, so only the content counts.
//!
//! Recognition is strict, so that it cannot hide a real leak: the whole file must parse as
//! JSON with the exact shape presign-lint writes, and what presign-lint writes never holds a
//! secret (every output format is redacted).

use serde_json::Value;

use super::TOOL_NAME;

/// How far into the file the cheap test looks for the tool's name or a baseline's keys.
const HEAD: usize = 4096;

pub fn is_own_report(bytes: &[u8]) -> bool {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    if bytes.get(start) != Some(&b'{') {
        return false;
    }
    let head = &bytes[start..bytes.len().min(start + HEAD)];
    let names_tool = memchr::memmem::find(head, br#""presign-lint""#).is_some();
    let baseline_keys = memchr::memmem::find(head, br#""fingerprint""#).is_some()
        || memchr::memmem::find(head, br#""findings": []"#).is_some();
    if !names_tool && !baseline_keys {
        return false;
    }
    let Ok(doc) = serde_json::from_slice::<Value>(bytes) else {
        return false;
    };
    is_sarif(&doc) || is_json_report(&doc) || is_baseline(&doc) || is_gitlab(&doc)
}

fn is_gitlab(doc: &Value) -> bool {
    doc.pointer("/scan/analyzer/id").and_then(Value::as_str) == Some(TOOL_NAME)
        && doc.get("vulnerabilities").is_some_and(Value::is_array)
}

fn is_sarif(doc: &Value) -> bool {
    let Some(runs) = doc.get("runs").and_then(Value::as_array) else {
        return false;
    };
    doc.get("version").and_then(Value::as_str) == Some("2.1.0")
        && !runs.is_empty()
        && runs
            .iter()
            .all(|run| run.pointer("/tool/driver/name").and_then(Value::as_str) == Some(TOOL_NAME))
}

fn is_json_report(doc: &Value) -> bool {
    doc.pointer("/tool/name").and_then(Value::as_str) == Some(TOOL_NAME)
        && doc.get("findings").is_some_and(Value::is_array)
        && doc
            .pointer("/summary/files_scanned")
            .is_some_and(Value::is_u64)
}

/// `{"version": N, "findings": [{"path", "lint", "fingerprint", "count"?}, …]}` and nothing
/// else: a baseline names files and hashes, no text of theirs.
fn is_baseline(doc: &Value) -> bool {
    let Some(object) = doc.as_object() else {
        return false;
    };
    let Some(entries) = object.get("findings").and_then(Value::as_array) else {
        return false;
    };
    object.len() == 2
        && object.get("version").is_some_and(Value::is_u64)
        && entries.iter().all(|entry| {
            entry.as_object().is_some_and(|e| {
                e.keys()
                    .all(|k| matches!(k.as_str(), "path" | "lint" | "fingerprint" | "count"))
                    && e.get("fingerprint")
                        .and_then(Value::as_str)
                        .is_some_and(|f| f.bytes().all(|b| b.is_ascii_hexdigit()))
            })
        })
}

#[cfg(test)]
mod tests {
    use super::is_own_report;

    #[test]
    fn only_the_exact_shapes_are_recognised() {
        let sarif = r#"{"$schema": "x", "version": "2.1.0", "runs": [{"tool": {"driver": {"name": "presign-lint"}}, "results": []}]}"#;
        assert!(is_own_report(sarif.as_bytes()));
        let other_tool = sarif.replace("presign-lint", "semgrep");
        assert!(!is_own_report(other_tool.as_bytes()));
        let json = r#"  {"tool": {"name": "presign-lint", "version": "0"}, "findings": [], "errors": [], "summary": {"files_scanned": 3}}"#;
        assert!(is_own_report(json.as_bytes()));
        let baseline =
            r#"{"version": 1, "findings": [{"path": "a", "lint": "b", "fingerprint": "0af"}]}"#;
        assert!(is_own_report(baseline.as_bytes()));
        // A file that only begins like one is not one.
        let truncated = &json[..json.len() - 1];
        assert!(!is_own_report(truncated.as_bytes()));
        let with_text = baseline.replace(r#""lint": "b""#, r#""lint": "b", "url": "https://x""#);
        assert!(!is_own_report(with_text.as_bytes()));
        assert!(!is_own_report(b"presign-lint"));
    }
}
