//! Scala (tree-sitter-scala): calls (curried argument lists flattened into one call, named
//! arguments, a block argument `xs.foreach { k => … }`), `new` instances, `val`/`var`
//! definitions (members of a class or `object` also bound as `Owner.name` and `this.name`),
//! assignments (compound ones fold as `x = x op y` outside loops), imports (wildcards and
//! selectors), `for`/`while` loops, methods and lambdas, and a method's implicit return (the
//! last expression of its body).
//!
//! Scala code presigns with the Java SDKs, so its catalog rows are the Java ones
//! (`also_in = ["scala"]` in `catalog/java.toml`); `scala.concurrent.duration` values
//! (`7.days`, `Duration(7, TimeUnit.DAYS)`) are folded by `src/eval.rs`.

use tree_sitter::Node;

use super::syntax::{Grammar, Lowering, Role, Scope, binop, names_a_type};
use super::treesitter::{named_children, parse_int, unescape};
use crate::facts::{Arg, CallExpr, Expr, ExprKind, Import, Param};

pub struct Scala;

/// Most argument lists of one curried call read together (`f(a)(b)(c)…`): as many as the
/// walk descends, so no list it visits is lost; the inner calls are not lowered again.
const MAX_ARGUMENT_LISTS: usize = super::treesitter::MAX_DEPTH;

impl Grammar for Scala {
    fn scanner_bounded(&self, text: &str) -> bool {
        super::treesitter::scala_long_line_cost(text) <= super::treesitter::MAX_SCALA_LONG_LINE_COST
    }

    fn role(&self, node: Node<'_>, parent: Option<Node<'_>>, cx: &Lowering<'_>) -> Role {
        // `f(a)(b)`: the inner `f(a)` is lowered with the outer call (see `call`).
        let is_field_of_parent_call = |field: &str| {
            parent.is_some_and(|p| {
                p.kind() == "call_expression"
                    && p.child_by_field_name(field)
                        .is_some_and(|f| f.id() == node.id())
            })
        };
        match node.kind() {
            "call_expression" if is_field_of_parent_call("function") => Role::Other,
            // `f(name = v)`: a named argument, not an assignment.
            "assignment_expression" if parent.is_some_and(|p| p.kind() == "arguments") => {
                Role::Other
            }
            "infix_expression" if compound_operator(node).is_some() => Role::Binding,
            // A case block given as an argument (`xs.map { case (k, n) => … }`) is a partial
            // function; a `match`'s case block is code of its own function.
            "case_block" if is_field_of_parent_call("arguments") => Role::Function,
            // `for { r <- Try(…).toEither; url <- … } yield url`: sequencing, run once.
            "for_expression" if sequences_a_monad(node, parent, cx) => Role::Other,
            _ => cx.kinds().role(node),
        }
    }

