//! Presign calls that run once per element, and look-alikes that must stay silent.
use std::time::Duration;

use aws_sdk_s3::Client;
use aws_sdk_s3::presigning::PresigningConfig;

fn config() -> PresigningConfig {
    PresigningConfig::expires_in(Duration::from_secs(600)).expect("config")
}

pub async fn links(client: &Client, keys: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for key in keys {
        let req = client.get_object().bucket("media").key(key).presigned(config()).await; // expect: presign-in-loop
        out.push(req.map(|r| r.uri().to_string()).unwrap_or_default());
    }
    let mut i = 0;
    while i < keys.len() {
        let _ = client.get_object().key(&keys[i]).presigned(config()).await; // expect: presign-in-loop
        i += 1;
    }
    out
}

pub fn futures(client: &Client, keys: &[String]) -> Vec<impl std::future::Future> {
    keys.iter()
        .map(|key| client.get_object().bucket("media").key(key).presigned(config())) // expect: presign-in-loop
        .collect()
}

// A batch helper by its name.
pub async fn presign_all(client: &Client, key: &str) {
    let _ = client.get_object().key(key).presigned(config()).await; // expect: presign-in-loop
}

// --- Precision traps: all silent. ---

// One URL per request.
pub async fn download(client: &Client, key: &str) -> Option<String> {
    let req = client.get_object().bucket("media").key(key).presigned(config()).await.ok()?;
    Some(req.uri().to_string())
}

// A closure created in a loop but not called by it.
pub fn handlers(client: &Client, keys: &[String]) -> Vec<Box<dyn Fn() + '_>> {
    let mut out: Vec<Box<dyn Fn() + '_>> = Vec::new();
    for key in keys {
        out.push(Box::new(move || {
            let _ = client.get_object().key(key).presigned(config());
        }));
    }
    out
}

// Non-presign calls in a loop.
pub async fn other(client: &Client, keys: &[String]) {
    for key in keys {
        let _ = client.head_object().key(key).send().await;
    }
}

// The parts of one multipart upload are presigned together by design.
pub async fn parts(client: &Client, upload_id: &str, count: i32) {
    for n in 1..=count {
        let _ = client.upload_part().upload_id(upload_id).part_number(n).presigned(config()).await;
    }
}
