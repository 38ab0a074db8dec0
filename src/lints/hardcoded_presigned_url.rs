//! `hardcoded-presigned-url`: a signed URL literal anywhere in a text file.

use serde::Serialize;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::{Check, Diagnostic, Explained, LintId, Rule};
use crate::frontend::Facts;
use crate::frontend::Needs;
use crate::text::redact::redact_key_id;
use crate::text::signed_url::{KeyType, SignedUrl, UrlKind};

/// The lint's declaration, named in the registry.
pub(super) const RULE: Rule = Rule {
    triggers: || TRIGGERS.to_vec(),
    needs: |_| Needs::SIGNED_URLS,
    needs_where_presigned: Needs::NONE,
    check: Check::Own(|cx, out| check(cx.facts, cx.now, &mut out.diagnostics)),
};

/// Every signed URL carries one of these: a signature parameter holding `signature`
/// (`X-Amz-Signature`, `X-Goog-Signature`, `Signature` of SigV2, CloudFront, GCS V2, Aliyun
/// OSS V1 and Huawei OBS, `x-oss-signature`, Tencent COS's `q-signature`, also inside its
/// encoded `sign=` parameter) or Azure's `sig=` in some encoding. Qiniu's private download
/// URLs (`?e=…&token=AK:signature`) hold no rare word of their own (`token` and `e=` are
/// everywhere): they are read where a Qiniu domain (`qiniu…`, `…clouddn.com`, `…qnssl.com`) or
/// SDK (`qiniu`) is named in the file, or another trigger word is there; one on a custom
/// domain in a file without any is missed, rather than every file holding `token=` being read.
pub const TRIGGERS: [&str; 8] = [
    "signature",
    "sig=",
    "sig%3d",
    "sig\\u003d",
    "sig%253d",
    "qiniu",
    "ouddn",
    "qnssl",
];

pub fn check(facts: &Facts, now: OffsetDateTime, out: &mut Vec<Diagnostic>) {
    for url in &facts.signed_urls {
        out.push(diagnostic(url, now));
    }
}

fn diagnostic(url: &SignedUrl, now: OffsetDateTime) -> Diagnostic {
    let expires_at = url.expires_at.and_then(|t| t.format(&Rfc3339).ok());
    // A start still to come: the URL is not valid yet, and will be.
    let not_before = url
        .starts_at
        .filter(|&t| t > now)
        .and_then(|t| t.format(&Rfc3339).ok());
    let finding = SignedUrlLeak {
        kind: url.kind,
        url_kind: url.kind.id(),
        expires_at: expires_at.as_deref(),
        expired: url.expires_at.map(|t| t <= now),
        not_before: not_before.as_deref(),
        key_id: url.key_id.as_deref().map(redact_key_id),
        key_type: url.key_type.map(|k| k.id()),
        session_token: url.session_token,
        https: !url.insecure,
        host: Some(url.decoded.host.as_str()).filter(|h| !h.is_empty()),
        bucket: url.bucket.as_deref(),
        object: url.object.as_deref(),
        permissions: (url.kind == UrlKind::AzureSas).then_some(url.permissions.as_deref()),
        lifetime_seconds: url.lifetime_seconds,
        key_label: url.key_type.map_or("access", key_label),
    };
    Diagnostic::explained(
        LintId::HardcodedPresignedUrl,
        url.span.clone(),
        url.decoded.url.clone(),
        &finding,
    )
}

impl Explained for SignedUrlLeak<'_> {
    fn message(&self) -> String {
        let mut leaks = Vec::new();
        let (bucket_word, object_word) = match self.kind {
            UrlKind::AzureSas => ("container", "blob"),
            _ => ("bucket", "object"),
        };
        if self.kind == UrlKind::AzureSas
            && let Some(account) = self
                .host
                .and_then(|h| h.split('.').next())
                .filter(|a| !a.is_empty())
        {
            leaks.push(format!("storage account `{account}`"));
        }
        if let Some(bucket) = self.bucket {
            leaks.push(format!("{bucket_word} `{bucket}`"));
        }
        if let Some(object) = self.object {
            leaks.push(format!("{object_word} `{}`", shorten(object, 60)));
        }
        if let Some(key_id) = &self.key_id {
            leaks.push(format!("{} key id `{key_id}`", self.key_label));
        }
        let mut message = format!("hardcoded {}", self.kind.label());
        if !leaks.is_empty() {
            message.push_str(" exposes ");
            message.push_str(&join_english(&leaks));
        }
        match (self.expires_at, self.expired) {
            (Some(at), Some(true)) => message.push_str(&format!("; it expired at {at}")),
            (Some(at), _) => match self.not_before {
                Some(from) => message.push_str(&format!(
                    "; anyone holding it has access from {from} until {at}"
                )),
                None => message.push_str(&format!("; anyone holding it has access until {at}")),
            },
            (None, _) => {}
        }
        message
    }

    fn help(&self) -> Option<String> {
        Some(if self.expired == Some(true) {
            "remove it and generate short-lived URLs on demand; it has expired, but the signer identity it names is now public (practice `no-hardcoded-urls`)"
        } else {
            "remove it and generate short-lived URLs on demand; a signed URL cannot be revoked, so until it expires rotate or disable the key that signed it (practices `no-hardcoded-urls`, `revocation`)"
        }.to_string())
    }
}

/// What a hardcoded signed URL gives away, read from the URL alone.
#[derive(Serialize)]
struct SignedUrlLeak<'a> {
    /// The kind of URL, for the message.
    #[serde(skip)]
    kind: UrlKind,
    url_kind: &'static str,
    /// RFC 3339.
    expires_at: Option<&'a str>,
    /// Against the scan's clock; `None` when the URL does not say when it expires.
    expired: Option<bool>,
    /// RFC 3339: the start the signer chose (Azure `st`), when it is still to come.
    #[serde(skip_serializing_if = "Option::is_none")]
    not_before: Option<&'a str>,
    /// Redacted to its prefix and last characters.
    key_id: Option<String>,
    key_type: Option<&'static str>,
    session_token: bool,
    https: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    host: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    bucket: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    object: Option<&'a str>,
    /// Azure SAS only (`sp`), `null` when absent there.
    #[serde(skip_serializing_if = "Option::is_none")]
    permissions: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lifetime_seconds: Option<i64>,
    /// What signed it, for the message: "long-term access", "service account".
    #[serde(skip)]
    key_label: &'static str,
}

fn key_label(kind: KeyType) -> &'static str {
    match kind {
        KeyType::LongTerm => "long-term access",
        KeyType::Temporary => "temporary access",
        KeyType::ServiceAccount => "service account",
        KeyType::CloudFrontKeyPair => "CloudFront key pair",
    }
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let head: String = s.chars().take(max).collect();
    format!("{head}…")
}

fn join_english(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
