//! Lints, each written once against [`Facts`]. Each module holds one lint and declares it
//! ([`Rule`]: its trigger words, the facts it needs, its check); the registry names the
//! module, and the scan reads everything else from there.

mod bucket_access_logging_disabled;
pub mod docs;
mod expiry;
mod hardcoded_credentials;
mod hardcoded_presigned_url;
mod insecure_transport;
mod invalid_suppression;
mod legacy_signature_version;
mod presign_client_without_region;
mod presign_in_loop;
mod presigned_url_logged;
mod registry;
mod signature_age_not_capped;
pub mod suppress;
mod unused_suppression;
mod wildcard_s3_policy;

pub use registry::{LINTS, LintId, LintInfo, Status};
pub use signature_age_not_capped::{PresignUse, keep as keep_in_scan, presign_use};

use crate::frontend::{Facts, Needs};

/// What a lint reports, before levels, positions and suppressions are applied.
#[derive(Debug)]
pub struct Diagnostic {
    pub lint: LintId,
    /// Byte range in the file: what to change.
    pub span: std::ops::Range<usize>,
    pub message: String,
    pub help: Option<String>,
    pub details: serde_json::Map<String, serde_json::Value>,
    /// The normalised content the fingerprint hashes, so it survives lines moving. May contain
    /// secrets: it is only ever hashed.
    pub identity: String,
    /// The loudest level this finding may have, whatever the lint's level (`insecure-transport`
    /// on a loopback endpoint: `note`). Applied where levels are resolved; `allow` still wins.
    pub level_cap: Option<crate::level::Level>,
    /// Secondary locations ([`RelatedSpan`]), in order.
    pub related: Vec<RelatedSpan>,
}

impl Diagnostic {
    /// A diagnostic of `lint` at `span`, without help, details or related locations.
    fn new(
        lint: LintId,
        span: std::ops::Range<usize>,
        message: String,
        identity: String,
    ) -> Diagnostic {
        Diagnostic {
            lint,
            span,
            message,
            help: None,
            details: serde_json::Map::new(),
            identity,
            level_cap: None,
            related: Vec::new(),
        }
    }

    /// A diagnostic of `lint` at `span` from the lint's typed finding, which words its
    /// message and help and whose fields are its details.
    pub fn explained(
        lint: LintId,
        span: std::ops::Range<usize>,
        identity: String,
        finding: &impl Explained,
    ) -> Diagnostic {
        let mut diagnostic = Diagnostic::new(lint, span, finding.message(), identity);
        diagnostic.help = finding.help();
        diagnostic.with_details(finding)
    }

    /// The machine-readable details: a lint's typed finding, whose serialized fields (in
    /// order) are the JSON and SARIF `details`.
    fn with_details(mut self, details: &impl serde::Serialize) -> Diagnostic {
        if let Ok(serde_json::Value::Object(map)) = serde_json::to_value(details) {
            self.details = map;
        }
        self
    }
}

/// A lint's finding as one typed value: it words its message and help, and its serialized
/// fields (in order) are the JSON and SARIF `details` (fields only the wording needs are
/// `#[serde(skip)]`).
pub trait Explained: serde::Serialize {
    fn message(&self) -> String;
    fn help(&self) -> Option<String>;
}

/// A secondary location as a lint knows it: a span of the file being checked (positioned and
/// redacted when the finding is made), or a place in another file, already resolved.
#[derive(Clone, Debug)]
pub enum RelatedSpan {
    Here {
        span: std::ops::Range<usize>,
        message: String,
    },
    Elsewhere(crate::finding::Related),
}

/// What a lint sees of one file.
pub struct Context<'a> {
    /// The file's path (for lints that depend on the kind of file).
    pub path: &'a std::path::Path,
    pub facts: &'a Facts,
    /// The semantic model of a parsed source file: presign sites and summaries.
    pub model: Option<&'a crate::semantic::Model<'a>>,
    pub source: &'a crate::text::source::SourceFile,
    pub text: &'a str,
    pub max_expiry: u64,
    pub enabled: &'a dyn Fn(LintId) -> bool,
    /// The scan's clock: whether a signed URL has expired is decided against it.
    pub now: time::OffsetDateTime,
}

/// What the lints of one file produce.
#[derive(Default)]
pub struct Output {
    pub diagnostics: Vec<Diagnostic>,
    /// Expiries that could not be resolved statically (not findings; listed as unchecked):
    /// where (a byte offset) and what was set at run time.
    pub dynamic_expiries: Vec<(usize, String)>,
}

