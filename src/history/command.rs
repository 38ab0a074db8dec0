//! `presign-lint history`: from its arguments to an exit status, sharing the work-tree scan's
//! config, baselines, reporters and exit codes (DESIGN.md).

use crate::driver::error::Error;
use std::io::IsTerminal;
use std::path::PathBuf;

use crate::driver::cli::HistoryArgs;
use crate::driver::run::{
    ExitStatus, cli_levels, deliver, load_config_from, refuse_to_overwrite_input, text_width,
    use_color,
};
use crate::driver::scan::DEFAULT_MAX_FILE_SIZE;
use crate::driver::settings::Settings;
use crate::level::FailOn;
use crate::report::{self, Format, HistorySummary, RenderOptions, Report, Summary};

use super::{HistoryOptions, LINTS, liveness};

pub fn run(args: &HistoryArgs, level_flags: &[(usize, char, String)]) -> Result<ExitStatus, Error> {
    let format: Format = args.format.parse()?;
    let path = args.path.clone().unwrap_or_else(|| PathBuf::from("."));
    if !path.exists() {
        return Err(Error::Other(format!(
            "{}: no such directory",
            crate::driver::paths::redact_path(&path)
        )));
    }
    let config = load_config_from(args.config.as_deref(), args.no_config, &path, args.verbose)?;
    let cli_levels = cli_levels(level_flags)?;
    let fail_on: Option<FailOn> = args.fail_on.as_deref().map(str::parse).transpose()?;
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
    let now = args.now.as_deref().map(liveness::parse_now).transpose()?;
    // Excludes are written relative to the repository, as a config file's are to its own
    // directory: paths in commits are the repository's.
    let repo_root = crate::driver::paths::absolute(&cwd, &path);
    let cli_exclude = if args.exclude.is_empty() {
        None
    } else {
        Some(crate::driver::config::globs(
            &repo_root,
            &args.exclude,
            "--exclude",
        )?)
    };
    let mut settings =
        Settings::new(config, cli_levels, None, fail_on, cli_exclude).restricted_to(&LINTS);
    if let Some(now) = now {
        settings = settings.with_now(now);
    }
    let baseline = args
        .baseline
        .as_deref()
        .map(crate::driver::baseline::Baseline::load)
        .transpose()?;
    if let Some(output) = &args.output {
        refuse_to_overwrite_input(output, &[])?;
    }
    let threads = args
        .threads
        .filter(|n| *n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .min(crate::driver::cli::MAX_THREADS);

    let started = std::time::Instant::now();
    let result = super::scan(
        &HistoryOptions {
            path,
            revs: args.revs.clone(),
            since: args.since.clone(),
            threads,
            max_file_size: args.max_filesize.unwrap_or(DEFAULT_MAX_FILE_SIZE),
        },
        &settings,
    )?;
    if args.verbose {
        let line = format!(
            "presign-lint: {} ({}): {} commits, {} distinct blobs, {threads} threads, {:.2}s",
            crate::driver::paths::redact_path(&result.repository.root),
            if args.revs.is_empty() {
                "every local branch and tag".to_string()
            } else {
                args.revs.join(", ")
            },
            result.commits,
            result.blobs,
            started.elapsed().as_secs_f64()
        );
        eprintln!("{}", crate::text::redact::for_log(&line));
    }

    let mut findings = result.findings;
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
    let mut report = Report::new(
        findings,
        result.errors,
        Summary {
            files_scanned: result.scanned,
            skipped_binary: result.skipped_binary,
            skipped_reports: result.skipped_reports,
            skipped_large: result.skipped_large,
            baseline_stale,
            history: Some(HistorySummary {
                commits: result.commits,
                blobs: result.blobs,
                truncated: result.truncated,
                skipped_submodules: result.submodules,
                missing_objects: 0,
            }),
            ..Summary::default()
        },
    )
    .with_unchecked(result.unchecked);
    report.repository = Some(result.repository);

    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let color = use_color(args.color, to_terminal);
    let text = report::render(
        format,
        &report,
        &RenderOptions {
            color,
            quiet: args.quiet,
            elapsed: started.elapsed(),
            statistics: false,
            // Missing objects are listed: a partial clone must not read as a clean history.
            show_unchecked: true,
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
