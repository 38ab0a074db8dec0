//! Defaults given in a function's body rather than its signature: `if ttl is None: ttl = 600`,
//! `if ttl == 0 { ttl = 10 * time.Hour }`, `if (!ttl) ttl = 900;`, `ttl ||= 3600`,
//! `$ttl ??= 600`, `ttl = 600 unless ttl`. Such an assignment keeps the caller's value when
//! there is one, so it is lowered to [`ExprKind::Fallback`]: an assignment under any other test
//! (`if ttl > MAX: ttl = MAX`) or none at all overrides the caller's value and stays a plain
//! binding. The tests are recognised in the text of the condition, the same in every grammar.

//!
//! Settings read with a default are defaults too: [`setting`] lowers an environment variable,
//! a config key or a filter hook read with a fallback (`os.environ.get("URL_TTL", 604800)`,
//! `process.env.X ?? 86400`, `ENV.fetch("X", 604800)`, `getenv('X') ?: '+6 hours'`,
//! `config.get(key, default)`, `apply_filters('hook', '+6 hours')`) to a
//! [`ExprKind::Fallback`] of an [`ExprKind::Setting`] and the default, the same for every
//! language, so one evaluation gives the value the program runs with when it is not set.

use tree_sitter::{Node, TreeCursor};

use crate::facts::{Absence, CallExpr, Expr, ExprKind, Setting, SettingSource};

/// How far up from an assignment its `if` may be (statement, block, clause, `if`).
const MAX_CLIMB: usize = 5;

/// `value` as the binding of `name` made by the node under `at`: a [`ExprKind::Fallback`] to
/// the earlier value of `name` when the node only fills `name` in when it is absent. The
/// enclosing `if` is looked for only when `guarded` may be (a parameter's reassignment: only
/// a caller's value is worth keeping, and the climb is not free); `x ||= v` always is one.
pub fn lower(at: &TreeCursor<'_>, source: &str, name: &str, value: Expr, guarded: bool) -> Expr {
    let node = at.node();
    let absence = compound(node, source, name).or_else(|| {
        guarded
            .then(|| under_absence_test(at, source, name))
            .flatten()
    });
    let Some(absence) = absence else {
        return value;
    };
    let earlier = earlier(node, name);
    let span = value.span.clone();
    Expr {
        kind: ExprKind::Fallback(vec![earlier, value], absence),
        span,
    }
}

/// `value` as the binding of `name` made by the node under `at`, when it replaces an earlier
/// value of `name` only under a test that `value` is given (`if opts.Expiry > 0 { expiry =
/// opts.Expiry }`, `if (options.ttl) ttl = options.ttl;`): a [`ExprKind::Fallback`] of the
/// option, read as a [`Setting`] the caller may leave unset, and the earlier value, which is
/// what runs when it is.
pub fn lower_override(at: &TreeCursor<'_>, source: &str, name: &str, value: Expr) -> Expr {
    let node = at.node();
    let Some(given) = source.get(value.span.clone()).map(str::trim) else {
        return value;
    };
    let present = |condition: &str, negated: bool| {
        (!negated && tests_present(condition, given)).then_some(())
    };
    if under_test(at, source, present).is_none() {
        return value;
    }
    let (object, key) = match given.rsplit_once('.') {
        Some((object, key)) => (Some(object.to_string()), key.to_string()),
        None => (None, given.to_string()),
    };
    let option = Expr {
        kind: ExprKind::Setting(Box::new(Setting {
            source: SettingSource::Option,
            key,
            object,
        })),
        span: value.span.clone(),
    };
    let earlier = earlier(node, name);
    let span = value.span.clone();
    Expr {
        kind: ExprKind::Fallback(vec![option, earlier], Absence::Falsy),
        span,
    }
}

