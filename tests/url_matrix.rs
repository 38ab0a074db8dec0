//! Every signed-URL kind, in every encoding, in every file type the issue names: each must be
//! found exactly once, on the right line, with the right `url_kind`; and nothing else.

mod common;

use std::collections::BTreeMap;

use common::{Fake, json, run, secret_at, signed_urls};

/// How a URL is wrapped before it lands in a file.
const ENCODINGS: [&str; 4] = ["plain", "percent", "json", "html"];

fn encode(url: &str, encoding: &str) -> String {
    match encoding {
        "plain" => url.to_string(),
        // The whole URL as a query parameter of another URL.
        "percent" => format!(
            "https://app.acme.example/download?next={}",
            url.bytes()
                .map(|b| if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                })
                .collect::<String>()
        ),
        "json" => url.replace('/', "\\/").replace('&', "\\u0026"),
        "html" => url.replace('&', "&amp;"),
        _ => unreachable!(),
    }
}

/// A file of each type holding `u` where real code or config would: (file name, content).
fn embed(ext: &str, u: &str) -> String {
    match ext {
        "py" => format!("import os\n\nREPORT_URL = \"{u}\"  # pasted from a ticket\n"),
        "js" => {
            format!("// download helper\nconst reportUrl = '{u}';\nexport default reportUrl;\n")
        }
        "ts" => format!("export const reportUrl: string =\n  `{u}`;\n"),
        "go" => format!("package report\n\nconst reportURL = \"{u}\"\n"),
        "java" => format!("class Report {{\n    static final String URL = \"{u}\";\n}}\n"),
        "rb" => format!("# frozen_string_literal: true\nREPORT_URL = '{u}'.freeze\n"),
        "php" => format!("<?php\n$reportUrl = '{u}';\n"),
        "cs" => {
            format!("public static class Report\n{{\n    public const string Url = @\"{u}\";\n}}\n")
        }
        "rs" => format!("pub const REPORT_URL: &str = \"{u}\";\n"),
        "sh" => format!("#!/bin/sh\nset -eu\ncurl -fsSL -o report.csv \"{u}\"\n"),
        "yaml" => format!("report:\n  url: {u}\n  format: csv\n"),
        "json" => format!("{{\n  \"report\": {{\n    \"url\": \"{u}\"\n  }}\n}}\n"),
        "env" => format!("# exported by ops\nREPORT_URL={u}\n"),
        "tf" => format!("locals {{\n  report_url = \"{u}\"\n}}\n"),
        "md" => format!("# Report\n\nDownload it [here]({u}).\n"),
        "ipynb" => format!(
            "{{\n \"cells\": [\n  {{\n   \"cell_type\": \"code\",\n   \"source\": [\n    \"import requests\\n\",\n    \"r = requests.get(\\\"{u}\\\")\\n\"\n   ]\n  }}\n ],\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}}\n"
        ),
        "html" => format!("<!doctype html>\n<p><a href=\"{u}\">report</a></p>\n"),
        _ => unreachable!(),
    }
}

const EXTENSIONS: [&str; 17] = [
    "py", "js", "ts", "go", "java", "rb", "php", "cs", "rs", "sh", "yaml", "json", "env", "tf",
    "md", "ipynb", "html",
];

