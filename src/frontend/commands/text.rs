//! Signing commands found in any text by their words, without a parser: code that shells
//! out (`subprocess.run("gsutil signurl …")`), documentation, CI steps, and the parts of a
//! script the shell parser could not read. A command is its subcommand word (`presign`,
//! `signurl`) with its tool before it on the line and its flags after, to the end of the line
//! and its `\` continuations.

use std::ops::Range;

use super::signing::{self, Assigned, Word};
use super::{CliPresign, SignedLifetime};

const CLI_WINDOW: usize = 2048;

/// How far back a command's words are looked for: a minified line with the word many times
/// must not be searched from its start each time.
const LOOKBACK: usize = 512;

/// The start of the text a command at `at` may begin in (a char boundary).
fn line_window(text: &str, at: usize) -> usize {
    let mut start = at.saturating_sub(LOOKBACK);
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    start
}

pub fn cli_presigns(text: &str) -> Vec<CliPresign> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    for at in memchr::memmem::find_iter(bytes, b"presign") {
        // `aws s3 presign`, allowing extra spaces and flags between (`aws --profile x s3 presign`).
        let window = line_window(text, at);
        let line_start = text[window..at]
            .rfind(['\n', '\r'])
            .map_or(window, |i| window + i + 1);
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
            assigned: None,
            shell_loop: None,
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

/// Shell words of `text[from..to]`: quotes removed, `$(…)` and backquotes kept whole, `\`
/// line continuations skipped; each with the span of the word as written.
pub(super) fn shell_words(text: &str, from: usize, to: usize) -> Vec<(String, Range<usize>)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        while i < to && (bytes[i].is_ascii_whitespace() || bytes[i] == b'\\') {
            i += 1;
        }
        if i >= to {
            break;
        }
        let start = i;
        let mut word = String::new();
        while i < to && !bytes[i].is_ascii_whitespace() {
            match bytes[i] {
                q @ (b'"' | b'\'') => {
                    let close = text[i + 1..to].find(q as char).map_or(to, |p| i + 1 + p);
                    word.push_str(&text[i + 1..close]);
                    i = (close + 1).min(to);
                }
                b'$' if bytes.get(i + 1) == Some(&b'(') => {
                    let mut depth = 0usize;
                    let begin = i;
                    while i < to {
                        match bytes[i] {
                            b'(' => depth += 1,
                            b')' => {
                                depth = depth.saturating_sub(1);
                                if depth == 0 {
                                    i += 1;
                                    break;
                                }
                            }
                            _ => {}
                        }
                        i += 1;
                    }
                    word.push_str(&text[begin..i]);
                }
                b'`' => {
                    let close = text[i + 1..to].find('`').map_or(to, |p| i + 1 + p);
                    word.push_str(&text[i..(close + 1).min(to)]);
                    i = (close + 1).min(to);
                }
                b'\\' => {
                    i += 1;
                }
                _ => {
                    let c = text[i..].chars().next().unwrap_or(' ');
                    word.push(c);
                    i += c.len_utf8();
                }
            }
        }
        out.push((word, start..i));
    }
    out
}

/// Words and end of the command whose subcommand word is at `at..at+len`, when the words
/// before it on its line (after the last `;`, `&&`, `|`) include `tool` (`gsutil`, `gcloud`,
/// `az`, `aws`) and, when given, `group` (`storage`).
fn command_at(
    text: &str,
    at: usize,
    len: usize,
    tool: &str,
    group: Option<&str>,
) -> Option<(usize, Vec<Word>)> {
    let bytes = text.as_bytes();
    let word_char = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'-';
    if at > 0 && word_char(bytes[at - 1]) || bytes.get(at + len).is_some_and(|b| word_char(*b)) {
        return None;
    }
    let window = line_window(text, at);
    let line_start = text[window..at]
        .rfind(['\n', '\r', ';', '|', '&', '(', '`'])
        .map_or(window, |i| window + i + 1);
    let before: Vec<&str> = text[line_start..at].split_whitespace().collect();
    let tool_at = before.iter().position(|w| {
        let w = w.trim_matches(['"', '\'']);
        w == tool || w.ends_with(&format!("/{tool}"))
    })?;
    // The tool in command position: only a command prefix (`sudo`, `RUN`, `run:`, `- `,
    // `VAR=value`, …) before it, so prose that names the command is not one.
    let prefix_ok = before[..tool_at].iter().all(|w| {
        matches!(
            *w,
            "sudo"
                | "exec"
                | "env"
                | "time"
                | "nohup"
                | "command"
                | "RUN"
                | "then"
                | "do"
                | "else"
                | "-"
                | "!"
                | "{"
        ) || w.ends_with(':')
            || w.contains('=') && !w.starts_with(['"', '\''])
    });
    if !prefix_ok {
        return None;
    }
    if let Some(group) = group
        && !before[tool_at..].contains(&group)
    {
        return None;
    }
    let tool_offset = line_start + text[line_start..at].find(before[tool_at]).unwrap_or(0);
    let mut end = command_end(text, at + len);
    // `$(gcloud … -d 600)`: the command ends at the parenthesis that closes it.
    if line_start > 0 && bytes[line_start - 1] == b'(' {
        let mut depth = 0usize;
        for (i, b) in text[at + len..end].bytes().enumerate() {
            match b {
                b'(' => depth += 1,
                b')' if depth == 0 => {
                    end = at + len + i;
                    break;
                }
                b')' => depth -= 1,
                _ => {}
            }
        }
    }
    Some((tool_offset, shell_words(text, at + len, end)))
}

