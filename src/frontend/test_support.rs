//! What the front ends' unit tests share to read collected facts compactly.

use crate::facts::{CallExpr, Expr, ExprKind, SyntaxFacts};
use crate::frontend::Language;
use crate::frontend::profile::FrontEnd;
use crate::frontend::syntax::collect;
use crate::frontend::treesitter::parse;
use crate::semantic::catalog::node_kinds;

/// The facts the shared walker collects from `src` with `language`'s lowering (named in its
/// profile), indexed by name.
pub fn facts(language: Language, src: &str) -> SyntaxFacts {
    let Some(FrontEnd::TreeSitter { lowering, .. }) = language.entry().map(|e| e.front_end) else {
        panic!("{language:?} has no tree-sitter front end");
    };
    let tree = parse(language, src).expect("parses");
    let mut facts = collect(
        tree.root_node(),
        src,
        lowering,
        node_kinds(language.family()),
    );
    facts.index();
    facts
}

/// The first call of a function or method named `name`.
pub fn call<'f>(facts: &'f SyntaxFacts, name: &str) -> &'f CallExpr {
    &facts
        .calls
        .iter()
        .find(|c| c.call.name() == Some(name))
        .unwrap_or_else(|| panic!("no call {name}"))
        .call
}

/// The value of the last binding of `name`.
pub fn last_binding<'f>(f: &'f SyntaxFacts, name: &str) -> &'f Expr {
    &f.bindings
        .iter()
        .rfind(|b| b.name == name)
        .expect("binding")
        .value
}

/// `(function, value)` of each return: a call by its name, a name by itself.
pub fn returns(f: &SyntaxFacts) -> Vec<(Option<usize>, String)> {
    fn describe(e: &Expr) -> String {
        match &e.kind {
            ExprKind::Call(c) => format!("{}()", c.name().unwrap_or("?")),
            ExprKind::Name(n) => n.clone(),
            ExprKind::Binary(op, l, r) => format!("{op:?}({}, {})", describe(l), describe(r)),
            other => format!("{other:?}"),
        }
    }
    f.returns
        .iter()
        .map(|r| (r.function, describe(&r.value)))
        .collect()
}

/// `(name, position, rest)` of each parameter of function `i`.
pub fn params(f: &SyntaxFacts, i: usize) -> Vec<(&str, Option<usize>, bool)> {
    f.functions[i]
        .params
        .iter()
        .map(|p| (p.name.as_str(), p.position, p.rest))
        .collect()
}

/// The lowered default of parameter `name` of function `function`.
pub fn default<'f>(f: &'f SyntaxFacts, function: usize, name: &str) -> Option<&'f ExprKind> {
    f.functions[function]
        .params
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.default.as_ref())
        .map(|d| &d.kind)
}

/// Folds an argument of the last call named `method` in `facts` (read from `src`), as the
/// expiry lints do.
pub fn fold_last_call<'f>(
    facts: &'f SyntaxFacts,
    src: &str,
    family: crate::frontend::Family,
    method: &str,
    argument: impl Fn(&'f CallExpr) -> Option<&'f Expr>,
) -> crate::semantic::eval::Value {
    let source = crate::text::source::SourceFile::new(src.to_string());
    let call = facts
        .calls
        .iter()
        .rfind(|c| c.call.name() == Some(method))
        .expect("call");
    let mut env = crate::semantic::eval::Env::new(facts, &source, call.function, family);
    env.eval(argument(&call.call).expect("argument"))
}
