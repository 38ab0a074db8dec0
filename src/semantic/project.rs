//! The project index: what each analysed file exports (its named functions with their
//! summaries, its constants) and how one file's names resolve to another's, through the
//! language's import forms. A name that could resolve to more than one definition stays
//! unknown: the index never guesses.
//!
//! Resolution by language:
//! - Python: `import a.b`, `from a.b import x`, relative `from .m import x`, `__init__.py`;
//! - JavaScript/TypeScript: relative specifiers (`./m`, `../m/index`, extension-less or `.js`
//!   for `.ts`), and the `@/` and `~/` source-root aliases; bare package names are libraries;
//! - Go: an import path names the directory that ends with its longest matching suffix; the
//!   files of one directory share one package scope;
//! - Java and Kotlin: a package names the directory ending with its segments; the files of a
//!   directory share a package;
//! - C#, PHP, Ruby and Rust: a qualified name (`Links.TTL`, `Links::sign`) unique among the
//!   project's files of the language.
//!
//! A project is the tree under the nearest directory holding a project marker (`.git`,
//! `go.mod`, `package.json`, `pyproject.toml`, …): names never resolve across projects.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::facts::{Arity, Binding, CallExpr, ExprKind, Import, SyntaxFacts};
use crate::frontend::Family;
use crate::semantic::eval::{Outer, Value};

use super::summary::Summary;

pub type FileId = usize;

/// An import's module and name, as a cache key.
type ImportKey = (String, Option<String>);

/// What one analysed file gives the project.
#[derive(Debug, Default)]
pub struct FileEntry {
    pub path: PathBuf,
    pub root: PathBuf,
    pub family: Family,
    pub imports: Vec<Import>,
    pub functions: Vec<ExportedFunction>,
    /// Top-level constants and constant fields (`Links.TTL`, `Time.day`), folded.
    pub constants: Vec<(String, Value)>,
}

#[derive(Debug)]
pub struct ExportedFunction {
    pub name: String,
    /// Parameter names in order: definitions with the same name and parameters are taken
    /// for implementations of one method (an interface's, a base class's).
    pub params: Vec<String>,
    /// The calls it can take: a definition a call cannot reach is no candidate for it.
    pub arity: Arity,
    pub summary: Option<Arc<Summary>>,
}

#[derive(Default)]
pub struct Project {
    /// By file id. Ids are given to every file a scan analyses, and few files have entries:
    /// boxed, an empty slot costs a pointer (the 8-copy examples tree's 105k ids made 16 MB of
    /// empty unboxed slots).
    files: Vec<Option<Box<FileEntry>>>,
    functions: HashMap<String, Vec<(FileId, usize)>>,
    constants: HashMap<String, Vec<(FileId, usize)>>,
    /// Per project root and language family, the pass in which what a name resolves to
    /// there last changed (`f:` functions, `c:` constants). A lookup walks its own project's
    /// files only ([`FileScope::peers`]), so a definition elsewhere cannot change its answer.
    versions: HashMap<Scope, HashMap<String, u32>>,
    /// The packages each project root's `package.json` depends on, read once per root.
    packages: std::sync::Mutex<HashMap<PathBuf, Arc<BTreeSet<String>>>>,
    /// The files of each project root and language family, by id: the peers a file's
    /// lookups walk, without walking every other project's files (a monorepo has hundreds).
    scopes: HashMap<Scope, BTreeSet<FileId>>,
}

/// A project root and language family: the files one file's lookups may reach.
pub type Scope = (PathBuf, Family);

impl Project {
    /// Replaces a file's exports; returns the names of presigning functions whose definitions
    /// changed (new words for the next pass), and records every changed name's version.
    pub fn update(&mut self, id: FileId, entry: FileEntry, pass: u32) -> Vec<String> {
        if self.files.len() <= id {
            self.files.resize_with(id + 1, || None);
        }
        let old = self.files[id].take().map(|b| *b);
        // A file that moved to another project changes what both projects' lookups find.
        let mut touched: Vec<Scope> = vec![(entry.root.clone(), entry.family)];
        if let Some(o) = &old
            && (&o.root, o.family) != (&entry.root, entry.family)
        {
            touched.push((o.root.clone(), o.family));
        }
        if let Some(o) = &old
            && let Some(ids) = self.scopes.get_mut(&(o.root.clone(), o.family))
        {
            ids.remove(&id);
        }
        self.scopes
            .entry((entry.root.clone(), entry.family))
            .or_default()
            .insert(id);
        let signature =
            |e: &Option<FileEntry>| -> (HashMap<String, String>, HashMap<String, String>) {
                let mut functions: HashMap<String, String> = HashMap::new();
                let mut constants = HashMap::new();
                if let Some(e) = e {
                    for f in &e.functions {
                        let s = functions.entry(f.name.clone()).or_default();
                        s.push('|');
                        if let Some(summary) = &f.summary {
                            s.push_str(&summary.signature());
                        }
                    }
                    for (k, v) in &e.constants {
                        constants.insert(k.clone(), format!("{v:?}"));
                    }
                }
                (functions, constants)
            };
        let (old_f, old_c) = signature(&old);
        let new = Some(entry);
        let (new_f, new_c) = signature(&new);
        let mut words = Vec::new();
        let presigning = |e: &Option<FileEntry>, name: &str| {
            e.as_ref().is_some_and(|e| {
                e.functions
                    .iter()
                    .any(|f| f.name == name && f.summary.is_some())
            })
        };
        for name in old_f.keys().chain(new_f.keys()) {
            if old_f.get(name) == new_f.get(name) {
                continue;
            }
            // Only a name some definition of which presigns can change a resolution's answer.
            // A definition that does not presign only appears (a file's functions stay, their
            // summaries change): it can make a found function ambiguous, never find one, so
            // it leaves the lookups that found none (`f+:`) as they were.
            if presigning(&old, name) || presigning(&new, name) {
                self.bump(&touched, format!("f+:{name}"), pass);
                self.bump(&touched, format!("f:{name}"), pass);
                if presigning(&new, name) && !words.contains(name) {
                    words.push(name.clone());
                }
            } else if self.presigns(name) {
                self.bump(&touched, format!("f:{name}"), pass);
            }
        }
        for key in old_c.keys().chain(new_c.keys()) {
            if old_c.get(key) != new_c.get(key) {
                self.bump(&touched, format!("c:{key}"), pass);
            }
        }
        // Re-index this file: only the names its previous entry held point to it.
        if let Some(old) = &old {
            for f in &old.functions {
                if let Some(list) = self.functions.get_mut(&f.name) {
                    list.retain(|(f, _)| *f != id);
                }
            }
            for (k, _) in &old.constants {
                if let Some(list) = self.constants.get_mut(k) {
                    list.retain(|(f, _)| *f != id);
                }
            }
        }
        if let Some(entry) = &new {
            for (i, f) in entry.functions.iter().enumerate() {
                self.functions
                    .entry(f.name.clone())
                    .or_default()
                    .push((id, i));
            }
            for (i, (k, _)) in entry.constants.iter().enumerate() {
                self.constants.entry(k.clone()).or_default().push((id, i));
            }
        }
        self.files[id] = new.map(Box::new);
        words
    }

