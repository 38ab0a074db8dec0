//! `presign-lint.toml` / `.presign-lint.toml`: discovery and strict validation. An unknown key
//! or lint name is an error naming the nearest valid one, because a typo must never silently
//! switch a check off.

use std::path::{Path, PathBuf};

use ignore::gitignore::{Gitignore, GitignoreBuilder};

use crate::driver::suggest::{Hint, UnknownName};
use crate::level::{FailOn, Level};
use crate::lints::LintId;
use crate::text::duration::parse_duration;

pub const FILE_NAMES: [&str; 2] = ["presign-lint.toml", ".presign-lint.toml"];

/// A Python project's `pyproject.toml` may hold the config as `[tool.presign-lint]` (as ruff
/// reads `[tool.ruff]`); it counts only when it has that table, after the files above.
pub const PYPROJECT: &str = "pyproject.toml";
const PYPROJECT_TABLE: [&str; 2] = ["tool", "presign-lint"];

/// Largest config or baseline file read (`--config`, `--baseline`, a discovered config or
/// `pyproject.toml`): 16 MiB, far above any real one, so that `--config /dev/zero` or a huge
/// file cannot exhaust memory.
pub const MAX_SMALL_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Reads a config or baseline file as UTF-8: a regular file only (a FIFO would block the run
/// forever, a device may never end) of at most [`MAX_SMALL_FILE_BYTES`].
pub fn read_small_file(path: &Path) -> std::io::Result<String> {
    use std::io::Read;
    let not_regular = || std::io::Error::other("not a regular file");
    // Checked before opening: opening a FIFO blocks until a writer comes.
    if !std::fs::metadata(path)?.is_file() {
        return Err(not_regular());
    }
    let file = std::fs::File::open(path)?;
    if !file.metadata()?.is_file() {
        return Err(not_regular());
    }
    let mut bytes = Vec::new();
    file.take(MAX_SMALL_FILE_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_SMALL_FILE_BYTES {
        return Err(std::io::Error::other(format!(
            "larger than {} MiB",
            MAX_SMALL_FILE_BYTES >> 20
        )));
    }
    String::from_utf8(bytes)
        .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "not valid UTF-8"))
}

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
    let absolute = crate::driver::paths::absolute(&cwd, start);
    let dir = if absolute.is_dir() {
        absolute.as_path()
    } else {
        absolute.parent()?
    };
    dir.ancestors()
        .find_map(|d| candidates(d).into_iter().next())
}

/// The config files of one directory, in the order they are preferred.
fn candidates(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = FILE_NAMES
        .iter()
        .map(|name| dir.join(name))
        .filter(|candidate| candidate.is_file())
        .collect();
    let pyproject = dir.join(PYPROJECT);
    if read_small_file(&pyproject).is_ok_and(|text| has_tool_table(&text)) {
        found.push(pyproject);
    }
    found
}

/// Whether a `pyproject.toml` holds `[tool.presign-lint]` (or a table under it). A cheap
/// look first; the parse decides.
fn has_tool_table(text: &str) -> bool {
    text.contains("presign-lint")
        && text
            .parse::<toml::Table>()
            .is_ok_and(|t| t.get("tool").and_then(|t| t.get("presign-lint")).is_some())
}

/// The other config files beside `chosen`: only `chosen` is read.
pub fn shadowed(chosen: &Path) -> Vec<PathBuf> {
    let Some(dir) = chosen.parent() else {
        return Vec::new();
    };
    candidates(dir)
        .into_iter()
        .filter(|other| other.file_name() != chosen.file_name())
        .collect()
}

/// Why a config file was refused, as printed: its shown path, then the problem. The problem
/// is redacted where it is made (it quotes keys and values of a file a pull request may
/// control).
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{shown}: cannot read config: {reason}")]
    Read { shown: String, reason: String },
    #[error("{shown}:{problem}")]
    Invalid { shown: String, problem: ParseError },
}

/// A problem in a config file's text, at its `line:column`.
#[derive(Debug, thiserror::Error)]
#[error("{position}: {message}")]
pub struct ParseError {
    /// `line:column`, 1-based.
    pub position: String,
    pub message: String,
}

impl From<ConfigError> for String {
    fn from(e: ConfigError) -> String {
        e.to_string()
    }
}

pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let text = read_small_file(path).map_err(|e| ConfigError::Read {
        shown: crate::driver::paths::redact_path(path),
        reason: crate::text::redact::redact(&e.to_string()).text,
    })?;
    let (absolute, shown) = match std::env::current_dir() {
        Ok(cwd) => (
            crate::driver::paths::absolute(&cwd, path),
            crate::driver::paths::display_path(path, &cwd),
        ),
        Err(_) => (path.to_path_buf(), crate::driver::paths::redact_path(path)),
    };
    parse_shown(&text, &absolute, &shown)
}

