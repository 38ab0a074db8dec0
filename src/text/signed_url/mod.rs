//! Signed URLs in text: S3 SigV4 and SigV2, CloudFront, GCS V4 and V2, Azure SAS, Aliyun OSS
//! (V1, V2, V4), Tencent COS, Huawei OBS and Qiniu private download URLs.
//!
//! `extract` finds candidates in raw text (`join` follows a URL written in pieces), `decode`
//! undoes their encodings, `classify` decides what signed them and what they claim (expiry, key
//! id), and `placeholder` keeps documentation examples, template holes and fake identities out.

mod classify;
pub mod decode;
mod extract;
pub(crate) mod join;
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
    /// When it starts to be valid, where the signer chose a start (Azure `st`, COS
    /// `q-sign-time`).
    pub starts_at: Option<OffsetDateTime>,
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
    /// The text of each piece the URL is written in, in order: one for a URL written whole,
    /// more for one split across literals or lines (`span` runs from the first to the last).
    pub pieces: Vec<Range<usize>>,
    /// Where the secrets of a split URL (signature, session token, key id) lie in the scanned
    /// text, piece by piece: a line holding one piece cannot show by itself that it is part of
    /// a signature, so these are masked wherever the text is quoted. Empty for a URL written
    /// whole, which redaction recognises on its line.
    pub hidden: Vec<Range<usize>>,
}

impl SignedUrl {
    /// The signature. Never print it.
    pub fn signature(&self) -> Option<&str> {
        classify::signature(self.kind, &self.decoded)
    }
}

/// Every signed URL in `text` whose signature and key id look real.
pub fn find_signed_urls(text: &str) -> Vec<SignedUrl> {
    let bytes = text.as_bytes();
    extract::candidates(text)
        .into_iter()
        .filter_map(|c| {
            c.variants(bytes).find_map(|pieces| {
                let (first, last) = (pieces.first()?, pieces.last()?);
                let span = first.start..last.end;
                let raw: String = pieces.iter().map(|p| &text[p.clone()]).collect();
                let decoded = decode::decode_url(&raw, c.wrapping);
                let mut url = classify::classify(span, decoded)?;
                if pieces.len() > 1 {
                    url.hidden = secrets_in_pieces(&raw, &pieces);
                }
                url.pieces = pieces;
                Some(url)
            })
        })
        .collect()
}

/// The secrets redaction finds in the joined text of a split URL, mapped back to the pieces
/// they were written in.
fn secrets_in_pieces(joined: &str, pieces: &[Range<usize>]) -> Vec<Range<usize>> {
    let secrets = crate::text::redact::secret_ranges(joined);
    let mut hidden = Vec::new();
    let mut offset = 0;
    for piece in pieces {
        let len = piece.len();
        for secret in &secrets {
            let from = secret.start.max(offset);
            let to = secret.end.min(offset + len);
            if from < to {
                hidden.push(piece.start + from - offset..piece.start + to - offset);
            }
        }
        offset += len;
    }
    hidden
}

/// `text` with the secrets of its split signed URLs masked (same length, so offsets, lines and
/// columns do not move), or `None` when none is split: what findings quote from the file.
pub fn masked_text(text: &str, urls: &[SignedUrl]) -> Option<String> {
    let hidden: Vec<Range<usize>> = urls.iter().flat_map(|u| u.hidden.iter().cloned()).collect();
    (!hidden.is_empty()).then(|| crate::text::redact::mask_ranges(text, &hidden))
}