    fn bump(&mut self, scopes: &[Scope], key: String, pass: u32) {
        for scope in scopes {
            self.versions
                .entry(scope.clone())
                .or_default()
                .insert(key.clone(), pass);
        }
    }

    fn presigns(&self, name: &str) -> bool {
        self.functions.get(name).is_some_and(|defs| {
            defs.iter()
                .any(|&(f, i)| self.function(f, i).is_some_and(|e| e.summary.is_some()))
        })
    }

    fn function(&self, file: FileId, index: usize) -> Option<&ExportedFunction> {
        self.files.get(file)?.as_ref()?.functions.get(index)
    }

    /// Whether what a file of `scope` looked up may resolve differently now than in `pass`.
    pub fn changed_since(&self, scope: &Scope, queried: &BTreeSet<String>, pass: u32) -> bool {
        let Some(versions) = self.versions.get(scope) else {
            return false;
        };
        queried
            .iter()
            .any(|q| versions.get(q).is_some_and(|&v| v >= pass))
    }

    /// The scope of an analysed file, for evaluating what it captured.
    pub fn scope_of(&self, file: FileId) -> Option<FileScope<'_>> {
        let entry = self.files.get(file)?.as_ref()?;
        Some(FileScope::new(
            self,
            &entry.path,
            &entry.root,
            entry.family,
            &entry.imports,
        ))
    }

    /// The dependencies `package.json` at `root` declares (none when it has none).
    fn packages(&self, root: &Path) -> Arc<BTreeSet<String>> {
        let mut cache = self.packages.lock().unwrap_or_else(|p| p.into_inner());
        cache
            .entry(root.to_path_buf())
            .or_insert_with(|| Arc::new(declared_packages(&root.join("package.json"))))
            .clone()
    }
}

/// How one file sees the project: its imports, its package, its project root. Records what
/// it looked up, so the driver knows when a file's result may have changed.
pub struct FileScope<'a> {
    project: &'a Project,
    path: &'a Path,
    root: &'a Path,
    family: Family,
    imports: &'a [Import],
    /// Keys looked up (`f:name`, `c:dotted.path`).
    pub queried: RefCell<BTreeSet<String>>,
    /// Constant names looked up and not found: words for the files not yet parsed.
    pub wanted: RefCell<BTreeSet<String>>,
    /// Whether a missed constant is wanted (not while folding the file's own exports).
    wanting: std::cell::Cell<bool>,
    /// Sorted file ids, computed once per file.
    peers_cache: std::cell::OnceCell<Vec<FileId>>,
    directory_cache: std::cell::OnceCell<Vec<FileId>>,
    modules_cache: RefCell<HashMap<ImportKey, Vec<FileId>>>,
    /// Whether the file is a test's ([`is_test_path`]), asked at every call resolved.
    test_cache: std::cell::OnceCell<bool>,
}

