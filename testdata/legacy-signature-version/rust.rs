// legacy-signature-version: aws-sdk-rust signs with SigV4 only; nothing to report.
async fn client() -> aws_sdk_s3::Client {
    let shared = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .region("us-east-1")
        .load()
        .await;
    // signature_version = "s3" does not exist here
    aws_sdk_s3::Client::new(&shared)
}
