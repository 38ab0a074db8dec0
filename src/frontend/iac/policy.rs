//! Policy documents, S3 buckets and their logging in a document tree: a bare JSON policy, a
//! CloudFormation/SAM template (YAML or JSON), or the object of a Terraform `jsonencode`.

use super::tree::{Key, Kind, MAX_DEPTH, Node};
use crate::facts::{
    Bucket, BucketLogging, BucketRef, Effect, IacFacts, IacFormat, PolicyCondition, PolicyDocument,
    PolicyKind, PolicyStatement, PolicyValue, Span,
};

/// Where a document sits, as far as it decides its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attached {
    Identity,
    Bucket,
    Trust,
    /// Not known from the context: decided by the document's shape.
    Unknown,
}

/// Facts of one parsed JSON or YAML document (`text` is the file, for comments).
pub fn collect(root: &Node, text: &str, out: &mut IacFacts) {
    match root.get("Resources") {
        Some(resources) if matches!(resources.kind, Kind::Map(_)) => template(resources, text, out),
        _ => find_documents(root, Attached::Unknown, None, None, out, 0),
    }
}

/// A CloudFormation/SAM `Resources` map.
fn template(resources: &Node, text: &str, out: &mut IacFacts) {
    let Kind::Map(entries) = &resources.kind else {
        return;
    };
    for (id, resource) in entries {
        let kind = resource.get("Type").and_then(Node::as_str).unwrap_or("");
        let properties = resource.get("Properties");
        if kind == "AWS::S3::Bucket" {
            bucket(&id.name, id.span.clone(), properties, out);
            if let Some(b) = out.buckets.last_mut() {
                b.waivers = waivers(resource, text, &id.span);
            }
        }
        if let Some(properties) = properties {
            let mut path = Vec::new();
            for target in log_destinations(kind, properties, &mut path, 0) {
                out.logging.push(BucketLogging {
                    source: None,
                    target: Some(target),
                });
            }
        }
        let attached = match kind {
            "AWS::S3::BucketPolicy" => Attached::Bucket,
            k if k.starts_with("AWS::IAM::") || k.starts_with("AWS::Serverless::") => {
                Attached::Identity
            }
            _ => Attached::Unknown,
        };
        // A bucket policy is reported at its logical id, like the bucket itself.
        let anchor = (attached == Attached::Bucket).then(|| id.span.clone());
        let before = out.policies.len();
        find_documents(resource, attached, anchor, Some(&id.name), out, 0);
        if attached == Attached::Bucket {
            let target = properties
                .and_then(|p| p.get("Bucket"))
                .map_or(BucketRef::Unknown, bucket_ref);
            for doc in &mut out.policies[before..] {
                doc.bucket = Some(target.clone());
            }
            if out.policies[before..].iter().any(grants_log_delivery) {
                out.logging.push(BucketLogging {
                    source: None,
                    target: Some(target),
                });
            }
        }
    }
}

/// Other scanners' waivers of a resource: Checkov's and cfn_nag's `Metadata`
/// (`checkov: {skip: [{id: CKV_AWS_18}]}`, `cfn_nag: {rules_to_suppress: [{id: W35}]}`), and
/// tfsec/Trivy/Checkov comments above the logical id (YAML).
fn waivers(resource: &Node, text: &str, id: &Span) -> Vec<String> {
    let mut out = Vec::new();
    let metadata = resource.get("Metadata");
    for (tool, list, key) in [
        ("checkov", "skip", "id"),
        ("cfn_nag", "rules_to_suppress", "id"),
    ] {
        let Some(Kind::List(items)) = metadata
            .and_then(|m| m.get(tool))
            .and_then(|t| t.get(list))
            .map(|l| &l.kind)
        else {
            continue;
        };
        for item in items {
            if let Some(check) = item.get(key).and_then(Node::as_str) {
                out.push(format!("{tool}:{check}"));
            }
        }
    }
    super::logs::waivers_in(
        super::logs::comments_above(text, super::logs::line_start(text, id.start)),
        &mut out,
    );
    out.sort();
    out.dedup();
    out
}

