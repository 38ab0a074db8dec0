//! The project-wide analysis on the multi-file fixture projects of `testdata/projects/`: the
//! same findings at any thread count, byte for byte, and wrapper findings that carry the chain
//! down to the SDK call as related locations in JSON and SARIF.

mod common;

use common::{json, repo_root, run};

fn check(threads: &str, format: &str) -> String {
    let out = run(
        &repo_root(),
        &[
            "check",
            "testdata/projects",
            "--no-config",
            "--format",
            format,
            "--fail-on",
            "never",
            "--threads",
            threads,
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
}

#[test]
fn output_is_identical_at_any_thread_count() {
    // The human summary line ends with the elapsed time: compared without it.
    let timeless = |out: String| {
        out.lines()
            .filter(|l| !l.starts_with("presign-lint: "))
            .collect::<Vec<_>>()
            .join("\n")
    };
    for format in ["json", "sarif", "human"] {
        let one = timeless(check("1", format));
        assert_eq!(one, timeless(check("2", format)), "{format}");
        assert_eq!(one, timeless(check("7", format)), "{format}");
    }
}

#[test]
fn wrapper_findings_carry_the_chain_to_the_sdk_call() {
    let out = run(
        &repo_root(),
        &[
            "check",
            "testdata/projects/typescript-app",
            "--no-config",
            "--format",
            "json",
            "--fail-on",
            "never",
        ],
    );
    let doc = json(&out);
    let findings = doc["findings"].as_array().expect("findings");
    let expiry = findings
        .iter()
        .find(|f| {
            f["lint"] == "excessive-expiry"
                && f["path"] == "testdata/projects/typescript-app/src/routes.ts"
        })
        .expect("the 4-day expiry handed to attachments.sign");
    assert_eq!(expiry["details"]["expiry_seconds"], 345_600);
    let related = expiry["related"].as_array().expect("related locations");
    let paths: Vec<&str> = related.iter().filter_map(|r| r["path"].as_str()).collect();
    assert_eq!(
        paths,
        [
            "testdata/projects/typescript-app/src/attachments.ts",
            "testdata/projects/typescript-app/src/storage/index.ts",
            "testdata/projects/typescript-app/src/storage/s3.ts",
        ]
    );
    assert!(
        related[2]["message"]
            .as_str()
            .is_some_and(|m| m.contains("getSignedUrl")),
        "{related:?}"
    );

    let sarif: serde_json::Value =
        serde_json::from_str(&check("2", "sarif")).expect("SARIF is JSON");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    let chained = results
        .iter()
        .find(|r| {
            r["relatedLocations"]
                .as_array()
                .is_some_and(|l| l.len() == 3)
        })
        .expect("a result with the three-hop chain");
    assert!(
        chained["codeFlows"][0]["threadFlows"][0]["locations"]
            .as_array()
            .is_some_and(|l| l.len() == 4)
    );
}