#[test]
fn every_kind_in_every_encoding_in_every_file_type() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut fake = Fake::new(7);
    let urls = signed_urls(&mut fake);
    // path -> (line, url_kind)
    let mut expected: BTreeMap<String, (usize, &str)> = BTreeMap::new();
    for ext in EXTENSIONS {
        for (k, (kind, url)) in urls.iter().enumerate() {
            for encoding in ENCODINGS {
                // JSON-escaping a URL inside a JSON/notebook string is the same layer twice;
                // HTML-escaping belongs to markup and templates but is harmless anywhere.
                let encoded = encode(url, encoding);
                let name = format!("{ext}-{k}-{encoding}.{ext}");
                let content = embed(ext, &encoded);
                let line = content
                    .lines()
                    .position(|l| l.contains("https"))
                    .expect("url line")
                    + 1;
                if k == 0 {
                    eprintln!("=== {name}\n{content}");
                }
                std::fs::write(dir.path().join(&name), content).expect("write");
                expected.insert(name, (line, kind));
            }
        }
    }
    // The matrix is about finding URLs: the SigV2 URL is also `legacy-signature-version`,
    // which is tested by its own fixtures.
    let out = run(
        dir.path(),
        &[
            "--format",
            "json",
            "--no-config",
            "-A",
            "legacy-signature-version",
            ".",
        ],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let doc = json(&out);
    let mut actual: BTreeMap<String, Vec<(usize, String)>> = BTreeMap::new();
    for f in doc["findings"].as_array().expect("findings") {
        assert_eq!(f["lint"], "hardcoded-presigned-url");
        actual
            .entry(f["path"].as_str().expect("path").to_string())
            .or_default()
            .push((
                f["line"].as_u64().expect("line") as usize,
                f["details"]["url_kind"].as_str().expect("kind").to_string(),
            ));
    }
    let mut problems = Vec::new();
    for (name, (line, kind)) in &expected {
        match actual.get(name).map(Vec::as_slice) {
            Some([(l, k)]) if l == line && k == kind => {}
            other => problems.push(format!(
                "{name}: expected {kind} on line {line}, got {other:?}"
            )),
        }
    }
    for name in actual.keys() {
        if !expected.contains_key(name) {
            problems.push(format!("{name}: unexpected findings"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert_eq!(
        expected.len(),
        EXTENSIONS.len() * urls.len() * ENCODINGS.len()
    );
}

#[test]
fn placeholders_and_url_building_code_are_silent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let negatives = [
        // AWS documentation example, with the documented placeholder key.
        "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404",
        "https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=<signature>",
        "https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=...",
        "https://b.s3.amazonaws.com/k?X-Amz-Credential=AKIAZ7Q3M4XN2L5P8R6T%2Fx&X-Amz-Signature=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "https://b.s3.amazonaws.com/k?X-Amz-Credential=AKIAZ7Q3M4XN2L5P8R6T%2Fx&X-Amz-Signature=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "https://acct.blob.core.windows.net/c/b?sv=2022-11-02&sp=r&se=2024-01-01&sig=EXAMPLE",
        "https://bucket.s3.amazonaws.com/plain/object.png",
        "https://d111111abcdef8.cloudfront.net/image.jpg?Expires=1357034400&Signature=...&Key-Pair-Id=APKAEXAMPLE",
    ];
    let mut text = String::from("# Examples from the docs\n");
    for n in negatives {
        text.push_str(&format!("    {n}\n"));
    }
    std::fs::write(dir.path().join("docs.md"), text).expect("write");
    std::fs::write(
        dir.path().join("build.py"),
        r#"
SIGV4 = re.compile(r"X-Amz-Signature=[0-9a-f]{64}")
AZURE = re.compile(r"[?&]sig=[A-Za-z0-9%]+")
url = f"https://{bucket}.s3.amazonaws.com/{key}?X-Amz-Credential={cred}&X-Amz-Signature={signature}"
url2 = "https://" + host + "/" + key + "?X-Amz-Signature=" + sig
url3 = "https://%s.s3.amazonaws.com/%s?Signature=%s&AWSAccessKeyId=%s" % parts
headers = {"Authorization": "AWS4-HMAC-SHA256 Credential=AKIAZ7Q3M4XN2L5P8R6T/20240115/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=3f1c9a7be2d84f06a5c1e9b7d2f08a6c4e1b3d5f7a9c0e2b4d6f8a1c3e5b7d9f"}
check(Signature=signature, Key="k")
"#,
    )
    .expect("write");
    std::fs::write(
        dir.path().join("form.html"),
        "<input type=\"hidden\" name=\"X-Amz-Signature\" value=\"{{ sig }}\">\n<input name=\"X-Amz-Credential\" value=\"{{ cred }}\">\n",
    )
    .expect("write");
    let out = run(dir.path(), &["--format", "json", "--no-config", "."]);
    let doc = json(&out);
    assert_eq!(doc["findings"], serde_json::json!([]), "{}", out.stdout);
    assert_eq!(out.code, 0);
    assert_eq!(doc["summary"]["files_scanned"], 3);
}

/// Cuts a URL into pieces: before each `&` (or after it, with `separator_last`), and the
/// secret values (signature, token) into pieces of 16 characters, so every join style also
/// joins inside a signature.
fn cut(url: &str, separator_last: bool) -> Vec<String> {
    let pieces = cut_before_separators(url);
    if !separator_last {
        return pieces;
    }
    // `…&` then `X-Amz-Signature=…`: move each leading `&` to the end of the piece before.
    let mut moved: Vec<String> = Vec::new();
    for piece in pieces {
        match (piece.strip_prefix('&'), moved.last_mut()) {
            (Some(rest), Some(last)) => {
                last.push('&');
                moved.push(rest.to_string());
            }
            _ => moved.push(piece),
        }
    }
    moved
}

fn cut_before_separators(url: &str) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    for (i, param) in url.split('&').enumerate() {
        let param = if i == 0 {
            param.to_string()
        } else {
            format!("&{param}")
        };
        let secret = secret_at(&param).or_else(|| param.find("Token=").map(|at| at + 6));
        match secret {
            Some(at) => {
                pieces.push(param[..at + 4.min(param.len() - at)].to_string());
                let rest = &param[at + 4.min(param.len() - at)..];
                let chars: Vec<char> = rest.chars().collect();
                pieces.extend(chars.chunks(16).map(|c| c.iter().collect::<String>()));
            }
            None => pieces.push(param),
        }
    }
    pieces.retain(|p| !p.is_empty());
    pieces
}

/// A signed URL written in pieces, in each language's way of joining strings: (extension,
/// content, line of the first piece).
fn split_styles(p: &[String]) -> Vec<(&'static str, &'static str, String, usize)> {
    let lines = |open: &str, close: &str, sep: &str, indent: &str| {
        p.iter()
            .enumerate()
            .map(|(i, piece)| {
                let sep = if i + 1 < p.len() { sep } else { "" };
                format!("{indent}{open}{piece}{close}{sep}")
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    vec![
        (
            "py-adjacent",
            "py",
            format!("URL = (\n{}\n)\n", lines("\"", "\"", "", "    ")),
            2,
        ),
        (
            "py-plus",
            "py",
            format!("URL = {}\n", lines("\"", "\"", " + \\", "")),
            1,
        ),
        (
            "py-in-literal",
            "py",
            format!("URL = \"{}\"\n", p.join("\\\n")),
            1,
        ),
        (
            "js-plus",
            "js",
            format!("const u =\n{};\n", lines("'", "'", " +", "  ")),
            2,
        ),
        (
            "js-template",
            "js",
            format!("const u = {};\n", lines("`", "`", " +", "")),
            1,
        ),
        (
            "ts-plus",
            "ts",
            format!(
                "export const u: string =\n{};\n",
                lines("\"", "\"", " +", "  ")
            ),
            2,
        ),
        (
            "go-plus",
            "go",
            format!("package p\n\nconst u = {}\n", lines("\"", "\"", " +", "\t")),
            3,
        ),
        (
            "go-raw",
            "go",
            format!("package p\n\nvar u = {}\n", lines("`", "`", " +", "\t")),
            3,
        ),
        (
            "java-plus",
            "java",
            format!(
                "class A {{\n    static final String U = {};\n}}\n",
                lines("\"", "\"", "", "        + ")
                    .trim_start_matches(' ')
                    .trim_start_matches('+')
                    .trim_start()
            ),
            2,
        ),
        (
            "kt-plus",
            "kt",
            format!(
                "object A {{\n    const val U = {}\n}}\n",
                lines("\"", "\"", " +", "        ").trim_start()
            ),
            2,
        ),
        (
            "cs-verbatim",
            "cs",
            format!(
                "static class A {{\n    const string U = {};\n}}\n",
                lines("@\"", "\"", " +", "        ").trim_start()
            ),
            2,
        ),
        (
            "php-dot",
            "php",
            format!(
                "<?php\n$u = {};\n",
                lines("'", "'", " .", "    ").trim_start()
            ),
            2,
        ),
        (
            "rb-adjacent",
            "rb",
            format!("U = {}\n", lines("\"", "\"", " \\", "  ").trim_start()),
            1,
        ),
        (
            "rb-plus",
            "rb",
            format!("U = {}\n", lines("'", "'", " +", "  ").trim_start()),
            1,
        ),
        (
            "yaml-folded",
            "yaml",
            format!(
                "report:\n  url: >-\n{}\n  format: csv\n",
                lines("", "", "", "    ")
            ),
            3,
        ),
        (
            "yaml-literal",
            "yaml",
            format!(
                "report:\n  url: |\n{}\n  format: csv\n",
                lines("", "", "", "    ")
            ),
            3,
        ),
        (
            "yaml-plain",
            "yaml",
            format!(
                "report:\n  url: {}\n  format: csv\n",
                lines("", "", "", "    ").trim_start()
            ),
            2,
        ),
        (
            "yaml-double",
            "yaml",
            format!(
                "report:\n  url: \"{}\"\n",
                lines("", "", "\\", "    ").trim_start()
            ),
            2,
        ),
        (
            "yaml-single",
            "yaml",
            format!(
                "report:\n  url: '{}'\n",
                lines("", "", "", "    ").trim_start()
            ),
            2,
        ),
        (
            "sh-inside",
            "sh",
            format!("#!/bin/sh\ncurl -o r.csv \"{}\"\n", p.join("\\\n")),
            2,
        ),
        (
            "sh-between",
            "sh",
            format!("#!/bin/sh\ncurl -o r.csv {}\n", lines("\"", "\"", "\\", "")),
            2,
        ),
    ]
}

#[test]
fn every_kind_split_in_every_join_style() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut fake = Fake::new(14);
    let urls = signed_urls(&mut fake);
    let mut expected: BTreeMap<String, (usize, &str)> = BTreeMap::new();
    for (k, (kind, url)) in urls.iter().enumerate() {
        for separator_last in [false, true] {
            let pieces = cut(url, separator_last);
            assert!(pieces.len() >= 4, "{pieces:?}");
            for (style, ext, content, line) in split_styles(&pieces) {
                let name = format!("{style}-{k}-{separator_last}.{ext}");
                if k == 0 {
                    eprintln!("=== {name}\n{content}");
                }
                std::fs::write(dir.path().join(&name), content).expect("write");
                expected.insert(name, (line, kind));
            }
        }
    }
    let out = run(
        dir.path(),
        &[
            "--format",
            "json",
            "--no-config",
            "-A",
            "legacy-signature-version",
            ".",
        ],
    );
    let doc = json(&out);
    let mut actual: BTreeMap<String, Vec<(usize, String)>> = BTreeMap::new();
    for f in doc["findings"].as_array().expect("findings") {
        assert_eq!(f["lint"], "hardcoded-presigned-url", "{f}");
        actual
            .entry(f["path"].as_str().expect("path").to_string())
            .or_default()
            .push((
                f["line"].as_u64().expect("line") as usize,
                f["details"]["url_kind"].as_str().expect("kind").to_string(),
            ));
    }
    let mut problems = Vec::new();
    for (name, (line, kind)) in &expected {
        match actual.get(name).map(Vec::as_slice) {
            Some([(l, k)]) if l == line && k == kind => {}
            other => problems.push(format!(
                "{name}: expected {kind} on line {line}, got {other:?}"
            )),
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert_eq!(actual.len(), expected.len());
}
