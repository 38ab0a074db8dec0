//! Lints, each written once against [`Facts`]. The registry declares them; each module here
//! holds one lint's check.

mod bucket_access_logging_disabled;
pub mod docs;
mod expiry;
mod hardcoded_credentials;
mod hardcoded_presigned_url;
mod insecure_transport;
mod legacy_signature_version;
mod presign_client_without_region;
mod presign_in_loop;
mod presigned_url_logged;
mod registry;
mod signature_age_not_capped;
pub mod suppress;
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

/// The facts one file needs: `enabled` says which lints the configuration turns on for it,
/// `triggered` which lints' trigger words it holds. Parsing, the costly part, happens only
/// for a file that presigns (or configures signing, or holds credential-shaped values).
pub fn needs(
    enabled: impl Fn(LintId) -> bool,
    triggered: impl Fn(LintId) -> bool,
    text: &str,
) -> Needs {
    let runs = |id: LintId| enabled(id) && triggered(id);
    // Every lint about presign calls or the clients that make them needs a presign call, and
    // every file with one holds an expiry trigger word.
    // `signature-age-not-capped` reports only in a scan that presigns: it needs every file's
    // presign sites, wherever its own findings are.
    let presign_lints = [
        LintId::ExcessiveExpiry,
        LintId::ExpiryExceedsLimit,
        LintId::PresignInLoop,
        LintId::PresignedUrlLogged,
        LintId::InsecureTransport,
        LintId::PresignClientWithoutRegion,
        LintId::LegacySignatureVersion,
        LintId::SignatureAgeNotCapped,
    ];
    let presigns = triggered(LintId::ExcessiveExpiry);
    Needs {
        signed_urls: runs(LintId::HardcodedPresignedUrl)
            || runs(LintId::InsecureTransport)
            || runs(LintId::LegacySignatureVersion),
        syntax: presigns && presign_lints.iter().any(|&id| enabled(id))
            || runs(LintId::LegacySignatureVersion)
                && legacy_signature_version::configures_signing(text)
            || runs(LintId::HardcodedCredentials)
                && hardcoded_credentials::has_quoted_credential(text),
        expiries: runs(LintId::ExcessiveExpiry)
            || runs(LintId::ExpiryExceedsLimit)
            || runs(LintId::PresignInLoop)
            || presigns && enabled(LintId::SignatureAgeNotCapped),
        credentials: runs(LintId::HardcodedCredentials),
        iac: runs(LintId::WildcardS3Policy)
            || runs(LintId::BucketAccessLoggingDisabled)
            || runs(LintId::SignatureAgeNotCapped),
    }
}

/// Runs every enabled fact-based lint on one file.
pub fn check(cx: &Context<'_>, out: &mut Output) {
    if (cx.enabled)(LintId::HardcodedPresignedUrl) {
        hardcoded_presigned_url::check(cx.facts, cx.now, &mut out.diagnostics);
    }
    if (cx.enabled)(LintId::ExcessiveExpiry) || (cx.enabled)(LintId::ExpiryExceedsLimit) {
        expiry::check(cx, out);
    }
    if (cx.enabled)(LintId::PresignInLoop) {
        presign_in_loop::check(cx, out);
    }
    if (cx.enabled)(LintId::PresignedUrlLogged) {
        presigned_url_logged::check(cx, out);
    }
    if (cx.enabled)(LintId::InsecureTransport) {
        insecure_transport::check(cx, &mut out.diagnostics);
    }
    if (cx.enabled)(LintId::LegacySignatureVersion) {
        legacy_signature_version::check(cx, &mut out.diagnostics);
    }
    if (cx.enabled)(LintId::PresignClientWithoutRegion) {
        presign_client_without_region::check(cx, &mut out.diagnostics);
    }
    if (cx.enabled)(LintId::HardcodedCredentials) {
        hardcoded_credentials::check(cx, &mut out.diagnostics);
    }
    if (cx.enabled)(LintId::WildcardS3Policy) {
        wildcard_s3_policy::check(cx, &mut out.diagnostics);
    }
    if (cx.enabled)(LintId::BucketAccessLoggingDisabled) {
        bucket_access_logging_disabled::check(cx, &mut out.diagnostics);
    }
    if (cx.enabled)(LintId::SignatureAgeNotCapped) {
        signature_age_not_capped::check(cx, &mut out.diagnostics);
    }
}

/// Literal words (matched ASCII-case-insensitively) at least one of which appears in any file
/// the lint can report on. A file with none of the enabled lints' words is skipped before any
/// decoding, and a lint whose words a file lacks does not run on it (so its facts, such as a
/// parse, are not computed).
pub fn triggers(id: LintId) -> Vec<&'static str> {
    match id {
        LintId::HardcodedPresignedUrl => hardcoded_presigned_url::TRIGGERS.to_vec(),
        LintId::ExcessiveExpiry | LintId::ExpiryExceedsLimit => expiry::TRIGGERS.to_vec(),
        LintId::PresignInLoop => presign_in_loop::TRIGGERS.to_vec(),
        LintId::PresignedUrlLogged => presigned_url_logged::TRIGGERS.to_vec(),
        LintId::InsecureTransport => insecure_transport::triggers().collect(),
        LintId::LegacySignatureVersion => legacy_signature_version::TRIGGERS.to_vec(),
        LintId::PresignClientWithoutRegion => presign_client_without_region::triggers().collect(),
        LintId::HardcodedCredentials => hardcoded_credentials::TRIGGERS.to_vec(),
        LintId::WildcardS3Policy => wildcard_s3_policy::TRIGGERS.to_vec(),
        LintId::BucketAccessLoggingDisabled => bucket_access_logging_disabled::TRIGGERS.to_vec(),
        LintId::SignatureAgeNotCapped => signature_age_not_capped::TRIGGERS.to_vec(),
        LintId::UnusedSuppression | LintId::InvalidSuppression => {
            vec![crate::lints::suppress::MARKER]
        }
    }
}

/// Every trigger word of the enabled lints, deduplicated.
pub fn trigger_words(enabled: impl Fn(LintId) -> bool) -> Vec<&'static str> {
    let mut words: Vec<&'static str> = Vec::new();
    for &id in LintId::ALL.iter().filter(|&&id| enabled(id)) {
        for word in triggers(id) {
            if !words.contains(&word) {
                words.push(word);
            }
        }
    }
    words
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
