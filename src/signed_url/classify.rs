//! Which signer produced a URL, and what the URL itself claims about its lifetime and signer.

use std::ops::Range;

use base64::Engine;
use time::{OffsetDateTime, PrimitiveDateTime, macros::format_description};

use super::SignedUrl;
use super::decode::DecodedUrl;
use super::placeholder::{Alphabet, is_placeholder_account, is_real_key_id, is_real_signature};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlKind {
    S3SigV4,
    S3SigV2,
    CloudFront,
    GcsV4,
    GcsV2,
    AzureSas,
}

impl UrlKind {
    /// The `url_kind` value of JSON details.
    pub fn id(self) -> &'static str {
        match self {
            UrlKind::S3SigV4 => "s3-sigv4",
            UrlKind::S3SigV2 => "s3-sigv2",
            UrlKind::CloudFront => "cloudfront",
            UrlKind::GcsV4 => "gcs-v4",
            UrlKind::GcsV2 => "gcs-v2",
            UrlKind::AzureSas => "azure-sas",
        }
    }

    /// How messages name it.
    pub fn label(self) -> &'static str {
        match self {
            UrlKind::S3SigV4 => "S3 presigned URL (SigV4)",
            UrlKind::S3SigV2 => "S3 presigned URL (legacy SigV2)",
            UrlKind::CloudFront => "CloudFront signed URL",
            UrlKind::GcsV4 => "GCS signed URL (V4)",
            UrlKind::GcsV2 => "GCS signed URL (legacy V2)",
            UrlKind::AzureSas => "Azure SAS URL",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyType {
    /// AKIA… IAM user keys and GCS HMAC keys: valid until someone rotates them.
    LongTerm,
    /// ASIA… STS credentials: the URL dies with the session.
    Temporary,
    ServiceAccount,
    CloudFrontKeyPair,
}

impl KeyType {
    pub fn id(self) -> &'static str {
        match self {
            KeyType::LongTerm => "long-term",
            KeyType::Temporary => "temporary",
            KeyType::ServiceAccount => "service-account",
            KeyType::CloudFrontKeyPair => "cloudfront-key-pair",
        }
    }
}

