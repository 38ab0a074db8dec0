//! `unused-suppression`: a marker naming a lint that reported nothing where it points (see
//! [`super::suppress`]).

use super::suppress::{MARKER, Suppression, marker_diagnostic};
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

/// One diagnostic per lint a marker names that suppressed no finding (`used`, per marker and
/// lint), unless that lint cannot report here.
pub(super) fn diagnostics(
    suppressions: &[Suppression],
    used: &[Vec<bool>],
    enabled: &dyn Fn(LintId) -> bool,
    source: &SourceFile,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (s, used) in suppressions.iter().zip(used) {
        for (lint, was_used) in s.lints.iter().zip(used) {
            // A lint that cannot report here cannot be expected to use its suppression.
            if *was_used || !enabled(*lint) || *lint == LintId::UnusedSuppression {
                continue;
            }
            out.push(marker_diagnostic(
                LintId::UnusedSuppression,
                s.span.clone(),
                format!("suppression of `{}` matches no finding", lint.name()),
                "remove it, or move it onto the line of the finding or the line directly above",
                source,
            ));
        }
    }
    out
}
