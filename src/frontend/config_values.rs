//! Text-level facts that need no parser: `aws s3 presign … --expires-in N` wherever it
//! appears (shell scripts, Makefiles, Dockerfiles, CI YAML, code that shells out), and
//! configuration keys that name a presign or signed-URL expiry (`.env`, YAML, JSON, TOML,
//! INI/properties, HCL), read line by line.

use std::ops::Range;
use std::path::Path;

use crate::words::Words;

/// `aws s3 presign` with its `--expires-in` value, if given.
#[derive(Debug)]
pub struct CliPresign {
    /// The `aws s3 presign` words.
    pub span: Range<usize>,
    /// The value after `--expires-in` (`None` when the flag is absent: the CLI default).
    pub expires_in: Option<(Range<usize>, String)>,
}

/// A configuration key that names a presign expiry, with its raw value.
#[derive(Debug)]
pub struct ConfigExpiry {
    pub key: String,
    pub value: String,
    pub value_span: Range<usize>,
}

const CLI_WINDOW: usize = 2048;

pub fn cli_presigns(text: &str) -> Vec<CliPresign> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    for at in memchr::memmem::find_iter(bytes, b"presign") {
        // `aws s3 presign`, allowing extra spaces and flags between (`aws --profile x s3 presign`).
        let line_start = text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let before = &text[line_start..at];
        let words: Vec<&str> = before.split_whitespace().collect();
        let Some(s3_pos) = words.iter().rposition(|w| *w == "s3") else {
            continue;
        };
        if !words[..s3_pos]
            .iter()
            .any(|w| w.ends_with("aws") || w.ends_with("aws\"") || w.ends_with("'aws"))
        {
            continue;
        }
        let after_word = at + "presign".len();
        if bytes
            .get(after_word)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-')
        {
            continue;
        }
        let aws_offset = before.rfind("aws").map_or(at, |i| line_start + i);
        // The command runs to the end of the line, following `\` continuations.
        let end = command_end(text, after_word);
        let command = &text[after_word..end];
        let expires_in = command.find("--expires-in").and_then(|i| {
            let flag_end = after_word + i + "--expires-in".len();
            let rest = &text[flag_end..end];
            let skip = rest.len()
                - rest
                    .trim_start_matches(['=', ' ', '\t', '\\', '\n', '\r'])
                    .len();
            let value_start = flag_end + skip;
            let value_len = text[value_start..end]
                .find(|c: char| {
                    c.is_whitespace() || matches!(c, ';' | '&' | '|' | ')' | '"' | '\'' | ',' | ']')
                })
                .unwrap_or(end - value_start);
            (value_len > 0).then(|| {
                (
                    value_start..value_start + value_len,
                    text[value_start..value_start + value_len].to_string(),
                )
            })
        });
        found.push(CliPresign {
            span: aws_offset..after_word,
            expires_in,
        });
    }
    found
}

fn command_end(text: &str, from: usize) -> usize {
    let limit = (from + CLI_WINDOW).min(text.len());
    let mut i = from;
    let bytes = text.as_bytes();
    while i < limit {
        match bytes[i] {
            b'\n' => {
                let continued = text[..i].trim_end_matches('\r').ends_with('\\');
                if !continued {
                    return i;
                }
            }
            b';' | b'|' | b'`' => return i,
            _ => {}
        }
        i += 1;
    }
    while i > from && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// File types whose `key = value` / `key: value` lines are configuration.
pub fn is_config_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if name == ".env" || name.starts_with(".env.") || name.ends_with(".env") {
        return true;
    }
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    matches!(
        ext,
        "yaml"
            | "yml"
            | "json"
            | "toml"
            | "ini"
            | "cfg"
            | "conf"
            | "properties"
            | "tf"
            | "tfvars"
            | "hcl"
            | "env"
    )
}

/// Whether a key names the expiry of presigned/signed URLs (and not an OAuth token, JWT,
/// cookie or cache TTL, which share the words).
pub fn is_presign_expiry_key(key: &str) -> bool {
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
    let about_time = [
        "expir", "ttl", "lifetime", "validity", "duration", "maxage", "validfor",
    ]
    .iter()
    .any(|w| k.contains(w));
    about_signed_urls && about_time
}