/// How far back a variable's assignment is looked for.
const ASSIGNMENT_LOOKBACK: usize = 16 * 1024;

/// The value last assigned to a shell variable on a line of its own before `before`
/// (`end=$(date …)`, `export START=2030-01-01T00:00Z`), quotes removed, with its span.
fn assignment(text: &str, before: usize, name: &str) -> Option<Assigned> {
    let mut from = before.saturating_sub(ASSIGNMENT_LOOKBACK);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    let window = &text[from..before.min(text.len())];
    let mut end = window.len();
    loop {
        let start = window[..end].rfind('\n').map_or(0, |i| i + 1);
        let line = &window[start..end];
        let t = line.trim_start();
        let t = t.strip_prefix("export ").unwrap_or(t).trim_start();
        if let Some(value) = t.strip_prefix(name).and_then(|v| v.strip_prefix('=')) {
            let value = value.trim_end_matches('\r');
            let at = from + start + (line.len() - t.len()) + name.len() + 1;
            return match shell_words(value, 0, value.len()).as_slice() {
                [(word, span)] => Some(Assigned {
                    value: word.clone(),
                    span: at + span.start..at + span.end,
                    default: false,
                }),
                _ => None,
            };
        }
        if start == 0 {
            return None;
        }
        end = start - 1;
    }
}

