//! Never print a secret: signatures, session tokens, secret keys and SAS `sig` values, planted
//! in every URL encoding, in file contents and in file names, must not appear in any output
//! format, the report file, the baseline, error messages or `explain`. (The tool has no debug
//! or verbose logging: stderr is checked in every run.)

mod common;

use common::{Fake, SECRET_PARAMS, run, secret_at, signed_urls};

fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn percent_decode(s: &str) -> String {
    s.replace("%2B", "+")
        .replace("%2F", "/")
        .replace("%3D", "=")
}

/// Every way the tests wrap a URL: (name, wrapped).
fn encodings(url: &str) -> Vec<(&'static str, String)> {
    let once = percent_encode(url);
    vec![
        ("plain", url.to_string()),
        ("percent", format!("https://app.example.org/dl?next={once}")),
        (
            "percent-twice",
            format!(
                "https://sso.example.org/login?continue={}",
                percent_encode(&format!("https://app.example.org/dl?next={once}"))
            ),
        ),
        ("json", url.replace('/', "\\/").replace('&', "\\u0026")),
        ("json-amp", url.replace('&', "\\u0026")),
        ("json-slash", url.replace('/', "\\/")),
        ("html", url.replace('&', "&amp;")),
    ]
}

/// The stretches of a secret that survive any encoding: its alphanumeric runs of 10 or more
/// characters (encodings only rewrite `+`, `/`, `=` and `%`).
fn fragments(secret: &str) -> Vec<String> {
    percent_decode(secret)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|run| run.len() >= 10)
        .map(str::to_string)
        .collect()
}

fn assert_no_secret(outputs: &[(String, String)], secrets: &[String]) {
    let fragments: Vec<String> = secrets.iter().flat_map(|s| fragments(s)).collect();
    assert!(fragments.len() >= secrets.len());
    for (what, output) in outputs {
        for fragment in &fragments {
            assert!(
                !output.contains(fragment.as_str()),
                "secret fragment {fragment} printed in {what}:\n{output}"
            );
        }
    }
}

