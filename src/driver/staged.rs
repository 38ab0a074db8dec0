//! `check --staged`: the staged content of staged files (the index, not the work tree), for
//! people who run presign-lint as a git hook without the pre-commit framework.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Why `--staged` cannot read the index.
#[derive(Debug, thiserror::Error)]
pub enum StagedError {
    #[error("--staged needs git: {0}")]
    NoGit(#[source] std::io::Error),
    #[error("--staged: {} is not inside a git repository", .0.display())]
    NotInRepository(PathBuf),
    #[error("--staged: `git {command}` failed: {stderr}")]
    GitFailed { command: String, stderr: String },
}

/// A staged file: where it lives in the work tree, and its content in the index.
pub struct StagedFile {
    pub path: PathBuf,
    pub content: Vec<u8>,
}

/// Added, copied, modified and renamed files in the index, with their staged content.
pub fn staged_files(cwd: &Path) -> Result<Vec<StagedFile>, StagedError> {
    in_index(
        cwd,
        &[
            "diff",
            "--cached",
            "--name-only",
            "-z",
            "--diff-filter=ACMR",
        ],
    )
}

/// Files whose work-tree copy differs from the index (modified or deleted, not staged), with
/// their content in the index: what a commit would hold of them.
pub fn unstaged_in_index(cwd: &Path) -> Result<Vec<StagedFile>, StagedError> {
    in_index(cwd, &["diff", "--name-only", "-z", "--diff-filter=MD"])
}

/// The top of the git work tree `cwd` is in: `--staged` checks it before scanning, so that
/// running it outside a repository is a plain usage error.
pub fn work_tree_root(cwd: &Path) -> Result<PathBuf, StagedError> {
    let top = git(cwd, &["rev-parse", "--show-toplevel"]).map_err(|e| match e {
        StagedError::GitFailed { stderr, .. } if stderr.contains("not a git repository") => {
            StagedError::NotInRepository(cwd.to_path_buf())
        }
        e => e,
    })?;
    Ok(PathBuf::from(
        String::from_utf8_lossy(&top).trim_end_matches(['\n', '\r']),
    ))
}

/// The files a `git diff … --name-only -z` lists, with their content in the index.
fn in_index(cwd: &Path, diff: &[&str]) -> Result<Vec<StagedFile>, StagedError> {
    let top = work_tree_root(cwd)?;
    let names = git(&top, diff)?;
    let mut files = Vec::new();
    for name in names.split(|b| *b == 0).filter(|n| !n.is_empty()) {
        let name = String::from_utf8_lossy(name).into_owned();
        let content = git(&top, &["show", &format!(":{name}")])?;
        files.push(StagedFile {
            path: top.join(&name),
            content,
        });
    }
    Ok(files)
}

fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, StagedError> {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .map_err(StagedError::NoGit)?;
    if !output.status.success() {
        return Err(StagedError::GitFailed {
            command: args.join(" "),
            stderr: String::from_utf8_lossy(&output.stderr).trim().to_string(),
        });
    }
    Ok(output.stdout)
}
