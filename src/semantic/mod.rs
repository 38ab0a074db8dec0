//! The semantic model of one file, built once and read by every lint: what each call presigns
//! through (an SDK method of the catalog, or one of the project's own presigning functions),
//! and the summaries of the file's own functions that presign, which the project index
//! ([`project`]) shares with every other file. The SDK knowledge it reads is data: the presign
//! calls of each SDK ([`catalog`]) and their signing clients ([`clients`]); [`eval`] folds
//! expressions to values.

pub mod catalog;
pub mod clients;
pub mod eval;
pub mod expiry_arg;
pub mod identifiers;
pub mod multipart;
pub mod project;
pub mod search;
pub mod summary;

use std::cell::OnceCell;
use std::collections::HashMap;
use std::sync::Arc;

use crate::facts::{Arity, Call, CallExpr, ExprKind, Span, SyntaxFacts};
use crate::finding::Related;
use crate::frontend::Family;
use crate::semantic::eval::{Env, Outer, Value};
use crate::text::source::SourceFile;
use catalog::Row;

use project::{ExportedFunction, FileEntry, FileId, FileScope};
use summary::{Capture, Flow, Summary, carries, parameters_used};

/// What a call presigns through.
#[derive(Clone, Debug)]
pub enum Target {
    /// An SDK's presign method.
    Sdk(&'static Row),
    /// One of the project's own functions that presigns.
    Wrapper(Arc<Summary>),
}

/// Receivers that name the object a method runs on: a call on them is a call of the same
/// class's (so the same file's) method.
const SELF_NAMES: &[&str] = &["self", "this", "cls", "$this", "static", "Self", "@"];

/// Rounds of local summarising: a wrapper of a wrapper in the same file needs one more.
const MAX_LOCAL_ROUNDS: usize = 8;

pub struct Model<'a> {
    pub syntax: &'a SyntaxFacts,
    pub family: Family,
    /// By index of `syntax.calls`.
    targets: Vec<Option<Target>>,
    /// Calls that build a presign-only request or configuration (catalog rows with
    /// `request = true`), by index of `syntax.calls`: they presign nothing themselves, so only
    /// the expiry lints read them.
    requests: Vec<(usize, &'static Row)>,
    /// By index of `syntax.functions`.
    pub summaries: Vec<Option<Arc<Summary>>>,
    pub scope: Option<&'a FileScope<'a>>,
    /// Call index by the call's span, for lints that meet a call inside an expression.
    by_span: HashMap<(usize, usize), usize>,
}

impl<'a> Model<'a> {
    /// Builds the model: SDK calls from the catalog, the file's own presigning functions
    /// (summarised until no new one appears), and calls of other files' presigning functions
    /// through `scope`. `hop` positions a span of this file as a secondary location.
    pub fn build(
        syntax: &'a SyntaxFacts,
        family: Family,
        scope: Option<&'a FileScope<'a>>,
        file: FileId,
        hop: &dyn Fn(Span, String) -> Related,
    ) -> Model<'a> {
        let mut requests = Vec::new();
        let mut targets: Vec<Option<Target>> = Vec::with_capacity(syntax.calls.len());
        for (i, c) in syntax.calls.iter().enumerate() {
            // A call a test expects to be refused signs nothing.
            if c.expects_failure {
                targets.push(None);
                continue;
            }
            match catalog::match_call(family, &c.call, syntax) {
                Some(row) if row.request => {
                    requests.push((i, row));
                    targets.push(None);
                }
                row => targets.push(row.map(Target::Sdk)),
            }
        }
        let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, f) in syntax.functions.iter().enumerate() {
            if let Some(name) = &f.name {
                by_name.entry(name.as_str()).or_default().push(i);
            }
        }
        let local = |call: &CallExpr| -> Option<Option<usize>> {
            let name = call.name()?;
            // Only a name this file defines can be local: asked first, as most calls are of
            // other names, before the receiver's class is looked for.
            let named = by_name.get(name)?;
            // `cdn.sign(k)` with `cdn = new CdnFiles()` of a class declared here: its method.
            let mut class = None;
            let is_local = match &call.callee.kind {
                ExprKind::Name(_) => true,
                ExprKind::Member(receiver, _) => match &receiver.kind {
                    ExprKind::Name(r) if SELF_NAMES.contains(&r.as_str()) => true,
                    _ => {
                        class = class_made_here(receiver, syntax);
                        class.is_some()
                    }
                },
                _ => false,
            };
            if !is_local {
                return None;
            }
            let defs: Vec<usize> = named
                .iter()
                .copied()
                .filter(|&f| class.is_none() || syntax.functions[f].class.as_deref() == class)
                .collect();
            if defs.is_empty() {
                return None;
            }
            // Defined here: never another file's, and one definition only, among those the
            // call's arguments fit when there are several (see `project::by_arity`).
            let mut fitting = defs.iter().filter(|&&f| {
                defs.len() == 1
                    || !project::by_arity(family)
                    || Arity::of(&syntax.functions[f].params).fits(call)
            });
            Some(match (fitting.next(), fitting.next()) {
                (Some(&only), None) => Some(only),
                _ => None,
            })
        };
        let mut local_of: Vec<Option<Option<usize>>> = vec![None; syntax.calls.len()];
        for (i, c) in syntax.calls.iter().enumerate() {
            // An SDK method matched by its name alone (`x.getSignedUrl(…)`, the aws-sdk v2
            // row) yields to the project's own method when the receiver is known to be a
            // project object (`FileStorage.getSignedUrl(key, ttl)` of an imported module).
            if let Some(Target::Sdk(row)) = &targets[i]
                && row.receiver
                && row.imports.is_empty()
                && row.receiver_hints.is_empty()
                && let Some(s) = scope.and_then(|s| s.function_of_known_receiver(&c.call, syntax))
            {
                targets[i] = Some(Target::Wrapper(s));
            }
            if targets[i].is_some() || c.expects_failure {
                continue;
            }
            local_of[i] = local(&c.call);
            if local_of[i].is_none() {
                targets[i] = scope
                    .and_then(|s| s.function(&c.call, syntax))
                    .map(Target::Wrapper);
            }
        }
        let owners: Vec<Option<usize>> = syntax
            .calls
            .iter()
            .map(|c| named_owner(syntax, c.function))
            .collect();
        let mut model = Model {
            syntax,
            family,
            targets,
            requests,
            summaries: vec![None; syntax.functions.len()],
            scope,
            by_span: syntax
                .calls
                .iter()
                .enumerate()
                .map(|(i, c)| ((c.call.span.start, c.call.span.end), i))
                .collect(),
        };
        // The scope captures share: made only if some function's expiry needs one.
        let shared_scope = OnceCell::new();
        for _ in 0..MAX_LOCAL_ROUNDS {
            let mut changed = false;
            for f in 0..syntax.functions.len() {
                if model.summaries[f].is_some() || syntax.functions[f].name.is_none() {
                    continue;
                }
                if let Some(s) = model.summarise(f, &owners, &shared_scope, file, hop) {
                    model.summaries[f] = Some(Arc::new(s));
                    changed = true;
                }
            }
            for (i, l) in local_of.iter().enumerate() {
                if let (Some(Some(f)), None) = (l, &model.targets[i])
                    && let Some(s) = &model.summaries[*f]
                    && Summary::accepts(family, &s.params, &syntax.calls[i].call)
                {
                    model.targets[i] = Some(Target::Wrapper(s.clone()));
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        model
    }

    pub fn target(&self, call: usize) -> Option<&Target> {
        self.targets.get(call)?.as_ref()
    }

    /// What a call met inside an expression presigns through.
    pub fn target_of(&self, call: &CallExpr) -> Option<&Target> {
        let i = self.by_span.get(&(call.span.start, call.span.end))?;
        self.target(*i)
    }

    /// Calls building a presign-only request, with their catalog row.
    pub fn requests(&self) -> impl Iterator<Item = (&'a Call, &'static Row)> + '_ {
        self.requests
            .iter()
            .map(|&(i, row)| (&self.syntax.calls[i], row))
    }

    /// The SDK row of a call, when it is an SDK's presign call.
    pub fn sdk(&self, call: usize) -> Option<&'static Row> {
        match self.target(call)? {
            Target::Sdk(row) => Some(row),
            Target::Wrapper(_) => None,
        }
    }

