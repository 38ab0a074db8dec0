//! One file, start to finish: prefilter, front end, lints, suppressions, findings.

use std::ops::Range;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use std::collections::BTreeSet;

use crate::driver::settings::Settings;
use crate::finding::{Finding, Related, Snippet, Unchecked, UncheckedKind};
use crate::frontend;
use crate::level::Level;
use crate::lints::suppress;
use crate::lints::{self, Diagnostic, LintId, RelatedSpan};
use crate::semantic::Model;
use crate::semantic::project::{FileEntry, FileId, FileScope, Project, Scope};
use crate::text::prefilter::Prefilter;
use crate::text::redact::{mask, redact};
use crate::text::source::{SourceFile, has_utf16_bom};

/// Bytes inspected for a NUL to decide a file is binary (as git and ripgrep do). Nothing
/// reads a binary file past them: a scan reads this much of a file first (see
/// `scan::read_file`) and the rest only when the head is not binary.
pub const BINARY_SNIFF_LEN: usize = 8 * 1024;

pub enum Outcome {
    Analyzed {
        findings: Vec<Finding>,
        /// What could not be checked: expiries set at run time, and the file itself when it
        /// needed a parse and did not get one ([`frontend::Facts::unparsed`]).
        unchecked: Vec<Unchecked>,
        /// What a parsed source file gives the project, and what it asked of it.
        project: Option<Box<ProjectOutput>>,
        /// Whether (and which buckets) the file presigns with S3, for the lints that report
        /// only in a scan that presigns ([`lints::keep_in_scan`]).
        presigns: lints::PresignUse,
    },
    SkippedBinary,
    /// A report presign-lint wrote (SARIF, JSON, baseline): never linted.
    SkippedReport,
}

/// The project a file is analysed in ([`crate::semantic::project`]).
pub struct ProjectInput<'a> {
    pub project: &'a Project,
    pub file: FileId,
    /// The file's project root, asked only of a file that is parsed.
    pub root: &'a dyn Fn() -> PathBuf,
    /// Parse the file even without a trigger word: it names a presigning function or a
    /// constant another file needs.
    pub force_parse: bool,
    /// The file is read only for what it gives the project (a named file's project): only
    /// the presign lints' trigger words make it parsed, and nothing else is extracted.
    pub context_only: bool,
    /// Where a context file's syntax facts are kept between runs.
    pub syntax_cache: Option<&'a crate::driver::syntax_cache::SyntaxCache>,
}

pub struct ProjectOutput {
    pub exports: FileEntry,
    /// Names looked up in the project (see [`Project::changed_since`]).
    pub queried: BTreeSet<String>,
    /// Constants looked up and not found.
    pub wanted: BTreeSet<String>,
}

impl ProjectOutput {
    /// The project whose files this one's lookups walk.
    pub fn scope(&self) -> Scope {
        (self.exports.root.clone(), self.exports.family)
    }
}

/// The facts of one file. Its syntax comes from the cache when a run made it of the same
/// path and text: a file a later pass analyses again, a file read for its project only, and
/// with a cache kept between runs any file, a named one included (one that changed misses,
/// at the cost of hashing its text). Without a cache kept between runs, a directory scan's
/// first pass parses each file once, and asks nothing.
fn extract(
    absolute: &Path,
    text: &str,
    needs: frontend::Needs,
    project: Option<&ProjectInput<'_>>,
) -> frontend::Facts {
    let Some((cache, reuse)) = project.filter(|_| needs.syntax).and_then(|p| {
        let cache = p.syntax_cache?;
        Some((
            cache,
            p.context_only || p.force_parse || cache.is_persistent(),
        ))
    }) else {
        return frontend::extract(absolute, text, needs);
    };
    if reuse && let Some(syntax) = cache.get(absolute, text) {
        let mut facts = frontend::extract(
            absolute,
            text,
            frontend::Needs {
                syntax: false,
                ..needs
            },
        );
        facts.syntax = Some(syntax);
        return facts;
    }
    let facts = frontend::extract(absolute, text, needs);
    if let Some(syntax) = &facts.syntax {
        cache.put(absolute, text, syntax);
    }
    facts
}

