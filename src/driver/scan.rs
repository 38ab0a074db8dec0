//! Discovery and the parallel scan: named files always, directories through `ignore`'s
//! parallel walker (`.gitignore`/`.ignore` respected, hidden files included, `.git/` never
//! entered), standard input as `-`. Output order never depends on thread timing: everything is
//! sorted at the end.

use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use ignore::{WalkBuilder, WalkState};

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use crate::driver::analyze::{Outcome, ProjectInput, ProjectOutput, analyze};
use crate::driver::candidates::{Candidate, CandidateLog};
use crate::driver::lock;
use crate::driver::paths::{absolute, display_path};
use crate::driver::settings::{Settings, matches};
use crate::driver::stamp_cache::{CacheOptions, Class, Entry, Made, Slot, Stamp, StampCache};
use crate::driver::syntax_cache::{Reader, SyntaxCache};
use crate::driver::walk_cache::{Listing, Recorder, for_each_parallel};
use crate::finding::{Finding, ScanError, Unchecked};
use crate::frontend::{Family, FileKind};
use crate::semantic::identifiers::Identifiers;
use crate::semantic::project::{FileId, Project, Scope};
use crate::semantic::search::{ScopedFinder, ScopedWords, Word, family_of};
use crate::text::prefilter::Prefilter;

/// Files larger than this are skipped (and counted): they are data, not source.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 128 * 1024 * 1024;

pub struct ScanOptions {
    pub paths: Vec<PathBuf>,
    pub stdin_filename: Option<String>,
    pub no_ignore: bool,
    pub threads: usize,
    pub max_file_size: u64,
    /// Scan the git index instead of the work tree.
    pub staged: bool,
    /// Show a progress line on stderr (the caller checked it is a terminal).
    pub progress: bool,
    /// Follow presigning across files ([`crate::semantic::project`]).
    pub project: bool,
    /// Where named files' projects and directory scans are cached between runs; `None`: no
    /// cache.
    pub cache: Option<CacheOptions>,
    /// Say on stderr how each named file's project was listed, and what a scan's cache
    /// answered for.
    pub verbose: bool,
}

#[derive(Default)]
pub struct ScanResult {
    pub findings: Vec<Finding>,
    pub errors: Vec<ScanError>,
    pub files_scanned: usize,
    pub skipped_binary: usize,
    pub skipped_reports: usize,
    pub skipped_large: usize,
    /// What could not be checked, and where, sorted.
    pub unchecked: Vec<Unchecked>,
}

/// Passes over the project after the first (see [`project_passes`]): a chain of wrappers one
/// file each needs one pass per file; what is still unsettled after this many is left as the
/// last pass found it.
pub const MAX_PASSES: u32 = 8;

/// Walk entries (files and directories) read for the context of named files; past this the
/// project is read in part.
pub const MAX_CONTEXT_ENTRIES: usize = 200_000;

#[derive(Default)]
struct Shared {
    /// Every file with something to report or to give the project, by [`FileId`].
    records: Mutex<BTreeMap<FileId, Record>>,
    /// What the first pass's parsed files give the project.
    exports: Mutex<Vec<(FileId, Box<ProjectOutput>)>>,
    next_id: AtomicUsize,
    /// Source files not parsed: they may call a presigning function or define a constant.
    candidates: CandidateLog,
    /// The files already analysed (absolute): those whose findings are reported, and under
    /// `--staged` the index copies of files changed in the work tree. The context walk skips
    /// them. Keyed by the path's bytes: a `Path` hashes component by component, and the
    /// context walk asks of every file of the project.
    analysed: Mutex<HashSet<OsString>>,
    /// The project roots of the files named on the command line (standard input with a
    /// name, staged files): walked for context (see [`Context::scan_context`]).
    context_roots: Mutex<BTreeSet<PathBuf>>,
    /// The project roots and languages of the source files named: a context file of another
    /// root or language family cannot reach a named file's lookups ([`Scope`]), and is not
    /// read, unless the named files need to know whether their projects presign.
    named_scopes: Mutex<HashMap<Family, BTreeSet<PathBuf>>>,
    /// A named file's finding waits on whether its project presigns: the context walk reads
    /// every source file of the projects, whatever its root or language.
    presign_context: AtomicBool,
    /// Context files skipped as outside the named files' scopes.
    context_skipped: AtomicUsize,
    errors: Mutex<Vec<ScanError>>,
    files_scanned: AtomicUsize,
    skipped_binary: AtomicUsize,
    skipped_reports: AtomicUsize,
    skipped_large: AtomicUsize,
    /// The marked project root of each directory asked about (`None`: no marker above it).
    /// Keyed by the path's bytes: asked of every source file of a named file's project.
    roots: Mutex<HashMap<OsString, Option<PathBuf>>>,
    /// What the files read (reported or context) presign with S3: some lints report only in
    /// a scan that presigns ([`crate::lints::keep_in_scan`]).
    presigns: Mutex<crate::lints::PresignUse>,
    /// Files named that are not source files (infrastructure code): their project is read for
    /// context only when one of their findings depends on whether the project presigns.
    named_other: Mutex<Vec<PathBuf>>,
    /// The files visited (absolute), kept only when the paths to scan overlap (`a a/sub`,
    /// `a.py a.py`), so that each file is read and reported once.
    visited: Mutex<Option<HashSet<PathBuf>>>,
    /// The syntax facts of the named files' projects, kept between runs (set by the context
    /// walk when there is a cache).
    syntax_cache: Option<SyntaxCache>,
}

/// Where a file's bytes come from when it is read again in a later pass.
#[derive(Clone)]
pub(crate) enum Origin {
    Disk(PathBuf),
    /// `--staged`: the content of the git index, with the path it is shown under.
    Memory(PathBuf, Arc<Vec<u8>>),
}

impl Origin {
    pub(crate) fn path(&self) -> &Path {
        match self {
            Origin::Disk(p) | Origin::Memory(p, _) => p,
        }
    }
}

/// Why a file is analysed.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Role {
    /// It was named or walked: its findings are reported.
    Reported,
    /// It belongs to the project of a named file and is read only for what it gives the
    /// project (its wrappers and constants); its findings and errors are not reported.
    Context,
}

/// The context cache (or a scan's) during one walk: what the last run left, and what this
/// one made.
struct CacheRun {
    loaded: StampCache,
    made: Mutex<Vec<Made>>,
    /// Files the cache answered for (unchanged since it was written), and files seen.
    hits: AtomicUsize,
    seen: AtomicUsize,
}

impl CacheRun {
    fn new(loaded: StampCache) -> CacheRun {
        CacheRun {
            loaded,
            made: Mutex::new(Vec::new()),
            hits: AtomicUsize::new(0),
            seen: AtomicUsize::new(0),
        }
    }

    /// The file at `absolute`, found `class` by the first pass.
    fn record(&self, absolute: &Path, stamp: Stamp, class: Class) {
        self.seen.fetch_add(1, Ordering::Relaxed);
        if let Some(made) = self.loaded.made(absolute, Entry { stamp, class }) {
            lock(&self.made).push(made);
        }
    }

    /// The cache answered for the file at `slot`.
    fn hit(&self, slot: Slot) {
        self.loaded.keep(slot);
        self.hits.fetch_add(1, Ordering::Relaxed);
        self.seen.fetch_add(1, Ordering::Relaxed);
    }

