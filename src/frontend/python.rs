//! Python (tree-sitter-python): calls with keyword arguments, assignments, imports, loops and
//! comprehensions, functions and lambdas.

use tree_sitter::Node;

use super::syntax::{Grammar, Lowering, Role};
use super::treesitter::{leading_keyword, named_children, parse_int, unescape};
use crate::facts::{Arg, CallExpr, Expr, ExprKind, Field, Import, LoopKind, Param};

pub struct Python;

impl Grammar for Python {
    fn scanner_bounded(&self, text: &str) -> bool {
        super::treesitter::indent_levels(text) <= super::treesitter::MAX_INDENT_LEVELS
    }

    fn role(&self, node: Node<'_>, _parent: Option<Node<'_>>, cx: &Lowering<'_>) -> Role {
        match node.kind() {
            // The element expression is a sibling of the `for … in` clause, so the whole
            // comprehension is the loop; it points at the clause's `for`.
            "list_comprehension"
            | "set_comprehension"
            | "dictionary_comprehension"
            | "generator_expression" => {
                let clause = named_children(node)
                    .into_iter()
                    .find(|c| c.kind() == "for_in_clause");
                Role::Loop(
                    LoopKind::Comprehension,
                    clause.map_or_else(|| leading_keyword(node), leading_keyword),
                )
            }
            _ => cx.kinds().role(node),
        }
    }

    /// `with pytest.raises(E):` / `with self.assertRaises(E) as cm:`.
    fn expects_failure(&self, node: Node<'_>, cx: &Lowering<'_>) -> bool {
        node.kind() == "with_statement"
            && named_children(node)
                .into_iter()
                .filter(|c| c.kind() == "with_clause")
                .flat_map(named_children)
                .filter_map(|item| item.child_by_field_name("value"))
                .map(|v| match v.kind() {
                    "as_pattern" => v.named_child(0).unwrap_or(v),
                    _ => v,
                })
                .any(|v| {
                    v.kind() == "call"
                        && cx
                            .call(v)
                            .is_some_and(|c| super::syntax::expects_failure(&c))
                })
    }

    fn expr(&self, node: Node<'_>, cx: &Lowering<'_>) -> Expr {
        let span = node.byte_range();
        let kind = match node.kind() {
            "integer" => parse_int(cx.text(node)).map_or(ExprKind::Unknown, ExprKind::Int),
            "float" => cx
                .text(node)
                .replace('_', "")
                .parse()
                .map_or(ExprKind::Unknown, ExprKind::Float),
            "string" => string(node, cx).map_or_else(|| interpolated(node, cx), ExprKind::Str),
            "concatenated_string" => {
                let parts: Option<Vec<String>> = named_children(node)
                    .into_iter()
                    .map(|c| string(c, cx))
                    .collect();
                parts.map_or_else(
                    || {
                        ExprKind::Interpolated(
                            named_children(node)
                                .into_iter()
                                .flat_map(|c| interpolations(c, cx))
                                .collect(),
                        )
                    },
                    |p| ExprKind::Str(p.concat()),
                )
            }
            // `"… %s" % x`: printf-style formatting of a string literal.
            "binary_operator"
                if node
                    .child_by_field_name("operator")
                    .is_some_and(|o| cx.text(o) == "%")
                    && node
                        .child_by_field_name("left")
                        .is_some_and(|l| matches!(l.kind(), "string" | "concatenated_string")) =>
            {
                ExprKind::Interpolated(
                    node.child_by_field_name("right")
                        .map(|r| vec![cx.expr(r)])
                        .unwrap_or_default(),
                )
            }
            "true" => ExprKind::Bool(true),
            "false" => ExprKind::Bool(false),
            "none" => ExprKind::Null,
            "identifier" => ExprKind::Name(cx.text(node).to_string()),
            "attribute" => match (
                node.child_by_field_name("object"),
                node.child_by_field_name("attribute"),
            ) {
                (Some(object), Some(attr)) => {
                    ExprKind::Member(Box::new(cx.expr(object)), cx.text(attr).to_string())
                }
                _ => ExprKind::Unknown,
            },
            "call" => cx
                .call(node)
                .map_or(ExprKind::Unknown, |c| ExprKind::Call(Box::new(c))),
            "binary_operator" | "boolean_operator" => cx.binary(node),
            // `ttl if ttl is not None else DEFAULT`: no fields, the value first.
            "conditional_expression" => match super::treesitter::named_children(node)
                .into_iter()
                .filter(|c| !c.kind().contains("comment"))
                .collect::<Vec<_>>()
                .as_slice()
            {
                [then, condition, otherwise] => {
                    cx.conditional_of(*condition, *then, *otherwise, node)
                }
                _ => ExprKind::Unknown,
            },
            "unary_operator" => match (
                node.child_by_field_name("operator").map(|o| cx.text(o)),
                node.child_by_field_name("argument"),
            ) {
                (Some("-"), Some(arg)) => ExprKind::Neg(Box::new(cx.expr(arg))),
                (Some("+"), Some(arg)) => return cx.expr(arg),
                _ => ExprKind::Unknown,
            },
            "parenthesized_expression" | "await" | "expression_statement" => {
                return named_children(node)
                    .first()
                    .map_or(Expr::unknown(span), |inner| cx.expr(*inner));
            }
            "dictionary" => ExprKind::Object(
                named_children(node)
                    .into_iter()
                    .filter(|c| c.kind() == "pair")
                    .filter_map(|pair| {
                        let key = pair.child_by_field_name("key")?;
                        let value = pair.child_by_field_name("value")?;
                        let key = string(key, cx).or_else(|| {
                            (key.kind() == "identifier").then(|| cx.text(key).to_string())
                        })?;
                        Some(Field {
                            key,
                            value: cx.expr(value),
                        })
                    })
                    .collect(),
            ),
            "list" | "tuple" => ExprKind::Array(
                named_children(node)
                    .into_iter()
                    .map(|c| cx.expr(c))
                    .collect(),
            ),
            _ => ExprKind::Unknown,
        };
        Expr { kind, span }
    }

