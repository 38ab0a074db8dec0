//! The project-wide analysis on the multi-file fixture projects of `testdata/projects/`: the
//! same findings at any thread count, byte for byte, and wrapper findings that carry the chain
//! down to the SDK call as related locations in JSON and SARIF.

mod common;

use std::collections::BTreeSet;

use common::{git, json, repo_root, run};

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

#[test]
fn a_method_named_like_the_sdks_on_a_typed_receiver_is_the_projects() {
    // `d *blobs.Driver` then `d.PresignGetObject(ctx, key)`: the driver's own method, which
    // fixes 5 minutes, not the SDK's with its 15-minute default. Under a 10-minute policy the
    // SDK's reading would be a finding at each call.
    let findings = findings_of(
        &repo_root(),
        &[
            "check",
            "testdata/projects/go-app",
            "--no-config",
            "--format",
            "json",
            "--max-expiry",
            "10m",
            "-A",
            "presign-in-loop",
        ],
    );
    let serve: Vec<&String> = findings
        .iter()
        .filter(|(path, _)| path.ends_with("internal/serve/serve.go"))
        .map(|(_, f)| f)
        .collect();
    assert!(serve.is_empty(), "{serve:?}");
    // The loop is reported through the driver, not as the SDK's own call.
    let looped = findings_of(
        &repo_root(),
        &[
            "check",
            "testdata/projects/go-app/internal/serve",
            "testdata/projects/go-app/internal/blobs",
            "--no-config",
            "--format",
            "json",
            "--fail-on",
            "never",
        ],
    );
    assert!(
        looped.iter().any(|(path, f)| path.ends_with("serve.go")
            && f.contains("presign-in-loop")
            && f.contains("presigns through")),
        "{looped:?}"
    );
}