impl<'a> FileScope<'a> {
    pub fn new(
        project: &'a Project,
        path: &'a Path,
        root: &'a Path,
        family: Family,
        imports: &'a [Import],
    ) -> FileScope<'a> {
        FileScope {
            project,
            path,
            root,
            family,
            imports,
            queried: RefCell::new(BTreeSet::new()),
            wanted: RefCell::new(BTreeSet::new()),
            wanting: std::cell::Cell::new(true),
            peers_cache: std::cell::OnceCell::new(),
            directory_cache: std::cell::OnceCell::new(),
            modules_cache: RefCell::new(HashMap::new()),
            test_cache: std::cell::OnceCell::new(),
        }
    }

    /// Runs `f` without recording missed constants as wanted: folding a file's own top-level
    /// bindings looks up every name they use, most of which are no constant at all.
    pub fn without_wanting<T>(&self, f: impl FnOnce() -> T) -> T {
        let before = self.wanting.replace(false);
        let out = f();
        self.wanting.set(before);
        out
    }

    pub fn project(&self) -> &'a Project {
        self.project
    }

    fn import_of(&self, local: &str) -> Option<&'a Import> {
        self.imports.iter().find(|i| {
            i.alias.as_deref() == Some(local)
                || (i.alias.is_none() && i.name.as_deref() == Some(local))
                || (i.alias.is_none() && i.name.is_none() && self.module_binds(i) == local)
        })
    }

    /// The name a whole-module import binds: the first segment of Python's `import a.b`,
    /// else the module's last segment (a Go package).
    fn module_binds<'i>(&self, import: &'i Import) -> &'i str {
        match self.family {
            Family::Python => import.module.split('.').next().unwrap_or(&import.module),
            _ => import.tail(),
        }
    }

    /// Files of the same project and language (this file's previous analysis among them).
    fn peers(&self) -> impl Iterator<Item = (FileId, &'a FileEntry)> + '_ {
        let project = self.project;
        project
            .scopes
            .get(&(self.root.to_path_buf(), self.family))
            .into_iter()
            .flatten()
            .filter_map(move |&id| project.files.get(id)?.as_deref().map(|e| (id, e)))
    }

    fn same_directory(&self) -> &[FileId] {
        self.directory_cache.get_or_init(|| {
            let dir = self.path.parent();
            self.peers()
                .filter(|(_, e)| e.path.parent() == dir)
                .map(|(i, _)| i)
                .collect()
        })
    }

    /// Whether one of `files` (sorted) defines a function `name`.
    fn defines(&self, name: &str, files: &[FileId]) -> bool {
        self.project
            .functions
            .get(name)
            .is_some_and(|defs| defs.iter().any(|(f, _)| files.binary_search(f).is_ok()))
    }

    fn all_peers(&self) -> &[FileId] {
        self.peers_cache
            .get_or_init(|| self.peers().map(|(i, _)| i).collect())
    }

    /// The files a Ruby constant (`Links`, the `S3` of `Storage::S3`) is defined in by the
    /// autoload convention: those whose stem is the constant in snake case (`links.rb`,
    /// `s3.rb`), sorted.
    fn ruby_constant_files(&self, constant: &str) -> Vec<FileId> {
        if !constant.starts_with(|c: char| c.is_ascii_uppercase()) {
            return Vec::new();
        }
        let stem = snake_case(constant);
        self.peers()
            .filter(|(_, e)| e.path.file_stem().and_then(|s| s.to_str()) == Some(stem.as_str()))
            .map(|(i, _)| i)
            .collect()
    }

    /// The files an import names (empty for a library outside the project), sorted.
    fn module_files(&self, import: &Import) -> Vec<FileId> {
        let key = (import.module.clone(), import.name.clone());
        if let Some(files) = self.modules_cache.borrow().get(&key) {
            return files.clone();
        }
        let mut files = self.find_module_files(import);
        files.sort_unstable();
        self.modules_cache.borrow_mut().insert(key, files.clone());
        files
    }

    fn find_module_files(&self, import: &Import) -> Vec<FileId> {
        let dir = self.path.parent().unwrap_or(Path::new(""));
        let peers: Vec<(FileId, &FileEntry)> = self.peers().collect();
        match self.family {
            Family::Python => python_module(dir, &import.module, import.name.as_deref(), &peers),
            Family::JavaScript => javascript_module(dir, &import.module, &peers),
            Family::Go => go_package(&import.module, &peers),
            Family::Java | Family::Kotlin | Family::Scala => {
                jvm_package(&import.module, import.name.as_deref(), &peers)
            }
            Family::Rust => rust_module(&import.module, import.name.as_deref(), &peers)
                .unwrap_or_else(|| peers.iter().map(|(i, _)| *i).collect()),
            _ => peers.iter().map(|(i, _)| *i).collect(),
        }
    }

    /// The word a file defining a missed constant holds, to find it among the files not
    /// parsed: only for a name that could be another file's (imported from a module not
    /// parsed yet, or of the package), and the most distinctive of its segments
    /// (`LINK_TTL` or `Day` rather than `seconds`).
    fn wanted_word(&self, path: &[&str]) -> Option<String> {
        let (first, rest) = path.split_first()?;
        let profile = self.family.profile();
        let mut words: Vec<&str> = match self.import_of(first) {
            Some(import) => {
                // A PHP `use` names a class, not a file: its module files are every parsed
                // peer, so they do not tell that the class's file was parsed.
                // A Scala `object` lives in any file of its package, whatever the file's
                // name: a package with parsed files may still hold it in one not parsed.
                if (!matches!(self.family, Family::Php | Family::Scala)
                    && !self.module_files(import).is_empty())
                    || (self.family == Family::JavaScript && self.is_library(import))
                    // `use std::time::Duration`, `use aws_sdk_s3::Client`: a crate's.
                    || (self.family == Family::Rust
                        && import
                            .module
                            .split("::")
                            .next()
                            .is_some_and(|root| profile.is_library_root(root)))
                {
                    return None;
                }
                // A Go import binds its package, whose name every importer writes: the
                // package's files are found by their directory, a constant by its own name.
                let named = import
                    .name
                    .as_deref()
                    .filter(|n| *n != "*" && *n != "default" && self.family != Family::Go);
                named.into_iter().chain(rest.iter().copied()).collect()
            }
            None => match self.family {
                Family::Go | Family::Java | Family::Kotlin | Family::CSharp => path.to_vec(),
                Family::Php | Family::Ruby if !rest.is_empty() => path.to_vec(),
                Family::Rust if !rest.is_empty() && !profile.is_library_root(first) => {
                    path.to_vec()
                }
                // A C++ name comes from any header of the project (`#include` binds none),
                // unless it is a library's: `Aws::Http::HttpMethod::HTTP_GET` or
                // `std::chrono::hours` made every file naming them a search hit.
                Family::Cpp if !profile.is_library_root(first) => path.to_vec(),
                // A Swift module's files share one scope (`import` names a module, not a
                // file): a global `let` or a type's `static let` (`Links.ttl`) of the
                // project, never a library type's member (`TimeInterval.infinity`).
                Family::Swift
                    if !profile.is_library_root(first)
                        && (rest.is_empty()
                            || first.starts_with(|c: char| c.is_ascii_uppercase())) =>
                {
                    path.to_vec()
                }
                // A Scala name of the package or a package object, unless it is the
                // standard library's or the JVM's (`scala.concurrent.duration.Duration`,
                // `java.util.Date`, `TimeUnit.DAYS`).
                Family::Scala if !profile.is_library_root(first) => path.to_vec(),
                _ => return None,
            },
        };
        let rank = |w: &&str| {
            let screaming = w
                .chars()
                .all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit());
            let capital = w.chars().next().is_some_and(|c| c.is_ascii_uppercase());
            (screaming, capital, w.len())
        };
        words.retain(|w| w.len() >= 3);
        let word = words.into_iter().max_by_key(rank)?;
        // C++ declares its locals as it goes (`Aws::String bucketName = …`), so a name missed
        // there is rarely another file's; only a constant-looking one (`kLinkTtl`,
        // `LINK_TTL`, `cfg::ttl`) is worth searching every file for.
        let constant_like = |w: &str| {
            w.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
                || (w.starts_with('k') && w[1..].starts_with(|c: char| c.is_ascii_uppercase()))
        };
        if self.family == Family::Cpp && rest.is_empty() && !constant_like(word) {
            return None;
        }
        // Scala declares its locals as it goes too (`val ttl = …`); a constant of another
        // object or package object is capitalised by the style guide (`Ttl`, `LinkTtl`).
        if self.family == Family::Scala
            && rest.is_empty()
            && !word.starts_with(|c: char| c.is_ascii_uppercase())
        {
            return None;
        }
        Some(word.to_string())
    }

    /// Whether an import names a library rather than a module of the project. Only told for
    /// JavaScript (a relative specifier, or a `@x/`/`~` alias no dependency is named after, is
    /// the project's); every other language's unresolved import counts as a library.
    fn is_library(&self, import: &Import) -> bool {
        if self.family != Family::JavaScript {
            return true;
        }
        let m = import.module.as_str();
        if m.starts_with('.') {
            return false;
        }
        let segments = if m.starts_with('@') { 2 } else { 1 };
        let package: Vec<&str> = m.splitn(segments + 1, '/').take(segments).collect();
        // The dependencies of the package the file is in (a workspace member's own
        // `package.json`, below the workspace root), else of the project root.
        let manifest = self
            .path
            .ancestors()
            .skip(1)
            .take_while(|dir| dir.starts_with(self.root))
            .find(|dir| dir.join("package.json").is_file())
            .unwrap_or(self.root);
        if self.project.packages(manifest).contains(&package.join("/")) {
            return true;
        }
        !(m.starts_with('@') || m.starts_with('~'))
    }

    /// The project's presigning function a call reaches, if exactly one definition fits.
    pub fn function(&self, call: &CallExpr, syntax: &SyntaxFacts) -> Option<Arc<Summary>> {
        self.resolve(call, syntax, false)
    }

    /// Like [`FileScope::function`], but only through what the call's receiver is known to
    /// be (an import of a project module, an object of a project class): not the one
    /// definition of a name for an object of unknown type.
    pub fn function_of_known_receiver(
        &self,
        call: &CallExpr,
        syntax: &SyntaxFacts,
    ) -> Option<Arc<Summary>> {
        self.resolve(call, syntax, true)
    }

    /// The one presigning definition of `name` among `files` (sorted) that fits the call.
    fn function_in(
        &self,
        files: &[FileId],
        name: &str,
        from_test: bool,
        call: &CallExpr,
        in_namesake: bool,
    ) -> Option<Arc<Summary>> {
        let defs = self.project.functions.get(name)?;
        let mut found: Vec<(&Path, &ExportedFunction)> = defs
            .iter()
            .filter(|(f, _)| files.binary_search(f).is_ok())
            .filter_map(|&(f, i)| {
                let entry = self.project.files.get(f)?.as_ref()?;
                let test = !from_test && is_test_path(&entry.path, &entry.root);
                // A call in a function of its own name (a facade forwarding to the method it
                // is named after) does not reach that function of its own file.
                let itself = in_namesake && entry.path == self.path;
                let def = self.project.function(f, i).filter(|_| !test && !itself)?;
                Some((entry.path.as_path(), def))
            })
            .collect();
        // In the order of their paths, whatever order the files were parsed in.
        found.sort_by(|a, b| a.0.cmp(b.0));
        let mut candidates: Vec<&ExportedFunction> = found.into_iter().map(|(_, d)| d).collect();
        if candidates.len() > 1 && by_arity(self.family) {
            candidates.retain(|d| d.arity.fits(call));
        }
        implementation(&candidates).filter(|s| Summary::accepts(self.family, &s.params, call))
    }

    /// Records a lookup of function `name` whose answer depends on the project: one that
    /// found nothing can change only when a presigning definition does (`f+:`).
    fn note_function_lookup(&self, name: &str, found: bool) {
        let key = if found {
            format!("f:{name}")
        } else {
            format!("f+:{name}")
        };
        self.queried.borrow_mut().insert(key);
    }

    fn resolve(&self, call: &CallExpr, syntax: &SyntaxFacts, known: bool) -> Option<Arc<Summary>> {
        let name = call.name()?;
        // Test doubles (`class FakeStorage { getSignedUrl() {} }` in a test) never run in
        // production code: only a test's call may reach them.
        let from_test = *self
            .test_cache
            .get_or_init(|| is_test_path(self.path, self.root));
        // The lookup is recorded only where the answer depends on the project's definitions:
        // a call that can never resolve (`response.get()`, a library's function) does not
        // make its file stale each time some `get` of the project changes.
        let in_namesake = enclosing_name(call, syntax) == Some(name);
        let in_files = |files: &[FileId]| -> Option<Arc<Summary>> {
            let found = self.function_in(files, name, from_test, call, in_namesake);
            self.note_function_lookup(name, found.is_some());
            found
        };
        match &call.callee.kind {
            ExprKind::Name(local) => {
                if let Some(import) = self.import_of(local) {
                    return in_files(&self.module_files(import));
                }
                // A name a wildcard import brings in (`from links import *`, Java's `import
                // static a.Links.*`, Scala's `import a.Links._`, Kotlin's `import a.links.*`):
                // the one of the modules imported so that defines it.
                let wildcards: Vec<&Import> = self
                    .imports
                    .iter()
                    .filter(|i| is_wildcard(self.family, i))
                    .collect();
                for import in &wildcards {
                    let files = self.module_files(import);
                    if self.defines(name, &files) {
                        return in_files(&files);
                    }
                }
                if !wildcards.is_empty() && !self.family.profile().bare_calls_cross_files {
                    // A later pass may find the definition in a module not parsed yet.
                    self.note_function_lookup(name, false);
                    return None;
                }
                // An unqualified call reaches another file's function in a Go or Kotlin
                // package; in Java and C# it is the class's own method (or a static import).
                // A C++ function is declared in a header and defined in any file.
                match self.family {
                    _ if !self.family.profile().bare_calls_cross_files => None,
                    Family::Go | Family::Kotlin => in_files(self.same_directory()),
                    // A Swift function is visible to its whole module, and to the modules
                    // that import it, unqualified.
                    _ => in_files(self.all_peers()),
                }
            }
            ExprKind::Member(receiver, _) => {
                let mut root = receiver
                    .path()
                    .and_then(|p| p.first().map(|s| s.to_string()));
                // `new S3Storage().getSignedUrl(…)`: the class it is made from.
                if let Some(made) = receiver.as_call().filter(|c| c.is_new) {
                    root = made
                        .callee
                        .path()
                        .and_then(|p| p.last().map(|s| s.to_string()));
                }
                // `adapter = new S3Adapter()`: the class it was made from.
                if let Some(class) = root
                    .as_deref()
                    .and_then(|r| constructed_class(r, receiver.span.start, syntax))
                {
                    root = Some(class);
                }
                // `getStorageProvider().getPresignGetUrl(k)`: the class the factory makes.
                if let Some(class) = receiver.as_call().and_then(|c| factory_class(c, syntax)) {
                    root = Some(class.to_string());
                }
                // `d *storage.Driver`, `store: S3Storage`: the module its declared type is of.
                if let ExprKind::Name(name) = &receiver.kind
                    && let Some(module) = syntax
                        .parameter_type(name, receiver.span.start)
                        .and_then(type_root)
                        .filter(|m| self.import_of(m).is_some())
                {
                    root = Some(module.to_string());
                }
                if let Some(import) = root.as_deref().and_then(|r| self.import_of(r)) {
                    let files = self.module_files(import);
                    if files.is_empty() {
                        // A method of a library's object is not the project's; a project
                        // module not parsed (it presigns nothing itself) may export an
                        // object whose class is defined elsewhere.
                        if !self.is_library(import) {
                            return in_files(self.all_peers());
                        }
                        // Outside JavaScript a library is told apart only by no file of
                        // the project being the module's: one parsed later (a Java class
                        // whose presigning method a later pass finds) changes the answer.
                        if self.family != Family::JavaScript {
                            self.note_function_lookup(name, false);
                        }
                        return None;
                    }
                    // A module that defines the method, or one that exports an object made
                    // elsewhere (`export default new S3Storage()`).
                    return in_files(&files).or_else(|| {
                        (!self.defines(name, &files))
                            .then(|| in_files(self.all_peers()))
                            .flatten()
                    });
                }
                // `Links.signed_link` / `Storage::S3.presign`: a module's method, defined in
                // the file the constant autoloads from, if one defines it.
                if self.family == Family::Ruby
                    && let Some(constant) = receiver.path().and_then(|p| p.last().copied())
                {
                    let files = self.ruby_constant_files(constant);
                    if self.defines(name, &files) {
                        return in_files(&files);
                    }
                }
                // An object of unknown type: the one definition of that name in the project,
                // if the name says what it does. A generic one (`get`, `put`, `create`) is
                // as likely a library's method, and so is the method a function of the same
                // name delegates to (`def list_items(client): client.list_items()`), unless
                // a function of the project made the object (`getStorageProvider()
                // .getPresignGetUrl(key)` in the facade `getPresignGetUrl`).
                if known
                    || !is_distinctive(name)
                    || in_namesake && !self.made_by_project(receiver, syntax)
                {
                    return None;
                }
                in_files(self.all_peers())
            }
            _ => None,
        }
    }

    /// Whether an object is the result of a function of the project: one of this file, or one
    /// imported from a module of the project (`import { getStorageProvider } from
    /// './providers'`).
    fn made_by_project(&self, receiver: &crate::facts::Expr, syntax: &SyntaxFacts) -> bool {
        let Some(ExprKind::Name(f)) = receiver.as_call().map(|c| &c.callee.kind) else {
            return false;
        };
        syntax
            .functions
            .iter()
            .any(|d| d.name.as_deref() == Some(f.as_str()))
            || self.import_of(f).is_some_and(|import| {
                !self.is_library(import) || !self.module_files(import).is_empty()
            })
    }

    fn constant_in(&self, files: &[FileId], key: &str) -> Option<Value> {
        let defs = self.project.constants.get(key)?;
        let values: Vec<&Value> = defs
            .iter()
            .filter(|(f, _)| files.binary_search(f).is_ok())
            .filter_map(|&(f, i)| {
                let entry = self.project.files.get(f)?.as_ref()?;
                entry.constants.get(i).map(|(_, v)| v)
            })
            .collect();
        match values.as_slice() {
            [only] => Some((*only).clone()),
            _ => None,
        }
    }

    fn resolve_constant(&self, path: &[&str]) -> Option<Value> {
        let (first, rest) = path.split_first()?;
        if let Some(import) = self.import_of(first) {
            let files = self.module_files(import);
            let key = match &import.name {
                // `from config import TTL` / `import { Time } from './time'`: the name itself.
                Some(name) if name != "*" && name != "default" => {
                    let mut key = vec![name.as_str()];
                    key.extend_from_slice(rest);
                    key.join(".")
                }
                // A module: `import config` / `import * as config` / a Go package.
                _ => rest.join("."),
            };
            let found = self.constant_in(&files, &key);
            if found.is_some() || rest.is_empty() {
                return found;
            }
            // `import Limits from './limits'` then `Limits.TTL`: a static of the class the
            // module exports by default, which the importer names after it.
            if import.name.is_none() && self.family == Family::JavaScript {
                let found = self.constant_in(&files, &path.join("."));
                if found.is_some() {
                    return found;
                }
            }
            // `from pkg import config` then `config.TTL`: a module imported by name.
            return self.constant_in(&files, &rest.join("."));
        }
        let key = path.join(".");
        match self.family {
            Family::Go | Family::Java | Family::Kotlin | Family::Scala | Family::CSharp => {
                self.constant_in(self.same_directory(), &key).or_else(|| {
                    (path.len() > 1)
                        .then(|| self.constant_in(self.all_peers(), &key))
                        .flatten()
                })
            }
            // `Links::TTL`, bound as `TTL` inside `module Links`: the one of the file
            // `Links` autoloads from.
            Family::Ruby if path.len() > 1 => {
                self.constant_in(self.all_peers(), &key).or_else(|| {
                    let [.., scope, name] = path else { return None };
                    self.constant_in(&self.ruby_constant_files(scope), name)
                })
            }
            Family::Php | Family::Rust if path.len() > 1 => {
                self.constant_in(self.all_peers(), &key)
            }
            // `kTtl` from an included header, `cfg::kTtl` of a namespace: the one definition
            // in the project.
            Family::Cpp => self.constant_in(self.all_peers(), &key),
            // A global `let ttl` or `Links.ttl` of a `static let`: the module's one.
            Family::Swift => self.constant_in(self.all_peers(), &key),
            _ => None,
        }
    }
}

