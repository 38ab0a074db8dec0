//! `presigned-url-logged`, written once over the facts: the result of a presign call (one the
//! SDK catalog matches), directly or through plain local assignments, URL accessors
//! (`.url()`, `.URL`, `getUri()`, `toString()`), interpolated strings, concatenation and
//! formatting calls, passed to print, log or console output ([`crate::facts::Output`], found by
//! the front ends). Terminal output of a command-line program is what the program is for, and
//! is not reported; log records always are.

use serde::Serialize;

use super::{Check, Context, Diagnostic, Explained, LintId, Output, Rule};
use crate::frontend::Needs;
use crate::semantic::catalog::Row;
use std::sync::Arc;

use crate::facts::{CallExpr, Channel, Expr, ExprKind, Program, SyntaxFacts};
use crate::semantic::summary::Summary;
use crate::semantic::{Model, Target};

/// The lint's declaration, named in the registry.
pub(super) const RULE: Rule = Rule {
    triggers: || TRIGGERS.to_vec(),
    needs: |_| Needs::NONE,
    needs_where_presigned: Needs::SYNTAX,
    check: Check::Own(check),
};

/// Every file this lint reports on holds a presign call.
pub const TRIGGERS: &[&str] = &super::expiry::TRIGGERS;

/// How many steps (bindings, accessors, operands) a value is followed back.
const MAX_DEPTH: usize = 24;

/// Calls whose result is a string built from their arguments.
const FORMATTERS: &[&str] = &[
    "format", "format!", "sprintf", "sprint", "sprintln", "str", "repr", "valueof", "concat",
    "join", "inspect",
];

/// Members and zero-argument methods that give a presigned request's URL (or the URL as a
/// string).
const URL_ACCESSORS: &[&str] = &[
    "url",
    "uri",
    "geturi",
    "geturl",
    "tostring",
    "to_string",
    "to_s",
    "toexternalform",
    "string",
    "as_str",
    // C++ `std::string::c_str()`, `data()`.
    "c_str",
    "data",
    "href",
    "absoluteuri",
    "originalstring",
    "touri",
    "tourl",
    // Swift `URL.absoluteString`, `absoluteURL`, `URLRequest.url`.
    "absolutestring",
    "absoluteurl",
];

/// A presign call a value comes from.
struct Origin<'a> {
    row: &'static Row,
    call: &'a CallExpr,
    /// The project's function that returned the URL, when it was not the SDK call itself.
    via: Option<Arc<Summary>>,
}

pub fn check(cx: &Context<'_>, out: &mut Output) {
    let (Some(syntax), Some(model)) = (&cx.facts.syntax, cx.model) else {
        return;
    };
    for output in &syntax.outputs {
        // A command-line program prints for the person who runs it: its terminal output is
        // what it is for. A log record is kept and shipped wherever the program runs.
        if output.channel == Channel::Terminal && syntax.program == Program::CommandLine {
            continue;
        }
        let Some(call) = syntax.calls.get(output.call) else {
            continue;
        };
        let tracer = Tracer {
            syntax,
            model,
            function: call.function,
        };
        for arg in call.call.args.iter().skip(output.args_from) {
            let Some(origin) = tracer.origin(&arg.value, 0) else {
                continue;
            };
            report(cx, out, &call.call, &arg.value, &origin);
            break;
        }
    }
}

fn report(cx: &Context<'_>, out: &mut Output, sink: &CallExpr, value: &Expr, origin: &Origin<'_>) {
    let mut sink_text = cx
        .text
        .get(sink.callee.span.clone())
        .map(|t| t.split_whitespace().collect::<String>())
        .unwrap_or_default();
    // A Rust macro's path does not include its `!`.
    if sink.name().is_some_and(|n| n.ends_with('!')) && !sink_text.ends_with('!') {
        sink_text.push('!');
    }
    let presign_line = cx.source.position(origin.call.span.start).0;
    let related = origin
        .via
        .as_ref()
        .map(|s| {
            s.hops()
                .into_iter()
                .map(super::RelatedSpan::Elsewhere)
                .collect()
        })
        .unwrap_or_default();
    let finding = Logged {
        sink: &sink_text,
        presign_line,
        sdk: &origin.row.sdk,
        method: origin.call.name().unwrap_or("presign"),
        via: origin.via.as_ref().map(|s| s.chain()[1..].join(" → ")),
    };
    let identity = format!(
        "{sink_text}|{}",
        cx.text.get(value.span.clone()).unwrap_or("")
    );
    let mut diagnostic = Diagnostic::explained(
        LintId::PresignedUrlLogged,
        value.span.clone(),
        identity,
        &finding,
    );
    diagnostic.related = related;
    out.diagnostics.push(diagnostic);
}

