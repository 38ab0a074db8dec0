//! The repository root that reports for code-scanning services place findings under: SARIF's
//! `%SRCROOT%`, GitLab's project root. Findings carry paths relative to the current directory;
//! these services want them relative to the repository, whichever directory presign-lint was
//! run from.

use std::path::{Path, PathBuf};

#[derive(Default)]
pub struct SrcRoot {
    /// The top of the git work tree the run is in; outside a repository, the current
    /// directory. Empty when the current directory cannot be read.
    root: PathBuf,
    cwd: PathBuf,
}

impl SrcRoot {
    pub fn current() -> Self {
        std::env::current_dir()
            .map(|cwd| Self::of(&cwd))
            .unwrap_or_default()
    }

    pub fn of(cwd: &Path) -> Self {
        let root = cwd
            .ancestors()
            .find(|dir| dir.join(".git").exists())
            .unwrap_or(cwd);
        SrcRoot {
            root: root.to_path_buf(),
            cwd: cwd.to_path_buf(),
        }
    }

    /// Paths relative to `root` (a history scan's repository), whatever the current
    /// directory.
    pub fn at(root: &Path) -> Self {
        SrcRoot {
            root: root.to_path_buf(),
            cwd: root.to_path_buf(),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// A report path (relative to the current directory, or absolute) relative to the root,
    /// `/`-separated; or, for a file outside the root, its absolute path.
    pub fn relative(&self, path: &str) -> Result<String, PathBuf> {
        if self.root.as_os_str().is_empty() {
            return Ok(path.to_string());
        }
        let absolute = crate::driver::paths::absolute(&self.cwd, Path::new(path));
        match absolute.strip_prefix(&self.root) {
            Ok(relative) => Ok(crate::driver::paths::slashed(relative)),
            Err(_) => Err(absolute),
        }
    }
}
