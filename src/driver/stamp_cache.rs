//! What the first pass learnt of each file, kept between runs so that a run does not read
//! again what it has seen unchanged: the files of a named file's project in a pre-commit run,
//! and the files of the directories a scan walks.
//!
//! A file named on the command line sees its project (`scan::Context::scan_context`): every
//! source file of the project that shares a named file's project root and language is read,
//! and the few with trigger words are parsed for their wrappers and constants. Most files
//! give the project nothing but their identifiers, which a later pass asks before reading
//! them again. This cache keeps, per file and keyed by its stamp (size, modification and
//! change times, inode), which of the two it was and, for the second kind, its identifier
//! filter. A file whose stamp is unchanged is then not read at all unless it was parsed:
//! parsed files are read and parsed again, since their summaries depend on the rest of the
//! project. So a run with a cache analyses exactly the files a run without one would, with
//! the same index and the same passes: only reads are saved.
//!
//! A scan of directories keeps the same kind of entries for the files it reports on
//! (`scan-*.bin`), with one more condition: a file is answered from the cache only when its
//! analysis had nothing to report, to give the project or to tell the scan (whether it
//! presigns), and its text holds no other scanner's waiver with an end date (which stops
//! waiving when the date passes, the file unchanged). Everything else is read and analysed
//! again in every run; a quiet file's findings are none, whatever the rest of the tree
//! holds, since the first pass analyses each file on its own and the key holds every flag
//! and setting that decides them.
//!
//! The cache is an optimisation and never an input that can fail a run: a missing,
//! unreadable, corrupt or foreign file (another presign-lint build, other settings) is an
//! empty cache. A file modified less than [`RACY_NS`] before the run started is not recorded
//! (its next change could keep the same stamp on a coarse clock). The file is replaced by a
//! rename, so two runs racing each leave a whole cache, the last one's.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::driver::paths::is_under;
use crate::driver::positioned::Spill;
use crate::semantic::identifiers::Identifiers;

/// The first line of a cache file; the number is the format's version.
const MAGIC: &[u8] = b"presign-lint context cache 9\n";
/// Entries whose file changed this close to the run's start are not recorded.
const RACY_NS: u64 = 2_000_000_000;
/// A cache file larger than this is not read: about 200k files of ordinary source.
const MAX_CACHE_BYTES: u64 = 64 * 1024 * 1024;

/// How many writes an entry no run used survives, in this cache and the syntax cache: a
/// named file's run reads only the files of its project root and language, and leaves the
/// others' entries for the runs that need them; the entries of removed files (and of a file's
/// older versions) go.
pub(crate) const MAX_AGE: u8 = 16;

/// The cache directory is trimmed to this size ([`CacheOptions::trim`]).
const MAX_DIR_BYTES: u64 = 256 * 1024 * 1024;
/// … and to this many files.
const MAX_DIR_FILES: usize = 512;
/// A temporary file older than this was left by a run that died before its rename.
const STALE_TEMPORARY: std::time::Duration = std::time::Duration::from_secs(3600);

/// What identifies one version of a file without reading it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified_ns: u64,
    changed_ns: u64,
    inode: u64,
}

impl Stamp {
    pub fn of(metadata: &std::fs::Metadata) -> Stamp {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let ns = |s: i64, n: i64| {
                u64::try_from(s)
                    .unwrap_or(0)
                    .saturating_mul(1_000_000_000)
                    .saturating_add(u64::try_from(n).unwrap_or(0))
            };
            Stamp {
                len: metadata.len(),
                modified_ns: ns(metadata.mtime(), metadata.mtime_nsec()),
                changed_ns: ns(metadata.ctime(), metadata.ctime_nsec()),
                inode: metadata.ino(),
            }
        }
        #[cfg(not(unix))]
        {
            Stamp {
                len: metadata.len(),
                modified_ns: metadata.modified().map_or(0, nanos),
                changed_ns: 0,
                inode: 0,
            }
        }
    }

    pub(crate) fn encode(&self, out: &mut Vec<u8>) {
        for n in [self.len, self.modified_ns, self.changed_ns, self.inode] {
            out.extend(n.to_le_bytes());
        }
    }

    /// What a cache keeps of the stamp: 64 bits that change when any of its fields does (a
    /// strong mix of each; two stamps agree by chance once in 2^64).
    pub(crate) fn digest(&self) -> u64 {
        let mut h: u64 = 0x243f_6a88_85a3_08d3;
        for n in [self.len, self.modified_ns, self.changed_ns, self.inode] {
            h = splitmix(h ^ n);
        }
        h
    }

    /// Changed too recently to be trusted next time.
    pub(crate) fn racy(&self, started_ns: u64) -> bool {
        self.modified_ns
            .max(self.changed_ns)
            .saturating_add(RACY_NS)
            >= started_ns
    }
}

/// SplitMix64's finaliser: every input bit reaches every output bit.
fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