/// Whether the node under `at` runs on one path of a test that does not name `name`, so that
/// the value before it, or the one the other branch assigned, is still the value on another
/// path: the consequence of an `if` without `else` (or a loop's body), whose other path keeps
/// the value before, or an `else`, whose other path is the `if`'s (which, with an `else`, is
/// read as it is: the `else` brings both together). A test of the name itself (`if ttl >
/// MAX: ttl = MAX`, `if ttl is None: …`) decides the value from it and is read as such.
pub fn in_branch(at: &TreeCursor<'_>, source: &str, name: &str) -> bool {
    enclosing_test(at).is_some_and(|test| {
        let condition = source.get(test.condition.byte_range()).unwrap_or("");
        (test.taken && !test.has_alternative || test.in_alternative)
            && !names(condition, name.trim_start_matches('$'))
    })
}

/// `value` as the binding of `name` made by the node under `at`, when it is a bound on an
/// earlier value: assigned under a test that compares `name` with it and has no other path
/// (`if (ttl > MAX) ttl = MAX;`, `if ttl < 60: ttl = 60`), the smaller (or larger) of the
/// two, as `Math.min(ttl, MAX)` says; `None` for any other assignment.
pub fn bound(at: &TreeCursor<'_>, source: &str, name: &str, value: &Expr) -> Option<Expr> {
    let test = enclosing_test(at).filter(|t| t.taken && !t.has_alternative && !t.negated)?;
    let condition = source.get(test.condition.byte_range())?;
    let assigned = source.get(value.span.clone())?;
    let which = picks_extreme(condition, assigned, name)?;
    let earlier = earlier(at.node(), name);
    Some(extreme(which, earlier, value.clone(), value.span.clone()))
}

/// The value `name` held before the assignment `node` (read where `node` starts).
fn earlier(node: Node<'_>, name: &str) -> Expr {
    Expr {
        kind: ExprKind::Name(name.to_string()),
        span: node.start_byte()..node.start_byte(),
    }
}

/// Which of the two values `condition ? then : otherwise` is, when the condition compares
/// just them: `ttl > MAX ? MAX : ttl` is the smaller (`"min"`), `ttl < 60 ? 60 : ttl` the
/// larger (`"max"`). Texts are compared as written, `$` and spacing aside.
pub fn picks_extreme(condition: &str, then: &str, otherwise: &str) -> Option<&'static str> {
    let c = normalized(condition);
    let (then, otherwise) = (normalized(then), normalized(otherwise));
    let (a, b, a_larger) = [
        (" >= ", true),
        (" > ", true),
        (" <= ", false),
        (" < ", false),
    ]
    .into_iter()
    .find_map(|(op, a_larger)| {
        c.split_once(op)
            .map(|(a, b)| (a.trim(), b.trim(), a_larger))
    })?;
    let (larger, smaller) = if a_larger { (a, b) } else { (b, a) };
    if then == larger && otherwise == smaller {
        Some("max")
    } else if then == smaller && otherwise == larger {
        Some("min")
    } else {
        None
    }
}

/// `min(a, b)` or `max(a, b)` (see [`picks_extreme`]), which evaluation folds as it does
/// `Math.min`.
pub fn extreme(which: &str, a: Expr, b: Expr, span: crate::facts::Span) -> Expr {
    let callee = Expr {
        kind: ExprKind::Name(which.to_string()),
        span: span.start..span.start,
    };
    let args = [a, b]
        .into_iter()
        .map(|value| crate::facts::Arg { name: None, value })
        .collect();
    Expr {
        kind: ExprKind::Call(Box::new(CallExpr {
            callee,
            args,
            is_new: false,
            span: span.clone(),
        })),
        span,
    }
}

/// The nearest test (an `if`, `unless`, `elif` or loop condition) around the node under
/// `at`, within its function, and on which of its paths the node runs.
struct EnclosingTest<'t> {
    condition: Node<'t>,
    /// `unless`: the branch runs when the condition does not hold.
    negated: bool,
    /// In the branch taken when the test holds (`consequence`, or `body` in PHP, in Ruby's
    /// modifiers and in loops).
    taken: bool,
    /// In the `else` (or `elif`) the test has.
    in_alternative: bool,
    has_alternative: bool,
}

