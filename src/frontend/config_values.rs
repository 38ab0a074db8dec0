//! Text-level facts that need no parser: `aws s3 presign … --expires-in N` wherever it
//! appears (shell scripts, Makefiles, Dockerfiles, CI YAML, code that shells out), and
//! configuration keys that name a presign or signed-URL expiry (`.env`, YAML, JSON, TOML,
//! INI/properties, HCL), read line by line.

use std::ops::Range;

use crate::text::words::Words;

/// `aws s3 presign` with its `--expires-in` value, if given.
#[derive(Debug)]
pub struct CliPresign {
    /// The `aws s3 presign` words.
    pub span: Range<usize>,
    /// The value after `--expires-in` (`None` when the flag is absent: the CLI default).
    pub expires_in: Option<(Range<usize>, String)>,
    /// The shell loop it runs in, in a shell script: the loop's keyword and its span.
    pub shell_loop: Option<(&'static str, Range<usize>)>,
}

/// A configuration key that names a presign expiry, with its raw value.
#[derive(Debug)]
pub struct ConfigExpiry {
    pub key: String,
    pub value: String,
    pub value_span: Range<usize>,
}

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

/// The lifetime of a signed URL or SAS made by a CLI command or an infrastructure resource
/// (`gsutil signurl -d`, `az storage blob generate-sas --expiry`, Terraform
/// `azurerm_storage_account_sas`, ARM `listServiceSas`), read by the expiry lints.
#[derive(Debug)]
pub struct SignedLifetime {
    /// What signs, for messages: "`gsutil signurl`", "`data.azurerm_storage_account_sas.x`".
    pub what: String,
    /// The command words or the resource's declaration: where a default is reported.
    pub span: Range<usize>,
    pub lifetime: Lifetime,
    /// The signer's hard limit, with what happens past it; `None`: no limit.
    pub limit: Option<(u64, String)>,
    /// `cli` or `iac`, for the finding's details.
    pub source: &'static str,
}

#[derive(Debug)]
pub enum Lifetime {
    /// A duration, with how it was obtained when not written as such (a default, a sum).
    Duration {
        span: Range<usize>,
        seconds: u64,
        derivation: Vec<String>,
    },
    /// An absolute expiry (Unix seconds and the text written), counted from the start when one
    /// is given, else from now.
    Until {
        span: Range<usize>,
        expiry: (i64, String),
        start: Option<(i64, String)>,
    },
    /// Known only at run time: where, and why.
    Dynamic { span: Range<usize>, reason: String },
}

/// A relative date computed by the shell: `$(date -u -d "+30 days" +%Y-%m-%dT%H:%MZ)`, `date
/// --date="1 hour"`, BSD `date -v+30d`: the seconds from now.
pub fn shell_relative_date(text: &str) -> Option<u64> {
    let t = text.trim();
    let inner = t
        .strip_prefix("$(")
        .and_then(|r| r.strip_suffix(')'))
        .or_else(|| t.strip_prefix('`').and_then(|r| r.strip_suffix('`')))?;
    let words = shell_words(inner, 0, inner.len());
    if words.first().map(|w| w.0.as_str()) != Some("date") {
        return None;
    }
    let mut total: Option<u64> = None;
    let mut i = 1;
    while i < words.len() {
        let w = words[i].0.as_str();
        let value = if w == "-d" || w == "--date" {
            i += 1;
            words.get(i).map(|v| v.0.clone())
        } else if let Some(v) = w.strip_prefix("--date=") {
            Some(v.to_string())
        } else if let Some(v) = w.strip_prefix("-v+") {
            // BSD: -v+30d, -v+1H, -v+15M.
            let digits: String = v.chars().take_while(char::is_ascii_digit).collect();
            let unit = match &v[digits.len()..] {
                "y" => 365 * 86_400,
                "m" => 30 * 86_400,
                "w" => 604_800,
                "d" => 86_400,
                "H" => 3600,
                "M" => 60,
                "S" => 1,
                _ => return None,
            };
            let n: u64 = digits.parse().ok()?;
            total = Some(total.unwrap_or(0) + n * unit);
            None
        } else {
            None
        };
        if let Some(v) = value {
            let v = v.trim().trim_start_matches('+');
            let v = v.strip_suffix(" ago").map_or(v, |_| "");
            let seconds = crate::text::duration::parse_duration(v)?;
            total = Some(total.unwrap_or(0) + seconds);
        }
        i += 1;
    }
    total
}

/// A shell word as written (quotes removed) and its span.
type Word = (String, Range<usize>);

/// Shell words of `text[from..to]`: quotes removed, `$(…)` and backquotes kept whole, `\`
/// line continuations skipped; each with the span of the word as written.
fn shell_words(text: &str, from: usize, to: usize) -> Vec<(String, Range<usize>)> {
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

/// The value of a flag among command words: `--expiry X`, `--expiry=X`, `-d X`, `-dX` (one
/// letter flags only). Every occurrence, in order.
fn flag_values(words: &[(String, Range<usize>)], names: &[&str]) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (w, span) = &words[i];
        for name in names {
            if w == name {
                if let Some(next) = words.get(i + 1) {
                    out.push(next.clone());
                    i += 1;
                }
                break;
            }
            if let Some(v) = w.strip_prefix(&format!("{name}=")) {
                let skip = span.end - v.len().min(span.end - span.start);
                out.push((v.to_string(), skip..span.end));
                break;
            }
            if name.len() == 2
                && !name.starts_with("--")
                && w.len() > 2
                && w.starts_with(name)
                && w.as_bytes()[2].is_ascii_digit()
            {
                out.push((w[2..].to_string(), span.start + 2..span.end));
                break;
            }
        }
        i += 1;
    }
    out
}