impl Outer for FileScope<'_> {
    fn constant(&self, path: &[&str]) -> Option<Value> {
        self.queried
            .borrow_mut()
            .insert(format!("c:{}", path.join(".")));
        // Every key the lookup may read, so a definition appearing later is noticed.
        if let (Some(name), true) = (path.last(), self.family == Family::Ruby && path.len() > 1) {
            self.queried.borrow_mut().insert(format!("c:{name}"));
        }
        if let Some((first, rest)) = path.split_first()
            && let Some(import) = self.import_of(first)
        {
            if let Some(name) = &import.name {
                let mut key = vec![name.as_str()];
                key.extend_from_slice(rest);
                self.queried
                    .borrow_mut()
                    .insert(format!("c:{}", key.join(".")));
            }
            if !rest.is_empty() {
                self.queried
                    .borrow_mut()
                    .insert(format!("c:{}", rest.join(".")));
            }
        }
        let found = self.resolve_constant(path);
        if found.is_none()
            && self.wanting.get()
            && let Some(word) = self.wanted_word(path)
        {
            self.wanted.borrow_mut().insert(word);
        }
        found
    }
}

/// Whether a path is test code, judged below its project root: a test directory (`test`, `tests`, `__tests__`, `__mocks__`,
/// `spec`, `testdata`) or a test file by the conventions of the languages read
/// (`*.test.ts`, `*.spec.js`, `*_test.go`, `test_*.py`, `*Test.java`, `*Tests.cs`, `*_spec.rb`).
pub fn is_test_path(path: &Path, root: &Path) -> bool {
    let path = path.strip_prefix(root).unwrap_or(path);
    let in_test_dir = path.parent().is_some_and(|dir| {
        dir.components().any(|c| {
            matches!(
                c.as_os_str().to_str(),
                Some("test" | "tests" | "__tests__" | "__mocks__" | "spec" | "testdata")
            )
        })
    });
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let stem = name.split('.').next().unwrap_or(name);
    in_test_dir
        || name.contains(".test.")
        || name.contains(".spec.")
        || stem.ends_with("_test")
        || stem.ends_with("_spec")
        || stem.starts_with("test_")
        || stem.ends_with("Test")
        || stem.ends_with("Tests")
}

