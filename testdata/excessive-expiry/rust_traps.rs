//! Traps: every aws-sdk-rust service ends a request with `.presigned(config)`. A Polly speech
//! URL is not an S3 object URL, so none of this is reported.

use std::time::Duration;

use aws_sdk_polly::presigning::PresigningConfig;
use aws_sdk_polly::types::{OutputFormat, VoiceId};

/// A day-long link to synthesized speech, printed for the caller.
pub async fn speech_link(
    client: &aws_sdk_polly::Client,
    text: &str,
) -> Result<String, Box<dyn std::error::Error>> {
    let one_day = Duration::from_secs(24 * 60 * 60);
    let request = client
        .synthesize_speech()
        .output_format(OutputFormat::Mp3)
        .voice_id(VoiceId::Joanna)
        .text(text)
        .presigned(PresigningConfig::expires_in(one_day)?)
        .await?;
    println!("{}", request.uri());
    Ok(request.uri().to_string())
}
