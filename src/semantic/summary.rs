//! Function summaries: what a caller of one of the project's own functions needs to know of
//! it, in language-neutral terms. Which parameter carries the expiry (and how it becomes the
//! SDK's expiry), whether the signed URL is returned, and where the chain reaches the SDK.

use std::sync::Arc;

use crate::facts::{Arity, CallExpr, Expr, ExprKind, Param, SyntaxFacts};
use crate::finding::Related;
use crate::frontend::Family;
use crate::semantic::catalog::Row;
use crate::semantic::eval::{Env, Outer, Value};

use super::expiry_arg::to_seconds;
use super::project::{FileId, Project};

/// How long a chain of wrappers is followed (a wrapper of a wrapper of …).
pub const MAX_CHAIN: usize = 16;

/// A function of the project that presigns, directly or through another summarised function.
#[derive(Debug)]
pub struct Summary {
    /// Its declared name.
    pub name: String,
    pub params: Vec<Param>,
    /// How a caller's arguments become the expiry, when they do.
    pub flow: Option<Flow>,
    /// The parameters (and options fields) that expiry is read from.
    pub expiry_params: Vec<(String, Option<String>)>,
    /// The signed URL (or an object holding it) is what the function returns.
    pub returns_url: bool,
    /// The SDK row the chain ends in (for the limit, the unit and messages).
    pub row: &'static Row,
    /// The SDK method called at the end of the chain.
    pub method: String,
    /// Where this function presigns: its call of the SDK or of the next function down.
    pub hop: Related,
    /// The next function down, when the call is not the SDK's own.
    pub inner: Option<Arc<Summary>>,
    /// Wrappers between this function and the SDK call (0: it calls the SDK itself).
    pub depth: usize,
    /// It presigns only in a function it returns (a handler factory: `makeUploadHandler(cfg)`
    /// returns `async (req) => getSignedUrl(…)`): a call builds the function and signs
    /// nothing until that runs.
    pub deferred: bool,
    /// What it presigns is a part of a multipart upload ([`super::multipart`]).
    pub presigns_part: bool,
}

/// The expiry as a function of the parameters.
#[derive(Debug)]
pub enum Flow {
    /// The SDK call's expiry expression, read in the function's own scope.
    Sdk { expiry: Capture, call: CallExpr },
    /// Arguments handed to the next function down, by the name of its parameter.
    Through { args: Vec<(String, Capture)> },
}

/// An expression with the scope it was written in: the defining file's bindings and imports,
/// so it can be evaluated from any other file with the values a caller binds.
#[derive(Debug, Clone)]
pub struct Capture {
    pub scope: Arc<SyntaxFacts>,
    pub expr: Expr,
    pub function: Option<usize>,
    pub family: Family,
    /// The defining file, for the constants its imports bring in.
    pub file: FileId,
}

impl Capture {
    /// The value with the given parameter values bound.
    pub fn eval(&self, bound: &[(String, Value)], project: Option<&Project>) -> Value {
        let scope = project.and_then(|p| p.scope_of(self.file));
        let outer = scope.as_ref().map(|s| s as &dyn Outer);
        let mut env = Env::captured(&self.scope, self.function, self.family).with_outer(outer);
        env.bound = bound.to_vec();
        env.eval(&self.expr)
    }
}

impl Summary {
    /// The names down the chain: `sign` → `S3Adapter.sign` → `getSignedUrl`.
    pub fn chain(&self) -> Vec<String> {
        let mut names = Vec::new();
        let mut at = Some(self);
        while let Some(s) = at {
            names.push(format!("`{}`", s.name));
            at = s.inner.as_deref();
            if names.len() > MAX_CHAIN {
                break;
            }
        }
        names.push(format!("`{}` ({})", self.method, self.row.sdk));
        names
    }

    /// Whether the chain goes through the function `name` of the file `path`.
    pub fn passes_through(&self, name: &str, path: &str) -> bool {
        let mut at = Some(self);
        let mut steps = 0;
        while let Some(s) = at {
            if s.name == name && s.hop.path == path {
                return true;
            }
            steps += 1;
            if steps > MAX_CHAIN {
                break;
            }
            at = s.inner.as_deref();
        }
        false
    }

