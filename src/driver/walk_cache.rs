//! What the walk of a named file's project listed, kept between runs so that a warm
//! pre-commit run does not list every directory again.
//!
//! Listing a project is most of what a warm pre-commit run does: on a 13k-file tree, 5,000
//! directories read and every entry matched against the ignore files, where the context
//! cache ([`crate::driver::stamp_cache`]) has already spared reading the files. A
//! directory's stamp changes whenever an entry is created, removed or renamed in it, so when
//! every directory the last walk entered, and every file whose rules it obeyed, still has
//! the stamp it had, a walk now would list the same files: they are taken from this cache
//! and only stat'ed. Anything else walks the project again: a directory or rule file
//! changed, created or gone; one changed too close to the last run's start for its stamp
//! to be trusted; a walk that stopped at its bound or met an error.
//!
//! The rule files are the `.gitignore` and `.ignore` of each directory walked and of each
//! directory above the root, each repository's `.git/info/exclude` (through a worktree's
//! `.git` file as `ignore` resolves it), git's global and system configuration and the
//! global excludes file they name. The build, the settings, the working directory and the
//! environment variables that locate git's configuration are part of the key.

use std::hash::{Hash, Hasher};
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::SystemTime;

use crate::driver::lock;
use crate::driver::paths::is_under;
use crate::driver::stamp_cache::{
    CacheOptions, Reader, Stamp, create_private_dir, nanos, put_path, read_bounded, replace_private,
};

/// The first line of a listing file; the number is the format's version.
const MAGIC: &[u8] = b"presign-lint walk cache 1\n";

/// The ignore files `ignore` reads in every directory it walks and above the root.
const IGNORE_FILES: [&str; 2] = [".gitignore", ".ignore"];

/// What is at a path a walk's rules depend on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Watch {
    Absent,
    /// A directory, whatever its stamp (`.git` changes with every git command).
    Directory,
    File(Stamp),
}

impl Watch {
    fn of(path: &Path) -> Watch {
        match std::fs::symlink_metadata(path) {
            Err(_) => Watch::Absent,
            Ok(m) if m.is_dir() => Watch::Directory,
            Ok(m) => Watch::File(Stamp::of(&m)),
        }
    }

    fn racy(&self, started_ns: u64) -> bool {
        matches!(self, Watch::File(s) if s.racy(started_ns))
    }
}

/// What a complete walk of one project root listed, and what that depended on.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Listing {
    /// The source files it listed, sorted.
    pub files: Vec<PathBuf>,
    /// Every directory it entered, sorted, with its stamp.
    directories: Vec<(PathBuf, Stamp)>,
    /// The paths whose content decides what is ignored, sorted.
    rules: Vec<(PathBuf, Watch)>,
}

impl Listing {
    /// The listing the last run saved for `root`, if any (it may be stale: see
    /// [`Listing::is_current`]).
    pub fn load(options: &CacheOptions, root: &Path) -> Option<Listing> {
        decode(&read_bounded(&file(options, root))?, key(options, root))
    }

    /// Whether a walk now would list the same files: every directory and rule file is as it
    /// was. The directories are stat'ed on `threads` threads.
    pub fn is_current(&self, threads: usize) -> bool {
        let unchanged = AtomicBool::new(true);
        for_each_parallel(&self.directories, threads, |(path, stamp)| {
            if unchanged.load(Ordering::Relaxed)
                && !std::fs::symlink_metadata(path)
                    .is_ok_and(|m| m.is_dir() && Stamp::of(&m) == *stamp)
            {
                unchanged.store(false, Ordering::Relaxed);
            }
        });
        unchanged.into_inner()
            && self
                .rules
                .iter()
                .all(|(path, watch)| Watch::of(path) == *watch)
    }

    /// Writes this listing for `root` unless the cache holds it already. Failures are
    /// ignored: the next run walks again.
    pub fn save(&self, options: &CacheOptions, root: &Path, held: Option<&Listing>) {
        if held == Some(self) || create_private_dir(&options.dir).is_err() {
            return;
        }
        if let Some(bytes) = encode(key(options, root), self) {
            replace_private(&file(options, root), &bytes);
        }
    }
}

/// What a walk records of itself as it goes, to be saved as one [`Listing`] per root.
#[derive(Default)]
pub struct Recorder {
    files: Mutex<Vec<PathBuf>>,
    directories: Mutex<Vec<(PathBuf, Stamp)>>,
    /// The `.git` entries the walk skipped, in the directories that hold them.
    git: Mutex<Vec<PathBuf>>,
    incomplete: AtomicBool,
}

