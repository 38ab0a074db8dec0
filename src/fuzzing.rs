//! Entry points of the fuzz targets (`fuzz/`, run with cargo-fuzz) and of their smoke test
//! (`tests/fuzz_corpus.rs`, which replays the seed corpus and every crash found so far on each
//! `cargo test`). Not an API: each function takes raw bytes, runs one part of the pipeline on
//! them, and panics only when an invariant breaks (a span out of bounds, a secret left in an
//! output), which is what the fuzzer reports.

use std::path::Path;
use std::sync::LazyLock;

use crate::driver::analyze::{Outcome, analyze};
use crate::driver::config::{self, Config};
use crate::driver::settings::Settings;
use crate::facts::{Expr, ExprKind, SyntaxFacts};
use crate::frontend::{self, FileKind, Language, Needs};
use crate::lints::suppress;
use crate::lints::{self, LintId, Status};
use crate::report::{self, Format, RenderOptions, Report, Summary};
use crate::semantic::eval::Env;
use crate::text::prefilter::Prefilter;
use crate::text::redact::{mask, redact};
use crate::text::signed_url::{decode, find_signed_urls};
use crate::text::source::SourceFile;

/// File extensions the language targets can feed their input as, chosen by the input's first
/// byte (modulo the length). The parsed languages come first: [`eval`] uses only those.
/// `fuzz/seed.sh` prefixes each fixture with the index of its extension, so keep it in sync.
pub const EXTENSIONS: [&str; 21] = [
    "py", "js", "ts", "tsx", "go", "java", "kt", "cs", "php", "rb", "rs", "ipynb", "cpp", "swift",
    "scala", // parsed
    "yaml", "json", "env", "tf", "sh", "md", // config keys, CLI commands, text
];
const PARSED: usize = 15;

/// The selector byte that makes [`front_end`] and [`eval`] read an input as `ext`.
pub fn selector(ext: &str) -> Option<u8> {
    EXTENSIONS.iter().position(|e| *e == ext).map(|i| i as u8)
}

fn split_selector(data: &[u8], choices: usize) -> (&'static str, &[u8]) {
    match data.split_first() {
        Some((first, rest)) => (EXTENSIONS[*first as usize % choices], rest),
        None => (EXTENSIONS[0], data),
    }
}

fn implemented(id: LintId) -> bool {
    id.info().status == Status::Implemented
}

/// The signed-URL detector and decoder, the redactor, and the text-level pipeline with every
/// reporter: nothing panics, spans stay in bounds, and no output holds a signature.
pub fn signed_url(data: &[u8]) {
    let source = SourceFile::from_bytes(data);
    let text = source.text.as_str();
    let urls = find_signed_urls(text);
    for url in &urls {
        assert!(url.span.start <= url.span.end && url.span.end <= text.len());
        assert!(text.is_char_boundary(url.span.start) && text.is_char_boundary(url.span.end));
    }
    let _ = decode::percent_decode(text);
    let _ = decode::unescape_json(text);
    let _ = decode::unescape_html(text);

    let redacted = redact(text);
    for offset in [0, text.len() / 2, text.len()] {
        assert!(redacted.map(offset, false) <= redacted.text.len());
        assert!(redacted.map(offset, true) <= redacted.text.len());
    }
    assert_eq!(mask(text).chars().count(), text.chars().count());

    // Signatures that appear verbatim once in the text must not survive redaction, nor reach
    // any report. (A value that also appears elsewhere, outside the URL, is not a secret there.)
    let secrets: Vec<&str> = urls
        .iter()
        .filter_map(|u| u.signature())
        .filter(|sig| sig.len() >= 16 && text.matches(*sig).count() == 1)
        .collect();
    for sig in &secrets {
        assert!(!redacted.text.contains(sig), "signature survived redaction");
    }

    static SETUP: LazyLock<(Settings, Prefilter)> = LazyLock::new(|| {
        (
            Settings::new(Config::default(), Vec::new(), None, None, None),
            Prefilter::new(),
        )
    });
    let (settings, prefilter) = &*SETUP;
    let path = Path::new("/fuzz/input.txt");
    let outcome = analyze(
        &|| "input.txt".into(),
        path,
        data.to_vec(),
        settings,
        prefilter,
        None,
    );
    let Outcome::Analyzed { findings, .. } = outcome else {
        return;
    };
    if findings.is_empty() {
        return;
    }
    for f in &findings {
        assert!(f.snippet.range.end <= f.snippet.text.len());
        assert!(f.line <= f.end_line);
    }
    let report = Report::new(findings, Vec::new(), Summary::default());
    let options = RenderOptions {
        color: true,
        quiet: false,
        elapsed: std::time::Duration::ZERO,
        statistics: false,
        show_unchecked: false,
        width: 120,
    };
    for format in [
        Format::Human,
        Format::Concise,
        Format::Json,
        Format::Sarif,
        Format::Github,
        Format::Gitlab,
    ] {
        // SARIF embeds (and redacts) every lint's documentation: most of the cost of a run,
        // so only a quarter of the inputs render it.
        if format == Format::Sarif && !data.len().is_multiple_of(4) {
            continue;
        }
        let output = report::render(format, &report, &options);
        for sig in &secrets {
            assert!(!output.contains(sig), "signature printed in {format:?}");
        }
    }
}

