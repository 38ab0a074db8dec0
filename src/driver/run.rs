//! From a parsed command line to an exit status: the glue between CLI, config, scan and
//! reporters. Exit codes per DESIGN.md: 0 clean, 1 findings at or above `--fail-on`, 2 the
//! scan could not be completed as asked (2 wins over 1).

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::driver::cli::{self, CheckArgs, ColorChoice, Command, ListFormat};
use crate::driver::config::{self, Config, parse_lint_name};
use crate::driver::error::Error;
use crate::driver::scan::{DEFAULT_MAX_FILE_SIZE, ScanOptions, scan};
use crate::driver::settings::{LintSelector, Settings};
use crate::driver::stamp_cache::CacheOptions;
use crate::level::{FailOn, Level};
use crate::lints::{LINTS, LintId, Status};
use crate::report::{self, Format, RenderOptions, Report, Summary};
use crate::text::duration::{human, parse_duration};
use crate::text::redact::redact;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitStatus {
    Clean = 0,
    Findings = 1,
    Incomplete = 2,
}

/// Runs presign-lint with these arguments (argv, program name first).
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitStatus {
    let args: Vec<OsString> = args.into_iter().collect();
    let parsed = match cli::parse(args.iter().cloned()) {
        Ok(p) => p,
        Err(e) if e.use_stderr() => {
            // clap quotes the offending argument: a signed URL pasted where a value belongs
            // must not reach a CI log, nor a line break in it start a line of its own.
            eprint!("{}", clap_error_for_log(&e.render().to_string(), &args));
            return ExitStatus::Incomplete;
        }
        Err(e) => {
            // --help, --version.
            let _ = e.print();
            return ExitStatus::Clean;
        }
    };
    let outcome = match parsed.cli.command {
        Command::Check(args) => check(&args, &parsed.level_flags),
        Command::History(args) => crate::history::command::run(&args, &parsed.level_flags),
        Command::Explain { lint } => explain(&lint),
        Command::Lints { format } => list(format),
        Command::Completions { shell } => {
            print_ignoring_broken_pipe(&cli::completions(shell));
            Ok(ExitStatus::Clean)
        }
    };
    match outcome {
        Ok(status) => status,
        Err(error) => {
            eprintln!(
                "error: {}",
                crate::text::redact::for_log(&error.to_string())
            );
            ExitStatus::Incomplete
        }
    }
}

/// clap's error text for stderr, redacted. clap quotes arguments, whole or in part (the
/// name of `--flag=value`): so the error printed is the one clap gives for the arguments with
/// their control characters escaped ([`crate::text::redact::printable`]), whose line breaks are all
/// clap's own.
pub(crate) fn clap_error_for_log(rendered: &str, args: &[OsString]) -> String {
    let escaped: Vec<OsString> = args
        .iter()
        .map(|a| crate::text::redact::printable(&a.to_string_lossy()).into())
        .collect();
    match cli::parse(escaped) {
        Err(e) if e.use_stderr() => redact(&e.render().to_string())
            .text
            .split('\n')
            .map(crate::text::redact::printable)
            .collect::<Vec<_>>()
            .join("\n"),
        // Escaped, the arguments parse (or ask for help): the original error on one line.
        _ => crate::text::redact::for_log(rendered) + "\n",
    }
}

