//! What presign-lint knows of each language family outside its grammar, in one place per
//! family: the files it is read from, what starts its comments, how its programs print and
//! log, whether it constructs objects only with `new`, and how its files reach each other's
//! names. Front ends, the project analysis and the suppression reader look the family's
//! profile up ([`Family::profile`]); no lint names a language.
//!
//! What a family's grammar says (node kinds, call shapes) stays in its front end
//! (`frontend/<lang>.rs`), and what its SDKs do (presign calls, defaults, limits) in its
//! catalog (`catalog/<family>.toml`).

use super::{Family, Language};

/// One language family's profile.
#[derive(Debug)]
pub struct Profile {
    pub family: Family,
    /// Each language of the family with the file extensions it is read from (lowercase,
    /// without the dot). A family without a front end (shell) has none.
    pub languages: &'static [(Language, &'static [&'static str])],
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
    /// Roots of library names (namespaces, modules, standard types) under which a name is
    /// never one of the project's constants.
    pub library_roots: &'static [&'static str],
    /// Files whose presence makes a directory the root of a project of the family.
    pub project_markers: &'static [&'static str],
}

/// `//`, `/*` and the `*` of a block comment's continuation lines.
const C_COMMENTS: &[&str] = &["//", "/*", "*"];

/// Every family's profile, in the order of [`Family::ALL`].
pub const PROFILES: [&Profile; 13] = [
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

const PYTHON: Profile = Profile {
    family: Family::Python,
    languages: &[
        (Language::Python, &["py", "pyi", "pyw"]),
        // Jupyter notebooks: their code cells are Python.
        (Language::Notebook, &["ipynb"]),
    ],
    file_names: &[],
    comment_openers: &["#"],
    print_functions: &["print", "pprint"],
    log_functions: &[],
    constructs_only_with_new: false,
    bare_calls_cross_files: false,
    wildcard_import_marks: &["import *"],
    library_roots: &[],
    project_markers: &["pyproject.toml", "setup.py", "setup.cfg"],
};

const JAVASCRIPT: Profile = Profile {
    family: Family::JavaScript,
    languages: &[
        (Language::JavaScript, &["js", "mjs", "cjs", "jsx"]),
        (Language::TypeScript, &["ts", "mts", "cts"]),
        (Language::Tsx, &["tsx"]),
    ],
    file_names: &[],
    comment_openers: C_COMMENTS,
    // `console.log` is a logger's method (see `output::is_logger`).
    print_functions: &[],
    log_functions: &[],
    constructs_only_with_new: true,
    bare_calls_cross_files: false,
    wildcard_import_marks: &[],
    library_roots: &[],
    project_markers: &["package.json"],
};

const GO: Profile = Profile {
    family: Family::Go,
    languages: &[(Language::Go, &["go"])],
    file_names: &[],
    comment_openers: C_COMMENTS,
    print_functions: &["println", "print"],
    log_functions: &[],
    constructs_only_with_new: false,
    bare_calls_cross_files: true,
    wildcard_import_marks: &[],
    library_roots: &[],
    project_markers: &["go.mod"],
};

const JAVA: Profile = Profile {
    family: Family::Java,
    languages: &[(Language::Java, &["java"])],
    file_names: &[],
    comment_openers: C_COMMENTS,
    print_functions: &[],
    log_functions: &[],
    constructs_only_with_new: true,
    bare_calls_cross_files: false,
    wildcard_import_marks: &[".*"],
    library_roots: &[],
    project_markers: &[
        "pom.xml",
        "build.gradle",
        "build.gradle.kts",
        "settings.gradle",
    ],
};

const KOTLIN: Profile = Profile {
    family: Family::Kotlin,
    languages: &[(Language::Kotlin, &["kt", "kts"])],
    file_names: &[],
    comment_openers: C_COMMENTS,
    print_functions: &["println", "print"],
    log_functions: &[],
    constructs_only_with_new: false,
    bare_calls_cross_files: true,
    wildcard_import_marks: &[".*"],
    library_roots: &[],
    project_markers: &["build.gradle.kts", "build.gradle", "settings.gradle"],
};

const CSHARP: Profile = Profile {
    family: Family::CSharp,
    languages: &[(Language::CSharp, &["cs"])],
    file_names: &[],
    comment_openers: C_COMMENTS,
    print_functions: &[],
    log_functions: &[],
    constructs_only_with_new: true,
    bare_calls_cross_files: false,
    wildcard_import_marks: &[],
    library_roots: &[],
    // `*.csproj`/`*.sln` have no fixed name (the probe is by exact path): MSBuild's
    // `Directory.Build.props` or the SDK's `global.json`.
    project_markers: &["Directory.Build.props", "global.json"],
};

const PHP: Profile = Profile {
    family: Family::Php,
    languages: &[(Language::Php, &["php"])],
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
    library_roots: &[],
    project_markers: &["composer.json"],
};

const RUBY: Profile = Profile {
    family: Family::Ruby,
    languages: &[(Language::Ruby, &["rb", "rake", "gemspec"])],
    file_names: &["Rakefile", "Gemfile", "Guardfile"],
    comment_openers: &["#"],
    print_functions: &["puts", "p", "pp", "print", "warn"],
    log_functions: &[],
    constructs_only_with_new: false,
    bare_calls_cross_files: true,
    wildcard_import_marks: &[],
    library_roots: &[],
    project_markers: &["Gemfile"],
};

const RUST: Profile = Profile {
    family: Family::Rust,
    languages: &[(Language::Rust, &["rs"])],
    file_names: &[],
    comment_openers: C_COMMENTS,
    print_functions: &["println!", "print!", "eprintln!", "eprint!", "dbg!"],
    log_functions: &["info!", "debug!", "warn!", "error!", "trace!", "event!"],
    constructs_only_with_new: false,
    bare_calls_cross_files: false,
    wildcard_import_marks: &[],
    library_roots: &[],
    project_markers: &["Cargo.toml"],
};

const CPP: Profile = Profile {
    family: Family::Cpp,
    languages: &[(
        Language::Cpp,
        // `.h` too: a C header parses as C++, and a header without a presign call's words is
        // never parsed (the prefilter); Objective-C headers do the same.
        &[
            "cpp", "cc", "cxx", "c++", "hpp", "hh", "hxx", "h++", "h", "ipp", "tpp",
        ],
    )],
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
    // The namespaces of the libraries C++ code presigns and logs with, and the standard one.
    library_roots: &[
        "Aws", "std", "google", "gcs", "Azure", "boost", "spdlog", "fmt", "absl", "Poco", "Qt",
    ],
    project_markers: &[],
};

const SWIFT: Profile = Profile {
    family: Family::Swift,
    languages: &[(Language::Swift, &["swift"])],
    file_names: &[],
    comment_openers: C_COMMENTS,
    print_functions: &["print", "debugPrint", "dump"],
    // Foundation's `NSLog`, the unified logging system's `os_log` (`Logger().info("\(url)")`
    // is a logger's method).
    log_functions: &["NSLog", "os_log"],
    constructs_only_with_new: false,
    bare_calls_cross_files: true,
    wildcard_import_marks: &[],
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
};

const SCALA: Profile = Profile {
    family: Family::Scala,
    languages: &[(Language::Scala, &["scala", "sc"])],
    file_names: &[],
    comment_openers: C_COMMENTS,
    print_functions: &["println", "print", "printf"],
    log_functions: &[],
    constructs_only_with_new: false,
    bare_calls_cross_files: false,
    wildcard_import_marks: &["._", ".*", "{_}"],
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
};

/// Shell commands (`aws s3 presign`, `gsutil signurl`): a catalog without a front end; its
/// scripts are found by [`super::FileKind`].
const SHELL: Profile = Profile {
    family: Family::Shell,
    languages: &[],
    file_names: &[],
    comment_openers: &["#"],
    print_functions: &[],
    log_functions: &[],
    constructs_only_with_new: false,
    bare_calls_cross_files: false,
    wildcard_import_marks: &[],
    library_roots: &[],
    project_markers: &[],
};

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
            for (language, extensions) in profile.languages {
                assert_eq!(language.family(), profile.family, "{language:?}");
                assert!(!extensions.is_empty(), "{language:?}");
            }
        }
        let mut seen = std::collections::HashSet::new();
        for ext in PROFILES
            .iter()
            .flat_map(|p| p.languages.iter())
            .flat_map(|(_, e)| e.iter())
        {
            assert!(seen.insert(ext), "extension {ext} claimed twice");
            assert_eq!(*ext, ext.to_ascii_lowercase());
        }
    }
}
