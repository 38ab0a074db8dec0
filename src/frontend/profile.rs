//! The languages presign-lint reads, their families, and what it knows of each family outside
//! its grammar, in one place per family: the files it is read from and the front end that
//! reads them, what starts its comments, how its programs print and log, whether it
//! constructs objects only with `new`, how its files reach each other's names, and how its
//! standard library counts time. Front ends, the project analysis, the evaluator and the
//! suppression reader look the family's profile up ([`Family::profile`]); no lint names a
//! language.
//!
//! What a family's grammar says (node kinds, call shapes) stays in its front end
//! (`frontend/<family>.rs`), and what its SDKs do (presign calls, defaults, limits) in its
//! catalog (`catalog/<family>.toml`).

use std::path::Path;

use super::output::Signals;
use super::syntax::Grammar;
use super::{
    cpp, csharp, go, java, javascript, kotlin, notebook, php, python, ruby, rust, scala, swift,
};
use crate::facts::SyntaxFacts;

/// A language presign-lint parses: what picks a grammar (TypeScript and TSX are JavaScript's
/// family but not its grammar).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    Python,
    JavaScript,
    TypeScript,
    Tsx,
    Go,
    Java,
    Kotlin,
    CSharp,
    Php,
    Ruby,
    Rust,
    Cpp,
    Swift,
    Scala,
    /// Jupyter notebooks: their code cells are Python.
    Notebook,
}

impl Language {
    /// What a file of this name is read as: [`super::FileKind::detect`].
    pub fn name(self) -> &'static str {
        match self {
            Language::Python => "python",
            Language::JavaScript => "javascript",
            Language::TypeScript => "typescript",
            Language::Tsx => "tsx",
            Language::Go => "go",
            Language::Java => "java",
            Language::Kotlin => "kotlin",
            Language::CSharp => "csharp",
            Language::Php => "php",
            Language::Ruby => "ruby",
            Language::Rust => "rust",
            Language::Cpp => "cpp",
            Language::Swift => "swift",
            Language::Scala => "scala",
            Language::Notebook => "notebook",
        }
    }

    /// The language family: what shares a catalog and a project's names (TypeScript and TSX
    /// are JavaScript, a notebook is Python).
    pub fn family(self) -> Family {
        match self {
            Language::Python | Language::Notebook => Family::Python,
            Language::JavaScript | Language::TypeScript | Language::Tsx => Family::JavaScript,
            Language::Go => Family::Go,
            Language::Java => Family::Java,
            Language::Kotlin => Family::Kotlin,
            Language::CSharp => Family::CSharp,
            Language::Php => Family::Php,
            Language::Ruby => Family::Ruby,
            Language::Rust => Family::Rust,
            Language::Cpp => Family::Cpp,
            Language::Swift => Family::Swift,
            Language::Scala => Family::Scala,
        }
    }
}

/// A language family: the languages that share a catalog file (`catalog/<name>.toml`), and
/// whose files can name each other's functions and constants.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    /// (The default only of tables whose family is filled in as they load.)
    #[default]
    Python,
    JavaScript,
    Go,
    Java,
    Kotlin,
    CSharp,
    Php,
    Ruby,
    Rust,
    Cpp,
    Swift,
    Scala,
    /// Shell commands (`aws s3 presign`, `gsutil signurl`): a catalog without a front end.
    Shell,
}

impl Family {
    pub const ALL: [Family; 13] = [
        Family::Python,
        Family::JavaScript,
        Family::Go,
        Family::Java,
        Family::Kotlin,
        Family::CSharp,
        Family::Php,
        Family::Ruby,
        Family::Rust,
        Family::Cpp,
        Family::Swift,
        Family::Scala,
        Family::Shell,
    ];

    /// Its name in the catalog's files and in messages.
    pub fn name(self) -> &'static str {
        match self {
            Family::Python => "python",
            Family::JavaScript => "javascript",
            Family::Go => "go",
            Family::Java => "java",
            Family::Kotlin => "kotlin",
            Family::CSharp => "csharp",
            Family::Php => "php",
            Family::Ruby => "ruby",
            Family::Rust => "rust",
            Family::Cpp => "cpp",
            Family::Swift => "swift",
            Family::Scala => "scala",
            Family::Shell => "shell",
        }
    }

    /// Whether an object is constructed only with `new` (see [`super::profile::Profile`]).
    pub fn constructs_only_with_new(self) -> bool {
        self.profile().constructs_only_with_new
    }

    /// The family of a catalog name.
    pub fn named(name: &str) -> Option<Family> {
        Family::ALL.into_iter().find(|f| f.name() == name)
    }
}