/// What a lint module declares about its lint.
pub struct Rule {
    /// Literal words (matched ASCII-case-insensitively) at least one of which appears in any
    /// file the lint can report on. A file with none of the enabled lints' words is skipped
    /// before any decoding, and a lint whose words a file lacks does not run on it (so its
    /// facts, such as a parse, are not computed).
    pub triggers: fn() -> Vec<&'static str>,
    /// The facts it reads in a file that holds its trigger words (given the file's text, to
    /// ask for a parse only where a cheap test says one can find something).
    pub needs: fn(&str) -> Needs,
    /// The facts it reads in any file that presigns (holds a presign call's words), whether
    /// or not it holds the lint's own words: every lint about presign calls, the clients
    /// that make them or the buckets they sign for.
    pub needs_where_presigned: Needs,
    pub check: Check,
}

/// How a lint is checked.
#[derive(Clone, Copy)]
pub enum Check {
    /// By its own check, run once per file.
    Own(fn(&Context<'_>, &mut Output)),
    /// By another lint's check, which reports both (`expiry-exceeds-limit` by
    /// `excessive-expiry`'s).
    By(LintId),
    /// From the file's suppression markers, after every other lint ([`suppress::apply`]).
    Suppressions,
}

/// The facts one file needs: `enabled` says which lints the configuration turns on for it,
/// `triggered` which lints' trigger words it holds. Parsing, the costly part, happens only
/// for a file that presigns (or configures signing, or holds credential-shaped values).
pub fn needs(
    enabled: impl Fn(LintId) -> bool,
    triggered: impl Fn(LintId) -> bool,
    text: &str,
) -> Needs {
    // Every file with a presign call holds one of `excessive-expiry`'s trigger words.
    let presigns = triggered(LintId::ExcessiveExpiry);
    let mut needs = Needs::NONE;
    for &id in LintId::ALL.iter().filter(|&&id| enabled(id)) {
        let rule = id.rule();
        if triggered(id) {
            needs = needs.union((rule.needs)(text));
        }
        if presigns {
            needs = needs.union(rule.needs_where_presigned);
        }
    }
    needs
}

/// Runs the check of every enabled lint on one file (the suppression lints run later, on its
/// findings).
pub fn check(cx: &Context<'_>, out: &mut Output) {
    for &id in LintId::ALL {
        if let Check::Own(check) = id.rule().check
            && reports_any(id, cx.enabled)
        {
            check(cx, out);
        }
    }
}

/// Whether `id`'s check reports an enabled lint: its own, or one checked [`Check::By`] it.
fn reports_any(id: LintId, enabled: &dyn Fn(LintId) -> bool) -> bool {
    enabled(id)
        || LintId::ALL
            .iter()
            .any(|&other| matches!(other.rule().check, Check::By(by) if by == id) && enabled(other))
}

/// A lint's trigger words (see [`Rule::triggers`]).
pub fn triggers(id: LintId) -> Vec<&'static str> {
    (id.rule().triggers)()
}

/// Every trigger word of the enabled lints as the prefilter searches it, deduplicated.
pub fn trigger_words(enabled: impl Fn(LintId) -> bool) -> Vec<&'static str> {
    let mut words: Vec<&'static str> = Vec::new();
    for &id in LintId::ALL.iter().filter(|&&id| enabled(id)) {
        for trigger in triggers(id) {
            let (_, word) = split_trigger(trigger);
            if !words.contains(&word) {
                words.push(word);
            }
        }
    }
    words
}

/// A trigger as the prefilter searches it: the text that must come right before the word
/// for it to count (empty: nothing), and the word. A lint writes `(po)stpolicy` for a word
/// that counts only inside `postpolicy`: Teddy keys on a word's first bytes and checks a
/// candidate wherever they occur, so the rarer inside of a name is searched (`stp`, not the
/// `pos` of every `position`), and the context drops the names that share only that inside
/// (`trustPolicy`).
pub fn split_trigger(trigger: &'static str) -> (&'static str, &'static str) {
    trigger
        .strip_prefix('(')
        .and_then(|rest| rest.split_once(')'))
        .unwrap_or(("", trigger))
}

/// A trigger as the text writes it: `(po)stpolicy` is `postpolicy`.
#[cfg(test)]
pub fn trigger_text(trigger: &'static str) -> String {
    let (before, word) = split_trigger(trigger);
    format!("{before}{word}")
}

/// Runs one lint's `check` on a policy document's text, for the infrastructure lints' unit
/// tests.
#[cfg(test)]
pub(crate) fn check_policy_text(
    check: fn(&Context<'_>, &mut Vec<Diagnostic>),
    text: &str,
    max_expiry: u64,
) -> Vec<Diagnostic> {
    let path = std::path::Path::new("policy.json");
    let facts = crate::frontend::extract(
        path,
        text,
        Needs {
            iac: true,
            ..Needs::default()
        },
    );
    let source = crate::text::source::SourceFile::new(text.to_string());
    let enabled = |_: LintId| true;
    let cx = Context {
        facts: &facts,
        model: None,
        source: &source,
        path,
        text,
        max_expiry,
        enabled: &enabled,
        now: time::OffsetDateTime::now_utc(),
    };
    let mut out = Vec::new();
    check(&cx, &mut out);
    out
}
