//! `wildcard-s3-policy`: an `Allow` statement of an identity or bucket policy that grants
//! wildcard S3 actions (`*`, `s3:*`, `s3:Get*`), every action but some (`NotAction`), or S3
//! actions on every resource (`Resource: "*"`).

use serde::Serialize;

use super::{Check, Context, Diagnostic, Explained, LintId, Rule};
use crate::facts::{
    Effect, PolicyDocument, PolicyKind, PolicyStatement, PolicyValue, Span, s3_arn_bucket,
};
use crate::frontend::Needs;

/// The lint's declaration, named in the registry.
pub(super) const RULE: Rule = Rule {
    triggers: || TRIGGERS.to_vec(),
    needs: |_| Needs::IAC,
    needs_where_presigned: Needs::NONE,
    check: Check::Own(|cx, out| check(cx, &mut out.diagnostics)),
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

/// The S3 actions of the Service Authorization Reference (without `s3:`), for what a partial
/// wildcard grants. One AWS adds later is matched by the wildcard but not known here.
const S3_ACTIONS: [&str; 166] = [
    "AbortMultipartUpload",
    "AssociateAccessGrantsIdentityCenter",
    "BypassGovernanceRetention",
    "CreateAccessGrant",
    "CreateAccessGrantsInstance",
    "CreateAccessGrantsLocation",
    "CreateAccessPoint",
    "CreateAccessPointForObjectLambda",
    "CreateBucket",
    "CreateBucketMetadataTableConfiguration",
    "CreateJob",
    "CreateMultiRegionAccessPoint",
    "CreateSession",
    "CreateStorageLensGroup",
    "DeleteAccessGrant",
    "DeleteAccessGrantsInstance",
    "DeleteAccessGrantsInstanceResourcePolicy",
    "DeleteAccessGrantsLocation",
    "DeleteAccessPoint",
    "DeleteAccessPointForObjectLambda",
    "DeleteAccessPointPolicy",
    "DeleteAccessPointPolicyForObjectLambda",
    "DeleteBucket",
    "DeleteBucketMetadataTableConfiguration",
    "DeleteBucketOwnershipControls",
    "DeleteBucketPolicy",
    "DeleteBucketWebsite",
    "DeleteJobTagging",
    "DeleteMultiRegionAccessPoint",
    "DeleteObject",
    "DeleteObjectTagging",
    "DeleteObjectVersion",
    "DeleteObjectVersionTagging",
    "DeleteStorageLensConfiguration",
    "DeleteStorageLensConfigurationTagging",
    "DeleteStorageLensGroup",
    "DescribeJob",
    "DescribeMultiRegionAccessPointOperation",
    "DissociateAccessGrantsIdentityCenter",
    "GetAccelerateConfiguration",
    "GetAccessGrant",
    "GetAccessGrantsInstance",
    "GetAccessGrantsInstanceForPrefix",
    "GetAccessGrantsInstanceResourcePolicy",
    "GetAccessGrantsLocation",
    "GetAccessPoint",
    "GetAccessPointConfigurationForObjectLambda",
    "GetAccessPointForObjectLambda",
    "GetAccessPointPolicy",
    "GetAccessPointPolicyForObjectLambda",
    "GetAccessPointPolicyStatus",
    "GetAccessPointPolicyStatusForObjectLambda",
    "GetAccountPublicAccessBlock",
    "GetAnalyticsConfiguration",
    "GetBucketAcl",
    "GetBucketCORS",
    "GetBucketLocation",
    "GetBucketLogging",
    "GetBucketMetadataTableConfiguration",
    "GetBucketNotification",
    "GetBucketObjectLockConfiguration",
    "GetBucketOwnershipControls",
    "GetBucketPolicy",
    "GetBucketPolicyStatus",
    "GetBucketPublicAccessBlock",
    "GetBucketRequestPayment",
    "GetBucketTagging",
    "GetBucketVersioning",
    "GetBucketWebsite",
    "GetDataAccess",
    "GetEncryptionConfiguration",
    "GetIntelligentTieringConfiguration",
    "GetInventoryConfiguration",
    "GetJobTagging",
    "GetLifecycleConfiguration",
    "GetMetricsConfiguration",
    "GetMultiRegionAccessPoint",
    "GetMultiRegionAccessPointPolicy",
    "GetMultiRegionAccessPointPolicyStatus",
    "GetMultiRegionAccessPointRoutes",
    "GetObject",
    "GetObjectAcl",
    "GetObjectAttributes",
    "GetObjectLegalHold",
    "GetObjectRetention",
    "GetObjectTagging",
    "GetObjectTorrent",
    "GetObjectVersion",
    "GetObjectVersionAcl",
    "GetObjectVersionAttributes",
    "GetObjectVersionForReplication",
    "GetObjectVersionTagging",
    "GetObjectVersionTorrent",
    "GetReplicationConfiguration",
    "GetStorageLensConfiguration",
    "GetStorageLensConfigurationTagging",
    "GetStorageLensDashboard",
    "GetStorageLensGroup",
    "InitiateReplication",
    "ListAccessGrants",
    "ListAccessGrantsInstances",
    "ListAccessGrantsLocations",
    "ListAccessPoints",
    "ListAccessPointsForObjectLambda",
    "ListAllMyBuckets",
    "ListBucket",
    "ListBucketMultipartUploads",
    "ListBucketVersions",
    "ListCallerAccessGrants",
    "ListJobs",
    "ListMultiRegionAccessPoints",
    "ListMultipartUploadParts",
    "ListStorageLensConfigurations",
    "ListStorageLensGroups",
    "ListTagsForResource",
    "ObjectOwnerOverrideToBucketOwner",
    "PauseReplication",
    "PutAccelerateConfiguration",
    "PutAccessGrantsInstanceResourcePolicy",
    "PutAccessPointConfigurationForObjectLambda",
    "PutAccessPointPolicy",
    "PutAccessPointPolicyForObjectLambda",
    "PutAccessPointPublicAccessBlock",
    "PutAccountPublicAccessBlock",
    "PutAnalyticsConfiguration",
    "PutBucketAcl",
    "PutBucketCORS",
    "PutBucketLogging",
    "PutBucketNotification",
    "PutBucketObjectLockConfiguration",
    "PutBucketOwnershipControls",
    "PutBucketPolicy",
    "PutBucketPublicAccessBlock",
    "PutBucketRequestPayment",
    "PutBucketTagging",
    "PutBucketVersioning",
    "PutBucketWebsite",
    "PutEncryptionConfiguration",
    "PutIntelligentTieringConfiguration",
    "PutInventoryConfiguration",
    "PutJobTagging",
    "PutLifecycleConfiguration",
    "PutMetricsConfiguration",
    "PutMultiRegionAccessPointPolicy",
    "PutObject",
    "PutObjectAcl",
    "PutObjectLegalHold",
    "PutObjectRetention",
    "PutObjectTagging",
    "PutObjectVersionAcl",
    "PutObjectVersionTagging",
    "PutReplicationConfiguration",
    "PutStorageLensConfiguration",
    "PutStorageLensConfigurationTagging",
    "ReplicateDelete",
    "ReplicateObject",
    "ReplicateTags",
    "RestoreObject",
    "SubmitMultiRegionAccessPointRoutes",
    "TagResource",
    "UntagResource",
    "UpdateAccessGrantsLocation",
    "UpdateBucketMetadataInventoryTableConfiguration",
    "UpdateJobPriority",
    "UpdateJobStatus",
    "UpdateStorageLensGroup",
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

/// What a risky S3 action can do, in the order a message names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Risk {
    Policy,
    Acl,
    Delete,
    Write,
    ObjectRead,
}

impl Risk {
    fn phrase(self) -> &'static str {
        match self {
            Risk::Policy => "policy changes",
            Risk::Acl => "ACL changes",
            Risk::Delete => "deletes",
            Risk::Write => "writes",
            Risk::ObjectRead => "object reads",
        }
    }
}