    fn call(&self, node: Node<'_>, cx: &Lowering<'_>) -> Option<CallExpr> {
        let function = node.child_by_field_name("function")?;
        let arguments = node.child_by_field_name("arguments")?;
        let mut args = Vec::new();
        for arg in named_children(arguments) {
            match arg.kind() {
                "keyword_argument" => {
                    let name = arg.child_by_field_name("name")?;
                    let value = arg.child_by_field_name("value")?;
                    args.push(Arg {
                        name: Some(cx.text(name).to_string()),
                        value: cx.expr(value),
                    });
                }
                "comment" => {}
                // `**params` may hold any keyword, the expiry too.
                "dictionary_splat" => args.push(Arg {
                    name: Some(crate::facts::KEYWORD_SPLAT.to_string()),
                    value: named_children(arg)
                        .first()
                        .map_or_else(|| Expr::unknown(arg.byte_range()), |v| cx.expr(*v)),
                }),
                // `*args` could hold anything: an unknown positional stands in.
                _ => args.push(Arg {
                    name: None,
                    value: cx.expr(arg),
                }),
            }
        }
        Some(CallExpr {
            callee: cx.expr(function),
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
        match left.kind() {
            "identifier" => vec![(cx.text(left).to_string(), cx.expr(right))],
            // `self.expires = 3600` binds `self.expires`.
            "attribute" => vec![(cx.text(left).to_string(), cx.expr(right))],
            _ => Vec::new(),
        }
    }

    fn parameters(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<String> {
        let Some(params) = node.child_by_field_name("parameters") else {
            return Vec::new();
        };
        named_children(params)
            .into_iter()
            .filter_map(|p| {
                let name = match p.kind() {
                    "identifier" => Some(p),
                    "default_parameter" | "typed_default_parameter" => {
                        p.child_by_field_name("name")
                    }
                    "typed_parameter" | "list_splat_pattern" | "dictionary_splat_pattern" => {
                        named_children(p)
                            .into_iter()
                            .find(|c| c.kind() == "identifier")
                    }
                    _ => None,
                }?;
                Some(cx.text(name).to_string())
            })
            .collect()
    }

    fn return_value<'t>(&self, node: Node<'t>) -> Option<Node<'t>> {
        match node.kind() {
            "return_statement" => named_children(node)
                .into_iter()
                .find(|c| c.kind() != "comment"),
            "lambda" => node.child_by_field_name("body"),
            _ => None,
        }
    }

    fn params(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<Param> {
        let Some(params) = node.child_by_field_name("parameters") else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut position = Some(0usize);
        for p in named_children(params) {
            let (name, default, rest) = match p.kind() {
                "identifier" => (Some(p), None, false),
                "typed_parameter" => (
                    named_children(p)
                        .into_iter()
                        .find(|c| c.kind() == "identifier"),
                    None,
                    false,
                ),
                "default_parameter" | "typed_default_parameter" => (
                    p.child_by_field_name("name"),
                    p.child_by_field_name("value"),
                    false,
                ),
                "list_splat_pattern" | "dictionary_splat_pattern" => (
                    named_children(p)
                        .into_iter()
                        .find(|c| c.kind() == "identifier"),
                    None,
                    true,
                ),
                // A bare `*`: what follows is keyword-only.
                "keyword_separator" => {
                    position = None;
                    continue;
                }
                _ => continue,
            };
            let Some(name) = name else { continue };
            let name = cx.text(name);
            // `self` and `cls` are the receiver, not an argument a caller passes.
            if out.is_empty() && position == Some(0) && matches!(name, "self" | "cls") {
                continue;
            }
            out.push(Param {
                name: name.to_string(),
                position,
                field: None,
                default: default.map(|d| cx.expr(d)),
                rest,
            });
            if rest {
                position = None;
            } else {
                position = position.map(|i| i + 1);
            }
        }
        out
    }

    fn imports(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<Import> {
        let module = node
            .child_by_field_name("module_name")
            .map(|m| cx.text(m).to_string());
        let mut out = Vec::new();
        let mut cursor = node.walk();
        for name in node.children_by_field_name("name", &mut cursor) {
            let (name_node, alias) = match name.kind() {
                "aliased_import" => (
                    name.child_by_field_name("name").unwrap_or(name),
                    name.child_by_field_name("alias")
                        .map(|a| cx.text(a).to_string()),
                ),
                _ => (name, None),
            };
            let imported = cx.text(name_node).to_string();
            match &module {
                Some(m) => out.push(Import {
                    module: m.clone(),
                    name: Some(imported),
                    alias,
                }),
                None => out.push(Import {
                    module: imported,
                    name: None,
                    alias,
                }),
            }
        }
        // `from links import *`: every public name of the module.
        let mut cursor = node.walk();
        if let Some(module) = &module
            && node
                .children(&mut cursor)
                .any(|c| c.kind() == "wildcard_import")
        {
            out.push(Import {
                module: module.clone(),
                name: Some("*".to_string()),
                alias: None,
            });
        }
        out
    }
}

/// The decoded value of a plain string literal; `None` for f-strings with interpolations.
fn string(node: Node<'_>, cx: &Lowering<'_>) -> Option<String> {
    if node.kind() != "string" {
        return None;
    }
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

/// An f-string: the expressions it interpolates.
fn interpolated(node: Node<'_>, cx: &Lowering<'_>) -> ExprKind {
    match node.kind() {
        "string" => ExprKind::Interpolated(interpolations(node, cx)),
        _ => ExprKind::Unknown,
    }
}

fn interpolations(node: Node<'_>, cx: &Lowering<'_>) -> Vec<Expr> {
    named_children(node)
        .into_iter()
        .filter(|c| c.kind() == "interpolation")
        .filter_map(|c| c.child_by_field_name("expression"))
        .map(|e| cx.expr(e))
        .collect()
}

/// What Python's `[program]` marks (`catalog/python.toml`) cannot say: the
/// `if __name__ == "__main__":` guard makes a program, a `def handler(event, context)` (a
/// serverless entry point) a service.
pub fn program_signals(
    _path: &std::path::Path,
    text: &str,
    facts: &crate::facts::SyntaxFacts,
) -> super::output::Signals {
    let main_guard = text.lines().any(|l| {
        let l: String = l.chars().filter(|c| !c.is_whitespace()).collect();
        l.starts_with("if__name__==\"__main__\"")
            || l.starts_with("if__name__=='__main__'")
            || l.starts_with("if\"__main__\"==__name__")
            || l.starts_with("if'__main__'==__name__")
    });
    let handler = facts.functions.iter().any(|f| {
        let names: Vec<&str> = f.params.iter().map(|p| p.name.as_str()).collect();
        names == ["event", "context"]
    });
    super::output::Signals {
        command_line: main_guard,
        service: handler,
        aws_lambda: handler,
    }
}
