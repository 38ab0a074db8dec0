//! Go (tree-sitter-go): calls and method calls, `:=`/`=`/`var`/`const` bindings, imports,
//! `for` loops, functions, methods and function literals. Struct literals
//! (`&s3.GetObjectInput{Bucket: b}`) and functional options that set fields of their
//! parameter (`func(o *s3.PresignOptions) { o.Expires = d }`) lower to objects; builtin
//! numeric conversions (`int64(x)`) keep their argument's value.

use tree_sitter::Node;

use super::syntax::{Grammar, Lowering};
use super::treesitter::{named_children, parse_int, unescape};
use crate::facts::{Arg, CallExpr, Declared, Expr, ExprKind, Field, Import, Param, Receiver};

pub struct Go;

/// Builtin types whose one-argument conversion keeps the numeric value (as far as expiries
/// go): `int64(time.Second)` is still one second's worth of nanoseconds.
const NUMERIC_CONVERSIONS: [&str; 14] = [
    "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64",
    "uintptr", "float32", "float64", "byte",
];

impl Grammar for Go {
    fn expr(&self, node: Node<'_>, cx: &Lowering<'_>) -> Expr {
        let span = node.byte_range();
        let kind = match node.kind() {
            "int_literal" => int(cx.text(node)).map_or(ExprKind::Unknown, ExprKind::Int),
            "float_literal" => cx
                .text(node)
                .replace('_', "")
                .parse()
                .map_or(ExprKind::Unknown, ExprKind::Float),
            "interpreted_string_literal" | "raw_string_literal" => ExprKind::Str(string(node, cx)),
            "true" => ExprKind::Bool(true),
            "false" => ExprKind::Bool(false),
            "nil" => ExprKind::Null,
            "identifier" | "field_identifier" | "package_identifier" | "type_identifier" => {
                ExprKind::Name(cx.text(node).to_string())
            }
            "selector_expression" => match (
                node.child_by_field_name("operand"),
                node.child_by_field_name("field"),
            ) {
                (Some(operand), Some(field)) => {
                    ExprKind::Member(Box::new(cx.expr(operand)), cx.text(field).to_string())
                }
                _ => ExprKind::Unknown,
            },
            // `time.Duration` as a type (`qualified_type`) reads like the selector it is.
            "qualified_type" => match (
                node.child_by_field_name("package"),
                node.child_by_field_name("name"),
            ) {
                (Some(package), Some(name)) => ExprKind::Member(
                    Box::new(Expr {
                        kind: ExprKind::Name(cx.text(package).to_string()),
                        span: package.byte_range(),
                    }),
                    cx.text(name).to_string(),
                ),
                _ => ExprKind::Unknown,
            },
            "call_expression" => {
                if let Some(inner) = numeric_conversion(node, cx) {
                    let lowered = cx.expr(inner);
                    return Expr {
                        kind: lowered.kind,
                        span,
                    };
                }
                cx.call(node)
                    .map_or(ExprKind::Unknown, |c| ExprKind::Call(Box::new(c)))
            }
            "binary_expression" => cx.binary(node),
            "unary_expression" => match (
                node.child_by_field_name("operator").map(|o| cx.text(o)),
                node.child_by_field_name("operand"),
            ) {
                (Some("-"), Some(operand)) => ExprKind::Neg(Box::new(cx.expr(operand))),
                // `&s3.GetObjectInput{…}` is the literal, `+x` is x.
                (Some("&" | "+"), Some(operand)) => return cx.expr(operand),
                _ => ExprKind::Unknown,
            },
            "parenthesized_expression" | "literal_element" | "expression_statement" => {
                return named_children(node)
                    .into_iter()
                    .find(|c| c.kind() != "comment")
                    .map_or(Expr::unknown(span), |inner| cx.expr(inner));
            }
            // `time.Duration(x)` written with a parenthesised or generic type, `T(x)`.
            "type_conversion_expression" => match (
                node.child_by_field_name("type"),
                node.child_by_field_name("operand"),
            ) {
                (Some(ty), Some(operand)) => {
                    let operand = cx.expr(operand);
                    let callee = cx.expr(ty);
                    ExprKind::Call(Box::new(CallExpr {
                        callee,
                        args: vec![Arg {
                            name: None,
                            value: operand,
                        }],
                        is_new: false,
                        span: span.clone(),
                    }))
                }
                _ => ExprKind::Unknown,
            },
            "composite_literal" => match node.child_by_field_name("body") {
                Some(body) => literal_value(body, cx),
                None => ExprKind::Unknown,
            },
            "literal_value" => literal_value(node, cx),
            "func_literal" => ExprKind::Object(option_fields(node, cx)),
            _ => ExprKind::Unknown,
        };
        Expr { kind, span }
    }

