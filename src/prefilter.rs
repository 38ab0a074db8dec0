//! The literal prefilter: which lints' trigger words a file holds, found in one pass over its
//! bytes. A file without any is never decoded or parsed, and a lint runs only on files holding
//! one of its own words.
//!
//! Trigger words match ASCII case-insensitively. Aho-Corasick's fast SIMD searcher (Teddy)
//! takes case-sensitive patterns only, and its case-insensitive automaton searches a byte at a
//! time, 3 to 4 times slower on the benchmark tree. So the bytes are lowercased a small chunk at
//! a time (a vectorized loop, cheap next to the search) and Teddy searches the lowered chunk for
//! the lowered words. Where Teddy is not available (CPUs without SSSE3 or NEON, or a word list
//! it cannot pack) a case-insensitive DFA gives the same answer.

use aho_corasick::packed::{self, MatchKind};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Span};

use crate::lints::{self, LintId, Status};

/// Bytes lowered and searched at a time: small enough to stay in the L1/L2 cache.
const CHUNK: usize = 32 * 1024;

pub struct Prefilter {
    /// Teddy over lowered chunks, when the CPU and the word list allow it.
    teddy: Option<packed::Searcher>,
    /// The fallback: a case-insensitive DFA reporting overlapping matches.
    automaton: AhoCorasick,
    /// The longest word's length less one: how far consecutive chunks overlap.
    overlap: usize,
    /// For each word, the lints triggered by it or by any word inside it (bit `LintId as
    /// usize`): Teddy reports the longest word at each position, and the shorter ones there are
    /// inside it.
    owners: Vec<u64>,
    /// Every lint some word triggers: once all are seen, the search stops.
    all: u64,
}

impl Prefilter {
    pub fn new() -> Prefilter {
        Prefilter::with_words(lints::trigger_words(|id| {
            id.info().status == Status::Implemented
        }))
    }

    fn with_words(words: Vec<&'static str>) -> Prefilter {
        let lowered: Vec<String> = words.iter().map(|w| w.to_ascii_lowercase()).collect();
        let owners: Vec<u64> = lowered
            .iter()
            .map(|word| {
                LintId::ALL
                    .iter()
                    .filter(|&&id| {
                        lints::triggers(id)
                            .iter()
                            .any(|t| word.contains(&t.to_ascii_lowercase()))
                    })
                    .fold(0u64, |mask, &id| mask | 1 << id as usize)
            })
            .collect();
        let all = owners.iter().fold(0, |mask, owners| mask | owners);
        let overlap = lowered.iter().map(String::len).max().unwrap_or(1) - 1;
        let teddy = (overlap < CHUNK / 2)
            .then(|| {
                packed::Config::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .builder()
                    .extend(&lowered)
                    .build()
            })
            .flatten();
        // A full DFA: with case-insensitive patterns the default (NFA-based) searcher was 8x
        // slower on the benchmark tree, and the automaton is tiny.
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&lowered)
            .expect("static trigger words are valid");
        Prefilter {
            teddy,
            automaton,
            overlap,
            owners,
            all,
        }
    }

    /// The lints whose trigger words occur in `bytes` (bit `LintId as usize`); 0 when none do.
    pub fn triggered(&self, bytes: &[u8]) -> u64 {
        match &self.teddy {
            Some(teddy) => self.triggered_lowered(teddy, bytes, CHUNK),
            None => self.triggered_by_automaton(bytes),
        }
    }

    /// Teddy over `chunk`-byte windows of lowered bytes, each overlapping the next by
    /// `overlap` bytes so that no word is cut. Every position where a word starts is visited.
    fn triggered_lowered(&self, teddy: &packed::Searcher, bytes: &[u8], chunk: usize) -> u64 {
        let mut buffer = [0u8; CHUNK];
        let step = chunk - self.overlap;
        let mut mask = 0u64;
        let mut start = 0;
        while start < bytes.len() {
            let window = &bytes[start..bytes.len().min(start + chunk)];
            let lowered = &mut buffer[..window.len()];
            for (low, &b) in lowered.iter_mut().zip(window) {
                *low = b | u8::from(b.is_ascii_uppercase()) << 5;
            }
            let mut at = 0;
            while let Some(m) = teddy.find_in(&*lowered, Span::from(at..lowered.len())) {
                mask |= self.owners[m.pattern().as_usize()];
                if mask == self.all {
                    return mask;
                }
                at = m.start() + 1;
            }
            if start + window.len() == bytes.len() {
                break;
            }
            start += step;
        }
        mask
    }

    fn triggered_by_automaton(&self, bytes: &[u8]) -> u64 {
        let mut mask = 0u64;
        for m in self.automaton.find_overlapping_iter(bytes) {
            mask |= self.owners[m.pattern().as_usize()];
            if mask == self.all {
                break;
            }
        }
        mask
    }
}

impl Default for Prefilter {
    fn default() -> Self {
        Prefilter::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words() -> Vec<&'static str> {
        lints::trigger_words(|id| id.info().status == Status::Implemented)
    }

    #[test]
    fn teddy_is_used_where_the_cpu_has_it() {
        let simd = cfg!(any(target_arch = "x86_64", target_arch = "aarch64"));
        assert_eq!(Prefilter::new().teddy.is_some(), simd);
    }

    #[test]
    fn a_word_inside_a_longer_one_still_counts() {
        let p = Prefilter::new();
        // `signatureDuration` is an expiry word and holds `signature`, a hardcoded-URL word.
        let mask = p.triggered(b"x.signatureDuration(d)");
        for lint in [LintId::ExcessiveExpiry, LintId::HardcodedPresignedUrl] {
            assert_ne!(mask & 1 << lint as usize, 0, "{lint:?}");
        }
        assert_eq!(p.triggered(b"nothing to see"), 0);
    }

    fn text() -> impl Strategy<Value = Vec<u8>> {
        let pieces: Vec<Vec<u8>> = words()
            .iter()
            .flat_map(|w| [w.as_bytes().to_vec(), w.to_ascii_uppercase().into_bytes()])
            .chain(["x", " ", "\n", "é", "Sig", "SESSION_", "\u{0}"].map(|s| s.into()))
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
        /// the lints the case-insensitive overlapping automaton does.
        #[test]
        fn lowered_chunks_agree_with_the_automaton(bytes in text(), step in 1usize..200) {
            let p = Prefilter::new();
            let Some(teddy) = &p.teddy else { return Ok(()) };
            prop_assert_eq!(
                p.triggered_lowered(teddy, &bytes, p.overlap + step),
                p.triggered_by_automaton(&bytes)
            );
        }
    }
}