    /// Each call down to the SDK's, in order.
    pub fn hops(&self) -> Vec<Related> {
        let mut hops = Vec::new();
        let mut at = Some(self);
        while let Some(s) = at {
            hops.push(s.hop.clone());
            at = s.inner.as_deref();
            if hops.len() > MAX_CHAIN {
                break;
            }
        }
        hops
    }

    /// The parameter a call's argument binds: by keyword, by position, or as a field of the
    /// options object passed at that position.
    pub fn argument<'c>(param: &Param, call: &'c CallExpr) -> Option<&'c Expr> {
        if param.rest {
            return None;
        }
        if let Some(field) = &param.field {
            let object = param.position.and_then(|i| call.positional(i))?;
            return object.field(field);
        }
        call.keyword(&param.name)
            .or_else(|| param.position.and_then(|i| call.positional(i)))
    }

    /// Whether a call fits these parameters (see [`Arity::fits`]), in a language that checks
    /// (see [`super::project::calls_check_arity`]).
    pub fn accepts(family: Family, params: &[Param], call: &CallExpr) -> bool {
        !super::project::calls_check_arity(family) || Arity::of(params).fits(call)
    }

    /// The expiry in seconds for a caller binding `bound` (parameter name → value); parameters
    /// left out take their defaults. `None` when it cannot be known.
    pub fn seconds(
        &self,
        bound: &[(String, Value)],
        project: Option<&Project>,
        depth: usize,
    ) -> Option<f64> {
        if depth > MAX_CHAIN {
            return None;
        }
        let flow = self.flow.as_ref()?;
        let capture = match flow {
            Flow::Sdk { expiry, .. } => expiry,
            Flow::Through { args } => args.first().map(|(_, c)| c)?,
        };
        let mut bound = bound.to_vec();
        for p in &self.params {
            if bound.iter().any(|(n, _)| *n == p.name) {
                continue;
            }
            if let Some(default) = &p.default {
                let at = Capture {
                    expr: default.clone(),
                    ..capture.clone()
                };
                let v = at.eval(&[], project);
                if v != Value::Unknown {
                    bound.push((p.name.clone(), v));
                }
            }
        }
        match flow {
            Flow::Sdk { expiry, call } => {
                let value = expiry.eval(&bound, project);
                let scope = expiry.scope.clone();
                let mut env = Env::captured(&scope, expiry.function, expiry.family);
                env.bound = bound;
                to_seconds(value, self.row.unit, call, &mut env)
            }
            Flow::Through { args } => {
                let inner = self.inner.as_ref()?;
                let inner_bound: Vec<(String, Value)> = args
                    .iter()
                    .map(|(name, c)| (name.clone(), c.eval(&bound, project)))
                    .filter(|(_, v)| *v != Value::Unknown)
                    .collect();
                inner.seconds(&inner_bound, project, depth + 1)
            }
        }
    }

    /// Whether a call gives the function what it presigns with. A function whose expiry is a
    /// parameter often presigns only when it is given (`if (options.signedUrls) sign(…,
    /// options.signedUrls)`): a call that leaves it out, without a default, may not presign.
    pub fn presigns_for(&self, call: &CallExpr) -> bool {
        if self.flow.is_none() {
            return true;
        }
        self.expiry_params.iter().any(|(name, field)| {
            let Some(param) = self.params.iter().find(|p| p.name == *name) else {
                // A parameter of an enclosing function, or a dotted one: not the caller's to
                // give.
                return true;
            };
            if param.default.is_some() {
                return true;
            }
            match (Self::argument(param, call), field) {
                (None, _) => false,
                (Some(arg), Some(field)) => match &arg.kind {
                    ExprKind::Object(fields) => {
                        fields.iter().any(|f| f.key == *field || f.key == "...")
                    }
                    _ => true,
                },
                (Some(_), None) => true,
            }
        })
    }

    /// What the summary says, for telling whether it changed between two passes.
    pub fn signature(&self) -> String {
        let params: Vec<String> = self
            .params
            .iter()
            .map(|p| format!("{}:{:?}:{:?}", p.name, p.position, p.field))
            .collect();
        let flow = match &self.flow {
            None => "-".to_string(),
            Some(Flow::Sdk { .. }) => "sdk".to_string(),
            Some(Flow::Through { args }) => {
                let names: Vec<&str> = args.iter().map(|(n, _)| n.as_str()).collect();
                format!("through({})", names.join(","))
            }
        };
        format!(
            "{}({}) {flow} ret={} {}:{}:{} {}",
            self.name,
            params.join(","),
            self.returns_url,
            self.hop.path,
            self.hop.line,
            self.hop.column,
            self.inner
                .as_ref()
                .map_or(String::new(), |i| format!("-> {}", i.signature()))
        )
    }
}

