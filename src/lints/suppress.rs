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

use super::{Diagnostic, LintId};
use crate::finding::{Finding, Suppressed, SuppressionKind};
use crate::frontend::FileKind;
use crate::text::redact::redact;
use crate::text::source::SourceFile;

pub const MARKER: &str = "presign-lint:";

#[derive(Debug)]
pub struct Suppression {
    /// Byte range of the marker comment text (from `presign-lint:` to the end of the line).
    pub span: Range<usize>,
    /// Lines (1-based) whose findings it hides.
    pub covers: RangeInclusive<usize>,
    pub lints: Vec<LintId>,
    pub reason: Option<String>,
    /// `allow-file(…)`: covers the whole file.
    pub whole_file: bool,
}

/// Finds the suppressions that may cover a line without trying each one: a file of 500,000
/// markers, each above a finding, costs O(n log n), not O(n²). Line markers cover at most
/// [`MAX_STATEMENT_LINES`] + 1 lines from their own, so only those that start that close
/// before a line are tried; file-wide markers are tried first-per-lint.
pub struct Lookup {
    /// Indices of line markers, in order of the line they start on (markers are parsed in
    /// order of position, so this is their order).
    by_line: Vec<(usize, usize)>,
    /// For each lint, the first file-wide marker naming it.
    whole_file: Vec<Option<usize>>,
}

impl Lookup {
    pub fn new(suppressions: &[Suppression]) -> Self {
        let mut by_line = Vec::new();
        let mut whole_file = vec![None; LintId::ALL.len()];
        for (index, s) in suppressions.iter().enumerate() {
            if s.whole_file {
                for lint in &s.lints {
                    let slot = &mut whole_file[*lint as usize];
                    slot.get_or_insert(index);
                }
            } else {
                by_line.push((*s.covers.start(), index));
            }
        }
        by_line.sort_unstable();
        Lookup {
            by_line,
            whole_file,
        }
    }

    /// Indices of the suppressions that may cover `line` for `lint`, in order of position
    /// (the first that covers it and names the lint is the one that applies).
    pub fn candidates(&self, line: usize, lint: LintId) -> Vec<usize> {
        let from = line.saturating_sub(MAX_STATEMENT_LINES + 1);
        let first = self.by_line.partition_point(|(start, _)| *start < from);
        let last = self.by_line.partition_point(|(start, _)| *start <= line);
        let mut found: Vec<usize> = self.by_line[first..last].iter().map(|(_, i)| *i).collect();
        if let Some(index) = self.whole_file.get(lint as usize).copied().flatten() {
            found.push(index);
        }
        found.sort_unstable();
        found
    }
}

/// A marker that could not be read, with what is wrong.
#[derive(Debug)]
pub struct Malformed {
    pub span: Range<usize>,
    pub problem: String,
}

/// Applies a file's markers to its findings, after every other lint ran: each finding a
/// marker covers records the marker's reason. Returns the suppression lints' diagnostics
/// (`invalid-suppression`, `unused-suppression`), for the lints `enabled` turns on.
pub fn apply(
    source: &SourceFile,
    kind: FileKind,
    findings: &mut [Finding],
    enabled: &dyn Fn(LintId) -> bool,
) -> Vec<Diagnostic> {
    let (suppressions, malformed) = parse(source, kind);
    let mut used: Vec<Vec<bool>> = suppressions
        .iter()
        .map(|s| vec![false; s.lints.len()])
        .collect();
    let lookup = Lookup::new(&suppressions);
    for finding in findings.iter_mut() {
        for index in lookup.candidates(finding.line, finding.lint) {
            let (s, used) = (&suppressions[index], &mut used[index]);
            if !s.covers.contains(&finding.line) {
                continue;
            }
            if let Some(i) = s.lints.iter().position(|l| *l == finding.lint) {
                used[i] = true;
                finding.suppression = Some(Suppressed {
                    kind: SuppressionKind::InSource,
                    // The reason is source text: a URL pasted there carries its signature.
                    justification: s.reason.as_deref().map(|r| redact(r).text),
                });
                break;
            }
        }
    }
    let mut out = Vec::new();
    if enabled(LintId::InvalidSuppression) {
        out.extend(super::invalid_suppression::diagnostics(&malformed, source));
    }
    if enabled(LintId::UnusedSuppression) {
        out.extend(super::unused_suppression::diagnostics(
            &suppressions,
            &used,
            enabled,
            source,
        ));
    }
    out
}

/// A suppression lint's diagnostic on a marker; the marker's text is its identity.
pub(super) fn marker_diagnostic(
    lint: LintId,
    span: Range<usize>,
    finding: &impl super::Explained,
    source: &SourceFile,
) -> Diagnostic {
    let identity = marker_identity(&source.text[span.clone()]);
    Diagnostic::explained(lint, span, identity, finding)
}

