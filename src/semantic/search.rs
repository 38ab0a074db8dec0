//! What a later project pass looks for in the files the first pass did not parse: the names
//! of newly found presigning functions and of constants some file looked up in vain. Only a
//! file that holds such a word, as a whole identifier, is parsed; the rest are read again but
//! never parsed, which keeps the passes near the cost of reading the bytes.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder};

use crate::frontend::{Family, FileKind};

use super::identifiers::{Filter, WordKey};

use super::project::{is_distinctive, is_test_path};

/// A project: the language family and root directory its files share. A name defined in one
/// can only be reached from files of the same project (see `FileScope::peers`), so a later
/// pass looks for it there only.
pub type ProjectKey = (Family, PathBuf);

/// One word to look for.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Word {
    pub text: String,
    /// The names a file reaching a function's definition writes: its module's or class's
    /// (see [`module_names`]). A generic name (`upload`, `Main`) needs one of them, unless
    /// the file is in `dir`; a distinctive one only in a file that defines the same name
    /// itself, whose bare mentions are then of its own. Empty for a constant.
    anchors: Vec<String>,
    /// Whether the word counts only with an anchor (a generic function name).
    generic: bool,
    dir: Option<PathBuf>,
    /// A function's name, looked for in its callers: a bare call (`name(…)`) is one only in
    /// a language where such a call reaches another file's function without an import (see
    /// [`crate::frontend::profile::Profile::bare_calls_cross_files`]). Elsewhere the name must be imported, qualified or
    /// called on an object, and each of these writes it otherwise. A constant's name is
    /// looked for in the file defining it, so a definition is a hit.
    function: bool,
}

impl Word {
    /// A word that suffices on its own (a constant's name).
    pub fn alone(text: String) -> Word {
        Word {
            text,
            anchors: Vec::new(),
            generic: false,
            dir: None,
            function: false,
        }
    }

    /// The name of a function defined in the file at `path` of the project at `root`; `None`
    /// for an entry point no other file calls: a program's `main`, a test runner's test.
    pub fn function(name: String, path: &Path, root: &Path, family: Family) -> Option<Word> {
        if is_test_entry_point(&name, path, root) {
            return None;
        }
        if name.eq_ignore_ascii_case("main") {
            return None;
        }
        // A C++ "function" named in capitals is a macro's body (gtest's `TEST_F(Suite, Case)
        // { … }`): nothing calls it by name, and every test file holds the word.
        if family == Family::Cpp
            && name
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        {
            return None;
        }
        // Swift entry points every file of a kind defines and nothing calls by name: an
        // ArgumentParser command's `run`/`validate`, XCTest's `test…` methods and fixtures.
        if family == Family::Swift
            && (name.starts_with("test")
                || matches!(
                    name.as_str(),
                    "run"
                        | "validate"
                        | "setUp"
                        | "tearDown"
                        | "setUpWithError"
                        | "tearDownWithError"
                ))
        {
            return None;
        }
        // A package's files call each other's functions unqualified in Go and Kotlin only.
        let shares_package = matches!(family, Family::Go | Family::Kotlin);
        let generic = !is_distinctive(&name);
        Some(Word {
            anchors: module_names(path, family),
            generic,
            dir: path
                .parent()
                .filter(|_| generic && shares_package)
                .map(Path::to_path_buf),
            function: true,
            text: name,
        })
    }
}

/// A test a runner calls, in a test file: pytest's `test_…`, Go's `TestXxx`, and the
/// `testXxx` of JUnit 3, PHPUnit, XCTest and Kotlin tests. A test that presigns is a
/// presigning function, but no file calls it, so its name is no word to look for: each test
/// of a presigning wrapper would otherwise make every file naming a similar test a hit. A
/// helper named `test` alone, or `testdata_url`, is no test by this rule.
fn is_test_entry_point(name: &str, path: &Path, root: &Path) -> bool {
    let rest = name
        .strip_prefix("test")
        .or_else(|| name.strip_prefix("Test"));
    rest.is_some_and(|rest| rest.starts_with(|c: char| c == '_' || c.is_ascii_uppercase()))
        && is_test_path(path, root)
}

