//! CONTRIBUTING.md lists, exactly, the files a new language and a new lint touch. These tests
//! keep the lists true: every file of `src/` that names a particular language (outside its
//! tests and the language's own front end) must be named in the language section, every path
//! either section names must exist, and no file but the registry may list every lint.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The text of CONTRIBUTING.md from the heading `from` to the next `## ` heading.
fn section(from: &str) -> String {
    let text = read(&root().join("CONTRIBUTING.md"));
    let start = text
        .find(from)
        .unwrap_or_else(|| panic!("CONTRIBUTING.md has no `{from}`"));
    let rest = &text[start + from.len()..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    rest[..end].to_string()
}

/// The repository paths a section names in backticks (`src/…`, `catalog/…`, `Cargo.toml`).
fn paths_named(section: &str) -> BTreeSet<String> {
    section
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            ["src/", "catalog/", "testdata/", "tests/", "lints/", "fuzz/"]
                .iter()
                .any(|p| s.starts_with(p))
                || *s == "Cargo.toml"
        })
        .map(str::to_string)
        .collect()
}

/// The variants of `pub enum <name>` in a Rust source.
fn variants(source: &str, name: &str) -> Vec<String> {
    let start = source
        .find(&format!("pub enum {name} {{"))
        .unwrap_or_else(|| panic!("no enum {name}"));
    let body = &source[start..];
    let body = &body[body.find('{').map_or(0, |i| i + 1)..body.find('}').unwrap_or(body.len())];
    body.lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("//") && !l.starts_with('#'))
        .filter_map(|l| l.strip_suffix(','))
        .map(str::to_string)
        .collect()
}

/// Every `.rs` file under `dir`, with its text up to its test module.
fn sources(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = read(&path);
                let code = text
                    .find("#[cfg(test)]\nmod tests")
                    .map_or(text.as_str(), |at| &text[..at])
                    .to_string();
                let relative = path
                    .strip_prefix(root())
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((relative, code));
            }
        }
    }
    out.sort();
    out
}

/// Whether `code` names `Type::variant` as a whole word.
fn names(code: &str, ty: &str, variant: &str) -> bool {
    let needle = format!("{ty}::{variant}");
    code.match_indices(&needle).any(|(at, _)| {
        !code[at + needle.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

#[test]
fn every_file_that_names_a_language_is_listed_for_new_languages() {
    let listed = paths_named(&section("### The files a new language touches"));
    let profile = read(&root().join("src/frontend/profile.rs"));
    let languages = variants(&profile, "Language");
    let families = variants(&profile, "Family");
    assert!(
        languages.len() >= 14 && families.len() >= 13,
        "{languages:?} {families:?}"
    );
    let front_ends: BTreeSet<String> = families
        .iter()
        .map(|f| format!("src/frontend/{}.rs", f.to_ascii_lowercase()))
        .chain(["src/frontend/notebook.rs".to_string()])
        .collect();
    let mut unlisted = Vec::new();
    let mut naming = 0;
    for (file, code) in sources(&root().join("src")) {
        let named: Vec<&String> = languages
            .iter()
            .filter(|v| names(&code, "Language", v))
            .chain(families.iter().filter(|v| names(&code, "Family", v)))
            .collect();
        if named.is_empty() {
            continue;
        }
        naming += 1;
        if !front_ends.contains(&file) && !listed.contains(&file) {
            unlisted.push(format!("{file} (names {named:?})"));
        }
    }
    assert!(
        naming >= 5,
        "only {naming} files name a language: the reader is broken"
    );
    assert!(
        unlisted.is_empty(),
        "these files name a language but CONTRIBUTING.md's \"The files a new language touches\" does not list them:\n{}",
        unlisted.join("\n")
    );
}

#[test]
fn every_path_the_contributing_lists_name_exists() {
    for heading in ["### The files a new language touches", "## Adding a lint"] {
        let named = paths_named(&section(heading));
        assert!(named.len() >= 4, "{heading}: {named:?}");
        for path in named.iter().filter(|p| !p.contains('<')) {
            assert!(
                root().join(path).exists(),
                "CONTRIBUTING.md `{heading}` names {path}, which does not exist"
            );
        }
    }
}

/// Adding a lint touches its module, its registry line, its doc and its fixtures: no other
/// file lists every lint (a `match` over all of them would have to grow), and every lint has
/// its doc and its fixtures where the list says.
#[test]
fn only_the_registry_lists_every_lint() {
    let registry = read(&root().join("src/lints/registry.rs"));
    let lints: Vec<(String, String)> = registry
        .lines()
        .filter_map(|l| {
            let (ident, rest) = l.trim().split_once(" = { \"")?;
            let name = rest.split('"').next()?;
            Some((ident.to_string(), name.to_string()))
        })
        .collect();
    assert!(lints.len() >= 14, "{lints:?}");
    for (file, code) in sources(&root().join("src")) {
        let named = lints
            .iter()
            .filter(|(ident, _)| names(&code, "LintId", ident))
            .count();
        assert!(
            named < lints.len(),
            "{file} names every lint: derive it from the registry instead, or list it in CONTRIBUTING.md's \"Adding a lint\""
        );
    }
    for (_, name) in &lints {
        assert!(
            root().join(format!("lints/{name}.md")).is_file(),
            "lints/{name}.md"
        );
        let fixtures = root().join(format!("testdata/{name}"));
        let has_fixture = std::fs::read_dir(&fixtures)
            .map(|entries| entries.flatten().any(|e| e.path().is_file()))
            .unwrap_or(false);
        assert!(has_fixture, "testdata/{name}/ has no fixture");
    }
    let steps = paths_named(&section("## Adding a lint"));
    for path in ["src/lints/registry.rs", "src/lints/mod.rs"] {
        assert!(steps.contains(path), "\"Adding a lint\" must name {path}");
    }
}