/// Every dependency a `package.json` declares, of any kind.
fn declared_packages(path: &Path) -> BTreeSet<String> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return BTreeSet::new();
    };
    let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) else {
        return BTreeSet::new();
    };
    [
        "dependencies",
        "devDependencies",
        "peerDependencies",
        "optionalDependencies",
    ]
    .iter()
    .filter_map(|k| json.get(k)?.as_object())
    .flat_map(|deps| deps.iter())
    .filter(|(_, version)| !workspace_reference(version.as_str().unwrap_or("")))
    .map(|(name, _)| name.clone())
    .collect()
}

/// A dependency on another package of the same repository (a workspace monorepo's
/// `"@acme/lib": "workspace:*"`, `"*"`, `"file:../lib"`, `"link:../lib"`): its modules are the
/// project's, imported by package name (`@acme/lib/upload/sign`).
fn workspace_reference(version: &str) -> bool {
    let version = version.trim();
    version == "*"
        || ["workspace:", "file:", "link:", "portal:"]
            .iter()
            .any(|p| version.starts_with(p))
}

/// The one definition a name resolves to: the only candidate, or, when every candidate has
/// the same parameters (implementations of one method, as `S3Storage.getSignedUrl` and
/// `LocalStorage.getSignedUrl` of one storage interface), the only one that presigns, since
/// the call may reach it. Anything else is ambiguous.
/// Whether a call's arguments tell same-named definitions apart: a call with arguments a
/// definition cannot take does not reach it (a Go package function and a method of the same
/// name, Java overloads). Not in JavaScript and PHP, where a function takes extra arguments.
/// Only among several candidates: a front end that leaves a parameter unnamed (`_`)
/// undercounts it, and one definition is taken as before.
pub fn by_arity(family: Family) -> bool {
    !matches!(family, Family::JavaScript | Family::Php)
}

