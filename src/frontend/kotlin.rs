//! Kotlin (tree-sitter-kotlin-ng): calls with named arguments and trailing lambdas,
//! `val`/`var` properties (also bound as `Owner.NAME` and `this.NAME` in classes and
//! objects), assignments (compound ones fold as `x = x op y` outside loops), imports, loops,
//! functions and lambdas.
//!
//! A lambda whose statements assign names (`{ expiresAfter = 8.hours }`, a configuring DSL
//! block) lowers to an object of those fields; a lambda without assignments lowers to its one
//! expression, or to a callee-less holder call over its statements' expressions (so a
//! builder-chain search looks into `presigner.presignGetObject { it.signatureDuration(d) }`).
//! A trailing lambda is one more argument of its call. A call of a capitalised name
//! (`Date(ms)`, `GetObjectRequest { … }`) is a constructor call.

use tree_sitter::Node;

use super::syntax::{Grammar, Lowering, Role, Scope, call_or_construction};
use super::treesitter::{named_children, parse_int, unescape};
use crate::facts::{Arg, CallExpr, Expr, ExprKind, Field, Import, Param, Span};

pub struct Kotlin;

/// The node that holds a function's parameters: an annotated lambda's `lambda_literal`.
fn function_node(node: Node<'_>) -> Option<Node<'_>> {
    match node.kind() {
        "annotated_lambda" => named_children(node)
            .into_iter()
            .find(|c| c.kind() == "lambda_literal"),
        _ => Some(node),
    }
}

impl Grammar for Kotlin {
    fn scope(
        &self,
        node: Node<'_>,
        parent: Option<Node<'_>>,
        cx: &Lowering<'_>,
    ) -> Option<(Span, Scope)> {
        let scope = match node.kind() {
            // `Outer.NAME` reaches a companion's members.
            "companion_object" => match cx.class(node) {
                Some(Scope::Class(outer)) => Scope::Class(outer),
                _ => Scope::Class(None),
            },
            "object_literal" => Scope::Class(None),
            // A trailing lambda's scope is its `annotated_lambda`'s.
            "lambda_literal" if annotated(node, parent) => return None,
            _ => return cx.kinds().scope(node),
        };
        Some((node.byte_range(), scope))
    }

    fn role(&self, node: Node<'_>, parent: Option<Node<'_>>, cx: &Lowering<'_>) -> Role {
        match node.kind() {
            // The callee half of `f(a) { … }` is lowered with its trailing lambda.
            "call_expression" if is_trailing_callee(node, parent) => Role::Other,
            // A trailing lambda is the function (`annotated_lambda`), so a callback method's
            // argument list passes its loop context on (`items.forEach { … }`).
            "lambda_literal" if annotated(node, parent) => Role::Other,
            _ => cx.kinds().role(node),
        }
    }

    /// kotlin-ng reads `assertFailsWith<E> { … }` at the start of a statement as the
    /// comparisons `(assertFailsWith < E) > { … }`: the lambda is the assertion's.
    fn expects_failure(&self, node: Node<'_>, cx: &Lowering<'_>) -> bool {
        node.kind() == "binary_expression"
            && node
                .child_by_field_name("right")
                .is_some_and(|r| r.kind() == "lambda_literal")
            && node
                .child_by_field_name("left")
                .filter(|l| l.kind() == "binary_expression")
                .and_then(|l| l.child_by_field_name("left"))
                .is_some_and(|callee| {
                    callee.kind() == "identifier"
                        && super::syntax::EXPECTED_FAILURE.contains(&cx.text(callee))
                })
    }

    fn expr(&self, node: Node<'_>, cx: &Lowering<'_>) -> Expr {
        let span = node.byte_range();
        let kind = match node.kind() {
            "number_literal" => parse_int(cx.text(node)).map_or(ExprKind::Unknown, ExprKind::Int),
            "float_literal" => float(cx.text(node)).map_or(ExprKind::Unknown, ExprKind::Float),
            "string_literal" | "multiline_string_literal" => string(node, cx).map_or_else(
                || ExprKind::Interpolated(interpolations(node, cx)),
                ExprKind::Str,
            ),
            "identifier" => match cx.text(node) {
                "true" => ExprKind::Bool(true),
                "false" => ExprKind::Bool(false),
                "null" => ExprKind::Null,
                name => ExprKind::Name(name.to_string()),
            },
            "this_expression" => ExprKind::Name("this".to_string()),
            "navigation_expression" => {
                let children: Vec<Node<'_>> = named_children(node)
                    .into_iter()
                    .filter(|c| !is_comment(*c))
                    .collect();
                match (children.first(), children.last()) {
                    (Some(object), Some(field))
                        if children.len() == 2 && field.kind() == "identifier" =>
                    {
                        ExprKind::Member(Box::new(cx.expr(*object)), cx.text(*field).to_string())
                    }
                    _ => ExprKind::Unknown,
                }
            }
            "call_expression" => cx
                .call(node)
                .map_or(ExprKind::Unknown, |c| ExprKind::Call(Box::new(c))),
            "binary_expression" => cx.binary(node),
            "unary_expression" => match (
                node.child_by_field_name("operator").map(|o| cx.text(o)),
                node.child_by_field_name("argument"),
            ) {
                (Some("-"), Some(arg)) => ExprKind::Neg(Box::new(cx.expr(arg))),
                // `+x`, and the not-null assertion `x!!`.
                (Some("+" | "!!"), Some(arg)) => return cx.expr(arg),
                _ => ExprKind::Unknown,
            },
            "parenthesized_expression" => {
                return named_children(node)
                    .into_iter()
                    .find(|c| !is_comment(*c))
                    .map_or(Expr::unknown(span), |inner| cx.expr(inner));
            }
            "as_expression" => {
                return node
                    .child_by_field_name("left")
                    .map_or(Expr::unknown(span), |v| cx.expr(v));
            }
            "annotated_lambda" => {
                return named_children(node)
                    .into_iter()
                    .find(|c| c.kind() == "lambda_literal")
                    .map_or(Expr::unknown(span), |l| lambda(l, cx));
            }
            "lambda_literal" => return lambda(node, cx),
            _ => ExprKind::Unknown,
        };
        Expr { kind, span }
    }

    fn call(&self, node: Node<'_>, cx: &Lowering<'_>) -> Option<CallExpr> {
        let children: Vec<Node<'_>> = named_children(node)
            .into_iter()
            .filter(|c| !is_comment(*c))
            .collect();
        let (callee_node, rest) = children.split_first()?;
        let lambdas: Vec<Node<'_>> = rest
            .iter()
            .copied()
            .filter(|c| c.kind() == "annotated_lambda")
            .collect();
        // `f(a) { … }`: the inner call with the lambda as its last argument.
        if callee_node.kind() == "call_expression"
            && !lambdas.is_empty()
            && rest.iter().all(|c| c.kind() == "annotated_lambda")
        {
            let mut inner = cx.call(*callee_node)?;
            inner.args.extend(lambdas.into_iter().map(|l| Arg {
                name: None,
                value: cx.expr(l),
            }));
            inner.span = node.byte_range();
            return Some(inner);
        }
        let mut args = Vec::new();
        if let Some(arguments) = rest.iter().find(|c| c.kind() == "value_arguments") {
            for arg in named_children(*arguments) {
                if arg.kind() == "value_argument" {
                    args.push(value_argument(arg, cx));
                }
            }
        }
        args.extend(lambdas.into_iter().map(|l| Arg {
            name: None,
            value: cx.expr(l),
        }));
        Some(call_or_construction(
            cx.expr(*callee_node),
            args,
            node.byte_range(),
        ))
    }

    fn bindings(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<(String, Expr)> {
        match node.kind() {
            "property_declaration" => property(node, cx),
            "assignment" => cx.assignment(node, "left", "right").into_iter().collect(),
            _ => Vec::new(),
        }
    }

    fn parameters(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<String> {
        let Some(node) = function_node(node) else {
            return Vec::new();
        };
        let mut names = Vec::new();
        let mut explicit = false;
        for child in named_children(node) {
            match child.kind() {
                "function_value_parameters" => {
                    for p in named_children(child) {
                        if p.kind() == "parameter"
                            && let Some(id) = first_identifier(p)
                        {
                            names.push(cx.text(id).to_string());
                        }
                    }
                }
                "lambda_parameters" => {
                    explicit = true;
                    for p in named_children(child) {
                        match p.kind() {
                            "variable_declaration" => {
                                names.extend(first_identifier(p).map(|i| cx.text(i).to_string()))
                            }
                            "multi_variable_declaration" => {
                                for v in named_children(p) {
                                    names.extend(
                                        first_identifier(v).map(|i| cx.text(i).to_string()),
                                    );
                                }
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        // `{ … it … }`: the implicit parameter.
        if node.kind() == "lambda_literal" && !explicit {
            names.push("it".to_string());
        }
        names
    }

    /// A function's `function_value_parameters` with their defaults (`ttl: Duration =
    /// 7.days`: the grammar puts the `=` and the default beside the `parameter`, not in it);
    /// a `vararg` takes the rest, and the parameters after it can only be named. A lambda's
    /// parameters in order (a destructured `(a, b)` takes a position without a name), or
    /// the implicit `it`.
    fn params(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<Param> {
        let Some(node) = function_node(node) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut explicit = false;
        for child in named_children(node) {
            match child.kind() {
                "function_value_parameters" => value_parameters(child, cx, &mut out),
                "lambda_parameters" => {
                    explicit = true;
                    let declarations = named_children(child)
                        .into_iter()
                        .filter(|p| !is_comment(*p));
                    for (position, p) in declarations.enumerate() {
                        let name = (p.kind() == "variable_declaration")
                            .then(|| first_identifier(p))
                            .flatten()
                            .map(|n| cx.text(n))
                            .filter(|n| *n != "_");
                        out.extend(name.map(|n| Param::positional(n, position)));
                    }
                }
                _ => {}
            }
        }
        if node.kind() == "lambda_literal" && !explicit {
            out.push(Param::positional("it", 0));
        }
        out
    }

    /// `return x` (also `return@label x`), an expression body (`fun url(k: String) =
    /// presign(k)`, `get() = …`), and a lambda's last statement when it is an expression.
    fn return_value<'t>(&self, node: Node<'t>) -> Option<Node<'t>> {
        match node.kind() {
            "return_expression" => {
                let mut cursor = node.walk();
                let mut value = None;
                if cursor.goto_first_child() {
                    loop {
                        let child = cursor.node();
                        if child.is_named()
                            && !is_comment(child)
                            && cursor.field_name() != Some("label")
                        {
                            value = Some(child);
                            break;
                        }
                        if !cursor.goto_next_sibling() {
                            break;
                        }
                    }
                }
                value
            }
            "function_declaration" | "anonymous_function" | "getter" => {
                let body = named_children(node)
                    .into_iter()
                    .find(|c| c.kind() == "function_body")?;
                let mut cursor = body.walk();
                let expression_body = body.children(&mut cursor).any(|c| c.kind() == "=");
                if !expression_body {
                    return None;
                }
                named_children(body).into_iter().find(|c| !is_comment(*c))
            }
            "lambda_literal" => named_children(node)
                .into_iter()
                .rfind(|c| !is_comment(*c))
                .filter(|last| !NOT_A_VALUE.contains(&last.kind())),
            _ => None,
        }
    }

    fn imports(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<Import> {
        let children = named_children(node);
        let Some(path) = children
            .iter()
            .find(|c| c.kind() == "qualified_identifier")
            .or_else(|| children.first())
        else {
            return Vec::new();
        };
        let full = cx.text(*path).to_string();
        let mut cursor = node.walk();
        let wildcard = node.children(&mut cursor).any(|c| c.kind() == "*");
        if wildcard {
            return vec![Import {
                module: full,
                name: None,
                alias: None,
            }];
        }
        let alias = children
            .iter()
            .skip_while(|c| c.id() != path.id())
            .nth(1)
            .filter(|c| c.kind() == "identifier")
            .map(|a| cx.text(*a).to_string());
        match full.rsplit_once('.') {
            Some((module, name)) => vec![Import {
                module: module.to_string(),
                name: Some(name.to_string()),
                alias,
            }],
            None => vec![Import {
                module: full,
                name: None,
                alias,
            }],
        }
    }
}

fn is_comment(node: Node<'_>) -> bool {
    matches!(node.kind(), "line_comment" | "block_comment")
}

/// Statements that leave no value as a lambda's last statement (a `return` or `throw` is
/// not the lambda's value either: the `return` is a return of its own).
const NOT_A_VALUE: &[&str] = &[
    "lambda_parameters",
    "property_declaration",
    "assignment",
    "for_statement",
    "while_statement",
    "do_while_statement",
    "function_declaration",
    "class_declaration",
    "object_declaration",
    "type_alias",
    "return_expression",
    "throw_expression",
];

/// The parameters of a `function_value_parameters` list: `parameter_modifiers` (`vararg`,
/// annotations), the `parameter`, then `= default`, all siblings.
fn value_parameters(list: Node<'_>, cx: &Lowering<'_>, out: &mut Vec<Param>) {
    let mut position = Some(0usize);
    let mut vararg = false;
    // The parameter a `=` gives a default to, and whether the `=` was just seen.
    let mut last: Option<usize> = None;
    let mut after_eq = false;
    let mut cursor = list.walk();
    for child in list.children(&mut cursor) {
        match child.kind() {
            "parameter_modifiers" => {
                vararg |= named_children(child)
                    .into_iter()
                    .any(|m| m.kind() == "parameter_modifier" && cx.text(m) == "vararg");
            }
            "parameter" => {
                last = first_identifier(child).map(|name| {
                    out.push(Param {
                        name: cx.text(name).to_string(),
                        position,
                        field: None,
                        default: None,
                        rest: vararg,
                    });
                    out.len() - 1
                });
                // After a `vararg`, arguments can only be passed by name.
                position = if vararg {
                    None
                } else {
                    position.map(|p| p + 1)
                };
                vararg = false;
                after_eq = false;
            }
            "=" => after_eq = true,
            _ if child.is_named() && !is_comment(child) => {
                if after_eq && let Some(param) = last.and_then(|i| out.get_mut(i)) {
                    param.default = Some(cx.expr(child));
                }
                after_eq = false;
                last = None;
            }
            _ => {}
        }
    }
}

fn first_identifier(node: Node<'_>) -> Option<Node<'_>> {
    named_children(node)
        .into_iter()
        .find(|c| c.kind() == "identifier")
}

/// The `f(a)` of a call `f(a) { … }` (a call that adds only trailing lambdas to a call).
fn trailing_lambda_callee(node: Node<'_>) -> Option<Node<'_>> {
    let children: Vec<Node<'_>> = named_children(node)
        .into_iter()
        .filter(|c| !is_comment(*c))
        .collect();
    let (first, rest) = children.split_first()?;
    (first.kind() == "call_expression"
        && !rest.is_empty()
        && rest.iter().all(|c| c.kind() == "annotated_lambda"))
    .then_some(*first)
}

/// `name = value` is a named argument; `*array` spreads an unknown.
fn value_argument(arg: Node<'_>, cx: &Lowering<'_>) -> Arg {
    let mut cursor = arg.walk();
    let named = arg.children(&mut cursor).any(|c| c.kind() == "=");
    let children: Vec<Node<'_>> = named_children(arg)
        .into_iter()
        .filter(|c| !is_comment(*c))
        .collect();
    let value = children
        .last()
        .map_or(Expr::unknown(arg.byte_range()), |v| match v.kind() {
            "spread_expression" => Expr::unknown(v.byte_range()),
            _ => cx.expr(*v),
        });
    let name = named
        .then(|| children.first().filter(|n| n.kind() == "identifier"))
        .flatten()
        .map(|n| cx.text(*n).to_string());
    Arg { name, value }
}

/// `2.5`, `1e3`, `2.5f`.
fn float(literal: &str) -> Option<f64> {
    let cleaned: String = literal.chars().filter(|c| *c != '_').collect();
    cleaned.trim_end_matches(['f', 'F']).parse().ok()
}

/// The expressions a string template interpolates: `${expr}` nodes, and `$name` (an
/// interpolation node, or plain content in some grammar versions).
fn interpolations(node: Node<'_>, cx: &Lowering<'_>) -> Vec<Expr> {
    let mut out: Vec<Expr> = named_children(node)
        .into_iter()
        .filter(|c| c.kind() == "interpolation")
        .filter_map(|c| named_children(c).first().map(|e| cx.expr(*e)))
        .collect();
    // `$name`: split over several content pieces by the grammar, so read from the text.
    let text = cx.text(node);
    let base = node.start_byte();
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(rel) = text[i..].find('$') {
        let at = i + rel;
        let start = at + 1;
        let len = text[start..]
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(text.len() - start);
        let name = &text[start..start + len];
        let escaped = at > 0 && bytes[at - 1] == b'\\';
        let fresh = !out.iter().any(|e| e.span.start == base + start);
        if !escaped && fresh && name.starts_with(|c: char| c.is_alphabetic() || c == '_') {
            out.push(Expr {
                kind: ExprKind::Name(name.to_string()),
                span: base + start..base + start + len,
            });
        }
        i = start + len;
    }
    out
}

/// The decoded value of a string literal; `None` with an interpolation (`${x}`, or `$x`,
/// which the grammar leaves as plain content).
fn string(node: Node<'_>, cx: &Lowering<'_>) -> Option<String> {
    let raw = node.kind() == "multiline_string_literal";
    let mut value = String::new();
    // Content with escapes blanked out, to spot `$name` across content pieces.
    let mut plain = String::new();
    for child in named_children(node) {
        match child.kind() {
            "string_content" => {
                value.push_str(cx.text(child));
                plain.push_str(cx.text(child));
            }
            "escape_sequence" if !raw => {
                value.push_str(&unescape(cx.text(child)));
                plain.push('\0');
            }
            "escape_sequence" => {
                value.push_str(cx.text(child));
                plain.push_str(cx.text(child));
            }
            "interpolation" => return None,
            _ => {}
        }
    }
    let interpolated = plain.char_indices().any(|(i, c)| {
        c == '$'
            && plain[i + 1..]
                .chars()
                .next()
                .is_some_and(|n| n.is_alphabetic() || n == '_' || n == '{' || n == '`')
    });
    (!interpolated).then_some(value)
}

/// A lambda: assignments make an object (`{ expiresAfter = 8.hours }`); otherwise its one
/// expression, or a holder call over its statements' expressions.
fn lambda(node: Node<'_>, cx: &Lowering<'_>) -> Expr {
    let span = node.byte_range();
    let statements: Vec<Node<'_>> = named_children(node)
        .into_iter()
        .filter(|c| !is_comment(*c) && c.kind() != "lambda_parameters")
        .collect();
    let fields: Vec<Field> = statements
        .iter()
        .filter(|s| s.kind() == "assignment")
        .filter_map(|s| {
            let op = s.child_by_field_name("operator").map(|o| cx.text(o));
            if op != Some("=") {
                return None;
            }
            let left = s.child_by_field_name("left")?;
            let key = match left.kind() {
                "identifier" => cx.text(left).to_string(),
                // `this.expiresAfter = …` inside a receiver lambda.
                "navigation_expression" => {
                    let parts: Vec<Node<'_>> = named_children(left)
                        .into_iter()
                        .filter(|c| !is_comment(*c))
                        .collect();
                    match parts.as_slice() {
                        [object, field] if object.kind() == "this_expression" => {
                            cx.text(*field).to_string()
                        }
                        _ => return None,
                    }
                }
                _ => return None,
            };
            Some(Field {
                key,
                value: cx.expr(s.child_by_field_name("right")?),
            })
        })
        .collect();
    if !fields.is_empty() {
        return Expr {
            kind: ExprKind::Object(fields),
            span,
        };
    }
    super::syntax::statements_value(statements.into_iter().map(|s| cx.expr(s)).collect(), span)
}

/// The lambda literal of an annotated lambda: the annotated lambda is the function.
fn annotated(lambda: Node<'_>, parent: Option<Node<'_>>) -> bool {
    parent.is_some_and(|p| p.kind() == "annotated_lambda") && lambda.kind() == "lambda_literal"
}

/// The `f(a)` of an `f(a) { … }`: lowered with its trailing lambda, as one call.
fn is_trailing_callee(call: Node<'_>, parent: Option<Node<'_>>) -> bool {
    parent
        .filter(|p| p.kind() == "call_expression")
        .and_then(trailing_lambda_callee)
        .is_some_and(|callee| callee.id() == call.id())
}

/// Where a property is declared: `None` in a function, `Some(owner)` in a class or object
/// body (`Some(None)` at top level or in an anonymous object).
fn declared_in<'s>(node: Node<'_>, cx: &Lowering<'s>) -> Option<Option<&'s str>> {
    match cx.scope(node) {
        None => Some(None),
        Some(Scope::Class(name)) => Some(name.and_then(|n| cx.source.get(n))),
        Some(_) => None,
    }
}

/// `val x = v` (and `Owner.x`, `this.x` for members); `val (a, b) = …` and delegated
/// properties bind unknowns; a class-level or top-level `var` can change anywhere, so it is
/// unknown too.
fn property(node: Node<'_>, cx: &Lowering<'_>) -> Vec<(String, Expr)> {
    let mut cursor = node.walk();
    let children: Vec<Node<'_>> = node.children(&mut cursor).collect();
    let is_var = children.iter().any(|c| c.kind() == "var");
    let container = declared_in(node, cx);
    let member = container.is_some();
    let value = children
        .iter()
        .position(|c| c.kind() == "=")
        .and_then(|i| {
            children[i + 1..]
                .iter()
                .find(|c| c.is_named() && !is_comment(**c))
        })
        .filter(|_| !(is_var && member))
        .map_or(Expr::unknown(node.byte_range()), |v| cx.expr(*v));
    let mut out = Vec::new();
    for child in &children {
        match child.kind() {
            "variable_declaration" => {
                if let Some(id) = first_identifier(*child) {
                    let name = cx.text(id).to_string();
                    if let Some(owner) = container {
                        if let Some(owner) = owner {
                            out.push((format!("{owner}.{name}"), value.clone()));
                        }
                        out.push((format!("this.{name}"), value.clone()));
                    }
                    out.push((name, value.clone()));
                }
            }
            "multi_variable_declaration" => {
                for v in named_children(*child) {
                    if let Some(id) = first_identifier(v) {
                        out.push((cx.text(id).to_string(), Expr::unknown(id.byte_range())));
                    }
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
    use crate::facts::SyntaxFacts;
    use crate::frontend::Language;

    use crate::frontend::test_support::{default, params, returns};

    fn facts(src: &str) -> SyntaxFacts {
        crate::frontend::test_support::facts(Language::Kotlin, src)
    }

    fn calls<'f>(facts: &'f SyntaxFacts, name: &str) -> Vec<&'f CallExpr> {
        facts
            .calls
            .iter()
            .filter(|c| c.call.name() == Some(name))
            .map(|c| &c.call)
            .collect()
    }

    #[test]
    fn positional_duration_and_named_arguments() {
        let f = facts("suspend fun f() { s3.presignGetObject(request, duration = 24.hours) }");
        let c = calls(&f, "presignGetObject");
        assert_eq!(c.len(), 1);
        let d = c[0].keyword("duration").expect("named");
        assert!(
            matches!(&d.kind, ExprKind::Member(n, u) if u == "hours" && matches!(n.kind, ExprKind::Int(24)))
        );
    }

    #[test]
    fn trailing_lambda_is_one_call_with_an_object() {
        let f = facts(
            "fun f() {\n  val p = s3.presignGetObject(req, signer = CrtAwsSigner) {\n    signingDate = Instant.now() + 12.hours\n    expiresAfter = 8.hours\n  }\n}",
        );
        let c = calls(&f, "presignGetObject");
        assert_eq!(c.len(), 1, "the callee half is not a second call");
        assert_eq!(
            c[0].keyword("signer").and_then(|s| s.path()),
            Some(vec!["CrtAwsSigner"])
        );
        let lambda = c[0].positional(1).expect("lambda argument");
        assert!(lambda.field("expiresAfter").is_some());
    }

    #[test]
    fn properties_strings_and_imports() {
        let f = facts(
            "import aws.sdk.kotlin.services.s3.presigners.presignGetObject\nimport kotlin.time.*\n\
             object Config { const val TTL = 60L * 1_000; var mutable = 4 }\n\
             fun f(ttl: Duration) { val s = \"a\\$b\"; val t = \"x$y\"; var n = 1; n += 2 }",
        );
        assert!(f.bindings.iter().any(|b| b.name == "Config.TTL"));
        let m = f
            .bindings
            .iter()
            .find(|b| b.name == "mutable")
            .expect("var");
        assert!(matches!(m.value.kind, ExprKind::Unknown));
        let s = f.bindings.iter().find(|b| b.name == "s").expect("s");
        assert!(matches!(&s.value.kind, ExprKind::Str(v) if v == "a$b"));
        let t = f.bindings.iter().find(|b| b.name == "t").expect("t");
        assert!(
            matches!(&t.value.kind, ExprKind::Interpolated(parts) if matches!(&parts[..], [Expr { kind: ExprKind::Name(n), .. }] if n == "y")),
            "interpolated: {:?}",
            t.value.kind
        );
        let n = f.bindings.iter().rfind(|b| b.name == "n").expect("n");
        assert!(matches!(n.value.kind, ExprKind::Binary(BinOp::Add, _, _)));
        assert!(f.bindings.iter().any(|b| b.name == "ttl"), "parameter");
        let import = f.import_of("presignGetObject").expect("import");
        assert_eq!(import.module, "aws.sdk.kotlin.services.s3.presigners");
        assert!(
            f.imports
                .iter()
                .any(|i| i.module == "kotlin.time" && i.name.is_none())
        );
    }

    #[test]
    fn constructor_calls_and_not_null() {
        let f = facts("val d = Date(System.currentTimeMillis() + 1000)!!");
        let d = f.bindings.iter().find(|b| b.name == "d").expect("d");
        assert!(d.value.as_call().is_some_and(|c| c.is_new));
    }

    #[test]
    fn companion_members_and_nested_trailing_lambdas() {
        let f = facts(
            "class Links {\n  companion object { const val HOURS = 12 }\n  fun f() {\n    \
             items.forEach { s3.presignGetObject(it) { expiresAfter = HOURS.hours } }\n  }\n}",
        );
        assert!(f.bindings.iter().any(|b| b.name == "Links.HOURS"));
        let c = calls(&f, "presignGetObject");
        assert_eq!(c.len(), 1);
        assert!(
            c[0].positional(1)
                .and_then(|l| l.field("expiresAfter"))
                .is_some()
        );
        let call = f
            .calls
            .iter()
            .find(|c| c.call.name() == Some("presignGetObject"))
            .expect("call");
        assert!(call.enclosing_loop.is_some(), "in a forEach callback");
    }

    #[test]
    fn params_with_defaults_and_varargs() {
        let f = facts(
            "class S {\n\
             fun sign(key: String, ttl: Duration = 7.days, @Ann vararg rest: String, flag: Boolean = false): String { return presign(key, ttl) }\n\
             constructor(a: Int, b: Int = 60 * 60) : this(a)\n\
             }\n\
             fun String.ext(n: Int = 2, block: () -> Unit = {}) = this + n\n",
        );
        assert_eq!(
            params(&f, 0),
            [
                ("key", Some(0), false),
                ("ttl", Some(1), false),
                ("rest", Some(2), true),
                ("flag", None, false)
            ]
        );
        assert!(default(&f, 0, "key").is_none());
        assert!(
            matches!(default(&f, 0, "ttl"), Some(ExprKind::Member(n, u)) if u == "days" && matches!(n.kind, ExprKind::Int(7)))
        );
        assert!(default(&f, 0, "rest").is_none());
        assert!(matches!(
            default(&f, 0, "flag"),
            Some(ExprKind::Bool(false))
        ));
        assert_eq!(
            params(&f, 1),
            [("a", Some(0), false), ("b", Some(1), false)]
        );
        assert!(matches!(
            default(&f, 1, "b"),
            Some(ExprKind::Binary(BinOp::Mul, _, _))
        ));
        // The extension receiver is not a parameter; the `{}` default is a lambda of its own.
        assert_eq!(
            params(&f, 2),
            [("n", Some(0), false), ("block", Some(1), false)]
        );
        assert!(matches!(default(&f, 2, "n"), Some(ExprKind::Int(2))));
        assert!(default(&f, 2, "block").is_some());
        assert_eq!(
            returns(&f),
            [
                (Some(0), "presign()".to_string()),
                (Some(2), "Add(this, n)".to_string())
            ]
        );
    }

    #[test]
    fn expression_bodies_lambdas_and_labelled_returns() {
        let f = facts(
            "class S {\n\
             fun url(k: String) = presign(k)\n\
             val p: String get() = presign(k)\n\
             fun g() {\n\
             xs.map { k -> val u = presign(k); u }\n\
             xs.forEach { presign(it) }\n\
             run { return@run 1 }\n\
             xs.map { (a, b), c -> c /* last */ }\n\
             val h = fun(x: Int): Int { return x }\n\
             xs.forEach { val v = 1 }\n\
             }\n\
             }",
        );
        assert_eq!(params(&f, 0), [("k", Some(0), false)]);
        assert_eq!(params(&f, 3), [("k", Some(0), false)]);
        assert_eq!(
            params(&f, 4),
            [("it", Some(0), false)],
            "the implicit parameter"
        );
        assert_eq!(
            params(&f, 6),
            [("c", Some(1), false)],
            "destructured: no name"
        );
        assert_eq!(params(&f, 7), [("x", Some(0), false)]);
        assert_eq!(
            returns(&f),
            [
                (Some(0), "presign()".to_string()),
                (Some(1), "presign()".to_string()),
                (Some(3), "u".to_string()),
                (Some(4), "presign()".to_string()),
                (Some(5), "Int(1)".to_string()),
                (Some(6), "c".to_string()),
                (Some(7), "x".to_string()),
            ]
        );
    }
}