#[test]
fn no_secret_in_any_output_encoding_or_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let mut fake = Fake::new(2024);
    let urls = signed_urls(&mut fake);
    let mut secrets: Vec<String> = Vec::new();
    for (_, url) in &urls {
        for param in url.split('&') {
            if let Some(at) = secret_at(param)
                && param.len() - at > 16
            {
                secrets.push(param[at..].to_string());
            }
        }
    }
    let secret_key = |fake: &mut Fake| {
        fake.pick(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
            40,
        )
    };

    // Source: every URL in every encoding, each line also carrying a secret access key in one
    // of its spellings, so the snippet of the finding holds both.
    let key_forms = [
        "aws_secret_access_key={}",
        "AWS_SECRET_ACCESS_KEY = '{}'",
        "\"SecretAccessKey\": \"{}\"",
        "secret_access_key: {}",
    ];
    let mut py = String::new();
    let mut i = 0;
    for (_, url) in &urls {
        for (encoding, wrapped) in encodings(url) {
            let key = secret_key(&mut fake);
            let form = key_forms[i % key_forms.len()].replace("{}", &key);
            secrets.push(key);
            py.push_str(&format!("u{i} = \"{wrapped}\"  # {encoding} {form}\n"));
            i += 1;
        }
    }
    std::fs::write(root.join("leaks.py"), py).expect("write");
    let env_key = secret_key(&mut fake);
    std::fs::write(
        root.join(".env"),
        format!(
            "AWS_SECRET_ACCESS_KEY={env_key}\nAWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEJr{}\nREPORT_URL={}\n",
            fake.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 120),
            urls[1].1
        ),
    )
    .expect("write");
    secrets.push(env_key);
    std::fs::write(
        root.join("page.html"),
        format!(
            "<a href=\"{}\">report</a>\n<img src=\"{}\">\n",
            urls[6].1.replace('&', "&amp;"),
            urls[0].1.replace('&', "&#38;")
        ),
    )
    .expect("write");

    // A file saved by `wget` from a signed URL carries the signature in its name; its content
    // is a finding too, so the name reaches every report.
    let name_sig = fake.hex(64);
    let wget_name = format!("report.csv?X-Amz-Date=20240115T101500Z&X-Amz-Signature={name_sig}");
    std::fs::write(root.join(&wget_name), format!("{}\n", urls[0].1)).expect("write");
    secrets.push(name_sig);
    // The same kind of name, missing and named on the command line: an error message.
    let missing_sig = fake.hex(64);
    let missing = format!("gone.bin?X-Amz-Signature={missing_sig}");
    secrets.push(missing_sig);

    let mut outputs: Vec<(String, String)> = Vec::new();
    for format in ["human", "concise", "json", "sarif", "github", "gitlab"] {
        for color in ["never", "always"] {
            let out = run(
                root,
                &[
                    "--no-config",
                    "--format",
                    format,
                    "--color",
                    color,
                    "--write-baseline",
                    "baseline.json",
                    "-o",
                    "report.out",
                    ".",
                    &missing,
                ],
            );
            assert_eq!(out.code, 2, "{format}: {}", out.stderr);
            let report = std::fs::read_to_string(root.join("report.out")).expect("report");
            assert!(
                report.contains("gone.bin"),
                "{format}: the error is reported"
            );
            assert!(
                report.contains("report.csv"),
                "{format}: the wget-named file is reported"
            );
            outputs.push((format!("{format} report"), report));
            outputs.push((format!("{format} stdout"), out.stdout));
            outputs.push((format!("{format} stderr"), out.stderr));
            let baseline = std::fs::read_to_string(root.join("baseline.json")).expect("baseline");
            outputs.push(("baseline".to_string(), baseline));
            std::fs::remove_file(root.join("report.out")).expect("rm");
            std::fs::remove_file(root.join("baseline.json")).expect("rm");
        }
    }
    // The findings really are there: 7 URLs x 7 encodings, the .env, HTML and wget-named files.
    let json_out = &outputs
        .iter()
        .find(|(w, _)| w == "json report")
        .expect("json")
        .1;
    let doc: serde_json::Value = serde_json::from_str(json_out).expect("json");
    assert!(
        doc["summary"]["findings"].as_u64().unwrap_or(0) >= 7 * 7 + 3,
        "{}",
        doc["summary"]
    );

    // Error messages: a signed URL where a duration, a lint name or a config value belongs.
    let url = &urls[0].1;
    let bad_config = format!("max-expiry = \"{url}\"\n");
    std::fs::write(root.join("bad.toml"), bad_config).expect("write");
    let unknown_key = format!("\"{url}\" = 1\n");
    std::fs::write(root.join("bad-key.toml"), unknown_key).expect("write");
    for args in [
        vec!["--config", "bad.toml", "leaks.py"],
        vec!["--config", "bad-key.toml", "leaks.py"],
        vec!["--no-config", "--max-expiry", url, "leaks.py"],
        vec!["--no-config", "-D", url, "leaks.py"],
        vec!["--no-config", "--fail-on", url, "leaks.py"],
        vec!["--no-config", "--format", url, "leaks.py"],
        vec!["--no-config", "--baseline", "leaks.py", "leaks.py"],
        vec!["explain", url],
    ] {
        let out = run(root, &args);
        assert_eq!(out.code, 2, "{args:?} must fail: {}", out.stdout);
        assert!(
            !out.stderr.is_empty() || out.stdout.contains("baseline"),
            "{args:?} says why"
        );
        outputs.push((format!("{args:?} stderr"), out.stderr));
        outputs.push((format!("{args:?} stdout"), out.stdout));
    }
    assert_no_secret(&outputs, &secrets);
}

