//! Terraform (HCL, parsed with hcl-edit): `aws_s3_bucket` and its logging, policies in
//! `data "aws_iam_policy_document"`, `jsonencode({...})`, heredoc JSON and inline JSON strings.

use hcl_edit::Span as _;
use hcl_edit::expr::{Expression, ObjectKey};
use hcl_edit::structure::{Block, BlockLabel, Body, Structure};
use hcl_edit::template::Element;

use super::logs;
use super::policy::{self, Attached};
use super::sas;
use super::tree::{self, Key, Kind, MAX_DEPTH, Node};
use crate::facts::{
    Bucket, BucketLogging, BucketRef, Effect, IacFacts, IacFormat, PolicyCondition, PolicyDocument,
    PolicyStatement, PolicyValue, Span,
};
use crate::facts::{Lifetime, SignedLifetime};
use crate::text::duration::parse_timestamp;

pub fn parse(text: &str) -> Option<Body> {
    hcl_edit::parser::parse_body(text).ok()
}

/// Every fact of one Terraform file.
pub fn collect(body: &Body, text: &str, out: &mut IacFacts) {
    // `data.aws_iam_policy_document` names used as a bucket's policy, with the bucket.
    let mut documents_of: Vec<(String, BucketRef)> = Vec::new();
    for block in body.blocks() {
        let labels: Vec<&str> = block.labels.iter().map(label).collect();
        let header = header_span(block);
        match (block.ident.as_str(), labels.as_slice()) {
            ("resource", [kind, name]) => {
                resource(block, kind, name, header.clone(), text, out);
                let attached = match *kind {
                    "aws_s3_bucket_policy" | "aws_s3_bucket" => Attached::Bucket,
                    k if k.starts_with("aws_iam_") => Attached::Identity,
                    _ => Attached::Unknown,
                };
                let anchor = (attached == Attached::Bucket).then(|| header.clone());
                let resource_name = format!("{kind}.{name}");
                let before = out.policies.len();
                attributes(&block.body, text, attached, anchor, &resource_name, out, 0);
                let attached_to = match *kind {
                    "aws_s3_bucket_policy" => Some(bucket_ref(
                        block.body.get_attribute("bucket").map(|a| &a.value),
                    )),
                    "aws_s3_bucket" => Some(BucketRef::Resource((*name).to_string())),
                    _ => None,
                };
                if let Some(bucket) = attached_to {
                    for doc in &mut out.policies[before..] {
                        doc.bucket = Some(bucket.clone());
                    }
                    // `policy = data.aws_iam_policy_document.x.json`: that document is this
                    // bucket's policy.
                    if let Some(document) = block
                        .body
                        .get_attribute("policy")
                        .and_then(|a| policy_document_reference(&a.value))
                    {
                        documents_of.push((document, bucket.clone()));
                    }
                    if out.policies[before..]
                        .iter()
                        .any(policy::grants_log_delivery)
                    {
                        out.logging.push(BucketLogging {
                            source: None,
                            target: Some(bucket),
                        });
                    }
                }
                for target in log_destinations(&block.body, kind, text) {
                    out.logging.push(BucketLogging {
                        source: None,
                        target: Some(target),
                    });
                }
            }
            ("data", ["aws_iam_policy_document", name]) => {
                if let Some(doc) = policy_document_data(block, text, header, name) {
                    out.policies.push(doc);
                }
            }
            _ => {
                let name = std::iter::once(block.ident.as_str())
                    .chain(labels.iter().copied())
                    .collect::<Vec<_>>()
                    .join(".");
                attributes(&block.body, text, Attached::Unknown, None, &name, out, 0);
            }
        }
    }
    for attribute in body.attributes() {
        policy_value(&attribute.value, text, Attached::Unknown, None, None, out);
    }
    for (document, bucket) in documents_of {
        let name = format!("data.aws_iam_policy_document.{document}");
        for doc in &mut out.policies {
            if doc.name.as_deref() == Some(name.as_str()) {
                doc.kind = crate::facts::PolicyKind::Bucket;
                doc.bucket = Some(bucket.clone());
                if policy::grants_log_delivery(doc) {
                    out.logging.push(BucketLogging {
                        source: None,
                        target: Some(bucket.clone()),
                    });
                }
            }
        }
    }
}

