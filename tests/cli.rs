//! The command-line contract of DESIGN.md, tested on the real binary: exit codes, discovery,
//! config, stdin, baselines, determinism, and that no output ever carries a secret.

mod common;

use std::path::Path;

use common::{Fake, git, json, repo_root, run, run_with_stdin, secret_at, signed_url, signed_urls};

fn write(dir: &Path, name: &str, content: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, content).expect("write");
}

fn finding_paths(out: &common::Run) -> Vec<String> {
    json(out)["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["path"].as_str().expect("path").to_string())
        .collect()
}

#[test]
fn exit_codes_follow_the_contract() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "clean.py",
        "url = s3.generate_presigned_url('get_object', ExpiresIn=900)\n",
    );
    let clean = run(dir.path(), &["--no-config"]);
    assert_eq!(clean.code, 0, "{}", clean.stdout);
    assert!(clean.stdout.contains("no findings in 1 file"));

    write(
        dir.path(),
        "leak.py",
        &format!("URL = \"{}\"\n", signed_url(1)),
    );
    assert_eq!(run(dir.path(), &["--no-config"]).code, 1);
    assert_eq!(
        run(dir.path(), &["--no-config", "--fail-on", "never"]).code,
        0
    );
    assert_eq!(
        run(
            dir.path(),
            &["--no-config", "-A", "hardcoded-presigned-url"]
        )
        .code,
        0
    );
    assert_eq!(
        run(
            dir.path(),
            &[
                "--no-config",
                "-W",
                "hardcoded-presigned-url",
                "--fail-on",
                "error"
            ]
        )
        .code,
        0
    );
    // Later flags win, as in clippy.
    assert_eq!(
        run(
            dir.path(),
            &[
                "--no-config",
                "-A",
                "hardcoded-presigned-url",
                "-D",
                "hardcoded-presigned-url"
            ]
        )
        .code,
        1
    );
    assert_eq!(
        run(
            dir.path(),
            &[
                "--no-config",
                "-D",
                "hardcoded-presigned-url",
                "-A",
                "hardcoded-presigned-url"
            ]
        )
        .code,
        0
    );

    // A missing path is exit 2, and what was found is still reported.
    let missing = run(
        dir.path(),
        &["--no-config", "--format", "json", "leak.py", "nope.py"],
    );
    assert_eq!(missing.code, 2);
    let doc = json(&missing);
    assert_eq!(doc["findings"].as_array().map(Vec::len), Some(1));
    assert_eq!(doc["errors"][0]["path"], "nope.py");

    // Bad usage is exit 2.
    let bad_flag = run(dir.path(), &["--no-config", "-D", "excesive-expiry"]);
    assert_eq!(bad_flag.code, 2);
    assert!(
        bad_flag.stderr.contains("did you mean `excessive-expiry`"),
        "{}",
        bad_flag.stderr
    );
    assert_eq!(
        run(dir.path(), &["--no-config", "--max-expiry", "soon"]).code,
        2
    );
    assert_eq!(run(dir.path(), &["--format", "xml"]).code, 2);
}

#[test]
fn config_is_discovered_validated_and_applied() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "src/leak.py",
        &format!("URL = \"{}\"\n", signed_url(2)),
    );
    write(
        dir.path(),
        "tests/fixture.py",
        &format!("URL = \"{}\"\n", signed_url(3)),
    );
    write(
        dir.path(),
        "vendor/lib.py",
        &format!("URL = \"{}\"\n", signed_url(4)),
    );
    write(
        dir.path(),
        "presign-lint.toml",
        "exclude = [\"vendor/**\"]\n[[overrides]]\npaths = [\"tests/**\"]\nlints = { hardcoded-presigned-url = \"note\" }\n",
    );
    let out = run(&dir.path().join("src"), &["--format", "json", ".."]);
    let doc = json(&out);
    let levels: Vec<(String, String)> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap_or("").to_string(),
                f["level"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    // Paths under the current directory are shown relative to it, others as given.
    assert_eq!(
        levels,
        [
            ("../tests/fixture.py".to_string(), "note".to_string()),
            ("leak.py".to_string(), "error".to_string())
        ]
    );
    // Excluded paths stay excluded even when named (pre-commit passes them that way).
    let named = run(dir.path(), &["--format", "json", "vendor/lib.py"]);
    assert!(finding_paths(&named).is_empty());

    // A typo is an error naming the nearest key, never a silently disabled check.
    write(
        dir.path(),
        "presign-lint.toml",
        "[lints]\nhardcoded-presigned-ur = \"allow\"\n",
    );
    let typo = run(dir.path(), &[]);
    assert_eq!(typo.code, 2);
    assert!(
        typo.stderr
            .contains("did you mean `hardcoded-presigned-url`"),
        "{}",
        typo.stderr
    );
    write(dir.path(), "presign-lint.toml", "max_expiry = \"1h\"\n");
    let typo = run(dir.path(), &[]);
    assert_eq!(typo.code, 2);
    assert!(
        typo.stderr.contains("did you mean `max-expiry`"),
        "{}",
        typo.stderr
    );
    // --no-config ignores it; --config names another.
    assert_eq!(run(dir.path(), &["--no-config", "src"]).code, 1);
    write(
        dir.path(),
        "other.toml",
        "[lints]\nhardcoded-presigned-url = \"allow\"\n",
    );
    assert_eq!(run(dir.path(), &["--config", "other.toml", "src"]).code, 0);
}

