//! The source files the first pass did not parse, which a later project pass may (see
//! `scan::Context::project_passes`): one per source file of the tree, with its path and
//! identifier filter. They are written as records to a log, kept in memory up to
//! [`MEMORY_BUDGET`] and in an unnamed temporary file beyond, so that a scan's memory does not
//! grow with the tree: a pass reads the log through once, and keeps only the candidates
//! whose filter may hold one of its words. A temporary file that cannot be made or written
//! leaves the log in memory: a candidate is never lost.

use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::driver::lock;
use crate::driver::positioned::Spill;
use crate::driver::scan::{Origin, Role};
use crate::frontend::Family;
use crate::semantic::identifiers::{Filter, Identifiers};

/// Records beyond this many bytes go to the temporary file: about 10,000 source files of
/// ordinary size, more than most repositories hold.
const MEMORY_BUDGET: usize = 2 * 1024 * 1024;
/// Records are kept in chunks of this size: a buffer that grows by doubling would hold up to
/// twice what it holds, and copy it on each growth.
const CHUNK: usize = 64 * 1024;

/// A source file the first pass did not parse.
pub struct Candidate {
    pub origin: Origin,
    /// Its absolute path, which the word search scopes by, when it is not the origin's (a
    /// walk of a relative root).
    pub absolute: Option<PathBuf>,
    /// Its language family, whose words it is searched for.
    pub family: Option<Family>,
    pub role: Role,
    /// What it holds, so that a later pass reads it again only if it may hold a word; `None`
    /// for a file larger than [`Identifiers::WORTH_IT`], read again whenever there are words.
    pub identifiers: Option<Identifiers>,
}

impl Candidate {
    pub fn absolute(&self) -> &Path {
        self.absolute
            .as_deref()
            .unwrap_or_else(|| self.origin.path())
    }
}

/// The candidates of a scan, in the order they were pushed.
pub struct CandidateLog {
    inner: Mutex<Inner>,
    /// The records written out, in order.
    spill: Spill,
    /// How many bytes of records are kept in memory before they go to the file.
    budget: usize,
}

impl Default for CandidateLog {
    fn default() -> CandidateLog {
        CandidateLog::with_budget(crate::driver::positioned::budget(MEMORY_BUDGET))
    }
}

#[derive(Default)]
struct Inner {
    /// The records not written to the file, in chunks; a record never spans two.
    chunks: Vec<Vec<u8>>,
    /// How many bytes the chunks hold.
    held: usize,
    /// The temporary file could not be made or written: everything stays in `chunks`.
    failed: bool,
    /// Candidates kept as they are: those read from memory (`--staged`, standard input: a few
    /// named files), and those whose path cannot be written as bytes on this platform.
    kept: Vec<Candidate>,
}

/// Where a record's fields start: its length, role and family.
const HEAD: usize = 4 + 1 + 1;
/// No family, no path, no filter.
const NONE: u32 = u32::MAX;

impl CandidateLog {
    fn with_budget(budget: usize) -> CandidateLog {
        CandidateLog {
            inner: Mutex::default(),
            spill: Spill::default(),
            budget,
        }
    }

    /// Adds a candidate.
    pub fn push(&self, candidate: Candidate) {
        let mut inner = lock(&self.inner);
        let mut record = Vec::new();
        if matches!(candidate.origin, Origin::Memory(..)) || !encode(&mut record, &candidate) {
            inner.kept.push(candidate);
            return;
        }
        inner.held += record.len();
        match inner.chunks.last_mut() {
            Some(chunk) if chunk.capacity() - chunk.len() >= record.len() => {
                chunk.extend_from_slice(&record);
            }
            _ => {
                let mut chunk = Vec::with_capacity(CHUNK.max(record.len()));
                chunk.extend_from_slice(&record);
                inner.chunks.push(chunk);
            }
        }
        if inner.held > self.budget && !inner.failed {
            inner.spill(&self.spill);
        }
    }

