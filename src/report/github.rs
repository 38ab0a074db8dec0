//! GitHub Actions workflow commands: each finding becomes an annotation on the pull request,
//! placed by its path from the repository root.

use std::fmt::Write;

use super::{RenderOptions, Report, totals};
use crate::level::Level;

pub fn render(report: &Report, options: &RenderOptions) -> String {
    // GitHub places an annotation by its path from the repository root (the workspace),
    // whichever directory presign-lint ran in.
    let root = report.src_root();
    let file = |path: &str| {
        root.relative(path)
            .unwrap_or_else(|absolute| absolute.to_string_lossy().into_owned())
    };
    let mut out = String::new();
    for f in report.active() {
        let command = match f.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note | Level::Allow => "notice",
        };
        let mut message = f.message.clone();
        if let Some(help) = &f.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        // An annotation has one place: the secondary ones are named in its text.
        for r in &f.related {
            let _ = write!(message, "\nsee also: {}:{} ({})", r.path, r.line, r.message);
        }
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(&file(&f.path)),
            f.line,
            f.column,
            f.end_line,
            f.end_column,
            escape_property(&format!("presign-lint ({})", f.lint.name())),
            escape_data(&message),
        );
    }
    for e in &report.errors {
        let _ = writeln!(
            out,
            "::error file={},title={}::{}",
            escape_property(&file(&e.path)),
            escape_property("presign-lint (scan error)"),
            escape_data(&e.message)
        );
    }
    // Asked for, what was not checked is a notice on its line: a gap the review can see.
    if options.show_unchecked {
        for u in &report.unchecked {
            let _ = writeln!(
                out,
                "::notice file={},line={},title={}::{}",
                escape_property(&file(&u.path)),
                u.line,
                escape_property(&format!("presign-lint (not checked: {})", u.kind.as_str())),
                escape_data(&u.reason)
            );
        }
    }
    // The totals as a plain log line: not a workflow command, so no annotation of its own.
    if !options.quiet || report.summary.findings > 0 || !report.errors.is_empty() {
        out.push_str(&totals::line(report, None));
        out.push('\n');
    }
    out
}

/// Message text: `%`, CR and LF are escaped (GitHub's `escapeData`).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Property values: additionally `:` and `,` (GitHub's `escapeProperty`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_actions_toolkit() {
        assert_eq!(escape_data("a%b\nc\r"), "a%25b%0Ac%0D");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