fn has_flag(words: &[(String, Range<usize>)], names: &[&str]) -> bool {
    words.iter().any(|(w, _)| {
        names
            .iter()
            .any(|n| w == n || w.starts_with(&format!("{n}=")))
    })
}

/// A value the shell computes (`$VAR`, `$(…)`, backquotes) is known only at run time.
fn is_runtime(value: &str) -> bool {
    value.contains('$') || value.contains('`') || value.contains('{')
}

/// gsutil's `-d`: a number with `s`, `m`, `h` or `d`, hours when bare.
fn gsutil_duration(value: &str) -> Option<u64> {
    let v = value.trim();
    let digits: String = v.chars().take_while(char::is_ascii_digit).collect();
    let n: u64 = digits.parse().ok()?;
    let unit = match &v[digits.len()..] {
        "" | "h" | "H" => 3600,
        "s" | "S" => 1,
        "m" | "M" => 60,
        "d" | "D" => 86_400,
        _ => return None,
    };
    n.checked_mul(unit)
}

const GCS_LIMIT: u64 = 7 * 86_400;
const SYSTEM_KEY_LIMIT: u64 = 12 * 3600;

/// An absolute expiry flag (`--expiry`, `--date-less-than`), with its start flag.
fn until(
    text: &str,
    command: usize,
    expiry: Option<(String, Range<usize>)>,
    start: Option<(String, Range<usize>)>,
    epoch_numbers: bool,
    what: &str,
) -> Option<Lifetime> {
    let read = |v: &str| {
        if epoch_numbers && !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
            v.parse::<i64>().ok()
        } else {
            crate::text::duration::parse_timestamp(v)
        }
    };
    let (value, value_span) = expiry?;
    // `end=$(date -u -d "30 minutes" …)` on an earlier line, then `--expiry $end`.
    let assigned = shell_variable(&value).and_then(|name| assignment(text, command, name));
    let start = start.map(|(v, span)| {
        match shell_variable(&v).and_then(|name| assignment(text, command, name)) {
            Some(assigned) => (assigned, span),
            None => (v, span),
        }
    });
    if let (Some(expiry), Some((start, _))) = (
        assigned.as_deref().and_then(shell_relative_date),
        start.as_ref(),
    ) && let Some(begin) = shell_relative_date(start)
    {
        let seconds = expiry.saturating_sub(begin);
        return Some(Lifetime::Duration {
            span: value_span,
            seconds,
            derivation: vec![format!(
                "the start and the expiry are computed by `date`, {} apart",
                crate::text::duration::human(seconds)
            )],
        });
    }
    let value = assigned.unwrap_or(value);
    if let Some(seconds) = shell_relative_date(&value) {
        return Some(Lifetime::Duration {
            span: value_span,
            seconds,
            derivation: vec![format!(
                "the expiry is computed by `date` as {} from now",
                crate::text::duration::human(seconds)
            )],
        });
    }
    if is_runtime(&value) {
        return Some(Lifetime::Dynamic {
            span: value_span,
            reason: format!("the expiry of {what} is computed when the command runs"),
        });
    }
    let Some(at) = read(&value) else {
        return Some(Lifetime::Dynamic {
            span: value_span,
            reason: format!("the expiry of {what} is not a date presign-lint can read"),
        });
    };
    let start = start.and_then(|(v, _)| read(&v).map(|t| (t, v)));
    Some(Lifetime::Until {
        span: value_span,
        expiry: (at, value),
        start,
    })
}

