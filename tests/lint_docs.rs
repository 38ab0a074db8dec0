//! `lints/*.md`: one per lint, fixed headings, the practice named, and examples that run: each
//! `bad` block yields exactly its marked findings, each `good` block none.

mod common;

use common::{expectations_in, json, label, repo_root, run};

const HEADINGS: [&str; 5] = [
    "## What it does",
    "## Why is this bad?",
    "## Example",
    "## Options",
    "## Known limitations",
];

fn registry() -> Vec<serde_json::Value> {
    let out = run(&repo_root(), &["lints", "--format", "json"]);
    assert_eq!(out.code, 0);
    json(&out)["lints"].as_array().expect("lints").clone()
}

#[test]
fn every_lint_has_a_complete_doc_and_every_doc_a_lint() {
    let lints = registry();
    assert!(lints.len() >= 14);
    let mut names: Vec<String> = Vec::new();
    for lint in &lints {
        let name = lint["name"].as_str().expect("name");
        names.push(name.to_string());
        let path = repo_root().join("lints").join(format!("{name}.md"));
        let doc =
            std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{name}: no lints/{name}.md"));
        assert!(
            doc.starts_with(&format!("# {name}\n")),
            "{name}: doc must start with `# {name}`"
        );
        let mut last = 0;
        for heading in HEADINGS {
            let at = doc
                .find(heading)
                .unwrap_or_else(|| panic!("{name}: missing `{heading}`"));
            assert!(at >= last, "{name}: `{heading}` out of order");
            last = at;
        }
        if let Some(practice) = lint["best_practice"].as_str() {
            assert!(
                doc.contains(&format!("`{practice}`")),
                "{name}: doc must name practice `{practice}`"
            );
        }
        let examples = presign_lint::docs::examples(&doc);
        assert!(examples.iter().any(|e| e.bad), "{name}: no bad example");
        assert!(examples.iter().any(|e| !e.bad), "{name}: no good example");
        // Convention of clippy's lint_message_convention: lowercase, no trailing period.
        let summary = lint["summary"].as_str().expect("summary");
        assert!(
            !summary.ends_with('.') && summary.chars().next().is_some_and(|c| !c.is_uppercase())
        );
    }
    let mut files: Vec<String> = std::fs::read_dir(repo_root().join("lints"))
        .expect("lints dir")
        .flatten()
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".md")
                .map(str::to_string)
        })
        .collect();
    files.sort();
    names.sort();
    assert_eq!(files, names, "lints/*.md and the registry disagree");
}

#[test]
fn doc_examples_behave_as_documented() {
    let mut ran = 0;
    for lint in registry() {
        if lint["status"] != "implemented" {
            continue;
        }
        let name = lint["name"].as_str().expect("name");
        let doc = std::fs::read_to_string(repo_root().join("lints").join(format!("{name}.md")))
            .expect("doc");
        for example in presign_lint::docs::examples(&doc) {
            let dir = tempfile::tempdir().expect("tempdir");
            std::fs::write(dir.path().join(&example.file_name), &example.code).expect("write");
            let out = run(
                dir.path(),
                &["--format", "json", "--no-config", "--fail-on", "never", "."],
            );
            let mut want = if example.bad {
                let mut w = expectations_in(&example.code);
                w.extend(example.expect.clone());
                w
            } else {
                Vec::new()
            };
            let mut got: Vec<(usize, String)> = json(&out)["findings"]
                .as_array()
                .expect("findings")
                .iter()
                .map(|f| {
                    let line = f["line"].as_u64().expect("line") as usize;
                    let lint = f["lint"].as_str().expect("lint");
                    let level = f["level"].as_str().expect("level");
                    (line, label(&want, line, lint, level))
                })
                .collect();
            got.sort();
            want.sort();
            if example.bad {
                assert!(
                    !want.is_empty(),
                    "{name}.md:{}: a bad example needs `expect:` markers",
                    example.doc_line
                );
            }
            assert_eq!(
                got, want,
                "{name}.md:{}: example findings differ",
                example.doc_line
            );
            ran += 1;
        }
    }
    assert!(ran >= 6, "only {ran} doc examples ran");
}

/// What `explain` and SARIF help show carries no test markers: no `expect:` comments in the
/// examples and no `bad`/`file=` in the fences (they stay in lints/*.md for the tests).
#[test]
fn docs_shown_to_users_carry_no_test_markers() {
    let root = repo_root();
    let sarif = run(
        &root,
        &[
            "--format",
            "sarif",
            "--no-config",
            "--fail-on",
            "never",
            "Cargo.toml",
        ],
    );
    let sarif = json(&sarif);
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .clone();
    assert_eq!(rules.len(), registry().len());
    for lint in registry() {
        let name = lint["name"].as_str().expect("name");
        let explain = run(&root, &["explain", name]);
        assert_eq!(explain.code, 0);
        let rule = rules.iter().find(|r| r["id"] == name).expect("rule");
        let help = rule["help"]["markdown"].as_str().expect("help");
        for (what, text) in [("explain", explain.stdout.as_str()), ("SARIF help", help)] {
            let mut fences = 0;
            for line in text.lines() {
                if let Some(info) = line.trim_start().strip_prefix("```") {
                    fences += 1;
                    assert!(
                        !info.contains(' '),
                        "{name}: {what} shows a fence with test words: {line}"
                    );
                }
                assert!(
                    common::markers(line).is_empty(),
                    "{name}: {what} shows a test marker: {line}"
                );
            }
            if lint["status"] == "implemented" {
                assert!(fences > 0, "{name}: {what} lost its examples");
            }
        }
    }
}
