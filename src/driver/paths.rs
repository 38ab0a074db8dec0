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

/// Whether the normalised path `file` is below the normalised directory `root` (or is it),
/// compared as bytes: cheaper than [`Path::starts_with`], which walks both paths'
/// components, on the hot paths that ask it of every file.
pub fn is_under(file: &Path, root: &Path) -> bool {
    let (file, root) = (
        file.as_os_str().as_encoded_bytes(),
        root.as_os_str().as_encoded_bytes(),
    );
    let separator = |b: u8| b == b'/' || (cfg!(windows) && b == b'\\');
    file.starts_with(root)
        && (file.len() == root.len()
            || root.last().is_some_and(|&b| separator(b))
            || file.get(root.len()).is_some_and(|&b| separator(b)))
}

/// The path as reports show it: relative to the current directory when under it, otherwise
/// as given (without `./`), always with `/`, and redacted: a file saved from a signed URL
/// (`wget` names it `report.csv?X-Amz-…&X-Amz-Signature=…`) carries the signature in its name.
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
    let text = redact_path(&shown);
    if text.is_empty() {
        ".".to_string()
    } else {
        text
    }
}

/// The path with `/` between its components, each component redacted on its own
/// ([`crate::text::redact::redact_named`]): a secret in one directory name never swallows the names
/// after it, and a `\` in a Unix file name stays what it is (on Windows, where it separates
/// components, it becomes `/`), so the shown name is the real one but for the secret.
pub fn redact_path(path: &Path) -> String {
    join_components(path, crate::text::redact::redact_named)
}

/// The path with `/` between its components, unredacted: a `\` in a Unix file name is part
/// of the name and stays (reports that place findings by path, SARIF and GitHub's, need the
/// real name).
pub fn slashed(path: &Path) -> String {
    join_components(path, str::to_string)
}

fn join_components(path: &Path, shown: impl Fn(&str) -> String) -> String {
    let mut out = String::new();
    for component in path.components() {
        match component {
            Component::Prefix(prefix) => out.push_str(&prefix.as_os_str().to_string_lossy()),
            Component::RootDir => out.push('/'),
            other => {
                if !out.is_empty() && !out.ends_with('/') {
                    out.push('/');
                }
                out.push_str(&shown(&other.as_os_str().to_string_lossy()));
            }
        }
    }
    out
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

    #[test]
    fn a_signature_in_a_file_name_is_redacted() {
        let sig = "0b3c5e7a9f1d2c4b6a8e0f2d4c6b8a0e1f3d5c7b9a2e4f6d8c0b1a3e5f7d9c2b";
        let name = format!("report.csv?X-Amz-Date=20240115T101500Z&X-Amz-Signature={sig}");
        let shown = display_path(Path::new(&name), Path::new("/work"));
        assert!(!shown.contains(sig), "{shown}");
        assert!(shown.starts_with("report.csv?X-Amz-Date=20240115T101500Z&X-Amz-Signature="));
    }

    /// Long directory names have the shape of a session token; a path stays readable.
    #[test]
    fn long_directory_names_are_not_taken_for_secrets() {
        let path =
            "go/s3/GeneratePresignedURLSpecificPayload/GeneratePresignedURLSpecificPayload.go";
        assert_eq!(display_path(Path::new(path), Path::new("/work")), path);
    }
}