/// Whether a call with arguments a function's parameters cannot take fails, so that it does
/// not reach that function. Not in JavaScript: a parameter left out is `undefined` (a
/// TypeScript `userId?` too), and one more is ignored.
pub fn calls_check_arity(family: Family) -> bool {
    family != Family::JavaScript
}

fn implementation(candidates: &[&ExportedFunction]) -> Option<Arc<Summary>> {
    match candidates {
        [] => None,
        [only] => only.summary.clone(),
        [first, rest @ ..] => {
            if rest.iter().any(|c| c.params != first.params) {
                return None;
            }
            let presigning: Vec<&Arc<Summary>> = candidates
                .iter()
                .filter_map(|c| c.summary.as_ref())
                .collect();
            match presigning.as_slice() {
                [only] => Some((*only).clone()),
                // Every implementation presigns (an S3 and an Azure provider of one storage
                // interface): the call presigns whichever runs. When none takes its expiry
                // from the caller, each is reported at its own SDK call, and any one tells
                // the loop and logging lints what the call does.
                [first, ..] if presigning.iter().all(|s| s.flow.is_none()) => {
                    Some((*first).clone())
                }
                _ => None,
            }
        }
    }
}

/// The storage SDKs' own operations, lower case without underscores: a project function of
/// that name (`Presigner.GetObject`) shares it with every client's method.
const STORAGE_OPERATIONS: &[&str] = &[
    "getobject",
    "putobject",
    "deleteobject",
    "deleteobjects",
    "headobject",
    "copyobject",
    "listobjects",
    "listobjectsv2",
    "uploadfile",
    "downloadfile",
    "uploadfileobj",
    "downloadfileobj",
    "uploadpart",
    "createmultipartupload",
    "completemultipartupload",
    "getblob",
    "uploadblob",
    "downloadblob",
    "deleteblob",
    "getbucket",
    "createbucket",
    "deletebucket",
];

/// Whether a method name is specific enough to be taken for the project's one definition of
/// it when the receiver's type is unknown: several words (`signed_link`, `getSignedUrl`), or
/// one that names signing (`sign`, `presign`, `url`).
pub fn is_distinctive(name: &str) -> bool {
    let name = name.trim_matches('_');
    if name.is_empty() || name.starts_with("__") {
        return false;
    }
    let lower = name.to_ascii_lowercase();
    if STORAGE_OPERATIONS.contains(&lower.replace('_', "").as_str()) {
        return false;
    }
    if ["sign", "url", "link"].iter().any(|w| lower.contains(w)) {
        return true;
    }
    let mut words = 0;
    let mut previous_lower = false;
    for c in name.chars() {
        if c == '_' || c == '-' {
            previous_lower = false;
            continue;
        }
        if words == 0 || (c.is_ascii_uppercase() && previous_lower) {
            words += 1;
        }
        previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
    }
    let segments = name.split('_').filter(|s| !s.is_empty()).count();
    words.max(segments) >= 2
}

/// The name of the innermost named function a call is written in.
fn enclosing_name<'s>(call: &CallExpr, syntax: &'s SyntaxFacts) -> Option<&'s str> {
    let at = call.span.start;
    syntax
        .functions
        .iter()
        .filter(|f| f.name.is_some() && f.span.start <= at && at < f.span.end)
        .min_by_key(|f| f.span.end - f.span.start)
        .and_then(|f| f.name.as_deref())
}

/// The class a factory function of this file makes its object from: `const
/// getStorageProvider = () => new S3Provider()`, `function provider() { return new
/// S3Provider(); }`, when the file defines one function of that name and it returns a new
/// object.
pub(super) fn factory_class<'s>(call: &CallExpr, syntax: &'s SyntaxFacts) -> Option<&'s str> {
    let ExprKind::Name(name) = &call.callee.kind else {
        return None;
    };
    let mut defs = syntax
        .functions
        .iter()
        .enumerate()
        .filter(|(_, f)| f.name.as_deref() == Some(name.as_str()));
    let (index, _) = defs.next()?;
    if defs.next().is_some() {
        return None;
    }
    let made = syntax
        .returns
        .iter()
        .filter(|r| r.function == Some(index))
        .find_map(|r| r.value.as_call().filter(|c| c.is_new))?;
    made.callee.path()?.last().copied()
}

/// The first name of a declared type, where an import would bind it: `storage` of Go's
/// `*storage.Driver`, `S3Storage` of TypeScript's `: S3Storage` or `S3Storage<T>`.
fn type_root(ty: &str) -> Option<&str> {
    let ty = ty.trim_start_matches([':', ' ', '*', '&', '?']);
    let end = ty
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .unwrap_or(ty.len());
    Some(&ty[..end]).filter(|root| !root.is_empty())
}

