//! Presigned URLs written to output or logs, and look-alikes that must stay silent.
use std::time::Duration;

use aws_sdk_s3::Client;
use aws_sdk_s3::presigning::PresigningConfig;
use tracing::info;

fn config() -> PresigningConfig {
    PresigningConfig::expires_in(Duration::from_secs(600)).expect("config")
}

pub async fn share(client: &Client, key: &str) -> Result<String, Box<dyn std::error::Error>> {
    let presigned = client.get_object().bucket("media").key(key).presigned(config()).await?;
    let url = presigned.uri().to_string();
    println!("{}", url); // expect: presigned-url-logged
    println!("link: {url}"); // expect: presigned-url-logged
    eprintln!("link: {:?}", presigned.uri()); // expect: presigned-url-logged
    info!(url = %url, "presigned"); // expect: presigned-url-logged
    tracing::debug!("link {}", url); // expect: presigned-url-logged
    log::warn!("{}", presigned.uri()); // expect: presigned-url-logged
    dbg!(&url); // expect: presigned-url-logged
    let message = format!("link: {}", url);
    info!("{message}"); // expect: presigned-url-logged
    Ok(url)
}

// --- Precision traps: all silent. ---

pub async fn handler(client: &Client, key: &str) -> Option<String> {
    let presigned = client.get_object().bucket("media").key(key).presigned(config()).await.ok()?;
    info!(key = %key, "presigned for 600 s");
    println!("method {}", presigned.method());
    println!("{{url}} is a literal, not a capture");
    Some(presigned.uri().to_string())
}

pub fn public_link(key: &str) {
    let url = format!("https://media.example.com/{key}");
    println!("{url}");
}
