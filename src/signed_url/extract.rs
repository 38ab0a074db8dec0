//! Locates signed-URL candidates in raw text, in any quoting or encoding, without parsing the
//! host language: an anchor (a signature parameter after `?`/`&` in one of its encodings) is
//! found with one Aho-Corasick pass, then the surrounding URL token is delimited.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// How the URL text is wrapped in its host text; decoding undoes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wrapping {
    /// `https://…` as is (JSON `\/` and HTML `&amp;` escapes are undone regardless).
    Plain,
    /// The whole URL is percent-encoded `n` times (`https%3A%2F%2F…`), e.g. inside another
    /// URL's query string.
    PercentEncoded(u8),
}

/// A URL-shaped stretch of text that carries a signature parameter.
#[derive(Debug)]
pub struct Candidate {
    /// Byte range of the URL in the scanned text.
    pub span: Range<usize>,
    pub wrapping: Wrapping,
}

/// Signature-bearing parameter names. Everything that signs a URL names its signature with one
/// of these (`sig` is Azure SAS).
const SIGNATURE_KEYS: [&str; 4] = ["X-Amz-Signature", "X-Goog-Signature", "Signature", "sig"];

/// Query separators as they appear in raw, percent-encoded (once or twice), JSON-escaped and
/// HTML-escaped text.
const SEPARATORS: [&str; 11] = [
    "?", "&", "%3F", "%26", "%253F", "%2526", "\\u0026", "\\u003f", "&amp;", "&#38;", "&#x26;",
];

/// What may follow a parameter name.
const EQUALS: [&str; 5] = ["=", "%3D", "%253D", "\\u003d", "&#61;"];

/// A URL token never extends further than this from its anchor: bounds the work on minified
/// files with no delimiters.
const MAX_REACH: usize = 16 * 1024;

static ANCHORS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let patterns: Vec<String> = SEPARATORS
        .iter()
        .flat_map(|sep| SIGNATURE_KEYS.iter().map(move |key| format!("{sep}{key}")))
        .collect();
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .expect("static anchor patterns are valid")
});

/// Scheme spellings, lowercase, with the wrapping each implies.
const SCHEMES: [(&str, Wrapping); 6] = [
    ("https://", Wrapping::Plain),
    ("http://", Wrapping::Plain),
    ("https:\\/\\/", Wrapping::Plain),
    ("http:\\/\\/", Wrapping::Plain),
    ("https%3a%2f%2f", Wrapping::PercentEncoded(1)),
    ("http%3a%2f%2f", Wrapping::PercentEncoded(1)),
];
const DOUBLE_ENCODED_SCHEMES: [&str; 2] = ["https%253a%252f%252f", "http%253a%252f%252f"];

/// All signed-URL candidates in `text`, in order, without overlaps.
pub fn candidates(text: &str) -> Vec<Candidate> {
    let bytes = text.as_bytes();
    let mut found: Vec<Candidate> = Vec::new();
    let mut covered_until = 0;
    for m in ANCHORS.find_iter(bytes) {
        if m.start() < covered_until {
            continue;
        }
        if !EQUALS
            .iter()
            .any(|eq| starts_with_ignore_case(&bytes[m.end()..], eq))
        {
            continue;
        }
        let token = token_around(bytes, m.start());
        let (url_start, wrapping) = url_start(bytes, token.start, m.start());
        let end = trim_trailing_punctuation(bytes, url_start, token.end);
        covered_until = end;
        found.push(Candidate {
            span: url_start..end,
            wrapping,
        });
    }
    found
}

/// Expands from `at` to the nearest delimiters on both sides.
fn token_around(bytes: &[u8], at: usize) -> Range<usize> {
    let mut start = at;
    let floor = at.saturating_sub(MAX_REACH);
    while start > floor && !is_left_delimiter(bytes, start - 1) {
        start -= 1;
    }
    let mut end = at + 1;
    let ceiling = (at + MAX_REACH).min(bytes.len());
    while end < ceiling && !is_right_delimiter(bytes, end) {
        end += 1;
    }
    start..end
}

fn is_delimiter_byte(b: u8) -> bool {
    matches!(
        b,
        b' ' | b'\t'
            | b'\n'
            | b'\r'
            | b'"'
            | b'\''
            | b'`'
            | b'<'
            | b'>'
            | b'('
            | b')'
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'|'
            | b'^'
    )
}

fn is_left_delimiter(bytes: &[u8], i: usize) -> bool {
    is_delimiter_byte(bytes[i])
}