impl std::fmt::Display for Family {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One language family's profile.
#[derive(Debug)]
pub struct Profile {
    pub family: Family,
    /// Each language of the family: the file extensions it is read from and its front end.
    /// A family without a front end (shell) has none.
    pub languages: &'static [LanguageEntry],
    /// Whole file names read as the family's first language (`Rakefile`).
    pub file_names: &'static [&'static str],
    /// What starts a comment on a line: line comments, block comment openers, and the `*`
    /// that continues a block comment. A suppression marker counts only after one of these.
    pub comment_openers: &'static [&'static str],
    /// Free functions and macros that write to standard output or error.
    pub print_functions: &'static [&'static str],
    /// Free functions and macros that write a log record.
    pub log_functions: &'static [&'static str],
    /// Whether an object is constructed only with `new` (`new S3Client(…)`): a call of the
    /// class's name without it is no constructor. Kotlin, Swift, Python, Ruby and Go
    /// construct without it, and Scala and C++ may.
    pub constructs_only_with_new: bool,
    /// Whether a bare call of another file's function (`name(…)`, neither imported nor
    /// qualified) can reach it: Go's and Kotlin's package, PHP's and Ruby's loaded files,
    /// C++'s headers, Swift's module. Elsewhere such a call is the file's own function or an
    /// imported one.
    pub bare_calls_cross_files: bool,
    /// Text that a file importing a module's every name holds (Python's `import *`, a JVM
    /// import's `.*`, Scala's `._`): read before any parse; a false yes costs a parse.
    pub wildcard_import_marks: &'static [&'static str],
    /// Keywords that, written right before a name, define a function or type of that name in
    /// the file (`def`, `function`, `fn`): a file defining a name means its own by the bare
    /// name, so only a qualified mention of it (`links.name`) may reach another file's.
    /// Variables are left out: a local `val signedUrl = signedUrl(key)` still calls the
    /// function. Empty where a declaration starts with its type (Java, C#, C++).
    pub definition_keywords: &'static [&'static str],
    /// Whether the language's names ignore case (PHP's functions and classes): elsewhere a
    /// word found in another case (`functionHandler` for `FunctionHandler`) is another name.
    pub names_ignore_case: bool,
    /// Roots of library names (namespaces, modules, standard types, crates) under which a
    /// name is never one of the project's constants; a trailing `*` matches any rest
    /// (`aws_sdk_*`).
    pub library_roots: &'static [&'static str],
    /// Files whose presence makes a directory the root of a project of the family.
    pub project_markers: &'static [&'static str],
    /// Its presign catalog (`catalog/<family>.toml`); `None` for a family whose code calls
    /// another's SDKs (Scala: the Java rows name it in `also_in`).
    pub catalog: Option<&'static str>,
    /// How its standard library counts time, where that differs from the shared folding.
    pub time: TimeModel,
}

impl Profile {
    /// Whether names under `root` are a library's (see [`Profile::library_roots`]).
    pub fn is_library_root(&self, root: &str) -> bool {
        self.library_roots.iter().any(|r| {
            r.strip_suffix('*')
                .map_or(*r == root, |p| root.starts_with(p))
        })
    }
}

/// How a family's standard library counts time, for folding expiries (`semantic::eval`):
/// what its duration types and clocks do that the shared folding does not assume.
#[derive(Debug)]
pub struct TimeModel {
    /// Duration libraries whose constructors and accessors it calls beyond the shared ones.
    pub durations: &'static [DurationLibrary],
    /// A duration converted to a number, or multiplied by a duration, counts nanoseconds
    /// (Go's `time.Duration(60) * time.Second`).
    pub durations_count_nanoseconds: bool,
    /// `Date.now()` is a number of milliseconds (JavaScript), not a clock value.
    pub date_now_is_milliseconds: bool,
    /// A bare `now()` reads the clock (Laravel's helper, a Carbon instance).
    pub now_function_is_clock: bool,
    /// `time + n` adds `n` seconds (Ruby's `Time.now + 3600`).
    pub time_plus_number_is_seconds: bool,
}

