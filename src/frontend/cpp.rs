//! C++ (tree-sitter-cpp): calls and method calls (`client.GeneratePresignedUrl(…)`,
//! `client->…`, `Aws::Auth::AWSCredentials(…)`), declarations (`T x = v;`, `T x(args);`,
//! `T x{args};`, `T x;`, `constexpr`/`const`, class members with a default, and `#define` of a
//! number), member assignments (`config.region = "…";`), functions, methods and lambdas,
//! `for`, range-`for`, `while` and `do` loops.
//!
//! What C++ spells apart from other languages is lowered to the shapes they share:
//! - `a::b::c` is a member chain, like `a.b.c`; template arguments are left out
//!   (`std::make_shared<T>` is `std.make_shared`);
//! - a declaration that constructs (`Aws::S3::S3Client client(config);`, `T x{…};`, `T x;` of a
//!   class type) binds the name to a constructor call `new T(args)` and is a call itself;
//!   `T x(y);` inside a function, which the grammar reads as a function declaration (the most
//!   vexing parse), is read as the construction it is there;
//! - `std::make_shared<T>(args)`, `std::make_unique<T>(args)` and `Aws::MakeShared<T>(tag,
//!   args)` are constructor calls of `T`;
//! - casts (`static_cast<long long>(x)`, `(int)x`) and `std::chrono::duration_cast<…>(d)` keep
//!   their operand's value;
//! - chrono literals (`24h`, `30min`, `3600s`, `500ms`) are the `std::chrono` constructors they
//!   stand for;
//! - an output-stream chain `std::cout << "URL: " << url` is a call of `<<` on the stream
//!   with its operands as arguments, and `"…" << x` elsewhere (the message of
//!   `AWS_LOGSTREAM_INFO(tag, "…" << url)`) a string built from `x`.
//!
//! Names declared at namespace or class scope are also bound qualified (`cfg::kTtl` as
//! `cfg.kTtl`, `Storage::kTtl` as `Storage.kTtl`), so other files' qualified uses find them.

use tree_sitter::Node;

use super::syntax::{Grammar, Lowering, Role, Scope};
use super::treesitter::{named_children, parse_int, unescape};
use crate::facts::{Arg, BinOp, CallExpr, Expr, ExprKind, Field, Param, Span};

pub struct Cpp;

/// The names qualifying a declaration at `node` (the byte ranges of `cfg`, `Storage`), empty
/// at file scope, `None` inside a function or loop.
fn prefix(node: Node<'_>, cx: &Lowering<'_>) -> Option<Vec<Span>> {
    let mut parts = Vec::new();
    for scope in cx.scopes(node) {
        match scope {
            Scope::Class(Some(name)) => parts.push(name),
            Scope::Function | Scope::Lambda | Scope::Loop => return None,
            Scope::Class(None) | Scope::Declaration(_) => {}
        }
    }
    Some(parts)
}

/// The type of the declaration around `node`, whose declarator it may be.
fn declaration_type(node: Node<'_>, cx: &Lowering<'_>) -> Option<Span> {
    cx.scopes(node).into_iter().rev().find_map(|s| match s {
        Scope::Declaration(ty) => Some(ty),
        _ => None,
    })
}

/// Output streams: a `<<` chain starting at one of these writes to the terminal.
const STREAMS: [&str; 6] = [
    "std::cout",
    "std::cerr",
    "std::clog",
    "cout",
    "cerr",
    "clog",
];

/// `std::chrono` literal suffixes and the constructors they stand for.
const CHRONO_SUFFIXES: [(&str, &str); 6] = [
    ("h", "hours"),
    ("min", "minutes"),
    ("s", "seconds"),
    ("ms", "milliseconds"),
    ("us", "microseconds"),
    ("ns", "nanoseconds"),
];

/// Calls that only convert their operand: its value is theirs.
const CASTS: [&str; 6] = [
    "static_cast",
    "reinterpret_cast",
    "const_cast",
    "dynamic_cast",
    "duration_cast",
    "move",
];

impl Grammar for Cpp {
    fn scope(
        &self,
        node: Node<'_>,
        _parent: Option<Node<'_>>,
        cx: &Lowering<'_>,
    ) -> Option<(Span, Scope)> {
        match node.kind() {
            // A class declared with a body; `class A;` declares and opens nothing. The name's
            // text is read in `bindings`; here only its range is at hand.
            "class_specifier" | "struct_specifier" => node
                .child_by_field_name("body")
                .map(|_| (node.byte_range(), Scope::class_named(node))),
            "declaration" => Some((
                node.byte_range(),
                Scope::Declaration(node.child_by_field_name("type")?.byte_range()),
            )),
            _ => cx.kinds().scope(node),
        }
    }

    fn role(&self, node: Node<'_>, parent: Option<Node<'_>>, cx: &Lowering<'_>) -> Role {
        match node.kind() {
            "init_declarator" if constructs(node) => Role::Call,
            "function_declarator" if vexing(node) && cx.scopes(node).contains(&Scope::Function) => {
                Role::Call
            }
            // `a << b << c` is read once, at its outermost `<<`: the inner ones, which start
            // where it starts, are its operands.
            "binary_expression" if is_shift(node) => {
                let inner = parent.is_some_and(|p| {
                    p.kind() == "binary_expression"
                        && is_shift(p)
                        && p.start_byte() == node.start_byte()
                });
                if !inner && is_shift_chain(node) {
                    Role::Call
                } else {
                    Role::Other
                }
            }
            _ => cx.kinds().role(node),
        }
    }

