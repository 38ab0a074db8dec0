//! The SDK catalog: which calls presign, where their expiry lives, in what unit, with what
//! default and which signer (and so which hard limit). It is data, `catalog/<family>.toml`,
//! compiled in: adding an SDK means adding rows.

use std::sync::LazyLock;

use serde::Deserialize;

use crate::facts::{CallExpr, SyntaxFacts};
use crate::frontend::Family;
use crate::frontend::syntax::NodeKinds;

/// The SigV4 ceiling: S3 rejects presigned URLs valid longer than 7 days.
pub const SIGV4_MAX_SECONDS: u64 = 604_800;

/// Each family's presign catalog (`catalog/<family>.toml`), from its profile.
fn files() -> impl Iterator<Item = (Family, &'static str)> {
    Family::ALL
        .into_iter()
        .filter_map(|family| Some((family, family.profile().catalog?)))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    presign: Vec<Row>,
    #[serde(default)]
    program: Option<ProgramMarks>,
    #[serde(default)]
    syntax: Option<NodeKinds>,
}

/// What marks a file of the family as a command-line program or as a service (`[program]`),
/// read by `output::program`: a service's standard output is collected as its log.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgramMarks {
    /// An entry point or an argument parser: `static void main(`, `argparse`, `clap`.
    #[serde(default)]
    pub command_line: Marks,
    /// A web framework, a request handler or a serverless entry point.
    #[serde(default)]
    pub service: Marks,
    /// An AWS Lambda function: its runtime always sets `AWS_REGION`, the function's region,
    /// which every AWS SDK reads (`presign-client-without-region`).
    #[serde(default)]
    pub aws_lambda: Marks,
    /// Calls that import the module their first argument names (Ruby's `require`), for
    /// languages whose imports are calls.
    #[serde(default)]
    pub import_calls: Vec<String>,
}

/// The marks of one kind of program; any one is enough.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Marks {
    /// Modules whose import (or a submodule's) marks it.
    #[serde(default)]
    pub imports: Vec<String>,
    /// Text anywhere in the file.
    #[serde(default)]
    pub mentions: Vec<String>,
    /// Text a line starts with after its indentation, not followed by more of a name
    /// (`package main` is not `package mainframe`).
    #[serde(default)]
    pub line_starts: Vec<String>,
    /// Whole file names (`Program.cs`, `main.swift`).
    #[serde(default)]
    pub file_names: Vec<String>,
    /// File extensions, without the dot (`rake`).
    #[serde(default)]
    pub extensions: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    /// Who provides the call, for messages.
    pub sdk: String,
    pub methods: Vec<String>,
    /// Whether it is called as a method (`client.x(...)`); `false` for free functions.
    #[serde(default = "yes")]
    pub receiver: bool,
    /// When non-empty, a free function must be imported from one of these modules.
    #[serde(default)]
    pub imports: Vec<String>,
    /// The receiver must mention one of these (through one binding): tells a CloudFront URL
    /// signer's generic `Sign` from every other `Sign`.
    #[serde(default)]
    pub receiver_hints: Vec<String>,
    /// The row applies only when this keyword argument, or this field of the options
    /// argument (`options`), is present: tells apart two SDKs' same-named methods (GCS's
    /// `file.getSignedUrl({ action, expires })` from aws-sdk's `s3.getSignedUrl(op, params)`).
    #[serde(default)]
    pub requires_keyword: Option<String>,
    /// Other families whose code calls the same SDK (Kotlin calls the Java SDKs).
    #[serde(default)]
    pub also_in: Vec<String>,
    /// When non-empty, the signer's hard limit applies only when the call's text mentions one
    /// of these words (any case): the GCS client libraries sign V2 URLs unless asked for V4,
    /// and only V4 is capped at 7 days.
    #[serde(default)]
    pub limit_when: Vec<String>,
    /// For a method every service of an SDK shares: the file must not import only other
    /// services' crates.
    #[serde(default)]
    pub service: Option<ServiceImports>,
    /// How the SDK method is called, to tell it from a user's wrapper of the same name
    /// (examples wrap `CreatePresignedPostAsync(bucket, key, expires)` and `PresignPostObject(ctx,
    /// bucket, key, 60)`).
    #[serde(default)]
    pub args: Option<ArgShape>,
    /// Where the expiry is, tried in order.
    pub expiry: Vec<Location>,
    /// The positional argument that holds the options or request the expiry is read from:
    /// when it is a parameter or a call's result, the expiry is set where it cannot be seen.
    #[serde(default)]
    pub options: Option<usize>,
    pub unit: Unit,
    /// Seconds used when the expiry is absent; absent when the SDK requires one.
    #[serde(default)]
    pub default: Option<u64>,
    pub signer: Signer,
    /// What happens past the signer's hard limit, for `expiry-exceeds-limit`.
    #[serde(default)]
    pub over_limit: Option<String>,
    /// The call builds a request or configuration that exists only to presign (a Java
    /// `GetObjectPresignRequest` builder's `signatureDuration`, .NET `new
    /// GetPreSignedUrlRequest`, Rust `PresigningConfig::expires_in`): it presigns nothing
    /// itself, but its expiry is checked where it is written, wherever (and whether) the
    /// request is used.
    #[serde(default)]
    pub request: bool,
    /// The family the row was read from (set at load).
    #[serde(skip)]
    pub family: Family,
}

