//! What makes a bucket a log destination, what principals belong to AWS itself, and the
//! suppression comments other IaC scanners honour, shared by the CloudFormation and Terraform
//! readers.

use crate::facts::{BucketRef, s3_arn_bucket};

/// Service principals that write logs (or service reports) into a bucket: a bucket whose
/// policy lets one of them write is a log destination.
const LOG_DELIVERY_SERVICES: [&str; 8] = [
    // S3 server access logs.
    "logging.s3.amazonaws.com",
    // VPC flow logs, CloudWatch Logs vended logs, WAF, Route 53 resolver, Network Firewall.
    "delivery.logs.amazonaws.com",
    // ALB/NLB/CLB access logs in regions opened since August 2022.
    "logdelivery.elasticloadbalancing.amazonaws.com",
    "elasticloadbalancing.amazonaws.com",
    "cloudtrail.amazonaws.com",
    "config.amazonaws.com",
    // S3 Inventory, analytics exports and batch operation reports.
    "s3.amazonaws.com",
    "guardduty.amazonaws.com",
];

/// The Elastic Load Balancing accounts that write access logs in the regions opened before
/// August 2022 (the bucket policy names them as `AWS` principals).
const ELB_ACCOUNTS: [&str; 25] = [
    "127311923021",
    "033677994240",
    "027434742980",
    "797873946194",
    "098369216593",
    "985666609251",
    "054676820928",
    "156460612806",
    "652711504416",
    "635631232127",
    "009996457667",
    "897822967062",
    "754344448648",
    "582318560864",
    "600734575887",
    "383597477331",
    "114774131450",
    "783225319266",
    "718504428378",
    "076674570225",
    "507241528517",
    "048591011584",
    "190560391635",
    "638102146993",
    "037604701340",
];

/// A principal that writes logs into a bucket: a log-delivery service, an Elastic Load
/// Balancing account, or Terraform's `data.aws_elb_service_account`.
pub fn is_log_writer(principal: &str) -> bool {
    let p = principal.trim().to_ascii_lowercase();
    LOG_DELIVERY_SERVICES.contains(&p.as_str())
        || p.contains("aws_elb_service_account")
        || is_elb_account(&p)
}

fn is_elb_account(p: &str) -> bool {
    let account = p
        .strip_prefix("arn:")
        .and_then(|rest| rest.split(':').nth(3))
        .unwrap_or(p);
    ELB_ACCOUNTS.contains(&account)
}

/// A principal that is AWS itself rather than a person or workload of the account: a service
/// principal (`cloudfront.amazonaws.com`, as CloudFront origin access control uses, or a
/// log-delivery service), a CloudFront origin access identity (its ARN, its canonical user, or
/// a reference to one), or an Elastic Load Balancing account.
pub fn is_aws_itself(principal: &str) -> bool {
    let p = principal.trim();
    let lower = p.to_ascii_lowercase();
    let service = !lower.contains([':', '$', '/', ' '])
        && (lower.ends_with(".amazonaws.com") || lower.ends_with(".amazonaws.com.cn"));
    service
        || is_log_writer(p)
        || lower.contains("cloudfront:user/cloudfront origin access identity")
        || lower.contains("aws_cloudfront_origin_access_identity.")
        || lower.contains("s3canonicaluserid")
        || lower.contains("s3_canonical_user_id")
        || lower.contains("origin_access_identity")
        || lower.contains("originaccessidentity")
}

/// The bucket a literal names: an S3 ARN (`arn:aws:s3:::logs/prefix`), an `s3://logs/…`
/// URI, a bucket domain (`logs.s3.amazonaws.com`, `logs.s3.eu-west-1.amazonaws.com`), or a
/// plain bucket name.
pub fn literal_bucket(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() || t.contains("${") {
        return None;
    }
    let name = if let Some(bucket) = s3_arn_bucket(t) {
        bucket
    } else if let Some(rest) = t.strip_prefix("s3://") {
        rest.split('/').next().unwrap_or(rest)
    } else if let Some(at) = t.find(".s3.").or_else(|| t.find(".s3-")) {
        &t[..at]
    } else {
        t.split('/').next().unwrap_or(t)
    };
    let valid = !name.is_empty()
        && name.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'.' | b'_')
        });
    valid.then(|| name.to_string())
}

