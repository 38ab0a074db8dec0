//! Where an SDK presign call's expiry is: the catalog's locations (keyword, position, options
//! field, builder chain) read on a call, and the value turned into seconds in the SDK's unit.

use crate::facts::{CallExpr, Expr, ExprKind, KEYWORD_SPLAT};
use crate::semantic::catalog::{Location, Unit};
use crate::semantic::eval::{Env, Value, relative_time};

/// Whether an options or request argument may carry fields that cannot be seen: a parameter,
/// a call's result, an unknown expression, or an object with a spread (`{ ...base }`).
pub fn is_opaque<'a>(expr: &'a Expr, env: &mut Env<'a>, depth: usize) -> bool {
    if depth > 8 {
        return true;
    }
    match &expr.kind {
        ExprKind::Name(_) => {
            let mark = env.mark();
            let opaque = env
                .resolve(expr)
                .is_none_or(|bound| is_opaque(bound, env, depth + 1));
            env.rewind(mark);
            opaque
        }
        ExprKind::Object(fields) => fields.iter().any(|f| f.key == "..."),
        // `new Request { … }` is read like an object, and so is a builder chain whose every
        // setter is in view (`Args.builder().bucket(b).build()`); any other call returns who
        // knows what.
        ExprKind::Call(c) => !c.is_new && !is_whole_builder(c, 0),
        ExprKind::Unknown
        | ExprKind::Member(..)
        | ExprKind::FirstResult(_)
        | ExprKind::Choice(_)
        | ExprKind::Fallback(..)
        | ExprKind::Setting(_)
        | ExprKind::Interpolated(_) => true,
        _ => false,
    }
}

/// `X.builder()…build()` or `new X()…`: a chain that starts by making the request.
fn is_whole_builder(call: &CallExpr, depth: usize) -> bool {
    if depth > 32 {
        return false;
    }
    match call.receiver().map(|r| &r.kind) {
        Some(ExprKind::Call(inner)) => {
            inner.is_new
                || matches!(inner.name(), Some("builder" | "newBuilder"))
                || is_whole_builder(inner, depth + 1)
        }
        _ => false,
    }
}

/// Finds the expression a catalog location points at.
pub fn locate<'a>(
    call: &'a crate::facts::CallExpr,
    loc: &Location,
    env: &mut Env<'a>,
) -> Option<&'a Expr> {
    if let Some(keyword) = &loc.keyword {
        if let Some(e) = call.keyword(keyword) {
            return Some(e);
        }
        // `**params` with `params = {…, "ExpiresIn": …}` bound earlier.
        if let Some(splat) = call.keyword(KEYWORD_SPLAT) {
            let mark = env.mark();
            if let Some(e) = object_field(splat, keyword, env) {
                return Some(e);
            }
            env.rewind(mark);
        }
    }
    if let Some(i) = loc.positional
        && let Some(e) = call.positional(i)
    {
        return Some(e);
    }
    if let Some(field) = &loc.field {
        // An argument, or the receiver: Go's `sas.BlobSignatureValues{…}.SignWithSharedKey(c)`.
        for value in call.args.iter().map(|a| &a.value).chain(call.receiver()) {
            let mark = env.mark();
            if let Some(e) = object_field(value, field, env) {
                return Some(e);
            }
            env.rewind(mark);
        }
    }
    if let Some(method) = &loc.chain {
        let mut roots: Vec<&'a Expr> = call.args.iter().map(|a| &a.value).collect();
        if let Some(r) = call.receiver() {
            roots.push(r);
        }
        for root in roots {
            let mark = env.mark();
            if let Some(e) = chain_argument(root, method, env, 0) {
                return Some(e);
            }
            env.rewind(mark);
        }
    }
    None
}