fn check(args: &CheckArgs, level_flags: &[(usize, char, String)]) -> Result<ExitStatus, Error> {
    let format: Format = args.format.parse()?;
    if args.statistics && !matches!(format, Format::Human | Format::Concise) {
        return Err(Error::Other(format!(
            "--statistics prints a table for people; use it with --format human or concise, not {}",
            args.format
        )));
    }
    let config = load_config(args)?;
    let cache = (!args.no_cache)
        .then(CacheOptions::default_dir)
        .flatten()
        .map(|dir| cache_options(dir, args, level_flags, config.path.as_deref()));

    let cli_levels = cli_levels(level_flags)?;
    let max_expiry = args
        .max_expiry
        .as_deref()
        .map(|d| {
            parse_duration(d)
                .ok_or_else(|| {
                    format!("--max-expiry: `{d}` is not a duration; write 900, 15m, 1h or 7d")
                })
                .and_then(|s| {
                    crate::text::duration::policy_maximum(s)
                        .map_err(|e| format!("--max-expiry {e}"))
                })
        })
        .transpose()?;
    let fail_on: Option<FailOn> = args.fail_on.as_deref().map(str::parse).transpose()?;
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
    let cli_exclude = if args.exclude.is_empty() {
        None
    } else {
        Some(config::globs(&cwd, &args.exclude, "--exclude")?)
    };
    let settings = Settings::new(config, cli_levels, max_expiry, fail_on, cli_exclude);
    // What would make the run pointless is checked before the scan.
    let baseline = args
        .baseline
        .as_deref()
        .map(crate::driver::baseline::Baseline::load)
        .transpose()?;
    if args.staged {
        crate::driver::staged::work_tree_root(&cwd)?;
    }
    if let Some(output) = &args.output {
        refuse_to_overwrite_input(output, &args.scan_paths())?;
    }

    let threads = args
        .threads
        .filter(|n| *n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .min(crate::driver::cli::MAX_THREADS);
    if args.verbose {
        eprintln!(
            "presign-lint: {threads} threads; project analysis {}; cache {}",
            if args.no_project { "off" } else { "on" },
            cache
                .as_ref()
                .map_or("off".to_string(), |c| c.dir.display().to_string())
        );
    }
    let started = std::time::Instant::now();
    let result = scan(
        &ScanOptions {
            paths: args.scan_paths(),
            stdin_filename: args.stdin_filename.clone(),
            no_ignore: args.no_ignore,
            threads,
            max_file_size: args.max_filesize.unwrap_or(DEFAULT_MAX_FILE_SIZE),
            staged: args.staged,
            project: !args.no_project,
            cache,
            verbose: args.verbose,
            // Never in CI logs or pipes: only for a person watching a terminal.
            progress: !args.quiet
                && std::io::stderr().is_terminal()
                && std::env::var_os("CI").is_none(),
        },
        &settings,
    );

    let mut findings = result.findings;
    let errors = result.errors;
    let baseline_stale = baseline.map_or(0, |b| b.apply(&mut findings));
    if let Some(path) = &args.write_baseline {
        let entries = crate::driver::baseline::write(path, &findings)?;
        let wrote = format!(
            "presign-lint: wrote {entries} {} to {}",
            if entries == 1 { "entry" } else { "entries" },
            path.display()
        );
        eprintln!("{}", crate::text::redact::for_log(&wrote));
    }
    let report = Report::new(
        findings,
        errors,
        Summary {
            files_scanned: result.files_scanned,
            skipped_binary: result.skipped_binary,
            skipped_reports: result.skipped_reports,
            skipped_large: result.skipped_large,
            baseline_stale,
            ..Summary::default()
        },
    )
    .with_unchecked(result.unchecked);

    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let color = use_color(args.color, to_terminal);
    let text = report::render(
        format,
        &report,
        &RenderOptions {
            color,
            quiet: args.quiet,
            elapsed: started.elapsed(),
            statistics: args.statistics,
            show_unchecked: args.show_unchecked,
            width: text_width(to_terminal),
        },
    );
    deliver(
        &report,
        format,
        &text,
        args.output.as_deref(),
        args.write_baseline.is_some(),
        settings.fail_on,
    )
}

/// Whether text output is coloured: as asked, or on a terminal unless `NO_COLOR` is set.
pub(crate) fn use_color(choice: ColorChoice, to_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// The columns a text report is fitted to: the terminal's, else the default.
pub(crate) fn text_width(to_terminal: bool) -> usize {
    if to_terminal {
        terminal_size::terminal_size()
            .map_or(report::DEFAULT_WIDTH, |(width, _)| usize::from(width.0))
    } else {
        report::DEFAULT_WIDTH
    }
}

/// Writes a rendered report where it was asked for and gives the run's exit status, the same
/// for `check` and `history`. Recording a baseline accepts today's findings: the report goes
/// only where it was asked for by name, and the findings do not fail the run.
pub(crate) fn deliver(
    report: &Report,
    format: Format,
    text: &str,
    output: Option<&Path>,
    recording: bool,
    fail_on: FailOn,
) -> Result<ExitStatus, Error> {
    if format.is_text() {
        append_step_summary(report);
    }
    if !recording || output.is_some() {
        write_output(output, text)?;
    }
    let failing = report.active().any(|f| fail_on.fails(f.level));
    Ok(if !report.errors.is_empty() {
        ExitStatus::Incomplete
    } else if failing && !recording {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    })
}

/// -D/-W/-A in the order given, as levels of lint selectors.
pub(crate) fn cli_levels(
    level_flags: &[(usize, char, String)],
) -> Result<Vec<(LintSelector, Level)>, String> {
    let mut cli_levels = Vec::new();
    for (_, flag, name) in level_flags {
        let level = match flag {
            'D' => Level::Error,
            'W' => Level::Warning,
            _ => Level::Allow,
        };
        cli_levels.push((
            LintSelector::parse(name).map_err(|e| format!("-{flag}: {e}"))?,
            level,
        ));
    }
    Ok(cli_levels)
}

/// The caches in `dir`, under what besides a file's content decides what the first pass makes
/// of it: the config file and the flags that set levels, excludes, ignores, the size limit,
/// the expiry limit and whether the project analysis runs.
fn cache_options(
    dir: PathBuf,
    args: &CheckArgs,
    level_flags: &[(usize, char, String)],
    config: Option<&Path>,
) -> CacheOptions {
    let config_text = config
        .and_then(|p| crate::driver::config::read_small_file(p).ok())
        .unwrap_or_default();
    let flags: Vec<String> = level_flags
        .iter()
        .map(|(_, flag, name)| format!("-{flag}{name}"))
        .chain(args.exclude.iter().map(|g| format!("--exclude={g}")))
        .chain([
            format!("--no-ignore={}", args.no_ignore),
            format!("--max-filesize={:?}", args.max_filesize),
            format!("--max-expiry={:?}", args.max_expiry),
            format!("--no-project={}", args.no_project),
            format!("--config={:?}", config),
        ])
        .collect();
    CacheOptions::new(dir, &[config_text.as_bytes(), flags.join("\n").as_bytes()])
}

fn load_config(args: &CheckArgs) -> Result<Config, Error> {
    let start = args
        .paths
        .iter()
        .find(|p| p.as_os_str() != "-")
        .map_or(Path::new("."), |p| p.as_path());
    load_config_from(args.config.as_deref(), args.no_config, start, args.verbose)
}

/// The config of a run: none, the one named, or the one discovered at or above `start`.
pub(crate) fn load_config_from(
    named: Option<&Path>,
    no_config: bool,
    start: &Path,
    verbose: bool,
) -> Result<Config, Error> {
    let verbose = |line: &str| {
        if verbose {
            eprintln!("presign-lint: {}", crate::text::redact::for_log(line));
        }
    };
    if no_config {
        verbose("config: none (--no-config)");
        return Ok(Config::default());
    }
    if let Some(path) = named {
        verbose(&format!("config: {} (--config)", path.display()));
        return Ok(config::load(path)?);
    }
    match config::discover(start) {
        Some(path) => {
            let shown = std::env::current_dir().map_or_else(
                |_| path.display().to_string(),
                |cwd| crate::driver::paths::display_path(&path, &cwd),
            );
            verbose(&format!("config: {shown}"));
            for other in config::shadowed(&path) {
                // Said even without -v: a file the user edits and we never read would
                // silently change nothing.
                let warning = format!(
                    "warning: {shown} is used; {} beside it is ignored (keep one of them)",
                    other.file_name().unwrap_or_default().to_string_lossy()
                );
                eprintln!("{}", crate::text::redact::for_log(&warning));
            }
            Ok(config::load(&path)?)
        }
        None => {
            verbose(&format!(
                "config: none found at or above {}",
                start.display()
            ));
            Ok(Config::default())
        }
    }
}

/// Under GitHub Actions, the job summary gets the totals and the first findings. A summary
/// that cannot be written costs a warning, never the run.
pub(crate) fn append_step_summary(report: &Report) {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else {
        return;
    };
    let markdown = report::step_summary::markdown(report);
    let written = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(&path)
        .and_then(|mut file| file.write_all(markdown.as_bytes()));
    if let Err(e) = written {
        let warning = format!(
            "warning: cannot write the GitHub step summary {}: {e}",
            Path::new(&path).display()
        );
        eprintln!("{}", crate::text::redact::for_log(&warning));
    }
}

/// `-o FILE` must not overwrite what is scanned: refused when FILE exists and is a file named
/// to scan, or a source file (one with a language) inside a directory scanned. A report file
/// in a scanned directory (`-o report.json` in `.`) is fine: the scan skips its own reports.
pub(crate) fn refuse_to_overwrite_input(
    output: &Path,
    paths: &[std::path::PathBuf],
) -> Result<(), Error> {
    let Ok(out) = std::fs::canonicalize(output) else {
        // Not there yet: nothing to overwrite.
        return Ok(());
    };
    if !out.is_file() {
        return Ok(());
    }
    for path in paths.iter().filter(|p| p.as_os_str() != "-") {
        let Ok(scanned) = std::fs::canonicalize(path) else {
            continue;
        };
        let why = if scanned == out {
            "it is one of the files scanned"
        } else if scanned.is_dir()
            && out.starts_with(&scanned)
            && crate::frontend::FileKind::detect(&out).language.is_some()
        {
            "it is a source file in a directory scanned"
        } else {
            continue;
        };
        return Err(Error::Other(format!(
            "-o {}: refusing to write the report over it: {why}",
            crate::driver::paths::redact_path(output)
        )));
    }
    Ok(())
}

pub(crate) fn write_output(path: Option<&Path>, text: &str) -> Result<(), Error> {
    match path {
        Some(path) => std::fs::write(path, text)
            .map_err(|e| Error::Other(format!("{}: cannot write report: {e}", path.display()))),
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                // A closed pipe (`| head`) is the reader's choice, not our failure.
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Other(format!(
                    "cannot write to standard output: {e}"
                ))),
                _ => Ok(()),
            }
        }
    }
}

