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
        let examples = presign_lint::lints::docs::examples(&doc);
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
        for example in presign_lint::lints::docs::examples(&doc) {
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

const TABLE_START: &str = "<!-- lint table: generated from the registry by tests/lint_docs.rs; PRESIGN_LINT_BLESS=1 cargo test --test lint_docs rewrites it -->";
const TABLE_END: &str = "<!-- end of lint table -->";

/// The README's lint table is the registry's: name, default level, practice, summary.
#[test]
fn the_readme_lint_table_is_the_registry() {
    let mut table = format!(
        "{TABLE_START}\n| lint | default | practice | what it reports |\n|---|---|---|---|\n"
    );
    for lint in registry() {
        let name = lint["name"].as_str().expect("name");
        let practice = lint["best_practice"]
            .as_str()
            .map(|p| format!("[`{p}`](docs/best-practices.md#{p})"))
            .unwrap_or_default();
        let planned = if lint["status"] == "planned" {
            " (planned, not yet checked)"
        } else {
            ""
        };
        table.push_str(&format!(
            "| [`{name}`](lints/{name}.md) | {} | {practice} | {}{planned} |\n",
            lint["default_level"].as_str().expect("level"),
            lint["summary"].as_str().expect("summary"),
        ));
    }
    table.push_str(TABLE_END);
    assert_generated("README.md", TABLE_START, TABLE_END, &table, "lint table");
}

/// Replaces the text between `start` and `end` (markers included) in the repository file
/// `file` by `generated` under PRESIGN_LINT_BLESS, else fails when they differ.
fn assert_generated(file: &str, start_marker: &str, end_marker: &str, generated: &str, what: &str) {
    let path = repo_root().join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    let start = text
        .find(start_marker)
        .unwrap_or_else(|| panic!("{file}: the {what}'s start marker"));
    let end = text[start..]
        .find(end_marker)
        .unwrap_or_else(|| panic!("{file}: the {what}'s end marker"))
        + start
        + end_marker.len();
    if text[start..end] == *generated {
        return;
    }
    if std::env::var_os("PRESIGN_LINT_BLESS").is_some() {
        let updated = format!("{}{generated}{}", &text[..start], &text[end..]);
        std::fs::write(&path, updated).unwrap_or_else(|e| panic!("write {file}: {e}"));
        return;
    }
    panic!("{file}'s {what} differs; PRESIGN_LINT_BLESS=1 rewrites it:\n{generated}");
}

const CATALOG_START: &str = "<!-- SDK list: generated from catalog/*.toml by tests/lint_docs.rs; PRESIGN_LINT_BLESS=1 cargo test --test lint_docs rewrites it -->";
const CATALOG_END: &str = "<!-- end of SDK list -->";

/// lints/excessive-expiry.md lists every SDK, framework and call of the catalog, per language.
#[test]
fn the_expiry_lint_doc_lists_the_catalog() {
    let families = [
        ("python", "Python"),
        ("javascript", "JavaScript and TypeScript"),
        ("go", "Go"),
        ("java", "Java"),
        ("kotlin", "Kotlin"),
        ("csharp", "C#"),
        ("php", "PHP"),
        ("ruby", "Ruby"),
        ("rust", "Rust"),
        ("cpp", "C++"),
        ("swift", "Swift"),
        ("scala", "Scala"),
        ("shell", "Shell"),
    ];
    let rows = presign_lint::semantic::catalog::rows();
    let mut list = format!("{CATALOG_START}\n");
    for (family, title) in families {
        // SDK → its methods, in catalog order, each once.
        let mut sdks: Vec<(&str, Vec<&str>)> = Vec::new();
        // The family's own rows first, then those of the SDKs it shares (Kotlin calls Java's).
        let own = rows.iter().filter(|r| r.family.name() == family);
        let shared = rows
            .iter()
            .filter(|r| r.also_in.iter().any(|f| f == family));
        for row in own.chain(shared) {
            let at = match sdks.iter().position(|(sdk, _)| *sdk == row.sdk) {
                Some(at) => at,
                None => {
                    sdks.push((row.sdk.as_str(), Vec::new()));
                    sdks.len() - 1
                }
            };
            for m in &row.methods {
                if !sdks[at].1.contains(&m.as_str()) {
                    sdks[at].1.push(m);
                }
            }
        }
        if sdks.is_empty() {
            continue;
        }
        list.push_str(&format!("- **{title}**:"));
        let entries: Vec<String> = sdks
            .iter()
            .map(|(sdk, methods)| {
                let methods: Vec<String> = methods.iter().map(|m| format!("`{m}`")).collect();
                format!(" {sdk} ({})", methods.join(", "))
            })
            .collect();
        list.push_str(&entries.join(";"));
        list.push('\n');
    }
    list.push_str(CATALOG_END);
    assert_generated(
        "lints/excessive-expiry.md",
        CATALOG_START,
        CATALOG_END,
        &list,
        "SDK list",
    );
}

/// Every practice a lint names has its section in docs/best-practices.md, which the README's
/// table links to: nothing a reader follows leads outside the repository.
#[test]
fn every_practice_named_is_documented_in_the_repository() {
    let doc = std::fs::read_to_string(repo_root().join("docs/best-practices.md"))
        .expect("docs/best-practices.md");
    for lint in registry() {
        if let Some(practice) = lint["best_practice"].as_str() {
            let heading = format!("\n### `{practice}`\n");
            let at = doc.find(&heading).unwrap_or_else(|| {
                panic!("docs/best-practices.md has no section for `{practice}`")
            });
            let section = &doc[at + heading.len()..];
            let section = &section[..section.find("\n#").unwrap_or(section.len())];
            let name = lint["name"].as_str().expect("name");
            assert!(
                section.contains(&format!("`{name}`")),
                "docs/best-practices.md: `{practice}` does not say that `{name}` checks it"
            );
        }
    }
    for document in ["README.md", "ARCHITECTURE.md", "CONTRIBUTING.md"] {
        let text = std::fs::read_to_string(repo_root().join(document)).expect("document");
        assert!(
            !text.contains("../shared"),
            "{document} points outside the repository"
        );
        for link in text.split("](").skip(1) {
            let target = link.split(')').next().unwrap_or("");
            let file = target.split('#').next().unwrap_or("");
            if file.is_empty() || file.contains("://") {
                continue;
            }
            assert!(
                repo_root().join(file).exists(),
                "{document} links to {target}, which is not in the repository"
            );
        }
    }
}