/// The class an object bound to `name` was constructed from (`new S3Adapter()`,
/// `S3Adapter(...)`, Ruby `S3Adapter.new`), through one binding visible at `offset`: one of
/// another function (Java's `links.signedLink(k, d);` in a sibling method rebinds the field
/// `links` there only) is not.
fn constructed_class(name: &str, offset: usize, syntax: &SyntaxFacts) -> Option<String> {
    let visible = |b: &Binding| {
        b.function.is_none_or(|f| {
            syntax
                .functions
                .get(f)
                .is_some_and(|f| f.span.start <= offset && offset < f.span.end)
        })
    };
    let binding = match syntax.by_name.get(name) {
        Some(ids) => ids
            .iter()
            .rev()
            .filter_map(|&i| syntax.bindings.get(i))
            .find(|b| b.span.end <= offset && visible(b)),
        None if syntax.by_name.is_empty() => syntax
            .bindings
            .iter()
            .rev()
            .find(|b| b.name == name && b.span.end <= offset && visible(b)),
        None => None,
    }?;
    let call = binding.value.as_call()?;
    let path = call.callee.path()?;
    let class = match path.as_slice() {
        [.., class, "new"] if !call.is_new => class,
        [.., class] => class,
        _ => return None,
    };
    let capitalised = class.chars().next().is_some_and(char::is_uppercase);
    (capitalised && (call.is_new || syntax.import_of(class).is_some())).then(|| class.to_string())
}

fn components(path: &Path) -> Vec<String> {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect()
}

fn ends_with(path: &[String], suffix: &[&str]) -> bool {
    path.len() >= suffix.len()
        && path[path.len() - suffix.len()..]
            .iter()
            .zip(suffix)
            .all(|(a, b)| a == b)
}

/// Whether `path` without its extension ends with the components `suffix` (`whole`: is
/// them). Asked of every peer for every import: compared from the end, unallocated.
fn stem_is<S: AsRef<str>>(path: &Path, suffix: &[S], whole: bool) -> bool {
    let Some(stem) = path.file_stem() else {
        return suffix.is_empty() && path.components().next().is_none();
    };
    let mut parts = std::iter::once(stem).chain(
        path.parent()
            .into_iter()
            .flat_map(|p| p.components().rev().map(|c| c.as_os_str())),
    );
    suffix
        .iter()
        .rev()
        .all(|s| parts.next().is_some_and(|p| p == s.as_ref()))
        && (!whole || parts.next().is_none())
}

/// Whether an import brings every public name of its module into scope: Python's `from m
/// import *`, and in the JVM languages an import without a single name (`import static
/// a.Links.*`, `import a.Links._`, `import a.links.*`).
fn is_wildcard(family: Family, import: &Import) -> bool {
    match family {
        Family::Python => import.name.as_deref() == Some("*") && import.alias.is_none(),
        Family::Java | Family::Kotlin | Family::Scala => {
            import.name.is_none() && import.alias.is_none()
        }
        _ => false,
    }
}

fn python_module(
    dir: &Path,
    module: &str,
    name: Option<&str>,
    peers: &[(FileId, &FileEntry)],
) -> Vec<FileId> {
    let dots = module.chars().take_while(|c| *c == '.').count();
    let rest: Vec<&str> = module[dots..]
        .split('.')
        .filter(|s| !s.is_empty())
        .collect();
    // Candidate module paths, as components without extension: the module, its package's
    // `__init__`, and a submodule of that name (`from pkg import mod`).
    let candidates = |base: Vec<String>| -> Vec<Vec<String>> {
        let mut module_path = base;
        module_path.extend(rest.iter().map(|s| s.to_string()));
        let mut init = module_path.clone();
        init.push("__init__".to_string());
        let mut out = vec![module_path.clone(), init];
        if let Some(name) = name {
            let mut sub = module_path;
            sub.push(name.to_string());
            out.push(sub);
        }
        out
    };
    let matches: Box<dyn Fn(&FileEntry) -> bool> = if dots > 0 {
        // Relative: from the importing file's package, one level up per extra dot.
        let mut base = dir.to_path_buf();
        for _ in 1..dots {
            base.pop();
        }
        let targets = candidates(components(&base));
        Box::new(move |e| targets.iter().any(|t| stem_is(&e.path, t, true)))
    } else {
        let targets = candidates(Vec::new());
        Box::new(move |e| targets.iter().any(|t| stem_is(&e.path, t, false)))
    };
    peers
        .iter()
        .filter(|(_, e)| matches(e))
        .map(|(i, _)| *i)
        .collect()
}

const JS_EXTENSIONS: &[&str] = &["ts", "tsx", "js", "jsx", "mjs", "cjs", "mts", "cts"];

fn javascript_module(dir: &Path, module: &str, peers: &[(FileId, &FileEntry)]) -> Vec<FileId> {
    let strip = |m: &str| -> String {
        match m.rsplit_once('.') {
            Some((head, ext)) if JS_EXTENSIONS.contains(&ext) => head.to_string(),
            _ => m.to_string(),
        }
    };
    // The module's file, or its directory's `index` file.
    let files_of = |target: Vec<String>, whole: bool| -> Vec<FileId> {
        let mut index = target.clone();
        index.push("index".to_string());
        peers
            .iter()
            .filter(|(_, e)| stem_is(&e.path, &target, whole) || stem_is(&e.path, &index, whole))
            .map(|(i, _)| *i)
            .collect()
    };
    if module.starts_with("./") || module.starts_with("../") {
        let joined = crate::driver::paths::normalize(&dir.join(strip(module)));
        return files_of(components(&joined), true);
    }
    // Source-root aliases (`@/lib/s3`, `~/lib/s3`, tsconfig paths such as `@server/…`): the
    // rest of the specifier is a path under the project. A scoped package (`@aws-sdk/…`)
    // matches no project file, or none defining the name looked up.
    if let Some((_, rest)) = module
        .split_once('/')
        .filter(|(alias, _)| alias.starts_with('@') || alias.starts_with('~'))
    {
        return files_of(strip(rest).split('/').map(str::to_string).collect(), false);
    }
    Vec::new()
}