impl Recorder {
    /// A directory the walk entered, with its metadata (`None`: it could not be read).
    pub fn directory(&self, path: &Path, metadata: Option<std::fs::Metadata>) {
        match metadata {
            Some(m) => lock(&self.directories).push((path.to_path_buf(), Stamp::of(&m))),
            None => self.failed(),
        }
    }

    /// A source file the walk listed.
    pub fn file(&self, path: &Path) {
        lock(&self.files).push(path.to_path_buf());
    }

    /// A `.git` entry the walk does not enter.
    pub fn git(&self, path: &Path) {
        lock(&self.git).push(path.to_path_buf());
    }

    /// The walk missed something (an error, its bound): it is not saved.
    pub fn failed(&self) {
        self.incomplete.store(true, Ordering::Relaxed);
    }

    /// The listing of each root, unless the walk was incomplete or something it depended on
    /// changed too close to `started` for its stamp to be trusted next time.
    pub fn finish(self, roots: &[PathBuf], started: SystemTime) -> Vec<(PathBuf, Listing)> {
        if self.incomplete.into_inner() {
            return Vec::new();
        }
        let started_ns = nanos(started);
        let mut files = self.files.into_inner().unwrap_or_else(|p| p.into_inner());
        let mut directories = self
            .directories
            .into_inner()
            .unwrap_or_else(|p| p.into_inner());
        if directories.iter().any(|(_, s)| s.racy(started_ns)) {
            return Vec::new();
        }
        files.sort_unstable();
        directories.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let git = self.git.into_inner().unwrap_or_else(|p| p.into_inner());
        let mut listings = Vec::new();
        for root in roots {
            let watch = |path: PathBuf| {
                let watch = Watch::of(&path);
                (path, watch)
            };
            // The ignore files of the directories walked, where they exist: one created would
            // change its directory's stamp.
            let walked = directories
                .iter()
                .filter(|(d, _)| is_under(d, root))
                .flat_map(|(d, _)| IGNORE_FILES.iter().map(move |n| d.join(n)))
                .map(watch)
                .filter(|(_, w)| *w != Watch::Absent);
            // The rest, present or not: no directory of theirs is watched.
            let elsewhere = global_rule_files()
                .into_iter()
                .chain(ancestor_rule_files(root))
                .chain(
                    git.iter()
                        .filter(|g| is_under(g, root))
                        .flat_map(|g| git_rule_files(g)),
                )
                .map(watch);
            let mut rules: Vec<(PathBuf, Watch)> = walked.chain(elsewhere).collect();
            if rules.iter().any(|(_, w)| w.racy(started_ns)) {
                continue;
            }
            rules.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            rules.dedup_by(|a, b| a.0 == b.0);
            listings.push((
                root.clone(),
                Listing {
                    files: files
                        .iter()
                        .filter(|f| is_under(f, root))
                        .cloned()
                        .collect(),
                    directories: directories
                        .iter()
                        .filter(|(d, _)| is_under(d, root))
                        .cloned()
                        .collect(),
                    rules,
                },
            ));
        }
        listings
    }
}

/// Runs `f` on every item, spread over `threads` threads (on this one when that is 1).
pub fn for_each_parallel<T: Sync>(items: &[T], threads: usize, f: impl Fn(&T) + Sync) {
    const CHUNK: usize = 32;
    if threads <= 1 || items.len() <= CHUNK {
        return items.iter().for_each(f);
    }
    let next = AtomicUsize::new(0);
    let work = || {
        loop {
            let start = next.fetch_add(CHUNK, Ordering::Relaxed);
            let Some(chunk) = items.get(start..items.len().min(start + CHUNK)) else {
                break;
            };
            if chunk.is_empty() {
                break;
            }
            chunk.iter().for_each(&f);
        }
    };
    std::thread::scope(|s| {
        for _ in 1..threads {
            s.spawn(work);
        }
        work();
    });
}

