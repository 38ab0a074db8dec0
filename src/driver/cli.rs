//! The command line of DESIGN.md: `presign-lint [check] [OPTIONS] [PATH]...`, `explain LINT`,
//! `lints [--format json]`. `check` is the default subcommand.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{ArgMatches, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "presign-lint",
    version,
    about = "Static security linter for presigned and signed URLs (S3, CloudFront, GCS, Azure SAS)",
    after_help = "`check` is the default: `presign-lint src/` is `presign-lint check src/`."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Scan files and directories (default: .)
    Check(Box<CheckArgs>),
    /// Scan a git repository's history for leaked signed URLs and credentials, and say
    /// which still work
    History(Box<HistoryArgs>),
    /// Print a lint's documentation
    Explain {
        /// Lint name, e.g. hardcoded-presigned-url
        lint: String,
    },
    /// List every lint: name, default level, best practice
    Lints {
        #[arg(long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
    },
    /// Print a shell completion script, e.g. `presign-lint completions bash >
    /// ~/.local/share/bash-completion/completions/presign-lint`
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum ListFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Files and directories to scan; `-` reads standard input [default: `.`, or `-` with
    /// --stdin-filename]
    pub paths: Vec<PathBuf>,

    /// Output format
    #[arg(long, default_value = "human", value_parser = ["human", "concise", "json", "sarif", "github", "gitlab"])]
    pub format: String,

    /// Write the report to FILE instead of stdout
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Longest allowed presign expiry: 900, 15m, 1h, 7d [default: 1h]
    #[arg(long, value_name = "DURATION")]
    pub max_expiry: Option<String>,

    /// Lowest level that makes the exit code 1 [default: warning]
    #[arg(long, value_name = "LEVEL", value_parser = ["error", "warning", "note", "never"])]
    pub fail_on: Option<String>,

    /// Set a lint or group (all, warnings, notes, errors) to error, e.g. -D warnings
    /// (repeatable; later flags win)
    #[arg(short = 'D', value_name = "LINT", action = clap::ArgAction::Append)]
    pub deny: Vec<String>,

    /// Set a lint or group (all, warnings, notes, errors) to warning (repeatable)
    #[arg(short = 'W', value_name = "LINT", action = clap::ArgAction::Append)]
    pub warn: Vec<String>,

    /// Set a lint or group to allow, i.e. off, e.g. -A all -W hardcoded-presigned-url
    /// (repeatable)
    #[arg(short = 'A', value_name = "LINT", action = clap::ArgAction::Append)]
    pub allow: Vec<String>,

    /// Config file to use instead of the discovered presign-lint.toml
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Use no config file
    #[arg(long)]
    pub no_config: bool,

    /// Hide findings recorded in FILE; report only new ones
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Record the current findings in FILE
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,

    /// Skip paths matching GLOB (gitignore syntax, repeatable)
    #[arg(long, value_name = "GLOB", action = clap::ArgAction::Append)]
    pub exclude: Vec<String>,

    /// Do not read .gitignore/.ignore files
    #[arg(long)]
    pub no_ignore: bool,

    /// With PATH `-`: lint standard input as if it were NAME
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,

    /// Worker threads [default: all cores; at most 256: a larger N is taken as 256]
    #[arg(short = 'j', long, value_name = "N", value_parser = parse_threads)]
    pub threads: Option<usize>,

    /// Colour in human output
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Scan the staged content of staged files (the git index), under PATHs
    #[arg(long, conflicts_with = "stdin_filename")]
    pub staged: bool,

    /// Print nothing when there is nothing to report
    #[arg(short = 'q', long, conflicts_with = "verbose")]
    pub quiet: bool,

    /// List what could not be checked (expiries set at run time, files that could not be
    /// parsed), with path and line (human, concise; GitHub notices); JSON always carries the
    /// list as `unchecked`
    #[arg(long)]
    pub show_unchecked: bool,

    /// Print how many findings each lint reported instead of the findings (human and
    /// concise formats)
    #[arg(long)]
    pub statistics: bool,

    /// Say on stderr which config file is used, and how the scan was set up
    #[arg(short = 'v', long)]
    pub verbose: bool,

    /// Skip files larger than this many bytes
    #[arg(long, value_name = "BYTES", hide = true)]
    pub max_filesize: Option<u64>,

    /// Analyse each file on its own: no wrappers or constants of other files (faster on
    /// named files, which otherwise read their project)
    #[arg(long)]
    pub no_project: bool,

    /// Do not read or write the caches (named files' projects, directory scans)
    #[arg(long)]
    pub no_cache: bool,
}

/// `presign-lint history [PATH]`: every blob reachable from the chosen revisions, each scanned
/// once with the leaked-secret lints.
#[derive(Args, Debug)]
pub struct HistoryArgs {
    /// The repository (any directory inside it) [default: the current one]
    pub path: Option<PathBuf>,

    /// Scan what is reachable from REV (repeatable) [default: every local branch and tag]
    #[arg(long = "rev", value_name = "REV", action = clap::ArgAction::Append)]
    pub revs: Vec<String>,

    /// Leave out what is reachable from REV: only what is new after it, e.g. `origin/main`
    /// in a pull request (repeatable)
    #[arg(long, value_name = "REV", action = clap::ArgAction::Append)]
    pub since: Vec<String>,

    /// The clock signed URLs are checked against: RFC 3339 (`2024-06-01T00:00:00Z`) or Unix
    /// seconds [default: now]
    #[arg(long, value_name = "TIME")]
    pub now: Option<String>,