impl TimeModel {
    /// Nothing beyond the shared folding.
    pub const SHARED: TimeModel = TimeModel {
        durations: &[],
        durations_count_nanoseconds: false,
        date_now_is_milliseconds: false,
        now_function_is_clock: false,
        time_plus_number_is_seconds: false,
    };
}

/// A duration library folded by `semantic::eval` for the families that name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DurationLibrary {
    /// Python's `timedelta`: `.seconds` and `.days` are its components, not totals; and
    /// pytimeparse's `parse("1h")`.
    Timedelta,
    /// C++ `std::chrono`: `hours(24)`, `24h`, and `d.count()` in the type's own unit.
    Chrono,
    /// Swift's `Duration.seconds(3600)` and `.seconds(60)`.
    SwiftDuration,
    /// Scala's `Duration(7, TimeUnit.DAYS)`, `FiniteDuration(7, "days")`.
    ScalaDuration,
}

/// A language of a family.
pub struct LanguageEntry {
    pub language: Language,
    /// Extensions of its files, lowercase, without the dot.
    pub extensions: &'static [&'static str],
    pub front_end: FrontEnd,
    /// How a parsed file tells its kind of program (an entry point, an argument parser, a
    /// web framework).
    pub program: ProgramSignals,
}

impl LanguageEntry {
    /// A language read by a tree-sitter grammar, lowered by the shared walk with `lowering`.
    const fn tree_sitter(
        language: Language,
        extensions: &'static [&'static str],
        grammar: fn() -> tree_sitter::Language,
        lowering: &'static (dyn Grammar + Sync),
        program: ProgramSignals,
    ) -> LanguageEntry {
        LanguageEntry {
            language,
            extensions,
            front_end: FrontEnd::TreeSitter { grammar, lowering },
            program,
        }
    }
}

/// How a language's files tell the kind of program they are (`output::program`).
#[derive(Clone, Copy)]
pub enum ProgramSignals {
    /// Their output is no program's: a notebook's is saved in the notebook.
    None,
    /// The `[program]` marks of the family's catalog file.
    Marks,
    /// Those marks, and what no list says, read from the file's path, text and syntax facts
    /// (Python's `if __name__ == "__main__":`, a `handler(event, context)`).
    MarksAnd(fn(&Path, &str, &SyntaxFacts) -> Signals),
}

/// How a language's files become syntax facts.
#[derive(Clone, Copy)]
pub enum FrontEnd {
    /// A tree-sitter grammar, walked by the shared driver (`syntax::collect`) with the
    /// language's lowering.
    TreeSitter {
        grammar: fn() -> tree_sitter::Language,
        lowering: &'static (dyn Grammar + Sync),
    },
    /// A reader of its own: `syn` for Rust, the cell decoder of notebooks.
    Own(fn(&str) -> Option<SyntaxFacts>),
}

impl std::fmt::Debug for LanguageEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LanguageEntry")
            .field("language", &self.language)
            .field("extensions", &self.extensions)
            .finish_non_exhaustive()
    }
}

/// `//`, `/*` and the `*` of a block comment's continuation lines.
const C_COMMENTS: &[&str] = &["//", "/*", "*"];

/// Every family's profile, in the order of [`Family::ALL`].
pub static PROFILES: [&Profile; 13] = [
    &PYTHON,
    &JAVASCRIPT,
    &GO,
    &JAVA,
    &KOTLIN,
    &CSHARP,
    &PHP,
    &RUBY,
    &RUST,
    &CPP,
    &SWIFT,
    &SCALA,
    &SHELL,
];

/// Files that make a directory a project's root whatever its languages.
pub const REPOSITORY_MARKERS: &[&str] = &[".git"];

