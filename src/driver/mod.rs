//! What runs a check: the command line ([`cli`]) and its effect ([`run`]); configuration
//! files ([`config`]) and the settings they make per path ([`settings`]); discovery of the
//! files to read ([`scan`], [`paths`], [`staged`]) and the analysis of each ([`analyze`]);
//! what named files' projects and directory scans keep between runs ([`stamp_cache`],
//! [`syntax_cache`], [`walk_cache`]);
//! baselines ([`baseline`]); why a run stops ([`error`]).

pub mod analyze;
pub mod baseline;
pub(crate) mod candidates;
pub mod cli;
pub mod config;
pub mod error;
pub mod paths;
pub mod positioned;
pub mod run;
pub mod scan;
pub mod settings;
pub mod staged;
pub mod stamp_cache;
pub mod suggest;
pub mod syntax_cache;
pub mod walk_cache;

/// A mutex's guard, poisoned or not: a panic in one file's analysis is contained and
/// reported, and must not take every other lock user down with it.
pub(crate) fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
