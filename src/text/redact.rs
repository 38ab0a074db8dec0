//! Never print a secret. Every piece of source text that reaches an output (snippets,
//! messages, explain) goes through [`redact`], which replaces signature values, session tokens
//! and secret keys with a marker and shortens access key ids to their first and last four
//! characters.
//!
//! Bounds and rules (issue 16): names and values written with escapes (`%XX`, `\xXX`,
//! `\uXXXX`, `&#xXX;`, `&#NN;`) are decoded before deciding what to mask, two levels deep
//! (`%2567` is `g`); a URL's userinfo password is masked when its `@` comes within 256 bytes
//! of the `://`; a secret key cut into string literals is joined back over at most 8 of them;
//! in text holding a SigV4/GCS V4 URL, a query value of 64 (or 256 and more) hex characters is
//! masked whatever its name; a finding's `details` are redacted like its message. [`printable`] escapes
//! every control character but tab (and U+2028/U+2029) in what text formats and stderr show.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::text::signed_url::join;

pub const MARKER: &str = "[REDACTED]";

/// Names whose values are secrets wherever they appear as `name=value` (URL parameters,
/// headers, env files) or `name: value` / `"name": "value"`.
const SECRET_NAMES: [&str; 21] = [
    "x-amz-signature",
    "x-goog-signature",
    "x-oss-signature",
    "q-signature",
    "signature",
    "sig",
    "x-amz-security-token",
    "x-oss-security-token",
    "x-cos-security-token",
    "x-obs-security-token",
    "security-token",
    "aws_session_token",
    "aws_secret_access_key",
    "secretaccesskey",
    "secret_access_key",
    "secret-access-key",
    "sessiontoken",
    "session_token",
    "aws_secret_key",
    "secretkey",
    "secret_key",
];

/// What may stand between a secret's name and its value.
const ASSIGNMENTS: [&str; 14] = [
    "=", "%3d", "%253d", "\\u003d", "&#61;", "\": \"", "\":\"", ": ", ":", " = ", " =", "' => ",
    "\" => ", " => ",
];

/// Names whose value is a secret only in the shape `signer:signature`, where the part after
/// the `:` is masked: Qiniu's `token=<access key>:<signature>`. Any other `token` value is
/// left alone (the name is too common to mask on its own).
const SIGNER_SIGNATURE_NAMES: [&str; 1] = ["token"];

static SECRET_MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(
            SECRET_NAMES
                .iter()
                .chain(SIGNER_SIGNATURE_NAMES.iter())
                .chain(["AKIA", "ASIA"].iter()),
        )
        .expect("static secret patterns are valid")
});

/// Text with secrets replaced, and how offsets moved so spans can follow.
pub struct Redacted {
    pub text: String,
    /// (original range, replacement range) pairs, in order.
    edits: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)>,
}

impl Redacted {
    /// Maps an offset of the original text to the redacted text. Offsets inside a replaced
    /// secret snap to the start of the marker (`end = false`) or its end (`end = true`).
    pub fn map(&self, offset: usize, end: bool) -> usize {
        let mut shift: isize = 0;
        for (orig, new) in &self.edits {
            if offset < orig.start || (end && offset == orig.start) {
                break;
            }
            if offset < orig.end || (!end && offset == orig.end && orig.is_empty()) {
                return if end { new.end } else { new.start };
            }
            shift = new.end as isize - orig.end as isize;
        }
        (offset as isize + shift).max(0) as usize
    }
}

/// Replaces every secret in `text` with [`MARKER`] (key ids keep their first and last four
/// characters).
pub fn redact(text: &str) -> Redacted {
    redact_with(text, false, true)
}

/// Like [`redact`], but only secrets named as such (a signature parameter, a secret key
/// assignment) and key ids: for file paths, where a long run of directory names has the shape
/// of a session token (`go/s3/GeneratePresignedURLSpecificPayload/…`) and must stay readable.
pub fn redact_named(text: &str) -> String {
    redact_with(text, false, false).text
}

/// Like [`redact`], but each secret character becomes `*`, so character columns after it do
/// not move (used for the text before a snippet's annotation).
pub fn mask(text: &str) -> String {
    redact_with(text, true, true).text
}

/// Where [`redact`] finds secrets in `text` (signature and token values, secret keys, key
/// ids), in order of position; they may overlap.
pub fn secret_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    plan(text, false, true)
        .into_iter()
        .map(|(r, _)| r)
        .collect()
}

/// `text` with every printable ASCII byte in `ranges` replaced by `*`: the same length, lines
/// and columns, so offsets into the original still hold. Used for the pieces of a signed URL
/// split across literals or lines, which no line shows to be part of a signature.
pub fn mask_ranges(text: &str, ranges: &[std::ops::Range<usize>]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let len = bytes.len();
    for range in ranges {
        for b in &mut bytes[range.start.min(len)..range.end.min(len)] {
            if b.is_ascii_graphic() {
                *b = b'*';
            }
        }
    }
    // Only ASCII bytes were replaced by ASCII, so the text is still UTF-8.
    String::from_utf8_lossy(&bytes).into_owned()
}