static PYTHON: Profile = Profile {
    family: Family::Python,
    languages: &[
        LanguageEntry::tree_sitter(
            Language::Python,
            &["py", "pyi", "pyw"],
            || tree_sitter_python::LANGUAGE.into(),
            &python::Python,
            ProgramSignals::MarksAnd(python::program_signals),
        ),
        // Jupyter notebooks: their code cells are Python.
        LanguageEntry {
            language: Language::Notebook,
            extensions: &["ipynb"],
            front_end: FrontEnd::Own(notebook::parse),
            program: ProgramSignals::None,
        },
    ],
    file_names: &[],
    comment_openers: &["#"],
    print_functions: &["print", "pprint"],
    log_functions: &[],
    constructs_only_with_new: false,
    bare_calls_cross_files: false,
    wildcard_import_marks: &["import *"],
    definition_keywords: &["def", "class"],
    names_ignore_case: false,
    library_roots: &[],
    project_markers: &["pyproject.toml", "setup.py", "setup.cfg"],
    catalog: Some(include_str!("../../catalog/python.toml")),
    time: TimeModel {
        durations: &[DurationLibrary::Timedelta],
        ..TimeModel::SHARED
    },
};

static JAVASCRIPT: Profile = Profile {
    family: Family::JavaScript,
    languages: &[
        LanguageEntry::tree_sitter(
            Language::JavaScript,
            &["js", "mjs", "cjs", "jsx"],
            || tree_sitter_javascript::LANGUAGE.into(),
            &javascript::JavaScript,
            ProgramSignals::Marks,
        ),
        LanguageEntry::tree_sitter(
            Language::TypeScript,
            &["ts", "mts", "cts"],
            || tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into(),
            &javascript::JavaScript,
            ProgramSignals::Marks,
        ),
        LanguageEntry::tree_sitter(
            Language::Tsx,
            &["tsx"],
            || tree_sitter_typescript::LANGUAGE_TSX.into(),
            &javascript::JavaScript,
            ProgramSignals::Marks,
        ),
    ],
    file_names: &[],
    comment_openers: C_COMMENTS,
    // `console.log` is a logger's method (see `output::is_logger`).
    print_functions: &[],
    log_functions: &[],
    constructs_only_with_new: true,
    bare_calls_cross_files: false,
    wildcard_import_marks: &[],
    definition_keywords: &["function", "class"],
    names_ignore_case: false,
    library_roots: &[],
    project_markers: &["package.json"],
    catalog: Some(include_str!("../../catalog/javascript.toml")),
    time: TimeModel {
        date_now_is_milliseconds: true,
        ..TimeModel::SHARED
    },
};

static GO: Profile = Profile {
    family: Family::Go,
    languages: &[LanguageEntry::tree_sitter(
        Language::Go,
        &["go"],
        || tree_sitter_go::LANGUAGE.into(),
        &go::Go,
        ProgramSignals::Marks,
    )],
    file_names: &[],
    comment_openers: C_COMMENTS,
    print_functions: &["println", "print"],
    log_functions: &[],
    constructs_only_with_new: false,
    bare_calls_cross_files: true,
    wildcard_import_marks: &[],
    definition_keywords: &["func", "type"],
    names_ignore_case: false,
    library_roots: &[],
    project_markers: &["go.mod"],
    catalog: Some(include_str!("../../catalog/go.toml")),
    time: TimeModel {
        durations_count_nanoseconds: true,
        ..TimeModel::SHARED
    },
};

static JAVA: Profile = Profile {
    family: Family::Java,
    languages: &[LanguageEntry::tree_sitter(
        Language::Java,
        &["java"],
        || tree_sitter_java::LANGUAGE.into(),
        &java::Java,
        ProgramSignals::Marks,
    )],
    file_names: &[],
    comment_openers: C_COMMENTS,
    print_functions: &[],
    log_functions: &[],
    constructs_only_with_new: true,
    bare_calls_cross_files: false,
    wildcard_import_marks: &[".*"],
    definition_keywords: &[],
    names_ignore_case: false,
    library_roots: &[],
    project_markers: &[
        "pom.xml",
        "build.gradle",
        "build.gradle.kts",
        "settings.gradle",
    ],
    catalog: Some(include_str!("../../catalog/java.toml")),
    time: TimeModel::SHARED,
};