fn enclosing_test<'t>(at: &TreeCursor<'t>) -> Option<EnclosingTest<'t>> {
    // A cursor climbs in constant time; `Node::parent` walks down from the root.
    let mut up = at.clone();
    let mut child = at.node();
    for _ in 0..MAX_CLIMB {
        if !up.goto_parent() {
            return None;
        }
        let p = up.node();
        let kind = p.kind();
        if kind.contains("function") || kind.contains("method") || kind.contains("lambda") {
            return None;
        }
        if let Some(condition) = p.child_by_field_name("condition") {
            let within = |field: &str| {
                p.child_by_field_name(field)
                    .is_some_and(|n| n.byte_range().contains(&child.start_byte()))
            };
            return Some(EnclosingTest {
                condition,
                negated: kind.starts_with("unless"),
                taken: within("consequence") || within("body"),
                in_alternative: within("alternative"),
                has_alternative: p.child_by_field_name("alternative").is_some(),
            });
        }
        child = p;
    }
    None
}

/// Whether `text` holds `name` as a whole identifier.
fn names(text: &str, name: &str) -> bool {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(name).any(|(i, _)| {
        !text[..i].chars().next_back().is_some_and(is_ident)
            && !text[i + name.len()..].chars().next().is_some_and(is_ident)
    })
}

/// `value`, assigned to `name` by `node` in a branch, as one of the values `name` may hold
/// after it: this one, or the earlier one, which the other path keeps.
pub fn either_path(node: Node<'_>, name: &str, value: Expr) -> Expr {
    let earlier = earlier(node, name);
    let span = value.span.clone();
    Expr {
        kind: ExprKind::Choice(vec![value, earlier]),
        span,
    }
}

/// What `test` says of the condition of the `if` (or `unless`, then `negated`) under whose
/// taken branch the node under `at` runs; `None` elsewhere.
fn under_test<T>(
    at: &TreeCursor<'_>,
    source: &str,
    test: impl Fn(&str, bool) -> Option<T>,
) -> Option<T> {
    // The branch taken when the test holds: not the test itself, not an `elif` or `else`.
    let enclosing = enclosing_test(at).filter(|t| t.taken)?;
    let condition = source.get(enclosing.condition.byte_range()).unwrap_or("");
    test(condition, enclosing.negated)
}

/// Whether `condition` holds exactly when `value` is given: a truth test, or a comparison
/// that it is not null, zero or empty.
fn tests_present(condition: &str, value: &str) -> bool {
    let c = normalized(condition);
    let v = value.replace('$', "");
    let compared = |ops: &[&str], values: &[&str]| compares(&c, &v, ops, values);
    c == v
        || compared(
            &["!=", "!==", "is not"],
            &[
                "None",
                "null",
                "nil",
                "undefined",
                "0",
                "\"\"",
                "''",
                "TimeSpan.Zero",
                "Duration.ZERO",
            ],
        )
        || c == format!("{v} > 0")
        || c == format!("0 < {v}")
        || c == format!("{v}.present?")
        || c == format!("!{v}.nil?")
        || c == format!("{v}.HasValue")
        || c == format!("{v}.isPresent()")
        || c == format!("!empty({v})")
        || c == format!("isset({v})")
}

/// A condition's text with its spacing collapsed, outer parentheses and PHP's `$` removed
/// (Ruby's `@ttl` is another variable than the parameter `ttl`, so `@` stays).
fn normalized(condition: &str) -> String {
    let mut c = condition.split_whitespace().collect::<Vec<_>>().join(" ");
    while c.starts_with('(') && c.ends_with(')') {
        c = c[1..c.len() - 1].trim().to_string();
    }
    c.replace('$', "")
}