/// The names a file's importer or user writes: its stem (and the stem without underscores,
/// Ruby's and PHP's class of `s3_storage.rb` being `S3Storage`), and its directory's name
/// where that is what is imported (a Go package; an `index` or `__init__` module). A JVM
/// file's directory is its package, which every file of it names: no anchor.
fn module_names(path: &Path, family: Family) -> Vec<String> {
    let mut names = Vec::new();
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    names.push(stem.to_string());
    if stem.contains('_') {
        names.push(stem.replace('_', ""));
    }
    let imported_as_directory =
        family == Family::Go || matches!(stem, "index" | "__init__" | "mod" | "lib");
    if let Some(dir) = path
        .parent()
        .and_then(Path::file_name)
        .and_then(|s| s.to_str())
        .filter(|_| imported_as_directory)
    {
        names.push(dir.to_string());
    }
    names.retain(|n| !n.is_empty());
    names
}

/// Words a later pass looks for, by the project whose files may use them.
#[derive(Default)]
pub struct ScopedWords(BTreeMap<ProjectKey, BTreeSet<Word>>);

impl ScopedWords {
    pub fn add(&mut self, project: &ProjectKey, words: impl IntoIterator<Item = Word>) {
        let mut words = words.into_iter().peekable();
        if words.peek().is_some() {
            self.0.entry(project.clone()).or_default().extend(words);
        }
    }

    pub fn merge(&mut self, other: &ScopedWords) {
        for (project, words) in &other.0 {
            self.add(project, words.iter().cloned());
        }
    }

    /// The words not in `other`.
    pub fn without(&self, other: &ScopedWords) -> ScopedWords {
        let mut out = ScopedWords::default();
        for (project, words) in &self.0 {
            let seen = other.0.get(project);
            out.add(
                project,
                words
                    .iter()
                    .filter(|w| !seen.is_some_and(|s| s.contains(*w)))
                    .cloned(),
            );
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The words of every project, for diagnostics.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.0.values().flatten().map(|w| w.text.as_str())
    }
}

/// Finds, in a file, the words looked for in its project.
pub struct ScopedFinder {
    /// Per language family, the projects' finders by root.
    by_family: HashMap<Family, Roots>,
}

/// The projects of one language family with words to look for.
enum Roots {
    /// A few: a file's are found by a byte-prefix test of each root, cheaper than hashing
    /// each of its ancestors.
    Few(Vec<(PathBuf, ProjectFinder)>),
    /// Many (a monorepo of examples): by looking each ancestor up, as bytes (hashing a
    /// `Path` walks its components). Every candidate asks in every pass, so an ancestor is
    /// hashed only when some root is as long as it.
    Many {
        by_root: HashMap<Box<[u8]>, ProjectFinder>,
        /// `lengths[n]`: some root is `n` bytes long.
        lengths: Vec<bool>,
    },
}

/// Up to this many roots, [`Roots::Few`].
const FEW_ROOTS: usize = 8;

impl ScopedFinder {
    pub fn new(words: &ScopedWords) -> Option<ScopedFinder> {
        let mut lists: HashMap<Family, Vec<(PathBuf, ProjectFinder)>> = HashMap::new();
        for ((family, root), words) in &words.0 {
            if let Some(finder) = ProjectFinder::new(words, *family) {
                lists
                    .entry(*family)
                    .or_default()
                    .push((root.clone(), finder));
            }
        }
        let by_family: HashMap<Family, Roots> = lists
            .into_iter()
            .map(|(family, list)| {
                let roots = if list.len() <= FEW_ROOTS {
                    Roots::Few(list)
                } else {
                    let by_root: HashMap<Box<[u8]>, ProjectFinder> = list
                        .into_iter()
                        .map(|(root, finder)| (root.as_os_str().as_encoded_bytes().into(), finder))
                        .collect();
                    let mut lengths =
                        vec![false; by_root.keys().map(|r| r.len() + 1).max().unwrap_or(0)];
                    for root in by_root.keys() {
                        lengths[root.len()] = true;
                    }
                    Roots::Many { by_root, lengths }
                };
                (family, roots)
            })
            .collect();
        (!by_family.is_empty()).then_some(ScopedFinder { by_family })
    }

    /// Whether the file at `path` (absolute, of `family`: see [`family_of`]) holds a word
    /// of a project it belongs to.
    pub fn holds(&self, path: &Path, family: Option<Family>, bytes: &[u8]) -> bool {
        self.finders_of(path, family)
            .any(|finder| finder.holds(path, bytes))
    }

