//! The GitHub Action (`action.yml`), run step by step as GitHub runs a composite action, without
//! GitHub: each `run:` step whose `if:` holds goes to `bash -e -o pipefail` with its `env:`,
//! whose `${{ }}` expressions are substituted as GitHub would (`inputs.*`, `runner.temp`,
//! `github.action_path`). The build step runs against a fake `cargo` that installs the test
//! binary where `cargo install --root` would; the upload (`uses:`) step is not run and counts
//! as failed, as it does on a fork's pull request without `security-events: write`.
#![cfg(unix)]

mod common;

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn action() -> Value {
    common::yaml("action.yml")
}

fn steps(action: &Value) -> Vec<Value> {
    action["runs"]["steps"].as_array().expect("steps").clone()
}

fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value[key].as_str().unwrap_or_default()
}

/// What one step did: `outcome` as GitHub names it (`success`, `failure`, `skipped`).
#[derive(Debug, Clone)]
struct StepRun {
    name: String,
    outcome: &'static str,
    code: Option<i32>,
    stdout: String,
    stderr: String,
    /// A `uses:` step's `with:`, expressions substituted.
    with: BTreeMap<String, String>,
}

/// One run of the action in a fresh workspace.
struct Runner {
    _root: tempfile::TempDir,
    workspace: PathBuf,
    runner_temp: PathBuf,
    home: PathBuf,
    fake_bin: PathBuf,
    cargo_log: PathBuf,
}

impl Runner {
    fn new() -> Runner {
        let root = tempfile::tempdir().expect("tempdir");
        let workspace = root.path().join("workspace");
        // A space in the runner's temporary directory: every path built from it must be quoted.
        let runner_temp = root.path().join("runner temp");
        let home = root.path().join("home");
        let fake_bin = root.path().join("fake bin");
        for dir in [&workspace, &runner_temp, &home, &fake_bin] {
            std::fs::create_dir_all(dir).expect("mkdir");
        }
        // `cargo install ... --root R`: puts the binary under test at R/bin/presign-lint.
        let cargo = fake_bin.join("cargo");
        std::fs::write(
            &cargo,
            r#"#!/usr/bin/env bash
set -eu
printf '%s\n' "$@" > "$FAKE_CARGO_LOG"
root=
while [ $# -gt 0 ]; do
  if [ "$1" = --root ]; then root=$2; shift; fi
  shift
done
[ -n "$root" ] || { echo "fake cargo: no --root" >&2; exit 101; }
mkdir -p "$root/bin"
ln -sf "$PRESIGN_LINT_UNDER_TEST" "$root/bin/presign-lint"
"#,
        )
        .expect("write fake cargo");
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&cargo, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        let cargo_log = root.path().join("cargo.log");
        Runner {
            _root: root,
            workspace,
            runner_temp,
            home,
            fake_bin,
            cargo_log,
        }
    }

    fn file(&self, relative: &str, content: &str) -> &Runner {
        let path = self.workspace.join(relative);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, content).expect("write");
        self
    }

    fn report(&self) -> PathBuf {
        self.runner_temp.join("presign-lint.sarif")
    }

