//! Which signer produced a URL, and what the URL itself claims about its lifetime and signer.

use std::ops::{Range, RangeInclusive};

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
    OssV1,
    OssV2,
    OssV4,
    Cos,
    Obs,
    Qiniu,
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
            UrlKind::OssV1 => "aliyun-oss-v1",
            UrlKind::OssV2 => "aliyun-oss-v2",
            UrlKind::OssV4 => "aliyun-oss-v4",
            UrlKind::Cos => "tencent-cos",
            UrlKind::Obs => "huawei-obs",
            UrlKind::Qiniu => "qiniu",
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
            UrlKind::OssV1 => "Aliyun OSS signed URL (V1)",
            UrlKind::OssV2 => "Aliyun OSS signed URL (V2)",
            UrlKind::OssV4 => "Aliyun OSS signed URL (V4)",
            UrlKind::Cos => "Tencent COS signed URL",
            UrlKind::Obs => "Huawei OBS signed URL",
            UrlKind::Qiniu => "Qiniu private download URL",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyType {
    /// AKIA… IAM user keys, GCS HMAC keys and Aliyun LTAI… keys: valid until someone rotates
    /// them.
    LongTerm,
    /// ASIA… AWS STS and `STS.…` Aliyun STS credentials: the URL dies with the session.
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

/// What else a scheme's URLs carry, besides the signature.
enum Has {
    /// The parameter, whatever its value.
    Param(&'static str),
    /// The parameter with this value (ASCII case ignored).
    Value(&'static str, &'static str),
    /// One of these parameters.
    AnyOf(&'static [&'static str]),
    /// The parameter, holding a Unix time (9 to 11 digits): Qiniu's `e`, which alone is
    /// too common a name to tell anything.
    UnixTime(&'static str),
}

/// Where a parameter's value holds what is read.
#[derive(Clone, Copy)]
enum In {
    /// The whole value.
    Param(&'static str),
    /// The value's first `/` segment: the key id of a credential scope
    /// (`AKIA…/20240115/us-east-1/s3/aws4_request`).
    Scope(&'static str),
    /// Before the first `:` of a `signer:signature` value (Qiniu's `token`).
    BeforeColon(&'static str),
    /// After it.
    AfterColon(&'static str),
}

impl In {
    fn read(self, url: &DecodedUrl) -> Option<&str> {
        match self {
            In::Param(name) => url.param(name),
            In::Scope(name) => url.param(name).map(|c| c.split('/').next().unwrap_or(c)),
            In::BeforeColon(name) => url.param(name)?.split_once(':').map(|(k, _)| k),
            In::AfterColon(name) => url.param(name)?.split_once(':').map(|(_, s)| s),
        }
    }
}

/// What a URL claims about when it stops working.
enum Expiry {
    /// A signing time (`20240115T101500Z`) and a lifetime in seconds.
    DateAndSeconds(&'static str, &'static str),
    /// A Unix time.
    UnixTime(&'static str),
    /// A Unix time, else the `DateLessThan` of a CloudFront custom policy.
    UnixTimeOrPolicy(&'static str, &'static str),
    /// RFC 3339 start and end (Azure SAS `st`, `se`).
    Window(&'static str, &'static str),
    /// `start;end` Unix times in one parameter (COS `q-sign-time`).
    UnixWindow(&'static str),
}

/// One way of signing a URL: how its URLs are told apart, and how what they claim is read.
struct Scheme {
    kind: UrlKind,
    signature: In,
    requires: &'static [Has],
    /// The signature's alphabet and lengths. Hex signatures encode whole bytes (even length).
    alphabet: Alphabet,
    lengths: RangeInclusive<usize>,
    signer: Option<In>,
    /// The shape the signer must have, when the scheme's other parameters are names common
    /// enough to occur in ordinary URLs (Qiniu's `e` and `token`).
    signer_shape: Option<(Alphabet, RangeInclusive<usize>)>,
    expiry: Expiry,
    session_token: Option<&'static str>,
}

/// Every scheme, in order of precedence: a URL is read as the first whose signature and
/// requirements it carries, and is not a signed URL if that signature does not look real.
const SCHEMES: [Scheme; 12] = [
    Scheme {
        kind: UrlKind::S3SigV4,
        signature: In::Param("X-Amz-Signature"),
        requires: &[],
        alphabet: Alphabet::Hex,
        lengths: 64..=64,
        signer: Some(In::Scope("X-Amz-Credential")),
        signer_shape: None,
        expiry: Expiry::DateAndSeconds("X-Amz-Date", "X-Amz-Expires"),
        session_token: Some("X-Amz-Security-Token"),
    },
    Scheme {
        kind: UrlKind::GcsV4,
        signature: In::Param("X-Goog-Signature"),
        requires: &[],
        alphabet: Alphabet::Hex,
        lengths: 64..=4096,
        signer: Some(In::Scope("X-Goog-Credential")),
        signer_shape: None,
        expiry: Expiry::DateAndSeconds("X-Goog-Date", "X-Goog-Expires"),
        session_token: None,
    },
    Scheme {
        kind: UrlKind::CloudFront,
        signature: In::Param("Signature"),
        requires: &[Has::Param("Key-Pair-Id")],
        alphabet: Alphabet::CloudFront,
        lengths: 40..=4096,
        signer: Some(In::Param("Key-Pair-Id")),
        signer_shape: None,
        expiry: Expiry::UnixTimeOrPolicy("Expires", "Policy"),
        session_token: Some("x-amz-security-token"),
    },
    Scheme {
        kind: UrlKind::GcsV2,
        signature: In::Param("Signature"),
        requires: &[Has::Param("GoogleAccessId")],
        alphabet: Alphabet::Base64,
        lengths: 20..=4096,
        signer: Some(In::Param("GoogleAccessId")),
        signer_shape: None,
        expiry: Expiry::UnixTime("Expires"),
        session_token: Some("x-amz-security-token"),
    },
    Scheme {
        kind: UrlKind::S3SigV2,
        signature: In::Param("Signature"),
        requires: &[Has::Param("AWSAccessKeyId")],
        alphabet: Alphabet::Base64,
        lengths: 20..=64,
        signer: Some(In::Param("AWSAccessKeyId")),
        signer_shape: None,
        expiry: Expiry::UnixTime("Expires"),
        session_token: Some("x-amz-security-token"),
    },
    // Aliyun OSS V1: HMAC-SHA1, base64; `security-token` with STS credentials.
    Scheme {
        kind: UrlKind::OssV1,
        signature: In::Param("Signature"),
        requires: &[Has::Param("OSSAccessKeyId"), Has::Param("Expires")],
        alphabet: Alphabet::Base64,
        lengths: 20..=64,
        signer: Some(In::Param("OSSAccessKeyId")),
        signer_shape: None,
        expiry: Expiry::UnixTime("Expires"),
        session_token: Some("security-token"),
    },
    // Huawei OBS, signed in the query (its V2-style signature, HMAC-SHA1).
    Scheme {
        kind: UrlKind::Obs,
        signature: In::Param("Signature"),
        requires: &[Has::Param("AccessKeyId"), Has::Param("Expires")],
        alphabet: Alphabet::Base64,
        lengths: 20..=64,
        signer: Some(In::Param("AccessKeyId")),
        signer_shape: None,
        expiry: Expiry::UnixTime("Expires"),
        session_token: Some("x-obs-security-token"),
    },
    // Aliyun OSS V4: HMAC-SHA256, hex, with a credential scope, like SigV4.
    Scheme {
        kind: UrlKind::OssV4,
        signature: In::Param("x-oss-signature"),
        requires: &[
            Has::Value("x-oss-signature-version", "OSS4-HMAC-SHA256"),
            Has::Param("x-oss-credential"),
        ],
        alphabet: Alphabet::Hex,
        lengths: 64..=64,
        signer: Some(In::Scope("x-oss-credential")),
        signer_shape: None,
        expiry: Expiry::DateAndSeconds("x-oss-date", "x-oss-expires"),
        session_token: Some("x-oss-security-token"),
    },
    // Aliyun OSS V2: HMAC-SHA256, base64, `x-oss-expires` a Unix time.
    Scheme {
        kind: UrlKind::OssV2,
        signature: In::Param("x-oss-signature"),
        requires: &[
            Has::Value("x-oss-signature-version", "OSS2"),
            Has::Param("x-oss-access-key-id"),
        ],
        alphabet: Alphabet::Base64,
        lengths: 40..=64,
        signer: Some(In::Param("x-oss-access-key-id")),
        signer_shape: None,
        expiry: Expiry::UnixTime("x-oss-expires"),
        session_token: Some("x-oss-security-token"),
    },
    // Tencent COS: HMAC-SHA1 hex, valid over `q-sign-time` (`start;end`). Also written as
    // one `sign` parameter holding the whole query encoded (see `decode`).
    Scheme {
        kind: UrlKind::Cos,
        signature: In::Param("q-signature"),
        requires: &[
            Has::Value("q-sign-algorithm", "sha1"),
            Has::Param("q-ak"),
            Has::Param("q-sign-time"),
        ],
        alphabet: Alphabet::Hex,
        lengths: 40..=40,
        signer: Some(In::Param("q-ak")),
        signer_shape: None,
        expiry: Expiry::UnixWindow("q-sign-time"),
        session_token: Some("x-cos-security-token"),
    },
    Scheme {
        kind: UrlKind::AzureSas,
        signature: In::Param("sig"),
        requires: &[Has::Param("sv"), Has::AnyOf(&["se", "sp", "sr"])],
        alphabet: Alphabet::Base64,
        lengths: 40..=100,
        signer: None,
        signer_shape: None,
        expiry: Expiry::Window("st", "se"),
        session_token: None,
    },
    // Qiniu private download URLs on any domain: `e=<deadline>&token=<AK>:<signature>`, the
    // signature URL-safe base64 of an HMAC-SHA1 and the access key 40 URL-safe characters.
    Scheme {
        kind: UrlKind::Qiniu,
        signature: In::AfterColon("token"),
        requires: &[Has::UnixTime("e")],
        alphabet: Alphabet::UrlSafeBase64,
        lengths: 27..=28,
        signer: Some(In::BeforeColon("token")),
        signer_shape: Some((Alphabet::UrlSafeBase64, 40..=40)),
        expiry: Expiry::UnixTime("e"),
        session_token: None,
    },
];

impl Has {
    fn holds(&self, url: &DecodedUrl) -> bool {
        match *self {
            Has::Param(name) => url.has(name),
            Has::Value(name, value) => url
                .param(name)
                .is_some_and(|v| v.eq_ignore_ascii_case(value)),
            Has::AnyOf(names) => names.iter().any(|n| url.has(n)),
            Has::UnixTime(name) => url.param(name).is_some_and(|v| {
                (9..=11).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_digit())
            }),
        }
    }
}

impl Scheme {
    /// The scheme a URL is signed with, if any: the first whose signature and requirements
    /// the URL carries.
    fn of(url: &DecodedUrl) -> Option<&'static Scheme> {
        SCHEMES
            .iter()
            .find(|s| s.signature.read(url).is_some() && s.requires.iter().all(|r| r.holds(url)))
    }

    /// When the URL starts to be valid, when it expires, and the seconds between, as far as
    /// the URL says. The start is read only where the signer chose it (Azure's `st`, COS's
    /// `q-sign-time`): a SigV4 URL's `X-Amz-Date` is when it was signed.
    fn validity(&self, url: &DecodedUrl) -> Validity {
        match self.expiry {
            Expiry::DateAndSeconds(date, secs) => {
                let claimed = amz_date(url.param(date)).zip(seconds(url.param(secs)));
                Validity {
                    starts_at: None,
                    expires_at: claimed.and_then(|(start, secs)| add_seconds(start, secs)),
                    lifetime_seconds: claimed.map(|(_, secs)| secs),
                }
            }
            Expiry::UnixTime(name) => Validity {
                expires_at: epoch(url.param(name)),
                ..Validity::default()
            },
            Expiry::UnixTimeOrPolicy(name, policy) => Validity {
                expires_at: epoch(url.param(name))
                    .or_else(|| url.param(policy).and_then(cloudfront_policy_expiry)),
                ..Validity::default()
            },
            Expiry::Window(start, end) => {
                Validity::window(iso_time(url.param(start)), iso_time(url.param(end)))
            }
            Expiry::UnixWindow(name) => {
                let window = url.param(name).and_then(|w| w.split_once(';'));
                Validity::window(
                    window.and_then(|(s, _)| epoch(Some(s))),
                    window.and_then(|(_, e)| epoch(Some(e))),
                )
            }
        }
    }
}

/// When a signed URL is valid, as far as it says.
#[derive(Default)]
struct Validity {
    starts_at: Option<OffsetDateTime>,
    expires_at: Option<OffsetDateTime>,
    lifetime_seconds: Option<i64>,
}

impl Validity {
    fn window(start: Option<OffsetDateTime>, end: Option<OffsetDateTime>) -> Validity {
        Validity {
            starts_at: start,
            expires_at: end,
            lifetime_seconds: start.zip(end).map(|(s, e)| (e - s).whole_seconds()),
        }
    }
}

/// The signature of a URL of `kind` (never print it).
pub fn signature(kind: UrlKind, url: &DecodedUrl) -> Option<&str> {
    SCHEMES
        .iter()
        .find(|s| s.kind == kind)
        .and_then(|s| s.signature.read(url))
}

pub fn classify(span: Range<usize>, url: DecodedUrl) -> Option<SignedUrl> {
    let scheme = Scheme::of(&url)?;
    let sig = scheme.signature.read(&url)?;
    if !is_real_signature(sig, scheme.alphabet, scheme.lengths.clone())
        || scheme.alphabet == Alphabet::Hex && sig.len() % 2 != 0
    {
        return None;
    }
    let key_id = scheme.signer.as_ref().and_then(|s| s.read(&url));
    if let Some((alphabet, lengths)) = &scheme.signer_shape
        && !key_id.is_some_and(|k| is_real_signature(k, *alphabet, lengths.clone()))
    {
        return None;
    }
    if let Some(key) = key_id
        && (!is_real_key_id(key) || !issued_by_host(scheme.kind, &url.host, key))
    {
        return None;
    }
    // A SAS is signed with its storage account's key: the account is its signer identity.
    if scheme.kind == UrlKind::AzureSas && azure_account(&url).is_some_and(is_placeholder_account) {
        return None;
    }
    let key_id = key_id.map(str::to_string);
    let key_type = key_id.as_deref().and_then(|k| key_type(scheme.kind, k));
    let Validity {
        starts_at,
        expires_at,
        lifetime_seconds,
    } = scheme.validity(&url);
    let (bucket, object) = bucket_and_object(scheme.kind, &url);
    let permissions = (scheme.kind == UrlKind::AzureSas)
        .then(|| url.param("sp").map(str::to_string))
        .flatten();
    let session_token = scheme.session_token.is_some_and(|t| url.has(t));
    let span_pieces = span.clone();
    Some(SignedUrl {
        kind: scheme.kind,
        span,
        insecure: url.scheme.as_deref() == Some("http"),
        starts_at,
        expires_at,
        lifetime_seconds,
        key_id,
        key_type,
        session_token,
        permissions,
        bucket,
        object,
        decoded: url,
        pieces: vec![span_pieces],
        hidden: Vec::new(),
    })
}

/// Signer identities a service issues.
enum Issues {
    /// Key ids starting with this (ASCII case ignored).
    Prefix(&'static str),
    /// Service accounts (an email address).
    Email,
}

/// An object store's own domains, and what they tell about the URLs signed for them.
struct Service {
    kinds: &'static [UrlKind],
    domains: &'static [&'static str],
    /// The only signers the service issues: on its own domains, a signer of another shape is
    /// a test double (`access_key`, `foo`). Empty: keys of any shape.
    issues: &'static [Issues],
    /// What follows the bucket in a virtual-hosted name (`bucket.oss-cn-hangzhou.aliyuncs.com`);
    /// a URL on the service's domains without one names the bucket first in its path. (S3
    /// and GCS names are read by their own rules in `bucket_and_object`, on any host.)
    after_bucket: &'static [&'static str],
}

/// The services whose hosts are judged. Other hosts (S3-compatible stores, emulators, custom
/// and CDN domains) issue keys of any shape and are not.
const SERVICES: [Service; 5] = [
    Service {
        kinds: &[UrlKind::S3SigV4, UrlKind::S3SigV2],
        domains: &["amazonaws.com", "amazonaws.com.cn"],
        issues: &[Issues::Prefix("AKIA"), Issues::Prefix("ASIA")],
        after_bucket: &[],
    },
    Service {
        kinds: &[UrlKind::GcsV4, UrlKind::GcsV2],
        domains: &["googleapis.com"],
        issues: &[Issues::Email, Issues::Prefix("GOOG")],
        after_bucket: &[],
    },
    // Aliyun keys issued before 2019 have no `LTAI` prefix: keys are not judged.
    Service {
        kinds: &[UrlKind::OssV1, UrlKind::OssV2, UrlKind::OssV4],
        domains: &["aliyuncs.com"],
        issues: &[],
        after_bucket: &[".oss-"],
    },
    // Tencent Cloud SecretIds, long-term and temporary, all start with `AKID`.
    Service {
        kinds: &[UrlKind::Cos],
        domains: &["myqcloud.com", "tencentcos.cn"],
        issues: &[Issues::Prefix("AKID")],
        after_bucket: &[".cos."],
    },
    Service {
        kinds: &[UrlKind::Obs],
        domains: &["myhuaweicloud.com", "myhuaweicloud.eu"],
        issues: &[],
        after_bucket: &[".obs."],
    },
];

impl Service {
    /// The service that signs URLs of `kind`, if `host` is one of its own.
    fn hosting(kind: UrlKind, host: &str) -> Option<&'static Service> {
        let host = host.split(':').next().unwrap_or("");
        SERVICES.iter().find(|s| {
            s.kinds.contains(&kind)
                && s.domains
                    .iter()
                    .any(|d| host == *d || host.strip_suffix(d).is_some_and(|h| h.ends_with('.')))
        })
    }
}

/// Whether the signer identity has a shape the URL's own service issues: AWS signs only with
/// `AKIA`/`ASIA` access keys, Cloud Storage only as a service account (an email) or with an
/// HMAC key (`GOOG…`), Tencent Cloud only with `AKID…` SecretIds. Test doubles sign AWS and
/// Google URLs as `access_key` or `foo`; other hosts are not judged (see [`SERVICES`]).
fn issued_by_host(kind: UrlKind, host: &str, key: &str) -> bool {
    let Some(service) = Service::hosting(kind, host) else {
        return true;
    };
    let upper = key.to_ascii_uppercase();
    service.issues.is_empty()
        || service.issues.iter().any(|i| match i {
            Issues::Prefix(prefix) => upper.starts_with(prefix),
            Issues::Email => key.contains('@'),
        })
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

/// Key id prefixes that tell the kind of key (ASCII case ignored): AWS (`AKIA`/`ASIA`), GCS
/// HMAC (`GOOG1`), Aliyun AccessKeys (`LTAI`) and STS credentials (`STS.`). Keys of other
/// stores are not guessed (Tencent's `AKID` is both long-term and temporary).
const KEY_PREFIXES: [(&str, KeyType); 5] = [
    ("ASIA", KeyType::Temporary),
    ("STS.", KeyType::Temporary),
    ("AKIA", KeyType::LongTerm),
    ("GOOG1", KeyType::LongTerm),
    ("LTAI", KeyType::LongTerm),
];

/// The kind of key, where its shape tells ([`KEY_PREFIXES`]), service accounts and
/// CloudFront key pairs.
fn key_type(kind: UrlKind, key: &str) -> Option<KeyType> {
    let upper = key.to_ascii_uppercase();
    if kind == UrlKind::CloudFront {
        return Some(KeyType::CloudFrontKeyPair);
    }
    KEY_PREFIXES
        .iter()
        .find(|(prefix, _)| upper.starts_with(prefix))
        .map(|(_, t)| *t)
        .or_else(|| key.contains('@').then_some(KeyType::ServiceAccount))
}

/// Bucket and object key, where the host or path shows them (S3 virtual-hosted and
/// path-style, GCS, Azure container/blob, and the [`SERVICES`] of other clouds on their own
/// domains; behind a custom or CDN domain their path is the object's key).
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
        UrlKind::OssV1
        | UrlKind::OssV2
        | UrlKind::OssV4
        | UrlKind::Cos
        | UrlKind::Obs
        | UrlKind::Qiniu => match Service::hosting(kind, host) {
            Some(service) => match service
                .after_bucket
                .iter()
                .find_map(|marker| host.split_once(marker))
            {
                Some((bucket, _)) => (non_empty(bucket), non_empty(path)),
                None => path_style(path),
            },
            None => (None, non_empty(path)),
        },
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
    OffsetDateTime::from_unix_timestamp(crate::text::duration::parse_timestamp(value?)?).ok()
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

    /// Random-looking fakes of other clouds' signatures and keys (assembled into URLs at run
    /// time, so this file holds no signed URL).
    const B64_SHA1: &str = "vJcS3S5qrrlLro0vn6KcWihMnvc%3D";
    const B64_SHA256: &str = "jO2TtrKMsNGzWOa6q0hVZbn0kCjVV9eaig5kUeFccFw%3D";
    const LTAI: &str = "LTAI5tNqVwYS81VP7Hb1DX8p";
    const AKID: &str = "AKIDPd5khxE3pyIgKpaUnArl63XykWZeiNNC";
    const OBS_AK: &str = "IIAANNKKSUM8NLMYTBX0";
    const QINIU_AK: &str = "vsHiQMaRiNTN9Ox98whGcTZc1UWb5fxzpF7STG7n";
    const QINIU_SIG: &str = "FEXIBvWMfPISffqJT5KW_PM8CEA=";

    fn one(text: &str) -> SignedUrl {
        let mut urls = find_signed_urls(text);
        assert_eq!(urls.len(), 1, "{text}");
        urls.remove(0)
    }

    #[test]
    fn aliyun_oss_v1_v2_and_v4() {
        let v1 = one(&format!(
            "https://acme-media.oss-cn-hangzhou.aliyuncs.com/img/a.jpg?OSSAccessKeyId={LTAI}&Expires=1700000000&Signature={B64_SHA1}"
        ));
        assert_eq!(v1.kind, UrlKind::OssV1);
        assert_eq!(v1.key_id.as_deref(), Some(LTAI));
        assert_eq!(v1.key_type, Some(KeyType::LongTerm));
        assert_eq!(
            v1.expires_at.map(|t| t.unix_timestamp()),
            Some(1_700_000_000)
        );
        assert_eq!(v1.bucket.as_deref(), Some("acme-media"));
        assert_eq!(v1.object.as_deref(), Some("img/a.jpg"));
        assert_eq!(v1.signature(), Some("vJcS3S5qrrlLro0vn6KcWihMnvc="));

        let sts = one(&format!(
            "https://oss-cn-hangzhou.aliyuncs.com/acme-media/a.jpg?OSSAccessKeyId=STS.NUxq8VnX3ueZ7GfWc2hJ&Expires=1700000000&Signature={B64_SHA1}&security-token=CAIS8gF1q6Ft5B2y"
        ));
        assert_eq!(sts.key_type, Some(KeyType::Temporary));
        assert!(sts.session_token);
        assert_eq!(sts.bucket.as_deref(), Some("acme-media"));

        let v4 = one(&format!(
            "https://acme-media.oss-cn-hangzhou.aliyuncs.com/img/a.jpg?x-oss-credential={LTAI}%2F20240115%2Fcn-hangzhou%2Foss%2Faliyun_v4_request&x-oss-date=20240115T101500Z&x-oss-expires=3600&x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-signature={SIG}"
        ));
        assert_eq!(v4.kind, UrlKind::OssV4);
        assert_eq!(v4.key_id.as_deref(), Some(LTAI));
        assert_eq!(v4.lifetime_seconds, Some(3600));
        assert_eq!(
            v4.expires_at.map(|t| t.unix_timestamp()),
            Some(1_705_313_700 + 3600)
        );

        let v2 = one(&format!(
            "https://acme-media.oss-cn-hangzhou.aliyuncs.com/img/a.jpg?x-oss-access-key-id={LTAI}&x-oss-expires=1700000000&x-oss-signature-version=OSS2&x-oss-signature={B64_SHA256}"
        ));
        assert_eq!(v2.kind, UrlKind::OssV2);
        assert_eq!(
            v2.expires_at.map(|t| t.unix_timestamp()),
            Some(1_700_000_000)
        );
        assert_eq!(v2.lifetime_seconds, None);

        // Unsigned, a V4 signature of another version, and documentation placeholders.
        for text in [
            "https://acme-media.oss-cn-hangzhou.aliyuncs.com/img/a.jpg".to_string(),
            format!(
                "https://acme-media.oss-cn-hangzhou.aliyuncs.com/a.jpg?x-oss-credential={LTAI}%2F20240115&x-oss-signature-version=OSS3&x-oss-signature={SIG}"
            ),
            format!(
                "https://b.oss-cn-hangzhou.aliyuncs.com/a.jpg?OSSAccessKeyId=YOUR_ACCESS_KEY&Expires=1700000000&Signature={B64_SHA1}"
            ),
            format!(
                "https://b.oss-cn-hangzhou.aliyuncs.com/a.jpg?OSSAccessKeyId=LTAI5tXXXXXXXXXXXXXXXXXX&Expires=1700000000&Signature={B64_SHA1}"
            ),
            format!(
                "https://b.oss-cn-hangzhou.aliyuncs.com/a.jpg?OSSAccessKeyId={LTAI}&Expires=1700000000&Signature=xxxx"
            ),
            format!(
                "https://b.oss-cn-hangzhou.aliyuncs.com/a.jpg?OSSAccessKeyId={LTAI}&Expires=1700000000&Signature=<signature>"
            ),
        ] {
            assert!(find_signed_urls(&text).is_empty(), "{text}");
        }
    }

    #[test]
    fn tencent_cos_plain_and_in_one_sign_parameter() {
        let sha1 = &SIG[..40];
        let query = format!(
            "q-sign-algorithm=sha1&q-ak={AKID}&q-sign-time=1700000000;1700003600&q-key-time=1700000000;1700003600&q-header-list=host&q-url-param-list=&q-signature={sha1}"
        );
        let plain = one(&format!(
            "https://acme-1250000000.cos.ap-guangzhou.myqcloud.com/doc/a.pdf?{query}"
        ));
        let encoded: String = query
            .replace('=', "%3D")
            .replace('&', "%26")
            .replace(';', "%3B");
        let sign = one(&format!(
            "https://acme-1250000000.cos.ap-guangzhou.myqcloud.com/doc/a.pdf?sign={encoded}"
        ));
        for u in [&plain, &sign] {
            assert_eq!(u.kind, UrlKind::Cos);
            assert_eq!(u.key_id.as_deref(), Some(AKID));
            assert_eq!(u.key_type, None);
            assert_eq!(u.bucket.as_deref(), Some("acme-1250000000"));
            assert_eq!(u.object.as_deref(), Some("doc/a.pdf"));
            assert_eq!(
                u.expires_at.map(|t| t.unix_timestamp()),
                Some(1_700_003_600)
            );
            assert_eq!(u.lifetime_seconds, Some(3600));
            assert_eq!(u.signature(), Some(sha1));
        }
        // No signature; a signer the service never issues on its own domain; a placeholder.
        for text in [
            "https://acme-1250000000.cos.ap-guangzhou.myqcloud.com/doc/a.pdf?q-sign-algorithm=sha1&q-ak=AKIDPd5khxE3pyIgKpaUnArl63XykWZeiNNC&q-sign-time=1700000000;1700003600".to_string(),
            plain.decoded.url.replace(AKID, "SecretId-ci"),
            plain.decoded.url.replace(AKID, "AKIDEXAMPLE"),
            plain.decoded.url.replace(sha1, "<signature>"),
        ] {
            assert!(find_signed_urls(&text).is_empty(), "{text}");
        }
        // Elsewhere (a CDN domain) the signer is not judged and the path is the object.
        let cdn = one(&plain.decoded.url.replace(
            "acme-1250000000.cos.ap-guangzhou.myqcloud.com",
            "static.acme.cn",
        ));
        assert_eq!(
            (cdn.bucket, cdn.object.as_deref()),
            (None, Some("doc/a.pdf"))
        );
    }

    #[test]
    fn huawei_obs() {
        let u = one(&format!(
            "https://acme-backup.obs.cn-north-4.myhuaweicloud.com/db/dump.sql.gz?AccessKeyId={OBS_AK}&Expires=1700003600&Signature={B64_SHA1}&x-obs-security-token=gQpjbi1ub3J0aC00"
        ));
        assert_eq!(u.kind, UrlKind::Obs);
        assert_eq!(u.key_id.as_deref(), Some(OBS_AK));
        assert!(u.session_token);
        assert_eq!(u.bucket.as_deref(), Some("acme-backup"));
        assert_eq!(
            u.expires_at.map(|t| t.unix_timestamp()),
            Some(1_700_003_600)
        );
        // The API reference's own example.
        let doc = "https://bucketname.obs.cn-north-4.myhuaweicloud.com/ObjectKey?AccessKeyId=AccessKeyID&Expires=ExpiresValue&Signature=signature";
        assert!(find_signed_urls(doc).is_empty());
    }

    #[test]
    fn qiniu_needs_a_deadline_and_a_signer_signature_token() {
        let u = one(&format!(
            "https://dl.acme.cn/videos/intro.mp4?e=1700003600&token={QINIU_AK}:{QINIU_SIG}"
        ));
        assert_eq!(u.kind, UrlKind::Qiniu);
        assert_eq!(u.key_id.as_deref(), Some(QINIU_AK));
        assert_eq!(
            (u.bucket.as_deref(), u.object.as_deref()),
            (None, Some("videos/intro.mp4"))
        );
        assert_eq!(
            u.expires_at.map(|t| t.unix_timestamp()),
            Some(1_700_003_600)
        );
        assert_eq!(u.signature(), Some(QINIU_SIG));
        // The `:` percent-encoded, and an image-processing parameter before the signature.
        let encoded = one(&format!(
            "http://acme.qiniudn.com/a.png?imageView2/1/w/200&e=1700003600&token={QINIU_AK}%3A{QINIU_SIG}"
        ));
        assert!(encoded.insecure);
        for text in [
            "https://h.acme.cn/a?e=1&token=abc".to_string(),
            format!("https://h.acme.cn/a?e=1&token={QINIU_AK}:{QINIU_SIG}"),
            format!("https://h.acme.cn/a?e=soon&token={QINIU_AK}:{QINIU_SIG}"),
            format!("https://h.acme.cn/a?token={QINIU_AK}:{QINIU_SIG}"),
            format!("https://h.acme.cn/a?e=1700003600&token={QINIU_SIG}"),
            format!("https://h.acme.cn/a?e=1700003600&token=user:{QINIU_SIG}"),
            format!("https://h.acme.cn/a?e=1700003600&token=YOUR_ACCESS_KEY:{QINIU_SIG}"),
            format!("https://h.acme.cn/a?e=1700003600&token={QINIU_AK}:<signature>"),
        ] {
            assert!(find_signed_urls(&text).is_empty(), "{text}");
        }
    }

    #[test]
    fn placeholders_are_silent() {
        let text = "https://b.s3.amazonaws.com/k?X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";
        assert!(find_signed_urls(text).is_empty());
        let unsigned = "https://b.s3.amazonaws.com/k?Signature=abc";
        assert!(find_signed_urls(unsigned).is_empty());
    }
}
