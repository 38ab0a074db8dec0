//! Whether a leak found in history still matters. A signed URL says when it expires
//! ([`crate::text::signed_url`] reads it per scheme: SigV4 `X-Amz-Date` + `X-Amz-Expires`, SigV2 and
//! CloudFront canned `Expires`, a CloudFront policy's `DateLessThan`, GCS V4 and V2, Azure
//! `se`, and the other clouds' kinds): until then it is live, an error that says until when;
//! after, a note (it still names the bucket, object and key id). A credential is live until
//! it is rotated, which the repository cannot tell: an error that says since when it has been
//! public.

use serde_json::{Value, json};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::finding::{Finding, Provenance};
use crate::level::Level;
use crate::lints::LintId;

/// `--now`: RFC 3339, or seconds since the epoch.
pub fn parse_now(text: &str) -> Result<OffsetDateTime, NotATime> {
    let text = text.trim();
    if let Ok(at) = OffsetDateTime::parse(text, &Rfc3339) {
        return Ok(at);
    }
    text.parse::<i64>()
        .ok()
        .and_then(|seconds| OffsetDateTime::from_unix_timestamp(seconds).ok())
        .ok_or_else(|| NotATime(crate::text::redact::for_log(text)))
}

/// A `--now` that is no time (the text as given, redacted).
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("--now: `{0}` is not a time; write RFC 3339 (2024-06-01T00:00:00Z) or Unix seconds")]
pub struct NotATime(pub String);

/// The author date as reports show it: RFC 3339 in the author's own offset.
pub fn author_date(seconds: i64, offset: i32) -> String {
    let offset = time::UtcOffset::from_whole_seconds(offset).unwrap_or(time::UtcOffset::UTC);
    OffsetDateTime::from_unix_timestamp(seconds)
        .map(|t| t.to_offset(offset))
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_else(|| seconds.to_string())
}

/// Sets a history finding's level, message and `details.live` from its liveness, and attaches
/// where it came from.
pub fn apply(finding: &mut Finding, provenance: Provenance) {
    let short = provenance.commit.get(..12).unwrap_or(&provenance.commit);
    let since = format!(
        "in git history since {} (commit {short})",
        provenance.author_date
    );
    match finding.lint {
        LintId::HardcodedPresignedUrl => {
            let expired = finding.details.get("expired").and_then(Value::as_bool);
            let live = expired != Some(true);
            finding.details.insert("live".into(), json!(live));
            let mut message = std::mem::take(&mut finding.message);
            match expired {
                Some(true) => {
                    // Expired: nothing left to revoke but the names it shows.
                    finding.level = finding.level.min(Level::Note);
                    message = format!("expired: {message}; {since}");
                }
                Some(false) => message = format!("live: {message}; {since}"),
                None => {
                    message =
                        format!("live (its expiry cannot be read from the URL): {message}; {since}")
                }
            }
            finding.message = message;
        }
        LintId::HardcodedCredentials => {
            finding.details.insert("live".into(), json!(true));
            finding.message = format!(
                "{}; public {since}: rotate it, deleting it does not unpublish it",
                finding.message
            );
        }
        _ => {}
    }
    finding.provenance = Some(Box::new(provenance));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn now_is_rfc3339_or_epoch_seconds() {
        assert_eq!(
            parse_now("2024-06-01T00:00:00Z").map(|t| t.unix_timestamp()),
            Ok(1_717_200_000)
        );
        assert_eq!(
            parse_now("1717200000").map(|t| t.unix_timestamp()),
            Ok(1_717_200_000)
        );
        assert!(parse_now("yesterday").is_err());
    }

    #[test]
    fn author_dates_keep_their_offset() {
        assert_eq!(
            author_date(1_717_200_000, 7200),
            "2024-06-01T02:00:00+02:00"
        );
        assert_eq!(author_date(1_717_200_000, 0), "2024-06-01T00:00:00Z");
    }
}
