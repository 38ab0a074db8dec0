//! `unused-suppression`: a marker naming a lint that reported nothing where it points (see
//! [`super::suppress`]).

use super::suppress::{MARKER, Suppression, marker_diagnostic};
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
            let finding = Unused { lint: *lint };
            out.push(marker_diagnostic(
                LintId::UnusedSuppression,
                s.span.clone(),
                &finding,
                source,
            ));
        }
    }
    out
}

/// A lint a marker names that reported nothing there (no details: the marker is the
/// finding).
#[derive(Serialize)]
struct Unused {
    #[serde(skip)]
    lint: LintId,
}

impl Explained for Unused {
    fn message(&self) -> String {
        format!("suppression of `{}` matches no finding", self.lint.name())
    }

    fn help(&self) -> Option<String> {
        Some(
            "remove it, or move it onto the line of the finding or the line directly above"
                .to_string(),
        )
    }
}