    /// Gives `visit` each candidate with its index (the order of [`CandidateLog::push`]), as
    /// a view that borrows the record; stops early if a record cannot be read back (the
    /// file failed under the run), which it reports as `false`.
    pub fn for_each(&self, mut visit: impl FnMut(usize, Stored<'_>)) -> bool {
        let inner = lock(&self.inner);
        let mut index = 0;
        let mut scratch = Scratch::default();
        if !self.spill.is_empty() {
            let mut reader = BufReader::with_capacity(
                64 * 1024,
                Positioned {
                    spill: &self.spill,
                    at: 0,
                    end: self.spill.len(),
                },
            );
            loop {
                let mut length = [0; 4];
                match reader.read(&mut length[..1]) {
                    Ok(0) => break,
                    Ok(_) => {}
                    Err(_) => return false,
                }
                if reader.read_exact(&mut length[1..]).is_err() {
                    return false;
                }
                let length = u32::from_le_bytes(length) as usize;
                scratch.record.resize(length.max(4), 0);
                scratch.record[..4].copy_from_slice(&length.to_le_bytes()[..4]);
                if reader.read_exact(&mut scratch.record[4..]).is_err() {
                    return false;
                }
                let record = std::mem::take(&mut scratch.record);
                let Some(stored) = decode(&record, &mut scratch.words) else {
                    return false;
                };
                visit(index, stored);
                scratch.record = record;
                index += 1;
            }
        }
        for chunk in &inner.chunks {
            let mut rest = &chunk[..];
            while let Some(length) = rest
                .get(..4)
                .and_then(|b| b.try_into().ok())
                .map(|b| u32::from_le_bytes(b) as usize)
            {
                let Some((record, tail)) = rest.split_at_checked(length) else {
                    return false;
                };
                let Some(stored) = decode(record, &mut scratch.words) else {
                    return false;
                };
                visit(index, stored);
                rest = tail;
                index += 1;
            }
        }
        for candidate in &inner.kept {
            visit(index, Stored::of(candidate));
            index += 1;
        }
        true
    }
}

impl Inner {
    /// Moves the chunks' records to the temporary file.
    fn spill(&mut self, spill: &Spill) {
        while let Some(chunk) = self.chunks.first() {
            if spill.append(chunk).is_none() {
                // What the file holds stays readable; the rest stays here.
                self.failed = true;
                return;
            }
            self.held -= chunk.len();
            self.chunks.remove(0);
        }
    }
}

/// A candidate as the log holds it.
pub struct Stored<'a> {
    /// The path it is read from and shown under.
    pub path: &'a Path,
    /// Its absolute path.
    pub absolute: &'a Path,
    pub family: Option<Family>,
    pub role: Role,
    pub filter: Option<Filter<'a>>,
    /// The text of a candidate read from memory.
    pub text: Option<&'a Arc<Vec<u8>>>,
}

impl Stored<'_> {
    /// A candidate kept as it is, viewed as a record is.
    fn of(candidate: &Candidate) -> Stored<'_> {
        let text = match &candidate.origin {
            Origin::Memory(_, text) => Some(text),
            Origin::Disk(_) => None,
        };
        Stored {
            path: candidate.origin.path(),
            absolute: candidate.absolute(),
            family: candidate.family,
            role: candidate.role,
            filter: candidate.identifiers.as_ref().map(Identifiers::filter),
            text,
        }
    }

    /// Where its bytes come from when it is read again.
    pub fn origin(&self) -> Origin {
        match self.text {
            Some(text) => Origin::Memory(self.path.to_path_buf(), text.clone()),
            None => Origin::Disk(self.path.to_path_buf()),
        }
    }
}

/// Buffers reused from one record to the next.
#[derive(Default)]
struct Scratch {
    record: Vec<u8>,
    /// The filter's words, aligned.
    words: Vec<u64>,
}