/// Signing commands of other CLIs, found by their subcommand words: `gsutil signurl`,
/// `gcloud storage sign-url`, `az storage <blob|container|account|…> generate-sas` and `aws
/// cloudfront sign`.
pub fn signing_commands(text: &str) -> Vec<SignedLifetime> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    // `$end`: the value assigned on an earlier line before the command at `at`.
    let variables_at = |at: usize| move |name: &str| assignment(text, at, name);
    for at in memchr::memmem::find_iter(bytes, b"signurl") {
        if let Some((tool_at, words)) = command_at(text, at, "signurl".len(), "gsutil", None) {
            let span = tool_at..at + "signurl".len();
            out.push(signing::gsutil_signurl(
                span,
                &words,
                &variables_at(tool_at),
            ));
        }
    }
    for at in memchr::memmem::find_iter(bytes, b"sign-url") {
        if let Some((tool_at, words)) =
            command_at(text, at, "sign-url".len(), "gcloud", Some("storage"))
        {
            let span = tool_at..at + "sign-url".len();
            out.push(signing::gcloud_sign_url(
                span,
                &words,
                &variables_at(tool_at),
            ));
        }
    }
    for at in memchr::memmem::find_iter(bytes, b"generate-sas") {
        let Some((tool_at, words)) =
            command_at(text, at, "generate-sas".len(), "az", Some("storage"))
        else {
            continue;
        };
        let span = tool_at..at + "generate-sas".len();
        let kind: Vec<&str> = text[tool_at..at]
            .split_whitespace()
            .skip_while(|w| *w != "storage")
            .skip(1)
            .collect();
        out.extend(signing::az_generate_sas(
            span,
            &kind.join(" "),
            &words,
            &variables_at(tool_at),
        ));
    }
    for at in memchr::memmem::find_iter(bytes, b"cloudfront") {
        let Some((tool_at, words)) = command_at(text, at, "cloudfront".len(), "aws", None) else {
            continue;
        };
        if words.first().map(|w| w.0.as_str()) != Some("sign") {
            continue;
        }
        let span = tool_at..words[0].1.end;
        out.extend(signing::aws_cloudfront_sign(
            span,
            &words[1..],
            &variables_at(tool_at),
        ));
    }
    out.sort_by_key(|l| l.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Lifetime;
    use crate::frontend::commands::signing::shell_relative_date;

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

    fn lifetimes(text: &str) -> Vec<(String, Option<i64>)> {
        signing_commands(text)
            .into_iter()
            .map(|l| {
                let seconds = match l.lifetime {
                    Lifetime::Duration { seconds, .. } => i64::try_from(seconds).ok(),
                    Lifetime::Until { expiry, start, .. } => start.map(|s| expiry.0 - s.0),
                    Lifetime::Dynamic { .. } => None,
                };
                (l.what, seconds)
            })
            .collect()
    }

    #[test]
    fn timestamps_as_clis_and_templates_write_them() {
        assert_eq!(
            shell_relative_date("$(date -u -d '+2 hours' '+%Y-%m-%dT%H:%MZ')"),
            Some(7200)
        );
        assert_eq!(
            shell_relative_date("`date -d \"30 days\" +%F`"),
            Some(30 * 86_400)
        );
        assert_eq!(
            shell_relative_date("$(date -v+7d -u +%Y-%m-%dT%H:%MZ)"),
            Some(7 * 86_400)
        );
        assert_eq!(shell_relative_date("$(cat expiry.txt)"), None);
    }

    #[test]
    fn signing_commands_of_other_clis() {
        let text = "gsutil signurl -d 2 -d 30m key.json gs://b/o\n\
                    gsutil -m signurl key.json gs://b/o\n\
                    RUN gcloud storage sign-url gs://b/o --duration=90m\n\
                    x=$(gcloud alpha storage sign-url gs://b/o -d 600)\n\
                    az storage blob generate-sas -c c -n o --start 2030-01-01T00:00Z \\\n  --expiry 2030-01-02T00:00Z\n\
                    aws cloudfront sign --url u --date-greater-than 100 --date-less-than 3700\n\
                    echo gsutil signurl -d 9d in prose\n\
                    gsutil signurl -d \"$TTL\" key.json gs://b/o\n";
        assert_eq!(
            lifetimes(text),
            [
                ("`gsutil signurl`".to_string(), Some(9000)),
                ("`gsutil signurl`".to_string(), Some(3600)),
                ("`gcloud storage sign-url`".to_string(), Some(5400)),
                ("`gcloud storage sign-url`".to_string(), Some(600)),
                ("`az storage blob generate-sas`".to_string(), Some(86_400)),
                ("`aws cloudfront sign`".to_string(), Some(3600)),
                ("`gsutil signurl`".to_string(), None),
            ]
        );
        let limits: Vec<Option<u64>> = signing_commands(
            "gsutil signurl -u -d 1h gs://b/o\naz storage container generate-sas --as-user --expiry 2030-01-01\naz storage container generate-sas --expiry 2030-01-01\n",
        )
        .iter()
        .map(|l| l.limit.as_ref().map(|(s, _)| *s))
        .collect();
        assert_eq!(limits, [Some(43_200), Some(604_800), None]);
        // A date computed into a variable on an earlier line.
        let script = "end=`date -u -d \"7 days\" '+%Y-%m-%dT%H:%MZ'`\nexport BEGIN=$(date -u -d '+1 hour')\naz storage blob generate-sas -n o --start \"$BEGIN\" --expiry $end\naz storage blob generate-sas -n o --expiry ${unset}\n";
        assert_eq!(
            lifetimes(script),
            [
                (
                    "`az storage blob generate-sas`".to_string(),
                    Some(6 * 86_400 + 23 * 3600)
                ),
                ("`az storage blob generate-sas`".to_string(), None),
            ]
        );
    }

    proptest::proptest! {
        /// Any text: no panic, and every span lies in it on char boundaries.
        #[test]
        fn signing_commands_are_total(parts in proptest::collection::vec(proptest::sample::select(vec![
            "gsutil", "signurl", "gcloud", "storage", "sign-url", "az", "blob", "generate-sas",
            "aws", "cloudfront", "sign", " ", "\n", "\\\n", "-d", "7d", "--duration=", "--expiry",
            "2030-01-01T00:00Z", "$(date -d '+1 hour')", "$(", ")", "`", "\"", "'", "--start",
            "--date-less-than", "99", "é", ";", "|", "=", "--as-user", "-u", "sudo", "echo",
        ]), 0..40)) {
            let text: String = parts.concat();
            for l in signing_commands(&text) {
                let span = match &l.lifetime {
                    Lifetime::Duration { span, .. }
                    | Lifetime::Until { span, .. }
                    | Lifetime::Dynamic { span, .. } => span.clone(),
                };
                for s in [span, l.span.clone()] {
                    proptest::prop_assert!(s.start <= s.end && s.end <= text.len());
                    proptest::prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                }
            }
        }
    }
}
