//! Configuration read for presign facts: keys that name a presign or signed-URL expiry
//! (`.env`, YAML, JSON, TOML, INI/properties, HCL), credential keys, and PEM private key
//! blocks. YAML, JSON and TOML documents are read by their parsers where they parse, every
//! other format (and what does not parse) line by line.

use std::ops::Range;

use crate::facts::{ConfigCredential, ConfigExpiry, CredentialPart, PrivateKeyBlock};
use crate::text::words::Words;

/// Whether a key names the expiry of presigned/signed URLs (and not an OAuth token, JWT,
/// cookie or cache TTL, which share the words), or is the name of a framework setting that
/// sets it (`AWS_QUERYSTRING_EXPIRE`, `GS_EXPIRATION`: `catalog/settings.toml`).
pub fn is_presign_expiry_key(key: &str) -> bool {
    if crate::semantic::catalog::config_setting(key).is_some() {
        return true;
    }
    let k: String = key
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    let about_signed_urls = k.contains("presign")
        || k.contains("signedurl")
        || k.contains("signurl")
        || k.contains("sasexpir")
        || k.contains("sasttl")
        || k.contains("urlsignature");
    about_signed_urls && names_time(&k)
}

/// Whether a key names a time: an expiry, a TTL, a lifetime, a validity, a duration, a max age.
fn names_time(key: &str) -> bool {
    let k: String = key
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    [
        "expir", "ttl", "lifetime", "validity", "duration", "maxage", "validfor",
    ]
    .iter()
    .any(|w| k.contains(w))
}

/// The presign expiry keys of a configuration file, read as its format defines them where the
/// project has its parser: a YAML, JSON or TOML document by its key paths (`aws.s3.presign.expiration`
/// under nested maps; a block scalar is a value, whose lines are read as `KEY=value` lines
/// only as the text of an embedded script), otherwise, and when the document does not parse,
/// line by line ([`config_expiries`]).
pub fn config_expiries_in(kind: crate::frontend::FileKind, text: &str) -> Vec<ConfigExpiry> {
    use crate::frontend::ConfigFormat;
    use crate::frontend::iac::tree;
    // A nested key about signed URLs holds one of these words; a file without them has only
    // flat framework settings (`AWS_QUERYSTRING_EXPIRE`), which the line reader finds.
    static NESTED_WORDS: std::sync::LazyLock<Words> = std::sync::LazyLock::new(|| {
        Words::new(&[
            "presign",
            "signed",
            "signurl",
            "sign_url",
            "sign-url",
            "sas",
            "urlsignature",
        ])
    });
    let nested_words = || text.len() <= MAX_TREE_BYTES && NESTED_WORDS.is_match(text.as_bytes());
    let documents = match kind.config {
        Some(ConfigFormat::Json) if nested_words() => tree::parse_json(text, 0).map(|d| vec![d]),
        Some(ConfigFormat::Yaml) if nested_words() => tree::parse_yaml(text),
        Some(ConfigFormat::Toml) if nested_words() => tree::parse_toml(text).map(|d| vec![d]),
        _ => None,
    };
    let Some(documents) = documents else {
        return config_expiries(text);
    };
    let mut found = Vec::new();
    let mut path = Vec::new();
    for document in &documents {
        tree_expiries(document, text, &mut path, &mut found);
    }
    found.sort_by_key(|e| e.value_span.start);
    found
}

/// Configuration documents larger than this are read line by line: configuration is small,
/// and a large YAML or JSON file (a recorded HTTP cassette, a data dump) is data.
const MAX_TREE_BYTES: usize = 1 << 20;

