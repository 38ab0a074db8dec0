//! `--statistics`: how many findings each lint reported, at which level, largest first, as
//! ruff prints them; then the totals.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::{Report, totals};
use crate::level::Level;
use crate::lints::LintId;

/// Reported findings per lint and level, largest count first, then by lint name.
pub fn counts(report: &Report) -> Vec<(LintId, Level, usize)> {
    let mut counts: BTreeMap<(LintId, Level), usize> = BTreeMap::new();
    for f in report.active() {
        *counts.entry((f.lint, f.level)).or_default() += 1;
    }
    let mut rows: Vec<(LintId, Level, usize)> = counts
        .into_iter()
        .map(|((lint, level), n)| (lint, level, n))
        .collect();
    rows.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.name().cmp(b.0.name())));
    rows
}

pub fn render(report: &Report, elapsed: std::time::Duration) -> String {
    let rows = counts(report);
    let width = rows
        .iter()
        .map(|(_, _, n)| n.to_string().len())
        .max()
        .unwrap_or(1);
    let name_width = rows
        .iter()
        .map(|(lint, _, _)| lint.name().len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (lint, level, n) in rows {
        let _ = writeln!(out, "{n:>width$}  {:<name_width$}  {level}", lint.name());
    }
    for e in &report.errors {
        let _ = writeln!(out, "{}: error: {}", e.path, e.message);
    }
    out.push_str(&totals::line(report, Some(elapsed)));
    out.push('\n');
    out
}
