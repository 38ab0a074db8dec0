//! `signature-age-not-capped`: an S3 bucket policy without a `Deny` on `s3:signatureAge`
//! greater than the maximum expiry, the one server-side cap on a presigned URL's lifetime.
//!
//! Not for buckets that only AWS itself is granted (CloudFront origins, log and delivery
//! buckets) nor for log destinations; and reported only where presigning happens: the scan
//! keeps the findings when some file it read presigns S3 URLs, or presigns objects of the
//! policy's bucket ([`PresignUse`], [`keep`]).

use std::collections::BTreeSet;

use serde::Serialize;

use super::{Check, Context, Diagnostic, Explained, LintId, Rule};
use crate::facts::{
    BucketRef, Effect, Expr, ExprKind, IacFacts, PolicyDocument, PolicyKind, PolicyValue,
    s3_arn_bucket,
};
use crate::frontend::Facts;
use crate::frontend::Needs;
use crate::frontend::iac::logs::{is_aws_itself, named_like_log_bucket};
use crate::semantic::eval::{Env, Value};
use crate::semantic::{Model, Target};
use crate::text::duration::human;

/// Needs every presigning file's presign sites (it reports only in a scan that presigns),
/// wherever its own findings are.
/// The lint's declaration, named in the registry.
pub(super) const RULE: Rule = Rule {
    triggers: || TRIGGERS.to_vec(),
    needs: |_| Needs::IAC,
    needs_where_presigned: Needs {
        syntax: true,
        expiries: true,
        ..Needs::NONE
    },
    check: Check::Own(|cx, out| check(cx, &mut out.diagnostics)),
};

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
        if doc.kind != PolicyKind::Bucket
            || doc.incomplete
            || only_aws_itself(doc)
            || log_destination(iac, doc)
        {
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

/// A policy whose `Allow` statements grant only AWS itself: service principals (CloudFront
/// origin access control, log delivery, SES, SNS, …), CloudFront origin access identities,
/// Elastic Load Balancing accounts. Nobody who presigns reads the bucket through it.
fn only_aws_itself(doc: &PolicyDocument) -> bool {
    let allows: Vec<_> = doc
        .statements
        .iter()
        .filter(|s| s.effect != Effect::Deny)
        .collect();
    !allows.is_empty()
        && allows.iter().all(|s| {
            s.effect == Effect::Allow
                && s.principals
                    .as_ref()
                    .is_some_and(|p| !p.is_empty() && p.iter().all(|v| is_aws_itself(&v.text)))
        })
}

/// The policy of a bucket that receives logs: one of its statements lets a log-delivery
/// service write, a service is configured to log into it, or it is named like a log bucket.
fn log_destination(iac: &IacFacts, doc: &PolicyDocument) -> bool {
    let Some(bucket) = &doc.bucket else {
        return false;
    };
    let resource = match bucket {
        BucketRef::Resource(id) => iac.buckets.iter().find(|b| b.id == *id),
        BucketRef::Name(name) => iac
            .buckets
            .iter()
            .find(|b| b.name.as_deref() == Some(name.as_str())),
        BucketRef::Unknown => None,
    };
    let names: Vec<&str> = match bucket {
        BucketRef::Resource(id) => std::iter::once(id.as_str())
            .chain(resource.and_then(|b| b.name.as_deref()))
            .collect(),
        BucketRef::Name(name) => vec![name.as_str()],
        BucketRef::Unknown => Vec::new(),
    };
    let same = |r: &Option<BucketRef>| match (r, bucket) {
        (Some(BucketRef::Resource(a)), BucketRef::Resource(b)) => a == b,
        (Some(BucketRef::Name(a)), _) => names.contains(&a.as_str()),
        (Some(BucketRef::Resource(a)), BucketRef::Name(_)) => resource.is_some_and(|b| b.id == *a),
        _ => false,
    };
    resource.is_some_and(|b| b.log_delivery_acl)
        || iac
            .logging
            .iter()
            .chain(&iac.module_logging)
            .any(|l| same(&l.target))
        || names.iter().any(|n| named_like_log_bucket(n))
}

/// The literal name of the policy's bucket: the one it is attached to, else the first bucket
/// its statements name.
fn bucket_name<'d>(iac: Option<&'d IacFacts>, doc: &'d PolicyDocument) -> Option<&'d str> {
    let attached = match &doc.bucket {
        Some(BucketRef::Name(name)) => Some(name.as_str()),
        Some(BucketRef::Resource(id)) => iac
            .and_then(|iac| iac.buckets.iter().find(|b| b.id == *id))
            .and_then(|b| b.name.as_deref()),
        _ => None,
    };
    attached.or_else(|| {
        doc.statements
            .iter()
            .flat_map(|s| &s.resources)
            .find_map(|r| s3_arn_bucket(&r.text).filter(|b| r.literal && *b != "*"))
    })
}

/// What a file presigns with S3 (SigV4 or SigV2) signers: whether it does at all, and the
/// literal buckets whose objects it presigns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PresignUse {
    pub s3: bool,
    pub buckets: BTreeSet<String>,
}

