//! `presign-lint history`: small repositories built with the git CLI in a temp dir, with leaks
//! added, deleted, renamed, copied across branches, merged and tagged, and hostile ones
//! (huge, binary, submodules, shallow, missing and corrupt objects, many refs, non-UTF-8
//! paths). Every URL and key is assembled at run time ([`common::Fake`]): this file holds none.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Fake, Run, json, run, run_os};
use serde_json::Value;

/// The scan's clock in every test: the URLs of `common` are signed in January 2024.
const NOW: &str = "2024-06-01T00:00:00Z";

struct Repo {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Repo {
    fn new() -> Repo {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("repo");
        std::fs::create_dir(&path).expect("repo dir");
        let repo = Repo { _dir: dir, path };
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    /// Runs git with a fixed identity; the test fails if git does.
    fn git(&self, args: &[&str]) -> String {
        git_in(&self.path, args, "2024-01-01T00:00:00Z")
    }

    fn write(&self, path: &str, text: &str) {
        let file = self.path.join(path);
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(file, text).expect("write");
    }

    /// Commits everything at `date` (author and committer); returns the commit id.
    fn commit(&self, date: &str, message: &str) -> String {
        git_in(&self.path, &["add", "-A"], date);
        git_in(
            &self.path,
            &["commit", "-q", "--allow-empty", "-m", message],
            date,
        );
        self.head()
    }

    fn head(&self) -> String {
        self.git(&["rev-parse", "HEAD"]).trim().to_string()
    }

    fn history(&self, args: &[&str]) -> Run {
        let mut all = vec!["history", "--no-config", "--now", NOW];
        all.extend_from_slice(args);
        run(&self.path, &all)
    }

    fn history_json(&self, args: &[&str]) -> (Run, Value) {
        let mut all = vec!["--format", "json"];
        all.extend_from_slice(args);
        let out = self.history(&all);
        let doc = json(&out);
        (out, doc)
    }
}

fn git_in(dir: &Path, args: &[&str], date: &str) -> String {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// An S3 SigV4 URL signed 2024-01-15 for an hour: expired at [`NOW`].
fn expired_url(seed: u64) -> String {
    common::signed_url(seed)
}

/// The same kind of URL signed 2024-05-31 for 7 days: live at [`NOW`], until 2024-06-07.
fn live_url(seed: u64) -> String {
    let url = common::signed_url(seed);
    let live = url
        .replace("X-Amz-Date=20240115T101500Z", "X-Amz-Date=20240531T120000Z")
        .replace("X-Amz-Expires=3600", "X-Amz-Expires=604800");
    assert_ne!(url, live, "the fake URL's date and lifetime moved");
    live
}

/// A `.env` with an AWS key pair.
fn credentials(seed: u64) -> (String, String) {
    let mut fake = Fake::new(seed);
    let key = fake.aws_key("AKIA");
    let secret = fake.pick(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
        40,
    );
    (
        format!("AWS_ACCESS_KEY_ID={key}\nAWS_SECRET_ACCESS_KEY={secret}\n"),
        secret,
    )
}

fn findings(doc: &Value) -> Vec<Value> {
    doc["findings"].as_array().expect("findings").clone()
}

/// (path, level, commit id, live) of each finding.
fn summary_of(doc: &Value) -> Vec<(String, String, String, bool)> {
    findings(doc)
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap_or_default().to_string(),
                f["level"].as_str().unwrap_or_default().to_string(),
                f["commit"]["id"].as_str().unwrap_or_default().to_string(),
                f["details"]["live"].as_bool().unwrap_or(false),
            )
        })
        .collect()
}

fn signature_of(url: &str) -> &str {
    url.rsplit('=').next().unwrap_or_default()
}

