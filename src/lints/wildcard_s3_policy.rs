//! `wildcard-s3-policy`: an `Allow` statement of an identity or bucket policy that grants
//! wildcard S3 actions (`*`, `s3:*`, `s3:Get*`), every action but some (`NotAction`), or S3
//! actions on every resource (`Resource: "*"`).

use serde_json::json;

use super::{Context, Diagnostic, LintId};
use crate::facts::{
    Effect, PolicyDocument, PolicyKind, PolicyStatement, PolicyValue, Span, s3_arn_bucket,
};

/// Every policy document has a `Statement` key or `statement` block.
pub const TRIGGERS: [&str; 1] = ["statement"];

/// S3 actions that only apply to `Resource: "*"` (account-level): `*` is right for them.
const ACCOUNT_LEVEL: [&str; 12] = [
    "s3:listallmybuckets",
    "s3:getaccountpublicaccessblock",
    "s3:putaccountpublicaccessblock",
    "s3:createjob",
    "s3:listjobs",
    "s3:listaccesspoints",
    "s3:listaccesspointsforobjectlambda",
    "s3:listmultiregionaccesspoints",
    "s3:liststoragelensconfigurations",
    "s3:liststoragelensgroups",
    "s3:listaccessgrantsinstances",
    "s3:getaccesspoint",
];

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(iac) = &cx.facts.iac else {
        return;
    };
    for doc in &iac.policies {
        if !matches!(doc.kind, PolicyKind::Identity | PolicyKind::Bucket) {
            continue;
        }
        for statement in &doc.statements {
            if statement.effect == Effect::Allow
                && let Some(d) = statement_finding(cx, doc, statement)
            {
                out.push(d);
            }
        }
    }
}

/// `*`, or an S3 ARN of every bucket (`arn:aws:s3:::*`, `arn:aws:s3:::*/*`).
fn is_every_resource(value: &PolicyValue) -> bool {
    value.literal && (value.text == "*" || s3_arn_bucket(&value.text) == Some("*"))
}

fn literal(values: &[PolicyValue]) -> impl Iterator<Item = &PolicyValue> {
    values.iter().filter(|v| v.literal)
}

