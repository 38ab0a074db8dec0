// insecure-transport: aws-sdk-s3 clients that presign over HTTP.
use std::time::Duration;

use aws_sdk_s3::presigning::PresigningConfig;
use aws_sdk_s3::Client;

async fn media_link(key: &str) -> Result<String, Box<dyn std::error::Error>> {
    let shared = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .region("eu-west-1")
        .load()
        .await;
    let conf = aws_sdk_s3::config::Builder::from(&shared)
        .endpoint_url("http://s3.eu-west-1.amazonaws.com") // expect: insecure-transport@error
        .build();
    let client = Client::from_conf(conf);
    let req = client
        .get_object()
        .bucket("media")
        .key(key)
        .presigned(PresigningConfig::expires_in(Duration::from_secs(900))?)
        .await?;
    Ok(req.uri().to_string())
}

async fn dev_link(key: &str) -> Result<String, Box<dyn std::error::Error>> {
    let shared = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .region("us-east-1")
        .endpoint_url("http://localhost:4566") // expect: insecure-transport@note
        .load()
        .await;
    let client = Client::new(&shared);
    let req = client
        .get_object()
        .bucket("dev")
        .key(key)
        .presigned(PresigningConfig::expires_in(Duration::from_secs(300))?)
        .await?;
    Ok(req.uri().to_string())
}

// Negatives: https; an http client that does not presign; a client passed in.
async fn secure_link(key: &str) -> Result<String, Box<dyn std::error::Error>> {
    let shared = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .region("eu-west-1")
        .endpoint_url("https://s3.eu-west-1.amazonaws.com")
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

async fn upload(key: &str) -> Result<(), Box<dyn std::error::Error>> {
    let shared = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .region("eu-west-1")
        .endpoint_url("http://s3.internal:9000")
        .load()
        .await;
    Client::new(&shared).put_object().bucket("b").key(key).send().await?;
    Ok(())
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
// .endpoint_url("http://example.com") in a comment