#[test]
fn discovery_respects_ignores_but_scans_named_and_hidden_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(root, ".gitignore", "ignored.py\nbuild/\n");
    write(root, "ignored.py", &format!("U = \"{}\"\n", signed_url(5)));
    write(
        root,
        "build/out.js",
        &format!("u = \"{}\"\n", signed_url(6)),
    );
    write(root, ".env", &format!("REPORT_URL={}\n", signed_url(7)));
    write(
        root,
        ".github/workflows/ci.yml",
        &format!("env:\n  URL: {}\n", signed_url(8)),
    );
    write(root, ".git/config", &format!("url = {}\n", signed_url(9)));
    write(root, "keep/a.py", &format!("U = \"{}\"\n", signed_url(10)));
    // A Go module's vendored dependencies; a directory merely named `vendor` is the project's.
    write(root, "vendor/modules.txt", "# github.com/acme/sdk v1.0.0\n");
    write(
        root,
        "vendor/github.com/acme/sdk/doc.go",
        &format!("package sdk\n\nconst U = \"{}\"\n", signed_url(11)),
    );
    write(
        root,
        "app/vendor/b.py",
        &format!("U = \"{}\"\n", signed_url(12)),
    );

    let walked = run(root, &["--no-config", "--format", "json"]);
    assert_eq!(
        finding_paths(&walked),
        [
            ".env",
            ".github/workflows/ci.yml",
            "app/vendor/b.py",
            "keep/a.py"
        ]
    );

    let named = run(root, &["--no-config", "--format", "json", "ignored.py"]);
    assert_eq!(finding_paths(&named), ["ignored.py"]);

    let no_ignore = run(root, &["--no-config", "--format", "json", "--no-ignore"]);
    assert_eq!(
        finding_paths(&no_ignore),
        [
            ".env",
            ".github/workflows/ci.yml",
            "app/vendor/b.py",
            "build/out.js",
            "ignored.py",
            "keep/a.py",
            "vendor/github.com/acme/sdk/doc.go"
        ]
    );

    let excluded = run(
        root,
        &[
            "--no-config",
            "--format",
            "json",
            "--exclude",
            "keep/",
            "--exclude",
            ".github",
            "--exclude",
            "app/",
        ],
    );
    assert_eq!(finding_paths(&excluded), [".env"]);
}

#[test]
fn stdin_is_linted_as_the_named_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = format!("URL = \"{}\"\n", signed_url(11));
    let out = run_with_stdin(
        dir.path(),
        &[
            "--no-config",
            "--format",
            "json",
            "--stdin-filename",
            "app/settings.py",
            "-",
        ],
        Some(input.as_bytes()),
    );
    assert_eq!(out.code, 1);
    assert_eq!(finding_paths(&out), ["app/settings.py"]);
}

#[test]
fn binary_and_invalid_utf8_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = signed_url(12);
    let mut binary = vec![0u8, 1, 2, 3];
    binary.extend_from_slice(url.as_bytes());
    std::fs::write(dir.path().join("blob.bin"), binary).expect("write");
    let mut latin1 = b"caf\xe9 = '".to_vec();
    latin1.extend_from_slice(url.as_bytes());
    latin1.extend_from_slice(b"'\n");
    std::fs::write(dir.path().join("latin1.py"), latin1).expect("write");
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in format!("x = \"{url}\"\r\n").encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    std::fs::write(dir.path().join("utf16.ps1"), utf16).expect("write");

    let out = run(dir.path(), &["--no-config", "--format", "json"]);
    let doc = json(&out);
    assert_eq!(finding_paths(&out), ["latin1.py", "utf16.ps1"]);
    assert_eq!(
        doc["findings"][0]["column"], 9,
        "columns count characters, not bytes"
    );
    assert_eq!(doc["summary"]["skipped_binary"], 1);
    assert_eq!(doc["summary"]["files_scanned"], 2);
}

#[test]
fn a_binary_file_is_told_by_its_head_alone() {
    // A scan reads the first 8 KiB of a file first and stops there when they hold a NUL: a
    // large binary file is counted as binary, whatever comes after. A NUL only after the head
    // does not make a file binary: it is read whole and its URL past the head is reported.
    let dir = tempfile::tempdir().expect("tempdir");
    let url = signed_url(12);
    let mut binary = vec![0u8; 4];
    binary.resize(64 * 1024, b'a');
    binary.extend_from_slice(format!("\nx = '{url}'\n").as_bytes());
    std::fs::write(dir.path().join("image.bin"), &binary).expect("write");
    let mut text = "# padding\n".repeat(1024).into_bytes();
    text.push(0);
    text.extend_from_slice(format!("\nx = '{url}'\n").as_bytes());
    std::fs::write(dir.path().join("late_nul.py"), &text).expect("write");
    let mut exact = b"# ".repeat(4 * 1024);
    exact.truncate(8 * 1024 - 1);
    exact.push(b'\n');
    exact.extend_from_slice(format!("x = '{url}'\n").as_bytes());
    std::fs::write(dir.path().join("past_head.py"), &exact).expect("write");

    let out = run(
        dir.path(),
        &["--no-config", "--format", "json", "--no-cache"],
    );
    let doc = json(&out);
    assert_eq!(finding_paths(&out), ["late_nul.py", "past_head.py"]);
    assert_eq!(doc["summary"]["skipped_binary"], 1);
    assert_eq!(doc["summary"]["files_scanned"], 2);
}

#[test]
fn output_is_identical_at_any_thread_count() {
    // JSON and SARIF, byte for byte, at 1, 2 and 8 threads and across runs, over the fixture
    // tree plus two missing paths (errors are sorted too).
    let root = repo_root();
    for format in ["json", "sarif"] {
        let outputs: Vec<(&str, String)> = ["1", "2", "8", "8"]
            .into_iter()
            .map(|threads| {
                let out = run(
                    &root,
                    &[
                        "check",
                        "testdata",
                        "missing-b",
                        "examples",
                        "missing-a",
                        "--no-config",
                        "--format",
                        format,
                        "-j",
                        threads,
                    ],
                );
                assert_eq!(out.code, 2, "{}", out.stderr);
                (threads, out.stdout)
            })
            .collect();
        for (threads, output) in &outputs[1..] {
            assert!(
                *output == outputs[0].1,
                "{format} at -j {threads} differs from -j 1"
            );
        }
        let doc: serde_json::Value = serde_json::from_str(&outputs[0].1).expect("valid JSON");
        if format == "json" {
            assert!(doc["findings"].as_array().is_some_and(|f| f.len() > 20));
            assert_eq!(doc["errors"][0]["path"], "missing-a");
        }
    }
}

