use aws_sdk_s3::Client;

use crate::config::{LINK_TTL, SHORT_TTL};
use crate::storage::s3::{presign, presign_capped, presign_fixed};

type Error = Box<dyn std::error::Error>;

pub async fn signed_link(client: &Client, key: &str, ttl: u64) -> Result<String, Error> {
    presign(client, key, ttl).await
}

pub async fn share(client: &Client, key: &str) -> Result<String, Error> {
    signed_link(client, key, LINK_TTL).await // expect: excessive-expiry
}

pub async fn share_short(client: &Client, key: &str) -> Result<String, Error> {
    signed_link(client, key, SHORT_TTL).await
}

pub async fn capped(client: &Client, key: &str) -> Result<String, Error> {
    presign_capped(client, key, 999999).await
}

pub async fn fixed(client: &Client, key: &str) -> Result<String, Error> {
    presign_fixed(client, key).await
}

pub async fn forwarded(client: &Client, key: &str, ttl: u64) -> Result<String, Error> {
    // A value from an unknown source stays dynamic.
    signed_link(client, key, ttl).await
}

pub async fn traced(client: &Client, key: &str) -> Result<(), Error> {
    let url = signed_link(client, key, 60).await?;
    log::info!("link {url}"); // expect: presigned-url-logged
    Ok(())
}