/// Buckets remembered per scan: names beyond this are not needed to decide anything once
/// `s3` is set.
const MAX_BUCKETS: usize = 1024;

impl PresignUse {
    pub fn merge(&mut self, other: PresignUse) {
        self.s3 |= other.s3;
        for bucket in other.buckets {
            if self.buckets.len() >= MAX_BUCKETS {
                break;
            }
            self.buckets.insert(bucket);
        }
    }
}

/// Whether a finding stays in a scan that presigned as `presigns` says: every finding of
/// another lint; one of this lint when some file presigns S3 URLs or presigns objects of the
/// policy's bucket.
pub fn keep(finding: &crate::finding::Finding, presigns: &PresignUse) -> bool {
    finding.lint != LintId::SignatureAgeNotCapped
        || presigns.s3
        || finding
            .details
            .get("bucket")
            .and_then(|b| b.as_str())
            .is_some_and(|b| presigns.buckets.contains(b))
}

/// The S3 presigning of one file: SDK presign calls and requests whose signer is SigV4 or
/// SigV2, calls of the project's functions that presign with one, and `aws s3 presign`.
pub fn presign_use(
    facts: &Facts,
    model: Option<&Model<'_>>,
    source: &crate::text::source::SourceFile,
) -> PresignUse {
    use crate::semantic::catalog::Signer;
    let mut out = PresignUse::default();
    let s3 = |signer: Signer| matches!(signer, Signer::Sigv4 | Signer::Sigv2);
    if let Some(model) = model {
        let sites = model.sites().map(|(call, target)| {
            let row = match target {
                Target::Sdk(row) => *row,
                Target::Wrapper(summary) => summary.row,
            };
            (call, row)
        });
        for (call, row) in sites.chain(model.requests()) {
            if !s3(row.signer) {
                continue;
            }
            out.s3 = true;
            let mut env = model.env(source, call.function);
            let mut found = BTreeSet::new();
            for arg in &call.call.args {
                bucket_arg(arg.name.as_deref(), &arg.value, &mut env, &mut found, 0);
            }
            if let Some(receiver) = call.call.receiver() {
                buckets_in(receiver, &mut env, &mut found, 0);
            }
            out.merge(PresignUse {
                s3: true,
                buckets: found,
            });
        }
    }
    for cli in &facts.cli_presigns {
        out.s3 = true;
        let text = source.text.as_str();
        // The command's own line, at most 2 KiB of it.
        let mut limit = (cli.span.end + 2048).min(text.len());
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let end = text[cli.span.end..limit]
            .find('\n')
            .map_or(limit, |i| cli.span.end + i);
        if let Some(at) = text[cli.span.end..end].find("s3://") {
            let rest = &text[cli.span.end + at + 5..end];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
                .collect();
            if !name.is_empty() && out.buckets.len() < MAX_BUCKETS {
                out.buckets.insert(name);
            }
        }
    }
    out
}

/// How deep request objects, builder chains and bindings are followed for a bucket.
const MAX_BUCKET_DEPTH: usize = 8;

fn is_bucket_key(key: &str) -> bool {
    let k: String = key
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    k == "bucket" || k == "bucketname"
}

/// An argument: a `Bucket=` keyword names the bucket; anything else is searched.
fn bucket_arg(
    name: Option<&str>,
    value: &Expr,
    env: &mut Env<'_>,
    out: &mut BTreeSet<String>,
    depth: usize,
) {
    match name {
        Some(key) if is_bucket_key(key) => bucket_value(value, env, out, depth),
        _ => buckets_in(value, env, out, depth),
    }
}

/// A bucket value: a string (folded through constants), or a wrapper such as
/// `aws.String("b")`.
fn bucket_value(value: &Expr, env: &mut Env<'_>, out: &mut BTreeSet<String>, depth: usize) {
    if depth > MAX_BUCKET_DEPTH {
        return;
    }
    match env.eval(value) {
        Value::Str(name) if !name.is_empty() && !name.contains(['/', ' ', '$', '{']) => {
            out.insert(name);
        }
        _ => {
            if let ExprKind::Call(call) = &value.kind
                && let [arg] = call.args.as_slice()
            {
                bucket_value(&arg.value, env, out, depth + 1);
            }
        }
    }
}