    fn expr(&self, node: Node<'_>, cx: &Lowering<'_>) -> Expr {
        let span = node.byte_range();
        let kind = match node.kind() {
            "integer_literal" => parse_int(cx.text(node)).map_or(ExprKind::Unknown, ExprKind::Int),
            "floating_point_literal" => {
                float(cx.text(node)).map_or(ExprKind::Unknown, ExprKind::Float)
            }
            "string" => ExprKind::Str(string(node, cx)),
            "interpolated_string_expression" => {
                let parts = interpolations(node, cx);
                match node.child_by_field_name("interpolator").map(|i| cx.text(i)) {
                    // `s"plain"`, `f"plain"`: no interpolation, the text itself.
                    Some("s" | "f" | "raw") if parts.is_empty() => named_children(node)
                        .into_iter()
                        .find(|c| c.kind() == "interpolated_string")
                        .map_or(ExprKind::Unknown, |s| ExprKind::Str(string(s, cx))),
                    _ => ExprKind::Interpolated(parts),
                }
            }
            "boolean_literal" => ExprKind::Bool(cx.text(node) == "true"),
            "null_literal" => ExprKind::Null,
            "identifier" | "type_identifier" | "operator_identifier" => {
                ExprKind::Name(cx.text(node).to_string())
            }
            "this" => ExprKind::Name("this".to_string()),
            "field_expression" => match (
                node.child_by_field_name("value"),
                node.child_by_field_name("field"),
            ) {
                (Some(object), Some(field)) => {
                    ExprKind::Member(Box::new(cx.expr(object)), cx.text(field).to_string())
                }
                _ => ExprKind::Unknown,
            },
            // `java.util.Date` in `new java.util.Date(…)`, `a.b.C` in a type.
            "stable_type_identifier" | "stable_identifier" => {
                return dotted(node, cx).unwrap_or(Expr::unknown(span));
            }
            "generic_type" | "generic_function" => {
                return node
                    .child_by_field_name("type")
                    .or_else(|| node.child_by_field_name("function"))
                    .or_else(|| named_children(node).first().copied())
                    .map_or(Expr::unknown(span.clone()), |t| cx.expr(t));
            }
            "call_expression" | "instance_expression" => cx
                .call(node)
                .map_or(ExprKind::Unknown, |c| ExprKind::Call(Box::new(c))),
            "infix_expression" => return infix(node, cx),
            // `7 days` (postfix operators): the same as `7.days`.
            "postfix_expression" => {
                let parts = named_children(node);
                match parts.as_slice() {
                    [object, field] if field.kind() == "identifier" => {
                        ExprKind::Member(Box::new(cx.expr(*object)), cx.text(*field).to_string())
                    }
                    _ => ExprKind::Unknown,
                }
            }
            "prefix_expression" => {
                let operand = named_children(node).into_iter().find(|c| !is_comment(*c));
                let op = node.child(0).map(|o| cx.text(o));
                match (op, operand) {
                    (Some("-"), Some(arg)) => ExprKind::Neg(Box::new(cx.expr(arg))),
                    (Some("+"), Some(arg)) => return cx.expr(arg),
                    _ => ExprKind::Unknown,
                }
            }
            "parenthesized_expression" => {
                return named_children(node)
                    .into_iter()
                    .find(|c| !is_comment(*c))
                    .map_or(Expr::unknown(span), |inner| cx.expr(inner));
            }
            // `x: Long`, `x.asInstanceOf[Long]` keeps the value.
            "ascription_expression" => {
                return named_children(node)
                    .first()
                    .map_or(Expr::unknown(span.clone()), |inner| cx.expr(*inner));
            }
            "lambda_expression" => return lambda_body(node, cx),
            "block" | "indented_block" => return block(node, cx),
            _ => ExprKind::Unknown,
        };
        Expr { kind, span }
    }

    fn call(&self, node: Node<'_>, cx: &Lowering<'_>) -> Option<CallExpr> {
        if node.kind() == "instance_expression" {
            // `new T(args)`; `new T { … }` (an anonymous class) has no arguments.
            let ty = named_children(node).into_iter().find(|c| {
                matches!(
                    c.kind(),
                    "type_identifier" | "stable_type_identifier" | "generic_type"
                )
            })?;
            let args = node
                .child_by_field_name("arguments")
                .map(|a| arguments(a, cx))
                .unwrap_or_default();
            return Some(CallExpr {
                callee: cx.expr(ty),
                args,
                is_new: true,
                span: node.byte_range(),
            });
        }
        // `f(a)(b)`: one call with the argument lists in order.
        let mut lists = Vec::new();
        let mut current = node;
        let function = loop {
            if let Some(a) = current.child_by_field_name("arguments") {
                lists.push(a);
            }
            let function = current.child_by_field_name("function")?;
            if function.kind() == "call_expression" && lists.len() < MAX_ARGUMENT_LISTS {
                current = function;
            } else {
                break function;
            }
        };
        let mut args = Vec::new();
        for list in lists.into_iter().rev() {
            args.extend(arguments(list, cx));
        }
        let function = match function.kind() {
            "generic_function" => function.child_by_field_name("function").unwrap_or(function),
            _ => function,
        };
        let callee = cx.expr(function);
        // A companion's `apply` constructs too (`Duration.apply(…)`).
        let is_new =
            names_a_type(&callee) || matches!(&callee.kind, ExprKind::Member(_, n) if n == "apply");
        Some(CallExpr {
            callee,
            args,
            is_new,
            span: node.byte_range(),
        })
    }