pub(crate) fn nanos(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

/// What the first pass made of a file.
#[derive(Clone, Debug)]
pub enum Class {
    /// Analysed again in every run: parsed (its summaries depend on the rest of the project),
    /// or, in a scan, with something to report or to tell the scan.
    Live,
    /// A source file not parsed: a candidate of the later passes, with its identifier filter
    /// (`None` for a file too large to have one).
    Plain(Option<Identifiers>),
    /// Analysed, with nothing to give (a file in no language the project analysis reads).
    Inert,
    /// A binary file: not analysed.
    Binary,
    /// A report presign-lint wrote: not analysed.
    Report,
}

#[derive(Clone, Debug)]
pub struct Entry {
    pub stamp: Stamp,
    pub class: Class,
}

/// Where and under which key the caches of one run live.
#[derive(Clone, Debug)]
pub struct CacheOptions {
    pub dir: PathBuf,
    /// Everything that decides what the first pass makes of a file besides its content: the
    /// build and the settings. A cache written under another key is ignored.
    pub key: u64,
    /// The settings alone: the caches of runs with other flags or config live in files of
    /// their own (a CI step and a hook with other flags would otherwise replace each other's
    /// on every run), and another build with the same settings replaces them.
    pub settings: u64,
}

impl CacheOptions {
    /// `$PRESIGN_LINT_CACHE_DIR`, else `$XDG_CACHE_HOME/presign-lint`, else
    /// `~/.cache/presign-lint`; `None` when none is set.
    pub fn default_dir() -> Option<PathBuf> {
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        var("PRESIGN_LINT_CACHE_DIR")
            .map(PathBuf::from)
            .or_else(|| var("XDG_CACHE_HOME").map(|d| PathBuf::from(d).join("presign-lint")))
            .or_else(|| var("HOME").map(|h| PathBuf::from(h).join(".cache/presign-lint")))
    }

    /// The caches in `dir` of this build with settings described by `parts`.
    pub fn new(dir: PathBuf, parts: &[&[u8]]) -> CacheOptions {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        parts.hash(&mut hasher);
        CacheOptions {
            dir,
            key: CacheOptions::key(parts),
            settings: hasher.finish(),
        }
    }

    /// The key of this build with settings described by `parts`.
    fn key(parts: &[&[u8]]) -> u64 {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        env!("CARGO_PKG_VERSION").hash(&mut hasher);
        // Another build of the same version may classify files differently.
        if let Some(m) = std::env::current_exe()
            .ok()
            .and_then(|e| std::fs::metadata(e).ok())
        {
            Stamp::of(&m).len.hash(&mut hasher);
            m.modified().map(nanos).unwrap_or(0).hash(&mut hasher);
        }
        parts.hash(&mut hasher);
        hasher.finish()
    }

    /// The file of the cache of `kind` (`context`, `syntax`, `walk`) for `of` (a project root,
    /// or a run's set of roots).
    pub(crate) fn file_of(&self, kind: &str, of: &impl Hash) -> PathBuf {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        of.hash(&mut hasher);
        self.settings.hash(&mut hasher);
        self.dir
            .join(format!("{kind}-{:016x}.bin", hasher.finish()))
    }

    fn file(&self, root: &Path) -> PathBuf {
        self.file_of("context", &root)
    }

    /// Keeps the cache directory within 256 MB and 512 files: each set of
    /// paths scanned and of settings has files of its own, which nothing else removes. The
    /// least recently written go first; so do temporary files a run left behind.
    pub fn trim(&self) {
        trim_dir(&self.dir, MAX_DIR_BYTES, MAX_DIR_FILES, SystemTime::now());
    }

    /// The cache of a scan of the directories `scanned` (absolute, sorted).
    fn scan_file(&self, scanned: &[PathBuf]) -> PathBuf {
        self.file_of("scan", &scanned)
    }
}

/// One cache file and the directories whose files it holds.
struct Part {
    file: PathBuf,
    roots: Vec<PathBuf>,
}

impl Part {
    fn holds(&self, path: &Path) -> bool {
        self.roots.iter().any(|root| is_under(path, root))
    }
}

/// A path as the cache knows it: 128 bits of hash of its bytes. A scan of a large tree
/// holds an entry per file; their paths would be most of the cache's memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PathKey(u64, u64);

impl PathKey {
    pub fn of(path: &Path) -> PathKey {
        // An `OsStr` hashes its bytes (a `Path` component by component).
        let (a, b) = hash128(path.as_os_str());
        PathKey(a, b)
    }
}

/// 128 bits of hash of `value`: two SipHash runs with different seeds. What the caches key
/// their entries by (a path; a path and a text).
pub(crate) fn hash128(value: &(impl Hash + ?Sized)) -> (u64, u64) {
    let half = |seed: u8| {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        seed.hash(&mut hasher);
        value.hash(&mut hasher);
        hasher.finish()
    };
    (half(0), half(1))
}

/// An entry the last run left, in the cache file of `part`: 40 bytes, its file's stamp a
/// digest ([`Stamp::digest`]) and its filter a range of [`StampCache::words`]. A scan of a
/// large tree holds one per file.
struct Held {
    key: PathKey,
    stamp: u64,
    /// Where its identifier filter is in [`StampCache::words`] (length 0: none).
    words: (u32, u32),
    part: u32,
    tag: Tag,
    /// Writes since a run last used it.
    age: u8,
    /// This run found the file unchanged: the entry stays, young.
    used: AtomicBool,
}

/// A [`Class`] without its filter, as a cache file writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum Tag {
    Live = 0,
    Plain = 1,
    PlainFiltered = 2,
    Inert = 3,
    Binary = 4,
    Report = 5,
}

impl Tag {
    fn of(class: &Class) -> Tag {
        match class {
            Class::Live => Tag::Live,
            Class::Plain(None) => Tag::Plain,
            Class::Plain(Some(_)) => Tag::PlainFiltered,
            Class::Inert => Tag::Inert,
            Class::Binary => Tag::Binary,
            Class::Report => Tag::Report,
        }
    }