/// Snippets are cut to a window around the finding, which on a long URL can leave its
/// signature out by chance: here each kind's secret parameters lead the query, so every
/// snippet shows where they are, and each kind's signature must be masked there, in every
/// output format.
#[test]
fn no_signature_of_any_kind_when_it_leads_the_query() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let urls = signed_urls(&mut Fake::new(2025));
    let mut secrets: Vec<String> = Vec::new();
    let mut py = String::new();
    for (i, (_, url)) in urls.iter().enumerate() {
        let (base, query) = url.split_once('?').expect("a query");
        let (mut first, rest): (Vec<&str>, Vec<&str>) =
            query.split('&').partition(|p| secret_at(p).is_some());
        for param in &first {
            let at = secret_at(param).expect("a secret");
            secrets.push(param[at..].to_string());
        }
        first.extend(rest);
        py.push_str(&format!("u{i} = \"{base}?{}\"\n", first.join("&")));
    }
    std::fs::write(root.join("leading.py"), &py).expect("write");
    let mut outputs = Vec::new();
    for format in ["human", "concise", "json", "sarif", "github", "gitlab"] {
        let out = run(root, &["--no-config", "--format", format, "."]);
        assert_eq!(out.code, 1, "{format}: {}", out.stderr);
        outputs.push((format!("{format} stdout"), out.stdout));
        outputs.push((format!("{format} stderr"), out.stderr));
    }
    let json = run(root, &["--no-config", "--format", "json", "."]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    let mut kinds: Vec<&str> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["lint"] == "hardcoded-presigned-url")
        .filter_map(|f| f["details"]["url_kind"].as_str())
        .collect();
    let mut expected: Vec<&str> = urls.iter().map(|(kind, _)| *kind).collect();
    kinds.sort_unstable();
    expected.sort_unstable();
    assert_eq!(kinds, expected, "{}", json.stdout);
    assert_no_secret(&outputs, &secrets);
    // A snippet cut inside a signature shows its start: no 10 characters of one either.
    for secret in &secrets {
        for run in fragments(secret) {
            let head = &run[..10];
            for (what, output) in &outputs {
                assert!(
                    !output.contains(head),
                    "the start of a signature, {head}, printed in {what}:\n{output}"
                );
            }
        }
    }
}

#[test]
fn explain_prints_no_signature_of_its_examples() {
    let root = common::repo_root();
    let lints = run(&root, &["lints", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&lints.stdout).expect("lints json");
    let names: Vec<String> = doc
        .as_array()
        .or_else(|| doc["lints"].as_array())
        .expect("a list of lints")
        .iter()
        .filter_map(|l| l["name"].as_str().map(str::to_string))
        .collect();
    assert!(names.len() >= 12, "{names:?}");
    for name in names {
        let out = run(&root, &["explain", &name]);
        assert_eq!(out.code, 0, "{name}");
        let text = out.stdout.to_ascii_lowercase();
        for key in SECRET_PARAMS {
            let key = key.to_ascii_lowercase();
            for value in text.split(key.as_str()).skip(1) {
                let shown: String = value
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || "%+/=_-".contains(*c))
                    .collect();
                assert!(
                    shown.len() < 16,
                    "explain {name} prints a {key} value: {shown}"
                );
            }
        }
    }
}

/// A URL cut into pieces: before each `&`, and each secret value (signature, token) into
/// pieces of 16 characters. Returns the pieces and, for each secret, the parts of it that
/// land in each piece.
fn cut_secrets(url: &str) -> (Vec<String>, Vec<String>) {
    let mut pieces = Vec::new();
    let mut secret_parts = Vec::new();
    for (i, param) in url.split('&').enumerate() {
        let param = if i == 0 {
            param.to_string()
        } else {
            format!("&{param}")
        };
        let Some(at) = secret_at(param.as_str()) else {
            pieces.push(param);
            continue;
        };
        // The name and the value's first four characters, then 16 at a time.
        let head = (at + 4).min(param.len());
        pieces.push(param[..head].to_string());
        secret_parts.push(param[at..head].to_string());
        let rest: Vec<char> = param[head..].chars().collect();
        for chunk in rest.chunks(16) {
            let chunk: String = chunk.iter().collect();
            secret_parts.push(chunk.clone());
            pieces.push(chunk);
        }
    }
    (pieces, secret_parts)
}

