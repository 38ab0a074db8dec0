//! Integration tests for `artifact-proxy`: signed upstream links must never be served as-is.

use std::time::Duration;

use artifact_proxy::{Link, LinkKind, render_download_page};
use aws_sdk_s3::presigning::PresigningConfig;

/// Pulled from the release job's output; GCS build artifacts are signed with the CI account.
const GCS_ARTIFACT: &str = "https://storage.googleapis.com/acme-ci-artifacts/release/v2.7.0/artifact-proxy-x86_64-unknown-linux-gnu.tar.gz?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=ci-release%40acme-build-6610.iam.gserviceaccount.com%2F20240115%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20240115T101500Z&X-Goog-Expires=3600&X-Goog-SignedHeaders=host&X-Goog-Signature=ead60eceac6e16070761aef239460a0fb9212c32b269b16085fbfc4e3a9bcb3060b40fb2b49a2df656bb0e33b94eb0400f94311dcb950166ad1fc23f9ec73db376480b8b562f6c1eef5e2df54df582b1513ffeb9427bdba6106458fe8f0f3dbc8ad0d4ed9240a32a0eb0796a1447d24c369cc229c5bfdf1ed832e3e5f0932183e045f56eacc84df48346f3f8a470fd6965ddc75756a83c8eeca23b43683e6a6b1c6799dbfb5d78dfe2ece35da99573dbdd0b91c131615a09a49f2129c0c5f421c3865907a12f207116f5d645fef2bfbd6ad0f1fbe67d46722cb888f6fe596273e998434a7cafb56cac9afe7e5f72bb5e2ec2ae9629547ae57085c901534b249a"; // expect: hardcoded-presigned-url

/// Upstream mirror listing (served by a PHP app, hence `\/` and `\u0026`).
const MIRROR_LISTING: &str = r#"{"latest":"2.7.0","url":"https:\/\/dtrg94z10u7mge.cloudfront.net\/releases\/2.7.0\/artifact-proxy.msi?Expires=1705317300\u0026Signature=fG93ym-woqoU61rIt5qQwzi5oEXfUBduLmYvz5GiESn5dhOzLeaMZAJSQErJZC4kVj3iQ39gemgaPZ5qZVgdqh9HAEQ~6NoCqaZVKwxRuLyh1els1rS2W1UChZrWLBrvwn74bJgiq5zG4wqTmh93~4PlQgvAjsdujrGY7poBkyQ_\u0026Key-Pair-Id=KBEN63WQTCFHNC"}"#; // expect: hardcoded-presigned-url

/// Answer of the self-hosted mirror's API (MinIO behind a PHP front end).
const SELF_HOSTED_LISTING: &str = r#"{"latest":"2.7.0","url":"https:\/\/minio.internal.example:9000\/release-mirror\/2.7.0\/artifact-proxy.zip?X-Amz-Algorithm=AWS4-HMAC-SHA256\u0026X-Amz-Credential=mirror-sync%2F20240115%2Fus-east-1%2Fs3%2Faws4_request\u0026X-Amz-Date=20240115T101500Z\u0026X-Amz-Expires=3600\u0026X-Amz-SignedHeaders=host\u0026X-Amz-Signature=c67d7e3cf4d8b82d1f4ffa5a686e7523af3f22b2fa6773654e4361b13751dd45"}"#; // expect: hardcoded-presigned-url

const SESSION_LINK: &str = r#"
https://acme-ci-artifacts.s3.us-east-2.amazonaws.com/release/v2.7.0/SHA256SUMS?x-id=GetObject&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAODTV2V64J3TEXAS4%2F20240115%2Fus-east-2%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Security-Token=IQoJb3JpZ2luX2Vj7aofFii4TAddIzqTVsLEPG9mlSGpU3u2HnWQPpl5IqLH6TYv6YiOJ2qInIwkBRCvRMGbxu3rFLhpFUoQp6Y9FbleDX%2Bj5Lp%2Bu9nVu7903kw2sA5tFuKq9UwVMeGBI4fiYPQcy4GYLGQCLoJuaohIFeuKwdE7WjzMKcbDWUSYkuL9O9J4ahNVYSL99cPF6eVw7MYBDmEhbZE6XFpLKwD%2Bp2dR6keAd9aPEhaxZn%2FBeXWMSPGD%2BoatWoNwvAYfJLM0PGO7H009l4%2BrYZxXiBH60gyBp%2BYbLfHAyhhudszEpS6Y4VKuQg%2F%2FCMv%2BwcfdMCir6hJVRKf6ER9umLpQRufYbLXAMFK7oE6JCjkPFwtK94%2F9d3EIlnxLuEeyeCTA0GHJtAHVK3Vu1poTGuEGlGSe1GzL%2F4ZRyDbR0E9dY5rhf0I5ettlf5zjX2tBFFXNTaAek5esrAPP96s7sD9WV2dbgJ9N68eJQ7bhjjL2sK%2B%2Bblcw5PzKy6cfmAsH6Lqt16Yx2FWa458qsFC2%2BjZGZLR1DjXkLscqLSyfcRO748jGNWWcqtsF&X-Amz-Signature=e93236de173596bf8dd9a07069d6d48c0173afb0e5984d65ae45150db8f4be21
"#; // expect^: hardcoded-presigned-url