pub fn classify(span: Range<usize>, url: DecodedUrl) -> Option<SignedUrl> {
    let mut found = if let Some(sig) = url.param("X-Amz-Signature") {
        if !is_real_signature(sig, Alphabet::Hex, 64..=64) {
            return None;
        }
        let key_id = url
            .param("X-Amz-Credential")
            .map(|c| c.split('/').next().unwrap_or(c).to_string());
        let expiry = amz_date(url.param("X-Amz-Date")).zip(seconds(url.param("X-Amz-Expires")));
        Found {
            kind: UrlKind::S3SigV4,
            key_id,
            expires_at: expiry.and_then(|(start, secs)| add_seconds(start, secs)),
            lifetime: expiry.map(|(_, secs)| secs),
            session_token: url.has("X-Amz-Security-Token"),
        }
    } else if let Some(sig) = url.param("X-Goog-Signature") {
        if !is_real_signature(sig, Alphabet::Hex, 64..=4096) || sig.len() % 2 != 0 {
            return None;
        }
        let key_id = url
            .param("X-Goog-Credential")
            .map(|c| c.split('/').next().unwrap_or(c).to_string());
        let expiry = amz_date(url.param("X-Goog-Date")).zip(seconds(url.param("X-Goog-Expires")));
        Found {
            kind: UrlKind::GcsV4,
            key_id,
            expires_at: expiry.and_then(|(start, secs)| add_seconds(start, secs)),
            lifetime: expiry.map(|(_, secs)| secs),
            session_token: false,
        }
    } else if let Some(sig) = url.param("Signature") {
        let (kind, key_param, alphabet, lengths) = if url.has("Key-Pair-Id") {
            (
                UrlKind::CloudFront,
                "Key-Pair-Id",
                Alphabet::CloudFront,
                40..=4096,
            )
        } else if url.has("GoogleAccessId") {
            (
                UrlKind::GcsV2,
                "GoogleAccessId",
                Alphabet::Base64,
                20..=4096,
            )
        } else if url.has("AWSAccessKeyId") {
            (
                UrlKind::S3SigV2,
                "AWSAccessKeyId",
                Alphabet::Base64,
                20..=64,
            )
        } else {
            return None;
        };
        if !is_real_signature(sig, alphabet, lengths) {
            return None;
        }
        let expires_at = epoch(url.param("Expires")).or_else(|| {
            url.param("Policy")
                .filter(|_| kind == UrlKind::CloudFront)
                .and_then(cloudfront_policy_expiry)
        });
        Found {
            kind,
            key_id: url.param(key_param).map(str::to_string),
            expires_at,
            lifetime: None,
            session_token: url.has("x-amz-security-token"),
        }
    } else if let Some(sig) = url.param("sig") {
        let is_sas = url.has("sv") && (url.has("se") || url.has("sp") || url.has("sr"));
        if !is_sas || !is_real_signature(sig, Alphabet::Base64, 40..=100) {
            return None;
        }
        let expires_at = iso_time(url.param("se"));
        let starts_at = iso_time(url.param("st"));
        Found {
            kind: UrlKind::AzureSas,
            key_id: None,
            expires_at,
            lifetime: starts_at
                .zip(expires_at)
                .map(|(s, e)| (e - s).whole_seconds()),
            session_token: false,
        }
    } else {
        return None;
    };

    if let Some(key) = &found.key_id
        && (!is_real_key_id(key) || !issued_by_host(found.kind, &url.host, key))
    {
        return None;
    }
    // A SAS is signed with its storage account's key: the account is its signer identity.
    if found.kind == UrlKind::AzureSas && azure_account(&url).is_some_and(is_placeholder_account) {
        return None;
    }
    let key_type = found
        .key_id
        .as_deref()
        .and_then(|k| key_type(found.kind, k));
    let (bucket, object) = bucket_and_object(found.kind, &url);
    let permissions = (found.kind == UrlKind::AzureSas)
        .then(|| url.param("sp").map(str::to_string))
        .flatten();
    let span_pieces = span.clone();
    Some(SignedUrl {
        kind: found.kind,
        span,
        insecure: url.scheme.as_deref() == Some("http"),
        expires_at: found.expires_at,
        lifetime_seconds: found.lifetime.take(),
        key_id: found.key_id.take(),
        key_type,
        session_token: found.session_token,
        permissions,
        bucket,
        object,
        decoded: url,
        pieces: vec![span_pieces],
        hidden: Vec::new(),
    })
}

struct Found {
    kind: UrlKind,
    key_id: Option<String>,
    expires_at: Option<OffsetDateTime>,
    lifetime: Option<i64>,
    session_token: bool,
}

/// Whether the signer identity has a shape the URL's own service issues: AWS signs only with
/// `AKIA`/`ASIA` access keys, Cloud Storage only as a service account (an email) or with an
/// HMAC key (`GOOG…`). Test doubles sign AWS and Google URLs as `access_key` or `foo`; other
/// hosts (S3-compatible stores, emulators) issue keys of any shape and are not judged.
fn issued_by_host(kind: UrlKind, host: &str, key: &str) -> bool {
    let host = host.split(':').next().unwrap_or("");
    let under = |domain: &str| host == domain || host.ends_with(&format!(".{domain}"));
    let upper = key.to_ascii_uppercase();
    match kind {
        UrlKind::S3SigV4 | UrlKind::S3SigV2
            if under("amazonaws.com") || under("amazonaws.com.cn") =>
        {
            upper.starts_with("AKIA") || upper.starts_with("ASIA")
        }
        UrlKind::GcsV4 | UrlKind::GcsV2 if under("googleapis.com") => {
            key.contains('@') || upper.starts_with("GOOG")
        }
        _ => true,
    }
}

/// The storage account of a SAS URL: the first label of `account.blob.core.windows.net`, or
/// the first path segment on an emulator's host (Azurite's `127.0.0.1:10000/devstoreaccount1/…`).
/// Behind a custom domain the account is not in the URL.
fn azure_account(url: &DecodedUrl) -> Option<&str> {
    let host = url.host.split(':').next().unwrap_or("");
    let emulator =
        host == "localhost" || host.contains("azurite") || host.parse::<std::net::IpAddr>().is_ok();
    let account = if host.contains(".core.") || host.ends_with(".azure.com") {
        host.split('.').next()
    } else if emulator {
        url.path.trim_start_matches('/').split('/').next()
    } else {
        None
    };
    account.filter(|a| !a.is_empty())
}

