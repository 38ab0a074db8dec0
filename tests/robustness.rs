//! Hostile inputs, end to end: nothing panics, hangs or loses a finding; problems are reported
//! in `errors` with exit code 2 and every other file is still scanned.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{Fake, json, run};

/// The suppression marker, assembled so that this file holds none of its own (the dogfood
/// scan of the repository would read them).
const MARKER: &str = concat!("presign", "-lint:");

fn url(seed: u64) -> String {
    common::signed_url(seed)
}

fn lines_of(out: &common::Run) -> Vec<(String, u64)> {
    common::finding_lines(out)
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
    assert!(
        paths.contains(&"caf\u{FFFD}.py".to_string()),
        "a non-UTF-8 name is shown lossily: {paths:?}"
    );
    let named_odd = common::run_os(
        root,
        &[
            std::ffi::OsStr::new("--no-config"),
            std::ffi::OsStr::new("--format"),
            std::ffi::OsStr::new("json"),
            odd,
        ],
    );
    assert_eq!(named_odd.code, 1, "{}", named_odd.stderr);
    assert_eq!(lines_of(&named_odd), [("caf\u{FFFD}.py".to_string(), 1)]);

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

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    bytes
}

#[test]
fn every_text_encoding_keeps_line_numbers_and_binary_is_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let u = url(7);
    let body = format!("# é\r\nx = 1\r\nU = \"{u}\"\r\n");
    std::fs::write(root.join("le.py"), utf16(&body, false)).expect("write");
    std::fs::write(root.join("be.py"), utf16(&body, true)).expect("write");
    std::fs::write(
        root.join("utf8bom_cr.py"),
        format!("\u{FEFF}# é\rx = 1\rU = \"{u}\"\r"),
    )
    .expect("write");
    // Invalid UTF-8 (lone continuation bytes, a truncated sequence) before the URL's line.
    let mut invalid = b"\x80\xBF junk \xE2\x82\nx = '\xFF'\r\n".to_vec();
    invalid.extend_from_slice(format!("U = \"{u}\"\n").as_bytes());
    std::fs::write(root.join("invalid.py"), invalid).expect("write");
    // Random bytes with no NUL in the sniffed prefix are text (lossily decoded) and still
    // scanned; with a NUL they are binary and skipped, not an error.
    let mut fake = Fake::new(8);
    let mut high: Vec<u8> = fake
        .pick(
            "\u{1}\u{7f}\u{80}\u{ff}\u{2028}\u{fffd}abc\n\r\t{[(\"'\\",
            64 * 1024,
        )
        .into_bytes();
    high.extend_from_slice(b"\x81\xFE\xFF\n");
    let line = high.iter().filter(|b| **b == b'\n').count()
        + high
            .windows(2)
            .filter(|w| w[0] == b'\r' && w[1] != b'\n')
            .count()
        + usize::from(high.last() == Some(&b'\r'))
        + 1;
    high.extend_from_slice(format!("U = \"{u}\"\n").as_bytes());
    std::fs::write(root.join("noise.txt"), &high).expect("write");
    let binary: Vec<u8> = (0..=255u8).cycle().take(1 << 16).collect();
    let mut binary_with_url = binary.clone();
    binary_with_url.extend_from_slice(u.as_bytes());
    std::fs::write(root.join("blob.bin"), binary_with_url).expect("write");

    let out = run(root, &["--no-config", "--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let doc = json(&out);
    assert_eq!(doc["errors"].as_array().map(Vec::len), Some(0));
    assert_eq!(doc["summary"]["skipped_binary"], 1);
    assert_eq!(doc["summary"]["files_scanned"], 5);
    assert_eq!(
        lines_of(&out),
        [
            ("be.py".to_string(), 3),
            ("invalid.py".to_string(), 3),
            ("le.py".to_string(), 3),
            ("noise.txt".to_string(), line as u64),
            ("utf8bom_cr.py".to_string(), 3),
        ]
    );
    for f in doc["findings"].as_array().into_iter().flatten() {
        if f["path"] != "noise.txt" {
            assert_eq!(f["column"], 6, "{f}");
        }
    }
}

#[test]
fn a_100_mb_file_is_scanned_in_bounded_time_and_a_larger_one_is_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let u = url(9);
    // 100 MB of code-like lines with a signed URL on the last line.
    let chunk = "def handler(event):\n    return {'statusCode': 200, 'body': event}\n".repeat(1024);
    let lines_per_chunk = chunk.matches('\n').count();
    let chunks = 100 * 1024 * 1024 / chunk.len();
    {
        use std::io::Write;
        let file = std::fs::File::create(root.join("huge.py")).expect("create");
        let mut w = std::io::BufWriter::new(file);
        for _ in 0..chunks {
            w.write_all(chunk.as_bytes()).expect("write");
        }
        writeln!(w, "U = \"{u}\"").expect("write");
    }
    std::fs::write(root.join("small.py"), format!("U = \"{u}\"\n")).expect("write");
    let started = Instant::now();
    let out = run(root, &["--no-config", "--format", "json"]);
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(60), "took {elapsed:?}");
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        lines_of(&out),
        [
            ("huge.py".to_string(), (chunks * lines_per_chunk + 1) as u64),
            ("small.py".to_string(), 1)
        ]
    );

    // Over the size cap: skipped and counted, not an error, the rest still scanned.
    let capped = run(
        root,
        &[
            "--no-config",
            "--format",
            "json",
            "--max-filesize",
            "1000000",
        ],
    );
    assert_eq!(capped.code, 1, "{}", capped.stderr);
    let doc = json(&capped);
    assert_eq!(doc["summary"]["skipped_large"], 1);
    assert_eq!(lines_of(&capped), [("small.py".to_string(), 1)]);
}

