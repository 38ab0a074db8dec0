//! Tree-sitter plumbing shared by the grammar-based front ends: one parser per language per
//! thread, bounded parsing, and node helpers.

use std::cell::RefCell;
use std::collections::HashMap;

use tree_sitter::{Node, Parser, Tree};

use crate::facts::Span;

use super::Language;
use super::profile::FrontEnd;

/// Files larger than this are not parsed (the text-level lints still run): generated or
/// minified code, where a parse costs much and finds little.
pub const MAX_PARSE_BYTES: usize = 4 * 1024 * 1024;

/// Deepest syntax nesting lowered. Deeper nodes become `Unknown`, so 100k nested brackets
/// cost a bounded stack.
pub const MAX_DEPTH: usize = 200;

thread_local! {
    static PARSERS: RefCell<HashMap<Language, Parser>> = RefCell::new(HashMap::new());
}

/// Most indentation levels a Python file may open before it is refused. Python's external
/// scanner serializes its indent stack at two bytes a level after up to 257 bytes of string
/// delimiters, and tree-sitter aborts the process (a C assertion, which cannot be caught)
/// once that passes its 1024-byte buffer: at 511 levels with one open string, 384 in theory
/// with 255. CPython itself stops at 100 levels; the count below over-estimates (continuation
/// lines and string bodies count too), so the bound leaves room both ways.
pub const MAX_INDENT_LEVELS: usize = 200;

/// Most bytes the Ruby scanner's serialized state may reach by the estimate below before a
/// file is refused. The scanner checks its bound on each heredoc two bytes short, so its
/// state overruns tree-sitter's 1024-byte buffer, and aborts the process, when open
/// heredocs bring it to 1022 or 1023 bytes: one heredoc word of 1019 bytes, or 145 heredocs
/// of three-letter words opened on one line (both found by experiment), or fewer under
/// deeply nested string interpolation (5 bytes a level). Real files estimate under 200.
pub const MAX_RUBY_SCANNER_STATE: usize = 1000;

/// Lines up to this long cost the Scala scanner a bounded amount per token.
pub const SCALA_SHORT_LINE: usize = 1024;

/// Most the long lines of a Scala file may add up to, in squared bytes, before it is refused
/// (see [`scala_long_line_cost`]): one line of about 20 KB, about a second's parse on the
/// benchmark machine. Hand-written Scala has no such lines; generated code does.
pub const MAX_SCALA_LONG_LINE_COST: u64 = 400_000_000;

/// What the Scala scanner's column lookups cost beyond a linear parse: it asks the column of
/// most tokens, and tree-sitter answers by reading the line again from its start, so a line
/// costs the square of its length. The sum of the squares of the lines longer than
/// [`SCALA_SHORT_LINE`].
pub(super) fn scala_long_line_cost(text: &str) -> u64 {
    text.split('\n')
        .map(str::len)
        .filter(|&len| len > SCALA_SHORT_LINE)
        .map(|len| (len as u64).saturating_mul(len as u64))
        .fold(0u64, u64::saturating_add)
}

/// The deepest stack of increasing indentation widths over the non-blank lines of `text`,
/// counted as Python's scanner counts width (a tab is 8, a form feed restarts the line).
pub(super) fn indent_levels(text: &str) -> usize {
    let mut stack: Vec<usize> = Vec::new();
    let mut max = 0;
    // A lone `\r` ends a line for the scanner too.
    for line in text.split(['\n', '\r']) {
        let mut width = 0usize;
        let mut blank = true;
        for b in line.bytes() {
            match b {
                b' ' => width += 1,
                b'\t' => width += 8,
                b'\x0c' => width = 0,
                _ => {
                    blank = false;
                    break;
                }
            }
        }
        if blank {
            continue;
        }
        while stack.last().is_some_and(|&top| top > width) {
            stack.pop();
        }
        if width > 0 && stack.last().is_none_or(|&top| top < width) {
            stack.push(width);
            max = max.max(stack.len());
        }
    }
    max
}

