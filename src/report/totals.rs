//! The one-line totals every text format ends with: what was found, what was hidden, what was
//! not checked.

use std::fmt::Write;

use super::Report;

/// `presign-lint: 2 errors, 1 warning in 12 files; …`, with the wall time when given.
pub fn line(report: &Report, elapsed: Option<std::time::Duration>) -> String {
    let s = &report.summary;
    let files = match &s.history {
        Some(h) => format!(
            "{} of {}",
            plural(s.files_scanned, "blob"),
            plural(h.commits, "commit")
        ),
        None => plural(s.files_scanned, "file"),
    };
    let mut line = if s.findings == 0 {
        format!("presign-lint: no findings in {files}")
    } else {
        let mut parts = Vec::new();
        for (n, name) in [(s.error, "error"), (s.warning, "warning"), (s.note, "note")] {
            if n > 0 {
                parts.push(plural(n, name));
            }
        }
        format!("presign-lint: {} in {files}", parts.join(", "))
    };
    if s.suppressed > 0 {
        let _ = write!(line, ", {} suppressed", s.suppressed);
    }
    if s.baseline_stale > 0 {
        // Fixed findings leave entries behind: say so, so the baseline gets rewritten.
        let entries = match s.baseline_stale {
            1 => "1 baseline entry".to_string(),
            n => format!("{n} baseline entries"),
        };
        let _ = write!(line, ", {entries} no longer found");
    }
    if s.dynamic_expiries > 0 {
        let expiries = match s.dynamic_expiries {
            1 => "1 expiry".to_string(),
            n => format!("{n} expiries"),
        };
        let _ = write!(
            line,
            "; {expiries} set at run time, not checked (--show-unchecked lists them)"
        );
    }
    if s.unparsed_files > 0 {
        // Say what was not checked: a silent gap would read as a clean result.
        let _ = write!(
            line,
            "; {} could not be parsed (text checks only)",
            plural(s.unparsed_files, "file")
        );
    }
    if s.skipped_reports > 0 {
        let _ = write!(
            line,
            "; {} skipped",
            plural(s.skipped_reports, "presign-lint report")
        );
    }
    if let Some(h) = &s.history {
        // What a history scan left out is said, never silent: a clean result must mean clean.
        if s.skipped_large > 0 {
            let _ = write!(
                line,
                "; {} over the size limit skipped",
                plural(s.skipped_large, "blob")
            );
        }
        if s.skipped_binary > 0 {
            let _ = write!(
                line,
                "; {} skipped",
                plural(s.skipped_binary, "binary blob")
            );
        }
        if h.skipped_submodules > 0 {
            let _ = write!(
                line,
                "; {} not followed",
                plural(h.skipped_submodules, "submodule commit")
            );
        }
        if h.missing_objects > 0 {
            let _ = write!(
                line,
                "; {} missing from the repository, not scanned",
                plural(h.missing_objects, "object")
            );
        }
        if h.truncated {
            line.push_str("; history truncated (shallow clone): older commits were not scanned");
        }
    }
    if !report.errors.is_empty() {
        let _ = write!(
            line,
            "; {} could not be scanned",
            plural(report.errors.len(), "path")
        );
    }
    if let Some(elapsed) = elapsed {
        let _ = write!(line, " ({:.2}s)", elapsed.as_secs_f64());
    }
    line
}

pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
