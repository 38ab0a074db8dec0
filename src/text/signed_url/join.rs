//! One string written in pieces, read at the text level without parsing the host language:
//! literals joined by adjacency or an operator (Python and Ruby adjacent literals, `+` in
//! Python, JS/TS, Go, Java, Kotlin, C# and Ruby, PHP `.`, VB `&`, shell and Python `\` line
//! continuations between literals, substitution-free template literals), a literal continued on
//! the next line by a backslash (shell, Python, YAML double-quoted scalars), and a value folded
//! onto indented lines (YAML block scalars, multi-line plain and quoted scalars).
//!
//! Both the signed-URL finder (`extract`) and the redactor read pieces through
//! [`next_piece`], so what one joins the other hides. Every step is bounded: a piece is at most
//! `MAX_REACH` bytes, what stands between two pieces at most [`MAX_JOINER`], a chain at most
//! [`MAX_PIECES`] pieces.

use std::ops::Range;

/// The longest chain of pieces followed.
pub const MAX_PIECES: usize = 128;

/// The most bytes between two pieces: spaces, line breaks, one operator, a comment.
pub const MAX_JOINER: usize = 256;

/// A piece never extends further than this from where it starts.
const MAX_REACH: usize = 16 * 1024;

pub fn is_quote(b: u8) -> bool {
    matches!(b, b'"' | b'\'' | b'`')
}

/// Bytes that end a URL-shaped piece of text (and start one, going left).
pub fn is_delimiter_byte(b: u8) -> bool {
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

/// Whether the byte at `i` ends a URL-shaped piece. A backslash continues one only as a JSON
/// escape that can occur inside a URL (`\/`, `\u0026`); `\"`, `\n`, a backslash before a line
/// break and escaped quotes and angle brackets end it.
pub fn is_right_delimiter(bytes: &[u8], i: usize) -> bool {
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

/// Where a piece starting at `start` ends: the first right delimiter, at most `MAX_REACH` on.
pub fn right_end(bytes: &[u8], start: usize) -> usize {
    let ceiling = start.saturating_add(MAX_REACH).min(bytes.len());
    let mut end = start;
    while end < ceiling && !is_right_delimiter(bytes, end) {
        end += 1;
    }
    end
}

/// Where a piece ending at `end` starts: after the last delimiter, at most `MAX_REACH` back.
pub fn left_start(bytes: &[u8], end: usize) -> usize {
    let floor = end.saturating_sub(MAX_REACH);
    let mut start = end;
    while start > floor && !is_delimiter_byte(bytes[start - 1]) {
        start -= 1;
    }
    start
}

/// The offset after a line break at `i` (`\n` or `\r\n`), if one is there.
fn newline_at(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i)? {
        b'\n' => Some(i + 1),
        b'\r' if bytes.get(i + 1) == Some(&b'\n') => Some(i + 2),
        b'\r' => Some(i + 1),
        _ => None,
    }
}

fn skip_blanks(bytes: &[u8], mut i: usize) -> usize {
    let limit = i.saturating_add(MAX_JOINER).min(bytes.len());
    while i < limit && matches!(bytes[i], b' ' | b'\t') {
        i += 1;
    }
    i
}

/// A string prefix before an opening quote: Python `r`/`b`/`u`/`f` and their pairs, C# `@`
/// and `$`. Its length when `bytes[i..]` holds one followed by a quote.
fn prefix_then_quote(bytes: &[u8], i: usize) -> Option<usize> {
    let is_prefix = |b: u8| {
        matches!(
            b.to_ascii_lowercase(),
            b'r' | b'b' | b'u' | b'f' | b'@' | b'$'
        )
    };
    (1..=2).find(|&n| {
        bytes[i..].len() > n
            && bytes[i..i + n].iter().all(|&b| is_prefix(b))
            && is_quote(bytes[i + n])
    })
}

/// After a closing quote (`from` is the byte after it): the offset of the quote that opens the
/// next literal of the same string, if what stands between joins two literals: blanks and line
/// breaks, `\` line continuations, at most one operator (`+`, `.`, `&`) and comments (`#…`,
/// `//…`, `/*…*/`), followed by an opening quote (after an optional string prefix).
pub fn skip_joiner(bytes: &[u8], from: usize) -> Option<usize> {
    let limit = from.saturating_add(MAX_JOINER).min(bytes.len());
    let mut i = from;
    let mut operator = false;
    while i < limit {
        match bytes[i] {
            b' ' | b'\t' | b'\r' | b'\n' => i += 1,
            b'\\' => i = newline_at(bytes, i + 1)?,
            b'+' | b'.' | b'&' if !operator => {
                operator = true;
                i += 1;
            }
            b'#' => i = line_end(bytes, i, limit)?,
            b'/' if bytes.get(i + 1) == Some(&b'/') => i = line_end(bytes, i, limit)?,
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let close = bytes
                    .get(i + 2..limit)?
                    .windows(2)
                    .position(|w| w == b"*/")?;
                i += 2 + close + 2;
            }
            q if is_quote(q) => return Some(i),
            _ => return prefix_then_quote(bytes, i).map(|n| i + n),
        }
    }
    None
}

