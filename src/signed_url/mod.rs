//! Signed URLs in text: S3 SigV4 and SigV2, CloudFront, GCS V4 and V2, Azure SAS.
//!
//! `extract` finds candidates in raw text, `decode` undoes their encodings, `classify` decides
//! what signed them and what they claim (expiry, key id), and `placeholder` keeps
//! documentation examples and template holes out.

mod classify;
pub mod decode;
mod extract;
pub(crate) mod placeholder;

use std::ops::Range;

pub use classify::{KeyType, UrlKind};
use time::OffsetDateTime;

/// A signed URL found in text. `decoded` holds the signature: never print it.
#[derive(Debug)]
pub struct SignedUrl {
    pub kind: UrlKind,
    /// Byte range in the scanned text, as written (before decoding).
    pub span: Range<usize>,
    pub decoded: decode::DecodedUrl,
    /// Whether it is served over plain `http://`.
    pub insecure: bool,
    pub expires_at: Option<OffsetDateTime>,
    /// Seconds between when it became valid and `expires_at`, when the URL says.
    pub lifetime_seconds: Option<i64>,
    /// Who signed: access key id, service account, CloudFront key pair. Not secret, but shown
    /// redacted.
    pub key_id: Option<String>,
    pub key_type: Option<KeyType>,
    pub session_token: bool,
    /// Azure SAS permissions (`sp`).
    pub permissions: Option<String>,
    pub bucket: Option<String>,
    pub object: Option<String>,
}

/// Every signed URL in `text` whose signature and key id look real.
pub fn find_signed_urls(text: &str) -> Vec<SignedUrl> {
    extract::candidates(text)
        .into_iter()
        .filter_map(|c| {
            let decoded = decode::decode_url(&text[c.span.clone()], c.wrapping);
            classify::classify(c.span, decoded)
        })
        .collect()
}
