//! PHP (tree-sitter-php, files starting with `<?php`): method, static, function and
//! constructor calls with PHP 8 named arguments, assignments, class constants and properties,
//! `use` imports, loops, functions, methods, closures and arrow functions.
//!
//! Variables are named without their `$` (`$ttl` → `ttl`, `$this->ttl` → `this.ttl`); arrays
//! with keys are objects (`['expires' => …]`), and `$opts['expires']` reads like a member.
//! An array or object filled in steps (`$opts = [...]; $opts['expires'] = …;`) binds the
//! variable to the object its literal and the later assignments give it.

use tree_sitter::Node;

use super::syntax::{Grammar, Lowering};
use super::treesitter::{self, Earlier, named_children, parse_int, statement_assignment, unescape};
use crate::facts::{Arg, BinOp, CallExpr, Declared, Expr, ExprKind, Field, Import, Param};

pub struct Php;

impl Grammar for Php {
    fn expr(&self, node: Node<'_>, cx: &Lowering<'_>) -> Expr {
        let span = node.byte_range();
        let kind = match node.kind() {
            "integer" => parse_int(cx.text(node)).map_or(ExprKind::Unknown, ExprKind::Int),
            "float" => cx
                .text(node)
                .replace('_', "")
                .parse()
                .map_or(ExprKind::Unknown, ExprKind::Float),
            "string" | "encapsed_string" | "heredoc" | "nowdoc" => {
                string(node, cx).map_or_else(|| interpolated(node, cx), ExprKind::Str)
            }
            "boolean" => ExprKind::Bool(cx.text(node).eq_ignore_ascii_case("true")),
            "null" => ExprKind::Null,
            "name" | "relative_scope" => ExprKind::Name(cx.text(node).to_string()),
            // `\Aws\S3\PostObjectV4` → `PostObjectV4`.
            "qualified_name" => named_children(node)
                .into_iter()
                .rfind(|c| c.kind() == "name")
                .map_or(ExprKind::Unknown, |n| {
                    ExprKind::Name(cx.text(n).to_string())
                }),
            "variable_name" => variable(node, cx).map_or(ExprKind::Unknown, ExprKind::Name),
            "member_access_expression" | "nullsafe_member_access_expression" => {
                match (
                    node.child_by_field_name("object"),
                    node.child_by_field_name("name"),
                ) {
                    (Some(object), Some(name)) if name.kind() == "name" => {
                        ExprKind::Member(Box::new(cx.expr(object)), cx.text(name).to_string())
                    }
                    _ => ExprKind::Unknown,
                }
            }
            // `self::$ttl`
            "scoped_property_access_expression" => match (
                node.child_by_field_name("scope"),
                node.child_by_field_name("name")
                    .and_then(|n| variable(n, cx)),
            ) {
                (Some(scope), Some(name)) => ExprKind::Member(Box::new(cx.expr(scope)), name),
                _ => ExprKind::Unknown,
            },
            // `Config::TTL`, `self::TTL`
            "class_constant_access_expression" => {
                let children = named_children(node);
                match (children.first(), children.get(1)) {
                    (Some(scope), Some(name)) if name.kind() == "name" => {
                        ExprKind::Member(Box::new(cx.expr(*scope)), cx.text(*name).to_string())
                    }
                    _ => ExprKind::Unknown,
                }
            }
            // `$opts['expires']` reads like a member.
            "subscript_expression" => subscript(node, cx)
                .map_or(ExprKind::Unknown, |(object, key)| {
                    ExprKind::Member(Box::new(cx.expr(object)), key)
                }),
            "member_call_expression"
            | "nullsafe_member_call_expression"
            | "scoped_call_expression"
            | "function_call_expression"
            | "object_creation_expression" => cx
                .call(node)
                .map_or(ExprKind::Unknown, |c| ExprKind::Call(Box::new(c))),
            "array_creation_expression" => array(node, cx),
            "binary_expression" => binary(node, cx),
            // `$a ?: $b`: `$a` unless it is falsy (`getenv('X') ?: '+6 hours'`); `$c ? $a : $b`
            // is one of the two.
            "conditional_expression" => match (
                node.child_by_field_name("condition"),
                node.child_by_field_name("body"),
                node.child_by_field_name("alternative"),
            ) {
                (Some(condition), None, Some(alternative)) => ExprKind::Fallback(
                    vec![cx.expr(condition), cx.expr(alternative)],
                    crate::facts::Absence::Falsy,
                ),
                _ => ExprKind::Unknown,
            },
            "unary_op_expression" => match (
                node.child_by_field_name("operator").map(|o| cx.text(o)),
                node.child_by_field_name("argument")
                    .or_else(|| named_children(node).into_iter().last()),
            ) {
                (Some("-"), Some(arg)) => ExprKind::Neg(Box::new(cx.expr(arg))),
                (Some("+"), Some(arg)) => return cx.expr(arg),
                _ => ExprKind::Unknown,
            },
            "cast_expression" => {
                return node
                    .child_by_field_name("value")
                    .map_or(Expr::unknown(span), |v| cx.expr(v));
            }
            "parenthesized_expression" | "expression_statement" => {
                return named_children(node)
                    .into_iter()
                    .find(|c| c.kind() != "comment")
                    .map_or(Expr::unknown(span), |inner| cx.expr(inner));
            }
            _ => ExprKind::Unknown,
        };
        Expr { kind, span }
    }

