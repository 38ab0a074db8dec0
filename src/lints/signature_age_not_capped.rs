//! `signature-age-not-capped`: an S3 bucket policy without a `Deny` on `s3:signatureAge`
//! greater than the maximum expiry, the one server-side cap on a presigned URL's lifetime.

use serde_json::json;

use super::{Context, Diagnostic, LintId};
use crate::duration::human;
use crate::facts::{Effect, PolicyDocument, PolicyKind, PolicyValue, s3_arn_bucket};

/// Every bucket policy document has a `Statement` key or `statement` block.
pub const TRIGGERS: [&str; 1] = ["statement"];

/// Operators under which a `Deny` on a larger `s3:signatureAge` caps it.
fn caps(operator: &str) -> bool {
    let op = operator.strip_suffix("IfExists").unwrap_or(operator);
    op == "NumericGreaterThan" || op == "NumericGreaterThanEquals"
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(iac) = &cx.facts.iac else {
        return;
    };
    for doc in &iac.policies {
        if doc.kind != PolicyKind::Bucket || doc.incomplete {
            continue;
        }
        let values: Vec<&PolicyValue> = doc
            .statements
            .iter()
            .filter(|s| s.effect == Effect::Deny)
            .flat_map(|s| &s.conditions)
            .filter(|c| caps(&c.operator) && c.key.eq_ignore_ascii_case("s3:signatureAge"))
            .flat_map(|c| &c.values)
            .collect();
        let max_ms = cx.max_expiry.saturating_mul(1000);
        if values.is_empty() {
            out.push(diagnostic(cx, doc, None));
            continue;
        }
        // A value only known at deploy time is a cap we cannot judge.
        let parsed: Option<Vec<(u64, &PolicyValue)>> = values
            .iter()
            .map(|v| {
                let ms = v.text.trim().parse::<f64>().ok().filter(|n| *n >= 0.0)?;
                v.literal.then_some((ms as u64, *v))
            })
            .collect();
        let Some(parsed) = parsed else {
            continue;
        };
        if let Some(&(ms, value)) = parsed.iter().min_by_key(|(ms, _)| *ms)
            && ms > max_ms
        {
            out.push(diagnostic(cx, doc, Some((ms, value))));
        }
    }
}

fn diagnostic(
    cx: &Context<'_>,
    doc: &PolicyDocument,
    cap: Option<(u64, &PolicyValue)>,
) -> Diagnostic {
    let max_ms = cx.max_expiry.saturating_mul(1000);
    let what = doc
        .name
        .as_deref()
        .map_or("bucket policy".to_string(), |n| {
            format!("bucket policy `{n}`")
        });
    let bucket = doc
        .statements
        .iter()
        .flat_map(|s| &s.resources)
        .find_map(|r| s3_arn_bucket(&r.text).filter(|b| r.literal && *b != "*"))
        .unwrap_or("<bucket>");
    let statement = format!(
        "{{\"Sid\": \"DenyPresignedOlderThan{}s\", \"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"s3:*\", \"Resource\": \"arn:aws:s3:::{bucket}/*\", \"Condition\": {{\"NumericGreaterThan\": {{\"s3:signatureAge\": {max_ms}}}}}}}",
        cx.max_expiry
    );
    let (span, message) = match cap {
        None => (
            doc.span.clone(),
            format!(
                "{what} does not cap `s3:signatureAge`: presigned URLs for this bucket stay valid as long as whoever signs them chooses, up to 7 days"
            ),
        ),
        Some((ms, value)) => (
            value.span.clone(),
            format!(
                "{what} caps `s3:signatureAge` at {ms} ms ({}), above the maximum expiry of {} ({max_ms} ms)",
                human(ms / 1000),
                human(cx.max_expiry)
            ),
        ),
    };
    let why = "`s3:signatureAge` (milliseconds since the request was signed) is the one server-side cap on a presigned URL's lifetime: the bucket refuses an older signature whatever `X-Amz-Expires` says, so URLs minted with a leaked key or a too-long expiry stop working after the cap";
    let help = match cap {
        None => format!("{why}. Add this statement: {statement} (practice `short-expiration`)"),
        Some(_) => format!(
            "{why}. Lower the value to at most {max_ms} (the `max-expiry` of {} in milliseconds) (practice `short-expiration`)",
            human(cx.max_expiry)
        ),
    };
    let mut details = serde_json::Map::new();
    details.insert("max_expiry_seconds".into(), json!(cx.max_expiry));
    details.insert("max_signature_age_ms".into(), json!(max_ms));
    if let Some((ms, _)) = cap {
        details.insert("signature_age_ms".into(), json!(ms));
    }
    if let Some(name) = &doc.name {
        details.insert("policy".into(), json!(name));
    }
    Diagnostic {
        lint: LintId::SignatureAgeNotCapped,
        span: span.clone(),
        message,
        help: Some(help),
        details,
        identity: format!(
            "{}|{}",
            doc.name.as_deref().unwrap_or(""),
            cx.text.get(span).unwrap_or("")
        ),
        level_cap: None,
        related: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::frontend::{self, Needs};
    use crate::source::SourceFile;

    fn run(text: &str, max_expiry: u64) -> Vec<Diagnostic> {
        let facts = frontend::extract(
            Path::new("policy.json"),
            text,
            Needs {
                iac: true,
                ..Needs::default()
            },
        );
        let source = SourceFile::new(text.to_string());
        let enabled = |_: LintId| true;
        let cx = Context {
            facts: &facts,
            model: None,
            source: &source,
            path: Path::new("policy.json"),
            text,
            max_expiry,
            enabled: &enabled,
        };
        let mut out = Vec::new();
        check(&cx, &mut out);
        out
    }

    const CAPPED_1_DAY: &str = r#"{"Statement": [
        {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"},
        {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*",
         "Condition": {"NumericGreaterThan": {"s3:signatureAge": [86400000, "172800000"]}}}]}"#;

    #[test]
    fn the_cap_is_compared_with_max_expiry_in_milliseconds() {
        let found = run(CAPPED_1_DAY, 3600);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("86400000 ms"),
            "{}",
            found[0].message
        );
        assert!(
            found[0].message.contains("3600000 ms"),
            "{}",
            found[0].message
        );
        assert!(run(CAPPED_1_DAY, 86_400).is_empty());
    }

    #[test]
    fn a_missing_cap_names_the_statement_to_add() {
        let text = r#"{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}"#;
        let found = run(text, 900);
        assert_eq!(found.len(), 1);
        let help = found[0].help.as_deref().unwrap_or("");
        assert!(help.contains("\"s3:signatureAge\": 900000"), "{help}");
        assert!(help.contains("arn:aws:s3:::b/*"), "{help}");
        assert!(help.contains("one server-side cap"), "{help}");
        // An Allow with the condition is not a cap, a Deny with `NumericLessThan` neither.
        let allow = text.replace(
            "\"Resource\": \"arn:aws:s3:::b/*\"}",
            "\"Resource\": \"arn:aws:s3:::b/*\", \"Condition\": {\"NumericGreaterThan\": {\"s3:signatureAge\": 1}}}",
        );
        assert_eq!(run(&allow, 900).len(), 1);
    }
}