    /// The workspace's files, relative, sorted.
    fn workspace_files(&self) -> Vec<String> {
        fn walk(dir: &Path, base: &Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).expect("read_dir").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, base, out);
                } else {
                    let relative = path.strip_prefix(base).expect("under base");
                    out.push(relative.to_string_lossy().into_owned());
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.workspace, &self.workspace, &mut out);
        out.sort();
        out
    }

    /// Evaluates a `${{ }}` expression of a value (context lookups only).
    fn context(&self, expression: &str, inputs: &BTreeMap<String, String>) -> String {
        let expression = expression.trim();
        if let Some(name) = expression.strip_prefix("inputs.") {
            return inputs
                .get(name)
                .unwrap_or_else(|| panic!("action.yml reads undeclared input {name}"))
                .clone();
        }
        match expression {
            "runner.temp" => self.runner_temp.to_string_lossy().into_owned(),
            "github.action_path" => common::repo_root().to_string_lossy().into_owned(),
            other => panic!("the test does not know the expression `{other}`"),
        }
    }

    fn substitute(&self, value: &str, inputs: &BTreeMap<String, String>) -> String {
        let mut out = String::new();
        let mut rest = value;
        while let Some(at) = rest.find("${{") {
            out.push_str(&rest[..at]);
            let end = rest[at..].find("}}").expect("unclosed ${{") + at;
            out.push_str(&self.context(&rest[at + 3..end], inputs));
            rest = &rest[end + 2..];
        }
        out.push_str(rest);
        out
    }

    /// Whether a step's `if:` holds, given the steps before it. Knows `&&` of status
    /// functions, `!cancelled()` and `==`/`!=` comparisons of `inputs.*` and `steps.*.outcome`;
    /// without a status function GitHub adds `success()`.
    fn condition(
        &self,
        condition: &str,
        inputs: &BTreeMap<String, String>,
        done: &BTreeMap<String, StepRun>,
        failed: bool,
    ) -> bool {
        let condition = condition.trim();
        let condition = condition
            .strip_prefix("${{")
            .and_then(|c| c.strip_suffix("}}"))
            .unwrap_or(condition);
        assert!(
            !condition.contains("||"),
            "the test only knows && ({condition})"
        );
        let mut status = None;
        let mut holds = true;
        for term in condition.split("&&").map(str::trim) {
            let value = match term {
                "!cancelled()" | "always()" => {
                    status = Some(true);
                    true
                }
                "success()" => {
                    status = Some(!failed);
                    !failed
                }
                "failure()" => {
                    status = Some(failed);
                    failed
                }
                _ => {
                    let (left, right, equal) = match term.split_once("==") {
                        Some((l, r)) => (l, r, true),
                        None => {
                            let (l, r) = term
                                .split_once("!=")
                                .unwrap_or_else(|| panic!("the test does not know `{term}`"));
                            (l, r, false)
                        }
                    };
                    let right = right.trim().trim_matches('\'');
                    let left = left.trim();
                    let actual = match left.strip_prefix("steps.") {
                        Some(path) => {
                            let (id, field) = path.split_once('.').expect("steps.ID.field");
                            assert_eq!(field, "outcome", "{term}");
                            done.get(id)
                                .unwrap_or_else(|| panic!("`{term}`: no earlier step {id}"))
                                .outcome
                                .to_string()
                        }
                        None => self.context(left, inputs),
                    };
                    (actual == right) == equal
                }
            };
            holds &= value;
        }
        holds && status.unwrap_or(!failed)
    }

    /// Runs the action's steps with these inputs (others take their defaults). Returns each
    /// step's run and whether the action as a whole succeeded.
    fn run(&self, given: &[(&str, &str)]) -> (Vec<StepRun>, bool) {
        let action = action();
        let mut inputs = BTreeMap::new();
        for (name, spec) in action["inputs"].as_object().expect("inputs") {
            inputs.insert(name.clone(), text(spec, "default").to_string());
        }
        for (name, value) in given {
            assert!(inputs.contains_key(*name), "no input {name}");
            inputs.insert(name.to_string(), value.to_string());
        }
        let path = format!(
            "{}:{}",
            self.fake_bin.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let mut by_id = BTreeMap::new();
        let mut all = Vec::new();
        let mut failed = false;
        for step in steps(&action) {
            let name = text(&step, "name").to_string();
            let condition = text(&step, "if");
            let runs = match condition.is_empty() {
                true => !failed,
                false => self.condition(condition, &inputs, &by_id, failed),
            };
            let continue_on_error = text(&step, "continue-on-error") == "true";
            let mut result = StepRun {
                name: name.clone(),
                outcome: "skipped",
                code: None,
                stdout: String::new(),
                stderr: String::new(),
                with: BTreeMap::new(),
            };
            if runs && step.get("uses").is_some() {
                for (key, value) in step["with"].as_object().into_iter().flatten() {
                    let value = self.substitute(value.as_str().unwrap_or_default(), &inputs);
                    result.with.insert(key.clone(), value);
                }
                result.outcome = "failure";
            } else if runs {
                assert_eq!(text(&step, "shell"), "bash", "{name}");
                let mut command = Command::new("bash");
                command
                    .args(["--noprofile", "--norc", "-e", "-o", "pipefail", "-c"])
                    .arg(text(&step, "run"))
                    .current_dir(&self.workspace)
                    .env_clear()
                    .env("PATH", &path)
                    .env("HOME", &self.home)
                    .env("RUNNER_TEMP", &self.runner_temp)
                    .env("GITHUB_WORKSPACE", &self.workspace)
                    .env("GITHUB_ACTION_PATH", common::repo_root())
                    .env("NO_COLOR", "1")
                    .env(
                        "PRESIGN_LINT_CACHE_DIR",
                        std::env::temp_dir().join("presign-lint-test-cache"),
                    )
                    .env("FAKE_CARGO_LOG", &self.cargo_log)
                    .env(
                        "PRESIGN_LINT_UNDER_TEST",
                        env!("CARGO_BIN_EXE_presign-lint"),
                    );
                for (key, value) in step["env"].as_object().into_iter().flatten() {
                    let value = self.substitute(value.as_str().unwrap_or_default(), &inputs);
                    command.env(key, value);
                }
                let output = command.output().expect("run bash");
                result.code = output.status.code();
                result.stdout = String::from_utf8_lossy(&output.stdout).into_owned();
                result.stderr = String::from_utf8_lossy(&output.stderr).into_owned();
                result.outcome = if output.status.success() {
                    "success"
                } else {
                    "failure"
                };
            }
            failed |= result.outcome == "failure" && !continue_on_error;
            if let Some(id) = step["id"].as_str() {
                by_id.insert(id.to_string(), result.clone());
            }
            all.push(result);
        }
        (all, !failed)
    }
}