#[test]
fn baseline_round_trip() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let first = signed_url(13);
    write(root, "app.py", &format!("A = \"{first}\"\n"));
    let record = run(
        root,
        &["--no-config", "--write-baseline", "baseline.json", "app.py"],
    );
    // Recording accepts today's findings: it says what it wrote, prints no report, exits 0.
    assert_eq!(record.code, 0, "{}", record.stderr);
    assert_eq!(record.stdout, "");
    assert!(
        record.stderr.contains("wrote 1 entry to baseline.json"),
        "{}",
        record.stderr
    );
    let baseline = std::fs::read_to_string(root.join("baseline.json")).expect("baseline");
    assert!(!baseline.contains(first.split("X-Amz-Signature=").nth(1).unwrap_or("x")));
    assert!(!baseline.contains("\"line\""));

    let clean = run(
        root,
        &[
            "--no-config",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
            "app.py",
        ],
    );
    assert_eq!(clean.code, 0, "{}", clean.stdout);
    assert_eq!(json(&clean)["summary"]["suppressed"], 1);

    // Code moved: still matched. A new finding: reported alone.
    let second = signed_url(14);
    write(
        root,
        "app.py",
        &format!("import os\n\n\nA = \"{first}\"\nB = \"{second}\"\n"),
    );
    let new = run(
        root,
        &[
            "--no-config",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
            "app.py",
        ],
    );
    assert_eq!(new.code, 1);
    let doc = json(&new);
    assert_eq!(doc["findings"].as_array().map(Vec::len), Some(1));
    assert_eq!(doc["findings"][0]["line"], 5);

    // The old finding fixed: its entry is stale.
    write(root, "app.py", &format!("B = \"{second}\"\n"));
    let stale = run(
        root,
        &[
            "--no-config",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
            "app.py",
        ],
    );
    assert_eq!(json(&stale)["summary"]["baseline_stale"], 1);
    let human = run(
        root,
        &["--no-config", "--baseline", "baseline.json", "app.py"],
    );
    assert!(
        human.stdout.contains("1 baseline entry no longer found"),
        "{}",
        human.stdout
    );

    // Rewriting the baseline in place keeps what it hid and adds what is new.
    write(
        root,
        "app.py",
        &format!("A = \"{first}\"\nB = \"{second}\"\n"),
    );
    let rewrite = run(
        root,
        &[
            "--no-config",
            "--baseline",
            "baseline.json",
            "--write-baseline",
            "baseline.json",
            "app.py",
        ],
    );
    assert!(
        rewrite.stderr.contains("wrote 2 entries"),
        "{}",
        rewrite.stderr
    );
}

#[test]
fn a_baseline_that_cannot_be_used_stops_the_run_before_the_scan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(root, "app.py", &format!("A = \"{}\"\n", signed_url(15)));
    let missing = run(root, &["--no-config", "--baseline", "missing.json", "."]);
    assert_eq!(missing.code, 2);
    // Fails fast: no report, and the path named once.
    assert_eq!(missing.stdout, "");
    assert_eq!(
        missing.stderr.matches("missing.json").count(),
        1,
        "{}",
        missing.stderr
    );

    write(
        root,
        "future.json",
        r#"{"version": 2, "findings": [], "signed": true}"#,
    );
    let future = run(root, &["--no-config", "--baseline", "future.json", "."]);
    assert_eq!(future.code, 2);
    assert!(
        future
            .stderr
            .contains("baseline version 2 is not supported"),
        "{}",
        future.stderr
    );
    write(root, "broken.json", "{\"version\": 1, \"findings\": [{}]}");
    let broken = run(root, &["--no-config", "--baseline", "broken.json", "."]);
    assert_eq!(broken.code, 2);
    assert!(
        broken.stderr.contains("invalid baseline"),
        "{}",
        broken.stderr
    );
}