/// The kind of key, where its shape tells: AWS (`AKIA`/`ASIA`), GCS HMAC (`GOOG1`), service
/// accounts, CloudFront key pairs. Keys of other S3-compatible stores are not guessed.
fn key_type(kind: UrlKind, key: &str) -> Option<KeyType> {
    let upper = key.to_ascii_uppercase();
    match kind {
        UrlKind::CloudFront => Some(KeyType::CloudFrontKeyPair),
        _ if upper.starts_with("ASIA") => Some(KeyType::Temporary),
        _ if upper.starts_with("AKIA") || upper.starts_with("GOOG1") => Some(KeyType::LongTerm),
        _ if key.contains('@') => Some(KeyType::ServiceAccount),
        _ => None,
    }
}

/// Bucket and object key, where the host or path shows them (S3 virtual-hosted and
/// path-style, GCS, Azure container/blob).
fn bucket_and_object(kind: UrlKind, url: &DecodedUrl) -> (Option<String>, Option<String>) {
    let host = url.host.split(':').next().unwrap_or("");
    let path = url.path.trim_start_matches('/');
    let non_empty = |s: &str| (!s.is_empty()).then(|| s.to_string());
    match kind {
        UrlKind::CloudFront => (None, non_empty(path)),
        UrlKind::S3SigV4 | UrlKind::S3SigV2 => {
            // `bucket.s3.region.amazonaws.com` (and Wasabi, Backblaze), and DigitalOcean
            // Spaces' `bucket.region.digitaloceanspaces.com`.
            let spaces = host
                .strip_suffix(".digitaloceanspaces.com")
                .and_then(|rest| rest.split_once('.'))
                .map(|(bucket, _)| bucket);
            let virtual_hosted = host
                .split_once(".s3.")
                .or_else(|| host.split_once(".s3-"))
                .map(|(bucket, _)| bucket)
                .or(spaces);
            match virtual_hosted {
                Some(bucket) => (non_empty(bucket), non_empty(path)),
                None => path_style(path),
            }
        }
        UrlKind::GcsV4 | UrlKind::GcsV2 => match host.strip_suffix(".storage.googleapis.com") {
            Some(bucket) => (non_empty(bucket), non_empty(path)),
            None => path_style(path),
        },
        UrlKind::AzureSas => path_style(path),
    }
}

fn path_style(path: &str) -> (Option<String>, Option<String>) {
    match path.split_once('/') {
        Some((bucket, key)) => (
            (!bucket.is_empty()).then(|| bucket.to_string()),
            (!key.is_empty()).then(|| key.to_string()),
        ),
        None => ((!path.is_empty()).then(|| path.to_string()), None),
    }
}

fn seconds(value: Option<&str>) -> Option<i64> {
    value?.trim().parse().ok()
}

fn add_seconds(start: OffsetDateTime, secs: i64) -> Option<OffsetDateTime> {
    start.checked_add(time::Duration::seconds(secs))
}

/// `20240115T101500Z`, the SigV4 and GCS V4 timestamp.
fn amz_date(value: Option<&str>) -> Option<OffsetDateTime> {
    let format = format_description!("[year][month][day]T[hour][minute][second]Z");
    PrimitiveDateTime::parse(value?.trim(), format)
        .ok()
        .map(PrimitiveDateTime::assume_utc)
}

fn epoch(value: Option<&str>) -> Option<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp(seconds(value)?).ok()
}

/// Azure's `se`/`st`: RFC 3339, or a date, or minutes precision (`2024-01-16T10:15Z`).
fn iso_time(value: Option<&str>) -> Option<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp(crate::duration::parse_timestamp(value?)?).ok()
}

/// `DateLessThan.AWS:EpochTime` of a custom CloudFront policy (URL-safe base64 JSON).
fn cloudfront_policy_expiry(policy: &str) -> Option<OffsetDateTime> {
    let standard: String = policy
        .chars()
        .map(|c| match c {
            '-' => '+',
            '_' => '=',
            '~' => '/',
            c => c,
        })
        .collect();
    let json = base64::engine::general_purpose::STANDARD
        .decode(standard.trim_end_matches('='))
        .or_else(|_| base64::engine::general_purpose::STANDARD.decode(&standard))
        .ok()?;
    let value: serde_json::Value = serde_json::from_slice(&json).ok()?;
    let statements = value.get("Statement")?.as_array()?;
    statements.iter().find_map(|s| {
        let t = s
            .get("Condition")?
            .get("DateLessThan")?
            .get("AWS:EpochTime")?;
        OffsetDateTime::from_unix_timestamp(t.as_i64()?).ok()
    })
}