/// Git's global and system configuration files, and the global excludes file they name, as
/// `ignore` finds them.
fn global_rule_files() -> Vec<PathBuf> {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    let home = var("HOME").map(PathBuf::from);
    let xdg = var("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| home.as_ref().map(|h| h.join(".config")));
    let mut files: Vec<PathBuf> = [
        var("GIT_CONFIG_GLOBAL").map(PathBuf::from),
        home.map(|h| h.join(".gitconfig")),
        xdg.map(|x| x.join("git/config")),
        Some(
            var("GIT_CONFIG_SYSTEM").map_or_else(|| PathBuf::from("/etc/gitconfig"), PathBuf::from),
        ),
        ignore::gitignore::gitconfig_excludes_path(),
    ]
    .into_iter()
    .flatten()
    .collect();
    files.sort_unstable();
    files.dedup();
    files
}

/// The rule files of every directory above `root`, which `ignore` reads for the parents.
fn ancestor_rule_files(root: &Path) -> Vec<PathBuf> {
    let Ok(canonical) = root.canonicalize() else {
        return Vec::new();
    };
    let mut files = Vec::new();
    for ancestor in canonical.ancestors().skip(1) {
        files.extend(IGNORE_FILES.iter().map(|n| ancestor.join(n)));
        let git = ancestor.join(".git");
        files.extend(git_rule_files(&git));
        files.push(git);
    }
    files
}

/// The files a `.git` entry's excludes come from, as `ignore` resolves them: a directory's
/// `info/exclude`; for a worktree's `.git` file, the file itself, the `commondir` of the
/// git directory it names, and that directory's `info/exclude`.
fn git_rule_files(git: &Path) -> Vec<PathBuf> {
    let Ok(metadata) = std::fs::symlink_metadata(git) else {
        return vec![git.to_path_buf()];
    };
    if !metadata.is_file() {
        return vec![git.to_path_buf(), git.join("info/exclude")];
    }
    let first_line = |path: &Path| {
        let file = std::fs::File::open(path).ok()?;
        std::io::BufReader::new(file).lines().next()?.ok()
    };
    let mut files = vec![git.to_path_buf()];
    // As `ignore` does: the `gitdir:` path as written, relative to the working directory.
    let Some(real) = first_line(git).and_then(|l| l.strip_prefix("gitdir: ").map(PathBuf::from))
    else {
        return files;
    };
    let commondir = real.join("commondir");
    if let Some(line) = first_line(&commondir) {
        let common = if line.starts_with('.') {
            real.join(line)
        } else {
            PathBuf::from(line)
        };
        files.push(common.join("info/exclude"));
    }
    files.push(commondir);
    files
}

fn file(options: &CacheOptions, root: &Path) -> PathBuf {
    options.file_of("walk", &root)
}

/// The run's key, the root, the working directory (a worktree's `gitdir:` may be relative
/// to it) and the variables that locate git's configuration.
fn key(options: &CacheOptions, root: &Path) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    options.key.hash(&mut hasher);
    root.hash(&mut hasher);
    std::env::current_dir().ok().hash(&mut hasher);
    for name in [
        "HOME",
        "XDG_CONFIG_HOME",
        "GIT_CONFIG_GLOBAL",
        "GIT_CONFIG_SYSTEM",
    ] {
        std::env::var_os(name).hash(&mut hasher);
    }
    hasher.finish()
}

/// The bytes of a listing file; `None` when a path or a count cannot be written.
fn encode(key: u64, listing: &Listing) -> Option<Vec<u8>> {
    let mut out = MAGIC.to_vec();
    out.extend(key.to_le_bytes());
    let count = |out: &mut Vec<u8>, n: usize| {
        out.extend(u32::try_from(n).ok()?.to_le_bytes());
        Some(())
    };
    count(&mut out, listing.directories.len())?;
    for (path, stamp) in &listing.directories {
        put_path(&mut out, path).then_some(())?;
        stamp.encode(&mut out);
    }
    count(&mut out, listing.rules.len())?;
    for (path, watch) in &listing.rules {
        put_path(&mut out, path).then_some(())?;
        match watch {
            Watch::Absent => out.push(0),
            Watch::Directory => out.push(1),
            Watch::File(stamp) => {
                out.push(2);
                stamp.encode(&mut out);
            }
        }
    }
    count(&mut out, listing.files.len())?;
    for path in &listing.files {
        put_path(&mut out, path).then_some(())?;
    }
    Some(out)
}