#[test]
fn no_output_format_prints_a_secret() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut fake = Fake::new(99);
    let urls = signed_urls(&mut fake);
    let mut secrets = Vec::new();
    let mut text = String::new();
    for (_, url) in &urls {
        // The last parameter value of each fixture URL is its signature; the ASIA one also
        // carries a session token.
        for param in url.split('&') {
            if let Some(at) = secret_at(param)
                && param.len() - at > 16
            {
                secrets.push(param[at..].to_string());
            }
        }
        text.push_str(&format!("plain = \"{url}\"\n"));
        text.push_str(&format!(
            "json = \"{}\"\n",
            url.replace('/', "\\/").replace('&', "\\u0026")
        ));
        text.push_str(&format!("html = \"{}\"\n", url.replace('&', "&amp;")));
        // The marker is assembled so this test file holds none of its own.
        let tool = "presign-lint";
        text.push_str(&format!(
            "# {tool}: allow(hardcoded-presigned-url) reason: reviewed\nsuppressed = \"{url}\"\n"
        ));
    }
    write(dir.path(), "leaks.py", &text);
    assert!(secrets.len() >= 8);

    // Credentials: secret access keys by keyword, by position, in config and INI files,
    // a session token, and CloudFront PEM keys (multi-line and escaped on one line).
    const BASE64: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut key_ids = Vec::new();
    let mut secret = |fake: &mut Fake| {
        let s = fake.pick(BASE64, 40);
        secrets.push(s.clone());
        s
    };
    let (id1, id2, id3, id4) = (
        fake.aws_key("AKIA"),
        fake.aws_key("AKIA"),
        fake.aws_key("AKIA"),
        fake.aws_key("ASIA"),
    );
    key_ids.extend([id1.clone(), id2.clone(), id3.clone(), id4.clone()]);
    let (s1, s2, s3, s4) = (
        secret(&mut fake),
        secret(&mut fake),
        secret(&mut fake),
        secret(&mut fake),
    );
    let token = fake.pick(BASE64, 300);
    secrets.push(token.clone());
    write(
        dir.path(),
        "creds.py",
        &format!(
            "import boto3\ns3 = boto3.client('s3', aws_access_key_id='{id1}', aws_secret_access_key='{s1}')\nAWS_SECRET_ACCESS_KEY = '{s3}'\n"
        ),
    );
    write(
        dir.path(),
        "creds.go",
        &format!(
            "package p\n\nvar p = credentials.NewStaticCredentialsProvider(\"{id2}\", \"{s2}\", \"\")\n"
        ),
    );
    write(
        dir.path(),
        "credentials",
        &format!(
            "[default]\naws_access_key_id = {id4}\naws_secret_access_key = {s4}\naws_session_token = {token}\n"
        ),
    );
    write(
        dir.path(),
        ".env",
        &format!("AWS_ACCESS_KEY_ID={id3} AWS_SECRET_ACCESS_KEY={s3}\n"),
    );
    let pem_lines: Vec<String> = (0..5).map(|_| fake.pick(BASE64, 64)).collect();
    secrets.extend(pem_lines.iter().cloned());
    write(
        dir.path(),
        "cloudfront.js",
        &format!(
            "// CloudFront signer\nconst a = `-----BEGIN RSA PRIVATE KEY-----\n{}\n-----END RSA PRIVATE KEY-----`;\nconst b = \"-----BEGIN PRIVATE KEY-----\\n{}\\n-----END PRIVATE KEY-----\";\n",
            pem_lines[..3].join("\n"),
            pem_lines[3..].join("\\n"),
        ),
    );
    let mut outputs = Vec::new();
    for format in ["human", "concise", "json", "sarif", "github", "gitlab"] {
        let out = run(
            dir.path(),
            &["--no-config", "--format", format, "--color", "always"],
        );
        assert_eq!(out.code, 1);
        outputs.push(out.stdout);
        outputs.push(out.stderr);
    }
    let record = run(dir.path(), &["--no-config", "--write-baseline", "b.json"]);
    assert_eq!(record.code, 0, "{}", record.stderr);
    outputs.push(record.stderr);
    outputs.push(std::fs::read_to_string(dir.path().join("b.json")).expect("baseline"));
    let explain = run(dir.path(), &["explain", "hardcoded-presigned-url"]);
    outputs.push(explain.stdout);
    // Every credential file was reported (so its secrets reached the renderers).
    let concise = &outputs[2];
    for file in [
        "creds.py",
        "creds.go",
        "credentials",
        ".env",
        "cloudfront.js",
    ] {
        assert!(
            concise.contains(&format!("{file}:")) && concise.contains("hardcoded-credentials"),
            "{file} not reported:\n{concise}"
        );
    }
    for id in &key_ids {
        for output in &outputs {
            assert!(
                !output.contains(id.as_str()),
                "key id printed whole:\n{output}"
            );
        }
    }
    for secret in &secrets {
        for output in &outputs {
            assert!(
                !output.contains(secret.as_str()),
                "secret printed:\n{output}"
            );
            // Percent-decoded form too.
            let decoded = secret
                .replace("%2B", "+")
                .replace("%2F", "/")
                .replace("%3D", "=");
            assert!(!output.contains(decoded.as_str()), "decoded secret printed");
        }
    }
    // Key ids keep their first and last four characters only.
    assert!(outputs[0].contains("AKIA…"));
}

#[test]
fn explain_and_lints_commands() {
    let root = repo_root();
    let explain = run(&root, &["explain", "hardcoded-presigned-url"]);
    assert_eq!(explain.code, 0);
    assert!(explain.stdout.contains("## Why is this bad?"));
    assert!(explain.stdout.contains("no-hardcoded-urls"));
    let unknown = run(&root, &["explain", "hardcoded-url"]);
    assert_eq!(unknown.code, 2);
    let lints = run(&root, &["lints"]);
    assert_eq!(lints.code, 0);
    assert!(lints.stdout.contains("excessive-expiry"));
}

#[test]
fn staged_scans_the_index_not_the_work_tree() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    git(root, &["init", "-q"]);
    write(root, "app.py", &format!("U = \"{}\"\n", signed_url(21)));
    write(
        root,
        "unstaged.py",
        &format!("U = \"{}\"\n", signed_url(22)),
    );
    git(root, &["add", "app.py"]);
    // The work tree is fixed, but the index still holds the leak: --staged must see it.
    write(root, "app.py", "U = presign()\n");
    let staged = run(
        root,
        &["check", "--staged", "--no-config", "--format", "json"],
    );
    assert_eq!(staged.code, 1, "{}", staged.stderr);
    assert_eq!(finding_paths(&staged), ["app.py"]);

    // Staging the fix makes it clean, whatever the work tree holds.
    git(root, &["add", "app.py"]);
    write(root, "app.py", &format!("U = \"{}\"\n", signed_url(23)));
    let clean = run(
        root,
        &["check", "--staged", "--no-config", "--format", "json"],
    );
    assert_eq!(clean.code, 0, "{}", clean.stdout);

    // Outside a repository it is a usage problem, reported as such, before any scan.
    let outside = tempfile::tempdir().expect("tempdir");
    let out = run(outside.path(), &["check", "--staged", "--no-config"]);
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.contains("is not inside a git repository") && !out.stderr.contains(": :"),
        "{}",
        out.stderr
    );
}

#[test]
fn quiet_clean_runs_print_nothing_and_pipes_get_no_progress() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "a.py", "x = 1\n");
    let out = run(dir.path(), &["--no-config", "-q"]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (0, "", "")
    );
    let loud = run(dir.path(), &["--no-config"]);
    assert!(
        loud.stdout
            .starts_with("presign-lint: no findings in 1 file ("),
        "{}",
        loud.stdout
    );
    assert!(loud.stderr.is_empty());
}

