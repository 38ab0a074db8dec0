//! Framework settings that set the expiry of every URL a storage backend signs
//! (`catalog/settings.toml`, [`SettingRow`]): django-storages' `AWS_QUERYSTRING_EXPIRE`,
//! `GS_EXPIRATION`, `AZURE_URL_EXPIRATION_SECS`, Rails'
//! `config.active_storage.service_urls_expire_in`. Checked where they are assigned, folded like
//! an SDK call's expiry argument (literals, arithmetic, `timedelta(days=30)`, `30.days`, the
//! default behind an environment lookup).
//!
//! What counts as a setting: an assignment to one of the names as written (case-sensitive:
//! Django reads upper-case names only), at module level, in a class body (django-configurations,
//! `class Application < Rails::Application`) or in a block (`Rails.application.configure do`).
//! One inside a named function or method is a local variable or a test's override, not the
//! configuration, and is left alone.

use super::Expiry;
use crate::facts::{ExprKind, SyntaxFacts};
use crate::lints::{Context, Output};
use crate::semantic::catalog::{self, SettingRow, SettingUnit};
use crate::semantic::eval::Value;

/// The settings assigned in the file, as expiries to judge; those known only at run time are
/// listed as unchecked.
pub(super) fn framework_settings(cx: &Context<'_>, expiries: &mut Vec<Expiry>, out: &mut Output) {
    let (Some(syntax), Some(model)) = (&cx.facts.syntax, cx.model) else {
        return;
    };
    let rows: Vec<&'static SettingRow> = catalog::settings()
        .iter()
        .filter(|s| s.family == model.family.name())
        .collect();
    if rows.is_empty() {
        return;
    }
    for b in &syntax.bindings {
        if b.is_parameter() || !at_configuration_level(syntax, cx.text, b.function) {
            continue;
        }
        let Some((row, name)) = rows
            .iter()
            .find_map(|r| r.matching(&b.name).map(|n| (*r, n)))
        else {
            continue;
        };
        if signing_off(syntax, cx.text, row) {
            continue;
        }
        let mut env = model.env(cx.source, b.function);
        let value = env.eval(&b.value);
        match seconds(value, row.unit) {
            Reading::Seconds(seconds) => expiries.push(Expiry {
                seconds,
                span: b.value.span.clone(),
                what: row.framework.clone(),
                derivation: env.steps.clone(),
                limit: limit(row),
                source: "setting",
                related: Vec::new(),
                setting: Some((row, name)),
            }),
            // `None`: Azure then signs nothing; the others fail rather than sign.
            Reading::Absent => {}
            Reading::Dynamic => out.dynamic_expiries.push((
                b.value.span.start,
                format!("{} setting `{name}` is set at run time", row.framework),
            )),
        }
    }
}

/// The setting a configuration file's key names, as an expiry (`AWS_QUERYSTRING_EXPIRE=604800`
/// in `.env`): the value a settings module reads from the environment.
pub(super) fn config_key(key: &str, seconds: f64, span: std::ops::Range<usize>) -> Option<Expiry> {
    let (row, name) = catalog::config_setting(key)?;
    Some(Expiry {
        seconds,
        span,
        what: row.framework.clone(),
        derivation: vec![format!(
            "a configuration value for the {} setting of that name",
            row.framework
        )],
        limit: limit(row),
        source: "config",
        related: Vec::new(),
        setting: Some((row, name)),
    })
}

fn limit(row: &SettingRow) -> Option<(u64, String)> {
    row.signer.hard_limit().map(|l| {
        (
            l,
            row.over_limit
                .clone()
                .unwrap_or_else(|| "the signer refuses it or the service rejects the URL".into()),
        )
    })
}

/// Whether the file turns the row's signing off: every assignment of its off switch, at
/// configuration level, is a literal false (`AWS_QUERYSTRING_AUTH = False`).
fn signing_off(syntax: &SyntaxFacts, text: &str, row: &SettingRow) -> bool {
    let Some(switch) = row.off_switch.as_deref() else {
        return false;
    };
    let mut assigned = syntax
        .bindings
        .iter()
        .filter(|b| {
            !b.is_parameter()
                && catalog::ends_with_segments(&b.name, switch)
                && at_configuration_level(syntax, text, b.function)
        })
        .peekable();
    assigned.peek().is_some() && assigned.all(|b| off(&b.value, 0))
}

/// `False`, or a setting read with `False` for its default (`get_bool_from_env("X", False)`,
/// `env.bool("X", default=False)`): off unless the deployment turns it on, the default the
/// program runs with, as an expiry's default is.
fn off(value: &crate::facts::Expr, depth: usize) -> bool {
    match &value.kind {
        ExprKind::Bool(false) => true,
        ExprKind::Fallback(items, _) if depth < 4 => {
            items.last().is_some_and(|d| off(d, depth + 1))
        }
        _ => false,
    }
}

/// Module level, a class body or blocks only: no function or method definition (`def`, or a
/// function with a name) encloses it. A Ruby method's name may be one the front end does not
/// keep (`def long_links!`), so a definition is also told by its keyword.
fn at_configuration_level(syntax: &SyntaxFacts, text: &str, function: Option<usize>) -> bool {
    let mut scope = function;
    // Bounded like every scope walk: a malformed parent chain must not loop.
    for _ in 0..64 {
        let Some(f) = scope.and_then(|i| syntax.functions.get(i)) else {
            return true;
        };
        let written = text.get(f.span.clone()).unwrap_or("").trim_start();
        let definition = ["def ", "def\t", "async "]
            .iter()
            .any(|k| written.starts_with(k));
        if f.name.is_some() || definition {
            return false;
        }
        scope = f.parent;
    }
    false
}

enum Reading {
    Seconds(f64),
    Absent,
    Dynamic,
}

