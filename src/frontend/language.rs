//! The languages presign-lint parses and the families they belong to.

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