/// Buckets named in a request: `{"Bucket": b}` objects and struct literals, `Bucket=`
/// arguments, `.bucket(b)` / `withBucketName(b)` builder calls, and the bindings they come from.
fn buckets_in(expr: &Expr, env: &mut Env<'_>, out: &mut BTreeSet<String>, depth: usize) {
    if depth > MAX_BUCKET_DEPTH || out.len() >= MAX_BUCKETS {
        return;
    }
    match &expr.kind {
        ExprKind::Object(fields) => {
            for f in fields {
                if is_bucket_key(&f.key) {
                    bucket_value(&f.value, env, out, depth + 1);
                } else {
                    buckets_in(&f.value, env, out, depth + 1);
                }
            }
        }
        ExprKind::Call(call) => {
            let setter = call.name().is_some_and(|n| {
                let n = n.to_ascii_lowercase();
                is_bucket_key(&n) || n == "withbucketname" || n == "setbucket" || n == "withbucket"
            });
            if setter && let Some(first) = call.positional(0) {
                bucket_value(first, env, out, depth + 1);
            }
            for arg in &call.args {
                bucket_arg(arg.name.as_deref(), &arg.value, env, out, depth + 1);
            }
            if let Some(receiver) = call.receiver() {
                buckets_in(receiver, env, out, depth + 1);
            }
        }
        ExprKind::Array(items) => {
            for item in items {
                buckets_in(item, env, out, depth + 1);
            }
        }
        ExprKind::Name(_) => {
            if let Some(bound) = env.resolve(expr) {
                buckets_in(bound, env, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn diagnostic(
    cx: &Context<'_>,
    doc: &PolicyDocument,
    cap: Option<(u64, &PolicyValue)>,
) -> Diagnostic {
    let span = cap.map_or(doc.span.clone(), |(_, value)| value.span.clone());
    let finding = Uncapped {
        max_expiry_seconds: cx.max_expiry,
        max_signature_age_ms: cx.max_expiry.saturating_mul(1000),
        signature_age_ms: cap.map(|(ms, _)| ms),
        policy: doc.name.as_deref(),
        bucket: bucket_name(cx.facts.iac.as_ref(), doc),
    };
    let identity = format!(
        "{}|{}",
        doc.name.as_deref().unwrap_or(""),
        cx.text.get(span.clone()).unwrap_or("")
    );
    Diagnostic::explained(LintId::SignatureAgeNotCapped, span, identity, &finding)
}

/// A bucket policy whose signature-age cap is missing or above the maximum expiry: the cap
/// wanted and the one found.
#[derive(Serialize)]
struct Uncapped<'a> {
    max_expiry_seconds: u64,
    max_signature_age_ms: u64,
    /// The cap it sets, when it sets one above the maximum.
    #[serde(skip_serializing_if = "Option::is_none")]
    signature_age_ms: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    policy: Option<&'a str>,
    /// The bucket it governs, when the file names it ([`keep`] reads it back).
    #[serde(skip_serializing_if = "Option::is_none")]
    bucket: Option<&'a str>,
}

impl Explained for Uncapped<'_> {
    fn message(&self) -> String {
        let what = self.policy.map_or("bucket policy".to_string(), |n| {
            format!("bucket policy `{n}`")
        });
        match self.signature_age_ms {
            None => format!(
                "{what} does not cap `s3:signatureAge`: presigned URLs for this bucket stay valid as long as whoever signs them chooses, up to 7 days"
            ),
            Some(ms) => format!(
                "{what} caps `s3:signatureAge` at {ms} ms ({}), above the maximum expiry of {} ({} ms)",
                human(ms / 1000),
                human(self.max_expiry_seconds),
                self.max_signature_age_ms
            ),
        }
    }

    fn help(&self) -> Option<String> {
        let why = "`s3:signatureAge` (milliseconds since the request was signed) is the one server-side cap on a presigned URL's lifetime: the bucket refuses an older signature whatever `X-Amz-Expires` says, so URLs minted with a leaked key or a too-long expiry stop working after the cap";
        let max_ms = self.max_signature_age_ms;
        Some(match self.signature_age_ms {
            None => {
                let statement = format!(
                    "{{\"Sid\": \"DenyPresignedOlderThan{}s\", \"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"s3:*\", \"Resource\": \"arn:aws:s3:::{}/*\", \"Condition\": {{\"NumericGreaterThan\": {{\"s3:signatureAge\": {max_ms}}}}}}}",
                    self.max_expiry_seconds,
                    self.bucket.unwrap_or("<bucket>")
                );
                format!("{why}. Add this statement: {statement} (practice `short-expiration`)")
            }
            Some(_) => format!(
                "{why}. Lower the value to at most {max_ms} (the `max-expiry` of {} in milliseconds) (practice `short-expiration`)",
                human(self.max_expiry_seconds)
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, max_expiry: u64) -> Vec<Diagnostic> {
        super::super::check_policy_text(check, text, max_expiry)
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