    /// Writes what changed. Returns how many files the cache answered for, and how many
    /// were seen.
    fn finish(self, options: &CacheOptions, started: std::time::SystemTime) -> (usize, usize) {
        let made = self.made.into_inner().unwrap_or_else(|p| p.into_inner());
        self.loaded.save(options, &made, started);
        (self.hits.into_inner(), self.seen.into_inner())
    }
}

/// A file a later pass reads: a record whose lookups changed (its id kept), or a candidate
/// (its index in the log, and its language family) that may hold one of the pass's words.
struct Job {
    known: Option<FileId>,
    origin: Origin,
    role: Role,
    candidate: Option<(usize, Option<Family>)>,
}

/// One file's latest analysis.
struct Record {
    origin: Origin,
    role: Role,
    findings: Vec<Finding>,
    unchecked: Vec<Unchecked>,
    /// The pass that produced it, and what it asked of the project then, and where.
    pass: u32,
    queried: BTreeSet<String>,
    scope: Option<Scope>,
}

pub fn scan(options: &ScanOptions, settings: &Settings) -> ScanResult {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let prefilter = Prefilter::new();
    let mut shared = Shared {
        syntax_cache: options.project.then(SyntaxCache::for_this_run),
        ..Shared::default()
    };
    let unmarked_root = common_parent(&cwd, &options.paths);
    let started = std::time::SystemTime::now();
    let scan_cache = scan_cache_of(options, &cwd);
    let ctx = Context {
        cwd: &cwd,
        settings,
        prefilter: &prefilter,
        shared: &shared,
        max_file_size: options.max_file_size,
        unmarked_root: &unmarked_root,
        project: options.project,
        names_files: options.staged
            || options
                .paths
                .iter()
                .any(|p| p.as_os_str() == "-" || !p.is_dir()),
        scan_cache: scan_cache.as_ref(),
    };
    let done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        if options.progress {
            scope.spawn(|| show_progress(&shared, &done));
        }
        if options.staged {
            ctx.scan_staged(&options.paths);
        } else {
            if options.project {
                ctx.attach_syntax(options);
            }
            ctx.scan_paths(options);
        }
        if options.project {
            ctx.note_presign_context();
            ctx.scan_context(options);
        }
        done.store(true, Ordering::Relaxed);
    });

    // The first pass is over: what the scan's cache holds is written, and dropped.
    let ctx = ctx.without_scan_cache();
    if let (Some(cache_options), Some(cache)) = (&options.cache, scan_cache) {
        let (hits, seen) = cache.finish(cache_options, started);
        if options.verbose {
            eprintln!("presign-lint: cache: {hits} of {seen} files unchanged and quiet, not read");
        }
    }
    let mut records = std::mem::take(&mut *lock(&shared.records));
    if options.project {
        let mut exports = std::mem::take(&mut *lock(&shared.exports));
        // Sorted, so the project index is built in the same order at any thread count.
        exports.sort_by(|(a, _), (b, _)| {
            let path = |id| {
                records
                    .get(id)
                    .map(|r: &Record| r.origin.path().to_path_buf())
            };
            path(a).cmp(&path(b))
        });
        ctx.project_passes(&mut records, exports, options.threads.max(1));
    }
    if let (Some(options), Some(cache)) = (&options.cache, shared.syntax_cache.take()) {
        cache.save(options);
    }
    if let Some(cache) = &options.cache {
        cache.trim();
    }
    let mut findings = Vec::new();
    let mut unchecked = Vec::new();
    for r in records.into_values().filter(|r| r.role == Role::Reported) {
        findings.extend(r.findings);
        unchecked.extend(r.unchecked);
    }
    let presigns = shared
        .presigns
        .into_inner()
        .unwrap_or_else(|p| p.into_inner());
    findings.retain(|f| crate::lints::keep_in_scan(f, &presigns));
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    unchecked.sort();
    let mut errors = shared
        .errors
        .into_inner()
        .unwrap_or_else(|p| p.into_inner());
    errors.sort();
    errors.dedup();
    ScanResult {
        findings,
        errors,
        files_scanned: shared.files_scanned.into_inner(),
        skipped_binary: shared.skipped_binary.into_inner(),
        skipped_reports: shared.skipped_reports.into_inner(),
        skipped_large: shared.skipped_large.into_inner(),
        unchecked,
    }
}

struct Context<'a, 'c> {
    cwd: &'a Path,
    settings: &'a Settings,
    prefilter: &'a Prefilter,
    shared: &'a Shared,
    max_file_size: u64,
    /// The project of files with no project marker above them: the common parent of the
    /// paths scanned.
    unmarked_root: &'a Path,
    /// Whether the project-wide analysis runs (its later passes need the candidates).
    project: bool,
    /// Whether a file is named (a path that is not a directory, standard input, `--staged`):
    /// only then is there a project to read for context, which skips the files analysed
    /// already. A scan of directories keeps no such list: it would grow with the tree.
    names_files: bool,
    /// A scan of directories with a cache: the files it found quiet last time, unchanged
    /// since, are not read again. Only the first pass asks it.
    scan_cache: Option<&'c CacheRun>,
}

impl<'a> Context<'a, '_> {
    /// The context of the later passes, which do not ask the scan's cache: it is written and
    /// dropped before they run, so that its entries and theirs are not in memory together.
    fn without_scan_cache(&self) -> Context<'a, 'static> {
        Context {
            cwd: self.cwd,
            settings: self.settings,
            prefilter: self.prefilter,
            shared: self.shared,
            max_file_size: self.max_file_size,
            unmarked_root: self.unmarked_root,
            project: self.project,
            names_files: self.names_files,
            scan_cache: None,
        }
    }
}

impl Context<'_, '_> {
    /// Named files, standard input and directory walks.
    fn scan_paths(&self, options: &ScanOptions) {
        let mut roots = Vec::new();
        let mut stdin_read = false;
        for path in &options.paths {
            if path.as_os_str() == "-" {
                // Standard input is read once, however often `-` is named.
                if !std::mem::replace(&mut stdin_read, true) {
                    self.scan_stdin(options.stdin_filename.as_deref());
                }
                continue;
            }
            match std::fs::metadata(path) {
                Ok(_) => roots.push(path.clone()),
                Err(e) => self.error(&display_path(path, self.cwd), describe_io_error(&e)),
            }
        }

        if overlapping(self.cwd, &roots) {
            *lock(&self.shared.visited) = Some(HashSet::new());
        }
        if let Some(walker) = self.walker(&roots, options, None) {
            walker.run(|| {
                Box::new(|entry| {
                    match entry {
                        Ok(entry) => self.visit(&entry),
                        Err(e) => self.walk_error(&e),
                    }
                    WalkState::Continue
                })
            });
        }
    }

