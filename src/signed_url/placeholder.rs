//! Telling real signatures and key ids from documentation placeholders, template holes and
//! regexes. A placeholder is never a finding: precision is the product.

/// Alphabets signature values are drawn from.
#[derive(Clone, Copy)]
pub enum Alphabet {
    /// Lowercase or uppercase hex (SigV4, GCS V4).
    Hex,
    /// Standard base64 (`+/=`), after percent-decoding (SigV2, GCS V2, Azure SAS).
    Base64,
    /// CloudFront's URL-safe base64 (`-_~`).
    CloudFront,
}

impl Alphabet {
    fn accepts(self, c: char) -> bool {
        match self {
            Alphabet::Hex => c.is_ascii_hexdigit(),
            Alphabet::Base64 => c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '='),
            Alphabet::CloudFront => c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '~'),
        }
    }
}

/// Words that mark a value as an example rather than a secret.
const PLACEHOLDER_WORDS: [&str; 8] = [
    "example",
    "xxxx",
    "redacted",
    "placeholder",
    "signature",
    "your",
    "dummy",
    "sample",
];

/// Whether `value` could be a real signature: right alphabet and length, and not shaped like
/// a placeholder (one repeated character, a short repeating pattern, an example word).
pub fn is_real_signature(
    value: &str,
    alphabet: Alphabet,
    lengths: std::ops::RangeInclusive<usize>,
) -> bool {
    lengths.contains(&value.len())
        && value.chars().all(|c| alphabet.accepts(c))
        && !looks_made_up(value)
}

/// Whether an access key id (or other signer identity) is real enough to report.
pub fn is_real_key_id(value: &str) -> bool {
    if value.is_empty() || has_placeholder_marks(value) {
        return false;
    }
    let upper = value.to_ascii_uppercase();
    if upper.starts_with("AKIA") || upper.starts_with("ASIA") {
        return value.len() == 20
            && value
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && !looks_made_up(&value[4..]);
    }
    true
}

pub(crate) fn has_placeholder_marks(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    PLACEHOLDER_WORDS.iter().any(|w| lower.contains(w))
        || value.contains("...")
        || value.contains('…')
        || value
            .chars()
            .any(|c| matches!(c, '<' | '>' | '{' | '}' | '$' | '*'))
}

pub(crate) fn looks_made_up(value: &str) -> bool {
    if has_placeholder_marks(value) {
        return true;
    }
    let chars: Vec<char> = value.chars().collect();
    let mut distinct = chars.clone();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < 6 {
        return true;
    }
    // A short unit repeated ("0123456789abcdef" × 4) is typed, not computed.
    (1..=chars.len() / 3).any(|period| {
        chars
            .iter()
            .enumerate()
            .skip(period)
            .all(|(i, c)| *c == chars[i - period])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEX: &str = "3f1c9a7be2d84f06a5c1e9b7d2f08a6c4e1b3d5f7a9c0e2b4d6f8a1c3e5b7d9f";

    #[test]
    fn accepts_random_signatures() {
        assert!(is_real_signature(HEX, Alphabet::Hex, 64..=64));
        assert!(is_real_signature(
            "kX9/2mQ+Lp4zR7vN1bT8wY3cF6g=",
            Alphabet::Base64,
            20..=64
        ));
    }

    #[test]
    fn rejects_placeholders() {
        for fake in [
            "a".repeat(64),
            "0123456789abcdef".repeat(4),
            "<signature>".to_string(),
            "...".to_string(),
            "EXAMPLE".to_string(),
            format!("{}...", &HEX[..40]),
            "${sig}".to_string(),
            "[0-9a-f]{64}".to_string(),
        ] {
            assert!(!is_real_signature(&fake, Alphabet::Hex, 64..=64), "{fake}");
        }
        assert!(!is_real_signature(&HEX[..63], Alphabet::Hex, 64..=64));
    }

    #[test]
    fn key_ids() {
        assert!(is_real_key_id("AKIAZ7Q3M4XN2L5P8R6T"));
        assert!(!is_real_key_id("AKIAIOSFODNN7EXAMPLE"));
        assert!(!is_real_key_id("AKIA..."));
        assert!(!is_real_key_id("AKIAXXXXXXXXXXXXXXXX"));
        assert!(!is_real_key_id("YOUR_ACCESS_KEY_ID"));
        assert!(is_real_key_id("minio-ci"));
    }
}
