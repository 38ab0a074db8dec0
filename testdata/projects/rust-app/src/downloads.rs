use aws_sdk_s3::Client;

use crate::storage::presigning::{download_config, preview_config, share_config};

type Error = Box<dyn std::error::Error>;

pub async fn download_link(client: &Client, key: &str) -> Result<String, Error> {
    let config = download_config()?;
    let request = client.get_object().bucket("exports").key(key).presigned(config).await?;
    Ok(request.uri().to_string())
}

pub async fn preview_link(client: &Client, key: &str) -> Result<String, Error> {
    let request = client
        .get_object()
        .bucket("exports")
        .key(key)
        .presigned(preview_config()?)
        .await?;
    Ok(request.uri().to_string())
}

pub async fn share_link(client: &Client, key: &str) -> Result<String, Error> {
    let request = client.get_object().bucket("exports").key(key).presigned(share_config()?).await?;
    Ok(request.uri().to_string())
}
