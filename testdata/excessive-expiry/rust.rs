//! Share links for the reports bucket, presigned with aws-sdk-s3 for longer than the 1 hour
//! policy. Doc comments that mention `presigned(PresigningConfig::expires_in(...))` are not
//! calls, and neither are the timeouts and cache TTLs at the bottom.

use std::time::Duration;

use aws_sdk_s3::presigning::PresigningConfig;
use aws_sdk_s3::Client;

const ONE_DAY: u64 = 24 * 60 * 60;
const SHARE_TTL: Duration = Duration::from_secs(12 * 60 * 60);

type Error = Box<dyn std::error::Error + Send + Sync>;

/// Inline config, eight hours, at the end of a multi-line chain.
pub async fn inline(client: &Client, key: &str) -> Result<String, Error> {
    let request = client
        .get_object()
        .bucket("acme-reports")
        .key(key)
        .presigned(PresigningConfig::expires_in(Duration::from_secs(8 * 60 * 60))?) // expect: excessive-expiry
        .await?;
    Ok(request.uri().to_string())
}

/// A const duration, fully qualified path.
pub async fn constant(client: &Client, key: &str) -> Result<String, Error> {
    let config = PresigningConfig::expires_in(SHARE_TTL)?; // expect: excessive-expiry
    let request = client.get_object().bucket("acme-reports").key(key).presigned(config).await?;
    Ok(request.uri().to_string())
}

/// Builder form through a binding, with a std path and arithmetic on a const.
pub async fn builder(client: &Client, key: &str) -> Result<String, Error> {
    let presigning = PresigningConfig::builder()
        .expires_in(std::time::Duration::from_secs(ONE_DAY * 2)) // expect: excessive-expiry
        .build()?;
    let request = client
        .put_object()
        .bucket("acme-uploads")
        .key(key)
        .presigned(presigning)
        .await?;
    Ok(request.uri().to_string())
}

/// Shadowed variable: a number, then a Duration, then a PresigningConfig.
pub async fn shadowed(client: &Client, key: &str) -> Result<String, Error> {
    let expires_in: u64 = 86_400;
    let expires_in = Duration::from_secs(expires_in);
    let expires_in = PresigningConfig::expires_in(expires_in)?; // expect: excessive-expiry
    let request = client.get_object().bucket("acme-reports").key(key).presigned(expires_in).await?;
    Ok(request.uri().to_string())
}

/// chrono's Duration, converted to std: the unit hides in the constructor.
pub async fn chrono_days(client: &Client, key: &str) -> Result<String, Error> {
    let expires = chrono::Duration::try_days(1).unwrap().to_std()?;
    let config = PresigningConfig::expires_in(expires)?; // expect: excessive-expiry
    let request = client.get_object().bucket("acme-reports").key(key).presigned(config).await?;
    Ok(request.uri().to_string())
}

/// Minutes and milliseconds.
pub async fn minutes(client: &Client, key: &str) -> Result<String, Error> {
    let request = client
        .get_object()
        .bucket("acme-reports")
        .key(key)
        .presigned(
            PresigningConfig::builder()
                .expires_in(Duration::from_mins(90)) // expect: excessive-expiry
                .build()
                .expect("valid presigning config"),
        )
        .await?;
    Ok(request.uri().to_string())
}

pub async fn millis(client: &Client, key: &str) -> Result<String, Error> {
    let ttl = Duration::from_millis(2 * 60 * 60 * 1000);
    let request = client.get_object().bucket("acme-reports").key(key).presigned(PresigningConfig::expires_in(ttl).unwrap()).await?; // expect: excessive-expiry
    Ok(request.uri().to_string())
}

/// A day, from a const, in a function that returns the config: reported where it is built,
/// since a configuration exists only to presign.
fn day_config() -> Result<PresigningConfig, Error> {
    Ok(PresigningConfig::expires_in(Duration::from_secs(ONE_DAY))?) // expect: excessive-expiry
}

pub async fn via_helper(client: &Client, key: &str) -> Result<String, Error> {
    let config = PresigningConfig::expires_in(Duration::from_secs(ONE_DAY))?; // expect: excessive-expiry
    let request = client.get_object().bucket("acme-reports").key(key).presigned(config).await?;
    let _unused = day_config()?;
    Ok(request.uri().to_string())
}

/// Not findings: short expiries, and expiries only known at run time.
pub async fn fine(client: &Client, key: &str, args: &Args) -> Result<[String; 2], Error> {
    let short = client
        .get_object()
        .bucket("acme-reports")
        .key(key)
        .presigned(PresigningConfig::expires_in(Duration::from_secs(900))?)
        .await?;
    // The expiry comes from the command line, with a default: dynamic, not 900 (or a week).
    let expires_in = Duration::from_secs(args.expires_in.unwrap_or(604_800));
    let from_cli = client
        .get_object()
        .bucket("acme-reports")
        .key(key)
        .presigned(PresigningConfig::expires_in(expires_in)?)
        .await?;
    Ok([short.uri().to_string(), from_cli.uri().to_string()])
}

pub async fn from_parameter(client: &Client, key: &str, ttl: Duration) -> Result<String, Error> {
    let config = PresigningConfig::expires_in(ttl)?;
    let request = client.get_object().bucket("acme-reports").key(key).presigned(config).await?;
    Ok(request.uri().to_string())
}

pub struct Args {
    pub expires_in: Option<u64>,
}

// Traps: durations that are not presign expiries. A comment with
// `.presigned(PresigningConfig::expires_in(Duration::from_secs(604800))?)` is not a call.

/// Fetches with a long timeout; nothing here is presigned.
pub async fn fetch(url: &str) -> Result<String, Error> {
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(3600 * 24))
        .build()?;
    let body = tokio::time::timeout(Duration::from_secs(604_800), http.get(url).send()).await??;
    Ok(body.text().await?)
}

/// A cache of presigned URLs: the TTL is the cache's, not a presign expiry.
pub fn cache() -> moka::sync::Cache<String, String> {
    moka::sync::Cache::builder()
        .time_to_live(Duration::from_secs(7 * 24 * 60 * 60))
        .build()
}

/// A local helper named like the SDK method, with no `PresigningConfig`.
pub struct Links;

impl Links {
    pub fn presigned(&self, ttl: Duration) -> String {
        format!("https://links.example.com/?ttl={}", ttl.as_secs())
    }
}

pub fn helper() -> String {
    Links.presigned(Duration::from_secs(30 * 24 * 60 * 60))
}