#[test]
fn deep_nesting_in_every_parsed_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let u = url(10);
    let n = 100_000;
    let deep = |open: &str, close: &str| format!("{}1{}", open.repeat(n), close.repeat(n));
    let files = [
        ("deep.ts", format!("const x = {};\n", deep("(", ")"))),
        (
            "deep.tsx",
            format!("const x = <a>{{{}}}</a>;\n", deep("[", "]")),
        ),
        ("deep.kt", format!("val x = {}\n", deep("(", ")"))),
        (
            "deep.cs",
            format!("class A {{ int x = {}; }}\n", deep("(", ")")),
        ),
        ("deep.php", format!("<?php\n$x = {};\n", deep("[", "]"))),
        (
            "deep.cpp",
            format!("int f() {{ return {}; }}\n", deep("(", ")")),
        ),
        ("deep.hpp", format!("auto x = {};\n", deep("{", "}"))),
        (
            "deep.swift",
            format!("func f() {{ let x = {} }}\n", deep("(", ")")),
        ),
        ("deep2.swift", format!("let x = {}\n", deep("[", "]"))),
        (
            "deep.scala",
            format!("object A {{ val x = {} }}\n", deep("(", ")")),
        ),
        ("deep.sc", format!("val x = {}\n", deep("f(", ")"))),
        ("deep.mjs", format!("const x = {};\n", deep("{a:", "}"))),
        ("deep.rb", format!("x = {}\n", deep("{a: ", "}"))),
        ("deep.go", format!("var x = {}\n", deep("f(", ")"))),
        // Configuration with a signed-URL word is read by its parser.
        ("deep.toml", format!("presign_ttl = {}\n", deep("[", "]"))),
        ("deep2.toml", format!("presign = {}\n", deep("{a = ", "}"))),
        // Shell scripts are parsed when they run a signing command.
        (
            "deep.sh",
            format!("x={}\naws s3 presign s3://b/k\n", deep("$(", ")")),
        ),
        (
            "deep2.sh",
            format!(
                "{}aws s3 presign s3://b/k\n",
                "bash -c \"sh -c 'eval \\\"".repeat(n / 20)
            ),
        ),
        (
            "deep.java",
            format!("class A {{ int x = {}; }}\n", deep("-(", ")")),
        ),
        (
            "deep.ipynb",
            format!(
                "{{\"cells\": [{{\"cell_type\": \"code\", \"source\": [\"x = {}\\n\"]}}], \"metadata\": {}}}\n",
                deep("(", ")"),
                deep("[", "]")
            ),
        ),
    ];
    let mut names = Vec::new();
    for (name, text) in files {
        // The URL comes after the nesting: the text-level scan must still reach it.
        let text = if name.ends_with(".ipynb") {
            text.replacen("\"metadata\"", &format!("\"u\": \"{u}\", \"metadata\""), 1)
        } else if name.ends_with(".toml") {
            format!("{text}\nu = \"{u}\"\n")
        } else {
            format!("{text}\n// \"{u}\"\n")
        };
        std::fs::write(root.join(name), text).expect("write");
        names.push(name.to_string());
    }
    let started = Instant::now();
    let out = run(root, &["--no-config", "--format", "json"]);
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(json(&out)["errors"].as_array().map(Vec::len), Some(0));
    let mut found: Vec<String> = lines_of(&out).into_iter().map(|(p, _)| p).collect();
    found.dedup();
    names.sort();
    assert_eq!(found, names);
}