/// `data.aws_iam_policy_document.NAME.json` → `NAME`.
fn policy_document_reference(expr: &Expression) -> Option<String> {
    let (root, names) = attribute_path(expr)?;
    match (root, names.as_slice()) {
        ("data", ["aws_iam_policy_document", name, ..]) => Some((*name).to_string()),
        _ => None,
    }
}

/// Whether an attribute of a resource names the bucket the resource's service writes its
/// logs (or reports) to: `access_logs { bucket }` of a load balancer, `logging_config {
/// bucket }` of a CloudFront distribution, `s3_bucket_name` of a trail or an AWS Config
/// delivery channel, `log_destination` of a flow log, `log_destination_configs` of a WAF
/// logging configuration, `bucket_arn` of a Firehose stream or an inventory, `log_uri` of an
/// EMR cluster; and, for any other resource, a bucket attribute under a block whose name
/// says logs (`logging_info { broker_logs { s3 { bucket } } }`).
/// `root.a.b` as its root variable and attribute names (`data.aws_iam_policy_document.x`,
/// `time_offset.sas.rfc3339`); index steps are skipped.
fn attribute_path(expr: &Expression) -> Option<(&str, Vec<&str>)> {
    use hcl_edit::expr::TraversalOperator;
    let Expression::Traversal(t) = expr else {
        return None;
    };
    let Expression::Variable(root) = &t.expr else {
        return None;
    };
    let names = t
        .operators
        .iter()
        .filter_map(|o| match o.value() {
            TraversalOperator::GetAttr(name) => Some(name.as_str()),
            _ => None,
        })
        .collect();
    Some((root.as_str(), names))
}

fn log_slot(kind: &str, path: &[&str], key: &str) -> bool {
    let under = |block: &str| path.contains(&block);
    let bucket_key = matches!(
        key,
        "bucket" | "bucket_name" | "bucket_arn" | "s3_bucket_name" | "s3_bucket" | "location"
    );
    match kind {
        "aws_lb" | "aws_alb" | "aws_elb" => {
            key == "bucket" && (under("access_logs") || under("connection_logs"))
        }
        "aws_cloudfront_distribution" => key == "bucket" && under("logging_config"),
        "aws_cloudtrail" | "aws_config_delivery_channel" | "aws_ssm_association" => {
            key == "s3_bucket_name"
        }
        "aws_flow_log" | "aws_ec2_traffic_mirror_session" => key == "log_destination",
        "aws_wafv2_web_acl_logging_configuration"
        | "aws_waf_web_acl"
        | "aws_wafregional_web_acl" => key == "log_destination_configs" || key == "log_destination",
        "aws_kinesis_firehose_delivery_stream"
        | "aws_s3_bucket_inventory"
        | "aws_s3_bucket_analytics_configuration" => key == "bucket_arn",
        "aws_emr_cluster" => key == "log_uri",
        "aws_globalaccelerator_accelerator" => key == "flow_logs_s3_bucket",
        "aws_route53_resolver_query_log_config" | "aws_guardduty_publishing_destination" => {
            key == "destination_arn"
        }
        "aws_networkfirewall_logging_configuration" => key == "log_destination",
        k if k.starts_with("aws_s3_bucket") => false,
        _ => bucket_key && path.iter().any(|b| b.contains("log")),
    }
}

/// The buckets a resource's service writes logs to ([`log_slot`]).
fn log_destinations(body: &Body, kind: &str, text: &str) -> Vec<BucketRef> {
    let mut out = Vec::new();
    let mut path = Vec::new();
    log_destinations_in(body, kind, text, &mut path, &mut out, 0);
    out
}

fn log_destinations_in<'b>(
    body: &'b Body,
    kind: &str,
    text: &str,
    path: &mut Vec<&'b str>,
    out: &mut Vec<BucketRef>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    for structure in body.iter() {
        match structure {
            Structure::Attribute(a) => {
                if log_slot(kind, path, a.key.as_str()) {
                    out.extend(bucket_refs(&a.value, text));
                }
            }
            Structure::Block(b) => {
                // `dynamic "access_logs" { content { … } }` is an `access_logs` block.
                let name = match b.ident.as_str() {
                    "dynamic" => b.labels.first().map_or("dynamic", label),
                    other => other,
                };
                let pushed = name != "content";
                if pushed {
                    path.push(name);
                }
                log_destinations_in(&b.body, kind, text, path, out, depth + 1);
                if pushed {
                    path.pop();
                }
            }
        }
    }
}

