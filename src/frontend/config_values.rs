//! Text-level facts that need no parser: `aws s3 presign … --expires-in N` wherever it
//! appears (shell scripts, Makefiles, Dockerfiles, CI YAML, code that shells out), and
//! configuration keys that name a presign or signed-URL expiry (`.env`, YAML, JSON, TOML,
//! INI/properties, HCL), read line by line.

use std::ops::Range;
use std::path::Path;

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
}