/// The findings of `args` (JSON) as (path, the finding's JSON text).
fn findings_of(dir: &std::path::Path, args: &[&str]) -> Vec<(String, String)> {
    let out = run(dir, args);
    assert!(out.code <= 1, "{args:?}: {}", out.stderr);
    json(&out)["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| (f["path"].as_str().unwrap_or("").to_string(), f.to_string()))
        .collect()
}

/// The source files of a fixture project, relative to the repository.
fn project_files(project: &str) -> Vec<String> {
    let mut files = Vec::new();
    let mut dirs = vec![repo_root().join(project)];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("fixture dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if let Ok(relative) = path.strip_prefix(repo_root()) {
                files.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    files.sort();
    files
}

const PROJECTS: &[&str] = &[
    "csharp-app",
    "go-app",
    "java-app",
    "kotlin-app",
    "php-app",
    "python-app",
    "ruby-app",
    "rust-app",
    "swift-app",
    "scala-app",
    "typescript-app",
];

#[test]
fn a_named_file_sees_its_project() {
    // Pre-commit names the changed files only: each file's findings must be those of a scan of
    // the whole project, wrappers and constants of the files not named included.
    let mut checked_wrapper_findings = 0;
    for project in PROJECTS {
        let dir = format!("testdata/projects/{project}");
        let whole = findings_of(
            &repo_root(),
            &["check", &dir, "--no-config", "--format", "json"],
        );
        for file in project_files(&dir) {
            let alone = findings_of(
                &repo_root(),
                &["check", &file, "--no-config", "--format", "json"],
            );
            let expected: Vec<(String, String)> =
                whole.iter().filter(|(p, _)| *p == file).cloned().collect();
            assert_eq!(alone, expected, "{file} named alone");
            checked_wrapper_findings += expected
                .iter()
                .filter(|(_, f)| f.contains("\"related\""))
                .count();
        }
    }
    // Cannot pass vacuously: the projects' wrapper findings live in files that do not presign.
    assert!(checked_wrapper_findings >= 20, "{checked_wrapper_findings}");
}

/// With the context cache warm, the files the last run parsed are deferred (parsed only when
/// something they define is looked up): every file named alone, cold and then warm, still
/// gets exactly the findings of a scan of its whole project.
#[test]
fn a_named_file_sees_its_project_through_a_warm_cache() {
    let dir = tempfile::tempdir().expect("tempdir");
    for project in PROJECTS {
        copy_tree(
            &repo_root().join("testdata/projects").join(project),
            &dir.path().join(project),
        );
    }
    age(dir.path());
    let mut files = 0;
    for project in PROJECTS {
        let root = dir.path().join(project);
        let whole = findings_of(&root, &["check", ".", "--no-config", "--format", "json"]);
        let relative = format!("testdata/projects/{project}/");
        for file in project_files(&format!("testdata/projects/{project}")) {
            let file = file.trim_start_matches(&relative).to_string();
            let cache = dir.path().join(format!("cache-{files}"));
            let env = [("PRESIGN_LINT_CACHE_DIR", cache.to_str().expect("UTF-8"))];
            let args = ["check", &file, "--no-config", "--format", "json"];
            let expected: Vec<(String, String)> =
                whole.iter().filter(|(p, _)| *p == file).cloned().collect();
            for state in ["cold", "warm"] {
                let out = common::run_with_env(&root, &args, &env);
                assert!(out.code <= 1, "{file}: {}", out.stderr);
                let alone: Vec<(String, String)> = json(&out)["findings"]
                    .as_array()
                    .expect("findings")
                    .iter()
                    .map(|f| (f["path"].as_str().unwrap_or("").to_string(), f.to_string()))
                    .collect();
                assert_eq!(
                    alone, expected,
                    "{project}/{file} named alone, cache {state}"
                );
            }
            files += 1;
        }
    }
    assert!(files >= 100, "{files}");
}

#[test]
fn standard_input_with_a_name_sees_the_project_of_that_file() {
    let project = repo_root().join("testdata/projects/python-app");
    let views = project.join("app/views.py");
    let text = std::fs::read(&views).expect("fixture");
    let args = [
        "check",
        "-",
        "--stdin-filename",
        "app/views.py",
        "--no-config",
        "--format",
        "json",
    ];
    let piped = common::run_with_stdin(&project, &args, Some(&text));
    let named = findings_of(
        &project,
        &["check", "app/views.py", "--no-config", "--format", "json"],
    );
    let piped: Vec<(String, String)> = json(&piped)["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| (f["path"].as_str().unwrap_or("").to_string(), f.to_string()))
        .collect();
    assert!(
        piped.iter().any(|(_, f)| f.contains("presign-in-loop")),
        "{piped:?}"
    );
    assert_eq!(piped, named);

    // The buffer replaces the file on disk: an expiry edited in it is what is checked.
    let edited = String::from_utf8(text)
        .expect("UTF-8 fixture")
        .replace("10 * 86400", "30 * 60");
    let piped = common::run_with_stdin(&project, &args, Some(edited.as_bytes()));
    assert_eq!(piped.code, 1, "{}", piped.stderr);
    assert!(piped.stdout.contains("presign-in-loop"), "{}", piped.stdout);
    assert!(
        !piped.stdout.contains("expiry-exceeds-limit"),
        "{}",
        piped.stdout
    );
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read fixture").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy fixture");
        }
    }
}

