//! The infrastructure-as-code front end: policy documents, S3 buckets and their access
//! logging, as [`IacFacts`], from JSON policy files, CloudFormation/SAM templates (YAML with
//! its short-form tags, or JSON) and Terraform (HCL; `.tf.json` is read as JSON).
//!
//! Only files that can hold such facts are parsed (`.json`, `.yaml`, `.yml`, `.template`,
//! `.tf`, `.tf.json`), and only when they contain a trigger word. A file that does not parse
//! yields nothing.
//!
//! A Terraform module is a directory: a bucket's `aws_s3_bucket_logging` may sit in another
//! `.tf` file. When a bucket of the file has no logging relation in the file itself, the
//! sibling `*.tf` files of the same directory are read (at most [`MAX_SIBLINGS`] files of at
//! most [`MAX_SIBLING_BYTES`] each; unreadable ones are skipped) for their logging relations
//! only ([`IacFacts::module_logging`]).

pub mod logs;
mod policy;
mod sas;
mod terraform;
pub(crate) mod tree;

use std::path::Path;

use crate::facts::{BucketRef, IacFacts};
use crate::frontend::Infrastructure;

/// Words one of which every file with IaC facts contains (matched case-sensitively).
const WORDS: [&str; 4] = ["Statement", "statement", "aws_s3_bucket", "AWS::S3::Bucket"];

/// Whether `key` occurs as a key: followed by its closing quote (`"Statement":`, escaped
/// inside a JSON string as `\"Statement\":`, or YAML's `'Statement':`) or none, then a colon.
fn holds_key(bytes: &[u8], key: &[u8]) -> bool {
    memchr::memmem::find_iter(bytes, key).any(|at| {
        let rest = &bytes[at + key.len()..];
        let after_quotes = rest
            .iter()
            .position(|b| !matches!(b, b'"' | b'\'' | b'\\'))
            .unwrap_or(rest.len());
        rest[after_quotes..]
            .iter()
            .find(|b| !matches!(b, b' ' | b'\t'))
            == Some(&b':')
    })
}

/// Words one of which a sibling `.tf` file with a logging relation contains: a bucket
/// resource or reference, or a service that writes logs to a bucket by its name.
const SIBLING_WORDS: [&str; 8] = [
    "aws_s3_bucket",
    "access_logs",
    "logging_config",
    "s3_bucket_name",
    "log_destination",
    "bucket_arn",
    "log_uri",
    "flow_logs_s3_bucket",
];

pub const MAX_SIBLINGS: usize = 64;
pub const MAX_SIBLING_BYTES: u64 = 1024 * 1024;

/// Bracket nesting beyond which a file is not parsed: hcl-edit recurses per level.
const MAX_NESTING: usize = 200;

/// The IaC facts of one file; `None` when the file cannot hold any or does not parse.
pub fn extract(path: &Path, format: Option<Infrastructure>, text: &str) -> Option<IacFacts> {
    use Infrastructure as Format;
    let format = format?;
    let bytes = text.as_bytes();
    let relevant = match format {
        // A JSON or YAML document holds a policy only under a `Statement` key (Serverless:
        // `statements`, `iamRoleStatements`): a plot summary that says "Statement" is no
        // policy (a 3.7 MB movie list was parsed for it).
        Format::Json | Format::Yaml | Format::Template => {
            [b"Statement".as_slice(), b"statements", b"iamRoleStatements"]
                .iter()
                .any(|key| holds_key(bytes, key))
                || [b"aws_s3_bucket".as_slice(), b"AWS::S3::Bucket"]
                    .iter()
                    .any(|w| memchr::memmem::find(bytes, w).is_some())
        }
        Format::Terraform => WORDS
            .iter()
            .any(|w| memchr::memmem::find(bytes, w.as_bytes()).is_some()),
        // ARM templates and Bicep files are read only for their SAS lifetimes.
        Format::Jsonc | Format::Bicep => false,
    };
    if !relevant {
        return None;
    }
    if super::max_nesting(text) > MAX_NESTING {
        return None;
    }
    let mut facts = IacFacts::default();
    let format = match format {
        Format::Template if text.trim_start().starts_with('{') => Format::Json,
        Format::Template => Format::Yaml,
        other => other,
    };
    match format {
        Format::Json => policy::collect(&tree::parse_json(text, 0)?, text, &mut facts),
        Format::Yaml | Format::Template => {
            for doc in tree::parse_yaml(text)? {
                policy::collect(&doc, text, &mut facts);
            }
        }
        Format::Terraform => {
            terraform::collect(&terraform::parse(text)?, text, &mut facts);
            if needs_module(&facts) {
                facts.module_logging = module_logging(path);
            }
        }
        Format::Jsonc | Format::Bicep => return None,
    }
    Some(facts)
}

/// Words one of which a file with signed-URL lifetimes of its own contains (matched
/// case-sensitively, as the templates write them).
const SAS_WORDS: [&str; 5] = [
    "azurerm_",
    "google_storage_object_signed_url",
    "listServiceSas",
    "listAccountSas",
    "signedExpiry",
];

