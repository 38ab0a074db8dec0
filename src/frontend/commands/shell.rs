//! Shell scripts read with tree-sitter-bash: the commands a script runs, each with its words
//! as the shell splits them (quotes removed, line continuations joined), the loop that
//! repeats it, and the variables assigned before it. The scripts a script runs are read too:
//! `bash -c "…"`, `ssh host '…'`, `eval "…"` and heredoc bodies.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use tree_sitter::{Node, Parser};

use super::Signing;
use super::signing::{self, Assigned, Word};
use crate::facts::Span;
use crate::frontend::treesitter::{MAX_PARSE_BYTES, parse_bounded};

thread_local! {
    static PARSER: RefCell<Option<Parser>> = const { RefCell::new(None) };
}

/// Scripts inside scripts (`bash -c "ssh h 'sh -c …'"`) are read this deep.
const MAX_NESTING: usize = 4;

/// Tools whose signing commands [`signing::read_command`] reads.
const TOOLS: [&str; 4] = ["aws", "gsutil", "gcloud", "az"];

/// Commands that run the command their words name: `sudo aws …`, `xargs -I{} gsutil …`.
const WRAPPERS: [&str; 14] = [
    "sudo", "doas", "env", "exec", "time", "nohup", "command", "nice", "timeout", "stdbuf",
    "xargs", "parallel", "unbuffer", "retry",
];

/// Wrappers that run their command once per input line: a loop.
const REPEATERS: [&str; 2] = ["xargs", "parallel"];

/// Commands whose string arguments are scripts: `bash -c "…"`, `ssh host '…'`, `eval "…"`.
const SCRIPT_RUNNERS: [&str; 10] = [
    "bash", "sh", "zsh", "dash", "ksh", "ash", "su", "ssh", "eval", "watch",
];