#[test]
fn staged_files_see_the_project_and_only_they_are_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    copy_tree(&repo_root().join("testdata/projects/python-app"), root);
    git(root, &["init", "-q"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "fixture"]);
    // A change staged in views.py only; its wrappers live in files that are not staged.
    let views = root.join("app/views.py");
    let text = std::fs::read_to_string(&views).expect("fixture");
    std::fs::write(&views, text.replace("2 * 3600", "3 * 3600")).expect("write");
    git(root, &["add", "app/views.py"]);
    // The work tree then moves on: the index is what is checked.
    std::fs::write(&views, "").expect("write");

    let staged = findings_of(
        root,
        &["check", "--staged", "--no-config", "--format", "json"],
    );
    let paths: BTreeSet<&str> = staged.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths, BTreeSet::from(["app/views.py"]), "{staged:?}");
    let text = |lint: &str| staged.iter().filter(|(_, f)| f.contains(lint)).count();
    assert_eq!(text("presign-in-loop"), 2, "{staged:?}");
    assert_eq!(text("expiry-exceeds-limit"), 1, "{staged:?}");
    assert!(
        staged.iter().any(|(_, f)| f.contains("10800 s")),
        "the staged 3-hour expiry: {staged:?}"
    );

    // The wrappers' file changed in the work tree but not staged: the commit holds the index
    // copy, so that is the context, and the findings stay.
    std::fs::write(
        root.join("app/links.py"),
        "def signed_link(key, ttl=36000):\n    return key\n",
    )
    .expect("write");
    let unstaged_edit = findings_of(
        root,
        &["check", "--staged", "--no-config", "--format", "json"],
    );
    assert_eq!(unstaged_edit, staged);
}

/// Sets every file under `dir` an hour in the past and waits until its change time (now) is
/// old enough to be trusted, as files are when a hook runs: a file changed in the last two
/// seconds is never cached (its next change could keep its stamp).
fn age(dir: &std::path::Path) {
    set_past(dir);
    std::thread::sleep(std::time::Duration::from_millis(2100));
}

fn set_past(dir: &std::path::Path) {
    let past = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            set_past(&path);
        } else {
            let file = std::fs::File::options()
                .write(true)
                .open(&path)
                .expect("open");
            file.set_modified(past).expect("set mtime");
        }
    }
}

/// `check app/links.py --no-config --format json -v` in `root`, with `env` and `extra`
/// arguments; it must not fail.
fn links_verbose(root: &std::path::Path, env: &[(&str, &str)], extra: &[&str]) -> common::Run {
    let mut args = vec![
        "check",
        "app/links.py",
        "--no-config",
        "--format",
        "json",
        "-v",
    ];
    args.extend_from_slice(extra);
    let out = common::run_with_env(root, &args, env);
    assert!(out.code <= 1, "{}", out.stderr);
    out
}

/// An aged copy of a fixture project, and a cache directory of its own beside it.
fn aged_copy(project: &str) -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("app-root");
    copy_tree(&repo_root().join("testdata/projects").join(project), &root);
    age(&root);
    let cache = dir.path().join("cache");
    let cache = cache.to_str().expect("UTF-8 temp path").to_string();
    (dir, root, cache)
}