/// Walks a document for presign expiry keys: each map entry whose key (or key path) names one
/// and whose value is a scalar; a multi-line string's text is read line by line.
fn tree_expiries<'t>(
    node: &'t crate::frontend::iac::tree::Node,
    text: &str,
    path: &mut Vec<&'t str>,
    found: &mut Vec<ConfigExpiry>,
) {
    use crate::frontend::iac::tree::{Kind, MAX_DEPTH};
    if path.len() > MAX_DEPTH {
        return;
    }
    match &node.kind {
        Kind::Map(entries) => {
            for (key, value) in entries {
                path.push(&key.name);
                if let Kind::Scalar(scalar) = &value.kind
                    && !scalar.contains('\n')
                    && let Some(key) = expiry_key(path)
                {
                    let span = value_span(text, value.span.clone(), scalar);
                    found.push(ConfigExpiry {
                        key,
                        value: scalar.trim().to_string(),
                        value_span: span,
                    });
                } else {
                    tree_expiries(value, text, path, found);
                }
                path.pop();
            }
        }
        Kind::List(items) => items
            .iter()
            .for_each(|item| tree_expiries(item, text, path, found)),
        // An embedded script or env list (`run: |`, `- PRESIGN_TTL=604800`): its own lines.
        Kind::Scalar(_) => {
            if let Some(raw) = text.get(node.span.clone()) {
                for mut e in config_expiries(raw) {
                    e.value_span =
                        e.value_span.start + node.span.start..e.value_span.end + node.span.start;
                    found.push(e);
                }
            }
        }
        Kind::Template(_) | Kind::Unknown => {}
    }
}

/// The name a key path is reported by, when it names a presign expiry: its last key alone
/// when that names one (`presign_expiry`, `AWS_QUERYSTRING_EXPIRE`), else the dotted path
/// when the path is about signed URLs and the last key about time (`presign.expiration`).
fn expiry_key(path: &[&str]) -> Option<String> {
    let last = *path.last()?;
    if is_presign_expiry_key(last) {
        return Some(last.to_string());
    }
    let dotted = path.join(".");
    (path.len() > 1 && is_presign_expiry_key(&dotted) && names_time(last)).then_some(dotted)
}

/// A scalar value's span in the text, without its quotes: parsers' spans of a YAML scalar
/// may run on to the next token, so the value is found where the span starts.
fn value_span(text: &str, span: Range<usize>, scalar: &str) -> Range<usize> {
    let Some(raw) = text.get(span.start..) else {
        return span;
    };
    match raw.chars().next() {
        Some(quote @ ('"' | '\'')) => match raw[1..].find(quote) {
            Some(close) => span.start + 1..span.start + 1 + close,
            None => span,
        },
        _ if !scalar.is_empty() && raw.starts_with(scalar) => span.start..span.start + scalar.len(),
        _ => span,
    }
}

/// Presign expiry keys read line by line: `KEY=value`, `key: value`, `key = value`, with
/// the `[section]` of an INI or TOML file as the key's path (`[presign]` then
/// `expires_in = 604800` is `presign.expires_in`).
pub fn config_expiries(text: &str) -> Vec<ConfigExpiry> {
    let mut found = Vec::new();
    let mut offset = 0;
    let mut section: Option<&str> = None;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim_start();
        if trimmed.starts_with('#') || trimmed.starts_with("//") || trimmed.starts_with(';') {
            continue;
        }
        if let Some(name) = section_header(trimmed) {
            section = Some(name);
            continue;
        }
        let Some(sep) = trimmed.find([':', '=']) else {
            continue;
        };
        let key = trimmed[..sep]
            .trim()
            .trim_start_matches("export ")
            .trim_matches(['"', '\'', ' ']);
        if key.is_empty() || key.contains(' ') {
            continue;
        }
        let key = if is_presign_expiry_key(key) {
            key.to_string()
        } else {
            match section.map(|s| format!("{s}.{key}")) {
                Some(path) if names_time(key) && is_presign_expiry_key(&path) => path,
                _ => continue,
            }
        };
        let indent = body.len() - trimmed.len();
        let raw = &trimmed[sep + 1..];
        let raw_trimmed = raw.trim_start();
        let value_start = start + indent + sep + 1 + (raw.len() - raw_trimmed.len());
        // Value up to a comment (`#`, `//`, INI's `;`) or a trailing comma, quotes removed.
        let value_end_rel = [" #", " //", " ;"]
            .iter()
            .filter_map(|c| raw_trimmed.find(c))
            .min()
            .unwrap_or(raw_trimmed.len());
        let value = raw_trimmed[..value_end_rel]
            .trim_end()
            .trim_end_matches(',');
        let unquoted = value.trim_matches(['"', '\'']);
        let quote = value.len() - value.trim_start_matches(['"', '\'']).len();
        // An object or list (a template's parameter declaration) is no value.
        if unquoted.is_empty() || value.starts_with(['{', '[']) {
            continue;
        }
        found.push(ConfigExpiry {
            key,
            value: unquoted.to_string(),
            value_span: value_start + quote..value_start + quote + unquoted.len(),
        });
    }
    found
}

