// Tests that the SDK refuses an expiry over its limit: made to fail, the call signs nothing.
use std::time::Duration;

use aws_sdk_s3::presigning::PresigningConfig;

#[test]
fn rejects_eight_days() {
    assert!(PresigningConfig::expires_in(Duration::from_secs(8 * 24 * 3600)).is_err());
    let error = PresigningConfig::expires_in(Duration::from_secs(8 * 24 * 3600)).unwrap_err();
    assert!(error.to_string().contains("expires"));
}

#[test]
fn signs_eight_days() {
    let config = PresigningConfig::expires_in(Duration::from_secs(8 * 24 * 3600)).unwrap(); // expect: expiry-exceeds-limit
    drop(config);
}
