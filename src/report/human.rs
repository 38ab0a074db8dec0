//! rustc-style diagnostics (annotate-snippets): level, lint, location, the source line with the
//! span underlined, the fix and the practice, then a one-line summary.

use std::fmt::Write;

use annotate_snippets::{AnnotationKind, Group, Level as SnippetLevel, Renderer, Snippet};

use super::{RenderOptions, Report};
use crate::level::Level;

pub fn render(report: &Report, options: &RenderOptions) -> String {
    let renderer = if options.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for f in report.active() {
        let level = snippet_level(f.level);
        let mut group: Group<'_> = level
            .clone()
            .primary_title(f.message.as_str())
            .id(f.lint.name())
            .element(
                Snippet::source(f.snippet.text.as_str())
                    .line_start(f.snippet.line)
                    .path(f.path.as_str())
                    .annotation(AnnotationKind::Primary.span(f.snippet.range.clone())),
            );
        if let Some(help) = &f.help {
            group = group.element(SnippetLevel::HELP.message(help.as_str()));
        }
        let note = match f.lint.info().practice {
            Some(practice) => format!(
                "best practice `{practice}`; `presign-lint explain {}` for details",
                f.lint.name()
            ),
            None => format!("`presign-lint explain {}` for details", f.lint.name()),
        };
        group = group.element(SnippetLevel::NOTE.message(note));
        // Each secondary location is a note of its own with its snippet, as rustc shows a
        // span note: `note: <message>`, `--> path:line:col`, the line with the span marked.
        let mut groups = vec![group];
        groups.extend(f.related.iter().map(|r| {
            Group::with_title(SnippetLevel::NOTE.secondary_title(r.message.as_str())).element(
                Snippet::source(r.snippet.text.as_str())
                    .line_start(r.snippet.line)
                    .path(r.path.as_str())
                    .annotation(AnnotationKind::Primary.span(r.snippet.range.clone())),
            )
        }));
        let _ = writeln!(out, "{}\n", renderer.render(&groups));
    }
    for e in &report.errors {
        let title = format!("{}: {}", e.path, e.message);
        let _ = writeln!(
            out,
            "{}\n",
            renderer.render(&[Group::with_title(SnippetLevel::ERROR.primary_title(title))])
        );
    }
    if !options.quiet || report.summary.findings > 0 || !report.errors.is_empty() {
        out.push_str(&summary_line(report, options.elapsed));
        out.push('\n');
    }
    out
}

fn snippet_level(level: Level) -> SnippetLevel<'static> {
    match level {
        Level::Error => SnippetLevel::ERROR,
        Level::Warning => SnippetLevel::WARNING,
        Level::Note | Level::Allow => SnippetLevel::NOTE,
    }
}

fn summary_line(report: &Report, elapsed: std::time::Duration) -> String {
    let s = &report.summary;
    let files = plural(s.files_scanned, "file");
    let mut line = if s.findings == 0 {
        format!("presign-lint: no findings in {files}")
    } else {
        let mut parts = Vec::new();
        for (n, name) in [(s.error, "error"), (s.warning, "warning"), (s.note, "note")] {
            if n > 0 {
                parts.push(plural(n, name));
            }
        }
        format!("presign-lint: {} in {files}", parts.join(", "))
    };
    if s.suppressed > 0 {
        let _ = write!(line, ", {} suppressed", s.suppressed);
    }
    if s.baseline_stale > 0 {
        // Fixed findings leave entries behind: say so, so the baseline gets rewritten.
        let entries = match s.baseline_stale {
            1 => "1 baseline entry".to_string(),
            n => format!("{n} baseline entries"),
        };
        let _ = write!(line, ", {entries} no longer found");
    }
    if s.dynamic_expiries > 0 {
        let expiries = match s.dynamic_expiries {
            1 => "1 expiry".to_string(),
            n => format!("{n} expiries"),
        };
        let _ = write!(line, "; {expiries} set at run time, not checked");
    }
    if s.unparsed_files > 0 {
        // Say what was not checked: a silent gap would read as a clean result.
        let _ = write!(
            line,
            "; {} could not be parsed (text checks only)",
            plural(s.unparsed_files, "file")
        );
    }
    if s.skipped_reports > 0 {
        let _ = write!(
            line,
            "; {} skipped",
            plural(s.skipped_reports, "presign-lint report")
        );
    }
    if !report.errors.is_empty() {
        let _ = write!(
            line,
            "; {} could not be scanned",
            plural(report.errors.len(), "path")
        );
    }
    let _ = write!(line, " ({:.2}s)", elapsed.as_secs_f64());
    line
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