#[test]
fn leaks_added_then_deleted_are_found_with_their_commit_and_liveness() {
    let repo = Repo::new();
    let old = expired_url(1);
    let fresh = live_url(2);
    repo.write("config.py", &format!("URL = \"{old}\"\n"));
    let first = repo.commit("2024-01-15T10:00:00Z", "add config");
    repo.git(&["rm", "-q", "config.py"]);
    repo.commit("2024-01-16T10:00:00Z", "remove it");
    repo.write("docs/share.md", &format!("Download: {fresh}\n"));
    let second = repo.commit("2024-05-31T13:00:00+02:00", "share a link");
    repo.git(&["rm", "-q", "docs/share.md"]);
    repo.commit("2024-05-31T14:00:00Z", "oops, remove the link");

    let (out, doc) = repo.history_json(&[]);
    assert_eq!(out.code, 1, "{}\n{}", out.stderr, out.stdout);
    assert_eq!(
        summary_of(&doc),
        vec![
            ("config.py".into(), "note".into(), first.clone(), false),
            ("docs/share.md".into(), "error".into(), second.clone(), true),
        ]
    );
    let all = findings(&doc);
    assert_eq!(all[0]["commit"]["author_date"], "2024-01-15T10:00:00Z");
    assert_eq!(all[0]["commit"]["path"], "config.py");
    assert_eq!(all[0]["line"], 1);
    assert_eq!(all[0]["details"]["expires_at"], "2024-01-15T11:15:00Z");
    let message = all[0]["message"].as_str().unwrap_or_default();
    assert!(
        message.starts_with("expired: ") && message.contains("bucket `acme-data`"),
        "{message}"
    );
    assert_eq!(all[1]["commit"]["author_date"], "2024-05-31T13:00:00+02:00");
    assert_eq!(all[1]["details"]["expires_at"], "2024-06-07T12:00:00Z");
    let message = all[1]["message"].as_str().unwrap_or_default();
    assert!(
        message.starts_with("live: ") && message.contains("until 2024-06-07T12:00:00Z"),
        "{message}"
    );
    assert_eq!(doc["summary"]["history"]["commits"], 4);
    // Another clock: both have expired.
    let out = run(
        &repo.path,
        &[
            "history",
            "--no-config",
            "--now",
            "1893456000",
            "--format",
            "json",
        ],
    );
    let levels: Vec<_> = findings(&json(&out))
        .iter()
        .map(|f| f["level"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(levels, ["note", "note"]);
    assert_eq!(out.code, 0, "notes do not fail the default --fail-on");
}

/// An Azure SAS valid from 2024-07-01 to 2024-08-01 (`st`, `se`): at [`NOW`], not valid yet.
fn future_sas(seed: u64) -> String {
    let sig = Fake::new(seed).pick(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
        43,
    );
    format!(
        "https://acmefinanceaudit.blob.core.windows.net/trails/audit.csv?sv=2022-11-02&sr=b&sp=r&st=2024-07-01T00:00:00Z&se=2024-08-01T00:00:00Z&spr=https&sig={sig}%3D"
    )
}

/// A SAS whose start (`st`) is still to come is live: it says from when, and until when.
#[test]
fn a_sas_not_valid_yet_is_live_from_its_start() {
    let repo = Repo::new();
    let sas = future_sas(9);
    repo.write("share.md", &format!("Audit trail: {sas}\n"));
    let commit = repo.commit("2024-05-20T09:00:00Z", "share the audit trail");
    let (out, doc) = repo.history_json(&[]);
    assert_eq!(out.code, 1, "{}\n{}", out.stderr, out.stdout);
    assert_eq!(
        summary_of(&doc),
        vec![("share.md".into(), "error".into(), commit, true)]
    );
    let finding = &findings(&doc)[0];
    assert_eq!(finding["details"]["not_before"], "2024-07-01T00:00:00Z");
    assert_eq!(finding["details"]["expires_at"], "2024-08-01T00:00:00Z");
    let message = finding["message"].as_str().unwrap_or_default();
    assert!(
        message.starts_with("live: ")
            && message.contains("from 2024-07-01T00:00:00Z until 2024-08-01T00:00:00Z"),
        "{message}"
    );
    assert!(
        !out.stdout
            .contains(signature_of(&sas).trim_end_matches("%3D"))
    );
    // Once the start has passed, only the end is said; once the end has, it is expired.
    for (now, level, live) in [
        ("2024-07-15T00:00:00Z", "error", true),
        ("2024-09-01T00:00:00Z", "note", false),
    ] {
        let out = run(
            &repo.path,
            &["history", "--no-config", "--now", now, "--format", "json"],
        );
        let doc: Value = serde_json::from_str(&out.stdout).expect("json");
        let finding = &findings(&doc)[0];
        assert_eq!(finding["level"], level, "{now}");
        assert_eq!(finding["details"]["live"], live, "{now}");
        assert!(finding["details"].get("not_before").is_none(), "{now}");
    }
}

#[test]
fn a_blob_renamed_copied_across_branches_and_merged_is_one_finding_of_its_first_commit() {
    let repo = Repo::new();
    let url = live_url(3);
    repo.write("leak.txt", &format!("{url}\n"));
    let first = repo.commit("2024-02-01T00:00:00Z", "add");
    repo.git(&["mv", "leak.txt", "moved.txt"]);
    repo.commit("2024-02-02T00:00:00Z", "rename");
    repo.git(&["checkout", "-q", "-b", "feature"]);
    repo.write("copies/again.txt", &format!("{url}\n"));
    repo.commit("2024-02-03T00:00:00Z", "copy");
    repo.git(&["checkout", "-q", "main"]);
    repo.write("other.txt", "nothing here\n");
    repo.commit("2024-02-04T00:00:00Z", "unrelated");
    git_in(
        &repo.path,
        &["merge", "-q", "--no-edit", "feature"],
        "2024-02-05T00:00:00Z",
    );
    // A later edit of the same file keeps the URL: a new blob, the same leak.
    repo.write("moved.txt", &format!("{url}\nmore text\n"));
    repo.commit("2024-02-06T00:00:00Z", "edit");

    let (_, doc) = repo.history_json(&[]);
    assert_eq!(
        summary_of(&doc),
        vec![("leak.txt".into(), "error".into(), first, true)]
    );
    let f = &findings(&doc)[0];
    assert_eq!(f["occurrences"]["paths"], 3, "{f}");
    assert_eq!(f["occurrences"]["commits"], 3, "{f}");
    // The human report groups the copies on one line.
    let out = repo.history(&[]);
    assert!(
        out.stdout.contains(
            "the same content was added by 3 commits at 3 paths: also moved.txt, copies/again.txt"
        ),
        "{}",
        out.stdout
    );
}

#[test]
fn a_commit_only_a_tag_reaches_is_scanned_by_default() {
    let repo = Repo::new();
    repo.write("README", "hello\n");
    repo.commit("2024-03-01T00:00:00Z", "init");
    repo.git(&["checkout", "-q", "--detach"]);
    repo.write("release.txt", &format!("{}\n", live_url(4)));
    let tagged = repo.commit("2024-03-02T00:00:00Z", "release only");
    repo.git(&["tag", "-a", "-m", "v1", "v1"]);
    repo.git(&["checkout", "-q", "main"]);

    let (_, doc) = repo.history_json(&[]);
    assert_eq!(
        summary_of(&doc),
        vec![("release.txt".into(), "error".into(), tagged, true)]
    );
    let (_, doc) = repo.history_json(&["--rev", "main"]);
    assert!(findings(&doc).is_empty(), "{doc}");
}

#[test]
fn since_reports_only_what_is_new_even_when_a_later_commit_deletes_it() {
    let repo = Repo::new();
    repo.write("old.txt", &format!("{}\n", live_url(5)));
    repo.commit("2024-03-01T00:00:00Z", "old leak on main");
    repo.git(&["checkout", "-q", "-b", "pr"]);
    repo.write("old-copy.txt", &format!("{}\n", live_url(5)));
    repo.write("new.txt", &format!("{}\n", live_url(6)));
    let added = repo.commit("2024-03-02T00:00:00Z", "new leak");
    repo.git(&["rm", "-q", "new.txt"]);
    repo.commit("2024-03-03T00:00:00Z", "delete it again");

    let (out, doc) = repo.history_json(&["--rev", "pr", "--since", "main"]);
    assert_eq!(out.code, 1);
    assert_eq!(
        summary_of(&doc),
        vec![("new.txt".into(), "error".into(), added, true)]
    );
    assert_eq!(doc["summary"]["history"]["commits"], 2);
    let out = repo.history(&["--since", "no-such-branch"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("--since no-such-branch"),
        "{}",
        out.stderr
    );
}

#[test]
fn credentials_are_errors_public_since_their_commit() {
    let repo = Repo::new();
    let (env, secret) = credentials(7);
    repo.write(".env", &env);
    let added = repo.commit("2023-11-20T08:30:00-05:00", "env");
    repo.git(&["rm", "-q", ".env"]);
    repo.commit("2023-11-21T00:00:00Z", "remove env");

    let (out, doc) = repo.history_json(&[]);
    assert_eq!(out.code, 1);
    let all = findings(&doc);
    assert_eq!(all.len(), 1, "{doc}");
    assert_eq!(all[0]["lint"], "hardcoded-credentials");
    assert_eq!(all[0]["level"], "error");
    assert_eq!(all[0]["commit"]["id"], added.as_str());
    assert_eq!(all[0]["details"]["live"], true);
    let message = all[0]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("public in git history since 2023-11-20T08:30:00-05:00"),
        "{message}"
    );
    assert!(!out.stdout.contains(&secret));
}

#[test]
fn no_format_prints_a_secret_and_sarif_names_the_commit() {
    let repo = Repo::new();
    let url = live_url(8);
    let (env, secret) = credentials(9);
    repo.write("a.md", &format!("{url}\n"));
    repo.write("deploy/.env", &env);
    let commit = repo.commit("2024-04-01T00:00:00Z", "leaks");
    for format in ["human", "concise", "json", "sarif", "github", "gitlab"] {
        let out = repo.history(&["--format", format]);
        assert_eq!(out.code, 1, "{format}: {}", out.stderr);
        for secret in [signature_of(&url), secret.as_str()] {
            assert!(
                !out.stdout.contains(secret) && !out.stderr.contains(secret),
                "{format} printed a secret"
            );
        }
        assert!(
            out.stdout.contains(&commit[..12]),
            "{format}: {}",
            out.stdout
        );
    }
    let out = repo.history(&["--format", "sarif"]);
    let doc = json(&out);
    common::assert_valid(&common::sarif_validator(), &doc, "history SARIF");
    let run = &doc["runs"][0];
    assert_eq!(
        run["versionControlProvenance"][0]["revisionId"],
        commit.as_str()
    );
    assert_eq!(run["versionControlProvenance"][0]["branch"], "main");
    let result = &run["results"][0];
    assert_eq!(result["properties"]["commit"]["id"], commit.as_str());
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "a.md"
    );
}

#[test]
fn a_baseline_records_old_leaks_and_fails_only_on_new_ones() {
    let repo = Repo::new();
    repo.write("a.txt", &format!("{}\n", live_url(10)));
    repo.commit("2024-04-01T00:00:00Z", "old");
    let baseline = repo.path.join("../baseline.json");
    let baseline = baseline.to_string_lossy().into_owned();
    let out = repo.history(&["--write-baseline", &baseline]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = repo.history(&["--baseline", &baseline]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    repo.write("b.txt", &format!("{}\n", live_url(11)));
    repo.commit("2024-04-02T00:00:00Z", "new");
    let out = repo.history(&["--baseline", &baseline, "--format", "json"]);
    assert_eq!(out.code, 1);
    let doc = json(&out);
    let paths: Vec<_> = findings(&doc)
        .iter()
        .map(|f| f["path"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(paths, ["b.txt"]);
    assert_eq!(doc["summary"]["suppressed"], 1);
}

#[test]
fn huge_binary_submodule_and_non_utf8_blobs() {
    let repo = Repo::new();
    let url = live_url(12);
    // Over the cap: skipped and counted, even with a leak in it.
    repo.write("big.txt", &format!("{url}\n{}", "x".repeat(5000)));
    // Binary: a NUL early on.
    repo.write("blob.bin", &format!("\0\0{url}\n"));
    repo.write("small.txt", &format!("{}\n", live_url(13)));
    repo.commit("2024-04-01T00:00:00Z", "files");
    // A gitlink to a commit that is not in this repository.
    let head = repo.head();
    repo.git(&[
        "update-index",
        "--add",
        "--cacheinfo",
        &format!("160000,{head},vendor/sub"),
    ]);
    git_in(
        &repo.path,
        &["commit", "-q", "-m", "submodule"],
        "2024-04-02T00:00:00Z",
    );
    let out = repo.history(&["--max-filesize", "4096", "--format", "json"]);
    let doc = json(&out);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let paths: Vec<_> = findings(&doc)
        .iter()
        .map(|f| f["path"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(paths, ["small.txt"]);
    assert_eq!(doc["summary"]["skipped_large"], 1);
    assert_eq!(doc["summary"]["skipped_binary"], 1);
    assert_eq!(doc["summary"]["history"]["skipped_submodules"], 1);
    let out = repo.history(&["--max-filesize", "4096"]);
    assert!(
        out.stdout.contains("1 blob over the size limit skipped")
            && out.stdout.contains("1 binary blob skipped")
            && out.stdout.contains("1 submodule commit not followed"),
        "{}",
        out.stdout
    );
}

#[cfg(unix)]
#[test]
fn non_utf8_paths_are_shown_lossily() {
    use std::os::unix::ffi::OsStrExt;
    let repo = Repo::new();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::write(repo.path.join(name), format!("{}\n", live_url(14))).expect("write");
    repo.commit("2024-04-01T00:00:00Z", "latin-1 name");
    let out = run_os(
        &repo.path,
        &[
            "history".as_ref(),
            "--no-config".as_ref(),
            "--now".as_ref(),
            NOW.as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
        ],
    );
    let doc = json(&out);
    assert_eq!(findings(&doc)[0]["path"], "caf\u{fffd}.txt");
}

#[test]
fn a_shallow_clone_is_scanned_and_said_to_be_truncated() {
    let repo = Repo::new();
    repo.write("old.txt", &format!("{}\n", live_url(15)));
    repo.commit("2024-04-01T00:00:00Z", "old");
    repo.git(&["rm", "-q", "old.txt"]);
    repo.write("new.txt", &format!("{}\n", live_url(16)));
    repo.commit("2024-04-02T00:00:00Z", "new");
    let clone = repo.path.join("../shallow");
    let source = format!("file://{}", repo.path.display());
    git_in(
        &repo.path,
        &[
            "clone",
            "-q",
            "--depth",
            "1",
            &source,
            &clone.to_string_lossy(),
        ],
        "2024-04-03T00:00:00Z",
    );
    let out = run(
        &clone,
        &["history", "--no-config", "--now", NOW, "--format", "json"],
    );
    let doc = json(&out);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let paths: Vec<_> = findings(&doc)
        .iter()
        .map(|f| f["path"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(paths, ["new.txt"]);
    assert_eq!(doc["summary"]["history"]["truncated"], true);
    let out = run(&clone, &["history", "--no-config", "--now", NOW]);
    assert!(
        out.stdout.contains("history truncated (shallow clone)"),
        "{}",
        out.stdout
    );
}

/// The loose object file of `id`.
fn loose(repo: &Repo, id: &str) -> PathBuf {
    repo.path.join(".git/objects").join(&id[..2]).join(&id[2..])
}

fn blob_id(repo: &Repo, spec: &str) -> String {
    repo.git(&["rev-parse", spec]).trim().to_string()
}

#[test]
fn a_missing_object_is_reported_and_the_rest_scanned() {
    let repo = Repo::new();
    repo.write("gone.txt", &format!("{}\n", live_url(17)));
    repo.write("kept.txt", &format!("{}\n", live_url(18)));
    repo.commit("2024-04-01T00:00:00Z", "two");
    let gone = blob_id(&repo, "HEAD:gone.txt");
    std::fs::remove_file(loose(&repo, &gone)).expect("remove the loose blob");
    let (out, doc) = repo.history_json(&[]);
    assert_eq!(out.code, 1, "missing objects are not fatal: {}", out.stdout);
    assert_eq!(summary_of(&doc).len(), 1);
    assert_eq!(doc["unchecked"][0]["kind"], "missing-object");
    assert_eq!(doc["unchecked"][0]["path"], "gone.txt");
    assert!(
        doc["unchecked"][0]["reason"]
            .as_str()
            .unwrap_or_default()
            .contains(&gone)
    );
    assert_eq!(doc["summary"]["history"]["missing_objects"], 1);
}

#[test]
fn a_corrupt_object_is_exit_2_naming_it() {
    let repo = Repo::new();
    repo.write("bad.txt", &format!("{}\n", live_url(19)));
    repo.write("good.txt", &format!("{}\n", live_url(20)));
    repo.commit("2024-04-01T00:00:00Z", "two");
    let bad = blob_id(&repo, "HEAD:bad.txt");
    let path = loose(&repo, &bad);
    let mut permissions = std::fs::metadata(&path).expect("stat").permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    std::fs::set_permissions(&path, permissions).expect("chmod");
    std::fs::write(&path, b"this is not zlib data at all").expect("corrupt");
    let (out, doc) = repo.history_json(&[]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert_eq!(summary_of(&doc).len(), 1, "the rest is still reported");
    assert_eq!(doc["errors"][0]["path"], format!("blob {bad}"));
}

#[test]
fn a_corrupt_pack_is_exit_2_and_never_a_panic() {
    let repo = Repo::new();
    for i in 0..20u64 {
        repo.write(
            &format!("f{i}.txt"),
            &format!("{}\n{}\n", live_url(30 + i), "y".repeat(300)),
        );
    }
    repo.commit("2024-04-01T00:00:00Z", "many");
    repo.git(&["repack", "-q", "-a", "-d"]);
    repo.git(&["prune-packed"]);
    let pack_dir = repo.path.join(".git/objects/pack");
    let pack = std::fs::read_dir(&pack_dir)
        .expect("pack dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "pack"))
        .expect("a pack");
    let mut bytes = std::fs::read(&pack).expect("read pack");
    // Past the 12-byte header, clobber the middle: some object's zlib stream breaks.
    let middle = bytes.len() / 2;
    for b in &mut bytes[middle..middle + 64] {
        *b ^= 0x5a;
    }
    let mut permissions = std::fs::metadata(&pack).expect("stat").permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    std::fs::set_permissions(&pack, permissions).expect("chmod");
    std::fs::write(&pack, bytes).expect("write pack");
    let (out, doc) = repo.history_json(&[]);
    assert_eq!(out.code, 2, "{}\n{}", out.stdout, out.stderr);
    let error = doc["errors"][0]["path"].as_str().unwrap_or_default();
    let (kind, id) = error.split_once(' ').unwrap_or_default();
    assert!(["blob", "tree", "commit"].contains(&kind), "{error}");
    assert_eq!(id.len(), 40, "{error}");
    assert!(!out.stderr.contains("internal error"), "{}", out.stderr);
}

#[test]
fn thousands_of_refs() {
    let repo = Repo::new();
    repo.write("a.txt", &format!("{}\n", live_url(60)));
    let head = repo.commit("2024-04-01T00:00:00Z", "one");
    let mut stdin = String::new();
    for i in 0..3000 {
        stdin.push_str(&format!("create refs/tags/t{i} {head}\n"));
    }
    let mut child = Command::new("git")
        .args(["update-ref", "--stdin"])
        .current_dir(&repo.path)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .expect("git update-ref");
    {
        use std::io::Write;
        let mut pipe = child.stdin.take().expect("stdin");
        pipe.write_all(stdin.as_bytes()).expect("write refs");
    }
    assert!(child.wait().expect("wait").success());
    let (out, doc) = repo.history_json(&[]);
    assert_eq!(out.code, 1);
    assert_eq!(summary_of(&doc).len(), 1);
    assert_eq!(doc["summary"]["history"]["commits"], 1);
}

#[test]
fn not_a_repository_is_exit_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = run(dir.path(), &["history", "--no-config"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("not a git repository"),
        "{}",
        out.stderr
    );
}

/// `check` is the default subcommand, so `presign-lint history` once scanned a directory of
/// that name: outside a repository, the error says how to do that now.
#[test]
fn outside_a_repository_a_history_directory_gets_a_hint() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("history")).expect("mkdir");
    let out = common::run(dir.path(), &["history"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("not a git repository"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("run `presign-lint check history`"),
        "{}",
        out.stderr
    );
}
