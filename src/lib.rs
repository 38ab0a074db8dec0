//! presign-lint: a static security linter for presigned and signed URL usage.
//!
//! The pipeline (see ARCHITECTURE.md): [`scan`] discovers files and runs [`analyze`] on each
//! (prefilter, [`frontend`] facts, [`lints`], [`suppress`]), then [`report`] renders the
//! sorted findings in the requested format.

pub mod analyze;
pub mod baseline;
pub mod catalog;
pub mod cli;
pub mod clients;
pub mod config;
pub mod context_cache;
pub mod docs;
pub mod duration;
pub mod eval;
pub mod facts;
pub mod finding;
pub mod frontend;
#[doc(hidden)]
pub mod fuzzing;
pub mod history;
pub mod level;
pub mod lints;
pub mod paths;
pub mod prefilter;
pub mod redact;
pub mod report;
pub mod scan;
pub mod semantic;
pub mod settings;
pub mod signed_url;
pub mod source;
pub mod staged;
pub mod suggest;
pub mod suppress;
pub mod syntax_cache;
pub mod words;

mod run;

pub use run::{ExitStatus, run};
