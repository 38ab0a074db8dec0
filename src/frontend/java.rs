//! Java (tree-sitter-java): method invocations and `new`, local variables, `final` fields and
//! interface constants (also bound as `Class.NAME` and `this.NAME`), assignments (compound
//! ones fold as `x = x op y` outside loops), imports, loops, methods, constructors and
//! lambdas.
//!
//! Two lowerings serve the builder-style SDKs:
//! - a lambda argument lowers to its body, so `presignGetObject(r -> r.signatureDuration(d))`
//!   exposes the builder chain; a block body with several statements lowers to a call-less
//!   holder whose arguments are the statements' expressions (the chain search looks into it);
//! - a statement-level method call on a local (`request.setExpiration(d);`,
//!   `builder.signatureDuration(d);`) rebinds the local to that call, so a later use sees the
//!   mutation; `date.setTime(ms)` rebinds to `new Date(ms)`.

use tree_sitter::Node;

use super::syntax::{Grammar, Lowering, Role, Scope};
use super::treesitter::{named_children, parse_int, unescape};
use crate::facts::{Arg, CallExpr, Expr, ExprKind, Import, Param, Span};

pub struct Java;

impl Grammar for Java {
    fn scope(
        &self,
        node: Node<'_>,
        _parent: Option<Node<'_>>,
        cx: &Lowering<'_>,
    ) -> Option<(Span, Scope)> {
        match node.kind() {
            // An anonymous class: its body is a class without a name.
            "object_creation_expression" => named_children(node)
                .into_iter()
                .find(|c| c.kind() == "class_body")
                .map(|body| (body.byte_range(), Scope::Class(None))),
            _ => cx.kinds().scope(node),
        }
    }

    fn role(&self, node: Node<'_>, _parent: Option<Node<'_>>, cx: &Lowering<'_>) -> Role {
        match node.kind() {
            "expression_statement" if statement_receiver(node).is_some() => Role::Binding,
            _ => cx.kinds().role(node),
        }
    }

    fn expr(&self, node: Node<'_>, cx: &Lowering<'_>) -> Expr {
        let span = node.byte_range();
        let kind = match node.kind() {
            "decimal_integer_literal" | "hex_integer_literal" | "binary_integer_literal" => {
                parse_int(cx.text(node)).map_or(ExprKind::Unknown, ExprKind::Int)
            }
            "octal_integer_literal" => {
                octal(cx.text(node)).map_or(ExprKind::Unknown, ExprKind::Int)
            }
            "decimal_floating_point_literal" => {
                float(cx.text(node)).map_or(ExprKind::Unknown, ExprKind::Float)
            }
            "string_literal" => string(node, cx).map_or(ExprKind::Unknown, ExprKind::Str),
            "true" => ExprKind::Bool(true),
            "false" => ExprKind::Bool(false),
            "null_literal" => ExprKind::Null,
            "identifier" | "type_identifier" | "this" => ExprKind::Name(cx.text(node).to_string()),
            "field_access" => match (
                node.child_by_field_name("object"),
                node.child_by_field_name("field"),
            ) {
                (Some(object), Some(field)) => {
                    ExprKind::Member(Box::new(cx.expr(object)), cx.text(field).to_string())
                }
                _ => ExprKind::Unknown,
            },
            // `java.util.Date` in `new java.util.Date(…)`, `a.b.C` in imports.
            "scoped_type_identifier" | "scoped_identifier" => {
                return scoped(node, cx).unwrap_or(Expr::unknown(span));
            }
            "generic_type" => {
                return named_children(node)
                    .first()
                    .map_or(Expr::unknown(span.clone()), |t| cx.expr(*t));
            }
            "method_invocation" | "object_creation_expression" => cx
                .call(node)
                .map_or(ExprKind::Unknown, |c| ExprKind::Call(Box::new(c))),
            "binary_expression" => cx.binary(node),
            // `s != null ? Duration.ofSeconds(s) : DEFAULT`.
            "ternary_expression" => {
                cx.conditional(node, ["condition", "consequence", "alternative"])
            }
            "unary_expression" => match (
                node.child_by_field_name("operator").map(|o| cx.text(o)),
                node.child_by_field_name("operand"),
            ) {
                (Some("-"), Some(arg)) => ExprKind::Neg(Box::new(cx.expr(arg))),
                (Some("+"), Some(arg)) => return cx.expr(arg),
                _ => ExprKind::Unknown,
            },
            "parenthesized_expression" | "expression_statement" => {
                return named_children(node)
                    .into_iter()
                    .find(|c| !is_comment(*c))
                    .map_or(Expr::unknown(span), |inner| cx.expr(inner));
            }
            "cast_expression" => {
                return node
                    .child_by_field_name("value")
                    .map_or(Expr::unknown(span), |v| cx.expr(v));
            }
            "lambda_expression" => {
                return node
                    .child_by_field_name("body")
                    .map_or(Expr::unknown(span), |body| lambda_body(body, cx));
            }
            "array_initializer" => ExprKind::Array(
                named_children(node)
                    .into_iter()
                    .filter(|c| !is_comment(*c))
                    .map(|c| cx.expr(c))
                    .collect(),
            ),
            _ => ExprKind::Unknown,
        };
        Expr { kind, span }
    }