/// A signed URL split across literals or lines leaks nothing either: every piece of its
/// signature or token is masked in every output format, also on lines where another finding
/// quotes a piece (a malformed suppression on each piece's line, the next URL starting on the
/// line of the last piece), and also when the lints that report signed URLs are allowed.
#[test]
fn no_secret_of_a_split_url_in_any_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let mut fake = Fake::new(1406);
    let urls = signed_urls(&mut fake);
    let mut parts: Vec<String> = Vec::new();
    let (mut py, mut js, mut yaml, mut list) = (
        String::from("URLS = [\n"),
        String::new(),
        String::from("links:\n"),
        String::from("CHAINED = [\n"),
    );
    for (k, (_, url)) in urls.iter().enumerate() {
        let (pieces, secret_parts) = cut_secrets(url);
        assert!(secret_parts.len() >= 3, "{url}");
        parts.extend(secret_parts);
        for (i, piece) in pieces.iter().enumerate() {
            // Each line also holds a malformed suppression: a finding that quotes the line.
            // The marker's name is assembled, so that this file holds no marker of its own.
            let tool = "presign-lint";
            py.push_str(&format!(
                "    \"{piece}\"  # {tool}: allow(no-such-lint-{k}-{i})\n"
            ));
            let (open, close) = match i {
                0 => (format!("export const u{k} =\n  "), " +"),
                _ if i + 1 == pieces.len() => ("  ".to_string(), ";"),
                _ => ("  ".to_string(), " +"),
            };
            js.push_str(&format!(
                "{open}'{piece}'{close}  // {tool}: allow(no-such-lint-{k}-{i})\n"
            ));
        }
        py.push_str("    ,\n");
        yaml.push_str(&format!("  u{k}: >-\n"));
        for piece in &pieces {
            yaml.push_str(&format!("    {piece}\n"));
        }
        // The next URL starts on the line of this one's last piece.
        let (last, init) = pieces.split_last().expect("pieces");
        for piece in init {
            list.push_str(&format!("    \"{piece}\"\n"));
        }
        list.push_str(&format!("    \"{last}\", "));
    }
    py.push_str("]\n");
    list.push_str("\"https://acme-public-assets.s3.amazonaws.com/brand/logo.png\",\n]\n");
    for (name, content) in [
        ("split.py", &py),
        ("split.js", &js),
        ("split.yaml", &yaml),
        ("chained.py", &list),
    ] {
        std::fs::write(root.join(name), content).expect("write");
    }

    let mut outputs: Vec<(String, String)> = Vec::new();
    let allowed: &[&str] = &[
        "-A",
        "hardcoded-presigned-url",
        "-A",
        "insecure-transport",
        "-A",
        "legacy-signature-version",
    ];
    for lints in [&[][..], allowed] {
        for format in ["human", "concise", "json", "sarif", "github", "gitlab"] {
            let mut args = vec!["--no-config", "--format", format];
            args.extend_from_slice(lints);
            args.push(".");
            let out = run(root, &args);
            assert_eq!(out.code, 1, "{format}: {}", out.stderr);
            outputs.push((format!("{format} {lints:?} stdout"), out.stdout));
            outputs.push((format!("{format} {lints:?} stderr"), out.stderr));
        }
    }
    // The URLs really are found, each once, at its first piece, and the pieces' lines
    // really are quoted.
    let found = run(root, &["--no-config", "--format", "json", "."]);
    let doc: serde_json::Value = serde_json::from_str(&found.stdout).expect("json");
    let findings = doc["findings"].as_array().expect("findings");
    let count = |lint: &str| findings.iter().filter(|f| f["lint"] == lint).count();
    assert_eq!(
        count("hardcoded-presigned-url"),
        4 * urls.len(),
        "{}",
        found.stdout
    );
    assert!(count("invalid-suppression") >= 2 * 4 * urls.len());

    let fragments: Vec<String> = parts
        .iter()
        .flat_map(|p| fragments(p))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert!(fragments.len() >= 3 * urls.len(), "{fragments:?}");
    for (what, output) in &outputs {
        for fragment in &fragments {
            assert!(
                !output.contains(fragment.as_str()),
                "a piece of a split signature, {fragment}, printed in {what}:\n{output}"
            );
        }
    }
}

const PLANTED: &str = "0b3c5e7a9f1d2c4b6a8e0f2d4c6b8a0e1f3d5c7b9a2e4f6d8c0b1a3e5f7d9c2b";
const PLANTED_KEY_ID: &str = "AKIAZ7Q3M4XN2L5P8R6T";

