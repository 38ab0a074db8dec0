//! The `testdata/` harness: every fixture carries its expectations inline (`expect: lint` in a
//! comment, `expect^:` for the line above) or in a `<file>.expect` sidecar. The real binary
//! lints the whole tree once; both directions are checked: every expectation is met and no
//! finding is unexpected (a file without markers must yield nothing).

mod common;

use std::collections::BTreeMap;
use std::path::Path;

#[cfg(test)]
use common::markers;
use common::{expectations_in, json, label, repo_root, run};

type Expectations = BTreeMap<String, Vec<(usize, String)>>;

fn sidecar(text: &str) -> Vec<(usize, String)> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (line, lint) = l
                .split_once(char::is_whitespace)
                .expect("`LINE lint` in sidecar");
            (
                line.parse().expect("line number in sidecar"),
                lint.trim().to_string(),
            )
        })
        .collect()
}

fn collect(dir: &Path, root: &Path, out: &mut Expectations) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("read testdata")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, root, out);
            continue;
        }
        if path.extension().is_some_and(|e| e == "expect") {
            continue;
        }
        let relative = path
            .strip_prefix(root)
            .expect("under root")
            .to_string_lossy()
            .replace('\\', "/");
        let side = path.with_file_name(format!(
            "{}.expect",
            path.file_name().expect("file name").to_string_lossy()
        ));
        let mut expected = if side.exists() {
            sidecar(&std::fs::read_to_string(&side).expect("read sidecar"))
        } else {
            let bytes = std::fs::read(&path).expect("read fixture");
            expectations_in(&String::from_utf8_lossy(&bytes))
        };
        expected.sort();
        out.insert(relative, expected);
    }
}

#[test]
fn testdata_fixtures_meet_their_inline_expectations() {
    let root = repo_root();
    let mut expected = Expectations::new();
    collect(&root.join("testdata"), &root, &mut expected);
    assert!(expected.len() >= 20, "testdata holds too few fixtures");

    let out = run(
        &root,
        &[
            "check",
            "testdata",
            "--no-config",
            "--format",
            "json",
            "--fail-on",
            "never",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc = json(&out);
    assert_eq!(doc["errors"], serde_json::json!([]));
    let mut actual = Expectations::new();
    for f in doc["findings"].as_array().expect("findings") {
        let path = f["path"].as_str().expect("path").to_string();
        let line = f["line"].as_u64().expect("line") as usize;
        let lint = f["lint"].as_str().expect("lint");
        let level = f["level"].as_str().expect("level");
        let want = expected.get(&path).map(Vec::as_slice).unwrap_or(&[]);
        let label = label(want, line, lint, level);
        actual.entry(path).or_default().push((line, label));
    }

    let mut problems = Vec::new();
    for (path, want) in &expected {
        let mut got = actual.remove(path).unwrap_or_default();
        got.sort();
        if &got != want {
            let missing: Vec<_> = want.iter().filter(|w| !got.contains(w)).collect();
            let unexpected: Vec<_> = got.iter().filter(|g| !want.contains(g)).collect();
            problems.push(format!(
                "{path}:\n  missing:    {missing:?}\n  unexpected: {unexpected:?}"
            ));
        }
    }
    for (path, got) in actual {
        problems.push(format!(
            "{path}: findings in a file the harness did not read: {got:?}"
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    // A harness that finds nothing to check cannot fail: make sure every implemented lint
    // has positive fixtures.
    let all: Vec<&str> = expected
        .values()
        .flatten()
        .map(|(_, l)| l.split('@').next().unwrap_or(l))
        .collect();
    for lint in [
        "hardcoded-presigned-url",
        "hardcoded-credentials",
        "unused-suppression",
        "invalid-suppression",
        "insecure-transport",
        "legacy-signature-version",
        "presign-client-without-region",
        "wildcard-s3-policy",
        "bucket-access-logging-disabled",
        "signature-age-not-capped",
    ] {
        assert!(all.contains(&lint), "no fixture expects {lint}");
    }
    // Level assertions are checked too: some fixture must ask for one.
    assert!(
        expected.values().flatten().any(|(_, l)| l.contains('@')),
        "no fixture asserts a level"
    );
}

#[test]
fn marker_parser() {
    assert_eq!(
        markers("x # expect: a-b, c-d"),
        [(0, "a-b".into()), (0, "c-d".into())]
    );
    assert_eq!(markers("// expect^^: a-b"), [(2, "a-b".into())]);
    assert_eq!(
        markers("# expect: a-b@note, c-d"),
        [(0, "a-b@note".into()), (0, "c-d".into())]
    );
    assert_eq!(
        label(&[(3, "a-b@note".into())], 3, "a-b", "error"),
        "a-b@error"
    );
    assert_eq!(label(&[(3, "a-b".into())], 3, "a-b", "error"), "a-b");
    assert!(markers("expected: nothing").is_empty());
    assert_eq!(
        expectations_in("a\nb # expect^: x-y\n"),
        [(1, "x-y".into())]
    );
}