/// The listing of a file written under `key`; `None` if it is anything else.
fn decode(bytes: &[u8], key: u64) -> Option<Listing> {
    let mut r = Reader(bytes.strip_prefix(MAGIC)?);
    if r.u64()? != key {
        return None;
    }
    let n = count(&mut r)?;
    let directories = (0..n)
        .map(|_| Some((r.path()?, r.stamp()?)))
        .collect::<Option<Vec<_>>>()?;
    let n = count(&mut r)?;
    let rules = (0..n)
        .map(|_| {
            let path = r.path()?;
            let watch = match r.take(1)?[0] {
                0 => Watch::Absent,
                1 => Watch::Directory,
                2 => Watch::File(r.stamp()?),
                _ => return None,
            };
            Some((path, watch))
        })
        .collect::<Option<Vec<_>>>()?;
    let n = count(&mut r)?;
    let files = (0..n).map(|_| r.path()).collect::<Option<Vec<_>>>()?;
    r.0.is_empty().then_some(Listing {
        files,
        directories,
        rules,
    })
}

/// A count of items, bounded by what is left (every item takes at least 4 bytes), so that a
/// corrupt one cannot reserve much.
fn count(r: &mut Reader) -> Option<usize> {
    let n = usize::try_from(r.u32()?).ok()?;
    (n <= r.0.len() / 4).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing() -> Listing {
        let stamp = |n| {
            let mut bytes = Vec::new();
            for v in [n, 1u64, 2, 3] {
                bytes.extend(v.to_le_bytes());
            }
            Reader(&bytes).stamp().expect("stamp")
        };
        Listing {
            files: vec![PathBuf::from("/p/a.py"), PathBuf::from("/p/sub/b.py")],
            directories: vec![
                (PathBuf::from("/p"), stamp(1)),
                (PathBuf::from("/p/sub"), stamp(2)),
            ],
            rules: vec![
                (PathBuf::from("/.gitignore"), Watch::Absent),
                (PathBuf::from("/p/.git"), Watch::Directory),
                (PathBuf::from("/p/.gitignore"), Watch::File(stamp(3))),
            ],
        }
    }

    #[test]
    fn a_listing_survives_a_round_trip_under_its_key_only() {
        let bytes = encode(7, &listing()).expect("encodes");
        assert_eq!(decode(&bytes, 7), Some(listing()));
        assert_eq!(decode(&bytes, 8), None, "another build, settings or root");
    }

    #[test]
    fn a_corrupt_listing_is_no_listing_and_never_panics() {
        let bytes = encode(7, &listing()).expect("encodes");
        for cut in 0..bytes.len() {
            assert_eq!(decode(&bytes[..cut], 7), None, "truncated at {cut}");
        }
        for i in MAGIC.len()..bytes.len() {
            let mut flipped = bytes.clone();
            flipped[i] ^= 0xff;
            let _ = decode(&flipped, 7);
        }
    }

    /// A walk is saved only when complete and settled, and its listing is current only
    /// while its directories and rule files are as they were.
    #[test]
    fn a_listing_is_kept_only_for_a_complete_settled_walk() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().join("p");
        std::fs::create_dir_all(root.join("sub")).expect("dirs");
        std::fs::write(root.join("sub/b.py"), "x = 1\n").expect("write");
        let record = |recorder: &Recorder| {
            for d in [&root, &root.join("sub")] {
                recorder.directory(d, std::fs::symlink_metadata(d).ok());
            }
            recorder.file(&root.join("sub/b.py"));
        };
        let later = SystemTime::now() + std::time::Duration::from_secs(60);

        let settling = Recorder::default();
        record(&settling);
        assert!(
            settling
                .finish(std::slice::from_ref(&root), SystemTime::now())
                .is_empty(),
            "a directory changed just now is not trusted"
        );
        let failed = Recorder::default();
        record(&failed);
        failed.failed();
        assert!(
            failed.finish(std::slice::from_ref(&root), later).is_empty(),
            "incomplete"
        );

        let complete = Recorder::default();
        record(&complete);
        let listings = complete.finish(std::slice::from_ref(&root), later);
        let [(listed_root, listing)] = listings.as_slice() else {
            panic!("one listing: {listings:?}");
        };
        assert_eq!(listed_root, &root);
        assert_eq!(listing.files, [root.join("sub/b.py")]);
        assert!(listing.is_current(2));
        std::fs::write(root.join("sub/c.py"), "y = 2\n").expect("write");
        assert!(!listing.is_current(2), "a new entry changes its directory");
    }

    #[test]
    fn work_is_spread_over_threads_and_done_once() {
        let items: Vec<usize> = (0..1000).collect();
        for threads in [1, 2, 3] {
            let sum = AtomicUsize::new(0);
            for_each_parallel(&items, threads, |i| {
                sum.fetch_add(*i, Ordering::Relaxed);
            });
            assert_eq!(sum.into_inner(), 499_500, "{threads} threads");
        }
    }
}