    fn call(&self, node: Node<'_>, cx: &Lowering<'_>) -> Option<CallExpr> {
        let children = named_children(node);
        // `echo $a, $b;` and `print $a` are language constructs: calls of `echo`/`print`.
        if matches!(node.kind(), "echo_statement" | "print_intrinsic") {
            let keyword = node.child(0)?;
            let mut args = Vec::new();
            for c in children {
                let items = match c.kind() {
                    "sequence_expression" => named_children(c),
                    "comment" => continue,
                    _ => vec![c],
                };
                args.extend(items.into_iter().map(|value| Arg {
                    name: None,
                    value: cx.expr(value),
                }));
            }
            return Some(CallExpr {
                callee: Expr {
                    kind: ExprKind::Name(cx.text(keyword).to_ascii_lowercase()),
                    span: keyword.byte_range(),
                },
                args,
                is_new: false,
                span: node.byte_range(),
            });
        }
        let args = children
            .iter()
            .find(|c| c.kind() == "arguments")
            .map(|a| arguments(*a, cx))
            .unwrap_or_default();
        let (callee, is_new) = match node.kind() {
            "member_call_expression" | "nullsafe_member_call_expression" => {
                let object = node.child_by_field_name("object")?;
                let name = node
                    .child_by_field_name("name")
                    .filter(|n| n.kind() == "name")?;
                (member(cx.expr(object), cx.text(name), object, name), false)
            }
            "scoped_call_expression" => {
                let scope = node.child_by_field_name("scope")?;
                let name = node
                    .child_by_field_name("name")
                    .filter(|n| n.kind() == "name")?;
                (member(cx.expr(scope), cx.text(name), scope, name), false)
            }
            "function_call_expression" => (cx.expr(node.child_by_field_name("function")?), false),
            "object_creation_expression" => {
                // `new class { … }` names no class.
                let class = children.iter().find(|c| c.kind() != "arguments");
                let callee = match class {
                    Some(c) if c.kind() != "anonymous_class" => cx.expr(*c),
                    _ => Expr::unknown(node.start_byte()..node.start_byte()),
                };
                (callee, true)
            }
            _ => return None,
        };
        Some(CallExpr {
            callee,
            args,
            is_new,
            span: node.byte_range(),
        })
    }

