//! `--format gitlab`: a GitLab SAST report that GitLab accepts (checked against the shape of
//! its published schema, vendored in tests/schemas/), placed under the repository root, with
//! ids that are unique and stable.

mod common;

use common::{Fake, json, repo_root, run, signed_urls};

fn validator() -> jsonschema::Validator {
    let path = repo_root().join("tests/schemas/gitlab-sast-report-shape.json");
    let text = std::fs::read_to_string(path).expect("the vendored GitLab schema shape");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    jsonschema::validator_for(&schema).expect("the schema compiles")
}

#[test]
fn gitlab_reports_follow_the_sast_schema() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    common::git(root, &["init", "-q"]);
    let url = signed_urls(&mut Fake::new(12)).remove(0).1;
    std::fs::create_dir_all(root.join("svc")).expect("mkdir");
    // The same URL twice on one line, and a long message: ids differ, names are capped.
    std::fs::write(
        root.join("svc/app.py"),
        format!("A = \"{url}\"; B = \"{url}\"\n"),
    )
    .expect("write");
    let out = run(
        &root.join("svc"),
        &["--no-config", "--format", "gitlab", "."],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let doc = json(&out);
    let validator = validator();
    common::assert_valid(&validator, &doc, "GitLab SAST");
    // The validator does reject what GitLab rejects.
    let mut broken = doc.clone();
    broken["vulnerabilities"][0]["severity"] = "Severe".into();
    assert!(!validator.is_valid(&broken));

    let vulnerabilities = doc["vulnerabilities"].as_array().expect("vulnerabilities");
    assert_eq!(vulnerabilities.len(), 2);
    assert_ne!(vulnerabilities[0]["id"], vulnerabilities[1]["id"]);
    assert_eq!(vulnerabilities[0]["location"]["file"], "svc/app.py");
    assert_eq!(vulnerabilities[0]["severity"], "High");
    assert_eq!(
        vulnerabilities[0]["identifiers"][0]["value"],
        "hardcoded-presigned-url"
    );
    assert_eq!(doc["scan"]["status"], "success");
    // Stable across runs, so GitLab can follow a finding between pipelines.
    let again = json(&run(
        &root.join("svc"),
        &["--no-config", "--format", "gitlab", "."],
    ));
    assert_eq!(again["vulnerabilities"][0]["id"], vulnerabilities[0]["id"]);
    // Never a secret.
    let signature = url.split("X-Amz-Signature=").nth(1).expect("signature");
    assert!(!out.stdout.contains(signature));

    // A path that could not be read makes the scan a failure, with a message.
    let failed = run(
        &root.join("svc"),
        &["--no-config", "--format", "gitlab", ".", "missing.py"],
    );
    assert_eq!(failed.code, 2);
    let failed = json(&failed);
    assert_eq!(failed["scan"]["status"], "failure");
    assert!(validator.is_valid(&failed));
}
