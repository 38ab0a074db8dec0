//! The language-neutral facts front ends produce and lints consume. Nothing here knows a
//! syntax tree: a Python keyword argument, a JS options object and a C# object initializer all
//! arrive as the same [`Expr`] shapes.

use std::ops::Range;

pub type Span = Range<usize>;

/// An expression, lowered just enough to resolve expiries: literals, names, member access,
/// calls, arithmetic and object-like literals. Anything else is [`ExprKind::Unknown`].
#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    /// Byte range in the file.
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Int(i128),
    Float(f64),
    /// A string literal, decoded.
    Str(String),
    Bool(bool),
    Null,
    /// A plain identifier.
    Name(String),
    /// `object.field` (also `Type::CONST`, `obj->field`).
    Member(Box<Expr>, String),
    /// A call, method call or constructor (`new`).
    Call(Box<CallExpr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    Neg(Box<Expr>),
    /// Dicts, object literals, object initializers, keyword hashes, struct literals, and the
    /// assignments inside a configuring closure (`func(o *Options) { o.Expires = d }`,
    /// Kotlin `{ expiresAfter = 8.hours }`): key → value.
    Object(Vec<Field>),
    Array(Vec<Expr>),
    /// A string built at run time from the expressions it interpolates (literal pieces left
    /// out): f-strings, template literals, `"#{x}"`, `$"{x}"`, `"$x"`, PHP `"{$x}"`, Python
    /// `"…" % x`, Rust `format!("{x}")` captures. Never folded to a value.
    Interpolated(Vec<Expr>),
    /// The first result of a multi-value call (Go `url, err := req.Presign(d)`). Never folded.
    FirstResult(Box<Expr>),
    /// `await x`, parentheses, casts and other wrappers that do not change the value.
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
}

#[derive(Clone, Debug)]
pub struct Field {
    pub key: String,
    pub value: Expr,
}

#[derive(Clone, Debug)]
pub struct CallExpr {
    /// What is called: a [`ExprKind::Name`] for a function, a [`ExprKind::Member`] for a
    /// method (its object is the receiver).
    pub callee: Expr,
    pub args: Vec<Arg>,
    /// `new X(...)`.
    pub is_new: bool,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Arg {
    /// Keyword or named argument (`ExpiresIn=`, `expires_in:`, C# `name:`).
    pub name: Option<String>,
    pub value: Expr,
}

impl CallExpr {
    /// The called function or method name (last segment of the callee).
    pub fn name(&self) -> Option<&str> {
        match &self.callee.kind {
            ExprKind::Name(n) => Some(n),
            ExprKind::Member(_, n) => Some(n),
            _ => None,
        }
    }

    /// The receiver of a method call.
    pub fn receiver(&self) -> Option<&Expr> {
        match &self.callee.kind {
            ExprKind::Member(object, _) => Some(object),
            _ => None,
        }
    }

    pub fn keyword(&self, name: &str) -> Option<&Expr> {
        self.args
            .iter()
            .find(|a| a.name.as_deref() == Some(name))
            .map(|a| &a.value)
    }

    /// The `index`-th positional (unnamed) argument.
    pub fn positional(&self, index: usize) -> Option<&Expr> {
        self.args
            .iter()
            .filter(|a| a.name.is_none())
            .nth(index)
            .map(|a| &a.value)
    }
}

impl Expr {
    pub fn unknown(span: Span) -> Expr {
        Expr {
            kind: ExprKind::Unknown,
            span,
        }
    }

    /// Dotted path of a name or member chain: `s3.meta.client` → `["s3", "meta", "client"]`.
    pub fn path(&self) -> Option<Vec<&str>> {
        match &self.kind {
            ExprKind::Name(n) => Some(vec![n.as_str()]),
            ExprKind::Member(object, field) => {
                let mut path = object.path()?;
                path.push(field);
                Some(path)
            }
            _ => None,
        }
    }

    pub fn as_call(&self) -> Option<&CallExpr> {
        match &self.kind {
            ExprKind::Call(c) => Some(c),
            _ => None,
        }
    }