/// A bucket named like a log bucket: one of its words (split at `-`, `_`, `.` and case
/// changes) is `log`, `logs`, `logging`, `accesslogs`, `cloudtrail`, `flowlogs` or
/// `auditlogs`. Such a bucket receives logs from a stack presign-lint does not see more often
/// than not, and logging a log bucket into another only moves the question.
pub fn named_like_log_bucket(name: &str) -> bool {
    const WORDS: [&str; 8] = [
        "log",
        "logs",
        "logging",
        "accesslogs",
        "cloudtrail",
        "flowlogs",
        "auditlogs",
        "trail",
    ];
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if !c.is_ascii_alphanumeric() {
            words.push(std::mem::take(&mut current));
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower {
            words.push(std::mem::take(&mut current));
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        current.push(c.to_ascii_lowercase());
    }
    words.push(current);
    words.iter().any(|w| WORDS.contains(&w.as_str()))
}

/// `aws_s3_bucket.NAME` references in an expression's text (`aws_s3_bucket.logs.id`,
/// `"${aws_s3_bucket.logs.arn}/alb"`), never `aws_s3_bucket_policy.x`.
pub fn terraform_bucket_refs(text: &str) -> Vec<BucketRef> {
    const PREFIX: &str = "aws_s3_bucket.";
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find(PREFIX) {
        let start = from + at;
        from = start + PREFIX.len();
        let before_ok = start == 0
            || !text.as_bytes()[start - 1].is_ascii_alphanumeric()
                && text.as_bytes()[start - 1] != b'_'
                && text.as_bytes()[start - 1] != b'.';
        let name: String = text[from..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'))
            .collect();
        if before_ok && !name.is_empty() {
            out.push(BucketRef::Resource(name));
        }
    }
    out
}

/// A CloudFormation value lowered to text: `${LogBucket}`, `${LogBucket.Arn}`,
/// `arn:aws:s3:::${LogBucket}/alb`, `${LogBucket.DomainName}` → the logical id; a literal →
/// the bucket it names.
pub fn cloudformation_bucket_ref(text: &str, literal: bool) -> BucketRef {
    if literal {
        return literal_bucket(text).map_or(BucketRef::Unknown, BucketRef::Name);
    }
    let t = text.trim();
    let bucket = match s3_arn_bucket(t) {
        Some(bucket) => bucket,
        None => {
            let t = t.strip_prefix("s3://").unwrap_or(t);
            t.split('/').next().unwrap_or(t)
        }
    };
    // `${LogBucket}.s3.amazonaws.com`: the part before the S3 domain.
    let bucket = bucket.split(".s3").next().unwrap_or(bucket);
    let id = bucket
        .strip_prefix("${")
        .and_then(|b| b.strip_suffix('}'))
        .map(|inner| inner.split('.').next().unwrap_or(inner))
        .filter(|id| !id.is_empty() && !id.contains([':', '$', '{', '}', ' ']));
    id.map_or(BucketRef::Unknown, |id| BucketRef::Resource(id.to_string()))
}

/// Scanners whose suppression comments or metadata presign-lint honours, and how their
/// markers start (the check id follows).
const MARKERS: [(&str, &str); 3] = [
    ("tfsec", "tfsec:ignore:"),
    ("trivy", "trivy:ignore:"),
    ("checkov", "checkov:skip="),
];

/// Whether `text` may hold a waiver with an end date (`tfsec:ignore:AWS002:exp:2025-01-31`):
/// such a waiver stops waiving when the date passes, so what the file says changes with the
/// date alone, and no cache may answer for it. Errs on the side of yes.
pub fn may_hold_dated_waiver(text: &[u8]) -> bool {
    memchr::memmem::find(text, DATED.as_bytes()).is_some()
}

/// What follows a waiver's id when it has an end date.
const DATED: &str = ":exp:";

/// The waivers of other scanners in comment text, as `tool:ID`. An ignore with an expiry date
/// (`tfsec:ignore:AWS002:exp:2024-01-31`) that has passed waives nothing.
pub fn waivers_in(comments: &str, out: &mut Vec<String>) {
    let lower = comments.to_ascii_lowercase();
    for (tool, marker) in MARKERS {
        let mut from = 0;
        while let Some(at) = lower[from..].find(marker) {
            let start = from + at + marker.len();
            from = start;
            let rest = &comments[start..];
            let id: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
                .collect();
            if id.is_empty() {
                continue;
            }
            let after = &rest[id.len()..];
            if let Some(date) = after.strip_prefix(DATED)
                && expired(date.get(..10).unwrap_or(date))
            {
                continue;
            }
            out.push(format!("{tool}:{id}"));
        }
    }
}

/// Whether `YYYY-MM-DD` is before today (UTC). An unreadable date expires nothing.
fn expired(date: &str) -> bool {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(date, &format).is_ok_and(|d| d < time::OffsetDateTime::now_utc().date())
}

/// The comment lines directly above `line_start` (a run of lines that start with `#` or
/// `//`, blank lines not allowed between) and the rest of the line at `line_start`: where
/// tfsec and Trivy read a resource's ignores.
pub fn comments_above(text: &str, line_start: usize) -> &str {
    let line_start = line_start.min(text.len());
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |i| line_start + i);
    let mut start = line_start;
    while start > 0 {
        let prev_end = start - 1;
        let prev_start = text[..prev_end].rfind('\n').map_or(0, |i| i + 1);
        let line = text[prev_start..prev_end].trim();
        if line.starts_with('#') || line.starts_with("//") || line.starts_with("/*") {
            start = prev_start;
        } else {
            break;
        }
    }
    &text[start..line_end]
}

/// The start of the line holding `offset`.
pub fn line_start(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text[..offset].rfind('\n').map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn principals_of_aws_itself() {
        for p in [
            "cloudfront.amazonaws.com",
            "logging.s3.amazonaws.com",
            "sns.amazonaws.com",
            "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHAPOMQZL",
            "${aws_cloudfront_origin_access_identity.site.iam_arn}",
            "${SiteIdentity.S3CanonicalUserId}",
            "arn:aws:iam::127311923021:root",
            "${data.aws_elb_service_account.main.arn}",
        ] {
            assert!(is_aws_itself(p), "{p}");
        }
        for p in [
            "*",
            "arn:aws:iam::111122223333:role/web",
            "111122223333",
            "${aws_iam_role.web.arn}",
        ] {
            assert!(!is_aws_itself(p), "{p}");
        }
        assert!(is_log_writer("delivery.logs.amazonaws.com"));
        assert!(is_log_writer("127311923021"));
        assert!(!is_log_writer("cloudfront.amazonaws.com"));
    }

    #[test]
    fn buckets_named_by_literals() {
        for (text, name) in [
            ("arn:aws:s3:::acme-logs/alb/*", Some("acme-logs")),
            ("s3://acme-logs/emr/", Some("acme-logs")),
            ("acme-logs.s3.amazonaws.com", Some("acme-logs")),
            ("acme-logs.s3.eu-west-1.amazonaws.com", Some("acme-logs")),
            ("acme-logs", Some("acme-logs")),
            ("arn:aws:s3:::${var.x}", None),
            ("Some Words", None),
        ] {
            assert_eq!(literal_bucket(text).as_deref(), name, "{text}");
        }
    }

    #[test]
    fn log_bucket_names() {
        for yes in [
            "acme-alb-logs",
            "AccessLogsBucket",
            "cloudtrail",
            "org_logging",
            "LogBucket",
        ] {
            assert!(named_like_log_bucket(yes), "{yes}");
        }
        for no in [
            "catalog",
            "blog-assets",
            "login-uploads",
            "acme-uploads",
            "Logos",
        ] {
            assert!(!named_like_log_bucket(no), "{no}");
        }
    }

    #[test]
    fn references_and_waivers() {
        assert_eq!(
            terraform_bucket_refs(
                "\"${aws_s3_bucket.logs.arn}/x\" aws_s3_bucket_policy.p x.aws_s3_bucket.y"
            ),
            [BucketRef::Resource("logs".into())]
        );
        assert_eq!(
            cloudformation_bucket_ref("arn:aws:s3:::${LogBucket}/flow", false),
            BucketRef::Resource("LogBucket".into())
        );
        assert_eq!(
            cloudformation_bucket_ref("${LogBucket.DomainName}", false),
            BucketRef::Resource("LogBucket".into())
        );
        assert_eq!(
            cloudformation_bucket_ref("${AWS::StackName}-${Env}", false),
            BucketRef::Unknown
        );
        assert_eq!(
            cloudformation_bucket_ref("arn:${AWS::Partition}:s3:::${LogBucket}/flow", false),
            BucketRef::Resource("LogBucket".into())
        );
        assert_eq!(
            cloudformation_bucket_ref("${CdnSink}.s3.amazonaws.com", false),
            BucketRef::Resource("CdnSink".into())
        );
        let mut w = Vec::new();
        waivers_in(
            "#tfsec:ignore:AWS002\n# trivy:ignore:AVD-AWS-0089[ws:prod]\n#checkov:skip=CKV_AWS_18:log bucket\n#tfsec:ignore:aws-s3-enable-versioning:exp:2001-01-01",
            &mut w,
        );
        assert_eq!(
            w,
            ["tfsec:AWS002", "trivy:AVD-AWS-0089", "checkov:CKV_AWS_18"]
        );
    }

    #[test]
    fn comment_runs_above_a_line() {
        let text = "x = 1\n# a\n// b\nresource \"r\" {\n";
        let at = text.find("resource").expect("resource");
        assert_eq!(comments_above(text, at), "# a\n// b\nresource \"r\" {");
        assert_eq!(line_start(text, at + 3), at);
    }
}
