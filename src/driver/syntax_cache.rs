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
//! parsed something new. A run reads the file's index and then only the entries it asks for
//! (the file stays open: a racing run's rename does not change what it reads), so the cache
//! of a large tree costs an index entry per parsed file in memory, not the file. An entry no run used for 16 such writes is dropped: runs for named
//! files of other languages or roots use other entries and keep theirs, and the entries of a
//! file's older versions go. Like the stamp cache it is never an input that can fail a run:
//! a missing, corrupt or foreign file is an empty cache, and each entry carries a checksum that
//! is verified before it is decoded. The checksum catches damage, not forgery: the cache
//! lives in the user's private cache directory (0700, files 0600), where whoever can write
//! could as well replace the binary; the facts the front ends write are depth-bounded, so
//! decoding them never recurses deeper than their lowering did.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::hash::{Hash, Hasher};
use std::io::{BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use crate::driver::lock;
use crate::driver::positioned::{Spill, read_exact_at};
use crate::driver::stamp_cache::{CacheOptions, MAX_AGE, hash128};
use crate::facts::SyntaxFacts;

/// The first line of a cache file; the number is the format's version.
const MAGIC: &[u8] = b"presign-lint syntax cache 4\n";
/// Larger cache files are not read, and a run writes no more than this.
const MAX_CACHE_BYTES: u64 = 64 * 1024 * 1024;
/// The bytes of one entry of a file's index: key, checksum, length and age.
const INDEX_ENTRY_BYTES: u64 = 8 + 8 + 8 + 4 + 1;

/// What one file's text and path identify.
type Key = (u64, u64);

/// The entries a run made are kept in memory up to this many bytes, and in a temporary file
/// beyond: a scan of a large tree parses thousands of files.
const MEMORY_BUDGET: usize = 2 * 1024 * 1024;

#[derive(Default)]
struct Made {
    entries: HashMap<Key, Blob>,
    /// The bytes of the entries kept in memory.
    in_memory: usize,
}

/// An entry a run made: its encoded facts, or where they are in the run's temporary file.
#[derive(Clone)]
enum Blob {
    Memory(Arc<[u8]>),
    Spilled(Stored),
}

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
    /// The entries this run made: what the next run gets besides the file's, and what a later
    /// pass of this run reuses when it analyses a file again.
    made: Mutex<Made>,
    /// The entries made past the memory budget ([`MEMORY_BUDGET`]).
    spill: Spill,
    budget: usize,
}

/// The cache file a run read: its index in memory, its entries read when asked for. The file
/// stays open, so a racing run's rename does not change what this run reads.
struct Disk {
    file: PathBuf,
    key: u64,
    held: Option<Held>,
    /// The held entries this run asked for: they stay young.
    used: Mutex<HashSet<Key>>,
}

struct Held {
    handle: File,
    index: HashMap<Key, Stored>,
}

/// Where an entry sits in the file, its checksum, and the number of writes since a run last
/// used it.
#[derive(Clone, Copy, Debug)]
struct Stored {
    offset: u64,
    len: u32,
    sum: u64,
    age: u8,
}

impl Held {
    /// The entry's bytes, if they can be read and are as written.
    fn bytes(&self, stored: &Stored) -> Option<Vec<u8>> {
        let mut bytes = vec![0; usize::try_from(stored.len).ok()?];
        read_exact_at(&self.handle, &mut bytes, stored.offset).ok()?;
        // A damaged entry is no entry: never decoded.
        (checksum(&bytes) == stored.sum).then_some(bytes)
    }
}

impl SyntaxCache {
    /// A cache of this run's facts only: a file a later project pass analyses again (what it
    /// looked up changed) is not parsed again.
    pub fn for_this_run() -> SyntaxCache {
        SyntaxCache {
            disk: OnceLock::new(),
            made: Mutex::default(),
            spill: Spill::default(),
            budget: crate::driver::positioned::budget(MEMORY_BUDGET),
        }
    }

