//! Ruby (tree-sitter-ruby): method calls with keyword arguments (`expires_in: 3600`),
//! assignments to locals and constants, methods, blocks and lambdas, `for`/`while`/`until`.
//!
//! A few Ruby idioms are lowered to the shapes the constant folder knows:
//! - `7.days`, `1.hour` (ActiveSupport) → `Member(7, "days")`, a duration;
//! - `x.to_i`, `x.to_f`, `x.to_int` → `x` (a duration or time keeps its value);
//! - `Time.current`, `Time.zone.now` → `Time.now`;
//! - `d.from_now`, `d.ago` → `Time.now + d`, `Time.now - d`;
//! - `self.ttl` (no arguments) → `Member(self, "ttl")`, so `self.ttl = …` bindings resolve.

use tree_sitter::Node;

use super::syntax::{Grammar, Lowering, Role};
use super::treesitter::{named_children, parse_int, unescape};
use crate::facts::{Arg, BinOp, CallExpr, Expr, ExprKind, Field, Param, Span};

pub struct Ruby;

/// ActiveSupport numeric unit methods: `7.days` is a duration, lowered as a member access.
const UNIT_METHODS: [&str; 17] = [
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "fortnight",
    "fortnights",
    "month",
    "months",
    "year",
    "years",
    "milliseconds",
];

/// Conversions that keep the value the folder cares about.
const PASS_THROUGH: [&str; 5] = ["to_i", "to_f", "to_int", "to_r", "to_time"];

impl Grammar for Ruby {
    fn scanner_bounded(&self, text: &str) -> bool {
        super::treesitter::ruby_scanner_state(text) <= super::treesitter::MAX_RUBY_SCANNER_STATE
    }

    fn role(&self, node: Node<'_>, _parent: Option<Node<'_>>, cx: &Lowering<'_>) -> Role {
        match node.kind() {
            // A lambda's body block belongs to the lambda (its parameters are the lambda's).
            "block" | "do_block" if node.parent().is_some_and(|p| p.kind() == "lambda") => {
                Role::Other
            }
            _ => cx.kinds().role(node),
        }
    }

    fn expr(&self, node: Node<'_>, cx: &Lowering<'_>) -> Expr {
        let span = node.byte_range();
        let kind = match node.kind() {
            "integer" => integer(cx.text(node)).map_or(ExprKind::Unknown, ExprKind::Int),
            "float" => cx
                .text(node)
                .replace('_', "")
                .parse()
                .map_or(ExprKind::Unknown, ExprKind::Float),
            "string" | "delimited_symbol" => string(node, cx).map_or_else(
                || {
                    ExprKind::Interpolated(
                        named_children(node)
                            .into_iter()
                            .filter(|c| c.kind() == "interpolation")
                            .flat_map(named_children)
                            .map(|e| cx.expr(e))
                            .collect(),
                    )
                },
                ExprKind::Str,
            ),
            "simple_symbol" => ExprKind::Str(cx.text(node).trim_start_matches(':').to_string()),
            "true" => ExprKind::Bool(true),
            "false" => ExprKind::Bool(false),
            "nil" => ExprKind::Null,
            "identifier" | "constant" | "instance_variable" | "class_variable"
            | "global_variable" | "self" => ExprKind::Name(cx.text(node).to_string()),
            "scope_resolution" => match node.child_by_field_name("name") {
                Some(name) => {
                    let scope = match node.child_by_field_name("scope") {
                        Some(scope) => cx.expr(scope),
                        // `::Foo`: the top-level constant.
                        None => return named(cx.text(name), span),
                    };
                    ExprKind::Member(Box::new(scope), cx.text(name).to_string())
                }
                None => ExprKind::Unknown,
            },
            "call" => return call_expr(node, cx),
            "binary" => cx.binary(node),
            "conditional" => cx.conditional(node, ["condition", "consequence", "alternative"]),
            "unary" => match (
                node.child_by_field_name("operator").map(|o| cx.text(o)),
                node.child_by_field_name("operand"),
            ) {
                (Some("-"), Some(operand)) => ExprKind::Neg(Box::new(cx.expr(operand))),
                (Some("+"), Some(operand)) => return cx.expr(operand),
                _ => ExprKind::Unknown,
            },
            "parenthesized_statements" => {
                let inner: Vec<Node<'_>> = named_children(node)
                    .into_iter()
                    .filter(|c| c.kind() != "comment")
                    .collect();
                return match inner.as_slice() {
                    [only] => cx.expr(*only),
                    _ => Expr::unknown(span),
                };
            }
            // `ENV["URL_TTL"]`, `opts[:expires_in]`: a literal key reads like a member.
            "element_reference" => {
                let object = node.child_by_field_name("object");
                let key = named_children(node)
                    .into_iter()
                    .filter(|c| Some(c.id()) != object.map(|o| o.id()))
                    .collect::<Vec<_>>();
                match (object, key.as_slice()) {
                    (Some(object), [key]) => match cx.expr(*key).kind {
                        ExprKind::Str(k) => ExprKind::Member(Box::new(cx.expr(object)), k),
                        _ => ExprKind::Unknown,
                    },
                    _ => ExprKind::Unknown,
                }
            }
            "hash" => ExprKind::Object(pairs(node, cx)),
            "array" => ExprKind::Array(
                named_children(node)
                    .into_iter()
                    .filter(|c| c.kind() != "comment")
                    .map(|c| cx.expr(c))
                    .collect(),
            ),
            _ => ExprKind::Unknown,
        };
        Expr { kind, span }
    }

