//! Keeps the history scan's resident memory bounded by what it holds, not by the size of the
//! repository's packs.
//!
//! gix reads objects through maps of the pack files, and every page of a map that was read
//! stays resident while the map lives: reading the trees and blobs of a 500 MB pack once each
//! would leave most of its 500 MB resident by the end of the scan. So each reader (the tree
//! walk, each blob worker) opens the repository on its own, and opens it again every
//! [`REOPEN_EVERY`] bytes of objects it has read: the old handle's maps, and their pages, go
//! with it. The pages are clean copies of the pack, which the page cache keeps for the next
//! handle to map again at the cost of a minor fault.

/// Bytes of objects (as decompressed) a handle reads before it is opened again: about a
/// quarter of that in pack pages, plus the delta bases read along. A reopening costs about a
/// millisecond (the configuration is read again, the pack indexes mapped again).
pub const REOPEN_EVERY: u64 = 128 * 1024 * 1024;

/// A handle on a repository's objects of its own, opened again as it reads.
pub struct Reader {
    repo: gix::Repository,
    read: u64,
}

impl Reader {
    /// A handle on `repo`'s objects whose maps are its own (or, should the repository no
    /// longer open, one that shares `repo`'s).
    pub fn new(repo: &gix::Repository) -> Reader {
        Reader {
            repo: reopen(repo).unwrap_or_else(|| repo.clone()),
            read: 0,
        }
    }

    pub fn repo(&self) -> &gix::Repository {
        &self.repo
    }

    /// Counts `bytes` read through the handle; past [`REOPEN_EVERY`] the repository is opened
    /// again and the old handle dropped. Returns whether it was.
    pub fn read(&mut self, bytes: u64) -> bool {
        self.read = self.read.saturating_add(bytes);
        if self.read < REOPEN_EVERY {
            return false;
        }
        self.read = 0;
        match reopen(&self.repo) {
            Some(fresh) => {
                self.repo = fresh;
                true
            }
            None => false,
        }
    }
}

/// The repository opened again, as it was opened: a store, and maps, of its own.
fn reopen(repo: &gix::Repository) -> Option<gix::Repository> {
    gix::open_opts(repo.git_dir(), repo.open_options().clone()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Objects read after a reopening are the same as before it, and the count starts again.
    #[test]
    fn a_reopened_handle_reads_the_same_objects() {
        let dir = tempfile::tempdir().expect("tempdir");
        let git = |args: &[&str]| {
            let out = std::process::Command::new("git")
                .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
                .args(args)
                .current_dir(dir.path())
                .output()
                .expect("git runs");
            assert!(out.status.success(), "git {args:?}: {out:?}");
        };
        git(&["init", "-q"]);
        for i in 0..20 {
            let text: String = (0..2000).map(|j| format!("line {i} {j}\n")).collect();
            std::fs::write(dir.path().join(format!("f{i}.txt")), text).expect("write");
        }
        git(&["add", "."]);
        git(&["commit", "-q", "-m", "files"]);
        git(&["repack", "-a", "-d", "-q"]);
        let repo = gix::open(dir.path()).expect("open");
        let ids: Vec<gix::ObjectId> = repo
            .head_commit()
            .expect("head")
            .tree()
            .expect("tree")
            .iter()
            .map(|entry| entry.expect("entry").oid().to_owned())
            .collect();
        let read_all = |reader: &Reader| -> Vec<Vec<u8>> {
            ids.iter()
                .map(|id| {
                    reader
                        .repo()
                        .find_object(*id)
                        .expect("object")
                        .detach()
                        .data
                })
                .collect()
        };
        let mut reader = Reader::new(&repo);
        let before = read_all(&reader);
        assert_eq!(before.len(), 20);
        assert!(!reader.read(REOPEN_EVERY - 1));
        assert!(reader.read(1));
        assert_eq!(read_all(&reader), before);
        assert!(!reader.read(REOPEN_EVERY - 1));
    }
}
