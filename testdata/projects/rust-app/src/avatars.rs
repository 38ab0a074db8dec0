use aws_sdk_s3::Client;

use crate::storage::s3::presign_with_retry;

type Error = Box<dyn std::error::Error>;

pub async fn avatar(client: &Client, user_id: &str) -> Result<String, Error> {
    presign_with_retry(client, &format!("avatars/{user_id}.png"), 900, 3).await
}