    /// A parallel walk of `roots` as the scan walks a directory: ignore files respected
    /// unless `--no-ignore`, hidden files included, `.git/` and excluded paths never entered
    /// (`recorder` hears of the `.git` entries skipped).
    fn walker(
        &self,
        roots: &[PathBuf],
        options: &ScanOptions,
        recorder: Option<Arc<Recorder>>,
    ) -> Option<ignore::WalkParallel> {
        let (first, rest) = roots.split_first()?;
        let mut builder = WalkBuilder::new(first);
        for root in rest {
            builder.add(root);
        }
        let respect_ignores = !options.no_ignore;
        builder
            .hidden(false)
            .ignore(respect_ignores)
            .git_ignore(respect_ignores)
            .git_global(respect_ignores)
            .git_exclude(respect_ignores)
            .parents(respect_ignores)
            .require_git(false)
            // Never more workers than jobs: named files are one job each.
            .threads(if roots.iter().all(|r| r.is_file()) {
                options.threads.min(roots.len())
            } else {
                options.threads
            });
        let excludes = self.settings.exclude_matchers();
        let walk_cwd = self.cwd.to_path_buf();
        builder.filter_entry(move |entry| {
            if entry.depth() == 0 {
                return true;
            }
            if entry.file_name() == ".git" {
                if let Some(recorder) = &recorder {
                    recorder.git(entry.path());
                }
                return false;
            }
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            // A Go module's vendored dependencies (`vendor/modules.txt`) are other projects'
            // code, committed: their SDK internals are not this project's presign calls.
            if respect_ignores
                && is_dir
                && entry.file_name() == "vendor"
                && entry.path().join("modules.txt").is_file()
            {
                return false;
            }
            excludes.is_empty()
                || !excludes
                    .iter()
                    .any(|g| matches(g, &absolute(&walk_cwd, entry.path()), is_dir))
        });
        Some(builder.build_parallel())
    }

    /// The projects of the files named on the command line, for context: a wrapper or a
    /// constant a named file uses may live in any file of its project. Each project root is
    /// walked as a directory would be (ignore files and excludes respected); the files not
    /// already scanned are analysed for what they give the project, and nothing of theirs is
    /// reported. Names never resolve across project roots, so the rest of the repository
    /// cannot change a named file's findings and is not read. With a cache
    /// ([`crate::driver::stamp_cache`]), an unchanged file the first pass did not parse last time
    /// is not read either, and a project none of whose directories and rule files changed is
    /// not walked but listed from [`crate::driver::walk_cache`].
    fn scan_context(&self, options: &ScanOptions) {
        let roots = outermost(std::mem::take(&mut *lock(&self.shared.context_roots)));
        if roots.is_empty() {
            return;
        }
        let started = std::time::SystemTime::now();
        let cache = options
            .cache
            .as_ref()
            .map(|c| CacheRun::new(StampCache::load(c, &roots)));
        if let (Some(c), Some(syntax)) = (&options.cache, &self.shared.syntax_cache) {
            syntax.attach(c, Reader::NamedFiles, &roots);
        }
        // A root whose last listing is current is not walked: its files are only stat'ed.
        let mut walked: Vec<(PathBuf, Option<Listing>)> = Vec::new();
        for root in roots.iter() {
            let held = options.cache.as_ref().and_then(|c| Listing::load(c, root));
            let current = held
                .as_ref()
                .is_some_and(|listing| listing.is_current(options.threads));
            if options.verbose {
                let how = if current {
                    "listed from the cache"
                } else {
                    "walked"
                };
                eprintln!(
                    "presign-lint: project {}: {how}",
                    display_path(root, self.cwd)
                );
            }
            match held {
                Some(listing) if current => {
                    for_each_parallel(&listing.files, options.threads, |path| {
                        // Listed as absolute, normalized paths.
                        if let Ok(metadata) = std::fs::symlink_metadata(path)
                            && metadata.is_file()
                        {
                            self.read_context(path, path.clone(), cache.as_ref(), || {
                                Some(metadata)
                            });
                        }
                    });
                }
                held => walked.push((root.clone(), held)),
            }
        }
        if !walked.is_empty() {
            self.walk_context(&walked, options, cache.as_ref(), started);
        }
        if let (Some(options), Some(cache)) = (&options.cache, cache) {
            cache.finish(options, started);
        }
        if options.verbose {
            let skipped = self.shared.context_skipped.load(Ordering::Relaxed);
            eprintln!(
                "presign-lint: context: {skipped} source files of other project roots or languages not read"
            );
        }
    }

    /// Walks the roots of named files' projects (with the listings the cache held of them),
    /// and saves what each walk listed.
    fn walk_context(
        &self,
        walked: &[(PathBuf, Option<Listing>)],
        options: &ScanOptions,
        cache: Option<&CacheRun>,
        started: std::time::SystemTime,
    ) {
        let roots: Vec<PathBuf> = walked.iter().map(|(root, _)| root.clone()).collect();
        let recorder = options
            .cache
            .as_ref()
            .map(|_| Arc::new(Recorder::default()));
        let Some(walker) = self.walker(&roots, options, recorder.clone()) else {
            return;
        };
        let entries = AtomicUsize::new(0);
        walker.run(|| {
            Box::new(|entry| {
                // A bound: a marker high up (a home directory under git) must not make a
                // pre-commit run read a whole disk.
                if entries.fetch_add(1, Ordering::Relaxed) >= MAX_CONTEXT_ENTRIES {
                    if let Some(recorder) = &recorder {
                        recorder.failed();
                    }
                    return WalkState::Quit;
                }
                match entry {
                    Ok(entry) => self.visit_context(&entry, cache, recorder.as_deref()),
                    Err(_) => {
                        if let Some(recorder) = &recorder {
                            recorder.failed();
                        }
                    }
                }
                WalkState::Continue
            })
        });
        // The walker, and the clone its entry filter held, are gone.
        let (Some(options), Some(recorder)) = (&options.cache, recorder.and_then(Arc::into_inner))
        else {
            return;
        };
        for (root, listing) in recorder.finish(&roots, started) {
            let held = walked.iter().find(|(r, _)| *r == root);
            listing.save(options, &root, held.and_then(|(_, l)| l.as_ref()));
        }
    }

    /// One entry of a walk of a named file's project: a source file is read for context
    /// (see [`Context::read_context`]); the recorder, with a cache, hears of the directories
    /// and source files the walk lists.
    fn visit_context(
        &self,
        entry: &ignore::DirEntry,
        cache: Option<&CacheRun>,
        recorder: Option<&Recorder>,
    ) {
        let Some(file_type) = entry.file_type() else {
            return;
        };
        if file_type.is_dir() {
            if let Some(recorder) = recorder {
                recorder.directory(entry.path(), entry.metadata().ok());
            }
            return;
        }
        if !file_type.is_file() {
            return;
        }
        let path = entry.path();
        let absolute = absolute(self.cwd, path);
        // Only source files give the project anything.
        if FileKind::language_of(&absolute).is_none() || self.settings.is_excluded(&absolute, false)
        {
            return;
        }
        if let Some(recorder) = recorder {
            recorder.file(&absolute);
        }
        self.read_context(path, absolute, cache, || entry.metadata().ok());
    }