/// Writes a candidate read from disk as a record; `false` (with some bytes written) if its
/// path cannot be written as bytes, or the record is too large to say its length.
fn encode(out: &mut Vec<u8>, candidate: &Candidate) -> bool {
    let start = out.len();
    out.extend([0; 4]);
    out.push(match candidate.role {
        Role::Reported => 0,
        Role::Context => 1,
    });
    let family = candidate
        .family
        .and_then(|f| Family::ALL.iter().position(|a| *a == f));
    out.push(family.and_then(|f| u8::try_from(f).ok()).unwrap_or(u8::MAX));
    let Some(path) = path_bytes(candidate.origin.path()) else {
        return false;
    };
    put_bytes(out, Some(path));
    match candidate.absolute.as_deref().map(path_bytes) {
        Some(None) => return false,
        absolute => put_bytes(out, absolute.flatten()),
    }
    match &candidate.identifiers {
        None => out.extend(NONE.to_le_bytes()),
        Some(identifiers) => {
            let words = identifiers.words();
            out.extend(u32::try_from(words.len()).unwrap_or(0).to_le_bytes());
            for w in words {
                out.extend(w.to_le_bytes());
            }
        }
    }
    let Ok(length) = u32::try_from(out.len() - start) else {
        return false;
    };
    out[start..start + 4].copy_from_slice(&length.to_le_bytes());
    true
}

fn put_bytes(out: &mut Vec<u8>, bytes: Option<&[u8]>) {
    match bytes {
        // A path is shorter than 4 GiB.
        Some(bytes) if bytes.len() < NONE as usize => {
            out.extend(u32::try_from(bytes.len()).unwrap_or(0).to_le_bytes());
            out.extend(bytes);
        }
        _ => out.extend(NONE.to_le_bytes()),
    }
}

/// A record written by [`encode`]; `words` holds its filter, aligned.
fn decode<'a>(record: &'a [u8], words: &'a mut Vec<u64>) -> Option<Stored<'a>> {
    let head = record.get(..HEAD)?;
    let role = match head[4] {
        0 => Role::Reported,
        _ => Role::Context,
    };
    let family = Family::ALL.get(usize::from(head[5])).copied();
    let mut rest = &record[HEAD..];
    let u32_of = |rest: &mut &'a [u8]| -> Option<u32> {
        let (b, tail) = rest.split_at_checked(4)?;
        *rest = tail;
        Some(u32::from_le_bytes(b.try_into().ok()?))
    };
    let bytes_of = |rest: &mut &'a [u8]| -> Option<Option<&'a [u8]>> {
        let len = u32_of(rest)?;
        if len == NONE {
            return Some(None);
        }
        let (b, tail) = rest.split_at_checked(len as usize)?;
        *rest = tail;
        Some(Some(b))
    };
    let path = path_of(bytes_of(&mut rest)??)?;
    let absolute = match bytes_of(&mut rest)? {
        Some(b) => path_of(b)?,
        None => path,
    };
    let count = u32_of(&mut rest)?;
    words.clear();
    let filter = if count == NONE {
        None
    } else {
        let (b, _) = rest.split_at_checked(count as usize * 8)?;
        words.extend(
            b.chunks_exact(8)
                .map(|w| u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]])),
        );
        Some(Filter::from_words(words)?)
    };
    Some(Stored {
        path,
        absolute,
        family,
        role,
        filter,
        text: None,
    })
}

/// Reads the log's file from `at` to `end`.
struct Positioned<'a> {
    spill: &'a Spill,
    at: u64,
    end: u64,
}

impl Read for Positioned<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = usize::try_from(self.end - self.at).unwrap_or(usize::MAX);
        let n = buf.len().min(left);
        if n == 0 {
            return Ok(0);
        }
        self.spill.read(&mut buf[..n], self.at)?;
        self.at += n as u64;
        Ok(n)
    }
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> Option<&[u8]> {
    use std::os::unix::ffi::OsStrExt;
    Some(path.as_os_str().as_bytes())
}

#[cfg(unix)]
fn path_of(bytes: &[u8]) -> Option<&Path> {
    use std::os::unix::ffi::OsStrExt;
    Some(Path::new(std::ffi::OsStr::from_bytes(bytes)))
}