/// The buckets an attribute value names: literals, lists of them, and `aws_s3_bucket.x`
/// references anywhere in it; anything else is unknown.
fn bucket_refs(expr: &Expression, text: &str) -> Vec<BucketRef> {
    match expr {
        Expression::String(s) => {
            vec![logs::literal_bucket(s.value()).map_or(BucketRef::Unknown, BucketRef::Name)]
        }
        Expression::Array(items) => items.iter().flat_map(|e| bucket_refs(e, text)).collect(),
        Expression::Object(object) => object
            .iter()
            .flat_map(|(_, v)| bucket_refs(v.expr(), text))
            .collect(),
        _ => {
            let raw = expr.span().and_then(|s| text.get(s)).unwrap_or("");
            let refs = logs::terraform_bucket_refs(raw);
            if refs.is_empty() {
                vec![BucketRef::Unknown]
            } else {
                refs
            }
        }
    }
}

/// Only the logging relations (what a sibling file of the module contributes), including
/// its buckets that declare themselves log destinations.
pub fn collect_logging(body: &Body, text: &str, out: &mut Vec<BucketLogging>) {
    let mut facts = IacFacts::default();
    collect(body, text, &mut facts);
    out.append(&mut facts.logging);
    for bucket in facts.buckets {
        if bucket.log_delivery_acl {
            out.push(BucketLogging {
                source: None,
                target: Some(BucketRef::Resource(bucket.id)),
            });
        }
    }
}

fn label(l: &BlockLabel) -> &str {
    match l {
        BlockLabel::Ident(i) => i.as_str(),
        BlockLabel::String(s) => s.value().as_str(),
    }
}

/// `resource "aws_s3_bucket" "uploads"`: from the keyword to the last label.
fn header_span(block: &Block) -> Span {
    let start = block
        .ident
        .span()
        .or_else(|| block.span())
        .map_or(0, |s| s.start);
    let end = block
        .labels
        .last()
        .and_then(|l| l.span())
        .map_or(start, |s| s.end);
    start..end.max(start)
}

fn resource(block: &Block, kind: &str, name: &str, header: Span, text: &str, out: &mut IacFacts) {
    let body = &block.body;
    match kind {
        "aws_s3_bucket" => {
            // tfsec and Trivy read ignores above the block or on its first line, Checkov
            // anywhere in it.
            let mut waivers = Vec::new();
            logs::waivers_in(
                logs::comments_above(text, logs::line_start(text, header.start)),
                &mut waivers,
            );
            if let Some(inside) = block.span().and_then(|s| text.get(s)) {
                logs::waivers_in(inside, &mut waivers);
            }
            waivers.sort();
            waivers.dedup();
            let logging: Vec<&Block> = body.get_blocks("logging").collect();
            let dynamic_logging = body
                .get_blocks("dynamic")
                .any(|b| b.labels.first().map(label) == Some("logging"));
            out.buckets.push(Bucket {
                format: IacFormat::Terraform,
                id: name.to_string(),
                name: literal(body, "bucket"),
                span: header,
                inline_logging: !logging.is_empty() || dynamic_logging,
                log_delivery_acl: literal(body, "acl").as_deref() == Some("log-delivery-write"),
                waivers,
            });
            for l in logging {
                out.logging.push(BucketLogging {
                    source: Some(BucketRef::Resource(name.to_string())),
                    target: Some(bucket_ref(
                        l.body.get_attribute("target_bucket").map(|a| &a.value),
                    )),
                });
            }
        }
        "aws_s3_bucket_logging" => out.logging.push(BucketLogging {
            source: Some(bucket_ref(body.get_attribute("bucket").map(|a| &a.value))),
            target: Some(bucket_ref(
                body.get_attribute("target_bucket").map(|a| &a.value),
            )),
        }),
        "aws_s3_bucket_acl" if literal(body, "acl").as_deref() == Some("log-delivery-write") => {
            out.logging.push(BucketLogging {
                source: None,
                target: Some(bucket_ref(body.get_attribute("bucket").map(|a| &a.value))),
            })
        }
        _ => {}
    }
}

