//! What the cloud CLIs' signing commands and infrastructure resources say about the lifetime
//! they give a signed URL or SAS (`frontend::commands`, `frontend::iac`).

use std::ops::Range;

use super::Span;

/// `aws s3 presign` with its `--expires-in` value, if given.
#[derive(Debug)]
pub struct CliPresign {
    /// The `aws s3 presign` words.
    pub span: Range<usize>,
    /// The value after `--expires-in` (`None` when the flag is absent: the CLI default).
    pub expires_in: Option<(Range<usize>, String)>,
    /// The shell variable `--expires-in` names, when its value is one assigned to it earlier
    /// in the script.
    pub assigned: Option<AssignedFrom>,
    /// The shell loop it runs in, in a shell script: the loop's keyword and its span (`for`,
    /// `while`, `until`, `select`, or `xargs`/`parallel`, which run it once per input line).
    pub shell_loop: Option<(&'static str, Range<usize>)>,
}

/// The lifetime of a signed URL or SAS made by a CLI command or an infrastructure resource
/// (`gsutil signurl -d`, `az storage blob generate-sas --expiry`, Terraform
/// `azurerm_storage_account_sas`, ARM `listServiceSas`), read by the expiry lints.
#[derive(Debug)]
pub struct SignedLifetime {
    /// What signs, for messages: "`gsutil signurl`", "`data.azurerm_storage_account_sas.x`".
    pub what: String,
    /// The command words or the resource's declaration: where a default is reported.
    pub span: Range<usize>,
    pub lifetime: Lifetime,
    /// The signer's hard limit, with what happens past it; `None`: no limit.
    pub limit: Option<(u64, String)>,
    /// `cli` or `iac`, for the finding's details.
    pub source: &'static str,
}

#[derive(Debug)]
pub enum Lifetime {
    /// A duration, with how it was obtained when not written as such (a default, a sum).
    Duration {
        span: Range<usize>,
        seconds: u64,
        derivation: Vec<String>,
    },
    /// An absolute expiry (Unix seconds and the text written), counted from the start when one
    /// is given, else from now.
    Until {
        span: Range<usize>,
        expiry: (i64, String),
        start: Option<(i64, String)>,
    },
    /// Known only at run time: where, and why.
    Dynamic { span: Range<usize>, reason: String },
}

/// Where a shell variable's value came from: `TTL=604800` above `--expires-in "$TTL"`.
#[derive(Debug)]
pub struct AssignedFrom {
    /// The variable as written (`$TTL`).
    pub name: String,
    /// The assigned value's span.
    pub span: Span,
    /// The value is the default a branch may replace at run time (`-e) TTL="$2"`).
    pub default: bool,
}

/// What a derivation adds to a value that is a default a branch may replace.
pub const BRANCH_DEFAULT_NOTE: &str = " (its default: a branch may set another at run time)";