/// The line break ending a comment that starts at `i`, before `limit`.
fn line_end(bytes: &[u8], i: usize, limit: usize) -> Option<usize> {
    bytes[i..limit]
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map(|p| i + p)
}

fn starts_with_ignore_case(haystack: &[u8], needle: &str) -> bool {
    haystack.len() >= needle.len()
        && haystack[..needle.len()].eq_ignore_ascii_case(needle.as_bytes())
}

/// Whether text starts a URL of its own (`https://`, `http%3A%2F%2F`, …).
fn starts_url(bytes: &[u8]) -> bool {
    [
        "https:",
        "http:",
        "https%3a",
        "http%3a",
        "https%253a",
        "http%253a",
    ]
    .iter()
    .any(|s| starts_with_ignore_case(bytes, s))
}

/// The piece that continues a piece of text whose last byte is just before `end`, if the text
/// at `end` joins them:
///
/// - a closing quote, a joiner ([`skip_joiner`]) and an opening quote: the next literal, which
///   must end at its own closing quote (or continue with a `\` line continuation): a literal
///   with a substitution (`${…}`, `{…}`) is not text;
/// - a backslash before a line break (inside a literal): the next line, after its indentation;
/// - a line break, when the next line is indented: the next line's first word, if it runs to
///   the end of the line or to a quote (a folded YAML value, a literal that spans lines).
///
/// A piece that starts a URL of its own or a comment continues nothing.
pub fn next_piece(bytes: &[u8], end: usize) -> Option<Range<usize>> {
    let b = *bytes.get(end)?;
    let (start, quote) = if is_quote(b) {
        let open = skip_joiner(bytes, end + 1)?;
        (open + 1, Some(bytes[open]))
    } else if b == b'\\' {
        let after = newline_at(bytes, end + 1)?;
        (skip_blanks(bytes, after), None)
    } else {
        let after = newline_at(bytes, end)?;
        let start = skip_blanks(bytes, after);
        if start == after {
            return None;
        }
        (start, None)
    };
    let rest = &bytes[start.min(bytes.len())..];
    if starts_url(rest) || rest.first() == Some(&b'#') || rest.starts_with(b"//") {
        return None;
    }
    let stop = right_end(bytes, start);
    let ends_well = match bytes.get(stop) {
        None => quote.is_none(),
        Some(&q) if is_quote(q) => quote.is_none_or(|open| open == q),
        Some(b'\\') => newline_at(bytes, stop + 1).is_some(),
        Some(b'\n' | b'\r') => quote.is_none(),
        Some(_) => false,
    };
    (ends_well && (stop > start || quote.is_some())).then_some(start..stop)
}