fn literal(body: &Body, key: &str) -> Option<String> {
    match &body.get_attribute(key)?.value {
        Expression::String(s) => Some(s.value().to_string()),
        _ => None,
    }
}

/// `aws_s3_bucket.logs.id` (`.bucket`, `.arn`, `[0].id`, `[each.key].id`) → the resource;
/// a literal name → the name; anything else is unknown.
fn bucket_ref(expr: Option<&Expression>) -> BucketRef {
    use hcl_edit::expr::TraversalOperator;
    match expr {
        Some(Expression::String(s)) => BucketRef::Name(s.value().to_string()),
        Some(Expression::Traversal(t)) => {
            let Expression::Variable(root) = &t.expr else {
                return BucketRef::Unknown;
            };
            match (root.as_str(), t.operators.first().map(|o| o.value())) {
                ("aws_s3_bucket", Some(TraversalOperator::GetAttr(name))) => {
                    BucketRef::Resource(name.as_str().to_string())
                }
                _ => BucketRef::Unknown,
            }
        }
        _ => BucketRef::Unknown,
    }
}

/// Policies in the attributes of a block body (and its nested blocks: `inline_policy`).
fn attributes(
    body: &Body,
    text: &str,
    attached: Attached,
    anchor: Option<Span>,
    name: &str,
    out: &mut IacFacts,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    for structure in body.iter() {
        match structure {
            Structure::Attribute(a) => {
                let attached = match a.key.as_str() {
                    "assume_role_policy" => Attached::Trust,
                    _ => attached,
                };
                let anchor = if attached == Attached::Trust {
                    None
                } else {
                    anchor.clone()
                };
                policy_value(&a.value, text, attached, anchor, Some(name), out);
            }
            Structure::Block(b) => attributes(
                &b.body,
                text,
                attached,
                anchor.clone(),
                name,
                out,
                depth + 1,
            ),
        }
    }
}

/// A policy given as `jsonencode({...})`, a heredoc or a JSON string.
fn policy_value(
    expr: &Expression,
    text: &str,
    attached: Attached,
    anchor: Option<Span>,
    name: Option<&str>,
    out: &mut IacFacts,
) {
    let node = match expr {
        Expression::FuncCall(call) if call.name.name.as_str() == "jsonencode" => {
            call.args.iter().next().map(|arg| lower(arg, text, 0))
        }
        Expression::HeredocTemplate(heredoc) => heredoc
            .span()
            .and_then(|span| heredoc_body(text, span))
            .filter(|(body, _)| body.contains("Statement"))
            .and_then(|(body, offset)| tree::parse_json(body, offset)),
        Expression::String(s) if s.value().contains("Statement") => {
            let span = expr.span().unwrap_or(0..0);
            tree::parse_json(s.value(), 0).map(|mut node| {
                node.respan(&span);
                node
            })
        }
        Expression::Parenthesis(p) => {
            return policy_value(p.inner(), text, attached, anchor, name, out);
        }
        _ => None,
    };
    let Some(node) = node else {
        return;
    };
    if let Some(doc) = policy::document(&node, attached, anchor, name) {
        out.policies.push(doc);
    }
}

/// The lines between `<<EOF`/`<<-EOF` and the closing delimiter, with their offset.
fn heredoc_body(text: &str, span: Span) -> Option<(&str, usize)> {
    let raw = text.get(span.clone())?;
    let start = raw.find('\n')? + 1;
    let end = raw.trim_end().rfind('\n').filter(|e| *e + 1 >= start)?;
    Some((raw.get(start..end + 1)?, span.start + start))
}

