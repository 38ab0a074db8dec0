//! Discovery and the parallel scan: named files always, directories through `ignore`'s
//! parallel walker (`.gitignore`/`.ignore` respected, hidden files included, `.git/` never
//! entered), standard input as `-`. Output order never depends on thread timing: everything is
//! sorted at the end.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use ignore::{WalkBuilder, WalkState};

use crate::analyze::{Outcome, analyze};
use crate::finding::{Finding, ScanError};
use crate::paths::{absolute, display_path};
use crate::prefilter::Prefilter;
use crate::settings::{Settings, matches};

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
}

#[derive(Default)]
pub struct ScanResult {
    pub findings: Vec<Finding>,
    pub errors: Vec<ScanError>,
    pub files_scanned: usize,
    pub skipped_binary: usize,
    pub skipped_large: usize,
    pub dynamic_expiries: usize,
    pub unparsed_files: usize,
}

#[derive(Default)]
struct Shared {
    findings: Mutex<Vec<Finding>>,
    errors: Mutex<Vec<ScanError>>,
    files_scanned: AtomicUsize,
    skipped_binary: AtomicUsize,
    skipped_large: AtomicUsize,
    dynamic_expiries: AtomicUsize,
    unparsed_files: AtomicUsize,
}

pub fn scan(options: &ScanOptions, settings: &Settings) -> ScanResult {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let prefilter = Prefilter::new();
    let shared = Shared::default();
    let ctx = Context {
        cwd: &cwd,
        settings,
        prefilter: &prefilter,
        shared: &shared,
        max_file_size: options.max_file_size,
    };

    let done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        if options.progress {
            scope.spawn(|| show_progress(&shared, &done));
        }
        if options.staged {
            ctx.scan_staged(&options.paths);
        } else {
            ctx.scan_paths(options);
        }
        done.store(true, Ordering::Relaxed);
    });

    let mut findings = shared
        .findings
        .into_inner()
        .unwrap_or_else(|p| p.into_inner());
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
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
        skipped_large: shared.skipped_large.into_inner(),
        dynamic_expiries: shared.dynamic_expiries.into_inner(),
        unparsed_files: shared.unparsed_files.into_inner(),
    }
}

struct Context<'a> {
    cwd: &'a Path,
    settings: &'a Settings,
    prefilter: &'a Prefilter,
    shared: &'a Shared,
    max_file_size: u64,
}

impl Context<'_> {
    /// Named files, standard input and directory walks.
    fn scan_paths(&self, options: &ScanOptions) {
        let mut roots = Vec::new();
        for path in &options.paths {
            if path.as_os_str() == "-" {
                self.scan_stdin(options.stdin_filename.as_deref());
                continue;
            }
            match std::fs::metadata(path) {
                Ok(_) => roots.push(path.clone()),
                Err(e) => self.error(&display_path(path, self.cwd), describe_io_error(&e)),
            }
        }

        if !roots.is_empty() {
            let mut builder = WalkBuilder::new(&roots[0]);
            for root in &roots[1..] {
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
                .threads(options.threads);
            let excludes = self.settings.exclude_matchers();
            let walk_cwd = self.cwd.to_path_buf();
            builder.filter_entry(move |entry| {
                if entry.depth() == 0 {
                    return true;
                }
                if entry.file_name() == ".git" {
                    return false;
                }
                let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
                excludes.is_empty()
                    || !excludes
                        .iter()
                        .any(|g| matches(g, &absolute(&walk_cwd, entry.path()), is_dir))
            });
            builder.build_parallel().run(|| {
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

    /// `--staged`: staged files under the given paths, read from the index.
    fn scan_staged(&self, filters: &[PathBuf]) {
        let files = match crate::staged::staged_files(self.cwd) {
            Ok(files) => files,
            Err(message) => return self.error("", message),
        };
        let filters: Vec<PathBuf> = filters.iter().map(|f| absolute(self.cwd, f)).collect();
        for file in files {
            let absolute = absolute(self.cwd, &file.path);
            if !filters.iter().any(|f| absolute.starts_with(f))
                || self.settings.is_excluded(&absolute, false)
            {
                continue;
            }
            self.analyze(
                &|| display_path(&file.path, self.cwd),
                &absolute,
                file.content,
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
        test_hooks::before_read(path);
        match read_file(path, self.max_file_size) {
            Ok(Some(bytes)) => self.analyze(&display, &absolute, bytes),
            Ok(None) => {
                self.shared.skipped_large.fetch_add(1, Ordering::Relaxed);
            }
            Err(e) => self.error(&display(), describe_io_error(&e)),
        }
    }

    fn scan_stdin(&self, filename: Option<&str>) {
        let mut bytes = Vec::new();
        if let Err(e) = std::io::stdin().lock().read_to_end(&mut bytes) {
            self.error("-", format!("cannot read standard input: {e}"));
            return;
        }
        let name = filename.unwrap_or("-");
        let absolute = absolute(self.cwd, Path::new(name));
        let display = || match filename {
            Some(f) => display_path(Path::new(f), self.cwd),
            None => "-".to_string(),
        };
        self.analyze(&display, &absolute, bytes);
    }

    fn analyze(&self, display: &dyn Fn() -> String, absolute: &Path, bytes: Vec<u8>) {
        // A bug in one file's analysis must not take the scan down: it is reported as an
        // error for that file (exit code 2) and every other file is still scanned.
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            test_hooks::maybe_panic(absolute);
            analyze(display, absolute, bytes, self.settings, self.prefilter)
        }));
        let Ok(outcome) = outcome else {
            self.error(
                &display(),
                "internal error while analyzing this file (a presign-lint bug: please report it); other files were scanned".to_string(),
            );
            return;
        };
        match outcome {
            Outcome::SkippedBinary => {
                self.shared.skipped_binary.fetch_add(1, Ordering::Relaxed);
            }
            Outcome::Analyzed {
                findings,
                dynamic_expiries,
                unparsed,
            } => {
                if unparsed {
                    self.shared.unparsed_files.fetch_add(1, Ordering::Relaxed);
                }
                self.shared.files_scanned.fetch_add(1, Ordering::Relaxed);
                self.shared
                    .dynamic_expiries
                    .fetch_add(dynamic_expiries, Ordering::Relaxed);
                if !findings.is_empty() {
                    lock(&self.shared.findings).extend(findings);
                }
            }
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
        lock(&self.shared.errors).push(ScanError {
            path: path.to_string(),
            message,
        });
    }
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
        let findings = lock(&shared.findings).len();
        eprint!("\rpresign-lint: {files} files scanned, {findings} findings so far…");
        let _ = std::io::stderr().flush();
        shown = true;
    }
    if shown {
        eprint!("\r\x1b[K");
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
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

/// A file's bytes, or `None` when it is larger than `max_size`. The size comes from the open
/// file (one `fstat`, no second path lookup) and sizes the buffer; reading through `take`
/// skips `File::read_to_end`'s own `fstat` and `lseek`, and bounds a file still growing.
fn read_file(path: &Path, max_size: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    if len > max_size {
        return Ok(None);
    }
    // One byte more than the size, so that reaching the end needs no regrowth.
    let mut bytes = Vec::new();
    // Fallible, as in `fs::read`: a huge size cap must not abort the scan.
    bytes.try_reserve_exact(usize::try_from(len).unwrap_or(0).saturating_add(1))?;
    (&mut file)
        .take(max_size.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max_size {
        return Ok(None);
    }
    Ok(Some(bytes))
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
