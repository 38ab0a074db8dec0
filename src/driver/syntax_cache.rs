//! The syntax facts of the files a run parses, kept between runs: a pre-commit run, and a
//! scan of the same directories run again, then parse only the files that changed.
//!
//! A named file sees its project (see `scan::Context::scan_context`): the project's
//! presigning files and the callers of their functions are analysed on every run, since their
//! summaries depend on the rest of the project. What does not depend on the project is their
//! syntax: the facts a front end lowers from the file's text are a function of that text, its
//! path (a program under `scripts/` prints for its user) and the build. Parsing is most of the
//! cost of analysing a file, so this cache keeps those facts, keyed by a 128-bit hash of path
//! and text; the analysis itself runs as without a cache, with the same facts. Every file is
//! still read and its text hashed: a file edited, renamed or restored is a miss.
//!
//! One file per set of project roots (or of directories scanned, [`Reader`]) holds the
//! entries, replaced (by a rename, so racing runs each leave a whole file) only when the run
//! parsed something new. An entry no run used for 16 such writes is dropped: runs for named
//! files of other languages or roots use other entries and keep theirs, and the entries of a
//! file's older versions go. Like the stamp cache it is never an input that can fail a run:
//! a missing, corrupt or foreign file is an empty cache, and each entry carries a checksum that
//! is verified before it is decoded. The checksum catches damage, not forgery: the cache
//! lives in the user's private cache directory (0700, files 0600), where whoever can write
//! could as well replace the binary; the facts the front ends write are depth-bounded, so
//! decoding them never recurses deeper than their lowering did.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use crate::driver::lock;
use crate::driver::stamp_cache::{CacheOptions, MAX_AGE, hash128};
use crate::facts::SyntaxFacts;

/// The first line of a cache file; the number is the format's version.
const MAGIC: &[u8] = b"presign-lint syntax cache 3\n";
/// Larger cache files are not read, and a run writes no more than this.
const MAX_CACHE_BYTES: usize = 64 * 1024 * 1024;

/// What one file's text and path identify.
type Key = (u64, u64);

/// An entry's encoded facts, and the number of writes since a run last used it.
type Aged = (Arc<[u8]>, u8);

/// Who reads a cache file. A scan of directories and the named files of a hook in the same
/// tree keep separate files: a hook's commits would otherwise age the scan's entries out, and
/// a scan would fill the hook's file with entries it never reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    /// Files named on the command line, with their projects' files read for context (the
    /// roots are those projects').
    NamedFiles,
    /// A scan of directories, every parsed file of them (the roots are the paths scanned).
    Directories,
}

pub struct SyntaxCache {
    /// The cache file of a named file's projects, once the run knows them.
    disk: OnceLock<Disk>,
    /// The entries this run used or made: what the next run gets, and what a later pass of
    /// this run reuses when it analyses a file again.
    used: Mutex<HashMap<Key, Arc<[u8]>>>,
}

/// What a run read from the cache file.
struct Disk {
    file: PathBuf,
    key: u64,
    loaded: HashMap<Key, Aged>,
}

impl SyntaxCache {
    /// A cache of this run's facts only: a file a later project pass analyses again (what it
    /// looked up changed) is not parsed again.
    pub fn for_this_run() -> SyntaxCache {
        SyntaxCache {
            disk: OnceLock::new(),
            used: Mutex::new(HashMap::new()),
        }
    }

    /// The cache of the named files' projects at `roots` (sorted), kept between runs.
    pub fn load(options: &CacheOptions, roots: &[PathBuf]) -> SyntaxCache {
        let cache = SyntaxCache::for_this_run();
        cache.attach(options, Reader::NamedFiles, roots);
        cache
    }

    /// Reads the cache file of `reader` at `roots` (sorted), and writes it on
    /// [`SyntaxCache::save`]; once per run, the later calls are ignored.
    pub fn attach(&self, options: &CacheOptions, reader: Reader, roots: &[PathBuf]) {
        let kind = match reader {
            Reader::NamedFiles => "syntax",
            Reader::Directories => "scan-syntax",
        };
        let file = options.file_of(kind, &roots);
        let loaded = std::fs::read(&file)
            .ok()
            .filter(|b| b.len() <= MAX_CACHE_BYTES)
            .and_then(|b| decode(&b, options.key))
            .unwrap_or_default();
        let _ = self.disk.set(Disk {
            file,
            key: options.key,
            loaded,
        });
    }

    /// Whether it holds what earlier runs made (a named file's projects' cache).
    pub fn is_persistent(&self) -> bool {
        self.disk.get().is_some()
    }

