//! The shell scripts other files hold, as regions of their text for the shell parser:
//! Dockerfile `RUN` instructions, Makefile recipe lines, and the steps of CI YAML (`run:`,
//! `script:`, `command:` … of GitHub Actions, GitLab CI, CircleCI, Buildkite, Cloud Build).
//! What is not a plain region of shell text (a Dockerfile's exec form, a quoted or folded
//! YAML string, whose text the format rewrites) is left to the text reader.

use crate::facts::Span;
use crate::frontend::iac::tree::{self, Kind, MAX_DEPTH, Node};
use crate::frontend::{FileKind, Infrastructure, ScriptHost};

/// The script regions of a file.
pub(super) fn scripts(kind: FileKind, text: &str) -> Vec<Span> {
    match kind.script_host {
        Some(ScriptHost::Dockerfile) => dockerfile_runs(text),
        Some(ScriptHost::Makefile) => makefile_recipes(text),
        None if kind.infrastructure == Some(Infrastructure::Yaml) => yaml_steps(text),
        None => Vec::new(),
    }
}

/// The lines of a text with their start offsets.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    text.split_inclusive('\n').map(move |line| {
        let start = at;
        at += line.len();
        (start, line)
    })
}

/// Whether a line goes on to the next (`\` at its end).
fn continued(line: &str) -> bool {
    line.trim_end().ends_with('\\')
}

/// The regions the lines of `text` open (`opens` says where in a line its script starts),
/// each running on over the lines its trailing `\` continues.
fn continued_regions(text: &str, opens: impl Fn(&str) -> Option<usize>) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<Span> = None;
    for (start, line) in lines(text) {
        let end = start + line.trim_end().len();
        match open.as_mut() {
            Some(region) => region.end = end,
            None => match opens(line) {
                Some(at) if start + at < end => open = Some(start + at..end),
                _ => continue,
            },
        }
        if !continued(line) {
            out.extend(open.take());
        }
    }
    out.extend(open);
    out
}

/// The shell form of each `RUN` instruction (`RUN --mount=… cmd \` and its continuation
/// lines), from its first command word.
fn dockerfile_runs(text: &str) -> Vec<Span> {
    continued_regions(text, |line| {
        let trimmed = line.trim_start();
        let keyword = trimmed.get(..4)?;
        if !(keyword.eq_ignore_ascii_case("RUN ") || keyword.eq_ignore_ascii_case("RUN\t")) {
            return None;
        }
        // Instruction flags (`--mount=type=cache,target=/x`) are Docker's, not the shell's.
        let mut body = trimmed[4..].trim_start();
        while body.starts_with("--") {
            body = body
                .find(char::is_whitespace)
                .map_or("", |i| &body[i..])
                .trim_start();
        }
        // The exec form (`RUN ["sh", "-c", "…"]`) is JSON: the text reader's.
        (!body.starts_with('[')).then(|| line.len() - body.len())
    })
}

/// Each recipe line of a Makefile (a line that starts with a tab, with its continuations),
/// from after its `@`, `-` and `+` prefixes.
fn makefile_recipes(text: &str) -> Vec<Span> {
    continued_regions(text, |line| {
        let body = line
            .strip_prefix('\t')?
            .trim_start_matches(['@', '-', '+', ' ', '\t']);
        Some(line.len() - body.len())
    })
}

/// Keys whose string values are shell scripts in the CI systems' YAML.
const STEP_KEYS: [&str; 10] = [
    "run",
    "script",
    "before_script",
    "after_script",
    "command",
    "commands",
    "cmd",
    "entrypoint",
    "args",
    "steps",
];

/// Larger YAML files are not CI configuration.
const MAX_YAML_BYTES: usize = 1 << 20;

/// The literal (`|`) and plain one-line scripts under [`STEP_KEYS`] of a YAML file.
fn yaml_steps(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    if text.len() > MAX_YAML_BYTES {
        return out;
    }
    for document in tree::parse_yaml(text).unwrap_or_default() {
        steps_in(&document, text, false, 0, &mut out);
    }
    out
}

fn steps_in(node: &Node, text: &str, step: bool, depth: usize, out: &mut Vec<Span>) {
    if depth > MAX_DEPTH {
        return;
    }
    match &node.kind {
        Kind::Map(entries) => {
            for (key, value) in entries {
                let step = STEP_KEYS.contains(&key.name.as_str());
                steps_in(value, text, step, depth + 1, out);
            }
        }
        Kind::List(items) => {
            for item in items {
                steps_in(item, text, step, depth + 1, out);
            }
        }
        Kind::Scalar(scalar) if step => out.extend(scalar_script(text, node.span.start, scalar)),
        _ => {}
    }
}

/// The text of a literal block scalar (`run: |` and its lines, indented at least as its
/// first) or of a plain scalar on one line, as written in the file. `start` is where the
/// parser's span begins: a block scalar's first content, a plain scalar itself.
fn scalar_script(text: &str, start: usize, scalar: &str) -> Option<Span> {
    let before = text.get(..start)?.trim_end();
    let indicator = before.rsplit(char::is_whitespace).next().unwrap_or("");
    if indicator.starts_with('|') {
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let block_indent = start - line_start;
        let mut end = start;
        for (at, line) in lines(&text[line_start..]) {
            let content = line.trim_end();
            if content.is_empty() {
                continue;
            }
            if line.len() - line.trim_start_matches([' ', '\t']).len() < block_indent {
                break;
            }
            end = line_start + at + content.len();
        }
        return (end > start).then_some(start..end);
    }
    let raw = text.get(start..)?;
    let plain = !indicator.starts_with('>')
        && !raw.starts_with(['"', '\'', '[', '{'])
        && !scalar.contains('\n');
    (plain && !scalar.is_empty() && raw.starts_with(scalar)).then(|| start..start + scalar.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, regions: Vec<Span>) -> Vec<&str> {
        regions.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn dockerfile_run_instructions_in_shell_form() {
        let text = "FROM x\nRUN aws s3 presign s3://b/k \\\n    --expires-in 9\nrun --mount=type=cache,target=/c gsutil signurl k gs://b/o\nRUN [\"aws\", \"s3\"]\nENV A=b\n";
        assert_eq!(
            texts(text, dockerfile_runs(text)),
            [
                "aws s3 presign s3://b/k \\\n    --expires-in 9",
                "gsutil signurl k gs://b/o"
            ]
        );
    }

    #[test]
    fn makefile_recipe_lines() {
        let text =
            "urls:\n\t@aws s3 presign s3://b/k \\\n\t  --expires-in 9\n\t-echo done\nx = 1\n";
        assert_eq!(
            texts(text, makefile_recipes(text)),
            [
                "aws s3 presign s3://b/k \\\n\t  --expires-in 9",
                "echo done"
            ]
        );
    }

    #[test]
    fn ci_steps_literal_and_plain() {
        let text = "jobs:\n  sign:\n    steps:\n      - run: |\n          for k in a b; do\n            aws s3 presign s3://b/$k\n          done\n\n      - name: one\n        run: aws s3 presign s3://b/x\n      - run: \"quoted\"\n      - run: >\n          folded\n    env:\n      TTL: 1\n";
        assert_eq!(
            texts(text, yaml_steps(text)),
            [
                "for k in a b; do\n            aws s3 presign s3://b/$k\n          done",
                "aws s3 presign s3://b/x"
            ]
        );
    }
}