/// A loopback endpoint caps `insecure-transport` at `note` whatever the lint's level, and
/// `-A` still silences it; a public http endpoint keeps the configured level.
#[test]
fn loopback_findings_are_capped_at_note_and_still_allowable() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "links.py",
        "import boto3\n\
         local = boto3.client('s3', region_name='us-east-1', endpoint_url='http://localhost:9000')\n\
         a = local.generate_presigned_url('get_object', Params={'Bucket': 'b', 'Key': 'k'})\n\
         public = boto3.client('s3', region_name='us-east-1', endpoint_url='http://s3.example.com')\n\
         b = public.generate_presigned_url('get_object', Params={'Bucket': 'b', 'Key': 'k'})\n",
    );
    let levels = |args: &[&str]| -> Vec<(u64, String)> {
        let mut all = vec!["--format", "json", "--no-config", "--fail-on", "never"];
        all.extend_from_slice(args);
        all.push(".");
        let out = run(dir.path(), &all);
        json(&out)["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter(|f| f["lint"] == "insecure-transport")
            .map(|f| {
                (
                    f["line"].as_u64().expect("line"),
                    f["level"].as_str().expect("level").to_string(),
                )
            })
            .collect()
    };
    assert_eq!(
        levels(&[]),
        [(2, "note".to_string()), (4, "error".to_string())]
    );
    assert_eq!(
        levels(&["-W", "insecure-transport"]),
        [(2, "note".to_string()), (4, "warning".to_string())]
    );
    assert!(levels(&["-A", "insecure-transport"]).is_empty());
}

/// What was not checked is said, in JSON and in the human summary: an expiry set at run time,
/// and a file that needed a parse and could not get one (here Rust that does not parse).
#[test]
fn unchecked_expiries_and_unparsed_files_are_counted() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("links.py"),
        "def link(s3, ttl):\n    return s3.generate_presigned_url('get_object', ExpiresIn=ttl)\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("broken.rs"),
        "fn f() { let cfg = PresigningConfig::expires_in(Duration::from_secs(60)\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("plain.rs"), "fn presign() {}\n").expect("write");
    // Markdown cells only: nothing to parse, so nothing missed.
    std::fs::write(
        dir.path().join("notes.ipynb"),
        r#"{"cells": [{"cell_type": "markdown", "source": ["How we presign links"]}]}"#,
    )
    .expect("write");

    let doc = json(&run(dir.path(), &["--no-config", "--format", "json"]));
    assert_eq!(doc["summary"]["dynamic_expiries"], 1);
    assert_eq!(doc["summary"]["unparsed_files"], 1);
    // Each one listed, with where it is, for a reviewer to look at.
    let unchecked: Vec<String> = doc["unchecked"]
        .as_array()
        .expect("unchecked")
        .iter()
        .map(|u| {
            format!(
                "{}:{}:{}",
                u["path"].as_str().unwrap_or(""),
                u["line"],
                u["kind"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(
        unchecked,
        ["broken.rs:1:unparsed-file", "links.py:2:dynamic-expiry"]
    );
    assert!(
        doc["unchecked"][1]["reason"]
            .as_str()
            .is_some_and(|r| r.contains("`generate_presigned_url`")),
        "{doc}"
    );

    let human = run(dir.path(), &["--no-config"]);
    assert_eq!(human.code, 0, "{}", human.stderr);
    assert!(
        human
            .stdout
            .contains("1 expiry set at run time, not checked (--show-unchecked lists them); 1 file could not be parsed"),
        "{}",
        human.stdout
    );
    assert!(!human.stdout.contains("not checked (2):"));
    let listed = run(dir.path(), &["--no-config", "--show-unchecked"]);
    assert!(
        listed.stdout.contains(
            "not checked (2):\n  broken.rs:1: unparsed-file: the file could not be parsed"
        ) && listed.stdout.contains("\n  links.py:2: dynamic-expiry: the expiry of `generate_presigned_url` (boto3) is set at run time\n"),
        "{}",
        listed.stdout
    );
    // Every text format lists them when asked, and only then.
    let concise = run(dir.path(), &["--no-config", "--format", "concise"]);
    assert!(!concise.stdout.contains("unchecked["), "{}", concise.stdout);
    let concise = run(
        dir.path(),
        &["--no-config", "--format", "concise", "--show-unchecked"],
    );
    assert!(
        concise.stdout.contains(
            "broken.rs:1: unchecked[unparsed-file] the file could not be parsed"
        ) && concise.stdout.contains("\nlinks.py:2: unchecked[dynamic-expiry] the expiry of `generate_presigned_url` (boto3) is set at run time\n"),
        "{}",
        concise.stdout
    );
    let github = run(
        dir.path(),
        &["--no-config", "--format", "github", "--show-unchecked"],
    );
    assert!(
        github.stdout.contains(
            "::notice file=links.py,line=2,title=presign-lint (not checked%3A dynamic-expiry)::the expiry of `generate_presigned_url` (boto3) is set at run time\n"
        ),
        "{}",
        github.stdout
    );
    let github = run(dir.path(), &["--no-config", "--format", "github"]);
    assert!(!github.stdout.contains("::notice"), "{}", github.stdout);
}

/// An expiry that may be set out of sight (an options argument that is a parameter, a
/// `**kwargs`, a custom policy) is dynamic, not the SDK default; a splat of a dict bound
/// earlier is read. Under a strict policy a wrongly applied default would be a finding.
#[test]
fn expiry_out_of_sight_is_dynamic_not_the_default() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = [
        (
            "links.js",
            "import { getSignedUrl } from \"@aws-sdk/s3-request-presigner\";\n\
             export const link = (client, command, opts) => getSignedUrl(client, command, opts);\n\
             export const plain = (client, command) => getSignedUrl(client, command);\n",
        ),
        (
            "links.py",
            "def link(s3, **kwargs):\n    return s3.generate_presigned_url('get_object', **kwargs)\n\n\
             def day(s3):\n    params = {'Params': {'Bucket': 'b', 'Key': 'k'}, 'ExpiresIn': 86400}\n    \
             return s3.generate_presigned_url('get_object', **params)\n\n\
             def hour(s3):\n    params = {'Params': {'Bucket': 'b', 'Key': 'k'}}\n    \
             return s3.generate_presigned_url('get_object', **params)\n",
        ),
        (
            "Sign.java",
            "import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;\n\
             class Sign {\n    SignedUrl sign(CannedSignerRequest request) {\n        \
             return CloudFrontUtilities.create().getSignedUrlWithCannedPolicy(request);\n    }\n}\n",
        ),
        (
            "sign.php",
            "<?php\n$url = $cloudFront->getSignedUrl(['url' => $u, 'policy' => $policy, \
             'private_key' => $k, 'key_pair_id' => $id]);\n",
        ),
    ];
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    let doc = json(&run(
        dir.path(),
        &["--no-config", "--format", "json", "--max-expiry", "60"],
    ));
    let found: Vec<(String, u64, u64)> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap_or_default().to_string(),
                f["line"].as_u64().unwrap_or_default(),
                f["details"]["expiry_seconds"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("links.js".to_string(), 3, 900),
            ("links.py".to_string(), 5, 86400),
            ("links.py".to_string(), 10, 3600)
        ],
        "{doc}"
    );
    assert_eq!(doc["summary"]["dynamic_expiries"], 4, "{doc}");
}

#[test]
fn stdin_filename_alone_reads_standard_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "other.py",
        &format!("U = \"{}\"\n", signed_url(31)),
    );
    let input = format!("URL = \"{}\"\n", signed_url(32));
    let out = run_with_stdin(
        dir.path(),
        &[
            "--no-config",
            "--format",
            "json",
            "--stdin-filename",
            "app/settings.py",
        ],
        Some(input.as_bytes()),
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    // Standard input, not the directory: other.py is not scanned.
    assert_eq!(finding_paths(&out), ["app/settings.py"]);
}

