//! Smoke run of the fuzz targets without cargo-fuzz: every target's function is fed the seed
//! inputs that `fuzz/seed.sh` builds (the fixtures of testdata/, examples/ and lints/, plus
//! fuzz/seeds/) and every crash the fuzzers found (fuzz/regressions/<target>/), so CI keeps
//! exercising the targets and no fixed crash comes back. The real fuzzers: fuzz/README.md.

mod common;

use std::path::{Path, PathBuf};

use presign_lint::fuzzing::{self, EXTENSIONS};

type Target = fn(&[u8]);

const TARGETS: [(&str, Target); 6] = [
    ("signed_url", fuzzing::signed_url),
    ("front_end", fuzzing::front_end),
    ("eval", fuzzing::eval),
    ("config", fuzzing::config),
    ("suppress", fuzzing::suppress),
    ("errors", fuzzing::errors),
];

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// The extension `fuzz/seed.sh` files a fixture under (its aliases folded).
fn seed_extension(path: &Path) -> String {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.starts_with(".env") {
        return "env".to_string();
    }
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    match ext {
        "yml" => "yaml",
        "mjs" | "cjs" | "jsx" => "js",
        "kts" => "kt",
        "cc" | "cxx" | "hpp" | "hh" | "hxx" | "h" => "cpp",
        "sc" => "scala",
        "html" | "txt" | "markdown" => "md",
        other => other,
    }
    .to_string()
}

fn prefixed(selector: u8, bytes: &[u8]) -> Vec<u8> {
    let mut input = vec![selector];
    input.extend_from_slice(bytes);
    input
}

/// (target, input name, input) for every seed and regression.
fn inputs() -> Vec<(&'static str, String, Vec<u8>)> {
    let root = common::repo_root();
    let mut fixtures = Vec::new();
    for dir in ["testdata", "examples", "lints"] {
        files_under(&root.join(dir), &mut fixtures);
    }
    fixtures.push(root.join(".presign-lint.toml"));
    let mut out = Vec::new();
    for path in fixtures {
        let ext = seed_extension(&path);
        if ext == "expect" {
            continue;
        }
        let bytes = std::fs::read(&path).expect("read fixture");
        let name = path.display().to_string();
        out.push(("signed_url", name.clone(), bytes.clone()));
        out.push((
            "suppress",
            name.clone(),
            prefixed(u8::from(ext == "md"), &bytes),
        ));
        if let Some(selector) = fuzzing::selector(&ext) {
            out.push(("front_end", name.clone(), prefixed(selector, &bytes)));
            if (selector as usize) < 14 {
                out.push(("eval", name.clone(), prefixed(selector, &bytes)));
            }
        }
        if ext == "toml" {
            // As a config file for the error-path target too (mode 0, a URL planted midway).
            out.push(("errors", name.clone(), [&[0u8, 128][..], &bytes].concat()));
            out.push(("config", name, bytes));
        }
    }
    for kind in ["seeds", "regressions"] {
        for (target, _) in TARGETS {
            let mut files = Vec::new();
            files_under(&root.join("fuzz").join(kind).join(target), &mut files);
            for file in files {
                let bytes = std::fs::read(&file).expect("read seed");
                out.push((target, file.display().to_string(), bytes));
            }
        }
    }
    out
}

#[test]
fn every_fuzz_target_survives_its_seeds_and_past_crashes() {
    let inputs = inputs();
    for (target, _) in TARGETS {
        let count = inputs.iter().filter(|(t, _, _)| *t == target).count();
        assert!(count >= 3, "{target}: only {count} seed inputs");
    }
    for (target, name, input) in &inputs {
        let run = TARGETS
            .iter()
            .find(|(t, _)| t == target)
            .map(|(_, f)| *f)
            .expect("known target");
        let outcome = std::panic::catch_unwind(|| run(input));
        assert!(outcome.is_ok(), "fuzz target {target} failed on {name}");
    }
}

#[test]
fn the_language_selector_matches_the_seed_script() {
    // fuzz/seed.sh hard-codes the same table; a drift would seed every language wrongly.
    let script =
        std::fs::read_to_string(common::repo_root().join("fuzz/seed.sh")).expect("seed.sh");
    let table = format!("extensions=({})", EXTENSIONS.join(" "));
    assert!(
        script.contains(&table),
        "fuzz/seed.sh must define `{table}`"
    );
    assert_eq!(fuzzing::selector("py"), Some(0));
    assert_eq!(fuzzing::selector("ipynb"), Some(11));
}