    fn call(&self, node: Node<'_>, cx: &Lowering<'_>) -> Option<CallExpr> {
        let function = node.child_by_field_name("function")?;
        let arguments = node.child_by_field_name("arguments")?;
        let args = named_children(arguments)
            .into_iter()
            .filter(|a| a.kind() != "comment")
            .map(|a| Arg {
                name: None,
                // `opts...` could hold anything: an unknown positional stands in.
                value: cx.expr(a),
            })
            .collect();
        Some(CallExpr {
            callee: cx.expr(function),
            args,
            is_new: false,
            span: node.byte_range(),
        })
    }

    fn bindings(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<(String, Expr)> {
        let span = node.byte_range();
        let (names, values, plain) = match node.kind() {
            "short_var_declaration" | "assignment_statement" => {
                let plain = node
                    .child_by_field_name("operator")
                    .is_none_or(|o| matches!(cx.text(o), "=" | ":="));
                (
                    node.child_by_field_name("left")
                        .map(named_children)
                        .unwrap_or_default(),
                    node.child_by_field_name("right")
                        .map(named_children)
                        .unwrap_or_default(),
                    plain,
                )
            }
            "var_spec" | "const_spec" => {
                let mut cursor = node.walk();
                let names: Vec<Node<'_>> = node
                    .children_by_field_name("name", &mut cursor)
                    .filter(|n| n.is_named())
                    .collect();
                (
                    names,
                    node.child_by_field_name("value")
                        .map(named_children)
                        .unwrap_or_default(),
                    true,
                )
            }
            "composite_literal" => return literal_fields(node, cx),
            _ => return Vec::new(),
        };
        let values: Vec<Node<'_>> = values
            .into_iter()
            .filter(|v| v.kind() != "comment")
            .collect();
        // `a, b := 1, 2` pairs up; `req, err := f()` or `x += 1` leaves values only known at
        // run time, which still shadow earlier bindings of the names.
        let paired = plain && names.len() == values.len();
        // `url, err := req.Presign(d)`: the first name holds the call's first result.
        let first_of = (plain && names.len() > 1 && values.len() == 1)
            .then(|| values.first().filter(|v| v.kind() == "call_expression"))
            .flatten();
        names
            .into_iter()
            .enumerate()
            .filter_map(|(i, name)| {
                let target = binding_name(name, cx)?;
                let value = match (values.get(i), first_of) {
                    (Some(v), _) if paired => cx.expr(*v),
                    (_, Some(call)) if i == 0 => Expr {
                        kind: ExprKind::FirstResult(Box::new(cx.expr(*call))),
                        span: call.byte_range(),
                    },
                    _ => Expr::unknown(span.clone()),
                };
                Some((target, value))
            })
            .collect()
    }

    /// `func (s *Store) URL()`: `s`, of `Store`.
    fn receiver(&self, node: Node<'_>, cx: &Lowering<'_>) -> Option<Receiver> {
        let list = node.child_by_field_name("receiver")?;
        let declaration = named_children(list)
            .into_iter()
            .find(|c| c.kind() == "parameter_declaration")?;
        let name = declaration.child_by_field_name("name")?;
        Some(Receiver {
            name: cx.text(name).to_string(),
            owner: type_name(declaration.child_by_field_name("type")?, cx)?,
        })
    }

    /// `signer *sign.URLSigner` of a parameter list or a struct's fields: each name with the
    /// type.
    fn declared(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<Declared> {
        let Some(ty) = node.child_by_field_name("type") else {
            return Vec::new();
        };
        let field = node.kind() == "field_declaration";
        let mut cursor = node.walk();
        node.children_by_field_name("name", &mut cursor)
            .filter(|n| matches!(n.kind(), "identifier" | "field_identifier"))
            .map(|n| {
                Declared::new(
                    cx.text(n).to_string(),
                    cx.text(ty),
                    field,
                    node.start_byte(),
                )
            })
            .collect()
    }

    fn parameters(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<String> {
        ["receiver", "parameters", "result"]
            .into_iter()
            .filter_map(|f| node.child_by_field_name(f))
            .filter(|list| list.kind() == "parameter_list")
            .flat_map(named_children)
            .flat_map(|p| {
                let mut cursor = p.walk();
                p.children_by_field_name("name", &mut cursor)
                    .filter(|n| n.kind() == "identifier")
                    .map(|n| cx.text(n).to_string())
                    .collect::<Vec<_>>()
            })
            .filter(|n| n != "_")
            .collect()
    }

    /// The `parameters` list only: the receiver is not an argument and the results are not
    /// parameters. Each name of a group (`a, b int`) takes a position, `_` and an unnamed
    /// parameter (`func(int, string)`) take one without a name, and `opts ...Option` takes
    /// the rest.
    fn params(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<Param> {
        let Some(list) = node
            .child_by_field_name("parameters")
            .filter(|l| l.kind() == "parameter_list")
        else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut position = 0;
        for declaration in named_children(list) {
            let rest = match declaration.kind() {
                "parameter_declaration" => false,
                "variadic_parameter_declaration" => true,
                _ => continue,
            };
            let mut cursor = declaration.walk();
            let names: Vec<Node<'_>> = declaration
                .children_by_field_name("name", &mut cursor)
                .filter(|n| n.kind() == "identifier")
                .collect();
            if names.is_empty() {
                position += 1;
                continue;
            }
            for name in names {
                let name = cx.text(name);
                if name != "_" {
                    out.push(Param {
                        rest,
                        ..Param::positional(name, position)
                    });
                }
                position += 1;
            }
        }
        out
    }

    /// `return url, nil` returns its first value; a bare `return` (named results) none.
    fn return_value<'t>(&self, node: Node<'t>) -> Option<Node<'t>> {
        if node.kind() != "return_statement" {
            return None;
        }
        let value = named_children(node)
            .into_iter()
            .find(|c| c.kind() != "comment")?;
        match value.kind() {
            "expression_list" => named_children(value)
                .into_iter()
                .find(|c| c.kind() != "comment"),
            _ => Some(value),
        }
    }

    fn imports(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<Import> {
        let Some(path) = node.child_by_field_name("path") else {
            return Vec::new();
        };
        let module = string(path, cx);
        let alias = node
            .child_by_field_name("name")
            .filter(|n| n.kind() == "package_identifier")
            .map(|n| cx.text(n).to_string());
        if node
            .child_by_field_name("name")
            .is_some_and(|n| n.kind() == "blank_identifier")
        {
            // `import _ "m"` binds no name.
            return vec![Import {
                module,
                name: None,
                alias: None,
            }];
        }
        let name = package_name(&module);
        vec![Import {
            module,
            name,
            alias,
        }]
    }
}

/// A Go integer literal: a leading `0` followed by digits is octal (`0755`).
fn int(literal: &str) -> Option<i128> {
    let cleaned = literal.replace('_', "");
    if cleaned.len() > 1 && cleaned.starts_with('0') && cleaned.bytes().all(|b| b.is_ascii_digit())
    {
        return i128::from_str_radix(&cleaned[1..], 8).ok();
    }
    parse_int(&cleaned)
}

/// The decoded body of an interpreted (`"…"`) or raw (`` `…` ``) string literal.
fn string(node: Node<'_>, cx: &Lowering<'_>) -> String {
    let mut value = String::new();
    for child in named_children(node) {
        match child.kind() {
            "escape_sequence" => value.push_str(&unescape(cx.text(child))),
            // Raw strings drop carriage returns.
            "raw_string_literal_content" => value.push_str(&cx.text(child).replace('\r', "")),
            _ => value.push_str(cx.text(child)),
        }
    }
    value
}

/// `int64(x)`, `float64(x)`: the argument of a builtin numeric conversion.
fn numeric_conversion<'t>(node: Node<'t>, cx: &Lowering<'_>) -> Option<Node<'t>> {
    let function = node.child_by_field_name("function")?;
    if function.kind() != "identifier" {
        return None;
    }
    let arguments = node.child_by_field_name("arguments")?;
    let args: Vec<Node<'_>> = named_children(arguments)
        .into_iter()
        .filter(|a| a.kind() != "comment")
        .collect();
    let [only] = args.as_slice() else {
        return None;
    };
    if only.kind() == "variadic_argument" {
        return None;
    }
    NUMERIC_CONVERSIONS
        .contains(&cx.text(function))
        .then_some(*only)
}

/// The fields of a `{Key: value, …}` literal body. Positional elements (`[]int{1, 2}`) make
/// an array.
fn literal_value(body: Node<'_>, cx: &Lowering<'_>) -> ExprKind {
    let elements: Vec<Node<'_>> = named_children(body)
        .into_iter()
        .filter(|c| c.kind() != "comment")
        .collect();
    if elements.iter().all(|e| e.kind() == "literal_element") && !elements.is_empty() {
        return ExprKind::Array(elements.into_iter().map(|e| cx.expr(e)).collect());
    }
    ExprKind::Object(
        elements
            .into_iter()
            .filter(|e| e.kind() == "keyed_element")
            .filter_map(|e| {
                let key = e.child_by_field_name("key")?;
                let value = e.child_by_field_name("value")?;
                let key_node = named_children(key)
                    .into_iter()
                    .find(|c| c.kind() != "comment")?;
                let key = match key_node.kind() {
                    "identifier" | "field_identifier" => cx.text(key_node).to_string(),
                    "interpreted_string_literal" | "raw_string_literal" => string(key_node, cx),
                    _ => return None,
                };
                Some(Field {
                    key,
                    value: cx.expr(value),
                })
            })
            .collect(),
    )
}

/// The fields a keyed literal of a type declared in this package sets, bound as `Type.field`
/// (`&Store{ttl: 48 * time.Hour}` → `Store.ttl`): what a method of the type reads through its
/// receiver (see `SyntaxFacts::lookup`). Another package's types (`s3.GetObjectInput{…}`) have
/// no methods here.
fn literal_fields(node: Node<'_>, cx: &Lowering<'_>) -> Vec<(String, Expr)> {
    let (Some(ty), Some(body)) = (
        node.child_by_field_name("type")
            .filter(|t| matches!(t.kind(), "type_identifier" | "generic_type"))
            .and_then(|t| type_name(t, cx)),
        node.child_by_field_name("body"),
    ) else {
        return Vec::new();
    };
    match literal_value(body, cx) {
        ExprKind::Object(fields) => fields
            .into_iter()
            .map(|f| (format!("{ty}.{}", f.key), f.value))
            .collect(),
        _ => Vec::new(),
    }
}

/// The name of a type as a method's receiver or a literal writes it: `Store` of `*Store`,
/// `Store[T]`.
fn type_name(node: Node<'_>, cx: &Lowering<'_>) -> Option<String> {
    match node.kind() {
        "type_identifier" => Some(cx.text(node).to_string()),
        "pointer_type" | "parenthesized_type" => named_children(node)
            .into_iter()
            .find(|c| c.kind() != "comment")
            .and_then(|inner| type_name(inner, cx)),
        "generic_type" => type_name(node.child_by_field_name("type")?, cx),
        _ => None,
    }
}

/// A functional option `func(o *T) { o.Expires = d; o.X = y }`: the fields it assigns on its
/// parameter, as an object (`{Expires: d, X: y}`).
fn option_fields(node: Node<'_>, cx: &Lowering<'_>) -> Vec<Field> {
    let params: Vec<String> = node
        .child_by_field_name("parameters")
        .map(named_children)
        .unwrap_or_default()
        .into_iter()
        .flat_map(|p| {
            let mut cursor = p.walk();
            p.children_by_field_name("name", &mut cursor)
                .filter(|n| n.kind() == "identifier")
                .map(|n| cx.text(n).to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    if params.is_empty() {
        return Vec::new();
    }
    let Some(body) = node.child_by_field_name("body") else {
        return Vec::new();
    };
    let statements = named_children(body)
        .into_iter()
        .flat_map(|c| {
            if c.kind() == "statement_list" {
                named_children(c)
            } else {
                vec![c]
            }
        })
        .filter(|s| s.kind() == "assignment_statement");
    let mut fields = Vec::new();
    for statement in statements {
        if statement
            .child_by_field_name("operator")
            .is_some_and(|o| cx.text(o) != "=")
        {
            continue;
        }
        let (Some(left), Some(right)) = (
            statement.child_by_field_name("left"),
            statement.child_by_field_name("right"),
        ) else {
            continue;
        };
        let (left, right) = (named_children(left), named_children(right));
        if left.len() != right.len() {
            continue;
        }
        for (target, value) in left.into_iter().zip(right) {
            if target.kind() != "selector_expression" {
                continue;
            }
            let (Some(operand), Some(field)) = (
                target.child_by_field_name("operand"),
                target.child_by_field_name("field"),
            ) else {
                continue;
            };
            if operand.kind() == "identifier" && params.iter().any(|p| p == cx.text(operand)) {
                fields.push(Field {
                    key: cx.text(field).to_string(),
                    value: cx.expr(value),
                });
            }
        }
    }
    fields
}

/// The name an assignment target binds: `x`, or a dotted `req.Expires`; `_` binds nothing.
fn binding_name(node: Node<'_>, cx: &Lowering<'_>) -> Option<String> {
    match node.kind() {
        "identifier" => Some(cx.text(node))
            .filter(|n| *n != "_")
            .map(str::to_string),
        "selector_expression" => {
            let path = cx.expr(node).path()?.join(".");
            Some(path)
        }
        _ => None,
    }
}

/// The package name an import path binds by default: its last segment, skipping a major
/// version suffix (`github.com/minio/minio-go/v7` → `minio-go`, a best guess).
fn package_name(module: &str) -> Option<String> {
    let mut segments = module.rsplit('/').filter(|s| !s.is_empty());
    let last = segments.next()?;
    let is_version =
        last.len() > 1 && last.starts_with('v') && last[1..].bytes().all(|b| b.is_ascii_digit());
    let name = if is_version {
        segments.next().unwrap_or(last)
    } else {
        last
    };
    Some(name.to_string())
}

#[cfg(test)]
mod tests {
    use super::super::Language;

    use super::*;
    use crate::facts::BinOp;
    use crate::facts::LoopKind;
    use crate::facts::SyntaxFacts;
    use crate::frontend::test_support::returns;
    use crate::semantic::eval::{Env, Value};
    use crate::text::source::SourceFile;

    fn facts(src: &str) -> SyntaxFacts {
        crate::frontend::test_support::facts(Language::Go, src)
    }

    /// Folds the first argument of the call named `method`.
    fn first_arg(src: &str, method: &str) -> Value {
        let facts = facts(src);
        let source = SourceFile::new(src.to_string());
        let call = facts
            .calls
            .iter()
            .find(|c| c.call.name() == Some(method))
            .expect("call");
        let mut env = Env::new(&facts, &source, call.function, crate::frontend::Family::Go);
        let arg = call.call.positional(0).expect("argument");
        env.eval(arg)
    }

    #[test]
    fn method_calls_and_durations() {
        let src = "package p\nfunc f() { u, err := req.Presign(15 * time.Minute) }\n";
        let f = facts(src);
        let call = &f
            .calls
            .iter()
            .find(|c| c.call.name() == Some("Presign"))
            .expect("call")
            .call;
        assert_eq!(call.receiver().and_then(Expr::path), Some(vec!["req"]));
        assert_eq!(first_arg(src, "Presign"), Value::Duration(900.0));
    }

    #[test]
    fn both_spellings_of_a_go_duration() {
        let a = "package p\nfunc f() {\n lifetimeSecs := 86400\n var d = time.Duration(lifetimeSecs) * time.Second\n req.Presign(d)\n}\n";
        let b = "package p\nfunc f() {\n lifetimeSecs := 86400\n req.Presign(time.Duration(lifetimeSecs * int64(time.Second)))\n}\n";
        for src in [a, b] {
            match first_arg(src, "Presign") {
                Value::Duration(d) => assert!((d - 86_400.0).abs() < 1e-6, "{d}"),
                other => panic!("{other:?}"),
            }
        }
        let constant =
            "package p\nconst expiry = 7 * 24 * time.Hour\nfunc f() { req.Presign(expiry) }\n";
        assert_eq!(first_arg(constant, "Presign"), Value::Duration(604_800.0));
    }

    #[test]
    fn parameters_shadow_package_bindings() {
        let src =
            "package p\nvar ttl = 48 * time.Hour\nfunc f(ttl time.Duration) { req.Presign(ttl) }\n";
        assert_eq!(first_arg(src, "Presign"), Value::Unknown);
    }

    #[test]
    fn bindings_pair_up_or_stay_unknown() {
        let src = "package p\nfunc f() {\n a, _ := 1, 2\n req, err := svc.GetObjectRequest(in)\n var q, r = 3, 4\n q += 5\n o.Expires = 6\n}\nconst (\n A = iota\n B\n)\n";
        let f = facts(src);
        let value = |name: &str| -> Vec<String> {
            f.bindings
                .iter()
                .filter(|b| b.name == name)
                .map(|b| match &b.value.kind {
                    ExprKind::Int(n) => n.to_string(),
                    ExprKind::Unknown => "?".to_string(),
                    ExprKind::FirstResult(call) => format!("first({:?})", call.path()),
                    other => format!("{other:?}"),
                })
                .collect()
        };
        assert_eq!(value("a"), ["1"]);
        assert!(value("_").is_empty());
        assert_eq!(value("req"), ["first(None)"]);
        assert_eq!(value("err"), ["?"]);
        assert_eq!(value("q"), ["3", "?"]);
        assert_eq!(value("r"), ["4"]);
        assert_eq!(value("o.Expires"), ["6"]);
        assert_eq!(value("B"), ["?"]);
    }

    #[test]
    fn struct_literals_and_functional_options_are_objects() {
        let src = "package p\nfunc f() {\n c.PresignGetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(\"b\"), Key: `k`}, func(opts *s3.PresignOptions) {\n  opts.Expires = 2 * time.Hour\n  other.Expires = 1\n })\n}\n";
        let f = facts(src);
        let call = &f
            .calls
            .iter()
            .find(|c| c.call.name() == Some("PresignGetObject"))
            .expect("call")
            .call;
        let input = call.positional(1).expect("input");
        assert!(input.field("Bucket").is_some_and(|b| b.as_call().is_some()));
        assert!(matches!(
            input.field("Key").map(|k| &k.kind),
            Some(ExprKind::Str(s)) if s == "k"
        ));
        let option = call.positional(2).expect("option");
        let ExprKind::Object(fields) = &option.kind else {
            panic!("{option:?}");
        };
        assert_eq!(fields.len(), 1);
        assert_eq!(fields[0].key, "Expires");
        assert!(matches!(
            fields[0].value.kind,
            ExprKind::Binary(BinOp::Mul, _, _)
        ));
    }

    #[test]
    fn literals() {
        let src = "package p\nvar a, b, c, d, e = 0755, 1_000, 0x10, \"x\\ty\", -2.5\n";
        let f = facts(src);
        let kinds: Vec<String> = f
            .bindings
            .iter()
            .map(|b| match &b.value.kind {
                ExprKind::Neg(inner) => format!("-{:?}", inner.kind),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "Int(493)",
                "Int(1000)",
                "Int(16)",
                "Str(\"x\\ty\")",
                "-Float(2.5)"
            ]
        );
    }

    #[test]
    fn imports_loops_functions_and_comments() {
        let src = "package p\nimport (\n \"time\"\n s3v1 \"github.com/aws/aws-sdk-go/service/s3\"\n _ \"embed\"\n minio \"github.com/minio/minio-go/v7\"\n)\n// c\nfunc (s *S) f(k string) {\n for _, key := range keys {\n  req.Presign(time.Hour)\n }\n go func() { g() }()\n}\n";
        let f = facts(src);
        let imports: Vec<(String, Option<String>, Option<String>)> = f
            .imports
            .iter()
            .map(|i| (i.module.clone(), i.name.clone(), i.alias.clone()))
            .collect();
        assert_eq!(imports[0], ("time".into(), Some("time".into()), None));
        assert_eq!(
            imports[1],
            (
                "github.com/aws/aws-sdk-go/service/s3".into(),
                Some("s3".into()),
                Some("s3v1".into())
            )
        );
        assert_eq!(imports[2], ("embed".into(), None, None));
        assert_eq!(imports[3].1.as_deref(), Some("minio-go"));
        assert_eq!(f.imports.len(), 4);
        assert_eq!(f.functions.len(), 2);
        let presign = f
            .calls
            .iter()
            .find(|c| c.call.name() == Some("Presign"))
            .expect("call");
        let (kind, span) = presign.enclosing_loop.clone().expect("in a loop");
        assert_eq!(kind, LoopKind::For);
        assert_eq!(&src[span], "for");
        let g = f
            .calls
            .iter()
            .find(|c| c.call.name() == Some("g"))
            .expect("g");
        assert_eq!(g.function, Some(1));
        for name in ["s", "k"] {
            assert!(
                f.bindings
                    .iter()
                    .any(|b| b.name == name && b.function == Some(0))
            );
        }
    }

    #[test]
    fn params_leave_out_the_receiver_and_the_results() {
        let src = "package p\nfunc (s *Store) Sign(ctx context.Context, a, b int, _ string, opts ...Option) (url string, err error) {\n url, err = s.c.Presign(a)\n return url, nil\n}\nfunc g(int, string) string { return presign(k) }\nvar h = func(x int) {\n return\n}\n";
        let f = facts(src);
        let params = |i: usize| -> Vec<(&str, Option<usize>, bool)> {
            f.functions[i]
                .params
                .iter()
                .map(|p| (p.name.as_str(), p.position, p.rest))
                .collect()
        };
        assert_eq!(
            params(0),
            [
                ("ctx", Some(0), false),
                ("a", Some(1), false),
                ("b", Some(2), false),
                ("opts", Some(4), true),
            ]
        );
        assert!(params(1).is_empty(), "unnamed parameters bind no name");
        assert_eq!(params(2), [("x", Some(0), false)]);
        assert!(
            f.functions
                .iter()
                .flat_map(|fun| &fun.params)
                .all(|p| p.default.is_none() && p.field.is_none())
        );
        // The receiver and the named results still shadow outer names.
        for name in ["s", "url", "err"] {
            assert!(
                f.bindings
                    .iter()
                    .any(|b| b.name == name && b.function == Some(0) && b.is_parameter()),
                "{name}"
            );
        }
        // `return url, nil` returns `url`; a bare `return` nothing.
        assert_eq!(
            returns(&f),
            [
                (Some(0), "url".to_string()),
                (Some(1), "presign()".to_string())
            ]
        );
    }

    #[test]
    fn a_closure_returns_to_itself() {
        let src = "package p\nfunc f(keys []string) func(string) string {\n return func(k string) string { return req.Presign(k, 15*time.Minute) }\n}\n";
        let f = facts(src);
        assert_eq!(f.functions[1].params[0].name, "k");
        assert_eq!(f.functions[1].parent, Some(0));
        let r = returns(&f);
        assert_eq!(r[0].0, Some(0));
        assert_eq!(r[1], (Some(1), "Presign()".to_string()));
    }
}
