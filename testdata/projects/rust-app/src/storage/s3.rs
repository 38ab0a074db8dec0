use std::time::Duration;

use aws_sdk_s3::Client;
use aws_sdk_s3::presigning::PresigningConfig;

type Error = Box<dyn std::error::Error>;

pub async fn presign(client: &Client, key: &str, expires: u64) -> Result<String, Error> {
    let request = client
        .get_object()
        .bucket("media")
        .key(key)
        .presigned(PresigningConfig::expires_in(Duration::from_secs(expires))?)
        .await?;
    Ok(request.uri().to_string())
}

pub async fn presign_fixed(client: &Client, key: &str) -> Result<String, Error> {
    // The expiry is fixed inside: reported here once, never at the callers.
    let request = client
        .get_object()
        .bucket("media")
        .key(key)
        .presigned(PresigningConfig::expires_in(Duration::from_secs(86400))?) // expect: excessive-expiry
        .await?;
    Ok(request.uri().to_string())
}

pub async fn presign_capped(client: &Client, key: &str, expires: u64) -> Result<String, Error> {
    // The parameter is overridden inside the wrapper: callers do not decide the expiry.
    let _ = expires;
    let expires = 600;
    let request = client
        .get_object()
        .bucket("media")
        .key(key)
        .presigned(PresigningConfig::expires_in(Duration::from_secs(expires))?)
        .await?;
    Ok(request.uri().to_string())
}

pub async fn presign_with_retry(client: &Client, key: &str, expires: u64, attempts: u32) -> Result<String, Error> {
    // Recursive: a transient signing failure is retried with one attempt less.
    let config = PresigningConfig::expires_in(Duration::from_secs(expires))?;
    match client.get_object().bucket("media").key(key).presigned(config).await {
        Ok(request) => Ok(request.uri().to_string()),
        Err(_) if attempts > 1 => Box::pin(presign_with_retry(client, key, expires, attempts - 1)).await,
        Err(e) => Err(e.into()),
    }
}