static KOTLIN: Profile = Profile {
    family: Family::Kotlin,
    languages: &[LanguageEntry::tree_sitter(
        Language::Kotlin,
        &["kt", "kts"],
        || tree_sitter_kotlin_ng::LANGUAGE.into(),
        &kotlin::Kotlin,
        ProgramSignals::Marks,
    )],
    file_names: &[],
    comment_openers: C_COMMENTS,
    print_functions: &["println", "print"],
    log_functions: &[],
    constructs_only_with_new: false,
    bare_calls_cross_files: true,
    wildcard_import_marks: &[".*"],
    definition_keywords: &["fun", "class", "object"],
    names_ignore_case: false,
    library_roots: &[],
    project_markers: &["build.gradle.kts", "build.gradle", "settings.gradle"],
    catalog: Some(include_str!("../../catalog/kotlin.toml")),
    time: TimeModel::SHARED,
};

static CSHARP: Profile = Profile {
    family: Family::CSharp,
    languages: &[LanguageEntry::tree_sitter(
        Language::CSharp,
        &["cs"],
        || tree_sitter_c_sharp::LANGUAGE.into(),
        &csharp::CSharp,
        ProgramSignals::Marks,
    )],
    file_names: &[],
    comment_openers: C_COMMENTS,
    print_functions: &[],
    log_functions: &[],
    constructs_only_with_new: true,
    bare_calls_cross_files: false,
    wildcard_import_marks: &[],
    definition_keywords: &[],
    names_ignore_case: false,
    library_roots: &[],
    // `*.csproj`/`*.sln` have no fixed name (the probe is by exact path): MSBuild's
    // `Directory.Build.props` or the SDK's `global.json`.
    project_markers: &["Directory.Build.props", "global.json"],
    catalog: Some(include_str!("../../catalog/csharp.toml")),
    time: TimeModel::SHARED,
};

static PHP: Profile = Profile {
    family: Family::Php,
    languages: &[LanguageEntry::tree_sitter(
        Language::Php,
        &["php"],
        || tree_sitter_php::LANGUAGE_PHP.into(),
        &php::Php,
        ProgramSignals::Marks,
    )],
    file_names: &[],
    comment_openers: &["#", "//", "/*", "*", "<!--"],
    print_functions: &[
        "echo",
        "print",
        "printf",
        "var_dump",
        "var_export",
        "print_r",
        "dump",
        "dd",
    ],
    log_functions: &["error_log", "syslog"],
    constructs_only_with_new: true,
    bare_calls_cross_files: true,
    wildcard_import_marks: &[],
    definition_keywords: &["function", "class"],
    names_ignore_case: true,
    library_roots: &[],
    project_markers: &["composer.json"],
    catalog: Some(include_str!("../../catalog/php.toml")),
    time: TimeModel {
        now_function_is_clock: true,
        ..TimeModel::SHARED
    },
};

static RUBY: Profile = Profile {
    family: Family::Ruby,
    languages: &[LanguageEntry::tree_sitter(
        Language::Ruby,
        &["rb", "rake", "gemspec"],
        || tree_sitter_ruby::LANGUAGE.into(),
        &ruby::Ruby,
        ProgramSignals::Marks,
    )],
    file_names: &["Rakefile", "Gemfile", "Guardfile"],
    comment_openers: &["#"],
    print_functions: &["puts", "p", "pp", "print", "warn"],
    log_functions: &[],
    constructs_only_with_new: false,
    bare_calls_cross_files: true,
    wildcard_import_marks: &[],
    definition_keywords: &["def", "class", "module"],
    names_ignore_case: false,
    library_roots: &[],
    project_markers: &["Gemfile"],
    catalog: Some(include_str!("../../catalog/ruby.toml")),
    time: TimeModel {
        time_plus_number_is_seconds: true,
        ..TimeModel::SHARED
    },
};

static RUST: Profile = Profile {
    family: Family::Rust,
    languages: &[LanguageEntry {
        language: Language::Rust,
        extensions: &["rs"],
        front_end: FrontEnd::Own(rust::parse),
        program: ProgramSignals::Marks,
    }],
    file_names: &[],
    comment_openers: C_COMMENTS,
    print_functions: &["println!", "print!", "eprintln!", "eprint!", "dbg!"],
    log_functions: &["info!", "debug!", "warn!", "error!", "trace!", "event!"],
    constructs_only_with_new: false,
    bare_calls_cross_files: false,
    wildcard_import_marks: &[],
    definition_keywords: &["fn", "struct", "mod"],
    names_ignore_case: false,
    // The standard crates and the SDKs' (a project's own modules are `crate::`, `self::`
    // or `super::` paths, or its own crates').
    library_roots: &[
        "std",
        "core",
        "alloc",
        "aws_sdk_*",
        "aws_config",
        "aws_smithy_*",
        "aws_types",
        "aws_credential_types",
        "aws_sigv4",
        "google_cloud_*",
        "azure_*",
    ],
    project_markers: &["Cargo.toml"],
    catalog: Some(include_str!("../../catalog/rust.toml")),
    time: TimeModel::SHARED,
};