fn yes() -> bool {
    true
}

/// `.presigned(config)` ends a request of every aws-sdk-rust service (Polly's
/// `synthesize_speech` too): when a file imports crates named `prefix…`, one must be in `any_of`.
/// A file that imports none (fully qualified paths) is given the benefit of the doubt.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceImports {
    pub prefix: String,
    pub any_of: Vec<String>,
}

/// The arguments an SDK presign method takes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArgShape {
    /// At most this many arguments (`CreatePresignedPostAsync(request, cancellationToken)`).
    #[serde(default)]
    pub max: Option<usize>,
    /// At least this many arguments (minio-go's `Presign(ctx, method, bucket, object, expiry,
    /// params)` beside aws-sdk-go's `req.Presign(expiry)`).
    #[serde(default)]
    pub min: Option<usize>,
    /// From this index on, only functional options (Go's `optFns ...func(*PresignOptions)`):
    /// a number or string literal there belongs to a wrapper.
    #[serde(default)]
    pub options_from: Option<usize>,
    /// The argument at this index names the SDK operation (aws-sdk v2's `'getObject'`): a
    /// string literal there that is no operation's name (`'uploads/a.png'`) is an argument of
    /// the project's own method of the same name.
    #[serde(default)]
    pub operation: Option<usize>,
}

impl ArgShape {
    fn allows(&self, call: &CallExpr) -> bool {
        use crate::facts::ExprKind;
        let literal = |a: &crate::facts::Arg| {
            matches!(
                a.value.kind,
                ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) | ExprKind::Bool(_)
            )
        };
        let operation = |a: &crate::facts::Arg| match &a.value.kind {
            ExprKind::Str(s) => {
                s.starts_with(|c: char| c.is_ascii_lowercase())
                    && s.chars().all(|c| c.is_ascii_alphanumeric())
            }
            ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Bool(_) => false,
            _ => true,
        };
        self.max.is_none_or(|max| call.args.len() <= max)
            && self.min.is_none_or(|min| call.args.len() >= min)
            && self
                .options_from
                .is_none_or(|from| !call.args.iter().skip(from).any(literal))
            && self
                .operation
                .is_none_or(|at| call.args.get(at).is_none_or(operation))
    }
}

impl ServiceImports {
    fn allows(&self, syntax: &SyntaxFacts) -> bool {
        // The crate an import comes from: `use aws_sdk_s3::Client` or `use aws_sdk_s3 as s3`.
        let crates = syntax.imports.iter().map(|i| {
            let root = i.module.split("::").next().unwrap_or_default();
            if root.is_empty() {
                i.name.as_deref().unwrap_or_default()
            } else {
                root
            }
        });
        let mut services = crates.filter(|c| c.starts_with(&self.prefix)).peekable();
        let wanted = |c: &str| self.any_of.iter().any(|s| s == c);
        // `aws_sdk_s3::Client::new(…)` written out in full, beside another service's import.
        let called_in_full = || {
            syntax.calls.iter().any(|c| {
                c.call
                    .callee
                    .path()
                    .and_then(|p| p.first().map(|s| s.to_string()))
                    .is_some_and(|root| wanted(&root))
            })
        };
        services.peek().is_none() || services.any(wanted) || called_in_full()
    }
}