pub fn config_expiries(text: &str) -> Vec<ConfigExpiry> {
    let mut found = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim_start();
        if trimmed.starts_with('#') || trimmed.starts_with("//") || trimmed.starts_with(';') {
            continue;
        }
        let Some(sep) = trimmed.find([':', '=']) else {
            continue;
        };
        let key = trimmed[..sep]
            .trim()
            .trim_start_matches("export ")
            .trim_matches(['"', '\'', ' ']);
        if key.is_empty() || key.contains(' ') || !is_presign_expiry_key(key) {
            continue;
        }
        let indent = body.len() - trimmed.len();
        let raw = &trimmed[sep + 1..];
        let raw_trimmed = raw.trim_start();
        let value_start = start + indent + sep + 1 + (raw.len() - raw_trimmed.len());
        // Value up to a comment or a trailing comma, quotes removed.
        let value_end_rel = raw_trimmed
            .find(" #")
            .or_else(|| raw_trimmed.find(" //"))
            .unwrap_or(raw_trimmed.len());
        let value = raw_trimmed[..value_end_rel]
            .trim_end()
            .trim_end_matches(',');
        let unquoted = value.trim_matches(['"', '\'']);
        let quote = value.len() - value.trim_start_matches(['"', '\'']).len();
        if unquoted.is_empty() {
            continue;
        }
        found.push(ConfigExpiry {
            key: key.to_string(),
            value: unquoted.to_string(),
            value_span: value_start + quote..value_start + quote + unquoted.len(),
        });
    }
    found
}

/// Which part of a static AWS credential a config key, variable or field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CredentialPart {
    KeyId,
    Secret,
    Token,
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

/// A configuration key, environment variable or INI entry that holds a credential part.
#[derive(Debug)]
pub struct ConfigCredential {
    pub key: String,
    pub part: CredentialPart,
    pub value: String,
    pub value_span: Range<usize>,
    /// A secret only next to a key id ([`is_paired_secret_name`]).
    pub paired_only: bool,
    /// 0-based line of the entry, and the INI section (`[profile]`) it is in.
    pub line: usize,
    pub section: usize,
}

/// Files whose lines are read for credential keys: config files, shell scripts, Dockerfiles
/// and the AWS CLI's `credentials`/`config` INI files.
pub fn is_credential_file(path: &Path) -> bool {
    if is_config_file(path) {
        return true;
    }
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    let in_aws_dir = path
        .parent()
        .and_then(|p| p.file_name())
        .is_some_and(|d| d == ".aws");
    matches!(ext, "sh" | "bash" | "zsh" | "ksh" | "envrc" | "dockerfile")
        || name == ".envrc"
        || name.starts_with("dockerfile")
        || name.starts_with("containerfile")
        || name == "credentials"
        || (in_aws_dir && name == "config")
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

/// A PEM private key block (`-----BEGIN RSA PRIVATE KEY-----`, `BEGIN PRIVATE KEY`, `BEGIN EC
/// PRIVATE KEY`, …) with the number of base64 characters in its body.
#[derive(Debug)]
pub struct PrivateKeyBlock {
    /// The `-----BEGIN … PRIVATE KEY-----` marker.
    pub span: Range<usize>,
    pub label: String,
    /// Base64 characters of the body (escaped `\n` excluded), at most [`PEM_BODY_LIMIT`].
    pub body: String,
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
    fn finds_cli_presign_in_any_shape() {
        let text = "aws s3 presign s3://b/k --expires-in 604800\nRUN aws --region x s3 presign \\\n  s3://b/k \\\n  --expires-in=86400\naws s3 presign s3://b/k\naws s3 ls\n";
        let found = cli_presigns(text);
        assert_eq!(found.len(), 3);
        assert_eq!(
            found[0].expires_in.as_ref().map(|e| e.1.as_str()),
            Some("604800")
        );
        assert_eq!(
            found[1].expires_in.as_ref().map(|e| e.1.as_str()),
            Some("86400")
        );
        assert!(found[2].expires_in.is_none());
    }

    #[test]
    fn keys_about_signed_url_expiry_only() {
        for yes in [
            "PRESIGNED_URL_EXPIRY",
            "presign_ttl",
            "signedUrlExpiresIn",
            "S3_PRESIGN_EXPIRES_IN",
            "signed-url-ttl-seconds",
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