/// An over-estimate of the most bytes Ruby's scanner serializes: its open heredocs are
/// those opened on one line (their bodies start on the next), 4 bytes plus the word each,
/// counting every `<<` (`a << b` too); and a heredoc opened inside nested string
/// interpolations comes after 5 bytes per open literal, at most one per `#{` in the file
/// plus one. Without a heredoc the scanner bounds its own state: 0.
pub(super) fn ruby_scanner_state(text: &str) -> usize {
    let heredocs = text.split('\n').map(heredoc_bytes).max().unwrap_or(0);
    if heredocs == 0 {
        return 0;
    }
    let literals = 1 + memchr::memmem::find_iter(text.as_bytes(), b"#{").count();
    2 + literals.saturating_mul(5) + heredocs
}

/// 4 bytes plus the word for each `<<`, `<<~` or `<<-` (the word optionally quoted) on `line`.
fn heredoc_bytes(line: &str) -> usize {
    let bytes = line.as_bytes();
    let (mut total, mut from) = (0usize, 0);
    // Each word is read once: the next search starts after it, so `<<<<<<…` stays linear.
    while let Some(at) = bytes
        .get(from..)
        .and_then(|rest| memchr::memmem::find(rest, b"<<"))
    {
        let mut i = from + at + 2;
        if matches!(bytes.get(i), Some(b'~' | b'-')) {
            i += 1;
        }
        if matches!(bytes.get(i), Some(b'"' | b'\'' | b'`')) {
            i += 1;
        }
        let start = i;
        while bytes
            .get(i)
            .is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'"' | b'\'' | b'`'))
        {
            i += 1;
        }
        total = total.saturating_add(4 + i - start);
        from = i;
    }
    total
}

/// Parse work allowed per file, in tree-sitter's progress checks (one per 100 parser
/// operations): a base plus one per 8 bytes. Real code takes under one check per 100 bytes and
/// 100k nested brackets about one per 16; the fuzzer found a 1.2 KB Kotlin file on which the
/// grammar's GLR stacks and external scanner run for minutes and gigabytes. A deterministic
/// budget, so the same file gives the same result on any machine.
fn parse_budget(len: usize) -> usize {
    2_000 + len / 8
}

/// A last resort behind the budget, should a single parser operation ever become slow.
pub(crate) const PARSE_DEADLINE: std::time::Duration = std::time::Duration::from_secs(10);

/// Parses `text` with the thread's parser for `language`; `None` when the language has no
/// grammar, the file is too large, or the parser gives up or runs over its budget (the
/// text-level lints still run).
pub fn parse(language: Language, text: &str) -> Option<Tree> {
    let Some(FrontEnd::TreeSitter { grammar, lowering }) = language.entry().map(|e| e.front_end)
    else {
        return None;
    };
    if text.len() > MAX_PARSE_BYTES || !lowering.scanner_bounded(text) {
        return None;
    }
    PARSERS.with(|parsers| {
        let mut parsers = parsers.borrow_mut();
        let parser = match parsers.entry(language) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                let mut parser = Parser::new();
                parser.set_language(&grammar()).ok()?;
                e.insert(parser)
            }
        };
        parse_bounded(parser, text)
    })
}

/// Parses `text` with `parser` within the work budget and deadline; `None` when it runs
/// over either.
pub(crate) fn parse_bounded(parser: &mut Parser, text: &str) -> Option<Tree> {
    let budget = parse_budget(text.len());
    let started = std::time::Instant::now();
    let mut checks = 0usize;
    let mut cancel = |_: &tree_sitter::ParseState| {
        checks += 1;
        checks > budget || started.elapsed() > PARSE_DEADLINE
    };
    let bytes = text.as_bytes();
    let tree = parser.parse_with_options(
        &mut |offset, _| bytes.get(offset..).unwrap_or(&[]),
        None,
        Some(tree_sitter::ParseOptions::new().progress_callback(&mut cancel)),
    );
    if tree.is_none() {
        // A cancelled parse would otherwise resume on the next file.
        parser.reset();
    }
    tree
}

