//! Why a run stops before or while scanning (exit code 2), as one type: the config,
//! baseline, history, `--staged`, unknown-name, `--now` and glob errors keep their
//! structure; the rest (an unreadable path, a failed write) are worded where they happen. Every message is redacted before it is made
//! (paths and quoted keys may hold a signed URL), and printed once, by `run`.

use crate::driver::baseline::BaselineError;
use crate::driver::config::ConfigError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Baseline(#[from] BaselineError),
    #[error(transparent)]
    History(#[from] crate::history::HistoryError),
    #[error(transparent)]
    Staged(#[from] crate::driver::staged::StagedError),
    /// A level, format or lint name given on the command line that presign-lint does not know.
    #[error(transparent)]
    UnknownName(#[from] crate::driver::suggest::UnknownName),
    #[error(transparent)]
    NotATime(#[from] crate::history::liveness::NotATime),
    #[error(transparent)]
    Glob(#[from] crate::driver::config::GlobError),
    /// Anything else, already worded.
    #[error("{0}")]
    Other(String),
}

impl From<String> for Error {
    fn from(message: String) -> Error {
        Error::Other(message)
    }
}