    pub fn field(&self, key: &str) -> Option<&Expr> {
        match &self.kind {
            ExprKind::Object(fields) => fields.iter().find(|f| f.key == key).map(|f| &f.value),
            _ => None,
        }
    }
}

/// Kinds of loop a call can sit in, for `presign-in-loop`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoopKind {
    For,
    While,
    Comprehension,
    /// A callback of `map`/`forEach`/… .
    Callback,
}

/// A call site with its context.
#[derive(Clone, Debug)]
pub struct Call {
    pub call: CallExpr,
    /// The innermost enclosing loop, with the span of its header keyword.
    pub enclosing_loop: Option<(LoopKind, Span)>,
    /// Index into [`SyntaxFacts::functions`] of the enclosing function, `None` at top level.
    pub function: Option<usize>,
}

/// `name = value`: assignments, `const`/`let`/`val`/`var` declarations, Go `:=`, constants.
#[derive(Clone, Debug)]
pub struct Binding {
    pub name: String,
    pub value: Expr,
    pub span: Span,
    pub function: Option<usize>,
}

/// What an import brings into scope: `from m import a as b` → module `m`, name `a`, alias `b`.
#[derive(Clone, Debug)]
pub struct Import {
    pub module: String,
    pub name: Option<String>,
    pub alias: Option<String>,
}

/// Everything a language front end extracts from one parsed file.
#[derive(Clone, Debug, Default)]
pub struct SyntaxFacts {
    pub calls: Vec<Call>,
    pub bindings: Vec<Binding>,
    pub imports: Vec<Import>,
    /// Spans of function bodies (indexed by `Call::function`/`Binding::function`).
    pub functions: Vec<Span>,
    /// The declared name of each function of [`SyntaxFacts::functions`] (same index), `None`
    /// for lambdas and closures. May be shorter than `functions` if a front end does not
    /// record names.
    pub function_names: Vec<Option<String>>,
    pub comments: Vec<Span>,
    /// Binding indices by name, in document order (built by [`SyntaxFacts::index`]), so a
    /// lookup costs the bindings of one name, not of the whole file.
    pub by_name: std::collections::HashMap<String, Vec<usize>>,
}

impl SyntaxFacts {
    /// Builds the name index; front ends call it once their facts are complete.
    pub fn index(&mut self) {
        self.by_name.clear();
        for (i, b) in self.bindings.iter().enumerate() {
            self.by_name.entry(b.name.clone()).or_default().push(i);
        }
    }

    /// The binding of `name` visible at `offset`: the last one completed before it in the same
    /// function, else the last at top level. A binding is visible after its statement ends, so
    /// `x = f(x)` reads the previous `x`.
    pub fn lookup(&self, name: &str, offset: usize, function: Option<usize>) -> Option<&Binding> {
        let candidates: Vec<&Binding> = match self.by_name.get(name) {
            Some(indices) => indices.iter().map(|&i| &self.bindings[i]).collect(),
            None if self.by_name.is_empty() => {
                self.bindings.iter().filter(|b| b.name == name).collect()
            }
            None => return None,
        };
        let visible =
            |b: &&&Binding| b.span.end <= offset || b.span.is_empty() && b.span.start <= offset;
        candidates
            .iter()
            .filter(visible)
            .rfind(|b| function.is_some() && b.function == function)
            .or_else(|| {
                candidates
                    .iter()
                    .filter(visible)
                    .rfind(|b| b.function.is_none())
            })
            .copied()
    }

    /// The last binding of `name` in any scope that ends before `offset`.
    pub fn last_binding_before(&self, name: &str, offset: usize) -> Option<&Binding> {
        let before = |b: &&Binding| b.name == name && b.span.end <= offset;
        match self.by_name.get(name) {
            Some(ids) => ids.iter().rev().map(|&i| &self.bindings[i]).find(before),
            None if self.by_name.is_empty() => self.bindings.iter().rev().find(before),
            None => None,
        }
    }

    /// The import that binds `local` (by alias or name).
    pub fn import_of(&self, local: &str) -> Option<&Import> {
        self.imports.iter().find(|i| {
            i.alias.as_deref() == Some(local)
                || (i.alias.is_none() && i.name.as_deref() == Some(local))
        })
    }
}
