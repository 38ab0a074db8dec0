//! Secondary locations (`Finding::related`) in every output format: JSON `related`, SARIF
//! `relatedLocations` and `codeFlows` (schema-valid), rustc-style notes in the human format,
//! "see also" in GitHub annotations; the concise line is unchanged. A secret on a related
//! line stays redacted everywhere.

mod common;

use presign_lint::driver::analyze;
use presign_lint::finding::Finding;
use presign_lint::level::Level;
use presign_lint::lints::LintId;
use presign_lint::report::{self, Format, RenderOptions, Report, Summary};
use presign_lint::text::redact::MARKER;
use presign_lint::text::source::SourceFile;

/// On the line of the SDK call, inside what the snippet shows: it must never be printed.
const SECRET: &str = "Zx9/Kq2TmPw4Rb7Ln8Ys3Hd6Jf1Gc5Vt0Ea+Uo4i";

const APP: &str = "from storage import sign\n\nurl = sign(\"reports/q3.csv\", expires=604800)\n";

fn storage() -> String {
    format!(
        "import boto3\n\ns3 = boto3.client(\"s3\")\n\ndef sign(key, expires):\n    return presign(key, expires)\n\ndef presign(key, expires):\n    return s3.generate_presigned_url(\"get_object\", Params={{\"Key\": key}}, ExpiresIn=expires)  # sig={SECRET}\n"
    )
}

/// The span of the first `needle` in `text`.
fn span(text: &str, needle: &str) -> std::ops::Range<usize> {
    let start = text.find(needle).expect("needle in text");
    start..start + needle.len()
}

/// A finding in `src/app.py` reached through two calls in `src/storage.py`, made the way
/// `analyze` makes them (positioned and redacted by [`analyze::related`]).
fn finding() -> Finding {
    let app = SourceFile::new(APP.to_string());
    let storage_text = storage();
    let storage = SourceFile::new(storage_text.clone());
    // The primary location is positioned by the same code as related ones.
    let primary = analyze::related("src/app.py", &app, span(APP, "604800"), "");
    let related = vec![
        analyze::related(
            "src/storage.py",
            &storage,
            span(&storage_text, "presign(key, expires)"),
            "`sign` passes `expires` to `presign`",
        ),
        analyze::related(
            "src/storage.py",
            &storage,
            span(&storage_text, "ExpiresIn=expires"),
            "`presign` presigns with `generate_presigned_url` (boto3)",
        ),
    ];
    Finding {
        lint: LintId::ExcessiveExpiry,
        level: Level::Warning,
        path: primary.path,
        line: primary.line,
        column: primary.column,
        end_line: primary.end_line,
        end_column: primary.end_column,
        utf16_columns: primary.utf16_columns,
        message: "presigned URL lives 7 days (604800 s); the limit is 1 hour (3600 s)".into(),
        help: Some("presign for at most 1 hour".into()),
        fingerprint: "0123456789abcdef0123456789abcdef".into(),
        content_fingerprint: "0123456789abcdef0123456789abcdef".into(),
        details: serde_json::Map::new(),
        snippet: primary.snippet,
        suppression: None,
        related,
        provenance: None,
    }
}

fn render(format: Format, findings: Vec<Finding>) -> String {
    let summary = Summary {
        files_scanned: 2,
        ..Summary::default()
    };
    let report = Report::new(findings, Vec::new(), summary);
    let options = RenderOptions {
        color: false,
        quiet: false,
        elapsed: std::time::Duration::ZERO,
        statistics: false,
        show_unchecked: false,
        width: 120,
    };
    report::render(format, &report, &options)
}

fn json_of(text: &str) -> serde_json::Value {
    serde_json::from_str(text).expect("valid JSON")
}

#[test]
fn the_fixture_is_redacted_by_construction() {
    let f = finding();
    assert_eq!((f.line, f.column, f.end_column), (3, 38, 44));
    let sdk = &f.related[1];
    assert_eq!((sdk.line, sdk.column), (9, 73));
    assert!(!sdk.snippet.text.contains(SECRET));
    assert!(
        sdk.snippet.text.contains(MARKER),
        "the secret is in the snippet's window, so the redaction is what hides it: {:?}",
        sdk.snippet.text
    );
}

#[test]
fn no_format_prints_the_secret() {
    for format in [
        Format::Human,
        Format::Concise,
        Format::Json,
        Format::Sarif,
        Format::Github,
    ] {
        let out = render(format, vec![finding()]);
        assert!(!out.contains(SECRET), "secret printed in {format:?}");
        // Nor any long stretch of it (a reporter re-reading the source would print one).
        for part in SECRET.split(['/', '+']).filter(|p| p.len() >= 8) {
            assert!(!out.contains(part), "part of the secret in {format:?}");
        }
    }
    let human = render(Format::Human, vec![finding()]);
    assert!(human.contains(&format!("# sig={MARKER}")), "{human}");
}