#[test]
fn unnamed_stdin_takes_its_language_from_a_shebang_or_says_it_could_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    let script = "#!/usr/bin/env python3\nimport boto3\ns3 = boto3.client(\"s3\", region_name=\"eu-west-1\")\nurl = s3.generate_presigned_url(\"get_object\", Params={\"Bucket\": \"b\", \"Key\": \"k\"}, ExpiresIn=86400)\n";
    let out = run_with_stdin(
        dir.path(),
        &["--no-config", "--format", "json", "-"],
        Some(script.as_bytes()),
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let doc = json(&out);
    let lints: Vec<&str> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["lint"].as_str())
        .collect();
    assert_eq!(lints, ["excessive-expiry"]);
    assert!(!out.stderr.contains("warning"), "{}", out.stderr);

    let bare = script.replacen("#!/usr/bin/env python3\n", "", 1);
    let out = run_with_stdin(
        dir.path(),
        &["--no-config", "--format", "json", "-"],
        Some(bare.as_bytes()),
    );
    assert_eq!(out.code, 0);
    assert!(
        out.stderr.contains("only the text-level lints ran"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_mistyped_subcommand_is_not_scanned_as_a_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = run(dir.path(), &["chek", "."]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("'check'"), "{}", out.stderr);
    // A directory of that name is a path, as before.
    std::fs::create_dir(dir.path().join("chek")).expect("mkdir");
    let out = run(dir.path(), &["chek", "--no-config"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn a_policy_maximum_of_zero_or_decades_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let refused = |args: &[&str], reason: &str| {
        let out = run(dir.path(), args);
        assert_eq!(out.code, 2, "{args:?}");
        assert!(out.stderr.contains(reason), "{}", out.stderr);
    };
    for value in ["0", "0s", "4000d"] {
        refused(
            &["--no-config", "--max-expiry", value],
            "--max-expiry must be",
        );
    }
    write(dir.path(), "presign-lint.toml", "max-expiry = 0\n");
    refused(&[], "`max-expiry` must be at least");
    assert_eq!(
        run(dir.path(), &["--no-config", "--max-expiry", "7d"]).code,
        0
    );
}

#[test]
fn a_binary_file_named_is_said_to_be_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("blob.bin"), [0u8, 159, 146, 150, 0, 1]).expect("write");
    let named = run(dir.path(), &["--no-config", "blob.bin"]);
    assert_eq!(named.code, 0);
    assert!(
        named.stderr.contains("blob.bin: binary file, not scanned"),
        "{}",
        named.stderr
    );
    // Found by a walk, it is only counted.
    let walked = run(dir.path(), &["--no-config", "."]);
    assert!(!walked.stderr.contains("binary file"), "{}", walked.stderr);
}

#[test]
fn its_own_reports_in_the_tree_are_not_linted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(root, "app.py", "x = 1\n");
    // The action's old order: a SARIF report written into the workspace, then the gate.
    let sarif = run(
        root,
        &[
            "--no-config",
            "--format",
            "sarif",
            "--output",
            "presign-lint.sarif",
            "--fail-on",
            "never",
            ".",
        ],
    );
    assert_eq!(sarif.code, 0, "{}", sarif.stderr);
    // By content, whatever the name: the JSON report and a baseline too.
    let leak = format!("U = \"{}\"\n", signed_url(31));
    write(root, "leak.py", &leak);
    run(
        root,
        &["--no-config", "--format", "json", "-o", "report.txt"],
    );
    run(root, &["--no-config", "--write-baseline", "baseline.json"]);
    run(
        root,
        &[
            "--no-config",
            "--format",
            "gitlab",
            "-o",
            "gl-sast-report.json",
        ],
    );
    std::fs::remove_file(root.join("leak.py")).expect("rm");
    let gate = run(root, &["--no-config", "--format", "github", "."]);
    assert_eq!(gate.code, 0, "{}", gate.stdout);
    let human = run(root, &["--no-config", "."]);
    assert!(
        human
            .stdout
            .contains("no findings in 1 file; 4 presign-lint reports skipped"),
        "{}",
        human.stdout
    );
    let summary = &json(&run(root, &["--no-config", "--format", "json"]))["summary"];
    assert_eq!(summary["skipped_reports"], 4);

    // Something that only looks like a report is linted: a leak appended to one is found.
    let report = std::fs::read_to_string(root.join("report.txt")).expect("report");
    write(root, "report.txt", &format!("{report}\n{leak}"));
    let doctored = run(root, &["--no-config", "--format", "json", "."]);
    assert_eq!(doctored.code, 1);
    assert!(finding_paths(&doctored).contains(&"report.txt".to_string()));
}