    /// The facts of the file at `path` with this text, if this run or an earlier one made
    /// them.
    pub fn get(&self, path: &Path, text: &str) -> Option<SyntaxFacts> {
        let key = key_of(path, text);
        let made = lock(&self.used).get(&key).cloned();
        let bytes = match made {
            Some(bytes) => bytes,
            None => {
                let bytes = self.disk.get()?.loaded.get(&key)?.0.clone();
                lock(&self.used).insert(key, bytes.clone());
                bytes
            }
        };
        let mut facts: SyntaxFacts = postcard::from_bytes(&bytes).ok()?;
        facts.index();
        Some(facts)
    }

    /// Keeps the facts just made of the file at `path`.
    pub fn put(&self, path: &Path, text: &str, facts: &SyntaxFacts) {
        let key = key_of(path, text);
        if lock(&self.used).contains_key(&key) {
            return;
        }
        let Ok(bytes) = postcard::to_stdvec(facts) else {
            return;
        };
        lock(&self.used).insert(key, bytes.into());
    }

    /// Writes the entries this run made, with those it used and those of the cache that have
    /// not grown too old unused, unless it made none (the file would hold what it holds) or
    /// the cache has no file. Failures are ignored.
    pub fn save(self, options: &CacheOptions) {
        let Some(disk) = self.disk.into_inner() else {
            return;
        };
        let used = self.used.into_inner().unwrap_or_else(|p| p.into_inner());
        if used.keys().all(|k| disk.loaded.contains_key(k)) {
            return;
        }
        let mut entries: HashMap<Key, Aged> = disk
            .loaded
            .into_iter()
            .filter(|(k, _)| !used.contains_key(k))
            .filter_map(|(k, (bytes, age))| (age < MAX_AGE).then(|| (k, (bytes, age + 1))))
            .collect();
        entries.extend(used.into_iter().map(|(k, bytes)| (k, (bytes, 0))));
        let bytes = encode(disk.key, &entries);
        if crate::driver::stamp_cache::create_private_dir(&options.dir).is_ok() {
            crate::driver::stamp_cache::replace_private(&disk.file, &bytes);
        }
    }
}

fn key_of(path: &Path, text: &str) -> Key {
    hash128(&(path, text))
}

fn checksum(bytes: &[u8]) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

/// Entries sorted by age, then key, so the same entries make the same file and, past the
/// size bound, the entries used most recently are the ones kept.
fn encode(key: u64, entries: &HashMap<Key, Aged>) -> Vec<u8> {
    let mut sorted: Vec<(&Key, &Aged)> = entries.iter().collect();
    sorted.sort_by_key(|(k, (_, age))| (*age, **k));
    let mut out = MAGIC.to_vec();
    out.extend(key.to_le_bytes());
    let mut body = Vec::new();
    let mut count = 0u32;
    for ((a, b), (bytes, age)) in sorted {
        let Ok(len) = u32::try_from(bytes.len()) else {
            continue;
        };
        if out.len() + body.len() + bytes.len() + 29 > MAX_CACHE_BYTES {
            break;
        }
        body.extend(a.to_le_bytes());
        body.extend(b.to_le_bytes());
        body.extend(checksum(bytes).to_le_bytes());
        body.extend(len.to_le_bytes());
        body.push(*age);
        body.extend(bytes.iter());
        count += 1;
    }
    out.extend(count.to_le_bytes());
    out.extend(body);
    out
}

