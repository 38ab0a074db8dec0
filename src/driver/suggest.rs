//! "Did you mean" suggestions for mistyped names: a typo must never silently switch a check off.

/// The candidate nearest to `input`, if it is near enough to be a plausible typo.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::normalized_damerau_levenshtein(input, c), c))
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// A name presign-lint does not know (a level, a format, a lint, a config key), with the
/// nearest one it knows or what it accepts: "unknown level `alow`; did you mean `allow`?".
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} `{name}`{place}; {hint}")]
pub struct UnknownName {
    /// What kind of name: "level", "lint", "key".
    pub what: &'static str,
    pub name: String,
    /// Where it was written, when it matters: " in [overrides]".
    pub place: String,
    pub hint: Hint,
}

/// What an [`UnknownName`] error suggests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hint {
    /// The nearest known name.
    Near(String),
    /// What is accepted instead, worded: "expected one of: a, b".
    Instead(String),
}

impl std::fmt::Display for Hint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Hint::Near(near) => write!(f, "did you mean `{near}`?"),
            Hint::Instead(text) => f.write_str(text),
        }
    }
}

impl UnknownName {
    /// `name` among `known`: the nearest as the hint, else `otherwise`.
    pub fn among<'a>(
        what: &'static str,
        name: &str,
        known: impl IntoIterator<Item = &'a str>,
        otherwise: impl FnOnce() -> String,
    ) -> UnknownName {
        UnknownName {
            what,
            name: name.to_string(),
            place: String::new(),
            hint: match closest(name, known) {
                Some(near) => Hint::Near(near.to_string()),
                None => Hint::Instead(otherwise()),
            },
        }
    }

    /// The same error, written in `place` (" in the top level").
    pub fn in_place(mut self, place: &str) -> UnknownName {
        self.place = format!(" in {place}");
        self
    }
}