const PATH_STYLE: &str = "https://s3.us-east-2.amazonaws.com/acme-ci-artifacts/release/v2.7.0/artifact-proxy.deb?x-id=GetObject&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAYPA7S6S4AW2WVHO7%2F20240115%2Fus-east-2%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=f3b42676e811c31207c64e6ac3c75f07f3266e9dd82d1df230f8eea9a10fdaae"; // expect: hardcoded-presigned-url

#[test]
fn classifies_captured_links() {
    assert_eq!(Link::parse(GCS_ARTIFACT).unwrap().kind, LinkKind::GcsV4);
    assert_eq!(Link::parse(PATH_STYLE).unwrap().kind, LinkKind::S3SigV4);
    assert!(Link::parse(SESSION_LINK.trim()).unwrap().temporary);
    let listing: serde_json::Value = serde_json::from_str(MIRROR_LISTING).unwrap();
    assert_eq!(listing["latest"], "2.7.0");
    assert!(SELF_HOSTED_LISTING.contains("release-mirror"));
}

#[test]
fn download_page_escapes_ampersands() {
    let html = render_download_page("2.7.0");
    let expected = "<a href=\"https://acme-ci-artifacts.s3.us-east-2.amazonaws.com/release/v2.7.0/artifact-proxy.rpm?x-id=GetObject&amp;X-Amz-Algorithm=AWS4-HMAC-SHA256&amp;X-Amz-Credential=AKIAIFQB2R6VIQEI4WRC%2F20240115%2Fus-east-2%2Fs3%2Faws4_request&amp;X-Amz-Date=20240115T101500Z&amp;X-Amz-Expires=600&amp;X-Amz-SignedHeaders=host&amp;X-Amz-Signature=20d77849077199535fa3ab74f7eef99b4fe5c5c18457f830e22cc42c4d04532e\">rpm</a>"; // expect: hardcoded-presigned-url
    assert!(!html.contains(expected));
}

#[test]
fn wrapped_sas_links_are_detected() {
    let wrapped = "https://proxy.example.org/fetch?src=https%3A%2F%2Facmecibackup.blob.core.windows.net%2Frelease-mirror%2Fv2.7.0%2Fartifact-proxy.zip%3Fsv%3D2022-11-02%26ss%3Db%26srt%3Do%26sp%3Dr%26se%3D2024-01-15T11%3A15%3A00Z%26st%3D2024-01-15T10%3A15%3A00Z%26spr%3Dhttps%26sig%3D5i%252BIckOYo%252BxVTqa6%252BGIcpntFUP4qwaxX04S8p3da85E%253D"; // expect: hardcoded-presigned-url
    assert!(Link::find_all(wrapped).next().is_some());
}

// Not findings: a format string, a regex and a placeholder.
fn format_link(bucket: &str, key: &str, signature: &str) -> String {
    format!("https://{bucket}.s3.amazonaws.com/{key}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature={signature}")
}

const SIGNATURE_PATTERN: &str = r"[?&]X-Amz-Signature=[0-9a-f]{64}";
const PLACEHOLDER: &str = "https://acme-ci-artifacts.s3.amazonaws.com/k?X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240115%2Fus-east-2%2Fs3%2Faws4_request&X-Amz-Signature=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

#[tokio::test]
async fn fresh_links_last_five_minutes() {
    let config = aws_config::from_env().region("us-east-2").load().await;
    let client = aws_sdk_s3::Client::new(&config);
    let presigned = client
        .get_object()
        .bucket("acme-ci-artifacts")
        .key("release/v2.7.0/SHA256SUMS")
        .presigned(PresigningConfig::expires_in(Duration::from_secs(300)).unwrap())
        .await;
    if let Ok(request) = presigned {
        assert!(request.uri().contains("X-Amz-Expires=300"));
    }
    assert!(format_link("b", "k", "s").starts_with("https://"));
    assert!(regex::Regex::new(SIGNATURE_PATTERN).is_ok());
    assert!(PLACEHOLDER.contains("EXAMPLE"));
}
