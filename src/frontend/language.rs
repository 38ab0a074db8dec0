//! Which front end reads a file, from its name.

use std::path::Path;

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
    pub fn detect(path: &Path) -> Option<Language> {
        let name = path.file_name()?.to_str()?;
        if matches!(name, "Rakefile" | "Gemfile" | "Guardfile") {
            return Some(Language::Ruby);
        }
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match ext.as_str() {
            "py" | "pyi" | "pyw" => Language::Python,
            "js" | "mjs" | "cjs" | "jsx" => Language::JavaScript,
            "ts" | "mts" | "cts" => Language::TypeScript,
            "tsx" => Language::Tsx,
            "go" => Language::Go,
            "java" => Language::Java,
            "kt" | "kts" => Language::Kotlin,
            "cs" => Language::CSharp,
            "php" => Language::Php,
            "rb" | "rake" | "gemspec" => Language::Ruby,
            "rs" => Language::Rust,
            // `.h` too: a C header parses as C++, and a header without a presign call's words
            // is never parsed (the prefilter); Objective-C headers do the same.
            "cpp" | "cc" | "cxx" | "c++" | "hpp" | "hh" | "hxx" | "h++" | "h" | "ipp" | "tpp" => {
                Language::Cpp
            }
            "swift" => Language::Swift,
            "scala" | "sc" => Language::Scala,
            "ipynb" => Language::Notebook,
            _ => return None,
        })
    }

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

    /// The catalog's language family (TypeScript and TSX use the JavaScript rows).
    pub fn family(self) -> &'static str {
        match self {
            Language::TypeScript | Language::Tsx => "javascript",
            Language::Notebook => "python",
            other => other.name(),
        }
    }
}