/// Whether `c` is `name OP value` or `value OP name` for one of `ops` and `values`.
fn compares(c: &str, name: &str, ops: &[&str], values: &[&str]) -> bool {
    ops.iter().any(|op| {
        values
            .iter()
            .any(|a| c == format!("{name} {op} {a}") || c == format!("{a} {op} {name}"))
    })
}

/// `ttl ||= 600`, `$ttl ??= 600`.
fn compound(node: Node<'_>, source: &str, name: &str) -> Option<Absence> {
    // PHP's `$ttl` may be bound as `ttl`.
    let own = source.get(node.byte_range()).unwrap_or("").trim_start();
    let own = own.strip_prefix('$').unwrap_or(own);
    let rest = own.strip_prefix(name.trim_start_matches('$'))?.trim_start();
    if rest.starts_with("??=") {
        Some(Absence::Null)
    } else if rest.starts_with("||=") {
        Some(Absence::Falsy)
    } else {
        None
    }
}

/// The assignment is what runs when a test that `name` is absent holds: what that test
/// takes for absent.
fn under_absence_test(at: &TreeCursor<'_>, source: &str, name: &str) -> Option<Absence> {
    under_test(at, source, |condition, negated| {
        tests_absent(condition, name.trim_start_matches('$'), negated)
    })
}

/// Whether `condition` holds exactly when `name` is absent, and in which sense: a comparison
/// with null, nil, None or undefined tests [`Absence::Null`], one with zero or a truth test
/// (`!ttl`, `unless ttl`) [`Absence::Falsy`].
fn tests_absent(condition: &str, name: &str, negated: bool) -> Option<Absence> {
    let c = normalized(condition);
    if negated {
        return (c == name || c == format!("{name}.present?")).then_some(Absence::Falsy);
    }
    let compared = |values: &[&str]| compares(&c, name, &["is", "==", "==="], values);
    let null = compared(&["None", "null", "nil", "undefined"])
        || c == format!("{name}.nil?")
        || c == format!("!{name}.HasValue")
        || c == format!("is_null({name})")
        || c == format!("typeof {name} === 'undefined'")
        || c == format!("typeof {name} === \"undefined\"");
    let falsy = compared(&["0", "0.0", "TimeSpan.Zero", "Duration.ZERO", "\"\"", "''"])
        || c == format!("{name} <= 0")
        || c == format!("not {name}")
        || c == format!("!{name}")
        || c == format!("{name}.zero?")
        || c == format!("{name}.blank?")
        || c == format!("{name}.isZero()")
        || c == format!("empty({name})");
    if null {
        Some(Absence::Null)
    } else if falsy {
        Some(Absence::Falsy)
    } else {
        None
    }
}

/// Objects whose members are environment variables: `process.env.X`, `process.env["X"]`,
/// `import.meta.env.X`, Ruby `ENV["X"]`, PHP `$_ENV['X']` and `$_SERVER['X']`.
const ENV_OBJECTS: &[&[&str]] = &[
    &["process", "env"],
    &["import", "meta", "env"],
    &["ENV"],
    &["$_ENV"],
    &["_ENV"],
    &["$_SERVER"],
    &["_SERVER"],
    &["os", "environ"],
];

/// Environment maps read by calling them with the variable's name: Scala's `sys.env("X")`,
/// Swift's `ProcessInfo.processInfo.environment["X"]` (a subscript is a call of the object in
/// Swift's facts). Their members are methods (`sys.env.get`), not variables.
const ENV_MAPS: &[&[&str]] = &[
    &["sys", "env"],
    &["ProcessInfo", "processInfo", "environment"],
];