#[test]
fn json_lists_related_locations_in_order() {
    let doc = json_of(&render(Format::Json, vec![finding()]));
    let finding = &doc["findings"][0];
    assert_eq!(
        finding["related"],
        serde_json::json!([
            {
                "path": "src/storage.py",
                "line": 6, "column": 12, "end_line": 6, "end_column": 33,
                "message": "`sign` passes `expires` to `presign`",
            },
            {
                "path": "src/storage.py",
                "line": 9, "column": 73, "end_line": 9, "end_column": 90,
                "message": "`presign` presigns with `generate_presigned_url` (boto3)",
            },
        ])
    );
    // `related` comes last, after the keys every consumer already reads.
    let keys: Vec<&str> = finding
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.last(), Some(&"related"));

    // Without related locations the key is absent, not empty.
    let mut plain = self::finding();
    plain.related.clear();
    let doc = json_of(&render(Format::Json, vec![plain]));
    assert!(doc["findings"][0].get("related").is_none());
}

#[test]
fn sarif_has_related_locations_and_a_code_flow() {
    let doc = json_of(&render(Format::Sarif, vec![finding()]));
    let result = &doc["runs"][0]["results"][0];

    let related = result["relatedLocations"]
        .as_array()
        .expect("relatedLocations");
    assert_eq!(related.len(), 2);
    for (i, (r, line, column, end_column, message)) in [
        (
            &related[0],
            6,
            12,
            33,
            "`sign` passes `expires` to `presign`",
        ),
        (
            &related[1],
            9,
            73,
            90,
            "`presign` presigns with `generate_presigned_url` (boto3)",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        assert_eq!(r["id"], i + 1);
        assert_eq!(r["message"]["text"], message);
        let location = &r["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], "src/storage.py");
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert_eq!(
            location["region"],
            serde_json::json!({"startLine": line, "startColumn": column, "endLine": line, "endColumn": end_column})
        );
    }

    let flows = result["codeFlows"].as_array().expect("codeFlows");
    assert_eq!(flows.len(), 1);
    let threads = flows[0]["threadFlows"].as_array().expect("threadFlows");
    assert_eq!(threads.len(), 1);
    let steps = threads[0]["locations"].as_array().expect("locations");
    assert_eq!(
        steps.len(),
        3,
        "the primary location, then each related one"
    );
    assert_eq!(
        steps[0]["location"]["physicalLocation"],
        result["locations"][0]["physicalLocation"]
    );
    assert_eq!(
        steps[0]["location"]["message"]["text"],
        result_message(result)
    );
    for (step, r) in steps[1..].iter().zip(related) {
        assert_eq!(step["location"]["physicalLocation"], r["physicalLocation"]);
        assert_eq!(step["location"]["message"], r["message"]);
    }

    // Without related locations neither key is written.
    let mut plain = finding();
    plain.related.clear();
    let doc = json_of(&render(Format::Sarif, vec![plain]));
    let result = &doc["runs"][0]["results"][0];
    assert!(result.get("relatedLocations").is_none() && result.get("codeFlows").is_none());
}

/// The primary message without its help line.
fn result_message(result: &serde_json::Value) -> &str {
    result["message"]["text"]
        .as_str()
        .and_then(|t| t.split('\n').next())
        .expect("message text")
}

#[test]
fn sarif_with_related_locations_is_schema_valid() {
    let validator = common::sarif_validator();
    let doc = json_of(&render(Format::Sarif, vec![finding()]));
    common::assert_valid(&validator, &doc, "SARIF");
    // The validator looks into code flows: a thread flow without locations is caught.
    let mut broken = doc.clone();
    broken["runs"][0]["results"][0]["codeFlows"][0]["threadFlows"][0]["locations"] =
        serde_json::json!([]);
    assert!(!validator.is_valid(&broken));
}

#[test]
fn human_shows_a_note_with_a_snippet_per_related_location() {
    let out = render(Format::Human, vec![finding()]);
    insta::with_settings!({filters => vec![(r"(?m) \(\d+\.\d+s\)$", " ([TIME])")]}, {
        insta::assert_snapshot!(out);
    });
    let primary = out.find("--> src/app.py:3:38").expect("primary location");
    let first = out
        .find("note: `sign` passes `expires` to `presign`\n --> src/storage.py:6:12")
        .expect("first note");
    let second = out
        .find("note: `presign` presigns with `generate_presigned_url` (boto3)\n --> src/storage.py:9:73")
        .expect("second note");
    assert!(primary < first && first < second, "{out}");

    // Without related locations the rendering is what it always was: no note of this kind.
    let mut plain = finding();
    plain.related.clear();
    let out = render(Format::Human, vec![plain]);
    assert!(!out.contains("src/storage.py"), "{out}");
}

#[test]
fn concise_is_one_line_per_finding() {
    let with = render(Format::Concise, vec![finding()]);
    let mut plain = finding();
    plain.related.clear();
    assert_eq!(with, render(Format::Concise, vec![plain]));
    // The finding, then the totals.
    assert_eq!(with.lines().count(), 2);
    assert!(
        with.lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("presign-lint: 1 warning"))
    );
}

#[test]
fn github_annotation_says_see_also() {
    let out = render(Format::Github, vec![finding()]);
    assert_eq!(out.lines().count(), 2, "{out}");
    let annotation = out.lines().next().unwrap_or_default();
    assert!(
        format!("{annotation}\n").ends_with(
            "%0Ahelp: presign for at most 1 hour%0Asee also: src/storage.py:6 (`sign` passes `expires` to `presign`)%0Asee also: src/storage.py:9 (`presign` presigns with `generate_presigned_url` (boto3))\n"
        ),
        "{annotation}"
    );
    let mut plain = finding();
    plain.related.clear();
    assert!(!render(Format::Github, vec![plain]).contains("see also"));
}
