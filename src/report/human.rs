//! rustc-style diagnostics (annotate-snippets): level, lint, location, the source line with the
//! span underlined, the fix and the practice, then a one-line summary.

use std::fmt::Write;

use annotate_snippets::{AnnotationKind, Group, Level as SnippetLevel, Renderer, Snippet};

use super::{RenderOptions, Report, totals};
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
        out.push_str(&totals::line(report, Some(options.elapsed)));
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