/// The name of an INI or TOML section header line (`[presign]`, `[aws.s3.presign]`,
/// `[[buckets]]`), quotes removed.
fn section_header(line: &str) -> Option<&str> {
    let line = line.split(" #").next().unwrap_or(line).trim_end();
    let name = line.strip_prefix('[')?.strip_suffix(']')?;
    let name = name
        .strip_prefix('[')
        .and_then(|n| n.strip_suffix(']'))
        .unwrap_or(name)
        .trim();
    (!name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '"' | ' ')))
    .then(|| name.trim_matches('"'))
}

/// Words of a key that holds a session token (each is also a prefilter word).
pub const TOKEN_KEY_WORDS: [&str; 6] = [
    "session_token",
    "sessiontoken",
    "session-token",
    "security_token",
    "securitytoken",
    "security-token",
];

/// The credential part a key or variable name holds: `AWS_ACCESS_KEY_ID`, `aws_secret_access_key`,
/// `secretAccessKey`, `cloud.aws.credentials.secret-key`, `S3_SECRET_KEY`, `AWS_SESSION_TOKEN`.
/// Values are checked for shape by the lint, so a broad name costs no precision; a secret
/// name must mention `secret` (a prefilter word).
pub fn credential_part(key: &str) -> Option<CredentialPart> {
    let lower = key.to_ascii_lowercase();
    if TOKEN_KEY_WORDS.iter().any(|w| lower.contains(w)) {
        return Some(CredentialPart::Token);
    }
    let k: String = lower
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    if k.contains("secret") {
        let aws = k.contains("aws") || k.contains("s3") || k.contains("amazon");
        return (k.contains("secretaccesskey") || (k.contains("key") && aws))
            .then_some(CredentialPart::Secret);
    }
    if k.contains("accesskey") || (k.contains("keyid") && k.contains("aws")) {
        return Some(CredentialPart::KeyId);
    }
    None
}

/// A name that holds a secret only when an access key id sits beside it: `secret-key` under
/// `access-key` in nested YAML, `SECRET_KEY` next to `ACCESS_KEY` (alone it is as likely a web
/// framework's signing secret).
pub fn is_paired_secret_name(key: &str) -> bool {
    let k: String = key
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    k.ends_with("secretkey") || k == "secret"
}

/// Credential entries of a config-like file, line by line: `KEY=value` (`.env`, shell,
/// `export`, several on one line), `key = value` (INI, TOML, properties), `key: value` (YAML,
/// JSON), YAML list items (`- KEY=value`), Dockerfile `ENV KEY=value` / `ENV KEY value`, and
/// `aws configure set key value`. Values are unquoted; their shape is judged by the lint.
pub fn config_credentials(text: &str) -> Vec<ConfigCredential> {
    let mut found = Vec::new();
    for (line, start, section) in KeyLines::new(text) {
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let body = text[start..end].trim_end_matches('\r');
        let trimmed = body.trim_start();
        if is_section_header(trimmed) {
            continue; // counted by `KeyLines` when it reaches the next key line
        }
        let at = Position {
            base: start + body.len() - trimmed.len(),
            line,
            section,
        };
        push_credentials(trimmed, at, &mut found);
    }
    found
}

/// Where a trimmed line stands: its byte offset, 0-based line and INI section.
#[derive(Clone, Copy)]
struct Position {
    base: usize,
    line: usize,
    section: usize,
}

fn is_section_header(trimmed: &str) -> bool {
    trimmed.starts_with('[') && trimmed.ends_with(']')
}

