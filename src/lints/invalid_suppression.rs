//! `invalid-suppression`: a suppression marker that cannot be read suppresses nothing, and
//! says so (see [`super::suppress`]).

use super::suppress::{MARKER, Malformed, marker_diagnostic};
use serde::Serialize;

use super::{Check, Diagnostic, Explained, LintId, Rule};
use crate::frontend::Needs;
use crate::text::source::SourceFile;

/// The lint's declaration, named in the registry.
pub(super) const RULE: Rule = Rule {
    triggers: || vec![MARKER],
    needs: |_| Needs::NONE,
    needs_where_presigned: Needs::NONE,
    check: Check::Suppressions,
};

/// One diagnostic per malformed marker.
pub(super) fn diagnostics(malformed: &[Malformed], source: &SourceFile) -> Vec<Diagnostic> {
    malformed
        .iter()
        .map(|m| {
            let finding = Invalid {
                problem: &m.problem,
            };
            marker_diagnostic(LintId::InvalidSuppression, m.span.clone(), &finding, source)
        })
        .collect()
}

/// A marker that cannot be read, and why (no details: the marker is the finding).
#[derive(Serialize)]
struct Invalid<'a> {
    #[serde(skip)]
    problem: &'a str,
}

impl Explained for Invalid<'_> {
    fn message(&self) -> String {
        format!("malformed suppression: {}", self.problem)
    }

    fn help(&self) -> Option<String> {
        Some(
            "write `presign-lint: allow(<lint>, …) reason: <why>`; this marker suppresses nothing"
                .to_string(),
        )
    }
}