/// `text` with every control character but tab written as an escape (`\n`, `\r`, `\x1b`,
/// `\u{85}`), so that nothing printed for people can start a line of its own in a CI log
/// (`::add-mask::`, `::stop-commands::`), move the cursor or recolour the terminal. Text
/// formats and stderr use it; JSON and SARIF are escaped by serde.
pub fn printable(text: &str) -> String {
    if !text.chars().any(needs_escape) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_printable(&mut out, c);
    }
    out
}

fn needs_escape(c: char) -> bool {
    // Control characters, and the line and paragraph separators some terminals and log
    // viewers break lines at.
    (c.is_control() && c != '\t') || matches!(c, '\u{2028}' | '\u{2029}')
}

fn push_printable(out: &mut String, c: char) {
    use std::fmt::Write;
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        c if needs_escape(c) && (c as u32) < 0x80 => {
            let _ = write!(out, "\\x{:02x}", c as u32);
        }
        c if needs_escape(c) => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
        c => out.push(c),
    }
}

/// [`printable`], keeping a range of the text pointing at the same characters.
pub fn printable_range(
    text: &str,
    range: std::ops::Range<usize>,
) -> (String, std::ops::Range<usize>) {
    let start = range.start.min(text.len());
    let end = range.end.clamp(start, text.len());
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return (printable(text), range);
    }
    let before = printable(&text[..start]);
    let inside = printable(&text[start..end]);
    let new_start = before.len();
    let new_end = new_start + inside.len();
    (
        before + &inside + &printable(&text[end..]),
        new_start..new_end,
    )
}

/// What a one-line message for people says on stderr: redacted ([`redact`]), then
/// [`printable`] (a line break in it becomes `\n`).
pub fn for_log(text: &str) -> String {
    printable(&redact(text).text)
}

fn redact_with(text: &str, keep_width: bool, by_shape: bool) -> Redacted {
    let mut planned = plan(text, keep_width, by_shape);
    planned.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));

    let mut out = String::with_capacity(text.len());
    let mut edits = Vec::new();
    let mut copied = 0;
    for (range, shown) in planned {
        if range.start < copied {
            continue;
        }
        let replacement = if !shown.is_empty() {
            shown
        } else if keep_width {
            "*".repeat(text[range.clone()].chars().count())
        } else {
            MARKER.to_string()
        };
        push_edit(&mut out, &mut edits, text, &mut copied, range, &replacement);
    }
    out.push_str(&text[copied..]);
    Redacted { text: out, edits }
}

/// The replacements [`redact_with`] makes: secret ranges, with what to show instead (empty:
/// the marker, or stars when keeping the width).
fn plan(text: &str, keep_width: bool, by_shape: bool) -> Vec<(std::ops::Range<usize>, String)> {
    let mut planned = plan_plain(text, keep_width, by_shape);
    // Names and values written with escapes (`si%67=`, `X-Amz-Signatur%65=`,
    // `Signatur\u0065=`, `Signature&#x3D;`, a key with `\x2f` in it): planned again on the
    // text with those escapes decoded, each range mapped back to the original text.
    // Twice, for an escape escaped again (`si%2567=`); a third level is not decoded.
    let mut level: Option<(String, Vec<usize>)> = None;
    for _ in 0..2 {
        let current = level.as_ref().map_or(text, |(t, _)| t.as_str());
        let Some((decoded, origin)) = decode_escapes(current) else {
            break;
        };
        // Offsets into the text as given.
        let origin: Vec<usize> = match &level {
            Some((_, before)) => origin.into_iter().map(|o| before[o]).collect(),
            None => origin,
        };
        for (range, shown) in plan_plain(&decoded, keep_width, by_shape) {
            let start = origin[range.start];
            let end = origin[range.end];
            if start < end && text.is_char_boundary(start) && text.is_char_boundary(end) {
                planned.push((start..end, shown));
            }
        }
        level = Some((decoded, origin));
    }
    planned
}

/// `text` with the escapes that may spell a parameter name, an `=` or a key character
/// decoded: `%XX`, `\xXX`, `\uXXXX` and `&#xXX;`/`&#NN;` standing for an ASCII letter, digit,
/// `-`, `_`, `=`, `+`, `/` or `%` (an escape escaped again). With, for each byte of the decoded text (and its end), the
/// offset in `text` it came from. None when there is nothing to decode.
fn decode_escapes(text: &str) -> Option<(String, Vec<usize>)> {
    let bytes = text.as_bytes();
    if !bytes.iter().any(|b| matches!(b, b'%' | b'\\' | b'&')) {
        return None;
    }
    let hex = |digits: &[u8]| -> Option<u32> {
        let s = std::str::from_utf8(digits).ok()?;
        u32::from_str_radix(s, 16).ok()
    };
    let mut out = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    let mut changed = false;
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        let escape = match rest[0] {
            b'%' if rest.len() >= 3 => hex(&rest[1..3]).map(|c| (c, 3)),
            b'\\' if rest.len() >= 4 && rest[1] == b'x' => hex(&rest[2..4]).map(|c| (c, 4)),
            b'\\' if rest.len() >= 6 && rest[1] == b'u' => hex(&rest[2..6]).map(|c| (c, 6)),
            b'&' if rest.len() >= 4 && rest[1] == b'#' => {
                let hex_form = matches!(rest[2], b'x' | b'X');
                let digits_start = if hex_form { 3 } else { 2 };
                let len = rest[digits_start..].iter().take(6).position(|b| *b == b';');
                len.filter(|l| *l > 0).and_then(|l| {
                    let digits = &rest[digits_start..digits_start + l];
                    let value = if hex_form {
                        hex(digits)
                    } else {
                        std::str::from_utf8(digits).ok()?.parse().ok()
                    };
                    value.map(|c| (c, digits_start + l + 1))
                })
            }
            _ => None,
        };
        match escape.and_then(|(c, len)| char::from_u32(c).map(|c| (c, len))) {
            Some((c, len))
                if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '=' | '+' | '/' | '%') =>
            {
                out.push(c);
                origin.push(i);
                i += len;
                changed = true;
            }
            _ => {
                // Copy one character whole (the text stays UTF-8).
                let len = text[i..].chars().next().map_or(1, char::len_utf8);
                out.push_str(&text[i..i + len]);
                origin.extend(i..i + len);
                i += len;
            }
        }
    }
    origin.push(bytes.len());
    changed.then_some((out, origin))
}