    /// The class of an entry with this tag, whose filter is at `start..start + len` of
    /// `words` (checked when read: within `words`, and of a filter's size).
    fn class(self, words: &Arc<Vec<u64>>, (start, len): (u32, u32)) -> Class {
        match self {
            Tag::Live => Class::Live,
            Tag::Plain => Class::Plain(None),
            Tag::PlainFiltered => Class::Plain(Identifiers::in_shared(words, start, len)),
            Tag::Inert => Class::Inert,
            Tag::Binary => Class::Binary,
            Tag::Report => Class::Report,
        }
    }

    fn from_byte(b: u8) -> Option<Tag> {
        [
            Tag::Live,
            Tag::Plain,
            Tag::PlainFiltered,
            Tag::Inert,
            Tag::Binary,
            Tag::Report,
        ]
        .into_iter()
        .find(|t| *t as u8 == b)
    }
}

/// An entry this run made, for the cache file of `part`.
pub struct Made {
    key: PathKey,
    part: usize,
    stamp: Stamp,
    tag: Tag,
    words: MadeWords,
}

/// The filter of an entry a run made: in memory up to [`MADE_WORDS_BUDGET`], then in a
/// temporary file until the cache is written (a first run over a large tree makes an entry
/// per file).
enum MadeWords {
    None,
    Memory(Identifiers),
    Spilled { offset: u64, len: u32 },
}

/// How many bytes of made entries' filters a run keeps in memory.
const MADE_WORDS_BUDGET: usize = 2 * 1024 * 1024;

/// Where an entry sits in a [`StampCache`].
#[derive(Clone, Copy, Debug)]
pub struct Slot(usize);

/// The entries of the caches of some project roots (or of a scan's directories), by path.
#[derive(Default)]
pub struct StampCache {
    /// Sorted by key: found by interpolation, the keys being uniform hashes (no index, which
    /// took as much memory again).
    held: Vec<Held>,
    /// The filters of made entries past [`MADE_WORDS_BUDGET`], and how many bytes of them are
    /// in memory.
    made_words: Spill,
    made_in_memory: AtomicUsize,
    /// The identifier filters of every entry held, end to end: one allocation, which the
    /// filters the cache answers with share.
    words: Arc<Vec<u64>>,
    parts: Vec<Part>,
}

impl StampCache {
    /// The caches of the named files' projects at `roots`: one file per root.
    pub fn load(options: &CacheOptions, roots: &[PathBuf]) -> StampCache {
        let parts = roots
            .iter()
            .map(|root| Part {
                file: options.file(root),
                roots: vec![root.clone()],
            })
            .collect();
        StampCache::load_parts(options, parts)
    }

    /// The cache of a scan of the directories `scanned` (absolute, sorted): one file for all.
    pub fn load_scan(options: &CacheOptions, scanned: &[PathBuf]) -> StampCache {
        let part = Part {
            file: options.scan_file(scanned),
            roots: scanned.to_vec(),
        };
        StampCache::load_parts(options, vec![part])
    }

    fn load_parts(options: &CacheOptions, parts: Vec<Part>) -> StampCache {
        let mut held = Vec::new();
        let mut words = Vec::new();
        for (part, Part { file, .. }) in parts.iter().enumerate() {
            let Ok(part) = u32::try_from(part) else {
                break;
            };
            // Streamed: the file is never in memory besides what is decoded of it.
            let Some((file, len)) = std::fs::File::open(file)
                .ok()
                .and_then(|f| Some((f.metadata().ok()?.len(), f)))
                .filter(|(len, _)| *len <= MAX_CACHE_BYTES)
                .map(|(len, f)| (f, len))
            else {
                continue;
            };
            let before = (held.len(), words.len());
            let mut input = std::io::BufReader::with_capacity(64 * 1024, file);
            let Some(count) = decode_head(&mut input, options.key) else {
                continue;
            };
            // Each entry takes its table's bytes: a corrupt count cannot reserve much.
            let count = usize::try_from(count).unwrap_or(0);
            let reserved = count.min(usize::try_from(len / TABLE_ENTRY_BYTES).unwrap_or(0));
            held.reserve_exact(reserved);
            let read = decode_entries(
                input,
                count,
                &mut |key, stamp, tag, age, filter| {
                    held.push(Held {
                        key,
                        stamp,
                        words: filter,
                        part,
                        tag,
                        age,
                        used: AtomicBool::new(false),
                    });
                },
                &mut words,
            );
            if read.is_none() {
                // A corrupt or foreign file is no cache: what was read of it goes.
                held.truncate(before.0);
                words.truncate(before.1);
            }
        }
        // A file is written sorted; the files of several roots are not, together.
        if !held.is_sorted_by_key(|h| h.key) {
            held.sort_by_key(|h| h.key);
        }
        held.dedup_by_key(|h| h.key);
        StampCache {
            held,
            words: Arc::new(words),
            parts,
            ..StampCache::default()
        }
    }

    /// How many files it holds.
    pub fn len(&self) -> usize {
        self.held.len()
    }

    pub fn is_empty(&self) -> bool {
        self.held.is_empty()
    }

    /// What the first pass made of `path`, if it is unchanged since.
    pub fn get(&self, path: &Path, stamp: &Stamp) -> Option<(Slot, Class)> {
        self.get_key(PathKey::of(path), stamp)
    }

    fn get_key(&self, key: PathKey, stamp: &Stamp) -> Option<(Slot, Class)> {
        let at = self.find(key)?;
        let held = &self.held[at];
        (held.stamp == stamp.digest()).then(|| (Slot(at), self.class_of(held)))
    }