#[test]
fn the_context_cache_changes_nothing_but_the_reads() {
    let (_dir, root, cache_dir) = aged_copy("python-app");
    let cache = std::path::PathBuf::from(&cache_dir);
    let cache_env = [("PRESIGN_LINT_CACHE_DIR", cache_dir.as_str())];
    let named = |extra: &[&str]| {
        let mut args = vec!["check", "app/links.py", "--no-config", "--format", "json"];
        args.extend_from_slice(extra);
        let out = common::run_with_env(&root, &args, &cache_env);
        assert!(out.code <= 1, "{}", out.stderr);
        out.stdout
    };
    let uncached = named(&["--no-cache"]);
    assert!(!cache.exists(), "--no-cache writes nothing");
    // LINK_TTL lives in config.py, a file the first pass does not parse: the cache answers
    // for it on the second run.
    assert!(uncached.contains("LINK_TTL = 604800"), "{uncached}");
    assert_eq!(named(&[]), uncached, "cold");
    let mut written: Vec<String> = std::fs::read_dir(&cache)
        .expect("cache dir")
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    written.sort();
    let prefixes: Vec<&str> = written
        .iter()
        .map(|w| w.split('-').next().unwrap_or(""))
        .collect();
    assert_eq!(
        prefixes,
        ["context", "syntax", "walk"],
        "one context, one syntax and one walk cache for the project: {written:?}"
    );
    // Entries, not just headers: every source file of the project but the one named, and
    // the syntax of the files it parsed.
    for file in &written {
        let size = std::fs::metadata(cache.join(file))
            .expect("cache file")
            .len();
        assert!(size > 300, "{file}: {size} bytes");
    }
    let stamps = |file: &str| {
        std::fs::metadata(cache.join(file))
            .and_then(|m| m.modified())
            .ok()
    };
    let before: Vec<_> = written.iter().map(|f| stamps(f)).collect();
    assert_eq!(named(&[]), uncached, "warm");
    let after: Vec<_> = written.iter().map(|f| stamps(f)).collect();
    assert_eq!(before, after, "an unchanged project rewrites no cache");

    // A presigning file of the project that changes is parsed again: the syntax cached is
    // that of its old text. Here its function stops passing its caller's expiry on.
    let s3 = root.join("app/storage/s3.py");
    let text = std::fs::read_to_string(&s3).expect("read");
    std::fs::write(
        &s3,
        text.replacen(
            "def presign(key, expires):\n",
            "def presign(key, expires):\n    expires = 600\n",
            1,
        ),
    )
    .expect("write");
    age(&root);
    let edited = named(&[]);
    assert_ne!(edited, uncached, "the wrapper's new body counts");
    assert_eq!(edited, named(&["--no-cache"]));
    std::fs::write(&s3, text).expect("write");
    age(&root);
    assert_eq!(named(&[]), uncached, "and its old one again");

    // A context file that changes is read again, cache or not.
    std::fs::write(
        root.join("app/config.py"),
        "DAY = 86400\nLINK_TTL = 600\nSHORT_TTL = 300\n",
    )
    .expect("write");
    age(&root);
    let changed = named(&[]);
    assert!(!changed.contains("LINK_TTL"), "{changed}");
    assert_eq!(changed, named(&["--no-cache"]));

    // The named file's own syntax is cached too, under its text: edited, it is parsed again.
    let links = root.join("app/links.py");
    let text = std::fs::read_to_string(&links).expect("read");
    assert!(text.contains("ttl=36000"), "{text}");
    std::fs::write(&links, text.replace("ttl=36000", "ttl=600")).expect("write");
    let shorter = named(&[]);
    assert_ne!(shorter, changed, "the named file's new default counts");
    assert_eq!(shorter, named(&["--no-cache"]));
    std::fs::write(&links, text).expect("write");
    assert_eq!(named(&[]), changed, "and its old one again");

    // A damaged cache is no cache.
    for entry in std::fs::read_dir(&cache).expect("cache dir").flatten() {
        std::fs::write(entry.path(), b"presign-lint context cache 1\n\xff\xff").expect("damage");
    }
    assert_eq!(named(&[]), changed);
}