    fn call(&self, node: Node<'_>, cx: &Lowering<'_>) -> Option<CallExpr> {
        let method = node.child_by_field_name("method")?;
        let name = cx.text(method).to_string();
        let callee = match node.child_by_field_name("receiver") {
            Some(receiver) => Expr {
                kind: ExprKind::Member(Box::new(cx.expr(receiver)), name),
                span: receiver.start_byte()..method.end_byte(),
            },
            None => named(&name, method.byte_range()),
        };
        let mut args = Vec::new();
        if let Some(arguments) = node.child_by_field_name("arguments") {
            for arg in named_children(arguments) {
                match arg.kind() {
                    "pair" => {
                        let (Some(key), Some(value)) = (
                            arg.child_by_field_name("key"),
                            arg.child_by_field_name("value"),
                        ) else {
                            continue;
                        };
                        let Some(key) = key_name(key, cx) else {
                            // A computed key: some keyword, value unknown.
                            args.push(Arg {
                                name: None,
                                value: Expr::unknown(arg.byte_range()),
                            });
                            continue;
                        };
                        args.push(Arg {
                            name: Some(key),
                            value: cx.expr(value),
                        });
                    }
                    // `**opts`: the hash itself, so an options hash bound earlier is followed.
                    "hash_splat_argument" => args.push(Arg {
                        name: None,
                        value: named_children(arg)
                            .first()
                            .map_or(Expr::unknown(arg.byte_range()), |inner| cx.expr(*inner)),
                    }),
                    "comment" | "block_argument" => {}
                    // `*args`, `...` and anything else could hold anything.
                    "splat_argument" | "forward_argument" => args.push(Arg {
                        name: None,
                        value: Expr::unknown(arg.byte_range()),
                    }),
                    _ => args.push(Arg {
                        name: None,
                        value: cx.expr(arg),
                    }),
                }
            }
        }
        // `ENV.fetch("X") { 604800 }`: the block's one value is the default of the lookup.
        if cx.text(method) == "fetch"
            && let Some(block) = node.child_by_field_name("block")
            && let Some(body) = block_value(block)
        {
            args.push(Arg {
                name: Some("default".to_string()),
                value: cx.expr(body),
            });
        }
        Some(CallExpr {
            callee,
            args,
            is_new: false,
            span: node.byte_range(),
        })
    }

