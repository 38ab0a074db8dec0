//! JavaScript, TypeScript and TSX (tree-sitter-javascript / tree-sitter-typescript; the node
//! kinds are nearly the same): calls and `new`, `const`/`let`/`var` declarations, assignments
//! (compound ones fold as `x = x op y` outside loops and callbacks), class fields (bound as
//! `this.name`, static ones as `Class.name`), TypeScript enum members (`Enum.Member`), ESM
//! imports, CommonJS `require` (lowered as imports), loops, functions, methods and arrow
//! functions.
//!
//! Object literals bound to a name also bind their fields by dotted name
//! (`const cfg = { s3: { ttl: 86400 } }` binds `cfg.s3.ttl`), so `{ expiresIn: cfg.s3.ttl }`
//! folds. TypeScript wrappers (`as`, `satisfies`, `!`, `<T>x`), a date's conversion to a
//! string (`new Date(…).toISOString()`) and numeric conversions (`Math.floor(x)`,
//! `Number(x)`, `parseInt(x, 10)`) lower to the value they wrap.

use tree_sitter::Node;

use super::syntax::{Grammar, Lowering, Role, Scope};
use super::treesitter::{named_children, parse_int};
use crate::facts::{Arg, CallExpr, Declared, Expr, ExprKind, Field, Import, Param, Span};

pub struct JavaScript;

/// How deep an object literal's fields are bound by dotted name, and how many at most per
/// declaration (large data literals are not worth a binding per leaf).
const MAX_FIELD_DEPTH: usize = 4;
const MAX_FIELD_BINDINGS: usize = 256;

/// How deep destructuring patterns are followed for the names they declare.
const MAX_PATTERN_DEPTH: usize = 16;

impl Grammar for JavaScript {
    /// Loops, and functions: a function passed as an argument is a callback, which may run
    /// any number of times.
    fn scope(
        &self,
        node: Node<'_>,
        parent: Option<Node<'_>>,
        cx: &Lowering<'_>,
    ) -> Option<(Span, Scope)> {
        let scope = cx.kinds().scope(node)?;
        // A function passed as an argument is a callback: it may run any number of times.
        match scope {
            (span, Scope::Function) if parent.is_some_and(|p| p.kind() == "arguments") => {
                Some((span, Scope::Lambda))
            }
            scope => Some(scope),
        }
    }

    fn role(&self, node: Node<'_>, _parent: Option<Node<'_>>, cx: &Lowering<'_>) -> Role {
        match node.kind() {
            "call_expression" if is_require_call(node, cx) => Role::Import,
            _ => cx.kinds().role(node),
        }
    }

    fn expr(&self, node: Node<'_>, cx: &Lowering<'_>) -> Expr {
        let span = node.byte_range();
        let kind = match node.kind() {
            "number" => number(cx.text(node)),
            "string" => string(node, cx).map_or(ExprKind::Unknown, ExprKind::Str),
            "template_string" => template(node, cx).map_or_else(
                || {
                    ExprKind::Interpolated(
                        named_children(node)
                            .into_iter()
                            .filter(|c| c.kind() == "template_substitution")
                            .filter_map(first_expression)
                            .map(|e| cx.expr(e))
                            .collect(),
                    )
                },
                ExprKind::Str,
            ),
            "true" => ExprKind::Bool(true),
            "false" => ExprKind::Bool(false),
            "null" | "undefined" => ExprKind::Null,
            "identifier" | "shorthand_property_identifier" | "property_identifier" => {
                ExprKind::Name(cx.text(node).to_string())
            }
            "this" | "super" => ExprKind::Name(node.kind().to_string()),
            // `import.meta` (`import.meta.env.X` is a setting).
            "meta_property" => match cx.text(node).split_once('.') {
                Some((object, property)) => ExprKind::Member(
                    Box::new(Expr {
                        kind: ExprKind::Name(object.trim().to_string()),
                        span: span.clone(),
                    }),
                    property.trim().to_string(),
                ),
                None => ExprKind::Unknown,
            },
            "member_expression" => match (
                node.child_by_field_name("object"),
                node.child_by_field_name("property"),
            ) {
                (Some(object), Some(property)) => {
                    ExprKind::Member(Box::new(cx.expr(object)), cx.text(property).to_string())
                }
                _ => ExprKind::Unknown,
            },
            // `obj["Expires"]` is a member access; a computed index is not known.
            "subscript_expression" => match (
                node.child_by_field_name("object"),
                node.child_by_field_name("index")
                    .and_then(|i| string(i, cx)),
            ) {
                (Some(object), Some(key)) => ExprKind::Member(Box::new(cx.expr(object)), key),
                _ => ExprKind::Unknown,
            },
            "call_expression" => {
                if let Some(inner) = value_preserving(node, cx) {
                    let lowered = cx.expr(inner);
                    return Expr {
                        kind: lowered.kind,
                        span,
                    };
                }
                cx.call(node)
                    .map_or(ExprKind::Unknown, |c| ExprKind::Call(Box::new(c)))
            }
            "new_expression" => cx
                .call(node)
                .map_or(ExprKind::Unknown, |c| ExprKind::Call(Box::new(c))),
            // `a ?? b` and `a || b` too (see `Lowering::binary`).
            "binary_expression" => cx.binary(node),
            "ternary_expression" => {
                cx.conditional(node, ["condition", "consequence", "alternative"])
            }
            "unary_expression" => match (
                node.child_by_field_name("operator").map(|o| cx.text(o)),
                node.child_by_field_name("argument"),
            ) {
                (Some("-"), Some(arg)) => ExprKind::Neg(Box::new(cx.expr(arg))),
                (Some("+"), Some(arg)) => return cx.expr(arg),
                _ => ExprKind::Unknown,
            },
            // Wrappers that keep the value: parentheses, `await`, TypeScript casts and
            // assertions.
            "parenthesized_expression"
            | "await_expression"
            | "as_expression"
            | "satisfies_expression"
            | "non_null_expression"
            | "type_assertion" => {
                let Some(inner) = first_expression(node) else {
                    return Expr::unknown(span);
                };
                let lowered = cx.expr(inner);
                // Parentheses and `await` keep the inner span, so a finding points at the
                // value; a cast spans its type too.
                if matches!(node.kind(), "parenthesized_expression" | "await_expression") {
                    return lowered;
                }
                lowered.kind
            }
            "object" => ExprKind::Object(object_fields(node, cx)),
            "array" => ExprKind::Array(
                named_children(node)
                    .into_iter()
                    .filter(|c| !is_comment(*c))
                    .map(|c| match c.kind() {
                        "spread_element" => Expr::unknown(c.byte_range()),
                        _ => cx.expr(c),
                    })
                    .collect(),
            ),
            _ => ExprKind::Unknown,
        };
        Expr { kind, span }
    }