    /// One source file of a named file's project, read for context only; unreadable ones are
    /// skipped (they were not asked for), and so are those outside the named files' project
    /// roots and languages ([`Context::in_named_scope`]). With a cache, what the first pass
    /// makes of the file is recorded, and taken from the cache when the file is unchanged
    /// and was not parsed.
    fn read_context(
        &self,
        path: &Path,
        absolute: PathBuf,
        cache: Option<&CacheRun>,
        metadata: impl FnOnce() -> Option<std::fs::Metadata>,
    ) {
        if lock(&self.shared.analysed).contains(absolute.as_os_str()) {
            return;
        }
        if !self.in_named_scope(&absolute) {
            // What the cache holds of it stays (see `StampCache::save`).
            self.shared.context_skipped.fetch_add(1, Ordering::Relaxed);
            return;
        }
        let stamp = cache.and_then(|_| metadata()).map(|m| Stamp::of(&m));
        let record = |class: Class| {
            if let (Some(cache), Some(stamp)) = (cache, stamp) {
                cache.record(&absolute, stamp, class);
            }
        };
        let origin = Origin::Disk(path.to_path_buf());
        let cached = cache
            .zip(stamp.as_ref())
            .and_then(|(c, s)| Some((c, c.loaded.get(&absolute, s)?)));
        match cached {
            Some((cache, (slot, Class::Plain(identifiers)))) => {
                cache.hit(slot);
                let family = family_of(&absolute);
                let identifiers = identifiers.clone();
                return self.push_candidate(origin, &absolute, family, Role::Context, identifiers);
            }
            Some((cache, (slot, Class::Inert | Class::Binary | Class::Report))) => {
                return cache.hit(slot);
            }
            Some((_, (_, Class::Live))) | None => {}
        }
        if let Ok(Some(bytes)) = read_file(path, self.max_file_size) {
            let display = || display_path(path, self.cwd);
            if let Some(class) =
                self.analyze(&display, &absolute, bytes, Some(origin), Role::Context)
            {
                record(class);
            }
        }
    }

    /// `--staged`: staged files under the given paths, read from the index.
    fn scan_staged(&self, filters: &[PathBuf]) {
        let files = match crate::driver::staged::staged_files(self.cwd) {
            Ok(files) => files,
            // `run` checked the repository; this is git failing underneath.
            Err(e) => return self.error(".", e.to_string()),
        };
        let filters: Vec<PathBuf> = filters.iter().map(|f| absolute(self.cwd, f)).collect();
        for file in files {
            let absolute = absolute(self.cwd, &file.path);
            if !filters.iter().any(|f| absolute.starts_with(f))
                || self.settings.is_excluded(&absolute, false)
            {
                continue;
            }
            let origin = Origin::Memory(file.path.clone(), Arc::new(file.content.clone()));
            self.note_named(&absolute);
            self.analyze(
                &|| display_path(&file.path, self.cwd),
                &absolute,
                file.content,
                Some(origin),
                Role::Reported,
            );
        }
        if self.project {
            self.index_context();
        }
    }

    /// `--staged`: the context of a commit is the index. A source file changed in the work
    /// tree but not staged is read for context as the index holds it (the context walk then
    /// skips its work-tree copy). Unreadable, it is left to the walk.
    fn index_context(&self) {
        let Ok(files) = crate::driver::staged::unstaged_in_index(self.cwd) else {
            return;
        };
        for file in files {
            let absolute = absolute(self.cwd, &file.path);
            if FileKind::language_of(&absolute).is_none()
                || self.settings.is_excluded(&absolute, false)
                || !lock(&self.shared.analysed).insert(absolute.clone().into_os_string())
            {
                continue;
            }
            let origin = Origin::Memory(file.path.clone(), Arc::new(file.content.clone()));
            self.analyze(
                &|| display_path(&file.path, self.cwd),
                &absolute,
                file.content,
                Some(origin),
                Role::Context,
            );
        }
    }