    /// Whether the file at `path` may hold a word of its projects, asked of the filter of its
    /// identifiers: `false` means [`ScopedFinder::holds`] is `false` too, without reading it.
    pub fn may_hold(&self, path: &Path, family: Option<Family>, filter: Filter<'_>) -> bool {
        self.finders_of(path, family)
            .any(|finder| finder.may_hold(path, filter))
    }

    /// The finders of the projects of its language a file belongs to: those whose root is
    /// one of its ancestors.
    fn finders_of<'s>(
        &'s self,
        path: &'s Path,
        family: Option<Family>,
    ) -> Box<dyn Iterator<Item = &'s ProjectFinder> + 's> {
        match family.and_then(|f| self.by_family.get(&f)) {
            None => Box::new(std::iter::empty()),
            Some(Roots::Few(list)) => Box::new(
                list.iter()
                    .filter(move |(root, _)| crate::driver::paths::is_under(path, root))
                    .map(|(_, finder)| finder),
            ),
            Some(Roots::Many { by_root, lengths }) => {
                let bytes = path.as_os_str().as_encoded_bytes();
                Box::new(
                    ancestor_lengths(bytes)
                        .filter(|&n| lengths.get(n).copied().unwrap_or(false))
                        .filter_map(move |n| by_root.get(&bytes[..n])),
                )
            }
        }
    }
}

/// The lengths of the ancestors of the path whose bytes are `path`, as `Path::ancestors`
/// gives them for an absolute, normalized path (the path itself, then each directory up to
/// the root: `/a/b` gives `/a/b`, `/a`, `/`).
fn ancestor_lengths(path: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let separator = |b: &u8| std::path::is_separator(char::from(*b));
    std::iter::once(path.len()).chain(
        path.iter()
            .enumerate()
            .rev()
            // A trailing separator ends the path itself (`/`), already given.
            .filter(move |(i, b)| separator(b) && i + 1 < path.len())
            // A separator that starts the path (or follows a drive, `C:\`) is the root
            // itself, kept with it.
            .map(move |(i, _)| {
                if i == 0 || (cfg!(windows) && path[i - 1] == b':') {
                    i + 1
                } else {
                    i
                }
            }),
    )
}

/// The language family whose projects' words a file at `path` is searched for (`None`: not
/// a source file). Asked once per file: the search asks it of every candidate in every pass.
pub fn family_of(path: &Path) -> Option<Family> {
    FileKind::language_of(path).map(|l| l.family())
}

/// Whether a file may import a module's every name (see `project::is_wildcard`), so that a
/// bare call may be of another file's function: told from the text, before any parse, by the
/// family's [`crate::frontend::profile::Profile::wildcard_import_marks`].
fn has_wildcard_import(family: Family, bytes: &[u8]) -> bool {
    family
        .profile()
        .wildcard_import_marks
        .iter()
        .any(|mark| memchr::memmem::find(bytes, mark.as_bytes()).is_some())
}

/// Whether the identifier at `start..end` is called bare: followed by `(`, and not preceded
/// by a member access (`.`, `?.`, `::`, `->`). A definition (`def name(`) is one as well.
fn is_bare_call(bytes: &[u8], start: usize, end: usize) -> bool {
    let after = bytes[end..].iter().find(|b| !b.is_ascii_whitespace());
    after == Some(&b'(') && !after_member_access(&bytes[..start])
}

/// Whether `head`, trailing whitespace aside, ends with a member access: `.` (and `?.`),
/// `::` or `->`. A lone `:` ends a Python block's header (`if __name__ == "__main__":`)
/// or a Ruby symbol's sigil, neither of which qualifies the name after it.
fn after_member_access(head: &[u8]) -> bool {
    let head = head.trim_ascii_end();
    head.ends_with(b".") || head.ends_with(b"::") || head.ends_with(b"->")
}

/// The words of one project, in one automaton (ASCII case-insensitive: it only decides
/// which files are parsed).
struct ProjectFinder {
    automaton: AhoCorasick,
    /// Per pattern (lower-cased, by id): how a file's filter of identifiers is asked for it.
    keys: Vec<Option<WordKey>>,
    /// Per pattern: some word is this pattern alone.
    sufficient: Vec<bool>,
    /// Per sufficient pattern whose words are all functions: their anchors, one of which a
    /// file defining the same name must hold for its bare mentions to count.
    shadowed_unless: Vec<Option<Vec<usize>>>,
    /// Per pattern: the exact spellings a match must have (a word's, in a language whose
    /// names keep their case); `None`: any case (an anchor, a PHP name).
    spellings: Vec<Option<Vec<String>>>,
    /// Words that need an anchor: (text pattern, anchor patterns, directory).
    anchored: Vec<(usize, Vec<usize>, Option<PathBuf>)>,
    /// Per pattern: a bare call of it counts (see [`Word::function`]).
    bare_calls: Vec<bool>,
    /// The family: in a file with a wildcard import every bare call counts.
    family: Family,
}

