//! presign-lint: a static security linter for presigned and signed URL usage.
//!
//! The pipeline (see ARCHITECTURE.md), one folder per stage:
//!
//! - [`driver`]: the command line, configuration and settings; discovery of files
//!   ([`driver::scan`]) and the analysis of each ([`driver::analyze`]), the project passes,
//!   caches and baselines.
//! - [`text`]: what is read from bytes before any parse: the word search and the prefilter,
//!   signed URLs, durations, source positions, redaction.
//! - [`frontend`]: each language and format turned into language-neutral [`facts`].
//! - [`semantic`]: the per-file model every lint reads (what each call presigns through, SDK
//!   catalog, signing clients, constant folding) and the project index.
//! - [`lints`]: the registry and one module per lint, with their docs.
//! - [`report`]: the sorted [`finding`]s in each output format.
//!
//! [`history`] runs the leaked-secret lints over a repository's history.

pub mod driver;
pub mod facts;
pub mod finding;
pub mod frontend;
#[doc(hidden)]
pub mod fuzzing;
pub mod history;
pub mod level;
pub mod lints;
pub mod report;
pub mod semantic;
pub mod text;

pub use driver::run::{ExitStatus, run};