fn step<'a>(steps: &'a [StepRun], name: &str) -> &'a StepRun {
    steps
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no step {name}"))
}

fn gate(steps: &[StepRun]) -> &StepRun {
    step(steps, "Annotate and gate")
}

/// A Python file holding a signed URL (made up at run time: no key in this file).
fn leak() -> String {
    let mut fake = common::Fake::new(13);
    let url = common::signed_urls(&mut fake)
        .into_iter()
        .find(|(kind, _)| *kind == "s3-sigv4")
        .expect("an s3 url")
        .1;
    format!("REPORT_URL = \"{url}\"\n")
}

const CLEAN: &str = "import boto3\n\nprint('hello')\n";

#[test]
fn no_run_line_holds_an_expression() {
    for step in steps(&action()) {
        let run = text(&step, "run");
        assert!(
            !run.contains("${{"),
            "step {:?}: an expression in `run:` is spliced into the shell script; pass it \
             through `env:`",
            text(&step, "name")
        );
        let words = run.split(|c: char| !(c.is_alphanumeric() || c == '_'));
        for word in words {
            assert!(!["eval", "source", "bash", "sh"].contains(&word), "{run}");
        }
    }
}

#[test]
fn the_build_installs_the_action_into_the_runner_temp() {
    let runner = Runner::new();
    runner.file("app.py", CLEAN);
    let (steps, ok) = runner.run(&[("target-dir", "~/build cache")]);
    assert!(ok, "{steps:#?}");
    let log = std::fs::read_to_string(&runner.cargo_log).expect("cargo ran");
    let args: Vec<&str> = log.lines().collect();
    let root = runner.runner_temp.join("presign-lint");
    let target = runner.home.join("build cache");
    let action_path = common::repo_root();
    for (flag, value) in [
        ("--path", action_path.to_str().expect("utf-8")),
        ("--root", root.to_str().expect("utf-8")),
        ("--target-dir", target.to_str().expect("utf-8")),
    ] {
        let at = args.iter().position(|a| *a == flag);
        assert_eq!(at.map(|i| args[i + 1]), Some(value), "{args:?}");
    }
    assert_eq!(args[..2], ["install", "--locked"], "{args:?}");

    // No target-dir: none is passed (cargo's throwaway one).
    let runner = Runner::new();
    runner.file("app.py", CLEAN);
    let (steps, ok) = runner.run(&[]);
    assert!(ok, "{steps:#?}");
    let log = std::fs::read_to_string(&runner.cargo_log).expect("cargo ran");
    assert!(!log.contains("--target-dir"), "{log}");
}

