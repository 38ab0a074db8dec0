//! What a later project pass needs to remember of a file it did not parse: which whole
//! identifiers it holds, as a Bloom filter built while the file's bytes are in memory in the
//! first pass. A later pass asks the filter first and reads the file again only when it may
//! hold one of the pass's words; a false positive costs one read, never a finding.

/// The bytes of an identifier: how words are delimited here and in [`super::search`].
pub const fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$'
}

/// Per byte: 0 outside identifiers, else the byte lower-cased (never 0 for an identifier
/// byte). One table load per byte on the hot path.
static LOWER_IDENT: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        if is_ident(byte) {
            table[b] = byte.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// A Bloom filter of a file's identifiers, ASCII lower-cased.
#[derive(Clone, Debug)]
pub struct Identifiers {
    bits: Box<[u64]>,
}

/// Probes per identifier.
const PROBES: u64 = 4;
/// Filter bits per byte of the file before it is folded: ordinary source has a distinct
/// identifier every 20 to 50 bytes, so the filter starts with 80 to 200 bits for each one's
/// four probes, and is folded to its final size.
const BITS_PER_BYTE: usize = 1;
const MIN_WORDS: usize = 4;
/// 128 KiB: a larger file only has more false positives.
const MAX_WORDS: usize = 16 * 1024;
/// A filter is halved while its bits stay at most this full (per mille): a quarter of the
/// bits set gives at most 0.4% false positives per word with four probes. A later pass asks
/// the filter for each of its words (tens in a project of wrappers), so one word's rate is
/// paid as many times: a file of 1 KB sized for a third of its bits set (the first design)
/// said yes to one of 20 words in three cases of four.
const MAX_FILL_PER_MILLE: usize = 250;
/// Shorter identifiers (`i`, `db`) are not kept, nor those starting with a digit (a number,
/// `2015`, `0x1f`): no word looked for is one, and [`Identifiers::may_hold`] never rules out
/// such a word.
const MIN_IDENTIFIER_LEN: usize = 3;

impl Identifiers {
    /// The largest file worth a filter. Building one costs about a nanosecond a byte, in
    /// every run; reading a file again and searching it costs tens of microseconds, in each
    /// later pass that has words: the filter pays for hand-written source files, not for
    /// large generated ones, which are read again instead.
    pub const WORTH_IT: usize = 16 * 1024;

    /// The largest file whose filter is kept between runs (see [`crate::driver::context_cache`]):
    /// built once per version of the file, it saves reading it again in every later run.
    pub const WORTH_CACHING: usize = 4 * 1024 * 1024;

    /// The filter of a file no larger than [`Identifiers::WORTH_IT`].
    pub fn worth_it(bytes: &[u8]) -> Option<Identifiers> {
        (bytes.len() <= Self::WORTH_IT).then(|| Identifiers::of(bytes))
    }

    /// The filter of a file no larger than [`Identifiers::WORTH_CACHING`].
    pub fn worth_caching(bytes: &[u8]) -> Option<Identifiers> {
        (bytes.len() <= Self::WORTH_CACHING).then(|| Identifiers::of(bytes))
    }

    pub fn of(bytes: &[u8]) -> Identifiers {
        let words = (bytes.len() * BITS_PER_BYTE / 64)
            .next_power_of_two()
            .clamp(MIN_WORDS, MAX_WORDS);
        let mut filter = Identifiers {
            bits: vec![0; words].into_boxed_slice(),
        };
        let mut hash = Hash::default();
        let mut number = false;
        for &b in bytes {
            let lower = LOWER_IDENT[usize::from(b)];
            if lower != 0 {
                if hash.is_empty() {
                    number = lower.is_ascii_digit();
                }
                hash.push(lower);
            } else if !hash.is_empty() {
                filter.insert_identifier(&hash, number);
                hash = Hash::default();
            }
        }
        filter.insert_identifier(&hash, number);
        filter.fold();
        filter
    }

    /// Halves the filter while it stays sparse: sized by bytes, a file of long lines or
    /// repeated names has far fewer identifiers than bits. Probe `j` lands on bit
    /// `p & (bits - 1)`, so the bit of a half-size filter is the OR of the two halves'.
    fn fold(&mut self) {
        while self.bits.len() > MIN_WORDS {
            let half = self.bits.len() / 2;
            let set: usize = (0..half)
                .map(|i| (self.bits[i] | self.bits[i + half]).count_ones() as usize)
                .sum();
            if set * 1000 > half * 64 * MAX_FILL_PER_MILLE {
                return;
            }
            let folded: Box<[u64]> = (0..half)
                .map(|i| self.bits[i] | self.bits[i + half])
                .collect();
            self.bits = folded;
        }
    }

    /// Whether the file may hold `word` as a whole identifier (ASCII case-insensitive). A
    /// word that is not an identifier itself cannot be ruled out.
    pub fn may_hold(&self, word: &str) -> bool {
        WordKey::of(word).is_none_or(|key| self.may_hold_key(key))
    }

    /// [`Identifiers::may_hold`] for a word hashed once ([`WordKey::of`]), to be asked of
    /// many filters.
    pub fn may_hold_key(&self, key: WordKey) -> bool {
        probes(self.bits.len(), key.0).all(|(i, bit)| self.bits[i] & bit != 0)
    }

    /// The filter's bits, to be stored (see [`crate::driver::context_cache`]).
    pub fn words(&self) -> &[u64] {
        &self.bits
    }

    /// A filter stored by [`Identifiers::words`]; `None` unless its size is one this module
    /// builds.
    pub fn from_words(words: Vec<u64>) -> Option<Identifiers> {
        (words.len().is_power_of_two() && (MIN_WORDS..=MAX_WORDS).contains(&words.len())).then(
            || Identifiers {
                bits: words.into_boxed_slice(),
            },
        )
    }

    /// Inserts the identifier hashed so far, unless it is too short or a number.
    fn insert_identifier(&mut self, hash: &Hash, number: bool) {
        if hash.1 >= MIN_IDENTIFIER_LEN && !number {
            self.insert(hash.finish());
        }
    }

    fn insert(&mut self, h: u64) {
        for (i, bit) in probes(self.bits.len(), h) {
            self.bits[i] |= bit;
        }
    }
}

/// A word as the filters probe it.
#[derive(Clone, Copy, Debug)]
pub struct WordKey(u64);

impl WordKey {
    /// `None` for a word no filter can rule out: one too short to be kept, a number, or no
    /// identifier at all (`Time.day`).
    pub fn of(word: &str) -> Option<WordKey> {
        if word.len() < MIN_IDENTIFIER_LEN
            || word.starts_with(|c: char| c.is_ascii_digit())
            || !word.bytes().all(is_ident)
        {
            return None;
        }
        let mut hash = Hash::default();
        word.bytes().for_each(|b| hash.push(b.to_ascii_lowercase()));
        Some(WordKey(hash.finish()))
    }
}

/// Double hashing: probe `j` is bit `h1 + j * h2` of a filter of `words` 64-bit words (a
/// power of two), as (word index, bit mask).
fn probes(words: usize, h: u64) -> impl Iterator<Item = (usize, u64)> {
    let mask = (words as u64 * 64) - 1;
    let (h1, h2) = (h, (h >> 32) | 1);
    (0..PROBES).map(move |j| {
        let bit = h1.wrapping_add(j.wrapping_mul(h2)) & mask;
        ((bit / 64) as usize, 1u64 << (bit % 64))
    })
}

/// A rotate-xor over the (lower-cased) bytes, a short dependency chain per byte, finished
/// with a multiply-xorshift so every bit of the state reaches the probes.
struct Hash(u64, usize);

impl Default for Hash {
    fn default() -> Hash {
        Hash(0xcbf2_9ce4_8422_2325, 0)
    }
}

impl Hash {
    fn push(&mut self, lower: u8) {
        self.0 = self.0.rotate_left(7) ^ u64::from(lower);
        self.1 += 1;
    }

    fn is_empty(&self) -> bool {
        self.1 == 0
    }

    fn finish(&self) -> u64 {
        let mut h = self.0 ^ (self.1 as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^ (h >> 33)
    }
}

#[cfg(test)]
mod tests {
    use super::Identifiers;

    #[test]
    fn holds_whole_identifiers_in_any_ascii_case() {
        let f = Identifiers::of(b"from app.links import signed_link\nx = LINK_TTL * 2\n$var");
        for word in [
            "signed_link",
            "SIGNED_LINK",
            "links",
            "link_ttl",
            "$var",
            "x",
        ] {
            assert!(f.may_hold(word), "{word}");
        }
        // Not an identifier of the file: a part of one, or absent.
        let misses = ["signed", "link", "ttl", "presign", "signed_link_v2"]
            .iter()
            .filter(|w| f.may_hold(w))
            .count();
        assert!(misses <= 1, "{misses} false positives of 5");
    }

    #[test]
    fn a_word_that_is_no_identifier_is_never_ruled_out() {
        let f = Identifiers::of(b"nothing here");
        assert!(f.may_hold("a-b"));
        assert!(f.may_hold("Time.day"));
    }

    #[test]
    fn a_small_file_answers_no_to_many_absent_words() {
        // A 1 KB script of about fifty names: a later pass asks for tens of words.
        let text: String = (0..50)
            .map(|i| format!("$name{i} = call_{i}($arg, 'x');\n"))
            .collect();
        let f = Identifiers::of(text.as_bytes());
        for i in 0..50 {
            assert!(f.may_hold(&format!("call_{i}")));
        }
        let false_positives = (0..1000)
            .filter(|i| f.may_hold(&format!("signPrivateDistribution{i}")))
            .count();
        assert!(false_positives < 10, "{false_positives} of 1000");
    }

    #[test]
    fn numbers_and_short_names_are_not_kept_nor_ruled_out() {
        let f = Identifiers::of(b"id = 2015 + 0x1f");
        for word in ["id", "db", "2015", "0x1f", "7days"] {
            assert!(f.may_hold(word), "{word}");
        }
    }

    #[test]
    fn false_positives_stay_rare() {
        // Ordinary source: a distinct identifier every 40 bytes or so.
        let text: String = (0..2000)
            .map(|i| format!("    result_{i} = compute(value, other, {i})\n"))
            .collect();
        let f = Identifiers::of(text.as_bytes());
        for i in 0..2000 {
            assert!(f.may_hold(&format!("result_{i}")));
        }
        let false_positives = (0..1000)
            .filter(|i| f.may_hold(&format!("absent_{i}")))
            .count();
        assert!(false_positives < 50, "{false_positives} of 1000");
    }

    #[test]
    fn a_large_file_of_few_names_gets_a_small_filter_that_still_holds_them() {
        let text = "let value = compute(value, other);\n".repeat(4000);
        let f = Identifiers::of(text.as_bytes());
        assert!(f.words().len() <= 8, "{} words", f.words().len());
        for word in ["let", "value", "compute", "other"] {
            assert!(f.may_hold(word), "{word}");
        }
        let false_positives = (0..1000)
            .filter(|i| f.may_hold(&format!("absent_{i}")))
            .count();
        assert!(false_positives < 50, "{false_positives} of 1000");
    }
}