/// The span of a statement's first token: the keyword a loop is reported at (`for`, `while`).
pub fn leading_keyword(node: Node<'_>) -> Span {
    let start = node.start_byte();
    let end = node.child(0).map_or(start, |k| k.end_byte());
    start..end
}

/// The span of the `keyword` token among a node's children (after a label or an annotation,
/// or a modifier loop's `while` after its body); empty at the node's start without one.
pub fn keyword_token(node: Node<'_>, keyword: &str) -> Span {
    let mut cursor = node.walk();
    let found = node
        .children(&mut cursor)
        .find(|c| !c.is_named() && c.kind() == keyword)
        .map(|k| k.byte_range());
    found.unwrap_or(node.start_byte()..node.start_byte())
}

/// The source text of a node (empty if the range is not on char boundaries).
pub fn text<'a>(node: Node<'_>, source: &'a str) -> &'a str {
    source.get(node.byte_range()).unwrap_or("")
}

/// Named children of a node, in order.
pub fn named_children<'t>(node: Node<'t>) -> Vec<Node<'t>> {
    let mut cursor = node.walk();
    node.named_children(&mut cursor).collect()
}

/// The assignment an expression statement holds (`$request = …;`, `request.Expires = …;`):
/// the assignment node, its `left` and its `right`.
pub fn statement_assignment(statement: Node<'_>) -> Option<(Node<'_>, Node<'_>, Node<'_>)> {
    if statement.kind() != "expression_statement" {
        return None;
    }
    let assign = named_children(statement)
        .into_iter()
        .find(|c| c.kind() == "assignment_expression")?;
    Some((
        assign,
        assign.child_by_field_name("left")?,
        assign.child_by_field_name("right")?,
    ))
}

/// Parses an integer literal as written in most languages: `1_000`, `0x10`, `0o17`, `0b1`,
/// `10L`, `10u64`.
pub fn parse_int(literal: &str) -> Option<i128> {
    let cleaned: String = literal
        .chars()
        .filter(|c| *c != '_' && *c != '\'')
        .collect();
    let lower = cleaned.to_ascii_lowercase();
    let (digits, radix) = if let Some(h) = lower.strip_prefix("0x") {
        (h, 16)
    } else if let Some(o) = lower.strip_prefix("0o") {
        (o, 8)
    } else if let Some(b) = lower.strip_prefix("0b") {
        (b, 2)
    } else {
        (lower.as_str(), 10)
    };
    let end = digits
        .find(|c: char| !c.is_digit(radix))
        .unwrap_or(digits.len());
    if end == 0 {
        return None;
    }
    i128::from_str_radix(&digits[..end], radix).ok()
}

