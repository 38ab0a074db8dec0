//! `presign-lint history`: leaked signed URLs and credentials anywhere in a repository's
//! history, each distinct blob scanned once, each finding attributed to the earliest commit
//! that introduced it, and whether the leak still works.
//!
//! ```text
//! revisions ──> walk (commits, trees) ──> distinct blobs ──> scan (parallel) ──> liveness
//! refs, --rev   walk.rs                   with first commit   blobs.rs           liveness.rs
//! ```
//!
//! The object database is read with `gix` (no `git` process, no checkout). Only the lints
//! whose finding is a leaked secret run: code shape is for the work tree.

pub mod blobs;
pub mod command;
pub mod liveness;
pub mod reader;
pub mod walk;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use gix::ObjectId;
use gix::bstr::{BStr, ByteSlice};

use crate::driver::settings::Settings;
use crate::finding::{Finding, Provenance, ScanError, Unchecked, UncheckedKind};
use crate::lints::LintId;

/// The lints a history scan runs: those whose finding is a secret that a past version keeps
/// dangerous.
pub const LINTS: [LintId; 2] = [LintId::HardcodedPresignedUrl, LintId::HardcodedCredentials];

pub struct HistoryOptions {
    /// A directory in the repository (or its git directory).
    pub path: PathBuf,
    /// Revisions to scan; empty: every local branch and tag.
    pub revs: Vec<String>,
    /// Revisions whose history is left out (`--since`).
    pub since: Vec<String>,
    pub threads: usize,
    pub max_file_size: u64,
}

/// The repository scanned, for reports (SARIF `versionControlProvenance`, paths).
#[derive(Clone, Debug, Default)]
pub struct Repository {
    /// The work tree (or the git directory of a bare repository): paths are relative to it.
    pub root: PathBuf,
    /// `remote.origin.url` when it is an http(s) URL, credentials removed.
    pub remote: Option<String>,
    /// HEAD's commit and branch.
    pub head: Option<ObjectId>,
    pub branch: Option<String>,
}

#[derive(Default)]
pub struct HistoryResult {
    pub repository: Repository,
    pub findings: Vec<Finding>,
    /// Corrupt objects (exit 2), failed analyses.
    pub errors: Vec<ScanError>,
    /// Missing objects: reported, not fatal.
    pub unchecked: Vec<Unchecked>,
    pub commits: usize,
    pub blobs: usize,
    pub scanned: usize,
    pub skipped_binary: usize,
    pub skipped_large: usize,
    pub skipped_reports: usize,
    pub submodules: usize,
    pub truncated: bool,
}

/// Why a history scan cannot start.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    /// The path is in no git repository; `hint` says how to scan a directory named
    /// `history` (`check` used to be the default subcommand).
    #[error("{path}: not a git repository ({reason}){hint}")]
    NotARepository {
        path: String,
        reason: String,
        hint: &'static str,
    },
    #[error("cannot read the repository's refs: {0}")]
    Refs(String),
    /// A `--rev` or `--since` that names no commit.
    #[error("{flag} {rev}: {problem}")]
    Revision {
        flag: String,
        rev: String,
        problem: RevisionProblem,
    },
}

/// What is wrong with a revision given on the command line.
#[derive(Debug, thiserror::Error)]
pub enum RevisionProblem {
    #[error("not a revision of this repository ({0})")]
    Unknown(String),
    #[error("cannot read it ({0})")]
    Unreadable(String),
    #[error("names no commit ({0})")]
    NotACommit(String),
}

