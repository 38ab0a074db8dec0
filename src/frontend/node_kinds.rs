//! Every node kind and field name a front end compares against must exist in its grammar: a
//! misspelt kind (`"call_expresion"`) never matches and silently loses every fact behind it,
//! and a grammar upgrade that renames a kind does the same. This test reads the front ends'
//! sources, collects the string literals they compare node kinds and field names with, and
//! asks each grammar (`Language::id_for_node_kind`, `field_id_for_name`).
//!
//! The front end of a family is `src/frontend/<family>.rs` (the family's catalog name). The
//! literals are found where the code compares a kind: `x.kind() == "k"` (and `!=`, and a
//! variable named `kind`), `matches!(x.kind(), "a" | "b")`, the arm patterns of
//! `match x.kind() { … }`, and `child_by_field_name("f")` / `children_by_field_name("f", …)`.
//! The kinds of each role are data ([`NodeKinds`], each catalog file's `[syntax]`), checked
//! as such.

use super::Language;
use super::profile::{FrontEnd, PROFILES};
use super::syntax::NodeKinds;
use crate::semantic::catalog::node_kinds;

/// Each tree-sitter front end's source (`src/frontend/<family>.rs`, by convention) with the
/// languages whose grammars it reads.
fn front_ends() -> Vec<(String, String, Vec<Language>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/frontend");
    PROFILES
        .iter()
        .filter_map(|profile| {
            let languages: Vec<Language> = profile
                .languages
                .iter()
                .filter(|e| matches!(e.front_end, FrontEnd::TreeSitter { .. }))
                .map(|e| e.language)
                .collect();
            if languages.is_empty() {
                return None;
            }
            let file = format!("{}.rs", profile.family.name());
            let source = std::fs::read_to_string(dir.join(&file))
                .unwrap_or_else(|e| panic!("{file}: a tree-sitter front end lives here ({e})"));
            Some((file, source, languages))
        })
        .collect()
}

/// Shared sources: a kind they name must exist in at least one grammar.
const SHARED: &[(&str, &str)] = &[
    ("syntax.rs", include_str!("syntax.rs")),
    ("treesitter.rs", include_str!("treesitter.rs")),
    ("defaults.rs", include_str!("defaults.rs")),
];

/// What a literal is compared as.
#[derive(Debug, PartialEq)]
enum Use {
    Kind,
    Field,
}

/// The kind and field literals of a Rust source, with their lines. Test modules are left out
/// (they build source text, not trees).
fn literals(source: &str) -> Vec<(Use, String, usize)> {
    let code = source
        .find("#[cfg(test)]\nmod tests")
        .map_or(source, |at| &source[..at]);
    let tokens = tokenize(code);
    let mut found = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let at = |j: usize| tokens.get(j).map(|t| t.text.as_str());
        match token.text.as_str() {
            "child_by_field_name" | "children_by_field_name" if at(i + 1) == Some("(") => {
                if let Some(Token { literal: true, .. }) = tokens.get(i + 2) {
                    found.push((Use::Field, tokens[i + 2].text.clone(), tokens[i + 2].line));
                }
            }
            "==" | "!=" if is_kind_expr(&tokens[..i]) => {
                if let Some(t @ Token { literal: true, .. }) = tokens.get(i + 1) {
                    found.push((Use::Kind, t.text.clone(), t.line));
                }
            }
            "matches" if at(i + 1) == Some("!") && at(i + 2) == Some("(") => {
                let close = closing(&tokens, i + 2);
                let comma = (i + 3..close)
                    .find(|&j| tokens[j].text == "," && depth_between(&tokens, i + 3, j) == 0);
                if let Some(comma) = comma
                    && is_kind_expr(&tokens[i + 3..comma])
                {
                    found.extend(pattern_literals(&tokens[comma + 1..close]));
                }
            }
            // `NOT_A_VALUE.contains(&node.kind())`: the constant's literals are kinds.
            "contains" if i >= 2 && at(i - 1) == Some(".") && at(i + 1) == Some("(") => {
                let close = closing(&tokens, i + 1);
                if is_kind_expr(&tokens[i + 2..close]) {
                    found.extend(const_literals(&tokens, &tokens[i - 2].text));
                }
            }
            "match" => {
                let Some(open) = (i + 1..tokens.len()).find(|&j| tokens[j].text == "{") else {
                    continue;
                };
                if is_kind_expr(&tokens[i + 1..open]) {
                    found.extend(match_arm_literals(
                        &tokens[open + 1..closing(&tokens, open)],
                    ));
                }
            }
            _ => {}
        }
    }
    found
}

