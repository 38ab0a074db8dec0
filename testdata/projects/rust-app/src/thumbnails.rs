use aws_sdk_s3::Client;

use crate::albums::{cover_key, cover_link, parent_thumbnail};
use crate::storage::s3::presign;

type Error = Box<dyn std::error::Error>;

pub async fn thumbnail_link(client: &Client, key: &str, ttl: u64) -> Result<String, Error> {
    presign(client, &format!("thumbs/{key}"), ttl).await
}

pub async fn album_thumbnail(client: &Client, album_id: &str) -> Result<String, Error> {
    // An album without a cover shows its parent's: albums.rs calls back into this module.
    match cover_key(album_id) {
        Some(key) => thumbnail_link(client, &key, 600).await,
        None => parent_thumbnail(client, album_id).await,
    }
}

pub async fn banner(client: &Client, album_id: &str) -> Result<String, Error> {
    cover_link(client, album_id, 2 * 86400).await // expect: excessive-expiry
}
