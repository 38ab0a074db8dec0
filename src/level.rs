//! Lint levels and the `--fail-on` threshold.

use std::fmt;
use std::str::FromStr;

use crate::driver::suggest::UnknownName;

/// How loudly a lint reports. Ordered from off to loudest, so `level >= threshold` works.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Allow,
    Note,
    Warning,
    Error,
}

impl Level {
    pub const NAMES: [&'static str; 4] = ["allow", "note", "warning", "error"];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Note => "note",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Level {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, UnknownName> {
        match s {
            "allow" => Ok(Level::Allow),
            "note" => Ok(Level::Note),
            "warning" | "warn" => Ok(Level::Warning),
            "error" | "deny" => Ok(Level::Error),
            _ => Err(unknown("level", s, &Level::NAMES)),
        }
    }
}

/// The lowest level that makes the exit code 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    Level(Level),
    Never,
}

impl FailOn {
    pub fn fails(self, level: Level) -> bool {
        match self {
            FailOn::Level(threshold) => level != Level::Allow && level >= threshold,
            FailOn::Never => false,
        }
    }
}

impl FromStr for FailOn {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, UnknownName> {
        match s {
            "never" => Ok(FailOn::Never),
            "error" => Ok(FailOn::Level(Level::Error)),
            "warning" => Ok(FailOn::Level(Level::Warning)),
            "note" => Ok(FailOn::Level(Level::Note)),
            _ => Err(unknown(
                "--fail-on value",
                s,
                &["error", "warning", "note", "never"],
            )),
        }
    }
}

/// "unknown level `alow`; did you mean `allow`?", or the list when nothing is near.
fn unknown(what: &'static str, input: &str, valid: &[&str]) -> UnknownName {
    UnknownName::among(what, input, valid.iter().copied(), || {
        format!("expected one of: {}", valid.join(", "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fail_on_threshold() {
        let warn = FailOn::Level(Level::Warning);
        assert!(warn.fails(Level::Error));
        assert!(warn.fails(Level::Warning));
        assert!(!warn.fails(Level::Note));
        assert!(!FailOn::Never.fails(Level::Error));
        assert!(!FailOn::Level(Level::Note).fails(Level::Allow));
    }
}
