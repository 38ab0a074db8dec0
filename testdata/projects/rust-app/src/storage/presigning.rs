//! The presigning configurations; the requests that use them are built elsewhere.

use std::time::Duration;

use aws_sdk_s3::presigning::{PresigningConfig, PresigningConfigError};

pub fn download_config() -> Result<PresigningConfig, PresigningConfigError> {
    PresigningConfig::builder()
        .expires_in(Duration::from_secs(3 * 24 * 60 * 60)) // expect: excessive-expiry
        .build()
}

pub fn preview_config() -> Result<PresigningConfig, PresigningConfigError> {
    PresigningConfig::builder()
        .expires_in(Duration::from_secs(10 * 60))
        .build()
}

pub fn share_config() -> Result<PresigningConfig, PresigningConfigError> {
    PresigningConfig::expires_in(Duration::from_secs(12 * 60 * 60)) // expect: excessive-expiry
}