/// What one match of a pattern is, told from the bytes around it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mention {
    /// Written right after a definition keyword (`def name`, `function name`).
    Definition,
    /// Written after a member access (`links.name`, `Links::name`, `obj->name`).
    Qualified,
    /// Any other whole-word mention.
    Bare,
}

impl ProjectFinder {
    fn new(words: &BTreeSet<Word>, family: Family) -> Option<ProjectFinder> {
        let mut patterns: Vec<String> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut id = |text: &str| -> usize {
            let key = text.to_ascii_lowercase();
            *index.entry(key.clone()).or_insert_with(|| {
                patterns.push(key);
                patterns.len() - 1
            })
        };
        let mut sufficient_ids = Vec::new();
        let mut anchored = Vec::new();
        let mut bare_call_ids = Vec::new();
        // Each word, with its pattern and its anchors' patterns.
        let mut texts: Vec<(usize, &Word, Vec<usize>)> = Vec::new();
        for word in words {
            let text = id(&word.text);
            if !word.function || family.profile().bare_calls_cross_files {
                bare_call_ids.push(text);
            }
            let anchors: Vec<usize> = word.anchors.iter().map(|a| id(a)).collect();
            if word.generic {
                anchored.push((text, anchors.clone(), word.dir.clone()));
            } else {
                sufficient_ids.push(text);
            }
            texts.push((text, word, anchors));
        }
        if patterns.is_empty() {
            return None;
        }
        let mut sufficient = vec![false; patterns.len()];
        for i in sufficient_ids {
            sufficient[i] = true;
        }
        let mut shadowed_unless: Vec<Option<Vec<usize>>> = vec![Some(Vec::new()); patterns.len()];
        let mut spellings: Vec<Option<Vec<String>>> = vec![Some(Vec::new()); patterns.len()];
        for (text, word, anchors) in &texts {
            match &mut shadowed_unless[*text] {
                Some(all) if word.function && !word.generic => all.extend(anchors),
                slot => *slot = None,
            }
            if let Some(list) = &mut spellings[*text] {
                list.push(word.text.clone());
            }
        }
        // An anchor is a module's or class's name, written in whatever case the importer's
        // path or call has (`s3_storage` for `S3Storage`).
        for (_, _, anchors) in &texts {
            for a in anchors {
                spellings[*a] = None;
            }
        }
        if family.profile().names_ignore_case {
            spellings.iter_mut().for_each(|s| *s = None);
        }
        for (i, slot) in shadowed_unless.iter_mut().enumerate() {
            if !sufficient[i] {
                *slot = None;
            }
        }
        // An anchor is a module's or class's name, and may be written before a call
        // (`storage(…)`, `S3Storage(…)`).
        let mut bare_calls = vec![false; patterns.len()];
        for i in bare_call_ids.into_iter().chain(
            anchored
                .iter()
                .flat_map(|(_, anchors, _): &(usize, Vec<usize>, Option<PathBuf>)| anchors.clone()),
        ) {
            bare_calls[i] = true;
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(&patterns)
            .ok()?;
        Some(ProjectFinder {
            automaton,
            keys: patterns.iter().map(|p| WordKey::of(p)).collect(),
            sufficient,
            shadowed_unless,
            spellings,
            anchored,
            bare_calls,
            family,
        })
    }

    fn holds(&self, path: &Path, bytes: &[u8]) -> bool {
        let ident = super::identifiers::is_ident;
        let mut seen = vec![false; self.sufficient.len()];
        let mut defined = vec![false; self.sufficient.len()];
        let wildcard = std::cell::OnceCell::new();
        for m in self.automaton.find_overlapping_iter(bytes) {
            let before = m.start().checked_sub(1).and_then(|i| bytes.get(i));
            let after = bytes.get(m.end());
            if before.is_some_and(|&b| ident(b)) || after.is_some_and(|&b| ident(b)) {
                continue;
            }
            let p = m.pattern().as_usize();
            let found = &bytes[m.start()..m.end()];
            if let Some(spellings) = &self.spellings[p]
                && !spellings.iter().any(|s| s.as_bytes() == found)
            {
                continue;
            }
            let mention = mention(bytes, m.start(), self.family);
            if mention == Mention::Definition && self.shadowed_unless[p].is_some() {
                defined[p] = true;
                continue;
            }
            if !self.bare_calls[p]
                && is_bare_call(bytes, m.start(), m.end())
                && !*wildcard.get_or_init(|| has_wildcard_import(self.family, bytes))
            {
                continue;
            }
            if self.sufficient[p]
                && (mention == Mention::Qualified || self.shadowed_unless[p].is_none())
            {
                return true;
            }
            seen[p] = true;
        }
        // A function's name mentioned bare: another file's, unless this file defines the
        // name itself and names none of the modules the other definition is imported from.
        let shadowed =
            |p: usize, anchors: &[usize]| defined[p] && !anchors.iter().any(|a| seen[*a]);
        self.shadowed_unless.iter().enumerate().any(|(p, anchors)| {
            anchors
                .as_deref()
                .is_some_and(|anchors| seen[p] && !shadowed(p, anchors))
        }) || self.anchored_seen(path, |p| seen[p])
    }

    /// [`ProjectFinder::holds`] with the filter's answers for whole identifiers.
    fn may_hold(&self, path: &Path, filter: Filter<'_>) -> bool {
        let seen = |p: usize| self.keys[p].is_none_or(|key| filter.may_hold_key(key));
        (0..self.keys.len()).any(|p| self.sufficient[p] && seen(p))
            || self.anchored_seen(path, seen)
    }

    /// Whether a word that needs an anchor is seen with one (or in its own directory).
    fn anchored_seen(&self, path: &Path, seen: impl Fn(usize) -> bool) -> bool {
        let dir = path.parent();
        self.anchored.iter().any(|(text, anchors, home)| {
            seen(*text) && (home.as_deref() == dir || anchors.iter().any(|a| seen(*a)))
        })
    }
}

/// What the mention of a name at `start` is: after one of the family's definition keywords
/// (whitespace between), after a member access, or neither.
fn mention(bytes: &[u8], start: usize, family: Family) -> Mention {
    let ident = super::identifiers::is_ident;
    let head = &bytes[..start];
    if after_member_access(head) {
        return Mention::Qualified;
    }
    let head = head.trim_ascii_end();
    let word_start = head.iter().rposition(|&b| !ident(b)).map_or(0, |i| i + 1);
    let word = &head[word_start..];
    let keywords = family.profile().definition_keywords;
    if !word.is_empty() && keywords.iter().any(|k| k.as_bytes() == word) {
        Mention::Definition
    } else {
        Mention::Bare
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the words of the project at `/p` in the language of `path` are found.
    fn finds(words: impl IntoIterator<Item = Word>, path: &str, text: &str) -> bool {
        let family = FileKind::detect(Path::new(path))
            .language
            .map_or(Family::Python, |l| l.family());
        finds_in(family, words, path, text)
    }

    fn finds_in(
        family: Family,
        words: impl IntoIterator<Item = Word>,
        path: &str,
        text: &str,
    ) -> bool {
        let mut scoped = ScopedWords::default();
        scoped.add(&(family, PathBuf::from("/p")), words);
        let Some(finder) = ScopedFinder::new(&scoped) else {
            return false;
        };
        let path = Path::new(path);
        let holds = finder.holds(path, family_of(path), text.as_bytes());
        // The filter of the file's identifiers never rules out a file that holds a word.
        let identifiers = crate::semantic::identifiers::Identifiers::of(text.as_bytes());
        let may_hold = finder.may_hold(path, family_of(path), identifiers.filter());
        assert!(may_hold || !holds, "{}: {text}", path.display());
        holds
    }

    #[test]
    fn a_specific_name_is_found_alone_as_a_whole_identifier() {
        let w = || {
            Word::function(
                "signed_link".into(),
                Path::new("/p/lib/s3.py"),
                Path::new("/p"),
                Family::Python,
            )
        };
        assert!(finds(
            w(),
            "/p/app/views.py",
            "x = s3.signed_link(c, k, 60)"
        ));
        assert!(!finds(
            w(),
            "/p/app/views.py",
            "x = s3.my_signed_link(c, k, 60)"
        ));
    }

    #[test]
    fn a_generic_name_needs_its_module_named_or_its_directory() {
        let w = || {
            Word::function(
                "upload".into(),
                Path::new("/p/lib/storage.py"),
                Path::new("/p"),
                Family::Python,
            )
        };
        assert!(!finds(w(), "/p/app/views.py", "client.upload(x)"));
        assert!(finds(
            w(),
            "/p/app/views.py",
            "from lib import storage\nstorage.upload(x)"
        ));
        assert!(!finds(w(), "/p/lib/other.py", "upload(x)"));
        let go = || {
            Word::function(
                "upload".into(),
                Path::new("/p/lib/storage.go"),
                Path::new("/p"),
                Family::Go,
            )
        };
        assert!(finds(go(), "/p/lib/other.go", "upload(x)"));
        assert!(!finds(go(), "/p/app/other.go", "upload(x)"));
    }

    #[test]
    fn a_bare_call_is_a_caller_only_where_it_can_reach_another_file() {
        let w = |family| {
            Word::function(
                "usage_demo".into(),
                Path::new("/p/lib/demo"),
                Path::new("/p"),
                family,
            )
        };
        // Python: the file's own function, or an imported one (the import names it too).
        let own = "def usage_demo():\n    pass\n\nusage_demo ()\n";
        assert!(!finds(w(Family::Python), "/p/app/x.py", own));
        let own_main = "if __name__ == \"__main__\":\n    usage_demo()\n";
        assert!(!finds(w(Family::Python), "/p/app/x.py", own_main));
        assert!(finds(
            w(Family::Python),
            "/p/app/x.py",
            "from lib.demo import usage_demo\nusage_demo()\n"
        ));
        assert!(finds(
            w(Family::Python),
            "/p/app/x.py",
            "wrapper.usage_demo(1)"
        ));
        assert!(finds(w(Family::Python), "/p/app/x.py", "run(usage_demo)"));
        // A file defining the name: its own mentions (a docstring's) are of its own, unless
        // it names the other definition's module too.
        let own_documented = "def usage_demo():\n    \"\"\"Runs `usage_demo`.\"\"\"\n";
        assert!(!finds(w(Family::Python), "/p/app/x.py", own_documented));
        assert!(finds(
            w(Family::Python),
            "/p/app/x.py",
            "from lib.demo import usage_demo as run\ndef usage_demo():\n    run()\n"
        ));
        // Ruby: a bare call reaches any loaded file's method.
        assert!(finds(w(Family::Ruby), "/p/app/y.rb", "usage_demo()"));
        // A variable of the same name defines no function: the call is still the other
        // file's (a Kotlin package's).
        assert!(finds(
            w(Family::Kotlin),
            "/p/lib/Other.kt",
            "val usage_demo = usage_demo()"
        ));
        assert!(!finds(
            w(Family::Kotlin),
            "/p/lib/Other.kt",
            "fun usage_demo() = 1\nval x = usage_demo()"
        ));
        // A constant is looked for where it is defined, whatever follows it.
        let c = || [Word::alone("LINK_TTL".into())];
        assert!(finds(c(), "/p/app/x.py", "LINK_TTL (1)"));
    }

    #[test]
    fn a_name_keeps_its_case_where_the_language_does() {
        let w = |family, path: &str| {
            Word::function(
                "FunctionHandler".into(),
                Path::new(path),
                Path::new("/p"),
                family,
            )
        };
        // A C# parameter `functionHandler` is another name; PHP's functions ignore case.
        let text = "void Deploy(string functionHandler) { Handler = functionHandler; }";
        assert!(!finds(
            w(Family::CSharp, "/p/Lambda.cs"),
            "/p/Wrapper.cs",
            text
        ));
        assert!(finds(
            w(Family::CSharp, "/p/Lambda.cs"),
            "/p/Wrapper.cs",
            "var url = new Lambda().FunctionHandler(request);"
        ));
        assert!(finds(
            w(Family::Php, "/p/Lambda.php"),
            "/p/Wrapper.php",
            "$url = $lambda->functionhandler($request);"
        ));
        // A module's name, an anchor, is matched in any case (`s3_storage` for `S3Storage`).
        let generic = Word::function(
            "upload".into(),
            Path::new("/p/lib/S3Storage.py"),
            Path::new("/p"),
            Family::Python,
        );
        assert!(finds(
            generic,
            "/p/app/x.py",
            "from lib import s3storage\ns3storage.upload(x)"
        ));
    }

    #[test]
    fn an_entry_point_is_no_word() {
        let word = |name: &str, path: &str, family| {
            Word::function(name.into(), Path::new(path), Path::new("/p"), family)
        };
        assert!(word("main", "/p/cmd/main.go", Family::Go).is_none());
        assert!(word("TEST_F", "/p/t.cpp", Family::Cpp).is_none());
        // A test runner's tests, in test files.
        for (name, path, family) in [
            ("test_presign", "/p/tests/test_s3.py", Family::Python),
            ("test_presign", "/p/app/test_s3.py", Family::Python),
            ("TestPresign", "/p/s3/presign_test.go", Family::Go),
            (
                "testPresignedGetUrl",
                "/p/src/test/java/S3Test.java",
                Family::Java,
            ),
            ("testPresign", "/p/tests/S3Test.php", Family::Php),
        ] {
            assert!(word(name, path, family).is_none(), "{name} in {path}");
        }
        // The same names outside test files, and helpers of test files that are no tests.
        for (name, path, family) in [
            ("test_presign", "/p/app/s3.py", Family::Python),
            ("TestPresign", "/p/s3/presign.go", Family::Go),
            ("testdata_url", "/p/tests/helpers.py", Family::Python),
            ("test", "/p/tests/helpers.py", Family::Python),
            ("presign_for_test", "/p/tests/helpers.py", Family::Python),
        ] {
            assert!(word(name, path, family).is_some(), "{name} in {path}");
        }
        // The root is where test directories are judged from: a project under `tests/`.
        assert!(
            Word::function(
                "test_presign".into(),
                Path::new("/tests/p/app/s3.py"),
                Path::new("/tests/p"),
                Family::Python,
            )
            .is_some()
        );
    }

    #[test]
    fn ancestors_by_bytes_are_the_paths_ancestors() {
        for path in [
            "/",
            "/a",
            "/a/b",
            "/m/p3/app/x.py",
            "/home/u/src/repo/pkg/mod.rs",
        ] {
            let by_bytes: Vec<&[u8]> = ancestor_lengths(path.as_bytes())
                .map(|n| &path.as_bytes()[..n])
                .collect();
            let expected: Vec<&[u8]> = Path::new(path)
                .ancestors()
                .map(|a| a.as_os_str().as_encoded_bytes())
                .collect();
            assert_eq!(by_bytes, expected, "{path}");
        }
    }

    #[test]
    fn a_file_finds_its_own_projects_words_among_many_projects() {
        // More projects than a byte-prefix scan is used for: looked up by ancestor.
        let mut scoped = ScopedWords::default();
        for i in 0..(2 * FEW_ROOTS) {
            scoped.add(
                &(Family::Python, PathBuf::from(format!("/m/p{i}"))),
                [Word::alone(format!("WORD_{i}"))],
            );
        }
        let finder = ScopedFinder::new(&scoped).expect("finder");
        assert!(finder.holds(
            Path::new("/m/p3/app/x.py"),
            Some(Family::Python),
            b"x = WORD_3"
        ));
        assert!(!finder.holds(
            Path::new("/m/p3/app/x.py"),
            Some(Family::Python),
            b"x = WORD_4"
        ));
        assert!(!finder.holds(
            Path::new("/m/p30/x.py"),
            Some(Family::Python),
            b"x = WORD_3"
        ));
        let few = ScopedFinder::new(&{
            let mut s = ScopedWords::default();
            s.add(
                &(Family::Python, PathBuf::from("/m/p3")),
                [Word::alone("WORD_3".into())],
            );
            s
        })
        .expect("finder");
        assert!(few.holds(Path::new("/m/p3/x.py"), Some(Family::Python), b"WORD_3"));
        assert!(
            !few.holds(Path::new("/m/p30/x.py"), Some(Family::Python), b"WORD_3"),
            "a root is a whole component"
        );
    }

    #[test]
    fn words_of_another_project_or_language_are_not_looked_for() {
        let w = || [Word::alone("LINK_TTL".into())];
        assert!(!finds(w(), "/q/app.py", "LINK_TTL = 1"));
        assert!(!finds_in(Family::Python, w(), "/p/app.go", "LINK_TTL = 1"));
        assert!(finds(w(), "/p/deep/app.py", "LINK_TTL = 1"));
    }
}
