//! C# (tree-sitter-c-sharp): invocations with named arguments, `new T(…) { A = x }` (a
//! constructor call whose last argument is the initializer as an object), local and field
//! declarations, assignments (dotted for `request.Expires = …`), `using` directives, loops,
//! methods, local functions and lambdas.
//!
//! A request object built in steps (`var r = new GetPreSignedUrlRequest { … };
//! r.Expires = …; client.GetPreSignedURL(r)`) binds `r` to the object its initializer and the
//! property assignments before the call give it, so a field lookup through the name finds
//! the last value set.

use tree_sitter::Node;

use super::syntax::{Grammar, Lowering, Role};
use super::treesitter::{self, Earlier, named_children, parse_int, statement_assignment, unescape};
use crate::facts::{Arg, CallExpr, Expr, ExprKind, Field, Import, Param};

pub struct CSharp;

impl Grammar for CSharp {
    fn role(&self, node: Node<'_>, _parent: Option<Node<'_>>, cx: &Lowering<'_>) -> Role {
        match node.kind() {
            // `new T { Expires = … }`: the initializer's assignments are fields, not bindings.
            "assignment_expression" if !in_initializer(node) => Role::Binding,
            _ => cx.kinds().role(node),
        }
    }

    fn expr(&self, node: Node<'_>, cx: &Lowering<'_>) -> Expr {
        let span = node.byte_range();
        let kind = match node.kind() {
            "integer_literal" => parse_int(cx.text(node)).map_or(ExprKind::Unknown, ExprKind::Int),
            "real_literal" => real(cx.text(node)).map_or(ExprKind::Unknown, ExprKind::Float),
            "string_literal"
            | "verbatim_string_literal"
            | "raw_string_literal"
            | "interpolated_string_expression" => string(node, cx).map_or_else(
                || {
                    ExprKind::Interpolated(
                        named_children(node)
                            .into_iter()
                            .filter(|c| c.kind() == "interpolation")
                            .filter_map(|c| {
                                named_children(c)
                                    .into_iter()
                                    .find(|e| !e.kind().starts_with("interpolation_"))
                            })
                            .map(|e| cx.expr(e))
                            .collect(),
                    )
                },
                ExprKind::Str,
            ),
            "boolean_literal" => ExprKind::Bool(cx.text(node) == "true"),
            "null_literal" => ExprKind::Null,
            "identifier" | "predefined_type" | "this" | "base" => {
                ExprKind::Name(cx.text(node).to_string())
            }
            "generic_name" => named_children(node)
                .into_iter()
                .find(|c| c.kind() == "identifier")
                .map_or(ExprKind::Unknown, |id| {
                    ExprKind::Name(cx.text(id).to_string())
                }),
            "qualified_name" => match (
                node.child_by_field_name("qualifier"),
                node.child_by_field_name("name"),
            ) {
                (Some(q), Some(n)) => ExprKind::Member(Box::new(cx.expr(q)), simple_name(n, cx)),
                _ => ExprKind::Unknown,
            },
            "alias_qualified_name" => {
                return node
                    .child_by_field_name("name")
                    .map_or(Expr::unknown(span), |n| cx.expr(n));
            }
            "member_access_expression" => match (
                node.child_by_field_name("expression"),
                node.child_by_field_name("name"),
            ) {
                (Some(object), Some(name)) => {
                    ExprKind::Member(Box::new(cx.expr(object)), simple_name(name, cx))
                }
                _ => ExprKind::Unknown,
            },
            // `configuration["Links:TtlSeconds"]`: a literal key reads like a member.
            "element_access_expression" => {
                let key = node
                    .child_by_field_name("subscript")
                    .map(named_children)
                    .and_then(|args| match args.as_slice() {
                        [arg] => named_children(*arg).first().map(|v| cx.expr(*v)),
                        _ => None,
                    });
                match (node.child_by_field_name("expression"), key) {
                    (
                        Some(object),
                        Some(Expr {
                            kind: ExprKind::Str(key),
                            ..
                        }),
                    ) => ExprKind::Member(Box::new(cx.expr(object)), key),
                    _ => ExprKind::Unknown,
                }
            }
            // `client?.Method`: the member access it guards.
            "conditional_access_expression" => conditional_member(node, cx),
            "invocation_expression"
            | "object_creation_expression"
            | "implicit_object_creation_expression" => cx
                .call(node)
                .map_or(ExprKind::Unknown, |c| ExprKind::Call(Box::new(c))),
            "anonymous_object_creation_expression" => anonymous_object(node, cx),
            "initializer_expression" => initializer(node, cx),
            "binary_expression" => cx.binary(node),
            "conditional_expression" => {
                cx.conditional(node, ["condition", "consequence", "alternative"])
            }
            "prefix_unary_expression" => {
                let operator = node.child(0).map(|o| cx.text(o));
                let operand = named_children(node).into_iter().next();
                match (operator, operand) {
                    (Some("-"), Some(operand)) => ExprKind::Neg(Box::new(cx.expr(operand))),
                    (Some("+"), Some(operand)) => return cx.expr(operand),
                    _ => ExprKind::Unknown,
                }
            }
            // `x!` (null-forgiving) is `x`.
            "postfix_unary_expression" => {
                let last = node
                    .child(node.child_count().saturating_sub(1))
                    .map(|o| cx.text(o));
                match (last, named_children(node).into_iter().next()) {
                    (Some("!"), Some(operand)) => return cx.expr(operand),
                    _ => ExprKind::Unknown,
                }
            }
            "cast_expression" => {
                return node
                    .child_by_field_name("value")
                    .map_or(Expr::unknown(span), |v| cx.expr(v));
            }
            "parenthesized_expression"
            | "await_expression"
            | "checked_expression"
            | "expression_statement"
            | "argument" => {
                return named_children(node)
                    .into_iter()
                    .rfind(|c| c.kind() != "comment")
                    .map_or(Expr::unknown(span), |inner| cx.expr(inner));
            }
            _ => ExprKind::Unknown,
        };
        Expr { kind, span }
    }

