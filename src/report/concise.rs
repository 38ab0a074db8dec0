//! `path:line:col: level[lint] message`, one finding per line, for editors and grep; with
//! `--show-unchecked`, `path:line: unchecked[kind] reason` for each thing not checked; then the
//! totals, on a line of their own that matches no `path:line:` pattern.

use std::fmt::Write;

use super::{RenderOptions, Report, totals};

pub fn render(report: &Report, options: &RenderOptions) -> String {
    let mut out = String::new();
    for f in report.active() {
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            f.path,
            f.line,
            f.column,
            f.level,
            f.lint.name(),
            f.message
        );
    }
    for e in &report.errors {
        let _ = writeln!(out, "{}: error: {}", e.path, e.message);
    }
    if options.show_unchecked {
        for u in &report.unchecked {
            let _ = writeln!(
                out,
                "{}:{}: unchecked[{}] {}",
                u.path,
                u.line,
                u.kind.as_str(),
                u.reason
            );
        }
    }
    if !options.quiet || report.summary.findings > 0 || !report.errors.is_empty() {
        out.push_str(&totals::line(report, None));
        out.push('\n');
    }
    out
}