    fn call(&self, node: Node<'_>, cx: &Lowering<'_>) -> Option<CallExpr> {
        let arguments = node.child_by_field_name("arguments")?;
        let args = named_children(arguments)
            .into_iter()
            .filter(|a| !is_comment(*a))
            .map(|a| Arg {
                name: None,
                value: cx.expr(a),
            })
            .collect();
        let (callee, is_new) = match node.kind() {
            "object_creation_expression" => (cx.expr(node.child_by_field_name("type")?), true),
            _ => {
                let name = node.child_by_field_name("name")?;
                let method = cx.text(name).to_string();
                let callee = match node.child_by_field_name("object") {
                    Some(object) => Expr {
                        kind: ExprKind::Member(Box::new(cx.expr(object)), method),
                        span: object.start_byte()..name.end_byte(),
                    },
                    None => Expr {
                        kind: ExprKind::Name(method),
                        span: name.byte_range(),
                    },
                };
                (callee, false)
            }
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
            "local_variable_declaration" => declarators(node, cx)
                .into_iter()
                .map(|(name, value, _)| (name, value))
                .collect(),
            "field_declaration" | "constant_declaration" => {
                // A non-final field can be reassigned anywhere in the class: only constants
                // have a value worth folding.
                let constant = node.kind() == "constant_declaration"
                    || named_children(node)
                        .into_iter()
                        .any(|c| c.kind() == "modifiers" && has_word(cx.text(c), "final"));
                let class = enclosing_class(node, cx);
                let injected = spring_value(node, cx);
                let mut out = Vec::new();
                for (name, value, name_span) in declarators(node, cx) {
                    // A final field without a value is its constructors' to assign.
                    let blank = matches!(value.kind, ExprKind::Unknown) && value.span == name_span;
                    if constant && blank && injected.is_none() {
                        continue;
                    }
                    let value = match &injected {
                        // Spring sets it to the property, or to the placeholder's default.
                        Some(setting) => setting.clone(),
                        None if constant => value,
                        None => Expr::unknown(name_span),
                    };
                    if let Some(class) = class {
                        out.push((format!("{class}.{name}"), value.clone()));
                    }
                    out.push((format!("this.{name}"), value.clone()));
                    out.push((name, value));
                }
                out
            }
            "assignment_expression" => cx.assignment(node, "left", "right").into_iter().collect(),
            // try-with-resources: `try (S3Presigner p = S3Presigner.create()) { … }`.
            "resource" => match (
                node.child_by_field_name("name"),
                node.child_by_field_name("value"),
            ) {
                (Some(name), Some(value)) => vec![(cx.text(name).to_string(), cx.expr(value))],
                _ => Vec::new(),
            },
            "expression_statement" => statement_rebinding(node, cx).into_iter().collect(),
            _ => Vec::new(),
        }
    }

