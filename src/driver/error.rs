//! Why a run stops before or while scanning (exit code 2), as one type: the config,
//! baseline, history and `--staged` errors keep their structure; the rest (an unreadable
//! path, a usage problem, a failed write) are worded where they happen. Every message is redacted before it is made
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
    /// Anything else, already worded.
    #[error("{0}")]
    Other(String),
}

impl From<String> for Error {
    fn from(message: String) -> Error {
        Error::Other(message)
    }
}
