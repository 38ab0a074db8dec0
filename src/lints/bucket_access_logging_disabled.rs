//! `bucket-access-logging-disabled`: a Terraform `aws_s3_bucket` or CloudFormation
//! `AWS::S3::Bucket` whose access is not logged, and that is not itself a log destination
//! (of S3 server access logs, a load balancer, CloudFront, CloudTrail, flow logs, WAF,
//! Firehose, …), named like one, or waived with another scanner's suppression.

use serde::Serialize;

use super::{Check, Context, Diagnostic, Explained, LintId, Rule};
use crate::facts::{Bucket, BucketLogging, BucketRef, IacFormat};
use crate::frontend::Needs;
use crate::frontend::iac::logs::named_like_log_bucket;

/// The lint's declaration, named in the registry.
pub(super) const RULE: Rule = Rule {
    triggers: || TRIGGERS.to_vec(),
    needs: |_| Needs::IAC,
    needs_where_presigned: Needs::NONE,
    check: Check::Own(|cx, out| check(cx, &mut out.diagnostics)),
};

/// The checks of other IaC scanners that this lint matches: their suppression of the check
/// on a bucket (`#tfsec:ignore:AWS002`, `#trivy:ignore:AVD-AWS-0089`,
/// `#checkov:skip=CKV_AWS_18:…`, Checkov or cfn_nag `Metadata`) is honoured. The table in
/// lints/bucket-access-logging-disabled.md lists the same ids.
pub const EQUIVALENT_CHECKS: [(&str, &str); 8] = [
    ("tfsec", "AWS002"),
    ("tfsec", "aws-s3-enable-bucket-logging"),
    ("tfsec", "s3-enable-bucket-logging"),
    ("trivy", "AVD-AWS-0089"),
    ("trivy", "aws-s3-enable-bucket-logging"),
    ("trivy", "s3-enable-bucket-logging"),
    ("checkov", "CKV_AWS_18"),
    ("cfn_nag", "W35"),
];

/// Whether the bucket's author waived the equivalent check of another scanner.
fn waived(bucket: &Bucket) -> bool {
    bucket.waivers.iter().any(|w| {
        EQUIVALENT_CHECKS
            .iter()
            .any(|(tool, id)| w.eq_ignore_ascii_case(&format!("{tool}:{id}")))
    })
}

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
        if bucket.inline_logging || bucket.log_delivery_acl || waived(bucket) {
            continue;
        }
        // Named like a log bucket: it receives logs from somewhere, perhaps another stack.
        if named_like_log_bucket(&bucket.id)
            || bucket.name.as_deref().is_some_and(named_like_log_bucket)
        {
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
    let finding = Unlogged {
        bucket: &bucket.id,
        bucket_name: bucket.name.as_deref(),
        format: match bucket.format {
            IacFormat::Terraform => "terraform",
            IacFormat::CloudFormation => "cloudformation",
        },
    };
    Diagnostic::explained(
        LintId::BucketAccessLoggingDisabled,
        bucket.span.clone(),
        format!("bucket|{}", bucket.id),
        &finding,
    )
}

/// A bucket without access logging.
#[derive(Serialize)]
struct Unlogged<'a> {
    /// Its resource's id in the template (`aws_s3_bucket.uploads`, `UploadsBucket`).
    bucket: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    bucket_name: Option<&'a str>,
    /// `terraform` or `cloudformation`.
    format: &'static str,
}

impl Explained for Unlogged<'_> {
    fn message(&self) -> String {
        let what = match self.format {
            "terraform" => format!("`aws_s3_bucket.{}`", self.bucket),
            _ => format!("`{}` (`AWS::S3::Bucket`)", self.bucket),
        };
        format!(
            "bucket {what} has no S3 server access logging: use of its presigned URLs (who, from where, which object) leaves no record"
        )
    }

    fn help(&self) -> Option<String> {
        Some(match self.format {
            "terraform" => format!(
                "add an `aws_s3_bucket_logging` resource with `bucket = aws_s3_bucket.{}.id` and a `target_bucket` that collects access logs (a separate log bucket), in this module; then review the logs for unexpected presigned (`QueryString`) requests (practice `monitor-access-logs`)",
                self.bucket
            ),
            _ => "add `Properties.LoggingConfiguration` with `DestinationBucketName: !Ref <LogBucket>` (a separate log bucket) and a `LogFilePrefix`; then review the logs for unexpected presigned (`QueryString`) requests (practice `monitor-access-logs`)".to_string(),
        })
    }
}
