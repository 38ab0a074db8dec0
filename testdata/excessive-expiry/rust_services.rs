//! A file that speaks to Polly through an import and to S3 through full paths: the S3
//! presign is still read.

use std::time::Duration;

use aws_sdk_polly::Client as Polly;

pub async fn links(s3: &aws_sdk_s3::Client, _polly: &Polly) -> Result<String, Box<dyn std::error::Error>> {
    let request = s3
        .get_object()
        .bucket("reports")
        .key("q3.pdf")
        .presigned(aws_sdk_s3::presigning::PresigningConfig::expires_in(
            Duration::from_secs(2 * 24 * 3600), // expect: excessive-expiry
        )?)
        .await?;
    Ok(request.uri().to_string())
}
