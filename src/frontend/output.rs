//! What a program writes and where it goes, for `presigned-url-logged`: each call that prints
//! or logs ([`Output`]), told apart as output to the terminal (standard output or error) or a
//! log record, and what kind of program the file is ([`Program`]): a command-line program
//! whose terminal output is read by the person who runs it, a service whose output is
//! collected as logs, or neither known. The per-language knowledge (print functions, streams,
//! logger names, entry points, argument parsers, web frameworks) lives here and in the family
//! profiles (print and log functions), so the lint reads only these neutral facts.

use std::path::Path;

use crate::facts::{CallExpr, Channel, Expr, ExprKind, Output, Program, SyntaxFacts};
use crate::frontend::Family;

use super::Language;
use super::profile::ProgramSignals;
use crate::semantic::catalog::{self, Marks, ProgramMarks};

/// C++ logging macros and functions whose result is a stream a record is written to with
/// `<<`: glog's and Abseil's `LOG(INFO) << url` (and their conditional and verbose forms),
/// Boost.Log's, Qt's `qDebug() << url`.
pub const CPP_LOG_STREAMS: &[&str] = &[
    "LOG",
    "VLOG",
    "DLOG",
    "DVLOG",
    "PLOG",
    "SYSLOG",
    "LOG_IF",
    "VLOG_IF",
    "DLOG_IF",
    "PLOG_IF",
    "LOG_EVERY_N",
    "LOG_FIRST_N",
    "LOG_IF_EVERY_N",
    "LOG_EVERY_POW_2",
    "LOG_EVERY_N_SEC",
    "BOOST_LOG",
    "BOOST_LOG_SEV",
    "BOOST_LOG_TRIVIAL",
    "qDebug",
    "qInfo",
    "qWarning",
    "qCritical",
];

/// Methods of a logger (receiver named like one) that write a record, lowercased.
const LOG_METHODS: &[&str] = &[
    "info",
    "debug",
    "warn",
    "warning",
    "error",
    "exception",
    "critical",
    "fatal",
    "trace",
    "log",
    "notice",
    "verbose",
    "emergency",
    "alert",
    "information",
    "print",
    "printf",
    "println",
    "infof",
    "debugf",
    "warnf",
    "warningf",
    "errorf",
    "fatalf",
    "fatalln",
    "tracef",
    "panic",
    "panicf",
    "panicln",
    "infow",
    "debugw",
    "warnw",
    "errorw",
    "dir",
    "table",
    "loginformation",
    "logdebug",
    "logwarning",
    "logerror",
    "logcritical",
    "logtrace",
    "info!",
    "debug!",
    "warn!",
    "error!",
    "trace!",
    "event!",
];

/// Receivers that are a process's output streams, with the methods that write to them:
/// `System.out.println`, `Console.WriteLine`, `fmt.Println`, `sys.stdout.write`,
/// `process.stdout.write`, `$stderr.puts`.
const STREAMS: &[(&str, &[&str])] = &[
    ("System.out", &["print", "println", "printf", "format"]),
    ("System.err", &["print", "println", "printf", "format"]),
    // .NET, and Scala's `Console.println(…)`.
    (
        "Console",
        &["Write", "WriteLine", "println", "print", "printf"],
    ),
    ("Console.Out", &["Write", "WriteLine"]),
    // Scala's `Console.err.println(…)`.
    ("Console.out", &["println", "print", "printf"]),
    ("Console.err", &["println", "print", "printf"]),
    ("Console.Error", &["Write", "WriteLine"]),
    ("fmt", &["Print", "Printf", "Println"]),
    ("sys.stdout", &["write"]),
    ("sys.stderr", &["write"]),
    ("process.stdout", &["write"]),
    ("process.stderr", &["write"]),
    ("$stdout", &["puts", "print", "write"]),
    ("$stderr", &["puts", "print", "write"]),
    ("STDOUT", &["puts", "print", "write"]),
    ("STDERR", &["puts", "print", "write"]),
    // C++ `std::cout << …` (a call of `<<` on the stream, see `frontend/cpp.rs`).
    ("std.cout", &["<<"]),
    ("std.cerr", &["<<"]),
    ("std.clog", &["<<"]),
    ("cout", &["<<"]),
    ("cerr", &["<<"]),
    ("clog", &["<<"]),
];