fn plan_plain(
    text: &str,
    keep_width: bool,
    by_shape: bool,
) -> Vec<(std::ops::Range<usize>, String)> {
    let bytes = text.as_bytes();
    // Planned replacements, from the names and key ids first, then from shapes; applied in
    // order of position, an overlapping one dropped.
    let mut planned: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut claimed = 0;
    for m in SECRET_MATCHER.find_iter(bytes) {
        if m.start() < claimed || !at_word_start(bytes, m.start()) {
            continue;
        }
        let value_start = if m.end() - m.start() == 4
            && matches!(&bytes[m.start()..m.end()], b"AKIA" | b"ASIA")
        {
            // An access key id: keep its first and last four characters.
            let id_end = m.start() + 20;
            let is_key_id = id_end <= bytes.len()
                && bytes[m.end()..id_end]
                    .iter()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                && bytes.get(id_end).is_none_or(|b| !is_word_byte(*b));
            if !is_key_id {
                continue;
            }
            let id = &text[m.start()..id_end];
            let shown = if keep_width {
                format!("{}{}{}", &id[..4], "*".repeat(12), &id[16..])
            } else {
                redact_key_id(id)
            };
            planned.push((m.start()..id_end, shown));
            claimed = id_end;
            continue;
        } else {
            let Some(assign) = ASSIGNMENTS.iter().find(|a| {
                bytes[m.end()..].len() >= a.len()
                    && bytes[m.end()..m.end() + a.len()].eq_ignore_ascii_case(a.as_bytes())
            }) else {
                continue;
            };
            let mut start = m.end() + assign.len();
            // `: "value"` and `= 'value'` forms: the quote is not part of the secret. Unless
            // it closes a literal the value goes on after (`Signature=" + "3f1c…"`).
            let joined = bytes.get(start).is_some_and(|&b| join::is_quote(b))
                && join::next_piece(bytes, start).is_some();
            while !joined && start < bytes.len() && matches!(bytes[start], b'"' | b'\'' | b' ') {
                start += 1;
            }
            start
        };
        let name = &bytes[m.start()..m.end()];
        if SIGNER_SIGNATURE_NAMES
            .iter()
            .any(|n| n.as_bytes().eq_ignore_ascii_case(name))
        {
            if let Some(signature) = signer_signature(bytes, value_start) {
                claimed = signature.end;
                planned.push((signature, String::new()));
            }
            continue;
        }
        // Already redacted (a message that quotes redacted text is redacted again).
        if starts_ci(&bytes[value_start..], MARKER.as_bytes()) {
            claimed = value_start + MARKER.len();
            continue;
        }
        let pieces = value_pieces(bytes, value_start);
        // Short values are names and flags (`sig=1`, `signature: true`), not secrets.
        if pieces.iter().map(|p| p.len()).sum::<usize>() < 8 {
            continue;
        }
        claimed = pieces.last().map_or(value_start, |p| p.end);
        planned.extend(
            pieces
                .into_iter()
                .filter(|p| !p.is_empty())
                .map(|p| (p, String::new())),
        );
    }
    // The password of a URL's userinfo (`https://user:password@host/`), whatever its length.
    planned.extend(
        text.match_indices("://")
            .filter_map(|(at, _)| userinfo_password(bytes, at + 3))
            .map(|r| (r, String::new())),
    );
    if by_shape {
        planned.extend(shaped_secrets(bytes).map(|r| (r, String::new())));
        planned.extend(joined_shaped_secrets(bytes).map(|r| (r, String::new())));
        planned.extend(signature_shaped_values(bytes).map(|r| (r, String::new())));
        planned.extend(pem_bodies(text).map(|r| (r, String::new())));
    }
    planned
}

/// A secret value starting at `start`, in the pieces it is written in: one, unless its
/// literal or line ends in the middle of it and the next literal or line goes on with it
/// (`"…&X-Amz-Signature=3f1c" + "9a7b…"`, a folded YAML value). See
/// [`crate::text::signed_url::join::next_piece`].
fn value_pieces(bytes: &[u8], start: usize) -> Vec<std::ops::Range<usize>> {
    let mut end = value_end(bytes, start);
    let mut pieces = Vec::with_capacity(1);
    pieces.push(start..end);
    while pieces.len() < join::MAX_PIECES
        && matches!(
            bytes.get(end),
            Some(b'"' | b'\'' | b'`' | b'\\' | b'\n' | b'\r')
        )
    {
        let Some(next) = join::next_piece(bytes, end) else {
            break;
        };
        let stop = value_end(bytes, next.start).min(next.end);
        // The next piece starts another parameter (`&X-Amz-Date=…`): the value ended.
        if stop == next.start && next.end > next.start {
            break;
        }
        pieces.push(next.start..stop);
        if stop < next.end {
            break;
        }
        end = stop;
    }
    pieces
}