    fn bindings(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<(String, Expr)> {
        match node.kind() {
            "val_definition" | "var_definition" => definition(node, cx),
            "assignment_expression" => assignment(node, cx).into_iter().collect(),
            "infix_expression" => compound(node, cx).into_iter().collect(),
            _ => Vec::new(),
        }
    }

    fn parameters(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<String> {
        self.params(node, cx).into_iter().map(|p| p.name).collect()
    }

    /// A method's parameter lists in order (`def f(a: Int)(b: Int)` takes `a` then `b`, as a
    /// curried call is flattened), with defaults; a lambda's `k =>`, `(a, b) =>`.
    fn params(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<Param> {
        let mut out = Vec::new();
        let mut position = 0;
        let mut push = |name: &str, default: Option<Expr>, rest: bool| {
            if name != "_" {
                out.push(Param {
                    default,
                    rest,
                    ..Param::positional(name, position)
                });
            }
            position += 1;
        };
        match node.kind() {
            // A partial function's cases bind the names of their patterns.
            "case_block" => {
                for clause in named_children(node) {
                    if let Some(pattern) = clause.child_by_field_name("pattern") {
                        for name in pattern_names(pattern) {
                            push(cx.text(name), None, false);
                        }
                    }
                }
            }
            "function_definition" => {
                let mut cursor = node.walk();
                let lists: Vec<Node<'_>> = node
                    .children_by_field_name("parameters", &mut cursor)
                    .collect();
                for list in lists {
                    for p in named_children(list) {
                        if p.kind() != "parameter" {
                            continue;
                        }
                        let Some(name) = p.child_by_field_name("name") else {
                            continue;
                        };
                        let rest = p
                            .child_by_field_name("type")
                            .is_some_and(|t| t.kind() == "repeated_parameter_type");
                        let default = p.child_by_field_name("default_value").map(|d| cx.expr(d));
                        push(cx.text(name), default, rest);
                    }
                }
            }
            "lambda_expression" => {
                if let Some(params) = node.child_by_field_name("parameters") {
                    match params.kind() {
                        "identifier" | "wildcard" => push(cx.text(params), None, false),
                        _ => {
                            for b in named_children(params) {
                                let name = match b.kind() {
                                    "identifier" => Some(b),
                                    _ => b
                                        .child_by_field_name("name")
                                        .or_else(|| named_children(b).first().copied()),
                                };
                                if let Some(name) = name {
                                    push(cx.text(name), None, false);
                                }
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        out
    }

    /// `return x`, a method's expression body or the last expression of its block body, a
    /// lambda's body.
    fn return_value<'t>(&self, node: Node<'t>) -> Option<Node<'t>> {
        match node.kind() {
            "return_expression" => named_children(node).into_iter().find(|c| !is_comment(*c)),
            "function_definition" => node.child_by_field_name("body").and_then(last_expression),
            "lambda_expression" => lambda_body_node(node).and_then(last_expression),
            _ => None,
        }
    }

    fn imports(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<Import> {
        let mut cursor = node.walk();
        let path: Vec<&str> = node
            .children_by_field_name("path", &mut cursor)
            .filter(|c| c.kind() == "identifier")
            .map(|c| cx.text(c))
            .collect();
        let full = path.join(".");
        if full.is_empty() {
            return Vec::new();
        }
        let children = named_children(node);
        if children.iter().any(|c| c.kind() == "namespace_wildcard") {
            return vec![Import {
                module: full,
                name: None,
                alias: None,
            }];
        }
        if let Some(selectors) = children.iter().find(|c| c.kind() == "namespace_selectors") {
            let mut out = Vec::new();
            for s in named_children(*selectors) {
                match s.kind() {
                    "identifier" => out.push(Import {
                        module: full.clone(),
                        name: Some(cx.text(s).to_string()),
                        alias: None,
                    }),
                    // `{Links => L}`
                    "arrow_renamed_identifier" | "as_renamed_identifier" => {
                        let (name, alias) = (
                            s.child_by_field_name("name"),
                            s.child_by_field_name("alias"),
                        );
                        if let Some(name) = name {
                            out.push(Import {
                                module: full.clone(),
                                name: Some(cx.text(name).to_string()),
                                alias: alias.map(|a| cx.text(a).to_string()).filter(|a| a != "_"),
                            });
                        }
                    }
                    "namespace_wildcard" => out.push(Import {
                        module: full.clone(),
                        name: None,
                        alias: None,
                    }),
                    _ => {}
                }
            }
            return out;
        }
        match full.rsplit_once('.') {
            Some((module, name)) => vec![Import {
                module: module.to_string(),
                name: Some(name.to_string()),
                alias: None,
            }],
            None => vec![Import {
                module: full,
                name: None,
                alias: None,
            }],
        }
    }

    /// A block argument (`xs.foreach { k => … }`) passes a callback method's loop on to its
    /// lambda, as an argument list does.
    fn wraps_callback(&self, node: Node<'_>) -> bool {
        super::syntax::is_wrapper(node) || matches!(node.kind(), "block" | "indented_block")
    }
}

/// The names a case pattern binds (`(key, n)`, `Some(k)`, `k: String`), in order; at most
/// a few dozen, and never the constructor a pattern names.
fn pattern_names(pattern: Node<'_>) -> Vec<Node<'_>> {
    let mut out = Vec::new();
    let mut stack = vec![pattern];
    while let Some(node) = stack.pop() {
        if out.len() >= 64 || stack.len() > 256 {
            break;
        }
        match node.kind() {
            "identifier" => out.push(node),
            "case_class_pattern" => {
                let mut cursor = node.walk();
                let args: Vec<Node<'_>> = node
                    .children_by_field_name("pattern", &mut cursor)
                    .collect();
                stack.extend(args.into_iter().rev());
            }
            "typed_pattern" => stack.extend(node.child_by_field_name("pattern")),
            _ => stack.extend(named_children(node).into_iter().rev()),
        }
    }
    out
}

fn is_comment(node: Node<'_>) -> bool {
    matches!(node.kind(), "comment" | "block_comment")
}

/// `2.5`, `1e3`, `2.5f`, `1_000.0d`.
fn float(literal: &str) -> Option<f64> {
    let cleaned: String = literal.chars().filter(|c| *c != '_').collect();
    cleaned.trim_end_matches(['f', 'F', 'd', 'D']).parse().ok()
}

/// The decoded text of a string literal: `"…"` with escapes, `"""…"""` raw.
fn string(node: Node<'_>, cx: &Lowering<'_>) -> String {
    let text = cx.text(node);
    let body = text.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_');
    if let Some(raw) = body
        .strip_prefix("\"\"\"")
        .map(|b| b.strip_suffix("\"\"\"").unwrap_or(b))
    {
        return raw.to_string();
    }
    let inner = body.strip_prefix('"').unwrap_or(body);
    let inner = inner.strip_suffix('"').unwrap_or(inner);
    unescape(inner)
}

/// The expressions an interpolated string reads: `$name` and `${expr}`.
fn interpolations(node: Node<'_>, cx: &Lowering<'_>) -> Vec<Expr> {
    let Some(string) = named_children(node)
        .into_iter()
        .find(|c| c.kind() == "interpolated_string")
    else {
        return Vec::new();
    };
    named_children(string)
        .into_iter()
        .filter(|c| c.kind() == "interpolation")
        .filter_map(|c| named_children(c).first().map(|e| cx.expr(*e)))
        .collect()
}

/// `a.b.C` as a member chain.
fn dotted(node: Node<'_>, cx: &Lowering<'_>) -> Option<Expr> {
    let parts = named_children(node);
    let (last, init) = parts.split_last()?;
    let object = match init {
        [] => return Some(cx.expr(*last)),
        [single] => cx.expr(*single),
        _ => init
            .iter()
            .skip(1)
            .fold(cx.expr(init[0]), |object, part| Expr {
                span: object.span.start..part.end_byte(),
                kind: ExprKind::Member(Box::new(object), cx.text(*part).to_string()),
            }),
    };
    Some(Expr {
        kind: ExprKind::Member(Box::new(object), cx.text(*last).to_string()),
        span: node.byte_range(),
    })
}

/// The body of a lambda: its last named child that is not its parameters.
fn lambda_body_node(node: Node<'_>) -> Option<Node<'_>> {
    let params = node.child_by_field_name("parameters").map(|p| p.id());
    named_children(node)
        .into_iter()
        .rev()
        .find(|c| Some(c.id()) != params && !is_comment(*c))
}

fn lambda_body(node: Node<'_>, cx: &Lowering<'_>) -> Expr {
    lambda_body_node(node).map_or(Expr::unknown(node.byte_range()), |b| cx.expr(b))
}

/// The value a body ends with: the last expression of a block (not a definition).
fn last_expression(body: Node<'_>) -> Option<Node<'_>> {
    if !matches!(body.kind(), "block" | "indented_block") {
        return Some(body);
    }
    let last = named_children(body)
        .into_iter()
        .rev()
        .find(|c| !is_comment(*c))?;
    let statement = last.kind().ends_with("_definition")
        || last.kind().ends_with("_declaration")
        || matches!(
            last.kind(),
            "assignment_expression" | "return_expression" | "lambda_expression"
        );
    (!statement).then_some(last)
}

/// A block: its one expression, a lambda (`{ k => … }`), or a holder call over its
/// expressions (a builder-chain search looks into it).
fn block(node: Node<'_>, cx: &Lowering<'_>) -> Expr {
    let statements: Vec<Node<'_>> = named_children(node)
        .into_iter()
        .filter(|c| !is_comment(*c))
        .collect();
    let mut exprs: Vec<Expr> = statements
        .iter()
        .filter(|s| !(s.kind().ends_with("_definition") || s.kind().ends_with("_declaration")))
        .map(|s| cx.expr(*s))
        .collect();
    if exprs.len() == 1 {
        return exprs.remove(0);
    }
    Expr::holding(node.byte_range(), exprs)
}

/// Most operands of one infix chain re-associated; a longer chain is unknown.
const MAX_INFIX_OPERANDS: usize = 256;

/// An infix chain by Scala's precedence. The grammar nests every operator to the left
/// (`now + 3600 * 1000` reads as `(now + 3600) * 1000`), so the chain is flattened (not
/// through parentheses) and rebuilt: `* / %` bind tighter than `+ -`, which bind tighter than
/// the rest (comparisons, `::`, alphanumeric operators, whose results are unknown).
fn infix(node: Node<'_>, cx: &Lowering<'_>) -> Expr {
    let span = node.byte_range();
    let mut values: Vec<Node<'_>> = Vec::new();
    let mut ops: Vec<&str> = Vec::new();
    // In-order walk of the nested infix expressions, with an explicit stack: a node to
    // expand, or an operator (`true`).
    let mut stack = vec![(node, false)];
    while let Some((n, is_op)) = stack.pop() {
        if values.len() > MAX_INFIX_OPERANDS {
            return Expr::unknown(span);
        }
        if is_op {
            ops.push(cx.text(n));
            continue;
        }
        if n.kind() != "infix_expression" {
            values.push(n);
            continue;
        }
        let (Some(l), Some(o), Some(r)) = (
            n.child_by_field_name("left"),
            n.child_by_field_name("operator"),
            n.child_by_field_name("right"),
        ) else {
            return Expr::unknown(span);
        };
        stack.push((r, false));
        stack.push((o, true));
        stack.push((l, false));
    }
    if values.len() != ops.len() + 1 {
        return Expr::unknown(span);
    }
    let precedence = |op: &str| match op.chars().next() {
        Some('*' | '/' | '%') => 3,
        Some('+' | '-') => 2,
        _ => 1,
    };
    let combine = |l: Expr, op: &str, r: Expr| {
        let span = l.span.start.min(r.span.start)..l.span.end.max(r.span.end);
        let kind = match binop(op) {
            Some(op) => ExprKind::Binary(op, Box::new(l), Box::new(r)),
            None => ExprKind::Unknown,
        };
        Expr { kind, span }
    };
    // Shunting-yard over the flat chain.
    let mut out: Vec<Expr> = Vec::new();
    let mut pending: Vec<&str> = Vec::new();
    let mut values = values.into_iter();
    if let Some(first) = values.next() {
        out.push(cx.expr(first));
    }
    for (op, value) in ops.into_iter().zip(values) {
        while let Some(top) = pending.last().copied() {
            if precedence(top) < precedence(op) {
                break;
            }
            pending.pop();
            let (Some(r), Some(l)) = (out.pop(), out.pop()) else {
                return Expr::unknown(span);
            };
            out.push(combine(l, top, r));
        }
        pending.push(op);
        out.push(cx.expr(value));
    }
    while let Some(top) = pending.pop() {
        let (Some(r), Some(l)) = (out.pop(), out.pop()) else {
            return Expr::unknown(span);
        };
        out.push(combine(l, top, r));
    }
    match (out.pop(), out.is_empty()) {
        (Some(mut e), true) => {
            e.span = span;
            e
        }
        _ => Expr::unknown(span),
    }
}

/// An argument list (or a block argument): named arguments `name = v` keep their name.
fn arguments(list: Node<'_>, cx: &Lowering<'_>) -> Vec<Arg> {
    if matches!(list.kind(), "block" | "indented_block" | "case_block") {
        return vec![Arg {
            name: None,
            value: cx.expr(list),
        }];
    }
    named_children(list)
        .into_iter()
        .filter(|a| !is_comment(*a))
        .map(|a| {
            match (
                a.kind(),
                a.child_by_field_name("left"),
                a.child_by_field_name("right"),
            ) {
                ("assignment_expression", Some(left), Some(right))
                    if left.kind() == "identifier" =>
                {
                    Arg {
                        name: Some(cx.text(left).to_string()),
                        value: cx.expr(right),
                    }
                }
                _ => Arg {
                    name: None,
                    value: cx.expr(a),
                },
            }
        })
        .collect()
}

/// `val x = v`, `var x = v`; in a class, trait or object also `Owner.x` and `this.x`. A
/// member `var` can change anywhere: unknown. A pattern (`val (a, b) = …`) binds unknowns.
fn definition(node: Node<'_>, cx: &Lowering<'_>) -> Vec<(String, Expr)> {
    let Some(pattern) = node.child_by_field_name("pattern") else {
        return Vec::new();
    };
    let owner = match &cx.scope(node) {
        Some(Scope::Class(name)) => Some(name.clone().and_then(|n| cx.source.get(n))),
        None => Some(None),
        Some(_) => None,
    };
    let is_var = node.kind() == "var_definition";
    let value = match node.child_by_field_name("value") {
        Some(v) if !(is_var && owner.is_some()) => cx.expr(v),
        _ => Expr::unknown(pattern.byte_range()),
    };
    if pattern.kind() != "identifier" {
        let mut out = Vec::new();
        collect_identifiers(pattern, cx, &mut out, 0);
        return out;
    }
    let name = cx.text(pattern).to_string();
    let mut out = Vec::new();
    if let Some(owner) = owner {
        if let Some(owner) = owner {
            out.push((format!("{owner}.{name}"), value.clone()));
        }
        out.push((format!("this.{name}"), value.clone()));
    }
    out.push((name, value));
    out
}

/// Every identifier a pattern binds, as unknowns.
fn collect_identifiers(
    node: Node<'_>,
    cx: &Lowering<'_>,
    out: &mut Vec<(String, Expr)>,
    depth: usize,
) {
    if depth > 32 {
        return;
    }
    if node.kind() == "identifier" {
        out.push((cx.text(node).to_string(), Expr::unknown(node.byte_range())));
        return;
    }
    for c in named_children(node) {
        collect_identifiers(c, cx, out, depth + 1);
    }
}

/// `x = v`, `this.x = v`.
fn assignment(node: Node<'_>, cx: &Lowering<'_>) -> Option<(String, Expr)> {
    let left = node.child_by_field_name("left")?;
    let right = node.child_by_field_name("right")?;
    let name = cx.expr(left).path()?.join(".");
    Some((name, cx.expr(right)))
}

/// The operator of what may be `x += v` (an infix expression with a two-character
/// operator: `bindings` keeps only `+=`, `-=`, `*=`, `/=`).
fn compound_operator(node: Node<'_>) -> Option<Node<'_>> {
    if node.kind() != "infix_expression" {
        return None;
    }
    node.child_by_field_name("operator")
        .filter(|o| o.end_byte().saturating_sub(o.start_byte()) == 2)
}

/// `x += v` binds `x + v` (the `x` read is the previous binding), or an unknown value inside
/// a loop or for other operators.
fn compound(node: Node<'_>, cx: &Lowering<'_>) -> Option<(String, Expr)> {
    let op = cx.text(node.child_by_field_name("operator")?);
    // Only arithmetic compound operators bind: `x ++= ys` is no assignment of a number.
    op.strip_suffix('=')
        .filter(|o| !o.is_empty())
        .and_then(binop)?;
    let left = node.child_by_field_name("left")?;
    let right = node.child_by_field_name("right")?;
    let target = cx.expr(left);
    let name = target.path()?.join(".");
    Some((name, cx.assigned_value(node, op, target, right)))
}

/// Whether a for-comprehension sequences one computation rather than iterating a collection:
/// it is the value of a definition declared as a `Try`, `Future`, `Option`, `Either` or an
/// effect (`def f(…): Either[E, URL] = for …`), or one of its generators draws from one
/// (`Try(…)`, `Right(…)` in a branch, a conversion such as `.toEither`). Every generator of
/// a comprehension draws from the same kind, so one such source says it for all: the body
/// runs at most once.
fn sequences_a_monad(node: Node<'_>, parent: Option<Node<'_>>, cx: &Lowering<'_>) -> bool {
    let declared = parent
        .and_then(|p| match p.kind() {
            "function_definition" => p.child_by_field_name("return_type"),
            "val_definition" | "var_definition" => p.child_by_field_name("type"),
            _ => None,
        })
        .is_some_and(|t| MONADS.contains(&head(cx.text(t))));
    if declared {
        return true;
    }
    // The `enumerators` field also holds the brackets around them.
    let Some(enumerators) = named_children(node)
        .into_iter()
        .find(|c| c.kind() == "enumerators")
    else {
        return false;
    };
    named_children(enumerators)
        .into_iter()
        .filter(|e| e.kind() == "enumerator" && cx.text(*e).contains("<-"))
        .filter_map(|e| named_children(e).into_iter().last())
        .any(|source| {
            let text = cx.text(source).trim();
            MONADS.contains(&head(text))
                || MONAD_CONVERSIONS
                    .iter()
                    .any(|m| text.strip_suffix(m).is_some_and(|t| t.ends_with('.')))
                || MONAD_VALUES.iter().any(|m| constructs(text, m))
        })
}

/// The first name of a type or expression: `Either` of `Either[E, URL]`, `Try` of `Try(…)`.
fn head(text: &str) -> &str {
    text.trim()
        .split(|c: char| c == '(' || c == '{' || c == '.' || c == '[' || c.is_whitespace())
        .next()
        .unwrap_or("")
}

/// Whether `text` calls `name(…)` (not `xname(…)`).
fn constructs(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(i, _)| {
        text[i + name.len()..].starts_with('(')
            && !text[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// The values of a [`MONADS`] type a branch of a generator may give (`Right(Identified(…))`).
const MONAD_VALUES: &[&str] = &["Right", "Left", "Some", "Success", "Failure"];

/// Types whose for-comprehension runs once (Scala's and the usual effect libraries').
const MONADS: &[&str] = &[
    "Try", "Future", "Option", "Some", "Either", "Right", "Left", "IO", "ZIO", "Task", "EitherT",
    "OptionT", "Success", "Failure",
];

/// Conversions to one of [`MONADS`].
const MONAD_CONVERSIONS: &[&str] = &["toEither", "toOption", "toTry", "toFuture"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{BinOp, SyntaxFacts};
    use crate::frontend::Language;
    use crate::frontend::test_support::{params, returns};

    fn facts(src: &str) -> SyntaxFacts {
        crate::frontend::test_support::facts(Language::Scala, src)
    }

    use crate::frontend::test_support::call;

    #[test]
    fn builder_chains_named_arguments_and_new() {
        let f = facts(
            "object A { def f() = {\n\
             val r = GetObjectPresignRequest.builder().signatureDuration(Duration.ofMinutes(10)).build()\n\
             g(ttl = 5, 6)\n\
             val d = new java.util.Date(1000L)\n\
             } }",
        );
        let g = call(&f, "g");
        assert_eq!(g.args[0].name.as_deref(), Some("ttl"));
        assert!(g.args[1].name.is_none());
        let date = call(&f, "Date");
        assert!(date.is_new);
        assert_eq!(
            date.callee.path(),
            Some(vec!["java", "util", "Date"]),
            "a dotted type"
        );
        assert!(f.bindings.iter().any(|b| b.name == "r"));
        assert!(
            !f.bindings.iter().any(|b| b.name == "ttl"),
            "a named argument"
        );
    }

    #[test]
    fn infix_chains_follow_precedence() {
        let f = facts("object A { val x = now + 3600 * 1000 - 5 }");
        let x = f.bindings.iter().find(|b| b.name == "x").expect("x");
        let ExprKind::Binary(BinOp::Sub, left, _) = &x.value.kind else {
            panic!("{:?}", x.value.kind);
        };
        let ExprKind::Binary(BinOp::Add, _, product) = &left.kind else {
            panic!("{:?}", left.kind);
        };
        assert!(matches!(product.kind, ExprKind::Binary(BinOp::Mul, _, _)));
    }

    #[test]
    fn object_members_strings_and_imports() {
        let f = facts(
            "import com.acme.storage.Links\n\
             import com.acme.{Cfg, Other => O}\n\
             import scala.concurrent.duration._\n\
             object Links { val Ttl = 7.days; var n = 1 }\n\
             class B { def f() = { var m = 1; m += 2; val s = \"a\\n\"; val t = s\"x $m\" } }",
        );
        let ttl = f
            .bindings
            .iter()
            .find(|b| b.name == "Links.Ttl")
            .expect("owner");
        assert!(matches!(&ttl.value.kind, ExprKind::Member(_, d) if d == "days"));
        let n = f.bindings.iter().find(|b| b.name == "n").expect("var");
        assert!(matches!(n.value.kind, ExprKind::Unknown), "a member var");
        let m: Vec<_> = f.bindings.iter().filter(|b| b.name == "m").collect();
        assert_eq!(m.len(), 2);
        assert!(matches!(
            m[1].value.kind,
            ExprKind::Binary(BinOp::Add, _, _)
        ));
        let s = f.bindings.iter().find(|b| b.name == "s").expect("s");
        assert!(matches!(&s.value.kind, ExprKind::Str(v) if v == "a\n"));
        let t = f.bindings.iter().find(|b| b.name == "t").expect("t");
        assert!(matches!(&t.value.kind, ExprKind::Interpolated(parts) if parts.len() == 1));
        let imports: Vec<_> = f
            .imports
            .iter()
            .map(|i| (i.module.as_str(), i.name.as_deref(), i.alias.as_deref()))
            .collect();
        assert_eq!(
            imports,
            [
                ("com.acme.storage", Some("Links"), None),
                ("com.acme", Some("Cfg"), None),
                ("com.acme", Some("Other"), Some("O")),
                ("scala.concurrent.duration", None, None),
            ]
        );
    }

    #[test]
    fn loops_callbacks_and_curried_calls() {
        let f = facts(
            "object A { def f(keys: Seq[String]) = {\n\
             for (k <- keys) { p.presignGetObject(k) }\n\
             keys.foreach { k => p.presignPutObject(k) }\n\
             Future.traverse(keys)(k => p.presignHeadObject(k))\n\
             p.presignDeleteObject(x)\n\
             } }",
        );
        let looped = |name: &str| {
            f.calls
                .iter()
                .find(|c| c.call.name() == Some(name))
                .expect("call")
                .enclosing_loop
                .is_some()
        };
        assert!(looped("presignGetObject"));
        assert!(looped("presignPutObject"));
        assert!(looped("presignHeadObject"));
        assert!(!looped("presignDeleteObject"));
        let traverse = call(&f, "traverse");
        assert_eq!(traverse.args.len(), 2, "the argument lists flattened");
        assert_eq!(
            f.calls
                .iter()
                .filter(|c| c.call.name() == Some("traverse"))
                .count(),
            1
        );
    }

    #[test]
    fn params_defaults_and_implicit_returns() {
        let f = facts(
            "object A {\n\
             def url(key: String, ttl: Int = 600)(implicit ec: Ec): String = {\n\
             val r = 1\n\
             presigner.presignGetObject(key)\n\
             }\n\
             def short(k: String) = sign(k)\n\
             val g = (a: Int, b: Int) => a\n\
             }",
        );
        let p = params(&f, 0);
        assert_eq!(
            p,
            [
                ("key", Some(0), false),
                ("ttl", Some(1), false),
                ("ec", Some(2), false)
            ]
        );
        assert!(f.functions[0].params[1].default.is_some());
        assert_eq!(
            returns(&f),
            [
                (Some(0), "presignGetObject()".to_string()),
                (Some(1), "sign()".to_string()),
                (Some(2), "a".to_string())
            ]
        );
    }
}
