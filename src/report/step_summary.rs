//! The GitHub Actions job summary (`$GITHUB_STEP_SUMMARY`): a Markdown table of findings per
//! lint and level, and the first findings with their location, so the run's page says what
//! was found without opening the log.

use std::fmt::Write;

use super::{Report, statistics, totals};

/// How many findings the summary lists one by one.
const FIRST: usize = 20;

pub fn markdown(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "### {}\n", cell(&totals::line(report, None)));
    let rows = statistics::counts(report);
    if !rows.is_empty() {
        out.push_str("| lint | level | findings |\n|---|---|---:|\n");
        for (lint, level, n) in rows {
            let _ = writeln!(out, "| `{}` | {level} | {n} |", lint.name());
        }
        let shown = report.active().take(FIRST).count();
        let _ = writeln!(
            out,
            "\n<details><summary>{}</summary>\n\n| where | lint | message |\n|---|---|---|",
            if shown < report.summary.findings {
                format!("The first {shown} of {} findings", report.summary.findings)
            } else {
                "Findings".to_string()
            }
        );
        for f in report.active().take(FIRST) {
            let _ = writeln!(
                out,
                "| `{}:{}:{}` | `{}` | {} |",
                code(&f.path),
                f.line,
                f.column,
                f.lint.name(),
                cell(&f.message)
            );
        }
        out.push_str("\n</details>\n");
    }
    for e in &report.errors {
        let _ = writeln!(
            out,
            "\n**Not scanned:** `{}`: {}",
            code(&e.path),
            cell(&e.message)
        );
    }
    out.push('\n');
    out
}

/// Text for a code span in a table cell: one line, `|` escaped (GitHub reads `\|` in code
/// spans in tables), no backtick to end the span early.
fn code(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
        .replace('`', "'")
        .replace('|', "\\|")
}

/// Text in a table cell: one line, with `|` escaped and HTML neutralised.
fn cell(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
        .replace('|', "\\|")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