/// The signature of a `signer:signature` value starting at `start` (Qiniu's
/// `token=<access key>:<signature>`, the `:` also written `%3A`): both sides at least 16
/// characters of URL-safe base64. None for a value of any other shape.
fn signer_signature(bytes: &[u8], start: usize) -> Option<std::ops::Range<usize>> {
    const MIN: usize = 16;
    let end = value_end(bytes, start);
    let value = &bytes[start..end];
    let url_safe = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'=' | b'%');
    let colon = value
        .iter()
        .position(|b| *b == b':')
        .map(|at| (at, 1))
        .or_else(|| {
            value
                .windows(3)
                .position(|w| w.eq_ignore_ascii_case(b"%3a"))
                .map(|at| (at, 3))
        })?;
    let (signer, signature) = (&value[..colon.0], &value[colon.0 + colon.1..]);
    let shaped = |part: &[u8]| part.len() >= MIN && part.iter().all(url_safe);
    (shaped(signer) && shaped(signature)).then(|| start + colon.0 + colon.1..end)
}

/// Where the password is in an authority starting at `start` (`user:password@host`): after
/// the first `:` of the userinfo, up to its `@`. None without an `@` before the host ends, or
/// when the password is empty or already redacted.
fn userinfo_password(bytes: &[u8], start: usize) -> Option<std::ops::Range<usize>> {
    // A userinfo is short; past this many bytes the `@` belongs to something else.
    const MAX_USERINFO: usize = 256;
    let rest = &bytes[start.min(bytes.len())..];
    let at = rest.iter().take(MAX_USERINFO).position(|b| {
        matches!(
            b,
            b'@' | b'/'
                | b'?'
                | b'#'
                | b'"'
                | b'\''
                | b'`'
                | b' '
                | b'\t'
                | b'\r'
                | b'\n'
                | b'<'
                | b'>'
        )
    })?;
    if rest[at] != b'@' {
        return None;
    }
    let colon = rest[..at].iter().position(|b| *b == b':')?;
    let password = start + colon + 1..start + at;
    (!password.is_empty() && &bytes[password.clone()] != MARKER.as_bytes()).then_some(password)
}

/// A finding's `details` as reports print them: every string redacted like a message
/// ([`redact`]), and a `host` holding a userinfo (`user:password@host`) with its password
/// replaced.
pub fn redact_details(
    details: serde_json::Map<String, serde_json::Value>,
) -> serde_json::Map<String, serde_json::Value> {
    details
        .into_iter()
        .map(|(key, value)| {
            let value = redact_json(value);
            let value = match value {
                serde_json::Value::String(host) if key == "host" => {
                    let text = match userinfo_password(host.as_bytes(), 0) {
                        Some(r) => format!("{}{MARKER}{}", &host[..r.start], &host[r.end..]),
                        None => host,
                    };
                    serde_json::Value::String(text)
                }
                other => other,
            };
            (key, value)
        })
        .collect()
}

fn redact_json(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::String(text) => Value::String(redact(&text).text),
        Value::Array(items) => Value::Array(items.into_iter().map(redact_json).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (redact(&k).text, redact_json(v)))
                .collect(),
        ),
        other => other,
    }
}

/// Secrets recognised by shape wherever they are, with no name before them: runs of the
/// base64 alphabet exactly 40 long (AWS secret access keys, passed by position) or 64 and
/// longer (session tokens, PEM body lines) that mix upper case, lower case and digits (hex
/// digests and words do not).
fn shaped_secrets(bytes: &[u8]) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let in_run = |b: u8| b.is_ascii_alphanumeric() || b == b'+' || b == b'/';
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            if !in_run(bytes[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && in_run(bytes[i]) {
                i += 1;
            }
            let run = &bytes[start..i];
            let glued = |b: Option<&u8>| b.is_some_and(|b| matches!(b, b'_' | b'-' | b'%'));
            let shaped = secret_shaped(run.len(), |class| run.iter().any(class))
                && !glued(start.checked_sub(1).and_then(|p| bytes.get(p)))
                && !glued(bytes.get(i));
            if shaped {
                return Some(start..i);
            }
        }
        None
    })
}

/// Whether a run of the base64 alphabet has a secret's shape (see [`shaped_secrets`]).
fn secret_shaped(len: usize, has: impl Fn(fn(&u8) -> bool) -> bool) -> bool {
    (len == 40 || len >= 64)
        && has(u8::is_ascii_uppercase)
        && has(u8::is_ascii_lowercase)
        && has(|b| b.is_ascii_digit() || *b == b'+' || *b == b'/')
}

