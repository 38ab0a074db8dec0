// Tasks and threads spawned per element presign once per element, as the loop itself would.
use std::time::Duration;

use aws_sdk_s3::Client;
use aws_sdk_s3::presigning::PresigningConfig;

async fn share_all(client: Client, keys: Vec<String>) {
    for key in keys {
        let client = client.clone();
        tokio::spawn(async move {
            let config = PresigningConfig::expires_in(Duration::from_secs(900)).unwrap();
            let _ = client.get_object().bucket("b").key(key).presigned(config).await; // expect: presign-in-loop
        });
    }
}

fn share_threads(client: Client, keys: Vec<String>) {
    for key in keys {
        let client = client.clone();
        std::thread::spawn(move || {
            let config = PresigningConfig::expires_in(Duration::from_secs(900)).unwrap();
            let _ = futures::executor::block_on(client.get_object().bucket("b").key(key).presigned(config)); // expect: presign-in-loop
        });
    }
}

// Negative: one task, outside any loop.
async fn share_one(client: Client, key: String) {
    tokio::spawn(async move {
        let config = PresigningConfig::expires_in(Duration::from_secs(900)).unwrap();
        let _ = client.get_object().bucket("b").key(key).presigned(config).await;
    });
}