    fn expr(&self, node: Node<'_>, cx: &Lowering<'_>) -> Expr {
        let span = node.byte_range();
        let kind = match node.kind() {
            "number_literal" => number(cx.text(node)),
            "string_literal" | "raw_string_literal" => ExprKind::Str(string(node, cx)),
            "concatenated_string" => {
                let parts = named_children(node);
                let mut value = String::new();
                for part in parts {
                    match part.kind() {
                        "string_literal" | "raw_string_literal" => {
                            value.push_str(&string(part, cx));
                        }
                        _ => return Expr::unknown(span),
                    }
                }
                ExprKind::Str(value)
            }
            "true" => ExprKind::Bool(true),
            "false" => ExprKind::Bool(false),
            "null" | "nullptr" => ExprKind::Null,
            "identifier"
            | "field_identifier"
            | "namespace_identifier"
            | "type_identifier"
            | "primitive_type"
            | "this" => ExprKind::Name(cx.text(node).to_string()),
            "qualified_identifier" => return qualified(node, cx),
            "template_function" | "template_type" | "template_method" => {
                match node.child_by_field_name("name") {
                    Some(name) => return cx.expr(name),
                    None => ExprKind::Unknown,
                }
            }
            "field_expression" => match (
                node.child_by_field_name("argument"),
                node.child_by_field_name("field"),
            ) {
                (Some(object), Some(field)) => {
                    let field = match field.kind() {
                        "template_method" => field.child_by_field_name("name").unwrap_or(field),
                        _ => field,
                    };
                    ExprKind::Member(Box::new(cx.expr(object)), cx.text(field).to_string())
                }
                _ => ExprKind::Unknown,
            },
            "call_expression" => {
                if let Some(operand) = cast_operand(node, cx) {
                    // `duration_cast<std::chrono::seconds>(d)` is a conversion to its unit, which
                    // `d.count()` counts in: the call of that duration type on `d`.
                    if let Some(unit) = duration_cast_unit(node, cx) {
                        return Expr {
                            kind: ExprKind::Call(Box::new(CallExpr {
                                callee: cx.expr(unit),
                                args: vec![Arg {
                                    name: None,
                                    value: cx.expr(operand),
                                }],
                                is_new: false,
                                span: span.clone(),
                            })),
                            span,
                        };
                    }
                    let inner = cx.expr(operand);
                    return Expr {
                        kind: inner.kind,
                        span,
                    };
                }
                cx.call(node)
                    .map_or(ExprKind::Unknown, |c| ExprKind::Call(Box::new(c)))
            }
            "new_expression" => cx
                .call(node)
                .map_or(ExprKind::Unknown, |c| ExprKind::Call(Box::new(c))),
            "compound_literal_expression" => match (
                node.child_by_field_name("type"),
                node.child_by_field_name("value"),
            ) {
                (Some(ty), Some(value)) => ExprKind::Call(Box::new(CallExpr {
                    callee: cx.expr(ty),
                    args: arguments(value, cx),
                    is_new: true,
                    span: span.clone(),
                })),
                _ => ExprKind::Unknown,
            },
            "binary_expression" => {
                let op = node
                    .child_by_field_name("operator")
                    .map(|o| cx.text(o))
                    .unwrap_or("");
                match op {
                    "+" | "-" | "*" | "/" => cx.binary(node),
                    "<<" if leftmost(node).is_some_and(is_string) => ExprKind::Interpolated(
                        stream_operands(node)
                            .into_iter()
                            .filter(|n| !is_string(*n))
                            .map(|n| cx.expr(n))
                            .collect(),
                    ),
                    _ => ExprKind::Unknown,
                }
            }
            "unary_expression" => match (
                node.child_by_field_name("operator").map(|o| cx.text(o)),
                node.child_by_field_name("argument"),
            ) {
                (Some("-"), Some(operand)) => ExprKind::Neg(Box::new(cx.expr(operand))),
                (Some("+"), Some(operand)) => return cx.expr(operand),
                _ => ExprKind::Unknown,
            },
            // `*client`, `&config`: the object itself, as far as its settings go.
            "pointer_expression" => match node.child_by_field_name("argument") {
                Some(operand) => return cx.expr(operand),
                None => ExprKind::Unknown,
            },
            "cast_expression" => match node.child_by_field_name("value") {
                Some(value) => {
                    let inner = cx.expr(value);
                    return Expr {
                        kind: inner.kind,
                        span,
                    };
                }
                None => ExprKind::Unknown,
            },
            "parenthesized_expression" | "expression_statement" => {
                return named_children(node)
                    .into_iter()
                    .find(|c| c.kind() != "comment")
                    .map_or(Expr::unknown(span), |inner| cx.expr(inner));
            }
            "conditional_expression" => {
                cx.conditional(node, ["condition", "consequence", "alternative"])
            }
            "initializer_list" => initializer(node, cx),
            "user_defined_literal" => return user_literal(node, cx),
            _ => ExprKind::Unknown,
        };
        Expr { kind, span }
    }

