use aws_credential_types::Credentials;
use aws_sdk_s3::config::Builder;

// Positives.
fn static_credentials() -> Credentials {
    Credentials::new("AKIAUJZDEGXDNCF32EPF", "2hpChYgCfrL1spNxnyVmihA/2O76UMFxFkM/R5Kj", None, None, "static") // expect: hardcoded-credentials
}

fn from_keys() -> Credentials {
    Credentials::from_keys("AKIAH2KVJ72CEUVW75EF", "I8ihN5KXSc7Tvo/hBKqFYY/kv5ZJr3J1TWDtkwtD", None) // expect: hardcoded-credentials
}

const ACCESS_KEY_ID: &str = "AKIAOA7LQSAJ2XUID5ZZ"; // expect: hardcoded-credentials
const SECRET_ACCESS_KEY: &str = "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";

fn config(shared: &aws_types::SdkConfig) -> aws_sdk_s3::Config {
    Builder::from(shared)
        .credentials_provider(Credentials::new(ACCESS_KEY_ID, SECRET_ACCESS_KEY, None, None, "static"))
        .build()
}

fn builder() -> Credentials {
    Credentials::builder()
        .access_key_id("AKIA6KBNXJBTFQXKWOVO") // expect: hardcoded-credentials
        .secret_access_key("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")
        .provider_name("static")
        .build()
}

// Negatives.
fn from_env() -> Credentials {
    let id = std::env::var("AWS_ACCESS_KEY_ID").unwrap_or_default();
    let secret = std::env::var("AWS_SECRET_ACCESS_KEY").unwrap_or_default();
    Credentials::new(id, secret, None, None, "env")
}

fn for_tests() -> Credentials {
    Credentials::new("test", "test", None, None, "localstack")
}

fn docs() -> Credentials {
    Credentials::from_keys("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", None)
}

// Another type's `new` with key-shaped arguments.
fn other() -> Widget {
    Widget::new("AKIAPT6ZHKKEN7O4V43I", "K777pzNk8cL6j5IXAAjlsHUqJoUD/+Ydua+5ZMs1")
}