/// Where an expiry argument sits.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// A keyword or named argument.
    #[serde(default)]
    pub keyword: Option<String>,
    /// The n-th positional argument (0-based).
    #[serde(default)]
    pub positional: Option<usize>,
    /// A field of an object-like argument (options object, object initializer, functional
    /// option closure, or `arg.Field = …` set before the call).
    #[serde(default)]
    pub field: Option<String>,
    /// A method named so in a builder chain the call consumes, or an option function passed
    /// to it (`signatureDuration(…)`, `WithPresignExpires(…)`): its first argument.
    #[serde(default)]
    pub chain: Option<String>,
    /// The position, in the call that holds the value, of a `TimeUnit` the value counts:
    /// `storage.signUrl(blobInfo, 7, TimeUnit.DAYS)`, minio-java's `.expiry(2, TimeUnit.HOURS)`.
    /// Absent there, the value is read in the row's unit.
    #[serde(default)]
    pub times_unit: Option<usize>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    /// A number of seconds (durations accepted).
    Seconds,
    /// A duration value (`Duration.ofMinutes(10)`, `15 * time.Minute`); Go integers are
    /// nanoseconds.
    Duration,
    /// A point in time (`DateTime.UtcNow.AddHours(1)`, `new Date(Date.now() + ms)`).
    Time,
    /// PHP: a relative string (`'+20 minutes'`) or DateTime; an integer is an absolute
    /// timestamp, not a duration.
    Php,
    /// google-cloud-storage: an integer means seconds under `version="v4"` but an absolute
    /// timestamp under the default V2.
    Gcs,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Signer {
    Sigv4,
    Sigv2,
    GcsV4,
    Cloudfront,
    Azure,
    /// Other clouds' object stores (Aliyun OSS, Tencent COS, Huawei OBS, Qiniu): their own
    /// signatures, with no service maximum presign-lint knows of.
    Other,
}

impl Signer {
    /// The longest expiry the signer or service accepts.
    pub fn hard_limit(self) -> Option<u64> {
        match self {
            Signer::Sigv4 | Signer::GcsV4 => Some(SIGV4_MAX_SECONDS),
            Signer::Sigv2 | Signer::Cloudfront | Signer::Azure | Signer::Other => None,
        }
    }
}

/// The catalog files' rows and `[program]` marks, parsed once.
struct Catalog {
    rows: Vec<Row>,
    programs: Vec<(Family, ProgramMarks)>,
    /// By family, in the order of `Family::ALL`.
    syntax: Vec<NodeKinds>,
}

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| {
    let mut catalog = Catalog {
        rows: Vec::new(),
        programs: Vec::new(),
        syntax: Family::ALL.iter().map(|_| NodeKinds::default()).collect(),
    };
    for (family, text) in files() {
        // A broken catalog is a build defect caught by the catalog test; at run time the
        // file is skipped rather than crashing a scan.
        let Ok(file) = toml::from_str::<File>(text) else {
            continue;
        };
        catalog.rows.extend(file.presign.into_iter().map(|mut r| {
            r.family = family;
            r
        }));
        catalog.programs.extend(file.program.map(|p| (family, p)));
        if let (Some(kinds), Some(slot)) = (file.syntax, family_index(family)) {
            catalog.syntax[slot] = kinds;
        }
    }
    catalog
});

fn family_index(family: Family) -> Option<usize> {
    Family::ALL.iter().position(|f| *f == family)
}

/// The `[syntax]` node kinds of a family's catalog file (none for a family without one).
pub fn node_kinds(family: Family) -> &'static NodeKinds {
    static NONE: LazyLock<NodeKinds> = LazyLock::new(NodeKinds::default);
    family_index(family)
        .and_then(|i| CATALOG.syntax.get(i))
        .unwrap_or(&NONE)
}

/// The `[program]` marks of a family's catalog file.
pub fn program_marks(family: Family) -> Option<&'static ProgramMarks> {
    CATALOG
        .programs
        .iter()
        .find(|(f, _)| *f == family)
        .map(|(_, marks)| marks)
}

/// Every catalog row.
pub fn rows() -> &'static [Row] {
    &CATALOG.rows
}

/// Parses every catalog file, reporting the first error (for tests).
pub fn validate() -> Result<usize, String> {
    let mut count = 0;
    for (family, text) in files() {
        let file: File = toml::from_str(text).map_err(|e| format!("catalog/{family}.toml: {e}"))?;
        for row in &file.presign {
            if row.expiry.is_empty() && row.default.is_none() {
                return Err(format!(
                    "catalog/{family}.toml: {} has no expiry location and no default",
                    row.sdk
                ));
            }
        }
        count += file.presign.len();
    }
    Ok(count)
}

