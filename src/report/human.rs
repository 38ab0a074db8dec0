//! rustc-style diagnostics (annotate-snippets): level, lint, location, the source line with the
//! span underlined, the fix and the practice, then a one-line summary.

use std::fmt::Write;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level as SnippetLevel, Renderer, Snippet};

use super::{RenderOptions, Report, totals};
use crate::finding::Snippet as Source;
use crate::level::Level;

pub fn render(report: &Report, options: &RenderOptions) -> String {
    // The source text is fitted here, so the renderer never cuts it again.
    let renderer = if options.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .term_width(usize::MAX / 2);
    let mut out = String::new();
    for f in report.active() {
        let level = snippet_level(f.level);
        let shown = fit(&f.snippet, source_width(options.width, f.snippet.line));
        let related: Vec<(String, Range<usize>)> = f
            .related
            .iter()
            .map(|r| fit(&r.snippet, source_width(options.width, r.snippet.line)))
            .collect();
        let mut group: Group<'_> = level
            .clone()
            .primary_title(f.message.as_str())
            .id(f.lint.name())
            .element(
                Snippet::source(shown.0.as_str())
                    .line_start(f.snippet.line)
                    .path(f.path.as_str())
                    .annotation(AnnotationKind::Primary.span(shown.1.clone())),
            );
        if let Some(help) = &f.help {
            group = group.element(SnippetLevel::HELP.message(help.as_str()));
        }
        if let Some(p) = &f.provenance {
            group = group.element(SnippetLevel::NOTE.message(provenance(p)));
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
        groups.extend(f.related.iter().zip(&related).map(|(r, (text, range))| {
            Group::with_title(SnippetLevel::NOTE.secondary_title(r.message.as_str())).element(
                Snippet::source(text.as_str())
                    .line_start(r.snippet.line)
                    .path(r.path.as_str())
                    .annotation(AnnotationKind::Primary.span(range.clone())),
            )
        }));
        let columns: Vec<usize> = std::iter::once(f.column)
            .chain(f.related.iter().map(|r| r.column))
            .collect();
        let rendered = real_columns(&renderer.render(&groups), &columns);
        let _ = writeln!(out, "{rendered}\n");
    }
    for e in &report.errors {
        let title = format!("{}: {}", e.path, e.message);
        let _ = writeln!(
            out,
            "{}\n",
            renderer.render(&[Group::with_title(SnippetLevel::ERROR.primary_title(title))])
        );
    }
    if options.show_unchecked && !report.unchecked.is_empty() {
        let _ = writeln!(out, "not checked ({}):", report.unchecked.len());
        for u in &report.unchecked {
            let _ = writeln!(
                out,
                "  {}:{}: {}: {}",
                u.path,
                u.line,
                u.kind.as_str(),
                u.reason
            );
        }
        out.push('\n');
    }
    if !options.quiet || report.summary.findings > 0 || !report.errors.is_empty() {
        out.push_str(&totals::line(report, Some(options.elapsed)));
        out.push('\n');
    }
    out
}

/// Where a history finding's blob came from, its copies grouped on one line rather than a
/// finding repeated per path.
fn provenance(p: &crate::finding::Provenance) -> String {
    let mut line = format!(
        "introduced by commit {} ({}) at {}",
        p.commit.get(..12).unwrap_or(&p.commit),
        p.author_date,
        p.path
    );
    if p.commits > 1 || p.paths > 1 {
        let _ = write!(
            line,
            "; the same content was added by {} at {}",
            totals::plural(p.commits, "commit"),
            totals::plural(p.paths, "path")
        );
        if !p.other_paths.is_empty() {
            let more = p.paths.saturating_sub(p.other_paths.len() + 1);
            let _ = write!(line, ": also {}", p.other_paths.join(", "));
            if more > 0 {
                let _ = write!(line, " and {more} more");
            }
        }
    }
    line
}

fn snippet_level(level: Level) -> SnippetLevel<'static> {
    match level {
        Level::Error => SnippetLevel::ERROR,
        Level::Warning => SnippetLevel::WARNING,
        Level::Note | Level::Allow => SnippetLevel::NOTE,
    }
}

/// Columns left for source text on a terminal `width` wide: the gutter (`12 | `) takes the
/// line number's digits and three more.
fn source_width(width: usize, line: usize) -> usize {
    width.saturating_sub(line.to_string().len() + 3).max(20)
}