/// `$end`, `${end}`, `"$end"` (quotes already removed): the variable's name.
fn shell_variable(value: &str) -> Option<&str> {
    let name = value.strip_prefix('$')?;
    let name = name
        .strip_prefix('{')
        .and_then(|n| n.strip_suffix('}'))
        .unwrap_or(name);
    (!name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
        .then_some(name)
}

/// How far back a variable's assignment is looked for.
const ASSIGNMENT_LOOKBACK: usize = 16 * 1024;

/// The value last assigned to a shell variable on a line of its own before `before`
/// (`end=$(date …)`, `export START=2030-01-01T00:00Z`), quotes removed.
fn assignment(text: &str, before: usize, name: &str) -> Option<String> {
    let mut from = before.saturating_sub(ASSIGNMENT_LOOKBACK);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    let window = &text[from..before.min(text.len())];
    window.lines().rev().find_map(|line| {
        let t = line.trim_start();
        let t = t.strip_prefix("export ").unwrap_or(t).trim_start();
        let value = t.strip_prefix(name)?.strip_prefix('=')?;
        let words = shell_words(value, 0, value.len());
        match words.as_slice() {
            [(word, _)] => Some(word.clone()),
            _ => None,
        }
    })
}

/// Signing commands of other CLIs, wherever they appear (scripts, CI YAML, Makefiles, code
/// that shells out): `gsutil signurl` (`-d`, summed; 1 hour by default), `gcloud storage
/// sign-url` (`--duration`/`-d`; 1 hour by default), `az storage <blob|container|account|…>
/// generate-sas` (`--expiry`, `--start`, `--as-user`) and `aws cloudfront sign`
/// (`--date-less-than`, `--date-greater-than`).
pub fn signing_commands(text: &str) -> Vec<SignedLifetime> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    for at in memchr::memmem::find_iter(bytes, b"signurl") {
        let Some((tool_at, words)) = command_at(text, at, "signurl".len(), "gsutil", None) else {
            continue;
        };
        let span = tool_at..at + "signurl".len();
        let values = flag_values(&words, &["-d"]);
        // `-u`/`--use-service-account`: signed with the system-managed key, 12 hours at most.
        let system_key = has_flag(&words, &["-u", "--use-service-account"]);
        let limit = if system_key {
            (SYSTEM_KEY_LIMIT, "with `-u` gsutil signs with the service account's system-managed key and refuses more than 12 hours".to_string())
        } else {
            (
                GCS_LIMIT,
                "gsutil refuses it: GCS V4 signed URLs are valid for at most 7 days".to_string(),
            )
        };
        let lifetime = if values.is_empty() {
            Lifetime::Duration {
                span: span.clone(),
                seconds: 3600,
                derivation: vec!["no -d, so the gsutil default of 1 hour applies".to_string()],
            }
        } else if let Some((v, s)) = values.iter().find(|(v, _)| gsutil_duration(v).is_none()) {
            Lifetime::Dynamic {
                span: s.clone(),
                reason: if is_runtime(v) {
                    "`gsutil signurl -d` takes its value at run time".to_string()
                } else {
                    "`gsutil signurl -d` holds no duration presign-lint can read".to_string()
                },
            }
        } else {
            let seconds: u64 = values.iter().filter_map(|(v, _)| gsutil_duration(v)).sum();
            let derivation = if values.len() > 1 {
                vec![format!("the {} -d values are added", values.len())]
            } else if values[0].0.bytes().all(|b| b.is_ascii_digit()) {
                vec!["a bare -d value is hours".to_string()]
            } else {
                Vec::new()
            };
            Lifetime::Duration {
                span: values[0].1.start..values[values.len() - 1].1.end,
                seconds,
                derivation,
            }
        };
        out.push(SignedLifetime {
            what: "`gsutil signurl`".to_string(),
            span,
            lifetime,
            limit: Some(limit),
            source: "cli",
        });
    }
    for at in memchr::memmem::find_iter(bytes, b"sign-url") {
        let Some((tool_at, words)) =
            command_at(text, at, "sign-url".len(), "gcloud", Some("storage"))
        else {
            continue;
        };
        let span = tool_at..at + "sign-url".len();
        let limit = if has_flag(&words, &["--impersonate-service-account"])
            && !has_flag(&words, &["--private-key-file"])
        {
            (SYSTEM_KEY_LIMIT, "signed through an impersonated service account's system-managed key, gcloud refuses more than 12 hours".to_string())
        } else {
            (
                GCS_LIMIT,
                "gcloud refuses it: GCS V4 signed URLs are valid for at most 7 days".to_string(),
            )
        };
        let lifetime = match flag_values(&words, &["--duration", "-d"]).pop() {
            None => Lifetime::Duration {
                span: span.clone(),
                seconds: 3600,
                derivation: vec![
                    "no --duration, so the gcloud default of 1 hour applies".to_string(),
                ],
            },
            Some((v, s)) => match crate::text::duration::parse_duration(&v) {
                Some(seconds) if !is_runtime(&v) => Lifetime::Duration {
                    span: s,
                    seconds,
                    derivation: if v.bytes().all(|b| b.is_ascii_digit()) {
                        vec!["a bare --duration is seconds".to_string()]
                    } else {
                        Vec::new()
                    },
                },
                _ => Lifetime::Dynamic {
                    span: s,
                    reason: "`gcloud storage sign-url --duration` takes its value at run time"
                        .to_string(),
                },
            },
        };
        out.push(SignedLifetime {
            what: "`gcloud storage sign-url`".to_string(),
            span,
            lifetime,
            limit: Some(limit),
            source: "cli",
        });
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
        let what = format!("`az storage {} generate-sas`", kind.join(" "));
        // A user delegation SAS is signed with a user delegation key valid for 7 days at most.
        let limit = has_flag(&words, &["--as-user"]).then(|| {
            (GCS_LIMIT, "with `--as-user` the SAS is signed with a user delegation key, which Azure issues for at most 7 days".to_string())
        });
        let expiry = flag_values(&words, &["--expiry"]).pop();
        let start = flag_values(&words, &["--start"]).pop();
        // Without `--expiry` a stored access policy (`--policy-name`) sets it, or the CLI fails.
        let Some(lifetime) = until(text, tool_at, expiry, start, false, &what) else {
            continue;
        };
        out.push(SignedLifetime {
            what,
            span,
            lifetime,
            limit,
            source: "cli",
        });
    }
    for at in memchr::memmem::find_iter(bytes, b"cloudfront") {
        let Some((tool_at, words)) = command_at(text, at, "cloudfront".len(), "aws", None) else {
            continue;
        };
        if words.first().map(|w| w.0.as_str()) != Some("sign") {
            continue;
        }
        let span = tool_at..words[0].1.end;
        let what = "`aws cloudfront sign`".to_string();
        let expiry = flag_values(&words, &["--date-less-than"]).pop();
        let start = flag_values(&words, &["--date-greater-than"]).pop();
        let Some(lifetime) = until(text, tool_at, expiry, start, true, &what) else {
            continue;
        };
        out.push(SignedLifetime {
            what,
            span,
            lifetime,
            limit: None,
            source: "cli",
        });
    }
    out.sort_by_key(|l| l.span.start);
    out
}

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
/// project has its parser: a YAML or JSON document by its key paths (`aws.s3.presign.expiration`
/// under nested maps; a block scalar is a value, whose lines are read as `KEY=value` lines
/// only as the text of an embedded script), otherwise, and when the document does not parse,
/// line by line ([`config_expiries`]).
pub fn config_expiries_in(kind: crate::frontend::FileKind, text: &str) -> Vec<ConfigExpiry> {
    use crate::frontend::Infrastructure;
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
    let documents = match kind.infrastructure {
        Some(Infrastructure::Json | Infrastructure::Jsonc) if nested_words() => {
            tree::parse_json(text, 0).map(|d| vec![d])
        }
        Some(Infrastructure::Yaml) if nested_words() => tree::parse_yaml(text),
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