/// Framework settings that set the expiry of every URL a storage backend signs
/// (`catalog/settings.toml`): django-storages' `AWS_QUERYSTRING_EXPIRE`, Rails'
/// `config.active_storage.service_urls_expire_in`, …
const SETTINGS_FILE: &str = include_str!("../../catalog/settings.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsFile {
    #[serde(default)]
    setting: Vec<SettingRow>,
}

/// One framework setting whose value is a presign expiry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingRow {
    /// Who reads the setting, for messages: `django-storages`.
    pub framework: String,
    /// What it signs with the setting, for messages: `every S3 URL`.
    pub signs: String,
    /// The assignment target as written (`AWS_QUERYSTRING_EXPIRE`,
    /// `config.active_storage.service_urls_expire_in`), matched on its last dotted segments.
    pub names: Vec<String>,
    /// The language family it is assigned in (`python`, `ruby`).
    pub family: String,
    pub unit: SettingUnit,
    /// Seconds the framework uses when the setting is absent; absent when it then signs
    /// nothing.
    #[serde(default)]
    pub default: Option<u64>,
    pub signer: Signer,
    /// What happens past the signer's hard limit, for `expiry-exceeds-limit`.
    #[serde(default)]
    pub over_limit: Option<String>,
    /// The name is also a key of configuration files (`.env`, YAML, JSON, …).
    #[serde(default)]
    pub config_key: bool,
    /// A boolean setting that turns signing off (`AWS_QUERYSTRING_AUTH`): in a file that
    /// assigns it only a literal false, the URLs are unsigned and the expiry unused.
    #[serde(default)]
    pub off_switch: Option<String>,
    /// Where the framework reads it (code or docs), for maintainers.
    pub source: String,
}

/// The unit a setting is read in.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum SettingUnit {
    /// A number of seconds (a numeric string too: environment values are strings).
    Seconds,
    /// A duration value (`timedelta`, an ActiveSupport duration) or a number of seconds.
    Duration,
}

impl SettingRow {
    /// The name of the row a dotted binding name is, when it ends with all of its segments.
    pub fn matching(&self, binding: &str) -> Option<&str> {
        self.names
            .iter()
            .find(|name| ends_with_segments(binding, name))
            .map(String::as_str)
    }
}

/// Whether a dotted name ends with all the segments of `name`: `settings.X` and `X` end with
/// `X`, `CACHE_X_NOTE` does not.
pub fn ends_with_segments(binding: &str, name: &str) -> bool {
    let mut written = binding.rsplit('.');
    name.rsplit('.')
        .all(|segment| written.next() == Some(segment))
}

static SETTINGS: LazyLock<Vec<SettingRow>> = LazyLock::new(|| {
    // A broken file is a build defect caught by the catalog test: no settings at run time.
    toml::from_str::<SettingsFile>(SETTINGS_FILE)
        .map(|f| f.setting)
        .unwrap_or_default()
});

/// Every framework setting row.
pub fn settings() -> &'static [SettingRow] {
    &SETTINGS
}

/// The setting a configuration file's key names (`AWS_QUERYSTRING_EXPIRE=604800` in `.env`):
/// rows with `config_key`, the whole key equal to one of their names, in any case.
pub fn config_setting(key: &str) -> Option<(&'static SettingRow, &'static str)> {
    SETTINGS.iter().filter(|s| s.config_key).find_map(|s| {
        s.names
            .iter()
            .find(|n| n.eq_ignore_ascii_case(key))
            .map(|n| (s, n.as_str()))
    })
}

/// Parses `catalog/settings.toml`, reporting the first error (for tests).
pub fn validate_settings() -> Result<usize, String> {
    let file: SettingsFile =
        toml::from_str(SETTINGS_FILE).map_err(|e| format!("catalog/settings.toml: {e}"))?;
    let families: Vec<&str> = files().map(|(f, _)| f.name()).collect();
    for row in &file.setting {
        if !families.contains(&row.family.as_str()) {
            return Err(format!(
                "catalog/settings.toml: {} has unknown family `{}`",
                row.framework, row.family
            ));
        }
        if row.names.is_empty()
            || row
                .names
                .iter()
                .any(|n| n.is_empty() || n.split('.').any(str::is_empty))
        {
            return Err(format!(
                "catalog/settings.toml: {} has an empty name",
                row.framework
            ));
        }
        if row.source.trim().is_empty() {
            return Err(format!(
                "catalog/settings.toml: {} `{}` names no source",
                row.framework, row.names[0]
            ));
        }
    }
    Ok(file.setting.len())
}