    fn call(&self, node: Node<'_>, cx: &Lowering<'_>) -> Option<CallExpr> {
        let (callee, is_new) = match node.kind() {
            "call_expression" => (node.child_by_field_name("function")?, false),
            "new_expression" => (node.child_by_field_name("constructor")?, true),
            _ => return None,
        };
        let mut args = Vec::new();
        // A tagged template (`` tag`…` ``) has a template string, not an argument list.
        if let Some(arguments) = node
            .child_by_field_name("arguments")
            .filter(|a| a.kind() == "arguments")
        {
            for arg in named_children(arguments) {
                if is_comment(arg) {
                    continue;
                }
                // `...args` could hold anything: an unknown positional stands in.
                let value = match arg.kind() {
                    "spread_element" => Expr::unknown(arg.byte_range()),
                    _ => cx.expr(arg),
                };
                args.push(Arg { name: None, value });
            }
        }
        Some(CallExpr {
            callee: cx.expr(callee),
            args,
            is_new,
            span: node.byte_range(),
        })
    }

    fn bindings(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<(String, Expr)> {
        match node.kind() {
            "variable_declarator" => declarator(node, cx),
            "assignment_expression" | "augmented_assignment_expression" => assignment(node, cx),
            "field_definition" | "public_field_definition" => class_field(node, cx),
            "enum_declaration" => enum_members(node, cx),
            _ => Vec::new(),
        }
    }

    /// TypeScript's typed names: `presigner: S3RequestPresigner` of a parameter (a field too
    /// when it has an accessibility modifier: `constructor(private signer: Signer)`) or of a
    /// class field.
    fn declared(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<Declared> {
        let Some(ty) = node.child_by_field_name("type").map(|t| cx.text(t)) else {
            return Vec::new();
        };
        let at = node.start_byte();
        let (name, fields): (_, &[bool]) = match node.kind() {
            "required_parameter" | "optional_parameter" => {
                let promoted = named_children(node)
                    .into_iter()
                    .any(|c| c.kind() == "accessibility_modifier");
                (
                    node.child_by_field_name("pattern")
                        .filter(|p| p.kind() == "identifier"),
                    if promoted { &[false, true] } else { &[false] },
                )
            }
            "public_field_definition" => (
                node.child_by_field_name("name")
                    .filter(|n| n.kind() == "property_identifier"),
                &[true],
            ),
            _ => (None, &[]),
        };
        let Some(name) = name.map(|n| cx.text(n)) else {
            return Vec::new();
        };
        fields
            .iter()
            .map(|&field| Declared::new(name.to_string(), ty, field, at))
            .collect()
    }

    fn parameters(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<String> {
        let mut names = Vec::new();
        if let Some(single) = node.child_by_field_name("parameter") {
            pattern_names(single, cx, &mut names, 0);
        }
        if let Some(params) = node.child_by_field_name("parameters") {
            for p in named_children(params) {
                pattern_names(p, cx, &mut names, 0);
            }
        }
        names
    }

    fn params(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<Param> {
        let mut out = Vec::new();
        if let Some(single) = node.child_by_field_name("parameter") {
            param(single, 0, None, cx, &mut out);
        }
        if let Some(params) = node.child_by_field_name("parameters") {
            let list = named_children(params);
            for (position, p) in list.into_iter().filter(|p| !is_comment(*p)).enumerate() {
                param(p, position, None, cx, &mut out);
            }
        }
        out
    }

    fn return_value<'t>(&self, node: Node<'t>) -> Option<Node<'t>> {
        match node.kind() {
            "return_statement" => first_expression(node),
            // `(key) => presign(key)`: an expression body is returned.
            "arrow_function" => node
                .child_by_field_name("body")
                .filter(|b| b.kind() != "statement_block"),
            _ => None,
        }
    }

    fn imports(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<Import> {
        match node.kind() {
            "import_statement" => import_statement(node, cx),
            "call_expression" => require_imports(node, cx),
            _ => Vec::new(),
        }
    }
}

fn is_comment(node: Node<'_>) -> bool {
    matches!(node.kind(), "comment" | "html_comment")
}

/// The wrapped expression of a parenthesis, `await`, cast or assertion (not its type).
fn first_expression(node: Node<'_>) -> Option<Node<'_>> {
    named_children(node).into_iter().find(|c| {
        !is_comment(*c)
            && !matches!(
                c.kind(),
                "type_annotation" | "type_arguments" | "predefined_type" | "type_identifier"
            )
            && !c.kind().ends_with("_type")
    })
}

/// A JavaScript numeric literal: `1_000`, `0x10`, `0o17`, `0b1`, legacy octal `017`, `1.5`,
/// `1e3`, `.5`, BigInt `10n`.
fn number(literal: &str) -> ExprKind {
    let cleaned: String = literal.chars().filter(|c| *c != '_').collect();
    let lower = cleaned.to_ascii_lowercase();
    let radix_prefixed = ["0x", "0o", "0b"].iter().any(|p| lower.starts_with(p));
    if radix_prefixed {
        let digits = lower.strip_suffix('n').unwrap_or(&lower);
        return parse_int(digits).map_or(ExprKind::Unknown, ExprKind::Int);
    }
    let digits = lower.strip_suffix('n').unwrap_or(&lower);
    if digits.contains(['.', 'e']) {
        return digits
            .parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .map_or(ExprKind::Unknown, ExprKind::Float);
    }
    // Sloppy-mode legacy octal: `017` is 15, but `018` is decimal.
    if digits.len() > 1
        && digits.starts_with('0')
        && digits.chars().all(|c| ('0'..='7').contains(&c))
    {
        return i128::from_str_radix(&digits[1..], 8).map_or(ExprKind::Unknown, ExprKind::Int);
    }
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return ExprKind::Unknown;
    }
    parse_int(digits).map_or(ExprKind::Unknown, ExprKind::Int)
}

/// The decoded value of a string literal.
fn string(node: Node<'_>, cx: &Lowering<'_>) -> Option<String> {
    if node.kind() != "string" {
        return None;
    }
    let mut value = String::new();
    for child in named_children(node) {
        match child.kind() {
            "string_fragment" => value.push_str(cx.text(child)),
            "escape_sequence" => value.push_str(&unescape(cx.text(child))),
            "html_character_reference" => value.push_str(cx.text(child)),
            _ => {}
        }
    }
    Some(value)
}

/// A template literal without substitutions; `None` when it interpolates.
fn template(node: Node<'_>, cx: &Lowering<'_>) -> Option<String> {
    let mut value = String::new();
    for child in named_children(node) {
        match child.kind() {
            "string_fragment" => value.push_str(cx.text(child)),
            "escape_sequence" => value.push_str(&unescape(cx.text(child))),
            "template_substitution" => return None,
            _ => {}
        }
    }
    Some(value)
}

/// Decodes one JavaScript escape sequence (or a run of them).
fn unescape(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(e) = chars.next() else {
            out.push('\\');
            break;
        };
        match e {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            'v' => out.push('\u{b}'),
            '0' => out.push('\0'),
            // A line continuation contributes nothing.
            '\n' | '\u{2028}' | '\u{2029}' => {}
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
            }
            'x' | 'u' => {
                let hex: String = if e == 'u' && chars.peek() == Some(&'{') {
                    chars.next();
                    let h: String = chars.by_ref().take_while(|c| *c != '}').collect();
                    h
                } else {
                    let n = if e == 'x' { 2 } else { 4 };
                    let mut h = String::new();
                    for _ in 0..n {
                        match chars.peek() {
                            Some(c) if c.is_ascii_hexdigit() => {
                                h.push(*c);
                                chars.next();
                            }
                            _ => break,
                        }
                    }
                    h
                };
                match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    Some(decoded) => out.push(decoded),
                    None => out.push('\u{fffd}'),
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// An object key: `a`, `"a"`, `1`, `["a"]`.
fn property_key(key: Node<'_>, cx: &Lowering<'_>) -> Option<String> {
    match key.kind() {
        "property_identifier" | "private_property_identifier" | "identifier" | "number" => {
            Some(cx.text(key).to_string())
        }
        "string" => string(key, cx),
        "computed_property_name" => {
            let inner = first_expression(key)?;
            match inner.kind() {
                "string" => string(inner, cx),
                "template_string" => template(inner, cx),
                _ => None,
            }
        }
        _ => None,
    }
}

/// `{ a: 1, "b": 2, c }`: pairs and shorthand properties (methods are skipped). A spread
/// `...base` is kept under the key `...`: whatever it holds may set any field.
fn object_fields(node: Node<'_>, cx: &Lowering<'_>) -> Vec<Field> {
    named_children(node)
        .into_iter()
        .filter_map(|c| match c.kind() {
            "pair" => {
                let key = property_key(c.child_by_field_name("key")?, cx)?;
                let value = c.child_by_field_name("value")?;
                Some(Field {
                    key,
                    value: cx.expr(value),
                })
            }
            // `{ expiresIn }` reads the variable `expiresIn`.
            "shorthand_property_identifier" => {
                let name = cx.text(c).to_string();
                Some(Field {
                    key: name.clone(),
                    value: Expr {
                        kind: ExprKind::Name(name),
                        span: c.byte_range(),
                    },
                })
            }
            "spread_element" => Some(Field {
                key: "...".to_string(),
                value: named_children(c)
                    .first()
                    .map_or(Expr::unknown(c.byte_range()), |inner| cx.expr(*inner)),
            }),
            _ => None,
        })
        .collect()
}

/// Calls that keep their argument's value for an expiry: a date's conversion to a string
/// (`new Date(…).toISOString()`, which the CloudFront signer reads like the date itself), and
/// numeric conversions and rounding (`Math.floor(ms / 1000)`, `Number("3600")`,
/// `parseInt(s, 10)`). Returns the expression whose value the call keeps.
fn value_preserving<'t>(node: Node<'t>, cx: &Lowering<'_>) -> Option<Node<'t>> {
    let function = node.child_by_field_name("function")?;
    let arguments = node.child_by_field_name("arguments")?;
    let args: Vec<Node<'t>> = named_children(arguments)
        .into_iter()
        .filter(|c| !is_comment(*c))
        .collect();
    match function.kind() {
        "member_expression" => {
            let property = cx.text(function.child_by_field_name("property")?);
            let object = function.child_by_field_name("object")?;
            match (cx.text(object), property, args.as_slice()) {
                (_, "toISOString" | "toUTCString" | "toGMTString" | "toJSON" | "toString", []) => {
                    Some(object)
                }
                ("Math", "floor" | "ceil" | "round" | "trunc", [arg]) => Some(*arg),
                ("Number", "parseInt" | "parseFloat", [arg, ..]) => Some(*arg),
                _ => None,
            }
        }
        "identifier" => match (cx.text(function), args.as_slice()) {
            ("Number" | "parseFloat", [arg]) => Some(*arg),
            ("parseInt", [arg]) => Some(*arg),
            ("parseInt", [arg, radix]) if cx.text(*radix) == "10" => Some(*arg),
            _ => None,
        },
        _ => None,
    }
}

/// Whether a call is `require("m")` (or `import("m")`) whose result a declaration keeps:
/// `const x = require("m")`, `const { a } = require("m")`, `const a = require("m").a`,
/// `const m = await import("m")`.
fn is_require_call(node: Node<'_>, cx: &Lowering<'_>) -> bool {
    let Some(function) = node.child_by_field_name("function") else {
        return false;
    };
    let named_require = function.kind() == "identifier" && cx.text(function) == "require";
    if !(named_require || function.kind() == "import") {
        return false;
    }
    let first_is_string = node
        .child_by_field_name("arguments")
        .and_then(|a| named_children(a).into_iter().find(|c| !is_comment(*c)))
        .is_some_and(|a| a.kind() == "string");
    first_is_string && require_declarator(node).is_some()
}

/// The declarator a `require` call's value goes to, and the member read from the module
/// (`require("m").a`).
fn require_declarator(call: Node<'_>) -> Option<(Node<'_>, Option<Node<'_>>)> {
    let mut member = None;
    let mut current = call;
    for _ in 0..4 {
        let parent = current.parent()?;
        match parent.kind() {
            "variable_declarator" => {
                let value = parent.child_by_field_name("value")?;
                return (value.id() == current.id()).then_some((parent, member));
            }
            "member_expression" if member.is_none() => {
                let object = parent.child_by_field_name("object")?;
                if object.id() != current.id() {
                    return None;
                }
                member = parent.child_by_field_name("property");
            }
            "await_expression"
            | "parenthesized_expression"
            | "as_expression"
            | "non_null_expression" => {}
            _ => return None,
        }
        current = parent;
    }
    None
}

/// The imports of a `require("m")` kept by a declaration (see [`is_require_call`]).
fn require_imports(call: Node<'_>, cx: &Lowering<'_>) -> Vec<Import> {
    let Some(module) = call
        .child_by_field_name("arguments")
        .and_then(|a| named_children(a).into_iter().find(|c| !is_comment(*c)))
        .and_then(|a| string(a, cx))
    else {
        return Vec::new();
    };
    let Some((declarator, member)) = require_declarator(call) else {
        return Vec::new();
    };
    let Some(name) = declarator.child_by_field_name("name") else {
        return Vec::new();
    };
    match (name.kind(), member) {
        // `const sign = require("m").getSignedUrl`
        ("identifier", Some(member)) => {
            let imported = cx.text(member).to_string();
            let local = cx.text(name).to_string();
            vec![Import {
                module,
                alias: (local != imported).then_some(local),
                name: Some(imported),
            }]
        }
        // `const m = require("m")`: the module under a local name.
        ("identifier", None) => vec![Import {
            module,
            name: None,
            alias: Some(cx.text(name).to_string()),
        }],
        // `const { getSignedUrl, createPresignedPost: post } = require("m")`
        ("object_pattern", None) => named_children(name)
            .into_iter()
            .filter_map(|p| match p.kind() {
                "shorthand_property_identifier_pattern" => Some(Import {
                    module: module.clone(),
                    name: Some(cx.text(p).to_string()),
                    alias: None,
                }),
                "object_assignment_pattern" => {
                    let left = p.child_by_field_name("left")?;
                    (left.kind() == "shorthand_property_identifier_pattern").then(|| Import {
                        module: module.clone(),
                        name: Some(cx.text(left).to_string()),
                        alias: None,
                    })
                }
                "pair_pattern" => {
                    let key = property_key(p.child_by_field_name("key")?, cx)?;
                    let value = p.child_by_field_name("value")?;
                    let value = match value.kind() {
                        "assignment_pattern" => value.child_by_field_name("left")?,
                        _ => value,
                    };
                    (value.kind() == "identifier").then(|| {
                        let local = cx.text(value).to_string();
                        Import {
                            module: module.clone(),
                            alias: (local != key).then_some(local),
                            name: Some(key),
                        }
                    })
                }
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// `const x = v` (with `x.field` for each field of an object literal), `let x;` (unknown),
/// `const { a, b: [c] } = v` (each name unknown: a destructured value is not followed).
fn declarator(node: Node<'_>, cx: &Lowering<'_>) -> Vec<(String, Expr)> {
    let Some(name) = node.child_by_field_name("name") else {
        return Vec::new();
    };
    let value = node.child_by_field_name("value");
    if name.kind() == "identifier" {
        let name = cx.text(name).to_string();
        let value = match value {
            Some(v) => cx.expr(v),
            None => Expr::unknown(node.end_byte()..node.end_byte()),
        };
        let mut out = Vec::new();
        flatten_fields(&name, &value, 0, &mut out);
        out.insert(0, (name, value));
        return out;
    }
    destructured(name, value, node, cx)
}

/// The names a destructuring pattern binds: unknown values, except the first element of an
/// array pattern, which is the first result of the value (`const [url] = await
/// file.getSignedUrl(…)`: @google-cloud/storage resolves to a one-element array).
fn destructured(
    pattern: Node<'_>,
    value: Option<Node<'_>>,
    node: Node<'_>,
    cx: &Lowering<'_>,
) -> Vec<(String, Expr)> {
    let mut names = Vec::new();
    pattern_names(pattern, cx, &mut names, 0);
    let first = (pattern.kind() == "array_pattern")
        .then(|| named_children(pattern).into_iter().next())
        .flatten()
        .filter(|n| n.kind() == "identifier")
        .map(|n| cx.text(n).to_string());
    names
        .into_iter()
        .map(|n| match value {
            Some(v) if first.as_deref() == Some(n.as_str()) => {
                let value = cx.expr(v);
                let span = value.span.clone();
                let kind = ExprKind::FirstResult(Box::new(value));
                (n, Expr { kind, span })
            }
            _ => (n, Expr::unknown(node.end_byte()..node.end_byte())),
        })
        .collect()
}

/// `prefix.key` bindings for the fields of an object literal, nested up to
/// [`MAX_FIELD_DEPTH`].
fn flatten_fields(prefix: &str, value: &Expr, depth: usize, out: &mut Vec<(String, Expr)>) {
    let ExprKind::Object(fields) = &value.kind else {
        return;
    };
    if depth >= MAX_FIELD_DEPTH {
        return;
    }
    for field in fields {
        if out.len() >= MAX_FIELD_BINDINGS {
            return;
        }
        let name = format!("{prefix}.{}", field.key);
        out.push((name.clone(), field.value.clone()));
        flatten_fields(&name, &field.value, depth + 1, out);
    }
}

/// `x = v`, `this.x = v`, `obj["k"] = v`; `x += v` binds `x + v` (the `x` read is the previous
/// binding), or an unknown value inside a loop or callback, or for other operators.
/// Destructuring assignments make their names unknown, but for an array's first element.
fn assignment(node: Node<'_>, cx: &Lowering<'_>) -> Vec<(String, Expr)> {
    let (Some(left), Some(right)) = (
        node.child_by_field_name("left"),
        node.child_by_field_name("right"),
    ) else {
        return Vec::new();
    };
    if matches!(left.kind(), "object_pattern" | "array_pattern") {
        return destructured(left, Some(right), node, cx);
    }
    let target = cx.expr(left);
    let Some(path) = target.path() else {
        return Vec::new();
    };
    let name = path.join(".");
    let value = if node.kind() == "augmented_assignment_expression" {
        let op = node
            .child_by_field_name("operator")
            .map_or("", |o| cx.text(o));
        // `x ||= v`, `x ??= v`: a default, kept as `v` (see `frontend::defaults`).
        if matches!(op, "||=" | "??=") {
            cx.expr(right)
        } else {
            cx.assigned_value(node, op, target, right)
        }
    } else {
        cx.expr(right)
    };
    let mut out = Vec::new();
    flatten_fields(&name, &value, 0, &mut out);
    out.insert(0, (name, value));
    out
}

/// A class field: `ttl = 3600` binds `this.ttl`; `static TTL = 3600` binds `Class.TTL`.
fn class_field(node: Node<'_>, cx: &Lowering<'_>) -> Vec<(String, Expr)> {
    let Some(key) = node
        .child_by_field_name("property")
        .or_else(|| node.child_by_field_name("name"))
    else {
        return Vec::new();
    };
    let Some(key) = property_key(key, cx) else {
        return Vec::new();
    };
    // A field declared without a value (`private ttl: number;`) binds nothing: its value is
    // what the constructor assigns, if anything.
    let Some(value) = node.child_by_field_name("value").map(|v| cx.expr(v)) else {
        return Vec::new();
    };
    let mut cursor = node.walk();
    let is_static = node.children(&mut cursor).any(|c| c.kind() == "static");
    let owner = if is_static {
        class_name(node, cx)
    } else {
        Some("this".to_string())
    };
    let Some(owner) = owner else {
        return Vec::new();
    };
    let name = format!("{owner}.{key}");
    let mut out = Vec::new();
    flatten_fields(&name, &value, 0, &mut out);
    out.insert(0, (name, value));
    out
}

/// The name of the class a field is declared in.
fn class_name(field: Node<'_>, cx: &Lowering<'_>) -> Option<String> {
    let body = field.parent().filter(|b| b.kind() == "class_body")?;
    let class = body.parent()?;
    let name = class.child_by_field_name("name")?;
    Some(cx.text(name).to_string())
}

/// TypeScript `enum Ttl { Day = 86400 }` binds `Ttl.Day`.
fn enum_members(node: Node<'_>, cx: &Lowering<'_>) -> Vec<(String, Expr)> {
    let (Some(name), Some(body)) = (
        node.child_by_field_name("name"),
        node.child_by_field_name("body"),
    ) else {
        return Vec::new();
    };
    let owner = cx.text(name);
    named_children(body)
        .into_iter()
        .filter(|m| m.kind() == "enum_assignment")
        .filter_map(|m| {
            let key = property_key(m.child_by_field_name("name")?, cx)?;
            let value = cx.expr(m.child_by_field_name("value")?);
            Some((format!("{owner}.{key}"), value))
        })
        .collect()
}

/// The names a parameter or destructuring pattern declares.
/// One parameter at `position`: a name (with its default), a rest parameter, or an options
/// object destructured into named fields (`{ expiresIn = 900 } = {}`).
fn param(
    node: Node<'_>,
    position: usize,
    default: Option<Node<'_>>,
    cx: &Lowering<'_>,
    out: &mut Vec<Param>,
) {
    let named = |name: &str, field: Option<String>, default: Option<Node<'_>>| Param {
        name: name.trim_start_matches('$').to_string(),
        position: Some(position),
        field,
        default: default.map(|d| cx.expr(d)),
        rest: false,
    };
    match node.kind() {
        "identifier" => out.push(named(cx.text(node), None, default)),
        "assignment_pattern" => {
            if let Some(left) = node.child_by_field_name("left") {
                param(left, position, node.child_by_field_name("right"), cx, out);
            }
        }
        "required_parameter" | "optional_parameter" => {
            if let Some(p) = node
                .child_by_field_name("pattern")
                .or_else(|| node.child_by_field_name("name"))
            {
                param(p, position, node.child_by_field_name("value"), cx, out);
            }
        }
        "rest_pattern" => {
            if let Some(name) = named_children(node)
                .into_iter()
                .find(|c| c.kind() == "identifier")
            {
                out.push(Param {
                    rest: true,
                    ..named(cx.text(name), None, None)
                });
            }
        }
        "object_pattern" => {
            for p in named_children(node) {
                match p.kind() {
                    "shorthand_property_identifier_pattern" => {
                        let key = cx.text(p);
                        out.push(named(key, Some(key.to_string()), None));
                    }
                    "object_assignment_pattern" => {
                        if let Some(left) = p.child_by_field_name("left") {
                            let key = cx.text(left);
                            out.push(named(
                                key,
                                Some(key.to_string()),
                                p.child_by_field_name("right"),
                            ));
                        }
                    }
                    "pair_pattern" => {
                        let key = p.child_by_field_name("key").map(|k| cx.text(k));
                        let value = p.child_by_field_name("value");
                        let (name, default) = match value {
                            Some(v) if v.kind() == "assignment_pattern" => (
                                v.child_by_field_name("left"),
                                v.child_by_field_name("right"),
                            ),
                            v => (v, None),
                        };
                        if let (Some(key), Some(name)) = (key, name)
                            && name.kind() == "identifier"
                        {
                            out.push(named(cx.text(name), Some(key.to_string()), default));
                        }
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
}

fn pattern_names(node: Node<'_>, cx: &Lowering<'_>, out: &mut Vec<String>, depth: usize) {
    if depth > MAX_PATTERN_DEPTH {
        return;
    }
    match node.kind() {
        "identifier" | "shorthand_property_identifier_pattern" => {
            out.push(cx.text(node).to_string());
        }
        "assignment_pattern" | "object_assignment_pattern" => {
            if let Some(left) = node.child_by_field_name("left") {
                pattern_names(left, cx, out, depth + 1);
            }
        }
        "pair_pattern" => {
            if let Some(value) = node.child_by_field_name("value") {
                pattern_names(value, cx, out, depth + 1);
            }
        }
        // TypeScript parameters: `x: number = 1`, `y?: string`.
        "required_parameter" | "optional_parameter" => {
            if let Some(p) = node
                .child_by_field_name("pattern")
                .or_else(|| node.child_by_field_name("name"))
            {
                pattern_names(p, cx, out, depth + 1);
            }
        }
        "rest_pattern" | "object_pattern" | "array_pattern" => {
            for c in named_children(node) {
                pattern_names(c, cx, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// ESM imports: `import a from "m"`, `import * as m from "m"`, `import { x, y as z } from "m"`,
/// `import "m"`, TypeScript `import m = require("m")`.
fn import_statement(node: Node<'_>, cx: &Lowering<'_>) -> Vec<Import> {
    let mut out = Vec::new();
    if let Some(clause) = named_children(node)
        .into_iter()
        .find(|c| c.kind() == "import_require_clause")
    {
        let module = clause
            .child_by_field_name("source")
            .and_then(|s| string(s, cx));
        let local = named_children(clause)
            .into_iter()
            .find(|c| c.kind() == "identifier");
        if let (Some(module), Some(local)) = (module, local) {
            out.push(Import {
                module,
                name: None,
                alias: Some(cx.text(local).to_string()),
            });
        }
        return out;
    }
    let Some(module) = node
        .child_by_field_name("source")
        .and_then(|s| string(s, cx))
    else {
        return out;
    };
    let Some(clause) = named_children(node)
        .into_iter()
        .find(|c| c.kind() == "import_clause")
    else {
        out.push(Import {
            module,
            name: None,
            alias: None,
        });
        return out;
    };
    for part in named_children(clause) {
        match part.kind() {
            // Default and namespace imports: the module under a local name.
            "identifier" => out.push(Import {
                module: module.clone(),
                name: None,
                alias: Some(cx.text(part).to_string()),
            }),
            "namespace_import" => {
                if let Some(local) = named_children(part)
                    .into_iter()
                    .find(|c| c.kind() == "identifier")
                {
                    out.push(Import {
                        module: module.clone(),
                        name: None,
                        alias: Some(cx.text(local).to_string()),
                    });
                }
            }
            "named_imports" => {
                for spec in named_children(part)
                    .into_iter()
                    .filter(|s| s.kind() == "import_specifier")
                {
                    let Some(name) = spec.child_by_field_name("name") else {
                        continue;
                    };
                    let name = match name.kind() {
                        "string" => string(name, cx),
                        _ => Some(cx.text(name).to_string()),
                    };
                    let Some(name) = name else { continue };
                    let alias = spec
                        .child_by_field_name("alias")
                        .map(|a| cx.text(a).to_string())
                        .filter(|a| *a != name);
                    out.push(Import {
                        module: module.clone(),
                        name: Some(name),
                        alias,
                    });
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::BinOp;
    use crate::facts::LoopKind;
    use crate::facts::SyntaxFacts;
    use crate::frontend::Language;

    fn facts_in(language: Language, src: &str) -> SyntaxFacts {
        crate::frontend::test_support::facts(language, src)
    }

    fn facts(src: &str) -> SyntaxFacts {
        facts_in(Language::JavaScript, src)
    }

    use crate::frontend::test_support::call;

    fn binding<'f>(facts: &'f SyntaxFacts, name: &str) -> &'f Expr {
        &facts
            .bindings
            .iter()
            .rfind(|b| b.name == name)
            .unwrap_or_else(|| panic!("binding {name}"))
            .value
    }

    fn import(f: &SyntaxFacts, module: &str, name: Option<&str>, alias: Option<&str>) -> bool {
        f.imports
            .iter()
            .any(|i| i.module == module && i.name.as_deref() == name && i.alias.as_deref() == alias)
    }

    #[test]
    fn esm_and_commonjs_imports() {
        let f = facts(
            "import { getSignedUrl, S3RequestPresigner as P } from \"@aws-sdk/s3-request-presigner\";\n\
             import AWS from 'aws-sdk';\n\
             import * as cf from '@aws-sdk/cloudfront-signer';\n\
             import './polyfill';\n\
             const { createPresignedPost, getSignedUrl: sign } = require('@aws-sdk/s3-presigned-post');\n\
             const presigner = require(\"@aws-sdk/s3-request-presigner\");\n\
             const one = require('m').getSignedUrl;\n\
             const lazy = await import('lazy-mod');\n\
             const other = resolve('x');\n\
             require('dotenv').config();\n",
        );
        assert!(import(
            &f,
            "@aws-sdk/s3-request-presigner",
            Some("getSignedUrl"),
            None
        ));
        assert!(import(
            &f,
            "@aws-sdk/s3-request-presigner",
            Some("S3RequestPresigner"),
            Some("P")
        ));
        assert!(import(&f, "aws-sdk", None, Some("AWS")));
        assert!(import(&f, "@aws-sdk/cloudfront-signer", None, Some("cf")));
        assert!(import(&f, "./polyfill", None, None));
        assert!(import(
            &f,
            "@aws-sdk/s3-presigned-post",
            Some("createPresignedPost"),
            None
        ));
        assert!(import(
            &f,
            "@aws-sdk/s3-presigned-post",
            Some("getSignedUrl"),
            Some("sign")
        ));
        assert!(import(
            &f,
            "@aws-sdk/s3-request-presigner",
            None,
            Some("presigner")
        ));
        assert!(import(&f, "m", Some("getSignedUrl"), Some("one")));
        assert!(import(&f, "lazy-mod", None, Some("lazy")));
        assert!(
            !f.imports
                .iter()
                .any(|i| i.module == "x" || i.module == "dotenv")
        );
        assert_eq!(
            f.import_of("sign").and_then(|i| i.name.as_deref()),
            Some("getSignedUrl")
        );
        // A statement-level require is still a call; so is `config()`.
        assert!(f.calls.iter().any(|c| c.call.name() == Some("config")));
    }

    /// A call of another seven-letter function kept by a declaration is a call: roles once
    /// told `require` by its length alone, and lost `const url = presign("k")`.
    #[test]
    fn only_require_itself_is_an_import() {
        let f = facts("const url = presign(\"k\");\nconst m = require(\"m\");\n");
        assert!(matches!(
            call(&f, "presign").positional(0).map(|e| &e.kind),
            Some(ExprKind::Str(k)) if k == "k"
        ));
        assert!(f.calls.iter().all(|c| c.call.name() != Some("require")));
        assert!(import(&f, "m", None, Some("m")));
        assert_eq!(f.imports.len(), 1);
    }

    #[test]
    fn typescript_import_require() {
        let f = facts_in(
            Language::TypeScript,
            "import post = require('@aws-sdk/s3-presigned-post');\nimport type { T } from 't';\n",
        );
        assert!(import(&f, "@aws-sdk/s3-presigned-post", None, Some("post")));
        assert!(import(&f, "t", Some("T"), None));
    }

    #[test]
    fn options_object_and_shorthand() {
        let f = facts(
            "const expiresIn = 24 * 60 * 60;\n\
             await getSignedUrl(client, cmd, { expiresIn, 'Bucket': \"b\", [\"Key\"]: `k`, ...rest });\n",
        );
        let c = call(&f, "getSignedUrl");
        assert!(c.receiver().is_none());
        assert_eq!(c.args.len(), 3);
        let opts = c.positional(2).expect("options");
        let value = opts.field("expiresIn").expect("shorthand");
        assert!(matches!(&value.kind, ExprKind::Name(n) if n == "expiresIn"));
        assert!(
            matches!(&opts.field("Bucket").map(|e| &e.kind), Some(ExprKind::Str(s)) if s == "b")
        );
        assert!(matches!(&opts.field("Key").map(|e| &e.kind), Some(ExprKind::Str(s)) if s == "k"));
        assert!(matches!(
            binding(&f, "expiresIn").kind,
            ExprKind::Binary(BinOp::Mul, _, _)
        ));
    }

    #[test]
    fn calls_members_and_new() {
        let f = facts(
            "new S3RequestPresigner(cfg).presign(req, { expiresIn: 60 });\n\
             s3?.getSignedUrl('getObject', params['Opts']);\n\
             const d = new Date;\n",
        );
        let presign = call(&f, "presign");
        let receiver = presign.receiver().and_then(Expr::as_call).expect("new");
        assert!(receiver.is_new);
        assert_eq!(receiver.name(), Some("S3RequestPresigner"));
        let sign = call(&f, "getSignedUrl");
        assert_eq!(sign.receiver().and_then(|r| r.path()), Some(vec!["s3"]));
        assert_eq!(
            sign.positional(1).and_then(|a| a.path()),
            Some(vec!["params", "Opts"])
        );
        let date = binding(&f, "d").as_call().expect("new Date");
        assert!(date.is_new && date.args.is_empty());
    }

    #[test]
    fn literals() {
        let f = facts(
            "const a = 1_000, b = 0x10, c = 1e3, d = .5, e = 017, g = 10n, h = 018;\n\
             const s = 'a\\n\\x41\\u0042\\u{43}';\n\
             const t = `plain`;\n\
             const u = `x${y}`;\n\
             const n = -5, p = +'7', q = (await (60));\n",
        );
        assert!(matches!(binding(&f, "a").kind, ExprKind::Int(1000)));
        assert!(matches!(binding(&f, "b").kind, ExprKind::Int(16)));
        assert!(matches!(binding(&f, "c").kind, ExprKind::Float(x) if x == 1000.0));
        assert!(matches!(binding(&f, "d").kind, ExprKind::Float(x) if x == 0.5));
        assert!(matches!(binding(&f, "e").kind, ExprKind::Int(15)));
        assert!(matches!(binding(&f, "g").kind, ExprKind::Int(10)));
        assert!(matches!(binding(&f, "h").kind, ExprKind::Int(18)));
        assert!(matches!(&binding(&f, "s").kind, ExprKind::Str(s) if s == "a\nABC"));
        assert!(matches!(&binding(&f, "t").kind, ExprKind::Str(s) if s == "plain"));
        assert!(
            matches!(&binding(&f, "u").kind, ExprKind::Interpolated(parts) if matches!(&parts[..], [Expr { kind: ExprKind::Name(n), .. }] if n == "y"))
        );
        assert!(matches!(binding(&f, "n").kind, ExprKind::Neg(_)));
        assert!(matches!(&binding(&f, "p").kind, ExprKind::Str(s) if s == "7"));
        assert!(matches!(binding(&f, "q").kind, ExprKind::Int(60)));
    }

    #[test]
    fn typescript_wrappers() {
        let f = facts_in(
            Language::TypeScript,
            "const a: number = 3600 as number;\n\
             const b = { expiresIn: 60 } satisfies Opts;\n\
             const c = cfg!.ttl!;\n\
             const d = <number>(7200);\n\
             const e = new Date(Date.now() + 1000).toISOString();\n\
             const f = Math.floor(ms / 1000), g = parseInt('3600', 10), h = Number(x), i = parseInt(y, 16);\n",
        );
        assert!(matches!(binding(&f, "a").kind, ExprKind::Int(3600)));
        assert!(binding(&f, "b").field("expiresIn").is_some());
        assert_eq!(binding(&f, "c").path(), Some(vec!["cfg", "ttl"]));
        assert!(matches!(binding(&f, "d").kind, ExprKind::Int(7200)));
        assert!(binding(&f, "e").as_call().is_some_and(|c| c.is_new));
        assert!(matches!(
            binding(&f, "f").kind,
            ExprKind::Binary(BinOp::Div, _, _)
        ));
        assert!(matches!(&binding(&f, "g").kind, ExprKind::Str(s) if s == "3600"));
        assert!(matches!(&binding(&f, "h").kind, ExprKind::Name(n) if n == "x"));
        assert!(binding(&f, "i").as_call().is_some(), "not base 10");
    }

    #[test]
    fn bindings_fields_classes_enums() {
        let f = facts_in(
            Language::TypeScript,
            "const cfg = { s3: { ttl: 86400 } };\n\
             let later;\n\
             const { expiresIn = 3600, nested: [x] } = opts;\n\
             obj.params.Expires = 60;\n\
             let ms = 1000; ms += 5;\n\
             for (const k of ks) { ms *= 2; }\n\
             class Store { static TTL = 60; ttl: number = 120; static readonly #p = 1; }\n\
             enum Ttl { Short = 60, Long }\n",
        );
        assert!(matches!(
            binding(&f, "cfg.s3.ttl").kind,
            ExprKind::Int(86400)
        ));
        assert!(binding(&f, "cfg.s3").field("ttl").is_some());
        assert!(matches!(binding(&f, "later").kind, ExprKind::Unknown));
        assert!(matches!(binding(&f, "expiresIn").kind, ExprKind::Unknown));
        assert!(matches!(binding(&f, "x").kind, ExprKind::Unknown));
        assert!(matches!(
            binding(&f, "obj.params.Expires").kind,
            ExprKind::Int(60)
        ));
        let ms: Vec<_> = f.bindings.iter().filter(|b| b.name == "ms").collect();
        assert_eq!(ms.len(), 3);
        assert!(matches!(
            ms[1].value.kind,
            ExprKind::Binary(BinOp::Add, _, _)
        ));
        assert!(matches!(ms[2].value.kind, ExprKind::Unknown), "in a loop");
        assert!(matches!(binding(&f, "Store.TTL").kind, ExprKind::Int(60)));
        assert!(matches!(binding(&f, "this.ttl").kind, ExprKind::Int(120)));
        assert!(matches!(binding(&f, "Ttl.Short").kind, ExprKind::Int(60)));
        assert!(!f.bindings.iter().any(|b| b.name == "Ttl.Long"));
    }

    #[test]
    fn functions_parameters_loops_comments() {
        let f = facts(
            "// getSignedUrl(c, cmd, { expiresIn: 604800 })\n\
             function a(x, y = 1, { z, w: v }, [p], ...rest) {}\n\
             const b = async key => key;\n\
             class C { m(q) {} }\n\
             for (let i = 0; i < 3; i++) { s3.getSignedUrl('getObject', p); }\n\
             for (const k of keys) {}\n\
             while (x) {} do {} while (y);\n\
             keys.map((k) => getSignedUrl(c, k));\n\
             /* block */\n",
        );
        assert_eq!(f.functions.len(), 4);
        let params: Vec<_> = f
            .bindings
            .iter()
            .filter(|b| b.span.is_empty())
            .map(|b| b.name.as_str())
            .collect();
        for name in ["x", "y", "z", "v", "p", "rest", "key", "q", "k"] {
            assert!(params.contains(&name), "parameter {name}: {params:?}");
        }
        let in_for = f
            .calls
            .iter()
            .find(|c| c.call.name() == Some("getSignedUrl") && c.call.receiver().is_some())
            .expect("call in loop");
        assert!(matches!(in_for.enclosing_loop, Some((LoopKind::For, _))));
        let in_map = f
            .calls
            .iter()
            .find(|c| c.call.name() == Some("getSignedUrl") && c.call.receiver().is_none())
            .expect("call in callback");
        assert!(matches!(
            in_map.enclosing_loop,
            Some((LoopKind::Callback, _))
        ));
        assert!(in_map.function.is_some());
    }

    #[test]
    fn tsx_parses() {
        let f = facts_in(
            Language::Tsx,
            "import { getSignedUrl } from '@aws-sdk/s3-request-presigner';\n\
             export default async function Page() {\n\
               const url = await getSignedUrl(client, cmd, { expiresIn: 7200 });\n\
               return <a href={url}>download</a>;\n\
             }\n",
        );
        let c = call(&f, "getSignedUrl");
        assert!(matches!(
            c.positional(2)
                .and_then(|o| o.field("expiresIn"))
                .map(|e| &e.kind),
            Some(ExprKind::Int(7200))
        ));
    }

    /// The import (or receiver) decides which `getSignedUrl` a call is.
    #[test]
    fn catalog_rows_by_import_and_receiver() {
        let f = facts(
            "import { getSignedUrl } from '@aws-sdk/cloudfront-signer';\n\
             import * as presigner from '@aws-sdk/s3-request-presigner';\n\
             const AWS = require('aws-sdk');\n\
             const signer = new AWS.CloudFront.Signer(id, key);\n\
             const s3 = new AWS.S3();\n\
             getSignedUrl({ url, dateLessThan });\n\
             presigner.getSignedUrl(client, cmd, { expiresIn: 60 });\n\
             signer.getSignedUrl({ url, expires });\n\
             s3.getSignedUrl('getObject', { Expires: 60 });\n\
             new S3RequestPresigner(cfg).presign(req);\n\
             s3.putObject(p).presign(60);\n",
        );
        let sdks: Vec<&str> = f
            .calls
            .iter()
            .filter_map(|c| {
                crate::semantic::catalog::match_call(
                    crate::frontend::Family::JavaScript,
                    &c.call,
                    &f,
                )
            })
            .map(|row| row.sdk.as_str())
            .collect();
        assert_eq!(
            sdks,
            [
                "@aws-sdk/cloudfront-signer",
                "@aws-sdk/s3-request-presigner",
                "aws-sdk CloudFront.Signer",
                "aws-sdk",
                "@aws-sdk/s3-request-presigner S3RequestPresigner",
                "aws-sdk",
            ]
        );
        // Without the import, a free `getSignedUrl` is someone else's function.
        let local =
            facts("function getSignedUrl(k, o) {}\ngetSignedUrl('k', { expiresIn: 604800 });\n");
        assert!(local.calls.iter().all(|c| {
            crate::semantic::catalog::match_call(
                crate::frontend::Family::JavaScript,
                &c.call,
                &local,
            )
            .is_none()
        }));
    }
}