    /// Where the entry of `key` is. Keys are uniform: interpolating on their first half
    /// lands within a few entries of the key, where a binary search would take 17 steps in a
    /// tree of 100,000 files; after a few steps, it halves the range instead, so a run of
    /// unlucky keys costs no more than a binary search.
    fn find(&self, key: PathKey) -> Option<usize> {
        let held = &self.held;
        let (mut lo, mut hi) = (0, held.len());
        let mut steps = 0;
        while lo < hi {
            let (first, last) = (held[lo].key.0, held[hi - 1].key.0);
            if key.0 < first || key.0 > last {
                return None;
            }
            steps += 1;
            let at = if steps > 4 || first == last {
                lo + (hi - lo) / 2
            } else {
                let span = u128::from(last - first);
                let offset = u128::from(key.0 - first) * (hi - 1 - lo) as u128 / span;
                lo + usize::try_from(offset).unwrap_or(0).min(hi - 1 - lo)
            };
            match held[at].key.cmp(&key) {
                std::cmp::Ordering::Equal => return Some(at),
                std::cmp::Ordering::Less => lo = at + 1,
                std::cmp::Ordering::Greater => hi = at,
            }
        }
        None
    }

    fn class_of(&self, held: &Held) -> Class {
        held.tag.class(&self.words, held.words)
    }

    /// The filter bits of a held entry, to be written again.
    fn words_of(&self, held: &Held) -> &[u64] {
        let (start, len) = (held.words.0 as usize, held.words.1 as usize);
        self.words.get(start..start + len).unwrap_or_default()
    }

    /// The entry at `slot` is still current: it stays in the cache.
    pub fn keep(&self, slot: Slot) {
        if let Some(held) = self.held.get(slot.0) {
            held.used.store(true, Ordering::Relaxed);
        }
    }

    /// The entry to record for `path`, or `None` when the cache holds it already (the same
    /// stamp: the same class) or has no file for it.
    pub fn made(&self, path: &Path, entry: Entry) -> Option<Made> {
        let key = PathKey::of(path);
        if let Some((slot, _)) = self.get_key(key, &entry.stamp) {
            self.keep(slot);
            return None;
        }
        let part = self.parts.iter().position(|p| p.holds(path))?;
        let tag = Tag::of(&entry.class);
        let words = match entry.class {
            Class::Plain(Some(identifiers)) => self.keep_words(identifiers),
            _ => MadeWords::None,
        };
        Some(Made {
            key,
            part,
            stamp: entry.stamp,
            tag,
            words,
        })
    }

    /// A made entry's filter, past the budget written to the temporary file.
    fn keep_words(&self, identifiers: Identifiers) -> MadeWords {
        let words = identifiers.words();
        let bytes = words.len() * 8;
        let budget = crate::driver::positioned::budget(MADE_WORDS_BUDGET);
        if self.made_in_memory.fetch_add(bytes, Ordering::Relaxed) + bytes > budget {
            let encoded: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
            if let (Some(offset), Ok(len)) =
                (self.made_words.append(&encoded), u32::try_from(words.len()))
            {
                return MadeWords::Spilled { offset, len };
            }
        }
        MadeWords::Memory(identifiers)
    }

    /// Replaces each cache file this run made entries for with the entries made and those
    /// held: the ones used stay young, the others age and go after [`MAX_AGE`] writes. A run
    /// that made nothing writes nothing. Failures are ignored: the next run reads the files
    /// again.
    pub fn save(&self, options: &CacheOptions, made: &[Made], started: SystemTime) {
        let started_ns = nanos(started);
        let mut created = false;
        for (part, Part { file, .. }) in self.parts.iter().enumerate() {
            let mut entries: Vec<Written<'_>> = made
                .iter()
                .filter(|m| m.part == part && !m.stamp.racy(started_ns))
                .map(Written::made)
                .collect();
            if entries.is_empty() {
                continue;
            }
            if !std::mem::replace(&mut created, true) && create_private_dir(&options.dir).is_err() {
                return;
            }
            for held in self.held.iter().filter(|h| h.part as usize == part) {
                let age = if held.used.load(Ordering::Relaxed) {
                    0
                } else if held.age < MAX_AGE {
                    held.age + 1
                } else {
                    continue;
                };
                entries.push(Written {
                    key: held.key,
                    stamp: held.stamp,
                    tag: held.tag,
                    age,
                    words: Words::Slice(self.words_of(held)),
                });
            }
            // Sorted, so the same entries make the same file; a file made anew replaces what
            // was held of it (its entry comes first).
            entries.sort_by_key(|e| e.key);
            entries.dedup_by_key(|e| e.key);
            // Too large to be read back: the next run would read and write it for nothing.
            if encoded_len(&entries) > MAX_CACHE_BYTES {
                let _ = std::fs::remove_file(file);
                continue;
            }
            replace_private_with(file, |out| {
                encode(out, options.key, &entries, &self.made_words)
            });
        }
    }
}

/// An entry as a cache file writes it.
struct Written<'a> {
    key: PathKey,
    /// [`Stamp::digest`].
    stamp: u64,
    tag: Tag,
    age: u8,
    words: Words<'a>,
}

/// An entry's filter, where it is when the cache is written.
enum Words<'a> {
    Slice(&'a [u64]),
    /// In the temporary file of made entries' filters.
    Spilled {
        offset: u64,
        len: u32,
    },
}

