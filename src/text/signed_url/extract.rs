//! Locates signed-URL candidates in raw text, in any quoting or encoding, without parsing the
//! host language: an anchor (a signature parameter after `?`/`&` in one of its encodings) is
//! found with one Aho-Corasick pass, then the surrounding URL token is delimited. A URL written
//! in pieces (adjacent or concatenated literals, continued lines, folded YAML values: see
//! [`super::join`]) is followed back from its anchor to the piece that holds its scheme, and
//! on to its last piece.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::join::{self, MAX_PIECES};

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
    pub wrapping: Wrapping,
    /// The text of each piece the URL is written in (one for a URL written whole), without
    /// the quotes, operators and line breaks between them.
    pub pieces: Vec<Range<usize>>,
    /// The piece that holds the signature parameter.
    pub anchor: usize,
}

/// At most this many shorter chains are tried when a whole chain is not a signed URL.
const MAX_VARIANTS: usize = 8;

impl Candidate {
    /// The chains of pieces to read as the URL, longest first: all of them, then chains cut
    /// after an earlier piece, never before the anchor's (a piece joined by mistake, such as
    /// the next line of a YAML block, must not hide the URL). The last piece of each is
    /// trimmed of sentence punctuation.
    pub fn variants<'a>(&'a self, bytes: &'a [u8]) -> impl Iterator<Item = Vec<Range<usize>>> + 'a {
        (self.anchor + 1..=self.pieces.len())
            .rev()
            .take(MAX_VARIANTS)
            .map(move |n| {
                let mut pieces = self.pieces[..n].to_vec();
                if let Some(last) = pieces.last_mut() {
                    last.end = trim_trailing_punctuation(bytes, last.start, last.end);
                }
                pieces
            })
    }
}

/// Signature-bearing parameter names. Everything that signs a URL names its signature with one
/// of these (`sig` is Azure SAS, `x-oss-signature` Aliyun OSS V2 and V4, `q-signature`
/// Tencent COS, also inside COS's encoded `sign=` parameter, and `token` Qiniu's
/// `AK:signature`).
const SIGNATURE_KEYS: [&str; 7] = [
    "X-Amz-Signature",
    "X-Goog-Signature",
    "Signature",
    "sig",
    "x-oss-signature",
    "q-signature",
    "token",
];

/// Query separators as they appear in raw, percent-encoded (once or twice), JSON-escaped and
/// HTML-escaped text.
const SEPARATORS: [&str; 12] = [
    "?", "&", "%3F", "%26", "%253F", "%2526", "\\u0026", "\\u003f", "&amp;", "&#38;", "&#038;",
    "&#x26;",
];

/// What may follow a parameter name.
const EQUALS: [&str; 7] = ["=", "%3D", "%253D", "\\u003d", "&#61;", "&#061;", "&#x3D;"];

/// A URL token never extends further than this from its anchor: bounds the work on minified
/// files with no delimiters.
const MAX_REACH: usize = 16 * 1024;

/// What may stand before a signature parameter that opens a piece of a split URL
/// (`"…&" "X-Amz-Signature=…"`, a folded line starting with it): such an anchor counts only
/// when the piece before ends with a separator.
const PIECE_OPENERS: [&str; 7] = ["\"", "'", "`", " ", "\t", "\n", "\r"];

