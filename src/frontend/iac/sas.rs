//! Signed-URL lifetimes of infrastructure code: Azure Resource Manager templates that call
//! `listServiceSas`/`listAccountSas` (JSON, read with the document tree) and Bicep files
//! (read as text: `signedExpiry:` and `signedStart:` of the object around it), and the time
//! values of Terraform (`timestamp()`, `timeadd(...)`, `time_offset`), shared with
//! `terraform.rs`.

use super::tree::{self, Kind, MAX_DEPTH, Node};
use crate::facts::Span;
use crate::facts::{Lifetime, SignedLifetime};
use crate::text::duration::parse_timestamp;

/// A point in time as infrastructure code gives it.
#[derive(Clone, Debug, PartialEq)]
pub enum Time {
    /// A literal timestamp (Unix seconds, as written).
    At(i64, String),
    /// The deployment or apply time (`timestamp()`, `utcNow()`).
    Now,
    /// That many seconds after the deployment or apply time, and how it was written.
    NowPlus(u64, String),
    /// Anything else, as written.
    Unknown(String),
}

/// An ISO 8601 duration as ARM's `dateTimeAdd` takes it: `P1Y`, `P30D`, `PT1H`, `P1DT12H`
/// (a year is 365 days, a month 30).
pub fn iso_duration(text: &str) -> Option<u64> {
    text.trim()
        .strip_prefix(['P', 'p'])
        .and_then(crate::text::duration::parse_iso8601)
}

/// The lifetime an expiry and a start give, for `what`.
pub fn lifetime(what: &str, expiry: (Time, Span), start: Option<Time>) -> Lifetime {
    let (expiry, span) = expiry;
    match (expiry, start) {
        (Time::Unknown(text), _) => Lifetime::Dynamic {
            span,
            reason: format!(
                "the expiry of {what} is set at deployment (`{}`)",
                short(&text)
            ),
        },
        (Time::Now, _) => Lifetime::Duration {
            span,
            seconds: 0,
            derivation: Vec::new(),
        },
        (Time::NowPlus(seconds, text), start) => {
            let (seconds, after) = match start {
                Some(Time::NowPlus(s, _)) => (seconds.saturating_sub(s), "after its start"),
                _ => (seconds, "after deployment"),
            };
            Lifetime::Duration {
                span,
                seconds,
                derivation: vec![format!(
                    "the expiry `{}` is {} {after}",
                    short(&text),
                    crate::text::duration::human(seconds)
                )],
            }
        }
        (Time::At(at, text), start) => Lifetime::Until {
            span,
            expiry: (at, text),
            start: match start {
                Some(Time::At(s, t)) => Some((s, t)),
                _ => None,
            },
        },
    }
}

fn short(text: &str) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > 60 {
        format!("{}…", one_line.chars().take(59).collect::<String>())
    } else {
        one_line
    }
}

/// Signed lifetimes of an ARM template (JSON) that lists SAS tokens: every object with a
/// `signedExpiry` (the properties given to `listServiceSas`/`listAccountSas`, inline or in
/// `variables`), with its `signedStart`.
pub fn arm(text: &str) -> Vec<SignedLifetime> {
    let mut out = Vec::new();
    let Some(root) = tree::parse_json(text, 0) else {
        return out;
    };
    walk_arm(&root, &root, None, &mut out, 0);
    out
}

/// The function SAS properties are for, by their shape: an account SAS names the services
/// and resource types it covers, a service SAS the resource.
fn function_of(has: &dyn Fn(&str) -> bool) -> &'static str {
    if has("signedServices") || has("signedResourceTypes") {
        "listAccountSas"
    } else {
        "listServiceSas"
    }
}