    fn bindings(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<(String, Expr)> {
        match node.kind() {
            "assignment_expression" => assignment(node, cx, true),
            "augmented_assignment_expression" => assignment(node, cx, false),
            "const_element" => constant(node, cx),
            "property_element" => property(node, cx),
            _ => Vec::new(),
        }
    }

    fn parameters(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<String> {
        let Some(params) = node.child_by_field_name("parameters") else {
            return Vec::new();
        };
        named_children(params)
            .into_iter()
            .filter_map(|p| parameter_name(p, cx))
            .collect()
    }

    /// `$key`, `$ttl = '+7 days'`, `int $minutes = 60`, `&$x`, `...$rest` and promoted
    /// constructor properties, in order; PHP 8 callers may also pass them by name.
    fn params(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<Param> {
        let Some(params) = node.child_by_field_name("parameters") else {
            return Vec::new();
        };
        named_children(params)
            .into_iter()
            .filter(|p| {
                matches!(
                    p.kind(),
                    "simple_parameter" | "variadic_parameter" | "property_promotion_parameter"
                )
            })
            .enumerate()
            .filter_map(|(position, p)| {
                Some(Param {
                    name: parameter_name(p, cx)?,
                    position: Some(position),
                    field: None,
                    default: p.child_by_field_name("default_value").map(|d| cx.expr(d)),
                    rest: p.kind() == "variadic_parameter",
                })
            })
            .collect()
    }

    /// `UrlSigner $signer` of a parameter, `private UrlSigner $signer;` of a property, and a
    /// promoted constructor parameter, which is both.
    fn declared(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<Declared> {
        let Some(ty) = node.child_by_field_name("type").map(|t| cx.text(t)) else {
            return Vec::new();
        };
        let at = node.start_byte();
        match node.kind() {
            "simple_parameter" => parameter_name(node, cx)
                .map(|n| Declared::new(n, ty, false, at))
                .into_iter()
                .collect(),
            "property_promotion_parameter" => parameter_name(node, cx)
                .map(|n| [true, false].map(|field| Declared::new(n.clone(), ty, field, at)))
                .into_iter()
                .flatten()
                .collect(),
            _ => named_children(node)
                .into_iter()
                .filter(|e| e.kind() == "property_element")
                .filter_map(|e| named_children(e).into_iter().find_map(|v| variable(v, cx)))
                .map(|n| Declared::new(n, ty, true, at))
                .collect(),
        }
    }

    fn return_value<'t>(&self, node: Node<'t>) -> Option<Node<'t>> {
        match node.kind() {
            "return_statement" => named_children(node)
                .into_iter()
                .find(|c| c.kind() != "comment"),
            // `fn($k) => presign($k)`: the expression body is returned.
            "arrow_function" => node.child_by_field_name("body"),
            _ => None,
        }
    }

    fn imports(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<Import> {
        // `use Aws\S3\{S3Client, PostObjectV4 as Post};`
        let prefix = node
            .child_by_field_name("body")
            .and_then(|_| {
                named_children(node)
                    .into_iter()
                    .find(|c| c.kind() == "namespace_name")
            })
            .map(|p| cx.text(p).trim_start_matches('\\').to_string());
        let clauses: Vec<Node<'_>> = match node.child_by_field_name("body") {
            Some(group) => named_children(group),
            None => named_children(node),
        };
        clauses
            .into_iter()
            .filter(|c| c.kind() == "namespace_use_clause")
            .filter_map(|clause| {
                let alias = clause.child_by_field_name("alias");
                let target = named_children(clause).into_iter().find(|c| {
                    matches!(c.kind(), "qualified_name" | "name")
                        && Some(c.byte_range()) != alias.map(|a| a.byte_range())
                })?;
                let path = cx.text(target).trim_start_matches('\\');
                let full = match &prefix {
                    Some(p) => format!("{p}\\{path}"),
                    None => path.to_string(),
                };
                let (module, name) = match full.rsplit_once('\\') {
                    Some((m, n)) => (m.to_string(), n.to_string()),
                    None => (String::new(), full.clone()),
                };
                Some(Import {
                    module,
                    name: Some(name),
                    alias: alias.map(|a| cx.text(a).to_string()),
                })
            })
            .collect()
    }
}

/// The name a parameter binds, without its `$` (`&$x` and `...$rest` too).
fn parameter_name(p: Node<'_>, cx: &Lowering<'_>) -> Option<String> {
    let name = p.child_by_field_name("name")?;
    let name = if name.kind() == "by_ref" {
        named_children(name)
            .into_iter()
            .find(|c| c.kind() == "variable_name")?
    } else {
        name
    };
    variable(name, cx)
}

/// `$name` → `name` (`None` for `$$dynamic`).
fn variable(node: Node<'_>, cx: &Lowering<'_>) -> Option<String> {
    if node.kind() != "variable_name" {
        return None;
    }
    named_children(node)
        .into_iter()
        .find(|c| c.kind() == "name")
        .map(|n| cx.text(n).to_string())
}

fn member(object: Expr, name: &str, object_node: Node<'_>, name_node: Node<'_>) -> Expr {
    Expr {
        kind: ExprKind::Member(Box::new(object), name.to_string()),
        span: object_node.start_byte()..name_node.end_byte(),
    }
}

/// `$a['key']` / `$a["key"]` / `$a[3]`: the array and the key.
fn subscript<'t>(node: Node<'t>, cx: &Lowering<'_>) -> Option<(Node<'t>, String)> {
    let children = named_children(node);
    let object = *children.first()?;
    let key = children.get(1)?;
    let key = match key.kind() {
        "integer" => cx.text(*key).to_string(),
        "string" | "encapsed_string" => string(*key, cx)?,
        _ => return None,
    };
    Some((object, key))
}

/// Arguments with their PHP 8 `name:`; `...$args` is an unknown positional.
fn arguments(list: Node<'_>, cx: &Lowering<'_>) -> Vec<Arg> {
    named_children(list)
        .into_iter()
        .filter(|a| matches!(a.kind(), "argument" | "variadic_placeholder"))
        .map(|arg| {
            let name_node = arg.child_by_field_name("name");
            let value = named_children(arg)
                .into_iter()
                .rfind(|c| {
                    c.kind() != "comment"
                        && c.kind() != "reference_modifier"
                        && Some(c.byte_range()) != name_node.map(|n| n.byte_range())
                })
                .map_or(Expr::unknown(arg.byte_range()), |v| cx.expr(v));
            Arg {
                name: name_node.map(|n| cx.text(n).to_string()),
                value,
            }
        })
        .collect()
}

/// `['expires' => $t, …]` → object (its keyed elements); `[1, 2]` → array.
fn array(node: Node<'_>, cx: &Lowering<'_>) -> ExprKind {
    let elements: Vec<Node<'_>> = named_children(node)
        .into_iter()
        .filter(|c| c.kind() == "array_element_initializer")
        .collect();
    let keyed = |e: &Node<'_>| {
        let mut cursor = e.walk();
        e.children(&mut cursor).any(|c| c.kind() == "=>")
    };
    if !elements.is_empty() && !elements.iter().any(keyed) {
        return ExprKind::Array(
            elements
                .iter()
                .map(|e| {
                    named_children(*e)
                        .into_iter()
                        .next()
                        .map_or(Expr::unknown(e.byte_range()), |v| cx.expr(v))
                })
                .collect(),
        );
    }
    ExprKind::Object(
        elements
            .iter()
            .filter(|e| keyed(e))
            .filter_map(|e| {
                let children = named_children(*e);
                let (key, value) = (children.first()?, children.get(1)?);
                let key = match key.kind() {
                    "string" | "encapsed_string" => string(*key, cx)?,
                    "integer" => cx.text(*key).to_string(),
                    _ => return None,
                };
                Some(Field {
                    key,
                    value: cx.expr(*value),
                })
            })
            .collect(),
    )
}