/// The signed-URL lifetimes infrastructure code sets: Terraform Azure SAS data sources and
/// `google_storage_object_signed_url`, ARM templates (JSON) and Bicep files that list SAS
/// tokens. Empty for any other file, and for one that does not parse.
pub fn signed_lifetimes(
    format: Option<Infrastructure>,
    text: &str,
) -> Vec<crate::facts::SignedLifetime> {
    let Some(format) = format else {
        return Vec::new();
    };
    let bytes = text.as_bytes();
    if !SAS_WORDS
        .iter()
        .any(|w| memchr::memmem::find(bytes, w.as_bytes()).is_some())
        || super::max_nesting(text) > MAX_NESTING
    {
        return Vec::new();
    }
    match format {
        Infrastructure::Terraform => terraform::parse(text)
            .map(|body| terraform::signed_lifetimes(&body, text))
            .unwrap_or_default(),
        Infrastructure::Json | Infrastructure::Jsonc
            if text.contains("listServiceSas") || text.contains("listAccountSas") =>
        {
            sas::arm(text)
        }
        Infrastructure::Bicep => sas::bicep(text),
        _ => Vec::new(),
    }
}

/// Some bucket of the file has no logging relation in the file.
fn needs_module(facts: &IacFacts) -> bool {
    facts.buckets.iter().any(|b| {
        let this = BucketRef::Resource(b.id.clone());
        !b.inline_logging
            && !b.log_delivery_acl
            && !facts
                .logging
                .iter()
                .any(|l| l.source.as_ref() == Some(&this) || l.target.as_ref() == Some(&this))
    })
}

