//! `--format json`: one document, exactly as DESIGN.md's contract describes.

use serde_json::{Value, json};

use super::{Report, TOOL_NAME, TOOL_VERSION};

pub fn render(report: &Report) -> String {
    let findings: Vec<Value> = report
        .active()
        .map(|f| {
            let mut finding = json!({
                "lint": f.lint.name(),
                "level": f.level.as_str(),
                "best_practice": f.lint.info().practice,
                "path": f.path,
                "line": f.line,
                "column": f.column,
                "end_line": f.end_line,
                "end_column": f.end_column,
                "message": f.message,
                "help": f.help,
                "fingerprint": f.fingerprint,
                "details": f.details,
            });
            // An extension (DESIGN.md): absent rather than empty, so consumers and snapshots of
            // findings without secondary locations see the document they always did.
            if !f.related.is_empty() {
                finding["related"] = f
                    .related
                    .iter()
                    .map(|r| {
                        json!({
                            "path": r.path,
                            "line": r.line,
                            "column": r.column,
                            "end_line": r.end_line,
                            "end_column": r.end_column,
                            "message": r.message,
                        })
                    })
                    .collect();
            }
            // History findings (DESIGN.md): where the blob came from.
            if let Some(p) = &f.provenance {
                finding["commit"] = json!({
                    "id": p.commit,
                    "author_date": p.author_date,
                    "path": p.path,
                });
                finding["occurrences"] = json!({"commits": p.commits, "paths": p.paths});
            }
            finding
        })
        .collect();
    let errors: Vec<Value> = report
        .errors
        .iter()
        .map(|e| json!({"path": e.path, "message": e.message}))
        .collect();
    let unchecked: Vec<Value> = report
        .unchecked
        .iter()
        .map(|u| json!({"path": u.path, "line": u.line, "kind": u.kind.as_str(), "reason": u.reason}))
        .collect();
    let document = json!({
        "tool": {"name": TOOL_NAME, "version": TOOL_VERSION},
        "findings": findings,
        "errors": errors,
        "summary": report.summary,
        "unchecked": unchecked,
    });
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}