/// Functions that read one environment variable by name (the key first, an optional default
/// second): `os.getenv`, PHP `getenv`, `System.getenv`, Go `os.Getenv`, .NET
/// `Environment.GetEnvironmentVariable`, Rust `std::env::var`, and the helpers projects write
/// for it (`getEnv("X", "900")`, `env_or("X", 900)`, `GetEnvOrDefault`), compared without case
/// or underscores.
const ENV_FUNCTIONS: &[&str] = &[
    "getenv",
    "getenvironmentvariable",
    "getenvordefault",
    "getenvor",
    "envor",
    "envordefault",
    "getenvwithdefault",
    "getenvdefault",
    "envdefault",
    "getenvvar",
    "envvar",
    "readenv",
    "fromenv",
    "getfromenv",
    "envget",
];

/// Types a project's environment helper names (`get_int_from_env`, `getEnvAsInt`, `env_bool`).
const ENV_HELPER_TYPES: &[&str] = &[
    "int", "integer", "bool", "boolean", "str", "string", "float", "number", "num", "list",
    "duration", "secs", "seconds", "value", "var",
];

/// Whether a function (its name lowercased without underscores) reads one environment
/// variable: [`ENV_FUNCTIONS`], or a typed helper a project writes (`get_int_from_env`,
/// `int_from_env`, `getEnvInt`, `getEnvAsBool`, `env_int`).
fn env_function(normal: &str) -> bool {
    let typed = |t: &str| ENV_HELPER_TYPES.contains(&t.strip_prefix("as").unwrap_or(t));
    ENV_FUNCTIONS.contains(&normal)
        || normal
            .strip_suffix("fromenv")
            .is_some_and(|head| typed(head.strip_prefix("get").unwrap_or(head)))
        || ["getenv", "env"]
            .iter()
            .any(|p| normal.strip_prefix(p).is_some_and(typed))
}

/// Methods of a config or environment object that read a key (the default, when given, is a
/// `default=` keyword or the last of two or more positional arguments).
const GETTERS: &[&str] = &[
    "get",
    "fetch",
    "getordefault",
    "getvalue",
    "getproperty",
    "getint",
    "getinteger",
    "getlong",
    "getfloat",
    "getdouble",
    "getstring",
    "getstr",
    "int",
    "float",
    "str",
    "value",
    "setdefault",
];

/// Keyword arguments that name a default.
const DEFAULT_KEYWORDS: &[&str] = &["default", "fallback", "defaultValue", "default_value"];

/// Longest key quoted from source text.
const MAX_KEY: usize = 60;

/// An expression that reads a setting, rewritten to the neutral shape: a member of an
/// environment object or a setting function called without a default becomes an
/// [`ExprKind::Setting`]; one read with a default becomes a [`ExprKind::Fallback`] of the
/// setting and the default; a member of a config object given a fallback
/// (`config.ttl ?? 600`, `settings.TTL or 600`) becomes a setting under that fallback, read
/// from the object first when the program writes it. Go's `cmp.Or(a, b)` is a fallback too.
/// Anything else is returned as it is.
pub fn setting(expr: Expr, source: &str) -> Expr {
    let span = expr.span.clone();
    match &expr.kind {
        ExprKind::Member(..) => match env_member(&expr) {
            Some(setting) => Expr {
                kind: ExprKind::Setting(Box::new(setting)),
                span,
            },
            None => expr,
        },
        ExprKind::Call(call) => match setting_call(call, source) {
            Some((setting, default)) => {
                let read = Expr {
                    kind: ExprKind::Setting(Box::new(setting)),
                    span: span.clone(),
                };
                match default {
                    Some(default) => Expr {
                        kind: ExprKind::Fallback(vec![read, default.clone()], Absence::Null),
                        span,
                    },
                    None => read,
                }
            }
            None if is_path(&call.callee, &["cmp", "Or"]) && call.args.len() >= 2 => {
                let mut items = call.args.iter().rev().map(|a| a.value.clone());
                let Some(mut folded) = items.next() else {
                    return expr;
                };
                for item in items {
                    folded = Expr {
                        span: item.span.start..folded.span.end,
                        kind: ExprKind::Fallback(vec![item, folded], Absence::Falsy),
                    };
                }
                Expr {
                    kind: folded.kind,
                    span,
                }
            }
            None => expr,
        },
        ExprKind::Fallback(items, absence) => match items.as_slice() {
            [first, default] => match config_member(first) {
                Some(setting) => Expr {
                    kind: ExprKind::Fallback(
                        vec![
                            Expr {
                                kind: ExprKind::Setting(Box::new(setting)),
                                span: first.span.clone(),
                            },
                            default.clone(),
                        ],
                        *absence,
                    ),
                    span,
                },
                None => expr,
            },
            _ => expr,
        },
        _ => expr,
    }
}

