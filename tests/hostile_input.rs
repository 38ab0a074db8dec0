//! Hostile command lines and encodings (issue 16): overlapping paths, a report written over
//! what is scanned, signed URLs behind numeric character references.

mod common;

use common::{json, run};

fn url(seed: u64) -> String {
    common::signed_url(seed)
}

fn lines_of(out: &common::Run) -> Vec<(String, u64)> {
    common::finding_lines(out)
}

/// Issue 16, item 12: WordPress writes `&` in a URL as `&#038;`, other encoders `=` as
/// `&#x3D;`; a signed URL escaped so was not found.
#[test]
fn numeric_character_references_in_signed_urls_are_undone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let u = url(12);
    std::fs::write(
        dir.path().join("wordpress.html"),
        format!("<a href=\"{}\">report</a>\n", u.replace('&', "&#038;")),
    )
    .expect("write");
    std::fs::write(
        dir.path().join("hex.html"),
        format!(
            "<a href=\"{}\">report</a>\n",
            u.chars()
                .map(|c| match c {
                    '=' => "&#x3D;".to_string(),
                    '&' => "&#x26;".to_string(),
                    c => c.to_string(),
                })
                .collect::<String>()
        ),
    )
    .expect("write");
    let out = run(dir.path(), &["--no-config", "--format", "json"]);
    assert_eq!(
        lines_of(&out),
        [
            ("hex.html".to_string(), 1),
            ("wordpress.html".to_string(), 1)
        ],
        "{}",
        out.stdout
    );
}

/// Issue 16, item 12: overlapping paths (`a a/sub`, a file named twice) reported a file twice.
#[test]
fn overlapping_paths_report_each_file_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("a/sub")).expect("mkdir");
    std::fs::write(
        dir.path().join("a/sub/s.py"),
        format!("U = \"{}\"\n", url(21)),
    )
    .expect("write");
    std::fs::write(dir.path().join("a/t.py"), format!("U = \"{}\"\n", url(22))).expect("write");
    let once = [("a/sub/s.py".to_string(), 1), ("a/t.py".to_string(), 1)];
    for args in [
        &["a", "a/sub"][..],
        &["a/sub", "a", "a/sub/s.py"],
        &["a/sub/s.py", "a/sub/s.py", "./a/sub/s.py", "a/t.py", "a"],
    ] {
        let mut all = vec!["--no-config", "--format", "json"];
        all.extend_from_slice(args);
        let out = run(dir.path(), &all);
        assert_eq!(out.code, 1, "{args:?}: {}", out.stderr);
        assert_eq!(lines_of(&out), once, "{args:?}");
        assert_eq!(json(&out)["summary"]["files_scanned"], 2, "{args:?}");
    }
}

/// Issue 16, item 12: `-o a.py a.py` wrote the report over the file it scanned. Refused
/// (exit 2, nothing written) when the output exists and is a file named to scan or a source
/// file in a directory scanned; a report file in a scanned directory is still written.
#[test]
fn the_report_is_never_written_over_a_scanned_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("src")).expect("mkdir");
    let source = format!("U = \"{}\"\n", url(23));
    std::fs::write(dir.path().join("src/a.py"), &source).expect("write");
    for args in [
        &["-o", "src/a.py", "src/a.py"][..],
        &["-o", "src/a.py", "."],
        &["-o", "./src/../src/a.py", "src"],
    ] {
        let mut all = vec!["--no-config"];
        all.extend_from_slice(args);
        let out = run(dir.path(), &all);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(
            out.stderr.contains("refusing to write the report over it"),
            "{}",
            out.stderr
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("src/a.py")).expect("read"),
            source
        );
    }
    for _ in 0..2 {
        let out = run(
            dir.path(),
            &["--no-config", "--format", "json", "-o", "report.json", "."],
        );
        assert_eq!(out.code, 1, "{}", out.stderr);
    }
    let report = std::fs::read_to_string(dir.path().join("report.json")).expect("report");
    assert!(report.contains("src/a.py"), "{report}");
}
