use aws_sdk_s3::Client;

use crate::links;
use crate::links::signed_link;

type Error = Box<dyn std::error::Error>;

pub async fn listing(client: &Client, keys: &[String]) -> Result<Vec<String>, Error> {
    let mut urls = Vec::new();
    for k in keys {
        urls.push(signed_link(client, k, 4 * 86400).await?); // expect: excessive-expiry, presign-in-loop
    }
    Ok(urls)
}

pub async fn one(client: &Client, key: &str) -> Result<String, Error> {
    links::signed_link(client, key, 2 * 3600).await // expect: excessive-expiry
}

async fn level3(client: &Client, key: &str, ttl: u64) -> Result<String, Error> {
    links::forwarded(client, key, ttl).await
}

pub async fn deep(client: &Client, key: &str) -> Result<String, Error> {
    level3(client, key, 10 * 86400).await // expect: expiry-exceeds-limit
}

pub fn pending(client: &Client, keys: &[String]) -> usize {
    let futures: Vec<_> = keys.iter().map(|k| signed_link(client, k, 600)).collect(); // expect: presign-in-loop
    futures.len()
}
