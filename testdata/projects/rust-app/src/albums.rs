use aws_sdk_s3::Client;

use crate::thumbnails::{album_thumbnail, thumbnail_link};

type Error = Box<dyn std::error::Error>;

pub fn cover_key(album_id: &str) -> Option<String> {
    if album_id.is_empty() || album_id.starts_with("draft-") {
        return None;
    }
    Some(format!("albums/{album_id}/cover.jpg"))
}

pub async fn parent_thumbnail(client: &Client, album_id: &str) -> Result<String, Error> {
    let parent = album_id.rsplit_once('/').map_or("", |(p, _)| p);
    Box::pin(album_thumbnail(client, parent)).await
}

pub async fn cover_link(client: &Client, album_id: &str, ttl: u64) -> Result<String, Error> {
    let key = cover_key(album_id).unwrap_or_else(|| "placeholder.jpg".to_string());
    thumbnail_link(client, &key, ttl).await
}

pub async fn album_page(client: &Client, album_id: &str) -> Result<(String, String), Error> {
    Ok((album_id.to_string(), album_thumbnail(client, album_id).await?))
}
