//! What a signing command's flags say about the lifetime it gives, the same for both
//! readers: the words come from [`super::shell`] or [`super::text`], quotes removed, each
//! with its span as written.

use std::ops::Range;

use super::{CliPresign, Lifetime, SignedLifetime, Signing};
use crate::facts::Span;
use crate::facts::{AssignedFrom, BRANCH_DEFAULT_NOTE};

/// A shell word as written (quotes removed) and its span.
pub(super) type Word = (String, Range<usize>);

/// The value a shell variable holds at the command: how a reader resolves `$end`.
pub(super) type Variables<'a> = &'a dyn Fn(&str) -> Option<Assigned>;

/// A value assigned to a shell variable before the command.
#[derive(Clone, Debug)]
pub(super) struct Assigned {
    pub value: String,
    pub span: Span,
    /// A branch (an option's `case` arm, an `if`) may replace it at run time: it is the value
    /// on the other paths.
    pub default: bool,
}

/// A relative date computed by the shell: `$(date -u -d "+30 days" +%Y-%m-%dT%H:%MZ)`, `date
/// --date="1 hour"`, BSD `date -v+30d`: the seconds from now.
pub fn shell_relative_date(text: &str) -> Option<u64> {
    let t = text.trim();
    let inner = t
        .strip_prefix("$(")
        .and_then(|r| r.strip_suffix(')'))
        .or_else(|| t.strip_prefix('`').and_then(|r| r.strip_suffix('`')))?;
    let words = super::text::shell_words(inner, 0, inner.len());
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
            let seconds = crate::text::duration::parse_relative_date(v)?;
            total = Some(total.unwrap_or(0) + seconds);
        }
        i += 1;
    }
    total
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
pub(super) fn is_runtime(value: &str) -> bool {
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

/// An absolute expiry flag (`--expiry`, `--date-less-than`), with its start flag; a
/// `$variable` is read from its assignment.
fn until(
    expiry: Option<Word>,
    start: Option<Word>,
    epoch_numbers: bool,
    what: &str,
    variables: Variables<'_>,
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
    let assigned = assigned_value(&value, variables);
    let start = start.map(|(v, span)| match assigned_value(&v, variables) {
        Some(assigned) => (assigned, span),
        None => (v, span),
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

/// The value assigned to the variable a word names, if it names one with a known value.
fn assigned_value(value: &str, variables: Variables<'_>) -> Option<String> {
    shell_variable(value)
        .and_then(variables)
        .map(|assigned| assigned.value)
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

/// A flag's value with a `$variable` replaced by the value assigned to it, and how.
fn resolved((value, span): Word, variables: Variables<'_>) -> (String, Span, Option<String>) {
    match shell_variable(&value).and_then(variables) {
        Some(assigned) if !is_runtime(&assigned.value) => {
            let how = format!(
                "`{value}` is assigned `{}` earlier in the script{}",
                assigned.value,
                branch_note(assigned.default)
            );
            (assigned.value, span, Some(how))
        }
        _ => (value, span, None),
    }
}

/// What a derivation adds for a default a branch may replace.
fn branch_note(default: bool) -> &'static str {
    if default { BRANCH_DEFAULT_NOTE } else { "" }
}

/// `gsutil signurl` (after its subcommand word, `args`): `-d`, summed; 1 hour by default.
pub(super) fn gsutil_signurl(
    span: Span,
    args: &[Word],
    variables: Variables<'_>,
) -> SignedLifetime {
    let values: Vec<_> = flag_values(args, &["-d"])
        .into_iter()
        .map(|v| resolved(v, variables))
        .collect();
    // `-u`/`--use-service-account`: signed with the system-managed key, 12 hours at most.
    let system_key = has_flag(args, &["-u", "--use-service-account"]);
    let limit = if system_key {
        (
            SYSTEM_KEY_LIMIT,
            "with `-u` gsutil signs with the service account's system-managed key and refuses more than 12 hours".to_string(),
        )
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
    } else if let Some((v, s, _)) = values.iter().find(|(v, ..)| gsutil_duration(v).is_none()) {
        Lifetime::Dynamic {
            span: s.clone(),
            reason: if is_runtime(v) {
                "`gsutil signurl -d` takes its value at run time".to_string()
            } else {
                "`gsutil signurl -d` holds no duration presign-lint can read".to_string()
            },
        }
    } else {
        let seconds: u64 = values.iter().filter_map(|(v, ..)| gsutil_duration(v)).sum();
        let mut derivation: Vec<String> = values.iter().filter_map(|v| v.2.clone()).collect();
        if values.len() > 1 {
            derivation.push(format!("the {} -d values are added", values.len()));
        } else if values[0].0.bytes().all(|b| b.is_ascii_digit()) {
            derivation.push("a bare -d value is hours".to_string());
        }
        Lifetime::Duration {
            span: values[0].1.start..values[values.len() - 1].1.end,
            seconds,
            derivation,
        }
    };
    SignedLifetime {
        what: "`gsutil signurl`".to_string(),
        span,
        lifetime,
        limit: Some(limit),
        source: "cli",
    }
}

/// `gcloud storage sign-url`: `--duration`/`-d`; 1 hour by default.
pub(super) fn gcloud_sign_url(
    span: Span,
    args: &[Word],
    variables: Variables<'_>,
) -> SignedLifetime {
    let limit = if has_flag(args, &["--impersonate-service-account"])
        && !has_flag(args, &["--private-key-file"])
    {
        (
            SYSTEM_KEY_LIMIT,
            "signed through an impersonated service account's system-managed key, gcloud refuses more than 12 hours".to_string(),
        )
    } else {
        (
            GCS_LIMIT,
            "gcloud refuses it: GCS V4 signed URLs are valid for at most 7 days".to_string(),
        )
    };
    let duration = flag_values(args, &["--duration", "-d"])
        .pop()
        .map(|v| resolved(v, variables));
    let lifetime = match duration {
        None => Lifetime::Duration {
            span: span.clone(),
            seconds: 3600,
            derivation: vec!["no --duration, so the gcloud default of 1 hour applies".to_string()],
        },
        Some((v, s, how)) => match crate::text::duration::parse_duration(&v) {
            Some(seconds) if !is_runtime(&v) => Lifetime::Duration {
                span: s,
                seconds,
                derivation: how
                    .into_iter()
                    .chain(
                        v.bytes()
                            .all(|b| b.is_ascii_digit())
                            .then(|| "a bare --duration is seconds".to_string()),
                    )
                    .collect(),
            },
            _ => Lifetime::Dynamic {
                span: s,
                reason: "`gcloud storage sign-url --duration` takes its value at run time"
                    .to_string(),
            },
        },
    };
    SignedLifetime {
        what: "`gcloud storage sign-url`".to_string(),
        span,
        lifetime,
        limit: Some(limit),
        source: "cli",
    }
}

/// `az storage <blob|container|account|…> generate-sas` (`kind` names what, `blob`):
/// `--expiry`, `--start`, `--as-user`. Without `--expiry` a stored access policy
/// (`--policy-name`) sets it, or the CLI fails: nothing to read.
pub(super) fn az_generate_sas(
    span: Span,
    kind: &str,
    args: &[Word],
    variables: Variables<'_>,
) -> Option<SignedLifetime> {
    let what = format!("`az storage {kind} generate-sas`");
    // A user delegation SAS is signed with a user delegation key valid for 7 days at most.
    let limit = has_flag(args, &["--as-user"]).then(|| {
        (
            GCS_LIMIT,
            "with `--as-user` the SAS is signed with a user delegation key, which Azure issues for at most 7 days".to_string(),
        )
    });
    let expiry = flag_values(args, &["--expiry"]).pop();
    let start = flag_values(args, &["--start"]).pop();
    let lifetime = until(expiry, start, false, &what, variables)?;
    Some(SignedLifetime {
        what,
        span,
        lifetime,
        limit,
        source: "cli",
    })
}

/// `aws cloudfront sign`: `--date-less-than`, `--date-greater-than` (dates or epoch seconds).
pub(super) fn aws_cloudfront_sign(
    span: Span,
    args: &[Word],
    variables: Variables<'_>,
) -> Option<SignedLifetime> {
    let what = "`aws cloudfront sign`".to_string();
    let expiry = flag_values(args, &["--date-less-than"]).pop();
    let start = flag_values(args, &["--date-greater-than"]).pop();
    let lifetime = until(expiry, start, true, &what, variables)?;
    Some(SignedLifetime {
        what,
        span,
        lifetime,
        limit: None,
        source: "cli",
    })
}

/// The signing command a parsed command runs, from its words (the tool's name first, any
/// wrapper such as `sudo` or `xargs` removed), added to `out`.
pub(super) fn read_command(
    words: &[Word],
    variables: Variables<'_>,
    shell_loop: Option<(&'static str, Span)>,
    out: &mut Signing,
) {
    let Some((tool, _)) = words.first() else {
        return;
    };
    let tool = tool.rsplit('/').next().unwrap_or(tool);
    let at = |word: &str, from: usize| {
        words
            .iter()
            .skip(from)
            .position(|(w, _)| w == word)
            .map(|i| i + from)
    };
    // The words up to and including the subcommand: what a default is reported at.
    let through = |i: usize| words[0].1.start..words[i].1.end;
    match tool {
        "aws" => {
            let pair = |group: &str, verb: &str| {
                at(group, 1).filter(|i| words.get(i + 1).is_some_and(|(w, _)| w == verb))
            };
            if let Some(i) = pair("s3", "presign") {
                out.presigns.push(aws_s3_presign(
                    through(i + 1),
                    &words[i + 2..],
                    variables,
                    shell_loop,
                ));
            } else if let Some(i) = pair("cloudfront", "sign") {
                out.lifetimes.extend(aws_cloudfront_sign(
                    through(i + 1),
                    &words[i + 2..],
                    variables,
                ));
            }
        }
        "gsutil" => {
            if let Some(i) = at("signurl", 1) {
                out.lifetimes
                    .push(gsutil_signurl(through(i), &words[i + 1..], variables));
            }
        }
        "gcloud" => {
            if let Some(i) = at("storage", 1).and_then(|s| at("sign-url", s + 1)) {
                out.lifetimes
                    .push(gcloud_sign_url(through(i), &words[i + 1..], variables));
            }
        }
        "az" => {
            if let Some(storage) = at("storage", 1)
                && let Some(i) = at("generate-sas", storage + 1)
            {
                let kind: Vec<&str> = words[storage + 1..i]
                    .iter()
                    .map(|(w, _)| w.as_str())
                    .collect();
                out.lifetimes.extend(az_generate_sas(
                    through(i),
                    &kind.join(" "),
                    &words[i + 1..],
                    variables,
                ));
            }
        }
        _ => {}
    }
}

/// `aws s3 presign`, read from its words: `--expires-in`, a `$variable` read from its
/// assignment.
fn aws_s3_presign(
    span: Span,
    args: &[Word],
    variables: Variables<'_>,
    shell_loop: Option<(&'static str, Span)>,
) -> CliPresign {
    let mut assigned = None;
    let expires_in = flag_values(args, &["--expires-in"])
        .pop()
        .map(
            |(value, span)| match shell_variable(&value).and_then(variables) {
                Some(known) if !is_runtime(&known.value) => {
                    assigned = Some(AssignedFrom {
                        name: value.clone(),
                        span: known.span,
                        default: known.default,
                    });
                    (span, known.value)
                }
                _ => (span, value),
            },
        );
    CliPresign {
        span,
        expires_in,
        assigned,
        shell_loop,
    }
}