fn statement_finding(
    cx: &Context<'_>,
    doc: &PolicyDocument,
    s: &PolicyStatement,
) -> Option<Diagnostic> {
    let star_resource = s.resources.iter().find(|r| is_every_resource(r));
    let s3_resources: Vec<&PolicyValue> = s
        .resources
        .iter()
        .filter(|r| s3_arn_bucket(&r.text).is_some())
        .collect();
    // Also `"${aws_s3_bucket.media.arn}/*"`: a Terraform reference to a bucket.
    let bucket_reference = s.resources.iter().any(PolicyValue::is_s3_resource);
    // Whether the statement can reach S3 at all: a `*` resource, an S3 ARN, or `NotResource`
    // (everything but what it lists).
    let reaches_s3 = star_resource.is_some()
        || !s3_resources.is_empty()
        || bucket_reference
        || s.not_resources.is_some();

    let mut granted: Vec<String> = Vec::new();
    let mut span: Option<Span> = None;
    let mut wildcards: Vec<String> = Vec::new();
    for action in literal(&s.actions) {
        let lower = action.text.to_ascii_lowercase();
        let what = if lower == "*" && reaches_s3 {
            "`*` (every action of every service)".to_string()
        } else if lower == "s3:*" {
            "`s3:*` (every S3 action)".to_string()
        } else if lower.starts_with("s3:") && lower.contains(['*', '?']) {
            format!("`{}` (every S3 action it matches)", action.text)
        } else {
            continue;
        };
        wildcards.push(lower);
        granted.push(what);
        span.get_or_insert(action.span.clone());
    }
    if let Some(not_actions) = &s.not_actions {
        let excludes_s3 = literal(not_actions).any(|a| {
            let a = a.text.to_ascii_lowercase();
            a == "*" || a == "s3:*"
        });
        if reaches_s3 && !excludes_s3 && not_actions.iter().all(|a| a.literal) {
            let listed: Vec<String> = not_actions
                .iter()
                .map(|a| format!("`{}`", a.text))
                .collect();
            granted.push(format!(
                "every action except {} (`NotAction`)",
                if listed.is_empty() {
                    "none".to_string()
                } else {
                    listed.join(", ")
                }
            ));
            span.get_or_insert(
                not_actions
                    .first()
                    .map_or(s.span.clone(), |a| a.span.clone()),
            );
            wildcards.push("*".into());
        }
    }
    // Specific S3 actions on every bucket.
    let mut specific: Vec<&PolicyValue> = Vec::new();
    if granted.is_empty() {
        let star = star_resource?;
        specific = literal(&s.actions)
            .filter(|a| {
                let lower = a.text.to_ascii_lowercase();
                lower.starts_with("s3:") && !ACCOUNT_LEVEL.contains(&lower.as_str())
            })
            .collect();
        if specific.is_empty() {
            return None;
        }
        let names: Vec<String> = specific.iter().map(|a| format!("`{}`", a.text)).collect();
        granted.push(names.join(", "));
        span = Some(star.span.clone());
    }

    let on = if let Some(star) = star_resource {
        if star.text == "*" {
            "every resource (`*`)".to_string()
        } else {
            format!("every bucket (`{}`)", star.text)
        }
    } else if s.not_resources.is_some() {
        "every resource except those in `NotResource`".to_string()
    } else {
        let shown: Vec<String> = s
            .resources
            .iter()
            .take(2)
            .map(|r| format!("`{}`", r.text))
            .collect();
        let more = if s.resources.len() > 2 { ", …" } else { "" };
        format!("{}{more}", shown.join(", "))
    };
    let narrow_actions = if specific.is_empty() {
        suggested_action(&wildcards).to_string()
    } else {
        specific
            .iter()
            .map(|a| a.text.as_str())
            .collect::<Vec<_>>()
            .join("`, `")
    };
    let narrow_resource = suggested_resource(&s3_resources);
    let subject = match doc.kind {
        PolicyKind::Bucket => "bucket policy statement",
        _ => "policy statement",
    };
    let message = format!(
        "{subject} allows {} on {on}; grant only what the signer needs, such as `{narrow_actions}` on `{narrow_resource}`",
        granted.join(" and ")
    );
    let help = format!(
        "a presigned URL can do only what its signer may do: give the signing role the one action its URLs perform (`s3:GetObject` to download, `s3:PutObject` to upload) on the prefix they serve (`{narrow_resource}`), so a leaked key cannot delete, overwrite or re-permission the bucket (practice `iam-least-privilege`)"
    );
    let mut details = serde_json::Map::new();
    details.insert("policy_kind".into(), json!(doc.kind.id()));
    details.insert("granted".into(), json!(granted));
    details.insert(
        "resources".into(),
        json!(
            s.resources
                .iter()
                .map(|r| r.text.as_str())
                .collect::<Vec<_>>()
        ),
    );
    details.insert("suggested_action".into(), json!(narrow_actions));
    details.insert("suggested_resource".into(), json!(narrow_resource));
    let span = span.unwrap_or_else(|| s.span.clone());
    let identity = format!(
        "{}|{}|{}|{}",
        doc.name.as_deref().unwrap_or(""),
        s.actions
            .iter()
            .map(|a| a.text.as_str())
            .collect::<Vec<_>>()
            .join(","),
        s.resources
            .iter()
            .map(|a| a.text.as_str())
            .collect::<Vec<_>>()
            .join(","),
        cx.text.get(span.clone()).unwrap_or("")
    );
    Some(Diagnostic {
        lint: LintId::WildcardS3Policy,
        span,
        message,
        help: Some(help),
        details,
        identity,
        level_cap: None,
        related: Vec::new(),
    })
}

/// The narrowest action a wildcard stands for: `s3:Put*` → `s3:PutObject`.
fn suggested_action(wildcards: &[String]) -> &'static str {
    if wildcards.iter().any(|w| w.starts_with("s3:put")) {
        "s3:PutObject"
    } else {
        "s3:GetObject"
    }
}

/// The objects of the statement's bucket (`arn:aws:s3:::bucket/*`), or a placeholder.
fn suggested_resource(s3_resources: &[&PolicyValue]) -> String {
    let Some(resource) = s3_resources
        .iter()
        .find(|r| s3_arn_bucket(&r.text).is_some_and(|b| b != "*"))
    else {
        return "arn:aws:s3:::<bucket>/*".to_string();
    };
    if resource.text.contains('/') {
        resource.text.clone()
    } else {
        format!("{}/*", resource.text)
    }
}