#[test]
fn a_file_deleted_during_the_scan_is_an_error_and_the_rest_is_scanned() {
    if !cfg!(debug_assertions) {
        eprintln!("skipping: the file-deleting fault hook exists in debug builds only");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let u = url(11);
    for name in ["a.py", "gone.py", "z.py"] {
        std::fs::write(root.join(name), format!("U = \"{u}\"\n")).expect("write");
    }
    // Deleted between discovery and reading, in a directory walk.
    let walked = common::run_with_env(
        root,
        &["--no-config", "--format", "json"],
        &[("PRESIGN_LINT_TEST_VANISH", "gone.py")],
    );
    assert_eq!(walked.code, 2, "{}", walked.stderr);
    let doc = json(&walked);
    assert_eq!(doc["errors"][0]["path"], "gone.py");
    assert_eq!(doc["errors"][0]["message"], "no such file or directory");
    let paths: Vec<String> = lines_of(&walked).into_iter().map(|(p, _)| p).collect();
    assert_eq!(paths, ["a.py", "z.py"]);

    // Named on the command line, then deleted.
    std::fs::write(root.join("gone.py"), format!("U = \"{u}\"\n")).expect("write");
    let named = common::run_with_env(
        root,
        &["--no-config", "--format", "json", "gone.py", "a.py"],
        &[("PRESIGN_LINT_TEST_VANISH", "gone.py")],
    );
    assert_eq!(named.code, 2, "{}", named.stderr);
    assert_eq!(json(&named)["errors"][0]["path"], "gone.py");
    assert_eq!(lines_of(&named), [("a.py".to_string(), 1)]);
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_directories_are_errors_and_the_rest_is_scanned() {
    use std::os::unix::fs::PermissionsExt;

    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let u = url(12);
    std::fs::write(root.join("a.py"), format!("U = \"{u}\"\n")).expect("write");
    std::fs::write(root.join("locked.py"), format!("U = \"{u}\"\n")).expect("write");
    std::fs::create_dir(root.join("private")).expect("mkdir");
    std::fs::write(root.join("private/b.py"), format!("U = \"{u}\"\n")).expect("write");
    let deny = |p: &Path| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o000)).expect("chmod")
    };
    deny(&root.join("locked.py"));
    deny(&root.join("private"));
    let denied = std::fs::File::open(root.join("locked.py")).is_err();
    let restore = || {
        for (p, mode) in [
            (root.join("private"), 0o755),
            (root.join("locked.py"), 0o644),
        ] {
            let _ = std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode));
        }
    };
    if !denied {
        restore();
        eprintln!(
            "skipping unreadable_files_and_directories_are_errors_and_the_rest_is_scanned: \
             running as root, where chmod 000 does not deny reading"
        );
        return;
    }
    let walked = run(root, &["--no-config", "--format", "json"]);
    let named = run(
        root,
        &["--no-config", "--format", "json", "locked.py", "a.py"],
    );
    restore();

    assert_eq!(walked.code, 2, "{}", walked.stderr);
    let doc = json(&walked);
    let errors: Vec<(String, String)> = doc["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap_or("").to_string(),
                e["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            ("locked.py".to_string(), "permission denied".to_string()),
            ("private".to_string(), "permission denied".to_string())
        ]
    );
    assert_eq!(lines_of(&walked), [("a.py".to_string(), 1)]);

    assert_eq!(named.code, 2, "{}", named.stderr);
    assert_eq!(json(&named)["errors"][0]["path"], "locked.py");
    assert_eq!(lines_of(&named), [("a.py".to_string(), 1)]);
}