    fn parameters(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<String> {
        let Some(params) = node.child_by_field_name("parameters") else {
            return Vec::new();
        };
        match params.kind() {
            "identifier" => vec![cx.text(params).to_string()],
            _ => named_children(params)
                .into_iter()
                .filter_map(|p| match p.kind() {
                    "identifier" => Some(cx.text(p).to_string()),
                    "formal_parameter" => p
                        .child_by_field_name("name")
                        .map(|n| cx.text(n).to_string()),
                    "spread_parameter" => named_children(p)
                        .into_iter()
                        .find(|c| c.kind() == "variable_declarator")
                        .and_then(|d| d.child_by_field_name("name"))
                        .map(|n| cx.text(n).to_string()),
                    _ => None,
                })
                .collect(),
        }
    }

    /// Formal parameters in order (a lambda's `x ->` and `(a, b) ->` too); varargs
    /// (`String... keys`) take the rest; the receiver parameter (`Outer this`) is not an
    /// argument.
    fn params(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<Param> {
        let Some(params) = node.child_by_field_name("parameters") else {
            return Vec::new();
        };
        let list = match params.kind() {
            "identifier" => vec![params],
            _ => named_children(params),
        };
        let mut out = Vec::new();
        let mut position = 0;
        for p in list {
            let (name, rest) = match p.kind() {
                "identifier" => (Some(p), false),
                "formal_parameter" => (p.child_by_field_name("name"), false),
                "spread_parameter" => (
                    named_children(p)
                        .into_iter()
                        .find(|c| c.kind() == "variable_declarator")
                        .and_then(|d| d.child_by_field_name("name")),
                    true,
                ),
                _ => continue,
            };
            if let Some(name) = name.map(|n| cx.text(n)).filter(|n| *n != "_") {
                out.push(Param {
                    rest,
                    ..Param::positional(name, position)
                });
            }
            position += 1;
        }
        out
    }

    /// `return x;`, and a lambda's expression body (`b -> b.signatureDuration(d)`).
    fn return_value<'t>(&self, node: Node<'t>) -> Option<Node<'t>> {
        match node.kind() {
            "return_statement" => named_children(node).into_iter().find(|c| !is_comment(*c)),
            "lambda_expression" => node
                .child_by_field_name("body")
                .filter(|b| b.kind() != "block"),
            _ => None,
        }
    }

