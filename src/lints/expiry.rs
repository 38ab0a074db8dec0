//! `excessive-expiry` and `expiry-exceeds-limit`, written once over the facts: presign calls
//! matched against the SDK catalog, `aws s3 presign --expires-in`, and config keys.

use serde_json::json;

use super::{Context, Diagnostic, LintId, Output};
use crate::catalog::{self, Location, Row, SIGV4_MAX_SECONDS, Unit};
use crate::duration::{human, parse_duration};
use crate::eval::{Env, Value, relative_time};
use crate::facts::{Call, Expr, ExprKind, KEYWORD_SPLAT, Span};

/// Words every file with an expiry to check contains: every catalog method, CLI command and
/// config key the lint reads has one of them, so other files are never parsed.
pub const TRIGGERS: [&str; 15] = [
    "presign",
    "postobjectv4",
    "signedcookie",
    "signed_url",
    "signedurl",
    "signurl",
    "urlsigner",
    "signatureduration",
    "_sas",
    "sasexpir",
    "sas_expir",
    "sasttl",
    "sas_ttl",
    "urlsignature",
    "url_signature",
];

/// The AWS CLI's default for `aws s3 presign`.
const CLI_DEFAULT: u64 = 3600;

/// One resolved expiry, ready to be compared with the policy.
struct Expiry {
    seconds: f64,
    span: Span,
    /// What presigns, for the message: "boto3 `generate_presigned_url`".
    what: String,
    /// How the value was obtained, when not a plain literal.
    derivation: Vec<String>,
    /// The signer's hard limit and what happens past it.
    limit: Option<(u64, String)>,
    source: &'static str,
}

pub fn check(cx: &Context<'_>, out: &mut Output) {
    let mut expiries = Vec::new();
    if let (Some(syntax), Some(language)) = (&cx.facts.syntax, cx.facts.language) {
        for call in &syntax.calls {
            let Some(row) = catalog::match_call(language.family(), &call.call, syntax) else {
                continue;
            };
            match resolve_call(cx, call, row) {
                Some(Some(expiry)) => expiries.push(expiry),
                Some(None) => out.dynamic_expiries += 1,
                None => {}
            }
        }
    }
    for cli in &cx.facts.cli_presigns {
        let (seconds, span, derivation) = match &cli.expires_in {
            Some((span, value)) => match value.parse::<f64>() {
                Ok(n) => (n, span.clone(), Vec::new()),
                Err(_) => {
                    out.dynamic_expiries += 1;
                    continue;
                }
            },
            None => (
                CLI_DEFAULT as f64,
                cli.span.clone(),
                vec!["no --expires-in, so the CLI default applies".to_string()],
            ),
        };
        expiries.push(Expiry {
            seconds,
            span,
            what: "`aws s3 presign`".to_string(),
            derivation,
            limit: Some((
                SIGV4_MAX_SECONDS,
                "AWS CLI v2 refuses it; v1 builds a URL that S3 rejects when it is used"
                    .to_string(),
            )),
            source: "cli",
        });
    }
    for config in &cx.facts.config_expiries {
        match config_seconds(&config.key, &config.value) {
            Some(seconds) => expiries.push(Expiry {
                seconds,
                span: config.value_span.clone(),
                what: format!("config key `{}`", config.key),
                derivation: Vec::new(),
                limit: Some((
                    SIGV4_MAX_SECONDS,
                    "S3 rejects SigV4 presigned URLs valid longer than 7 days".to_string(),
                )),
                source: "config",
            }),
            None => out.dynamic_expiries += 1,
        }
    }
    for expiry in expiries {
        report(cx, expiry, out);
    }
}

fn report(cx: &Context<'_>, e: Expiry, out: &mut Output) {
    let seconds = e.seconds.round().max(0.0) as u64;
    let over_limit = e.limit.as_ref().filter(|(limit, _)| seconds > *limit);
    let lint = if over_limit.is_some() && (cx.enabled)(LintId::ExpiryExceedsLimit) {
        LintId::ExpiryExceedsLimit
    } else if seconds > cx.max_expiry && (cx.enabled)(LintId::ExcessiveExpiry) {
        LintId::ExcessiveExpiry
    } else {
        return;
    };
    let mut message = match lint {
        LintId::ExpiryExceedsLimit => {
            let (limit, consequence) =
                over_limit.map_or((SIGV4_MAX_SECONDS, ""), |(l, c)| (*l, c.as_str()));
            format!(
                "{} presigns for {} ({seconds} s), over the {} signing limit: {consequence}",
                e.what,
                human(seconds),
                human(limit)
            )
        }
        _ => format!(
            "{} presigns for {} ({seconds} s); the limit is {} ({} s)",
            e.what,
            human(seconds),
            human(cx.max_expiry),
            cx.max_expiry
        ),
    };
    if !e.derivation.is_empty() {
        message.push_str(&format!(" ({})", e.derivation.join("; ")));
    }
    let help = match lint {
        LintId::ExpiryExceedsLimit => format!(
            "use at most 7 days, and preferably the policy maximum of {}; for long-lived access use CloudFront signed URLs or an IAM role (practice `url-expired`)",
            human(cx.max_expiry)
        ),
        _ => format!(
            "presign for at most {} and generate a fresh URL when it is needed; raise `max-expiry` in presign-lint.toml only for a reviewed need (practice `short-expiration`)",
            human(cx.max_expiry)
        ),
    };
    let mut details = serde_json::Map::new();
    details.insert("expiry_seconds".into(), json!(seconds));
    details.insert("max_expiry_seconds".into(), json!(cx.max_expiry));
    if let Some((limit, _)) = &e.limit {
        details.insert("limit_seconds".into(), json!(limit));
    }
    details.insert("source".into(), json!(e.source));
    if !e.derivation.is_empty() {
        details.insert("derivation".into(), json!(e.derivation));
    }
    let identity = format!("{}|{}", e.what, cx.text.get(e.span.clone()).unwrap_or(""));
    out.diagnostics.push(Diagnostic {
        lint,
        span: e.span,
        message,
        help: Some(help),
        details,
        identity,
        level_cap: None,
        related: Vec::new(),
    });
}