static ANCHORS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let patterns: Vec<String> = SEPARATORS
        .iter()
        .chain(PIECE_OPENERS.iter())
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
    // Joining pieces reads at most a few times the text, however hostile it is.
    let mut budget = bytes.len().saturating_mul(4).saturating_add(64 * 1024);
    for m in ANCHORS.find_iter(bytes) {
        // Where the anchor's piece of text goes on: the separator, or the parameter name of
        // a piece that follows one.
        let opens_piece = join::is_delimiter_byte(bytes[m.start()]);
        let at = m.start() + usize::from(opens_piece);
        if at < covered_until {
            continue;
        }
        if !EQUALS
            .iter()
            .any(|eq| starts_with_ignore_case(&bytes[m.end()..], eq))
        {
            continue;
        }
        if opens_piece && !follows_separator(bytes, at) {
            continue;
        }
        let token = token_around(bytes, at);
        let own_scheme = scheme_in(bytes, token.start, at);
        // The anchor's token as the whole URL (how every URL written whole is read).
        let alone = || match own_scheme {
            Some((start, wrapping)) => (start..token.end, wrapping),
            None => (token.start..token.end, schemeless_wrapping(&bytes[at..])),
        };
        let (first, mut wrapping) = match own_scheme {
            Some(_) => alone(),
            None => {
                first_piece(bytes, token.start, covered_until, &mut budget).unwrap_or_else(alone)
            }
        };
        let mut pieces = vec![first];
        while pieces.len() < MAX_PIECES && budget > 0 {
            let end = pieces.last().map_or(0, |p| p.end);
            let Some(next) = join::next_piece(bytes, end) else {
                break;
            };
            budget = budget.saturating_sub(next.end - end);
            pieces.push(next);
        }
        let anchor = match pieces.iter().position(|p| p.start <= at && at < p.end) {
            Some(anchor) => anchor,
            // The pieces before did not lead here after all: the token alone.
            None => {
                let (piece, own_wrapping) = alone();
                pieces = vec![piece];
                wrapping = own_wrapping;
                0
            }
        };
        covered_until = pieces.last().map_or(token.end, |p| p.end);
        found.push(Candidate {
            wrapping,
            pieces,
            anchor,
        });
    }
    found
}

/// Whether the piece of text starting at `at` continues one that ends with a query separator
/// (`"…&X-Amz-SignedHeaders=host&"` then `"X-Amz-Signature=…"`).
fn follows_separator(bytes: &[u8], at: usize) -> bool {
    join::previous_piece(bytes, at).is_some_and(|p| {
        let piece = &bytes[p];
        SEPARATORS.iter().any(|sep| {
            piece.len() >= sep.len()
                && piece[piece.len() - sep.len()..].eq_ignore_ascii_case(sep.as_bytes())
        })
    })
}