/// An HCL expression as a document tree node: literals, arrays, objects; references,
/// interpolations and calls become `${…}` templates.
fn lower(expr: &Expression, text: &str, depth: usize) -> Node {
    let span = expr.span().unwrap_or(0..0);
    let raw = || text.get(span.clone()).unwrap_or("").trim().to_string();
    let kind = if depth > MAX_DEPTH {
        Kind::Unknown
    } else {
        match expr {
            Expression::String(s) => Kind::Scalar(s.value().to_string()),
            Expression::Number(n) => Kind::Scalar(n.value().to_string()),
            Expression::Bool(b) => Kind::Scalar(b.value().to_string()),
            Expression::Null(_) => Kind::Unknown,
            Expression::Array(items) => {
                Kind::List(items.iter().map(|e| lower(e, text, depth + 1)).collect())
            }
            Expression::Object(object) => Kind::Map(
                object
                    .iter()
                    .map(|(key, value)| {
                        let key_span = key.span().unwrap_or(0..0);
                        let name = match key {
                            ObjectKey::Ident(i) => i.as_str().to_string(),
                            ObjectKey::Expression(Expression::String(s)) => s.value().to_string(),
                            ObjectKey::Expression(_) => String::new(),
                        };
                        (
                            Key {
                                name,
                                span: key_span,
                            },
                            lower(value.expr(), text, depth + 1),
                        )
                    })
                    .collect(),
            ),
            Expression::StringTemplate(t) => {
                let literal: Option<String> = t
                    .iter()
                    .map(|e| match e {
                        Element::Literal(s) => Some(s.as_str()),
                        _ => None,
                    })
                    .collect();
                match literal {
                    Some(s) => Kind::Scalar(s),
                    None => {
                        let raw = raw();
                        Kind::Template(
                            raw.strip_prefix('"')
                                .and_then(|r| r.strip_suffix('"'))
                                .unwrap_or(&raw)
                                .to_string(),
                        )
                    }
                }
            }
            Expression::Parenthesis(p) => return lower(p.inner(), text, depth + 1),
            _ => Kind::Template(format!("${{{}}}", raw())),
        }
    };
    Node { kind, span }
}

/// `data "aws_iam_policy_document"`: `statement` blocks.
fn policy_document_data(
    block: &Block,
    text: &str,
    header: Span,
    name: &str,
) -> Option<PolicyDocument> {
    let body = &block.body;
    let mut incomplete = [
        "source_policy_documents",
        "override_policy_documents",
        "source_json",
        "override_json",
    ]
    .iter()
    .any(|k| body.get_attribute(k).is_some())
        || body
            .get_blocks("dynamic")
            .any(|b| b.labels.first().map(label) == Some("statement"));
    let mut statements = Vec::new();
    for s in body.get_blocks("statement") {
        let b = &s.body;
        let effect = match b.get_attribute("effect").map(|a| &a.value) {
            None => Effect::Allow,
            Some(Expression::String(e)) if e.value() == "Allow" => Effect::Allow,
            Some(Expression::String(e)) if e.value() == "Deny" => Effect::Deny,
            Some(_) => Effect::Unknown,
        };
        let list = |key: &str| {
            b.get_attribute(key)
                .map(|a| policy::values_of(&lower(&a.value, text, 0)))
        };
        let mut principals: Option<Vec<PolicyValue>> = None;
        for p in b
            .get_blocks("principals")
            .chain(b.get_blocks("not_principals"))
        {
            let values = p
                .body
                .get_attribute("identifiers")
                .map(|a| policy::values_of(&lower(&a.value, text, 0)))
                .unwrap_or_default();
            principals.get_or_insert_with(Vec::new).extend(values);
        }
        if b.get_blocks("dynamic").next().is_some() {
            incomplete = true;
        }
        let mut conditions = Vec::new();
        for c in b.get_blocks("condition") {
            let string = |key: &str| match c.body.get_attribute(key).map(|a| &a.value) {
                Some(Expression::String(s)) => Some(s.value().to_string()),
                _ => None,
            };
            let (Some(operator), Some(key)) = (string("test"), string("variable")) else {
                incomplete = true;
                continue;
            };
            let values = c
                .body
                .get_attribute("values")
                .map(|a| policy::values_of(&lower(&a.value, text, 0)))
                .unwrap_or_default();
            conditions.push(PolicyCondition {
                operator,
                key,
                values,
                span: c.ident.span().unwrap_or(0..0),
            });
        }
        let start = s.ident.span().map_or(header.start, |sp| sp.start);
        statements.push(PolicyStatement {
            effect,
            actions: list("actions").unwrap_or_default(),
            not_actions: list("not_actions"),
            resources: list("resources").unwrap_or_default(),
            not_resources: list("not_resources"),
            principals,
            conditions,
            span: start..start + "statement".len(),
        });
    }
    if statements.is_empty() && !incomplete {
        return None;
    }
    Some(PolicyDocument {
        kind: policy::kind_of(Attached::Unknown, &statements),
        statements,
        span: header,
        name: Some(format!("data.aws_iam_policy_document.{name}")),
        incomplete,
        bucket: None,
    })
}