/// Decodes the common backslash escapes of a quoted string body.
pub fn unescape(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('0') => out.push('\0'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// What one earlier statement says about an object being built up before it is used.
pub enum Earlier {
    /// The object declared or reassigned: the fields its new value has (the search stops).
    Created(Vec<crate::facts::Field>),
    /// `object.Field = value`, `$object['key'] = value`.
    Set(crate::facts::Field),
    Unrelated,
}

/// How far back the search for an object's earlier fields goes: statements per block, bytes
/// per block, statements that touch the object, and enclosing blocks. A request is built
/// within a few statements, and the bounds keep generated code with thousands of assignments
/// linear.
const MAX_STATEMENTS_BACK: usize = 64;
const WINDOW_BYTES: usize = 8192;
const MAX_MATCHES: usize = 16;
const MAX_LEVELS_UP: usize = 8;

/// Adds the fields an object was given in the statements before the `expression_statement`
/// of `assignment` (the latest wins), searching outwards through enclosing blocks until
/// `is_scope_boundary`. `classify` reads one earlier statement, `None` when it does not touch
/// the object (a cheap test first: most statements do not). Returns whether the search saw
/// everything it needed: `false` when a bound cut it short, or the assignment is no statement
/// of its own, so the caller treats the object as dynamic.
pub fn merge_earlier_fields(
    assignment: Node<'_>,
    fields: &mut Vec<crate::facts::Field>,
    classify: impl Fn(Node<'_>) -> Option<Earlier>,
    is_scope_boundary: impl Fn(Node<'_>) -> bool,
) -> bool {
    let Some(statement) = assignment
        .parent()
        .filter(|p| p.kind() == "expression_statement")
    else {
        return false;
    };
    let mut add = |field: crate::facts::Field| {
        if !fields.iter().any(|f| f.key == field.key) {
            fields.push(field);
        }
    };
    let mut node = statement;
    let mut matches = 0;
    for _ in 0..MAX_LEVELS_UP {
        let Some(parent) = node.parent() else {
            return true;
        };
        let (statements, complete) = preceding_siblings(parent, node);
        for earlier in statements {
            let Some(earlier) = classify(earlier) else {
                continue;
            };
            matches += 1;
            if matches > MAX_MATCHES {
                return false;
            }
            match earlier {
                Earlier::Created(created) => {
                    created.into_iter().for_each(&mut add);
                    return true;
                }
                Earlier::Set(field) => add(field),
                Earlier::Unrelated => {}
            }
        }
        if !complete {
            return false;
        }
        if is_scope_boundary(parent) {
            return true;
        }
        node = parent;
    }
    false
}

/// The named siblings before `node` in `parent` that end within [`WINDOW_BYTES`] before it,
/// nearest first, at most [`MAX_STATEMENTS_BACK`], and whether they are all of them. A
/// cursor seeks the window by byte offset and walks forward: `prev_named_sibling` and
/// `named_child(i)` rescan the parent's children on every call, which makes long blocks
/// quadratic.
fn preceding_siblings<'t>(parent: Node<'t>, node: Node<'t>) -> (Vec<Node<'t>>, bool) {
    let end = node.start_byte();
    let from = end.saturating_sub(WINDOW_BYTES);
    let mut out = Vec::new();
    let mut cursor = parent.walk();
    if cursor.goto_first_child_for_byte(from).is_none() {
        return (out, false);
    }
    loop {
        let child = cursor.node();
        if child.end_byte() > end {
            break;
        }
        if child.is_named() {
            out.push(child);
        }
        if !cursor.goto_next_sibling() {
            break;
        }
    }
    let complete = from <= parent.start_byte() && out.len() <= MAX_STATEMENTS_BACK;
    out.reverse();
    out.truncate(MAX_STATEMENTS_BACK);
    (out, complete)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers() {
        assert_eq!(parse_int("604_800"), Some(604_800));
        assert_eq!(parse_int("0x10"), Some(16));
        assert_eq!(parse_int("900L"), Some(900));
        assert_eq!(parse_int("15u64"), Some(15));
        assert_eq!(parse_int("abc"), None);
    }

    /// The Scala scanner reads a line again from its start for each token's column: long
    /// lines are refused by their squared length, while short ones never count.
    #[test]
    fn scala_long_lines_are_refused_by_their_quadratic_cost() {
        let line = |n: usize| format!("object A {{\n  val x = 1{}\n}}\n", " + 1".repeat(n));
        assert!(
            parse(Language::Scala, &line(2_000)).is_some(),
            "an 8 KB line"
        );
        assert!(
            parse(Language::Scala, &line(8_000)).is_none(),
            "a 32 KB line"
        );
        let many_short = "val x = 1 + 2\n".repeat(200_000);
        assert_eq!(scala_long_line_cost(&many_short), 0);
        let many_long = format!("{}\n", "x".repeat(4_000)).repeat(100);
        assert!(scala_long_line_cost(&many_long) > MAX_SCALA_LONG_LINE_COST);
    }

    /// Found by the `eval` fuzz target (fuzz/regressions/eval/kotlin-parse-blowup): a mangled
    /// Kotlin fixture on which tree-sitter-kotlin-ng ran for minutes and gigabytes. The parse
    /// now stops at its budget, and the thread's parser still works for the next file.
    #[test]
    fn pathological_parse_is_cut_off_by_the_budget() {
        // The raw fuzz input: its first byte selected Kotlin.
        let raw = include_bytes!("../../fuzz/regressions/eval/kotlin-parse-blowup");
        let text = String::from_utf8_lossy(&raw[1..]);
        let started = std::time::Instant::now();
        assert!(parse(Language::Kotlin, &text).is_none());
        assert!(
            started.elapsed() < PARSE_DEADLINE,
            "{:?}",
            started.elapsed()
        );
        let tree = parse(Language::Kotlin, "val x = 1\n").expect("parses");
        assert!(!tree.root_node().has_error());
    }

    fn nested_ifs(levels: usize) -> String {
        let mut text: String = (0..levels)
            .map(|i| format!("{}if a:\n", " ".repeat(i)))
            .collect();
        text.push_str(&format!("{}x = \"presign\"\n", " ".repeat(levels)));
        text
    }

    /// Issue 16: 511 nested `if`s made Python's external scanner overrun tree-sitter's
    /// serialization buffer, and a C assertion aborted the whole process. Such a file is now
    /// refused before the grammar sees it; ordinary nesting still parses.
    #[test]
    fn python_indentation_past_the_scanner_buffer_is_refused() {
        assert_eq!(indent_levels(&nested_ifs(511)), 511);
        assert!(parse(Language::Python, &nested_ifs(511)).is_none());
        assert!(parse(Language::Python, &nested_ifs(MAX_INDENT_LEVELS - 1)).is_some());
        assert_eq!(indent_levels("if a:\n\tif b:\n\t\tx\n  \ny\n"), 2);
        // Old Mac line endings and CRLF are lines too.
        let cr = nested_ifs(MAX_INDENT_LEVELS + 1).replace('\n', "\r");
        assert_eq!(indent_levels(&cr), MAX_INDENT_LEVELS + 1);
        assert!(parse(Language::Python, &cr).is_none());
        assert_eq!(indent_levels("if a:\r\n  x\r\n"), 1);
    }

    /// Issue 16: a long heredoc word, or many heredocs opened on one line, overran the Ruby
    /// scanner's buffer and aborted the process.
    #[test]
    fn ruby_heredoc_state_past_the_scanner_buffer_is_refused() {
        let word = "A".repeat(1019);
        let text = format!("x = <<~{word}\nhello\n{word}\n");
        assert_eq!(ruby_scanner_state(&text), 2 + 5 + 4 + 1019);
        assert!(parse(Language::Ruby, &text).is_none());
        let words: Vec<String> = (0..145)
            .map(|i| format!("A{:02}", i % 100))
            .chain(["BBBB".to_string()])
            .collect();
        let mut many = format!(
            "x = [{}]\n",
            words
                .iter()
                .map(|w| format!("<<{w}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        for w in &words {
            many.push_str(&format!("hi\n{w}\n"));
        }
        assert!(parse(Language::Ruby, &many).is_none());
        let ordinary = "x = <<~EOS\nhello #{name}\nEOS\ny = a << b\n";
        assert!(ruby_scanner_state(ordinary) < 100);
        assert!(parse(Language::Ruby, ordinary).is_some());
        assert_eq!(ruby_scanner_state("x = \"#{a}\"\n"), 0);
        // Linear on a run of `<<`.
        assert_eq!(heredoc_bytes(&"<<".repeat(100_000)), 4 + 199_998);
    }
}
