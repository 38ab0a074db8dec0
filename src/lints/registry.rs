//! The one place each lint is declared: name, default level, best practice, summary, and its
//! documentation (`lints/<name>.md`, compiled in). Everything else (CLI, config, suppression
//! comments, JSON, SARIF) refers to lints through this table.

use super::Rule;
use crate::level::Level;

/// Whether a lint's checks exist yet. Planned lints are listed and documented so the catalog
/// is complete, but never report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Implemented,
    Planned,
}

#[derive(Debug)]
pub struct LintInfo {
    pub name: &'static str,
    pub default_level: Level,
    /// Section id of `best-practices.md`; `None` for the meta lints about suppressions.
    pub practice: Option<&'static str>,
    /// One line, lowercase, no trailing period.
    pub summary: &'static str,
    /// GitHub code scanning's `security-severity` (0.0-10.0).
    pub security_severity: f32,
    pub status: Status,
    pub doc: &'static str,
}

macro_rules! lints {
    ($( $ident:ident = { $name:literal, $level:ident, $practice:expr, $severity:literal, $status:ident, $summary:literal, $($rule:ident)::+ } ),* $(,)?) => {
        /// Identifies a lint; the discriminant is its index in [`LINTS`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum LintId { $( $ident ),* }

        pub static LINTS: &[LintInfo] = &[
            $( LintInfo {
                name: $name,
                default_level: Level::$level,
                practice: $practice,
                summary: $summary,
                security_severity: $severity,
                status: Status::$status,
                doc: include_str!(concat!("../../lints/", $name, ".md")),
            } ),*
        ];

        impl LintId {
            pub const ALL: &'static [LintId] = &[ $( LintId::$ident ),* ];

            /// What the lint's module declares: its trigger words, the facts it needs and
            /// its check.
            pub fn rule(self) -> &'static Rule {
                match self {
                    $( LintId::$ident => &super::$($rule)::+ ),*
                }
            }
        }
    };
}

lints! {
    HardcodedPresignedUrl = { "hardcoded-presigned-url", Error, Some("no-hardcoded-urls"), 8.1, Implemented,
        "a signed URL literal in source, config, fixtures or docs",
        hardcoded_presigned_url::RULE },
    ExcessiveExpiry = { "excessive-expiry", Warning, Some("short-expiration"), 5.3, Implemented,
        "a presign expiry longer than the policy maximum",
        expiry::RULE },
    ExpiryExceedsLimit = { "expiry-exceeds-limit", Error, Some("url-expired"), 5.3, Implemented,
        "an expiry the signer rejects or silently caps",
        expiry::LIMIT_RULE },
    InsecureTransport = { "insecure-transport", Error, Some("https-only"), 7.4, Implemented,
        "a signed URL or signing client over plain HTTP",
        insecure_transport::RULE },
    PresignInLoop = { "presign-in-loop", Warning, Some("generate-on-demand"), 3.7, Implemented,
        "a presign call inside a loop, comprehension or map",
        presign_in_loop::RULE },
    PresignedUrlLogged = { "presigned-url-logged", Warning, Some("no-hardcoded-urls"), 5.5, Implemented,
        "a presigned URL written to logs or console output",
        presigned_url_logged::RULE },
    HardcodedCredentials = { "hardcoded-credentials", Error, Some("revocation"), 9.1, Implemented,
        "literal access keys given to a signing client or in config",
        hardcoded_credentials::RULE },
    LegacySignatureVersion = { "legacy-signature-version", Warning, Some("invalid-signature"), 4.3, Implemented,
        "legacy SigV2 signing, which bypasses the 7-day expiry cap",
        legacy_signature_version::RULE },
    WildcardS3Policy = { "wildcard-s3-policy", Warning, Some("iam-least-privilege"), 6.5, Implemented,
        "an IAM policy granting wildcard S3 actions or resources",
        wildcard_s3_policy::RULE },
    BucketAccessLoggingDisabled = { "bucket-access-logging-disabled", Note, Some("monitor-access-logs"), 3.1, Implemented,
        "an S3 bucket with no access logging",
        bucket_access_logging_disabled::RULE },
    SignatureAgeNotCapped = { "signature-age-not-capped", Note, Some("short-expiration"), 3.1, Implemented,
        "a bucket policy with no s3:signatureAge limit on presigned requests",
        signature_age_not_capped::RULE },
    PresignClientWithoutRegion = { "presign-client-without-region", Note, Some("invalid-signature"), 2.0, Implemented,
        "an S3 client used for presigning with no region set",
        presign_client_without_region::RULE },
    UnusedSuppression = { "unused-suppression", Note, None, 1.0, Implemented,
        "a suppression comment that suppresses nothing",
        unused_suppression::RULE },
    InvalidSuppression = { "invalid-suppression", Warning, None, 1.0, Implemented,
        "a malformed presign-lint suppression comment",
        invalid_suppression::RULE },
}

impl LintId {
    pub fn info(self) -> &'static LintInfo {
        &LINTS[self as usize]
    }

    pub fn name(self) -> &'static str {
        self.info().name
    }

    pub fn from_name(name: &str) -> Option<LintId> {
        LintId::ALL.iter().copied().find(|id| id.name() == name)
    }

    /// A lint as people may write it when asking about one: any case, `_` for `-`, or the
    /// CamelCase name SARIF viewers show (`HardcodedPresignedUrl`).
    pub fn from_loose_name(name: &str) -> Option<LintId> {
        let squash = |s: &str| {
            s.chars()
                .filter(|c| !matches!(c, '-' | '_'))
                .map(|c| c.to_ascii_lowercase())
                .collect::<String>()
        };
        let wanted = squash(name.trim());
        LintId::ALL
            .iter()
            .copied()
            .find(|id| squash(id.name()) == wanted)
    }

    /// The closest lint name to a misspelling, for "did you mean" messages.
    pub fn suggest(name: &str) -> Option<&'static str> {
        crate::driver::suggest::closest(name, LINTS.iter().map(|l| l.name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_index_the_table() {
        for (i, id) in LintId::ALL.iter().enumerate() {
            assert_eq!(*id as usize, i);
            assert_eq!(LintId::from_name(id.name()), Some(*id));
        }
        assert_eq!(LintId::ALL.len(), LINTS.len());
    }

    #[test]
    fn suggests_near_names() {
        assert_eq!(LintId::suggest("excesive-expiry"), Some("excessive-expiry"));
        for loose in ["Excessive-Expiry", "EXCESSIVE_EXPIRY", "ExcessiveExpiry"] {
            assert_eq!(
                LintId::from_loose_name(loose),
                Some(LintId::ExcessiveExpiry)
            );
        }
    }
}