/// .NET's debug and trace listeners: wherever the application routes them, a log.
const TRACE_STREAMS: &[(&str, &[&str])] = &[
    (
        "Debug",
        &[
            "Write",
            "WriteLine",
            "Print",
            "WriteIf",
            "WriteLineIf",
            "Log",
        ],
    ),
    (
        "Trace",
        &[
            "Write",
            "WriteLine",
            "TraceInformation",
            "TraceWarning",
            "TraceError",
        ],
    ),
];

/// `fmt.Fprint*` writes wherever its first argument points: only these are output streams.
const GO_STD_STREAMS: [&str; 2] = ["os.Stdout", "os.Stderr"];

/// Every call of the file that prints or logs, with where it writes.
pub fn outputs(language: Language, facts: &SyntaxFacts) -> Vec<Output> {
    let family = language.family();
    facts
        .calls
        .iter()
        .enumerate()
        .filter_map(|(i, call)| {
            let (channel, args_from) = channel(family, &call.call)?;
            Some(Output {
                call: i,
                channel,
                args_from,
            })
        })
        .collect()
}

/// Where a call writes, and the index of its first argument that is written; `None` for a
/// call that neither prints nor logs.
fn channel(family: Family, call: &CallExpr) -> Option<(Channel, usize)> {
    let name = call.name()?;
    let profile = family.profile();
    let prints = |n: &str| profile.print_functions.contains(&n);
    // `std::printf(…)`: the standard library's function, as if unqualified; `fprintf(stderr,
    // …)` writes to the stream it is given; `LOG(INFO) << url` to a logging macro's stream.
    if family == Family::Cpp {
        if let ExprKind::Member(receiver, op) = &call.callee.kind
            && op == "<<"
            && let ExprKind::Call(stream) = &receiver.kind
        {
            return stream
                .name()
                .is_some_and(|n| CPP_LOG_STREAMS.contains(&n))
                .then_some((Channel::Log, 0));
        }
        if let ExprKind::Member(receiver, n) = &call.callee.kind
            && matches!(&receiver.kind, ExprKind::Name(std) if std == "std")
            && prints(n)
        {
            return Some((Channel::Terminal, 0));
        }
        let bare = match &call.callee.kind {
            ExprKind::Name(n) => Some(n.as_str()),
            ExprKind::Member(receiver, n) if matches!(&receiver.kind, ExprKind::Name(std) if std == "std") => {
                Some(n.as_str())
            }
            _ => None,
        };
        if matches!(bare, Some("fprintf" | "fputs" | "fwprintf")) {
            let stream = call.positional(if bare == Some("fputs") { 1 } else { 0 })?;
            let stream = stream.path()?.join(".");
            return matches!(
                stream.as_str(),
                "stdout" | "stderr" | "std.stdout" | "std.stderr"
            )
            .then_some((Channel::Terminal, usize::from(bare != Some("fputs"))));
        }
    }
    match &call.callee.kind {
        ExprKind::Name(n) => {
            if prints(n) {
                Some((Channel::Terminal, 0))
            } else if profile.log_functions.contains(&n.as_str()) {
                Some((Channel::Log, 0))
            } else {
                None
            }
        }
        ExprKind::Member(receiver, method) => {
            let path = receiver.path().map(|p| p.join("."));
            if let Some(path) = &path {
                if path == "fmt" && matches!(method.as_str(), "Fprint" | "Fprintf" | "Fprintln") {
                    let stream = call.positional(0)?.path()?.join(".");
                    return GO_STD_STREAMS
                        .contains(&stream.as_str())
                        .then_some((Channel::Terminal, 1));
                }
                let on = |table: &[(&str, &[&str])]| {
                    table
                        .iter()
                        .any(|(r, methods)| r == path && methods.contains(&method.as_str()))
                };
                if on(STREAMS) {
                    return Some((Channel::Terminal, 0));
                }
                if on(TRACE_STREAMS) {
                    return Some((Channel::Log, 0));
                }
            }
            let lower = name.to_ascii_lowercase();
            if !LOG_METHODS.contains(&lower.as_str()) || !is_logger(receiver) {
                return None;
            }
            // `console.log`, `console.error`: the process's standard output and error.
            let console = matches!(&receiver.kind, ExprKind::Name(n) if n == "console");
            Some((
                if console {
                    Channel::Terminal
                } else {
                    Channel::Log
                },
                0,
            ))
        }
        _ => None,
    }
}