/// A loop's keyword and span.
type Loop = Option<(&'static str, Span)>;

/// One command: its words from the tool's name on, and the loop it runs in.
struct Command {
    words: Vec<Word>,
    shell_loop: Loop,
}

/// A variable assignment: `name=value`, `export NAME="value"`.
struct Assignment {
    name: String,
    value: Word,
    /// It runs only on some paths: in a branch, a loop, a function, a subshell or after `&&`.
    conditional: bool,
}

/// Nodes whose contents run only on some paths, or not in the script's own shell.
const CONDITIONAL: [&str; 11] = [
    "if_statement",
    "elif_clause",
    "else_clause",
    "case_item",
    "while_statement",
    "for_statement",
    "c_style_for_statement",
    "function_definition",
    "list",
    "subshell",
    "pipeline",
];

/// How far back past assignments a branch makes at run time a variable's default is looked
/// for.
const MAX_BRANCH_ASSIGNMENTS: usize = 64;

/// What a script (and the scripts it runs) holds.
pub(super) struct Script {
    commands: Vec<Command>,
    /// In the order written.
    assignments: Vec<Assignment>,
    /// The script's text.
    region: Span,
    /// Text the parser could not read (syntax errors, scripts in strings that do not parse):
    /// the text reader's, but for the whole commands the parser found in it.
    unread: Vec<Span>,
    /// The commands inside what is unread that were read without a syntax error.
    whole_commands: Vec<Span>,
    /// Shell functions: name and body.
    functions: Vec<(String, Span)>,
    /// Every command that may call a function: its name, where it is, and its loop.
    calls: Vec<(String, usize, Loop)>,
}

impl Script {
    /// Reads the script `text[region]`; `None` when it is too large or the parser gives up.
    pub fn parse(text: &str, region: Range<usize>) -> Option<Script> {
        let mut script = Script {
            commands: Vec::new(),
            assignments: Vec::new(),
            region: region.clone(),
            unread: Vec::new(),
            whole_commands: Vec::new(),
            functions: Vec::new(),
            calls: Vec::new(),
        };
        script.read(text, region, None, 0).then_some(script)
    }

    /// Reads the script `text[region]` into `self`; false when it cannot be parsed at all.
    fn read(&mut self, text: &str, region: Range<usize>, outer_loop: Loop, depth: usize) -> bool {
        let Some(source) = text.get(region.clone()) else {
            return false;
        };
        if source.len() > MAX_PARSE_BYTES {
            return false;
        }
        let tree = PARSER.with(|parser| {
            let mut parser = parser.borrow_mut();
            if parser.is_none() {
                let mut new = Parser::new();
                new.set_language(&tree_sitter_bash::LANGUAGE.into()).ok()?;
                *parser = Some(new);
            }
            parse_bounded(parser.as_mut()?, source)
        });
        let Some(tree) = tree else {
            return false;
        };
        let at = region.start;
        let span = |node: Node<'_>| at + node.start_byte()..at + node.end_byte();
        // Depth-first, in the order written, with the loop each node runs in and whether it
        // lies in a syntax error.
        let mut stack = vec![(tree.root_node(), outer_loop, false, depth > 0)];
        while let Some((node, shell_loop, in_error, conditional)) = stack.pop() {
            let mut inner_loop = shell_loop.clone();
            let in_error = in_error || node.is_error();
            let conditional = conditional || CONDITIONAL.contains(&node.kind());
            match node.kind() {
                // Error recovery keeps the whole commands around a syntax error; the rest is
                // the text reader's.
                "ERROR" => self.unread.push(span(node)),
                "for_statement" | "c_style_for_statement" | "while_statement" => {
                    if let Some(keyword) = node.child(0) {
                        let name = match keyword.kind() {
                            "until" => "until",
                            "while" => "while",
                            "select" => "select",
                            _ => "for",
                        };
                        inner_loop = Some((name, span(keyword)));
                    }
                }
                "function_definition" => {
                    if let (Some(name), Some(body)) = (
                        node.child_by_field_name("name"),
                        node.child_by_field_name("body"),
                    ) {
                        self.functions
                            .push((source[name.byte_range()].to_string(), span(body)));
                    }
                }
                "variable_assignment" => {
                    if let (Some(name), Some(value)) = (
                        node.child_by_field_name("name"),
                        node.child_by_field_name("value"),
                    ) {
                        self.assignments.push(Assignment {
                            name: source[name.byte_range()].to_string(),
                            value: word(value, source, at),
                            conditional,
                        });
                    }
                }
                "command" => {
                    if in_error && !node.has_error() {
                        self.whole_commands.push(span(node));
                    }
                    if self.command(node, text, source, at, &shell_loop, depth) {
                        // Its strings were read as scripts of their own.
                        push_children(
                            &mut stack,
                            node,
                            (&inner_loop, in_error, conditional),
                            |c| !matches!(c.kind(), "string" | "raw_string"),
                        );
                        continue;
                    }
                }
                "heredoc_body" => {
                    if depth < MAX_NESTING {
                        self.nested(text, span(node), &shell_loop, depth);
                    }
                    continue;
                }
                _ => {}
            }
            push_children(
                &mut stack,
                node,
                (&inner_loop, in_error, conditional),
                |_| true,
            );
        }
        true
    }

    /// Records a command; true when its string arguments were read as scripts.
    fn command(
        &mut self,
        node: Node<'_>,
        text: &str,
        source: &str,
        at: usize,
        shell_loop: &Loop,
        depth: usize,
    ) -> bool {
        let mut words = Vec::new();
        let mut cursor = node.walk();
        for (i, child) in node.children(&mut cursor).enumerate() {
            let field = node.field_name_for_child(i as u32);
            if matches!(field, Some("name" | "argument")) {
                words.push((word(child, source, at), child));
            }
        }
        let runs_scripts = words
            .iter()
            .any(|((w, _), _)| SCRIPT_RUNNERS.contains(&basename(w)));
        if runs_scripts && depth < MAX_NESTING {
            for (_, child) in &words {
                if matches!(child.kind(), "string" | "raw_string") {
                    // The text between the quotes.
                    let inner =
                        at + child.start_byte() + 1..at + child.end_byte().saturating_sub(1);
                    if inner.start < inner.end {
                        self.nested(text, inner, shell_loop, depth);
                    }
                }
            }
        }
        let words: Vec<Word> = words.into_iter().map(|(w, _)| w).collect();
        if let Some((name, at)) = words.first().filter(|(w, _)| is_plain_name(w)) {
            self.calls
                .push((name.clone(), at.start, shell_loop.clone()));
        }
        if let Some((tool, repeater)) = tool_start(&words) {
            let shell_loop = repeater.or_else(|| shell_loop.clone());
            self.commands.push(Command {
                words: words[tool..].to_vec(),
                shell_loop,
            });
        }
        runs_scripts && depth < MAX_NESTING
    }

    /// Reads a script inside the script (a string or a heredoc body); text it cannot read is
    /// left to the text reader.
    fn nested(&mut self, text: &str, region: Span, shell_loop: &Loop, depth: usize) {
        if !self.read(text, region.clone(), shell_loop.clone(), depth + 1) {
            self.unread.push(region);
        }
    }

    /// The text the parser read, as sorted disjoint ranges: the text reader's findings there
    /// are the parser's to make.
    pub fn read_ranges(&self) -> Vec<Span> {
        let mut read = Vec::new();
        let mut from = self.region.start;
        for r in merged(self.unread.clone()) {
            if r.start > from {
                read.push(from..r.start);
            }
            from = from.max(r.end);
        }
        if from < self.region.end {
            read.push(from..self.region.end);
        }
        read.extend(self.whole_commands.iter().cloned());
        merged(read)
    }

    /// The signing commands of the script, each with the variables assigned before it.
    pub fn signing(&self, out: &mut Signing) {
        // Each name's assignments by where their values end, for a binary search.
        let mut by_name: HashMap<&str, Vec<&Assignment>> = HashMap::new();
        for a in &self.assignments {
            by_name.entry(a.name.as_str()).or_default().push(a);
        }
        for assignments in by_name.values_mut() {
            assignments.sort_by_key(|a| a.value.1.end);
        }
        let looped = self.looped_functions();
        let mut seen = HashSet::new();
        for command in &self.commands {
            let Some((_, head)) = command.words.first() else {
                continue;
            };
            // A command read both as a script's and as its string's is read once.
            if !seen.insert(head.start) {
                continue;
            }
            let before = head.start;
            let variables = |name: &str| {
                let assignments = by_name.get(name)?;
                let n = assignments.partition_point(|a| a.value.1.end <= before);
                value_at(&assignments[..n])
            };
            // In a function called from a loop, it runs once per iteration of that loop.
            let shell_loop = command.shell_loop.clone().or_else(|| {
                self.function_at(before)
                    .and_then(|f| looped.get(f.as_str()).cloned())
            });
            signing::read_command(&command.words, &variables, shell_loop, out);
        }
    }

    /// The innermost function whose body holds `at`.
    fn function_at(&self, at: usize) -> Option<&String> {
        self.functions
            .iter()
            .filter(|(_, body)| body.contains(&at))
            .min_by_key(|(_, body)| body.end - body.start)
            .map(|(name, _)| name)
    }

    /// The functions that run in a loop, each with the loop of its first such call: called
    /// from a loop, or from a function that runs in one (as deep as calls go, each function
    /// once).
    fn looped_functions(&self) -> HashMap<&str, (&'static str, Span)> {
        let mut looped: HashMap<&str, (&'static str, Span)> = HashMap::new();
        if self.functions.is_empty() {
            return looped;
        }
        let defined: HashSet<&str> = self.functions.iter().map(|(n, _)| n.as_str()).collect();
        // A pass per level of calls; a function is added at most once, so at most one pass
        // per function (and one to see nothing more changes).
        for _ in 0..=self.functions.len() {
            let mut changed = false;
            for (name, at, shell_loop) in &self.calls {
                if !defined.contains(name.as_str()) || looped.contains_key(name.as_str()) {
                    continue;
                }
                let via = shell_loop.clone().or_else(|| {
                    self.function_at(*at)
                        .and_then(|f| looped.get(f.as_str()).cloned())
                });
                if let Some(l) = via {
                    looped.insert(name.as_str(), l);
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        looped
    }
}

/// A word that may name a shell function: no path, no expansion.
fn is_plain_name(word: &str) -> bool {
    !word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b':'))
}

/// The value a variable holds after `assignments` (in order): the last one, unless a branch
/// sets it at run time (`-e) EXPIRATION="$2"`), in which case the value assigned before the
/// branches is the default, the value on the other paths.
fn value_at(assignments: &[&Assignment]) -> Option<Assigned> {
    let mut default = false;
    for a in assignments.iter().rev().take(MAX_BRANCH_ASSIGNMENTS) {
        if a.conditional && signing::is_runtime(&a.value.0) {
            default = true;
            continue;
        }
        return Some(Assigned {
            value: a.value.0.clone(),
            span: a.value.1.clone(),
            default,
        });
    }
    None
}

/// Ranges sorted and joined where they overlap or touch.
fn merged(mut ranges: Vec<Span>) -> Vec<Span> {
    ranges.sort_by_key(|r| r.start);
    let mut out: Vec<Span> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Pushes a node's children on the depth-first stack, so they pop in the order written.
fn push_children<'t>(
    stack: &mut Vec<(Node<'t>, Loop, bool, bool)>,
    node: Node<'t>,
    (shell_loop, in_error, conditional): (&Loop, bool, bool),
    keep: impl Fn(&Node<'t>) -> bool,
) {
    let mut cursor = node.walk();
    let children: Vec<Node<'t>> = node.children(&mut cursor).filter(|c| keep(c)).collect();
    for child in children.into_iter().rev() {
        stack.push((child, shell_loop.clone(), in_error, conditional));
    }
}

/// Where the tool's name is among a command's words, past any wrapper (`sudo -E`, `env
/// A=b`, `timeout 30`, `xargs -I{}`), and the repeating wrapper (`xargs`, `parallel`) that
/// runs it once per input line, if any.
fn tool_start(words: &[Word]) -> Option<(usize, Loop)> {
    let first = basename(&words.first()?.0);
    if TOOLS.contains(&first) {
        return Some((0, None));
    }
    if !WRAPPERS.contains(&first) {
        return None;
    }
    let tool = words
        .iter()
        .position(|(w, _)| TOOLS.contains(&basename(w)))?;
    // Between the wrapper and the tool: wrappers, their flags and the flags' values,
    // assignments and numbers only, so `xargs echo aws …` is no `aws` command.
    let plain = |i: usize| {
        let w = words[i].0.as_str();
        WRAPPERS.contains(&basename(w))
            || w.starts_with('-')
            || w.contains('=')
            || w.starts_with(|c: char| c.is_ascii_digit())
            || i > 0 && words[i - 1].0.starts_with('-')
    };
    if !(1..tool).all(plain) {
        return None;
    }
    let repeater = words[..tool].iter().find_map(|(w, span)| {
        let name = basename(w);
        REPEATERS
            .iter()
            .find(|r| **r == name)
            .map(|r| (*r, span.clone()))
    });
    Some((tool, repeater))
}

fn basename(word: &str) -> &str {
    word.rsplit('/').next().unwrap_or(word)
}

/// A word as the shell reads it (quotes removed; expansions kept as written, so they read
/// as run-time values), with its span in the file.
fn word(node: Node<'_>, source: &str, at: usize) -> Word {
    let mut out = String::new();
    append_word(node, source, &mut out, 0);
    (out, at + node.start_byte()..at + node.end_byte())
}

fn append_word(node: Node<'_>, source: &str, out: &mut String, depth: usize) {
    let raw = &source[node.byte_range()];
    match node.kind() {
        "string" => {
            // The text between the quotes, expansions as written.
            let inner = raw.strip_prefix('"').unwrap_or(raw);
            out.push_str(inner.strip_suffix('"').unwrap_or(inner));
        }
        "raw_string" => {
            let inner = raw.strip_prefix('\'').unwrap_or(raw);
            out.push_str(inner.strip_suffix('\'').unwrap_or(inner));
        }
        "ansi_c_string" => {
            let inner = raw.strip_prefix("$'").unwrap_or(raw);
            out.push_str(inner.strip_suffix('\'').unwrap_or(inner));
        }
        "concatenation" if depth < MAX_NESTING => {
            let mut cursor = node.walk();
            for child in node.children(&mut cursor) {
                append_word(child, source, out, depth + 1);
            }
        }
        "word" | "number" => {
            // `\ ` is a blank inside the word; the backslash goes.
            let mut chars = raw.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => out.extend(chars.next()),
                    c => out.push(c),
                }
            }
        }
        _ => out.push_str(raw),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn presigns(script: &str) -> Vec<(String, Option<String>, Option<&'static str>)> {
        let mut out = Signing::default();
        Script::parse(script, 0..script.len())
            .expect("parses")
            .signing(&mut out);
        out.presigns
            .into_iter()
            .map(|p| {
                (
                    script[p.span].to_string(),
                    p.expires_in.map(|e| e.1),
                    p.shell_loop.map(|l| l.0),
                )
            })
            .collect()
    }

    #[test]
    fn commands_as_the_shell_splits_them() {
        let script = "#!/bin/sh\nTTL=604800\nfor k in a b; do\n  aws --profile x s3 presign \"s3://b/$k\" \\\n     --expires-in \"$TTL\"\ndone\nuntil false; do sudo -E aws s3 presign s3://b/k --expires-in=3600; done\nfind . | xargs -I{} aws s3 presign s3://b/{}\nbash -c \"aws s3 presign s3://b/x --expires-in 9999\"\nssh host <<EOF\naws s3 presign s3://b/y --expires-in 7777\nEOF\necho aws s3 presign s3://b/z\nurl=$(aws s3 presign s3://b/w)\n";
        assert_eq!(
            presigns(script),
            [
                (
                    "aws --profile x s3 presign".to_string(),
                    Some("604800".to_string()),
                    Some("for")
                ),
                (
                    "aws s3 presign".to_string(),
                    Some("3600".to_string()),
                    Some("until")
                ),
                ("aws s3 presign".to_string(), None, Some("xargs")),
                ("aws s3 presign".to_string(), Some("9999".to_string()), None),
                ("aws s3 presign".to_string(), Some("7777".to_string()), None),
                ("aws s3 presign".to_string(), None, None),
            ]
        );
    }

    #[test]
    fn a_default_a_branch_may_replace_is_the_value_on_the_other_paths() {
        let script = "TTL=600\nTTL=604800\nif [ -n \"$1\" ]; then TTL=\"$1\"; fi\naws s3 presign s3://b/k --expires-in \"$TTL\"\nTTL=$2\naws s3 presign s3://b/k --expires-in $TTL\n";
        let mut out = Signing::default();
        Script::parse(script, 0..script.len())
            .expect("parses")
            .signing(&mut out);
        let read: Vec<(Option<&str>, Option<bool>)> = out
            .presigns
            .iter()
            .map(|p| {
                (
                    p.expires_in.as_ref().map(|e| e.1.as_str()),
                    p.assigned.as_ref().map(|a| a.default),
                )
            })
            .collect();
        assert_eq!(read, [(Some("604800"), Some(true)), (Some("$TTL"), None)]);
    }

    /// A function's command runs once per iteration of the loop that calls it, directly or
    /// through another function; a function never called from a loop runs once.
    #[test]
    fn a_function_called_from_a_loop_runs_in_it() {
        let script = "sign() {\n  aws s3 presign \"s3://b/$1\" --expires-in 600\n}\nshare() { sign \"$1\"; }\nonce() { aws s3 presign s3://b/once; }\nfor f in a b; do\n  share \"$f\"\ndone\nonce\nwhile read -r k; do echo \"$k\"; done\n";
        assert_eq!(
            presigns(script),
            [
                (
                    "aws s3 presign".to_string(),
                    Some("600".to_string()),
                    Some("for")
                ),
                ("aws s3 presign".to_string(), None, None),
            ]
        );
        // Recursion ends.
        let script = "a() { b; aws s3 presign s3://b/k; }\nb() { a; }\nfor x in 1; do a; done\n";
        assert_eq!(presigns(script)[0].2, Some("for"));
    }

    #[test]
    fn what_does_not_parse_is_left_to_the_text_reader() {
        let script =
            "aws s3 presign s3://b/k\nif then fi ((\naws s3 presign s3://b/j\nx \"aws s3 presign\n";
        let parsed = Script::parse(script, 0..script.len()).expect("parses");
        let read = parsed.read_ranges();
        let reads = |at: usize| read.iter().any(|r| r.contains(&at));
        assert!(reads(script.find("aws").unwrap_or(usize::MAX)));
        assert!(!reads(script.find("((").unwrap_or(0)));
        assert!(!reads(script.len()));
        assert_eq!(presigns(script).len(), 2);
    }
}