/// Scans the history; `Err` when the repository or a revision cannot be opened at all.
pub fn scan(options: &HistoryOptions, settings: &Settings) -> Result<HistoryResult, HistoryError> {
    let shown = crate::driver::paths::redact_path(&options.path);
    let repo = gix::discover(&options.path).map_err(|e| {
        // `presign-lint history` used to scan a directory of that name (`check` is the
        // default subcommand): say how to now.
        let hint = if options.path == Path::new(".") && Path::new("history").is_dir() {
            "; to scan the directory `history`, run `presign-lint check history`"
        } else {
            ""
        };
        HistoryError::NotARepository {
            path: shown,
            reason: e.to_string(),
            hint,
        }
    })?;
    // Absolute: exclude globs and SARIF's `%SRCROOT%` are absolute, and gix gives the work
    // tree as it was found (`.`).
    let found = repo.workdir().unwrap_or_else(|| repo.git_dir());
    let root = match std::env::current_dir() {
        Ok(cwd) => crate::driver::paths::absolute(&cwd, found),
        Err(_) => found.to_path_buf(),
    };
    let tips = if options.revs.is_empty() {
        default_tips(&repo)?
    } else {
        options
            .revs
            .iter()
            .map(|rev| resolve(&repo, rev, "--rev"))
            .collect::<Result<Vec<_>, _>>()?
    };
    let hidden = options
        .since
        .iter()
        .map(|rev| resolve(&repo, rev, "--since"))
        .collect::<Result<Vec<_>, _>>()?;
    let shallow: HashSet<ObjectId> = repo
        .shallow_commits()
        .ok()
        .flatten()
        .map(|commits| commits.iter().copied().collect())
        .unwrap_or_default();

    let excluded = |path: &BStr, is_dir: bool| {
        settings.is_excluded(&root.join(path.to_str_lossy().as_ref()), is_dir)
    };
    let walked = walk::walk(
        &repo,
        &walk::WalkInput {
            tips,
            hidden,
            shallow,
            excluded: &excluded,
        },
    );
    let sync = repo.clone().into_sync();
    let scanned = blobs::scan_blobs(&blobs::BlobInput {
        repo: &sync,
        root: &root,
        blobs: &walked.blobs,
        settings,
        threads: options.threads,
        max_file_size: options.max_file_size,
    });

    let mut result = HistoryResult {
        repository: describe(&repo, root),
        commits: walked.commits.len(),
        blobs: walked.blobs.len(),
        scanned: scanned.scanned,
        skipped_binary: scanned.skipped_binary,
        skipped_large: scanned.skipped_large,
        skipped_reports: scanned.skipped_reports,
        submodules: walked.submodules,
        truncated: walked.truncated,
        ..HistoryResult::default()
    };
    for problem in walked.unreadable.iter().chain(&scanned.unreadable) {
        match &problem.corrupt {
            Some(reason) => result.errors.push(ScanError {
                path: format!("{} {}", problem.kind, problem.id),
                message: format!(
                    "cannot read this object (at {}): {}",
                    problem.at,
                    crate::text::redact::for_log(reason)
                ),
            }),
            None => result.unchecked.push(Unchecked {
                path: problem.at.clone(),
                line: 1,
                kind: UncheckedKind::MissingObject,
                reason: format!(
                    "{} {} is not in the repository (a partial or damaged clone): not scanned",
                    problem.kind, problem.id
                ),
            }),
        }
    }
    for (path, id) in scanned.failed {
        result.errors.push(ScanError {
            path,
            message: format!("internal error while analysing blob {id}; the blob was skipped"),
        });
    }
    result.findings = attribute(scanned.findings, &walked);
    result.errors.sort();
    result.errors.dedup();
    result.unchecked.sort();
    result.unchecked.dedup();
    Ok(result)
}

/// Each finding with its blob's provenance and liveness, the same leak (lint and content,
/// wherever it is) kept only from the blob that introduced it first: a URL left in a file
/// stays in each later version of it, and one report of it, dated from its first commit, is
/// what a reader can act on.
fn attribute(findings: Vec<(usize, Finding)>, walked: &walk::Walk) -> Vec<Finding> {
    let mut first: HashMap<String, (usize, usize)> = HashMap::new();
    for (blob, finding) in &findings {
        let rank = (walked.blobs[*blob].commit, *blob);
        first
            .entry(finding.content_fingerprint.clone())
            .and_modify(|best| *best = (*best).min(rank))
            .or_insert(rank);
    }
    let mut kept: Vec<Finding> = findings
        .into_iter()
        .filter(|(blob, f)| {
            first
                .get(&f.content_fingerprint)
                .is_some_and(|(_, b)| b == blob)
        })
        .map(|(blob, mut finding)| {
            let blob = &walked.blobs[blob];
            let provenance = walked.commits.get(blob.commit).map(|commit| Provenance {
                commit: commit.id.to_string(),
                author_date: liveness::author_date(commit.author_seconds, commit.author_offset),
                path: finding.path.clone(),
                commits: blob.commits,
                paths: blob.paths,
                other_paths: blob
                    .other_paths
                    .iter()
                    .map(|p| blobs::shown_path(p))
                    .collect(),
            });
            if let Some(provenance) = provenance {
                liveness::apply(&mut finding, provenance);
            }
            finding
        })
        .collect();
    kept.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    kept
}