    /// The cache of the named files' projects at `roots` (sorted), kept between runs.
    pub fn load(options: &CacheOptions, roots: &[PathBuf]) -> SyntaxCache {
        let cache = SyntaxCache::for_this_run();
        cache.attach(options, Reader::NamedFiles, roots);
        cache
    }

    /// Reads the index of the cache file of `reader` at `roots` (sorted), and writes the file
    /// on [`SyntaxCache::save`]; once per run, the later calls are ignored.
    pub fn attach(&self, options: &CacheOptions, reader: Reader, roots: &[PathBuf]) {
        let kind = match reader {
            Reader::NamedFiles => "syntax",
            Reader::Directories => "scan-syntax",
        };
        let file = options.file_of(kind, &roots);
        let held = File::open(&file)
            .ok()
            .and_then(|handle| read_index(handle, options.key));
        let _ = self.disk.set(Disk {
            file,
            key: options.key,
            held,
            used: Mutex::new(HashSet::new()),
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
        let made = lock(&self.made).entries.get(&key).cloned();
        let mut facts: SyntaxFacts = match made {
            Some(Blob::Memory(bytes)) => postcard::from_bytes(&bytes).ok()?,
            Some(Blob::Spilled(stored)) => {
                let mut bytes = vec![0; usize::try_from(stored.len).ok()?];
                self.spill.read(&mut bytes, stored.offset).ok()?;
                postcard::from_bytes(&bytes).ok()?
            }
            None => {
                let disk = self.disk.get()?;
                let held = disk.held.as_ref()?;
                let bytes = held.bytes(held.index.get(&key)?)?;
                lock(&disk.used).insert(key);
                postcard::from_bytes(&bytes).ok()?
            }
        };
        facts.index();
        Some(facts)
    }

    /// Keeps the facts just made of the file at `path`.
    pub fn put(&self, path: &Path, text: &str, facts: &SyntaxFacts) {
        let key = key_of(path, text);
        if lock(&self.made).entries.contains_key(&key) {
            return;
        }
        let Ok(bytes) = postcard::to_stdvec(facts) else {
            return;
        };
        let Ok(len) = u32::try_from(bytes.len()) else {
            return;
        };
        let mut made = lock(&self.made);
        let spilled = (made.in_memory + bytes.len() > self.budget)
            .then(|| self.spill.append(&bytes))
            .flatten();
        let blob = match spilled {
            Some(offset) => Blob::Spilled(Stored {
                offset,
                len,
                sum: checksum(&bytes),
                age: 0,
            }),
            None => {
                made.in_memory += bytes.len();
                Blob::Memory(bytes.into())
            }
        };
        made.entries.insert(key, blob);
    }

    /// Writes the entries this run made, with those it used and those of the cache that have
    /// not grown too old unused, unless it made none (the file would hold what it holds) or
    /// the cache has no file. Failures are ignored.
    pub fn save(self, options: &CacheOptions) {
        let Some(disk) = self.disk.into_inner() else {
            return;
        };
        let made = self
            .made
            .into_inner()
            .unwrap_or_else(|p| p.into_inner())
            .entries;
        let index = disk.held.as_ref().map(|h| &h.index);
        if made
            .keys()
            .all(|k| index.is_some_and(|i| i.contains_key(k)))
        {
            return;
        }
        let used = disk.used.into_inner().unwrap_or_else(|p| p.into_inner());
        let mut entries: Vec<(Key, Entry<'_>, u8)> = made
            .iter()
            .map(|(k, blob)| {
                let entry = match blob {
                    Blob::Memory(bytes) => Entry::Memory(bytes),
                    Blob::Spilled(stored) => Entry::Spilled(*stored),
                };
                (*k, entry, 0)
            })
            .collect();
        for (k, stored) in index.into_iter().flatten() {
            if made.contains_key(k) {
                continue;
            }
            if used.contains(k) {
                entries.push((*k, Entry::Held(*stored), 0));
            } else if stored.age < MAX_AGE {
                entries.push((*k, Entry::Held(*stored), stored.age + 1));
            }
        }
        if crate::driver::stamp_cache::create_private_dir(&options.dir).is_ok() {
            crate::driver::stamp_cache::replace_private_with(&disk.file, |out| {
                write(out, disk.key, entries, disk.held.as_ref(), &self.spill)
            });
        }
    }
}

/// An entry to write: made by this run (in memory, or in its temporary file), or copied
/// from the file read.
enum Entry<'a> {
    Memory(&'a [u8]),
    Spilled(Stored),
    Held(Stored),
}

impl Entry<'_> {
    fn len(&self) -> u32 {
        match self {
            Entry::Memory(bytes) => u32::try_from(bytes.len()).unwrap_or(u32::MAX),
            Entry::Spilled(stored) | Entry::Held(stored) => stored.len,
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

/// Writes a cache file: the index, then the entries in its order. Entries are sorted by
/// age, then key, so the same entries make the same file and, past the size bound, the
/// entries used most recently are the ones kept.
fn write(
    out: &mut dyn Write,
    key: u64,
    mut entries: Vec<(Key, Entry<'_>, u8)>,
    held: Option<&Held>,
    spill: &Spill,
) -> std::io::Result<()> {
    entries.sort_by_key(|(k, _, age)| (*age, *k));
    let mut size = MAGIC.len() as u64 + 12;
    let mut kept = 0;
    for (_, entry, _) in &entries {
        let grown = size + INDEX_ENTRY_BYTES + u64::from(entry.len());
        if entry.len() == u32::MAX || grown > MAX_CACHE_BYTES {
            break;
        }
        size = grown;
        kept += 1;
    }
    entries.truncate(kept);
    out.write_all(MAGIC)?;
    out.write_all(&key.to_le_bytes())?;
    out.write_all(&u32::try_from(kept).unwrap_or(0).to_le_bytes())?;
    for ((a, b), entry, age) in &entries {
        let sum = match entry {
            Entry::Memory(bytes) => checksum(bytes),
            Entry::Spilled(stored) | Entry::Held(stored) => stored.sum,
        };
        out.write_all(&a.to_le_bytes())?;
        out.write_all(&b.to_le_bytes())?;
        out.write_all(&sum.to_le_bytes())?;
        out.write_all(&entry.len().to_le_bytes())?;
        out.write_all(&[*age])?;
    }
    for (_, entry, _) in &entries {
        match entry {
            Entry::Memory(bytes) => out.write_all(bytes)?,
            Entry::Spilled(stored) => {
                let mut bytes = vec![0; usize::try_from(stored.len).unwrap_or(0)];
                spill.read(&mut bytes, stored.offset)?;
                out.write_all(&bytes)?;
            }
            Entry::Held(stored) => {
                // Copied as read: a damaged entry keeps its checksum, and fails it next time.
                let handle = held
                    .map(|h| &h.handle)
                    .ok_or(std::io::ErrorKind::NotFound)?;
                let mut bytes = vec![0; usize::try_from(stored.len).unwrap_or(0)];
                read_exact_at(handle, &mut bytes, stored.offset)?;
                out.write_all(&bytes)?;
            }
        }
    }
    Ok(())
}

/// The index of a cache file written under `key`; `None` if it is anything else (another
/// build, too large, cut short).
fn read_index(handle: File, key: u64) -> Option<Held> {
    let file_len = handle.metadata().ok()?.len();
    if file_len > MAX_CACHE_BYTES {
        return None;
    }
    let mut reader = BufReader::new(&handle);
    let mut magic = vec![0; MAGIC.len()];
    reader.read_exact(&mut magic).ok()?;
    let u64_of = |r: &mut BufReader<&File>| -> Option<u64> {
        let mut b = [0; 8];
        r.read_exact(&mut b).ok()?;
        Some(u64::from_le_bytes(b))
    };
    if magic != MAGIC || u64_of(&mut reader)? != key {
        return None;
    }
    let mut count = [0; 4];
    reader.read_exact(&mut count).ok()?;
    let count = u64::from(u32::from_le_bytes(count));
    let mut offset =
        (MAGIC.len() as u64 + 12).checked_add(count.checked_mul(INDEX_ENTRY_BYTES)?)?;
    // A corrupt count cannot reserve much: the index must fit in the file.
    if offset > file_len {
        return None;
    }
    let mut index = HashMap::with_capacity(usize::try_from(count).ok()?);
    for _ in 0..count {
        let k = (u64_of(&mut reader)?, u64_of(&mut reader)?);
        let sum = u64_of(&mut reader)?;
        let mut rest = [0; 5];
        reader.read_exact(&mut rest).ok()?;
        let len = u32::from_le_bytes(rest[..4].try_into().ok()?);
        index.insert(
            k,
            Stored {
                offset,
                len,
                sum,
                age: rest[4],
            },
        );
        offset = offset.checked_add(u64::from(len))?;
    }
    drop(reader);
    (offset == file_len).then_some(Held { handle, index })
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
    fn facts_past_the_memory_budget_come_back_from_the_temporary_file_and_are_saved() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (options, _) = cache(dir.path());
        let texts: Vec<(PathBuf, String)> = (0..6)
            .map(|i| {
                let text = format!("import boto3\nTTL_{i} = {i}\ndef link_{i}(k):\n    return k\n");
                (PathBuf::from(format!("/p/m{i}.py")), text)
            })
            .collect();
        let bytes = |f: &SyntaxFacts| postcard::to_stdvec(f).expect("encodes");
        // A budget of two entries or so: the others go to the file.
        let one = bytes(&facts(&texts[0].1)).len();
        let mut first = SyntaxCache::load(&options, &[PathBuf::from("/p")]);
        first.budget = 2 * one + one / 2;
        for (path, text) in &texts {
            first.put(path, text, &facts(text));
        }
        assert!(!first.spill.is_empty(), "some went to the file");
        for (path, text) in &texts {
            let got = first.get(path, text).expect("made in this run");
            assert_eq!(bytes(&got), bytes(&facts(text)));
        }
        first.save(&options);
        let (_, second) = cache(dir.path());
        for (path, text) in &texts {
            let got = second.get(path, text).expect("saved");
            assert_eq!(bytes(&got), bytes(&facts(text)));
        }
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
        let dir = tempfile::tempdir().expect("tempdir");
        let text = "TTL = 3600\n";
        let encoded = postcard::to_stdvec(&facts(text)).expect("encodes");
        let entries = vec![(
            key_of(Path::new("/p/a.py"), text),
            Entry::Memory(&encoded),
            0,
        )];
        let mut bytes = Vec::new();
        write(&mut bytes, 7, entries, None, &Spill::default()).expect("written");
        let file = dir.path().join("cache.bin");
        let read = |bytes: &[u8], key: u64| {
            std::fs::write(&file, bytes).expect("written");
            read_index(File::open(&file).expect("opens"), key)
        };
        let held = read(&bytes, 7).expect("read back");
        let stored = held.index.values().next().expect("one entry");
        assert_eq!(held.bytes(stored).as_deref(), Some(&encoded[..]));
        assert!(read(&bytes, 8).is_none(), "another build or settings");
        for cut in 0..bytes.len() {
            assert!(read(&bytes[..cut], 7).is_none(), "cut at {cut}");
        }
        for i in MAGIC.len()..bytes.len() {
            let mut flipped = bytes.clone();
            flipped[i] ^= 0x55;
            if let Some(held) = read(&flipped, 7) {
                for stored in held.index.values() {
                    if let Some(entry) = held.bytes(stored) {
                        let _ = postcard::from_bytes::<SyntaxFacts>(&entry);
                    }
                }
            }
        }
    }
}
