//! Swift (tree-sitter-swift): calls with argument labels and trailing closures, `let`/`var`
//! properties (also bound as `Owner.name`, `self.name` and `Self.name` in a struct, class,
//! enum, actor or extension, so `Links.ttl` finds a `static let ttl`), assignments (compound
//! ones fold as `x = x op y` outside loops), imports, `for … in`, `while` and `repeat` loops,
//! functions, initializers and closures.
//!
//! What Swift spells apart from other languages is lowered to the shapes they share:
//! - an argument label is the argument's keyword name (`expiration: 3600`);
//! - a trailing closure is one more (unlabeled) argument of its call;
//! - a conversion of one unlabeled operand (`TimeInterval(5 * 60)`, `Double(n)`, `Int64(x)`)
//!   keeps its operand's value;
//! - an implicit member (`.seconds(60)` where a `Duration` is expected) is a member of the
//!   empty name (its path is `.seconds`), which `eval.rs` reads as `Duration.seconds`;
//! - `try`, `await`, `x!`, `x as T` keep their operand's value; `a ?? b` is a fallback;
//! - a closure without explicit parameters takes `$0` (and `$1`, … by position).
//!
//! A parameter is passed by its label (`ttl: TimeInterval` is the keyword `ttl`), or by
//! position when it is declared without one (`_ key: String`). A parameter whose label
//! differs from its name (`for key: String`) is bound by its name only.

use tree_sitter::Node;

use super::syntax::{Grammar, Lowering, Scope, call_or_construction};
use super::treesitter::{named_children, parse_int, unescape};
use crate::facts::{Absence, Arg, CallExpr, Expr, ExprKind, Import, Param, Span};

pub struct Swift;

