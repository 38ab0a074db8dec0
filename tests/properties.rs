//! Property tests: the URL detector, the redactor, every front end and the config reader
//! never panic on arbitrary input, and redaction never leaves a planted signature behind.
//! (Coverage-guided fuzzing of the same entry points: see fuzz/README.md.)

use std::path::Path;

use presign_lint::frontend::{self, Needs};
use presign_lint::text::redact::{mask, redact};
use presign_lint::text::signed_url::find_signed_urls;
use proptest::prelude::*;

/// Strings that mix URL syntax, encodings and code punctuation, so inputs reach deep paths.
fn urlish() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "https://",
        "http%3A%2F%2F",
        "https:\\/\\/",
        "?",
        "&",
        "&amp;",
        "\\u0026",
        "%26",
        "=",
        "%3D",
        "X-Amz-Signature",
        "X-Amz-Credential",
        "X-Amz-Date",
        "X-Amz-Expires",
        "Signature",
        "sig",
        "sv",
        "se",
        "Key-Pair-Id",
        "Policy",
        "GoogleAccessId",
        "AWSAccessKeyId",
        "AKIA",
        "ASIA",
        "20240115T101500Z",
        "3600",
        "3f1c9a7be2d84f06a5c1e9b7d2f08a6c",
        "\"",
        "'",
        "(",
        ")",
        "{",
        "}",
        "[",
        "]",
        "\\",
        "\n",
        "\r",
        " ",
        "é",
        "\u{0}",
        "%",
        "%zz",
        "presign-lint: allow(",
        "…",
        "generate_presigned_url(",
        "ExpiresIn=",
        "timedelta(days=",
        "Duration.ofDays(",
        "aws s3 presign ",
        "--expires-in ",
    ]);
    prop::collection::vec(
        prop_oneof![atoms.prop_map(str::to_string), "[a-zA-Z0-9/+]{0,12}"],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn url_detector_never_panics_and_spans_are_in_bounds(text in urlish()) {
        for url in find_signed_urls(&text) {
            prop_assert!(url.span.start <= url.span.end && url.span.end <= text.len());
            prop_assert!(text.is_char_boundary(url.span.start) && text.is_char_boundary(url.span.end));
        }
    }

    #[test]
    fn redaction_is_total_and_offsets_stay_in_bounds(text in urlish(), at in 0usize..400) {
        let r = redact(&text);
        let offset = at.min(text.len());
        prop_assert!(r.map(offset, false) <= r.text.len());
        prop_assert!(r.map(offset, true) <= r.text.len());
        prop_assert_eq!(mask(&text).chars().count(), text.chars().count());
    }

    #[test]
    fn planted_signatures_never_survive_redaction(sig in "[0-9a-f]{64}", prefix in urlish()) {
        let line = format!("{prefix} https://b.s3.amazonaws.com/k?X-Amz-Credential=AKIAZ7Q3M4XN2L5P8R6T%2Fx&X-Amz-Signature={sig}&x=1");
        prop_assert!(!redact(&line).text.contains(&sig));
        prop_assert!(!mask(&line).contains(&sig));
    }

    #[test]
    fn planted_secret_keys_never_survive_redaction(
        secret in "[A-Z][a-z][0-9][A-Za-z0-9+/]{37}",
        prefix in "[ -~]{0,40}",
        quote in prop::sample::select(vec!["\"", "'", " ", "=", ", "]),
    ) {
        let line = format!("{prefix}{quote}{secret}{quote})");
        prop_assume!(!prefix.ends_with(|c: char| c.is_ascii_alphanumeric() || "+/_-%".contains(c)));
        prop_assert!(!redact(&line).text.contains(&secret));
        prop_assert!(!mask(&line).contains(&secret));
    }

    #[test]
    fn front_ends_never_panic(text in urlish(), ext in prop::sample::select(vec![
        "py", "js", "ts", "tsx", "go", "java", "kt", "cs", "php", "rb", "rs", "ipynb", "env", "yaml", "json", "sh", "tf", "template",
    ])) {
        let name = format!("input.{ext}");
        let facts = frontend::extract(Path::new(&name), &text, Needs { signed_urls: true, syntax: true, expiries: true, credentials: true, iac: true });
        if let Some(syntax) = facts.syntax {
            for call in syntax.calls {
                prop_assert!(call.call.span.end <= text.len());
            }
        }
    }

    #[test]
    fn config_parser_never_panics(text in "[ -~\n]{0,200}") {
        let _ = presign_lint::driver::config::parse(&text, Path::new("/x/presign-lint.toml"));
    }

    #[test]
    fn credential_lines_and_pem_blocks_are_total(
        text in "(ENV |export |- |\\[p\\]|configure set |-----BEGIN |PRIVATE KEY-----|-----END|[=:'\" \n#;]|AWS_SECRET_ACCESS_KEY|aws_access_key_id|é|\\\\n|[A-Za-z0-9+/]{1,8}){0,40}",
    ) {
        use presign_lint::frontend::config_values::{config_credentials, private_keys};
        for c in config_credentials(&text) {
            prop_assert_eq!(text.get(c.value_span.clone()), Some(c.value.as_str()));
        }
        for k in private_keys(&text) {
            prop_assert!(text.get(k.span.clone()).is_some());
        }
        let _ = presign_lint::text::redact::mask(&text);
    }
}