/// `Some(Some(expiry))` resolved, `Some(None)` dynamic (counted), `None` nothing to check
/// (an SDK that requires the expiry and did not get one fails on its own).
fn resolve_call(cx: &Context<'_>, call: &Call, row: &Row) -> Option<Option<Expiry>> {
    let syntax = cx.facts.syntax.as_ref()?;
    let family = cx.facts.language.map_or("", |l| l.family());
    let mut env = Env::new(syntax, cx.source, call.function, family);
    let what = format!("{} `{}`", row.sdk, call.call.name().unwrap_or("?"));
    let limit = row.signer.hard_limit().map(|l| {
        (
            l,
            row.over_limit
                .clone()
                .unwrap_or_else(|| "the signer refuses it or S3 rejects the URL".to_string()),
        )
    });
    let Some(expr) = row
        .expiry
        .iter()
        .find_map(|loc| locate(&call.call, loc, &mut env))
    else {
        // No expiry found where the SDK reads it: it may still be set out of sight.
        let options = row.options.and_then(|i| call.call.positional(i));
        let splat = call
            .call
            .keyword(KEYWORD_SPLAT)
            .is_some_and(|s| is_opaque(s, &mut env, 0));
        if splat || options.is_some_and(|o| is_opaque(o, &mut env, 0)) {
            return Some(None);
        }
        let Some(default) = row.default else {
            // A required expiry missing from the options given: set another way (a custom
            // policy) that is not read.
            return options.map(|_| None);
        };
        let name = match options {
            Some(_) => format!(
                "the options set no expiry, so the {} default applies",
                row.sdk
            ),
            None => format!("no expiry given, so the {} default applies", row.sdk),
        };
        return Some(Some(Expiry {
            seconds: default as f64,
            span: call.call.callee.span.clone(),
            what,
            derivation: vec![name],
            limit,
            source: "default",
        }));
    };
    let value = env.eval(expr);
    let seconds = to_seconds(value, row.unit, &call.call, &mut env);
    Some(seconds.map(|seconds| Expiry {
        seconds,
        span: expr.span.clone(),
        what,
        derivation: env.steps.clone(),
        limit,
        source: "argument",
    }))
}

/// Whether an options or request argument may carry fields that cannot be seen: a parameter,
/// a call's result, an unknown expression, or an object with a spread (`{ ...base }`).
fn is_opaque<'a>(expr: &'a Expr, env: &mut Env<'a>, depth: usize) -> bool {
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
        // `new Request { … }` is read like an object; any other call returns who knows what.
        ExprKind::Call(c) => !c.is_new,
        ExprKind::Unknown
        | ExprKind::Member(..)
        | ExprKind::FirstResult(_)
        | ExprKind::Interpolated(_) => true,
        _ => false,
    }
}

/// Finds the expression a catalog location points at.
fn locate<'a>(
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
    if let Some(i) = loc.positional {
        if let Some(e) = call.positional(i) {
            return Some(e);
        }
    }
    if let Some(field) = &loc.field {
        for arg in &call.args {
            let mark = env.mark();
            if let Some(e) = object_field(&arg.value, field, env) {
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
    if depth > 16 {
        return None;
    }
    match &expr.kind {
        ExprKind::Call(c) => {
            if c.name() == Some(method) {
                return c.positional(0);
            }
            if let Some(r) = c.receiver() {
                if let Some(e) = chain_argument(r, method, env, depth + 1) {
                    return Some(e);
                }
            }
            c.args
                .iter()
                .find_map(|a| chain_argument(&a.value, method, env, depth + 1))
        }
        ExprKind::Name(_) => {
            let bound = env.resolve(expr)?;
            chain_argument(bound, method, env, depth + 1)
        }
        _ => None,
    }
}

/// Seconds of validity from a folded value, in the unit the SDK reads.
fn to_seconds(
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

/// A config value in seconds: a number (scaled by a unit in the key name) or a duration
/// string (`7d`, `168h`, `PT1H`).
fn config_seconds(key: &str, value: &str) -> Option<f64> {
    if let Ok(n) = value.parse::<f64>() {
        let k = key.to_ascii_lowercase();
        let scale = if k.ends_with("ms") || k.contains("millis") {
            0.001
        } else if k.contains("minute") || k.ends_with("_min") || k.ends_with("_mins") {
            60.0
        } else if k.contains("hour") {
            3600.0
        } else if k.contains("day") {
            86_400.0
        } else {
            1.0
        };
        return Some(n * scale);
    }
    parse_duration(value).map(|s| s as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_is_valid() {
        let rows = catalog::validate().unwrap_or_else(|e| panic!("{e}"));
        assert!(rows >= 5);
        assert_eq!(rows, catalog::rows().len());
    }

    /// The prefilter must never drop a file the catalog would match.
    #[test]
    fn every_catalog_method_contains_a_trigger_word() {
        for row in catalog::rows() {
            let hints = row.receiver_hints.join(" ").to_ascii_lowercase();
            for method in &row.methods {
                let lower = format!("{} {hints}", method.to_ascii_lowercase());
                assert!(
                    TRIGGERS.iter().any(|t| lower.contains(t)),
                    "{} `{method}` has no trigger word: add one to expiry::TRIGGERS",
                    row.sdk
                );
            }
        }
    }
}
