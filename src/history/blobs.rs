//! The distinct blobs of a walk, each read and analysed once, on a bounded number of threads.
//! A worker holds one blob at a time, so memory stays near `threads × size cap` however large
//! the history; the size is read from the object's header before its content.

use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use gix::bstr::ByteSlice;

use super::reader::Reader;
use super::walk::{Blob, Unreadable};
use crate::driver::analyze::{Outcome, analyze};
use crate::driver::settings::Settings;
use crate::finding::Finding;
use crate::text::prefilter::Prefilter;

#[derive(Default)]
pub struct BlobScan {
    /// Findings with the index of the blob they were read from.
    pub findings: Vec<(usize, Finding)>,
    pub unreadable: Vec<Unreadable>,
    /// Blobs whose analysis failed (an internal error): path and blob id.
    pub failed: Vec<(String, String)>,
    pub scanned: usize,
    pub skipped_binary: usize,
    pub skipped_large: usize,
    pub skipped_reports: usize,
}

pub struct BlobInput<'a> {
    pub repo: &'a gix::ThreadSafeRepository,
    /// The repository's work tree (or git directory when bare): blob paths are placed under it
    /// for path-specific settings.
    pub root: &'a Path,
    pub blobs: &'a [Blob],
    pub settings: &'a Settings,
    pub threads: usize,
    pub max_file_size: u64,
}

/// The path a report shows for a path in a commit: lossy UTF-8 (a non-UTF-8 name is shown
/// with U+FFFD, never refused), `/`-separated, each component redacted.
pub fn shown_path(path: &[u8]) -> String {
    crate::driver::paths::redact_path(Path::new(path.to_str_lossy().as_ref()))
}

pub fn scan_blobs(input: &BlobInput<'_>) -> BlobScan {
    let next = AtomicUsize::new(0);
    let result = Mutex::new(BlobScan::default());
    let prefilter = Prefilter::new();
    let workers = input.threads.clamp(1, input.blobs.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                // A handle of its own, opened again as it reads (see `Reader`).
                let mut reader = Reader::new(&input.repo.to_thread_local());
                let mut local = BlobScan::default();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(blob) = input.blobs.get(i) else {
                        break;
                    };
                    scan_one(&mut reader, input, &prefilter, i, blob, &mut local);
                }
                if let Ok(mut shared) = result.lock() {
                    shared.findings.append(&mut local.findings);
                    shared.unreadable.append(&mut local.unreadable);
                    shared.failed.append(&mut local.failed);
                    shared.scanned += local.scanned;
                    shared.skipped_binary += local.skipped_binary;
                    shared.skipped_large += local.skipped_large;
                    shared.skipped_reports += local.skipped_reports;
                }
            });
        }
    });
    result.into_inner().unwrap_or_default()
}

fn scan_one(
    reader: &mut Reader,
    input: &BlobInput<'_>,
    prefilter: &Prefilter,
    index: usize,
    blob: &Blob,
    out: &mut BlobScan,
) {
    let display = shown_path(&blob.path);
    let unreadable = |corrupt: Option<String>| Unreadable {
        id: blob.id,
        kind: "blob",
        at: display.clone(),
        corrupt,
    };
    let repo = reader.repo();
    match repo.try_find_header(blob.id) {
        Ok(Some(header)) if header.size() > input.max_file_size => {
            out.skipped_large += 1;
            return;
        }
        Ok(Some(_)) => {}
        Ok(None) => {
            out.unreadable.push(unreadable(None));
            return;
        }
        Err(e) => {
            out.unreadable.push(unreadable(Some(e.to_string())));
            return;
        }
    }
    let bytes = match repo.try_find_object(blob.id) {
        Ok(Some(object)) => object.detach().data,
        Ok(None) => {
            out.unreadable.push(unreadable(None));
            return;
        }
        Err(e) => {
            out.unreadable.push(unreadable(Some(e.to_string())));
            return;
        }
    };
    reader.read(bytes.len() as u64);
    let absolute = input.root.join(blob.path.to_str_lossy().as_ref());
    // A panic in a front end costs this blob, never the scan (as in a work-tree scan).
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        analyze(
            &|| display.clone(),
            &absolute,
            bytes,
            input.settings,
            prefilter,
            None,
        )
    }));
    match outcome {
        Ok(Outcome::Analyzed { findings, .. }) => {
            out.scanned += 1;
            out.findings
                .extend(findings.into_iter().map(|f| (index, f)));
        }
        Ok(Outcome::SkippedBinary) => out.skipped_binary += 1,
        Ok(Outcome::SkippedReport) => out.skipped_reports += 1,
        Err(_) => out.failed.push((display.clone(), blob.id.to_string())),
    }
}