impl Grammar for Swift {
    fn expr(&self, node: Node<'_>, cx: &Lowering<'_>) -> Expr {
        let span = node.byte_range();
        let kind = match node.kind() {
            "integer_literal" | "hex_literal" | "oct_literal" | "bin_literal" => {
                parse_int(cx.text(node)).map_or(ExprKind::Unknown, ExprKind::Int)
            }
            "real_literal" => {
                let cleaned: String = cx.text(node).chars().filter(|c| *c != '_').collect();
                cleaned.parse().map_or(ExprKind::Unknown, ExprKind::Float)
            }
            "line_string_literal" | "multi_line_string_literal" | "raw_string_literal" => {
                string(node, cx)
            }
            "boolean_literal" => ExprKind::Bool(cx.text(node) == "true"),
            "nil_literal" => ExprKind::Null,
            "simple_identifier" | "type_identifier" => match cx.text(node) {
                "nil" => ExprKind::Null,
                name => ExprKind::Name(name.trim_matches('`').to_string()),
            },
            "user_type" => ExprKind::Name(cx.text(node).to_string()),
            "self_expression" => ExprKind::Name("self".to_string()),
            "navigation_expression" => match (
                node.child_by_field_name("target"),
                node.child_by_field_name("suffix")
                    .and_then(|s| s.child_by_field_name("suffix")),
            ) {
                (Some(object), Some(field)) => {
                    ExprKind::Member(Box::new(cx.expr(object)), cx.text(field).to_string())
                }
                _ => ExprKind::Unknown,
            },
            "prefix_expression" => {
                let op = node
                    .child_by_field_name("operation")
                    .map(|o| cx.text(o))
                    .unwrap_or("");
                let Some(target) = node.child_by_field_name("target") else {
                    return Expr::unknown(span);
                };
                match op {
                    "-" => ExprKind::Neg(Box::new(cx.expr(target))),
                    "+" => return cx.expr(target),
                    // `.seconds`: a member of the type the context expects.
                    "." if target.kind() == "simple_identifier" => ExprKind::Member(
                        Box::new(Expr {
                            kind: ExprKind::Name(String::new()),
                            span: span.start..span.start,
                        }),
                        cx.text(target).to_string(),
                    ),
                    _ => ExprKind::Unknown,
                }
            }
            "call_expression" => {
                if let Some(operand) = conversion_operand(node, cx) {
                    let inner = cx.expr(operand);
                    return Expr {
                        kind: inner.kind,
                        span,
                    };
                }
                cx.call(node)
                    .map_or(ExprKind::Unknown, |c| ExprKind::Call(Box::new(c)))
            }
            "multiplicative_expression" | "additive_expression" => {
                let op = node
                    .child_by_field_name("op")
                    .and_then(|o| super::syntax::binop(cx.text(o)));
                match (
                    op,
                    node.child_by_field_name("lhs"),
                    node.child_by_field_name("rhs"),
                ) {
                    (Some(op), Some(l), Some(r)) => {
                        ExprKind::Binary(op, Box::new(cx.expr(l)), Box::new(cx.expr(r)))
                    }
                    _ => ExprKind::Unknown,
                }
            }
            "nil_coalescing_expression" => ExprKind::Fallback(
                ["value", "if_nil"]
                    .into_iter()
                    .filter_map(|f| node.child_by_field_name(f))
                    .map(|n| cx.expr(n))
                    .collect(),
                Absence::Null,
            ),
            "ternary_expression" => cx.conditional(node, ["condition", "if_true", "if_false"]),
            "try_expression" | "await_expression" | "as_expression" => {
                return node
                    .child_by_field_name("expr")
                    .map_or(Expr::unknown(span), |inner| cx.expr(inner));
            }
            // `url!`: the value itself.
            "postfix_expression" => match (
                node.child_by_field_name("target"),
                node.child_by_field_name("operation").map(|o| cx.text(o)),
            ) {
                (Some(target), Some("!")) => return cx.expr(target),
                _ => ExprKind::Unknown,
            },
            // `(5 * 60)`: a one-element tuple without a label is its element.
            "tuple_expression" => {
                let values: Vec<Node<'_>> = named_children(node)
                    .into_iter()
                    .filter(|c| !is_comment(*c))
                    .collect();
                match values.as_slice() {
                    [only] if node.child_by_field_name("name").is_none() => {
                        return cx.expr(*only);
                    }
                    _ => ExprKind::Unknown,
                }
            }
            "directly_assignable_expression" => {
                return named_children(node)
                    .into_iter()
                    .find(|c| !is_comment(*c))
                    .map_or(Expr::unknown(span), |inner| cx.expr(inner));
            }
            "array_literal" => ExprKind::Array(
                named_children(node)
                    .into_iter()
                    .filter(|c| !is_comment(*c))
                    .map(|e| cx.expr(e))
                    .collect(),
            ),
            "lambda_literal" => return closure(node, cx),
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
        let suffix = rest.iter().find(|c| c.kind() == "call_suffix")?;
        let mut args = Vec::new();
        for part in named_children(*suffix) {
            match part.kind() {
                "value_arguments" => {
                    for arg in named_children(part) {
                        if arg.kind() == "value_argument" {
                            args.push(value_argument(arg, cx));
                        }
                    }
                }
                "lambda_literal" => args.push(Arg {
                    name: None,
                    value: cx.expr(part),
                }),
                _ => {}
            }
        }
        Some(call_or_construction(
            cx.expr(*callee_node),
            args,
            node.byte_range(),
        ))
    }

    fn bindings(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<(String, Expr)> {
        match node.kind() {
            "property_declaration" => property(node, cx),
            "assignment" => cx
                .assignment(node, "target", "result")
                .into_iter()
                .collect(),
            _ => Vec::new(),
        }
    }

    fn parameters(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<String> {
        self.params(node, cx).into_iter().map(|p| p.name).collect()
    }

    /// A function's parameters (`_ key: String` by position, `ttl: TimeInterval = 900` by
    /// label, with its default); a closure's in order, or `$0`, `$1` when it names none.
    fn params(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<Param> {
        let mut out = Vec::new();
        if node.kind() == "lambda_literal" {
            let declared = node
                .child_by_field_name("type")
                .and_then(|t| {
                    named_children(t)
                        .into_iter()
                        .find(|c| c.kind() == "lambda_function_type_parameters")
                })
                .map(named_children)
                .unwrap_or_default();
            for (position, p) in declared
                .into_iter()
                .filter(|p| p.kind() == "lambda_parameter")
                .enumerate()
            {
                if let Some(name) = p.child_by_field_name("name") {
                    out.push(Param::positional(cx.text(name), position));
                }
            }
            if out.is_empty() {
                out.extend((0..4).map(|i| Param::positional(format!("${i}"), i)));
            }
            return out;
        }
        let mut position = 0usize;
        let mut last: Option<usize> = None;
        let mut cursor = node.walk();
        if !cursor.goto_first_child() {
            return out;
        }
        loop {
            let child = cursor.node();
            if child.kind() == "parameter" {
                last = None;
                let external = child
                    .child_by_field_name("external_name")
                    .map(|e| cx.text(e));
                let name = named_children(child).into_iter().find(|c| {
                    c.kind() == "simple_identifier"
                        && Some(c.id())
                            != child.child_by_field_name("external_name").map(|e| e.id())
                });
                if let Some(name) = name {
                    let unlabeled = external == Some("_");
                    out.push(Param {
                        name: cx.text(name).to_string(),
                        position: unlabeled.then_some(position),
                        field: None,
                        default: None,
                        rest: false,
                    });
                    if unlabeled {
                        position += 1;
                    }
                    last = Some(out.len() - 1);
                }
            } else if cursor.field_name() == Some("default_value")
                && let Some(param) = last.and_then(|i| out.get_mut(i))
            {
                param.default = Some(cx.expr(child));
                last = None;
            }
            if !cursor.goto_next_sibling() {
                break;
            }
        }
        out
    }

    /// `return x`; a function or closure whose body is one expression returns it.
    fn return_value<'t>(&self, node: Node<'t>) -> Option<Node<'t>> {
        match node.kind() {
            "control_transfer_statement" => {
                let mut cursor = node.walk();
                let is_return = node.children(&mut cursor).any(|c| c.kind() == "return");
                if !is_return {
                    return None;
                }
                node.child_by_field_name("result").or_else(|| {
                    named_children(node)
                        .into_iter()
                        .find(|c| !is_comment(*c) && c.kind() != "throw_keyword")
                })
            }
            "function_declaration" => {
                let body = node.child_by_field_name("body")?;
                let statements = named_children(body)
                    .into_iter()
                    .find(|c| c.kind() == "statements")?;
                single_expression(statements)
            }
            "lambda_literal" => {
                let statements = named_children(node)
                    .into_iter()
                    .find(|c| c.kind() == "statements")?;
                single_expression(statements)
            }
            _ => None,
        }
    }

    fn imports(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<Import> {
        named_children(node)
            .into_iter()
            .find(|c| c.kind() == "identifier")
            .map(|id| Import {
                module: cx.text(id).to_string(),
                name: None,
                alias: None,
            })
            .into_iter()
            .collect()
    }
}

fn is_comment(node: Node<'_>) -> bool {
    matches!(node.kind(), "comment" | "multiline_comment")
}

/// The one statement of a body when it is an expression (an implicit return).
fn single_expression(statements: Node<'_>) -> Option<Node<'_>> {
    let children: Vec<Node<'_>> = named_children(statements)
        .into_iter()
        .filter(|c| !is_comment(*c))
        .collect();
    match children.as_slice() {
        [only] if !NOT_A_VALUE.contains(&only.kind()) => Some(*only),
        _ => None,
    }
}

/// Conversions of one operand that keep its value.
const CONVERSIONS: [&str; 10] = [
    "TimeInterval",
    "Double",
    "Float",
    "Int",
    "Int32",
    "Int64",
    "UInt",
    "UInt32",
    "UInt64",
    "CGFloat",
];

/// Statements that leave no value.
const NOT_A_VALUE: &[&str] = &[
    "property_declaration",
    "assignment",
    "for_statement",
    "while_statement",
    "repeat_while_statement",
    "if_statement",
    "guard_statement",
    "switch_statement",
    "do_statement",
    "function_declaration",
    "class_declaration",
    "control_transfer_statement",
];

/// The operand of `TimeInterval(x)`, `Double(x)`, … (one unlabeled argument, no closure).
fn conversion_operand<'t>(node: Node<'t>, cx: &Lowering<'_>) -> Option<Node<'t>> {
    let children = named_children(node);
    let callee = children.first()?;
    if callee.kind() != "simple_identifier" || !CONVERSIONS.contains(&cx.text(*callee)) {
        return None;
    }
    let suffix = children.iter().find(|c| c.kind() == "call_suffix")?;
    let parts = named_children(*suffix);
    let [arguments] = parts.as_slice() else {
        return None;
    };
    let args: Vec<Node<'_>> = named_children(*arguments)
        .into_iter()
        .filter(|a| a.kind() == "value_argument")
        .collect();
    match args.as_slice() {
        [arg] if arg.child_by_field_name("name").is_none() => arg.child_by_field_name("value"),
        _ => None,
    }
}

/// `label: value`, or an unlabeled value.
fn value_argument(arg: Node<'_>, cx: &Lowering<'_>) -> Arg {
    let name = arg
        .child_by_field_name("name")
        .map(|n| cx.text(n).trim_matches('`').to_string());
    let value = arg
        .child_by_field_name("value")
        .map_or(Expr::unknown(arg.byte_range()), |v| cx.expr(v));
    Arg { name, value }
}

/// A string literal's value, or the expressions it interpolates (`"\(url)"`).
fn string(node: Node<'_>, cx: &Lowering<'_>) -> ExprKind {
    let mut value = String::new();
    let mut interpolated = Vec::new();
    let raw = node.kind() == "raw_string_literal";
    let mut cursor = node.walk();
    if cursor.goto_first_child() {
        loop {
            let child = cursor.node();
            match (cursor.field_name(), child.kind()) {
                // `\(url, privacy: .public)`: the labelled ones are formatting options.
                (Some("interpolation"), _) | (_, "interpolated_expression")
                    if child.child_by_field_name("name").is_some() => {}
                (Some("interpolation"), _) | (_, "interpolated_expression") => {
                    interpolated.push(
                        child
                            .child_by_field_name("value")
                            .map_or(Expr::unknown(child.byte_range()), |v| cx.expr(v)),
                    );
                }
                (_, "str_escaped_char") if !raw => value.push_str(&unescape(cx.text(child))),
                (
                    _,
                    "line_str_text"
                    | "multi_line_str_text"
                    | "raw_str_part"
                    | "raw_str_end_part"
                    | "str_escaped_char",
                ) => value.push_str(cx.text(child)),
                _ => {}
            }
            if !cursor.goto_next_sibling() {
                break;
            }
        }
    }
    if interpolated.is_empty() {
        ExprKind::Str(value)
    } else {
        ExprKind::Interpolated(interpolated)
    }
}

/// A closure: its one expression, or a holder call over its statements' expressions (so a
/// builder-chain search looks into it).
fn closure(node: Node<'_>, cx: &Lowering<'_>) -> Expr {
    let span = node.byte_range();
    let statements: Vec<Node<'_>> = named_children(node)
        .into_iter()
        .find(|c| c.kind() == "statements")
        .map(named_children)
        .unwrap_or_default()
        .into_iter()
        .filter(|c| !is_comment(*c))
        .collect();
    super::syntax::statements_value(statements.into_iter().map(|s| cx.expr(s)).collect(), span)
}

/// Where a property is declared: `None` in a function or closure, `Some(owner)` in a type
/// body (`Some(None)` at file scope).
fn declared_in<'s>(node: Node<'_>, cx: &Lowering<'s>) -> Option<Option<&'s str>> {
    match cx.scope(node) {
        None => Some(None),
        Some(Scope::Class(name)) => Some(name.and_then(|n| cx.source.get(n))),
        Some(_) => None,
    }
}

/// `let x = v`, `static let ttl: TimeInterval = …` (also `Owner.ttl`, `self.ttl`,
/// `Self.ttl` in a type), `let a = 1, b = 2`; a type-level or file-level `var` can change
/// anywhere, so it is unknown; a computed property's value is not known here.
fn property(node: Node<'_>, cx: &Lowering<'_>) -> Vec<(String, Expr)> {
    let mut cursor = node.walk();
    let is_var = node
        .children(&mut cursor)
        .any(|c| c.kind() == "value_binding_pattern" && cx.text(c) == "var");
    let container = declared_in(node, cx);
    let member = container.is_some();
    let mut out = Vec::new();
    let mut pending: Option<(String, Span)> = None;
    let flush = |pending: &mut Option<(String, Span)>, value: Expr, out: &mut Vec<_>| {
        if let Some((name, _)) = pending.take() {
            if let Some(owner) = container {
                if let Some(owner) = owner {
                    out.push((format!("{owner}.{name}"), value.clone()));
                }
                out.push((format!("self.{name}"), value.clone()));
                out.push((format!("Self.{name}"), value.clone()));
            }
            out.push((name, value));
        }
    };
    let mut cursor = node.walk();
    if !cursor.goto_first_child() {
        return out;
    }
    loop {
        let child = cursor.node();
        match cursor.field_name() {
            Some("name") => {
                if let Some((_, span)) = pending.clone() {
                    flush(&mut pending, Expr::unknown(span), &mut out);
                }
                pending = child
                    .child_by_field_name("bound_identifier")
                    .map(|id| (cx.text(id).to_string(), id.byte_range()));
            }
            Some("value") => {
                let value = if is_var && member {
                    Expr::unknown(child.byte_range())
                } else {
                    cx.expr(child)
                };
                flush(&mut pending, value, &mut out);
            }
            Some("computed_value") => {
                if let Some((_, span)) = pending.clone() {
                    flush(&mut pending, Expr::unknown(span), &mut out);
                }
            }
            _ => {}
        }
        if !cursor.goto_next_sibling() {
            break;
        }
    }
    // `var x: TimeInterval` without a value: unknown until assigned; a property without one
    // is its initializers' to assign.
    if let Some((_, span)) = pending.clone()
        && !member
    {
        flush(&mut pending, Expr::unknown(span), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{BinOp, SyntaxFacts};
    use crate::frontend::Language;
    use crate::frontend::treesitter::parse;

    fn facts(src: &str) -> SyntaxFacts {
        crate::frontend::test_support::facts(Language::Swift, src)
    }

    use crate::frontend::test_support::last_binding as binding;

    #[test]
    fn labels_conversions_and_static_lets() {
        let f = facts(
            "struct Links { static let ttl: TimeInterval = 60 * 60 * 24; var cache = 5 }\n\
             let a = 1, b = 2.5\n\
             func f() async throws {\n\
               let r = try await s3.presignedRequestForGetObject(input: i, expiration: TimeInterval(5 * 60))\n\
               let d: Duration = .seconds(60)\n\
               var n = 10\n\
               n += 5\n\
             }",
        );
        assert!(matches!(
            binding(&f, "Links.ttl").kind,
            ExprKind::Binary(BinOp::Mul, _, _)
        ));
        assert!(matches!(binding(&f, "ttl").kind, ExprKind::Binary(..)));
        assert!(matches!(binding(&f, "Links.cache").kind, ExprKind::Unknown));
        assert!(matches!(binding(&f, "a").kind, ExprKind::Int(1)));
        assert!(matches!(binding(&f, "b").kind, ExprKind::Float(_)));
        assert!(matches!(
            binding(&f, "n").kind,
            ExprKind::Binary(BinOp::Add, _, _)
        ));
        let call = f
            .calls
            .iter()
            .find(|c| c.call.name() == Some("presignedRequestForGetObject"))
            .expect("presign call");
        let expiry = call.call.keyword("expiration").expect("labelled");
        assert!(matches!(expiry.kind, ExprKind::Binary(BinOp::Mul, _, _)));
        let d = binding(&f, "d").as_call().expect("implicit member call");
        assert_eq!(d.callee.path(), Some(vec!["", "seconds"]));
    }

    #[test]
    fn parameters_labels_defaults_and_closures() {
        let f = facts(
            "func signedLink(_ key: String, ttl: TimeInterval = 900, for owner: String) {}\n\
             let g = keys.map { $0 }\n\
             let h = keys.map { k in k }",
        );
        let params = &f.functions[0].params;
        assert_eq!(params[0].name, "key");
        assert_eq!(params[0].position, Some(0));
        assert_eq!(params[1].name, "ttl");
        assert_eq!(params[1].position, None);
        assert!(params[1].default.is_some());
        assert_eq!(params[2].name, "owner");
        assert_eq!(f.functions[1].params[0].name, "$0");
        assert_eq!(f.functions[2].params[0].name, "k");
    }

    #[test]
    fn interpolation_and_loops() {
        let f = facts(
            "func f() { for k in keys { print(\"u \\(url, privacy: .public)\") }\n while x { y() }\n repeat { z() } while w }",
        );
        let print = f
            .calls
            .iter()
            .find(|c| c.call.name() == Some("print"))
            .expect("print");
        assert!(print.enclosing_loop.is_some());
        let ExprKind::Interpolated(parts) = &print.call.args[0].value.kind else {
            panic!("interpolated");
        };
        assert_eq!(parts.len(), 1, "the privacy option is not a value");
        assert!(
            f.calls
                .iter()
                .filter(|c| c.enclosing_loop.is_some())
                .count()
                >= 3
        );
    }

    #[test]
    fn pathological_input_stays_within_the_parse_budget() {
        let text = "{ [ ( ".repeat(60_000);
        let started = std::time::Instant::now();
        let _ = parse(Language::Swift, &text);
        assert!(
            started.elapsed() < crate::frontend::treesitter::PARSE_DEADLINE * 2,
            "{:?}",
            started.elapsed()
        );
    }
}

#[cfg(test)]
mod folding {
    use crate::frontend::Language;
    use crate::frontend::test_support::{facts, fold_last_call};
    use crate::semantic::eval::Value;

    /// Folds the `expiration:` argument of the last call named `method`.
    fn expiration(src: &str, method: &str) -> Value {
        let facts = facts(Language::Swift, src);
        fold_last_call(&facts, src, crate::frontend::Family::Swift, method, |c| {
            c.keyword("expiration")
        })
    }

    #[test]
    fn time_intervals_and_durations_fold() {
        let src = "struct Links { static let ttl: TimeInterval = 60 * 60 * 24 }\n\
                   func f() {\n\
                     let d: Duration = .seconds(120)\n\
                     let e = Duration.milliseconds(90_000)\n\
                     a.presign(config: c, expiration: TimeInterval(Links.ttl * 2))\n\
                     b.presignURL(config: c, expiration: d)\n\
                     b.sleep(expiration: e)\n\
                   }";
        assert_eq!(expiration(src, "presign"), Value::Number(172_800.0));
        let parenthesized = src.replace("TimeInterval(Links.ttl * 2)", "(5 * 60)");
        assert_eq!(expiration(&parenthesized, "presign"), Value::Number(300.0));
        assert_eq!(expiration(src, "presignURL"), Value::Duration(120.0));
        assert_eq!(expiration(src, "sleep"), Value::Duration(90.0));
    }
}