/// A marker's text as its findings' identity, bounded: a marker that runs over a megabyte
/// line (ten thousand lint names) is hashed for each of its findings, so only its first
/// `MAX_IDENTITY` bytes count (more than any real marker has).
fn marker_identity(text: &str) -> String {
    const MAX_IDENTITY: usize = 1024;
    let text = text.trim();
    let mut end = MAX_IDENTITY.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_string()
}

/// Comment openers of the files without a language profile (configuration, shell, SQL,
/// Markdown, TeX). A marker counts only after one of its file's openers on its line, so prose
/// that mentions the syntax (like this crate's README) is not a suppression; a source file's
/// openers are its language's ([`crate::frontend::profile::Profile::comment_openers`]).
const COMMENT_OPENERS: &[&str] = &["#", "//", "/*", "*", "<!--", "--", ";", "%"];

/// Parses the markers of a file. In prose (Markdown), markers inside fenced code blocks are
/// examples of the syntax, not suppressions (HTML comments are the way to suppress there).
pub fn parse(source: &SourceFile, kind: FileKind) -> (Vec<Suppression>, Vec<Malformed>) {
    let text = &source.text;
    let mut suppressions = Vec::new();
    let mut malformed = Vec::new();
    let fenced = if kind.prose {
        fenced_lines(source)
    } else {
        Vec::new()
    };
    let starts: Vec<usize> =
        memchr::memmem::find_iter(text.as_bytes(), MARKER.as_bytes()).collect();
    // The comment openers of the line being read, found once per line: a line of ten
    // thousand markers costs O(line), not O(line) per marker.
    let mut openers = LineOpeners {
        openers: kind
            .language
            .map_or(COMMENT_OPENERS, |l| l.family().profile().comment_openers),
        ..LineOpeners::default()
    };
    for (index, &at) in starts.iter().enumerate() {
        let (line, _) = source.position(at);
        if fenced.get(line - 1).copied().unwrap_or(false) {
            continue;
        }
        let line_range = source.line_range(line);
        openers.read(source, line);
        let before_len = at - line_range.start;
        let Some(first_opener) = openers.first_within(before_len) else {
            continue;
        };
        let before = &text[line_range.start..at];
        // A marker's text ends where the next marker on its line starts.
        let comment_end = starts
            .get(index + 1)
            .copied()
            .filter(|next| *next < line_range.end)
            .unwrap_or(line_range.end);
        let comment = &text[at..comment_end];
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
                } else if is_trailing_comment(&before[..first_opener]) {
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
                        whole_file,
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

/// Whether code precedes the comment on its line (`code`: the line before its first comment
/// opener).
fn is_trailing_comment(code: &str) -> bool {
    !code.trim().is_empty()
}

/// The first occurrence of each comment opener on one line, as byte ranges from its start.
#[derive(Default)]
struct LineOpeners {
    openers: &'static [&'static str],
    line: usize,
    first: Vec<Range<usize>>,
}

impl LineOpeners {
    fn read(&mut self, source: &SourceFile, line: usize) {
        if self.line == line {
            return;
        }
        let text = source.line_text(line);
        self.line = line;
        self.first = self
            .openers
            .iter()
            .filter_map(|o| {
                memchr::memmem::find(text.as_bytes(), o.as_bytes()).map(|i| i..i + o.len())
            })
            .collect();
    }

    /// Where the first comment opener that lies wholly within the first `len` bytes of the
    /// line starts (the first occurrence of an opener ends before any later one does).
    fn first_within(&self, len: usize) -> Option<usize> {
        self.first
            .iter()
            .filter(|r| r.end <= len)
            .map(|r| r.start)
            .min()
    }
}

/// Last line of the statement starting at `line`: brackets opened there are followed until
/// they close. Quotes are skipped so a `(` in a string does not count. Bounded, so a file of
/// unbalanced brackets costs nothing.
/// How many lines after a marker the statement it covers may run.
const MAX_STATEMENT_LINES: usize = 200;

fn statement_end(source: &SourceFile, line: usize) -> usize {
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
        parse(&SourceFile::new(text.to_string()), FileKind::default())
    }

    #[test]
    fn markdown_code_blocks_show_the_syntax() {
        let text = format!(
            "```python\n# {TOOL}: allow(excessive-expiry)\nx = 1\n```\n<!-- {TOOL}: allow(excessive-expiry) -->\n"
        );
        let (s, m) = parse(
            &SourceFile::new(text),
            FileKind::detect("README.md".as_ref()),
        );
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