pub fn is_binary(bytes: &[u8]) -> bool {
    !has_utf16_bom(bytes)
        && memchr::memchr(0, &bytes[..bytes.len().min(BINARY_SNIFF_LEN)]).is_some()
}

/// Analyzes one file's bytes. `display` makes the path printed in reports (only for a file
/// with trigger words: most have none); `absolute` is used for path-specific settings.
/// The lints about presign calls, whose trigger words are those of a file that presigns.
const PRESIGN_LINTS: u64 = 1 << LintId::ExcessiveExpiry as u64
    | 1 << LintId::ExpiryExceedsLimit as u64
    | 1 << LintId::PresignInLoop as u64
    | 1 << LintId::PresignedUrlLogged as u64;

pub fn analyze(
    display: &dyn Fn() -> String,
    absolute: &Path,
    bytes: Vec<u8>,
    settings: &Settings,
    prefilter: &Prefilter,
    project: Option<&ProjectInput<'_>>,
) -> Outcome {
    if is_binary(&bytes) {
        return Outcome::SkippedBinary;
    }
    let utf16 = has_utf16_bom(&bytes);
    let force = project.is_some_and(|p| p.force_parse);
    let context_only = project.is_some_and(|p| p.context_only);
    let mut triggered = prefilter.triggered(&bytes);
    if context_only {
        triggered &= PRESIGN_LINTS;
    }
    if triggered == 0 && !utf16 && !force {
        return Outcome::Analyzed {
            findings: Vec::new(),
            unchecked: Vec::new(),
            project: None,
            presigns: lints::PresignUse::default(),
        };
    }
    if !utf16 && crate::report::is_own_report(&bytes) {
        return Outcome::SkippedReport;
    }
    let display = &display();
    let source = SourceFile::from_vec(bytes);
    if utf16 {
        triggered = prefilter.triggered(source.text.as_bytes());
        if context_only {
            triggered &= PRESIGN_LINTS;
        }
    }
    if force {
        // Calls of the project's presigning functions are presign sites of their own.
        for id in [
            LintId::ExcessiveExpiry,
            LintId::ExpiryExceedsLimit,
            LintId::PresignInLoop,
            LintId::PresignedUrlLogged,
        ] {
            triggered |= 1 << id as usize;
        }
    }
    let levels = settings.levels_for(absolute);
    let enabled = |id: LintId| levels[id as usize] != Level::Allow;
    let runs = |id: LintId| enabled(id) && triggered & (1 << id as usize) != 0;

    let needs = lints::needs(
        enabled,
        |id| triggered & (1 << id as usize) != 0,
        &source.text,
    );
    let facts = extract(absolute, &source.text, needs, project);
    let root = match (project, &facts.syntax) {
        (Some(p), Some(_)) => Some((p.root)()),
        _ => None,
    };
    let scope = match (project, &facts.syntax, &root, facts.kind.language) {
        (Some(p), Some(syntax), Some(root), Some(language)) => Some(FileScope::new(
            p.project,
            absolute,
            root,
            language.family(),
            &syntax.imports,
        )),
        _ => None,
    };
    // A signed URL split across literals or lines: no line shows by itself that a piece
    // belongs to a signature, so findings quote the file with those pieces masked (same
    // length: positions hold). Found here too when the lints that find them are allowed.
    let shown_urls;
    let urls = if facts.signed_urls.is_empty()
        && triggered & (1 << LintId::HardcodedPresignedUrl as usize) != 0
        && !enabled(LintId::HardcodedPresignedUrl)
        && !enabled(LintId::InsecureTransport)
    {
        shown_urls = crate::text::signed_url::find_signed_urls(&source.text);
        &shown_urls
    } else {
        &facts.signed_urls
    };
    let masked = crate::text::signed_url::masked_text(&source.text, urls).map(SourceFile::new);
    let shown = masked.as_ref().unwrap_or(&source);
    let hop = |span: Range<usize>, message: String| related(display, shown, span, &message);
    let model = match (&facts.syntax, facts.kind.language) {
        (Some(syntax), Some(language)) => Some(Model::build(
            syntax,
            language.family(),
            scope.as_ref(),
            project.map_or(0, |p| p.file),
            &hop,
        )),
        _ => None,
    };
    let mut output = lints::Output::default();
    // A context file's findings are never reported: only its model (exports) is needed.
    if !context_only {
        lints::check(
            &lints::Context {
                path: absolute,
                facts: &facts,
                model: model.as_ref(),
                source: &source,
                text: &source.text,
                max_expiry: settings.max_expiry,
                enabled: &runs,
                now: settings.now,
            },
            &mut output,
        );
    }
    let presigns = lints::presign_use(&facts, model.as_ref(), &source);
    let project_output = match (&model, &scope, &root) {
        (Some(model), Some(scope), Some(root)) => Some(Box::new(ProjectOutput {
            exports: model.exports(&source, absolute.to_path_buf(), root.clone()),
            queried: scope.queried.take(),
            wanted: scope.wanted.take(),
        })),
        _ => None,
    };
    let mut findings: Vec<Finding> = output
        .diagnostics
        .into_iter()
        .map(|d| to_finding(display, shown, levels[d.lint as usize], d))
        .collect();
    for diagnostic in suppress::apply(&source, facts.kind, &mut findings, &enabled) {
        let level = levels[diagnostic.lint as usize];
        findings.push(to_finding(display, shown, level, diagnostic));
    }
    let mut unchecked: Vec<Unchecked> = output
        .dynamic_expiries
        .into_iter()
        .map(|(offset, reason)| Unchecked {
            path: display.clone(),
            line: source.position(offset).0,
            kind: UncheckedKind::DynamicExpiry,
            reason: one_line_message(&redact(&reason).text),
        })
        .collect();
    if facts.unparsed {
        unchecked.push(Unchecked {
            path: display.clone(),
            line: 1,
            kind: UncheckedKind::UnparsedFile,
            reason: "the file could not be parsed (over the size, nesting or work limits, or invalid syntax): only the text-level checks ran".to_string(),
        });
    }
    Outcome::Analyzed {
        findings,
        unchecked,
        project: project_output,
        presigns,
    }
}

