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

/// A Bloom filter of a file's identifiers, ASCII lower-cased. Shared: a scan's cache and its
/// candidate hold the same filter, and the filters a cache file holds are ranges of one
/// allocation (see [`Identifiers::in_shared`]).
#[derive(Clone, Debug)]
pub struct Identifiers {
    words: std::sync::Arc<Vec<u64>>,
    start: u32,
    len: u32,
}

/// Probes per identifier.
const PROBES: u64 = 4;
/// Filter bits per distinct identifier: with four probes 28% of the bits are set, and a word
/// absent from the file passes in about 0.6% of files (18 bits would make that 0.2%, at half
/// as much memory again, kept in the context cache too). A later pass asks the filter for
/// each of its words (tens in a project of wrappers), so one word's rate is paid as many
/// times: a filter sized for a third of its bits set (the first design, with a 1 KB file
/// rounded down to 256 bits for about 55 identifiers) said yes to one of 20 words in three
/// files of four.
const BITS_PER_IDENTIFIER: usize = 12;
const MIN_WORDS: usize = 2;
/// 128 KiB: a larger file only has more false positives.
const MAX_WORDS: usize = 16 * 1024;
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

    /// The largest file whose filter is kept between runs (see [`crate::driver::stamp_cache`]):
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
        // The identifiers' hashes first: the filter is sized by how many differ.
        let mut hashes: Vec<u64> = Vec::with_capacity(bytes.len() / 8);
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
                keep(&mut hashes, &hash, number);
                hash = Hash::default();
            }
        }
        keep(&mut hashes, &hash, number);
        let words = (distinct(&hashes) * BITS_PER_IDENTIFIER)
            .div_ceil(64)
            .clamp(MIN_WORDS, MAX_WORDS);
        let mut bits = vec![0; words];
        for h in hashes {
            for (i, bit) in probes(words, h) {
                bits[i] |= bit;
            }
        }
        Identifiers::whole(bits)
    }

    /// A filter of its own allocation; its size is one this module builds.
    fn whole(words: Vec<u64>) -> Identifiers {
        Identifiers {
            len: u32::try_from(words.len()).unwrap_or(0),
            words: std::sync::Arc::new(words),
            start: 0,
        }
    }

    fn bits(&self) -> &[u64] {
        let start = self.start as usize;
        self.words
            .get(start..start + self.len as usize)
            .unwrap_or_default()
    }

    /// Whether the file may hold `word` as a whole identifier (ASCII case-insensitive). A
    /// word that is not an identifier itself cannot be ruled out.
    pub fn may_hold(&self, word: &str) -> bool {
        WordKey::of(word).is_none_or(|key| self.may_hold_key(key))
    }

    /// [`Identifiers::may_hold`] for a word hashed once ([`WordKey::of`]), to be asked of
    /// many filters.
    pub fn may_hold_key(&self, key: WordKey) -> bool {
        self.filter().may_hold_key(key)
    }

    /// The filter, borrowed.
    pub fn filter(&self) -> Filter<'_> {
        Filter(self.bits())
    }

    /// The filter's bits, to be stored (see [`crate::driver::stamp_cache`]).
    pub fn words(&self) -> &[u64] {
        self.bits()
    }

    /// A filter stored by [`Identifiers::words`]; `None` unless its size is one this module
    /// builds.
    pub fn from_words(words: Vec<u64>) -> Option<Identifiers> {
        (MIN_WORDS..=MAX_WORDS)
            .contains(&words.len())
            .then(|| Identifiers::whole(words))
    }

    /// Whether a filter stored by [`Identifiers::words`] has a size this module builds.
    pub fn is_filter_size(len: usize) -> bool {
        (MIN_WORDS..=MAX_WORDS).contains(&len)
    }

    /// The filter at `start..start + len` of `words`, which holds many (a cache file's);
    /// `None` unless the range is within `words` and of a size this module builds.
    pub fn in_shared(
        words: &std::sync::Arc<Vec<u64>>,
        start: u32,
        len: u32,
    ) -> Option<Identifiers> {
        let end = (start as usize).checked_add(len as usize)?;
        (Identifiers::is_filter_size(len as usize) && end <= words.len()).then(|| Identifiers {
            words: words.clone(),
            start,
            len,
        })
    }
}

/// A filter's bits where they are stored: an [`Identifiers`], or a record read back (see
/// `driver::candidates`).
#[derive(Clone, Copy, Debug)]
pub struct Filter<'a>(&'a [u64]);

impl<'a> Filter<'a> {
    /// The filter stored as `words` by [`Identifiers::words`]; `None` unless its size is one
    /// this module builds.
    pub fn from_words(words: &'a [u64]) -> Option<Filter<'a>> {
        Identifiers::is_filter_size(words.len()).then_some(Filter(words))
    }

    /// See [`Identifiers::may_hold_key`].
    pub fn may_hold_key(self, key: WordKey) -> bool {
        let bits = self.0;
        probes(bits.len(), key.0).all(|(i, bit)| bits.get(i).is_some_and(|w| w & bit != 0))
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

/// Double hashing: probe `j` is `h + j * h2` (`h2` odd, from all of `h`'s bits) mapped onto
/// the filter's bits by its high bits (`x * bits >> 64`: any size, no modulo), as (word
/// index, bit mask).
fn probes(words: usize, h: u64) -> impl Iterator<Item = (usize, u64)> {
    let bits = words as u128 * 64;
    let h2 = h.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    (0..PROBES).map(move |j| {
        let x = h.wrapping_add(j.wrapping_mul(h2));
        let bit = ((u128::from(x) * bits) >> 64) as usize;
        (bit / 64, 1u64 << (bit % 64))
    })
}

/// Keeps the identifier hashed so far, unless it is too short or a number.
fn keep(hashes: &mut Vec<u64>, hash: &Hash, number: bool) {
    if hash.1 >= MIN_IDENTIFIER_LEN && !number {
        hashes.push(hash.finish());
    }
}

/// About how many of `hashes` differ (linear counting: one bit each in a map of at least
/// twice as many bits, and the share left clear tells how many distinct values landed).
fn distinct(hashes: &[u64]) -> usize {
    let map_bits = (hashes.len() * 2).next_power_of_two().max(64);
    let mut map = vec![0u64; map_bits / 64];
    for h in hashes {
        let bit = (h >> 32) as usize & (map_bits - 1);
        map[bit / 64] |= 1 << (bit % 64);
    }
    let clear = map.iter().map(|w| w.count_zeros() as usize).sum::<usize>();
    if clear == 0 {
        return hashes.len();
    }
    let m = map_bits as f64;
    ((m * (m / clear as f64).ln()).ceil() as usize).min(hashes.len())
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
        assert!(false_positives < 20, "{false_positives} of 1000");
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