impl Words<'_> {
    fn len(&self) -> usize {
        match self {
            Words::Slice(words) => words.len(),
            Words::Spilled { len, .. } => *len as usize,
        }
    }
}

impl Written<'_> {
    fn made(made: &Made) -> Written<'_> {
        let words = match &made.words {
            MadeWords::None => Words::Slice(&[]),
            MadeWords::Memory(identifiers) => Words::Slice(identifiers.words()),
            MadeWords::Spilled { offset, len } => Words::Spilled {
                offset: *offset,
                len: *len,
            },
        };
        Written {
            key: made.key,
            stamp: made.stamp.digest(),
            tag: made.tag,
            age: 0,
            words,
        }
    }
}

/// The bytes of one entry of a cache file's table: key, stamp digest, age, tag, filter
/// length.
const TABLE_ENTRY_BYTES: u64 = 16 + 8 + 1 + 1 + 4;

/// Removes the oldest cache files of `dir` until it holds at most `max_bytes` in `max_files`,
/// and temporary files older than [`STALE_TEMPORARY`]. Only names a cache writes are touched
/// (`*.bin`, `*.tmp`); failures are ignored.
fn trim_dir(dir: &Path, max_bytes: u64, max_files: usize, now: SystemTime) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<(SystemTime, u64, PathBuf)> = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(metadata) = entry.metadata() else {
            continue;
        };
        if !metadata.is_file() {
            continue;
        }
        let modified = metadata.modified().unwrap_or(UNIX_EPOCH);
        match path.extension().and_then(|e| e.to_str()) {
            Some("bin") => files.push((modified, metadata.len(), path)),
            Some("tmp")
                if now
                    .duration_since(modified)
                    .is_ok_and(|a| a > STALE_TEMPORARY) =>
            {
                let _ = std::fs::remove_file(&path);
            }
            _ => {}
        }
    }
    let mut total: u64 = files.iter().map(|(_, len, _)| len).sum();
    let mut count = files.len();
    if total <= max_bytes && count <= max_files {
        return;
    }
    files.sort();
    for (_, len, path) in files {
        if total <= max_bytes && count <= max_files {
            break;
        }
        if std::fs::remove_file(&path).is_ok() {
            total -= len;
            count -= 1;
        }
    }
}

/// Replaces `target` with `bytes` through a private temporary file and a rename, so that a
/// reader never sees a partial file and two runs racing each leave a whole one. Failures are
/// ignored (a cache is never needed).
pub fn replace_private(target: &Path, bytes: &[u8]) {
    replace_private_with(target, |out| std::io::Write::write_all(out, bytes));
}

/// [`replace_private`] with what `write` writes, buffered: a large cache is written as it is
/// encoded, never held whole in memory. An error from `write` leaves `target` as it was.
pub fn replace_private_with(
    target: &Path,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) {
    let temporary = target.with_extension(format!(
        "{}.{}.tmp",
        std::process::id(),
        nanos(SystemTime::now())
    ));
    if write_private(&temporary, write).is_err() || std::fs::rename(&temporary, target).is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
}

/// The cache names every source file of a project and hashes its identifiers: readable by
/// its owner only.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

fn write_private(
    path: &Path,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, options.open(path)?);
    write(&mut out)?;
    out.flush()
}