    fn visit(&self, entry: &ignore::DirEntry) {
        let path = entry.path();
        let Some(file_type) = entry.file_type() else {
            return;
        };
        let named = entry.depth() == 0;
        if file_type.is_dir() {
            return;
        }
        let absolute = absolute(self.cwd, path);
        if self.settings.is_excluded(&absolute, false) {
            return;
        }
        if !named && !file_type.is_file() {
            // Symlinks are not followed, and FIFOs, sockets and devices are not source.
            return;
        }
        // Built only for a file with trigger words or an error: most files have neither.
        let display = || display_path(path, self.cwd);
        if named && !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
            self.error(&display(), "not a regular file".to_string());
            return;
        }
        if named {
            self.note_named(&absolute);
        }
        if let Some(visited) = lock(&self.shared.visited).as_mut()
            && !visited.insert(absolute.clone())
        {
            return;
        }
        let cache = self.scan_cache.filter(|_| !named);
        let stamp = cache
            .and_then(|_| entry.metadata().ok())
            .map(|m| Stamp::of(&m));
        if let (Some(cache), Some(stamp)) = (cache, stamp)
            && let Some((slot, class)) = cache.loaded.get(&absolute, &stamp)
            && self.replay(&class, path, &absolute)
        {
            return cache.hit(slot);
        }
        test_hooks::before_read(path);
        match read_file(path, self.max_file_size) {
            Ok(Some(bytes)) => {
                // Asked for by name, a file that is not scanned is said to be so.
                if named && crate::driver::analyze::is_binary(&bytes) {
                    eprintln!(
                        "presign-lint: warning: {}: binary file, not scanned",
                        crate::text::redact::printable(&display())
                    );
                }
                let origin = Some(Origin::Disk(path.to_path_buf()));
                let class = self.analyze(&display, &absolute, bytes, origin, Role::Reported);
                if let (Some(cache), Some(stamp), Some(class)) = (cache, stamp, class) {
                    cache.record(&absolute, stamp, class);
                }
            }
            Ok(None) => {
                self.shared.skipped_large.fetch_add(1, Ordering::Relaxed);
            }
            Err(e) => self.error(&display(), describe_io_error(&e)),
        }
    }

    /// What the first pass makes of a reported file the scan cache found quiet and
    /// unchanged, without reading it: what [`Context::analyze`] does with such a file.
    /// `false` for a file that must be read ([`Class::Live`]).
    fn replay(&self, class: &Class, path: &Path, absolute: &Path) -> bool {
        let counter = match class {
            Class::Live => return false,
            Class::Plain(identifiers) => {
                let family = family_of(absolute);
                if self.project && family.is_some() {
                    let origin = Origin::Disk(path.to_path_buf());
                    let identifiers = identifiers.clone();
                    self.push_candidate(origin, absolute, family, Role::Reported, identifiers);
                }
                &self.shared.files_scanned
            }
            Class::Inert => &self.shared.files_scanned,
            Class::Binary => &self.shared.skipped_binary,
            Class::Report => &self.shared.skipped_reports,
        };
        counter.fetch_add(1, Ordering::Relaxed);
        true
    }

    fn scan_stdin(&self, filename: Option<&str>) {
        // A closed standard input (`<&-`) would read as empty: asked to lint it, say so.
        if stdin_closed() {
            self.error(
                "-",
                "cannot read standard input: it is closed or /dev/null".to_string(),
            );
            return;
        }
        // As large as a file may be and no larger: `- < /dev/zero` never ends otherwise.
        let mut bytes = Vec::new();
        let cap = self.max_file_size;
        if let Err(e) = std::io::stdin()
            .lock()
            .take(cap.saturating_add(1))
            .read_to_end(&mut bytes)
        {
            self.error("-", format!("cannot read standard input: {e}"));
            return;
        }
        if bytes.len() as u64 > cap {
            self.error(
                "-",
                format!(
                    "standard input is larger than the file size limit \
                     ({cap} bytes, --max-filesize): not scanned"
                ),
            );
            return;
        }
        // Unnamed, the language comes from the text where it says it (a shebang, `<?php`);
        // otherwise only the text-level lints can run, which is said on stderr.
        let sniffed = filename
            .is_none()
            .then(|| sniff_extension(&bytes))
            .flatten();
        let name = match (filename, sniffed) {
            (Some(f), _) => f.to_string(),
            (None, Some(ext)) => format!("-.{ext}"),
            (None, None) => {
                eprintln!(
                    "presign-lint: warning: standard input has no --stdin-filename and no shebang or `<?php` that names its language: only the text-level lints ran"
                );
                "-".to_string()
            }
        };
        let absolute = absolute(self.cwd, Path::new(&name));
        let display = || match filename {
            Some(f) => display_path(Path::new(f), self.cwd),
            None => "-".to_string(),
        };
        // Named, standard input is the file it stands for (an editor's unsaved buffer): it
        // sees that file's project, and its text replaces the file's on disk.
        let origin = filename.map(|f| {
            self.note_named(&absolute);
            Origin::Memory(PathBuf::from(f), Arc::new(bytes.clone()))
        });
        self.analyze(&display, &absolute, bytes, origin, Role::Reported);
    }

    /// A file named on the command line (or standing for one): the project of a source file
    /// is read for context (a config or Markdown file calls no wrapper).
    /// Only a project root found by a marker (or a presign-lint config file) is walked: a
    /// file outside any project (`/tmp/a.py`) has no project to read, and its directory may
    /// be `/` or a home directory.
    fn note_named(&self, absolute: &Path) {
        if FileKind::language_of(absolute).is_none() {
            lock(&self.shared.named_other).push(absolute.to_path_buf());
            return;
        }
        if let Some(root) = self.project_of_named(absolute) {
            lock(&self.shared.context_roots).insert(root);
        }
        if let Some(family) = family_of(absolute) {
            let root = self.root_of(absolute);
            lock(&self.shared.named_scopes)
                .entry(family)
                .or_default()
                .insert(root);
        }
    }

    /// Whether a source file of a named file's project can matter to the named files: it
    /// shares a named file's project root and language family, or the context is read for
    /// whether the projects presign.
    fn in_named_scope(&self, absolute: &Path) -> bool {
        if self.shared.presign_context.load(Ordering::Relaxed) {
            return true;
        }
        let Some(family) = family_of(absolute) else {
            return false;
        };
        // Cheap tests first: a file's project root is found by probing its directories for
        // markers, which a file of another language or outside every named root never needs.
        let roots = match lock(&self.shared.named_scopes).get(&family) {
            Some(roots) if roots.iter().any(|r| absolute.starts_with(r)) => roots.clone(),
            _ => return false,
        };
        roots.contains(&self.root_of(absolute))
    }

    /// The project a named source file sees: its marked root, else the directory of the
    /// presign-lint config file above it.
    fn project_of_named(&self, absolute: &Path) -> Option<PathBuf> {
        let none = PathBuf::new();
        let marked = Some(self.root_of_or(absolute, &none)).filter(|r| !r.as_os_str().is_empty());
        marked.or_else(|| {
            crate::driver::config::discover(absolute)
                .and_then(|c| c.parent().map(Path::to_path_buf))
        })
    }

    /// Reads the syntax cache of what is scanned before its files are analysed: a file
    /// unchanged since the last run is then not parsed again. A scan of directories has a
    /// cache of its own, keyed by the paths scanned; source files named alone read their
    /// projects' cache (the roots [`Context::scan_context`] finds for them), so that the
    /// named files themselves are not parsed again either.
    fn attach_syntax(&self, options: &ScanOptions) {
        let (Some(cache), Some(syntax)) = (&options.cache, &self.shared.syntax_cache) else {
            return;
        };
        if options.paths.iter().any(|p| p.is_dir()) {
            syntax.attach(
                cache,
                Reader::Directories,
                &scanned_paths(options, self.cwd),
            );
            return;
        }
        let roots: BTreeSet<PathBuf> = options
            .paths
            .iter()
            .map(|p| absolute(self.cwd, p))
            .filter(|p| FileKind::language_of(p).is_some() && p.is_file())
            .filter_map(|p| self.project_of_named(&p))
            .collect();
        let roots = outermost(roots);
        if !roots.is_empty() {
            syntax.attach(cache, Reader::NamedFiles, &roots);
        }
    }

    /// A named bucket policy is reported only when its project presigns: when nothing read
    /// so far does, the projects of the named non-source files with such a finding are read
    /// for context, as a named source file's is.
    fn note_presign_context(&self) {
        if lock(&self.shared.presigns).s3 {
            return;
        }
        let waiting = lock(&self.shared.records).values().any(|r| {
            r.role == Role::Reported
                && r.findings
                    .iter()
                    .any(|f| !crate::lints::keep_in_scan(f, &Default::default()))
        });
        if !waiting {
            return;
        }
        self.shared.presign_context.store(true, Ordering::Relaxed);
        let none = PathBuf::new();
        for absolute in std::mem::take(&mut *lock(&self.shared.named_other)) {
            let root = self.root_of_or(&absolute, &none);
            if !root.as_os_str().is_empty() {
                lock(&self.shared.context_roots).insert(root);
            }
        }
    }

    /// The first pass over one file: analysed on its own (the project is empty yet); kept
    /// when it has findings or exports, or listed as a candidate for the later passes. Returns
    /// what it made of the file, for the context cache (`None`: the analysis failed).
    fn analyze(
        &self,
        display: &dyn Fn() -> String,
        absolute: &Path,
        bytes: Vec<u8>,
        origin: Option<Origin>,
        role: Role,
    ) -> Option<Class> {
        // The language family of a source file read from disk or the index (asked once: the
        // analysed set, the candidates and the word search want it).
        let family = origin.as_ref().and_then(|_| family_of(absolute));
        // The context walk reads source files only.
        if self.names_files && role == Role::Reported && family.is_some() {
            lock(&self.shared.analysed).insert(absolute.as_os_str().to_os_string());
        }
        let empty = Project::default();
        let root = || self.root_of(absolute);
        let id = self.shared.next_id.fetch_add(1, Ordering::Relaxed);
        // Computed while the bytes are here; kept only if the file turns out a candidate.
        let candidate = self.project && family.is_some();
        // A context file's filter is kept in the cache, where it saves reading the file in
        // every later run: worth building for larger files than a scan's own.
        let identifiers = candidate.then(|| match role {
            Role::Reported => Identifiers::worth_it(&bytes),
            Role::Context => Identifiers::worth_caching(&bytes),
        });
        let input = ProjectInput {
            project: &empty,
            file: id,
            root: &root,
            force_parse: false,
            context_only: role == Role::Context,
            syntax_cache: self.shared.syntax_cache.as_ref(),
        };
        // What such a file says changes with the date alone: a scan's cache never answers
        // for it.
        let dated_waiver = role == Role::Reported
            && self.scan_cache.is_some()
            && crate::frontend::iac::logs::may_hold_dated_waiver(&bytes);
        let outcome = self.contained(display, absolute, bytes, &input, role)?;
        match outcome {
            Outcome::SkippedBinary => {
                if role == Role::Reported {
                    self.shared.skipped_binary.fetch_add(1, Ordering::Relaxed);
                }
                Some(Class::Binary)
            }
            Outcome::SkippedReport => {
                if role == Role::Reported {
                    self.shared.skipped_reports.fetch_add(1, Ordering::Relaxed);
                }
                Some(Class::Report)
            }
            Outcome::Analyzed {
                findings,
                unchecked,
                project,
                presigns,
            } => {
                // What a cache may answer for without the file: nothing to report (a context
                // file's findings never are) and nothing to tell the scan.
                let quiet = (role == Role::Context || findings.is_empty() && unchecked.is_empty())
                    && presigns == crate::lints::PresignUse::default()
                    && !dated_waiver;
                lock(&self.shared.presigns).merge(presigns);
                if role == Role::Reported {
                    self.shared.files_scanned.fetch_add(1, Ordering::Relaxed);
                }
                let Some(origin) = origin else {
                    // Standard input without a name is analysed on its own.
                    lock(&self.shared.records).insert(
                        id,
                        Record {
                            origin: Origin::Disk(PathBuf::new()),
                            role,
                            findings,
                            unchecked,
                            pass: 1,
                            queried: BTreeSet::new(),
                            scope: None,
                        },
                    );
                    return Some(Class::Inert);
                };
                let parsed = project.is_some();
                let class = match identifiers {
                    _ if parsed => Class::Live,
                    Some(identifiers) => {
                        self.push_candidate(
                            origin.clone(),
                            absolute,
                            family,
                            role,
                            identifiers.clone(),
                        );
                        Class::Plain(identifiers)
                    }
                    None => Class::Inert,
                };
                let class = if quiet { class } else { Class::Live };
                let reports =
                    role == Role::Reported && (!findings.is_empty() || !unchecked.is_empty());
                if !reports && !parsed {
                    return Some(class);
                }
                lock(&self.shared.records).insert(
                    id,
                    Record {
                        origin,
                        role,
                        findings,
                        unchecked,
                        pass: 1,
                        queried: project
                            .as_ref()
                            .map(|p| p.queried.clone())
                            .unwrap_or_default(),
                        scope: project.as_ref().map(|p| p.scope()),
                    },
                );
                if let Some(p) = project {
                    lock(&self.shared.exports).push((id, p));
                }
                Some(class)
            }
        }
    }

    fn push_candidate(
        &self,
        origin: Origin,
        absolute: &Path,
        family: Option<Family>,
        role: Role,
        identifiers: Option<Identifiers>,
    ) {
        let absolute =
            (origin.path().as_os_str() != absolute.as_os_str()).then(|| absolute.to_path_buf());
        self.shared.candidates.push(Candidate {
            origin,
            absolute,
            family,
            role,
            identifiers,
        });
    }

    /// Runs the analysis of one file, containing a panic: a bug in one file's analysis must
    /// not take the scan down; it is reported as an error for that file (exit code 2), unless
    /// the file is only context, and every other file is still scanned.
    fn contained(
        &self,
        display: &dyn Fn() -> String,
        absolute: &Path,
        bytes: Vec<u8>,
        input: &ProjectInput<'_>,
        role: Role,
    ) -> Option<Outcome> {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            test_hooks::maybe_panic(absolute);
            analyze(
                display,
                absolute,
                bytes,
                self.settings,
                self.prefilter,
                Some(input),
            )
        }));
        match outcome {
            Ok(outcome) => Some(outcome),
            Err(_) if role == Role::Context => None,
            Err(_) => {
                self.error(
                    &display(),
                    "internal error while analyzing this file (a presign-lint bug: please report it); other files were scanned".to_string(),
                );
                None
            }
        }
    }

    /// The project a file belongs to: the nearest directory holding a project marker.
    fn root_of(&self, absolute: &Path) -> PathBuf {
        self.root_of_or(absolute, self.unmarked_root)
    }

    /// The project root of a file: the nearest directory at or above it holding a project
    /// marker, else `fallback`.
    fn root_of_or(&self, absolute: &Path, fallback: &Path) -> PathBuf {
        absolute
            .parent()
            .and_then(|dir| self.root_of_directory(dir))
            .unwrap_or_else(|| fallback.to_path_buf())
    }

    /// The nearest directory at or above `dir` holding a project marker. Each directory's
    /// markers are probed once per run: the answer is kept for it and for every directory
    /// walked up through to reach it.
    fn root_of_directory(&self, dir: &Path) -> Option<PathBuf> {
        let mut unknown: Vec<&Path> = Vec::new();
        let mut found = None;
        for ancestor in dir.ancestors() {
            if let Some(known) = lock(&self.shared.roots).get(ancestor.as_os_str()) {
                found = known.clone();
                break;
            }
            if crate::frontend::profile::project_markers()
                .iter()
                .any(|m| ancestor.join(m).exists())
            {
                // A package of a workspace monorepo belongs to the workspace: its packages
                // import one another by name (`@acme/lib/upload/sign`).
                found = Some(workspace_of(ancestor).unwrap_or(ancestor).to_path_buf());
                unknown.push(ancestor);
                break;
            }
            unknown.push(ancestor);
        }
        let mut roots = lock(&self.shared.roots);
        for directory in unknown {
            roots.insert(directory.as_os_str().to_os_string(), found.clone());
        }
        found
    }

    /// The passes after the first: what the parsed files export builds the project index;
    /// files that call a newly found presigning function or define a constant some file
    /// looked for are parsed, and files whose lookups may now resolve differently are
    /// analysed again, until nothing changes (at most [`MAX_PASSES`]). Within a pass the
    /// index is frozen, so results do not depend on thread timing.
    fn project_passes(
        &self,
        records: &mut BTreeMap<FileId, Record>,
        exports: Vec<(FileId, Box<ProjectOutput>)>,
        threads: usize,
    ) {
        let mut project = Project::default();
        let mut words = ScopedWords::default();
        let mut wanted = ScopedWords::default();
        for (id, out) in exports {
            add_words(&mut project, &mut words, &mut wanted, id, *out, 1);
        }
        let mut searched = ScopedWords::default();
        let mut by_path: HashMap<PathBuf, FileId> = records
            .iter()
            .map(|(id, r)| (r.origin.path().to_path_buf(), *id))
            .collect();
        // Candidates parsed by a pass: records now, analysed again only when what they
        // looked up changes.
        let mut parsed_candidates: HashSet<usize> = HashSet::new();
        for pass in 2..=MAX_PASSES {
            let new_wanted = wanted.without(&searched);
            searched.merge(&new_wanted);
            let mut search = std::mem::take(&mut words);
            search.merge(&new_wanted);
            let finder = ScopedFinder::new(&search);
            let stale: Vec<FileId> = records
                .iter()
                .filter(|(_, r)| {
                    r.scope
                        .as_ref()
                        .is_some_and(|scope| project.changed_since(scope, &r.queried, r.pass))
                })
                .map(|(id, _)| *id)
                .collect();
            if stale.is_empty() && finder.is_none() {
                break;
            }
            // Jobs: stale records (their id kept), then candidates that may hold a word.
            let mut jobs: Vec<Job> = stale
                .iter()
                .filter_map(|id| {
                    records.get(id).map(|r| Job {
                        known: Some(*id),
                        origin: r.origin.clone(),
                        role: r.role,
                        candidate: None,
                    })
                })
                .collect();
            if let Some(finder) = &finder {
                jobs.extend(self.candidate_jobs(finder, &parsed_candidates));
            }
            let next = AtomicUsize::new(0);
            let results: Mutex<Vec<(usize, Outcome)>> = Mutex::new(Vec::new());
            let project_ref = &project;
            let finder_ref = finder.as_ref();
            // A file keeps its id from one analysis to the next, so its new record and exports
            // replace the old ones.
            let ids: Vec<FileId> = jobs
                .iter()
                .map(|job| {
                    match job
                        .known
                        .or_else(|| by_path.get(job.origin.path()).copied())
                    {
                        Some(id) => id,
                        None => {
                            let id = self.shared.next_id.fetch_add(1, Ordering::Relaxed);
                            by_path.insert(job.origin.path().to_path_buf(), id);
                            id
                        }
                    }
                })
                .collect();
            std::thread::scope(|scope| {
                for _ in 0..threads.min(jobs.len()).max(1) {
                    scope.spawn(|| {
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(job) = jobs.get(i) else {
                                break;
                            };
                            let Some(bytes) = self.reread(&job.origin, job.role) else {
                                continue;
                            };
                            let absolute = absolute(self.cwd, job.origin.path());
                            let family = job.candidate.and_then(|(_, family)| family);
                            let hit = job.known.is_some()
                                || finder_ref.is_some_and(|f| f.holds(&absolute, family, &bytes));
                            if !hit {
                                continue;
                            }
                            let root = || self.root_of(&absolute);
                            let input = ProjectInput {
                                project: project_ref,
                                file: ids[i],
                                root: &root,
                                force_parse: true,
                                context_only: job.role == Role::Context,
                                syntax_cache: self.shared.syntax_cache.as_ref(),
                            };
                            let display = || display_path(job.origin.path(), self.cwd);
                            if let Some(outcome) =
                                self.contained(&display, &absolute, bytes, &input, job.role)
                            {
                                lock(&results).push((i, outcome));
                            }
                        }
                    });
                }
            });
            let mut results = results.into_inner().unwrap_or_else(|p| p.into_inner());
            results.sort_by_key(|(i, _)| *i);
            wanted = ScopedWords::default();
            for (i, outcome) in results {
                let Outcome::Analyzed {
                    findings,
                    unchecked,
                    project: output,
                    presigns,
                } = outcome
                else {
                    continue;
                };
                lock(&self.shared.presigns).merge(presigns);
                let job = &jobs[i];
                let id = ids[i];
                let (queried, scope) = match output {
                    Some(mut out) => {
                        let queried = std::mem::take(&mut out.queried);
                        let scope = out.scope();
                        add_words(&mut project, &mut words, &mut wanted, id, *out, pass);
                        if let Some((index, _)) = job.candidate {
                            parsed_candidates.insert(index);
                        }
                        (queried, Some(scope))
                    }
                    None => (BTreeSet::new(), None),
                };
                // This analysis ran every lint on the file: it replaces the earlier one
                // (a candidate's text-level findings of the first pass among them).
                records.insert(
                    id,
                    Record {
                        origin: job.origin.clone(),
                        role: job.role,
                        findings,
                        unchecked,
                        pass,
                        queried,
                        scope,
                    },
                );
            }
        }
    }

    /// The candidates not parsed yet whose filter may hold a word of `finder`, in the order
    /// of their paths (any fixed order would do: resolution does not depend on it). A log
    /// that cannot be read back through is an error of the scan: a finding may be missing.
    fn candidate_jobs(&self, finder: &ScopedFinder, parsed: &HashSet<usize>) -> Vec<Job> {
        let mut jobs = Vec::new();
        let complete = self.shared.candidates.for_each(|index, c| {
            if !parsed.contains(&index)
                && c.filter
                    .is_none_or(|filter| finder.may_hold(c.absolute, c.family, filter))
            {
                jobs.push(Job {
                    known: None,
                    origin: c.origin(),
                    role: c.role,
                    candidate: Some((index, c.family)),
                });
            }
        });
        if !complete {
            self.error(
                ".",
                "the project analysis could not read back its temporary file of candidates: findings through other files' wrappers and constants may be missing".to_string(),
            );
        }
        // Bytes compare faster than paths' components.
        jobs.sort_unstable_by(|a, b| a.origin.path().as_os_str().cmp(b.origin.path().as_os_str()));
        jobs
    }

    /// A file's bytes again, for a later pass; `None` (and an error, for a reported file) if
    /// it can no longer be read.
    fn reread(&self, origin: &Origin, role: Role) -> Option<Vec<u8>> {
        match origin {
            Origin::Memory(_, bytes) => Some(bytes.to_vec()),
            Origin::Disk(path) => match read_file(path, self.max_file_size) {
                Ok(bytes) => bytes,
                Err(_) if role == Role::Context => None,
                Err(e) => {
                    self.error(&display_path(path, self.cwd), describe_io_error(&e));
                    None
                }
            },
        }
    }

    fn walk_error(&self, error: &ignore::Error) {
        let path = error_path(error)
            .map(|p| display_path(p, self.cwd))
            .unwrap_or_default();
        let message = match error.io_error() {
            Some(io) => describe_io_error(io),
            None => strip_path_prefix(&error.to_string()),
        };
        self.error(&path, message);
    }

    fn error(&self, path: &str, message: String) {
        // The message may quote a path or text the input controls: redacted like findings.
        lock(&self.shared.errors).push(ScanError {
            path: path.to_string(),
            message: crate::text::redact::redact(&message).text,
        });
    }
}