    fn call(&self, node: Node<'_>, cx: &Lowering<'_>) -> Option<CallExpr> {
        let span = node.byte_range();
        match node.kind() {
            "call_expression" => {
                let function = node.child_by_field_name("function")?;
                let arguments = node.child_by_field_name("arguments")?;
                let mut args = arguments_of(arguments, cx);
                // `std::make_shared<T>(args)`, `Aws::MakeShared<T>(tag, args)`: `new T(args)`.
                if let Some((ty, tagged)) = factory_type(function, cx) {
                    if tagged && !args.is_empty() {
                        args.remove(0);
                    }
                    return Some(CallExpr {
                        callee: cx.expr(ty),
                        args,
                        is_new: true,
                        span,
                    });
                }
                Some(CallExpr {
                    callee: cx.expr(function),
                    args,
                    is_new: false,
                    span,
                })
            }
            "new_expression" => {
                let ty = node.child_by_field_name("type")?;
                let args = node
                    .child_by_field_name("arguments")
                    .map(|a| arguments(a, cx))
                    .unwrap_or_default();
                Some(CallExpr {
                    callee: cx.expr(ty),
                    args,
                    is_new: true,
                    span,
                })
            }
            "init_declarator" | "function_declarator" => {
                let ty = declaration_type(node, cx)?;
                construction(node, type_expr(ty, cx)?, cx)
            }
            "binary_expression" => {
                let operands = stream_operands(node);
                let (stream, rest) = operands.split_first()?;
                let name: String = cx.text(*stream).split_whitespace().collect();
                if !STREAMS.contains(&name.as_str()) && !is_log_stream(*stream, cx.source) {
                    return None;
                }
                Some(CallExpr {
                    callee: Expr {
                        kind: ExprKind::Member(Box::new(cx.expr(*stream)), "<<".to_string()),
                        span: stream.byte_range(),
                    },
                    args: rest
                        .iter()
                        .map(|n| Arg {
                            name: None,
                            value: cx.expr(*n),
                        })
                        .collect(),
                    is_new: false,
                    span,
                })
            }
            _ => None,
        }
    }

