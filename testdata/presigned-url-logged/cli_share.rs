// A command-line program (issue 14, item 2): println! is for its user; log macros are a log.
use aws_sdk_s3::presigning::PresigningConfig;
use clap::Parser;
use std::time::Duration;

#[derive(Parser)]
struct Args {
    bucket: String,
    key: String,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let config = aws_config::load_from_env().await;
    let client = aws_sdk_s3::Client::new(&config);
    let presigned = client
        .get_object()
        .bucket(&args.bucket)
        .key(&args.key)
        .presigned(PresigningConfig::expires_in(Duration::from_secs(900))?)
        .await?;
    let url = presigned.uri().to_string();
    println!("{url}");
    eprintln!("valid for 15 minutes: {url}");
    log::info!("presigned {url}"); // expect: presigned-url-logged
    Ok(())
}