/// The extension of the language unnamed text announces: a shebang's interpreter, or
/// `<?php`.
fn sniff_extension(bytes: &[u8]) -> Option<&'static str> {
    let start = &bytes[..bytes.len().min(256)];
    if start.starts_with(b"<?php") {
        return Some("php");
    }
    let first = start.strip_prefix(b"#!")?;
    let line = String::from_utf8_lossy(first.split(|&b| b == b'\n').next()?).into_owned();
    let interpreter = line
        .split_whitespace()
        .rev()
        .find(|w| !w.starts_with('-'))?;
    let name = interpreter.rsplit('/').next()?;
    [
        ("python", "py"),
        ("node", "js"),
        ("deno", "ts"),
        ("ruby", "rb"),
        ("php", "php"),
        ("bash", "sh"),
        ("sh", "sh"),
        ("zsh", "sh"),
    ]
    .iter()
    .find(|(prefix, _)| name.starts_with(prefix))
    .map(|(_, ext)| *ext)
}

/// The deepest directory holding every path named (a file counts as its directory); the
/// working directory when none is named (standard input).
fn common_parent(cwd: &Path, paths: &[PathBuf]) -> PathBuf {
    let mut common: Option<PathBuf> = None;
    for path in paths {
        let path = crate::driver::paths::normalize(&absolute(cwd, path));
        let dir = if path.is_dir() {
            path
        } else {
            path.parent().map_or(path.clone(), Path::to_path_buf)
        };
        common = Some(match common {
            None => dir,
            Some(c) => c
                .ancestors()
                .find(|a| dir.starts_with(a))
                .map_or_else(PathBuf::new, Path::to_path_buf),
        });
    }
    common.unwrap_or_else(|| cwd.to_path_buf())
}