/// Property names that name a bucket a service writes to.
const BUCKET_KEYS: [&str; 10] = [
    "S3BucketName",
    "BucketName",
    "Bucket",
    "BucketARN",
    "BucketArn",
    "LogDestination",
    "LogDestinationConfigs",
    "LogUri",
    "DestinationArn",
    "bucketName",
];

/// The buckets a resource's service writes logs or reports to: CloudTrail and AWS Config
/// `S3BucketName`, a flow log's `LogDestination`, a WAF logging configuration's
/// `LogDestinationConfigs`, a Firehose stream's `BucketARN`, an S3 inventory or analytics
/// `Destination.BucketArn`; an ALB/NLB `LoadBalancerAttributes` entry
/// `access_logs.s3.bucket`/`connection_logs.s3.bucket`; and, for any resource, a bucket
/// property under one whose name says logs (`AccessLoggingPolicy.S3BucketName`,
/// `DistributionConfig.Logging.Bucket`).
fn log_destinations<'n>(
    kind: &str,
    node: &'n Node,
    path: &mut Vec<&'n str>,
    depth: usize,
) -> Vec<BucketRef> {
    let mut out = Vec::new();
    if depth > MAX_DEPTH {
        return out;
    }
    match &node.kind {
        Kind::Map(entries) => {
            // `{Key: access_logs.s3.bucket, Value: !Ref LogBucket}`.
            if let (Some(key), Some(value)) =
                (node.get("Key").and_then(Node::as_str), node.get("Value"))
                && key.ends_with("logs.s3.bucket")
            {
                let (text, literal) = value.text();
                out.push(super::logs::cloudformation_bucket_ref(&text, literal));
                return out;
            }
            for (key, value) in entries {
                let slot = BUCKET_KEYS.contains(&key.name.as_str()) && {
                    let under_logs = path.iter().any(|p| p.to_ascii_lowercase().contains("log"));
                    match kind {
                        "AWS::CloudTrail::Trail" | "AWS::Config::DeliveryChannel" => {
                            key.name == "S3BucketName"
                        }
                        "AWS::EC2::FlowLog" => key.name == "LogDestination",
                        "AWS::WAFv2::LoggingConfiguration" => key.name == "LogDestinationConfigs",
                        "AWS::KinesisFirehose::DeliveryStream" => key.name == "BucketARN",
                        "AWS::EMR::Cluster" => key.name == "LogUri",
                        "AWS::S3::Bucket" => {
                            key.name == "BucketArn" && path.contains(&"Destination")
                        }
                        k if k.starts_with("AWS::S3::") => false,
                        _ => under_logs || key.name.starts_with("Log"),
                    }
                };
                if slot {
                    let items = match &value.kind {
                        Kind::List(items) => items.iter().collect(),
                        _ => vec![value],
                    };
                    for item in items {
                        let (text, literal) = item.text();
                        out.push(super::logs::cloudformation_bucket_ref(&text, literal));
                    }
                    continue;
                }
                path.push(&key.name);
                out.extend(log_destinations(kind, value, path, depth + 1));
                path.pop();
            }
        }
        Kind::List(items) => {
            for item in items {
                out.extend(log_destinations(kind, item, path, depth + 1));
            }
        }
        _ => {}
    }
    out
}

/// Whether a bucket policy lets the S3 logging service write to the bucket: it is a log
/// destination.
pub fn grants_log_delivery(doc: &PolicyDocument) -> bool {
    doc.statements.iter().any(|s| {
        s.effect == Effect::Allow
            && s.principals
                .iter()
                .flatten()
                .any(|p| super::logs::is_log_writer(&p.text))
    })
}

/// A literal bucket name, or `!Ref Bucket` (lowered to `${Bucket}`).
fn bucket_ref(node: &Node) -> BucketRef {
    match &node.kind {
        Kind::Scalar(name) => BucketRef::Name(name.clone()),
        Kind::Template(t) => t
            .strip_prefix("${")
            .and_then(|t| t.strip_suffix('}'))
            .filter(|r| !r.contains(['$', '{', '}', '.']))
            .map_or(BucketRef::Unknown, |r| BucketRef::Resource(r.to_string())),
        _ => BucketRef::Unknown,
    }
}