fn is_path(expr: &Expr, want: &[&str]) -> bool {
    expr.path().is_some_and(|p| p == want)
}

/// `process.env.X`, `ENV["X"]`, `$_ENV['X']`; not a method of the object (`os.environ.get`
/// is the callee of a call, lowered first).
fn env_member(expr: &Expr) -> Option<Setting> {
    let path = expr.path()?;
    let (key, object) = path.split_last()?;
    let method = GETTERS.contains(&key.to_ascii_lowercase().as_str())
        || matches!(
            *key,
            "has"
                | "keys"
                | "values"
                | "items"
                | "pop"
                | "hasOwnProperty"
                | "to_h"
                | "each"
                | "key?"
                | "include?"
                | "toObject"
        );
    (!method && ENV_OBJECTS.contains(&object)).then(|| Setting {
        source: SettingSource::Environment,
        key: (*key).to_string(),
        object: None,
    })
}

/// `config.ttl`, `settings.LINK_TTL`, `this.config.ttl`: a member of an object named as
/// configuration.
fn config_member(expr: &Expr) -> Option<Setting> {
    if let Some(setting) = env_member(expr) {
        return Some(setting);
    }
    let path = expr.path()?;
    let (key, object) = path.split_last()?;
    let source = settings_object(object.last()?)?;
    Some(Setting {
        source,
        key: (*key).to_string(),
        object: Some(object.join(".")),
    })
}

/// What an object named like configuration or the environment holds: `config`, `cfg`,
/// `appConfig`, `settings`, `self.settings`, `env`, `environ`, `properties`, `prefs`.
fn settings_object(name: &str) -> Option<SettingSource> {
    let words = identifier_words(name);
    let mut source = None;
    for w in &words {
        match w.as_str() {
            "env" | "environ" | "environment" => return Some(SettingSource::Environment),
            "config" | "conf" | "cfg" | "configuration" | "settings" | "setting" | "properties"
            | "props" | "prefs" | "preferences" => source = Some(SettingSource::Config),
            _ => {}
        }
    }
    source
}

