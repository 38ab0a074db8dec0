//! What infrastructure code says: policy documents and their statements, S3 buckets and
//! their access logging, from JSON, CloudFormation and Terraform alike.

use super::Span;

/// Infrastructure-as-code facts: IAM/bucket policy documents and S3 buckets declared in JSON
/// policy files, CloudFormation/SAM templates (YAML or JSON) and Terraform (HCL). Front end:
/// `frontend::iac`.
#[derive(Clone, Debug, Default)]
pub struct IacFacts {
    pub policies: Vec<PolicyDocument>,
    pub buckets: Vec<Bucket>,
    /// Access-logging relations declared in this file.
    pub logging: Vec<BucketLogging>,
    /// Those declared in the other `.tf` files of the same Terraform module (directory), read
    /// only when a bucket of this file has no logging relation in the file itself.
    pub module_logging: Vec<BucketLogging>,
}

/// What a policy document governs, from where it is attached (or, for a bare document, from
/// its shape: a `Principal` on S3 resources makes a bucket policy).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PolicyKind {
    /// Attached to a user, group or role: what that identity may do.
    Identity,
    /// An S3 bucket policy.
    Bucket,
    /// A role's trust (assume-role) policy.
    Trust,
    /// A resource policy of another service (KMS key, SQS queue, SNS topic, …).
    OtherResource,
}

impl PolicyKind {
    pub fn id(self) -> &'static str {
        match self {
            PolicyKind::Identity => "identity",
            PolicyKind::Bucket => "bucket",
            PolicyKind::Trust => "trust",
            PolicyKind::OtherResource => "other-resource",
        }
    }
}

#[derive(Clone, Debug)]
pub struct PolicyDocument {
    pub kind: PolicyKind,
    pub statements: Vec<PolicyStatement>,
    /// What a finding about the whole document points at: the resource's declaration, or
    /// the `Statement` key of a bare document.
    pub span: Span,
    /// `aws_s3_bucket_policy.uploads`, a CloudFormation logical id; `None` for a bare document.
    pub name: Option<String>,
    /// Statements may come from elsewhere (`source_policy_documents`, `dynamic "statement"`,
    /// a statement list that is not literal): absence of a statement proves nothing.
    pub incomplete: bool,
    /// The bucket a bucket policy is attached to (`aws_s3_bucket_policy.bucket`, the
    /// `Bucket` of an `AWS::S3::BucketPolicy`), when it says.
    pub bucket: Option<BucketRef>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    Allow,
    Deny,
    /// Missing in a JSON document, or not a literal.
    Unknown,
}

/// One value of a policy field (an action, a resource, a principal, a condition value).
#[derive(Clone, Debug)]
pub struct PolicyValue {
    /// The text; parts only known at deploy time (references, parameters, interpolations,
    /// `!Sub`, `!Ref`, `!GetAtt`, `!Join` pieces) appear as `${…}`.
    pub text: String,
    /// `false` when the text holds such a `${…}` part or could not be read at all.
    pub literal: bool,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct PolicyCondition {
    /// `NumericGreaterThan`, `StringEquals`, …
    pub operator: String,
    /// The condition key: `s3:signatureAge`, `aws:SecureTransport`, …
    pub key: String,
    pub values: Vec<PolicyValue>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct PolicyStatement {
    pub effect: Effect,
    pub actions: Vec<PolicyValue>,
    /// `Some` when the statement uses `NotAction`.
    pub not_actions: Option<Vec<PolicyValue>>,
    pub resources: Vec<PolicyValue>,
    /// `Some` when the statement uses `NotResource`.
    pub not_resources: Option<Vec<PolicyValue>>,
    /// `Some` when the statement names a `Principal` or `NotPrincipal`.
    pub principals: Option<Vec<PolicyValue>>,
    pub conditions: Vec<PolicyCondition>,
    /// The statement's start (its `{` or `statement` block).
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IacFormat {
    Terraform,
    CloudFormation,
}

/// An S3 bucket resource.
#[derive(Clone, Debug)]
pub struct Bucket {
    pub format: IacFormat,
    /// Terraform resource name (`uploads` of `aws_s3_bucket.uploads`) or CloudFormation
    /// logical id.
    pub id: String,
    /// The literal bucket name, when given.
    pub name: Option<String>,
    /// The resource's declaration (Terraform block header, CloudFormation logical id).
    pub span: Span,
    /// Logging configured inline: a `logging {}` block (AWS provider < 4) or
    /// `LoggingConfiguration`.
    pub inline_logging: bool,
    /// Declared as a log destination by its ACL (`log-delivery-write`, `LogDeliveryWrite`).
    pub log_delivery_acl: bool,
    /// Checks of other scanners waived for this resource by its author, as `tool:ID`
    /// (`tfsec:AWS002`, `trivy:AVD-AWS-0089`, `checkov:CKV_AWS_18`, `cfn_nag:W35`).
    pub waivers: Vec<String>,
}

/// How a bucket is referred to by a logging relation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BucketRef {
    /// By resource (`aws_s3_bucket.logs.id`, `!Ref LogBucket`): the resource name/logical id.
    Resource(String),
    /// By literal bucket name.
    Name(String),
    /// By something not resolvable statically (a variable, a module output).
    Unknown,
}

/// `source` sends its access logs to `target` (`aws_s3_bucket_logging`, an inline `logging`
/// block, `LoggingConfiguration`); a `log-delivery-write` ACL resource has a target only.
#[derive(Clone, Debug)]
pub struct BucketLogging {
    pub source: Option<BucketRef>,
    pub target: Option<BucketRef>,
}

impl PolicyValue {
    /// An S3 resource: an S3 ARN (also with `${…}` parts after `arn:<partition>:s3:`) or a
    /// Terraform reference to a bucket (`"${aws_s3_bucket.media.arn}/*"`).
    pub fn is_s3_resource(&self) -> bool {
        s3_arn_bucket(&self.text).is_some() || self.text.contains("aws_s3_bucket.")
    }
}

/// The bucket part of an S3 ARN in any partition (`arn:aws:s3:::media/*` → `media`, also
/// `arn:${AWS::Partition}:s3:::…`); `None` when `text` is not an S3 ARN.
pub fn s3_arn_bucket(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("arn:")?;
    let rest = match rest.strip_prefix("${AWS::Partition}:") {
        Some(rest) => rest,
        None => rest.split_once(':')?.1,
    };
    // region:account:resource
    let resource = rest.strip_prefix("s3:")?.splitn(3, ':').nth(2)?;
    Some(resource.split('/').next().unwrap_or(resource))
}