/// The parameters of the function it is read in (or of one enclosing it) that an
/// expression's value depends on, following bindings: `(name, field)`, the field when only
/// one of an options parameter's is read (`options.signedUrls`).
pub fn parameters_used(
    expr: &Expr,
    syntax: &SyntaxFacts,
    function: Option<usize>,
    depth: usize,
    out: &mut Vec<(String, Option<String>)>,
) {
    if depth > 16 {
        return;
    }
    let again = |e: &Expr, out: &mut Vec<_>| parameters_used(e, syntax, function, depth + 1, out);
    let parameter = |name: &str, at: usize| {
        syntax
            .lookup(name, at, function)
            .is_some_and(|b| b.is_parameter())
    };
    let push = |name: &str, field: Option<&str>, out: &mut Vec<(String, Option<String>)>| {
        let used = (name.to_string(), field.map(str::to_string));
        if !out.contains(&used) {
            out.push(used);
        }
    };
    match &expr.kind {
        ExprKind::Name(name) => match syntax.lookup(name, expr.span.start, function) {
            Some(b) if b.is_parameter() => push(name, None, out),
            Some(b) => again(&b.value, out),
            None => {}
        },
        ExprKind::Member(object, field) => {
            if let Some(path) = expr.path()
                && let Some(b) = syntax.lookup(&path.join("."), expr.span.start, function)
            {
                if b.is_parameter() {
                    push(&path.join("."), None, out);
                } else {
                    again(&b.value, out);
                }
                return;
            }
            match &object.kind {
                ExprKind::Name(p) if parameter(p, object.span.start) => {
                    push(p, Some(field), out);
                }
                _ => again(object, out),
            }
        }
        ExprKind::Call(c) => {
            for a in &c.args {
                again(&a.value, out);
            }
            if let Some(r) = c.receiver() {
                again(r, out);
            }
        }
        ExprKind::Binary(_, l, r) => {
            again(l, out);
            again(r, out);
        }
        ExprKind::Neg(e) | ExprKind::FirstResult(e) => again(e, out),
        ExprKind::Object(fields) => {
            for f in fields {
                again(&f.value, out);
            }
        }
        ExprKind::Array(items)
        | ExprKind::Interpolated(items)
        | ExprKind::Choice(items)
        | ExprKind::Fallback(items, _) => {
            for i in items {
                again(i, out);
            }
        }
        _ => {}
    }
}

/// Whether `expr` carries the value of the call at `target` (directly, inside an object or a
/// string built from it, through a member of it, or a name bound to any of these).
pub fn carries(
    expr: &Expr,
    target: &std::ops::Range<usize>,
    syntax: &SyntaxFacts,
    function: Option<usize>,
    depth: usize,
) -> bool {
    if depth > 8 {
        return false;
    }
    if expr.span.start <= target.start && target.end <= expr.span.end {
        return true;
    }
    let again = |e: &Expr| carries(e, target, syntax, function, depth + 1);
    match &expr.kind {
        ExprKind::Name(name) => syntax
            .lookup(name, expr.span.start, function)
            .is_some_and(|b| !b.is_parameter() && again(&b.value)),
        ExprKind::Member(object, _) => again(object),
        ExprKind::Call(c) => {
            c.receiver().is_some_and(again) || c.args.iter().any(|a| again(&a.value))
        }
        ExprKind::FirstResult(e) => again(e),
        ExprKind::Object(fields) => fields.iter().any(|f| again(&f.value)),
        ExprKind::Array(items)
        | ExprKind::Interpolated(items)
        | ExprKind::Choice(items)
        | ExprKind::Fallback(items, _) => items.iter().any(again),
        _ => false,
    }
}