fn binary(node: Node<'_>, cx: &Lowering<'_>) -> ExprKind {
    let (Some(operator), Some(l), Some(r)) = (
        node.child_by_field_name("operator").map(|o| cx.text(o)),
        node.child_by_field_name("left"),
        node.child_by_field_name("right"),
    ) else {
        return ExprKind::Unknown;
    };
    // `$a ?? $b`: a default, as in every language (see `Lowering::binary`).
    if matches!(operator, "??" | "?:" | "||" | "or") {
        return cx.binary(node);
    }
    let (left, right) = (cx.expr(l), cx.expr(r));
    let op = match operator {
        "+" => BinOp::Add,
        "-" => BinOp::Sub,
        "*" => BinOp::Mul,
        "/" => BinOp::Div,
        // String concatenation: the folder adds strings; numbers would be summed, not joined.
        "." => {
            let numeric = |e: &Expr| matches!(e.kind, ExprKind::Int(_) | ExprKind::Float(_));
            if numeric(&left) || numeric(&right) {
                return ExprKind::Unknown;
            }
            BinOp::Add
        }
        _ => return ExprKind::Unknown,
    };
    ExprKind::Binary(op, Box::new(left), Box::new(right))
}

/// The value of a string without interpolation: single-quoted (only `\'` and `\\` are
/// escapes), double-quoted, heredoc or nowdoc.
fn string(node: Node<'_>, cx: &Lowering<'_>) -> Option<String> {
    let single = node.kind() == "string" || node.kind() == "nowdoc";
    let mut value = String::new();
    let mut parts = Vec::new();
    for child in named_children(node) {
        match child.kind() {
            "heredoc_body" | "nowdoc_body" => parts.extend(named_children(child)),
            "heredoc_start" | "heredoc_end" => {}
            _ => parts.push(child),
        }
    }
    for part in parts {
        match part.kind() {
            "string_content" | "nowdoc_string" => value.push_str(cx.text(part)),
            "escape_sequence" if single => {
                let text = cx.text(part);
                match text {
                    "\\'" | "\\\\" => value.push_str(&text[1..]),
                    _ => value.push_str(text),
                }
            }
            "escape_sequence" => value.push_str(&unescape(cx.text(part))),
            "comment" => {}
            // Variables, `{$expr}`, member accesses: interpolated.
            _ => return None,
        }
    }
    Some(value)
}