    fn bindings(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<(String, Expr)> {
        let (Some(left), Some(right)) = (
            node.child_by_field_name("left"),
            node.child_by_field_name("right"),
        ) else {
            return Vec::new();
        };
        // `x += 1`: the result depends on the old value, so it is not folded; `x ||= v` is a
        // default (see `frontend::defaults`).
        let fills_in = node
            .child_by_field_name("operator")
            .is_some_and(|o| cx.text(o) == "||=");
        let value = if node.kind() == "operator_assignment" && !fills_in {
            Expr::unknown(right.byte_range())
        } else {
            cx.expr(right)
        };
        match left.kind() {
            "identifier" | "constant" | "instance_variable" | "class_variable"
            | "global_variable" => vec![(cx.text(left).to_string(), value)],
            // `Config::TTL = …` binds `Config.TTL`; `self.ttl = …` binds `self.ttl`.
            "scope_resolution" | "call" => {
                let target = match left.kind() {
                    "call" => attribute_target(left, cx),
                    _ => cx.expr(left).path().map(|p| p.join(".")),
                };
                target.map(|name| vec![(name, value)]).unwrap_or_default()
            }
            // `a, b = …`: each name gets a value this lowering does not split.
            "left_assignment_list" => named_children(left)
                .into_iter()
                .filter(|c| c.kind() == "identifier" || c.kind() == "constant")
                .map(|c| (cx.text(c).to_string(), Expr::unknown(right.byte_range())))
                .collect(),
            _ => Vec::new(),
        }
    }

    fn parameters(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<String> {
        let Some(params) = node.child_by_field_name("parameters") else {
            return Vec::new();
        };
        let mut names = Vec::new();
        parameter_names(params, cx, &mut names, 0);
        names
    }

    /// Positional parameters (`obj`, `ttl = 60`, `*args`) in order, then keyword ones
    /// (`expires_in: 3600`, a required `bucket:`, `**opts`) without a position. A block's
    /// `&blk`, its block-local `|x; tmp|` names and the nameless `*`, `**`, `...` are left out;
    /// a destructured `(a, b)` takes its position but binds no single name. A required
    /// parameter after an optional one or a splat (`def f(a, b = 1, c)`) is bound from the
    /// end of the arguments, so it is left out too.
    fn params(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<Param> {
        let Some(list) = node.child_by_field_name("parameters") else {
            return Vec::new();
        };
        let locals: Vec<usize> = {
            let mut cursor = list.walk();
            list.children_by_field_name("locals", &mut cursor)
                .map(|n| n.id())
                .collect()
        };
        let mut out = Vec::new();
        let mut next = 0usize;
        // Past an optional parameter or a splat, a required one has no fixed position.
        let mut fixed = true;
        let push = |out: &mut Vec<Param>, name: Node<'_>, position, default, rest| {
            out.push(Param {
                name: cx.text(name).to_string(),
                position,
                field: None,
                default,
                rest,
            });
        };
        for p in named_children(list) {
            if locals.contains(&p.id()) {
                continue;
            }
            let name = p.child_by_field_name("name");
            match p.kind() {
                "identifier" if fixed => {
                    push(&mut out, p, Some(next), None, false);
                    next += 1;
                }
                "destructured_parameter" if fixed => next += 1,
                "optional_parameter" => {
                    if let Some(name) = name {
                        let default = p.child_by_field_name("value").map(|v| cx.expr(v));
                        push(&mut out, name, Some(next), default, false);
                    }
                    next += 1;
                    fixed = false;
                }
                "splat_parameter" => {
                    if let Some(name) = name {
                        push(&mut out, name, Some(next), None, true);
                    }
                    fixed = false;
                }
                "keyword_parameter" => {
                    if let Some(name) = name {
                        let default = p.child_by_field_name("value").map(|v| cx.expr(v));
                        push(&mut out, name, None, default, false);
                    }
                }
                "hash_splat_parameter" => {
                    if let Some(name) = name {
                        push(&mut out, name, None, None, true);
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// `return x`, and the implicit value of a method, block or lambda body: its last
    /// statement ([`implicit_value`]).
    fn return_value<'t>(&self, node: Node<'t>) -> Option<Node<'t>> {
        match node.kind() {
            "return" => {
                let value = named_children(node)
                    .into_iter()
                    .find(|c| c.kind() != "comment")?;
                if value.kind() != "argument_list" {
                    return Some(value);
                }
                // `return x` holds its value in an argument list; `return a, b` returns an
                // array, left unknown.
                let values: Vec<Node<'t>> = named_children(value)
                    .into_iter()
                    .filter(|c| c.kind() != "comment")
                    .collect();
                match values.as_slice() {
                    [only] => Some(*only),
                    _ => Some(value),
                }
            }
            // A lambda's body is its `block`/`do_block`, which answers for it.
            "method" | "singleton_method" | "block" | "do_block" => {
                implicit_value(node.child_by_field_name("body")?, 0)
            }
            _ => None,
        }
    }
}

/// What a body (or an endless method's expression) evaluates to: its last statement, the
/// `else` clause's when it has one (`rescue` and `ensure` clauses give no normal value),
/// through `begin … end`, an assignment's right side, `x if cond` and `x rescue y` (their
/// `x`) and `@url ||= …` (its right side). `None` for statements that return nothing
/// useful: `return` (collected itself), loops, definitions, `break`/`next`.
fn implicit_value(node: Node<'_>, depth: usize) -> Option<Node<'_>> {
    if depth > 32 {
        return None;
    }
    let d = depth + 1;
    match node.kind() {
        "body_statement" | "block_body" | "begin" | "else" => {
            let children = named_children(node);
            if node.kind() != "else"
                && let Some(clause) = children.iter().find(|c| c.kind() == "else")
            {
                return implicit_value(*clause, d);
            }
            let last = children.into_iter().rfind(|c| {
                !matches!(
                    c.kind(),
                    "rescue" | "ensure" | "comment" | "heredoc_body" | "empty_statement"
                )
            })?;
            implicit_value(last, d)
        }
        "assignment" => implicit_value(node.child_by_field_name("right")?, d),
        "operator_assignment" => {
            let memoized = node
                .child_by_field_name("operator")
                .is_some_and(|o| o.kind() == "||=");
            match (memoized, node.child_by_field_name("right")) {
                (true, Some(right)) => implicit_value(right, d),
                _ => Some(node),
            }
        }
        "if_modifier" | "unless_modifier" | "rescue_modifier" => {
            implicit_value(node.child_by_field_name("body")?, d)
        }
        "return" | "method" | "singleton_method" | "class" | "module" | "singleton_class"
        | "alias" | "undef" | "while" | "until" | "for" | "while_modifier" | "until_modifier"
        | "break" | "next" | "redo" | "retry" | "begin_block" | "end_block" | "uninterpreted"
        | "comment" | "heredoc_body" | "empty_statement" => None,
        _ => Some(node),
    }
}

/// Lowers a `call` node as an expression: unit methods, conversions and clock idioms first,
/// then a plain call.
fn call_expr(node: Node<'_>, cx: &Lowering<'_>) -> Expr {
    let span = node.byte_range();
    let has_args = node.child_by_field_name("arguments").is_some()
        || node.child_by_field_name("block").is_some();
    if let (false, Some(method), Some(receiver)) = (
        has_args,
        node.child_by_field_name("method"),
        node.child_by_field_name("receiver"),
    ) {
        let name = cx.text(method);
        if UNIT_METHODS.contains(&name) || receiver.kind() == "self" {
            return Expr {
                kind: ExprKind::Member(Box::new(cx.expr(receiver)), name.to_string()),
                span,
            };
        }
        if PASS_THROUGH.contains(&name) {
            let mut value = cx.expr(receiver);
            value.span = span;
            return value;
        }
        if is_clock(name, receiver, cx) {
            return time_now(span);
        }
        let op = match name {
            "from_now" | "since" | "after" => Some(BinOp::Add),
            "ago" | "before" => Some(BinOp::Sub),
            _ => None,
        };
        if let Some(op) = op {
            let now = time_now(receiver.start_byte()..receiver.start_byte());
            return Expr {
                kind: ExprKind::Binary(op, Box::new(now), Box::new(cx.expr(receiver))),
                span,
            };
        }
    }
    cx.call(node).map_or(Expr::unknown(span.clone()), |c| Expr {
        kind: ExprKind::Call(Box::new(c)),
        span,
    })
}

/// `Time.current` and `Time.zone.now` (Rails), read as `Time.now`.
fn is_clock(method: &str, receiver: Node<'_>, cx: &Lowering<'_>) -> bool {
    let is_time = |n: Node<'_>| n.kind() == "constant" && cx.text(n) == "Time";
    match method {
        "current" => is_time(receiver),
        "now" => {
            receiver.kind() == "call"
                && receiver.child_by_field_name("arguments").is_none()
                && receiver
                    .child_by_field_name("method")
                    .is_some_and(|m| cx.text(m) == "zone")
                && receiver
                    .child_by_field_name("receiver")
                    .is_some_and(is_time)
        }
        _ => false,
    }
}

/// A synthetic `Time.now` call.
fn time_now(span: Span) -> Expr {
    let callee = Expr {
        kind: ExprKind::Member(Box::new(named("Time", span.clone())), "now".to_string()),
        span: span.clone(),
    };
    Expr {
        kind: ExprKind::Call(Box::new(CallExpr {
            callee,
            args: Vec::new(),
            is_new: false,
            span: span.clone(),
        })),
        span,
    }
}

fn named(name: &str, span: Span) -> Expr {
    Expr {
        kind: ExprKind::Name(name.to_string()),
        span,
    }
}

/// `self.ttl` / `config.ttl` on the left of `=`: the dotted name it binds. The receiver may
/// be a chain of calls without arguments (`config.active_storage.service_urls_expire_in`,
/// `Rails.application.config.x`): Ruby reads `config.active_storage` as a method call.
fn attribute_target(left: Node<'_>, cx: &Lowering<'_>) -> Option<String> {
    if left.child_by_field_name("arguments").is_some() {
        return None;
    }
    let receiver = left.child_by_field_name("receiver")?;
    let method = left.child_by_field_name("method")?;
    let mut path = receiver_path(&cx.expr(receiver))?;
    path.push(cx.text(method).to_string());
    Some(path.join("."))
}

/// The dotted path of a name, member or argument-less call chain.
fn receiver_path(expr: &Expr) -> Option<Vec<String>> {
    match &expr.kind {
        ExprKind::Name(n) => Some(vec![n.clone()]),
        ExprKind::Member(object, field) => {
            let mut path = receiver_path(object)?;
            path.push(field.clone());
            Some(path)
        }
        ExprKind::Call(call) if call.args.is_empty() && !call.is_new => match &call.callee.kind {
            ExprKind::Member(..) => receiver_path(&call.callee),
            _ => None,
        },
        _ => None,
    }
}

/// Integer literals, with `_` separators and a sign.
fn integer(text: &str) -> Option<i128> {
    match text.strip_prefix('-') {
        Some(rest) => parse_int(rest).map(|n| -n),
        None => parse_int(text.strip_prefix('+').unwrap_or(text)),
    }
}

/// The name of a hash key: `key:`, `:key =>`, `"key" =>`.
fn key_name(key: Node<'_>, cx: &Lowering<'_>) -> Option<String> {
    match key.kind() {
        "hash_key_symbol" | "identifier" | "constant" => Some(cx.text(key).to_string()),
        "simple_symbol" => Some(cx.text(key).trim_start_matches(':').to_string()),
        "string" | "delimited_symbol" => string(key, cx),
        _ => None,
    }
}

/// The `key => value` / `key: value` pairs of a hash literal.
fn pairs(node: Node<'_>, cx: &Lowering<'_>) -> Vec<Field> {
    named_children(node)
        .into_iter()
        .filter(|c| c.kind() == "pair")
        .filter_map(|pair| {
            let key = key_name(pair.child_by_field_name("key")?, cx)?;
            let value = pair.child_by_field_name("value")?;
            Some(Field {
                key,
                value: cx.expr(value),
            })
        })
        .collect()
}

/// The decoded value of a string or quoted symbol; `None` with interpolation.
fn string(node: Node<'_>, cx: &Lowering<'_>) -> Option<String> {
    let mut value = String::new();
    for child in named_children(node) {
        match child.kind() {
            "string_content" => value.push_str(cx.text(child)),
            "escape_sequence" => value.push_str(&unescape(cx.text(child))),
            "interpolation" => return None,
            _ => {}
        }
    }
    Some(value)
}

/// Names bound by a parameter list (methods, blocks, lambdas), destructuring included.
fn parameter_names(node: Node<'_>, cx: &Lowering<'_>, out: &mut Vec<String>, depth: usize) {
    if depth > 32 {
        return;
    }
    for p in named_children(node) {
        match p.kind() {
            "identifier" => out.push(cx.text(p).to_string()),
            "optional_parameter"
            | "keyword_parameter"
            | "splat_parameter"
            | "hash_splat_parameter"
            | "block_parameter" => {
                if let Some(name) = p.child_by_field_name("name") {
                    out.push(cx.text(name).to_string());
                }
            }
            "destructured_parameter" => parameter_names(p, cx, out, depth + 1),
            _ => {}
        }
    }
}

/// The one expression of a block without parameters (`{ 604800 }`, `do 3600 end`).
fn block_value(block: Node<'_>) -> Option<Node<'_>> {
    if block.child_by_field_name("parameters").is_some() {
        return None;
    }
    let body = named_children(block)
        .into_iter()
        .find(|c| c.kind() == "block_body" || c.kind() == "body_statement")?;
    match named_children(body).as_slice() {
        [only] if only.kind() != "comment" => Some(*only),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::Language;

    use super::*;
    use crate::facts::LoopKind;
    use crate::facts::SyntaxFacts;
    use crate::semantic::eval::{Env, Value};
    use crate::text::source::SourceFile;

    fn facts(src: &str) -> SyntaxFacts {
        crate::frontend::test_support::facts(Language::Ruby, src)
    }

    fn call<'f>(facts: &'f SyntaxFacts, method: &str) -> &'f crate::facts::Call {
        facts
            .calls
            .iter()
            .find(|c| c.call.name() == Some(method))
            .expect("call")
    }

    /// Folds the keyword argument `keyword` of the call named `method`.
    fn keyword(src: &str, method: &str, keyword: &str) -> Value {
        let facts = facts(src);
        let source = SourceFile::new(src.to_string());
        let call = call(&facts, method);
        let mut env = Env::new(
            &facts,
            &source,
            call.function,
            crate::frontend::Family::Ruby,
        );
        let arg = call.call.keyword(keyword).expect("keyword argument");
        env.eval(arg)
    }

    #[test]
    fn presigner_call_with_keywords_and_symbol() {
        let src = "url = Aws::S3::Presigner.new(client: c).presigned_url(:get_object, bucket: b, key: k, expires_in: 86_400)\n";
        let f = facts(src);
        let c = &call(&f, "presigned_url").call;
        assert!(
            matches!(&c.positional(0).expect("symbol").kind, ExprKind::Str(s) if s == "get_object")
        );
        let receiver = c.receiver().and_then(|r| r.as_call()).expect("new");
        assert_eq!(
            receiver.callee.path(),
            Some(vec!["Aws", "S3", "Presigner", "new"])
        );
        assert_eq!(
            keyword(src, "presigned_url", "expires_in"),
            Value::Number(86_400.0)
        );
    }

    #[test]
    fn durations_conversions_and_clocks() {
        let src = "obj.presigned_url(:put, expires_in: 7.days.to_i)\n";
        assert_eq!(
            keyword(src, "presigned_url", "expires_in"),
            Value::Duration(604_800.0)
        );
        let src =
            "ONE_DAY = 24 * 60 * 60\nsigner.signed_url(u, expires: Time.now + ONE_DAY * 30)\n";
        assert_eq!(
            keyword(src, "signed_url", "expires"),
            Value::Time {
                offset: 2_592_000.0,
                epoch_unit: None
            }
        );
        let src = "signer.signed_url(u, expires: 2.hours.from_now)\n";
        assert_eq!(
            keyword(src, "signed_url", "expires"),
            Value::Time {
                offset: 7200.0,
                epoch_unit: None
            }
        );
        let src = "signer.signed_url(u, expires: Time.zone.now + 1.day)\n";
        assert_eq!(
            keyword(src, "signed_url", "expires"),
            Value::Time {
                offset: 86_400.0,
                epoch_unit: None
            }
        );
        let src = "signer.signed_url(u, expires: Time.current.to_i + 60)\n";
        assert_eq!(
            keyword(src, "signed_url", "expires"),
            Value::Time {
                offset: 60.0,
                epoch_unit: None
            }
        );
    }

    #[test]
    fn parameters_shadow_and_interpolation_is_unknown() {
        let src = "TTL = 604800\ndef share(obj, ttl = 60)\n  obj.presigned_url(:get, expires_in: ttl)\nend\n";
        assert_eq!(keyword(src, "presigned_url", "expires_in"), Value::Unknown);
        let src = "obj.presigned_url(:get, expires_in: \"#{n}\")\n";
        assert_eq!(keyword(src, "presigned_url", "expires_in"), Value::Unknown);
        let src = "ttl = 60\nttl += 1\nobj.presigned_url(:get, expires_in: ttl)\n";
        assert_eq!(keyword(src, "presigned_url", "expires_in"), Value::Unknown);
    }

    #[test]
    fn functions_loops_and_callbacks() {
        let src = "def a\n  keys.each do |k|\n    obj(k).presigned_url(:get)\n  end\n  for k in keys do\n    s.presigned_url(:put)\n  end\n  l = ->(x) { x.presigned_url(:get) }\nend\n";
        let f = facts(src);
        let in_loop: Vec<Option<LoopKind>> = f
            .calls
            .iter()
            .filter(|c| c.call.name() == Some("presigned_url"))
            .map(|c| c.enclosing_loop.as_ref().map(|(k, _)| *k))
            .collect();
        assert_eq!(
            in_loop,
            [Some(LoopKind::Callback), Some(LoopKind::For), None]
        );
        // The method, the `each` block and the lambda (not its body block).
        assert_eq!(f.functions.len(), 3);
    }

    #[test]
    fn options_hash_and_splat() {
        let src = "opts = { bucket: b, expires_in: 3600 * 24 }\nobj.presigned_url(:get, **opts)\n";
        let f = facts(src);
        let c = &call(&f, "presigned_url").call;
        assert!(matches!(&c.positional(1).expect("splat").kind, ExprKind::Name(n) if n == "opts"));
        let bound = f.lookup("opts", src.len(), None).expect("binding");
        assert!(bound.value.field("expires_in").is_some());
    }

    fn summary(f: &crate::facts::Function) -> Vec<String> {
        f.params
            .iter()
            .map(|p| {
                let default = p
                    .default
                    .as_ref()
                    .map_or("-".to_string(), |d| format!("{:?}", d.kind));
                let rest = if p.rest { "rest" } else { "-" };
                format!("{} {:?} {default} {rest}", p.name, p.position)
            })
            .collect()
    }

    #[test]
    fn params_positional_keyword_and_splat() {
        let src = "def share(obj, ttl = 60, *args, expires_in: 3600, bucket:, **opts, &blk)\n  obj.presigned_url(:get, expires_in: ttl)\nend\ndef post(a, b = 1, c, (d, e)); end\ndef fwd(*, **, &) = g(*, **, &)\nl = ->(x, y = 2) { x }\nkeys.each do |k, (a, b), *r; tmp|\n  k\nend\n";
        let f = facts(src);
        assert_eq!(f.functions.len(), 5);
        assert_eq!(
            summary(&f.functions[0]),
            [
                "obj Some(0) - -",
                "ttl Some(1) Int(60) -",
                "args Some(2) - rest",
                "expires_in None Int(3600) -",
                "bucket None - -",
                "opts None - rest",
            ]
        );
        assert_eq!(
            summary(&f.functions[1]),
            ["a Some(0) - -", "b Some(1) Int(1) -"]
        );
        assert!(f.functions[2].params.is_empty());
        assert_eq!(
            summary(&f.functions[3]),
            ["x Some(0) - -", "y Some(1) Int(2) -"]
        );
        assert_eq!(
            summary(&f.functions[4]),
            ["k Some(0) - -", "r Some(2) - rest"]
        );
        // Every name is still a parameter binding, the block's `&blk` and locals included.
        for name in ["blk", "expires_in", "tmp", "c"] {
            assert!(
                f.bindings
                    .iter()
                    .any(|b| b.name == name && b.is_parameter()),
                "{name}"
            );
        }
    }

    /// `(function, returned text)` of every return, in order.
    fn returns(src: &str) -> Vec<(Option<usize>, String)> {
        facts(src)
            .returns
            .iter()
            .map(|r| (r.function, src[r.value.span.clone()].to_string()))
            .collect()
    }

    #[test]
    fn explicit_and_implicit_returns() {
        let src = "def share(obj, ttl = 60)\n  url = obj.presigned_url(:get, expires_in: ttl)\n  url # the url\nend\ndef self.link(key) = signer.presigned_url(:get, key: key)\ndef memo(k)\n  return nil if k.nil?\n  @url ||= presign(k)\nend\ndef guarded(k)\n  presign(k)\nrescue StandardError\n  nil\nend\ndef with_else\n  a\nrescue\n  b\nelse\n  c\nensure\n  d\nend\ndef assigns\n  x = begin\n    presign(k)\n  end\nend\ndef nothing; end\ndef loops\n  while x\n    y\n  end\nend\ndef many\n  return a, b\nend\nl = ->(x) { x.presigned_url(:get) }\nkeys.map do |k|\n  presign(k) if k\nend\n";
        let f = facts(src);
        assert_eq!(
            f.functions
                .iter()
                .map(|f| f.name.as_deref().unwrap_or("-"))
                .collect::<Vec<_>>(),
            [
                "share",
                "link",
                "memo",
                "guarded",
                "with_else",
                "assigns",
                "nothing",
                "loops",
                "many",
                "l",
                "-"
            ]
        );
        let expected = [
            (0, "url"),
            (1, "signer.presigned_url(:get, key: key)"),
            (2, "presign(k)"),
            (2, "nil"),
            (3, "presign(k)"),
            (4, "c"),
            (5, "presign(k)"),
            (8, "a, b"),
            (9, "x.presigned_url(:get)"),
            (10, "presign(k)"),
        ]
        .map(|(i, text)| (Some(i), text.to_string()));
        let got = returns(src);
        assert_eq!(got, expected);
        assert!(matches!(f.returns[0].value.kind, ExprKind::Name(ref n) if n == "url"));
        assert!(matches!(f.returns[3].value.kind, ExprKind::Null));
        let link = f.returns[1].value.as_call().expect("call");
        assert_eq!(link.name(), Some("presigned_url"));
        assert!(link.keyword("key").is_some());
    }

    #[test]
    fn heredoc_and_trailing_comment_are_not_values() {
        let got =
            returns("def a\n  x = <<~EOS\n    text\n  EOS\nend\ndef b\n  c\n  # trailing\nend\n");
        assert_eq!(
            got,
            [(Some(0), "<<~EOS".to_string()), (Some(1), "c".to_string())]
        );
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let src = format!("x = {}1{}\n", "[".repeat(50_000), "]".repeat(50_000));
        let _ = facts(&src);
    }
}