fn planted_url() -> String {
    format!(
        "https://b.s3.amazonaws.com/k?X-Amz-Expires=604800&X-Amz-Credential={PLANTED_KEY_ID}%2F20240101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature={PLANTED}"
    )
}

fn assert_nothing_planted(what: &str, output: &str) {
    assert!(
        !output.contains(&PLANTED[..16]) && !output.contains(PLANTED_KEY_ID),
        "a planted secret printed in {what}:\n{output}"
    );
}

/// A line of a CI log that a workflow runner would read as a command, or a terminal escape.
fn assert_no_injection(what: &str, output: &str) {
    for line in output.lines() {
        assert!(
            !line.trim_start().starts_with("::add-mask::")
                && !line.trim_start().starts_with("::stop-commands::")
                && !line.trim_start().starts_with("::warning::"),
            "a workflow command injected into {what}:\n{output}"
        );
    }
    assert!(
        !output.contains('\u{1b}') && !output.contains('\r'),
        "a control character printed raw in {what}:\n{output:?}"
    );
}

/// Issue 16, item 7: a baseline's path and content, and a config's values, reach error
/// messages and SARIF suppressions redacted.
#[test]
fn error_paths_and_baseline_paths_are_redacted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let url = planted_url();
    std::fs::write(root.join("v.py"), format!("url = \"{url}\"\n")).expect("write");
    let named = format!("d?X-Amz-Credential={PLANTED_KEY_ID}%2F20240101&X-Amz-Signature={PLANTED}");
    std::fs::create_dir(root.join(&named)).expect("mkdir");
    let good = format!("{named}/ok.json");
    let bad = format!("{named}/bad.json");
    std::fs::write(
        root.join(&bad),
        format!("{{\"version\": 1, \"findings\": \"{url}\"}}"),
    )
    .expect("write");
    let mut outputs = Vec::new();
    let wrote = run(root, &["--no-config", "--write-baseline", &good, "v.py"]);
    outputs.push(("--write-baseline stderr".to_string(), wrote.stderr));
    for format in ["human", "json", "sarif"] {
        let out = run(
            root,
            &[
                "--no-config",
                "--format",
                format,
                "--baseline",
                &good,
                "v.py",
            ],
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
        outputs.push((format!("{format} with baseline"), out.stdout + &out.stderr));
        let out = run(
            root,
            &[
                "--no-config",
                "--format",
                format,
                "--baseline",
                &bad,
                "v.py",
            ],
        );
        assert_eq!(out.code, 2);
        assert!(out.stderr.contains("invalid baseline"), "{}", out.stderr);
        // The path is still readable after the secret.
        assert!(out.stderr.contains("[REDACTED]/bad.json"), "{}", out.stderr);
        outputs.push((
            format!("{format} with bad baseline"),
            out.stdout + &out.stderr,
        ));
    }
    std::fs::write(
        root.join(".presign-lint.toml"),
        format!("max-expiry = \"{url}\"\n[lints]\n\"{url}\" = \"deny\"\n"),
    )
    .expect("write");
    let out = run(root, &["--format", "json", "v.py"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    outputs.push(("config error".to_string(), out.stdout + &out.stderr));
    let out = run(root, &["--config", &format!("{named}/none.toml"), "v.py"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    outputs.push(("missing config".to_string(), out.stdout + &out.stderr));
    for (what, output) in &outputs {
        assert_nothing_planted(what, output);
    }
}

/// Issue 16, item 8: a `\` in a file name is not turned into `/` before redaction, so
/// `\u003d` still names the signature, and the name shown is the file's.
#[cfg(unix)]
#[test]
fn a_backslash_in_a_file_name_does_not_defeat_redaction() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let name = format!("r.py?a=1\\u0026X-Amz-Signature\\u003d{PLANTED}");
    std::fs::write(root.join(&name), format!("url = \"{}\"\n", planted_url())).expect("write");
    for format in ["human", "concise", "json", "sarif", "github"] {
        let out = run(root, &["--no-config", "--format", format, "."]);
        assert_eq!(out.code, 1, "{}", out.stderr);
        assert_nothing_planted(format, &(out.stdout.clone() + &out.stderr));
        // As is, JSON-escaped, or percent-encoded in a SARIF URI: never `/u0026`.
        assert!(
            out.stdout.contains("r.py?a=1\\u0026X-Amz-Signature")
                || out.stdout.contains("r.py?a=1\\\\u0026X-Amz-Signature")
                || out.stdout.contains("r.py%3Fa%3D1%5Cu0026X-Amz-Signature"),
            "{format}: {}",
            out.stdout
        );
    }
}

/// Issue 16, item 11: keys, values and file names a pull request controls cannot write a
/// workflow command or a terminal escape into a text format or stderr.
#[cfg(unix)]
#[test]
fn control_characters_are_escaped_in_text_output_and_stderr() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let name = "x\n::add-mask::y\r\u{1b}[2J\n::warning::z.py";
    std::fs::write(root.join(name), format!("url = \"{}\"\n", planted_url())).expect("write");
    for format in ["human", "concise", "github"] {
        let out = run(root, &["--no-config", "--format", format, "."]);
        assert_eq!(out.code, 1, "{}", out.stderr);
        assert_no_injection(format, &out.stdout);
        assert_no_injection(format, &out.stderr);
        let shown = if format == "github" {
            "x\\n%3A%3Aadd-mask%3A%3Ay\\r\\x1b[2J"
        } else {
            "x\\n::add-mask::y\\r\\x1b[2J"
        };
        assert!(out.stdout.contains(shown), "{}", out.stdout);
    }
    // A discovered config whose key or value holds a workflow command.
    std::fs::write(
        root.join(".presign-lint.toml"),
        "max-expiry = \"1h\\n::add-mask::secret\\n::stop-commands::x\"\n",
    )
    .expect("write");
    let out = run(root, &["--format", "github", "."]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_no_injection("config value error", &out.stderr);
    std::fs::write(
        root.join(".presign-lint.toml"),
        "[lints]\n\"a\\n::stop-commands::x\\u001b[31m\" = \"deny\"\n",
    )
    .expect("write");
    let out = run(root, &["--format", "github", "."]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_no_injection("config key error", &out.stderr);
    // A command-line argument quoted by the parser.
    let out = run(root, &["--format", "x\n::add-mask::y", "."]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_no_injection("argument error", &out.stderr);
    let out = run(root, &["--no-such-flag\n::add-mask::y", "."]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_no_injection("unknown argument", &out.stderr);
}

/// Issue 16, item 9: a URL's userinfo password and an object key that quotes a signed URL
/// reach neither the snippet nor `details`.
#[test]
fn userinfo_and_object_keys_are_redacted_in_details() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let query = format!(
        "X-Amz-Credential={PLANTED_KEY_ID}%2F20240101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240101T000000Z&X-Amz-Expires=604800&X-Amz-SignedHeaders=host&X-Amz-Signature={PLANTED}"
    );
    std::fs::write(
        root.join("a.py"),
        format!(
            "u5 = \"http://admin:hunter2secret@b.s3.amazonaws.com/k?{query}\"\nu6 = \"https://b.s3.amazonaws.com/foo%3FX-Amz-Credential%3D{PLANTED_KEY_ID}%252F2024%26X-Amz-Signature%3D{PLANTED}?{query}\"\n"
        ),
    )
    .expect("write");
    for format in ["human", "concise", "json", "sarif", "github", "gitlab"] {
        let out = run(root, &["--no-config", "--format", format, "."]);
        assert_eq!(out.code, 1, "{}", out.stderr);
        let output = out.stdout + &out.stderr;
        assert_nothing_planted(format, &output);
        assert!(!output.contains("hunter2secret"), "{format}:\n{output}");
    }
    let out = run(root, &["--no-config", "--format", "json", "."]);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    let hosts: Vec<&str> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["details"]["host"].as_str())
        .collect();
    assert!(
        hosts.contains(&"admin:[REDACTED]@b.s3.amazonaws.com"),
        "{hosts:?}"
    );
}
