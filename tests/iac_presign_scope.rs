//! `signature-age-not-capped` reports only where presigned URLs are made: a scan in which some
//! file presigns S3 URLs (any SDK, a wrapper, `aws s3 presign`), or presigns objects of the
//! policy's bucket. A named policy file sees the presign calls of its project.

mod common;

use std::path::Path;

use common::{json, run};

const POLICY: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": {"AWS": "arn:aws:iam::111122223333:role/web-app"},
    "Action": "s3:GetObject",
    "Resource": "arn:aws:s3:::acme-uploads/*"
  }]
}
"#;

const S3_PRESIGN: &str = "import boto3\n\ns3 = boto3.client(\"s3\")\n\n\ndef link(key):\n    return s3.generate_presigned_url(\"get_object\", Params={\"Bucket\": \"acme-uploads\", \"Key\": key}, ExpiresIn=600)\n";

const GCS_ONLY: &str = "from datetime import timedelta\n\nfrom google.cloud import storage\n\n\ndef link(name):\n    blob = storage.Client().bucket(\"acme-media\").blob(name)\n    return blob.generate_signed_url(version=\"v4\", expiration=timedelta(minutes=10))\n";

fn write(dir: &Path, files: &[(&str, &str)]) {
    for (name, text) in files {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, text).expect("write");
    }
}

/// The signature-age findings of a scan of `target` in `dir`, as `path`s.
fn signature_age(dir: &Path, target: &[&str]) -> Vec<String> {
    let mut args = vec![
        "check",
        "--no-config",
        "--format",
        "json",
        "--fail-on",
        "never",
    ];
    args.extend_from_slice(target);
    let out = run(dir, &args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    json(&out)["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["lint"] == "signature-age-not-capped")
        .map(|f| f["path"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn a_repository_that_never_presigns_gets_no_note() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), &[("infra/policy.json", POLICY)]);
    assert!(signature_age(dir.path(), &["."]).is_empty());
    // GCS signed URLs are not S3 presigned URLs: `s3:signatureAge` does not bind them.
    write(dir.path(), &[("app/media.py", GCS_ONLY)]);
    assert!(signature_age(dir.path(), &["."]).is_empty());
}

#[test]
fn a_repository_that_presigns_s3_urls_gets_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        &[("infra/policy.json", POLICY), ("app/links.py", S3_PRESIGN)],
    );
    assert_eq!(signature_age(dir.path(), &["."]), ["infra/policy.json"]);

    // The AWS CLI counts too, wherever it runs.
    let cli = tempfile::tempdir().expect("tempdir");
    write(
        cli.path(),
        &[
            ("infra/policy.json", POLICY),
            (
                "scripts/share.sh",
                "#!/bin/sh\naws s3 presign \"s3://acme-uploads/$1\" --expires-in 900\n",
            ),
        ],
    );
    assert_eq!(signature_age(cli.path(), &["."]), ["infra/policy.json"]);
}

#[test]
fn a_named_policy_file_sees_the_presign_calls_of_its_project() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        &[
            ("pyproject.toml", "[project]\nname = \"app\"\n"),
            ("infra/policy.json", POLICY),
            ("app/links.py", S3_PRESIGN),
        ],
    );
    assert_eq!(
        signature_age(dir.path(), &["infra/policy.json"]),
        ["infra/policy.json"]
    );
    // Named with a source file of another language: the project is still read whole for
    // its presign calls.
    write(dir.path(), &[("web/app.js", "export const answer = 42;\n")]);
    assert_eq!(
        signature_age(dir.path(), &["infra/policy.json", "web/app.js"]),
        ["infra/policy.json"]
    );
    // Without the project analysis, the named file is alone.
    assert!(signature_age(dir.path(), &["--no-project", "infra/policy.json"]).is_empty());
    // A project that does not presign S3 URLs stays quiet.
    std::fs::write(dir.path().join("app/links.py"), GCS_ONLY).expect("write");
    assert!(signature_age(dir.path(), &["infra/policy.json"]).is_empty());
}
