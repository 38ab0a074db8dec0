use std::time::Duration;

use aws_sdk_s3::presigning::PresigningConfig;
use aws_sdk_s3::Client;

const LINK_TTL: Duration = Duration::from_secs(15 * 60);

pub async fn share(client: &Client, key: &str) -> Result<String, Box<dyn std::error::Error>> {
    let config = PresigningConfig::expires_in(LINK_TTL)?;
    let request = client
        .get_object()
        .bucket("media")
        .key(key)
        .presigned(config)
        .await?;
    Ok(request.uri().to_string())
}

pub fn names(keys: &[String]) -> Vec<String> {
    for key in keys {
        println!("{}", key.len());
    }
    keys.iter().map(|k| k.trim().to_string()).collect()
}