    /// Calls that presign, with what they presign through.
    pub fn sites(&self) -> impl Iterator<Item = (&'a Call, &Target)> + '_ {
        self.syntax
            .calls
            .iter()
            .zip(&self.targets)
            .filter_map(|(c, t)| t.as_ref().map(|t| (c, t)))
    }

    /// An evaluation environment for an expression of `call`'s function.
    pub fn env(&self, source: &'a SourceFile, function: Option<usize>) -> Env<'a> {
        Env::new(self.syntax, source, function, self.family)
            .with_outer(self.scope.map(|s| s as &dyn Outer))
    }

    fn summarise(
        &self,
        f: usize,
        owners: &[Option<usize>],
        scope: &OnceCell<Arc<SyntaxFacts>>,
        file: FileId,
        hop: &dyn Fn(Span, String) -> Related,
    ) -> Option<Summary> {
        let syntax = self.syntax;
        let function = &syntax.functions[f];
        let name = function.name.clone()?;
        let mut best: Option<Summary> = None;
        for (i, call) in syntax.calls.iter().enumerate() {
            if owners[i] != Some(f) {
                continue;
            }
            let Some(target) = &self.targets[i] else {
                continue;
            };
            let capture = |expr: &crate::facts::Expr| Capture {
                scope: scope
                    .get_or_init(|| {
                        Arc::new(SyntaxFacts {
                            calls: Vec::new(),
                            returns: Vec::new(),
                            ..syntax.clone()
                        })
                    })
                    .clone(),
                expr: expr.clone(),
                function: call.function,
                family: self.family,
                file,
            };
            let used = |e: &crate::facts::Expr| {
                let mut out = Vec::new();
                parameters_used(e, syntax, call.function, 0, &mut out);
                out
            };
            let mut expiry_params = Vec::new();
            let returns_url = syntax.returns.iter().any(|r| {
                (r.function == Some(f) || r.function == call.function)
                    && carries(&r.value, &call.call.span, syntax, r.function, 0)
            });
            let returned = returned_closure(syntax, call.function, f);
            let (flow, row, method, inner, depth, message) = match target {
                Target::Sdk(row) => {
                    let mut env = Env::captured(syntax, call.function, self.family);
                    let expr = row
                        .expiry
                        .iter()
                        .find_map(|loc| expiry_arg::locate(&call.call, loc, &mut env));
                    if let Some(e) = expr {
                        expiry_params = used(e);
                    }
                    let flow = expr
                        .filter(|_| !expiry_params.is_empty())
                        .map(|e| Flow::Sdk {
                            expiry: capture(e),
                            call: call.call.clone(),
                        });
                    let method = call.call.name().unwrap_or("presign").to_string();
                    let message = format!("`{name}` presigns here with `{method}` ({})", row.sdk);
                    (flow, *row, method, None, 0, message)
                }
                Target::Wrapper(inner) => {
                    // A call that does not give the wrapper its expiry may not presign.
                    if !inner.presigns_for(&call.call) {
                        continue;
                    }
                    let mut args: Vec<(String, Capture)> = Vec::new();
                    if inner.flow.is_some() {
                        for p in &inner.params {
                            if !inner.expiry_params.iter().any(|(n, _)| *n == p.name) {
                                continue;
                            }
                            let Some(arg) = Summary::argument(p, &call.call) else {
                                continue;
                            };
                            let from = used(arg);
                            if !from.is_empty() {
                                for u in from {
                                    if !expiry_params.contains(&u) {
                                        expiry_params.push(u);
                                    }
                                }
                                args.push((p.name.clone(), capture(arg)));
                            }
                        }
                    }
                    let flow = (!args.is_empty()).then_some(Flow::Through { args });
                    let message = format!("`{name}` calls `{}` here", inner.name);
                    // Recursion (directly or through other files) presigns only if some
                    // other path does: a chain through this function itself is no summary.
                    let here = hop(function.span.clone(), String::new()).path;
                    if inner.depth >= summary::MAX_CHAIN || inner.passes_through(&name, &here) {
                        continue;
                    }
                    (
                        flow,
                        inner.row,
                        inner.method.clone(),
                        Some(inner.clone()),
                        inner.depth + 1,
                        message,
                    )
                }
            };
            let deferred = returned || inner.as_ref().is_some_and(|i| i.deferred);
            let presigns_part = match &inner {
                Some(i) => i.presigns_part,
                None => multipart::presigns_upload_part(&call.call, syntax, 0),
            };
            let candidate = Summary {
                name: name.clone(),
                params: function.params.clone(),
                flow,
                expiry_params,
                returns_url,
                row,
                method,
                hop: hop(call.call.callee.span.clone(), message),
                inner,
                depth,
                deferred,
                presigns_part,
            };
            // A call that presigns when the function runs matters most, then one that lets a
            // caller choose the expiry, then one that hands the URL back.
            let rank = |s: &Summary| (!s.deferred, s.flow.is_some(), s.returns_url);
            if best.as_ref().is_none_or(|b| rank(&candidate) > rank(b)) {
                best = Some(candidate);
            }
        }
        best
    }

    /// What this file gives the project: its named functions (with summaries) and constants.
    pub fn exports(
        &self,
        source: &'a SourceFile,
        path: std::path::PathBuf,
        root: std::path::PathBuf,
    ) -> FileEntry {
        let functions = self
            .syntax
            .functions
            .iter()
            .zip(&self.summaries)
            .filter_map(|(f, s)| {
                Some(ExportedFunction {
                    name: f.name.clone()?,
                    params: f.params.iter().map(|p| p.name.clone()).collect(),
                    arity: Arity::of(&f.params),
                    summary: s.clone(),
                })
            })
            .collect();
        let mut constants = Vec::new();
        for (name, ids) in &self.syntax.by_name {
            let top: Vec<usize> = ids
                .iter()
                .copied()
                .filter(|&i| self.syntax.bindings[i].function.is_none())
                .collect();
            // A name bound twice at top level is a variable, not a constant.
            let [only] = top.as_slice() else { continue };
            if name.starts_with("this.") || name.starts_with("self.") {
                continue;
            }
            let binding = &self.syntax.bindings[*only];
            let fold = || self.env(source, None).eval(&binding.value);
            let value = match self.scope {
                Some(scope) => scope.without_wanting(fold),
                None => fold(),
            };
            if value != Value::Unknown {
                constants.push((name.clone(), value));
            }
        }
        constants.sort_by(|a, b| a.0.cmp(&b.0));
        FileEntry {
            path,
            root,
            family: self.family,
            imports: self.syntax.imports.clone(),
            functions,
            constants,
        }
    }
}

/// The class an object is made from, when this file declares it (a method of the file has
/// it for its class): `new CdnFiles()`, `CdnFiles(…)`, Ruby's `CdnFiles.new`, a factory of
/// the file that returns one, or a name bound to one (`cdn = new CdnFiles()` before the call).
fn class_made_here<'s>(receiver: &crate::facts::Expr, syntax: &'s SyntaxFacts) -> Option<&'s str> {
    let made = match &receiver.kind {
        ExprKind::Name(name) => &syntax.last_binding_before(name, receiver.span.start)?.value,
        _ => receiver,
    };
    let call = made.as_call()?;
    let path = call.callee.path()?;
    let factory = (!call.is_new)
        .then(|| project::factory_class(call, syntax))
        .flatten();
    let class = match (factory, path.as_slice()) {
        // `getStorageProvider()`, a factory of the file.
        (Some(class), _) => class,
        (None, [.., class, "new"]) if !call.is_new => *class,
        (None, [.., class]) => *class,
        _ => return None,
    };
    syntax
        .functions
        .iter()
        .find_map(|f| f.class.as_deref().filter(|c| *c == class))
}