/// The snippet's text cut to `width` characters around its span, with `…` on each side where
/// text of the line is left out; and where the span is in what is shown. The whole line when
/// it fits.
fn fit(source: &Source, width: usize) -> (String, Range<usize>) {
    let text = source.text.as_str();
    let range = source.range.start.min(text.len())..source.range.end.min(text.len());
    let before: Vec<char> = text[..range.start].chars().collect();
    let span: Vec<char> = text[range.clone()].chars().collect();
    let after: Vec<char> = text[range.end..].chars().collect();
    let cut_before = source.hidden_before > 0;
    let total = before.len()
        + span.len()
        + after.len()
        + usize::from(cut_before)
        + usize::from(source.cut_after);
    let (keep_before, keep_span, keep_after) = if total <= width {
        (before.len(), span.len(), after.len())
    } else if span.len() + 2 >= width {
        // The span alone fills the line: a little of what comes before, then its start.
        let keep_before = before.len().min(width / 4);
        let left_marker = usize::from(cut_before || keep_before < before.len());
        (
            keep_before,
            width.saturating_sub(keep_before + left_marker + 1),
            0,
        )
    } else {
        let room = width - span.len() - 2;
        let keep_before = before.len().min(room - after.len().min(room / 2));
        (keep_before, span.len(), after.len().min(room - keep_before))
    };
    let mut shown = String::new();
    if cut_before || keep_before < before.len() {
        shown.push('…');
    }
    shown.extend(&before[before.len() - keep_before..]);
    let start = shown.len();
    shown.extend(&span[..keep_span]);
    let end = shown.len();
    shown.extend(&after[..keep_after]);
    if keep_span < span.len() || keep_after < after.len() || source.cut_after {
        shown.push('…');
    }
    (shown, start..end)
}

/// The renderer counts a snippet's column from the text it was given, which is cut: each
/// `--> path:line:column` header, in order, gets the finding's real column back.
fn real_columns(rendered: &str, columns: &[usize]) -> String {
    let mut columns = columns.iter();
    let lines: Vec<String> = rendered
        .split('\n')
        .map(|line| {
            if !strip_styles(line).trim_start().starts_with("--> ") {
                return line.to_string();
            }
            // `… --> path:12:7` (maybe followed by a colour reset): the digits after the
            // last `:` are the column.
            let Some(colon) = line.rfind(':') else {
                return line.to_string();
            };
            let tail = &line[colon + 1..];
            let rest = tail.trim_start_matches(|c: char| c.is_ascii_digit());
            match columns.next() {
                Some(column) if rest.len() < tail.len() => {
                    format!("{}{column}{rest}", &line[..=colon])
                }
                _ => line.to_string(),
            }
        })
        .collect();
    lines.join("\n")
}

/// The text of a line without ANSI colour sequences.
fn strip_styles(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str, span: &str, hidden_before: usize, cut_after: bool) -> Source {
        let start = text.find(span).unwrap_or(0);
        Source {
            line: 1,
            text: text.to_string(),
            range: start..start + span.len(),
            hidden_before,
            cut_after,
        }
    }

    fn shown(s: &Source, width: usize) -> (String, String) {
        let (text, range) = fit(s, width);
        let span = text[range].to_string();
        (text, span)
    }

    #[test]
    fn a_line_that_fits_is_shown_whole() {
        let s = source(
            "url = presign(ExpiresIn=86400)  # nightly",
            "86400",
            0,
            false,
        );
        assert_eq!(
            shown(&s, 120).0,
            "url = presign(ExpiresIn=86400)  # nightly"
        );
        // Text the snippet itself left out is marked, even when the rest fits.
        let s = source("ExpiresIn=86400, more", "86400", 5000, true);
        assert_eq!(shown(&s, 120).0, "…ExpiresIn=86400, more…");
    }

    #[test]
    fn a_long_line_is_cut_around_the_span_with_a_mark_on_each_cut_side() {
        let text = format!("{}ExpiresIn=86400{}", "a".repeat(200), "b".repeat(200));
        let s = source(&text, "86400", 0, false);
        let (line, span) = shown(&s, 40);
        assert_eq!(line.chars().count(), 40);
        assert!(line.starts_with('…') && line.ends_with('…'), "{line}");
        assert_eq!(span, "86400");
        // Cut on the right only.
        let text = format!("x = 86400{}", "b".repeat(200));
        let (line, _) = shown(&source(&text, "86400", 0, false), 40);
        assert!(
            line.starts_with("x = 86400") && line.ends_with('…'),
            "{line}"
        );
        // A span wider than the line: a little before it, then its start.
        let text = format!("U = '{}'", "h".repeat(300));
        let (line, span) = shown(&source(&text, &"h".repeat(300), 0, false), 40);
        assert!(
            line.starts_with("U = 'hhh") && line.ends_with('…'),
            "{line}"
        );
        assert_eq!(line.chars().count(), 40);
        assert!(span.chars().all(|c| c == 'h'));
    }

    #[test]
    fn headers_get_the_real_columns_back() {
        let rendered = "error[x]: m\n --> a.py:1:3\n  |\nnote: n\n --> b.py:9:1\n";
        assert_eq!(
            real_columns(rendered, &[120, 7]),
            "error[x]: m\n --> a.py:1:120\n  |\nnote: n\n --> b.py:9:7\n"
        );
    }
}