fn decode(bytes: &[u8], key: u64) -> Option<HashMap<Key, Aged>> {
    let mut rest = bytes.strip_prefix(MAGIC)?;
    let mut take = |n: usize| -> Option<&[u8]> {
        let (head, tail) = rest.split_at_checked(n)?;
        rest = tail;
        Some(head)
    };
    let u64_of = |b: &[u8]| b.try_into().ok().map(u64::from_le_bytes);
    if u64_of(take(8)?)? != key {
        return None;
    }
    let count = u32::from_le_bytes(take(4)?.try_into().ok()?);
    let mut entries = HashMap::new();
    for _ in 0..count {
        let k = (u64_of(take(8)?)?, u64_of(take(8)?)?);
        let sum = u64_of(take(8)?)?;
        let len = usize::try_from(u32::from_le_bytes(take(4)?.try_into().ok()?)).ok()?;
        let age = take(1)?[0];
        let entry = take(len)?;
        // A damaged entry is no entry: never decoded.
        if checksum(entry) == sum {
            entries.insert(k, (Arc::from(entry), age));
        }
    }
    Some(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(text: &str) -> SyntaxFacts {
        crate::frontend::extract(
            Path::new("/p/a.py"),
            text,
            crate::frontend::Needs {
                syntax: true,
                ..Default::default()
            },
        )
        .syntax
        .expect("parsed")
    }

    fn cache(dir: &Path) -> (CacheOptions, SyntaxCache) {
        let options = CacheOptions {
            dir: dir.to_path_buf(),
            key: 7,
            settings: 0,
        };
        let cache = SyntaxCache::load(&options, &[PathBuf::from("/p")]);
        (options, cache)
    }

    #[test]
    fn facts_survive_a_run_for_the_same_path_and_text_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        let text = "import boto3\nTTL = 3600\nurl = s3.generate_presigned_url('get_object', ExpiresIn=TTL)\n";
        let (options, first) = cache(dir.path());
        assert!(first.get(Path::new("/p/a.py"), text).is_none());
        first.put(Path::new("/p/a.py"), text, &facts(text));
        first.save(&options);

        let (_, second) = cache(dir.path());
        let got = second.get(Path::new("/p/a.py"), text).expect("cached");
        let made = facts(text);
        // Compared as stored (the name index, a hash map, is rebuilt and not compared).
        let bytes = |f: &SyntaxFacts| postcard::to_stdvec(f).expect("encodes");
        assert_eq!(bytes(&got), bytes(&made));
        assert_eq!(got.by_name.len(), made.by_name.len());
        assert!(got.lookup("TTL", text.len(), None).is_some(), "indexed");
        assert!(second.get(Path::new("/p/b.py"), text).is_none());
        assert!(second.get(Path::new("/p/a.py"), "TTL = 1\n").is_none());
    }

    #[test]
    fn a_runs_own_cache_gives_back_what_it_made_and_writes_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let options = CacheOptions {
            dir: dir.path().join("cache"),
            key: 7,
            settings: 0,
        };
        let text = "TTL = 3600\n";
        let cache = SyntaxCache::for_this_run();
        assert!(cache.get(Path::new("/p/a.py"), text).is_none());
        cache.put(Path::new("/p/a.py"), text, &facts(text));
        let got = cache
            .get(Path::new("/p/a.py"), text)
            .expect("made in this run");
        assert!(got.lookup("TTL", text.len(), None).is_some(), "indexed");
        assert!(cache.get(Path::new("/p/a.py"), "TTL = 1\n").is_none());
        cache.save(&options);
        assert!(!options.dir.exists(), "no file to write");
    }

    #[test]
    fn entries_another_run_used_survive_until_they_grow_old() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = "A_TTL = 1\n";
        let (options, first) = cache(dir.path());
        first.put(Path::new("/p/a.py"), a, &facts(a));
        first.save(&options);
        let mut version = 0;
        // A run for another file, which makes an entry (a new version of `b.py`).
        let mut other_run = |uses_a: bool| {
            let (_, run) = cache(dir.path());
            if uses_a {
                assert!(run.get(Path::new("/p/a.py"), a).is_some());
            }
            version += 1;
            let text = format!("B_TTL = {version}\n");
            run.put(Path::new("/p/b.py"), &text, &facts(&text));
            run.save(&options);
        };
        for _ in 0..MAX_AGE {
            other_run(false);
        }
        let (_, later) = cache(dir.path());
        assert!(later.get(Path::new("/p/a.py"), a).is_some(), "kept");
        // A run that makes nothing writes nothing.
        let file = options.file_of("syntax", &[PathBuf::from("/p")]);
        let before = std::fs::read(&file).expect("cache file");
        later.save(&options);
        assert_eq!(std::fs::read(&file).expect("cache file"), before);
        // Used by a run that writes, it is young again.
        other_run(true);
        for _ in 0..MAX_AGE {
            other_run(false);
        }
        let (_, later) = cache(dir.path());
        assert!(later.get(Path::new("/p/a.py"), a).is_some(), "used, kept");
        other_run(false);
        let (_, last) = cache(dir.path());
        assert!(last.get(Path::new("/p/a.py"), a).is_none(), "too old");
    }

    #[test]
    fn a_damaged_or_foreign_cache_is_no_cache_and_never_panics() {
        let text = "TTL = 3600\n";
        let mut used = HashMap::new();
        used.insert(
            key_of(Path::new("/p/a.py"), text),
            (
                Arc::from(postcard::to_stdvec(&facts(text)).expect("encodes")),
                0,
            ),
        );
        let bytes = encode(7, &used);
        assert!(decode(&bytes, 8).is_none(), "another build or settings");
        for cut in 0..bytes.len() {
            let _ = decode(&bytes[..cut], 7);
        }
        for i in MAGIC.len()..bytes.len() {
            let mut flipped = bytes.clone();
            flipped[i] ^= 0x55;
            if let Some(entries) = decode(&flipped, 7) {
                for (entry, _) in entries.values() {
                    let _ = postcard::from_bytes::<SyntaxFacts>(entry);
                }
            }
        }
    }
}