#[test]
fn a_clean_repository_with_sarif_passes_and_leaves_no_report_in_the_workspace() {
    let runner = Runner::new();
    runner.file("app.py", CLEAN).file("src/lib.py", CLEAN);
    let (steps, ok) = runner.run(&[("sarif", "true")]);
    // The upload failed (no permission here): the job still passes.
    assert!(ok, "{steps:#?}");
    assert_eq!(step(&steps, "SARIF report").code, Some(0), "{steps:#?}");
    assert_eq!(step(&steps, "Upload SARIF").outcome, "failure");
    assert_eq!(gate(&steps).code, Some(0), "{steps:#?}");
    assert_eq!(runner.workspace_files(), ["app.py", "src/lib.py"]);
    let report: Value = serde_json::from_str(
        &std::fs::read_to_string(runner.report()).expect("the report in runner.temp"),
    )
    .expect("SARIF is JSON");
    assert!(report["runs"].is_array(), "{report}");
    let upload = &step(&steps, "Upload SARIF").with;
    assert_eq!(
        upload.get("sarif_file").map(PathBuf::from),
        Some(runner.report()),
        "the upload reads the report the SARIF step wrote"
    );
    // A second run in the same job finds the workspace as clean as before.
    let (steps, ok) = runner.run(&[("sarif", "true")]);
    assert!(ok, "{steps:#?}");
}

#[test]
fn a_finding_fails_the_gate_and_is_in_the_sarif_report() {
    let runner = Runner::new();
    runner.file("app.py", CLEAN).file("leak.py", &leak());
    let (steps, ok) = runner.run(&[("sarif", "true")]);
    assert!(!ok);
    assert_eq!(
        step(&steps, "SARIF report").outcome,
        "success",
        "{steps:#?}"
    );
    assert_eq!(gate(&steps).code, Some(1), "{steps:#?}");
    assert!(gate(&steps).stdout.contains("file=leak.py"), "{steps:#?}");
    let report: Value = serde_json::from_str(
        &std::fs::read_to_string(runner.report()).expect("the report in runner.temp"),
    )
    .expect("SARIF is JSON");
    let results = report["runs"][0]["results"].as_array().expect("results");
    assert!(!results.is_empty(), "{report}");
    assert_eq!(runner.workspace_files(), ["app.py", "leak.py"]);

    // Without sarif: the gate alone, no report anywhere.
    let runner = Runner::new();
    runner.file("leak.py", &leak());
    let (steps, ok) = runner.run(&[]);
    assert!(!ok);
    assert_eq!(step(&steps, "SARIF report").outcome, "skipped");
    assert_eq!(step(&steps, "Upload SARIF").outcome, "skipped");
    assert_eq!(gate(&steps).code, Some(1), "{steps:#?}");
    assert!(!runner.report().exists());
}

#[test]
fn paths_are_split_on_whitespace_or_one_per_line() {
    let runner = Runner::new();
    runner
        .file("my dir/leak.py", &leak())
        .file("other/leak.py", &leak())
        .file("not named/leak.py", &leak());
    // One per line (a block scalar, indentation and a CR tolerated): spaces are part of a path.
    let (steps, _) = runner.run(&[("paths", "my dir\n  other\r\n\n"), ("sarif", "true")]);
    assert_eq!(step(&steps, "SARIF report").code, Some(0), "{steps:#?}");
    let out = &gate(&steps).stdout;
    assert_eq!(gate(&steps).code, Some(1), "{steps:#?}");
    assert!(out.contains("my dir/leak.py"), "{out}");
    assert!(out.contains("other/leak.py"), "{out}");
    assert!(!out.contains("not named"), "{out}");

    // One line: whitespace separates, as before.
    let runner = Runner::new();
    runner
        .file("a/leak.py", &leak())
        .file("b/leak.py", &leak())
        .file("c/leak.py", &leak());
    let (steps, _) = runner.run(&[("paths", " a\tb ")]);
    let out = &gate(&steps).stdout;
    assert_eq!(gate(&steps).code, Some(1), "{steps:#?}");
    assert!(
        out.contains("a/leak.py") && out.contains("b/leak.py"),
        "{out}"
    );
    assert!(!out.contains("c/leak.py"), "{out}");

    // Args likewise: whitespace or one per line.
    let (steps, _) = runner.run(&[("paths", "a"), ("args", "--fail-on\nnever\n")]);
    assert_eq!(gate(&steps).code, Some(0), "{steps:#?}");
}