/// A double-quoted string or heredoc with variables: the expressions it interpolates.
fn interpolated(node: Node<'_>, cx: &Lowering<'_>) -> ExprKind {
    let mut parts = Vec::new();
    for child in named_children(node) {
        match child.kind() {
            "heredoc_body" => parts.extend(named_children(child)),
            _ => parts.push(child),
        }
    }
    ExprKind::Interpolated(
        parts
            .into_iter()
            .filter(|p| {
                !matches!(
                    p.kind(),
                    "string_content"
                        | "nowdoc_string"
                        | "escape_sequence"
                        | "comment"
                        | "heredoc_start"
                        | "heredoc_end"
                )
            })
            .map(|p| cx.expr(p))
            .collect(),
    )
}

/// The name an assignment target binds: `ttl`, `this.ttl`, `opts.expires`, `self.ttl`.
fn target_name(left: Node<'_>, cx: &Lowering<'_>) -> Option<String> {
    match left.kind() {
        "variable_name" => variable(left, cx),
        "member_access_expression"
        | "subscript_expression"
        | "scoped_property_access_expression" => cx.expr(left).path().map(|p| p.join(".")),
        _ => None,
    }
}

/// `$x = v`, `$this->x = v`, `$opts['expires'] = v` (binds `opts.expires`, and `opts` to the
/// object built so far), `$x += v` (now unknown).
fn assignment(node: Node<'_>, cx: &Lowering<'_>, plain: bool) -> Vec<(String, Expr)> {
    let (Some(left), Some(right)) = (
        node.child_by_field_name("left"),
        node.child_by_field_name("right"),
    ) else {
        return Vec::new();
    };
    let Some(name) = target_name(left, cx) else {
        return Vec::new();
    };
    // `$x ??= v`: a default, kept as `v` (see `frontend::defaults`).
    let fills_in = node
        .child_by_field_name("operator")
        .is_some_and(|o| cx.text(o) == "??=");
    let value = if plain || fills_in {
        cx.expr(right)
    } else {
        Expr::unknown(right.byte_range())
    };
    let mut out = vec![(name, value.clone())];
    if let (true, Some((object, key))) = (plain, element_target(left, cx)) {
        let mut fields = vec![Field { key, value }];
        // When the search gave up before finding them all, the binding is left out: the
        // variable's previous binding is a better guess than a partial object.
        if merge_earlier_fields(node, &object, cx, &mut fields) {
            // An empty span: the object has no text of its own to show in a derivation;
            // each field keeps the span of the value that set it.
            out.push((
                object,
                Expr {
                    kind: ExprKind::Object(fields),
                    span: node.start_byte()..node.start_byte(),
                },
            ));
        }
    }
    out
}

/// `$v['key']` or `$v->key` on a plain variable: the variable and the key.
fn element_target(left: Node<'_>, cx: &Lowering<'_>) -> Option<(String, String)> {
    match left.kind() {
        "subscript_expression" => {
            let (object, key) = subscript(left, cx)?;
            Some((variable(object, cx)?, key))
        }
        "member_access_expression" => {
            let object = left.child_by_field_name("object")?;
            let name = left
                .child_by_field_name("name")
                .filter(|n| n.kind() == "name")?;
            let object = variable(object, cx).filter(|o| o != "this")?;
            Some((object, cx.text(name).to_string()))
        }
        _ => None,
    }
}