/// Signed-URL lifetimes of a Terraform file: the `expiry` (and `start`) of the Azure SAS data
/// sources (`azurerm_storage_account_sas`, `azurerm_storage_account_blob_container_sas`, any
/// `azurerm_*_sas`) and the `duration` of `google_storage_object_signed_url` (V2 signing, 1
/// hour by default).
pub fn signed_lifetimes(body: &Body, text: &str) -> Vec<SignedLifetime> {
    let mut out = Vec::new();
    for block in body.blocks() {
        let labels: Vec<&str> = block.labels.iter().map(label).collect();
        let ([kind, name], "data" | "resource") = (labels.as_slice(), block.ident.as_str()) else {
            continue;
        };
        let prefix = if block.ident.as_str() == "data" {
            "data."
        } else {
            ""
        };
        let what = format!("`{prefix}{kind}.{name}`");
        let header = header_span(block);
        let b = &block.body;
        if kind.starts_with("azurerm_") && kind.ends_with("_sas") {
            let Some(expiry) = b.get_attribute("expiry") else {
                continue;
            };
            let span = expiry.value.span().unwrap_or(header.clone());
            let start = b
                .get_attribute("start")
                .map(|a| tf_time(&a.value, body, text, 0));
            out.push(SignedLifetime {
                lifetime: sas::lifetime(
                    &what,
                    (tf_time(&expiry.value, body, text, 0), span),
                    start,
                ),
                what,
                span: header,
                limit: None,
                source: "iac",
            });
        } else if *kind == "google_storage_object_signed_url" {
            let lifetime = match b.get_attribute("duration").map(|a| &a.value) {
                None => Lifetime::Duration {
                    span: header.clone(),
                    seconds: 3600,
                    derivation: vec![
                        "no `duration`, so the provider default of 1 hour applies".to_string(),
                    ],
                },
                Some(Expression::String(d)) => {
                    match crate::text::duration::parse_duration(d.value()) {
                        Some(seconds) => Lifetime::Duration {
                            span: d.span().unwrap_or(header.clone()),
                            seconds,
                            derivation: Vec::new(),
                        },
                        None => Lifetime::Dynamic {
                            span: d.span().unwrap_or(header.clone()),
                            reason: format!(
                                "the `duration` of {what} is not a duration presign-lint can read"
                            ),
                        },
                    }
                }
                Some(other) => Lifetime::Dynamic {
                    span: other.span().unwrap_or(header.clone()),
                    reason: format!("the `duration` of {what} is set at apply time"),
                },
            };
            out.push(SignedLifetime {
                what,
                span: header,
                lifetime,
                limit: None,
                source: "iac",
            });
        }
    }
    out
}

