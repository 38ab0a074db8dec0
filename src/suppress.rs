//! Inline suppressions, in any comment syntax:
//!
//! ```text
//! # presign-lint: allow(<lint>, …) reason: <why, e.g. nightly export, reviewed>
//! ```
//!
//! A marker covers its own line and the statement that starts on the next line (so it survives
//! a formatter re-wrapping a call over several lines); `allow-file(<lint>, …)`, anywhere in the
//! file, covers the whole file. A malformed marker is reported and suppresses nothing; it is
//! never read as "allow everything": even the file-wide form names its lints.

use std::ops::{Range, RangeInclusive};

use crate::lints::LintId;
use crate::source::SourceFile;

pub const MARKER: &str = "presign-lint:";

#[derive(Debug)]
pub struct Suppression {
    /// Byte range of the marker comment text (from `presign-lint:` to the end of the line).
    pub span: Range<usize>,
    /// Lines (1-based) whose findings it hides.
    pub covers: RangeInclusive<usize>,
    pub lints: Vec<LintId>,
    pub reason: Option<String>,
}

/// A marker that could not be read, with what is wrong.
#[derive(Debug)]
pub struct Malformed {
    pub span: Range<usize>,
    pub problem: String,
}

/// Comment openers of the languages we scan. A marker counts only after one of these on its
/// line, so prose that mentions the syntax (like this crate's README) is not a suppression.
const COMMENT_OPENERS: [&str; 8] = ["#", "//", "/*", "*", "<!--", "--", ";", "%"];

/// Parses the markers of a file. In Markdown, markers inside fenced code blocks are examples
/// of the syntax, not suppressions (HTML comments are the way to suppress in Markdown).
pub fn parse(source: &SourceFile, is_markdown: bool) -> (Vec<Suppression>, Vec<Malformed>) {
    let text = &source.text;
    let mut suppressions = Vec::new();
    let mut malformed = Vec::new();
    let fenced = if is_markdown {
        fenced_lines(source)
    } else {
        Vec::new()
    };
    for at in memchr::memmem::find_iter(text.as_bytes(), MARKER.as_bytes()) {
        let (line, _) = source.position(at);
        if fenced.get(line - 1).copied().unwrap_or(false) {
            continue;
        }
        let line_range = source.line_range(line);
        let before = &text[line_range.start..at];
        if !COMMENT_OPENERS.iter().any(|o| before.contains(o)) {
            continue;
        }
        let comment = &text[at..line_range.end];
        let span = at..at + comment.trim_end().len();
        if !is_directive(&comment[MARKER.len()..]) {
            // Prose that names the tool ("presign-lint: a static linter") is not a marker.
            continue;
        }
        match parse_marker(&comment[MARKER.len()..]) {
            Ok(Marker {
                names,
                reason,
                whole_file,
            }) => {
                let mut lints = Vec::new();
                for name in names {
                    match LintId::from_name(name) {
                        Some(id) => lints.push(id),
                        None => malformed.push(Malformed {
                            span: span.clone(),
                            problem: unknown_lint(name),
                        }),
                    }
                }
                let covers = if whole_file {
                    1..=source.line_count().max(1)
                } else if is_trailing_comment(before) {
                    line..=line
                } else {
                    line..=statement_end(source, line + 1)
                };
                if !lints.is_empty() {
                    suppressions.push(Suppression {
                        span,
                        covers,
                        lints,
                        reason,
                    });
                }
            }
            Err(problem) => malformed.push(Malformed { span, problem }),
        }
    }
    (suppressions, malformed)
}

/// Words people write after the marker when they mean to suppress something. Only these make
/// a marker; a wrong one (`ignore`) is reported as malformed rather than silently ignored.
const DIRECTIVE_VERBS: [&str; 7] = [
    "allow", "ignore", "disable", "skip", "noqa", "suppress", "off",
];

fn is_directive(rest: &str) -> bool {
    let word: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    let word = word.to_ascii_lowercase();
    DIRECTIVE_VERBS.iter().any(|v| word.starts_with(v)) && !is_documentation(rest)
}

/// `allow(...)`, `allow(<lint>)`: the syntax being described, not used.
fn is_documentation(rest: &str) -> bool {
    let list = rest
        .split_once('(')
        .and_then(|(_, r)| r.split_once(')'))
        .map_or("", |(l, _)| l);
    list.contains("...") || list.contains('…') || list.contains('<')
}

/// For each line, whether it is inside a fenced code block (```` ``` ```` or `~~~`).
fn fenced_lines(source: &SourceFile) -> Vec<bool> {
    let mut inside = false;
    (1..=source.line_count())
        .map(|line| {
            let trimmed = source.line_text(line).trim_start();
            if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                inside = !inside;
                true
            } else {
                inside
            }
        })
        .collect()
}

/// What a marker says.
struct Marker<'a> {
    names: Vec<&'a str>,
    reason: Option<String>,
    /// `allow-file(…)`: the whole file.
    whole_file: bool,
}

/// Parses ` allow(a, b) reason: text` (or `allow-file(…)`) into lint names and the reason.
fn parse_marker(rest: &str) -> Result<Marker<'_>, String> {
    let rest = rest.trim_start();
    let (after_allow, whole_file) = match rest.strip_prefix("allow-file") {
        Some(after) => (after, true),
        None => match rest.strip_prefix("allow") {
            Some(after) => (after, false),
            None => {
                return Err(
                    "expected `allow(<lint>, …)` or `allow-file(<lint>, …)` after `presign-lint:`"
                        .to_string(),
                );
            }
        },
    };
    let Some(list_and_rest) = after_allow.trim_start().strip_prefix('(') else {
        return Err(
            "expected `(` after `allow`: name the lints to allow, e.g. `allow(excessive-expiry)`"
                .to_string(),
        );
    };
    let Some((list, tail)) = list_and_rest.split_once(')') else {
        return Err("missing `)` after the lint list".to_string());
    };
    let names: Vec<&str> = list
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect();
    if names.is_empty() {
        return Err("empty lint list: name the lints to allow".to_string());
    }
    let reason = tail
        .trim_start()
        .strip_prefix("reason:")
        .map(|r| strip_comment_closer(r).trim().to_string())
        .filter(|r| !r.is_empty());
    Ok(Marker {
        names,
        reason,
        whole_file,
    })
}