/// The root of the JavaScript workspace a package directory is a member of: the nearest
/// directory above it, within its repository, with a `pnpm-workspace.yaml` or a `package.json`
/// that declares `workspaces`. Only a directory that is a package itself (its own
/// `package.json`) is a member.
fn workspace_of(package: &Path) -> Option<&Path> {
    if !package.join("package.json").is_file() {
        return None;
    }
    for ancestor in package.ancestors().skip(1).take(MAX_WORKSPACE_DEPTH) {
        if ancestor.join("pnpm-workspace.yaml").is_file()
            || std::fs::read_to_string(ancestor.join("package.json"))
                .is_ok_and(|text| text.contains("\"workspaces\""))
        {
            return Some(ancestor);
        }
        if ancestor.join(".git").exists() {
            return None;
        }
    }
    None
}

/// How many directories above a package its workspace root is looked for.
const MAX_WORKSPACE_DEPTH: usize = 6;

/// Indexes what a parsed file exports; the names of its presigning functions that changed
/// and the constants it missed become words for the next pass, in its project.
fn add_words(
    project: &mut Project,
    words: &mut ScopedWords,
    wanted: &mut ScopedWords,
    id: FileId,
    out: ProjectOutput,
    pass: u32,
) {
    let key = (out.exports.family, out.exports.root.clone());
    let path = out.exports.path.clone();
    let family = out.exports.family;
    let changed = project.update(id, out.exports, pass);
    words.add(
        &key,
        changed
            .into_iter()
            .filter_map(|n| Word::function(n, &path, &key.1, family)),
    );
    wanted.add(&key, out.wanted.into_iter().map(Word::alone));
}