/// The piece before the one starting at `start`, if `start` continues one (the inverse of
/// [`next_piece`], which the caller should confirm by walking forward): the literal before
/// this one's opening quote, or the end of the line above (ending with a `\`, or any line
/// when this one is indented).
pub fn previous_piece(bytes: &[u8], start: usize) -> Option<Range<usize>> {
    let before = start.checked_sub(1)?;
    if is_quote(bytes[before]) {
        let open = before;
        let mut from = open;
        while from > 0
            && open - from < 2
            && (bytes[from - 1].is_ascii_alphabetic() || matches!(bytes[from - 1], b'@' | b'$'))
        {
            from -= 1;
        }
        // The closing quote of the literal before: the nearest quotes whose joiner reaches
        // this one (a comment between them may hold quotes of its own).
        let floor = from.saturating_sub(MAX_JOINER);
        let mut tries = 0;
        let mut c = from;
        while c > floor && tries < 4 {
            c -= 1;
            if is_quote(bytes[c]) {
                tries += 1;
                if skip_joiner(bytes, c + 1) == Some(open) {
                    return Some(left_start(bytes, c)..c);
                }
            }
        }
        return None;
    }
    // At the start of a line, after its indentation?
    let mut line_start = start;
    while line_start > 0 && matches!(bytes[line_start - 1], b' ' | b'\t') {
        line_start -= 1;
    }
    let newline = line_start.checked_sub(1)?;
    if !matches!(bytes[newline], b'\n' | b'\r') {
        return None;
    }
    let mut end = newline;
    if bytes[end] == b'\n' && end > 0 && bytes[end - 1] == b'\r' {
        end -= 1;
    }
    if end > 0 && bytes[end - 1] == b'\\' {
        end -= 1;
    } else if line_start == start {
        return None;
    }
    if end == 0 || is_delimiter_byte(bytes[end - 1]) {
        return None;
    }
    Some(left_start(bytes, end)..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        let bytes = text.as_bytes();
        let first = text.find('"').map_or(0, |q| q + 1);
        let mut out = vec![&text[first..right_end(bytes, first)]];
        let mut end = right_end(bytes, first);
        while let Some(next) = next_piece(bytes, end) {
            out.push(&text[next.clone()]);
            end = next.end;
        }
        out
    }

    #[test]
    fn joins_literals_by_adjacency_operators_and_continuations() {
        assert_eq!(pieces("u = (\"a?b=1\"\n     \"&c=2\")"), ["a?b=1", "&c=2"]);
        assert_eq!(pieces("u = \"a?b=1\" +\n  \"&c=2\";"), ["a?b=1", "&c=2"]);
        assert_eq!(pieces("$u = \"a?b=1\" . '&c=2';"), ["a?b=1", "&c=2"]);
        assert_eq!(pieces("u = \"a?b=1\" \\\n  \"&c=2\""), ["a?b=1", "&c=2"]);
        assert_eq!(
            pieces("u = \"a?b=1\"  # first\n  f\"&c=2\""),
            ["a?b=1", "&c=2"]
        );
        assert_eq!(pieces("u=\"a?b=1\\\n&c=2\""), ["a?b=1", "&c=2"]);
        assert_eq!(
            pieces("u = \"a?b=1\" /* x */ + \"&c=2\""),
            ["a?b=1", "&c=2"]
        );
        assert_eq!(pieces("u = \"a?b=1\" /*"), ["a?b=1"]);
        assert_eq!(
            pieces("u: \"a?b=1\n  &c=2\n  &d=3\""),
            ["a?b=1", "&c=2", "&d=3"]
        );
    }

    #[test]
    fn stops_at_substitutions_urls_and_prose() {
        assert_eq!(pieces("u = \"a?b=1\" + `&c=${x}`"), ["a?b=1"]);
        assert_eq!(pieces("u = [\"a?b=1\", \"&c=2\"]"), ["a?b=1"]);
        assert_eq!(pieces("u = \"a?b=1\" \"https://other\""), ["a?b=1"]);
        assert_eq!(pieces("u = \"a?b=1\" + sig"), ["a?b=1"]);
        assert_eq!(pieces("u: \"a?b=1\nnext: 2"), ["a?b=1"]);
        assert_eq!(pieces("u: \"a?b=1\n  and more words"), ["a?b=1"]);
    }

    #[test]
    fn previous_piece_inverts_next_piece() {
        let text = "u = (\"https://h/k?a=1\"  # it's one\n     \"&sig=2\")";
        let second = text.find("&sig").unwrap_or(0);
        let previous = previous_piece(text.as_bytes(), second).map(|r| &text[r]);
        assert_eq!(previous, Some("https://h/k?a=1"));
        let yaml = "url: >-\n  https://h/k?a=1\n  &sig=2\n";
        let second = yaml.find("&sig").unwrap_or(0);
        let previous = previous_piece(yaml.as_bytes(), second).map(|r| &yaml[r]);
        assert_eq!(previous, Some("https://h/k?a=1"));
        assert_eq!(previous_piece(b"a\n&sig=2", 2), None);
    }
}