/// A Terraform time value: a literal timestamp, `timestamp()`, `timeadd(t, "720h")`,
/// `formatdate(f, t)`, a `time_offset`/`time_rotating`/`time_static` of the file.
fn tf_time(expr: &Expression, body: &Body, text: &str, depth: usize) -> sas::Time {
    use sas::Time;
    let raw = || {
        expr.span()
            .and_then(|s| text.get(s))
            .unwrap_or("")
            .trim()
            .to_string()
    };
    if depth > 8 {
        return Time::Unknown(raw());
    }
    match expr {
        Expression::String(s) => match parse_timestamp(s.value()) {
            Some(at) => Time::At(at, s.value().to_string()),
            None => Time::Unknown(raw()),
        },
        Expression::Parenthesis(p) => tf_time(p.inner(), body, text, depth + 1),
        Expression::FuncCall(call) => {
            let args: Vec<&Expression> = call.args.iter().collect();
            match (call.name.name.as_str(), args.as_slice()) {
                ("timestamp" | "plantimestamp", []) => Time::Now,
                ("formatdate", [_, t]) => tf_time(t, body, text, depth + 1),
                ("timeadd", [base, Expression::String(d)]) => {
                    let Some(seconds) = crate::text::duration::parse_duration(d.value()) else {
                        return Time::Unknown(raw());
                    };
                    match tf_time(base, body, text, depth + 1) {
                        Time::Now => Time::NowPlus(seconds, raw()),
                        Time::NowPlus(s, _) => Time::NowPlus(s.saturating_add(seconds), raw()),
                        Time::At(t, _) => Time::At(
                            t.saturating_add(i64::try_from(seconds).unwrap_or(i64::MAX)),
                            raw(),
                        ),
                        Time::Unknown(_) => Time::Unknown(raw()),
                    }
                }
                _ => Time::Unknown(raw()),
            }
        }
        Expression::Traversal(_) => {
            let Some((root, names)) = attribute_path(expr) else {
                return Time::Unknown(raw());
            };
            let [name, attribute] = names.as_slice() else {
                return Time::Unknown(raw());
            };
            let resource = body.blocks().find(|b| {
                b.ident.as_str() == "resource"
                    && b.labels.len() == 2
                    && label(&b.labels[0]) == root
                    && label(&b.labels[1]) == *name
            });
            let Some(resource) = resource else {
                return Time::Unknown(raw());
            };
            let sum = |prefix: &str| -> Option<u64> {
                let mut total = 0u64;
                for (unit, size) in [
                    ("years", 365 * 86_400),
                    ("months", 30 * 86_400),
                    ("days", 86_400),
                    ("hours", 3600),
                    ("minutes", 60),
                    ("seconds", 1),
                ] {
                    if let Some(a) = resource.body.get_attribute(&format!("{prefix}{unit}")) {
                        let Expression::Number(n) = &a.value else {
                            return None;
                        };
                        let n = n.value().as_u64()?;
                        total = total.checked_add(n.checked_mul(size)?)?;
                    }
                }
                Some(total)
            };
            match (root, *attribute) {
                ("time_static", "rfc3339") | ("time_rotating", "rfc3339") => Time::Now,
                ("time_offset", "rfc3339") => {
                    sum("offset_").map_or_else(|| Time::Unknown(raw()), |s| Time::NowPlus(s, raw()))
                }
                ("time_rotating", "rotation_rfc3339") => sum("rotation_")
                    .map_or_else(|| Time::Unknown(raw()), |s| Time::NowPlus(s, raw())),
                _ => Time::Unknown(raw()),
            }
        }
        _ => Time::Unknown(raw()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::PolicyKind;

    fn facts(text: &str) -> IacFacts {
        let mut out = IacFacts::default();
        collect(&parse(text).expect("parses"), text, &mut out);
        out
    }

    #[test]
    fn policies_in_every_form() {
        let text = r#"
data "aws_iam_policy_document" "d" {
  statement {
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::b/*"]
  }
}
resource "aws_iam_policy" "j" {
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "${aws_s3_bucket.b.arn}/*" }]
  })
}
resource "aws_iam_policy" "h" {
  policy = <<-EOF
    {"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}
  EOF
}
resource "aws_iam_policy" "s" {
  policy = "{\"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]}"
}
"#;
        let f = facts(text);
        assert_eq!(f.policies.len(), 4);
        assert!(f.policies.iter().all(|p| p.kind == PolicyKind::Identity));
        let actions: Vec<&str> = f
            .policies
            .iter()
            .map(|p| p.statements[0].actions[0].text.as_str())
            .collect();
        assert_eq!(actions, ["s3:*", "s3:GetObject", "s3:*", "s3:*"]);
        assert!(!f.policies[1].statements[0].resources[0].literal);
        let heredoc_action = &f.policies[2].statements[0].actions[0];
        assert_eq!(&text[heredoc_action.span.clone()], "\"s3:*\"");
        assert_eq!(f.policies[3].statements[0].effect, Effect::Deny);
    }

    #[test]
    fn buckets_and_logging() {
        let f = facts(
            r#"
resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}
resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}
resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = aws_s3_bucket.logs.id
}
"#,
        );
        assert_eq!(f.buckets.len(), 2);
        assert_eq!(f.buckets[0].name.as_deref(), Some("acme-logs"));
        assert_eq!(
            f.logging[0].source,
            Some(BucketRef::Resource("data".into()))
        );
        assert_eq!(
            f.logging[0].target,
            Some(BucketRef::Resource("logs".into()))
        );
    }
}