/// The start of a URL whose anchor's token (starting at `token_start`) holds no scheme: walks
/// back over the pieces it continues to the one that holds the scheme, and returns that piece
/// from its scheme on. Never earlier than `floor` (the end of the previous candidate).
fn first_piece(
    bytes: &[u8],
    token_start: usize,
    floor: usize,
    budget: &mut usize,
) -> Option<(Range<usize>, Wrapping)> {
    let mut start = token_start;
    for _ in 1..MAX_PIECES {
        if *budget == 0 {
            return None;
        }
        let previous = join::previous_piece(bytes, start)?;
        *budget = budget.saturating_sub(start - previous.start + join::MAX_JOINER);
        if previous.start < floor {
            return None;
        }
        if let Some((at, wrapping)) = scheme_in(bytes, previous.start, previous.end) {
            return Some((at..previous.end, wrapping));
        }
        start = previous.start;
    }
    None
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

fn is_left_delimiter(bytes: &[u8], i: usize) -> bool {
    join::is_delimiter_byte(bytes[i])
}

fn is_right_delimiter(bytes: &[u8], i: usize) -> bool {
    join::is_right_delimiter(bytes, i)
}

/// Where the URL begins in `bytes[start..end]`: at the last scheme (which also tells how the
/// URL is encoded), if there is one.
fn scheme_in(bytes: &[u8], start: usize, end: usize) -> Option<(usize, Wrapping)> {
    let window = &bytes[start..end];
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
    best.map(|(pos, wrapping)| (start + pos, wrapping))
}

/// How a scheme-less URL is encoded, from how its anchor is.
fn schemeless_wrapping(anchor_text: &[u8]) -> Wrapping {
    if starts_with_ignore_case(anchor_text, "%25") {
        Wrapping::PercentEncoded(2)
    } else if starts_with_ignore_case(anchor_text, "%") {
        Wrapping::PercentEncoded(1)
    } else {
        Wrapping::Plain
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

    /// The text of each candidate's longest chain, from its first piece to its last.
    fn spans(text: &str) -> Vec<&str> {
        chains(text)
            .into_iter()
            .map(|pieces| {
                let start = pieces.first().map_or(0, |p| p.start);
                let end = pieces.last().map_or(0, |p| p.end);
                &text[start..end]
            })
            .collect()
    }

    fn chains(text: &str) -> Vec<Vec<Range<usize>>> {
        candidates(text)
            .iter()
            .filter_map(|c| c.variants(text.as_bytes()).next())
            .collect()
    }

    fn joined(text: &str) -> Vec<String> {
        chains(text)
            .into_iter()
            .map(|pieces| pieces.into_iter().map(|p| &text[p]).collect())
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
        assert_eq!(spans(text), ["https%3A%2F%2Fb%2Fk%3Fsig%3Dabc"]);
        assert_eq!(found[0].wrapping, Wrapping::PercentEncoded(1));
    }

    #[test]
    fn json_escapes_continue_but_escaped_quotes_end() {
        let text = r#"{"u":"https:\/\/h\/k?a=1\u0026Signature=xyz\"}"#;
        assert_eq!(spans(text), [r"https:\/\/h\/k?a=1\u0026Signature=xyz"]);
    }

    #[test]
    fn follows_a_url_split_across_literals_back_to_its_scheme() {
        let url = "https://b/k?a=1&X-Amz-Signature=ab";
        for text in [
            "u = (\"https://b/k?a=1\"\n     \"&X-Amz-Signature=ab\")",
            "u = \"https://b/k?a=1\" +\n  \"&X-Amz-Signature=ab\";",
            "$u = 'https://b/k?a=1' .\n  '&X-Amz-Signature=ab';",
            "u = \"https://b/k\" \\\n  \"?a=1&\" \"X-Amz-Signature=ab\"",
            "const u = `https://b/k?a=1` + `&X-Amz-Signature=ab`;",
            "curl \"https://b/k?a=1\\\n&X-Amz-Signature=ab\"",
            "url: >-\n  https://b/k?a=1\n  &X-Amz-Signature=ab\n",
        ] {
            assert_eq!(joined(text), [url], "{text}");
        }
        let found = candidates("x = \"https://b/k\" \"?a=1&\" \"X-Amz-Signature=ab\" \"&c=d\"");
        assert_eq!((found[0].pieces.len(), found[0].anchor), (4, 2));
        // A parameter name after a quote or a blank, with no separator before: not an anchor.
        assert!(candidates("f(\"X-Amz-Signature=ab\")").is_empty());
        assert!(candidates("x = \"https://b/k?a=1\" \"X-Amz-Signature=ab\"").is_empty());
    }

    #[test]
    fn a_substitution_ends_the_chain() {
        let text = "u = f\"https://{b}/k?a=1\" f\"&X-Amz-Signature={sig}\"";
        assert_eq!(joined(text), ["&X-Amz-Signature="]);
        let text = "u = `https://b/k?a=1` + `&X-Amz-Signature=${sig}`";
        assert_eq!(joined(text), ["&X-Amz-Signature=$"]);
    }

    #[test]
    fn hostile_pieces_stay_bounded() {
        let text = "\"&sig=a\" ".repeat(20_000);
        let found = candidates(&text);
        assert!(found.iter().all(|c| c.pieces.len() <= MAX_PIECES));
    }

    #[test]
    fn ignores_names_without_equals_and_lookalikes() {
        assert!(spans("<input name=\"X-Amz-Signature\">").is_empty());
        assert!(spans("x?signal=1&design=2").is_empty());
    }
}