/// Secrets of that shape written in pieces: string literals that each hold nothing but a run
/// of the base64 alphabet, joined by `+`, `.` or adjacency ([`join::next_piece`]), whose
/// runs together are a secret's shape (a secret key cut in two, `"wJalrXUtnFEMI/K7MD" +
/// "ENG/bPxRfiCYEXAMPLEKEY"`). At most [`MAX_SHAPED_PIECES`] pieces are followed.
fn joined_shaped_secrets(bytes: &[u8]) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let in_run = |b: u8| b.is_ascii_alphanumeric() || b == b'+' || b == b'/';
    let run_end = move |from: usize| {
        let mut end = from;
        while end < bytes.len() && in_run(bytes[end]) {
            end += 1;
        }
        end
    };
    let mut i = 0;
    let mut found: Vec<std::ops::Range<usize>> = Vec::new();
    std::iter::from_fn(move || {
        loop {
            if let Some(r) = found.pop() {
                return Some(r);
            }
            // The next literal that starts with a run and ends with it.
            while i < bytes.len()
                && !(join::is_quote(bytes[i]) && bytes.get(i + 1).is_some_and(|b| in_run(*b)))
            {
                i += 1;
            }
            if i >= bytes.len() {
                return None;
            }
            let start = i + 1;
            let end = run_end(start);
            i = end;
            if !bytes.get(end).is_some_and(|b| join::is_quote(*b)) {
                continue;
            }
            let mut pieces: Vec<std::ops::Range<usize>> = Vec::with_capacity(2);
            pieces.push(start..end);
            let mut at = end;
            while pieces.len() < MAX_SHAPED_PIECES {
                let Some(next) = join::next_piece(bytes, at) else {
                    break;
                };
                let stop = run_end(next.start);
                if stop == next.start || !bytes.get(stop).is_some_and(|b| join::is_quote(*b)) {
                    break;
                }
                pieces.push(next.start..stop);
                at = stop;
            }
            if pieces.len() < 2 {
                continue;
            }
            let len: usize = pieces.iter().map(|p| p.len()).sum();
            let has =
                |class: fn(&u8) -> bool| pieces.iter().any(|p| bytes[p.clone()].iter().any(class));
            if secret_shaped(len, has) {
                i = at;
                found = pieces;
            }
        }
    })
}

/// A second line of defence behind the names: in text that holds a SigV4 or GCS V4 signed URL
/// (`X-Amz-`/`X-Goog-` parameters), the value of any query parameter that has a signature's
/// shape, hex of 64 characters (HMAC-SHA256) or of 256 and more (RSA), whatever its name is
/// spelled as; digests (`…sha256=`, `…hash=`, `…digest=`) excepted.
fn signature_shaped_values(bytes: &[u8]) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let signed = [b"x-amz-".as_slice(), b"x-goog-".as_slice()]
        .iter()
        .any(|needle| {
            bytes
                .windows(needle.len())
                .any(|w| w.eq_ignore_ascii_case(needle))
        });
    let mut i = 0;
    std::iter::from_fn(move || {
        if !signed {
            return None;
        }
        while i < bytes.len() {
            let eq = i;
            i += 1;
            if bytes[eq] != b'=' {
                continue;
            }
            // `[?&;]name=`: the name back to its separator.
            let name_start = bytes[..eq]
                .iter()
                .rposition(|b| {
                    !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'%' | b'\\'))
                })
                .map_or(0, |p| p + 1);
            if name_start == 0 || !matches!(bytes[name_start - 1], b'?' | b'&' | b';') {
                continue;
            }
            let name = bytes[name_start..eq].to_ascii_lowercase();
            let digest = [b"sha".as_slice(), b"hash", b"digest", b"md5", b"etag"]
                .iter()
                .any(|d| name.windows(d.len()).any(|w| w == *d));
            let end = value_end(bytes, eq + 1);
            let value = &bytes[eq + 1..end];
            let hex = value.iter().all(u8::is_ascii_hexdigit);
            if !digest && hex && (value.len() == 64 || value.len() >= 256) {
                i = end;
                return Some(eq + 1..end);
            }
        }
        None
    })
}

/// The most literals [`joined_shaped_secrets`] joins into one secret.
const MAX_SHAPED_PIECES: usize = 8;

/// The body of a PEM private key on the same line as its `PRIVATE KEY-----` marker (a key
/// written as one string with `\n` escapes), up to `-----END` or the end of the line.
fn pem_bodies(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    const MARK: &str = "PRIVATE KEY-----";
    text.match_indices(MARK).filter_map(|(at, _)| {
        let start = at + MARK.len();
        let rest = &text[start..];
        let line_end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let end = rest[..line_end].find("-----END").unwrap_or(line_end);
        (end >= 8).then_some(start..start + end)
    })
}

fn push_edit(
    out: &mut String,
    edits: &mut Vec<(std::ops::Range<usize>, std::ops::Range<usize>)>,
    text: &str,
    copied: &mut usize,
    range: std::ops::Range<usize>,
    replacement: &str,
) {
    out.push_str(&text[*copied..range.start]);
    let new_start = out.len();
    out.push_str(replacement);
    edits.push((range.clone(), new_start..out.len()));
    *copied = range.end;
}