/// [`parse`], with an error as it is printed: after the file's `shown` path, redacted (the
/// message quotes keys and values of a file a pull request may control).
pub fn parse_shown(text: &str, path: &Path, shown: &str) -> Result<Config, ConfigError> {
    parse(text, path).map_err(|problem| ConfigError::Invalid {
        shown: shown.to_string(),
        problem: ParseError {
            message: crate::text::redact::redact(&problem.message).text,
            ..problem
        },
    })
}

/// Parses a config file's text (of `pyproject.toml`, its `[tool.presign-lint]` table); an
/// error starts with `line:column: `.
pub fn parse(text: &str, path: &Path) -> Result<Config, ParseError> {
    let document: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        let at = e.span().map_or(0, |span| span.start);
        ParseError {
            position: position(text, at),
            message: format!("invalid TOML: {}", e.message().trim_end()),
        }
    })?;
    let in_pyproject = path.file_name().is_some_and(|n| n == PYPROJECT);
    let prefix: Vec<Step> = if in_pyproject {
        PYPROJECT_TABLE.iter().map(|k| key(k)).collect()
    } else {
        Vec::new()
    };
    let table = if in_pyproject {
        match document.get("tool").and_then(|t| t.get("presign-lint")) {
            Some(toml::Value::Table(table)) => table,
            Some(_) => {
                let at = locate(text, &prefix, Part::Value).unwrap_or(0);
                return Err(ParseError {
                    position: position(text, at),
                    message: "`tool.presign-lint` must be a table".to_string(),
                });
            }
            None => {
                return Err(ParseError {
                    position: "1:1".to_string(),
                    message: "no [tool.presign-lint] table".to_string(),
                });
            }
        }
    } else {
        &document
    };
    parse_table(table, path).map_err(|problem| {
        let at: Vec<Step> = prefix.iter().cloned().chain(problem.at).collect();
        let offset = locate(text, &at, problem.part).unwrap_or(0);
        ParseError {
            position: position(text, offset),
            message: problem.message,
        }
    })
}

/// A config error and the key or value it is about, found again in the text for its
/// position (`toml::Table` keeps none).
struct Problem {
    message: String,
    at: Vec<Step>,
    part: Part,
}

#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

#[derive(Clone, Copy)]
enum Part {
    Key,
    Value,
}

fn problem(message: impl Into<String>, at: &[Step], part: Part) -> Problem {
    Problem {
        message: message.into(),
        at: at.to_vec(),
        part,
    }
}

fn key(name: &str) -> Step {
    Step::Key(name.to_string())
}

fn parse_table(table: &toml::Table, path: &Path) -> Result<Config, Problem> {
    let base = path.parent().unwrap_or(Path::new("."));
    let mut config = Config {
        path: Some(path.to_path_buf()),
        ..Config::default()
    };
    for (name, value) in table {
        let at = [key(name)];
        let bad_value = |message: String| problem(message, &at, Part::Value);
        match name.as_str() {
            "max-expiry" => {
                let seconds = match value {
                    toml::Value::Integer(n) => u64::try_from(*n).ok(),
                    toml::Value::String(s) => parse_duration(s),
                    _ => None,
                };
                let seconds = seconds.ok_or_else(|| {
                    bad_value(format!("`max-expiry` must be a duration such as \"15m\", \"1h\" or 900, not {value}"))
                })?;
                config.max_expiry = Some(
                    crate::text::duration::policy_maximum(seconds)
                        .map_err(|e| bad_value(format!("`max-expiry` {e}")))?,
                );
            }
            "fail-on" => {
                let s = value
                    .as_str()
                    .ok_or_else(|| bad_value("`fail-on` must be a string".into()))?;
                config.fail_on = Some(
                    s.parse()
                        .map_err(|e| bad_value(format!("`fail-on`: {e}")))?,
                );
            }
            "exclude" => {
                let patterns = string_list(value, &at)?;
                config.exclude =
                    Some(globs(base, &patterns, "exclude").map_err(|e| bad_value(e.to_string()))?);
            }
            "lints" => {
                config.lints = lint_levels(value, &at)?;
            }
            "overrides" => {
                let items = value.as_array().ok_or_else(|| {
                    bad_value("`overrides` must be an array of tables: [[overrides]]".into())
                })?;
                for (i, item) in items.iter().enumerate() {
                    let at = [key("overrides"), Step::Index(i)];
                    let place = format!("overrides[{i}]");
                    let table = item.as_table().ok_or_else(|| {
                        problem(format!("`{place}` must be a table"), &at, Part::Value)
                    })?;
                    for name in table.keys() {
                        check_key(name, &OVERRIDE_KEYS, &place).map_err(|e| {
                            problem(
                                e.to_string(),
                                &[at[0].clone(), at[1].clone(), key(name)],
                                Part::Key,
                            )
                        })?;
                    }
                    let paths = table.get("paths").ok_or_else(|| {
                        problem(format!("`{place}` needs `paths`"), &at, Part::Value)
                    })?;
                    let paths_at = [at[0].clone(), at[1].clone(), key("paths")];
                    let patterns = string_list(paths, &paths_at)?;
                    let lints = match table.get("lints") {
                        Some(v) => lint_levels(v, &[at[0].clone(), at[1].clone(), key("lints")])?,
                        None => Vec::new(),
                    };
                    config.overrides.push(Override {
                        paths: globs(base, &patterns, &place)
                            .map_err(|e| problem(e.to_string(), &paths_at, Part::Value))?,
                        lints,
                    });
                }
            }
            other => check_key(other, &TOP_LEVEL_KEYS, "the top level")
                .map_err(|e| problem(e.to_string(), &at, Part::Key))?,
        }
    }
    Ok(config)
}