fn bucket(id: &str, span: Span, properties: Option<&Node>, out: &mut IacFacts) {
    let name = properties
        .and_then(|p| p.get("BucketName"))
        .and_then(Node::as_str)
        .map(str::to_string);
    let logging = properties.and_then(|p| p.get("LoggingConfiguration"));
    let acl = properties
        .and_then(|p| p.get("AccessControl"))
        .and_then(Node::as_str);
    out.buckets.push(Bucket {
        format: IacFormat::CloudFormation,
        id: id.to_string(),
        name,
        span,
        inline_logging: logging.is_some(),
        log_delivery_acl: acl == Some("LogDeliveryWrite"),
        waivers: Vec::new(),
    });
    if let Some(logging) = logging {
        let target = logging.get("DestinationBucketName").map(bucket_ref);
        out.logging.push(BucketLogging {
            source: Some(BucketRef::Resource(id.to_string())),
            target,
        });
    }
}

/// Finds `{ "Statement": … }` documents under `node`.
pub fn find_documents(
    node: &Node,
    attached: Attached,
    anchor: Option<Span>,
    name: Option<&str>,
    out: &mut IacFacts,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    match &node.kind {
        Kind::Map(entries) => {
            if let Some(doc) = document(node, attached, anchor.clone(), name) {
                out.policies.push(doc);
                return;
            }
            for (key, value) in entries {
                // Serverless Framework: `provider.iamRoleStatements` (v1, v2) and
                // `provider.iam.role.statements` (v3) are the function role's statements.
                let serverless = match key.name.as_str() {
                    "iamRoleStatements" => Some((key, value)),
                    "role" => value.entry("statements"),
                    _ => None,
                };
                if let Some((key, statements)) = serverless
                    && let Some(doc) =
                        from_statements(key, statements, Attached::Identity, None, name)
                {
                    out.policies.push(doc);
                    continue;
                }
                let attached = match key.name.as_str() {
                    "AssumeRolePolicyDocument" => Attached::Trust,
                    _ => attached,
                };
                find_documents(value, attached, anchor.clone(), name, out, depth + 1);
            }
        }
        Kind::List(items) => {
            for item in items {
                find_documents(item, attached, anchor.clone(), name, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// A policy document: a map with a `Statement` that holds statement-shaped maps.
pub fn document(
    node: &Node,
    attached: Attached,
    anchor: Option<Span>,
    name: Option<&str>,
) -> Option<PolicyDocument> {
    let (key, statements) = node.entry("Statement")?;
    from_statements(key, statements, attached, anchor, name)
}

/// A document from its statement list (or single statement).
fn from_statements(
    key: &Key,
    statements: &Node,
    attached: Attached,
    anchor: Option<Span>,
    name: Option<&str>,
) -> Option<PolicyDocument> {
    let (items, mut incomplete): (Vec<&Node>, bool) = match &statements.kind {
        Kind::List(items) => (items.iter().collect(), false),
        Kind::Map(_) => (vec![statements], false),
        // A `Statement` that is plain text is some other format's key.
        Kind::Scalar(_) => return None,
        _ => (Vec::new(), true),
    };
    let mut parsed = Vec::new();
    for item in items {
        match statement(item) {
            Some(s) => parsed.push(s),
            None => incomplete = true,
        }
    }
    if parsed.is_empty() && !incomplete {
        return None;
    }
    // Only statement-shaped: some effect or action, or it is some other `Statement` key.
    if !incomplete
        && !parsed.iter().any(|s| {
            s.effect != Effect::Unknown || !s.actions.is_empty() || s.not_actions.is_some()
        })
    {
        return None;
    }
    Some(PolicyDocument {
        kind: kind_of(attached, &parsed),
        statements: parsed,
        span: anchor.unwrap_or_else(|| key.span.clone()),
        name: name.map(str::to_string),
        incomplete,
        bucket: None,
    })
}

/// The kind of a document from where it is attached, or else from its shape.
pub fn kind_of(attached: Attached, statements: &[PolicyStatement]) -> PolicyKind {
    match attached {
        Attached::Identity => PolicyKind::Identity,
        Attached::Bucket => PolicyKind::Bucket,
        Attached::Trust => PolicyKind::Trust,
        Attached::Unknown => {
            if !statements.iter().any(|s| s.principals.is_some()) {
                PolicyKind::Identity
            } else if statements
                .iter()
                .flat_map(|s| &s.resources)
                .any(PolicyValue::is_s3_resource)
            {
                PolicyKind::Bucket
            } else if statements
                .iter()
                .flat_map(|s| &s.actions)
                .any(|a| a.text.to_ascii_lowercase().starts_with("sts:"))
            {
                PolicyKind::Trust
            } else {
                PolicyKind::OtherResource
            }
        }
    }
}

fn statement(node: &Node) -> Option<PolicyStatement> {
    let Kind::Map(_) = node.kind else {
        return None;
    };
    let effect = match node.get("Effect").map(Node::text) {
        Some((e, true)) if e.eq_ignore_ascii_case("allow") => Effect::Allow,
        Some((e, true)) if e.eq_ignore_ascii_case("deny") => Effect::Deny,
        _ => Effect::Unknown,
    };
    let principals = node
        .get("Principal")
        .or_else(|| node.get("NotPrincipal"))
        .map(principal_values);
    let mut conditions = Vec::new();
    if let Some(Kind::Map(operators)) = node.get("Condition").map(|c| &c.kind) {
        for (operator, keys) in operators {
            if let Kind::Map(keys) = &keys.kind {
                for (key, values) in keys {
                    conditions.push(PolicyCondition {
                        operator: operator.name.clone(),
                        key: key.name.clone(),
                        values: values_of(values),
                        span: key.span.clone(),
                    });
                }
            }
        }
    }
    Some(PolicyStatement {
        effect,
        actions: node.get("Action").map(values_of).unwrap_or_default(),
        not_actions: node.get("NotAction").map(values_of),
        resources: node.get("Resource").map(values_of).unwrap_or_default(),
        not_resources: node.get("NotResource").map(values_of),
        principals,
        conditions,
        span: node.span.start..node.span.start + 1,
    })
}

/// A string or a list of strings.
pub fn values_of(node: &Node) -> Vec<PolicyValue> {
    match &node.kind {
        Kind::List(items) => items.iter().map(value).collect(),
        _ => vec![value(node)],
    }
}

fn value(node: &Node) -> PolicyValue {
    let (text, literal) = node.text();
    PolicyValue {
        text,
        literal,
        span: node.span.clone(),
    }
}

/// `"*"` or `{ "AWS": […], "Service": … }`.
fn principal_values(node: &Node) -> Vec<PolicyValue> {
    match &node.kind {
        Kind::Map(entries) => entries.iter().flat_map(|(_, v)| values_of(v)).collect(),
        _ => values_of(node),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tree::{parse_json, parse_yaml};
    use super::*;

    #[test]
    fn bare_json_documents_get_their_kind_from_shape() {
        let bucket = r#"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#;
        let trust = r#"{"Statement":{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}}"#;
        let identity = r#"{"Statement":[{"Effect":"Allow","Action":["s3:*"],"Resource":"*"}]}"#;
        for (text, kind) in [
            (bucket, PolicyKind::Bucket),
            (trust, PolicyKind::Trust),
            (identity, PolicyKind::Identity),
        ] {
            let mut out = IacFacts::default();
            collect(&parse_json(text, 0).expect("json"), text, &mut out);
            assert_eq!(out.policies.len(), 1, "{text}");
            assert_eq!(out.policies[0].kind, kind, "{text}");
        }
    }

    #[test]
    fn cloudformation_resources() {
        let text = "Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      LoggingConfiguration:\n        DestinationBucketName: !Ref Logs\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: {Service: lambda.amazonaws.com}\n            Action: sts:AssumeRole\n      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: s3:*\n                Resource: !Sub 'arn:aws:s3:::${Data}/*'\n";
        let mut out = IacFacts::default();
        for doc in parse_yaml(text).expect("yaml") {
            collect(&doc, text, &mut out);
        }
        assert_eq!(out.buckets.len(), 2);
        assert!(out.buckets[1].inline_logging);
        assert_eq!(
            out.logging[0].target,
            Some(BucketRef::Resource("Logs".into()))
        );
        let kinds: Vec<_> = out.policies.iter().map(|p| p.kind).collect();
        assert_eq!(kinds, [PolicyKind::Trust, PolicyKind::Identity]);
        assert!(!out.policies[1].statements[0].resources[0].literal);
    }
}
