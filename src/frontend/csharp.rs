//! C# (tree-sitter-c-sharp): not yet lowered; every node is `Other`, so the file gets the text-level lints only.

use tree_sitter::Node;

use super::syntax::{Grammar, Lowering, Role};
use crate::facts::{CallExpr, Expr};

pub struct CSharp;

impl Grammar for CSharp {
    fn role(&self, _node: Node<'_>) -> Role {
        Role::Other
    }

    fn expr(&self, node: Node<'_>, _cx: &Lowering<'_>) -> Expr {
        Expr::unknown(node.byte_range())
    }

    fn call(&self, _node: Node<'_>, _cx: &Lowering<'_>) -> Option<CallExpr> {
        None
    }

    fn bindings(&self, _node: Node<'_>, _cx: &Lowering<'_>) -> Vec<(String, Expr)> {
        Vec::new()
    }
}