    /// Output format
    #[arg(long, default_value = "human", value_parser = ["human", "concise", "json", "sarif", "github", "gitlab"])]
    pub format: String,

    /// Write the report to FILE instead of stdout
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Lowest level that makes the exit code 1 [default: warning]
    #[arg(long, value_name = "LEVEL", value_parser = ["error", "warning", "note", "never"])]
    pub fail_on: Option<String>,

    /// Set a lint to error (repeatable; only the leaked-secret lints run here)
    #[arg(short = 'D', value_name = "LINT", action = clap::ArgAction::Append)]
    pub deny: Vec<String>,

    /// Set a lint to warning (repeatable)
    #[arg(short = 'W', value_name = "LINT", action = clap::ArgAction::Append)]
    pub warn: Vec<String>,

    /// Set a lint to allow, i.e. off (repeatable)
    #[arg(short = 'A', value_name = "LINT", action = clap::ArgAction::Append)]
    pub allow: Vec<String>,

    /// Config file to use instead of the repository's presign-lint.toml
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Use no config file
    #[arg(long)]
    pub no_config: bool,

    /// Hide findings recorded in FILE; report only new ones
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Record the current findings in FILE
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,

    /// Skip paths matching GLOB (gitignore syntax, relative to the repository; repeatable)
    #[arg(long, value_name = "GLOB", action = clap::ArgAction::Append)]
    pub exclude: Vec<String>,

    /// Worker threads [default: all cores; at most 256]
    #[arg(short = 'j', long, value_name = "N", value_parser = parse_threads)]
    pub threads: Option<usize>,

    /// Colour in human output
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Print nothing when there is nothing to report
    #[arg(short = 'q', long, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Say on stderr what is scanned: repository, revisions, commits and blobs
    #[arg(short = 'v', long)]
    pub verbose: bool,

    /// Skip blobs larger than this many bytes (counted in the summary)
    #[arg(long, value_name = "BYTES")]
    pub max_filesize: Option<u64>,
}

impl CheckArgs {
    /// What to scan: the paths given, else standard input when `--stdin-filename` names it,
    /// else the current directory.
    pub fn scan_paths(&self) -> Vec<PathBuf> {
        match (self.paths.is_empty(), &self.stdin_filename) {
            (false, _) => self.paths.clone(),
            (true, Some(_)) => vec![PathBuf::from("-")],
            (true, None) => vec![PathBuf::from(".")],
        }
    }
}

/// A parsed command line, with -D/-W/-A kept in the order given (later wins, as in clippy).
pub struct Parsed {
    pub cli: Cli,
    pub level_flags: Vec<(usize, char, String)>,
}

const SUBCOMMANDS: [&str; 6] = [
    "check",
    "history",
    "explain",
    "lints",
    "completions",
    "help",
];

/// The completion script of `shell` for the whole command line.
pub fn completions(shell: clap_complete::Shell) -> String {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "presign-lint", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// Parses argv, inserting `check` when no subcommand is named.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Parsed, clap::Error> {
    let mut args: Vec<OsString> = args.into_iter().collect();
    let first = args.get(1).and_then(|a| a.to_str()).unwrap_or("");
    let is_top_level_flag = matches!(first, "-h" | "--help" | "-V" | "--version");
    // `presign-lint chek .`: a word close to a subcommand that names no file is a typo, for
    // clap to report with its suggestion, not a path to scan.
    let mistyped = first.chars().all(|c| c.is_ascii_alphabetic())
        && !first.is_empty()
        && !std::path::Path::new(first).exists()
        && crate::driver::suggest::closest(first, SUBCOMMANDS).is_some();
    if !SUBCOMMANDS.contains(&first) && !is_top_level_flag && !mistyped {
        args.insert(1.min(args.len()), OsString::from("check"));
    }
    let matches = Cli::command().try_get_matches_from(args)?;
    let cli = Cli::from_arg_matches(&matches)?;
    let mut level_flags = Vec::new();
    if let Some(("check" | "history", sub)) = matches.subcommand() {
        collect_levels(sub, "deny", 'D', &mut level_flags);
        collect_levels(sub, "warn", 'W', &mut level_flags);
        collect_levels(sub, "allow", 'A', &mut level_flags);
    }
    level_flags.sort_by_key(|(index, _, _)| *index);
    Ok(Parsed { cli, level_flags })
}

fn collect_levels(
    matches: &ArgMatches,
    id: &str,
    flag: char,
    out: &mut Vec<(usize, char, String)>,
) {
    if let (Some(indices), Some(values)) = (matches.indices_of(id), matches.get_many::<String>(id))
    {
        out.extend(indices.zip(values).map(|(i, v)| (i, flag, v.clone())));
    }
}

/// A `-j` value that is no number.
#[derive(Debug, thiserror::Error)]
#[error("not a thread count: {0:?}")]
pub struct NotAThreadCount(String);

/// Most worker threads a scan starts: each costs a stack and a start-up, and past the cores
/// they only contend (`-j 100000` would spawn threads without bound). `-j N` above it is
/// taken as this; the scan never starts more workers than it has jobs.
pub const MAX_THREADS: usize = 256;

fn parse_threads(value: &str) -> Result<usize, NotAThreadCount> {
    let digits = value.trim();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(NotAThreadCount(value.to_string()));
    }
    // Too many digits for a usize is more than the bound all the same.
    Ok(digits
        .parse::<usize>()
        .map_or(MAX_THREADS, |n| n.min(MAX_THREADS)))
}