#[cfg(test)]
mod tests {
    use super::super::find_signed_urls;
    use super::*;

    const SIG: &str = "3f1c9a7be2d84f06a5c1e9b7d2f08a6c4e1b3d5f7a9c0e2b4d6f8a1c3e5b7d9f";

    #[test]
    fn sigv4_details() {
        let text = format!(
            "https://my-bucket.s3.us-east-1.amazonaws.com/reports/q3.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAZ7Q3M4XN2L5P8R6T%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-Security-Token=IQoJb3JpZ2luX2VjEJr&X-Amz-SignedHeaders=host&X-Amz-Signature={SIG}"
        );
        let urls = find_signed_urls(&text);
        assert_eq!(urls.len(), 1);
        let u = &urls[0];
        assert_eq!(u.kind, UrlKind::S3SigV4);
        assert_eq!(u.key_type, Some(KeyType::Temporary));
        assert!(u.session_token);
        assert_eq!(u.bucket.as_deref(), Some("my-bucket"));
        assert_eq!(u.object.as_deref(), Some("reports/q3.pdf"));
        assert_eq!(u.lifetime_seconds, Some(3600));
        assert_eq!(
            u.expires_at.map(|t| t.unix_timestamp()),
            Some(1_705_313_700 + 3600)
        );
    }

    #[test]
    fn cloudfront_custom_policy_expiry() {
        let policy = r#"{"Statement":[{"Resource":"https://d1.cloudfront.net/*","Condition":{"DateLessThan":{"AWS:EpochTime":1767225600}}}]}"#;
        let encoded: String = base64::engine::general_purpose::STANDARD
            .encode(policy)
            .chars()
            .map(|c| match c {
                '+' => '-',
                '=' => '_',
                '/' => '~',
                c => c,
            })
            .collect();
        let sig = "Qm9vZk3x-_~aP9LrT2wYc8NvB4mHdE6gJ1sK5oU7iF0qZ3xW9yV2";
        let text = format!(
            "https://d1.cloudfront.net/v.mp4?Policy={encoded}&Signature={sig}&Key-Pair-Id=K2JCJMDEHXQW5F"
        );
        let urls = find_signed_urls(&text);
        assert_eq!(urls.len(), 1);
        assert_eq!(urls[0].kind, UrlKind::CloudFront);
        assert_eq!(
            urls[0].expires_at.map(|t| t.unix_timestamp()),
            Some(1_767_225_600)
        );
    }

    #[test]
    fn signers_the_service_never_issues_are_test_doubles() {
        let sts = format!(
            "https://sts.us-west-2.amazonaws.com/?Action=GetCallerIdentity&X-Amz-Credential=access_key%2F20170322%2Fus-west-2%2Fsts%2Faws4_request&X-Amz-Date=20170322T000000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature={SIG}"
        );
        assert!(find_signed_urls(&sts).is_empty());
        let sigv2 = "https://b.s3.amazonaws.com/k?AWSAccessKeyId=AKGPT4J56IAJ2EUBL5CQ&Expires=1440195891&Signature=n%2BEalOV6A2HIOx4Rcfb7LT16bBM%3D";
        assert!(find_signed_urls(sigv2).is_empty());
        let gcs = format!(
            "https://storage.googleapis.com/b/o?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=signer%2F20240115%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Signature={SIG}"
        );
        assert!(find_signed_urls(&gcs).is_empty());
        // Another S3-compatible store issues keys of its own shape.
        let minio = format!(
            "https://minio.acme.internal/b/o?X-Amz-Credential=ci-uploader%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=900&X-Amz-Signature={SIG}"
        );
        assert_eq!(find_signed_urls(&minio).len(), 1);
    }

    #[test]
    fn placeholders_are_silent() {
        let text = "https://b.s3.amazonaws.com/k?X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";
        assert!(find_signed_urls(text).is_empty());
        let unsigned = "https://b.s3.amazonaws.com/k?Signature=abc";
        assert!(find_signed_urls(unsigned).is_empty());
    }
}