/// A call that reads a setting, with its default when it gives one.
fn setting_call<'c>(call: &'c CallExpr, source: &str) -> Option<(Setting, Option<&'c Expr>)> {
    let name = call.name()?;
    let normal: String = name
        .chars()
        .filter(|c| *c != '_')
        .flat_map(char::to_lowercase)
        .collect();
    let path = call.callee.path();
    let ends = |tail: &[&str]| path.as_ref().is_some_and(|p| p.ends_with(tail));
    let bare = matches!(call.callee.kind, ExprKind::Name(_));
    let positional = call.args.iter().filter(|a| a.name.is_none()).count();
    let keyword_default = || DEFAULT_KEYWORDS.iter().find_map(|k| call.keyword(k));
    let key = |i: usize| -> Option<String> {
        let e = call.positional(i)?;
        Some(match &e.kind {
            ExprKind::Str(s) => s.clone(),
            _ => {
                let text = source.get(e.span.clone())?;
                let one: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if one.is_empty() || one.chars().count() > MAX_KEY {
                    return None;
                }
                one
            }
        })
    };
    let make = |source: SettingSource, key: String, object: Option<String>| Setting {
        source,
        key,
        object,
    };
    // Functions of the standard libraries and frameworks, by name.
    let known: Option<(SettingSource, usize, Option<usize>)> = if ends(&["os", "Getenv"])
        || path.as_deref().is_some_and(|p| ENV_MAPS.contains(&p))
        || normal == "getenvironmentvariable"
        || ends(&["env", "var"])
        || ends(&["env", "var_os"])
        || ends(&["Deno", "env", "get"])
    {
        Some((SettingSource::Environment, 0, None))
    } else if ends(&["environ", "get"])
        || ends(&["environ", "setdefault"])
        || ends(&["ENV", "fetch"])
        || ends(&["sys", "env", "getOrElse"])
    {
        Some((SettingSource::Environment, 0, Some(1)))
    } else if ends(&["System", "getProperty"])
        || ends(&["Integer", "getInteger"])
        || ends(&["Long", "getLong"])
        || (bare && matches!(name, "get_option" | "get_site_option" | "config"))
    {
        Some((SettingSource::Config, 0, Some(1)))
    } else if bare && name == "apply_filters" {
        Some((SettingSource::Hook, 0, Some(1)))
    } else if bare
        && name == "env"
        && call
            .positional(0)
            .is_some_and(|e| matches!(e.kind, ExprKind::Str(_)))
    {
        Some((SettingSource::Environment, 0, Some(1)))
    } else if bare && name == "getattr" && positional == 3 {
        // `getattr(settings, "LINK_TTL", 604800)`.
        let object = call.positional(0)?.path()?;
        let source = settings_object(object.last()?)?;
        let setting = make(source, key(1)?, Some(object.join(".")));
        return Some((setting, call.positional(2)));
    } else if env_function(&normal)
        && (normal.contains("getenv") && positional >= 1
            || positional >= 2
                && call
                    .positional(0)
                    .is_some_and(|e| matches!(&e.kind, ExprKind::Str(s) if is_env_name(s))))
    {
        Some((SettingSource::Environment, 0, Some(1)))
    } else {
        None
    };
    if let Some((source, key_at, default_at)) = known {
        let setting = make(source, key(key_at)?, None);
        let default = keyword_default().or_else(|| default_at.and_then(|i| call.positional(i)));
        return Some((setting, default));
    }
    // A getter of an object named as configuration or the environment: `config.get(k, d)`,
    // `app.config.get(k)`, `settings.get(k, d)`, `env.int("X", default=d)`,
    // `System.getenv().getOrDefault("X", d)`, `configuration.GetValue<int>("X", d)`.
    if !GETTERS.contains(&normal.as_str()) {
        return None;
    }
    let receiver = call.receiver()?;
    let (source, object) = match &receiver.kind {
        ExprKind::Call(inner) if inner.args.is_empty() => {
            let n = inner.name()?.to_ascii_lowercase();
            (n == "getenv" || n == "getenvironmentvariables")
                .then_some((SettingSource::Environment, None))?
        }
        _ => {
            let path = receiver.path()?;
            if ENV_OBJECTS.contains(&path.as_slice()) {
                (SettingSource::Environment, None)
            } else {
                let source = settings_object(path.last()?)?;
                (source, Some(path.join(".")))
            }
        }
    };
    let setting = make(source, key(0)?, object);
    let default = keyword_default().or_else(|| {
        (positional >= 2)
            .then(|| call.positional(positional - 1))
            .flatten()
    });
    Some((setting, default))
}

