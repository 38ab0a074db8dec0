//! `presigned-url-logged`, written once over the facts: the result of a presign call (one the
//! SDK catalog matches), directly or through plain local assignments, URL accessors
//! (`.url()`, `.URL`, `getUri()`, `toString()`), interpolated strings, concatenation and
//! formatting calls, passed to print, log or console output.

use serde_json::json;

use super::{Context, Diagnostic, LintId, Output};
use crate::catalog::Row;
use std::sync::Arc;

use crate::facts::{CallExpr, Expr, ExprKind, SyntaxFacts};
use crate::semantic::summary::Summary;
use crate::semantic::{Model, Target};

/// Every file this lint reports on holds a presign call.
pub const TRIGGERS: &[&str] = &super::expiry::TRIGGERS;

/// How many steps (bindings, accessors, operands) a value is followed back.
const MAX_DEPTH: usize = 24;

/// Free functions and macros that print, per language family.
const PRINT_FUNCTIONS: &[(&str, &[&str])] = &[
    ("python", &["print", "pprint"]),
    ("ruby", &["puts", "p", "pp", "print", "warn"]),
    (
        "php",
        &[
            "echo",
            "print",
            "printf",
            "error_log",
            "var_dump",
            "var_export",
            "print_r",
            "syslog",
            "dump",
            "dd",
        ],
    ),
    ("kotlin", &["println", "print"]),
    ("go", &["println", "print"]),
    (
        "rust",
        &[
            "println!",
            "print!",
            "eprintln!",
            "eprint!",
            "dbg!",
            "info!",
            "debug!",
            "warn!",
            "error!",
            "trace!",
            "event!",
        ],
    ),
];

/// Methods of a logger (receiver named like one) that write a record, lowercased.
const LOG_METHODS: &[&str] = &[
    "info",
    "debug",
    "warn",
    "warning",
    "error",
    "exception",
    "critical",
    "fatal",
    "trace",
    "log",
    "notice",
    "verbose",
    "emergency",
    "alert",
    "information",
    "print",
    "printf",
    "println",
    "infof",
    "debugf",
    "warnf",
    "warningf",
    "errorf",
    "fatalf",
    "fatalln",
    "tracef",
    "panic",
    "panicf",
    "panicln",
    "infow",
    "debugw",
    "warnw",
    "errorw",
    "dir",
    "table",
    "loginformation",
    "logdebug",
    "logwarning",
    "logerror",
    "logcritical",
    "logtrace",
    "info!",
    "debug!",
    "warn!",
    "error!",
    "trace!",
    "event!",
];

/// Receivers that are a process's output streams, with the methods that write to them:
/// `System.out.println`, `Console.WriteLine`, `Debug.WriteLine`, `fmt.Println`,
/// `sys.stdout.write`, `process.stdout.write`, `$stderr.puts`, `log::info!`.
const STREAMS: &[(&str, &[&str])] = &[
    ("System.out", &["print", "println", "printf", "format"]),
    ("System.err", &["print", "println", "printf", "format"]),
    ("Console", &["Write", "WriteLine"]),
    ("Console.Out", &["Write", "WriteLine"]),
    ("Console.Error", &["Write", "WriteLine"]),
    (
        "Debug",
        &[
            "Write",
            "WriteLine",
            "Print",
            "WriteIf",
            "WriteLineIf",
            "Log",
        ],
    ),
    (
        "Trace",
        &[
            "Write",
            "WriteLine",
            "TraceInformation",
            "TraceWarning",
            "TraceError",
        ],
    ),
    ("fmt", &["Print", "Printf", "Println"]),
    ("sys.stdout", &["write"]),
    ("sys.stderr", &["write"]),
    ("process.stdout", &["write"]),
    ("process.stderr", &["write"]),
    ("$stdout", &["puts", "print", "write"]),
    ("$stderr", &["puts", "print", "write"]),
    ("STDOUT", &["puts", "print", "write"]),
    ("STDERR", &["puts", "print", "write"]),
];

/// `fmt.Fprint*` writes wherever its first argument points: only these are output streams.
const GO_STD_STREAMS: [&str; 2] = ["os.Stdout", "os.Stderr"];

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
    "href",
    "absoluteuri",
    "originalstring",
    "touri",
    "tourl",
];

/// A presign call a value comes from.
struct Origin<'a> {
    row: &'static Row,
    call: &'a CallExpr,
    /// The project's function that returned the URL, when it was not the SDK call itself.
    via: Option<Arc<Summary>>,
}