/// `at`'s name as the user wrote it: `overrides[0].paths`.
fn dotted(at: &[Step]) -> String {
    let mut out = String::new();
    for step in at {
        match step {
            Step::Key(k) if out.is_empty() => out.push_str(k),
            Step::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

fn check_key(key: &str, valid: &[&str], place: &str) -> Result<(), UnknownName> {
    if valid.contains(&key) {
        return Ok(());
    }
    Err(UnknownName::among("key", key, valid.iter().copied(), || {
        format!("valid keys are: {}", valid.join(", "))
    })
    .in_place(place))
}

fn string_list(value: &toml::Value, at: &[Step]) -> Result<Vec<String>, Problem> {
    let error = || {
        problem(
            format!("`{}` must be an array of strings", dotted(at)),
            at,
            Part::Value,
        )
    };
    let items = value.as_array().ok_or_else(error)?;
    items
        .iter()
        .map(|v| v.as_str().map(str::to_string).ok_or_else(error))
        .collect()
}

fn lint_levels(value: &toml::Value, at: &[Step]) -> Result<Vec<(LintId, Level)>, Problem> {
    let place = dotted(at);
    let table = value.as_table().ok_or_else(|| {
        problem(
            format!("`{place}` must be a table of lint = \"level\""),
            at,
            Part::Value,
        )
    })?;
    table
        .iter()
        .map(|(name, level)| {
            let mut entry = at.to_vec();
            entry.push(key(name));
            let lint = parse_lint_name(name)
                .map_err(|e| problem(format!("in `{place}`: {e}"), &entry, Part::Key))?;
            let level = level
                .as_str()
                .ok_or_else(|| {
                    problem(
                        format!("in `{place}`: the level of `{name}` must be a string"),
                        &entry,
                        Part::Value,
                    )
                })?
                .parse::<Level>()
                .map_err(|e| problem(format!("in `{place}`: {e}"), &entry, Part::Value))?;
            Ok((lint, level))
        })
        .collect()
}

/// The byte offset of the key or value at `at`, read again with `toml_edit`, which keeps
/// spans.
fn locate(text: &str, at: &[Step], part: Part) -> Option<usize> {
    use toml_edit::{Item, TableLike, Value};
    let document = toml_edit::ImDocument::parse(text).ok()?;
    let mut table: &dyn TableLike = document.as_table();
    let mut item: Option<&Item> = None;
    let mut found = None;
    for (i, step) in at.iter().enumerate() {
        let last = i + 1 == at.len();
        match step {
            Step::Key(name) => {
                if let Some(current) = item {
                    table = current.as_table_like()?;
                }
                let (k, value) = table.get_key_value(name)?;
                found = match part {
                    Part::Key if last => k.span(),
                    _ => value.span().or_else(|| k.span()),
                };
                item = Some(value);
            }
            Step::Index(index) => {
                let entry: &dyn TableLike = match item? {
                    Item::ArrayOfTables(tables) => tables.get(*index)?,
                    Item::Value(Value::Array(values)) => match values.get(*index)? {
                        Value::InlineTable(t) => t,
                        _ => return found.map(|span: std::ops::Range<usize>| span.start),
                    },
                    _ => return found.map(|span| span.start),
                };
                found = entry_span(entry).or(found);
                table = entry;
                item = None;
            }
        }
    }
    found.map(|span| span.start)
}

/// Where a table of an array begins: its first key, since `[[overrides]]` headers keep no
/// span of their own here.
fn entry_span(table: &dyn toml_edit::TableLike) -> Option<std::ops::Range<usize>> {
    table
        .iter()
        .filter_map(|(name, _)| table.get_key_value(name).and_then(|(k, _)| k.span()))
        .min_by_key(|span| span.start)
}

/// `line:column` (1-based, columns in characters) of a byte offset.
fn position(text: &str, offset: usize) -> String {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map_or(0, |tail| tail.chars().count())
        + 1;
    format!("{line}:{column}")
}

/// A lint name, or an error that suggests the nearest one.
pub fn parse_lint_name(name: &str) -> Result<LintId, UnknownName> {
    LintId::from_name(name).ok_or_else(|| UnknownName {
        what: "lint",
        name: name.to_string(),
        place: String::new(),
        hint: match LintId::suggest(name) {
            Some(near) => Hint::Near(near.to_string()),
            None => Hint::Instead("`presign-lint lints` lists them".to_string()),
        },
    })
}

/// Builds gitignore-style matchers rooted at `base`.
pub fn globs(base: &Path, patterns: &[String], key: &str) -> Result<Gitignore, GlobError> {
    let mut builder = GitignoreBuilder::new(base);
    for pattern in patterns {
        builder
            .add_line(None, pattern)
            .map_err(|e| GlobError::Pattern {
                key: key.to_string(),
                pattern: pattern.clone(),
                source: e,
            })?;
    }
    builder.build().map_err(|e| GlobError::Build {
        key: key.to_string(),
        source: e,
    })
}

/// A glob list (`exclude`, an override's `paths`, `--exclude`) that does not compile.
#[derive(Debug, thiserror::Error)]
pub enum GlobError {
    #[error("`{key}`: invalid pattern `{pattern}`: {source}")]
    Pattern {
        key: String,
        pattern: String,
        source: ignore::Error,
    },
    #[error("`{key}`: {source}")]
    Build { key: String, source: ignore::Error },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Config, String> {
        parse(text, Path::new("/project/presign-lint.toml")).map_err(|e| e.to_string())
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

    #[test]
    fn pyproject_holds_the_config_under_tool() {
        let path = Path::new("/project/pyproject.toml");
        let text = "[project]\nname = \"app\"\n\n[tool.presign-lint]\nmax-expiry = \"15m\"\n\n[tool.presign-lint.lints]\npresign-in-loop = \"alow\"\n";
        let err = parse(text, path)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert_eq!(
            err,
            "8:19: in `lints`: unknown level `alow`; did you mean `allow`?"
        );
        let config = parse(&text.replace("alow", "allow"), path).map_err(|e| e.to_string());
        assert_eq!(config.map(|c| c.max_expiry), Ok(Some(900)));
        assert!(has_tool_table(text));
        assert!(!has_tool_table("[tool.ruff]\n# presign-lint some day\n"));
    }

    #[test]
    fn errors_say_where() {
        let err = |text: &str| parse_str(text).err().unwrap_or_default();
        assert_eq!(
            err("max-expiry = \"1h\"\n\n[lints]\nexcessive-expiry = \"alow\"\n"),
            "4:20: in `lints`: unknown level `alow`; did you mean `allow`?"
        );
        assert!(err("fail-on = \"warnng\"").starts_with(
            "1:11: `fail-on`: unknown --fail-on value `warnng`; did you mean `warning`?"
        ));
        assert!(err("x = 1\nmax-expriy = 3").starts_with("2:1: unknown key `max-expriy`"));
        // The second table of an array, an inline table, an element of a list.
        let overrides = "[[overrides]]\npaths = [\"a\"]\n\n[[overrides]]\npaths = [\"b\"]\nlints = { presign-in-lop = \"allow\" }\n";
        assert!(err(overrides).starts_with("6:11: in `overrides[1].lints`: unknown lint"));
        assert!(
            err("[[overrides]]\npaths = [\"a\"]\npath = 3\n")
                .starts_with("3:1: unknown key `path` in overrides[0]")
        );
        assert!(err("exclude = [\"a\", 1]").starts_with("1:11: `exclude` must be"));
        // Syntax errors carry the parser's position; columns count characters.
        assert!(err("# é\nmax-expiry = \"1h\n").starts_with("2:17: invalid TOML"));
        assert_eq!(position("aé = 1", 3), "1:3");
    }
}