/// The literals of `const NAME: … = …;`.
fn const_literals(tokens: &[Token], name: &str) -> Vec<(Use, String, usize)> {
    let Some(start) = (1..tokens.len())
        .find(|&j| tokens[j - 1].text == "const" && tokens[j].text == name && !tokens[j].literal)
    else {
        return Vec::new();
    };
    tokens[start..]
        .iter()
        .take_while(|t| t.literal || t.text != ";")
        .filter(|t| t.literal)
        .map(|t| (Use::Kind, t.text.clone(), t.line))
        .collect()
}

#[derive(Debug)]
struct Token {
    text: String,
    /// A string literal (its text is the literal's content).
    literal: bool,
    line: usize,
}

/// Rust tokens, roughly: string literals, identifiers, `=>`, `==`, `!=`, and single
/// punctuation. Comments are skipped, char literals and lifetimes read as one token.
fn tokenize(code: &str) -> Vec<Token> {
    let bytes = code.as_bytes();
    let mut tokens = Vec::new();
    let (mut i, mut line) = (0, 1);
    let push = |tokens: &mut Vec<Token>, text: &str, literal: bool, line: usize| {
        tokens.push(Token {
            text: text.to_string(),
            literal,
            line,
        })
    };
    while i < bytes.len() {
        let b = bytes[i];
        let rest = &code[i..];
        if b == b'\n' {
            line += 1;
            i += 1;
        } else if b.is_ascii_whitespace() {
            i += 1;
        } else if rest.starts_with("//") {
            i += rest.find('\n').unwrap_or(rest.len());
        } else if rest.starts_with("/*") {
            let end = rest.find("*/").map_or(rest.len(), |e| e + 2);
            line += rest[..end].matches('\n').count();
            i += end;
        } else if b == b'"' || rest.starts_with("r\"") || rest.starts_with("r#") {
            let (open, close) = match rest.find('"') {
                Some(q) if b == b'r' => (q + 1, format!("\"{}", &rest[1..q])),
                _ => (1, "\"".to_string()),
            };
            let mut end = open;
            while end < rest.len() && !rest[end..].starts_with(&close) {
                end += if b != b'r' && rest.as_bytes()[end] == b'\\' {
                    2
                } else {
                    1
                };
            }
            let end = end.min(rest.len());
            push(&mut tokens, &rest[open..end], true, line);
            line += rest[..end].matches('\n').count();
            i += (end + close.len()).min(rest.len());
        } else if b == b'\'' {
            // `'x'`, `'\n'`, `'"'`, or a lifetime `'a`.
            let len = if rest.as_bytes().get(1) == Some(&b'\\') {
                rest[2..].find('\'').map_or(2, |e| e + 3)
            } else {
                match rest[1..].chars().next() {
                    Some(c) if rest[1 + c.len_utf8()..].starts_with('\'') => 2 + c.len_utf8(),
                    _ => 1,
                }
            };
            push(&mut tokens, &rest[..len], false, line);
            i += len;
        } else if b.is_ascii_alphanumeric() || b == b'_' {
            let len = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            push(&mut tokens, &rest[..len], false, line);
            i += len;
        } else if ["=>", "==", "!="].iter().any(|op| rest.starts_with(op)) {
            push(&mut tokens, &rest[..2], false, line);
            i += 2;
        } else {
            let len = rest.chars().next().map_or(1, char::len_utf8);
            push(&mut tokens, &rest[..len], false, line);
            i += len;
        }
    }
    tokens
}

