//! `path:line:col: level[lint] message`, one finding per line, for editors and grep; then the
//! totals, on a line of their own that matches no `path:line:col:` pattern.

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
    if !options.quiet || report.summary.findings > 0 || !report.errors.is_empty() {
        out.push_str(&totals::line(report, None));
        out.push('\n');
    }
    out
}
