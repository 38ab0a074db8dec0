//! SARIF 2.1.0 for GitHub code scanning: one run, one rule per lint (with help from `lints/`
//! and `security-severity`), results with URIs relative to the repository root, 1-based
//! regions with columns in UTF-16 code units, partial fingerprints and suppressions.

use std::path::Path;

use serde_json::{Value, json};

use super::src_root::SrcRoot;
use super::{INFORMATION_URI, Report, TOOL_NAME, TOOL_VERSION};
use crate::finding::{Finding, SuppressionKind, Utf16Columns};
use crate::level::Level;
use crate::lints::{LINTS, Status};

pub fn render(report: &Report) -> String {
    render_in(report, &report.src_root())
}

fn render_in(report: &Report, root: &SrcRoot) -> String {
    let rules: Vec<Value> = LINTS.iter().map(rule).collect();
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            let primary = physical_location(root, &f.path, f.line, f.end_line, f.utf16_columns);
            let mut result = json!({
                "ruleId": f.lint.name(),
                "ruleIndex": f.lint as usize,
                "level": sarif_level(f.level),
                "message": {"text": match &f.help {
                    Some(help) => format!("{}\nhelp: {help}", f.message),
                    None => f.message.clone(),
                }},
                "locations": [{"physicalLocation": primary.clone()}],
                "partialFingerprints": {"presignLint/v1": f.fingerprint},
                "properties": {"details": f.details},
            });
            if let Some(p) = &f.provenance {
                result["properties"]["commit"] = json!({
                    "id": p.commit,
                    "author_date": p.author_date,
                    "path": p.path,
                });
                result["properties"]["occurrences"] =
                    json!({"commits": p.commits, "paths": p.paths});
            }
            if !f.related.is_empty() {
                add_related(root, &mut result, f, primary);
            }
            if let Some(s) = &f.suppression {
                let kind = match s.kind {
                    SuppressionKind::InSource => "inSource",
                    SuppressionKind::Baseline => "external",
                };
                let mut suppression = json!({"kind": kind, "status": "accepted"});
                if let Some(j) = &s.justification {
                    suppression["justification"] = json!(j);
                }
                result["suppressions"] = json!([suppression]);
            }
            result
        })
        .collect();
    let notifications: Vec<Value> = report
        .errors
        .iter()
        .map(|e| {
            json!({
                "level": "error",
                "message": {"text": format!("{}: {}", e.path, e.message)},
                "locations": [{"physicalLocation": {"artifactLocation": artifact(root, &e.path)}}],
            })
        })
        .collect();
    let document = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": TOOL_NAME,
                "version": TOOL_VERSION,
                "semanticVersion": TOOL_VERSION,
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }},
            "invocations": [{
                "executionSuccessful": report.errors.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "originalUriBaseIds": {"%SRCROOT%": {
                "uri": file_uri(root.root(), true),
                "description": {"text": "The root of the repository presign-lint ran in (the top of its git work tree), else the directory it was run from."},
            }},
            "columnKind": "utf16CodeUnits",
            "results": results,
        }],
    });
    let mut document = document;
    if let Some(repository) = &report.repository {
        document["runs"][0]["versionControlProvenance"] =
            json!([version_control(repository, root)]);
    }
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

/// The repository a history scan read: its http(s) remote (credentials removed) or its
/// directory, and the commit and branch HEAD named.
fn version_control(repository: &crate::history::Repository, root: &SrcRoot) -> Value {
    let mut details = json!({
        "repositoryUri": repository
            .remote
            .clone()
            .unwrap_or_else(|| file_uri(root.root(), true)),
        "mappedTo": {"uriBaseId": "%SRCROOT%"},
    });
    if let Some(head) = &repository.head {
        details["revisionId"] = json!(head.to_string());
    }
    if let Some(branch) = &repository.branch {
        details["branch"] = json!(crate::text::redact::redact(branch).text);
    }
    details
}