/// The credential entries of one trimmed line that is not a section header.
fn push_credentials(trimmed: &str, at: Position, found: &mut Vec<ConfigCredential>) {
    if trimmed.starts_with('#') || trimmed.starts_with("//") || trimmed.starts_with(';') {
        return;
    }
    for (key, value) in line_pairs(trimmed) {
        let key_text = trimmed[key].trim_matches(['"', '\'']);
        let paired_only = credential_part(key_text).is_none() && is_paired_secret_name(key_text);
        let Some(part) =
            credential_part(key_text).or(paired_only.then_some(CredentialPart::Secret))
        else {
            continue;
        };
        if value.is_empty() {
            continue;
        }
        found.push(ConfigCredential {
            key: key_text.to_string(),
            part,
            value: trimmed[value.clone()].to_string(),
            value_span: at.base + value.start..at.base + value.end,
            paired_only,
            line: at.line,
            section: at.section,
        });
    }
}

/// Words one of which every credential key holds ([`credential_part`],
/// [`is_paired_secret_name`]), with the [`TOKEN_KEY_WORDS`]: a line without any cannot hold an
/// entry, so only lines with one are split into pairs. Config files are mostly other keys, and
/// this keeps them cheap (`session` alone would admit every session setting).
const KEY_LINE_WORDS: [&str; 3] = ["secret", "access", "aws"];

/// The lines of a text that hold a [`KEY_LINE_WORDS`] or [`TOKEN_KEY_WORDS`] word, each once, as `(0-based line,
/// byte offset of its start, INI section number)`. Line and section numbers are counted over
/// the skipped text with SIMD searches, so they match a line-by-line reading.
struct KeyLines<'t> {
    text: &'t str,
    starts: std::vec::IntoIter<usize>,
    /// Where counting stopped: a line start at or before the next line to return.
    counted_to: usize,
    line: usize,
    section: usize,
}

impl<'t> KeyLines<'t> {
    fn new(text: &'t str) -> KeyLines<'t> {
        static WORDS: std::sync::LazyLock<Words> = std::sync::LazyLock::new(|| {
            Words::new(&[&KEY_LINE_WORDS[..], &TOKEN_KEY_WORDS].concat())
        });
        KeyLines {
            text,
            starts: WORDS.line_starts(text).into_iter(),
            counted_to: 0,
            line: 0,
            section: 0,
        }
    }

    /// Counts lines and INI section headers (`[name]` alone on a line) in `counted_to..to`,
    /// where `to` is a line start.
    fn count_until(&mut self, to: usize) {
        let gap = &self.text.as_bytes()[self.counted_to..to];
        self.line += memchr::memchr_iter(b'\n', gap).count();
        let bytes = self.text.as_bytes();
        for open in memchr::memchr_iter(b'[', gap) {
            let at = self.counted_to + open;
            // At the start of its line, after whitespace only (as `trim_start` reads it):
            // walked back over the whitespace alone, so a long minified line full of `[`
            // costs no more than one pass.
            let before = self.text[..at]
                .chars()
                .rev()
                .find(|&c| c == '\n' || !c.is_whitespace());
            if !matches!(before, None | Some('\n')) {
                continue;
            }
            let line_end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
            if self.text[at..line_end]
                .trim_end_matches('\r')
                .ends_with(']')
            {
                self.section += 1;
            }
        }
        self.counted_to = to;
    }
}

impl Iterator for KeyLines<'_> {
    type Item = (usize, usize, usize);

    fn next(&mut self) -> Option<Self::Item> {
        let start = self.starts.next()?;
        self.count_until(start);
        Some((self.line, start, self.section))
    }
}