#[cfg(not(unix))]
fn path_bytes(path: &Path) -> Option<&[u8]> {
    path.to_str().map(str::as_bytes)
}

#[cfg(not(unix))]
fn path_of(bytes: &[u8]) -> Option<&Path> {
    std::str::from_utf8(bytes).ok().map(Path::new)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidates() -> Vec<Candidate> {
        (0..40)
            .map(|i| {
                let path = PathBuf::from(format!("src/m{i}/links.py"));
                let origin = if i % 13 == 5 {
                    Origin::Memory(path, Arc::new(format!("text {i}").into_bytes()))
                } else {
                    Origin::Disk(path)
                };
                Candidate {
                    origin,
                    absolute: (i % 3 == 0).then(|| PathBuf::from(format!("/p/src/m{i}/links.py"))),
                    family: Family::ALL.get(i % 14).copied(),
                    role: if i % 2 == 0 {
                        Role::Reported
                    } else {
                        Role::Context
                    },
                    identifiers: (i % 4 != 1)
                        .then(|| Identifiers::of(format!("signed_link_{i} = ttl_{i}").as_bytes())),
                }
            })
            .collect()
    }

    /// What a view says of a candidate, to compare with the candidate pushed.
    fn seen(index: usize, c: &Stored<'_>) -> String {
        let holds = c.filter.map(|f| {
            let key = |w: &str| crate::semantic::identifiers::WordKey::of(w).expect("a word");
            (
                f.may_hold_key(key(&format!("signed_link_{index}"))),
                f.may_hold_key(key("unrelated_word_nowhere")),
            )
        });
        format!(
            "{index} {} {} {:?} {:?} {holds:?} {:?}",
            c.path.display(),
            c.absolute.display(),
            c.family,
            c.role,
            c.text.map(|t| t.as_slice())
        )
    }

    fn expected(candidates: &[Candidate]) -> Vec<String> {
        // Read from memory, a candidate comes after those written as records.
        let (memory, disk): (Vec<_>, Vec<_>) = candidates
            .iter()
            .partition(|c| matches!(c.origin, Origin::Memory(..)));
        disk.into_iter()
            .chain(memory)
            .enumerate()
            .map(|(index, c)| seen(index, &Stored::of(c)))
            .collect()
    }

    #[test]
    fn candidates_come_back_as_pushed_from_memory_and_from_the_file() {
        for budget in [MEMORY_BUDGET, 200, 0] {
            let log = CandidateLog::with_budget(budget);
            for candidate in candidates() {
                log.push(candidate);
            }
            let spilled = !log.spill.is_empty();
            assert_eq!(spilled, budget < MEMORY_BUDGET, "budget {budget}");
            let mut got = Vec::new();
            assert!(log.for_each(|index, c| got.push(seen(index, &c))));
            assert_eq!(got, expected(&candidates()), "budget {budget}");
            // Read again, the same: every pass reads the log through.
            let mut again = Vec::new();
            assert!(log.for_each(|index, c| again.push(seen(index, &c))));
            assert_eq!(again, got);
        }
    }

    #[test]
    fn a_filter_read_back_answers_as_the_one_built() {
        let log = CandidateLog::with_budget(0);
        let text = b"def sign_link(key): return s3.generate_presigned_url('get_object')";
        log.push(Candidate {
            origin: Origin::Disk(PathBuf::from("/p/a.py")),
            absolute: None,
            family: Some(Family::Python),
            role: Role::Reported,
            identifiers: Some(Identifiers::of(text)),
        });
        let built = Identifiers::of(text);
        let words = [
            "sign_link",
            "generate_presigned_url",
            "link_ttl",
            "other_name",
            "s3",
        ];
        let mut asked = 0;
        assert!(log.for_each(|_, c| {
            let filter = c.filter.expect("a filter");
            for word in words {
                if let Some(key) = crate::semantic::identifiers::WordKey::of(word) {
                    assert_eq!(filter.may_hold_key(key), built.may_hold_key(key), "{word}");
                    asked += 1;
                }
            }
        }));
        assert_eq!(asked, 4);
    }
}