/// A receiver named like a logger: `log`, `logger`, `logging`, `console`, `slog`, `tracing`,
/// `LOG`, `_logger`, `self.logger`, `$this->logger`, `Rails.logger`, `auditLog`, `app_log`,
/// `logging.getLogger(__name__)`, `LoggerFactory.getLogger(…)`.
fn is_logger(receiver: &Expr) -> bool {
    let name = match &receiver.kind {
        ExprKind::Name(n) | ExprKind::Member(_, n) => n.as_str(),
        ExprKind::Call(c) => {
            return c
                .name()
                .is_some_and(|n| n.to_ascii_lowercase().contains("logger"));
        }
        _ => return false,
    };
    let trimmed = name.trim_start_matches(['_', '$']);
    let trimmed = trimmed
        .strip_prefix("m_")
        .or_else(|| trimmed.strip_prefix("s_"))
        .unwrap_or(trimmed);
    let lower = trimmed.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "log"
            | "logger"
            | "logging"
            | "console"
            | "slog"
            | "tracing"
            | "syslog"
            | "klog"
            | "glog"
            | "spdlog"
    ) || lower.ends_with("logger")
        || lower.ends_with("_log")
        || (trimmed.ends_with("Log")
            && trimmed.len() > 3
            && trimmed[..trimmed.len() - 3]
                .chars()
                .last()
                .is_some_and(|c| c.is_lowercase()))
}

/// Directories whose programs are run by hand: `bin/`, `scripts/`, `cmd/`, `tools/`, `cli/`,
/// and an SDK's or project's `examples/`, which print their results for the person running them.
const PROGRAM_DIRS: &[&str] = &[
    "bin", "scripts", "script", "cmd", "tools", "cli", "examples", "example",
];

/// How many bytes of a file the text checks read: entry points, imports and shebangs are near
/// the top or are short markers; a bound keeps the cost linear and small.
const MAX_SCAN: usize = 1 << 20;

/// What kind of program a file is. A service signal (a web framework, a request handler, a
/// serverless entry point) wins over command-line signals: a server's standard output is
/// collected as its log. Without either it is [`Program::Unknown`].
pub fn program(language: Language, path: &Path, text: &str, facts: &SyntaxFacts) -> Program {
    let Some((text, own)) = own_signals(language, path, text, facts) else {
        return Program::Unknown;
    };
    let marks = catalog::program_marks(language.family());
    let marked = |pick: fn(&ProgramMarks) -> &Marks| {
        marks.is_some_and(|m| found(pick(m), &m.import_calls, path, text, facts))
    };
    let signals = Signals {
        command_line: own.command_line || marked(|m| &m.command_line),
        service: own.service || marked(|m| &m.service),
        aws_lambda: false,
    };
    if signals.service {
        return Program::Service;
    }
    let shebang = text.starts_with("#!");
    if signals.command_line || shebang || in_program_dir(path) {
        Program::CommandLine
    } else {
        Program::Unknown
    }
}

