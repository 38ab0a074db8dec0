//! `invalid-suppression`: a suppression marker that cannot be read suppresses nothing, and
//! says so (see [`super::suppress`]).

use super::suppress::{MARKER, Malformed, marker_diagnostic};
use super::{Check, Diagnostic, LintId, Rule};
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
            marker_diagnostic(
                LintId::InvalidSuppression,
                m.span.clone(),
                format!("malformed suppression: {}", m.problem),
                "write `presign-lint: allow(<lint>, …) reason: <why>`; this marker suppresses nothing",
                source,
            )
        })
        .collect()
}