/// The catalog row a call matches, if it presigns.
pub fn match_call(family: Family, call: &CallExpr, syntax: &SyntaxFacts) -> Option<&'static Row> {
    let local = call.name()?;
    // `import { getSignedUrl as presign }`: match the imported name, not the alias.
    let name = match &call.callee.kind {
        crate::facts::ExprKind::Name(n) => syntax
            .import_of(n)
            .filter(|i| i.alias.as_deref() == Some(n.as_str()))
            .and_then(|i| i.name.as_deref())
            .unwrap_or(local),
        _ => local,
    };
    CATALOG.rows.iter().find(|row| {
        (row.family == family || row.also_in.iter().any(|f| f == family.name()))
            && row.methods.iter().any(|m| m == name)
            && row.receiver == call.receiver().is_some()
            && row
                .requires_keyword
                .as_deref()
                .is_none_or(|k| has_keyword(call, k, row.options, syntax))
            && (row.imports.is_empty() || imported_from(call, &row.imports, syntax))
            && row.service.as_ref().is_none_or(|s| s.allows(syntax))
            && row.args.as_ref().is_none_or(|a| a.allows(call))
            && (!row.imports.is_empty() || !called_on_module(call, syntax))
            && (row.receiver_hints.is_empty()
                || call
                    .receiver()
                    .is_some_and(|r| mentions(r, &row.receiver_hints, syntax, 0)))
    })
}

/// Whether `call` has the keyword argument `key`, or its options argument (at `options`) is
/// an object with that field, written there or bound to the name passed.
fn has_keyword(call: &CallExpr, key: &str, options: Option<usize>, syntax: &SyntaxFacts) -> bool {
    use crate::facts::ExprKind;
    if call.keyword(key).is_some() {
        return true;
    }
    let Some(arg) = options.and_then(|i| call.positional(i)) else {
        return false;
    };
    let object = match &arg.kind {
        ExprKind::Name(n) => syntax
            .last_binding_before(n, arg.span.start)
            .map(|b| &b.value),
        _ => Some(arg),
    };
    object.is_some_and(|o| matches!(o.kind, ExprKind::Object(_)) && o.field(key).is_some())
}

/// Whether an expression names one of `hints` in its names, fields or callees, following a
/// name to its binding, or in the type a name or field is declared with (`signer
/// *sign.URLSigner` of a parameter or a struct's field).
fn mentions(
    expr: &crate::facts::Expr,
    hints: &[String],
    syntax: &SyntaxFacts,
    depth: usize,
) -> bool {
    use crate::facts::ExprKind;
    if depth > 8 {
        return false;
    }
    let hit = |word: &str| hints.iter().any(|h| word.contains(h.as_str()));
    let typed_field = |name: &str| {
        let mut types = syntax.field_types(name).peekable();
        types.peek().is_some() && types.all(hit)
    };
    match &expr.kind {
        ExprKind::Name(n) => {
            hit(n)
                || syntax.parameter_type(n, expr.span.start).is_some_and(hit)
                || syntax
                    .last_binding_before(n, expr.span.start)
                    .is_some_and(|b| mentions(&b.value, hints, syntax, depth + 1))
        }
        ExprKind::Member(object, field) => {
            hit(field) || typed_field(field) || mentions(object, hints, syntax, depth + 1)
        }
        ExprKind::Call(c) => mentions(&c.callee, hints, syntax, depth + 1),
        _ => false,
    }
}

/// `import presigned_url [as p]` … `presigned_url.generate_presigned_url(s3, …)`: a function of a
/// module imported whole (the SDK examples wrap boto3 so), not a method of an SDK client.
fn called_on_module(call: &CallExpr, syntax: &SyntaxFacts) -> bool {
    let Some(crate::facts::ExprKind::Name(receiver)) = call.receiver().map(|r| &r.kind) else {
        return false;
    };
    syntax.imports.iter().any(|i| {
        i.name.is_none() && i.alias.as_deref().unwrap_or(i.module.as_str()) == receiver.as_str()
    })
}

/// Words that mark a call's receiver or path as a different SDK's (CloudFront's signer has a
/// `generate_presigned_url` too).
fn imported_from(call: &CallExpr, modules: &[String], syntax: &SyntaxFacts) -> bool {
    let Some(root) = call
        .callee
        .path()
        .and_then(|p| p.first().map(|s| s.to_string()))
    else {
        return false;
    };
    syntax.import_of(&root).is_some_and(|import| {
        modules
            .iter()
            .any(|m| import.module == *m || import.module.ends_with(&format!("/{m}")))
    })
}
