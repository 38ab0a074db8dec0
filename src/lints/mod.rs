//! Lints, each written once against [`Facts`]. The registry declares them; each module here
//! holds one lint's check.

mod bucket_access_logging_disabled;
mod expiry;
mod hardcoded_presigned_url;
mod registry;
mod signature_age_not_capped;
mod wildcard_s3_policy;

pub use registry::{LINTS, LintId, LintInfo, Status};

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
}

/// What a lint sees of one file.
pub struct Context<'a> {
    pub facts: &'a Facts,
    pub source: &'a crate::source::SourceFile,
    pub text: &'a str,
    pub max_expiry: u64,
    pub enabled: &'a dyn Fn(LintId) -> bool,
}

/// What the lints of one file produce.
#[derive(Default)]
pub struct Output {
    pub diagnostics: Vec<Diagnostic>,
    /// Expiries that could not be resolved statically (not findings; counted in the summary).
    pub dynamic_expiries: usize,
}

/// The facts needed when the given lints are enabled.
pub fn needs(enabled: impl Fn(LintId) -> bool) -> Needs {
    Needs {
        signed_urls: enabled(LintId::HardcodedPresignedUrl),
        expiries: enabled(LintId::ExcessiveExpiry) || enabled(LintId::ExpiryExceedsLimit),
        iac: enabled(LintId::WildcardS3Policy)
            || enabled(LintId::BucketAccessLoggingDisabled)
            || enabled(LintId::SignatureAgeNotCapped),
    }
}

/// Runs every enabled fact-based lint on one file.
pub fn check(cx: &Context<'_>, out: &mut Output) {
    if (cx.enabled)(LintId::HardcodedPresignedUrl) {
        hardcoded_presigned_url::check(cx.facts, &mut out.diagnostics);
    }
    if (cx.enabled)(LintId::ExcessiveExpiry) || (cx.enabled)(LintId::ExpiryExceedsLimit) {
        expiry::check(cx, out);
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

/// Literal words at least one of which appears in any file a lint can report on. A file with
/// none of them is skipped before any parsing.
pub fn trigger_words(enabled: impl Fn(LintId) -> bool) -> Vec<&'static str> {
    let mut words = vec![crate::suppress::MARKER];
    if enabled(LintId::HardcodedPresignedUrl) {
        words.extend(hardcoded_presigned_url::TRIGGERS);
    }
    if enabled(LintId::ExcessiveExpiry) || enabled(LintId::ExpiryExceedsLimit) {
        words.extend(expiry::TRIGGERS);
    }
    if enabled(LintId::WildcardS3Policy) {
        words.extend(wildcard_s3_policy::TRIGGERS);
    }
    if enabled(LintId::BucketAccessLoggingDisabled) {
        words.extend(bucket_access_logging_disabled::TRIGGERS);
    }
    if enabled(LintId::SignatureAgeNotCapped) {
        words.extend(signature_age_not_capped::TRIGGERS);
    }
    words
}