/// The risk of one S3 action (its name without `s3:`); `None` for a read-only action that
/// returns no object content (bucket and object metadata, listings).
fn risk(action: &str) -> Option<Risk> {
    let a = action.to_ascii_lowercase();
    let read = ["get", "list", "describe"].iter().any(|p| a.starts_with(p));
    if read {
        // Object content: the object, its versions, torrents, replication reads.
        let content = [
            "getobject",
            "getobjectversion",
            "getobjecttorrent",
            "getobjectversiontorrent",
            "getobjectversionforreplication",
            "getdataaccess",
        ];
        return content.contains(&a.as_str()).then_some(Risk::ObjectRead);
    }
    Some(if a.contains("policy") || a.contains("publicaccessblock") {
        Risk::Policy
    } else if a.ends_with("acl") || a.contains("ownershipcontrols") || a.contains("owneroverride") {
        Risk::Acl
    } else if a.starts_with("delete") || a == "bypassgovernanceretention" {
        Risk::Delete
    } else {
        Risk::Write
    })
}

/// `*` and `?` wildcards, case-insensitively, as IAM matches action names.
fn glob(pattern: &[u8], text: &[u8]) -> bool {
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some(b'*') => {
                star = Some((p, t));
                p += 1;
            }
            Some(c) if *c == b'?' || c.eq_ignore_ascii_case(&text[t]) => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    p = sp + 1;
                    t = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|c| *c == b'*')
}

