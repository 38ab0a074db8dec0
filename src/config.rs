//! `presign-lint.toml` / `.presign-lint.toml`: discovery and strict validation. An unknown key
//! or lint name is an error naming the nearest valid one, because a typo must never silently
//! switch a check off.

use std::path::{Path, PathBuf};

use ignore::gitignore::{Gitignore, GitignoreBuilder};

use crate::duration::parse_duration;
use crate::level::{FailOn, Level};
use crate::lints::LintId;
use crate::suggest::closest;

pub const FILE_NAMES: [&str; 2] = ["presign-lint.toml", ".presign-lint.toml"];

const TOP_LEVEL_KEYS: [&str; 5] = ["max-expiry", "fail-on", "exclude", "lints", "overrides"];
const OVERRIDE_KEYS: [&str; 2] = ["paths", "lints"];

/// A validated config file.
#[derive(Default)]
pub struct Config {
    /// Where the file is; `None` when running without one.
    pub path: Option<PathBuf>,
    pub max_expiry: Option<u64>,
    pub fail_on: Option<FailOn>,
    /// Gitignore-style patterns, relative to the config file's directory.
    pub exclude: Option<Gitignore>,
    pub lints: Vec<(LintId, Level)>,
    pub overrides: Vec<Override>,
}

/// Lint levels for the paths that match `paths` (gitignore-style, relative to the config).
pub struct Override {
    pub paths: Gitignore,
    pub lints: Vec<(LintId, Level)>,
}

impl Config {
    /// The directory patterns are relative to.
    pub fn base_dir(&self) -> Option<&Path> {
        self.path.as_deref().and_then(Path::parent)
    }
}

/// The nearest config file at or above `start`.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    let absolute = crate::paths::absolute(&cwd, start);
    let dir = if absolute.is_dir() {
        absolute.as_path()
    } else {
        absolute.parent()?
    };
    dir.ancestors().find_map(|d| {
        FILE_NAMES
            .iter()
            .map(|name| d.join(name))
            .find(|candidate| candidate.is_file())
    })
}

pub fn load(path: &Path) -> Result<Config, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read config: {e}", path.display()))?;
    let absolute = match std::env::current_dir() {
        Ok(cwd) => crate::paths::absolute(&cwd, path),
        Err(_) => path.to_path_buf(),
    };
    parse(&text, &absolute).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn parse(text: &str, path: &Path) -> Result<Config, String> {
    let table: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| format!("invalid TOML: {}", e.message()))?;
    let base = path.parent().unwrap_or(Path::new("."));
    let mut config = Config {
        path: Some(path.to_path_buf()),
        ..Config::default()
    };
    for (key, value) in &table {
        match key.as_str() {
            "max-expiry" => {
                let seconds = match value {
                    toml::Value::Integer(n) => u64::try_from(*n).ok(),
                    toml::Value::String(s) => parse_duration(s),
                    _ => None,
                };
                let seconds = seconds.ok_or_else(|| {
                    format!("`max-expiry` must be a duration such as \"15m\", \"1h\" or 900, not {value}")
                })?;
                config.max_expiry = Some(
                    crate::duration::policy_maximum(seconds)
                        .map_err(|e| format!("`max-expiry` {e}"))?,
                );
            }
            "fail-on" => {
                let s = value.as_str().ok_or("`fail-on` must be a string")?;
                config.fail_on = Some(s.parse()?);
            }
            "exclude" => {
                let patterns = string_list(value, "exclude")?;
                config.exclude = Some(globs(base, &patterns, "exclude")?);
            }
            "lints" => {
                config.lints = lint_levels(value, "lints")?;
            }
            "overrides" => {
                let items = value
                    .as_array()
                    .ok_or("`overrides` must be an array of tables: [[overrides]]")?;
                for (i, item) in items.iter().enumerate() {
                    let at = format!("overrides[{i}]");
                    let table = item
                        .as_table()
                        .ok_or_else(|| format!("`{at}` must be a table"))?;
                    for key in table.keys() {
                        check_key(key, &OVERRIDE_KEYS, &at)?;
                    }
                    let paths = table
                        .get("paths")
                        .ok_or_else(|| format!("`{at}` needs `paths`"))?;
                    let patterns = string_list(paths, &format!("{at}.paths"))?;
                    let lints = match table.get("lints") {
                        Some(v) => lint_levels(v, &format!("{at}.lints"))?,
                        None => Vec::new(),
                    };
                    config.overrides.push(Override {
                        paths: globs(base, &patterns, &at)?,
                        lints,
                    });
                }
            }
            other => check_key(other, &TOP_LEVEL_KEYS, "the top level")?,
        }
    }
    Ok(config)
}