/// Whether tokens (the left of a comparison, or a `match`/`matches!` scrutinee) end in a
/// node's kind: `x.kind()`, `kind`, `node.kind()`.
fn is_kind_expr(before: &[Token]) -> bool {
    let texts: Vec<&str> = before
        .iter()
        .rev()
        .take(4)
        .map(|t| t.text.as_str())
        .collect();
    matches!(texts.as_slice(), [")", "(", "kind", ".", ..])
        || texts.first().is_some_and(|t| *t == "kind")
}

/// The index of the bracket closing the one at `open` (or the end).
fn closing(tokens: &[Token], open: usize) -> usize {
    let mut depth = 0i32;
    for (j, t) in tokens.iter().enumerate().skip(open) {
        if t.literal {
            continue;
        }
        match t.text.as_str() {
            "(" | "[" | "{" => depth += 1,
            ")" | "]" | "}" => {
                depth -= 1;
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
    }
    tokens.len()
}

fn depth_between(tokens: &[Token], from: usize, to: usize) -> i32 {
    tokens[from..to]
        .iter()
        .filter(|t| !t.literal)
        .map(|t| match t.text.as_str() {
            "(" | "[" | "{" => 1,
            ")" | "]" | "}" => -1,
            _ => 0,
        })
        .sum()
}

/// The literals of a pattern, up to a guard (`if …`).
fn pattern_literals(pattern: &[Token]) -> Vec<(Use, String, usize)> {
    pattern
        .iter()
        .take_while(|t| t.literal || t.text != "if")
        .filter(|t| t.literal)
        .map(|t| (Use::Kind, t.text.clone(), t.line))
        .collect()
}

/// The literals of the arm patterns of a `match` body.
fn match_arm_literals(body: &[Token]) -> Vec<(Use, String, usize)> {
    let mut found = Vec::new();
    let mut start = 0;
    while start < body.len() {
        let Some(arrow) = (start..body.len()).find(|&j| {
            body[j].text == "=>" && !body[j].literal && depth_between(body, start, j) == 0
        }) else {
            break;
        };
        found.extend(pattern_literals(&body[start..arrow]));
        // The arm's body: a block, or an expression up to the next comma at this depth.
        let mut j = arrow + 1;
        if body.get(j).is_some_and(|t| t.text == "{" && !t.literal) {
            j = closing(body, j) + 1;
            if body.get(j).is_some_and(|t| t.text == "," && !t.literal) {
                j += 1;
            }
        } else {
            while j < body.len()
                && !(body[j].text == ","
                    && !body[j].literal
                    && depth_between(body, arrow + 1, j) == 0)
            {
                j += 1;
            }
            j += 1;
        }
        start = j;
    }
    found
}

fn grammar(language: Language) -> Option<tree_sitter::Language> {
    match language.entry()?.front_end {
        FrontEnd::TreeSitter { grammar, .. } => Some(grammar()),
        FrontEnd::Own(_) => None,
    }
}

fn known(grammars: &[tree_sitter::Language], use_: &Use, name: &str) -> bool {
    grammars.iter().any(|g| match use_ {
        Use::Kind => g.id_for_node_kind(name, true) != 0 || g.id_for_node_kind(name, false) != 0,
        Use::Field => g.field_id_for_name(name).is_some(),
    })
}

/// What in `source` its grammars do not know, as `file:line: kind "x"` lines.
fn unknown(file: &str, source: &str, grammars: &[tree_sitter::Language]) -> Vec<String> {
    literals(source)
        .into_iter()
        .filter(|(use_, name, _)| !known(grammars, use_, name))
        .map(|(use_, name, line)| format!("{file}:{line}: {use_:?} {name:?}"))
        .collect()
}

#[test]
fn every_node_kind_and_field_a_front_end_names_is_in_its_grammar() {
    let mut problems = Vec::new();
    let mut compared = 0;
    let front_ends = front_ends();
    assert!(
        front_ends.len() >= 11,
        "only {} front ends read",
        front_ends.len()
    );
    for (file, source, languages) in &front_ends {
        let grammars: Vec<_> = languages.iter().filter_map(|l| grammar(*l)).collect();
        compared += literals(source).len();
        problems.extend(unknown(file, source, &grammars));
    }
    let all: Vec<_> = front_ends
        .iter()
        .flat_map(|(_, _, l)| l.iter())
        .filter_map(|l| grammar(*l))
        .collect();
    for (file, source) in SHARED {
        problems.extend(unknown(file, source, &all));
    }
    assert!(
        problems.is_empty(),
        "not in the grammar:\n{}",
        problems.join("\n")
    );
    // The reader finds the comparisons (hundreds across the front ends), or the test proves
    // nothing.
    assert!(compared > 1000, "only {compared} literals read");
}

/// The kinds of a role table ([`NodeKinds`]) that its grammars do not know.
fn unknown_kinds(name: &str, kinds: &NodeKinds, grammars: &[tree_sitter::Language]) -> Vec<String> {
    kinds
        .all()
        .filter(|kind| !known(grammars, &Use::Kind, kind))
        .map(|kind| format!("{name}: kind {kind:?}"))
        .collect()
}

/// The node kinds of each role are data (the `[syntax]` table of each family's catalog
/// file): each table is asked of the grammars of its family, and must name calls and
/// functions (a table that does not parse, or is missing, would lose every fact).
#[test]
fn every_kind_of_every_role_table_is_in_its_grammars() {
    let mut problems = Vec::new();
    let mut tables = 0;
    for profile in PROFILES {
        let grammars: Vec<_> = profile
            .languages
            .iter()
            .filter_map(|e| grammar(e.language))
            .collect();
        if grammars.is_empty() {
            continue;
        }
        tables += 1;
        let name = profile.family.name();
        let kinds = node_kinds(profile.family);
        if kinds.calls.is_empty() || kinds.functions.is_empty() {
            problems.push(format!("{name}: no [syntax] calls or functions"));
        }
        // A lambda is a function whose scope may repeat: it must be a function too.
        for lambda in kinds
            .lambdas
            .iter()
            .filter(|l| !kinds.functions.contains(l))
        {
            problems.push(format!(
                "{name}: lambda {lambda:?} is not among the functions"
            ));
        }
        problems.extend(unknown_kinds(name, kinds, &grammars));
    }
    assert!(tables >= 11, "only {tables} role tables read");
    assert!(
        problems.is_empty(),
        "not in the grammar:\n{}",
        problems.join("\n")
    );
}

#[test]
fn a_misspelt_kind_in_a_role_table_is_caught() {
    let misspelt: NodeKinds = toml::from_str(
        "calls = [\"call_expresion\"]\nbindings = [\"assignment\"]\nfor_loops = [\"for_statement\"]\nloop_keywords = { for_statement = \"forr\" }\n",
    )
    .expect("a table");
    let python = [grammar(Language::Python).expect("grammar")];
    assert_eq!(
        unknown_kinds("x", &misspelt, &python),
        ["x: kind \"call_expresion\"", "x: kind \"forr\""]
    );
}

#[test]
fn a_misspelt_kind_or_field_is_caught_in_every_shape() {
    let python = [grammar(Language::Python).expect("grammar")];
    let source = r#"
fn role(node: Node) -> Role {
    if node.kind() == "call_expresion" { return Role::Call; }
    let kind = node.kind();
    if kind != "asignment" {}
    if matches!(node.kind(), "call" | "lamda") {}
    let f = node.child_by_field_name("argumnts");
    if NOT_A_VALUE.contains(&node.kind()) {}
    match node.kind() {
        "identifier" if node.child_by_field_name("nme").is_some() => Role::Other,
        "for_statment" | "while_statement" => { let x = "not a kind"; Role::Other }
        "comment" => Role::Other,
        _ => match other(node) { "free text" => Role::Other, _ => Role::Other },
    }
}
const NOT_A_VALUE: &[&str] = &["comment", "commment"];
"#;
    let mut found = unknown("t.rs", source, &python);
    found.sort();
    assert_eq!(
        found,
        [
            "t.rs:10: Field \"nme\"",
            "t.rs:11: Kind \"for_statment\"",
            "t.rs:16: Kind \"commment\"",
            "t.rs:3: Kind \"call_expresion\"",
            "t.rs:5: Kind \"asignment\"",
            "t.rs:6: Kind \"lamda\"",
            "t.rs:7: Field \"argumnts\"",
        ]
    );
}
