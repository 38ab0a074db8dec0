//! Defaults given in a function's body rather than its signature: `if ttl is None: ttl = 600`,
//! `if ttl == 0 { ttl = 10 * time.Hour }`, `if (!ttl) ttl = 900;`, `ttl ||= 3600`,
//! `$ttl ??= 600`, `ttl = 600 unless ttl`. Such an assignment keeps the caller's value when
//! there is one, so it is lowered to [`ExprKind::Fallback`]: an assignment under any other test
//! (`if ttl > MAX: ttl = MAX`) or none at all overrides the caller's value and stays a plain
//! binding. The tests are recognised in the text of the condition, the same in every grammar.

use tree_sitter::{Node, TreeCursor};

use crate::facts::{Expr, ExprKind};

/// How far up from an assignment its `if` may be (statement, block, clause, `if`).
const MAX_CLIMB: usize = 5;

/// `value` as the binding of `name` made by the node under `at`: a [`ExprKind::Fallback`] to
/// the earlier value of `name` when the node only fills `name` in when it is absent. The
/// enclosing `if` is looked for only when `guarded` may be (a parameter's reassignment: only
/// a caller's value is worth keeping, and the climb is not free); `x ||= v` always is one.
pub fn lower(at: &TreeCursor<'_>, source: &str, name: &str, value: Expr, guarded: bool) -> Expr {
    let node = at.node();
    if !(compound(node, source, name) || guarded && under_absence_test(at, source, name)) {
        return value;
    }
    let earlier = Expr {
        kind: ExprKind::Name(name.to_string()),
        span: node.start_byte()..node.start_byte(),
    };
    let span = value.span.clone();
    Expr {
        kind: ExprKind::Fallback(vec![earlier, value]),
        span,
    }
}

/// `ttl ||= 600`, `$ttl ??= 600`.
fn compound(node: Node<'_>, source: &str, name: &str) -> bool {
    // PHP's `$ttl` may be bound as `ttl`.
    let own = source.get(node.byte_range()).unwrap_or("").trim_start();
    let own = own.strip_prefix('$').unwrap_or(own);
    own.strip_prefix(name.trim_start_matches('$'))
        .map(str::trim_start)
        .is_some_and(|rest| rest.starts_with("||=") || rest.starts_with("??="))
}

/// The assignment is what runs when a test that `name` is absent holds.
fn under_absence_test(at: &TreeCursor<'_>, source: &str, name: &str) -> bool {
    let node = at.node();
    let text = |n: Node<'_>| source.get(n.byte_range()).unwrap_or("");
    // A cursor climbs in constant time; `Node::parent` walks down from the root.
    let mut up = at.clone();
    let mut child = node;
    for _ in 0..MAX_CLIMB {
        if !up.goto_parent() {
            return false;
        }
        let p = up.node();
        let kind = p.kind();
        if kind.contains("function") || kind.contains("method") || kind.contains("lambda") {
            return false;
        }
        if let Some(condition) = p.child_by_field_name("condition") {
            // The assignment must be what runs when the test holds: not the test itself,
            // not an `else`.
            // The branch taken when the test holds (`consequence`, or `body` in PHP and in
            // Ruby's modifiers): not the test itself, not an `elif` or `else`.
            let within = |field: &str| {
                p.child_by_field_name(field)
                    .is_some_and(|n| n.byte_range().contains(&child.start_byte()))
            };
            if !within("consequence") && !within("body") {
                return false;
            }
            let negated = kind.starts_with("unless");
            return tests_absent(text(condition), name.trim_start_matches('$'), negated);
        }
        child = p;
    }
    false
}

/// Whether `condition` holds exactly when `name` is absent (null, nil, None, undefined, zero,
/// empty); for `unless`, when it holds exactly when `name` is present.
fn tests_absent(condition: &str, name: &str, negated: bool) -> bool {
    let mut c = condition.split_whitespace().collect::<Vec<_>>().join(" ");
    while c.starts_with('(') && c.ends_with(')') {
        c = c[1..c.len() - 1].trim().to_string();
    }
    // PHP's `$ttl`; Ruby's `@ttl` is another variable than the parameter `ttl`.
    let c = c.replace('$', "");
    if negated {
        return c == name || c == format!("{name}.present?");
    }
    let absent = [
        "None",
        "null",
        "nil",
        "undefined",
        "0",
        "0.0",
        "TimeSpan.Zero",
        "Duration.ZERO",
    ];
    let compared = |op: &str| {
        absent
            .iter()
            .any(|a| c == format!("{name} {op} {a}") || c == format!("{a} {op} {name}"))
    };
    compared("is")
        || compared("==")
        || compared("===")
        || c == format!("{name} <= 0")
        || c == format!("not {name}")
        || c == format!("!{name}")
        || c == format!("{name}.nil?")
        || c == format!("{name}.zero?")
        || c == format!("{name}.blank?")
        || c == format!("{name}.isZero()")
        || c == format!("!{name}.HasValue")
        || c == format!("empty({name})")
        || c == format!("is_null({name})")
        || c == format!("typeof {name} === 'undefined'")
        || c == format!("typeof {name} === \"undefined\"")
}

#[cfg(test)]
mod tests {
    use super::tests_absent;

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
            assert!(tests_absent(c, "ttl", false), "{c}");
        }
        assert!(tests_absent("ttl", "ttl", true), "unless ttl");
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
            assert!(!tests_absent(c, "ttl", false), "{c}");
        }
        assert!(!tests_absent("!ttl", "ttl", true));
    }
}