static CPP: Profile = Profile {
    family: Family::Cpp,
    languages: &[
        // `.h` too: a C header parses as C++, and a header without a presign call's words is
        // never parsed (the prefilter); Objective-C headers do the same.
        LanguageEntry::tree_sitter(
            Language::Cpp,
            &[
                "cpp", "cc", "cxx", "c++", "hpp", "hh", "hxx", "h++", "h", "ipp", "tpp",
            ],
            || tree_sitter_cpp::LANGUAGE.into(),
            &cpp::Cpp,
            ProgramSignals::Marks,
        ),
    ],
    file_names: &[],
    comment_openers: C_COMMENTS,
    // `std::printf`, `std::puts`, C++23 `std::println` too (the `std::` is left out).
    print_functions: &["printf", "puts", "println", "print", "wprintf"],
    // aws-sdk-cpp's logging macros (aws/core/utils/logging/LogMacros.h), spdlog's; glog's
    // `LOG(INFO) << …` is a stream, not a call (`output::CPP_LOG_STREAMS`).
    log_functions: &[
        "AWS_LOGSTREAM_FATAL",
        "AWS_LOGSTREAM_ERROR",
        "AWS_LOGSTREAM_WARN",
        "AWS_LOGSTREAM_INFO",
        "AWS_LOGSTREAM_DEBUG",
        "AWS_LOGSTREAM_TRACE",
        "AWS_LOG_FATAL",
        "AWS_LOG_ERROR",
        "AWS_LOG_WARN",
        "AWS_LOG_INFO",
        "AWS_LOG_DEBUG",
        "AWS_LOG_TRACE",
        "SPDLOG_TRACE",
        "SPDLOG_DEBUG",
        "SPDLOG_INFO",
        "SPDLOG_WARN",
        "SPDLOG_ERROR",
        "SPDLOG_CRITICAL",
        "syslog",
    ],
    constructs_only_with_new: false,
    bare_calls_cross_files: true,
    wildcard_import_marks: &[],
    definition_keywords: &[],
    names_ignore_case: false,
    // The namespaces of the libraries C++ code presigns and logs with, and the standard one.
    library_roots: &[
        "Aws", "std", "google", "gcs", "Azure", "boost", "spdlog", "fmt", "absl", "Poco", "Qt",
    ],
    project_markers: &[],
    catalog: Some(include_str!("../../catalog/cpp.toml")),
    time: TimeModel {
        durations: &[DurationLibrary::Chrono],
        ..TimeModel::SHARED
    },
};

static SWIFT: Profile = Profile {
    family: Family::Swift,
    languages: &[LanguageEntry::tree_sitter(
        Language::Swift,
        &["swift"],
        || tree_sitter_swift::LANGUAGE.into(),
        &swift::Swift,
        ProgramSignals::Marks,
    )],
    file_names: &[],
    comment_openers: C_COMMENTS,
    print_functions: &["print", "debugPrint", "dump"],
    // Foundation's `NSLog`, the unified logging system's `os_log` (`Logger().info("\(url)")`
    // is a logger's method).
    log_functions: &["NSLog", "os_log"],
    constructs_only_with_new: false,
    bare_calls_cross_files: true,
    wildcard_import_marks: &[],
    definition_keywords: &["func", "class", "struct", "enum"],
    names_ignore_case: false,
    // Library types and modules.
    library_roots: &[
        "Foundation",
        "TimeInterval",
        "Duration",
        "Date",
        "URL",
        "URLRequest",
        "URLSession",
        "ProcessInfo",
        "AWSS3",
        "S3Client",
        "AWSClientRuntime",
        "ClientRuntime",
        "Smithy",
        "Logger",
        "DispatchQueue",
        "Double",
        "Int",
        "String",
        "Bundle",
        "FileManager",
    ],
    project_markers: &["Package.swift"],
    catalog: Some(include_str!("../../catalog/swift.toml")),
    time: TimeModel {
        durations: &[DurationLibrary::SwiftDuration],
        ..TimeModel::SHARED
    },
};