/// `(key, value)` ranges of one trimmed line.
fn line_pairs(t: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let is_key_byte = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-');
    let bytes = t.as_bytes();
    let mut pairs = Vec::new();
    // Dockerfile legacy form and `aws configure set`: key and value separated by blanks.
    let words: Vec<(usize, &str)> = t
        .split_ascii_whitespace()
        .map(|w| (w.as_ptr() as usize - t.as_ptr() as usize, w))
        .collect();
    let configure_set = words
        .windows(4)
        .find(|w| w[0].1 == "configure" && w[1].1 == "set")
        .map(|w| (w[2].0, w[2].1.len(), w[3].0, w[3].1.len()));
    let spaced = match words.as_slice() {
        [(_, "ENV" | "ARG"), (k, key), (v, value), ..] if !key.contains('=') => {
            Some((*k, key.len(), *v, value.len()))
        }
        _ => configure_set,
    };
    if let Some((k, kl, v, vl)) = spaced {
        let (vs, ve) = unquote(t, v, v + vl);
        pairs.push((k..k + kl, vs..ve));
        return pairs;
    }
    let first_sep = t.find([':', '=']);
    if let Some(sep) = first_sep.filter(|&s| bytes[s] == b':') {
        // `key: value`, `"key": "value",`, `- key: value`.
        let key = t[..sep].trim().trim_start_matches("- ").trim();
        let key_start = t[..sep].find(key).unwrap_or(0);
        let (vs, ve) = value_range(t, sep + 1);
        pairs.push((key_start..key_start + key.len(), vs..ve));
        return pairs;
    }
    // `KEY=value`, possibly several, possibly `key = value`.
    let mut i = 0;
    while let Some(rel) = t[i..].find('=') {
        let eq = i + rel;
        let mut key_end = eq;
        while key_end > 0 && bytes[key_end - 1] == b' ' {
            key_end -= 1;
        }
        let mut key_start = key_end;
        while key_start > 0 && (is_key_byte(bytes[key_start - 1]) || bytes[key_start - 1] == b'"') {
            key_start -= 1;
        }
        let (vs, ve) = value_range(t, eq + 1);
        if key_start < key_end && (key_start == 0 || bytes[key_start - 1].is_ascii_whitespace()) {
            pairs.push((key_start..key_end, vs..ve));
        }
        i = ve.max(eq + 1);
        if i >= t.len() {
            break;
        }
    }
    pairs
}

/// The value after a separator: quoted, or up to a blank, `,`, `;` or `#`.
fn value_range(t: &str, from: usize) -> (usize, usize) {
    let rest = &t[from..];
    let start = from + (rest.len() - rest.trim_start().len());
    let end = t[start..]
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '#'))
        .map_or(t.len(), |e| start + e);
    match t.as_bytes().get(start) {
        Some(b'"' | b'\'') => {
            let quote = t.as_bytes()[start];
            let close = t[start + 1..]
                .bytes()
                .position(|b| b == quote)
                .map_or(t.len(), |p| start + 1 + p);
            (start + 1, close)
        }
        _ => unquote(t, start, end),
    }
}

fn unquote(t: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &t[start..end];
    let inner = s.trim_matches(['"', '\'']);
    let lead = s.len() - s.trim_start_matches(['"', '\'']).len();
    (start + lead, start + lead + inner.len())
}

pub const PEM_BODY_LIMIT: usize = 8192;

