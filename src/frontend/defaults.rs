//! Defaults given in a function's body rather than its signature: `if ttl is None: ttl = 600`,
//! `if ttl == 0 { ttl = 10 * time.Hour }`, `if (!ttl) ttl = 900;`, `ttl ||= 3600`,
//! `$ttl ??= 600`, `ttl = 600 unless ttl`. Such an assignment keeps the caller's value when
//! there is one, so it is lowered to [`ExprKind::Fallback`]: an assignment under any other test
//! (`if ttl > MAX: ttl = MAX`) or none at all overrides the caller's value and stays a plain
//! binding. The tests are recognised in the text of the condition, the same in every grammar.

use tree_sitter::{Node, TreeCursor};

use crate::facts::{Absence, Expr, ExprKind};

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
    let earlier = Expr {
        kind: ExprKind::Name(name.to_string()),
        span: node.start_byte()..node.start_byte(),
    };
    let span = value.span.clone();
    Expr {
        kind: ExprKind::Fallback(vec![earlier, value], absence),
        span,
    }
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
    let node = at.node();
    let text = |n: Node<'_>| source.get(n.byte_range()).unwrap_or("");
    // A cursor climbs in constant time; `Node::parent` walks down from the root.
    let mut up = at.clone();
    let mut child = node;
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
            // The branch taken when the test holds (`consequence`, or `body` in PHP and in
            // Ruby's modifiers): not the test itself, not an `elif` or `else`.
            let within = |field: &str| {
                p.child_by_field_name(field)
                    .is_some_and(|n| n.byte_range().contains(&child.start_byte()))
            };
            if !within("consequence") && !within("body") {
                return None;
            }
            let negated = kind.starts_with("unless");
            return tests_absent(text(condition), name.trim_start_matches('$'), negated);
        }
        child = p;
    }
    None
}

/// Whether `condition` holds exactly when `name` is absent, and in which sense: a comparison
/// with null, nil, None or undefined tests [`Absence::Null`], one with zero or a truth test
/// (`!ttl`, `unless ttl`) [`Absence::Falsy`].
fn tests_absent(condition: &str, name: &str, negated: bool) -> Option<Absence> {
    let mut c = condition.split_whitespace().collect::<Vec<_>>().join(" ");
    while c.starts_with('(') && c.ends_with(')') {
        c = c[1..c.len() - 1].trim().to_string();
    }
    // PHP's `$ttl`; Ruby's `@ttl` is another variable than the parameter `ttl`.
    let c = c.replace('$', "");
    if negated {
        return (c == name || c == format!("{name}.present?")).then_some(Absence::Falsy);
    }
    let compared = |values: &[&str]| {
        ["is", "==", "==="].iter().any(|op| {
            values
                .iter()
                .any(|a| c == format!("{name} {op} {a}") || c == format!("{a} {op} {name}"))
        })
    };
    let null = compared(&["None", "null", "nil", "undefined"])
        || c == format!("{name}.nil?")
        || c == format!("!{name}.HasValue")
        || c == format!("is_null({name})")
        || c == format!("typeof {name} === 'undefined'")
        || c == format!("typeof {name} === \"undefined\"");
    let falsy = compared(&["0", "0.0", "TimeSpan.Zero", "Duration.ZERO"])
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

#[cfg(test)]
mod tests {
    use super::{Absence, tests_absent};

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