/// The known S3 actions a partial wildcard (`s3:GetBucket*`) matches.
fn matched_actions(pattern: &str) -> Vec<&'static str> {
    let Some(name) = pattern.get(3..) else {
        return Vec::new();
    };
    S3_ACTIONS
        .iter()
        .copied()
        .filter(|a| glob(name.as_bytes(), a.as_bytes()))
        .collect()
}

/// One wildcard of a statement and what it grants.
struct Wildcard {
    /// How the message names it.
    what: String,
    /// Its risks; empty for a wildcard that grants only read-only metadata actions.
    risks: Vec<Risk>,
    /// The risky actions it grants (`s3:PutBucketPolicy`), most telling first; empty for the
    /// action `*`, `s3:*` and `NotAction`, which grant everything.
    risky: Vec<&'static str>,
    /// The known actions it matches (partial wildcards only).
    matched: Vec<&'static str>,
}

const EVERY_RISK: [Risk; 5] = [
    Risk::Policy,
    Risk::Acl,
    Risk::Delete,
    Risk::Write,
    Risk::ObjectRead,
];

fn partial(action: &PolicyValue) -> Wildcard {
    let matched = matched_actions(&action.text);
    let mut risky: Vec<(Risk, &'static str)> = matched
        .iter()
        .filter_map(|a| risk(a).map(|r| (r, *a)))
        .collect();
    // By risk, the best-known action of each first.
    const KNOWN: [&str; 8] = [
        "PutBucketPolicy",
        "DeleteBucketPolicy",
        "PutBucketAcl",
        "PutObjectAcl",
        "DeleteObject",
        "DeleteBucket",
        "PutObject",
        "GetObject",
    ];
    risky.sort_by_key(|(r, a)| (*r, KNOWN.iter().position(|k| k == a).unwrap_or(KNOWN.len())));
    let mut risks: Vec<Risk> = risky.iter().map(|(r, _)| *r).collect();
    risks.dedup();
    // Matching no action known today, it grants whatever AWS names so later.
    if matched.is_empty() {
        risks = EVERY_RISK.to_vec();
    }
    // One of each risk first, then the rest in order.
    let mut ordered: Vec<&'static str> = Vec::new();
    for r in &risks {
        if let Some((_, a)) = risky.iter().find(|(x, _)| x == r) {
            ordered.push(a);
        }
    }
    for (_, a) in &risky {
        if !ordered.contains(a) {
            ordered.push(a);
        }
    }
    let what = if matched.is_empty() {
        format!(
            "`{}` (no S3 action known today, so any AWS adds that matches it)",
            action.text
        )
    } else if ordered.is_empty() {
        format!(
            "`{}` (read-only bucket metadata: {})",
            action.text,
            shown(&matched, 3)
        )
    } else {
        format!(
            "`{}` (which grants {}: {})",
            action.text,
            shown(&ordered, 3),
            join_english(&risks.iter().map(|r| r.phrase()).collect::<Vec<_>>())
        )
    };
    Wildcard {
        what,
        risks,
        risky: ordered,
        matched,
    }
}

/// `s3:A`, `s3:B`, `s3:C` and 12 more.
fn shown(actions: &[&str], max: usize) -> String {
    let names: Vec<String> = actions
        .iter()
        .take(max)
        .map(|a| format!("`s3:{a}`"))
        .collect();
    let more = actions.len().saturating_sub(max);
    if more == 0 {
        join_english(&names)
    } else {
        format!("{} and {more} more", names.join(", "))
    }
}

fn join_english<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => format!(
            "{} and {}",
            rest.iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}

/// Every resource names one bucket (or objects of one): an S3 ARN whose bucket has no
/// wildcard, or a reference to a bucket resource.
fn named_buckets(s: &PolicyStatement) -> bool {
    s.not_resources.is_none()
        && !s.resources.is_empty()
        && s.resources.iter().all(|r| match s3_arn_bucket(&r.text) {
            Some(bucket) => !bucket.is_empty() && !bucket.contains(['*', '?']),
            None => r.text.contains("aws_s3_bucket."),
        })
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

    let mut grants: Vec<Wildcard> = Vec::new();
    let mut span: Option<Span> = None;
    let mut wildcards: Vec<String> = Vec::new();
    let everything = |what: String| Wildcard {
        what,
        risks: EVERY_RISK.to_vec(),
        risky: Vec::new(),
        matched: Vec::new(),
    };
    for action in literal(&s.actions) {
        let lower = action.text.to_ascii_lowercase();
        let grant = if lower == "*" && reaches_s3 {
            everything("`*` (every action of every service)".to_string())
        } else if lower == "s3:*" {
            everything("`s3:*` (every S3 action)".to_string())
        } else if lower.starts_with("s3:") && lower.contains(['*', '?']) {
            partial(action)
        } else {
            continue;
        };
        wildcards.push(lower);
        grants.push(grant);
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
            grants.push(everything(format!(
                "every action except {} (`NotAction`)",
                if listed.is_empty() {
                    "none".to_string()
                } else {
                    listed.join(", ")
                }
            )));
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
    if grants.is_empty() {
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
        let mut risks: Vec<Risk> = specific
            .iter()
            .filter_map(|a| risk(a.text.get(3..).unwrap_or("")))
            .collect();
        risks.sort();
        risks.dedup();
        grants.push(Wildcard {
            what: names.join(", "),
            risks,
            risky: Vec::new(),
            matched: Vec::new(),
        });
        span = Some(star.span.clone());
    }
    // Read-only metadata wildcards on named buckets: worth naming the actions, no more.
    let metadata_only = specific.is_empty()
        && grants.iter().all(|g| g.risks.is_empty())
        && star_resource.is_none()
        && named_buckets(s);

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
    let granted: Vec<String> = grants.iter().map(|g| g.what.clone()).collect();
    let mut risks: Vec<Risk> = grants.iter().flat_map(|g| g.risks.clone()).collect();
    risks.sort();
    risks.dedup();
    let matched = metadata_only.then(|| {
        let mut matched: Vec<&str> = grants.iter().flat_map(|g| g.matched.clone()).collect();
        matched.dedup();
        matched
    });
    let finding = WildcardGrant {
        policy_kind: doc.kind.id(),
        granted: &granted,
        risks: risks.iter().map(|r| r.phrase()).collect(),
        risky_actions: grants
            .iter()
            .flat_map(|g| g.risky.iter().map(|a| format!("s3:{a}")))
            .collect(),
        resources: s.resources.iter().map(|r| r.text.as_str()).collect(),
        suggested_action: &narrow_actions,
        suggested_resource: &narrow_resource,
        subject,
        on: &on,
        metadata_only: matched,
        risk_kinds: &risks,
    };
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
    let mut diagnostic = Diagnostic::explained(LintId::WildcardS3Policy, span, identity, &finding);
    diagnostic.level_cap = metadata_only.then_some(crate::level::Level::Note);
    Some(diagnostic)
}

/// A wildcard statement: what it grants and the narrower grant to use instead (the details),
/// and how the message says it.
#[derive(Serialize)]
struct WildcardGrant<'a> {
    policy_kind: &'static str,
    granted: &'a [String],
    risks: Vec<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    risky_actions: Vec<String>,
    resources: Vec<&'a str>,
    suggested_action: &'a str,
    suggested_resource: &'a str,
    /// "bucket policy statement" or "policy statement".
    #[serde(skip)]
    subject: &'static str,
    /// What it applies to: "every resource (`*`)", "`arn:aws:s3:::b/*`".
    #[serde(skip)]
    on: &'a str,
    /// Read-only metadata wildcards on named buckets: the actions they match.
    #[serde(skip)]
    metadata_only: Option<Vec<&'a str>>,
    #[serde(skip)]
    risk_kinds: &'a [Risk],
}

impl Explained for WildcardGrant<'_> {
    fn message(&self) -> String {
        let (subject, on) = (self.subject, self.on);
        let granted = join_english(self.granted);
        if self.metadata_only.is_some() {
            format!(
                "{subject} allows {granted} on {on}: no write, delete, policy, ACL or object read, but a wildcard also grants every matching action AWS adds later; list the actions needed"
            )
        } else {
            format!(
                "{subject} allows {granted} on {on}; grant only what the signer needs, such as `{}` on `{}`",
                self.suggested_action, self.suggested_resource
            )
        }
    }

    fn help(&self) -> Option<String> {
        if let Some(matched) = &self.metadata_only {
            return Some(format!(
                "name the read-only actions the role uses (such as {}) instead of a wildcard, so what the role may do stays reviewable (practice `iam-least-privilege`)",
                shown(matched, 2)
            ));
        }
        let can = self
            .risk_kinds
            .iter()
            .map(|r| match r {
                Risk::Policy => "re-permission the bucket",
                Risk::Acl => "rewrite ACLs",
                Risk::Delete => "delete",
                Risk::Write => "overwrite",
                Risk::ObjectRead => "read every object",
            })
            .collect::<Vec<_>>();
        let so = if can.is_empty() {
            "so a leaked key reaches only the buckets its URLs serve".to_string()
        } else {
            format!(
                "so a leaked key cannot {}",
                join_english(&can).replace(" and ", " or ")
            )
        };
        Some(format!(
            "a presigned URL can do only what its signer may do: give the signing role the one action its URLs perform (`s3:GetObject` to download, `s3:PutObject` to upload) on the prefix they serve (`{}`), {so} (practice `iam-least-privilege`)",
            self.suggested_resource
        ))
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<Diagnostic> {
        super::super::check_policy_text(check, text, 3600)
    }

    fn statement(action: &str, resource: &str) -> String {
        format!(
            r#"{{"Statement": [{{"Effect": "Allow", "Action": "{action}", "Resource": "{resource}"}}]}}"#
        )
    }

    #[test]
    fn globs_match_as_iam_does() {
        assert!(glob(b"GetBucket*", b"GetBucketAcl"));
        assert!(glob(b"*object", b"PutObject"));
        assert!(glob(b"Put?bject", b"PutObject"));
        assert!(glob(b"*", b""));
        assert!(!glob(b"GetBucket*", b"GetObject"));
        assert!(!glob(b"Put?", b"PutObject"));
        assert!(glob(b"*Bucket*Policy", b"PutBucketPolicy"));
    }

    #[test]
    fn actions_are_graded_by_what_they_can_do() {
        assert_eq!(risk("GetBucketPolicy"), None);
        assert_eq!(risk("ListBucket"), None);
        assert_eq!(risk("GetObjectTagging"), None);
        assert_eq!(risk("GetObject"), Some(Risk::ObjectRead));
        assert_eq!(risk("PutBucketPolicy"), Some(Risk::Policy));
        assert_eq!(risk("PutBucketPublicAccessBlock"), Some(Risk::Policy));
        assert_eq!(risk("PutObjectAcl"), Some(Risk::Acl));
        assert_eq!(risk("DeleteObjectVersion"), Some(Risk::Delete));
        assert_eq!(risk("RestoreObject"), Some(Risk::Write));
        // Every known action is classified, and names are unique and sorted.
        assert!(S3_ACTIONS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn read_only_metadata_on_a_named_bucket_is_a_note() {
        let found = run(&statement("s3:GetBucket*", "arn:aws:s3:::acme-state"));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].level_cap, Some(crate::level::Level::Note));
        let m = &found[0].message;
        assert!(m.contains("read-only bucket metadata"), "{m}");
        assert!(
            m.contains("no write, delete, policy, ACL or object read"),
            "{m}"
        );
        for all in ["*", "arn:aws:s3:::*", "arn:aws:s3:::acme-*"] {
            let found = run(&statement("s3:GetBucket*", all));
            assert_eq!(found[0].level_cap, None, "{all}");
        }
    }

    #[test]
    fn the_message_names_the_risky_actions_granted() {
        let found = run(&statement("s3:Put*", "arn:aws:s3:::acme-uploads/*"));
        assert_eq!(found[0].level_cap, None);
        let m = &found[0].message;
        assert!(m.contains("`s3:PutBucketPolicy`"), "{m}");
        assert!(m.contains("policy changes, ACL changes and writes"), "{m}");
        assert!(!m.contains("deletes"), "{m}");
        let help = found[0].help.as_deref().unwrap_or("");
        assert!(help.contains("cannot re-permission the bucket, rewrite ACLs or overwrite"));
        let found = run(&statement("s3:GetObject*", "arn:aws:s3:::acme-uploads/*"));
        let m = &found[0].message;
        assert!(m.contains("`s3:GetObject`") && m.ends_with("`arn:aws:s3:::acme-uploads/*`"));
        assert!(m.contains(": object reads)"), "{m}");
        // A wildcard no known action matches may match one AWS adds: still a warning.
        let found = run(&statement("s3:Frobnicate*", "arn:aws:s3:::acme-uploads"));
        assert_eq!(found[0].level_cap, None);
    }
}