fn to_finding(display: &str, source: &SourceFile, level: Level, d: Diagnostic) -> Finding {
    // A per-finding cap lowers the lint's level (loopback endpoints: `note`); `allow` stays off.
    let level = match d.level_cap {
        Some(cap) if level > cap => cap,
        _ => level,
    };
    let (line, column) = source.position(d.span.start);
    let (end_line, end_column) = source.position(d.span.end);
    Finding {
        lint: d.lint,
        level,
        path: display.to_string(),
        line,
        column,
        end_line,
        end_column,
        utf16_columns: source.utf16_columns(&d.span),
        // Messages may quote source text (an unknown lint name in a suppression marker):
        // redacted here, like the snippet, so no reporter can print a secret; and on one line,
        // whatever a lint quoted.
        message: one_line_message(&redact(&d.message).text),
        help: d.help.map(|h| redact(&h).text),
        fingerprint: fingerprint(d.lint, display, &d.identity),
        content_fingerprint: fingerprint(d.lint, "", &d.identity),
        details: crate::text::redact::redact_details(d.details),
        snippet: snippet(source, line, d.span),
        suppression: None,
        provenance: None,
        related: d
            .related
            .into_iter()
            .map(|r| match r {
                RelatedSpan::Here { span, message } => related(display, source, span, &message),
                RelatedSpan::Elsewhere(r) => r,
            })
            .collect(),
    }
}

