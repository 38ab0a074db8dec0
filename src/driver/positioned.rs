//! Reads and writes at an offset of a file shared between threads: its position is never
//! moved (the syntax cache's entries, the candidates' log).

use std::fs::File;

/// Reads `buf.len()` bytes of `file` at `offset`.
pub fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
    }
    #[cfg(windows)]
    {
        let mut done = 0;
        while done < buf.len() {
            let n = std::os::windows::fs::FileExt::seek_read(
                file,
                &mut buf[done..],
                offset + done as u64,
            )?;
            if n == 0 {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
            done += n;
        }
        Ok(())
    }
}

/// Writes all of `buf` to `file` at `offset`.
pub fn write_all_at(file: &File, buf: &[u8], offset: u64) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::write_all_at(file, buf, offset)
    }
    #[cfg(windows)]
    {
        let mut done = 0;
        while done < buf.len() {
            let n = std::os::windows::fs::FileExt::seek_write(
                file,
                &buf[done..],
                offset + done as u64,
            )?;
            if n == 0 {
                return Err(std::io::ErrorKind::WriteZero.into());
            }
            done += n;
        }
        Ok(())
    }
}

/// An unnamed temporary file a run writes at its end and reads at offsets, from any thread:
/// what it keeps that grows with the tree, past a memory budget. Made on first use; the OS
/// removes it when the run ends, however it ends.
#[derive(Default)]
pub struct Spill {
    file: std::sync::OnceLock<Option<File>>,
    /// The file's length: where the next write goes.
    end: std::sync::Mutex<u64>,
}

impl Spill {
    /// Writes `bytes` at the end; where they are, or `None` if the file cannot be made or
    /// written (the caller keeps them).
    pub fn append(&self, bytes: &[u8]) -> Option<u64> {
        let file = self
            .file
            .get_or_init(|| tempfile::tempfile().ok())
            .as_ref()?;
        let mut end = crate::driver::lock(&self.end);
        write_all_at(file, bytes, *end).ok()?;
        let at = *end;
        *end += bytes.len() as u64;
        Some(at)
    }

    /// Reads `buf.len()` bytes written at `offset`.
    pub fn read(&self, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
        match self.file.get() {
            Some(Some(file)) => read_exact_at(file, buf, offset),
            _ => Err(std::io::ErrorKind::NotFound.into()),
        }
    }

    /// How many bytes it holds.
    pub fn len(&self) -> u64 {
        *crate::driver::lock(&self.end)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The memory budget of what a scan keeps per file before it goes to a [`Spill`]: `default`,
/// unless a debug build is told otherwise (`PRESIGN_LINT_TEST_SPILL=<bytes>`), which the tests
/// use to take the temporary file's paths on small trees.
pub fn budget(default: usize) -> usize {
    static OVERRIDE: std::sync::LazyLock<Option<usize>> = std::sync::LazyLock::new(|| {
        if !cfg!(debug_assertions) {
            return None;
        }
        std::env::var("PRESIGN_LINT_TEST_SPILL").ok()?.parse().ok()
    });
    OVERRIDE.unwrap_or(default)
}