pub fn check(cx: &Context<'_>, out: &mut Output) {
    let (Some(syntax), Some(language), Some(model)) =
        (&cx.facts.syntax, cx.facts.language, cx.model)
    else {
        return;
    };
    let family = language.family();
    for call in &syntax.calls {
        let Some(sink) = sink(family, &call.call) else {
            continue;
        };
        let tracer = Tracer {
            syntax,
            model,
            function: call.function,
        };
        for arg in sink {
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
    let method = origin.call.name().unwrap_or("presign");
    let from = match &origin.via {
        Some(s) => format!(
            "`{method}` (line {presign_line}), which presigns through {}",
            s.chain()[1..].join(" → ")
        ),
        None => format!("{} `{method}` (line {presign_line})", origin.row.sdk),
    };
    let message = format!(
        "the presigned URL from {from} is written to `{sink_text}`: anyone who reads the logs or console can use it until it expires (practice `no-hardcoded-urls`)",
    );
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
    let mut details = serde_json::Map::new();
    details.insert("sink".into(), json!(sink_text));
    details.insert("presign_line".into(), json!(presign_line));
    details.insert("sdk".into(), json!(origin.row.sdk));
    let identity = format!(
        "{sink_text}|{}",
        cx.text.get(value.span.clone()).unwrap_or("")
    );
    out.diagnostics.push(Diagnostic {
        lint: LintId::PresignedUrlLogged,
        span: value.span.clone(),
        message,
        help: Some(
            "log the object key, the expiry or a request id instead; if the URL must be traced, log it without its query string (the signature and credential)"
                .to_string(),
        ),
        details,
        identity,
        level_cap: None,
        related,
    });
}

/// The arguments of a call that writes to a log or output stream, `None` for any other call.
fn sink<'c>(family: &str, call: &'c CallExpr) -> Option<&'c [crate::facts::Arg]> {
    let name = call.name()?;
    match &call.callee.kind {
        ExprKind::Name(n) => PRINT_FUNCTIONS
            .iter()
            .any(|(f, names)| *f == family && names.contains(&n.as_str()))
            .then_some(call.args.as_slice()),
        ExprKind::Member(receiver, method) => {
            let path = receiver.path().map(|p| p.join("."));
            if let Some(path) = &path {
                if path == "fmt" && matches!(method.as_str(), "Fprint" | "Fprintf" | "Fprintln") {
                    let stream = call.positional(0)?.path()?.join(".");
                    return GO_STD_STREAMS
                        .contains(&stream.as_str())
                        .then(|| call.args.get(1..))
                        .flatten();
                }
                if STREAMS
                    .iter()
                    .any(|(r, methods)| r == path && methods.contains(&method.as_str()))
                {
                    return Some(&call.args);
                }
            }
            let lower = name.to_ascii_lowercase();
            (LOG_METHODS.contains(&lower.as_str()) && is_logger(receiver)).then_some(&call.args)
        }
        _ => None,
    }
}

/// A receiver named like a logger: `log`, `logger`, `logging`, `console`, `slog`, `tracing`,
/// `LOG`, `_logger`, `self.logger`, `$this->logger`, `Rails.logger`, `auditLog`, `app_log`,
/// `logging.getLogger(__name__)`, `LoggerFactory.getLogger(…)`.
fn is_logger(receiver: &Expr) -> bool {
    let name = match &receiver.kind {
        ExprKind::Name(n) | ExprKind::Member(_, n) => n.as_str(),
        ExprKind::Call(c) => {
            return c
                .name()
                .is_some_and(|n| n.to_ascii_lowercase().contains("logger"));
        }
        _ => return false,
    };
    let trimmed = name.trim_start_matches(['_', '$']);
    let trimmed = trimmed
        .strip_prefix("m_")
        .or_else(|| trimmed.strip_prefix("s_"))
        .unwrap_or(trimmed);
    let lower = trimmed.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "log" | "logger" | "logging" | "console" | "slog" | "tracing" | "syslog" | "klog" | "glog"
    ) || lower.ends_with("logger")
        || lower.ends_with("_log")
        || (trimmed.ends_with("Log")
            && trimmed.len() > 3
            && trimmed[..trimmed.len() - 3]
                .chars()
                .last()
                .is_some_and(|c| c.is_lowercase()))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn name(n: &str) -> Expr {
        Expr {
            kind: ExprKind::Name(n.to_string()),
            span: 0..0,
        }
    }

    #[test]
    fn logger_receivers() {
        for yes in [
            "log",
            "logger",
            "LOG",
            "_logger",
            "appLogger",
            "auditLog",
            "app_log",
            "console",
        ] {
            assert!(is_logger(&name(yes)), "{yes}");
        }
        for no in [
            "dialog", "catalog", "blog", "client", "res", "Logic", "backlog",
        ] {
            assert!(!is_logger(&name(no)), "{no}");
        }
    }
}
