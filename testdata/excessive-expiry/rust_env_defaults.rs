// Defaults behind a lookup (issue 14, item 7).
use aws_sdk_s3::presigning::PresigningConfig;
use std::time::Duration;

async fn parsed(client: &aws_sdk_s3::Client) {
    let secs: u64 = std::env::var("URL_TTL").ok().and_then(|v| v.parse().ok()).unwrap_or(86400);
    let cfg = PresigningConfig::expires_in(Duration::from_secs(secs)).unwrap(); // expect: excessive-expiry
    client.get_object().presigned(cfg).await;
}

// --- Traps: all silent. ---

async fn short(client: &aws_sdk_s3::Client) {
    let secs: u64 = std::env::var("URL_TTL").ok().and_then(|v| v.parse().ok()).unwrap_or(900);
    let cfg = PresigningConfig::expires_in(Duration::from_secs(secs)).unwrap();
    client.get_object().presigned(cfg).await;
}