/// A presigned URL written to a log or the console: where it is written (the details) and
/// where it was presigned.
#[derive(Serialize)]
struct Logged<'a> {
    /// The print or log call, as written.
    sink: &'a str,
    presign_line: usize,
    sdk: &'a str,
    /// The presign call's method.
    #[serde(skip)]
    method: &'a str,
    /// The wrappers it presigns through, when the call is a wrapper's: `a → b`.
    #[serde(skip)]
    via: Option<String>,
}

impl Explained for Logged<'_> {
    fn message(&self) -> String {
        let (method, line) = (self.method, self.presign_line);
        let from = match &self.via {
            Some(chain) => format!("`{method}` (line {line}), which presigns through {chain}"),
            None => format!("{} `{method}` (line {line})", self.sdk),
        };
        format!(
            "the presigned URL from {from} is written to `{}`: anyone who reads the logs or console can use it until it expires (practice `no-hardcoded-urls`)",
            self.sink
        )
    }

    fn help(&self) -> Option<String> {
        Some("log the object key, the expiry or a request id instead; if the URL must be traced, log it without its query string (the signature and credential)".to_string())
    }
}

/// Follows a value back to a presign call.
struct Tracer<'a> {
    syntax: &'a SyntaxFacts,
    model: &'a Model<'a>,
    function: Option<usize>,
}

impl<'a> Tracer<'a> {
    fn origin(&self, expr: &'a Expr, depth: usize) -> Option<Origin<'a>> {
        if depth > MAX_DEPTH {
            return None;
        }
        let d = depth + 1;
        match &expr.kind {
            ExprKind::Call(c) => {
                match self.model.target_of(c) {
                    Some(Target::Sdk(row)) => {
                        return Some(Origin {
                            row,
                            call: c,
                            via: None,
                        });
                    }
                    // The project's function that hands back a signed URL.
                    Some(Target::Wrapper(s)) if s.returns_url && s.presigns_for(c) => {
                        return Some(Origin {
                            row: s.row,
                            call: c,
                            via: Some(s.clone()),
                        });
                    }
                    _ => {}
                }
                let name = c.name()?.to_ascii_lowercase();
                if FORMATTERS.contains(&name.as_str()) {
                    if let Some(o) = c.args.iter().find_map(|a| self.origin(&a.value, d)) {
                        return Some(o);
                    }
                    // `", ".join(urls)`, `"a".concat(url)`: the receiver is a part too.
                    return c.receiver().and_then(|r| self.origin(r, d));
                }
                if URL_ACCESSORS.contains(&name.as_str()) && c.args.is_empty() {
                    return c.receiver().and_then(|r| self.origin(r, d));
                }
                None
            }
            ExprKind::Name(name) => {
                let binding = self.syntax.lookup(name, expr.span.start, self.function)?;
                self.origin(&binding.value, d)
            }
            ExprKind::Member(object, field) => {
                if URL_ACCESSORS.contains(&field.to_ascii_lowercase().as_str()) {
                    return self.origin(object, d);
                }
                None
            }
            ExprKind::Binary(crate::facts::BinOp::Add, l, r) => {
                self.origin(l, d).or_else(|| self.origin(r, d))
            }
            ExprKind::Interpolated(parts) | ExprKind::Array(parts) => {
                parts.iter().find_map(|p| self.origin(p, d))
            }
            ExprKind::Object(fields) => fields.iter().find_map(|f| self.origin(&f.value, d)),
            ExprKind::FirstResult(inner) => self.origin(inner, d),
            _ => None,
        }
    }
}