/// Adds the fields `object` was given before `assignment`: key assignments in the statements
/// before it (the latest wins) and the array literal it was assigned, searching outwards
/// through enclosing blocks up to the function.
fn merge_earlier_fields(
    assignment: Node<'_>,
    object: &str,
    cx: &Lowering<'_>,
    fields: &mut Vec<Field>,
) -> bool {
    let prefix = format!("${object}");
    let classify = |earlier: Node<'_>| {
        // A cheap textual test first: only `$object…` assignments matter.
        let assigns = cx
            .text(earlier)
            .strip_prefix(prefix.as_str())
            .is_some_and(|rest| {
                !rest
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_')
            });
        assigns.then(|| earlier_assignment(earlier, object, cx))
    };
    treesitter::merge_earlier_fields(assignment, fields, classify, |parent| {
        matches!(
            parent.kind(),
            "function_definition"
                | "method_declaration"
                | "anonymous_function"
                | "arrow_function"
                | "program"
                | "declaration_list"
        )
    })
}

/// What an earlier statement that starts with `$object` does to it.
fn earlier_assignment(statement: Node<'_>, object: &str, cx: &Lowering<'_>) -> Earlier {
    let Some((_, left, right)) = statement_assignment(statement) else {
        return Earlier::Unrelated;
    };
    if variable(left, cx).as_deref() == Some(object) {
        return match cx.expr(right).kind {
            ExprKind::Object(created) => Earlier::Created(created),
            _ => Earlier::Created(Vec::new()),
        };
    }
    match element_target(left, cx) {
        Some((target, key)) if target == object => Earlier::Set(Field {
            key,
            value: cx.expr(right),
        }),
        _ => Earlier::Unrelated,
    }
}

/// `const TTL = 5;` (in a class also `self.TTL`, `static.TTL`, `Class.TTL`).
fn constant(node: Node<'_>, cx: &Lowering<'_>) -> Vec<(String, Expr)> {
    let children = named_children(node);
    let (Some(name), Some(value)) = (
        children.iter().find(|c| c.kind() == "name"),
        children
            .iter()
            .rfind(|c| c.kind() != "name" && c.kind() != "comment"),
    ) else {
        return Vec::new();
    };
    let name = cx.text(*name).to_string();
    let value = cx.expr(*value);
    let mut out = Vec::new();
    if let Some(class) = node.parent().and_then(|d| enclosing_class(d, cx)) {
        for scope in ["self", "static", class.as_str()] {
            out.push((format!("{scope}.{name}"), value.clone()));
        }
    }
    out.push((name, value));
    out
}

/// `private $expiry = '+1 hour';` binds `this.expiry` (and `self.expiry`, `static.expiry`).
fn property(node: Node<'_>, cx: &Lowering<'_>) -> Vec<(String, Expr)> {
    let (Some(name), Some(value)) = (
        node.child_by_field_name("name")
            .and_then(|n| variable(n, cx)),
        node.child_by_field_name("default_value"),
    ) else {
        return Vec::new();
    };
    let value = cx.expr(value);
    ["this", "self", "static"]
        .into_iter()
        .map(|scope| (format!("{scope}.{name}"), value.clone()))
        .collect()
}

