//! Lexical path handling shared by discovery, config and reports. Lexical (no file system
//! access, symlinks untouched) so that config roots, exclude globs and scanned paths compare
//! in one space.

use std::path::{Component, Path, PathBuf};

/// `cwd.join(path)`, with `.` removed and `..` resolved lexically.
pub fn absolute(cwd: &Path, path: &Path) -> PathBuf {
    if path.is_absolute() {
        normalize(path)
    } else {
        normalize(&cwd.join(path))
    }
}

/// Removes `.` and resolves `..` against the preceding component.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// The path as reports show it: relative to the current directory when under it, otherwise
/// as given (without `./`), always with `/`.
pub fn display_path(path: &Path, cwd: &Path) -> String {
    let absolute = absolute(cwd, path);
    let shown = match absolute.strip_prefix(cwd) {
        Ok(relative) => relative.to_path_buf(),
        Err(_) if path.is_absolute() => absolute,
        Err(_) => path
            .components()
            .filter(|c| *c != Component::CurDir)
            .collect(),
    };
    let text = shown.to_string_lossy().replace('\\', "/");
    if text.is_empty() {
        ".".to_string()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_relative_to_cwd() {
        let cwd = Path::new("/work/src");
        assert_eq!(display_path(Path::new("./a/b.py"), cwd), "a/b.py");
        assert_eq!(display_path(Path::new("../src/a.py"), cwd), "a.py");
        assert_eq!(
            display_path(Path::new("../tests/a.py"), cwd),
            "../tests/a.py"
        );
        assert_eq!(display_path(Path::new("/work/src/x.py"), cwd), "x.py");
        assert_eq!(display_path(Path::new("/etc/x"), cwd), "/etc/x");
        assert_eq!(
            normalize(Path::new("/a/b/../c/./d")),
            PathBuf::from("/a/c/d")
        );
    }
}