/// A named file's project is listed from the walk cache only while nothing the walk obeyed
/// changed: an ignore file edited in place (the project's `.gitignore`, the repository's
/// `.git/info/exclude`, git's global excludes file) and a file moved into a directory each
/// make the next run walk again, and every run agrees with one without a cache.
#[test]
fn the_walk_cache_sees_every_change_a_walk_would() {
    let (dir, root, cache_dir) = aged_copy("python-app");
    // git's global configuration is looked for in a home of the test's own.
    let home = dir.path().join("home");
    std::fs::create_dir_all(home.join(".config/git")).expect("home");
    let global = home.join(".config/git/ignore");
    let exclude = root.join(".git/info/exclude");
    std::fs::create_dir_all(root.join(".git/info")).expect("git dir");
    let rule_files = [root.join(".gitignore"), exclude, global];
    for file in &rule_files {
        std::fs::write(file, "# nothing ignored\n").expect("write");
    }
    age(&root);
    let home = home.to_str().expect("UTF-8 temp path");
    let env = [
        ("PRESIGN_LINT_CACHE_DIR", cache_dir.as_str()),
        ("HOME", home),
        ("XDG_CONFIG_HOME", ""),
        ("GIT_CONFIG_GLOBAL", ""),
    ];
    // The findings of `app/links.py`, and how its project was listed.
    let named = |extra: &[&str]| {
        let out = links_verbose(&root, &env, extra);
        let listed = out.stderr.contains(": listed from the cache");
        (json(&out)["findings"].to_string(), listed)
    };
    let (with_ttl, _) = named(&["--no-cache"]);
    // LINK_TTL lives in `app/config.py`: the finding changes when that file is ignored.
    assert!(with_ttl.contains("LINK_TTL = 604800"), "{with_ttl}");
    assert_eq!(named(&[]), (with_ttl.clone(), false), "cold: walked");
    assert_eq!(named(&[]), (with_ttl.clone(), true), "warm: listed");

    for rules in &rule_files {
        std::fs::write(rules, "app/config.py\n").expect("write");
        let (ignored, listed) = named(&[]);
        assert!(!listed, "{rules:?} changed: walked again");
        assert!(!ignored.contains("LINK_TTL"), "{rules:?}: {ignored}");
        assert_eq!(ignored, named(&["--no-cache"]).0, "{rules:?}");
        std::fs::write(rules, "# nothing ignored\n").expect("write");
        age(&root);
        assert_eq!(named(&[]), (with_ttl.clone(), false), "{rules:?} restored");
        assert_eq!(
            named(&[]),
            (with_ttl.clone(), true),
            "{rules:?} restored, warm"
        );
    }

    // A file that leaves a directory and comes back: the directory's stamp changes each time.
    let config = root.join("app/config.py");
    let outside = dir.path().join("config.py");
    std::fs::rename(&config, &outside).expect("move out");
    age(&root);
    let (without, _) = named(&[]);
    assert!(!without.contains("LINK_TTL"), "{without}");
    assert_eq!(named(&[]), (without.clone(), true), "listed without it");
    std::fs::rename(&outside, &config).expect("move back");
    assert_eq!(
        named(&[]),
        (with_ttl, false),
        "the directory changed: walked again"
    );
}