/// A backslash continues a URL only as a JSON escape that can occur inside one (`\/`, `\u0026`);
/// `\"`, `\n` and friends end it, and so do escaped quotes and angle brackets.
fn is_right_delimiter(bytes: &[u8], i: usize) -> bool {
    let b = bytes[i];
    if b == b'\\' {
        let rest = &bytes[i + 1..];
        if rest.first() == Some(&b'/') {
            return false;
        }
        if rest.first() == Some(&b'u') {
            let escaped_delimiter = ["u0022", "u0027", "u003c", "u003e", "u0020"]
                .iter()
                .any(|e| starts_with_ignore_case(rest, e));
            return escaped_delimiter;
        }
        return true;
    }
    is_delimiter_byte(b)
}

/// Where the URL begins inside its token: at the last scheme before the anchor (which also tells
/// how the URL is encoded), or at the token start for scheme-less URLs.
fn url_start(bytes: &[u8], token_start: usize, anchor: usize) -> (usize, Wrapping) {
    let window = &bytes[token_start..anchor];
    let mut best: Option<(usize, Wrapping)> = None;
    let mut consider = |pos: usize, wrapping: Wrapping| {
        if best.is_none_or(|(b, _)| pos > b) {
            best = Some((pos, wrapping));
        }
    };
    for (scheme, wrapping) in SCHEMES {
        if let Some(pos) = rfind_ignore_case(window, scheme) {
            consider(pos, wrapping);
        }
    }
    for scheme in DOUBLE_ENCODED_SCHEMES {
        if let Some(pos) = rfind_ignore_case(window, scheme) {
            consider(pos, Wrapping::PercentEncoded(2));
        }
    }
    match best {
        Some((pos, wrapping)) => (token_start + pos, wrapping),
        None => {
            let anchor_text = &bytes[anchor..];
            let wrapping = if starts_with_ignore_case(anchor_text, "%25") {
                Wrapping::PercentEncoded(2)
            } else if starts_with_ignore_case(anchor_text, "%") {
                Wrapping::PercentEncoded(1)
            } else {
                Wrapping::Plain
            };
            (token_start, wrapping)
        }
    }
}

/// Sentence punctuation and Markdown emphasis after a URL are not part of it. (Commas inside
/// a URL are kept: Azure's `spr=https,http` has one.)
fn trim_trailing_punctuation(bytes: &[u8], start: usize, mut end: usize) -> usize {
    while end > start
        && matches!(
            bytes[end - 1],
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b'*'
        )
    {
        if bytes[end - 1] == b';' && bytes[..end].ends_with(b"&amp;") {
            break;
        }
        end -= 1;
    }
    end
}

pub(crate) fn starts_with_ignore_case(haystack: &[u8], needle: &str) -> bool {
    haystack.len() >= needle.len()
        && haystack[..needle.len()].eq_ignore_ascii_case(needle.as_bytes())
}

fn rfind_ignore_case(haystack: &[u8], needle: &str) -> Option<usize> {
    let n = needle.len();
    if haystack.len() < n {
        return None;
    }
    (0..=haystack.len() - n)
        .rev()
        .find(|&i| haystack[i..i + n].eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        candidates(text)
            .into_iter()
            .map(|c| &text[c.span])
            .collect()
    }

    #[test]
    fn finds_url_in_quotes() {
        let text = r#"u = "https://b.s3.amazonaws.com/k?X-Amz-Signature=ab" # x"#;
        assert_eq!(
            spans(text),
            ["https://b.s3.amazonaws.com/k?X-Amz-Signature=ab"]
        );
    }

    #[test]
    fn finds_percent_encoded_url_inside_another_url() {
        let text = "see https://app/dl?next=https%3A%2F%2Fb%2Fk%3Fsig%3Dabc. Done";
        let found = candidates(text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].span.clone()],
            "https%3A%2F%2Fb%2Fk%3Fsig%3Dabc"
        );
        assert_eq!(found[0].wrapping, Wrapping::PercentEncoded(1));
    }

    #[test]
    fn json_escapes_continue_but_escaped_quotes_end() {
        let text = r#"{"u":"https:\/\/h\/k?a=1\u0026Signature=xyz\"}"#;
        assert_eq!(spans(text), [r"https:\/\/h\/k?a=1\u0026Signature=xyz"]);
    }

    #[test]
    fn ignores_names_without_equals_and_lookalikes() {
        assert!(spans("<input name=\"X-Amz-Signature\">").is_empty());
        assert!(spans("x?signal=1&design=2").is_empty());
    }
}