/// A progress line for scans longer than a second, redrawn in place and cleared at the end.
fn show_progress(shared: &Shared, done: &AtomicBool) {
    use std::io::Write;
    let started = std::time::Instant::now();
    let mut shown = false;
    while !done.load(Ordering::Relaxed) {
        std::thread::sleep(std::time::Duration::from_millis(100));
        if started.elapsed() < std::time::Duration::from_secs(1) {
            continue;
        }
        let files = shared.files_scanned.load(Ordering::Relaxed);
        eprint!("\rpresign-lint: {files} files scanned…");
        let _ = std::io::stderr().flush();
        shown = true;
    }
    if shown {
        eprint!("\r\x1b[K");
    }
}

/// The roots not inside another one (a root inside another adds nothing to its walk).
fn outermost(roots: BTreeSet<PathBuf>) -> Vec<PathBuf> {
    let mut kept: Vec<PathBuf> = Vec::new();
    // Sorted: a root comes after the roots it is inside.
    for root in roots {
        if !kept.iter().any(|r| root.starts_with(r)) {
            kept.push(root);
        }
    }
    kept
}

fn error_path(error: &ignore::Error) -> Option<&Path> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child),
        _ => None,
    }
}

fn strip_path_prefix(message: &str) -> String {
    message
        .rsplit_once(": ")
        .map_or(message, |(_, m)| m)
        .to_string()
}

/// A file's bytes, or `None` when it is larger than `max_size`; of a binary file, only the
/// head that tells it is one ([`is_binary`]): nothing reads further, and half the bytes of a
/// real tree can be images and archives (76 of aws-doc-sdk-examples' 145 MB), which ripgrep
/// does not read past its first buffer either. The size comes from the open file (one
/// `fstat`, no second path lookup) and sizes the buffer; reading through `take` skips
/// `File::read_to_end`'s own `fstat` and `lseek`, and bounds a file still growing.
fn read_file(path: &Path, max_size: u64) -> std::io::Result<Option<Vec<u8>>> {
    use crate::driver::analyze::{BINARY_SNIFF_LEN, is_binary};
    let mut file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    if len > max_size {
        return Ok(None);
    }
    let len = usize::try_from(len).unwrap_or(0);
    let mut rest = (&mut file).take(max_size.saturating_add(1));
    // Fallible, as in `fs::read`: a huge size cap must not abort the scan. One byte more than
    // the size, so that reaching the end needs no regrowth.
    let mut bytes = Vec::new();
    bytes.try_reserve_exact(len.min(BINARY_SNIFF_LEN).saturating_add(1))?;
    (&mut rest)
        .take(BINARY_SNIFF_LEN as u64)
        .read_to_end(&mut bytes)?;
    // Short of the head's length, the read above reached the end.
    if bytes.len() == BINARY_SNIFF_LEN && !is_binary(&bytes) {
        bytes.try_reserve_exact(len.saturating_sub(bytes.len()).saturating_add(1))?;
        rest.read_to_end(&mut bytes)?;
    }
    if bytes.len() as u64 > max_size {
        return Ok(None);
    }
    Ok(Some(bytes))
}

/// The cache of a scan of directories only (a run that names a file or reads standard input
/// or the index has a project to read for context, and its own caches).
fn scan_cache_of(options: &ScanOptions, cwd: &Path) -> Option<CacheRun> {
    let cache = options.cache.as_ref()?;
    if options.staged || options.paths.is_empty() || !options.paths.iter().all(|p| p.is_dir()) {
        return None;
    }
    Some(CacheRun::new(StampCache::load_scan(
        cache,
        &scanned_paths(options, cwd),
    )))
}

/// The paths scanned, absolute, sorted and each once: what a scan's caches are named by.
fn scanned_paths(options: &ScanOptions, cwd: &Path) -> Vec<PathBuf> {
    let scanned: BTreeSet<PathBuf> = options.paths.iter().map(|p| absolute(cwd, p)).collect();
    scanned.into_iter().collect()
}

/// Whether one of `roots` is another or inside another. Sorted by component, a root inside
/// another comes right after it or after roots also inside it, so neighbours suffice.
fn overlapping(cwd: &Path, roots: &[PathBuf]) -> bool {
    let mut absolutes: Vec<PathBuf> = roots.iter().map(|r| absolute(cwd, r)).collect();
    absolutes.sort();
    absolutes.windows(2).any(|w| w[1].starts_with(&w[0]))
}

/// Whether standard input is closed (`<&-`) or the null device. The Rust runtime reopens a
/// closed standard input on `/dev/null`, so the two cannot be told apart; either way there is
/// nothing to lint, which `-` asked for (an empty pipe is still an empty file).
#[cfg(unix)]
fn stdin_closed() -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    let Ok(fd) = std::io::stdin().as_fd().try_clone_to_owned() else {
        return true;
    };
    let Ok(meta) = std::fs::File::from(fd).metadata() else {
        return true;
    };
    let Ok(null) = std::fs::metadata("/dev/null") else {
        return false;
    };
    meta.file_type().is_char_device() && meta.rdev() == null.rdev()
}

#[cfg(not(unix))]
fn stdin_closed() -> bool {
    false
}

fn describe_io_error(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Fault injection for the robustness tests: `PRESIGN_LINT_TEST_PANIC=<file name>` makes the
/// analysis of that file panic, to prove a panic is contained; `PRESIGN_LINT_TEST_VANISH=<file
/// name>` (debug builds) deletes that file after discovery and just before it is read, the race
/// of a file deleted during the scan.
mod test_hooks {
    use std::ffi::OsString;
    use std::path::Path;
    use std::sync::LazyLock;

    static PANIC: LazyLock<Option<OsString>> =
        LazyLock::new(|| std::env::var_os("PRESIGN_LINT_TEST_PANIC"));
    static VANISH: LazyLock<Option<OsString>> =
        LazyLock::new(|| std::env::var_os("PRESIGN_LINT_TEST_VANISH"));

    fn targets(hook: &LazyLock<Option<OsString>>, path: &Path) -> bool {
        hook.as_ref().is_some_and(|target| {
            path.to_string_lossy()
                .replace('\\', "/")
                .ends_with(&*target.to_string_lossy())
        })
    }

    pub fn maybe_panic(path: &Path) {
        if targets(&PANIC, path) {
            panic!("injected test panic");
        }
    }

    /// Debug builds only: a release binary never deletes a file, whatever its environment.
    pub fn before_read(path: &Path) {
        if cfg!(debug_assertions) && targets(&VANISH, path) {
            let _ = std::fs::remove_file(path);
        }
    }
}
