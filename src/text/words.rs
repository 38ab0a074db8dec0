//! Fast ASCII-case-insensitive search for a fixed list of words: the prefilter's trigger
//! words, and the words that gate the costlier readers (credential key lines, signing
//! settings).
//!
//! Aho-Corasick's SIMD searcher (Teddy) takes case-sensitive patterns only, and its
//! case-insensitive automaton reads a byte at a time, 3 to 4 times slower on the benchmark
//! tree. So the bytes are lowercased a small chunk at a time (a vectorized loop, cheap next to
//! the search) and Teddy searches each lowered chunk for the lowered words. Where Teddy is not
//! available (CPUs without SSSE3 or NEON, or a word list it cannot pack) a case-insensitive
//! DFA gives the same answers.

use std::ops::ControlFlow;
use std::sync::OnceLock;

use aho_corasick::packed::{self, MatchKind as PackedMatchKind};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Input, MatchKind, Span};

use super::teddy_buckets;

/// Bytes lowered and searched at a time: small enough to stay in the L1/L2 cache.
const CHUNK: usize = 32 * 1024;

pub struct Words {
    /// Teddy over lowered chunks, when the CPU and the word list allow it.
    teddy: Option<packed::Searcher>,
    /// The fallback: a case-insensitive DFA, built on first use (with Teddy, never: building
    /// the prefilter's took about a millisecond of every run's start).
    automaton: OnceLock<AhoCorasick>,
    /// The words, lowercased, for the fallback.
    lowered: Vec<String>,
    /// Which word each of Teddy's patterns is: Teddy has them in the order that keeps its
    /// buckets fast ([`teddy_buckets`]).
    teddy_words: Vec<usize>,
    /// The longest word's length less one: how far consecutive chunks overlap, so that a word
    /// starting in one chunk always ends in it.
    overlap: usize,
}

impl Words {
    /// A searcher for `words` (ASCII letters match either case).
    pub fn new<W: AsRef<str>>(words: &[W]) -> Words {
        let lowered: Vec<String> = words
            .iter()
            .map(|w| w.as_ref().to_ascii_lowercase())
            .collect();
        let overlap = lowered.iter().map(String::len).max().unwrap_or(1).max(1) - 1;
        let teddy_words = teddy_buckets::order(&lowered);
        let teddy = (overlap < CHUNK / 2)
            .then(|| {
                // Teddy gives up past 64 words by default, and the prefilter has more (every
                // SDK adds some): the DFA that took over was 10% of a scan's time on the SDK
                // examples, Teddy with 72 words stays a few percent. The hard limit is 128.
                packed::Config::new()
                    .match_kind(PackedMatchKind::LeftmostLongest)
                    .heuristic_pattern_limits(false)
                    .builder()
                    .extend(teddy_words.iter().map(|&i| &lowered[i]))
                    .build()
            })
            .flatten();
        Words {
            teddy,
            automaton: OnceLock::new(),
            lowered,
            teddy_words,
            overlap,
        }
    }