    fn bindings(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<(String, Expr)> {
        match node.kind() {
            "declaration" => {
                let prefix = prefix(node, cx);
                let in_function = prefix.is_none();
                let callee = node.child_by_field_name("type").map(|t| cx.expr(t));
                let primitive = node
                    .child_by_field_name("type")
                    .is_some_and(|t| t.kind() == "primitive_type");
                let mut cursor = node.walk();
                let declarators: Vec<Node<'_>> = node
                    .children_by_field_name("declarator", &mut cursor)
                    .collect();
                let mut out = Vec::new();
                for d in declarators {
                    let Some((name, value)) =
                        declarator_binding(d, node, callee.as_ref(), primitive, in_function, cx)
                    else {
                        continue;
                    };
                    qualified_names(&mut out, prefix.as_deref(), cx, name, value);
                }
                out
            }
            "field_declaration" => {
                let Some(value) = node.child_by_field_name("default_value") else {
                    return Vec::new();
                };
                let Some(name) = node
                    .child_by_field_name("declarator")
                    .and_then(declared_name)
                    .map(|n| cx.text(n).to_string())
                else {
                    return Vec::new();
                };
                let prefix = prefix(node, cx);
                let mut out = Vec::new();
                qualified_names(&mut out, prefix.as_deref(), cx, name, cx.expr(value));
                out
            }
            "assignment_expression" => cx.assignment(node, "left", "right").into_iter().collect(),
            "preproc_def" => {
                let (Some(name), Some(value)) = (
                    node.child_by_field_name("name"),
                    node.child_by_field_name("value"),
                ) else {
                    return Vec::new();
                };
                let value = define_value(cx.text(value), value.start_byte())
                    .unwrap_or_else(|| Expr::unknown(value.byte_range()));
                vec![(cx.text(name).to_string(), value)]
            }
            _ => Vec::new(),
        }
    }

    fn parameters(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<String> {
        self.params(node, cx).into_iter().map(|p| p.name).collect()
    }

    fn params(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<Param> {
        let Some(list) =
            function_declarator(node).and_then(|d| d.child_by_field_name("parameters"))
        else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut position = 0;
        for p in named_children(list) {
            let rest = match p.kind() {
                "parameter_declaration" | "optional_parameter_declaration" => false,
                "variadic_parameter_declaration" => true,
                _ => continue,
            };
            let name = p
                .child_by_field_name("declarator")
                .and_then(declared_name)
                .map(|n| cx.text(n).to_string());
            if let Some(name) = name {
                out.push(Param {
                    default: p.child_by_field_name("default_value").map(|d| cx.expr(d)),
                    rest,
                    ..Param::positional(name, position)
                });
            }
            position += 1;
        }
        out
    }

    fn function_name(
        &self,
        node: Node<'_>,
        parent: Option<Node<'_>>,
        cx: &Lowering<'_>,
    ) -> Option<String> {
        let name = match node.kind() {
            "function_definition" => {
                let declarator = function_declarator(node)?.child_by_field_name("declarator")?;
                last_segment(declarator)?
            }
            // `auto presign = [&](…) { … };`
            _ => parent
                .filter(|p| p.kind() == "init_declarator")
                .and_then(|p| p.child_by_field_name("declarator"))
                .and_then(declared_name)?,
        };
        let text = cx.text(name);
        text.chars()
            .all(|c| c.is_alphanumeric() || c == '_')
            .then(|| text.to_string())
    }
}

/// Adds `name` and, at namespace or class scope, its qualified name (`cfg.kTtl`).
fn qualified_names(
    out: &mut Vec<(String, Expr)>,
    prefix: Option<&[Span]>,
    cx: &Lowering<'_>,
    name: String,
    value: Expr,
) {
    if let Some(prefix) = prefix.filter(|p| !p.is_empty()) {
        let qualified: Vec<String> = prefix
            .iter()
            .filter_map(|span| cx.source.get(span.clone()))
            .map(|t| t.split_whitespace().collect::<String>().replace("::", "."))
            .collect();
        out.push((format!("{}.{name}", qualified.join(".")), value.clone()));
    }
    out.push((name, value));
}

/// A declaration's type read from its text (`Aws::S3::S3Client`, `std::vector<int>`) as a
/// name or member chain, template arguments left out.
fn type_expr(span: Span, cx: &Lowering<'_>) -> Option<Expr> {
    let text = cx.source.get(span.clone())?;
    let mut depth = 0usize;
    let mut plain = String::new();
    for c in text.chars() {
        match c {
            '<' => depth += 1,
            '>' => depth = depth.saturating_sub(1),
            c if depth == 0 && !c.is_whitespace() => plain.push(c),
            _ => {}
        }
    }
    let mut segments = plain.split("::").filter(|s| !s.is_empty());
    let first = segments.next()?;
    let valid = |s: &str| s.chars().all(|c| c.is_alphanumeric() || c == '_');
    if !valid(first) {
        return None;
    }
    let mut expr = Expr {
        kind: ExprKind::Name(first.to_string()),
        span: span.clone(),
    };
    for segment in segments {
        if !valid(segment) {
            return None;
        }
        expr = Expr {
            kind: ExprKind::Member(Box::new(expr), segment.to_string()),
            span: span.clone(),
        };
    }
    Some(expr)
}

/// The name and value a declarator of a declaration binds.
fn declarator_binding(
    d: Node<'_>,
    declaration: Node<'_>,
    callee: Option<&Expr>,
    primitive: bool,
    in_function: bool,
    cx: &Lowering<'_>,
) -> Option<(String, Expr)> {
    let ty = declaration.child_by_field_name("type");
    match d.kind() {
        "init_declarator" => {
            let name = declared_name(d.child_by_field_name("declarator")?)?;
            let value = d.child_by_field_name("value")?;
            let lowered = match value.kind() {
                "argument_list" | "initializer_list" if primitive => named_children(value)
                    .into_iter()
                    .find(|c| c.kind() != "comment")
                    .map_or(Expr::unknown(value.byte_range()), |v| cx.expr(v)),
                "argument_list" | "initializer_list" => match callee {
                    Some(callee) => construction(d, callee.clone(), cx).map_or(
                        Expr::unknown(value.byte_range()),
                        |c| Expr {
                            span: c.span.clone(),
                            kind: ExprKind::Call(Box::new(c)),
                        },
                    ),
                    None => Expr::unknown(value.byte_range()),
                },
                _ => cx.expr(value),
            };
            Some((cx.text(name).to_string(), lowered))
        }
        // `T x;`: a default-constructed object of a class type; a primitive is unknown.
        "identifier" => {
            let value = match ty {
                Some(ty) if !primitive && ty.kind() != "placeholder_type_specifier" => {
                    let span = d.byte_range();
                    Expr {
                        kind: ExprKind::Call(Box::new(CallExpr {
                            callee: cx.expr(ty),
                            args: Vec::new(),
                            is_new: true,
                            span: span.clone(),
                        })),
                        span,
                    }
                }
                _ => Expr::unknown(d.byte_range()),
            };
            Some((cx.text(d).to_string(), value))
        }
        // `T x(y);` in a function: a construction, not the prototype the grammar reads.
        "function_declarator" if in_function && vexing(d) => {
            let name = d.child_by_field_name("declarator")?;
            let call = construction(d, callee?.clone(), cx)?;
            Some((
                cx.text(name).to_string(),
                Expr {
                    span: call.span.clone(),
                    kind: ExprKind::Call(Box::new(call)),
                },
            ))
        }
        "pointer_declarator" | "reference_declarator" | "array_declarator" => {
            let name = declared_name(d)?;
            Some((cx.text(name).to_string(), Expr::unknown(d.byte_range())))
        }
        _ => None,
    }
}

/// The constructor call a declarator makes: `T x(args)`, `T x{args}`, and `T x(y)` read as a
/// function declarator.
fn construction(d: Node<'_>, callee: Expr, cx: &Lowering<'_>) -> Option<CallExpr> {
    let args = match d.kind() {
        "init_declarator" => arguments(d.child_by_field_name("value")?, cx),
        "function_declarator" => named_children(d.child_by_field_name("parameters")?)
            .into_iter()
            .filter(|p| p.kind() == "parameter_declaration")
            .filter_map(|p| p.child_by_field_name("type"))
            .map(|t| Arg {
                name: None,
                value: cx.expr(t),
            })
            .collect(),
        _ => return None,
    };
    Some(CallExpr {
        callee,
        args,
        is_new: true,
        span: d.byte_range(),
    })
}

/// Whether an `init_declarator` constructs with arguments: `T x(args)`, `T x{args}`.
fn constructs(node: Node<'_>) -> bool {
    node.child_by_field_name("value")
        .is_some_and(|v| matches!(v.kind(), "argument_list" | "initializer_list"))
}

/// Whether a function declarator is really a construction `T x(y, z)`: a plain name whose
/// parameters are each a bare type name without a declarator.
fn vexing(node: Node<'_>) -> bool {
    let plain = node
        .child_by_field_name("declarator")
        .is_some_and(|d| d.kind() == "identifier");
    let Some(params) = node.child_by_field_name("parameters") else {
        return false;
    };
    let params = named_children(params);
    plain
        && !params.is_empty()
        && params.iter().all(|p| {
            p.kind() == "parameter_declaration"
                && p.child_by_field_name("declarator").is_none()
                && p.child_by_field_name("type")
                    .is_some_and(|t| matches!(t.kind(), "type_identifier" | "qualified_identifier"))
                && named_children(*p).len() == 1
        })
}

/// The identifier a declarator declares, through pointers, references and arrays.
fn declared_name(node: Node<'_>) -> Option<Node<'_>> {
    let mut node = node;
    for _ in 0..8 {
        match node.kind() {
            "identifier" | "field_identifier" => return Some(node),
            "pointer_declarator"
            | "reference_declarator"
            | "array_declarator"
            | "init_declarator" => {
                node = node.child_by_field_name("declarator").or_else(|| {
                    named_children(node)
                        .into_iter()
                        .find(|c| c.kind().ends_with("declarator") || c.kind() == "identifier")
                })?;
            }
            _ => return None,
        }
    }
    None
}

/// The function declarator of a function definition or lambda.
fn function_declarator(node: Node<'_>) -> Option<Node<'_>> {
    let mut d = node.child_by_field_name("declarator")?;
    for _ in 0..8 {
        match d.kind() {
            "function_declarator" | "abstract_function_declarator" => return Some(d),
            "pointer_declarator" | "reference_declarator" => {
                d = d.child_by_field_name("declarator").or_else(|| {
                    named_children(d)
                        .into_iter()
                        .find(|c| c.kind().ends_with("declarator"))
                })?;
            }
            _ => return None,
        }
    }
    None
}

/// The last name of `a::b::c` (or the name itself).
fn last_segment(node: Node<'_>) -> Option<Node<'_>> {
    let mut node = node;
    for _ in 0..32 {
        match node.kind() {
            "identifier" | "field_identifier" => return Some(node),
            "qualified_identifier" | "template_function" | "template_method" => {
                node = node.child_by_field_name("name")?;
            }
            _ => return None,
        }
    }
    None
}

/// `a::b::c` as the member chain `a.b.c`; `::x` as `x`.
fn qualified(node: Node<'_>, cx: &Lowering<'_>) -> Expr {
    let mut segments: Vec<(String, Span)> = Vec::new();
    let mut current = node;
    for _ in 0..64 {
        if current.kind() != "qualified_identifier" {
            break;
        }
        if let Some(scope) = current.child_by_field_name("scope") {
            let scope = match scope.kind() {
                "template_type" => scope.child_by_field_name("name").unwrap_or(scope),
                _ => scope,
            };
            segments.push((cx.text(scope).to_string(), scope.byte_range()));
        }
        match current.child_by_field_name("name") {
            Some(name) => current = name,
            None => return Expr::unknown(node.byte_range()),
        }
    }
    let last = match current.kind() {
        "template_function" | "template_type" | "template_method" => {
            current.child_by_field_name("name").unwrap_or(current)
        }
        "qualified_identifier" => return Expr::unknown(node.byte_range()),
        _ => current,
    };
    let mut expr: Option<Expr> = None;
    for (text, span) in segments {
        expr = Some(match expr {
            None => Expr {
                kind: ExprKind::Name(text),
                span,
            },
            Some(object) => Expr {
                span: object.span.start..span.end,
                kind: ExprKind::Member(Box::new(object), text),
            },
        });
    }
    let field = cx.text(last).to_string();
    match expr {
        None => Expr {
            kind: ExprKind::Name(field),
            span: node.byte_range(),
        },
        Some(object) => Expr {
            kind: ExprKind::Member(Box::new(object), field),
            span: node.byte_range(),
        },
    }
}

/// The type a factory call makes and whether its first argument is an allocation tag:
/// `std::make_shared<T>`, `std::make_unique<T>`, `Aws::MakeShared<T>`, `Aws::MakeUnique<T>`.
fn factory_type<'t>(function: Node<'t>, cx: &Lowering<'_>) -> Option<(Node<'t>, bool)> {
    let template = match function.kind() {
        "template_function" => function,
        "qualified_identifier" => {
            let mut current = function;
            for _ in 0..16 {
                match current.child_by_field_name("name") {
                    Some(n) if n.kind() == "qualified_identifier" => current = n,
                    Some(n) => {
                        current = n;
                        break;
                    }
                    None => return None,
                }
            }
            current
        }
        _ => return None,
    };
    if template.kind() != "template_function" {
        return None;
    }
    let name = cx.text(template.child_by_field_name("name")?);
    let tagged = match name {
        "make_shared" | "make_unique" => false,
        "MakeShared" | "MakeUnique" => true,
        _ => return None,
    };
    let list = template.child_by_field_name("arguments")?;
    let first = named_children(list).into_iter().next()?;
    let ty = match first.kind() {
        "type_descriptor" => first.child_by_field_name("type")?,
        _ => first,
    };
    Some((ty, tagged))
}

/// The operand of a cast-like call: `static_cast<T>(x)`, `std::chrono::duration_cast<T>(d)`,
/// `std::move(x)`.
fn cast_operand<'t>(node: Node<'t>, cx: &Lowering<'_>) -> Option<Node<'t>> {
    let function = node.child_by_field_name("function")?;
    let name = last_segment_any(function)?;
    if !CASTS.contains(&cx.text(name)) {
        return None;
    }
    let args: Vec<Node<'_>> = named_children(node.child_by_field_name("arguments")?)
        .into_iter()
        .filter(|a| a.kind() != "comment")
        .collect();
    match args.as_slice() {
        [only] => Some(*only),
        _ => None,
    }
}

/// The duration type of a `duration_cast<T>(d)`: the type node `T` (`std::chrono::seconds`).
fn duration_cast_unit<'t>(node: Node<'t>, cx: &Lowering<'_>) -> Option<Node<'t>> {
    let mut template = node.child_by_field_name("function")?;
    for _ in 0..8 {
        if template.kind() != "qualified_identifier" {
            break;
        }
        template = template.child_by_field_name("name")?;
    }
    if template.kind() != "template_function"
        || cx.text(template.child_by_field_name("name")?) != "duration_cast"
    {
        return None;
    }
    let first = template.child_by_field_name("arguments")?.named_child(0)?;
    let ty = match first.kind() {
        "type_descriptor" => first.child_by_field_name("type")?,
        _ => first,
    };
    matches!(ty.kind(), "qualified_identifier" | "type_identifier").then_some(ty)
}

/// The last name of a callee, through qualification and template arguments.
fn last_segment_any(node: Node<'_>) -> Option<Node<'_>> {
    let mut node = node;
    for _ in 0..32 {
        match node.kind() {
            "identifier" | "field_identifier" => return Some(node),
            "qualified_identifier" | "template_function" | "template_method" => {
                node = node.child_by_field_name("name")?;
            }
            _ => return None,
        }
    }
    None
}

/// The positional arguments of an argument list or braced initializer.
fn arguments(list: Node<'_>, cx: &Lowering<'_>) -> Vec<Arg> {
    arguments_of(list, cx)
}

fn arguments_of(list: Node<'_>, cx: &Lowering<'_>) -> Vec<Arg> {
    named_children(list)
        .into_iter()
        .filter(|a| a.kind() != "comment")
        .map(|a| Arg {
            name: None,
            value: cx.expr(a),
        })
        .collect()
}

/// A braced initializer: designated fields (`{.region = "…"}`) make an object, anything else
/// an array.
fn initializer(node: Node<'_>, cx: &Lowering<'_>) -> ExprKind {
    let elements: Vec<Node<'_>> = named_children(node)
        .into_iter()
        .filter(|c| c.kind() != "comment")
        .collect();
    if !elements.is_empty() && elements.iter().all(|e| e.kind() == "initializer_pair") {
        return ExprKind::Object(
            elements
                .into_iter()
                .filter_map(|e| {
                    let designator = e.child_by_field_name("designator")?;
                    let value = e.child_by_field_name("value")?;
                    let key = cx.text(designator).trim_start_matches('.').to_string();
                    Some(Field {
                        key,
                        value: cx.expr(value),
                    })
                })
                .collect(),
        );
    }
    ExprKind::Array(elements.into_iter().map(|e| cx.expr(e)).collect())
}

/// `24h`, `30min`, `"x"s`: chrono literals as their constructor, string literals as strings.
fn user_literal(node: Node<'_>, cx: &Lowering<'_>) -> Expr {
    let span = node.byte_range();
    let children = named_children(node);
    let (Some(literal), Some(suffix)) = (
        children.iter().find(|c| c.kind() != "literal_suffix"),
        children.iter().find(|c| c.kind() == "literal_suffix"),
    ) else {
        return Expr::unknown(span);
    };
    let value = cx.expr(*literal);
    if matches!(value.kind, ExprKind::Str(_)) {
        return Expr {
            kind: value.kind,
            span,
        };
    }
    let Some((_, unit)) = CHRONO_SUFFIXES.iter().find(|(s, _)| *s == cx.text(*suffix)) else {
        return Expr::unknown(span);
    };
    let chrono = Expr {
        kind: ExprKind::Name("chrono".to_string()),
        span: suffix.byte_range(),
    };
    Expr {
        kind: ExprKind::Call(Box::new(CallExpr {
            callee: Expr {
                kind: ExprKind::Member(Box::new(chrono), (*unit).to_string()),
                span: suffix.byte_range(),
            },
            args: vec![Arg { name: None, value }],
            is_new: false,
            span: span.clone(),
        })),
        span,
    }
}

/// A C++ number: integers with digit separators, suffixes (`u`, `l`, `ll`, `z`), hex, binary
/// and octal (`0755`); floats.
fn number(literal: &str) -> ExprKind {
    let cleaned = literal.replace('\'', "");
    let lower = cleaned.to_ascii_lowercase();
    let hex = lower.starts_with("0x");
    if !hex && (lower.contains('.') || lower.contains('e')) {
        let digits = lower.trim_end_matches(['f', 'l']);
        return digits.parse().map_or(ExprKind::Unknown, ExprKind::Float);
    }
    let digits = lower.trim_end_matches(['u', 'l', 'z']);
    if digits.len() > 1 && digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit()) {
        return i128::from_str_radix(&digits[1..], 8).map_or(ExprKind::Unknown, ExprKind::Int);
    }
    parse_int(digits).map_or(ExprKind::Unknown, ExprKind::Int)
}

/// The decoded body of a string literal (an encoding prefix `u8`, `L` left out).
fn string(node: Node<'_>, cx: &Lowering<'_>) -> String {
    let mut value = String::new();
    for child in named_children(node) {
        match child.kind() {
            "escape_sequence" => value.push_str(&unescape(cx.text(child))),
            "string_content" | "raw_string_content" => value.push_str(cx.text(child)),
            _ => {}
        }
    }
    value
}

fn is_string(node: Node<'_>) -> bool {
    matches!(
        node.kind(),
        "string_literal" | "raw_string_literal" | "concatenated_string"
    )
}

/// The leftmost operand of a `<<` chain.
fn leftmost(node: Node<'_>) -> Option<Node<'_>> {
    stream_operands(node).into_iter().next()
}

/// The operands of a left-associated `a << b << c` chain, in order.
fn stream_operands(node: Node<'_>) -> Vec<Node<'_>> {
    let mut rights = Vec::new();
    let mut current = node;
    for _ in 0..4096 {
        if !(current.kind() == "binary_expression" && is_shift(current)) {
            break;
        }
        let (Some(left), Some(right)) = (
            current.child_by_field_name("left"),
            current.child_by_field_name("right"),
        ) else {
            break;
        };
        rights.push(right);
        current = left;
    }
    rights.push(current);
    rights.reverse();
    rights
}

/// A `<<` expression.
fn is_shift(node: Node<'_>) -> bool {
    node.child_by_field_name("operator")
        .is_some_and(|o| o.kind() == "<<")
}

/// Whether a node is the outermost-to-be of a `<<` chain on a name (`std::cout << …`,
/// `log << …`, `x << 3`) or on a call (`LOG(INFO) << …`): `call` keeps the ones on a
/// standard stream or a logging macro's.
fn is_shift_chain(node: Node<'_>) -> bool {
    is_shift(node)
        && leftmost(node).is_some_and(|l| {
            matches!(
                l.kind(),
                "identifier" | "qualified_identifier" | "call_expression"
            )
        })
}

/// Whether a node is a call of a logging macro that gives a stream (`LOG(INFO)`).
fn is_log_stream(node: Node<'_>, source: &str) -> bool {
    node.kind() == "call_expression"
        && node
            .child_by_field_name("function")
            .and_then(|f| source.get(f.byte_range()))
            .is_some_and(|name| super::output::CPP_LOG_STREAMS.contains(&name.trim()))
}

/// A `#define NAME value` of a number or arithmetic over numbers and names, parsed from the
/// macro's text; `None` for anything else.
fn define_value(text: &str, offset: usize) -> Option<Expr> {
    let mut parser = DefineParser {
        bytes: text.as_bytes(),
        at: 0,
        offset,
        depth: 0,
    };
    let expr = parser.sum()?;
    parser.skip_space();
    (parser.at == parser.bytes.len()).then_some(expr)
}

/// A small precedence parser for `#define` bodies: `+ - * /`, parentheses, unary minus,
/// integer literals with C++ suffixes, and names (`DAY`, `cfg::kTtl`).
struct DefineParser<'t> {
    bytes: &'t [u8],
    at: usize,
    offset: usize,
    depth: usize,
}

impl DefineParser<'_> {
    fn skip_space(&mut self) {
        while self
            .bytes
            .get(self.at)
            .is_some_and(|b| b.is_ascii_whitespace())
        {
            self.at += 1;
        }
    }

    fn span(&self, start: usize) -> Span {
        self.offset + start..self.offset + self.at
    }

    fn sum(&mut self) -> Option<Expr> {
        let start = self.at;
        let mut left = self.product()?;
        loop {
            self.skip_space();
            let op = match self.bytes.get(self.at) {
                Some(b'+') => BinOp::Add,
                Some(b'-') => BinOp::Sub,
                _ => return Some(left),
            };
            self.at += 1;
            let right = self.product()?;
            left = Expr {
                kind: ExprKind::Binary(op, Box::new(left), Box::new(right)),
                span: self.span(start),
            };
        }
    }

    fn product(&mut self) -> Option<Expr> {
        let start = self.at;
        let mut left = self.atom()?;
        loop {
            self.skip_space();
            let op = match self.bytes.get(self.at) {
                Some(b'*') => BinOp::Mul,
                Some(b'/') if self.bytes.get(self.at + 1) != Some(&b'/') => BinOp::Div,
                _ => return Some(left),
            };
            self.at += 1;
            let right = self.atom()?;
            left = Expr {
                kind: ExprKind::Binary(op, Box::new(left), Box::new(right)),
                span: self.span(start),
            };
        }
    }

    fn atom(&mut self) -> Option<Expr> {
        self.depth += 1;
        if self.depth > 64 {
            return None;
        }
        self.skip_space();
        let start = self.at;
        let b = *self.bytes.get(self.at)?;
        let expr = if b == b'(' {
            self.at += 1;
            let inner = self.sum()?;
            self.skip_space();
            if self.bytes.get(self.at) != Some(&b')') {
                return None;
            }
            self.at += 1;
            Expr {
                kind: inner.kind,
                span: self.span(start),
            }
        } else if b == b'-' {
            self.at += 1;
            let inner = self.atom()?;
            Expr {
                kind: ExprKind::Neg(Box::new(inner)),
                span: self.span(start),
            }
        } else if b.is_ascii_digit() {
            while self
                .bytes
                .get(self.at)
                .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'\'' | b'.'))
            {
                self.at += 1;
            }
            let text = std::str::from_utf8(&self.bytes[start..self.at]).ok()?;
            Expr {
                kind: number(text),
                span: self.span(start),
            }
        } else if b.is_ascii_alphabetic() || b == b'_' {
            let mut path: Vec<String> = Vec::new();
            loop {
                let seg_start = self.at;
                while self
                    .bytes
                    .get(self.at)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
                {
                    self.at += 1;
                }
                path.push(
                    std::str::from_utf8(&self.bytes[seg_start..self.at])
                        .ok()?
                        .to_string(),
                );
                if self.bytes.get(self.at..self.at + 2) == Some(b"::".as_slice()) {
                    self.at += 2;
                    continue;
                }
                break;
            }
            let mut segments = path.into_iter();
            let mut expr = Expr {
                kind: ExprKind::Name(segments.next()?),
                span: self.span(start),
            };
            for segment in segments {
                expr = Expr {
                    kind: ExprKind::Member(Box::new(expr), segment),
                    span: self.span(start),
                };
            }
            expr
        } else {
            return None;
        };
        self.depth -= 1;
        Some(expr)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::SyntaxFacts;
    use crate::frontend::Language;
    use crate::frontend::test_support::params;

    fn facts(src: &str) -> SyntaxFacts {
        crate::frontend::test_support::facts(Language::Cpp, src)
    }

    use crate::frontend::test_support::last_binding as binding;

    #[test]
    fn declarations_construct_and_constants_are_qualified() {
        let f = facts(
            "#define TTL (24 * 3600)\n\
             namespace cfg { constexpr int kTtl = 60; }\n\
             struct Links { static constexpr int kShort = 5; };\n\
             void f() {\n\
               Aws::S3::S3Client client(config);\n\
               Aws::Client::ClientConfiguration c;\n\
               c.region = \"eu-west-1\";\n\
               auto p = Aws::MakeShared<Aws::S3::S3Client>(\"tag\", c);\n\
               int n{5};\n\
               auto d = 24h;\n\
             }",
        );
        assert!(matches!(
            binding(&f, "TTL").kind,
            ExprKind::Binary(BinOp::Mul, _, _)
        ));
        assert!(matches!(binding(&f, "cfg.kTtl").kind, ExprKind::Int(60)));
        assert!(matches!(binding(&f, "kTtl").kind, ExprKind::Int(60)));
        assert!(matches!(binding(&f, "Links.kShort").kind, ExprKind::Int(5)));
        let client = binding(&f, "client").as_call().expect("construction");
        assert!(client.is_new);
        assert_eq!(client.name(), Some("S3Client"));
        assert_eq!(client.args.len(), 1);
        let made = binding(&f, "p").as_call().expect("MakeShared");
        assert_eq!(made.name(), Some("S3Client"));
        assert_eq!(made.args.len(), 1, "the allocation tag is left out");
        assert!(matches!(binding(&f, "c.region").kind, ExprKind::Str(_)));
        assert!(matches!(binding(&f, "n").kind, ExprKind::Int(5)));
        let literal = binding(&f, "d").as_call().expect("chrono literal");
        assert_eq!(literal.name(), Some("hours"));
        assert!(f.calls.iter().any(|c| c.call.name() == Some("S3Client")));
    }

    #[test]
    fn streams_are_calls_of_their_operator() {
        let f = facts("void f() { std::cout << \"url \" << u << std::endl; x << 3; }");
        let out: Vec<_> = f
            .calls
            .iter()
            .filter(|c| c.call.name() == Some("<<"))
            .collect();
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].call.args.len(), 3);
    }

    #[test]
    fn params_defaults_and_qualified_function_names() {
        let f = facts(
            "Aws::String AwsDoc::S3::sign(const Aws::String &b, uint64_t exp = 60, ...) { return b; }\n\
             auto presign = [&](int k) { return k; };",
        );
        assert_eq!(f.functions[0].name.as_deref(), Some("sign"));
        assert_eq!(
            params(&f, 0),
            [("b", Some(0), false), ("exp", Some(1), false)]
        );
        assert!(f.functions[0].params[1].default.is_some());
        assert_eq!(f.functions[1].name.as_deref(), Some("presign"));
    }

    #[test]
    fn defines_that_are_not_arithmetic_stay_unknown() {
        assert!(define_value("(7 * DAY)", 0).is_some());
        assert!(define_value("\"text\"", 0).is_none());
        assert!(define_value("f(x)", 0).is_none());
        assert!(define_value(&"(".repeat(1000), 0).is_none());
    }
}