#[test]
fn config_errors_say_where_and_verbose_says_which_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(root, "app.py", "x = 1\n");
    write(
        root,
        "presign-lint.toml",
        "max-expiry = \"15m\"\n\n[lints]\nexcessive-expiry = \"alow\"\n",
    );
    let bad = run(root, &["."]);
    assert_eq!(bad.code, 2);
    assert_eq!(
        bad.stderr.trim_end(),
        "error: presign-lint.toml:4:20: in `lints`: unknown level `alow`; did you mean `allow`?"
    );

    write(root, "presign-lint.toml", "max-expiry = \"15m\"\n");
    let quiet = run(root, &["."]);
    assert_eq!(quiet.code, 0);
    assert_eq!(quiet.stderr, "");
    let verbose = run(root, &["-v", "."]);
    assert!(
        verbose
            .stderr
            .contains("presign-lint: config: presign-lint.toml\n"),
        "{}",
        verbose.stderr
    );
    // Both names in one directory: which one wins is said, with or without -v.
    write(root, ".presign-lint.toml", "max-expiry = \"7d\"\n");
    let both = run(root, &["."]);
    assert!(
        both.stderr
            .contains("presign-lint.toml is used; .presign-lint.toml beside it is ignored"),
        "{}",
        both.stderr
    );
    let none = run(root, &["-v", "--no-config", "."]);
    assert!(
        none.stderr.contains("config: none (--no-config)"),
        "{}",
        none.stderr
    );
}

#[test]
fn level_groups_work_like_rustc_and_explain_takes_any_spelling() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(root, "leak.py", &format!("U = \"{}\"\n", signed_url(41)));
    write(
        root,
        "ttl.py",
        "import boto3\ns3 = boto3.client('s3', region_name='eu-west-1')\nu = s3.generate_presigned_url('get_object', ExpiresIn=86400)\n",
    );
    let levels = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["--no-config", "--format", "json", "--fail-on", "never"];
        all.extend_from_slice(args);
        let out = run(root, &all);
        assert_eq!(out.code, 0, "{}", out.stderr);
        json(&out)["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| {
                format!(
                    "{}@{}",
                    f["lint"].as_str().unwrap_or(""),
                    f["level"].as_str().unwrap_or("")
                )
            })
            .collect()
    };
    assert_eq!(
        levels(&[]),
        ["hardcoded-presigned-url@error", "excessive-expiry@warning"]
    );
    assert!(levels(&["-A", "all"]).is_empty());
    assert_eq!(
        levels(&["-A", "all", "-W", "hardcoded-presigned-url"]),
        ["hardcoded-presigned-url@warning"]
    );
    assert_eq!(
        levels(&["-D", "warnings"]),
        ["hardcoded-presigned-url@error", "excessive-expiry@error"]
    );
    assert_eq!(
        levels(&["-W", "all"]),
        [
            "hardcoded-presigned-url@warning",
            "excessive-expiry@warning"
        ]
    );
    // Later flags win: the group is read against the levels as they stand.
    assert_eq!(
        levels(&["-D", "warnings", "-W", "excessive-expiry"]),
        ["hardcoded-presigned-url@error", "excessive-expiry@warning"]
    );
    let typo = run(root, &["--no-config", "-D", "warnigs"]);
    assert_eq!(typo.code, 2);
    assert!(
        typo.stderr.contains("did you mean `warnings`"),
        "{}",
        typo.stderr
    );

    for spelling in ["Excessive-Expiry", "EXCESSIVE_EXPIRY", "ExcessiveExpiry"] {
        let out = run(root, &["explain", spelling]);
        assert_eq!(out.code, 0, "{spelling}: {}", out.stderr);
        assert!(out.stdout.starts_with("excessive-expiry (default level"));
    }
}

#[test]
fn completions_cover_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = run(dir.path(), &["completions", shell]);
        assert_eq!(out.code, 0, "{shell}: {}", out.stderr);
        assert!(
            out.stdout.contains("max-expiry") && out.stdout.contains("explain"),
            "{shell}"
        );
    }
    // The bash script is valid bash.
    let script = run(dir.path(), &["completions", "bash"]).stdout;
    std::fs::write(dir.path().join("c.bash"), script).expect("write");
    let syntax = std::process::Command::new("bash")
        .args(["-n", "c.bash"])
        .current_dir(dir.path())
        .status()
        .expect("bash");
    assert!(syntax.success());
    assert_eq!(run(dir.path(), &["completions", "tcsh"]).code, 2);
}