    fn imports(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<Import> {
        let children = named_children(node);
        let Some(path) = children
            .iter()
            .find(|c| matches!(c.kind(), "scoped_identifier" | "identifier"))
        else {
            return Vec::new();
        };
        let full = cx.text(*path).to_string();
        if children.iter().any(|c| c.kind() == "asterisk") {
            return vec![Import {
                module: full,
                name: None,
                alias: None,
            }];
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
}

fn is_comment(node: Node<'_>) -> bool {
    matches!(node.kind(), "line_comment" | "block_comment")
}

/// Whether `word` appears as a whole word in `text` (modifiers, annotations).
fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric() && c != '_')
        .any(|w| w == word)
}

/// `017` is octal in Java (`parse_int` would read it as decimal).
fn octal(literal: &str) -> Option<i128> {
    let digits: String = literal
        .chars()
        .filter(|c| *c != '_')
        .take_while(|c| c.is_ascii_digit())
        .collect();
    i128::from_str_radix(&digits, 8).ok()
}

/// `2.5`, `1e3`, `2.5f`, `1_000.0d`.
fn float(literal: &str) -> Option<f64> {
    let cleaned: String = literal.chars().filter(|c| *c != '_').collect();
    cleaned.trim_end_matches(['f', 'F', 'd', 'D']).parse().ok()
}

/// Spring's `@Value("${links.ttl:604800}")` on a field: the property it injects, with its
/// default ([`super::defaults::placeholder`]).
fn spring_value(node: Node<'_>, cx: &Lowering<'_>) -> Option<Expr> {
    let modifiers = named_children(node)
        .into_iter()
        .find(|c| c.kind() == "modifiers")?;
    named_children(modifiers).into_iter().find_map(|a| {
        if a.kind() != "annotation"
            || a.child_by_field_name("name").map(|n| cx.text(n)) != Some("Value")
        {
            return None;
        }
        let args = a.child_by_field_name("arguments")?;
        let literal = named_children(args)
            .into_iter()
            .find(|c| c.kind() == "string_literal")?;
        super::defaults::placeholder(&string(literal, cx)?, literal.byte_range())
    })
}

/// The decoded value of a string literal or text block; `None` with a template interpolation.
fn string(node: Node<'_>, cx: &Lowering<'_>) -> Option<String> {
    let mut value = String::new();
    for child in named_children(node) {
        match child.kind() {
            "string_fragment" | "multiline_string_fragment" => value.push_str(cx.text(child)),
            "escape_sequence" => value.push_str(&unescape(cx.text(child))),
            "string_interpolation" => return None,
            _ => {}
        }
    }
    Some(value)
}

/// `a.b.C` as a member chain.
fn scoped(node: Node<'_>, cx: &Lowering<'_>) -> Option<Expr> {
    let parts = named_children(node);
    let (last, init) = parts.split_last()?;
    let object = match init {
        [] => return Some(cx.expr(*last)),
        [single] => cx.expr(*single),
        _ => Expr {
            kind: ExprKind::Unknown,
            span: node.byte_range(),
        },
    };
    // `scoped_type_identifier` nests to the left, so `init` is one node in practice.
    Some(Expr {
        kind: ExprKind::Member(Box::new(object), cx.text(*last).to_string()),
        span: node.byte_range(),
    })
}

/// A lambda body: an expression lowers to itself; a block to its one expression statement or
/// `return` value, or, with several, to a holder call (no callee) whose arguments are the
/// statements' expressions.
fn lambda_body(body: Node<'_>, cx: &Lowering<'_>) -> Expr {
    if body.kind() != "block" {
        return cx.expr(body);
    }
    let mut exprs: Vec<Expr> = named_children(body)
        .into_iter()
        .filter(|s| matches!(s.kind(), "expression_statement" | "return_statement"))
        .filter_map(|s| {
            named_children(s)
                .into_iter()
                .find(|c| !is_comment(*c))
                .map(|e| cx.expr(e))
        })
        .collect();
    if exprs.len() == 1 {
        return exprs.remove(0);
    }
    Expr::holding(body.byte_range(), exprs)
}

/// `(name, value, name span)` of each declarator; a declarator without initializer binds an
/// unknown value (it shadows outer names).
fn declarators(node: Node<'_>, cx: &Lowering<'_>) -> Vec<(String, Expr, Span)> {
    let mut cursor = node.walk();
    node.children_by_field_name("declarator", &mut cursor)
        .filter_map(|d| {
            let name = d.child_by_field_name("name")?;
            // `int a[] = …`: an array of something; not an expiry.
            let array = d.child_by_field_name("dimensions").is_some();
            let value = match d.child_by_field_name("value") {
                Some(v) if !array => cx.expr(v),
                _ => Expr::unknown(name.byte_range()),
            };
            Some((cx.text(name).to_string(), value, name.byte_range()))
        })
        .collect()
}

/// The name of the class, interface, enum or record a member is declared in.
fn enclosing_class<'s>(node: Node<'_>, cx: &Lowering<'s>) -> Option<&'s str> {
    match cx.scope(node)? {
        Scope::Class(name) => cx.source.get(name?),
        _ => None,
    }
}

/// The root identifier of a statement-level method chain `x.a(…).b(…);`: the local it may
/// mutate.
fn statement_receiver(node: Node<'_>) -> Option<Node<'_>> {
    let inv = named_children(node).into_iter().find(|c| !is_comment(*c))?;
    if inv.kind() != "method_invocation" {
        return None;
    }
    let mut current = inv;
    loop {
        let object = current.child_by_field_name("object")?;
        match object.kind() {
            "method_invocation" => current = object,
            "identifier" => return Some(object),
            _ => return None,
        }
    }
}

/// The rebinding of a statement-level mutation: `request.setExpiration(d);` binds `request`
/// to the call (a later `generatePresignedUrl(request)` finds it in the chain);
/// `date.setTime(ms);` binds `date` to `new Date(ms)`. Class names (upper case) and clock
/// shifts of immutable values (`instant.plusSeconds(60);` changes nothing) are left alone.
fn statement_rebinding(node: Node<'_>, cx: &Lowering<'_>) -> Option<(String, Expr)> {
    let root = statement_receiver(node)?;
    let name = cx.text(root);
    if !name.starts_with(|c: char| c.is_ascii_lowercase() || c == '_') {
        return None;
    }
    let inv = named_children(node).into_iter().find(|c| !is_comment(*c))?;
    let mut methods = Vec::new();
    let mut current = Some(inv);
    while let Some(n) = current.filter(|n| n.kind() == "method_invocation") {
        if let Some(m) = n.child_by_field_name("name") {
            methods.push(cx.text(m));
        }
        current = n.child_by_field_name("object");
    }
    if methods
        .iter()
        .any(|m| m.starts_with("plus") || m.starts_with("minus"))
    {
        return None;
    }
    let call = cx.call(inv)?;
    let direct = call.receiver().map(|r| r.span.clone()) == Some(root.byte_range());
    if direct && call.name() == Some("setTime") && call.args.len() == 1 {
        let span = inv.byte_range();
        let value = Expr {
            kind: ExprKind::Call(Box::new(CallExpr {
                callee: Expr {
                    kind: ExprKind::Name("Date".to_string()),
                    span: call.callee.span.clone(),
                },
                args: call.args,
                is_new: true,
                span: span.clone(),
            })),
            span,
        };
        return Some((name.to_string(), value));
    }
    Some((
        name.to_string(),
        Expr {
            kind: ExprKind::Call(Box::new(call)),
            span: inv.byte_range(),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::BinOp;
    use crate::facts::SyntaxFacts;
    use crate::frontend::Language;

    use crate::frontend::test_support::{params, returns};

    fn facts(src: &str) -> SyntaxFacts {
        crate::frontend::test_support::facts(Language::Java, src)
    }

    use crate::frontend::test_support::call;

    #[test]
    fn method_chain_and_lambda() {
        let f = facts(
            "class A { void f() {\n\
             presigner.presignGetObject(r -> r.signatureDuration(Duration.ofHours(2)).getObjectRequest(g));\n\
             } }",
        );
        let c = call(&f, "presignGetObject");
        assert_eq!(c.receiver().and_then(|r| r.path()), Some(vec!["presigner"]));
        let arg = c
            .positional(0)
            .and_then(Expr::as_call)
            .expect("lambda body");
        assert_eq!(arg.name(), Some("getObjectRequest"));
        assert_eq!(f.functions.len(), 2);
    }

    #[test]
    fn literals_and_constants() {
        let f = facts(
            "class Cfg { private static final long TTL = 60L * 1_000; int x = 5;\n\
             void f() { long ms = 017; ms += 1; String s = \"a\\n\"; } }",
        );
        let ttl = f
            .bindings
            .iter()
            .find(|b| b.name == "Cfg.TTL")
            .expect("alias");
        assert!(matches!(ttl.value.kind, ExprKind::Binary(BinOp::Mul, _, _)));
        let x = f.bindings.iter().find(|b| b.name == "x").expect("field");
        assert!(matches!(x.value.kind, ExprKind::Unknown), "non-final field");
        let ms = f.bindings.iter().find(|b| b.name == "ms").expect("local");
        assert!(matches!(ms.value.kind, ExprKind::Int(15)));
        let s = f.bindings.iter().find(|b| b.name == "s").expect("string");
        assert!(matches!(&s.value.kind, ExprKind::Str(v) if v == "a\n"));
        assert_eq!(f.bindings.iter().filter(|b| b.name == "ms").count(), 2);
    }

    #[test]
    fn statement_mutations_rebind() {
        let f = facts(
            "class A { void f() {\n\
             Date d = new Date();\n\
             d.setTime(ms);\n\
             req.setExpiration(d);\n\
             instant.plusSeconds(60);\n\
             System.out.println(d);\n\
             } }",
        );
        let d = f.bindings.iter().rfind(|b| b.name == "d").expect("d");
        let c = d.value.as_call().expect("new Date");
        assert!(c.is_new);
        assert!(f.bindings.iter().any(|b| b.name == "req"));
        assert!(!f.bindings.iter().any(|b| b.name == "instant"));
        assert!(!f.bindings.iter().any(|b| b.name == "System"));
    }

    #[test]
    fn scopes_without_parent_walks() {
        let f = facts(
            "class Outer { static final int A = 1;\n\
             void f() { long ms = 0; ms += 5; for (;;) { ms += 1; } xs.forEach(x -> { ms += 2; }); }\n\
             Object o = new Object() { final int B = 2; };\n\
             static class Inner { static final int C = 3; } }",
        );
        assert!(f.bindings.iter().any(|b| b.name == "Outer.A"));
        assert!(f.bindings.iter().any(|b| b.name == "Inner.C"));
        assert!(f.bindings.iter().any(|b| b.name == "B"));
        assert!(
            !f.bindings
                .iter()
                .any(|b| b.name.ends_with(".B") && !b.name.starts_with("this"))
        );
        let ms: Vec<_> = f.bindings.iter().filter(|b| b.name == "ms").collect();
        assert_eq!(ms.len(), 4);
        assert!(matches!(
            ms[1].value.kind,
            ExprKind::Binary(BinOp::Add, _, _)
        ));
        assert!(matches!(ms[2].value.kind, ExprKind::Unknown), "in a loop");
        assert!(matches!(ms[3].value.kind, ExprKind::Unknown), "in a lambda");
    }

    #[test]
    fn params_in_order_with_varargs_as_the_rest() {
        let f = facts(
            "class A {\n\
             A(int x) {}\n\
             String sign(final String key, @Nullable Duration ttl, String... rest) { return presign(key); }\n\
             int h(A this, int[] a, int b[]) { return; }\n\
             static <T> URL url(/* k */ T key) { return s3.generatePresignedUrl(b, key, exp); }\n\
             }",
        );
        assert_eq!(params(&f, 0), [("x", Some(0), false)]);
        assert_eq!(
            params(&f, 1),
            [
                ("key", Some(0), false),
                ("ttl", Some(1), false),
                ("rest", Some(2), true)
            ]
        );
        assert_eq!(
            params(&f, 2),
            [("a", Some(0), false), ("b", Some(1), false)],
            "the receiver parameter is no argument"
        );
        assert_eq!(params(&f, 3), [("key", Some(0), false)]);
        assert!(
            f.functions
                .iter()
                .flat_map(|fun| &fun.params)
                .all(|p| p.default.is_none() && p.field.is_none())
        );
        // A bare `return;` returns nothing.
        assert_eq!(
            returns(&f),
            [
                (Some(1), "presign()".to_string()),
                (Some(3), "generatePresignedUrl()".to_string())
            ]
        );
    }

    #[test]
    fn lambdas_return_their_expression_bodies() {
        let f = facts(
            "class A { void f() {\n\
             presigner.presignGetObject(b -> b.signatureDuration(d));\n\
             g((a, b) -> { return a; });\n\
             g((String a, int c) -> a);\n\
             g(() -> { h(); });\n\
             } }",
        );
        assert_eq!(params(&f, 1), [("b", Some(0), false)]);
        assert_eq!(
            params(&f, 2),
            [("a", Some(0), false), ("b", Some(1), false)]
        );
        assert_eq!(
            params(&f, 3),
            [("a", Some(0), false), ("c", Some(1), false)]
        );
        assert!(params(&f, 4).is_empty());
        assert_eq!(
            returns(&f),
            [
                (Some(1), "signatureDuration()".to_string()),
                (Some(2), "a".to_string()),
                (Some(3), "a".to_string())
            ]
        );
    }
}