/// Whether the file is an AWS Lambda function, whose runtime always sets `AWS_REGION` to the
/// function's region: it carries a `[program.aws_lambda]` mark of its family (the runtime's
/// import, `lambda.Start(`), or its front end sees a handler of Lambda's own signature.
pub fn runs_on_aws_lambda(
    language: Language,
    path: &Path,
    text: &str,
    facts: &SyntaxFacts,
) -> bool {
    let Some((text, own)) = own_signals(language, path, text, facts) else {
        return false;
    };
    own.aws_lambda
        || catalog::program_marks(language.family())
            .is_some_and(|m| found(&m.aws_lambda, &m.import_calls, path, text, facts))
}

/// The text marks are looked for in (its first [`MAX_SCAN`] bytes) and what the front end
/// itself sees; `None` for a language whose output is no program's: a notebook's is saved
/// in the notebook, and shared with it.
fn own_signals<'t>(
    language: Language,
    path: &Path,
    text: &'t str,
    facts: &SyntaxFacts,
) -> Option<(&'t str, Signals)> {
    let mut end = MAX_SCAN.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let text = &text[..end];
    let own = match language.entry()?.program {
        ProgramSignals::None => return None,
        ProgramSignals::Marks => Signals::default(),
        ProgramSignals::MarksAnd(own) => own(path, text, facts),
    };
    Some((text, own))
}

/// What a front end found in a file about its kind of program.
#[derive(Default, Clone, Copy, Debug)]
pub struct Signals {
    /// An entry point or an argument parser: `if __name__ == "__main__":`, `package main`,
    /// `public static void main`, `argparse`, `click`, `clap`, `process.argv`.
    pub command_line: bool,
    /// A web framework, a request handler or a serverless entry point.
    pub service: bool,
    /// An AWS Lambda handler (see [`runs_on_aws_lambda`]).
    pub aws_lambda: bool,
}

/// One of the two directories nearest the file is one of [`PROGRAM_DIRS`] (`bin/x`,
/// `scripts/maintenance/x.py`, `cmd/links/main.go`); farther ones say where the repository
/// was checked out, not what the file is.
fn in_program_dir(path: &Path) -> bool {
    let Some(parent) = path.parent() else {
        return false;
    };
    parent.components().rev().take(2).any(|c| {
        c.as_os_str()
            .to_str()
            .is_some_and(|s| PROGRAM_DIRS.contains(&s))
    })
}

/// Whether a file bears one of `marks`: an imported module (or a module an import call
/// names, `require "sinatra"`), a mention, a line start, its file name or extension.
fn found(
    marks: &Marks,
    import_calls: &[String],
    path: &Path,
    text: &str,
    facts: &SyntaxFacts,
) -> bool {
    let file_name = path.file_name().and_then(|n| n.to_str());
    let extension = path.extension().and_then(|e| e.to_str());
    file_name.is_some_and(|n| marks.file_names.iter().any(|m| m == n))
        || extension.is_some_and(|e| marks.extensions.iter().any(|m| m == e))
        || marks.mentions.iter().any(|m| text.contains(m.as_str()))
        || line_starts_with_any(text, &marks.line_starts)
        || imports_any(facts, &marks.imports)
        || required_any(facts, import_calls, &marks.imports)
}

/// Whether the file imports one of `modules` or a submodule of one.
fn imports_any(facts: &SyntaxFacts, modules: &[String]) -> bool {
    facts.imports.iter().any(|i| {
        let full = match &i.name {
            Some(name) => format!("{}.{}", i.module, name),
            None => i.module.clone(),
        };
        [i.module.as_str(), full.as_str()]
            .iter()
            .any(|m| modules.iter().any(|p| is_module_or_child(m, p)))
    })
}

/// Whether an import call (`require "sinatra/base"`) names one of `modules`.
fn required_any(facts: &SyntaxFacts, import_calls: &[String], modules: &[String]) -> bool {
    !import_calls.is_empty()
        && facts.calls.iter().any(|c| {
            c.call
                .name()
                .is_some_and(|n| import_calls.iter().any(|i| i == n))
                && c.call.positional(0).is_some_and(|a| {
                    matches!(&a.kind, crate::facts::ExprKind::Str(s)
                        if modules.iter().any(|m| s == m || s.starts_with(&format!("{m}/"))))
                })
        })
}