/// A file region: 1-based, end column exclusive (as [`Finding`] has it), never before the start
/// line.
/// An `artifactLocation`: relative to `%SRCROOT%` when under it, else an absolute `file:`
/// URI (a file named outside the repository).
fn artifact(root: &SrcRoot, path: &str) -> Value {
    match root.relative(path) {
        Ok(relative) => json!({"uri": uri(&relative), "uriBaseId": "%SRCROOT%"}),
        Err(absolute) => json!({"uri": file_uri(&absolute, false)}),
    }
}

fn physical_location(
    root: &SrcRoot,
    path: &str,
    line: usize,
    end_line: usize,
    columns: Utf16Columns,
) -> Value {
    json!({
        "artifactLocation": artifact(root, path),
        "region": {
            "startLine": line.max(1),
            "startColumn": columns.start.max(1),
            "endLine": end_line.max(line).max(1),
            "endColumn": columns.end.max(1),
        }
    })
}

/// `file:///abs/path` (with a trailing `/` for a directory, as SARIF wants for base URIs).
fn file_uri(path: &Path, directory: bool) -> String {
    // Redacted: the checkout may sit under a directory named after a signed URL.
    let text = crate::driver::paths::redact_path(path);
    let mut out = String::from("file://");
    if !text.starts_with('/') {
        out.push('/');
    }
    out.push_str(&uri(&text));
    if directory && !out.ends_with('/') {
        out.push('/');
    }
    out
}

/// The secondary locations as `relatedLocations` (ids from 1, in order) and as one code flow:
/// the primary location first, then each related one, so a viewer can step down the chain.
fn add_related(root: &SrcRoot, result: &mut Value, f: &Finding, primary: Value) {
    let related: Vec<Value> = f
        .related
        .iter()
        .enumerate()
        .map(|(i, r)| {
            json!({
                "id": i + 1,
                "physicalLocation": physical_location(root, &r.path, r.line, r.end_line, r.utf16_columns),
                "message": {"text": r.message},
            })
        })
        .collect();
    let mut steps = vec![json!({"location": {
        "physicalLocation": primary,
        "message": {"text": f.message},
    }})];
    steps.extend(related.iter().map(|r| {
        json!({"location": {
            "physicalLocation": r["physicalLocation"],
            "message": r["message"],
        }})
    }));
    result["relatedLocations"] = json!(related);
    result["codeFlows"] = json!([{"threadFlows": [{"locations": steps}]}]);
}

fn rule(info: &crate::lints::LintInfo) -> Value {
    let mut tags = vec!["security"];
    if info.status == Status::Planned {
        tags.push("planned");
    }
    let help = crate::text::redact::redact(&crate::lints::docs::for_readers(info.doc)).text;
    json!({
        "id": info.name,
        "name": kebab_to_camel(info.name),
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": crate::lints::docs::what_it_does(info.doc)},
        "helpUri": format!("{INFORMATION_URI}/blob/main/lints/{}.md", info.name),
        "help": {"text": help, "markdown": help},
        "defaultConfiguration": {"level": sarif_level(info.default_level), "enabled": info.status == Status::Implemented},
        "properties": {
            "tags": tags,
            "precision": "high",
            "security-severity": format!("{:.1}", info.security_severity),
            "best-practice": info.practice,
        },
    })
}

fn sarif_level(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Note => "note",
        Level::Allow => "none",
    }
}

fn kebab_to_camel(name: &str) -> String {
    name.split('-')
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

/// RFC 3986 escaping of a relative path: unreserved characters and `/` stay, the rest is
/// percent-encoded byte by byte.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_escaped() {
        assert_eq!(uri("src/my file#1.py"), "src/my%20file%231.py");
        assert_eq!(uri("dir/é.md"), "dir/%C3%A9.md");
        assert_eq!(
            kebab_to_camel("hardcoded-presigned-url"),
            "HardcodedPresignedUrl"
        );
    }
}