/// Every front end, fed the input as the language its first byte selects: facts are extracted
/// without panicking and every span lies in the text.
pub fn front_end(data: &[u8]) {
    let (ext, rest) = split_selector(data, EXTENSIONS.len());
    let source = SourceFile::from_bytes(rest);
    let text = source.text.as_str();
    let path = format!("/fuzz/input.{ext}");
    let facts = frontend::extract(
        Path::new(&path),
        text,
        Needs {
            signed_urls: true,
            syntax: true,
            expiries: true,
            credentials: true,
            iac: true,
        },
    );
    if let Some(syntax) = &facts.syntax {
        check_spans(syntax, text.len());
    }
    for c in &facts.config_expiries {
        let _ = format!("{c:?}");
    }
}

fn check_spans(syntax: &SyntaxFacts, len: usize) {
    fn expr(e: &Expr, len: usize) {
        assert!(e.span.start <= e.span.end && e.span.end <= len, "expr span");
        match &e.kind {
            ExprKind::Member(object, _) | ExprKind::Neg(object) | ExprKind::FirstResult(object) => {
                expr(object, len)
            }
            ExprKind::Interpolated(parts)
            | ExprKind::Choice(parts)
            | ExprKind::Fallback(parts, _) => parts.iter().for_each(|p| expr(p, len)),
            ExprKind::Binary(_, a, b) => {
                expr(a, len);
                expr(b, len);
            }
            ExprKind::Call(call) => {
                expr(&call.callee, len);
                call.args.iter().for_each(|a| expr(&a.value, len));
            }
            ExprKind::Object(fields) => fields.iter().for_each(|f| expr(&f.value, len)),
            ExprKind::Array(items) => items.iter().for_each(|i| expr(i, len)),
            _ => {}
        }
    }
    for call in &syntax.calls {
        assert!(call.call.span.end <= len, "call span");
        call.call.args.iter().for_each(|a| expr(&a.value, len));
        if let Some(f) = call.function {
            assert!(f < syntax.functions.len(), "call function index");
        }
    }
    for b in &syntax.bindings {
        assert!(b.span.end <= len, "binding span");
        expr(&b.value, len);
    }
}

/// The expression folder, on every binding value and call argument of a parsed file, then the
/// lints that use it: nothing panics or recurses without bound.
pub fn eval(data: &[u8]) {
    let (ext, rest) = split_selector(data, PARSED);
    let source = SourceFile::from_bytes(rest);
    let path = format!("/fuzz/input.{ext}");
    let facts = frontend::extract(
        Path::new(&path),
        &source.text,
        Needs {
            signed_urls: true,
            syntax: true,
            expiries: true,
            credentials: true,
            iac: true,
        },
    );
    let family = facts
        .kind
        .language
        .map_or(crate::frontend::Family::Python, Language::family);
    if let Some(syntax) = &facts.syntax {
        for b in &syntax.bindings {
            let _ = Env::new(syntax, &source, b.function, family).eval(&b.value);
        }
        for call in &syntax.calls {
            for arg in &call.call.args {
                let mut env = Env::new(syntax, &source, call.function, family);
                let _ = env.eval(&arg.value);
                let _ = env.resolve(&arg.value);
            }
        }
    }
    let hop = |span: std::ops::Range<usize>, message: String| {
        crate::driver::analyze::related("input", &source, span, &message)
    };
    let model = facts
        .syntax
        .as_ref()
        .map(|syntax| crate::semantic::Model::build(syntax, family, None, 0, &hop));
    let mut output = lints::Output::default();
    lints::check(
        &lints::Context {
            facts: &facts,
            model: model.as_ref(),
            source: &source,
            path: Path::new(&path),
            text: &source.text,
            max_expiry: 3600,
            enabled: &implemented,
            now: time::OffsetDateTime::now_utc(),
        },
        &mut output,
    );
    for d in &output.diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= source.text.len());
        let _ = source.position(d.span.end);
    }
}

/// The config file parser and the settings built from it.
pub fn config(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = crate::text::duration::parse_duration(&text);
    let Ok(config) = config::parse(&text, Path::new("/fuzz/presign-lint.toml")) else {
        return;
    };
    let settings = Settings::new(config, Vec::new(), None, None, None);
    for path in ["/fuzz/src/app.py", "/fuzz/tests/x/y.rs", "/elsewhere/a.js"] {
        let levels = settings.levels_for(Path::new(path));
        assert_eq!(levels.len(), LintId::ALL.len());
        let _ = settings.is_excluded(Path::new(path), false);
    }
}