fn check_key(key: &str, valid: &[&str], place: &str) -> Result<(), String> {
    if valid.contains(&key) {
        return Ok(());
    }
    Err(match closest(key, valid.iter().copied()) {
        Some(near) => format!("unknown key `{key}` in {place}; did you mean `{near}`?"),
        None => format!(
            "unknown key `{key}` in {place}; valid keys are: {}",
            valid.join(", ")
        ),
    })
}

fn string_list(value: &toml::Value, key: &str) -> Result<Vec<String>, String> {
    let items = value
        .as_array()
        .ok_or_else(|| format!("`{key}` must be an array of strings"))?;
    items
        .iter()
        .map(|v| {
            v.as_str()
                .map(str::to_string)
                .ok_or_else(|| format!("`{key}` must be an array of strings"))
        })
        .collect()
}

fn lint_levels(value: &toml::Value, key: &str) -> Result<Vec<(LintId, Level)>, String> {
    let table = value
        .as_table()
        .ok_or_else(|| format!("`{key}` must be a table of lint = \"level\""))?;
    table
        .iter()
        .map(|(name, level)| {
            let lint = parse_lint_name(name).map_err(|e| format!("in `{key}`: {e}"))?;
            let level = level
                .as_str()
                .ok_or_else(|| format!("in `{key}`: the level of `{name}` must be a string"))?
                .parse::<Level>()
                .map_err(|e| format!("in `{key}`: {e}"))?;
            Ok((lint, level))
        })
        .collect()
}

/// A lint name, or an error that suggests the nearest one.
pub fn parse_lint_name(name: &str) -> Result<LintId, String> {
    LintId::from_name(name).ok_or_else(|| match LintId::suggest(name) {
        Some(near) => format!("unknown lint `{name}`; did you mean `{near}`?"),
        None => format!("unknown lint `{name}`; `presign-lint lints` lists them"),
    })
}

/// Builds gitignore-style matchers rooted at `base`.
pub fn globs(base: &Path, patterns: &[String], key: &str) -> Result<Gitignore, String> {
    let mut builder = GitignoreBuilder::new(base);
    for pattern in patterns {
        builder
            .add_line(None, pattern)
            .map_err(|e| format!("`{key}`: invalid pattern `{pattern}`: {e}"))?;
    }
    builder.build().map_err(|e| format!("`{key}`: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Config, String> {
        parse(text, Path::new("/project/presign-lint.toml"))
    }

    #[test]
    fn reads_the_documented_example() {
        let config = parse_str(
            r#"
max-expiry = "15m"
fail-on = "warning"
exclude = ["vendor/**"]
[lints]
presign-client-without-region = "allow"
[[overrides]]
paths = ["tests/**"]
lints = { hardcoded-presigned-url = "warning" }
"#,
        )
        .map_err(|e| e.to_string());
        let config = match config {
            Ok(c) => c,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(config.max_expiry, Some(900));
        assert_eq!(
            config.lints,
            [(LintId::PresignClientWithoutRegion, Level::Allow)]
        );
        assert_eq!(config.overrides.len(), 1);
        let exclude = config.exclude.as_ref().map(|g| {
            g.matched_path_or_any_parents("/project/vendor/a/b.py", false)
                .is_ignore()
        });
        assert_eq!(exclude, Some(true));
    }

    #[test]
    fn typos_are_errors_with_suggestions() {
        let err = parse_str("max-expriy = \"1h\"").err().unwrap_or_default();
        assert!(err.contains("did you mean `max-expiry`"), "{err}");
        let err = parse_str("[lints]\nexcesive-expiry = \"allow\"")
            .err()
            .unwrap_or_default();
        assert!(err.contains("did you mean `excessive-expiry`"), "{err}");
        let err = parse_str("[lints]\nexcessive-expiry = \"off\"")
            .err()
            .unwrap_or_default();
        assert!(err.contains("unknown level"), "{err}");
        let err = parse_str("[[overrides]]\npath = [\"x\"]")
            .err()
            .unwrap_or_default();
        assert!(err.contains("did you mean `paths`"), "{err}");
        assert!(parse_str("max-expiry = \"soon\"").is_err());
        assert!(parse_str("= broken").is_err());
    }
}
