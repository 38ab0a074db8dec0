//! SARIF output validated against the SARIF 2.1.0 schema (OASIS, vendored in
//! `tests/schemas/` so the check never depends on anything outside the repository), plus the
//! properties GitHub code scanning reads.

mod common;

use std::path::Path;

use common::{Fake, json, run, signed_urls};

fn sarif_of(dir: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["--no-config", "--format", "sarif"];
    all.extend_from_slice(args);
    json(&run(dir, &all))
}

#[test]
fn sarif_is_valid_and_complete() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut fake = Fake::new(5);
    let url = signed_urls(&mut fake).remove(0).1;
    let tool = "presign-lint";
    std::fs::create_dir_all(dir.path().join("my dir")).expect("mkdir");
    std::fs::write(
        dir.path().join("my dir/app #1.py"),
        format!("A = \"{url}\"\n# {tool}: allow(hardcoded-presigned-url) reason: reviewed sample\nB = \"{url}\"\n"),
    )
    .expect("write");
    let doc = sarif_of(dir.path(), &["."]);

    let validator = common::sarif_validator();
    common::assert_valid(&validator, &doc, "SARIF");
    // The validator really validates: a wrong level is caught.
    let mut broken = doc.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));

    assert_eq!(doc["version"], "2.1.0");
    let runs = doc["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "presign-lint");
    assert!(driver["semanticVersion"].is_string() && driver["informationUri"].is_string());
    let rules = driver["rules"].as_array().expect("rules");
    let mut ids: Vec<&str> = rules
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count, "each rule appears once");
    for rule in rules {
        assert!(rule["shortDescription"]["text"].is_string());
        assert!(rule["fullDescription"]["text"].is_string());
        assert!(
            rule["help"]["markdown"]
                .as_str()
                .is_some_and(|m| m.contains("## What it does"))
        );
        assert!(
            rule["properties"]["tags"]
                .as_array()
                .is_some_and(|t| t.contains(&"security".into()))
        );
        let severity: f64 = rule["properties"]["security-severity"]
            .as_str()
            .expect("severity")
            .parse()
            .expect("number");
        assert!((0.0..=10.0).contains(&severity));
    }

    let results = runs[0]["results"].as_array().expect("results");
    assert_eq!(
        results.len(),
        2,
        "the suppressed finding is present, with suppressions"
    );
    for r in results {
        let index = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
        let location = &r["locations"][0]["physicalLocation"];
        assert_eq!(
            location["artifactLocation"]["uri"],
            "my%20dir/app%20%231.py"
        );
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert!(
            location["region"]["startColumn"]
                .as_u64()
                .is_some_and(|c| c >= 1)
        );
        assert!(
            r["partialFingerprints"]
                .as_object()
                .is_some_and(|f| !f.is_empty())
        );
    }
    assert!(results[0].get("suppressions").is_none());
    assert_eq!(results[1]["suppressions"][0]["kind"], "inSource");
    assert_eq!(
        results[1]["suppressions"][0]["justification"],
        "reviewed sample"
    );

    // Baseline suppressions are `external`.
    let baseline = dir.path().join("baseline.json");
    run(
        dir.path(),
        &[
            "--no-config",
            "--write-baseline",
            baseline.to_str().expect("utf-8"),
            ".",
        ],
    );
    let with_baseline = sarif_of(dir.path(), &["--baseline", "baseline.json", "."]);
    let kinds: Vec<&str> = with_baseline["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| r["suppressions"][0]["kind"].as_str().unwrap_or("none"))
        .collect();
    assert_eq!(kinds, ["external", "inSource"]);
}

/// Code scanning places a result by its URI under the repository root and counts columns in
/// UTF-16 code units: both hold when presign-lint runs in a subdirectory, on a line with an
/// emoji before the finding. Annotations are placed from the root too.
#[test]
fn locations_are_relative_to_the_repository_and_count_utf16() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    common::git(root, &["init", "-q"]);
    let url = signed_urls(&mut Fake::new(8)).remove(0).1;
    std::fs::create_dir_all(root.join("svc/api")).expect("mkdir");
    std::fs::write(
        root.join("svc/api/app.py"),
        format!("A = \"😀\"; B = \"{url}\"\n"),
    )
    .expect("write");
    let doc = sarif_of(&root.join("svc"), &["."]);
    let run = &doc["runs"][0];
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    let location = &run["results"][0]["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "svc/api/app.py");
    assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    // `A = "😀"; B = "` is 14 characters and 15 UTF-16 code units.
    assert_eq!(location["region"]["startColumn"], 16);
    let base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .expect("base");
    assert!(
        base.starts_with("file:///") && base.ends_with('/'),
        "{base}"
    );
    // GitHub annotations are placed the same way.
    let github = common::run(
        &root.join("svc"),
        &["--no-config", "--format", "github", "."],
    );
    assert!(
        github
            .stdout
            .starts_with("::error file=svc/api/app.py,line=1,"),
        "{}",
        github.stdout
    );
    // The JSON report keeps counting characters, relative to the current directory.
    let report = json(&run_json(&root.join("svc")));
    assert_eq!(report["findings"][0]["path"], "api/app.py");
    assert_eq!(report["findings"][0]["column"], 15);
    // Outside a repository, the current directory is the root.
    let plain = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(plain.path().join("sub")).expect("mkdir");
    std::fs::write(plain.path().join("sub/app.py"), format!("B = \"{url}\"\n")).expect("write");
    let doc = sarif_of(&plain.path().join("sub"), &["."]);
    assert_eq!(
        doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "app.py"
    );
}

fn run_json(dir: &Path) -> common::Run {
    run(dir, &["--no-config", "--format", "json", "."])
}