/// Whether a name starts a word: after a non-word byte, or after an encoded separator such as
/// `%3F`, `%26` or `\u0026` (whose last character is alphanumeric).
fn at_word_start(bytes: &[u8], at: usize) -> bool {
    if at == 0 || !is_word_byte(bytes[at - 1]) {
        return true;
    }
    let before = &bytes[..at];
    [
        "%3f", "%26", "%253f", "%2526", "\\u0026", "\\u003f", "%3d", "%253d", "\\u003d", "%2f",
        "%252f", "\\u002f",
    ]
    .iter()
    .any(|sep| {
        before.len() >= sep.len()
            && before[before.len() - sep.len()..].eq_ignore_ascii_case(sep.as_bytes())
    })
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// Where a secret value ends: at the next parameter separator, quote, space or bracket, in
/// any of the encodings a URL may carry.
fn value_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < bytes.len() {
        let rest = &bytes[i..];
        let stop = match bytes[i] {
            b'&' | b'"' | b'\'' | b'`' | b' ' | b'\t' | b'\r' | b'\n' | b'<' | b'>' | b','
            | b';' | b')' | b']' | b'}' | b'#' => true,
            b'\\' => {
                rest.get(1) != Some(&b'/')
                    && !(rest.get(1) == Some(&b'u')
                        && !starts_ci(rest, b"\\u0026")
                        && !starts_ci(rest, b"\\u0022"))
            }
            b'%' => starts_ci(rest, b"%26") || starts_ci(rest, b"%2526"),
            _ => false,
        };
        if stop {
            break;
        }
        i += 1;
    }
    i
}

fn starts_ci(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.len() >= needle.len() && haystack[..needle.len()].eq_ignore_ascii_case(needle)
}

