//! Fields a struct literal sets, read through `self` in the type's methods.
use std::time::Duration;

use aws_sdk_s3::presigning::PresigningConfig;

pub struct Links {
    client: aws_sdk_s3::Client,
    ttl: Duration,
}

impl Links {
    pub fn new(client: aws_sdk_s3::Client) -> Self {
        Self { client, ttl: Duration::from_secs(2 * 24 * 3600) }
    }

    pub async fn url(&self, key: &str) -> String {
        let config = PresigningConfig::expires_in(self.ttl).unwrap(); // expect: excessive-expiry
        let request = self.client.get_object().bucket("b").key(key).presigned(config).await.unwrap();
        request.uri().to_string()
    }
}

pub struct Named {
    client: aws_sdk_s3::Client,
    lifetime: Duration,
}

pub fn named(client: aws_sdk_s3::Client) -> Named {
    Named { client, lifetime: Duration::from_secs(86400 * 3) }
}

impl Named {
    pub async fn url(&self, key: &str) -> String {
        let config = PresigningConfig::expires_in(self.lifetime).unwrap(); // expect: excessive-expiry
        let request = self.client.get_object().bucket("b").key(key).presigned(config).await.unwrap();
        request.uri().to_string()
    }
}

// Negative: a short lifetime of its own.
pub struct Short {
    client: aws_sdk_s3::Client,
    ttl: Duration,
}

impl Short {
    pub fn new(client: aws_sdk_s3::Client) -> Self {
        Short { client, ttl: Duration::from_secs(300) }
    }

    pub async fn url(&self, key: &str) -> String {
        let config = PresigningConfig::expires_in(self.ttl).unwrap();
        let request = self.client.get_object().bucket("b").key(key).presigned(config).await.unwrap();
        request.uri().to_string()
    }
}

// Trap: a method sets the field again; which value applies depends on the calls.
pub struct Retuned {
    client: aws_sdk_s3::Client,
    ttl: Duration,
}

impl Retuned {
    pub fn new(client: aws_sdk_s3::Client) -> Self {
        Self { client, ttl: Duration::from_secs(5 * 86400) }
    }

    pub fn shorten(&mut self) {
        self.ttl = Duration::from_secs(60);
    }

    pub async fn url(&self, key: &str) -> String {
        let config = PresigningConfig::expires_in(self.ttl).unwrap();
        let request = self.client.get_object().bucket("b").key(key).presigned(config).await.unwrap();
        request.uri().to_string()
    }
}

// Trap: a cache's lifetime in a literal; nothing presigns with it.
pub struct Cache {
    ttl: Duration,
}

impl Cache {
    pub fn new() -> Self {
        Cache { ttl: Duration::from_secs(30 * 86400) }
    }
}