/// The name of the class a member declaration is in.
fn enclosing_class(declaration: Node<'_>, cx: &Lowering<'_>) -> Option<String> {
    let list = declaration.parent()?;
    let class = list.parent()?;
    (list.kind() == "declaration_list"
        && matches!(
            class.kind(),
            "class_declaration"
                | "interface_declaration"
                | "trait_declaration"
                | "enum_declaration"
        ))
    .then(|| class.child_by_field_name("name"))
    .flatten()
    .map(|n| cx.text(n).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::LoopKind;
    use crate::facts::SyntaxFacts;

    use crate::frontend::Language;

    fn facts(src: &str) -> SyntaxFacts {
        crate::frontend::test_support::facts(Language::Php, src)
    }

    use crate::frontend::test_support::call;

    fn kind(e: Option<&Expr>) -> String {
        e.map_or("-".to_string(), |e| format!("{:?}", e.kind))
    }

    #[test]
    fn presign_calls_and_their_arguments() {
        let src = "<?php\n$req = $s3->createPresignedRequest($cmd, '+20 minutes');\n$r = $this->s3?->createPresignedRequest($cmd, new \\DateTime('+8 days'), expires: 3);\n$p = new Aws\\S3\\PostObjectV4($client, $bucket, $inputs, $options, \"+2 hours\");\n$i = $s3->createPresignedRequest($cmd, \"+{$minutes} minutes\");\n";
        let f = facts(src);
        let presign = call(&f, "createPresignedRequest");
        assert_eq!(presign.receiver().and_then(|r| r.path()), Some(vec!["s3"]));
        assert_eq!(kind(presign.positional(0)), "Name(\"cmd\")");
        assert_eq!(kind(presign.positional(1)), "Str(\"+20 minutes\")");
        let nullsafe = &f
            .calls
            .iter()
            .filter(|c| c.call.name() == Some("createPresignedRequest"))
            .nth(1)
            .expect("second")
            .call;
        assert_eq!(
            nullsafe.receiver().and_then(|r| r.path()),
            Some(vec!["this", "s3"])
        );
        let date = nullsafe
            .positional(1)
            .and_then(Expr::as_call)
            .expect("new DateTime");
        assert!(date.is_new);
        assert_eq!(date.name(), Some("DateTime"));
        assert_eq!(kind(nullsafe.keyword("expires")), "Int(3)");
        let post = call(&f, "PostObjectV4");
        assert!(post.is_new && post.receiver().is_none());
        assert_eq!(kind(post.positional(4)), "Str(\"+2 hours\")");
        let interpolated = &f
            .calls
            .iter()
            .filter(|c| c.call.name() == Some("createPresignedRequest"))
            .nth(2)
            .expect("third")
            .call;
        assert!(
            kind(interpolated.positional(1))
                .starts_with("Interpolated([Expr { kind: Name(\"minutes\")"),
            "{}",
            kind(interpolated.positional(1))
        );
        assert!(f.bindings.iter().any(|b| b.name == "req"));
    }

    #[test]
    fn keyed_arrays_are_objects_and_strings_decode() {
        let src = "<?php\n$u = $cf->getSignedUrl(['url' => $u, 'expires' => time() + 86400 * 30, 0 => -5]);\n$a = [1, 2];\n$s = 'it\\'s \\n';\n$d = \"tab\\t\";\n$c = 'a' . 'b';\n$n = 1 . 2;\n";
        let f = facts(src);
        let cf = call(&f, "getSignedUrl");
        let options = cf.positional(0).expect("array");
        assert!(kind(options.field("expires")).starts_with("Binary(Add"));
        assert!(kind(options.field("0")).starts_with("Neg(Expr { kind: Int(5)"));
        let value = |name: &str| kind(f.bindings.iter().find(|b| b.name == name).map(|b| &b.value));
        assert!(value("a").starts_with("Array(["));
        assert_eq!(value("s"), "Str(\"it's \\\\n\")");
        assert_eq!(value("d"), "Str(\"tab\\t\")");
        assert!(value("c").starts_with("Binary(Add"));
        assert_eq!(value("n"), "Unknown");
    }

    #[test]
    fn bindings_constants_properties_and_arrays_filled_in_steps() {
        let src = "<?php\nclass S {\n const TTL = '+2 hours';\n private $expiry = 900;\n function f($cmd, $ttl = 5) {\n  $opts = ['url' => $u, 'expires' => time() + 60];\n  $opts['expires'] = time() + 7200;\n  $opts['key_pair_id'] = $k;\n  $this->ttl = 3;\n  $n += 1;\n  return $cf->getSignedUrl($opts);\n }\n}\n";
        let f = facts(src);
        let names: Vec<&str> = f.bindings.iter().map(|b| b.name.as_str()).collect();
        for name in [
            "TTL",
            "self.TTL",
            "S.TTL",
            "this.expiry",
            "cmd",
            "ttl",
            "opts.expires",
            "this.ttl",
            "n",
        ] {
            assert!(names.contains(&name), "{name} in {names:?}");
        }
        let at = src.find("return").expect("return");
        let opts = f.lookup("opts", at, Some(0)).expect("opts");
        let expires = opts.value.field("expires").expect("expires");
        assert_eq!(&src[expires.span.clone()], "time() + 7200");
        assert!(opts.value.field("url").is_some());
        assert!(opts.value.field("key_pair_id").is_some());
    }

    #[test]
    fn functions_loops_imports() {
        let src = "<?php\nuse Aws\\S3\\PostObjectV4;\nuse Aws\\CloudFront\\{UrlSigner, CookieSigner as Cookies};\nforeach ($keys as $k) { $s3->createPresignedRequest($cmd, '+1 hour'); }\n$g = function ($x) use ($y) { return fn($z) => $z; };\nclass M { public function createPresignedRequest($cmd, $expires) {} }\n";
        let f = facts(src);
        assert_eq!(f.imports.len(), 3);
        assert_eq!(f.imports[0].module, "Aws\\S3");
        assert_eq!(f.imports[0].name.as_deref(), Some("PostObjectV4"));
        assert_eq!(f.imports[2].alias.as_deref(), Some("Cookies"));
        assert!(matches!(
            f.calls[0].enclosing_loop,
            Some((LoopKind::For, _))
        ));
        assert_eq!(f.functions.len(), 3);
        // A method *definition* named like the SDK's is not a call.
        assert_eq!(f.calls.len(), 1);
    }

    fn summary(f: &crate::facts::Function) -> Vec<String> {
        f.params
            .iter()
            .map(|p| {
                format!(
                    "{} {:?} {} {}",
                    p.name,
                    p.position,
                    kind(p.default.as_ref()),
                    if p.rest { "rest" } else { "-" }
                )
            })
            .collect()
    }

    #[test]
    fn params_defaults_and_returns() {
        let src = "<?php\nfunction sign($key, $ttl = '+7 days', int $minutes = 60, /* c */ &$x, ?int $n = -5, ...$rest) {\n  return $s3->createPresignedRequest($cmd, $ttl);\n}\nclass C {\n  public function __construct(private int $t = self::TTL, string &...$more) {}\n  public function m(array $o = ['expires' => 60]) { return; }\n}\n$f = fn($k) => presign($k);\n$g = function ($x) use ($y) { return /* c */ $x; };\n";
        let f = facts(src);
        assert_eq!(f.functions.len(), 5);
        assert_eq!(f.functions[0].name.as_deref(), Some("sign"));
        let sign = summary(&f.functions[0]);
        assert_eq!(
            sign[..4],
            [
                "key Some(0) - -",
                "ttl Some(1) Str(\"+7 days\") -",
                "minutes Some(2) Int(60) -",
                "x Some(3) - -",
            ]
        );
        assert!(
            sign[4].starts_with("n Some(4) Neg(Expr { kind: Int(5)"),
            "{sign:?}"
        );
        assert_eq!(sign[5], "rest Some(5) - rest");
        assert_eq!(sign.len(), 6);
        let construct = summary(&f.functions[1]);
        assert!(
            construct[0].starts_with("t Some(0) Member("),
            "{construct:?}"
        );
        assert_eq!(construct[1], "more Some(1) - rest");
        assert!(summary(&f.functions[2])[0].starts_with("o Some(0) Object(["));
        assert_eq!(summary(&f.functions[3]), ["k Some(0) - -"]);
        assert_eq!(f.functions[3].name.as_deref(), Some("f"));
        // The parameters stay bindings, named without `$`.
        assert!(
            f.bindings
                .iter()
                .any(|b| b.name == "rest" && b.is_parameter())
        );

        let returns: Vec<(Option<usize>, String)> = f
            .returns
            .iter()
            .map(|r| (r.function, src[r.value.span.clone()].to_string()))
            .collect();
        assert_eq!(
            returns,
            [
                (
                    Some(0),
                    "$s3->createPresignedRequest($cmd, $ttl)".to_string()
                ),
                (Some(3), "presign($k)".to_string()),
                (Some(4), "$x".to_string()),
            ]
        );
        assert_eq!(
            f.returns[1].value.as_call().and_then(CallExpr::name),
            Some("presign")
        );
        assert_eq!(kind(Some(&f.returns[2].value)), "Name(\"x\")");
    }
}