/// `AKIAZ7Q3M4XN2L5P8R6T` → `AKIA…8R6T`; anything too short to show safely → the marker.
pub fn redact_key_id(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    if chars.len() <= 12 {
        return MARKER.to_string();
    }
    let head: String = chars[..4].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}…{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIG: &str = "3f1c9a7be2d84f06a5c1e9b7d2f08a6c4e1b3d5f7a9c0e2b4d6f8a1c3e5b7d9f";

    #[test]
    fn redacts_signatures_in_every_encoding() {
        for wrapped in [
            format!(
                "u = \"https://b/k?X-Amz-Credential=AKIAZ7Q3M4XN2L5P8R6T%2Fx&X-Amz-Signature={SIG}\""
            ),
            format!("https%3A%2F%2Fb%2Fk%3FX-Amz-Signature%3D{SIG}%26a%3D1"),
            format!(r"https:\/\/b\/k?a=1\u0026X-Amz-Signature={SIG}\u0026b=2"),
            format!("<a href=\"https://b/k?a=1&amp;sig={SIG}&amp;b=2\">"),
            format!("Authorization: AWS4-HMAC-SHA256 Credential=x, Signature={SIG}"),
        ] {
            let r = redact(&wrapped);
            assert!(!r.text.contains(SIG), "{}", r.text);
            assert!(!r.text.contains("AKIAZ7Q3M4XN2L5P8R6T"), "{}", r.text);
            assert!(r.text.contains(MARKER), "{}", r.text);
        }
    }

    /// The signatures and session tokens of other clouds' signed URLs (Aliyun OSS, Tencent
    /// COS, Huawei OBS, Qiniu), written whole, encoded, and as COS's one `sign` parameter.
    #[test]
    fn redacts_other_clouds_signatures() {
        let b64 = "kX9/2mQ+Lp4zR7vN1bT8wY3cF6g=";
        let sha1 = &SIG[..40];
        let token = "CAIS8gF1q6Ft5B2yfSjIr5bkJt3wjL1";
        let qiniu_key = "vsHiQMaRiNTN9Ox98whGcTZc1UWb5fxzpF7STG7n";
        let qiniu_sig = "FEXIBvWMfPISffqJT5KW_PM8CEA=";
        for (text, secret) in [
            (
                format!(
                    "https://b.oss-cn-hangzhou.aliyuncs.com/k?OSSAccessKeyId=LTAI5tNqVwYS81VP7Hb1DX8p&Expires=1700000000&Signature={b64}"
                ),
                b64,
            ),
            (
                format!(
                    "https://b.oss-cn-hangzhou.aliyuncs.com/k?OSSAccessKeyId=STS.NUxq&Expires=1700000000&security-token={token}&Signature=x"
                ),
                token,
            ),
            (
                format!(
                    "https://b.oss-cn-hangzhou.aliyuncs.com/k?x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-signature={SIG}&x-oss-date=20240115T101500Z"
                ),
                SIG,
            ),
            (
                format!(
                    "https://b.oss-cn-hangzhou.aliyuncs.com/k?x-oss-security-token={token}&x-oss-signature=x"
                ),
                token,
            ),
            (
                format!(
                    "https://b-125.cos.ap-guangzhou.myqcloud.com/k?q-sign-algorithm=sha1&q-signature={sha1}"
                ),
                sha1,
            ),
            (
                format!(
                    "https://b-125.cos.ap-guangzhou.myqcloud.com/k?sign=q-sign-algorithm%3Dsha1%26q-signature%3D{sha1}&x=1"
                ),
                sha1,
            ),
            (
                format!(
                    "https://b-125.cos.ap-guangzhou.myqcloud.com/k?q-signature=x&x-cos-security-token={token}"
                ),
                token,
            ),
            (
                format!(
                    "https://b.obs.cn-north-4.myhuaweicloud.com/k?AccessKeyId=IIAANNKKSUM8NLMYTBX0&Expires=1700003600&Signature={b64}&x-obs-security-token={token}"
                ),
                b64,
            ),
            (
                format!(
                    "https://b.obs.cn-north-4.myhuaweicloud.com/k?Signature=x&x-obs-security-token={token}"
                ),
                token,
            ),
            (
                format!("https://dl.acme.cn/v.mp4?e=1700003600&token={qiniu_key}:{qiniu_sig}"),
                qiniu_sig,
            ),
            (
                format!(
                    "https://dl.acme.cn/v.mp4?e=1700003600&token={qiniu_key}%3A{qiniu_sig}&x=1"
                ),
                qiniu_sig,
            ),
        ] {
            for shown in [redact(&text).text, mask(&text)] {
                assert!(!shown.contains(&secret[..16]), "{shown}");
            }
        }
        // A `token` of any other shape is not a signature.
        for text in [
            "https://h/k?e=1&token=abc",
            "https://h/k?token=0123456789abcdef0123",
            "headers = {\"token\": \"Bearer\"}",
        ] {
            assert_eq!(redact(text).text, text);
        }
    }

    #[test]
    fn printable_escapes_control_characters_and_keeps_ranges() {
        assert_eq!(printable("a.py"), "a.py");
        assert_eq!(printable("a\tb"), "a\tb");
        assert_eq!(
            printable("x\n::add-mask::y\r\u{1b}[2J\u{85}"),
            "x\\n::add-mask::y\\r\\x1b[2J\\u{85}"
        );
        let (text, range) = printable_range("a\nsig\x07z", 2..5);
        assert_eq!(text, "a\\nsig\\x07z");
        assert_eq!(&text[range], "sig");
    }

    /// Issue 16, item 10: a name spelled with escapes is still the name.
    #[test]
    fn encoded_names_and_escaped_key_characters_are_redacted() {
        let key = "wJalrXUtnFEMIbK7MDENGbPxRfiCYzEXAMPLEKEY";
        for text in [
            format!("https://b/k?a=1&X-Amz-Signatur%65={SIG}"),
            format!("https://b/k?a=1&si%67={SIG}"),
            format!("https://b/k?a=1&si%2567={SIG}"),
            format!(r"https:\/\/b\/k?a=1\u0026Signatur\u0065={SIG}"),
            format!("https://b/k?a=1&amp;X-Amz-Signature&#x3D;{SIG}"),
            format!("https://b/k?a=1&amp;X-Amz-Signature&#61;{SIG}"),
            "https%3A%2F%2Fb%2Fk%3FX-Amz-Credential%3DAKIAZ7Q3M4XN2L5P8R6T%252F2024".to_string(),
            r"u = 'https:\/\/b\/k?X-Amz-Credential\u003dAKIAZ7Q3M4XN2L5P8R6T%2F2024'".to_string(),
            format!(r"key = '{}\x2f{}'", &key[..16], &key[17..]),
            format!("key = \"{}\" + \"{}\"", &key[..16], &key[16..]),
            format!("https://b/k?X-Amz-Credential=x&X-Amz-S%C3%AFgnature={SIG}&a=1"),
            format!("https://b/k?X-Amz-Credential=x&amp;X-Amz-Sig_nature={SIG}"),
            format!("key = ('{}'\n       '{}')", &key[..20], &key[20..]),
        ] {
            let shown = redact(&text).text;
            assert!(!shown.contains(&SIG[..12]), "{shown}");
            assert!(!shown.contains("AKIAZ7Q3M4XN2L5P8R6T"), "{shown}");
            assert!(!shown.contains(&key[..10]), "{shown}");
            assert!(!shown.contains(&key[17..27]), "{shown}");
            assert_eq!(mask(&text).chars().count(), text.chars().count());
        }
    }

    /// Issue 16, item 9: a URL's userinfo password, and details quoting a signed URL.
    #[test]
    fn userinfo_passwords_and_details_are_redacted() {
        let shown = redact("u = 'http://admin:hunter2@b.example.com/k'").text;
        assert_eq!(shown, "u = 'http://admin:[REDACTED]@b.example.com/k'");
        // An e-mail address in a path is not a password.
        assert_eq!(
            redact("https://b.example.com/u/a:b/c@d").text,
            "https://b.example.com/u/a:b/c@d"
        );
        let details = serde_json::json!({
            "host": "admin:hunter2@b.example.com",
            "object": format!("foo?X-Amz-Credential=AKIAZ7Q3M4XN2L5P8R6T%2F2024&X-Amz-Signature={SIG}"),
            "expires": 3600,
        });
        let serde_json::Value::Object(map) = details else {
            panic!("object");
        };
        let shown = serde_json::Value::Object(redact_details(map)).to_string();
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(!shown.contains(&SIG[..12]), "{shown}");
        assert!(!shown.contains("AKIAZ7Q3M4XN2L5P8R6T"), "{shown}");
        assert!(shown.contains("3600"), "{shown}");
    }

    #[test]
    fn redacting_twice_changes_nothing() {
        let once = redact(&format!(
            "X-Amz-Signature={SIG}&X-Amz-Credential=AKIAZ7Q3M4XN2L5P8R6T"
        ));
        assert_eq!(redact(&once.text).text, once.text);
    }

    #[test]
    fn maps_offsets_across_edits() {
        let text = format!("a sig={SIG} b");
        let r = redact(&text);
        assert_eq!(r.text, "a sig=[REDACTED] b");
        assert_eq!(r.map(0, false), 0);
        assert_eq!(r.map(text.len(), true), r.text.len());
        assert_eq!(r.map(text.len() - 1, false), r.text.len() - 1);
        assert_eq!(r.map(8, false), 6);
    }

    #[test]
    fn masking_keeps_width() {
        let text = format!("k=AKIAZ7Q3M4XN2L5P8R6T&sig={SIG}&x=1");
        let masked = mask(&text);
        assert_eq!(masked.chars().count(), text.chars().count());
        assert!(!masked.contains(SIG) && !masked.contains("Z7Q3M4XN2L5P"));
        assert!(masked.starts_with("k=AKIA************8R6T&sig=****"));
    }

    #[test]
    fn leaves_ordinary_text_alone() {
        let text = "signature: true, sig=1, design=abcdefghijkl";
        assert_eq!(redact(text).text, text);
        assert_eq!(redact_key_id("AKIAZ7Q3M4XN2L5P8R6T"), "AKIA…8R6T");
    }

    const SECRET_KEY: &str = "K6uEcnl8OF32f5rVGyuTahg1XSmv7HxvIPtRkAiI";

    #[test]
    fn redacts_secret_keys_by_name_and_by_shape() {
        for line in [
            format!("AWS_SECRET_ACCESS_KEY = \"{SECRET_KEY}\""),
            format!("aws_secret_access_key = {SECRET_KEY}"),
            format!("'secret' => '{SECRET_KEY}',"),
            format!("new BasicAWSCredentials(\"AKIAH2KVJ72CEUVW75EF\", \"{SECRET_KEY}\");"),
            format!("Credentials::new(ak, \"{SECRET_KEY}\", None, None, \"static\")"),
            format!("secretAccessKey: {SECRET_KEY}"),
        ] {
            let r = redact(&line);
            assert!(!r.text.contains(SECRET_KEY), "{}", r.text);
            assert!(r.text.contains(MARKER), "{}", r.text);
            let m = mask(&line);
            assert!(!m.contains(SECRET_KEY), "{m}");
            assert_eq!(m.chars().count(), line.chars().count());
        }
    }

    #[test]
    fn redacts_tokens_and_one_line_pem_bodies() {
        let token = format!("FwoGZXIvYXdzE{}", "Kq7+bN3/xR9mT2vL".repeat(5));
        let r = redact(&format!("Credentials(a, b, \"{token}\")"));
        assert!(!r.text.contains(&token), "{}", r.text);
        let body = "MIIEowIBAAKCAQEAx7Qm\\nb3Vz9Lk2Pq";
        let pem = format!(
            "k = \"-----BEGIN RSA PRIVATE KEY-----\\n{body}\\n-----END RSA PRIVATE KEY-----\""
        );
        let r = redact(&pem);
        assert!(!r.text.contains("MIIEowIBAAKCAQEAx7Qm"), "{}", r.text);
        assert!(
            r.text
                .contains("BEGIN RSA PRIVATE KEY-----[REDACTED]-----END")
        );
    }

    #[test]
    fn follows_a_secret_into_the_next_literal_or_line() {
        let (head, tail) = SIG.split_at(7);
        for text in [
            format!("u = (\"https://b/k?X-Amz-Signature={head}\"  # cut\n     \"{tail}\")"),
            format!("u = \"https://b/k?X-Amz-Signature=\" + \"{SIG}\" + \"&a=1\""),
            format!("$u = 'https://b/k?X-Amz-Signature={head}' . '{tail}&a=1';"),
            format!("u=\"https://b/k?X-Amz-Signature={head}\\\n{tail}\""),
            format!("url: >-\n  https://b/k?X-Amz-Signature={head}\n  {tail}\n"),
        ] {
            let r = redact(&text);
            assert!(
                !r.text.contains(head) && !r.text.contains(tail),
                "{}",
                r.text
            );
            let m = mask(&text);
            assert!(!m.contains(head) && !m.contains(tail), "{m}");
            assert_eq!(m.chars().count(), text.chars().count());
        }
        // The next literal starting another parameter, or a substitution, is not the value.
        let text = format!("u = \"https://b/k?X-Amz-Signature={SIG}\" \"&X-Amz-Date=20240115\"");
        assert!(redact(&text).text.contains("X-Amz-Date=20240115"));
        let text = "u = \"?X-Amz-Signature=\" + sig + \"&X-Amz-Date=20240115T101500Z\"";
        assert_eq!(redact(text).text, text);
    }

    #[test]
    fn masks_ranges_in_place() {
        let text = "a \"3f1c9a7b\" é \"e2d84f\"";
        let masked = mask_ranges(text, &[3..11, 17..23, 40..50]);
        assert_eq!(masked, "a \"********\" é \"******\"");
    }

    #[test]
    fn leaves_digests_and_words_alone() {
        for text in [
            "commit 3f1c9a7be2d84f06a5c1e9b7d2f08a6c4e1b3d5f",
            "path = \"/usr/share/doc/presign-lint/examples/readme.txt\"",
            "THIS_IS_A_VERY_LONG_CONSTANT_NAME_FOR_TESTS_ONLY",
        ] {
            assert_eq!(redact(text).text, text);
        }
    }
}
