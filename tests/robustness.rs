//! Hostile inputs, end to end: nothing panics, hangs or loses a finding; problems are reported
//! in `errors` with exit code 2 and every other file is still scanned.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{Fake, json, run, signed_urls};

fn url(seed: u64) -> String {
    signed_urls(&mut Fake::new(seed)).remove(0).1
}

fn lines_of(out: &common::Run) -> Vec<(String, u64)> {
    json(out)["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn line_endings_and_bom_keep_line_numbers_right() {
    let dir = tempfile::tempdir().expect("tempdir");
    let u = url(1);
    std::fs::write(
        dir.path().join("crlf.py"),
        format!("a = 1\r\nb = 2\r\nU = \"{u}\"\r\n"),
    )
    .expect("write");
    std::fs::write(
        dir.path().join("cr.py"),
        format!("a = 1\rb = 2\rU = \"{u}\"\r"),
    )
    .expect("write");
    std::fs::write(
        dir.path().join("bom.py"),
        format!("\u{FEFF}a = 1\nU = \"{u}\"\n"),
    )
    .expect("write");
    let out = run(dir.path(), &["--no-config", "--format", "json"]);
    assert_eq!(
        lines_of(&out),
        [
            ("bom.py".to_string(), 2),
            ("cr.py".to_string(), 3),
            ("crlf.py".to_string(), 3)
        ]
    );
    assert_eq!(
        json(&out)["findings"][0]["column"],
        6,
        "the BOM is not a column"
    );
}

#[test]
fn pathological_files_finish_in_bounded_time_without_losing_findings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let u = url(2);
    // A 10 MB single line with the URL at its end.
    let mut long = "x".repeat(10 * 1024 * 1024);
    long.push_str(&format!(" \"{u}\"\n"));
    std::fs::write(dir.path().join("minified.js"), long).expect("write");
    // 100k nested brackets in every parsed language, with a finding after them.
    for (name, open, close) in [
        ("deep.py", "(", ")"),
        ("deep.js", "[", "]"),
        ("deep.go", "(", ")"),
        ("deep.rs", "(", ")"),
        ("deep.java", "(", ")"),
        ("deep.rb", "[", "]"),
        ("deep.json", "[", "]"),
    ] {
        let text = format!(
            "x = {}1{}\nU = \"{u}\"\ns3.generate_presigned_url(\"get_object\", ExpiresIn=604800)\n",
            open.repeat(100_000),
            close.repeat(100_000)
        );
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    // Random bytes.
    let mut fake = Fake::new(3);
    let noise: Vec<u8> = fake
        .pick(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/\0\u{1}",
            1 << 20,
        )
        .into_bytes();
    std::fs::write(dir.path().join("noise.dat"), noise).expect("write");

    let started = Instant::now();
    let out = run(
        dir.path(),
        &["--no-config", "--format", "json", "--fail-on", "never"],
    );
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let paths: Vec<String> = lines_of(&out)
        .into_iter()
        .filter(|(_, l)| *l <= 2)
        .map(|(p, _)| p)
        .collect();
    for name in [
        "deep.go",
        "deep.java",
        "deep.js",
        "deep.json",
        "deep.py",
        "deep.rb",
        "deep.rs",
        "minified.js",
    ] {
        assert!(
            paths.contains(&name.to_string()),
            "{name}: finding lost; got {paths:?}"
        );
    }
}

#[cfg(unix)]
#[test]
fn fifos_symlink_loops_and_odd_names_do_not_hang_or_stop_the_scan() {
    use std::os::unix::ffi::OsStrExt;

    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let u = url(4);
    std::fs::write(root.join("good.py"), format!("U = \"{u}\"\n")).expect("write");
    let fifo = root.join("pipe");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(status.success());
    std::fs::create_dir(root.join("loop")).expect("mkdir");
    std::os::unix::fs::symlink("..", root.join("loop/up")).expect("symlink");
    std::os::unix::fs::symlink("self", root.join("self")).expect("symlink");
    let odd = std::ffi::OsStr::from_bytes(b"caf\xe9.py");
    std::fs::write(root.join(odd), format!("U = \"{u}\"\n")).expect("write");

    let walked = run(root, &["--no-config", "--format", "json"]);
    assert_eq!(walked.code, 1, "{}", walked.stderr);
    let paths: Vec<String> = lines_of(&walked).into_iter().map(|(p, _)| p).collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(paths.contains(&"good.py".to_string()));

    // A FIFO named on the command line is reported, not read (which would block forever).
    let named = run(
        root,
        &["--no-config", "--format", "json", "pipe", "good.py"],
    );
    assert_eq!(named.code, 2);
    let doc = json(&named);
    assert_eq!(doc["errors"][0]["path"], "pipe");
    assert_eq!(doc["findings"].as_array().map(Vec::len), Some(1));

    // A dangling symlink named on the command line: missing, exit 2.
    assert_eq!(run(root, &["--no-config", "self"]).code, 2);
}

#[test]
fn a_panic_in_one_file_is_contained() {
    let dir = tempfile::tempdir().expect("tempdir");
    let u = url(5);
    std::fs::write(dir.path().join("a.py"), format!("U = \"{u}\"\n")).expect("write");
    std::fs::write(dir.path().join("boom.py"), format!("U = \"{u}\"\n")).expect("write");
    let out = common::run_with_env(
        dir.path(),
        &["--no-config", "--format", "json"],
        &[("PRESIGN_LINT_TEST_PANIC", "boom.py")],
    );
    assert_eq!(out.code, 2);
    let doc = json(&out);
    assert_eq!(doc["errors"][0]["path"], "boom.py");
    assert_eq!(lines_of(&out), [("a.py".to_string(), 1)]);
    assert!(!out.stderr.contains(&u), "a panic must not print input");
}

#[test]
fn unreadable_named_path_is_exit_2_and_the_rest_is_scanned() {
    let dir = tempfile::tempdir().expect("tempdir");
    let u = url(6);
    std::fs::write(dir.path().join("a.py"), format!("U = \"{u}\"\n")).expect("write");
    let out = run(
        dir.path(),
        &["--no-config", "--format", "json", "a.py", "missing/dir"],
    );
    assert_eq!(out.code, 2);
    assert_eq!(lines_of(&out).len(), 1);
    assert!(Path::new(dir.path()).join("a.py").exists());
}
