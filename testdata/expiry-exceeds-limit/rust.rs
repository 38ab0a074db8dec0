//! Presigning for longer than SigV4's 7-day ceiling: aws-sdk-s3 refuses to build the
//! `PresigningConfig` (`ExpiresInDurationTooLong`), so these fail at run time.

use std::time::Duration;

use aws_sdk_s3::presigning::PresigningConfig;
use aws_sdk_s3::Client;

const TWO_WEEKS: Duration = Duration::from_secs(14 * 24 * 60 * 60);

pub async fn eight_days(client: &Client, key: &str) -> Result<String, Box<dyn std::error::Error>> {
    let request = client
        .get_object()
        .bucket("acme-archive")
        .key(key)
        .presigned(PresigningConfig::expires_in(Duration::from_secs(60 * 60 * 24 * 8))?) // expect: expiry-exceeds-limit
        .await?;
    Ok(request.uri().to_string())
}

pub async fn two_weeks(client: &Client, key: &str) -> Result<String, Box<dyn std::error::Error>> {
    let config = PresigningConfig::builder().expires_in(TWO_WEEKS).build()?; // expect: expiry-exceeds-limit
    let request = client.put_object().bucket("acme-archive").key(key).presigned(config).await?;
    Ok(request.uri().to_string())
}

pub async fn thirty_days(client: &Client, key: &str) -> Result<String, Box<dyn std::error::Error>> {
    let expires = chrono::TimeDelta::try_days(30).unwrap().to_std()?;
    let request = client
        .get_object()
        .bucket("acme-archive")
        .key(key)
        .presigned(PresigningConfig::expires_in(expires)?) // expect: expiry-exceeds-limit
        .await?;
    Ok(request.uri().to_string())
}

/// Exactly a week is accepted by the SDK: only over the 1 hour policy.
pub async fn one_week(client: &Client, key: &str) -> Result<String, Box<dyn std::error::Error>> {
    let config = PresigningConfig::expires_in(Duration::from_secs(604_800))?; // expect: excessive-expiry
    let request = client.get_object().bucket("acme-archive").key(key).presigned(config).await?;
    Ok(request.uri().to_string())
}