/// A message on one line: line breaks and the indentation after them become one space.
fn one_line_message(message: &str) -> String {
    if !message.contains(['\n', '\r']) {
        return message.to_string();
    }
    message
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A secondary location in `source`, positioned and redacted like a finding.
pub fn related(display: &str, source: &SourceFile, span: Range<usize>, message: &str) -> Related {
    let (line, column) = source.position(span.start);
    let (end_line, end_column) = source.position(span.end);
    Related {
        path: display.to_string(),
        line,
        column,
        end_line,
        end_column,
        utf16_columns: source.utf16_columns(&span),
        message: redact(message).text,
        snippet: snippet(source, line, span),
    }
}

/// Stable across line moves: the lint, the path and the normalised content, hashed.
pub fn fingerprint(lint: LintId, path: &str, identity: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(lint.name().as_bytes());
    hasher.update([0]);
    hasher.update(path.as_bytes());
    hasher.update([0]);
    hasher.update(
        identity
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .as_bytes(),
    );
    let digest = hasher.finalize();
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// The finding's first line, redacted, around the span: up to `CONTEXT` characters each
/// side and `MAX_SPAN` of the span itself, more than any terminal shows; the human renderer
/// cuts it to the width it has ([`crate::report`]), marking each cut with `…`.
fn snippet(source: &SourceFile, line: usize, span: Range<usize>) -> Snippet {
    const CONTEXT: usize = 200;
    const MAX_SPAN: usize = 300;
    let line_range = source.line_range(line);
    let line_text = &source.text[line_range.clone()];
    let start = floor_boundary(
        line_text,
        span.start
            .saturating_sub(line_range.start)
            .min(line_text.len()),
    );
    let end = floor_boundary(
        line_text,
        span.end
            .saturating_sub(line_range.start)
            .clamp(start, line_text.len()),
    );

    // Only a window around what is shown is redacted (a minified line can be megabytes):
    // it ends at a separator no secret holds (space, quote, `<`, `>`) at least NAME_SLACK
    // bytes beyond what is shown, so a secret and the name before it (`SECRET_KEY = …`) are
    // read whole; with no separator, REDACT_MARGIN bytes beyond, wider than any secret is
    // long. A line of many findings then costs O(window) per finding, and the window is
    // about 2 KB on ordinary text, not 32 KB.
    const REDACT_MARGIN: usize = 16 * 1024;
    const NAME_SLACK: usize = 256;
    let is_separator = |b: &u8| matches!(b, b' ' | b'\t' | b'"' | b'\'' | b'`' | b'<' | b'>');
    let bytes = line_text.as_bytes();
    let reach = start.saturating_sub(4 * CONTEXT + NAME_SLACK);
    let window_start = floor_boundary(
        line_text,
        bytes[reach.saturating_sub(REDACT_MARGIN)..reach]
            .iter()
            .rposition(is_separator)
            .map_or(reach.saturating_sub(REDACT_MARGIN), |i| {
                reach.saturating_sub(REDACT_MARGIN) + i
            }),
    );
    // At most MAX_SPAN characters of the span are shown (4 bytes each at most), so a span
    // that runs over a long line (a malformed marker's) does not widen the window.
    let shown_end = end.min(start.saturating_add(4 * MAX_SPAN));
    let reach = shown_end
        .saturating_add(4 * CONTEXT + NAME_SLACK)
        .min(line_text.len());
    let limit = reach.saturating_add(REDACT_MARGIN).min(line_text.len());
    let window_end = floor_boundary(
        line_text,
        bytes[reach..limit]
            .iter()
            .position(is_separator)
            .map_or(limit, |i| reach + i),
    );
    // Counted through the file's column checkpoints: O(window), not O(line), per finding.
    let skipped_chars = source.position(line_range.start + window_start).1 - 1;
    let prefix = mask(&line_text[window_start..start]);
    let prefix_chars = prefix.chars().count();
    let kept_from = prefix
        .char_indices()
        .nth(prefix_chars.saturating_sub(CONTEXT))
        .map_or(prefix.len(), |(i, _)| i);
    let kept = &prefix[kept_from..];
    let hidden_before = skipped_chars + prefix_chars - kept.chars().count();

    let rest = redact(&line_text[start..window_end]);
    let annotated_end = rest.map(end - start, true).min(rest.text.len());
    let (annotated, span_cut) = take_chars(&rest.text[..annotated_end], MAX_SPAN);
    let (after, after_cut) = if span_cut {
        ("", true)
    } else {
        take_chars(&rest.text[annotated_end..], CONTEXT)
    };
    let mut text = String::with_capacity(kept.len() + annotated.len() + after.len());
    text.push_str(kept);
    let range = text.len()..text.len() + annotated.len();
    text.push_str(annotated);
    text.push_str(after);
    Snippet {
        line,
        text,
        range,
        hidden_before,
        cut_after: after_cut || window_end < line_text.len(),
    }
}

/// The first `max` characters of `text`, and whether any were left out.
fn take_chars(text: &str, max: usize) -> (&str, bool) {
    match text.char_indices().nth(max) {
        Some((i, _)) => (&text[..i], true),
        None => (text, false),
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minified line: only a window around the span is redacted and kept, yet a secret next
    /// to the span is still hidden and what was left out on each side is known.
    #[test]
    fn long_line_snippets_stay_small_redacted_and_aligned() {
        let secret = "Zx9/Kq2TmPw4Rb7Ln8Ys3Hd6Jf1Gc5Vt0Ea+Uo4i";
        let filler = "é".repeat(50_000);
        let text = format!("{filler} k='{secret}' u=x{filler}\n");
        let at = text.find("u=x").expect("span");
        let snip = snippet(&SourceFile::new(text.clone()), 1, at..at + 3);
        assert!(
            !snip.text.contains(secret),
            "{}",
            &snip.text[snip.text.len() - 200..]
        );
        assert_eq!(&snip.text[snip.range.clone()], "u=x");
        assert_eq!(
            snip.hidden_before + snip.text[..snip.range.start].chars().count(),
            text[..at].chars().count()
        );
        assert!(snip.cut_after);
        assert!(snip.text.chars().count() <= 500);
    }
    use crate::driver::config::Config;

    /// Found by the `signed_url` fuzz target (fuzz/regressions/signed_url/): a suppression
    /// marker quoting a signed URL, as its reason (SARIF `justification`) or as an unknown lint
    /// name (the message of `invalid-suppression`), printed the signature.
    #[test]
    fn messages_and_suppression_reasons_are_redacted() {
        // Assembled, so this file holds no marker and no signed URL of its own.
        let tool = "presign-lint";
        let sig = "0b3c5e7a9f1d2c4b6a8e0f2d4c6b8a0e1f3d5c7b9a2e4f6d8c0b1a3e5f7d9c2b";
        let url = format!(
            "https://acme-data.s3.us-east-1.amazonaws.com/r.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAZ7Q3M4XN2L5P8R6T%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-{}={sig}",
            "Signature"
        );
        let text = format!(
            "# {tool}: allow({url}) reason: typo\nx = 1\n\
             # {tool}: allow(hardcoded-presigned-url) reason: was {url}\nU = \"{url}\"\n"
        );
        let settings = Settings::new(Config::default(), Vec::new(), None, None, None);
        let Outcome::Analyzed { findings, .. } = analyze(
            &|| "a.py".into(),
            Path::new("/t/a.py"),
            text.as_bytes().to_vec(),
            &settings,
            &Prefilter::new(),
            None,
        ) else {
            panic!("text, not binary");
        };
        assert!(
            findings
                .iter()
                .any(|f| f.lint == LintId::InvalidSuppression)
        );
        assert!(findings.iter().any(|f| {
            f.suppression
                .as_ref()
                .is_some_and(|s| s.justification.is_some())
        }));
        for f in &findings {
            let shown = format!("{f:?}");
            assert!(!shown.contains(sig), "{shown}");
        }
    }
}