#[test]
fn pyproject_tool_table_is_a_config_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(
        root,
        "app/ttl.py",
        "import boto3\ns3 = boto3.client('s3', region_name='eu-west-1')\nu = s3.generate_presigned_url('get_object', ExpiresIn=7200)\n",
    );
    // Without [tool.presign-lint] a pyproject.toml is not a config: the default 1h applies.
    write(root, "app/pyproject.toml", "[project]\nname = \"app\"\n");
    assert_eq!(run(&root.join("app"), &["."]).code, 1);
    write(
        root,
        "app/pyproject.toml",
        "[project]\nname = \"app\"\n\n[tool.presign-lint]\nmax-expiry = \"3h\"\n",
    );
    let out = run(&root.join("app"), &["-v", "."]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stderr.contains("config: pyproject.toml"),
        "{}",
        out.stderr
    );
    // A presign-lint.toml beside it wins, and the pyproject table is said to be ignored.
    write(root, "app/presign-lint.toml", "max-expiry = \"1h\"\n");
    let both = run(&root.join("app"), &["."]);
    assert_eq!(both.code, 1);
    assert!(
        both.stderr.contains("pyproject.toml beside it is ignored"),
        "{}",
        both.stderr
    );
}

#[test]
fn every_text_format_ends_with_totals_and_statistics_count_per_lint() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(
        root,
        "a.py",
        &format!("U = \"{}\"\nV = \"{}\"\n", signed_url(51), signed_url(52)),
    );
    write(
        root,
        "b|c.py",
        "import boto3\ns3 = boto3.client('s3', region_name='eu-west-1')\nu = s3.generate_presigned_url('get_object', ExpiresIn=86400)\n",
    );
    let totals = "presign-lint: 2 errors, 1 warning in 2 files";
    for format in ["concise", "github"] {
        let out = run(root, &["--no-config", "--format", format]);
        assert_eq!(out.code, 1);
        assert_eq!(out.stdout.lines().last(), Some(totals), "{format}");
    }
    let stats = run(root, &["--no-config", "--statistics"]);
    assert_eq!(stats.code, 1);
    assert!(
        stats.stdout.starts_with("2  hardcoded-presigned-url  error\n1  excessive-expiry         warning\npresign-lint: 2 errors, 1 warning in 2 files ("),
        "{}",
        stats.stdout
    );
    assert_eq!(
        run(root, &["--no-config", "--statistics", "--format", "json"]).code,
        2
    );

    // Under GitHub Actions, the job summary gets a table and the first findings.
    let summary = root.join("summary.md");
    std::fs::write(&summary, "earlier step\n").expect("write");
    let out = common::run_with_env(
        root,
        &["--no-config", "--format", "github", "a.py", "b|c.py"],
        &[("GITHUB_STEP_SUMMARY", summary.to_str().expect("utf-8"))],
    );
    assert_eq!(out.code, 1);
    let markdown = std::fs::read_to_string(&summary).expect("summary");
    assert!(
        markdown.starts_with("earlier step\n### presign-lint: 2 errors, 1 warning in 2 files\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| `hardcoded-presigned-url` | error | 2 |"),
        "{markdown}"
    );
    assert!(markdown.contains("| `b\\|c.py:3:"), "{markdown}");
    // Machine formats write files: they leave the summary alone.
    std::fs::write(&summary, "").expect("write");
    common::run_with_env(
        root,
        &["--no-config", "--format", "sarif"],
        &[("GITHUB_STEP_SUMMARY", summary.to_str().expect("utf-8"))],
    );
    assert_eq!(std::fs::read_to_string(&summary).expect("summary"), "");

    // Quiet and clean: nothing at all, in any text format.
    let clean = tempfile::tempdir().expect("tempdir");
    write(clean.path(), "ok.py", "x = 1\n");
    for format in ["human", "concise", "github"] {
        let out = run(clean.path(), &["--no-config", "-q", "--format", format]);
        assert_eq!((out.code, out.stdout.as_str()), (0, ""), "{format}");
    }
}

#[test]
fn snippets_show_what_fits_and_messages_stay_on_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let url = signed_url(61);
    // A line that fits 120 columns is shown whole, the comment after the span included.
    write(
        root,
        "short.py",
        "import boto3\ns3 = boto3.client('s3', region_name='eu-west-1')\nu = s3.generate_presigned_url('get_object', ExpiresIn=86400)  # nightly export\n",
    );
    // A long line is cut to 120 columns around the span, with `…` on each cut side.
    let filler = "'k': 'v', ".repeat(30);
    write(
        root,
        "long.py",
        &format!("C = {{{filler}'url': '{url}', {filler}}}\n"),
    );
    // A request built over several lines is quoted on one line.
    write(
        root,
        "A.java",
        "class A {\n  void f() {\n    var req = GetObjectPresignRequest.builder()\n        .signatureDuration(Duration.ofDays(2))\n        .build();\n    presigner.presignGetObject(req);\n  }\n}\n",
    );
    let out = run(root, &["--no-config", "--fail-on", "never", "."]);
    let source_lines: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| {
            l.split_once(" | ")
                .is_some_and(|(n, _)| n.trim().parse::<usize>().is_ok())
        })
        .collect();
    assert!(
        source_lines.iter().any(|l| l.ends_with(
            "u = s3.generate_presigned_url('get_object', ExpiresIn=86400)  # nightly export"
        )),
        "{}",
        out.stdout
    );
    let long = source_lines
        .iter()
        .find(|l| l.contains("https://"))
        .expect("the long line");
    assert!(long.chars().count() <= 120, "{long}");
    let code = long.split_once(" | ").map_or("", |(_, c)| c);
    assert!(code.starts_with('…') && code.ends_with('…'), "{long}");
    // The header keeps the real column, far beyond what is shown.
    let column = format!("long.py:1:{}", 6 + filler.chars().count() + 8);
    assert!(out.stdout.contains(&column), "{column}\n{}", out.stdout);
    let java = out
        .stdout
        .lines()
        .find(|l| l.starts_with("warning[excessive-expiry]") && l.contains("presignGetObject"))
        .expect("the Java finding");
    assert!(
        java.contains("(req = GetObjectPresignRequest.builder().signatureDuration(…, line 3)"),
        "{java}"
    );
}
