//! `path:line:col: level[lint] message`, one finding per line, for editors and grep.

use std::fmt::Write;

use super::Report;

pub fn render(report: &Report) -> String {
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
    out
}
