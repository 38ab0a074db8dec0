//! Every output format, snapshotted on the sample tree of the README.

mod common;

use common::{repo_root, run};

fn sample(format: &str) -> String {
    let out = run(
        &repo_root().join("examples/sample"),
        &["--no-config", "--format", format],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    out.stdout
}

#[test]
fn human() {
    insta::with_settings!({filters => vec![(r"(?m) \(\d+\.\d+s\)$", " ([TIME])")]}, {
        insta::assert_snapshot!(sample("human"));
    });
}

#[test]
fn concise() {
    insta::assert_snapshot!(sample("concise"));
}

#[test]
fn json() {
    insta::assert_snapshot!(sample("json"));
}

#[test]
fn sarif() {
    // %SRCROOT% is the clone's absolute location, which differs between machines.
    insta::with_settings!({filters => vec![(r#""uri": "file://[^"]*""#, r#""uri": "[SRCROOT]""#)]}, {
        insta::assert_snapshot!(sample("sarif"));
    });
}

#[test]
fn gitlab() {
    insta::with_settings!({filters => vec![(r#"_time": "[0-9T:-]+""#, r#"_time": "[TIME]""#)]}, {
        insta::assert_snapshot!(sample("gitlab"));
    });
}

#[test]
fn github() {
    insta::assert_snapshot!(sample("github"));
}