/// Every local branch and tag, peeled to the commit it names; refs that name no commit (a
/// tag of a tree or blob) and refs that cannot be read are passed over.
fn default_tips(repo: &gix::Repository) -> Result<Vec<ObjectId>, HistoryError> {
    let platform = repo
        .references()
        .map_err(|e| HistoryError::Refs(e.to_string()))?;
    let mut tips = Vec::new();
    let mut seen = HashSet::new();
    let iterators = [platform.local_branches(), platform.tags()];
    for iter in iterators {
        let iter = iter
            .and_then(|i| i.peeled())
            .map_err(|e| HistoryError::Refs(e.to_string()))?;
        for reference in iter.flatten() {
            let reference = reference.detach();
            let Some(id) = reference
                .peeled
                .or_else(|| reference.target.try_id().map(ToOwned::to_owned))
            else {
                continue;
            };
            if seen.insert(id) && is_commit(repo, id) {
                tips.push(id);
            }
        }
    }
    if tips.is_empty()
        && let Ok(head) = repo.head_id()
    {
        // A detached HEAD in a repository with no branch.
        tips.push(head.detach());
    }
    Ok(tips)
}

fn is_commit(repo: &gix::Repository, id: ObjectId) -> bool {
    repo.try_find_header(id)
        .ok()
        .flatten()
        .is_some_and(|h| h.kind() == gix::objs::Kind::Commit)
}

/// A revision (`main`, `origin/main`, `v1.2`, `HEAD~3`, an id) as the commit it names.
fn resolve(repo: &gix::Repository, rev: &str, flag: &str) -> Result<ObjectId, HistoryError> {
    let not = |problem: RevisionProblem| HistoryError::Revision {
        flag: flag.to_string(),
        rev: rev.to_string(),
        problem,
    };
    let id = repo
        .rev_parse_single(rev.as_bytes().as_bstr())
        .map_err(|e| not(RevisionProblem::Unknown(e.to_string())))?;
    let commit = id
        .object()
        .map_err(|e| not(RevisionProblem::Unreadable(e.to_string())))?
        .peel_to_commit()
        .map_err(|e| not(RevisionProblem::NotACommit(e.to_string())))?;
    Ok(commit.id)
}

fn describe(repo: &gix::Repository, root: PathBuf) -> Repository {
    let remote = repo
        .config_snapshot()
        .string("remote.origin.url")
        .map(|url| url.to_str_lossy().into_owned())
        .and_then(|url| public_url(&url));
    Repository {
        root,
        remote,
        head: repo.head_id().ok().map(|id| id.detach()),
        branch: repo
            .head_name()
            .ok()
            .flatten()
            .map(|name| name.shorten().to_str_lossy().into_owned()),
    }
}

/// An http(s) remote URL without the user and password it may carry (a token in
/// `https://x-access-token:…@github.com/…` must never reach a report).
fn public_url(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if !matches!(scheme, "https" | "http") {
        return None;
    }
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let path = path.split(['?', '#']).next().unwrap_or("");
    Some(crate::text::redact::redact(&format!("{scheme}://{host}/{path}")).text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_urls_lose_their_credentials() {
        assert_eq!(
            public_url("https://x-access-token:ghs_abc@github.com/o/r.git").as_deref(),
            Some("https://github.com/o/r.git")
        );
        assert_eq!(public_url("git@github.com:o/r.git"), None);
        assert_eq!(
            public_url("https://github.com/o/r?token=1").as_deref(),
            Some("https://github.com/o/r")
        );
    }
}