/// The size of the cache file of `entries`.
fn encoded_len(entries: &[Written<'_>]) -> u64 {
    let words: u64 = entries.iter().map(|e| e.words.len() as u64).sum();
    MAGIC.len() as u64 + 12 + entries.len() as u64 * TABLE_ENTRY_BYTES + words * 8
}

/// Writes a cache file: the table of entries, then their filters end to end, so that a
/// reader puts the filters in one allocation as it reads them.
fn encode(
    out: &mut dyn std::io::Write,
    key: u64,
    entries: &[Written<'_>],
    spilled: &Spill,
) -> std::io::Result<()> {
    out.write_all(MAGIC)?;
    out.write_all(&key.to_le_bytes())?;
    let count = u32::try_from(entries.len()).map_err(|_| std::io::ErrorKind::InvalidInput)?;
    out.write_all(&count.to_le_bytes())?;
    for entry in entries {
        out.write_all(&entry.key.0.to_le_bytes())?;
        out.write_all(&entry.key.1.to_le_bytes())?;
        out.write_all(&entry.stamp.to_le_bytes())?;
        out.write_all(&[entry.age, entry.tag as u8])?;
        let len = u32::try_from(entry.words.len()).map_err(|_| std::io::ErrorKind::InvalidInput)?;
        out.write_all(&len.to_le_bytes())?;
    }
    let mut buffer = Vec::new();
    for entry in entries {
        match entry.words {
            Words::Slice(words) => {
                for w in words {
                    out.write_all(&w.to_le_bytes())?;
                }
            }
            Words::Spilled { offset, len } => {
                // Written as the file writes words: little-endian, end to end.
                buffer.resize(len as usize * 8, 0);
                spilled.read(&mut buffer, offset)?;
                out.write_all(&buffer)?;
            }
        }
    }
    Ok(())
}

/// A cache file's bytes, unless it is missing, unreadable or too large to be one.
pub(crate) fn read_bounded(file: &Path) -> Option<Vec<u8>> {
    if std::fs::metadata(file).ok()?.len() > MAX_CACHE_BYTES {
        return None;
    }
    std::fs::read(file).ok()
}

/// Reads the head of a cache file written under `key`: how many entries it holds. `None` if
/// it is anything else.
fn decode_head(input: &mut impl std::io::Read, key: u64) -> Option<u32> {
    let mut head = vec![0; MAGIC.len() + 12];
    input.read_exact(&mut head).ok()?;
    let mut r = Reader(head.strip_prefix(MAGIC)?);
    if r.u64()? != key {
        return None;
    }
    r.u32()
}

/// Reads the `count` entries after a cache file's head, giving each to `entry` (its key,
/// stamp, class, age, and where its filter is in `words`, to which the filters are
/// appended); `None` if the rest is not what this build writes, possibly after some entries
/// were given (the caller drops them).
fn decode_entries(
    mut input: impl std::io::Read,
    count: usize,
    entry: &mut dyn FnMut(PathKey, u64, Tag, u8, (u32, u32)),
    words: &mut Vec<u64>,
) -> Option<()> {
    let base = u32::try_from(words.len()).ok()?;
    let mut next = base;
    let mut table = vec![0; TABLE_ENTRY_BYTES as usize];
    for _ in 0..count {
        input.read_exact(&mut table).ok()?;
        let mut r = Reader(&table);
        let path = PathKey(r.u64()?, r.u64()?);
        let stamp = r.u64()?;
        let age = r.take(1)?[0];
        let tag = Tag::from_byte(r.take(1)?[0])?;
        let len = r.u32()?;
        // Only a filtered entry has words, of a size a filter has.
        if (tag == Tag::PlainFiltered) != (len > 0)
            || len > 0 && !Identifiers::is_filter_size(len as usize)
        {
            return None;
        }
        let filter = (next, len);
        next = next.checked_add(len)?;
        entry(path, stamp, tag, age, filter);
    }
    // The filters, read into place: nothing is held twice.
    let total = usize::try_from(next - base).ok()?;
    words.reserve(total.min(MAX_CACHE_BYTES as usize / 8));
    let mut chunk = vec![0u8; 64 * 1024];
    let mut left = total;
    while left > 0 {
        let n = left.min(chunk.len() / 8);
        input.read_exact(&mut chunk[..n * 8]).ok()?;
        words.extend(
            chunk[..n * 8]
                .chunks_exact(8)
                .map(|b| u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])),
        );
        left -= n;
    }
    // Anything after the filters: not a file this build wrote.
    (input.read(&mut [0u8; 1]).ok()? == 0).then_some(())
}

/// Reads a cache file's fields; every read fails, rather than panics, past the end.
pub(crate) struct Reader<'a>(pub(crate) &'a [u8]);

impl<'a> Reader<'a> {
    pub(crate) fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.0.len() {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }

    pub(crate) fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    pub(crate) fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    pub(crate) fn stamp(&mut self) -> Option<Stamp> {
        Some(Stamp {
            len: self.u64()?,
            modified_ns: self.u64()?,
            changed_ns: self.u64()?,
            inode: self.u64()?,
        })
    }

    /// A path written by [`put_path`].
    pub(crate) fn path(&mut self) -> Option<PathBuf> {
        let len = usize::try_from(self.u32()?).ok()?;
        path_from_bytes(self.take(len)?)
    }
}

/// Writes `path` for [`Reader::path`]; `false` (nothing written) for a path that cannot be.
pub(crate) fn put_path(out: &mut Vec<u8>, path: &Path) -> bool {
    let Some(bytes) = path_bytes(path) else {
        return false;
    };
    let Ok(len) = u32::try_from(bytes.len()) else {
        return false;
    };
    out.extend(len.to_le_bytes());
    out.extend(bytes);
    true
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> Option<&[u8]> {
    use std::os::unix::ffi::OsStrExt;
    Some(path.as_os_str().as_bytes())
}

#[cfg(unix)]
fn path_from_bytes(bytes: &[u8]) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    Some(PathBuf::from(std::ffi::OsStr::from_bytes(bytes)))
}