fn strip_comment_closer(s: &str) -> &str {
    let s = s.trim_end();
    s.strip_suffix("-->")
        .or_else(|| s.strip_suffix("*/"))
        .unwrap_or(s)
}

fn unknown_lint(name: &str) -> String {
    match LintId::suggest(name) {
        Some(near) => format!("unknown lint `{name}`; did you mean `{near}`?"),
        None => format!("unknown lint `{name}`; `presign-lint lints` lists them"),
    }
}

/// Whether code precedes the comment on its line.
fn is_trailing_comment(before: &str) -> bool {
    let code = COMMENT_OPENERS
        .iter()
        .filter_map(|o| before.find(o))
        .min()
        .map_or(before, |i| &before[..i]);
    !code.trim().is_empty()
}

/// Last line of the statement starting at `line`: brackets opened there are followed until
/// they close. Quotes are skipped so a `(` in a string does not count. Bounded, so a file of
/// unbalanced brackets costs nothing.
fn statement_end(source: &SourceFile, line: usize) -> usize {
    const MAX_STATEMENT_LINES: usize = 200;
    let last = source.line_count().min(line + MAX_STATEMENT_LINES);
    let mut depth: i64 = 0;
    for current in line..=last {
        let mut quote: Option<char> = None;
        let mut escaped = false;
        for c in source.line_text(current).chars() {
            match quote {
                Some(q) => {
                    if escaped {
                        escaped = false;
                    } else if c == '\\' {
                        escaped = true;
                    } else if c == q {
                        quote = None;
                    }
                }
                None => match c {
                    '"' | '\'' | '`' => quote = Some(c),
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' | '}' => depth -= 1,
                    _ => {}
                },
            }
        }
        if depth <= 0 {
            return current;
        }
    }
    last.max(line.min(source.line_count()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOOL: &str = "presign-lint";

    fn parse_text(text: &str) -> (Vec<Suppression>, Vec<Malformed>) {
        parse(&SourceFile::new(text.to_string()), false)
    }

    #[test]
    fn markdown_code_blocks_show_the_syntax() {
        let text = format!(
            "```python\n# {TOOL}: allow(excessive-expiry)\nx = 1\n```\n<!-- {TOOL}: allow(excessive-expiry) -->\n"
        );
        let (s, m) = parse(&SourceFile::new(text), true);
        assert_eq!((s.len(), m.len()), (1, 0));
        assert_eq!(s[0].covers, 5..=5);
    }

    #[test]
    fn covers_the_next_multiline_statement() {
        let (s, m) = parse_text(&format!(
            "# {TOOL}: allow(excessive-expiry) reason: reviewed\nurl = f(\n  a,\n  ExpiresIn=9,\n)\nnext = 1\n"
        ));
        assert!(m.is_empty());
        assert_eq!(s[0].covers, 1..=5);
        assert_eq!(s[0].reason.as_deref(), Some("reviewed"));
    }

    #[test]
    fn a_file_marker_covers_the_whole_file() {
        let (s, m) = parse_text(&format!(
            "a = 1\nb = 2\n# {TOOL}: allow-file(hardcoded-presigned-url) reason: signing test vectors\nc = 3\n"
        ));
        assert!(m.is_empty());
        assert_eq!(s[0].covers, 1..=4);
        assert_eq!(s[0].reason.as_deref(), Some("signing test vectors"));
        let (s, m) = parse_text(&format!("# {TOOL}: allow-file()\n"));
        assert!(s.is_empty() && m.len() == 1);
    }

    #[test]
    fn trailing_marker_covers_its_line() {
        let (s, _) = parse_text(&format!(
            "x = 1 // {TOOL}: allow(presign-in-loop, excessive-expiry)\ny\n"
        ));
        assert_eq!(s[0].covers, 1..=1);
        assert_eq!(s[0].lints.len(), 2);
    }

    #[test]
    fn malformed_markers_suppress_nothing() {
        // Built at run time so this file holds no marker of its own.
        for rest in ["allow", "allow()", "allow(excessive-expiry", "ignore-all"] {
            let text = format!("# {}: {rest}\nx\n", TOOL);
            let text = text.as_str();
            let (s, m) = parse_text(text);
            assert!(s.is_empty(), "{text}");
            assert_eq!(m.len(), 1, "{text}");
        }
        let (s, m) = parse_text(&format!("# {TOOL}: allow(excesive-expiry)\n"));
        assert!(s.is_empty());
        assert!(m[0].problem.contains("did you mean `excessive-expiry`"));
    }

    #[test]
    fn prose_is_not_a_marker() {
        for text in [
            "//! presign-lint: a static security linter\n",
            "/// A `presign-lint: allow(...)` comment.\n",
            "# write presign-lint: allow(<lint>) above it\n",
        ] {
            let (s, m) = parse_text(text);
            assert!(s.is_empty() && m.is_empty(), "{text}");
        }
        let (s, m) = parse_text("Write `presign-lint: allow(excessive-expiry)` above the call.\n");
        assert!(s.is_empty() && m.is_empty());
    }
}