/// A folded setting value in seconds, in the unit the framework reads.
fn seconds(value: Value, unit: SettingUnit) -> Reading {
    match (unit, value) {
        (_, Value::Number(n) | Value::Duration(n)) => Reading::Seconds(n),
        // Environment values are strings; a numeric one is read as its number.
        (SettingUnit::Seconds, Value::Str(s)) => {
            s.trim().parse().map_or(Reading::Dynamic, Reading::Seconds)
        }
        (_, Value::Absent) => Reading::Absent,
        _ => Reading::Dynamic,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_on_whole_trailing_segments() {
        let rows = catalog::settings();
        let find = |binding: &str| {
            rows.iter()
                .find_map(|r| r.matching(binding).map(|n| (r.framework.as_str(), n)))
        };
        assert_eq!(
            find("AWS_QUERYSTRING_EXPIRE"),
            Some(("django-storages", "AWS_QUERYSTRING_EXPIRE"))
        );
        assert_eq!(
            find("settings.AWS_QUERYSTRING_EXPIRE"),
            Some(("django-storages", "AWS_QUERYSTRING_EXPIRE"))
        );
        assert_eq!(
            find("Rails.application.config.active_storage.service_urls_expire_in"),
            Some((
                "Active Storage",
                "config.active_storage.service_urls_expire_in"
            ))
        );
        assert_eq!(
            find("ActiveStorage.service_urls_expire_in"),
            Some(("Active Storage", "ActiveStorage.service_urls_expire_in"))
        );
        for no in [
            "CACHE_AWS_QUERYSTRING_EXPIRE_NOTE",
            "aws_querystring_expire",
            "gs_expiration",
            "service_urls_expire_in",
            "storage.service_urls_expire_in",
            "config.active_storage.service_urls_expire_in_note",
        ] {
            assert_eq!(find(no), None, "{no}");
        }
    }

    /// The bindings of a source file, folded as the lint folds them.
    fn folded(path: &str, src: &str) -> Vec<(String, Value)> {
        let needs = crate::frontend::Needs {
            syntax: true,
            ..Default::default()
        };
        let facts = crate::frontend::extract(std::path::Path::new(path), src, needs);
        let syntax = facts.syntax.expect("parses");
        let source = crate::text::source::SourceFile::new(src.to_string());
        let family = if path.ends_with(".rb") {
            crate::frontend::Family::Ruby
        } else {
            crate::frontend::Family::Python
        };
        syntax
            .bindings
            .iter()
            .map(|b| {
                let mut env = crate::semantic::eval::Env::new(&syntax, &source, b.function, family);
                (b.name.clone(), env.eval(&b.value))
            })
            .collect()
    }

    #[test]
    fn pytimeparse_reads_a_duration_string_as_seconds() {
        let src = "import os\nfrom datetime import timedelta\nfrom pytimeparse import parse\nimport pytimeparse\nfrom pytimeparse.timeparse import timeparse\n\nA = timedelta(seconds=parse(os.environ.get(\"A\", \"1 day\")))\nB = pytimeparse.parse(\"2h30m\")\nC = timeparse(\"30 days\")\nD = parse(os.environ[\"D\"])\n";
        let values = folded("settings.py", src);
        let value = |name: &str| {
            values
                .iter()
                .rfind(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
        };
        assert_eq!(value("A"), Some(Value::Duration(86_400.0)));
        assert_eq!(value("B"), Some(Value::Number(9000.0)));
        assert_eq!(value("C"), Some(Value::Number(2_592_000.0)));
        // Set at run time: no number.
        assert!(matches!(value("D"), Some(Value::Unset(_) | Value::Unknown)));
        // Another library's `parse` (dateutil, urllib) is not a duration.
        let other = folded(
            "settings.py",
            "from dateutil.parser import parse\nA = parse(\"1 day\")\n",
        );
        assert_eq!(other[0].1, Value::Unknown);
    }

    #[test]
    fn ruby_settings_through_argument_less_calls_are_bindings() {
        let src = "Rails.application.configure do\n  config.active_storage.service_urls_expire_in = 2.days\nend\nRails.application.config.active_storage.service_urls_expire_in = 3.hours\n";
        let values = folded("production.rb", src);
        assert_eq!(
            values,
            [
                (
                    "config.active_storage.service_urls_expire_in".to_string(),
                    Value::Duration(172_800.0)
                ),
                (
                    "Rails.application.config.active_storage.service_urls_expire_in".to_string(),
                    Value::Duration(10_800.0)
                ),
            ]
        );
    }

    #[test]
    fn config_keys_are_whole_names() {
        assert!(catalog::config_setting("AWS_QUERYSTRING_EXPIRE").is_some());
        assert!(catalog::config_setting("gs_expiration").is_some());
        assert!(catalog::config_setting("DJANGO_AWS_QUERYSTRING_EXPIRE").is_none());
        // Rails reads no environment variable of that name.
        assert!(catalog::config_setting("service_urls_expire_in").is_none());
    }

    #[test]
    fn values_in_the_unit_read() {
        let s = |v, u| match seconds(v, u) {
            Reading::Seconds(s) => Some(s),
            _ => None,
        };
        assert_eq!(
            s(Value::Str("604800".into()), SettingUnit::Seconds),
            Some(604_800.0)
        );
        assert_eq!(s(Value::Str("1 day".into()), SettingUnit::Duration), None);
        assert_eq!(
            s(Value::Duration(86_400.0), SettingUnit::Duration),
            Some(86_400.0)
        );
        assert_eq!(s(Value::Number(60.0), SettingUnit::Duration), Some(60.0));
        assert!(matches!(
            seconds(Value::Absent, SettingUnit::Seconds),
            Reading::Absent
        ));
    }
}
