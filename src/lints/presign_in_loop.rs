//! `presign-in-loop`, written once over the facts: a presign call (one the SDK catalog
//! matches) that runs once per element: inside a `for`/`while` loop, a comprehension or
//! generator expression, a per-element callback (`map`, `forEach`, streams, LINQ `Select`,
//! Ruby blocks, `array_map`, iterator closures), or the body of a batch helper named so; and
//! `aws s3 presign` inside a shell `for`/`while`/`until` loop.

use serde::Serialize;

use super::{Check, Context, Diagnostic, Explained, LintId, Output, Rule};
use crate::facts::{LoopKind, Span};
use crate::frontend::Needs;
use crate::semantic::Target;
use crate::semantic::multipart::presigns_upload_part;

/// The lint's declaration, named in the registry.
pub(super) const RULE: Rule = Rule {
    triggers: || TRIGGERS.to_vec(),
    needs: |_| Needs::EXPIRIES,
    needs_where_presigned: Needs::SYNTAX,
    check: Check::Own(check),
};

/// Every file this lint reports on holds a presign call or `aws s3 presign`, so the expiry
/// lints' trigger words cover it.
pub const TRIGGERS: &[&str] = &super::expiry::TRIGGERS;

/// Words that make a function name a presigning one …
const SIGN_WORDS: [&str; 6] = ["presign", "presigned", "presigns", "sign", "signed", "sas"];
/// … and words that make it a batch: `presign_all`, `batch_presign`, `generate_presigned_urls`.
const BATCH_WORDS: [&str; 7] = ["all", "batch", "bulk", "many", "urls", "uris", "links"];

/// Where a presign call runs per element.
struct Site {
    /// `the \`for\` loop on line 12`.
    place: String,
    kind: &'static str,
    line: usize,
    /// The loop keyword or helper name, for the fingerprint.
    anchor: String,
}

pub fn check(cx: &Context<'_>, out: &mut Output) {
    if let (Some(syntax), Some(model)) = (&cx.facts.syntax, cx.model) {
        for (call, target) in model.sites() {
            let row = match target {
                Target::Sdk(row) => *row,
                Target::Wrapper(summary) => {
                    // A call of the project's presigning function, in a loop here.
                    // A factory of a presigning handler signs nothing when it is called; the
                    // parts of one multipart upload are presigned together by design, through
                    // a helper too.
                    if let (Some((kind, span)), true) = (
                        &call.enclosing_loop,
                        summary.presigns_for(&call.call)
                            && !summary.deferred
                            && !summary.presigns_part,
                    ) {
                        let site = loop_site(cx, *kind, span);
                        if let (false, Some(site)) =
                            (presigns_upload_part(&call.call, syntax, 0), site)
                        {
                            let what = format!(
                                "`{}`, which presigns through {},",
                                call.call.name().unwrap_or("presign"),
                                summary.chain()[1..].join(" → ")
                            );
                            let related = summary
                                .hops()
                                .into_iter()
                                .map(super::RelatedSpan::Elsewhere)
                                .collect();
                            report(cx, out, call.call.callee.span.clone(), &what, site, related);
                        }
                    }
                    continue;
                }
            };
            // The parts of one multipart upload are presigned together by design.
            if presigns_upload_part(&call.call, syntax, 0) {
                continue;
            }
            let site = match &call.enclosing_loop {
                Some((kind, span)) => loop_site(cx, *kind, span),
                None => call
                    .function
                    .and_then(|f| syntax.functions.get(f))
                    .and_then(|f| f.name.as_deref())
                    .filter(|name| is_batch_helper(name))
                    .and_then(|name| {
                        let f = call.function?;
                        let span = &syntax.functions.get(f)?.span;
                        Some(Site {
                            place: format!(
                                "`{name}` (line {}), a batch helper by its name",
                                cx.source.position(span.start).0
                            ),
                            kind: "batch-helper",
                            line: cx.source.position(span.start).0,
                            anchor: name.to_string(),
                        })
                    }),
            };
            let Some(site) = site else { continue };
            let what = format!("{} `{}`", row.sdk, call.call.name().unwrap_or("presign"));
            report(
                cx,
                out,
                call.call.callee.span.clone(),
                &what,
                site,
                Vec::new(),
            );
        }
    }
    for cli in &cx.facts.cli_presigns {
        let Some((keyword, span)) = cli.shell_loop.clone() else {
            continue;
        };
        let line = cx.source.position(span.start).0;
        // `xargs` and `parallel` run their command once per input line, as a callback runs
        // once per element.
        let (place, kind) = match keyword {
            "xargs" | "parallel" => (format!("the `{keyword}` on line {line}"), "callback"),
            "for" => (format!("the shell `for` loop on line {line}"), "for"),
            _ => (
                format!("the shell `{keyword}` loop on line {line}"),
                "while",
            ),
        };
        let site = Site {
            place,
            kind,
            line,
            anchor: keyword.to_string(),
        };
        report(
            cx,
            out,
            cli.span.clone(),
            "`aws s3 presign`",
            site,
            Vec::new(),
        );
    }
}