/// The files of a module of this crate (`use crate::driver::config::TTL`, `use crate::links;`,
/// `use super::s3::presign`): `config.rs` or `config/mod.rs` by path suffix, the imported
/// name taken as a module first (empty while that file is not parsed); `None` for another
/// crate's path.
fn rust_module(
    module: &str,
    name: Option<&str>,
    peers: &[(FileId, &FileEntry)],
) -> Option<Vec<FileId>> {
    let mut segments: Vec<&str> = module.split("::").collect();
    if !matches!(segments.first(), Some(&("crate" | "self" | "super"))) {
        return None;
    }
    segments.retain(|s| !matches!(*s, "crate" | "self" | "super"));
    let matching = |segments: &[&str]| -> Vec<FileId> {
        if segments.is_empty() {
            return Vec::new();
        }
        let file = format!("/{}", segments.join("/"));
        let mod_file = format!("{file}/mod");
        peers
            .iter()
            .filter(|(_, e)| {
                let stem = e.path.with_extension("");
                let stem = stem.to_string_lossy().replace('\\', "/");
                stem.ends_with(&file) || stem.ends_with(&mod_file)
            })
            .map(|(i, _)| *i)
            .collect()
    };
    let mut with_name = segments.clone();
    with_name.extend(name.filter(|n| *n != "self"));
    let files = matching(&with_name);
    Some(if files.is_empty() {
        matching(&segments)
    } else {
        files
    })
}

/// The directory whose path ends with the longest suffix of the import path (at least its
/// last segment); two such directories make it ambiguous.
fn go_package(module: &str, peers: &[(FileId, &FileEntry)]) -> Vec<FileId> {
    let segments: Vec<&str> = module.split('/').filter(|s| !s.is_empty()).collect();
    let score = |e: &FileEntry| {
        let dir = e.path.parent().map(components).unwrap_or_default();
        (1..=segments.len())
            .take_while(|&n| ends_with(&dir, &segments[segments.len() - n..]))
            .last()
            .unwrap_or(0)
    };
    let best = peers.iter().map(|(_, e)| score(e)).max().unwrap_or(0);
    if best == 0 {
        return Vec::new();
    }
    let chosen: Vec<(FileId, Option<&Path>)> = peers
        .iter()
        .filter(|(_, e)| score(e) == best)
        .map(|(i, e)| (*i, e.path.parent()))
        .collect();
    let first_dir = chosen.first().and_then(|(_, d)| *d);
    if chosen.iter().any(|(_, d)| *d != first_dir) {
        return Vec::new();
    }
    chosen.into_iter().map(|(i, _)| i).collect()
}

/// `import com.acme.links.Links` (module `com.acme.links`, name `Links`), or a package import:
/// the files of the directory ending with the package's segments.
fn jvm_package(module: &str, name: Option<&str>, peers: &[(FileId, &FileEntry)]) -> Vec<FileId> {
    let segments: Vec<&str> = module.split('.').filter(|s| !s.is_empty()).collect();
    // Asked of every peer for every import: compared component by component, unallocated.
    let in_package = |e: &FileEntry, package: &[&str]| {
        let mut dir = e.path.parent().into_iter().flat_map(Path::components).rev();
        !package.is_empty()
            && package
                .iter()
                .rev()
                .all(|segment| dir.next().is_some_and(|c| c.as_os_str() == *segment))
    };
    let mut files: Vec<FileId> = peers
        .iter()
        .filter(|(_, e)| in_package(e, &segments))
        .map(|(i, _)| *i)
        .collect();
    if files.is_empty() && name.is_none() && segments.len() > 1 {
        // `import com.acme.links.Links` recorded as one module path: its package.
        files = peers
            .iter()
            .filter(|(_, e)| in_package(e, &segments[..segments.len() - 1]))
            .map(|(i, _)| *i)
            .collect();
    }
    if files.is_empty()
        && name.is_some()
        && let Some((class, package)) = segments.split_last()
    {
        // `import static com.acme.storage.Ttl.LINK_TTL` (module `com.acme.storage.Ttl`): the
        // class's own file in its package.
        files = peers
            .iter()
            .filter(|(_, e)| {
                in_package(e, package)
                    && e.path.file_stem().and_then(|s| s.to_str()) == Some(*class)
            })
            .map(|(i, _)| *i)
            .collect();
    }
    files
}

/// `S3Storage` → `s3_storage`, `Links` → `links`: a Ruby constant's file stem.
fn snake_case(constant: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = constant.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let after_lower = i > 0 && !chars[i - 1].is_ascii_uppercase();
            let before_lower = i > 0
                && chars[i - 1].is_ascii_uppercase()
                && chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            if after_lower || before_lower {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::is_distinctive;
    use super::{FileEntry, Project};
    use crate::frontend::Family;
    use crate::semantic::eval::Value;
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    /// A lookup walks its own project's files only: a constant defined in another project
    /// (or in another language of the same one) leaves it as it was, and a file of the same
    /// project and language is analysed again.
    #[test]
    fn a_change_is_seen_by_its_own_project_only() {
        let mut project = Project::default();
        let entry = |root: &str, family| FileEntry {
            path: PathBuf::from(format!("{root}/settings.x")),
            root: PathBuf::from(root),
            family,
            constants: vec![("LINK_TTL".to_string(), Value::Number(604_800.0))],
            ..FileEntry::default()
        };
        project.update(0, entry("/m/a", Family::Python), 2);
        let queried = BTreeSet::from(["c:LINK_TTL".to_string()]);
        let changed =
            |root: &str, family| project.changed_since(&(PathBuf::from(root), family), &queried, 2);
        assert!(changed("/m/a", Family::Python));
        assert!(!changed("/m/b", Family::Python));
        assert!(!changed("/m/a", Family::JavaScript));
        // Looked up after the change: the same answer.
        assert!(!project.changed_since(&(PathBuf::from("/m/a"), Family::Python), &queried, 3));
    }

    #[test]
    fn generic_method_names_are_not_distinctive() {
        for name in [
            "get",
            "put",
            "post",
            "create",
            "main",
            "Main",
            "__init__",
            "run",
            "_",
            "",
            "GetObject",
            "put_object",
            "uploadFile",
        ] {
            assert!(!is_distinctive(name), "{name}");
        }
    }

    #[test]
    fn names_of_several_words_or_of_signing_are_distinctive() {
        for name in [
            "signed_link",
            "getSignedUrl",
            "GetPresignedURL",
            "sign",
            "presign",
            "list_items",
            "ListItems",
        ] {
            assert!(is_distinctive(name), "{name}");
        }
    }

    #[test]
    fn ruby_constants_map_to_snake_case_stems() {
        assert_eq!(super::snake_case("Links"), "links");
        assert_eq!(super::snake_case("S3"), "s3");
        assert_eq!(super::snake_case("S3Storage"), "s3_storage");
        assert_eq!(super::snake_case("HTTPClient"), "http_client");
    }
}