/// Whether `function`, or a function between it and its named owner `owner`, is a closure
/// `owner`'s scope returns without calling it: the returned value itself (`return async (req)
/// => …`), or a field or element of a returned object or array (`return { generate: (req) =>
/// … }`). A callback passed to a call in the return (`return keys.map((k) => …)`) runs now.
fn returned_closure(syntax: &SyntaxFacts, mut function: Option<usize>, owner: usize) -> bool {
    fn holds(value: &crate::facts::Expr, span: &Span, depth: usize) -> bool {
        depth < MAX_RETURNED_NESTING
            && (value.span == *span
                || match &value.kind {
                    ExprKind::Object(fields) => {
                        fields.iter().any(|f| holds(&f.value, span, depth + 1))
                    }
                    ExprKind::Array(items) => items.iter().any(|i| holds(i, span, depth + 1)),
                    _ => false,
                })
    }
    for _ in 0..32 {
        let Some(f) = function.filter(|&f| f != owner) else {
            return false;
        };
        let Some(def) = syntax.functions.get(f) else {
            return false;
        };
        if syntax
            .returns
            .iter()
            .any(|r| r.function == def.parent && holds(&r.value, &def.span, 0))
        {
            return true;
        }
        function = def.parent;
    }
    false
}

/// How deep into a returned object a closure is looked for.
const MAX_RETURNED_NESTING: usize = 4;

/// The nearest named function at or around `function`: the unit a summary describes (a
/// closure's calls belong to the function that defines it).
fn named_owner(syntax: &SyntaxFacts, mut function: Option<usize>) -> Option<usize> {
    for _ in 0..32 {
        let f = function?;
        let def = syntax.functions.get(f)?;
        if def.name.is_some() {
            return Some(f);
        }
        function = def.parent;
    }
    None
}
