//! A finding as every reporter sees it: level resolved, position computed, fingerprint
//! hashed, secrets already redacted from the snippet.

use serde_json::{Map, Value};

use crate::level::Level;
use crate::lints::LintId;

#[derive(Clone, Debug)]
pub struct Finding {
    pub lint: LintId,
    pub level: Level,
    /// Relative to the current directory when under it, `/`-separated.
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    /// Exclusive, like SARIF's `endColumn`.
    pub end_column: usize,
    /// The columns again, for SARIF.
    pub utf16_columns: Utf16Columns,
    pub message: String,
    pub help: Option<String>,
    pub fingerprint: String,
    /// The fingerprint without the path: the same secret wherever it is (a history scan
    /// reports a leak once, at the first blob that holds it). Not in any report.
    pub content_fingerprint: String,
    pub details: Map<String, Value>,
    pub snippet: Snippet,
    pub suppression: Option<Suppressed>,
    /// Secondary locations, in order: for a finding reached through the project's own
    /// presigning functions, each call down to the SDK's.
    pub related: Vec<Related>,
    /// Where in git history the finding's content was found (`presign-lint history`).
    pub provenance: Option<Box<Provenance>>,
}

/// The commit that introduced a blob a history finding was read from, and how widely the blob
/// was carried. Never part of the fingerprint: a baseline written from the work tree or one
/// history scan holds for the next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Provenance {
    /// Full commit id (hex).
    pub commit: String,
    /// The commit's author date, RFC 3339 with its own offset.
    pub author_date: String,
    /// The blob's path in that commit (as the finding's `path`).
    pub path: String,
    /// Commits that added the blob at some path (its first appearance there in the walk).
    pub commits: usize,
    /// Distinct paths the blob was found at.
    pub paths: usize,
    /// Some of the other paths, for the human report to list (at most a handful).
    pub other_paths: Vec<String>,
}

/// A secondary location of a finding (JSON `related`, SARIF `relatedLocations`, a rustc-style
/// note with its own snippet), already positioned and redacted like the primary one.
#[derive(Clone, Debug, PartialEq)]
pub struct Related {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub utf16_columns: Utf16Columns,
    /// What happens there: "`sign` presigns with `getSignedUrl` (@aws-sdk/s3-request-presigner)".
    pub message: String,
    pub snippet: Snippet,
}

/// Start and end (exclusive) columns counted in UTF-16 code units, 1-based: SARIF's
/// `columnKind: utf16CodeUnits`, which GitHub code scanning reads. They differ from the
/// character columns after a character outside the Basic Multilingual Plane (an emoji).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Utf16Columns {
    pub start: usize,
    pub end: usize,
}

/// Something that could not be checked, and where (JSON `unchecked`, `--show-unchecked`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Unchecked {
    pub path: String,
    /// 1-based; 1 for what concerns the whole file.
    pub line: usize,
    pub kind: UncheckedKind,
    pub reason: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum UncheckedKind {
    /// An expiry set at run time (environment, flags, another service).
    DynamicExpiry,
    /// A source file that needed a parse and did not get one: text-level checks only.
    UnparsedFile,
    /// A git object a history scan needed and the repository does not have (partial clone).
    MissingObject,
}

impl UncheckedKind {
    pub fn as_str(self) -> &'static str {
        match self {
            UncheckedKind::DynamicExpiry => "dynamic-expiry",
            UncheckedKind::UnparsedFile => "unparsed-file",
            UncheckedKind::MissingObject => "missing-object",
        }
    }
}

/// The source line of a finding, redacted, around its span: the renderer shows what fits.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snippet {
    pub line: usize,
    pub text: String,
    /// Byte range of the annotated part within `text`.
    pub range: std::ops::Range<usize>,
    /// Characters of the line before `text` (left out: the line is longer than any snippet).
    pub hidden_before: usize,
    /// The line goes on after `text`.
    pub cut_after: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SuppressionKind {
    /// A `presign-lint: allow(...)` comment.
    InSource,
    /// A baseline file entry.
    Baseline,
}

#[derive(Clone, Debug)]
pub struct Suppressed {
    pub kind: SuppressionKind,
    pub justification: Option<String>,
}

impl Finding {
    /// The order of every output: path, line, column, lint.
    pub fn sort_key(&self) -> (&str, usize, usize, &'static str, &str) {
        (
            &self.path,
            self.line,
            self.column,
            self.lint.name(),
            &self.fingerprint,
        )
    }
}

/// Problems that kept part of the scan from completing (exit code 2).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ScanError {
    pub path: String,
    pub message: String,
}