fn explain(name: &str) -> Result<ExitStatus, Error> {
    let lint = match LintId::from_loose_name(name) {
        Some(lint) => lint,
        None => parse_lint_name(&name.to_ascii_lowercase().replace('_', "-"))?,
    };
    let info = lint.info();
    let mut header = format!(
        "{} (default level: {}; best practice: {}{})\n\n",
        info.name,
        info.default_level,
        info.practice.unwrap_or("none"),
        if info.status == Status::Planned {
            "; planned, not yet checked"
        } else {
            ""
        }
    );
    header.push_str(&redact(&crate::lints::docs::for_readers(info.doc)).text);
    print_ignoring_broken_pipe(&header);
    Ok(ExitStatus::Clean)
}

fn list(format: ListFormat) -> Result<ExitStatus, Error> {
    let text = match format {
        ListFormat::Json => {
            let lints: Vec<serde_json::Value> = LINTS
                .iter()
                .map(|l| {
                    serde_json::json!({
                        "name": l.name,
                        "default_level": l.default_level.as_str(),
                        "best_practice": l.practice,
                        "summary": l.summary,
                        "status": if l.status == Status::Implemented { "implemented" } else { "planned" },
                    })
                })
                .collect();
            let mut s = serde_json::to_string_pretty(&serde_json::json!({ "lints": lints }))
                .map_err(|e| e.to_string())?;
            s.push('\n');
            s
        }
        ListFormat::Human => {
            let mut s = String::new();
            for id in LintId::ALL {
                let l = id.info();
                let planned = if l.status == Status::Planned {
                    " (planned)"
                } else {
                    ""
                };
                s.push_str(&format!(
                    "{:<32} {:<8} {:<22} {}{planned}\n",
                    l.name,
                    l.default_level.as_str(),
                    l.practice.unwrap_or("-"),
                    l.summary
                ));
            }
            s.push_str(&format!(
                "\nDefault --max-expiry: {}. `presign-lint explain <lint>` prints a lint's documentation.\n",
                human(crate::driver::settings::DEFAULT_MAX_EXPIRY)
            ));
            s
        }
    };
    print_ignoring_broken_pipe(&text);
    Ok(ExitStatus::Clean)
}

fn print_ignoring_broken_pipe(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}
