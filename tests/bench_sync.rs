//! The benchmark compares presign-lint with ripgrep searching the same trigger words: keep
//! bench/bench.py's list equal to the tool's prefilter, or the comparison is unfair.

use presign_lint::lints::{LintId, Status, trigger_words};

#[test]
fn bench_trigger_words_match_the_prefilter() {
    let script = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/bench/bench.py"))
        .expect("bench.py");
    let start = script.find("TRIGGERS = [").expect("TRIGGERS list");
    let end = start + script[start..].find(']').expect("end of list");
    let mut listed: Vec<String> = script[start..end]
        .split('"')
        .skip(1)
        .step_by(2)
        .map(|w| w.replace("\\\\", "\\"))
        .collect();
    let mut tool: Vec<String> = trigger_words(|id: LintId| id.info().status == Status::Implemented)
        .into_iter()
        .map(str::to_string)
        .collect();
    listed.sort();
    tool.sort();
    tool.dedup();
    assert_eq!(listed, tool);
}