/// Issue 16, item 1: a Python file nested 511 `if`s deep overran the external scanner's
/// serialization buffer and a C assertion aborted the process, so no report was printed for
/// any file. The file is now refused as unparsed before the grammar sees it; its text-level
/// findings and every other file are still reported. Likewise a Ruby heredoc word long enough
/// to overrun the Ruby scanner's buffer.
#[test]
fn a_file_that_would_abort_the_parser_is_unparsed_and_the_rest_is_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let u = url(16);
    let mut deep: String = (0..511)
        .map(|i| format!("{}if a:\n", " ".repeat(i)))
        .collect();
    deep.push_str(&format!("{}x = \"{u}\"\n", " ".repeat(511)));
    deep.push_str("link = s3.generate_presigned_url('get_object', ExpiresIn=60)\n");
    std::fs::write(dir.path().join("abort.py"), deep).expect("write");
    let word = "A".repeat(1019);
    std::fs::write(
        dir.path().join("heredoc.rb"),
        format!("x = <<~{word}\n  presign\n{word}\n"),
    )
    .expect("write");
    std::fs::write(dir.path().join("ok.py"), format!("U = \"{u}\"\n")).expect("write");
    let out = run(dir.path(), &["--no-config", "--format", "json"]);
    assert!(matches!(out.code, 0 | 1), "{}: {}", out.code, out.stderr);
    let doc = json(&out);
    let unparsed: Vec<&str> = doc["unchecked"]
        .as_array()
        .expect("unchecked")
        .iter()
        .filter(|u| u["kind"] == "unparsed-file")
        .filter_map(|u| u["path"].as_str())
        .collect();
    assert_eq!(unparsed, ["abort.py", "heredoc.rb"]);
    assert_eq!(
        lines_of(&out),
        [("abort.py".to_string(), 512), ("ok.py".to_string(), 1)]
    );
}

