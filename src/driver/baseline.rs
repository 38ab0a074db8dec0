//! Baseline files: record today's findings so CI reports only new ones. Entries are keyed by
//! fingerprint (lint + path + normalised content), sorted, with no line numbers, timestamps or
//! secrets, so the file does not churn in merges and is safe to commit.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::finding::{Finding, Suppressed, SuppressionKind};

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
struct Entry {
    path: String,
    lint: String,
    fingerprint: String,
    /// How many findings share this fingerprint (the same URL twice in one file).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    count: usize,
}

fn one() -> usize {
    1
}

fn is_one(n: &usize) -> bool {
    *n == 1
}

/// The version this presign-lint writes and reads.
const VERSION: u32 = 1;

/// Writes the baseline of these findings; returns how many entries it holds. Findings hidden
/// by an earlier baseline are recorded again (rewriting a baseline in place keeps what it
/// held); findings suppressed in the source are not (their marker already says why).
/// Why a baseline cannot be read or written, as printed: its shown path (redacted), then the
/// problem (redacted where it quotes the file).
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    #[error("{shown}: cannot read baseline: {reason}")]
    Read { shown: String, reason: String },
    #[error("{shown}: cannot write baseline: {reason}")]
    Write { shown: String, reason: String },
    #[error(
        "{shown}: baseline version {version} is not supported (this presign-lint reads version {VERSION}); write it again with --write-baseline"
    )]
    Version { shown: String, version: u64 },
    #[error("{shown}: invalid baseline: {reason}")]
    Invalid { shown: String, reason: String },
    #[error("{0}")]
    Encode(#[from] serde_json::Error),
}

pub fn write(path: &Path, findings: &[Finding]) -> Result<usize, BaselineError> {
    let mut counts: BTreeMap<(String, String, String), usize> = BTreeMap::new();
    let recorded = findings.iter().filter(|f| {
        f.suppression
            .as_ref()
            .is_none_or(|s| s.kind == SuppressionKind::Baseline)
    });
    for f in recorded {
        *counts
            .entry((
                f.path.clone(),
                f.lint.name().to_string(),
                f.fingerprint.clone(),
            ))
            .or_default() += 1;
    }
    let file = BaselineFile {
        version: VERSION,
        findings: counts
            .into_iter()
            .map(|((path, lint, fingerprint), count)| Entry {
                path,
                lint,
                fingerprint,
                count,
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&file)?;
    text.push('\n');
    std::fs::write(path, text).map_err(|e| BaselineError::Write {
        shown: crate::driver::paths::redact_path(path),
        reason: e.to_string(),
    })?;
    Ok(file.findings.len())
}

/// A baseline read before the scan, so that a missing or malformed one stops the run before
/// any work is done.
pub struct Baseline {
    path: String,
    file: BaselineFile,
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Self, BaselineError> {
        // Its path and content may hold a signed URL (a directory named after one, a URL
        // pasted in): every message and the suppressions' justification show them redacted.
        let shown = crate::driver::paths::redact_path(path);
        let text = crate::driver::config::read_small_file(path).map_err(|e| {
            let reason = crate::text::redact::redact(&e.to_string()).text;
            BaselineError::Read {
                shown: shown.clone(),
                reason,
            }
        })?;
        Self::parse(&text, shown)
    }

    /// A baseline from its text; `shown` is its path as messages show it (redacted).
    pub fn parse(text: &str, shown: String) -> Result<Self, BaselineError> {
        let redact = |e: &dyn std::fmt::Display| crate::text::redact::redact(&e.to_string()).text;
        // The version first, so that a newer format is named as such rather than as a field
        // this version does not know.
        let version = serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|doc| doc.get("version").and_then(serde_json::Value::as_u64));
        if let Some(version) = version.filter(|v| *v != u64::from(VERSION)) {
            return Err(BaselineError::Version { shown, version });
        }
        let file: BaselineFile = match serde_json::from_str(text) {
            Ok(file) => file,
            Err(e) => {
                let reason = redact(&e);
                return Err(BaselineError::Invalid { shown, reason });
            }
        };
        Ok(Self { path: shown, file })
    }

    /// Marks findings recorded in the baseline as suppressed; returns how many entries
    /// matched nothing (stale: the finding was fixed).
    pub fn apply(&self, findings: &mut [Finding]) -> usize {
        let mut remaining: BTreeMap<&str, usize> = BTreeMap::new();
        for e in &self.file.findings {
            *remaining.entry(e.fingerprint.as_str()).or_default() += e.count;
        }
        for f in findings.iter_mut().filter(|f| f.suppression.is_none()) {
            if let Some(n) = remaining.get_mut(f.fingerprint.as_str())
                && *n > 0
            {
                *n -= 1;
                f.suppression = Some(Suppressed {
                    kind: SuppressionKind::Baseline,
                    justification: Some(format!("recorded in baseline {}", self.path)),
                });
            }
        }
        remaining.values().filter(|n| **n > 0).count()
    }
}
