//! `bucket-access-logging-disabled`: a Terraform `aws_s3_bucket` or CloudFormation
//! `AWS::S3::Bucket` whose access is not logged, and that is not itself a log destination.

use serde_json::json;

use super::{Context, Diagnostic, LintId};
use crate::facts::{Bucket, BucketLogging, BucketRef, IacFormat};

/// Terraform bucket resources and CloudFormation bucket types contain one of these.
pub const TRIGGERS: [&str; 2] = ["aws_s3_bucket", "aws::s3::bucket"];

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(iac) = &cx.facts.iac else {
        return;
    };
    let relations: Vec<&BucketLogging> = iac.logging.iter().chain(&iac.module_logging).collect();
    // A logging resource for a bucket we cannot name (`bucket = var.id`) may be any bucket's.
    if relations
        .iter()
        .any(|r| matches!(r.source, Some(BucketRef::Unknown)))
    {
        return;
    }
    for bucket in &iac.buckets {
        if bucket.inline_logging || bucket.log_delivery_acl {
            continue;
        }
        let named = |r: &Option<BucketRef>| match r {
            Some(BucketRef::Resource(id)) => *id == bucket.id,
            Some(BucketRef::Name(name)) => bucket.name.as_deref() == Some(name.as_str()),
            _ => false,
        };
        if relations
            .iter()
            .any(|r| named(&r.source) || named(&r.target))
        {
            continue;
        }
        out.push(diagnostic(bucket));
    }
}

fn diagnostic(bucket: &Bucket) -> Diagnostic {
    let (what, help) = match bucket.format {
        IacFormat::Terraform => (
            format!("`aws_s3_bucket.{}`", bucket.id),
            format!(
                "add an `aws_s3_bucket_logging` resource with `bucket = aws_s3_bucket.{}.id` and a `target_bucket` that collects access logs (a separate log bucket), in this module; then review the logs for unexpected presigned (`QueryString`) requests (practice `monitor-access-logs`)",
                bucket.id
            ),
        ),
        IacFormat::CloudFormation => (
            format!("`{}` (`AWS::S3::Bucket`)", bucket.id),
            "add `Properties.LoggingConfiguration` with `DestinationBucketName: !Ref <LogBucket>` (a separate log bucket) and a `LogFilePrefix`; then review the logs for unexpected presigned (`QueryString`) requests (practice `monitor-access-logs`)".to_string(),
        ),
    };
    let message = format!(
        "bucket {what} has no S3 server access logging: use of its presigned URLs (who, from where, which object) leaves no record"
    );
    let mut details = serde_json::Map::new();
    details.insert("bucket".into(), json!(bucket.id));
    if let Some(name) = &bucket.name {
        details.insert("bucket_name".into(), json!(name));
    }
    details.insert(
        "format".into(),
        json!(match bucket.format {
            IacFormat::Terraform => "terraform",
            IacFormat::CloudFormation => "cloudformation",
        }),
    );
    Diagnostic {
        lint: LintId::BucketAccessLoggingDisabled,
        span: bucket.span.clone(),
        message,
        help: Some(help),
        details,
        identity: format!("bucket|{}", bucket.id),
        level_cap: None,
        related: Vec::new(),
    }
}