/// Issue 16, item 6: `-j 100000` spawned threads without bound. A thread count above
/// `MAX_THREADS` (256) is taken as 256, one too large for a number too, and named files
/// never get more walkers than there are of them.
#[test]
fn thread_count_is_clamped() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.py"), format!("U = \"{}\"\n", url(6))).expect("write");
    for n in ["100000", "99999999999999999999999999"] {
        let started = Instant::now();
        let out = run(dir.path(), &["--no-config", "-v", "-j", n, "a.py"]);
        assert_eq!(out.code, 1, "{}", out.stderr);
        assert!(out.stderr.contains(" 256 threads;"), "{}", out.stderr);
        assert!(started.elapsed() < Duration::from_secs(30));
    }
    let out = run(dir.path(), &["--no-config", "-j", "many", "a.py"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
}

/// Runs the binary with `stdin` as its standard input, killed after `limit` (a hang fails).
fn run_with_stdio(
    dir: &Path,
    args: &[&str],
    stdin: std::process::Stdio,
    limit: Duration,
) -> common::Run {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_presign-lint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_STEP_SUMMARY")
        .stdin(stdin)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{args:?} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = child.wait_with_output().expect("output");
    common::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Issue 16, items 5 and 12: standard input is read up to the file size limit and no
/// further (`- < /dev/zero` grew without limit); over it, or closed (`<&-`, which the Rust
/// runtime turns into /dev/null), it is an error with exit code 2.
#[test]
fn standard_input_is_bounded_and_a_closed_one_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = common::run_with_stdin(
        dir.path(),
        &[
            "--no-config",
            "--format",
            "json",
            "--max-filesize",
            "1000",
            "-",
        ],
        Some("x = 1\n".repeat(400).as_bytes()),
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    let doc = json(&out);
    assert_eq!(doc["errors"][0]["path"], "-");
    assert!(
        doc["errors"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("larger than the file size limit (1000 bytes")),
        "{doc}"
    );
    let zero = std::fs::File::open("/dev/zero").expect("/dev/zero");
    let out = run_with_stdio(
        dir.path(),
        &["--no-config", "--max-filesize", "1000000", "-"],
        zero.into(),
        Duration::from_secs(60),
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stdout.contains("larger than the file size limit"),
        "{}",
        out.stdout
    );

    let out = run_with_stdio(
        dir.path(),
        &["--no-config", "-"],
        std::process::Stdio::null(),
        Duration::from_secs(60),
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stdout.contains("closed or /dev/null"), "{}", out.stdout);
    // An empty pipe is an empty file.
    let out = common::run_with_stdin(dir.path(), &["--no-config", "-"], Some(b""));
    assert_eq!(out.code, 0, "{}", out.stderr);
}

/// Issue 16, item 5: `--config` and `--baseline` read regular files of at most 16 MiB:
/// /dev/zero was read until the process was killed, a FIFO blocked forever.
#[test]
fn config_and_baseline_must_be_small_regular_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.py"), "x = 1\n").expect("write");
    let fifo = dir.path().join("fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let big = dir.path().join("big.toml");
    std::fs::write(&big, "#".repeat(17 * 1024 * 1024)).expect("write");
    let mut cases = vec![
        ("/dev/zero", "not a regular file"),
        ("big.toml", "larger than 16 MiB"),
    ];
    if made {
        cases.push(("fifo", "not a regular file"));
    }
    for (file, why) in cases {
        for flag in ["--config", "--baseline"] {
            let out = run_with_stdio(
                dir.path(),
                &[flag, file, "a.py"],
                std::process::Stdio::null(),
                Duration::from_secs(60),
            );
            assert_eq!(out.code, 2, "{flag} {file}: {}", out.stderr);
            assert!(out.stderr.contains(why), "{flag} {file}: {}", out.stderr);
        }
    }
}

/// Runs one hostile shape at `n` and `4 * n` and asserts that its cost grows linearly (issue
/// 16): four times the input may take at most ten times as long, over a floor that process
/// start-up dominates, and at most 30 s. On a loaded machine one run can stall: each size is
/// timed up to three times and the best time counts. `bench/hostile.py` runs the same shapes
/// at sizes for release builds.
fn assert_linear(
    file: &str,
    n: usize,
    shape: impl Fn(usize) -> String,
    check: impl Fn(&common::Run),
) {
    const FLOOR: Duration = Duration::from_millis(400);
    let mut best = [Duration::MAX; 2];
    for attempt in 0..3 {
        for (slot, size) in [n, 4 * n].into_iter().enumerate() {
            let dir = tempfile::tempdir().expect("tempdir");
            std::fs::write(dir.path().join(file), shape(size)).expect("write");
            let started = Instant::now();
            let out = run(
                dir.path(),
                &["--no-config", "--format", "json", "--fail-on", "never"],
            );
            best[slot] = best[slot].min(started.elapsed());
            assert_eq!(out.code, 0, "{file} at {size}: {}", out.stderr);
            if attempt == 0 {
                check(&out);
            }
        }
        if best[1] < best[0].max(FLOOR) * 10 {
            break;
        }
    }
    let (small, large) = (best[0].max(FLOOR), best[1]);
    assert!(
        large < small * 10,
        "{file}: {n} took {:?}, {} took {large:?}: not linear",
        best[0],
        4 * n
    );
    assert!(large < Duration::from_secs(30), "{file}: took {large:?}");
}

fn count(out: &common::Run, lint: &str) -> usize {
    json(out)["findings"]
        .as_array()
        .map_or(0, |f| f.iter().filter(|f| f["lint"] == lint).count())
}

#[test]
fn many_findings_on_one_long_line_cost_linear_time() {
    // Columns, snippets and masked prefixes cost O(window) per finding, not O(line).
    let key = |i: usize| format!("AKIA{:016}", i).replace('0', "Q");
    assert_linear(
        ".env",
        300,
        |n| {
            (0..n)
                .map(|i| {
                    format!(
                        "AWS_ACCESS_KEY_ID={} AWS_SECRET_ACCESS_KEY={} CAFÉ=é ",
                        key(i),
                        format!("wJalrXUtnFEMI/K7MDENG/bPxRfiCY{i:010}").replace('0', "Z")
                    )
                })
                .collect::<String>()
                + "\n"
        },
        |out| assert!(count(out, "hardcoded-credentials") > 0, "{}", out.stdout),
    );
}

#[test]
fn many_suppression_markers_on_one_line_cost_linear_time() {
    assert_linear(
        "m.py",
        1000,
        |n| {
            format!(
                "x = 1 {}\n",
                format!("# {MARKER} allow(excessive-expiry) reason: r ").repeat(n)
            )
        },
        |out| assert!(count(out, "unused-suppression") > 0, "{}", out.stdout),
    );
}

#[test]
fn a_marker_with_thousands_of_lint_names_costs_linear_time() {
    assert_linear(
        "a.py",
        1000,
        |n| {
            let names: Vec<&str> = (0..n)
                .map(|i| {
                    if i % 2 == 0 {
                        "excessive-expiry"
                    } else {
                        "no-such-lint"
                    }
                })
                .collect();
            format!(
                "# {MARKER} allow({}) reason: r\nu = s3.generate_presigned_url('get_object', ExpiresIn=604800)\n",
                names.join(", ")
            )
        },
        |out| assert!(count(out, "invalid-suppression") > 0, "{}", out.stdout),
    );
}

#[test]
fn many_suppression_lines_cost_linear_time() {
    // Each finding looks up only the markers that can cover its line.
    assert_linear(
        "s.py",
        3000,
        |n| {
            format!("# {MARKER} allow(excessive-expiry) reason: r\nu = s3.generate_presigned_url('get_object', ExpiresIn=604800)\n").repeat(n)
        },
        |out| {
            let doc = json(out);
            assert_eq!(doc["summary"]["findings"], 0, "{}", out.stdout);
            assert!(doc["summary"]["suppressed"].as_u64() >= Some(3000));
        },
    );
}

#[test]
fn many_cli_presigns_in_a_shell_loop_cost_linear_time() {
    // The shell loops open at each command are read in one pass, not from the file's start
    // for each command.
    assert_linear(
        "run.sh",
        2000,
        |n| {
            format!(
                "for k in a b; do {}done\n",
                "aws s3 presign s3://b/$k --expires-in 60 ; ".repeat(n)
            )
        },
        |out| assert!(count(out, "presign-in-loop") > 0, "{}", out.stdout),
    );
}

#[test]
fn many_shell_variables_and_script_lines_cost_linear_time() {
    // Each command finds its variables' assignments by a binary search, and each text
    // finding whether a parser read it.
    assert_linear(
        "vars.sh",
        2000,
        |n| {
            (0..n)
                .map(|i| {
                    format!(
                        "t{}=604800\naws s3 presign s3://b/k --expires-in \"$t{}\"\n",
                        i % 7,
                        i % 7
                    )
                })
                .collect()
        },
        |out| assert!(count(out, "excessive-expiry") > 0, "{}", out.stdout),
    );
    assert_linear(
        "Makefile",
        2000,
        |n| {
            format!(
                "all:\n{}",
                "\t@aws s3 presign s3://b/k --expires-in 604800\n".repeat(n)
            )
        },
        |out| assert!(count(out, "excessive-expiry") > 0, "{}", out.stdout),
    );
}

#[test]
fn calls_of_calls_in_rust_cost_linear_time() {
    // `presign(1)(1)(1)…` nests one level per call: over the depth limit it is left to the
    // text-level checks, like a method chain as long.
    assert_linear(
        "lib.rs",
        2000,
        |n| {
            format!(
                "fn f() {{ let u = presign{}; }}\nconst U: &str = \"{}\";\n",
                "(1)".repeat(n),
                url(7)
            )
        },
        |out| assert!(count(out, "hardcoded-presigned-url") > 0, "{}", out.stdout),
    );
}

#[cfg(unix)]
#[test]
fn curried_calls_and_infix_chains_in_scala_cost_linear_time() {
    // `presign(1)(1)(1)…` is one call of many argument lists, and `1 + 1 + …` one infix
    // chain re-associated by precedence: both are read in bounded pieces.
    assert_linear(
        "Lib.scala",
        2000,
        |n| {
            format!(
                "object A {{\n  val u = presign{}\n  val x = 1{}\n  val U = \"{}\"\n}}\n",
                "(1)".repeat(n),
                " + 1".repeat(n),
                url(8)
            )
        },
        |out| assert!(count(out, "hardcoded-presigned-url") > 0, "{}", out.stdout),
    );
}