static SCALA: Profile = Profile {
    family: Family::Scala,
    languages: &[LanguageEntry::tree_sitter(
        Language::Scala,
        &["scala", "sc"],
        || tree_sitter_scala::LANGUAGE.into(),
        &scala::Scala,
        ProgramSignals::Marks,
    )],
    file_names: &[],
    comment_openers: C_COMMENTS,
    print_functions: &["println", "print", "printf"],
    log_functions: &[],
    constructs_only_with_new: false,
    bare_calls_cross_files: false,
    wildcard_import_marks: &["._", ".*", "{_}"],
    definition_keywords: &["def", "class", "object"],
    names_ignore_case: false,
    // The standard library's and the JVM's roots.
    library_roots: &[
        "scala",
        "java",
        "javax",
        "akka",
        "software",
        "com",
        "org",
        "sys",
        "System",
        "Duration",
        "FiniteDuration",
        "TimeUnit",
        "Instant",
        "Region",
        "Console",
    ],
    project_markers: &["build.sbt"],
    catalog: Some(include_str!("../../catalog/scala.toml")),
    time: TimeModel {
        durations: &[DurationLibrary::ScalaDuration],
        ..TimeModel::SHARED
    },
};

/// Shell commands (`aws s3 presign`, `gsutil signurl`): a catalog without a front end; its
/// scripts are found by [`super::FileKind`].
static SHELL: Profile = Profile {
    family: Family::Shell,
    languages: &[],
    file_names: &[],
    comment_openers: &["#"],
    print_functions: &[],
    log_functions: &[],
    constructs_only_with_new: false,
    bare_calls_cross_files: false,
    wildcard_import_marks: &[],
    definition_keywords: &["function"],
    names_ignore_case: false,
    library_roots: &[],
    project_markers: &[],
    catalog: Some(include_str!("../../catalog/shell.toml")),
    time: TimeModel::SHARED,
};

impl Language {
    /// The language's entry in its family's profile.
    /// (Every language has one: a test checks it.)
    pub fn entry(self) -> Option<&'static LanguageEntry> {
        self.family()
            .profile()
            .languages
            .iter()
            .find(|e| e.language == self)
    }
}

impl Family {
    /// The family's profile.
    pub fn profile(self) -> &'static Profile {
        PROFILES[self as usize]
    }
}

/// Every file name whose presence makes a directory a project's root, once each.
pub fn project_markers() -> &'static [&'static str] {
    static MARKERS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    MARKERS.get_or_init(|| {
        let mut markers: Vec<&str> = REPOSITORY_MARKERS.to_vec();
        for marker in PROFILES.iter().flat_map(|p| p.project_markers) {
            if !markers.contains(marker) {
                markers.push(marker);
            }
        }
        markers
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_are_in_the_order_of_their_families() {
        assert_eq!(PROFILES.len(), Family::ALL.len());
        for (profile, family) in PROFILES.iter().zip(Family::ALL) {
            assert_eq!(profile.family, family);
            assert_eq!(family.profile().family, family);
        }
    }

    #[test]
    fn every_language_belongs_to_its_familys_profile_once() {
        for profile in PROFILES {
            for entry in profile.languages {
                let language = entry.language;
                assert_eq!(language.family(), profile.family, "{language:?}");
                assert!(!entry.extensions.is_empty(), "{language:?}");
                assert!(
                    language.entry().is_some_and(|e| std::ptr::eq(e, entry)),
                    "{language:?}"
                );
            }
        }
        let mut seen = std::collections::HashSet::new();
        for ext in PROFILES
            .iter()
            .flat_map(|p| p.languages.iter())
            .flat_map(|e| e.extensions.iter())
        {
            assert!(seen.insert(ext), "extension {ext} claimed twice");
            assert_eq!(*ext, ext.to_ascii_lowercase());
        }
    }
}
