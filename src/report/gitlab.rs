//! `--format gitlab`: a GitLab SAST report (`artifacts:reports:sast`), in the shape of GitLab's
//! published `sast-report-format.json` (version 15): the scan (analyzer, scanner, times,
//! status) and one vulnerability per reported finding, with a stable id, a severity, the lint
//! as identifier and the location relative to the repository root.

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::src_root::SrcRoot;
use super::{INFORMATION_URI, RenderOptions, Report, TOOL_NAME, TOOL_VERSION};
use crate::finding::Finding;

/// The report schema version written.
pub const SCHEMA_VERSION: &str = "15.0.7";

/// GitLab caps `name` at 255 characters.
const NAME_LIMIT: usize = 255;

pub fn render(report: &Report, options: &RenderOptions) -> String {
    render_in(report, options, &report.src_root())
}

fn render_in(report: &Report, options: &RenderOptions, root: &SrcRoot) -> String {
    let end = time::OffsetDateTime::now_utc();
    let start = end - options.elapsed;
    let tool = json!({
        "id": TOOL_NAME,
        "name": TOOL_NAME,
        "version": TOOL_VERSION,
        "url": INFORMATION_URI,
        "vendor": {"name": TOOL_NAME},
    });
    let vulnerabilities: Vec<Value> = report.active().map(|f| vulnerability(f, root)).collect();
    let document = json!({
        "version": SCHEMA_VERSION,
        "scan": {
            "analyzer": tool,
            "scanner": tool,
            "type": "sast",
            "start_time": timestamp(start),
            "end_time": timestamp(end),
            "status": if report.errors.is_empty() { "success" } else { "failure" },
            "messages": report.errors.iter().map(|e| json!({
                "level": "warn",
                "value": format!("{}: {}", e.path, e.message),
            })).collect::<Vec<_>>(),
        },
        "vulnerabilities": vulnerabilities,
    });
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

fn vulnerability(f: &Finding, root: &SrcRoot) -> Value {
    let info = f.lint.info();
    let file = root
        .relative(&f.path)
        .unwrap_or_else(|absolute| absolute.to_string_lossy().into_owned());
    let mut description = f.message.clone();
    if let Some(help) = &f.help {
        description.push_str("\n\nhelp: ");
        description.push_str(help);
    }
    let mut vulnerability = json!({
        "id": id(f, &file),
        "name": truncate(&f.message, NAME_LIMIT),
        "description": description,
        "severity": severity(info.security_severity),
        "identifiers": [{
            "type": "presign_lint_rule",
            "name": info.name,
            "value": info.name,
            "url": format!("{INFORMATION_URI}/blob/main/lints/{}.md", info.name),
        }],
        "location": {
            "file": file,
            "start_line": f.line.max(1),
            "end_line": f.end_line.max(f.line).max(1),
        },
    });
    if let Some(help) = &f.help {
        vulnerability["solution"] = json!(help);
    }
    vulnerability
}

/// A UUID-shaped id, stable across runs for the same finding at the same place (GitLab
/// tracks vulnerabilities between pipelines by their identifiers and location; the id only
/// has to be unique in the report, which the position makes it).
fn id(f: &Finding, file: &str) -> String {
    let mut hasher = Sha256::new();
    for part in [
        f.fingerprint.as_str(),
        file,
        &f.line.to_string(),
        &f.column.to_string(),
    ] {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    let hex: String = hasher
        .finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// GitLab's severities from the lint's `security-severity` (the CVSS-like score SARIF
/// carries), with the bands GitHub uses for the same score.
fn severity(score: f32) -> &'static str {
    match score {
        s if s >= 9.0 => "Critical",
        s if s >= 7.0 => "High",
        s if s >= 4.0 => "Medium",
        s if s > 0.0 => "Low",
        _ => "Info",
    }
}

/// `YYYY-MM-DDTHH:MM:SS`, in UTC: the only form the schema accepts.
fn timestamp(at: time::OffsetDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

fn truncate(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(limit.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severities_follow_the_score_bands() {
        assert_eq!(severity(9.1), "Critical");
        assert_eq!(severity(7.5), "High");
        assert_eq!(severity(5.0), "Medium");
        assert_eq!(severity(2.0), "Low");
        assert_eq!(severity(0.0), "Info");
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
    }
}