    fn automaton(&self) -> &AhoCorasick {
        self.automaton.get_or_init(|| {
            // A full DFA: with case-insensitive patterns the default (NFA-based) searcher was
            // 8x slower on the benchmark tree, and the automaton is tiny.
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&self.lowered)
                .expect("static words are valid")
        })
    }

    /// Calls `found(word, start)` for every position of `bytes` where a word starts, in
    /// increasing order, with the longest word starting there (every shorter one that starts
    /// there is a prefix of it), until `found` breaks.
    pub fn for_each(&self, bytes: &[u8], found: impl FnMut(usize, usize) -> ControlFlow<()>) {
        match &self.teddy {
            Some(teddy) => self.for_each_lowered(teddy, bytes, CHUNK, found),
            None => self.for_each_by_automaton(bytes, found),
        }
    }

    /// Whether any word occurs in `bytes`.
    pub fn is_match(&self, bytes: &[u8]) -> bool {
        let mut any = false;
        self.for_each(bytes, |_, _| {
            any = true;
            ControlFlow::Break(())
        });
        any
    }

    /// The start of every line of `text` that holds a word, each once, in order.
    pub fn line_starts(&self, text: &str) -> Vec<usize> {
        let mut starts = Vec::new();
        let mut line_end = 0;
        self.for_each(text.as_bytes(), |_, at| {
            if at >= line_end {
                let bytes = text.as_bytes();
                starts.push(memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1));
                line_end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
            }
            ControlFlow::Continue(())
        });
        starts
    }

    /// Teddy over `chunk`-byte windows of lowered bytes, each overlapping the next by
    /// `overlap` bytes. A window reports the words starting before the next window does, so
    /// each position is reported once and whole.
    fn for_each_lowered(
        &self,
        teddy: &packed::Searcher,
        bytes: &[u8],
        chunk: usize,
        mut found: impl FnMut(usize, usize) -> ControlFlow<()>,
    ) {
        // Sized to the file when it is small: most are, and zeroing a whole chunk per file
        // showed in profiles of trees of small files.
        let mut buffer = vec![0u8; chunk.min(bytes.len())];
        let step = chunk - self.overlap;
        let mut start = 0;
        loop {
            let window = &bytes[start..bytes.len().min(start + chunk)];
            let last = start + window.len() == bytes.len();
            let lowered = &mut buffer[..window.len()];
            for (low, &b) in lowered.iter_mut().zip(window) {
                *low = b | u8::from(b.is_ascii_uppercase()) << 5;
            }
            let lowered = &*lowered;
            let limit = if last { lowered.len() } else { step };
            let mut at = 0;
            while at < limit {
                let Some(m) = teddy.find_in(lowered, Span::from(at..lowered.len())) else {
                    break;
                };
                if m.start() >= limit {
                    break;
                }
                let word = self.teddy_words[m.pattern().as_usize()];
                if found(word, start + m.start()).is_break() {
                    return;
                }
                at = m.start() + 1;
            }
            if last {
                return;
            }
            start += step;
        }
    }

    fn for_each_by_automaton(
        &self,
        bytes: &[u8],
        mut found: impl FnMut(usize, usize) -> ControlFlow<()>,
    ) {
        let automaton = self.automaton();
        let mut at = 0;
        while at < bytes.len() {
            let Some(m) = automaton.find(Input::new(bytes).span(at..bytes.len())) else {
                return;
            };
            if found(m.pattern().as_usize(), m.start()).is_break() {
                return;
            }
            at = m.start() + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const WORDS: [&str; 9] = [
        "signature",
        "signatureduration",
        "presign",
        "signedurl",
        "sig=",
        "_sas",
        "sas_ttl",
        "amazonsecuritytokenserviceclient",
        "token",
    ];

    #[test]
    fn teddy_is_used_where_the_cpu_has_it() {
        #[cfg(target_arch = "x86_64")]
        let simd = std::arch::is_x86_feature_detected!("ssse3");
        #[cfg(target_arch = "aarch64")]
        let simd = true;
        #[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
        let simd = false;
        assert_eq!(Words::new(&WORDS).teddy.is_some(), simd);
        // The prefilter's own list, which grows with every SDK and outgrew Teddy's default
        // limit once unnoticed.
        let prefilter = crate::lints::trigger_words(|_| true);
        assert!(
            prefilter.len() > 64,
            "the test no longer covers a long list"
        );
        assert_eq!(Words::new(&prefilter).teddy.is_some(), simd);
    }

    #[test]
    fn reports_the_longest_word_at_each_start() {
        let words = Words::new(&WORDS);
        let mut seen = Vec::new();
        words.for_each(b"x.SignatureDuration(PRESIGNEDURL)", |w, at| {
            seen.push((WORDS[w], at));
            ControlFlow::Continue(())
        });
        assert_eq!(
            seen,
            [("signatureduration", 2), ("presign", 20), ("signedurl", 23)]
        );
        assert!(words.is_match(b"a TOKEN") && !words.is_match(b"nothing"));
        assert_eq!(words.line_starts("a\nb token token\nc\nsig=\n"), [2, 18]);
    }

    fn all(words: &Words, bytes: &[u8], chunk: Option<usize>) -> Vec<(usize, usize)> {
        let mut seen = Vec::new();
        let push = |w, at| {
            seen.push((w, at));
            ControlFlow::Continue(())
        };
        match (chunk, &words.teddy) {
            (Some(chunk), Some(teddy)) => words.for_each_lowered(teddy, bytes, chunk, push),
            _ => words.for_each_by_automaton(bytes, push),
        }
        seen
    }

    fn text() -> impl Strategy<Value = Vec<u8>> {
        let pieces: Vec<Vec<u8>> = WORDS
            .iter()
            .flat_map(|w| [w.as_bytes().to_vec(), w.to_ascii_uppercase().into_bytes()])
            .chain(["x", " ", "\n", "é", "Sig", "SAS", "\u{0}"].map(|s| s.into()))
            .collect();
        proptest::collection::vec(
            prop_oneof![
                proptest::sample::select(pieces),
                proptest::collection::vec(any::<u8>(), 0..8),
            ],
            0..60,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        /// Lowered Teddy, at any chunk size (so words straddle chunk edges), reports exactly
        /// what the case-insensitive automaton does, in the same order.
        #[test]
        fn lowered_chunks_agree_with_the_automaton(bytes in text(), step in 1usize..200) {
            let words = Words::new(&WORDS);
            prop_assume!(words.teddy.is_some());
            prop_assert_eq!(
                all(&words, &bytes, Some(words.overlap + step)),
                all(&words, &bytes, None)
            );
        }
    }
}