/// `{…, field: x}` directly, through a name bound to an object, or shorthand `{ field }`.
fn object_field<'a>(expr: &'a Expr, field: &str, env: &mut Env<'a>) -> Option<&'a Expr> {
    match &expr.kind {
        ExprKind::Object(_) => expr.field(field),
        ExprKind::Name(name) => {
            // `opts.expiresIn = …` after `const opts = {}`.
            if let Some(assigned) = env.lookup_name(&format!("{name}.{field}"), expr.span.start) {
                return Some(assigned);
            }
            let bound = env.resolve(expr)?;
            matches!(bound.kind, ExprKind::Object(_))
                .then(|| bound.field(field))
                .flatten()
        }
        ExprKind::Call(c) if c.is_new => c
            .args
            .iter()
            .find_map(|a| object_field(&a.value, field, env)),
        // `typeof opts === "object" ? opts : { expiresIn: 7200 }`: of the options that set the
        // field, the one that presigns longest (a path only known at run time hides no other).
        ExprKind::Choice(items) => {
            let mut best: Option<(f64, &'a Expr)> = None;
            for item in items {
                let mark = env.mark();
                let length = object_field(item, field, env)
                    .and_then(|e| Some((magnitude(&env.eval(e))?, e)));
                env.rewind(mark);
                if let Some((n, e)) = length
                    && best.is_none_or(|(b, _)| n > b)
                {
                    best = Some((n, e));
                }
            }
            best.map(|(_, e)| e)
        }
        _ => None,
    }
}

/// How long a folded expiry is, to compare two: seconds, a length of time, or how far from now
/// an absolute time is.
fn magnitude(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) | Value::Duration(n) => Some(*n),
        Value::Time { offset, .. } => Some(*offset),
        _ => None,
    }
}

/// The first argument of a call named `method` in a builder chain or option list.
fn chain_argument<'a>(
    expr: &'a Expr,
    method: &str,
    env: &mut Env<'a>,
    depth: usize,
) -> Option<&'a Expr> {
    chain_call(expr, method, env, depth).and_then(|c| c.positional(0))
}

/// The call named `method` in a builder chain or option list.
fn chain_call<'a>(
    expr: &'a Expr,
    method: &str,
    env: &mut Env<'a>,
    depth: usize,
) -> Option<&'a CallExpr> {
    if depth > 16 {
        return None;
    }
    match &expr.kind {
        ExprKind::Call(c) => {
            if c.name() == Some(method) {
                return Some(c);
            }
            if let Some(r) = c.receiver()
                && let Some(found) = chain_call(r, method, env, depth + 1)
            {
                return Some(found);
            }
            c.args
                .iter()
                .find_map(|a| chain_call(&a.value, method, env, depth + 1))
        }
        ExprKind::Name(_) => {
            let bound = env.resolve(expr)?;
            chain_call(bound, method, env, depth + 1)
        }
        _ => None,
    }
}

/// The `TimeUnit` argument that counts the value found at `loc` (its `times_unit`), in the
/// call that holds the value: the presign call itself, or the builder method of `chain`.
pub fn locate_unit<'a>(call: &'a CallExpr, loc: &Location, env: &mut Env<'a>) -> Option<&'a Expr> {
    let at = loc.times_unit?;
    let Some(method) = &loc.chain else {
        return call.positional(at);
    };
    let mut roots: Vec<&'a Expr> = call.args.iter().map(|a| &a.value).collect();
    if let Some(r) = call.receiver() {
        roots.push(r);
    }
    roots.into_iter().find_map(|root| {
        let mark = env.mark();
        let found = chain_call(root, method, env, 0).and_then(|c| c.positional(at));
        if found.is_none() {
            env.rewind(mark);
        }
        found
    })
}

/// Seconds of validity from a folded value, in the unit the SDK reads.
pub fn to_seconds(
    value: Value,
    unit: Unit,
    call: &crate::facts::CallExpr,
    env: &mut Env<'_>,
) -> Option<f64> {
    match (unit, value) {
        (Unit::Seconds, Value::Number(n)) => Some(n),
        (Unit::Seconds | Unit::Duration | Unit::Gcs, Value::Duration(d)) => Some(d),
        (Unit::Seconds, Value::Str(s)) => s.trim().parse().ok(),
        (Unit::Time | Unit::Php | Unit::Gcs, Value::Time { offset, .. }) => Some(offset),
        (Unit::Php, Value::Str(s)) => relative_time(&s),
        (Unit::Gcs, Value::Number(n)) => {
            let v4 =
                call.keyword("version").map(|v| env.eval(v)) == Some(Value::Str("v4".to_string()));
            // Under the default V2 an integer is an absolute timestamp, not a duration.
            v4.then_some(n)
        }
        _ => None,
    }
}