/// The logging relations of the other `.tf` files of `path`'s directory.
fn module_logging(path: &Path) -> Vec<crate::facts::BucketLogging> {
    let mut out = Vec::new();
    let Some(dir) = path.parent() else {
        return out;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    let mut siblings: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|e| e.eq_ignore_ascii_case("tf"))
                && p.file_name() != path.file_name()
        })
        .collect();
    siblings.sort();
    for sibling in siblings.into_iter().take(MAX_SIBLINGS) {
        let Ok(meta) = std::fs::metadata(&sibling) else {
            continue;
        };
        if !meta.is_file() || meta.len() > MAX_SIBLING_BYTES {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&sibling) else {
            continue;
        };
        if !SIBLING_WORDS.iter().any(|w| text.contains(w))
            || super::max_nesting(&text) > MAX_NESTING
        {
            continue;
        }
        if let Some(body) = terraform::parse(&text) {
            terraform::collect_logging(&body, &text, &mut out);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontend::FileKind;

    fn format_of(path: &str) -> Option<Infrastructure> {
        FileKind::detect(Path::new(path)).infrastructure
    }

    #[test]
    fn only_candidate_files_are_parsed() {
        let policy = r#"{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}"#;
        assert!(extract(Path::new("p.json"), format_of("p.json"), policy).is_some());
        assert!(extract(Path::new("p.tf.json"), format_of("p.tf.json"), policy).is_some());
        assert!(extract(Path::new("p.txt"), format_of("p.txt"), policy).is_none());
        assert!(extract(Path::new("p.json"), format_of("p.json"), "{\"Version\": 1}").is_none());
        assert!(
            extract(
                Path::new("p.json"),
                format_of("p.json"),
                "{\"Statement\": ["
            )
            .is_none()
        );
        assert!(
            extract(
                Path::new("p.yaml"),
                format_of("p.yaml"),
                "Statement: [\n  - }"
            )
            .is_none()
        );
        assert!(
            extract(
                Path::new("main.tf"),
                format_of("main.tf"),
                "resource \"aws_s3_bucket\" {{{"
            )
            .is_none()
        );
    }

    #[test]
    fn a_json_or_yaml_document_is_parsed_only_with_a_statement_key() {
        // Prose that says "Statement" is no policy: never parsed.
        let movies = r#"[{"title": "Statement", "plot": "A Statement of intent", "year": 2003}]"#;
        assert!(!holds_key(movies.as_bytes(), b"Statement"));
        // Keys, quoted, escaped inside a JSON string, or YAML's.
        for key in [
            r#"{"Statement": []}"#,
            r#"{"Statement" : []}"#,
            r#"{"PolicyDocument": "{\"Statement\":[]}"}"#,
            "Statement:\n  - Effect: Allow",
            "'Statement': []",
        ] {
            assert!(holds_key(key.as_bytes(), b"Statement"), "{key}");
        }
        let embedded = r#"{"PolicyDocument": "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]}"}"#;
        assert!(extract(Path::new("p.json"), format_of("p.json"), embedded).is_some());
    }

    fn spans_in(facts: &IacFacts) -> Vec<std::ops::Range<usize>> {
        let mut spans: Vec<_> = facts.buckets.iter().map(|b| b.span.clone()).collect();
        for doc in &facts.policies {
            spans.push(doc.span.clone());
            for s in &doc.statements {
                spans.push(s.span.clone());
                let lists = [
                    Some(&s.actions),
                    s.not_actions.as_ref(),
                    Some(&s.resources),
                    s.not_resources.as_ref(),
                    s.principals.as_ref(),
                ];
                for v in lists.into_iter().flatten().flatten() {
                    spans.push(v.span.clone());
                }
                for c in &s.conditions {
                    spans.push(c.span.clone());
                    spans.extend(c.values.iter().map(|v| v.span.clone()));
                }
            }
        }
        spans
    }

    proptest::proptest! {
        #[test]
        fn total_on_fragments(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "{", "}", "[", "]", "\"", ":", ",", "=", "\n", "  ", "- ", "!Sub ", "!Ref ", "<<EOF\n",
                "EOF\n", "${", "é", "\"Statement\"", "Statement", "statement {", "Effect", "Allow",
                "Deny", "\"s3:*\"", "Action", "Resource", "*", "Principal", "Condition",
                "resource \"aws_s3_bucket\" \"b\" {", "jsonencode(", ")", "AWS::S3::Bucket", "Type",
                "Resources", "s3:signatureAge", "NumericGreaterThan", "#", "\\", "'",
                "data \"azurerm_storage_account_sas\" \"s\" {", "expiry = ", "start = ",
                "timeadd(timestamp(), \"1h\")", "\"2030-01-01T00:00:00Z\"", "listServiceSas",
                "\"signedExpiry\"", "access_logs {", "bucket = ", "aws_s3_bucket.b.id",
                "#tfsec:ignore:AWS002", "checkov:skip=CKV_AWS_18",
            ]), 0..60),
            ext in proptest::sample::select(vec!["json", "yaml", "tf", "template"]),
        ) {
            let text: String = parts.concat();
            for lifetime in signed_lifetimes(format_of(&format!("x.{ext}")), &text) {
                proptest::prop_assert!(lifetime.span.end <= text.len());
            }
            if let Some(facts) = extract(Path::new(&format!("x.{ext}")), format_of(&format!("x.{ext}")), &text) {
                for span in spans_in(&facts) {
                    proptest::prop_assert!(span.start <= span.end && span.end <= text.len());
                }
            }
        }
    }

    #[test]
    fn fixture_spans_are_in_bounds() {
        for text in [
            "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]}",
            "Statement:\n  - Effect: Allow\n    Action: !Sub 's3:${X}'\n    Resource: '*'\n",
        ] {
            for ext in ["json", "yaml"] {
                if let Some(facts) = extract(
                    Path::new(&format!("x.{ext}")),
                    format_of(&format!("x.{ext}")),
                    text,
                ) {
                    for span in spans_in(&facts) {
                        assert!(span.end <= text.len());
                    }
                }
            }
        }
    }

    #[test]
    fn module_siblings_are_read_only_when_needed_and_bounded() {
        let dir = tempfile::tempdir().expect("tempdir");
        let main = dir.path().join("main.tf");
        let bucket = "resource \"aws_s3_bucket\" \"media\" {\n  bucket = \"m\"\n}\n";
        std::fs::write(&main, bucket).expect("write");
        std::fs::write(
            dir.path().join("logging.tf"),
            "resource \"aws_s3_bucket_logging\" \"media\" {\n  bucket = aws_s3_bucket.media.id\n  target_bucket = \"logs\"\n}\n",
        )
        .expect("write");
        // Not UTF-8, a directory named like a file, an oversized file: skipped.
        std::fs::write(dir.path().join("broken.tf"), b"aws_s3_bucket \xff\xfe").expect("write");
        std::fs::create_dir(dir.path().join("dir.tf")).expect("mkdir");
        let big = format!(
            "resource \"aws_s3_bucket_logging\" \"x\" {{\n  bucket = var.x\n}}\n#{}\n",
            "x".repeat(MAX_SIBLING_BYTES as usize)
        );
        std::fs::write(dir.path().join("big.tf"), big).expect("write");
        let facts = extract(&main, Some(Infrastructure::Terraform), bucket).expect("facts");
        assert_eq!(facts.module_logging.len(), 1);
        assert_eq!(
            facts.module_logging[0].source,
            Some(BucketRef::Resource("media".into()))
        );
        // A file whose buckets are all logged in the file reads nothing else.
        let logged = format!(
            "{bucket}resource \"aws_s3_bucket_logging\" \"m\" {{\n  bucket = aws_s3_bucket.media.id\n}}\n"
        );
        assert!(
            extract(&main, Some(Infrastructure::Terraform), &logged)
                .expect("facts")
                .module_logging
                .is_empty()
        );
    }

    #[test]
    fn deep_nesting_is_not_parsed() {
        let deep = format!("x = {}aws_s3_bucket{}", "[".repeat(5000), "]".repeat(5000));
        assert!(extract(Path::new("main.tf"), format_of("main.tf"), &deep).is_none());
    }
}