    fn call(&self, node: Node<'_>, cx: &Lowering<'_>) -> Option<CallExpr> {
        match node.kind() {
            "invocation_expression" => {
                let function = node.child_by_field_name("function")?;
                let args = node
                    .child_by_field_name("arguments")
                    .map(|a| arguments(a, cx))
                    .unwrap_or_default();
                Some(CallExpr {
                    callee: cx.expr(function),
                    args,
                    is_new: false,
                    span: node.byte_range(),
                })
            }
            "object_creation_expression" | "implicit_object_creation_expression" => {
                // The target-typed `new() { … }` names no type.
                let callee = node
                    .child_by_field_name("type")
                    .map_or(Expr::unknown(node.start_byte()..node.start_byte()), |t| {
                        cx.expr(t)
                    });
                let children = named_children(node);
                let mut args = children
                    .iter()
                    .find(|c| c.kind() == "argument_list")
                    .map(|a| arguments(*a, cx))
                    .unwrap_or_default();
                if let Some(init) = children
                    .iter()
                    .find(|c| c.kind() == "initializer_expression")
                {
                    args.push(Arg {
                        name: None,
                        value: cx.expr(*init),
                    });
                }
                Some(CallExpr {
                    callee,
                    args,
                    is_new: true,
                    span: node.byte_range(),
                })
            }
            _ => None,
        }
    }