#[test]
fn inputs_are_data_not_shell_code() {
    let hostile = [
        "--fail-on never; touch pwned",
        "$(touch pwned)",
        "`touch pwned`",
        "x && touch pwned",
        "x | touch pwned",
        "\"; touch pwned; \"",
        "'; touch pwned; '",
        "--fail-on never\n$(touch pwned)\n",
        "${HOME:+$(touch pwned)}",
        // No glob expansion: a word `*` is not the workspace's file names.
        "*",
    ];
    for input in ["args", "paths"] {
        for value in hostile {
            let runner = Runner::new();
            runner.file("app.py", CLEAN);
            let (steps, ok) = runner.run(&[(input, value), ("sarif", "true")]);
            let gate = gate(&steps);
            // Each word is a literal argument: clap or the path check refuses it.
            assert_eq!(gate.code, Some(2), "{input}={value:?}: {steps:#?}");
            assert!(!ok);
            assert_eq!(
                step(&steps, "SARIF report").code,
                Some(2),
                "{input}={value:?}: {steps:#?}"
            );
            assert_eq!(
                runner.workspace_files(),
                ["app.py"],
                "{input}={value:?} ran as shell code"
            );
            assert!(!runner.runner_temp.join("pwned").exists());
            assert!(!runner.home.join("pwned").exists());
        }
    }
    // No glob expansion: `*.py` is a path named `*.py`, which does not exist.
    let runner = Runner::new();
    runner.file("leak.py", &leak());
    let (steps, _) = runner.run(&[("paths", "*.py")]);
    assert_eq!(gate(&steps).code, Some(2), "{steps:#?}");
    assert!(gate(&steps).stdout.contains("file=*.py"), "{steps:#?}");
    // A path that looks like an option is still a path.
    let (steps, _) = runner.run(&[("paths", "--version")]);
    assert_eq!(gate(&steps).code, Some(2), "{steps:#?}");
}

#[test]
fn the_gate_runs_when_the_sarif_scan_or_its_upload_fails() {
    // The SARIF scan cannot complete (exit 2, a refused option): its step fails visibly, the
    // upload is still tried and the gate still runs (and says exit 2 too).
    let runner = Runner::new();
    runner.file("leak.py", &leak());
    let (steps, ok) = runner.run(&[("sarif", "true"), ("args", "--max-expiry 0")]);
    assert!(!ok);
    let sarif = step(&steps, "SARIF report");
    assert_eq!(
        (sarif.outcome, sarif.code),
        ("failure", Some(2)),
        "{steps:#?}"
    );
    assert_ne!(step(&steps, "Upload SARIF").outcome, "skipped");
    assert_eq!(gate(&steps).code, Some(2), "{steps:#?}");

    // The build fails: nothing after it runs against a binary that is not there.
    let runner = Runner::new();
    runner.file("app.py", CLEAN);
    std::fs::write(runner.fake_bin.join("cargo"), "#!/bin/sh\nexit 101\n").expect("write");
    let (steps, ok) = runner.run(&[("sarif", "true")]);
    assert!(!ok);
    for name in ["SARIF report", "Upload SARIF", "Annotate and gate"] {
        assert_eq!(step(&steps, name).outcome, "skipped", "{steps:#?}");
    }
}