/// The suppression parser (the first byte's low bit says Markdown): spans in bounds and the
/// covered lines exist.
pub fn suppress(data: &[u8]) {
    let (markdown, rest) = match data.split_first() {
        Some((first, rest)) => (first & 1 == 1, rest),
        None => (false, data),
    };
    let source = SourceFile::from_bytes(rest);
    let name = if markdown { "input.md" } else { "input.txt" };
    let (suppressions, malformed) = suppress::parse(&source, FileKind::detect(Path::new(name)));
    for s in &suppressions {
        assert!(s.span.end <= source.text.len());
        assert!(s.covers.start() <= s.covers.end());
        assert!(*s.covers.start() >= 1);
    }
    for m in &malformed {
        assert!(m.span.end <= source.text.len());
    }
}

/// The signature [`errors`] plants in its inputs: no output may hold any 16 characters of it.
const PLANTED_SIGNATURE: &str = "0b3c5e7a9f1d2c4b6a8e0f2d4c6b8a0e1f3d5c7b9a2e4f6d8c0b1a3e5f7d9c2b";
const PLANTED_KEY_ID: &str = "AKIAZ7Q3M4XN2L5P8R6T";

/// Where error messages are made from input: a config file's text, a baseline's text and
/// path, and command-line arguments (the first byte chooses; the second where a signed URL is
/// planted in the rest). Every message, as run prints it, holds no piece of the planted
/// signature or key id, and no control character a CI log or terminal would act on.
pub fn errors(data: &[u8]) {
    let (mode, position, rest) = match data {
        [mode, position, rest @ ..] => (*mode % 3, *position as usize, rest),
        _ => return,
    };
    let text = String::from_utf8_lossy(rest);
    let planted = format!(
        " https://b.s3.amazonaws.com/k?X-Amz-Credential={PLANTED_KEY_ID}%2F20240101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature={PLANTED_SIGNATURE} "
    );
    let mut at = text.len() * position / 255;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let input = format!("{}{planted}{}", &text[..at], &text[at..]);
    let mut outputs: Vec<String> = Vec::new();
    match mode {
        0 => {
            let path = Path::new("/fuzz/presign-lint.toml");
            if let Err(e) = config::parse_shown(&input, path, "presign-lint.toml") {
                outputs.push(crate::text::redact::for_log(&e.to_string()));
            }
        }
        1 => {
            // The secret in the path (a directory named after a signed URL) or in the text.
            let (path, content) = match input.split_once('\0') {
                Some((path, content)) => (path.to_string(), content),
                None => (String::new(), input.as_str()),
            };
            let shown = crate::driver::paths::redact_path(Path::new(&path));
            outputs.push(crate::text::redact::printable(&shown));
            if let Err(e) = crate::driver::baseline::Baseline::parse(content, shown) {
                outputs.push(crate::text::redact::for_log(&e.to_string()));
            }
        }
        _ => {
            let args: Vec<std::ffi::OsString> = ["presign-lint", "check"]
                .into_iter()
                .map(str::to_string)
                .chain(input.split('\0').map(str::to_string))
                .map(std::ffi::OsString::from)
                .collect();
            match crate::driver::cli::parse(args.iter().cloned()) {
                Err(e) => {
                    outputs.push(crate::driver::run::clap_error_for_log(
                        &e.render().to_string(),
                        &args,
                    ));
                }
                Ok(parsed) => {
                    // The checks `check` makes before the scan, their messages as printed.
                    if let crate::driver::cli::Command::Check(check) = &parsed.cli.command
                        && let Err(e) = check.format.parse::<Format>()
                    {
                        outputs.push(crate::text::redact::for_log(&e.to_string()));
                    }
                    for (_, _, name) in &parsed.level_flags {
                        if let Err(e) = crate::driver::settings::LintSelector::parse(name) {
                            outputs.push(crate::text::redact::for_log(&e.to_string()));
                        }
                    }
                }
            }
        }
    }
    for output in &outputs {
        assert_no_planted_secret(output);
        for line in output.lines() {
            assert!(
                !line.trim_start().starts_with("::"),
                "a workflow command reached the log"
            );
        }
        assert!(
            !output
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "a control character reached the log"
        );
    }
}

fn assert_no_planted_secret(output: &str) {
    let windows = |secret: &'static str| (0..=secret.len() - 16).map(move |i| &secret[i..i + 16]);
    for piece in windows(PLANTED_SIGNATURE).chain(windows(PLANTED_KEY_ID)) {
        assert!(!output.contains(piece), "a planted secret was printed");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontend::profile::PROFILES;

    /// A new language is fuzzed as soon as it is read: one of its extensions is among the
    /// parsed ones (and `fuzz/seed.sh` lists the same).
    #[test]
    fn every_language_is_a_parsed_fuzz_extension() {
        for entry in PROFILES.iter().flat_map(|p| p.languages.iter()) {
            assert!(
                entry
                    .extensions
                    .iter()
                    .any(|e| EXTENSIONS[..PARSED].contains(e)),
                "{:?}: add an extension to fuzzing::EXTENSIONS (and fuzz/seed.sh)",
                entry.language
            );
        }
        let seed = include_str!("../fuzz/seed.sh");
        let listed = format!("extensions=({})", EXTENSIONS.join(" "));
        assert!(seed.contains(&listed), "fuzz/seed.sh must list {listed}");
        assert!(seed.contains(&format!("parsed={PARSED}")));
    }
}
