//! The effective settings of one run: defaults, then the config file, then the command line.

use std::path::Path;

use ignore::gitignore::Gitignore;
use time::OffsetDateTime;

use crate::driver::config::Config;
use crate::driver::suggest::{Hint, UnknownName};
use crate::level::{FailOn, Level};
use crate::lints::{LintId, Status};

pub const DEFAULT_MAX_EXPIRY: u64 = 3600;

pub struct Settings {
    pub max_expiry: u64,
    pub fail_on: FailOn,
    /// Levels before path overrides: defaults, then `[lints]`, then -D/-W/-A.
    base_levels: Vec<Level>,
    /// Path-specific levels from `[[overrides]]`, applied in order.
    overrides: Vec<(Gitignore, Vec<(LintId, Level)>)>,
    /// -D/-W/-A, which win over everything in the config file.
    cli_levels: Vec<(LintSelector, Level)>,
    /// `exclude` of the config file and `--exclude` of the command line.
    excludes: Vec<Gitignore>,
    /// When set, only these lints run (`history` runs the leaked-secret lints only).
    only: Option<Vec<LintId>>,
    /// The scan's clock, which decides whether a signed URL has expired: the time the run
    /// started, or `--now` (reproducible reports and tests).
    pub now: OffsetDateTime,
}

impl Settings {
    pub fn new(
        config: Config,
        cli_levels: Vec<(LintSelector, Level)>,
        cli_max_expiry: Option<u64>,
        cli_fail_on: Option<FailOn>,
        cli_exclude: Option<Gitignore>,
    ) -> Settings {
        let mut base_levels: Vec<Level> = LintId::ALL
            .iter()
            .map(|id| id.info().default_level)
            .collect();
        for (lint, level) in &config.lints {
            base_levels[*lint as usize] = *level;
        }
        apply(&cli_levels, &mut base_levels);
        Settings {
            max_expiry: cli_max_expiry
                .or(config.max_expiry)
                .unwrap_or(DEFAULT_MAX_EXPIRY),
            fail_on: cli_fail_on
                .or(config.fail_on)
                .unwrap_or(FailOn::Level(Level::Warning)),
            base_levels,
            overrides: config
                .overrides
                .into_iter()
                .map(|o| (o.paths, o.lints))
                .collect(),
            cli_levels,
            excludes: config.exclude.into_iter().chain(cli_exclude).collect(),
            only: None,
            now: OffsetDateTime::now_utc(),
        }
    }

    /// The same settings with every lint but `lints` off, whatever the config says.
    pub fn restricted_to(mut self, lints: &[LintId]) -> Settings {
        self.only = Some(lints.to_vec());
        self
    }

    /// The same settings with the scan's clock at `now`.
    pub fn with_now(mut self, now: OffsetDateTime) -> Settings {
        self.now = now;
        self
    }

    /// Levels of every lint for a file (absolute path). Planned lints never report.
    pub fn levels_for(&self, absolute: &Path) -> Vec<Level> {
        let mut levels = self.base_levels.clone();
        let mut overridden = false;
        for (paths, lints) in &self.overrides {
            if matches(paths, absolute, false) {
                overridden = true;
                for (lint, level) in lints {
                    levels[*lint as usize] = *level;
                }
            }
        }
        if overridden {
            apply(&self.cli_levels, &mut levels);
        }
        for id in LintId::ALL {
            let left_out = self.only.as_ref().is_some_and(|only| !only.contains(id));
            if id.info().status == Status::Planned || left_out {
                levels[*id as usize] = Level::Allow;
            }
        }
        levels
    }

    /// The exclusion matchers, for the walker's entry filter.
    pub fn exclude_matchers(&self) -> Vec<Gitignore> {
        self.excludes.clone()
    }

    /// Whether `--exclude` or the config's `exclude` skips this path (absolute).
    pub fn is_excluded(&self, absolute: &Path, is_dir: bool) -> bool {
        self.excludes.iter().any(|g| matches(g, absolute, is_dir))
    }
}

/// What a -D/-W/-A flag names: one lint, every lint (`all`), or the lints at one level
/// (`warnings`, `notes`, `errors`), as rustc's `-D warnings`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LintSelector {
    Lint(LintId),
    All,
    AtLevel(Level),
}

impl LintSelector {
    pub const GROUPS: [&'static str; 4] = ["all", "warnings", "notes", "errors"];

    /// A lint or group name, or an error that suggests the nearest one.
    pub fn parse(name: &str) -> Result<Self, UnknownName> {
        Ok(match name {
            "all" => LintSelector::All,
            "warnings" => LintSelector::AtLevel(Level::Warning),
            "notes" => LintSelector::AtLevel(Level::Note),
            "errors" => LintSelector::AtLevel(Level::Error),
            _ => match crate::driver::config::parse_lint_name(name) {
                Ok(lint) => LintSelector::Lint(lint),
                Err(e) => {
                    return Err(
                        match crate::driver::suggest::closest(name, Self::GROUPS.iter().copied()) {
                            Some(group) => UnknownName {
                                what: "lint or group",
                                hint: Hint::Near(group.to_string()),
                                ..e
                            },
                            None => UnknownName {
                                hint: Hint::Instead(format!(
                                    "{} (groups: all, warnings, notes, errors)",
                                    e.hint
                                )),
                                ..e
                            },
                        },
                    );
                }
            },
        })
    }
}

/// Applies -D/-W/-A in the order given: a group is read against the levels as they stand.
fn apply(flags: &[(LintSelector, Level)], levels: &mut [Level]) {
    for (selector, level) in flags {
        match selector {
            LintSelector::Lint(lint) => levels[*lint as usize] = *level,
            LintSelector::All => levels.iter_mut().for_each(|l| *l = *level),
            LintSelector::AtLevel(at) => levels
                .iter_mut()
                .filter(|l| **l == *at)
                .for_each(|l| *l = *level),
        }
    }
}

/// Gitignore matching that never panics on paths outside the matcher's root.
pub fn matches(globs: &Gitignore, absolute: &Path, is_dir: bool) -> bool {
    absolute.starts_with(globs.path())
        && globs
            .matched_path_or_any_parents(absolute, is_dir)
            .is_ignore()
}