/// Lowercase words of an identifier: `appConfig` → `app`, `config`; `LINK_SETTINGS` →
/// `link`, `settings`; `$_ENV` → `env`.
fn identifier_words(name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if !c.is_alphanumeric() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        current.extend(c.to_lowercase());
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A property placeholder, `${links.ttl:604800}` (Spring's `@Value`, `application.yml`
/// references): the setting it reads and, after the first `:`, its default, lowered as a
/// number when it is one. `span` is the literal's. `None` for anything else (SpEL `#{…}`,
/// text around the placeholder, a nested placeholder as the default).
pub fn placeholder(text: &str, span: crate::facts::Span) -> Option<Expr> {
    let inner = text.trim().strip_prefix("${")?.strip_suffix('}')?;
    if inner.contains(['$', '{', '}']) {
        return None;
    }
    let (key, default) = match inner.split_once(':') {
        Some((key, default)) => (key, Some(default)),
        None => (inner, None),
    };
    if key.is_empty() {
        return None;
    }
    let read = Expr {
        kind: ExprKind::Setting(Box::new(Setting {
            source: SettingSource::Config,
            key: key.to_string(),
            object: None,
        })),
        span: span.clone(),
    };
    let Some(default) = default else {
        return Some(read);
    };
    let kind = if let Ok(n) = default.trim().parse::<i128>() {
        ExprKind::Int(n)
    } else if let Ok(f) = default.trim().parse::<f64>() {
        ExprKind::Float(f)
    } else {
        ExprKind::Str(default.to_string())
    };
    Some(Expr {
        kind: ExprKind::Fallback(
            vec![
                read,
                Expr {
                    kind,
                    span: span.clone(),
                },
            ],
            Absence::Null,
        ),
        span,
    })
}

/// An environment variable's name: `URL_TTL`, `LINK_EXPIRY_SECONDS`.
fn is_env_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::{Absence, tests_absent, tests_present};

    #[test]
    fn tests_that_an_option_is_given_are_recognised() {
        for (condition, value) in [
            ("opts.Expiry > 0", "opts.Expiry"),
            ("opts.Expiry != 0", "opts.Expiry"),
            ("(options.expiresIn)", "options.expiresIn"),
            ("options.expiresIn !== undefined", "options.expiresIn"),
            ("options.expires is not None", "options.expires"),
            ("$options->ttl !== null", "$options->ttl"),
            ("opts.expiry.present?", "opts.expiry"),
            ("Options.Expiry.HasValue", "Options.Expiry"),
            ("!empty($opts->ttl)", "$opts->ttl"),
        ] {
            assert!(tests_present(condition, value), "{condition}");
        }
        assert!(!tests_present("opts.Short", "opts.Expiry"));
        assert!(!tests_present("opts.Expiry > 100", "opts.Expiry"));
        assert!(!tests_present("opts.Expiry == 0", "opts.Expiry"));
    }

    #[test]
    fn tests_of_absence_in_each_language_are_recognised() {
        for c in [
            "ttl is None",
            "not ttl",
            "(ttl == null)",
            "ttl === undefined",
            "!ttl",
            "ttl == 0",
            "ttl <= 0",
            "ttl.nil?",
            "$ttl === null",
            "empty($ttl)",
            "null == ttl",
            "ttl == TimeSpan.Zero",
        ] {
            assert!(tests_absent(c, "ttl", false).is_some(), "{c}");
        }
        assert!(tests_absent("ttl", "ttl", true).is_some(), "unless ttl");
        // What each takes for absent: only null for a null test, zero too for a truth test.
        assert_eq!(
            tests_absent("ttl is None", "ttl", false),
            Some(Absence::Null)
        );
        assert_eq!(tests_absent("!ttl", "ttl", false), Some(Absence::Falsy));
        assert_eq!(tests_absent("ttl == 0", "ttl", false), Some(Absence::Falsy));
    }

    #[test]
    fn caps_and_other_names_are_no_default() {
        for c in [
            "ttl > 3600",
            "ttl is None or force",
            "other is None",
            "ttl",
            "!ttlOk",
        ] {
            assert!(tests_absent(c, "ttl", false).is_none(), "{c}");
        }
        assert!(tests_absent("!ttl", "ttl", true).is_none());
    }
}