fn walk_arm(
    root: &Node,
    node: &Node,
    key: Option<&str>,
    out: &mut Vec<SignedLifetime>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    match &node.kind {
        Kind::Map(entries) => {
            let find = |name: &str| {
                entries
                    .iter()
                    .find(|(k, _)| k.name.eq_ignore_ascii_case(name))
                    .map(|(k, v)| (k, v))
            };
            if let Some((expiry_key, expiry)) = find("signedExpiry") {
                let function = function_of(&|name| find(name).is_some());
                let what = match key {
                    Some(k) => format!("`{k}` ({function})"),
                    None => format!("the {function} properties"),
                };
                let start = find("signedStart").map(|(_, v)| arm_time(root, v, 0));
                out.push(SignedLifetime {
                    lifetime: lifetime(
                        &what,
                        (arm_time(root, expiry, 0), expiry.span.clone()),
                        start,
                    ),
                    what,
                    span: expiry_key.span.clone(),
                    limit: None,
                    source: "iac",
                });
            }
            for (k, v) in entries {
                walk_arm(root, v, Some(&k.name), out, depth + 1);
            }
        }
        Kind::List(items) => {
            for item in items {
                walk_arm(root, item, key, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// An ARM value: a literal timestamp, `[utcNow()]`, `[dateTimeAdd(base, 'P30D')]` (from the
/// deployment time when `base` is `utcNow()` or a parameter), `[parameters('x')]` (its
/// `defaultValue`).
fn arm_time(root: &Node, node: &Node, depth: usize) -> Time {
    let text = match &node.kind {
        Kind::Scalar(s) | Kind::Template(s) => s.clone(),
        _ => return Time::Unknown("…".to_string()),
    };
    if let Some(at) = parse_timestamp(&text) {
        return Time::At(at, text);
    }
    let expr = text.trim();
    let Some(expr) = expr.strip_prefix('[').and_then(|e| e.strip_suffix(']')) else {
        return Time::Unknown(text);
    };
    function_time(expr, depth, &|name| {
        let default = root
            .get("parameters")
            .and_then(|p| {
                let Kind::Map(entries) = &p.kind else {
                    return None;
                };
                entries
                    .iter()
                    .find(|(k, _)| k.name.eq_ignore_ascii_case(name))
                    .map(|(_, v)| v)
            })
            .and_then(|p| p.get("defaultValue"))?;
        Some(arm_time(root, default, depth + 1))
    })
}

/// `utcNow(...)`, `dateTimeAdd(base, 'P…')`, `parameters('x')`/a name: shared by ARM
/// expressions and Bicep. `lookup` gives a parameter's or variable's value.
fn function_time(expr: &str, depth: usize, lookup: &dyn Fn(&str) -> Option<Time>) -> Time {
    let e = expr.trim();
    if depth > 4 {
        return Time::Unknown(e.to_string());
    }
    let lower = e.to_ascii_lowercase();
    if lower.starts_with("utcnow(") {
        return Time::Now;
    }
    if let Some(unquoted) = e.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')) {
        return parse_timestamp(unquoted).map_or_else(
            || Time::Unknown(e.to_string()),
            |t| Time::At(t, unquoted.to_string()),
        );
    }
    if lower.starts_with("datetimeadd(") && e.ends_with(')') {
        let args = split_args(&e["dateTimeAdd(".len()..e.len() - 1]);
        if let (Some(base), Some(duration)) = (args.first(), args.get(1)) {
            let duration = duration.trim().trim_matches('\'');
            if let Some(seconds) = iso_duration(duration) {
                return match function_time(base, depth + 1, lookup) {
                    Time::Now => Time::NowPlus(seconds, e.to_string()),
                    Time::NowPlus(s, _) => Time::NowPlus(s.saturating_add(seconds), e.to_string()),
                    Time::At(t, _) => Time::At(
                        t.saturating_add(i64::try_from(seconds).unwrap_or(i64::MAX)),
                        e.to_string(),
                    ),
                    Time::Unknown(_) => Time::Unknown(e.to_string()),
                };
            }
        }
        return Time::Unknown(e.to_string());
    }
    let name = if let Some(inner) = lower
        .strip_prefix("parameters(")
        .or_else(|| lower.strip_prefix("variables("))
    {
        let start = e.len() - inner.len();
        e.get(start..e.len().saturating_sub(1))
            .map(|n| n.trim().trim_matches('\'').to_string())
    } else if e.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') && !e.is_empty() {
        Some(e.to_string())
    } else {
        None
    };
    match name.and_then(|n| lookup(&n)) {
        Some(time) => time,
        None => Time::Unknown(e.to_string()),
    }
}

/// Top-level arguments of a call's argument text.
fn split_args(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut quoted, mut start) = (0i32, false, 0);
    for (i, c) in text.char_indices() {
        match c {
            '\'' => quoted = !quoted,
            '(' | '[' | '{' if !quoted => depth += 1,
            ')' | ']' | '}' if !quoted => depth -= 1,
            ',' if !quoted && depth == 0 => {
                out.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&text[start..]);
    out
}

/// Bicep: each `signedExpiry: <value>` (with the `signedStart` of the same object), where
/// values are literals, `dateTimeAdd(…)`, `utcNow()`, or a `param`/`var` of the file. Read as
/// text, not parsed: an expression over several lines is not followed.
pub fn bicep(text: &str) -> Vec<SignedLifetime> {
    let mut out = Vec::new();
    let lookup = |name: &str| bicep_binding(text, name);
    for (key_start, value, value_span) in bicep_keys(text, "signedExpiry") {
        let (open, close) = enclosing_object(text, key_start);
        let start = bicep_keys(&text[open..close], "signedStart")
            .into_iter()
            .next()
            .map(|(_, v, _)| function_time(&v, 0, &|n| lookup(n)));
        let object = &text[open..close];
        let function = function_of(&|name| object.contains(name));
        // `var reportsSas = {`: the variable's name.
        let name = text[..open]
            .trim_end()
            .strip_suffix('=')
            .and_then(|before| before.trim_end().rsplit(char::is_whitespace).next())
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
        let what = match name {
            Some(name) => format!("`{name}` ({function})"),
            None => format!("the {function} properties"),
        };
        out.push(SignedLifetime {
            lifetime: lifetime(
                &what,
                (function_time(&value, 0, &|n| lookup(n)), value_span),
                start,
            ),
            what,
            span: key_start..key_start + "signedExpiry".len(),
            limit: None,
            source: "iac",
        });
    }
    out
}

/// Keys read per Bicep file: each costs a pass over its object and the file's bindings.
const MAX_KEYS: usize = 256;

/// `key: value` occurrences in Bicep text: the key's offset, the value's text up to the end of
/// its line (a trailing comment removed) and its span.
fn bicep_keys(text: &str, key: &str) -> Vec<(usize, String, Span)> {
    let mut out = Vec::new();
    for at in memchr::memmem::find_iter(text.as_bytes(), key.as_bytes()).take(MAX_KEYS) {
        let before_ok = at == 0 || {
            let b = text.as_bytes()[at - 1];
            !(b.is_ascii_alphanumeric() || b == b'_')
        };
        let after = &text[at + key.len()..];
        let Some(rest) = after.trim_start_matches([' ', '\t']).strip_prefix(':') else {
            continue;
        };
        if !before_ok {
            continue;
        }
        let value_start =
            text.len() - rest.len() + (rest.len() - rest.trim_start_matches([' ', '\t']).len());
        let line_end = text[value_start..]
            .find(['\n', '\r'])
            .map_or(text.len(), |i| value_start + i);
        let mut value = &text[value_start..line_end];
        if let Some(comment) = value.find("//") {
            value = &value[..comment];
        }
        let value = value.trim_end().trim_end_matches(',').trim_end();
        if value.is_empty() {
            continue;
        }
        out.push((
            at,
            value.to_string(),
            value_start..value_start + value.len(),
        ));
    }
    out
}

/// The value of `param NAME <type> = <value>` or `var NAME = <value>` in a Bicep file.
fn bicep_binding(text: &str, name: &str) -> Option<Time> {
    for line in text.lines() {
        let t = line.trim_start();
        let Some(rest) = t.strip_prefix("param ").or_else(|| t.strip_prefix("var ")) else {
            continue;
        };
        let rest = rest.trim_start();
        let Some(after) = rest.strip_prefix(name) else {
            continue;
        };
        if after.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
            continue;
        }
        let value = after.split_once('=')?.1;
        let value = value.split("//").next().unwrap_or(value).trim();
        return Some(function_time(value, 3, &|_| None));
    }
    None
}

/// The `{`…`}` object around `at` (the whole text when there is none).
fn enclosing_object(text: &str, at: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut depth = 0i32;
    let mut open = 0;
    for i in (0..at).rev() {
        match bytes[i] {
            b'}' => depth += 1,
            b'{' if depth == 0 => {
                open = i;
                break;
            }
            b'{' => depth -= 1,
            _ => {}
        }
    }
    let mut depth = 0i32;
    let mut close = text.len();
    for (i, b) in bytes.iter().enumerate().skip(at) {
        match b {
            b'{' => depth += 1,
            b'}' if depth == 0 => {
                close = i;
                break;
            }
            b'}' => depth -= 1,
            _ => {}
        }
    }
    (open, close)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seconds(l: &SignedLifetime) -> Option<u64> {
        match &l.lifetime {
            Lifetime::Duration { seconds, .. } => Some(*seconds),
            Lifetime::Until { expiry, start, .. } => {
                start.as_ref().map(|s| (expiry.0 - s.0).max(0) as u64)
            }
            Lifetime::Dynamic { .. } => None,
        }
    }

    proptest::proptest! {
        #[test]
        fn readers_are_total(parts in proptest::collection::vec(proptest::sample::select(vec![
            "signedExpiry", "signedStart", ":", " ", "\n", "{", "}", "'", "dateTimeAdd(",
            "utcNow()", ")", ",", "'P1D'", "'2030-01-01'", "param ", "var ", "x", "=", "//", "é",
            "\"", "[", "]", "listServiceSas",
        ]), 0..40)) {
            let text: String = parts.concat();
            for l in bicep(&text).into_iter().chain(arm(&text)) {
                let span = match &l.lifetime {
                    Lifetime::Duration { span, .. }
                    | Lifetime::Until { span, .. }
                    | Lifetime::Dynamic { span, .. } => span.clone(),
                };
                proptest::prop_assert!(span.end <= text.len() && l.span.end <= text.len());
            }
        }
    }

    #[test]
    fn iso_durations() {
        assert_eq!(iso_duration("P1Y"), Some(365 * 86_400));
        assert_eq!(iso_duration("PT1H"), Some(3600));
        assert_eq!(iso_duration("P1DT12H"), Some(129_600));
        assert_eq!(iso_duration("1H"), None);
    }

    #[test]
    fn arm_templates() {
        let text = r#"{
  "parameters": {"baseTime": {"type": "string", "defaultValue": "[utcNow('u')]"}},
  "variables": {
    "serviceSas": {"canonicalizedResource": "/blob/acct/c", "signedResource": "c",
      "signedPermission": "r", "signedExpiry": "[dateTimeAdd(parameters('baseTime'), 'P30D')]"},
    "fixed": {"signedStart": "2024-01-01T00:00:00Z", "signedExpiry": "2024-01-08T00:00:00Z"},
    "dynamic": {"signedExpiry": "[parameters('expiry')]"}
  },
  "outputs": {"sas": {"type": "string", "value": "[listServiceSas('acct', '2021-09-01', variables('serviceSas')).serviceSasToken]"}}
}"#;
        let found = arm(text);
        assert_eq!(found.len(), 3);
        assert_eq!(seconds(&found[0]), Some(30 * 86_400));
        assert_eq!(seconds(&found[1]), Some(7 * 86_400));
        assert!(matches!(found[2].lifetime, Lifetime::Dynamic { .. }));
        assert!(found[0].what.contains("serviceSas"));
    }

    #[test]
    fn bicep_files() {
        let text = "param baseTime string = utcNow('u')\nvar sasConfig = {\n  signedResource: 'c'\n  signedExpiry: dateTimeAdd(baseTime, 'P90D') // quarter\n}\nvar other = {\n  signedStart: '2030-01-01T00:00:00Z'\n  signedExpiry: '2030-01-02T00:00:00Z'\n}\noutput sas string = account.listServiceSas('2021-09-01', sasConfig).serviceSasToken\n";
        let found = bicep(text);
        assert_eq!(found.len(), 2);
        assert_eq!(seconds(&found[0]), Some(90 * 86_400));
        assert_eq!(seconds(&found[1]), Some(86_400));
        let Lifetime::Duration { span, .. } = &found[0].lifetime else {
            panic!("duration");
        };
        assert_eq!(&text[span.clone()], "dateTimeAdd(baseTime, 'P90D')");
    }
}