/// A scan of a directory with a cache reads again only the files that changed or had
/// something to say: every run reports what a run without a cache reports (counts included),
/// whatever changed in between, and `-v` says how many files the cache answered for.
#[test]
fn a_scan_cache_reports_what_a_scan_without_one_does() {
    let (_dir, root, cache_dir) = aged_copy("python-app");
    std::fs::write(root.join("logo.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("write");
    std::fs::write(root.join("NOTES.md"), "# Notes\nNothing signed here.\n").expect("write");
    std::fs::write(
        root.join("app/quiet.py"),
        "def add(a, b):\n    return a + b\n",
    )
    .expect("write");
    // 45 minutes: quiet under the default limit, a finding under `--max-expiry 30m`.
    std::fs::create_dir_all(root.join("scripts")).expect("mkdir");
    std::fs::write(
        root.join("scripts/share.sh"),
        "#!/bin/sh\ngsutil signurl -d 45m key.json gs://acme-exports/report.csv\n",
    )
    .expect("write");
    age(&root);
    let env = [("PRESIGN_LINT_CACHE_DIR", cache_dir.as_str())];
    // The whole report, and how many files the cache answered for.
    let scan = |extra: &[&str]| {
        let mut args = vec!["check", ".", "--no-config", "--format", "json", "-v"];
        args.extend_from_slice(extra);
        let out = common::run_with_env(&root, &args, &env);
        assert!(out.code <= 1, "{}", out.stderr);
        let answered = out
            .stderr
            .lines()
            .find_map(|l| l.strip_prefix("presign-lint: cache: "))
            .and_then(|l| l.split(' ').next())
            .map(|n| n.parse::<usize>().expect("a count"));
        (out.stdout, answered)
    };
    let uncached = || scan(&["--no-cache"]).0;
    let expected = uncached();
    assert!(expected.contains("LINK_TTL = 604800"), "{expected}");
    assert!(expected.contains("\"skipped_binary\": 1"), "{expected}");
    assert_eq!(scan(&[]), (expected.clone(), Some(0)), "cold");
    let (warm, answered) = scan(&[]);
    assert_eq!(warm, expected, "warm");
    // The quiet files: `config.py` (whose constant another file's finding needs, found
    // through its identifiers), `quiet.py`, `NOTES.md`, the binary file, and the others
    // with nothing to say.
    let answered = answered.expect("-v counts");
    assert!(answered >= 4, "{answered}");
    assert_eq!(scan(&[]).1, Some(answered), "nothing changed");

    // A quiet file that says something now; one edited with its size and modification time
    // kept (its change time is not); a constant another file's finding reads.
    // The fixture's signed URL, for another bucket (kept out of this file's own text).
    let report = std::fs::read_to_string(root.join("app/report.py")).expect("read");
    let url = report
        .split('"')
        .find(|s| s.starts_with("https://"))
        .expect("a URL")
        .replace("acme-reports-prod", "acme-notes");
    std::fs::write(root.join("NOTES.md"), format!("# Notes\n{url}\n")).expect("write");
    let quiet = root.join("app/quiet.py");
    let modified = std::fs::metadata(&quiet)
        .and_then(|m| m.modified())
        .expect("mtime");
    std::fs::write(&quiet, "def add(a, b):\n    print(a + b)\n").expect("write");
    std::fs::File::options()
        .write(true)
        .open(&quiet)
        .and_then(|f| f.set_modified(modified))
        .expect("set mtime");
    let config = root.join("app/config.py");
    let text = std::fs::read_to_string(&config).expect("read");
    std::fs::write(&config, text.replace("7 * DAY", "8 * DAY")).expect("write");
    let changed = uncached();
    assert!(changed != expected, "the changes change the report");
    assert!(changed.contains("acme-notes"), "{changed}");
    assert!(changed.contains("LINK_TTL = 691200"), "{changed}");
    assert_eq!(scan(&[]).0, changed, "changed files read again");
    age(&root);
    assert_eq!(scan(&[]).0, changed, "aged");
    assert_eq!(scan(&[]).0, changed, "warm again");

    // Flags that change what a file says are part of the key.
    let strict = scan(&["--max-expiry", "30m", "--no-cache"]).0;
    assert!(strict.contains("scripts/share.sh"), "{strict}");
    assert_eq!(scan(&["--max-expiry", "30m"]).0, strict);
    assert_eq!(scan(&["--max-expiry", "30m"]).0, strict);
    assert_eq!(scan(&[]).0, changed);
}

/// A named file's context is the source files that share its project root and language: a
/// file of another language, or under a nearer project marker, cannot reach its lookups and
/// is not read (even when it defines a presigning function of the same name). What the named
/// file reports is what a scan of the whole project reports for it.
#[test]
fn a_named_files_context_is_its_own_root_and_language() {
    let (_dir, root, cache_dir) = aged_copy("python-app");
    let files = [
        // Another language: a JavaScript `signed_link` that presigns for a day.
        (
            "web/links.js",
            "const { getSignedUrl } = require('@aws-sdk/s3-request-presigner');\nexport async function signed_link(client, cmd, ttl) {\n  return getSignedUrl(client, cmd, { expiresIn: 86400 });\n}\n",
        ),
        // Another project root: a Python `LINK_TTL` of its own.
        ("tools/pyproject.toml", "[project]\nname = \"tools\"\n"),
        ("tools/config.py", "LINK_TTL = 60\n"),
    ];
    for (name, text) in files {
        let path = root.join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    age(&root);
    let env = [("PRESIGN_LINT_CACHE_DIR", cache_dir.as_str())];
    let whole: Vec<String> = findings_of(
        &root,
        &[
            "check",
            ".",
            "--no-config",
            "--format",
            "json",
            "--no-cache",
        ],
    )
    .into_iter()
    .filter(|(path, _)| path == "app/links.py")
    .map(|(_, f)| f)
    .collect();
    assert!(
        whole.iter().any(|f| f.contains("LINK_TTL = 604800")),
        "{whole:?}"
    );
    for extra in [&["--no-cache"][..], &[], &[]] {
        let out = links_verbose(&root, &env, extra);
        let named: Vec<String> = json(&out)["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| f.to_string())
            .collect();
        assert_eq!(named, whole, "{extra:?}");
        assert!(
            out.stderr
                .contains("context: 2 source files of other project roots or languages not read"),
            "{extra:?}: {}",
            out.stderr
        );
    }
}

/// Another scanner's waiver with an end date stops waiving when the date passes, with the
/// file unchanged: a scan's cache never answers for such a file, and does for one whose
/// waiver has no end.
#[test]
fn a_scan_cache_reads_again_a_file_whose_waiver_ends() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("infra");
    std::fs::create_dir_all(&root).expect("mkdir");
    let bucket = |waiver: &str, name: &str| {
        format!(
            "{waiver}\nresource \"aws_s3_bucket\" \"{name}\" {{\n  bucket = \"acme-{name}\"\n}}\n"
        )
    };
    std::fs::write(
        root.join("until.tf"),
        bucket("#tfsec:ignore:AWS002:exp:2999-01-31", "until"),
    )
    .expect("write");
    std::fs::write(
        root.join("always.tf"),
        bucket("#tfsec:ignore:AWS002", "always"),
    )
    .expect("write");
    age(&root);
    let cache = dir.path().join("cache");
    let env = [(
        "PRESIGN_LINT_CACHE_DIR",
        cache.to_str().expect("UTF-8 temp path"),
    )];
    let scan = || {
        let out = common::run_with_env(
            &root,
            &["check", ".", "--no-config", "--format", "json", "-v"],
            &env,
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(
            json(&out)["findings"]
                .as_array()
                .expect("findings")
                .is_empty(),
            "waived"
        );
        out.stderr
    };
    assert!(scan().contains("cache: 0 of 2 files"), "cold");
    let warm = scan();
    assert!(
        warm.contains("cache: 1 of 2 files"),
        "only `always.tf` answered: {warm}"
    );
}

#[test]
fn runs_racing_on_one_cache_agree() {
    let (_dir, root, cache) = aged_copy("typescript-app");
    let cached_run = |root: &std::path::Path, cache: &str| {
        common::run_with_env(
            root,
            &["check", "src/routes.ts", "--no-config", "--format", "json"],
            &[("PRESIGN_LINT_CACHE_DIR", cache)],
        )
        .stdout
    };
    let expected = findings_of(
        &root,
        &[
            "check",
            "src/routes.ts",
            "--no-config",
            "--format",
            "json",
            "--no-cache",
        ],
    );
    assert!(!expected.is_empty());
    let runs: Vec<_> = (0..4)
        .map(|_| {
            let (root, cache) = (root.clone(), cache.clone());
            std::thread::spawn(move || cached_run(&root, &cache))
        })
        .collect();
    let outputs: Vec<String> = runs.into_iter().map(|r| r.join().expect("run")).collect();
    let after = cached_run(&root, &cache);
    for out in outputs.iter().chain([&after]) {
        let findings: Vec<String> =
            serde_json::from_str::<serde_json::Value>(out).expect("JSON")["findings"]
                .as_array()
                .expect("findings")
                .iter()
                .map(|f| f.to_string())
                .collect();
        let expected: Vec<String> = expected.iter().map(|(_, f)| f.clone()).collect();
        assert_eq!(findings, expected);
    }
}

#[test]
fn no_project_analyses_each_file_on_its_own() {
    let args = |extra: &'static str| {
        let mut a = vec![
            "check",
            "testdata/projects/python-app/app/views.py",
            "--no-config",
            "--format",
            "json",
        ];
        a.extend([extra].into_iter().filter(|e| !e.is_empty()));
        a
    };
    let with = findings_of(&repo_root(), &args(""));
    let without = findings_of(&repo_root(), &args("--no-project"));
    // The wrappers live in links.py: only the project-wide analysis sees them.
    assert!(
        with.iter().any(|(_, f)| f.contains("presign-in-loop")),
        "{with:?}"
    );
    assert!(without.is_empty(), "{without:?}");
}

/// What a scan keeps per file (the candidates of the later passes, the syntax facts it made,
/// the filters of the cache entries it made) goes to a temporary file past a memory budget:
/// with a budget of nothing (a debug build's `PRESIGN_LINT_TEST_SPILL`), everything takes
/// that path, and every fixture project reports what it reports within the budget, with the
/// caches cold and warm, for a named file, and when the temporary file cannot be made (an
/// unwritable `TMPDIR`: everything stays in memory).
#[test]
fn a_scan_past_its_memory_budget_reports_what_one_within_it_does() {
    let projects = std::fs::read_dir(repo_root().join("testdata/projects")).expect("projects");
    let mut names: Vec<String> = projects
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 12, "{names:?}");
    for project in names {
        let (dir, root, cache_dir) = aged_copy(&project);
        let missing = dir.path().join("no-such-dir");
        let missing = missing.to_str().expect("UTF-8 temp path");
        let scan = |args: &[&str], env: &[(&str, &str)]| {
            let mut all = args.to_vec();
            all.extend_from_slice(&["--no-config", "--format", "json"]);
            let out = common::run_with_env(&root, &all, env);
            assert!(out.code <= 1, "{project}: {}", out.stderr);
            out.stdout
        };
        let spill = ("PRESIGN_LINT_TEST_SPILL", "0");
        let cache = ("PRESIGN_LINT_CACHE_DIR", cache_dir.as_str());
        let expected = scan(&["check", ".", "--no-cache"], &[]);
        assert!(expected.contains("\"findings\""), "{project}: {expected}");
        assert_eq!(
            scan(&["check", ".", "--no-cache"], &[spill]),
            expected,
            "{project}: spilled"
        );
        for run in ["cold", "warm"] {
            assert_eq!(
                scan(&["check", "."], &[spill, cache]),
                expected,
                "{project}: spilled, cache {run}"
            );
        }
        assert_eq!(
            scan(&["check", ".", "--no-cache"], &[spill, ("TMPDIR", missing)]),
            expected,
            "{project}: no temporary file"
        );
        // A named file's project, read for context, spilled.
        let named = std::fs::read_dir(&root)
            .expect("root")
            .flatten()
            .map(|e| e.path())
            .find(|p| p.is_dir() && p.file_name().is_some_and(|n| n != ".git"))
            .and_then(|d| first_source_file(&d));
        if let Some(named) = named {
            let named = named.strip_prefix(&root).expect("under root");
            let named = named.to_str().expect("UTF-8 path");
            let expected = scan(&["check", named, "--no-cache"], &[]);
            assert_eq!(
                scan(&["check", named], &[spill, cache]),
                expected,
                "{project}: {named} spilled"
            );
        }
    }
}

/// The first file under `dir`, in name order, that a front end reads.
fn first_source_file(dir: &std::path::Path) -> Option<std::path::PathBuf> {
    let mut entries: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    let source = [
        "py", "ts", "js", "go", "java", "kt", "cs", "php", "rb", "rs", "cpp", "swift", "scala",
    ];
    entries.iter().find_map(|p| {
        if p.is_dir() {
            first_source_file(p)
        } else {
            p.extension()
                .and_then(|e| e.to_str())
                .filter(|e| source.contains(e))
                .map(|_| p.clone())
        }
    })
}