#[cfg(not(unix))]
fn path_bytes(path: &Path) -> Option<&[u8]> {
    path.to_str().map(str::as_bytes)
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: &[u8]) -> Option<PathBuf> {
    std::str::from_utf8(bytes).ok().map(PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn held_of(keys: &[PathKey]) -> StampCache {
        let mut held: Vec<Held> = keys
            .iter()
            .map(|&key| Held {
                key,
                stamp: 0,
                words: (0, 0),
                part: 0,
                tag: Tag::Inert,
                age: 0,
                used: AtomicBool::new(false),
            })
            .collect();
        held.sort_by_key(|h| h.key);
        StampCache {
            held,
            ..StampCache::default()
        }
    }

    #[test]
    fn every_key_held_is_found_and_no_other() {
        let path = |i: usize| PathKey::of(Path::new(&format!("/p/src/file{i}.py")));
        let keys: Vec<PathKey> = (0..5000).map(path).collect();
        let cache = held_of(&keys);
        for key in &keys {
            let at = cache.find(*key).expect("held");
            assert_eq!(cache.held[at].key, *key);
        }
        assert!((5000..6000).all(|i| cache.find(path(i)).is_none()));
        // Keys far from uniform (clustered, then one outlier): still found, in bounded steps.
        let skewed: Vec<PathKey> = (0..2000u64)
            .map(|i| PathKey(i * i, i))
            .chain([PathKey(u64::MAX, 0)])
            .collect();
        let cache = held_of(&skewed);
        for key in &skewed {
            assert_eq!(cache.find(*key).map(|at| cache.held[at].key), Some(*key));
        }
        assert!(cache.find(PathKey(3, 0)).is_none());
        assert!(held_of(&[]).find(path(1)).is_none());
    }

    fn entries() -> Vec<(PathBuf, Entry)> {
        let stamp = |n| Stamp {
            len: n,
            modified_ns: 1,
            changed_ns: 2,
            inode: 3,
        };
        let entry = |path: &str, len, class| {
            let stamp = stamp(len);
            (PathBuf::from(path), Entry { stamp, class })
        };
        vec![
            entry("/p/a.py", 10, Class::Live),
            entry(
                "/p/b.py",
                20,
                Class::Plain(Some(Identifiers::of(b"signed_link = 1"))),
            ),
            entry("/p/c.py", 30, Class::Plain(None)),
            entry("/p/d.bin", 40, Class::Binary),
            entry("/p/report.sarif", 50, Class::Report),
            entry("/p/README.md", 60, Class::Inert),
        ]
    }

    fn encoded(entries: &[(PathBuf, Entry)]) -> Vec<u8> {
        let written: Vec<Written<'_>> = entries
            .iter()
            .map(|(p, e)| Written {
                key: PathKey::of(p),
                stamp: e.stamp.digest(),
                tag: Tag::of(&e.class),
                age: 0,
                words: Words::Slice(match &e.class {
                    Class::Plain(Some(identifiers)) => identifiers.words(),
                    _ => &[],
                }),
            })
            .collect();
        let mut out = Vec::new();
        encode(&mut out, 7, &written, &Spill::default()).expect("encodes");
        out
    }

    /// The entries of a cache file: key, stamp digest, class, age.
    fn decoded(bytes: &[u8], key: u64) -> Option<Vec<(PathKey, u64, Class, u8)>> {
        let mut read = Vec::new();
        let mut words = Vec::new();
        let mut input = bytes;
        let count = decode_head(&mut input, key)?;
        decode_entries(
            input,
            usize::try_from(count).ok()?,
            &mut |path, stamp, tag, age, filter| read.push((path, stamp, tag, age, filter)),
            &mut words,
        )?;
        let words = Arc::new(words);
        let entries = read
            .into_iter()
            .map(|(path, stamp, tag, age, filter)| (path, stamp, tag.class(&words, filter), age));
        Some(entries.collect())
    }

    #[test]
    fn entries_survive_a_round_trip_under_their_key_only() {
        let entries = entries();
        let bytes = encoded(&entries);
        let read: HashMap<PathKey, (u64, Class)> = decoded(&bytes, 7)
            .expect("decodes")
            .into_iter()
            .map(|(k, stamp, class, _)| (k, (stamp, class)))
            .collect();
        assert_eq!(read.len(), 6);
        let read: HashMap<PathBuf, &(u64, Class)> = entries
            .iter()
            .map(|(p, _)| (p.clone(), &read[&PathKey::of(p)]))
            .collect();
        for (path, entry) in &entries {
            assert_eq!(read[path].0, entry.stamp.digest(), "{}", path.display());
        }
        let class = |p: &str| &read[Path::new(p)].1;
        assert!(matches!(class("/p/b.py"), Class::Plain(Some(f)) if f.may_hold("signed_link")));
        assert!(matches!(class("/p/a.py"), Class::Live));
        assert!(matches!(class("/p/c.py"), Class::Plain(None)));
        assert!(matches!(class("/p/d.bin"), Class::Binary));
        assert!(matches!(class("/p/report.sarif"), Class::Report));
        assert!(matches!(class("/p/README.md"), Class::Inert));
        assert!(decoded(&bytes, 8).is_none(), "another build or settings");
    }

    /// A scan's cache of `/p` in a fresh directory.
    fn scan_options() -> (tempfile::TempDir, CacheOptions, [PathBuf; 1]) {
        let dir = tempfile::tempdir().expect("tempdir");
        let options = CacheOptions {
            dir: dir.path().join("cache"),
            key: 7,
            settings: 0,
        };
        (dir, options, [PathBuf::from("/p")])
    }

    #[test]
    fn filters_made_past_the_budget_are_written_from_the_temporary_file() {
        let (_dir, options, scanned) = scan_options();
        let cache = StampCache::load_scan(&options, &scanned);
        // Past the budget already: every filter goes to the file.
        cache
            .made_in_memory
            .store(MADE_WORDS_BUDGET, Ordering::Relaxed);
        let entries = entries();
        let made: Vec<Made> = entries
            .iter()
            .filter_map(|(path, entry)| cache.made(path, entry.clone()))
            .collect();
        assert_eq!(made.len(), entries.len());
        assert!(!cache.made_words.is_empty(), "a filter went to the file");
        // Stamps from long ago: not racy.
        cache.save(&options, &made, SystemTime::now());
        let read = StampCache::load_scan(&options, &scanned);
        for (path, entry) in &entries {
            let (_, class) = read.get(path, &entry.stamp).expect("saved");
            assert_eq!(Tag::of(&class), Tag::of(&entry.class), "{}", path.display());
        }
        let (_, b) = read
            .get(Path::new("/p/b.py"), &entries[1].1.stamp)
            .expect("saved");
        assert!(
            matches!(b, Class::Plain(Some(f)) if f.may_hold("signed_link") && !f.may_hold("unrelated_name"))
        );
    }

    #[test]
    fn a_stamp_digest_changes_with_every_field() {
        let stamp = Stamp {
            len: 10,
            modified_ns: 20,
            changed_ns: 30,
            inode: 40,
        };
        let changed = [
            Stamp { len: 11, ..stamp },
            Stamp {
                modified_ns: 21,
                ..stamp
            },
            Stamp {
                changed_ns: 31,
                ..stamp
            },
            Stamp { inode: 41, ..stamp },
            // Values moved between fields.
            Stamp {
                len: 20,
                modified_ns: 10,
                ..stamp
            },
        ];
        for other in changed {
            assert_ne!(stamp.digest(), other.digest(), "{other:?}");
        }
        assert_eq!(stamp.digest(), Stamp { ..stamp }.digest());
    }

    #[test]
    fn a_corrupt_cache_is_no_cache_and_never_panics() {
        let entries = entries();
        let bytes = encoded(&entries);
        for cut in 0..bytes.len() {
            assert!(decoded(&bytes[..cut], 7).is_none(), "truncated at {cut}");
        }
        for i in MAGIC.len()..bytes.len() {
            let mut flipped = bytes.clone();
            flipped[i] ^= 0xff;
            let _ = decoded(&flipped, 7);
        }
    }

    #[test]
    fn only_an_unchanged_file_is_answered_and_only_a_change_is_written() {
        let (_dir, options, scanned) = scan_options();
        let entries = entries();
        let file = options.scan_file(&scanned);
        create_private_dir(&options.dir).expect("dir");
        replace_private(&file, &encoded(&entries));
        let written = || std::fs::read(&file).expect("cache file");
        let before = written();

        let cache = StampCache::load_scan(&options, &scanned);
        assert_eq!(cache.len(), entries.len());
        let (path, entry) = &entries[0];
        let touched = Stamp {
            modified_ns: 99,
            ..entry.stamp
        };
        assert!(cache.get(path, &touched).is_none());
        // Every file seen unchanged (answered, or made again the same): nothing to write.
        for (path, entry) in &entries[1..] {
            let (slot, _) = cache.get(path, &entry.stamp).expect("unchanged");
            cache.keep(slot);
        }
        assert!(cache.made(path, entry.clone()).is_none(), "made the same");
        assert!(
            cache
                .made(Path::new("/elsewhere/a.py"), entry.clone())
                .is_none()
        );
        cache.save(&options, &[], SystemTime::now());
        assert_eq!(written(), before, "unchanged");

        // One file changed, one gone: the changed file's new entry replaces its old one; the
        // gone file's stays until it has aged through MAX_AGE writes.
        let (gone, gone_entry) = &entries[entries.len() - 1];
        for write in 0..=MAX_AGE {
            let cache = StampCache::load_scan(&options, &scanned);
            let changed = Entry {
                stamp: Stamp {
                    modified_ns: 100 + u64::from(write),
                    ..entry.stamp
                },
                class: Class::Live,
            };
            let made: Vec<Made> = cache.made(path, changed).into_iter().collect();
            assert_eq!(made.len(), 1);
            for (path, entry) in &entries[1..entries.len() - 1] {
                let (slot, _) = cache.get(path, &entry.stamp).expect("unchanged");
                cache.keep(slot);
            }
            cache.save(&options, &made, SystemTime::now());
            let after = StampCache::load_scan(&options, &scanned);
            let stamp = Stamp {
                modified_ns: 100 + u64::from(write),
                ..entry.stamp
            };
            assert!(after.get(path, &stamp).is_some());
            let kept = after.get(gone, &gone_entry.stamp).is_some();
            assert_eq!(kept, write < MAX_AGE, "write {write}");
            assert_eq!(after.len(), entries.len() - usize::from(!kept));
        }
    }

    #[test]
    fn the_cache_directory_keeps_its_newest_files_within_its_bounds() {
        let dir = tempfile::tempdir().expect("tempdir");
        let now = SystemTime::now();
        let file = |name: &str, len: usize, age_s: u64| {
            let path = dir.path().join(name);
            std::fs::write(&path, vec![0u8; len]).expect("write");
            let at = now - std::time::Duration::from_secs(age_s);
            std::fs::File::options()
                .write(true)
                .open(&path)
                .and_then(|f| f.set_modified(at))
                .expect("set mtime");
            path
        };
        let oldest = file("scan-1.bin", 100, 300);
        let older = file("syntax-2.bin", 100, 200);
        let newest = file("walk-3.bin", 100, 100);
        let stale = file("scan-4.bin.77.5.tmp", 10, 7200);
        let fresh = file("scan-5.bin.78.6.tmp", 10, 1);
        let other = file("notes.txt", 1000, 9000);
        let exists = |p: &PathBuf| p.exists();

        trim_dir(dir.path(), 300, 10, now);
        assert!(
            [&oldest, &older, &newest, &fresh, &other]
                .iter()
                .all(|p| exists(p))
        );
        assert!(!exists(&stale), "a dead run's temporary file");

        trim_dir(dir.path(), 250, 10, now);
        assert!(!exists(&oldest));
        assert!(exists(&older) && exists(&newest));

        trim_dir(dir.path(), 1000, 1, now);
        assert!(!exists(&older));
        assert!(exists(&newest) && exists(&fresh) && exists(&other));
    }

    #[test]
    fn a_file_changed_just_before_the_run_is_not_trusted() {
        let started = 10 * RACY_NS;
        let stamp = |t| Stamp {
            len: 1,
            modified_ns: t,
            changed_ns: t,
            inode: 1,
        };
        assert!(stamp(started - RACY_NS / 2).racy(started));
        assert!(!stamp(started - 2 * RACY_NS).racy(started));
    }
}