/// `module` is `parent` or below it (`.`, `/`, `:` or `\` next).
fn is_module_or_child(module: &str, parent: &str) -> bool {
    module == parent
        || module
            .strip_prefix(parent)
            .is_some_and(|rest| rest.starts_with(['.', '/', ':', '\\']))
}

/// Whether a line of `text` starts (after indentation) with one of `starts`, not followed by
/// more of a name when the start ends in one (`package main`, not `package mainframe`).
fn line_starts_with_any(text: &str, starts: &[String]) -> bool {
    if starts.is_empty() {
        return false;
    }
    let name_char = |c: char| c.is_alphanumeric() || c == '_';
    text.lines().any(|l| {
        let l = l.trim_start();
        starts.iter().any(|s| {
            l.strip_prefix(s.as_str())
                .is_some_and(|rest| !s.ends_with(name_char) || !rest.starts_with(name_char))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(n: &str) -> Expr {
        Expr {
            kind: ExprKind::Name(n.to_string()),
            span: 0..0,
        }
    }

    #[test]
    fn logger_receivers() {
        for yes in [
            "log",
            "logger",
            "LOG",
            "_logger",
            "appLogger",
            "auditLog",
            "app_log",
            "console",
        ] {
            assert!(is_logger(&name(yes)), "{yes}");
        }
        for no in [
            "dialog", "catalog", "blog", "client", "res", "Logic", "backlog",
        ] {
            assert!(!is_logger(&name(no)), "{no}");
        }
    }

    #[test]
    fn program_directories() {
        assert!(in_program_dir(Path::new("bin/presign")));
        assert!(in_program_dir(Path::new("repo/scripts/share.py")));
        assert!(in_program_dir(Path::new("cmd/links/main.go")));
        assert!(!in_program_dir(Path::new("src/binary.py")));
        assert!(!in_program_dir(Path::new("scripts.py")));
        assert!(!in_program_dir(Path::new("app/views.py")));
        assert!(!in_program_dir(Path::new(
            "/home/me/tools/repo/app/views.py"
        )));
    }

    /// What kind of program a file is, by its language's `[program]` marks.
    fn kind(language: Language, path: &str, text: &str) -> Program {
        let facts = crate::frontend::test_support::facts(language, text);
        program(language, Path::new(path), text, &facts)
    }

    #[test]
    fn programs_by_their_catalog_marks() {
        use Language::*;
        use Program::{CommandLine as Cli, Service as Svc, Unknown as No};
        let cases = [
            (Go, "a.go", "package main\nfunc main() {}\n", Cli),
            (Go, "a.go", "package mainframe\n", No),
            (
                Go,
                "a.go",
                "import \"github.com/gin-gonic/gin/render\"\n",
                Svc,
            ),
            (Ruby, "a.rb", "require \"sinatra/base\"\nputs 1\n", Svc),
            (Ruby, "a.rb", "require \"sinatraX\"\n", No),
            (Ruby, "tasks/x.rake", "task :a do\nend\n", Cli),
            (CSharp, "src/Program.cs", "var x = 1;\n", Cli),
            (Swift, "Sources/main.swift", "print(1)\n", Cli),
            (Python, "a.py", "import argparse\n", Cli),
            (
                Python,
                "a.py",
                "def handler(event, context):\n    pass\n",
                Svc,
            ),
            (Scala, "A.scala", "import org.springframework.web._\n", Svc),
            (Cpp, "a.cpp", "#include \"httplib.h\"\n", Svc),
        ];
        for (language, path, text, expected) in cases {
            assert_eq!(kind(language, path, text), expected, "{path}: {text}");
        }
        // A notebook's output is saved in the notebook: no program's, whatever it imports.
        let facts = crate::facts::SyntaxFacts::default();
        let notebook = program(Notebook, Path::new("bin/a.ipynb"), "#!x", &facts);
        assert_eq!(notebook, Program::Unknown);
    }
}