fn report(
    cx: &Context<'_>,
    out: &mut Output,
    span: Span,
    what: &str,
    site: Site,
    related: Vec<super::RelatedSpan>,
) {
    let identity = format!(
        "{what}|{}|{}",
        site.anchor,
        cx.text.get(span.clone()).unwrap_or("")
    );
    let finding = InLoop {
        loop_kind: site.kind,
        loop_line: site.line,
        what,
        place: &site.place,
    };
    let mut diagnostic = Diagnostic::explained(LintId::PresignInLoop, span, identity, &finding);
    diagnostic.related = related;
    out.diagnostics.push(diagnostic);
}

/// A presign call run once per element: the loop (or batch helper) it runs in.
#[derive(Serialize)]
struct InLoop<'a> {
    /// `for`, `while`, `comprehension`, `callback`, `batch-helper`, …
    loop_kind: &'static str,
    loop_line: usize,
    /// The presign call, for the message: "boto3 `generate_presigned_url`".
    #[serde(skip)]
    what: &'a str,
    /// The loop, for the message: "the `for` loop on line 12".
    #[serde(skip)]
    place: &'a str,
}

impl Explained for InLoop<'_> {
    fn message(&self) -> String {
        format!(
            "{} runs once per element inside {}: URLs generated in bulk wait, valid, until they are used (practice `generate-on-demand`)",
            self.what, self.place
        )
    }

    fn help(&self) -> Option<String> {
        Some("generate each URL when the user asks for it (in the handler that serves that object), not ahead of time for a whole list; if a batch is unavoidable, keep its expiry as short as the batch's use".to_string())
    }
}

/// Describes a loop from its kind and keyword span.
fn loop_site(cx: &Context<'_>, kind: LoopKind, span: &Span) -> Option<Site> {
    let keyword = cx.text.get(span.clone())?.trim();
    let line = cx.source.position(span.start).0;
    let (place, kind, anchor) = match kind {
        LoopKind::For | LoopKind::While => {
            let word = keyword
                .split(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .unwrap_or(keyword);
            let kind = if kind == LoopKind::For {
                "for"
            } else {
                "while"
            };
            (format!("the `{word}` loop on line {line}"), kind, word)
        }
        LoopKind::Comprehension => (
            format!("the comprehension on line {line}"),
            "comprehension",
            "for",
        ),
        LoopKind::Callback => {
            // `keys.iter().map` → `map`.
            let method = keyword
                .rsplit(|c: char| !(c.is_alphanumeric() || c == '_' || c == '!'))
                .find(|w| !w.is_empty())
                .unwrap_or(keyword);
            (
                format!("the `{method}` callback on line {line}"),
                "callback",
                method,
            )
        }
    };
    Some(Site {
        place,
        kind,
        line,
        anchor: anchor.to_string(),
    })
}

/// A function named as a batch presigner: its words (snake_case, camelCase, PascalCase)
/// include a signing word and a batch word: `presign_all`, `batch_presign`,
/// `generate_presigned_urls`, `getSignedUrls`, `PresignAll`.
pub fn is_batch_helper(name: &str) -> bool {
    let words = words(name);
    words.iter().any(|w| SIGN_WORDS.contains(&w.as_str()))
        && words.iter().any(|w| BATCH_WORDS.contains(&w.as_str()))
}

/// Lowercase words of an identifier: `getSignedURLs` → `get`, `signed`, `urls`.
fn words(name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = name.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        // A new word at lower→Upper, and at the last capital of an acronym before a
        // lowercase (`URLSigner` → `url`, `signer`), except a plural `s` (`URLs`).
        let boundary = c.is_uppercase()
            && prev.is_some_and(|p| {
                p.is_lowercase()
                    || (p.is_uppercase()
                        && next.is_some_and(|n| n.is_lowercase())
                        && !(next == Some('s')
                            && chars.get(i + 2).is_none_or(|a| !a.is_lowercase())))
            });
        if boundary && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        current.extend(c.to_lowercase());
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_helper_names() {
        for yes in [
            "presign_all",
            "batch_presign",
            "generate_presigned_urls",
            "getSignedUrls",
            "PresignAll",
            "presignMany",
            "GeneratePresignedURLs",
            "bulk_sas_links",
        ] {
            assert!(is_batch_helper(yes), "{yes}");
        }
        for no in [
            "generate_presigned_url",
            "get_signed_url",
            "presign",
            "all_urls",
            "download_all",
            "signal_all",
            "design_batch",
            "URLSigner",
        ] {
            assert!(!is_batch_helper(no), "{no}");
        }
    }
}
