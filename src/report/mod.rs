//! Reporters: one module per output format, all fed the same sorted [`Report`].

mod concise;
mod github;
mod gitlab;
mod human;
mod json;
mod recognise;
mod sarif;
mod src_root;
mod statistics;
pub mod step_summary;
mod totals;

pub use recognise::is_own_report;

use std::str::FromStr;

use crate::driver::suggest::{Hint, UnknownName};
use crate::finding::{Finding, ScanError, Unchecked, UncheckedKind};
use crate::level::Level;

pub const TOOL_NAME: &str = "presign-lint";
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");
pub const INFORMATION_URI: &str = "https://github.com/presign-lint/presign-lint";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Concise,
    Json,
    Sarif,
    Github,
    Gitlab,
}

impl Format {
    /// Formats read in a log by people (the others are files for machines).
    pub fn is_text(self) -> bool {
        matches!(self, Format::Human | Format::Concise | Format::Github)
    }
}

impl FromStr for Format {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, UnknownName> {
        Ok(match s {
            "human" => Format::Human,
            "concise" => Format::Concise,
            "json" => Format::Json,
            "sarif" => Format::Sarif,
            "github" => Format::Github,
            "gitlab" => Format::Gitlab,
            _ => {
                return Err(UnknownName {
                    what: "format",
                    name: s.to_string(),
                    place: String::new(),
                    hint: Hint::Instead(
                        "expected one of: human, concise, json, sarif, github, gitlab".to_string(),
                    ),
                });
            }
        })
    }
}

/// Everything a run produced, sorted.
pub struct Report {
    /// All findings, suppressed ones included (SARIF shows those with `suppressions`).
    pub findings: Vec<Finding>,
    pub errors: Vec<ScanError>,
    pub summary: Summary,
    /// What could not be checked, and where (JSON `unchecked`, `--show-unchecked`).
    pub unchecked: Vec<Unchecked>,
    /// A history scan's repository: paths are relative to its root, SARIF names its commit.
    pub repository: Option<crate::history::Repository>,
}

#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Summary {
    pub files_scanned: usize,
    /// Findings reported (not suppressed).
    pub findings: usize,
    pub error: usize,
    pub warning: usize,
    pub note: usize,
    pub suppressed: usize,
    pub dynamic_expiries: usize,
    /// Files that needed a parse and did not get one: only text-level checks ran there.
    pub unparsed_files: usize,
    pub skipped_binary: usize,
    pub skipped_large: usize,
    /// presign-lint's own reports found in the tree ([`is_own_report`]), not scanned.
    pub skipped_reports: usize,
    /// Baseline entries that matched no finding (fixed since).
    pub baseline_stale: usize,
    /// A history scan's walk (absent from a work-tree scan's report).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history: Option<HistorySummary>,
}

/// What a history scan walked: `files_scanned` counts the distinct blobs read.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct HistorySummary {
    pub commits: usize,
    /// Distinct blobs found (each read once, unless skipped).
    pub blobs: usize,
    /// A shallow clone: what lies before its boundary was not scanned.
    pub truncated: bool,
    /// Gitlinks (submodules) passed over: their content is another repository's.
    pub skipped_submodules: usize,
    pub missing_objects: usize,
}

impl Report {
    pub fn new(findings: Vec<Finding>, errors: Vec<ScanError>, mut summary: Summary) -> Report {
        for f in &findings {
            if f.suppression.is_some() {
                summary.suppressed += 1;
                continue;
            }
            summary.findings += 1;
            match f.level {
                Level::Error => summary.error += 1,
                Level::Warning => summary.warning += 1,
                Level::Note => summary.note += 1,
                Level::Allow => {}
            }
        }
        Report {
            findings,
            errors,
            summary,
            unchecked: Vec::new(),
            repository: None,
        }
    }

    /// The report with what could not be checked; the summary counts it.
    pub fn with_unchecked(mut self, unchecked: Vec<Unchecked>) -> Report {
        let count = |kind| unchecked.iter().filter(|u| u.kind == kind).count();
        self.summary.dynamic_expiries = count(UncheckedKind::DynamicExpiry);
        self.summary.unparsed_files = count(UncheckedKind::UnparsedFile);
        if let Some(history) = &mut self.summary.history {
            history.missing_objects = count(UncheckedKind::MissingObject);
        }
        self.unchecked = unchecked;
        self
    }

    /// The repository root code-scanning reports place paths under: a history scan's
    /// repository, else the current directory's.
    fn src_root(&self) -> src_root::SrcRoot {
        match &self.repository {
            Some(repository) => src_root::SrcRoot::at(&repository.root),
            None => src_root::SrcRoot::current(),
        }
    }

    /// Findings that are reported (not suppressed).
    pub fn active(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.suppression.is_none())
    }
}

pub struct RenderOptions {
    pub color: bool,
    pub quiet: bool,
    /// Wall time of the scan, for the human summary line.
    pub elapsed: std::time::Duration,
    /// `--statistics`: per-lint counts instead of the findings (text formats).
    pub statistics: bool,
    /// `--show-unchecked`: list what could not be checked, with path and line (human).
    pub show_unchecked: bool,
    /// Columns a line of human output may take: the terminal's, or 120 when not a terminal.
    pub width: usize,
}

/// The width of human output when it does not go to a terminal.
pub const DEFAULT_WIDTH: usize = 120;

pub fn render(format: Format, report: &Report, options: &RenderOptions) -> String {
    match format {
        Format::Human | Format::Concise if options.statistics => {
            statistics::render(report, options.elapsed)
        }
        Format::Human => human::render(&printable(report), options),
        Format::Concise => concise::render(&printable(report), options),
        Format::Json => json::render(report),
        Format::Sarif => sarif::render(report),
        Format::Github => github::render(&printable(report), options),
        Format::Gitlab => gitlab::render(report, options),
    }
}

/// The report as text formats print it: every path, message and source line with its control
/// characters escaped ([`crate::text::redact::printable`]), so that a file name or source line
/// holding `\n::add-mask::…` or an escape sequence cannot write a line of its own into a CI
/// log or drive the terminal. (JSON and SARIF are escaped by serde.) Ordinary text is
/// unchanged.
fn printable(report: &Report) -> Report {
    use crate::text::redact::{printable, printable_range};
    let snippet = |s: &crate::finding::Snippet| {
        let (text, range) = printable_range(&s.text, s.range.clone());
        crate::finding::Snippet {
            text,
            range,
            ..s.clone()
        }
    };
    let findings = report
        .findings
        .iter()
        .map(|f| Finding {
            path: printable(&f.path),
            message: printable(&f.message),
            help: f.help.as_deref().map(printable),
            snippet: snippet(&f.snippet),
            related: f
                .related
                .iter()
                .map(|r| crate::finding::Related {
                    path: printable(&r.path),
                    message: printable(&r.message),
                    snippet: snippet(&r.snippet),
                    ..r.clone()
                })
                .collect(),
            ..f.clone()
        })
        .collect();
    Report {
        findings,
        errors: report
            .errors
            .iter()
            .map(|e| ScanError {
                path: printable(&e.path),
                message: printable(&e.message),
            })
            .collect(),
        summary: report.summary.clone(),
        unchecked: report
            .unchecked
            .iter()
            .map(|u| Unchecked {
                path: printable(&u.path),
                reason: printable(&u.reason),
                ..u.clone()
            })
            .collect(),
        repository: report.repository.clone(),
    }
}
