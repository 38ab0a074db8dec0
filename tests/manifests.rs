//! The files other tools read from this repository parse as YAML, with a real parser, and
//! hold the keys those tools need: the GitHub Action (`action.yml`), the pre-commit hook
//! manifest and the workflows. A YAML error there is invisible until a user's workflow fails.

mod common;

use serde_json::Value;

fn load(relative: &str) -> Value {
    common::yaml(relative)
}

fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value[key].as_str().unwrap_or_default()
}

#[test]
fn the_action_parses_and_declares_its_inputs_and_steps() {
    let action = load("action.yml");
    assert!(!text(&action, "name").is_empty());
    assert!(!text(&action, "description").is_empty());
    for input in ["paths", "args", "sarif"] {
        assert!(
            !text(&action["inputs"][input], "description").is_empty(),
            "input {input}"
        );
    }
    assert_eq!(text(&action["runs"], "using"), "composite");
    let steps = action["runs"]["steps"].as_array().expect("steps");
    assert!(!steps.is_empty());
    for step in steps {
        // A composite action's `run` step must say its shell.
        if step.get("run").is_some() {
            assert!(!text(step, "shell").is_empty(), "{step}");
        } else {
            assert!(!text(step, "uses").is_empty(), "{step}");
        }
    }
}

#[test]
fn the_pre_commit_manifest_parses_and_names_the_hooks() {
    let hooks = load(".pre-commit-hooks.yaml");
    let hooks = hooks.as_array().expect("a list of hooks");
    // The hook pre-commit builds from source, and the same hook run by an installed binary.
    let declared: Vec<(&str, &str)> = hooks
        .iter()
        .map(|hook| (text(hook, "id"), text(hook, "language")))
        .collect();
    assert_eq!(
        declared,
        [("presign-lint", "rust"), ("presign-lint-system", "system")]
    );
    // Both run the same command on the same files.
    for hook in hooks {
        let id = text(hook, "id");
        assert_eq!(text(hook, "entry"), "presign-lint check", "{id}");
        assert_eq!(text(hook, "pass_filenames"), "true", "{id}");
        assert_eq!(hook["types"], hooks[0]["types"], "{id}");
        assert!(
            hook["types"].as_array().is_some_and(|t| !t.is_empty()),
            "{id}"
        );
    }
}

#[test]
fn the_workflows_parse_and_have_jobs_with_steps() {
    let dir = common::repo_root().join(".github/workflows");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("workflows").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.ends_with(".yml") || name.ends_with(".yaml")) {
            continue;
        }
        let workflow = load(&format!(".github/workflows/{name}"));
        assert!(workflow.get("on").is_some(), "{name}: on");
        let jobs = workflow["jobs"].as_object().expect("jobs");
        for (job, body) in jobs {
            assert!(!text(body, "runs-on").is_empty(), "{name}: {job}");
            assert!(body["steps"].as_array().is_some_and(|s| !s.is_empty()));
        }
        seen += 1;
    }
    assert!(seen > 0, "no workflow found");
}
