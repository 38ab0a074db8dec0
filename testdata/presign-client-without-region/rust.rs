// presign-client-without-region: aws-sdk-s3 with aws-config.
use std::time::Duration;

use aws_sdk_s3::presigning::PresigningConfig;
use aws_sdk_s3::Client;

async fn no_region(key: &str) -> Result<String, Box<dyn std::error::Error>> {
    let shared = aws_config::defaults(aws_config::BehaviorVersion::latest()).load().await;
    let client = Client::new(&shared); // expect: presign-client-without-region
    let req = client
        .get_object()
        .bucket("b")
        .key(key)
        .presigned(PresigningConfig::expires_in(Duration::from_secs(300))?)
        .await?;
    Ok(req.uri().to_string())
}

// Negatives: a region, the environment chosen explicitly, a client passed in.
async fn regional(key: &str) -> Result<String, Box<dyn std::error::Error>> {
    let shared = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .region("eu-west-1")
        .load()
        .await;
    let client = Client::new(&shared);
    let req = client
        .get_object()
        .bucket("b")
        .key(key)
        .presigned(PresigningConfig::expires_in(Duration::from_secs(300))?)
        .await?;
    Ok(req.uri().to_string())
}

async fn from_env(key: &str) -> Result<String, Box<dyn std::error::Error>> {
    let shared = aws_config::load_from_env().await;
    let client = Client::new(&shared);
    let req = client
        .get_object()
        .bucket("b")
        .key(key)
        .presigned(PresigningConfig::expires_in(Duration::from_secs(300))?)
        .await?;
    Ok(req.uri().to_string())
}

async fn injected(client: &Client, key: &str) -> Result<String, Box<dyn std::error::Error>> {
    let req = client
        .get_object()
        .bucket("b")
        .key(key)
        .presigned(PresigningConfig::expires_in(Duration::from_secs(300))?)
        .await?;
    Ok(req.uri().to_string())
}