    fn bindings(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<(String, Expr)> {
        match node.kind() {
            "variable_declarator" => declarator(node, cx),
            "assignment_expression" => assignment(node, cx),
            _ => Vec::new(),
        }
    }

    fn parameters(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<String> {
        let Some(params) = node.child_by_field_name("parameters") else {
            return Vec::new();
        };
        if params.kind() == "implicit_parameter" || params.kind() == "identifier" {
            return vec![cx.text(params).to_string()];
        }
        named_children(params)
            .into_iter()
            .filter_map(|p| match p.kind() {
                "parameter" => p.child_by_field_name("name"),
                "implicit_parameter" | "identifier" => Some(p),
                _ => None,
            })
            .map(|n| cx.text(n).to_string())
            .collect()
    }

    /// Parameters in order with their defaults (`int minutes = 60`: the expression after the
    /// `=`); a `params` array takes the rest (the grammar puts its `params`, type and name in
    /// the list itself, with no `parameter` node). An extension method's `this` parameter is
    /// the receiver, not an argument.
    fn params(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<Param> {
        let Some(list) = node.child_by_field_name("parameters") else {
            return Vec::new();
        };
        if matches!(list.kind(), "implicit_parameter" | "identifier") {
            return vec![Param::positional(cx.text(list), 0)];
        }
        let mut out = Vec::new();
        let mut position = 0;
        let mut params_array = false;
        let mut cursor = list.walk();
        if !cursor.goto_first_child() {
            return out;
        }
        loop {
            let child = cursor.node();
            let field = cursor.field_name();
            match child.kind() {
                "params" => params_array = true,
                "parameter" => {
                    let receiver = position == 0
                        && out.is_empty()
                        && named_children(child)
                            .into_iter()
                            .any(|m| m.kind() == "modifier" && cx.text(m) == "this");
                    if !receiver {
                        if let Some(name) = child
                            .child_by_field_name("name")
                            .map(|n| cx.text(n))
                            .filter(|n| *n != "_")
                        {
                            out.push(Param {
                                default: declarator_value(child).map(|d| cx.expr(d)),
                                ..Param::positional(name, position)
                            });
                        }
                        position += 1;
                    }
                }
                // `params string[] keys`.
                "identifier" if field == Some("name") => {
                    out.push(Param {
                        rest: params_array,
                        ..Param::positional(cx.text(child), position)
                    });
                    position += 1;
                    params_array = false;
                }
                _ => {}
            }
            if !cursor.goto_next_sibling() {
                break;
            }
        }
        out
    }

    /// `return x;`, an expression body (`string Url(string k) => Presign(k);`, `get =>
    /// …`) and a lambda's expression body (`k => Presign(k)`).
    fn return_value<'t>(&self, node: Node<'t>) -> Option<Node<'t>> {
        match node.kind() {
            "return_statement" => named_children(node)
                .into_iter()
                .find(|c| c.kind() != "comment"),
            "lambda_expression" => node
                .child_by_field_name("body")
                .filter(|b| b.kind() != "block"),
            // A setter's or a constructor's expression body is a statement, not a value.
            "method_declaration" | "local_function_statement" | "operator_declaration" => {
                arrow_body(node)
            }
            "accessor_declaration"
                if node
                    .child_by_field_name("name")
                    .is_some_and(|n| n.kind() == "get") =>
            {
                arrow_body(node)
            }
            _ => None,
        }
    }

    fn imports(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<Import> {
        let alias = node
            .child_by_field_name("name")
            .map(|a| cx.text(a).to_string());
        let Some(target) = named_children(node).into_iter().find(|c| {
            matches!(
                c.kind(),
                "qualified_name" | "identifier" | "generic_name" | "alias_qualified_name"
            ) && Some(c.byte_range()) != node.child_by_field_name("name").map(|n| n.byte_range())
        }) else {
            return Vec::new();
        };
        let path = cx.text(target).split_whitespace().collect::<String>();
        match alias {
            // `using S3 = Amazon.S3.AmazonS3Client;`
            Some(alias) => {
                let (module, name) = path
                    .rsplit_once('.')
                    .map_or((path.as_str(), None), |(m, n)| (m, Some(n.to_string())));
                vec![Import {
                    module: module.to_string(),
                    name,
                    alias: Some(alias),
                }]
            }
            None => vec![Import {
                module: path,
                name: None,
                alias: None,
            }],
        }
    }
}

/// The expression of a member's `=> expr` body.
fn arrow_body(node: Node<'_>) -> Option<Node<'_>> {
    node.child_by_field_name("body")
        .filter(|b| b.kind() == "arrow_expression_clause")
        .and_then(|b| {
            named_children(b)
                .into_iter()
                .find(|c| c.kind() != "comment")
        })
}

/// Whether an assignment is a member of an object initializer (`new T { A = x }`).
fn in_initializer(node: Node<'_>) -> bool {
    node.parent()
        .is_some_and(|p| p.kind() == "initializer_expression")
}

/// The identifier of a simple or generic name (`IsAny<T>` → `IsAny`).
fn simple_name(node: Node<'_>, cx: &Lowering<'_>) -> String {
    if node.kind() == "generic_name"
        && let Some(id) = named_children(node)
            .into_iter()
            .find(|c| c.kind() == "identifier")
    {
        return cx.text(id).to_string();
    }
    cx.text(node).to_string()
}

/// `a?.B` → `a.B`; element access (`a?[0]`) is unknown.
fn conditional_member(node: Node<'_>, cx: &Lowering<'_>) -> ExprKind {
    let children = named_children(node);
    let object = node
        .child_by_field_name("condition")
        .or_else(|| children.first().copied());
    let binding = children
        .iter()
        .find(|c| c.kind() == "member_binding_expression")
        .and_then(|b| b.child_by_field_name("name"));
    match (object, binding) {
        (Some(object), Some(name)) => {
            ExprKind::Member(Box::new(cx.expr(object)), simple_name(name, cx))
        }
        _ => ExprKind::Unknown,
    }
}

/// Arguments of an `argument_list`, with their `name:`.
fn arguments(list: Node<'_>, cx: &Lowering<'_>) -> Vec<Arg> {
    named_children(list)
        .into_iter()
        .filter(|a| a.kind() == "argument")
        .map(|arg| {
            let name_node = arg.child_by_field_name("name");
            let value = named_children(arg)
                .into_iter()
                .rfind(|c| Some(c.byte_range()) != name_node.map(|n| n.byte_range()))
                .map_or(Expr::unknown(arg.byte_range()), |v| cx.expr(v));
            Arg {
                name: name_node.map(|n| cx.text(n).to_string()),
                value,
            }
        })
        .collect()
}

/// `{ A = x, B = y }` → object; a collection initializer `{ 1, 2 }` → array.
fn initializer(node: Node<'_>, cx: &Lowering<'_>) -> ExprKind {
    let children: Vec<Node<'_>> = named_children(node)
        .into_iter()
        .filter(|c| c.kind() != "comment")
        .collect();
    if children.iter().any(|c| c.kind() == "assignment_expression") {
        ExprKind::Object(children.into_iter().filter_map(|c| field(c, cx)).collect())
    } else {
        ExprKind::Array(children.into_iter().map(|c| cx.expr(c)).collect())
    }
}

/// `A = x` inside an initializer.
fn field(node: Node<'_>, cx: &Lowering<'_>) -> Option<Field> {
    if node.kind() != "assignment_expression" {
        return None;
    }
    let left = node.child_by_field_name("left")?;
    let right = node.child_by_field_name("right")?;
    (left.kind() == "identifier").then(|| Field {
        key: cx.text(left).to_string(),
        value: cx.expr(right),
    })
}

/// `new { A = 1, B }`: the named members.
fn anonymous_object(node: Node<'_>, cx: &Lowering<'_>) -> ExprKind {
    let mut fields = Vec::new();
    let mut cursor = node.walk();
    let children: Vec<Node<'_>> = node.children(&mut cursor).collect();
    let mut i = 0;
    while i < children.len() {
        let c = children[i];
        if c.kind() == "identifier" && children.get(i + 1).is_some_and(|eq| eq.kind() == "=") {
            if let Some(value) = children.get(i + 2) {
                fields.push(Field {
                    key: cx.text(c).to_string(),
                    value: cx.expr(*value),
                });
            }
            i += 3;
        } else {
            i += 1;
        }
    }
    ExprKind::Object(fields)
}

/// The value after `=` in a declarator (or a parameter's default).
fn declarator_value(node: Node<'_>) -> Option<Node<'_>> {
    let mut cursor = node.walk();
    let mut after_eq = false;
    for child in node.children(&mut cursor) {
        if after_eq && child.is_named() && child.kind() != "comment" {
            return Some(child);
        }
        if child.kind() == "=" {
            after_eq = true;
        }
    }
    None
}

/// A name's value: a request built with an initializer binds the object it is given, so
/// `client.GetPreSignedURL(request)` finds `Expires` through the name.
fn bound_value(value: Node<'_>, cx: &Lowering<'_>) -> Expr {
    match initializer_fields(value, cx) {
        Some(fields) => Expr {
            kind: ExprKind::Object(fields),
            span: value.byte_range(),
        },
        None => cx.expr(value),
    }
}

/// The fields a `new T(…) { … }` / `new { … }` expression sets.
fn initializer_fields(value: Node<'_>, cx: &Lowering<'_>) -> Option<Vec<Field>> {
    match value.kind() {
        "object_creation_expression" | "implicit_object_creation_expression" => {
            let init = named_children(value)
                .into_iter()
                .find(|c| c.kind() == "initializer_expression")?;
            match initializer(init, cx) {
                ExprKind::Object(fields) => Some(fields),
                _ => None,
            }
        }
        "anonymous_object_creation_expression" => match anonymous_object(value, cx) {
            ExprKind::Object(fields) => Some(fields),
            _ => None,
        },
        _ => None,
    }
}

/// `T x = v`, `const double t = 12` (also as `this.t` and `Class.t` for fields).
fn declarator(node: Node<'_>, cx: &Lowering<'_>) -> Vec<(String, Expr)> {
    let (Some(name), Some(value)) = (node.child_by_field_name("name"), declarator_value(node))
    else {
        return Vec::new();
    };
    if name.kind() != "identifier" {
        return Vec::new();
    }
    let name = cx.text(name).to_string();
    let value = bound_value(value, cx);
    let mut out = Vec::new();
    let field_decl = node
        .parent()
        .and_then(|d| d.parent())
        .filter(|f| f.kind() == "field_declaration");
    if let Some(field_decl) = field_decl {
        out.push((format!("this.{name}"), value.clone()));
        if let Some(class) = enclosing_type_name(field_decl, cx) {
            out.push((format!("{class}.{name}"), value.clone()));
        }
    }
    out.push((name, value));
    out
}

/// The name of the class/struct/record a member is declared in.
fn enclosing_type_name(node: Node<'_>, cx: &Lowering<'_>) -> Option<String> {
    let list = node.parent()?;
    let decl = list.parent()?;
    matches!(
        decl.kind(),
        "class_declaration" | "struct_declaration" | "record_declaration"
    )
    .then(|| decl.child_by_field_name("name"))
    .flatten()
    .map(|n| cx.text(n).to_string())
}

/// `x = v`, `request.Expires = v` (binds `request.Expires`, and `request` to the object built
/// so far), `x += v` (now unknown).
fn assignment(node: Node<'_>, cx: &Lowering<'_>) -> Vec<(String, Expr)> {
    let (Some(left), Some(right)) = (
        node.child_by_field_name("left"),
        node.child_by_field_name("right"),
    ) else {
        return Vec::new();
    };
    let operator = node.child_by_field_name("operator").map(|o| cx.text(o));
    let plain = operator.is_none_or(|o| o == "=");
    // `x ??= v`: a default, kept as `v` (see `frontend::defaults`).
    let value = if plain || operator == Some("??=") {
        bound_value(right, cx)
    } else {
        Expr::unknown(right.byte_range())
    };
    match left.kind() {
        "identifier" => vec![(cx.text(left).to_string(), value)],
        "member_access_expression" => {
            let Some(path) = cx.expr(left).path().map(|p| p.join(".")) else {
                return Vec::new();
            };
            let mut out = vec![(path, value.clone())];
            if let (true, Some(object), Some(field)) = (
                plain,
                left.child_by_field_name("expression")
                    .filter(|o| o.kind() == "identifier"),
                left.child_by_field_name("name"),
            ) {
                let object_name = cx.text(object);
                let mut fields = vec![Field {
                    key: simple_name(field, cx),
                    value,
                }];
                // When the search gave up before finding them all, the binding is left out:
                // the variable's previous binding is a better guess than a partial object.
                if merge_earlier_fields(node, object_name, cx, &mut fields) {
                    // An empty span: the object has no text of its own to show in a
                    // derivation; each field keeps the span of the value that set it.
                    out.push((
                        object_name.to_string(),
                        Expr {
                            kind: ExprKind::Object(fields),
                            span: node.start_byte()..node.start_byte(),
                        },
                    ));
                }
            }
            out
        }
        _ => Vec::new(),
    }
}

/// Adds the fields `object` was given before `assignment`: property assignments in the
/// statements before it (the latest wins) and the initializer of its declaration, searching
/// outwards through enclosing blocks up to the function.
fn merge_earlier_fields(
    assignment: Node<'_>,
    object: &str,
    cx: &Lowering<'_>,
    fields: &mut Vec<Field>,
) -> bool {
    treesitter::merge_earlier_fields(
        assignment,
        fields,
        |earlier| {
            mentions(cx.text(earlier), object).then(|| earlier_statement(earlier, object, cx))
        },
        is_scope_boundary,
    )
}

/// Whether `text` contains `name` as a whole word.
fn mentions(text: &str, name: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(name).any(|(i, _)| {
        !text[..i].chars().next_back().is_some_and(word)
            && !text[i + name.len()..].chars().next().is_some_and(word)
    })
}

fn earlier_statement(statement: Node<'_>, object: &str, cx: &Lowering<'_>) -> Earlier {
    let statement = if statement.kind() == "global_statement" {
        match named_children(statement).into_iter().next() {
            Some(inner) => inner,
            None => return Earlier::Unrelated,
        }
    } else {
        statement
    };
    match statement.kind() {
        "local_declaration_statement" => {
            let declarators = named_children(statement)
                .into_iter()
                .filter(|d| d.kind() == "variable_declaration")
                .flat_map(named_children)
                .filter(|d| d.kind() == "variable_declarator");
            for d in declarators {
                if d.child_by_field_name("name").map(|n| cx.text(n)) == Some(object) {
                    let fields = declarator_value(d)
                        .and_then(|v| initializer_fields(v, cx))
                        .unwrap_or_default();
                    return Earlier::Created(fields);
                }
            }
            Earlier::Unrelated
        }
        "expression_statement" => {
            let Some((assign, left, right)) = statement_assignment(statement) else {
                return Earlier::Unrelated;
            };
            let plain = assign
                .child_by_field_name("operator")
                .is_none_or(|o| cx.text(o) == "=");
            match left.kind() {
                "identifier" if cx.text(left) == object => {
                    Earlier::Created(initializer_fields(right, cx).unwrap_or_default())
                }
                "member_access_expression" => {
                    let target = left
                        .child_by_field_name("expression")
                        .filter(|o| o.kind() == "identifier" && cx.text(*o) == object);
                    match (target, left.child_by_field_name("name")) {
                        (Some(_), Some(name)) => Earlier::Set(Field {
                            key: simple_name(name, cx),
                            value: if plain {
                                cx.expr(right)
                            } else {
                                Expr::unknown(right.byte_range())
                            },
                        }),
                        _ => Earlier::Unrelated,
                    }
                }
                _ => Earlier::Unrelated,
            }
        }
        _ => Earlier::Unrelated,
    }
}

/// Where a search for a variable's earlier assignments stops.
fn is_scope_boundary(node: Node<'_>) -> bool {
    matches!(
        node.kind(),
        "method_declaration"
            | "constructor_declaration"
            | "local_function_statement"
            | "lambda_expression"
            | "anonymous_method_expression"
            | "accessor_declaration"
            | "operator_declaration"
            | "compilation_unit"
            | "declaration_list"
    )
}

/// A real literal without its type suffix: `12.5`, `1e3`, `3.5m`, `2f`, `1_000.0d`.
fn real(text: &str) -> Option<f64> {
    let cleaned: String = text.chars().filter(|c| *c != '_').collect();
    cleaned
        .trim_end_matches(['f', 'F', 'd', 'D', 'm', 'M'])
        .parse()
        .ok()
}

/// The value of a string literal without interpolations (regular, verbatim, raw, or `$"…"`
/// with no holes).
fn string(node: Node<'_>, cx: &Lowering<'_>) -> Option<String> {
    match node.kind() {
        "verbatim_string_literal" => {
            let text = cx.text(node);
            let body = text.strip_prefix("@\"")?.strip_suffix('"')?;
            Some(body.replace("\"\"", "\""))
        }
        _ => {
            let mut value = String::new();
            for child in named_children(node) {
                match child.kind() {
                    "string_literal_content" | "string_content" | "raw_string_content" => {
                        value.push_str(cx.text(child))
                    }
                    "escape_sequence" => value.push_str(&unescape(cx.text(child))),
                    "interpolation" => return None,
                    _ => {}
                }
            }
            Some(value)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::LoopKind;
    use crate::facts::SyntaxFacts;

    use crate::frontend::Language;
    use crate::frontend::test_support::{default, params, returns};

    fn facts(src: &str) -> SyntaxFacts {
        crate::frontend::test_support::facts(Language::CSharp, src)
    }

    use crate::frontend::test_support::call;

    fn text<'s>(src: &'s str, e: &Expr) -> &'s str {
        &src[e.span.clone()]
    }

    #[test]
    fn object_initializer_is_an_object_argument_of_a_new_call() {
        let src = "class C { void M() { var u = client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = b, Verb = HttpVerb.PUT, Expires = DateTime.UtcNow.AddHours(12) }); } }";
        let f = facts(src);
        let presign = call(&f, "GetPreSignedURL");
        assert_eq!(
            presign.receiver().and_then(|r| r.path()),
            Some(vec!["client"])
        );
        let new = presign
            .positional(0)
            .and_then(Expr::as_call)
            .expect("new call");
        assert!(new.is_new);
        assert_eq!(new.name(), Some("GetPreSignedUrlRequest"));
        let init = new.positional(0).expect("initializer");
        let expires = init.field("Expires").expect("Expires");
        assert_eq!(text(src, expires), "DateTime.UtcNow.AddHours(12)");
        // The initializer's assignments are not bindings.
        assert!(f.bindings.iter().all(|b| b.name != "Expires"));
        assert!(f.bindings.iter().any(|b| b.name == "u"));
    }

    #[test]
    fn request_built_in_steps_binds_the_last_values() {
        let src = "class C {\n const double timeoutDuration = 12;\n void M() {\n var request = new GetPreSignedUrlRequest { Key = k, Expires = DateTime.UtcNow.AddDays(2) };\n request.Verb = HttpVerb.PUT;\n request.Expires = DateTime.Now.AddMinutes(90);\n request.Key = other;\n client.GetPreSignedURL(request);\n }\n}";
        let f = facts(src);
        let at = src.find("client.").expect("call");
        let request = f.lookup("request", at, Some(0)).expect("request bound");
        assert_eq!(
            request.value.field("Expires").map(|e| text(src, e)),
            Some("DateTime.Now.AddMinutes(90)")
        );
        assert_eq!(
            request.value.field("Verb").map(|e| text(src, e)),
            Some("HttpVerb.PUT")
        );
        assert_eq!(
            f.lookup("request.Expires", at, Some(0))
                .map(|b| text(src, &b.value)),
            Some("DateTime.Now.AddMinutes(90)")
        );
        for name in [
            "timeoutDuration",
            "this.timeoutDuration",
            "C.timeoutDuration",
        ] {
            assert!(f.lookup(name, at, Some(0)).is_some(), "{name}");
        }
    }

    #[test]
    fn literals_operators_and_named_arguments() {
        let src = "var x = M(1_000L, 2.5m, -(int)(3 * 0x10), @\"a\"\"b\", \"c\\n\", $\"d{e}\", name: await Task(), f!);";
        let f = facts(src);
        let m = call(&f, "M");
        let kinds: Vec<String> = m
            .args
            .iter()
            .map(|a| format!("{:?}", a.value.kind))
            .collect();
        assert_eq!(kinds[0], "Int(1000)");
        assert_eq!(kinds[1], "Float(2.5)");
        assert!(
            kinds[2].starts_with("Neg(Expr { kind: Binary(Mul"),
            "{}",
            kinds[2]
        );
        assert_eq!(kinds[3], "Str(\"a\\\"b\")");
        assert_eq!(kinds[4], "Str(\"c\\n\")");
        // `$"d{e}"`: the interpolated names, never a value.
        assert!(
            kinds[5].starts_with("Interpolated([Expr { kind: Name(\"e\")"),
            "{}",
            kinds[5]
        );
        assert!(m.keyword("name").and_then(Expr::as_call).is_some());
        assert_eq!(kinds[7], "Name(\"f\")");
    }

    #[test]
    fn loops_functions_imports_and_conditional_access() {
        let src = "using Amazon.S3;\nusing S3 = Amazon.S3.AmazonS3Client;\nclass C { void M(int ttl) { foreach (var k in keys) { s3?.GetPreSignedURL(r); } ms.Verify(m => m.GetPreSignedURL(It.IsAny<GetPreSignedUrlRequest>())); } }";
        let f = facts(src);
        assert_eq!(f.imports.len(), 2);
        assert_eq!(f.imports[1].alias.as_deref(), Some("S3"));
        assert_eq!(f.imports[1].name.as_deref(), Some("AmazonS3Client"));
        let in_loop = f
            .calls
            .iter()
            .find(|c| c.call.receiver().and_then(|r| r.path()) == Some(vec!["s3"]))
            .expect("conditional access call");
        assert!(matches!(in_loop.enclosing_loop, Some((LoopKind::For, _))));
        assert!(f.calls.iter().any(|c| c.call.name() == Some("IsAny")));
        assert_eq!(f.functions.len(), 2);
        assert!(f.bindings.iter().any(|b| b.name == "ttl"));
        assert!(f.bindings.iter().any(|b| b.name == "m"));
    }

    #[test]
    fn params_with_defaults_and_params_arrays() {
        let f = facts(
            "static class C {\n\
             public static string Sign(string key, TimeSpan? ttl = null, int minutes = 60, params string[] rest) { return Presign(key); }\n\
             public static string Ext(this IAmazonS3 s3, [Required] string key, int minutes = 60 * 2) { return s3.GetPreSignedURL(key); }\n\
             string Instance(ref int r, out int o, in int i) { o = 1; return null; }\n\
             }",
        );
        assert_eq!(
            params(&f, 0),
            [
                ("key", Some(0), false),
                ("ttl", Some(1), false),
                ("minutes", Some(2), false),
                ("rest", Some(3), true)
            ]
        );
        assert!(default(&f, 0, "key").is_none());
        assert!(matches!(default(&f, 0, "ttl"), Some(ExprKind::Null)));
        assert!(matches!(default(&f, 0, "minutes"), Some(ExprKind::Int(60))));
        assert!(default(&f, 0, "rest").is_none());
        assert_eq!(
            params(&f, 1),
            [("key", Some(0), false), ("minutes", Some(1), false)],
            "an extension method's `this` is the receiver"
        );
        assert!(matches!(
            default(&f, 1, "minutes"),
            Some(ExprKind::Binary(crate::facts::BinOp::Mul, _, _))
        ));
        assert_eq!(
            params(&f, 2),
            [
                ("r", Some(0), false),
                ("o", Some(1), false),
                ("i", Some(2), false)
            ]
        );
        // Every parameter still shadows outer names, the receiver too.
        assert!(
            f.bindings
                .iter()
                .any(|b| b.name == "s3" && b.is_parameter())
        );
        assert_eq!(
            returns(&f),
            [
                (Some(0), "Presign()".to_string()),
                (Some(1), "GetPreSignedURL()".to_string()),
                (Some(2), "Null".to_string())
            ]
        );
    }

    #[test]
    fn expression_bodies_and_lambdas_return() {
        let f = facts(
            "class C {\n\
             string Url(string k) => Presign(k);\n\
             string Q { get => Presign(q); set => field = value; }\n\
             C(int x) => _x = x;\n\
             void F() {\n\
             Func<int, int> f = x => x * 2;\n\
             h(async (a, b) => await A(a));\n\
             string local(int y) => y.ToString();\n\
             var g = (int z) => { return z; };\n\
             var d = delegate (int w) { return w; };\n\
             }\n\
             }",
        );
        assert_eq!(params(&f, 0), [("k", Some(0), false)]);
        assert!(params(&f, 1).is_empty());
        assert_eq!(params(&f, 3), [("x", Some(0), false)]);
        assert_eq!(params(&f, 5), [("x", Some(0), false)]);
        assert_eq!(
            params(&f, 6),
            [("a", Some(0), false), ("b", Some(1), false)]
        );
        assert_eq!(params(&f, 7), [("y", Some(0), false)]);
        assert_eq!(params(&f, 8), [("z", Some(0), false)]);
        assert_eq!(params(&f, 9), [("w", Some(0), false)]);
        // Neither the setter's nor the constructor's expression body is a value.
        assert_eq!(
            returns(&f),
            [
                (Some(0), "Presign()".to_string()),
                (Some(1), "Presign()".to_string()),
                (Some(5), "Mul(x, Int(2))".to_string()),
                (Some(6), "A()".to_string()),
                (Some(7), "ToString()".to_string()),
                (Some(8), "z".to_string()),
                (Some(9), "w".to_string()),
            ]
        );
    }
}