pub fn private_keys(text: &str) -> Vec<PrivateKeyBlock> {
    let mut found = Vec::new();
    for at in memchr::memmem::find_iter(text.as_bytes(), b"-----BEGIN ") {
        let label_start = at + "-----BEGIN ".len();
        let Some(label_len) = text[label_start..]
            .get(..80.min(text.len() - label_start))
            .and_then(|window| window.find("-----"))
        else {
            continue;
        };
        let label = &text[label_start..label_start + label_len];
        if !label.ends_with("PRIVATE KEY") {
            continue;
        }
        let body_start = label_start + label_len + "-----".len();
        let window_end =
            floor_char_boundary(text, (body_start + 4 * PEM_BODY_LIMIT).min(text.len()));
        let window = &text[body_start..window_end];
        let body_end = window.find("-----END").unwrap_or(window.len());
        let raw = window[..body_end].replace("\\n", " ").replace("\\r", " ");
        let body: String = raw
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '='))
            .take(PEM_BODY_LIMIT)
            .collect();
        // Placeholders: `...`, `<key>`, `${KEY}` in the body.
        if raw.contains("...") || raw.contains('…') || raw.contains(['<', '$', '{']) {
            continue;
        }
        found.push(PrivateKeyBlock {
            span: at..body_start,
            label: label.to_string(),
            body,
        });
    }
    found
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_headers_of_ini_and_toml_but_not_yaml_lists() {
        assert_eq!(section_header("[presign]"), Some("presign"));
        assert_eq!(
            section_header("[aws.s3.presign]  # urls"),
            Some("aws.s3.presign")
        );
        assert_eq!(section_header("[[signed_urls]]"), Some("signed_urls"));
        assert_eq!(section_header("[\"presign\"]"), Some("presign"));
        for not in ["[a, b]", "[ ]", "[]", "- [x]", "[x] = 1", "key: [1]"] {
            assert_eq!(section_header(not), None, "{not}");
        }
    }

    #[test]
    fn a_key_path_names_an_expiry_when_its_last_key_names_a_time() {
        assert_eq!(expiry_key(&["presign_ttl"]).as_deref(), Some("presign_ttl"));
        assert_eq!(
            expiry_key(&["aws", "s3", "presign", "expiration"]).as_deref(),
            Some("aws.s3.presign.expiration")
        );
        assert_eq!(expiry_key(&["presign", "bucket"]), None);
        assert_eq!(expiry_key(&["cache", "ttl"]), None);
        assert_eq!(expiry_key(&["jwt", "expiration"]), None);
    }

    #[test]
    fn keys_about_signed_url_expiry_only() {
        for yes in [
            "PRESIGNED_URL_EXPIRY",
            "presign_ttl",
            "signedUrlExpiresIn",
            "S3_PRESIGN_EXPIRES_IN",
            "signed-url-ttl-seconds",
            // django-storages settings, read from the environment by settings modules.
            "AWS_QUERYSTRING_EXPIRE",
            "GS_EXPIRATION",
            "AZURE_URL_EXPIRATION_SECS",
        ] {
            assert!(is_presign_expiry_key(yes), "{yes}");
        }
        for no in [
            "expires_in",
            "JWT_EXPIRES_IN",
            "cookie_max_age",
            "CACHE_TTL",
            "presign_bucket",
            "session_ttl",
            // Not the setting's name.
            "CACHE_AWS_QUERYSTRING_EXPIRE_NOTE",
            "AWS_QUERYSTRING_AUTH",
            "service_urls_expire_in",
        ] {
            assert!(!is_presign_expiry_key(no), "{no}");
        }
    }

    #[test]
    fn reads_config_lines() {
        let text = "PRESIGN_EXPIRY=604800\n  presign_ttl: \"7d\"  # a week\n\"signedUrlExpiresIn\": 3600,\n# PRESIGN_TTL=1\n";
        let found = config_expiries(text);
        let values: Vec<&str> = found.iter().map(|f| f.value.as_str()).collect();
        assert_eq!(values, ["604800", "7d", "3600"]);
        assert_eq!(&text[found[1].value_span.clone()], "7d");
    }

    /// The line-by-line reading `config_credentials` skips ahead of: every line split into
    /// pairs, sections counted as met.
    fn config_credentials_every_line(text: &str) -> Vec<ConfigCredential> {
        let mut found = Vec::new();
        let (mut offset, mut section) = (0, 0);
        for (line, text) in text.split_inclusive('\n').enumerate() {
            let start = offset;
            offset += text.len();
            let body = text.trim_end_matches(['\n', '\r']);
            let trimmed = body.trim_start();
            if is_section_header(trimmed) {
                section += 1;
                continue;
            }
            let base = start + body.len() - trimmed.len();
            push_credentials(
                trimmed,
                Position {
                    base,
                    line,
                    section,
                },
                &mut found,
            );
        }
        found
    }

    fn summary(found: &[ConfigCredential]) -> Vec<String> {
        found
            .iter()
            .map(|c| {
                format!(
                    "{}|{:?}|{}|{:?}|{}|{}|{}",
                    c.key, c.part, c.value, c.value_span, c.paired_only, c.line, c.section
                )
            })
            .collect()
    }

    /// Read as `trim_start` reads it: any whitespace before a header, not only blanks.
    #[test]
    fn a_header_after_any_whitespace_starts_a_section() {
        let text = "[a]\naws_access_key_id = A\n\u{a0}[b]\n\x0c[c]\naws_secret_access_key = x\n";
        let sections: Vec<usize> = config_credentials(text).iter().map(|c| c.section).collect();
        assert_eq!(sections, [1, 3]);
    }

    proptest::proptest! {
        /// Skipping lines without a key word loses no entry and shifts no line or section.
        #[test]
        fn key_line_gate_matches_every_line_reading(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "\n", "\r\n",
                "[default]", "  [profile prod] ", "[x]\r", "# aws_access_key_id=AKIA", "[1, 2]",
                "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "secret_key: s", "Token", " ", "=",
                "export AWS_SESSION_TOKEN=\"abc\"", "ENV AWS_SECRET_ACCESS_KEY x", "a[b]", "é",
                "aws configure set aws_access_key_id AKIA", "key: value", "- SECRET=1", ",",
                "\"accessKeyId\": \"AKIAIOSFODNN7EXAMPLE\"", "ACCESS", "\t[", "]", "SECURITY-",
                "session", "_token", "Session", "Token:", "tok", "en", "x_security_token",
                "\u{a0}", "\x0c", "\r", "\u{3000}",
            ]),
            0..40,
        )) {
            let text = parts.concat();
            proptest::prop_assert_eq!(
                summary(&config_credentials(&text)),
                summary(&config_credentials_every_line(&text))
            );
        }
    }

    #[test]
    fn credential_key_names() {
        use CredentialPart::*;
        for (key, part) in [
            ("AWS_ACCESS_KEY_ID", Some(KeyId)),
            ("aws_secret_access_key", Some(Secret)),
            ("secretAccessKey", Some(Secret)),
            ("cloud.aws.credentials.secret-key", Some(Secret)),
            ("S3_SECRET_KEY", Some(Secret)),
            ("AWS_SESSION_TOKEN", Some(Token)),
            ("accessKeyId", Some(KeyId)),
            ("SECRET_KEY", None),
            ("client_secret", None),
            ("PRESIGN_TTL", None),
        ] {
            assert_eq!(credential_part(key), part, "{key}");
        }
        assert!(is_paired_secret_name("secret-key") && is_paired_secret_name("SECRET_KEY"));
        assert!(!is_paired_secret_name("client_secret"));
    }

    #[test]
    fn reads_credential_lines_in_every_shape() {
        let text = "AWS_ACCESS_KEY_ID=AKIA1\nexport AWS_SECRET_ACCESS_KEY=\"s2\"\n[prod]\naws_access_key_id = AKIA3\n  - AWS_SESSION_TOKEN=t4\nENV AWS_ACCESS_KEY_ID AKIA5\nENV A=1 AWS_SECRET_ACCESS_KEY=s6\n\"secretAccessKey\": \"s7\",\naws configure set aws_secret_access_key s8 # note\nAWS_ACCESS_KEY_ID=AKIA9 AWS_SECRET_ACCESS_KEY=s10 aws s3 ls\n";
        let found = config_credentials(text);
        let values: Vec<&str> = found.iter().map(|f| f.value.as_str()).collect();
        assert_eq!(
            values,
            [
                "AKIA1", "s2", "AKIA3", "t4", "AKIA5", "s6", "s7", "s8", "AKIA9", "s10"
            ]
        );
        for f in &found {
            assert_eq!(&text[f.value_span.clone()], f.value);
        }
        assert_eq!(found[2].section, 1);
    }

    #[test]
    fn finds_private_key_blocks() {
        let text = "k = \"-----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEA\\n-----END RSA PRIVATE KEY-----\"\n-----BEGIN PUBLIC KEY-----\nx\n-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n";
        let found = private_keys(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].label, "RSA PRIVATE KEY");
        assert_eq!(found[0].body, "MIIEowIBAAKCAQEA");
    }
}
