//! `excessive-expiry` and `expiry-exceeds-limit`, written once over the facts: presign calls
//! matched against the SDK catalog, `aws s3 presign --expires-in`, config keys, other CLIs and
//! infrastructure code (`sources`), and framework settings (`settings`).

mod sas_permissions;
mod settings;
mod sources;

use serde::Serialize;

use super::{Check, Context, Diagnostic, Explained, LintId, Output, Rule};
use crate::facts::{Call, Expr, KEYWORD_SPLAT, Span};
use crate::frontend::Needs;
use crate::semantic::catalog::{Row, SIGV4_MAX_SECONDS, SettingRow, Signer};
use crate::semantic::eval::Value;
use crate::semantic::expiry_arg::{is_opaque, locate, locate_unit, to_seconds};
use crate::semantic::summary::Summary;
use crate::semantic::{Model, Target};
use crate::text::duration::{human, parse_duration};

/// The lint's declaration, named in the registry: `excessive-expiry`, every expiry the scan
/// can resolve, from calls, CLIs, config and infrastructure code; its check also reports
/// `expiry-exceeds-limit` ([`LIMIT_RULE`]).
pub(super) const RULE: Rule = Rule {
    triggers: || TRIGGERS.to_vec(),
    needs: |_| Needs::EXPIRIES,
    needs_where_presigned: Needs::SYNTAX,
    check: Check::Own(check),
};

/// `expiry-exceeds-limit`: reported by `excessive-expiry`'s check.
pub(super) const LIMIT_RULE: Rule = Rule {
    check: Check::By(LintId::ExcessiveExpiry),
    ..RULE
};

/// Words every file with an expiry to check contains: every catalog method, CLI command,
/// framework setting and config key the lint reads has one of them, so other files are never
/// parsed.
pub const TRIGGERS: [&str; 43] = [
    "presign",
    "postobjectv4",
    "signedcookie",
    "signed_url",
    // `signedUrl`, GCS for PHP's `signedUploadUrl`.
    "signedu",
    "signurl",
    "urlsigner",
    "signatureduration",
    "_sas",
    "sasexpir",
    "sas_expir",
    "sasttl",
    "sas_ttl",
    "urlsignature",
    "url_signature",
    // CloudFront's `CannedSignerRequest`/`CustomSignerRequest`, built apart from the call.
    "signerrequest",
    // Other CLIs and infrastructure code (`sources`): `gcloud storage sign-url`, `az storage
    // … generate-sas`, `aws cloudfront sign --date-less-than`, ARM/Bicep SAS properties.
    "sign-url",
    "generate-sas",
    "date-less-than",
    "listservicesas",
    "listaccountsas",
    // Azure SAS builders and shortcuts of the .NET, JS, Java and Go SDKs (`BlobSasBuilder`,
    // `GenerateSasUri`, `generateBlobSASQueryParameters`, `BlobServiceSasSignatureValues`,
    // `sas.BlobSignatureValues`, `GetSASURL`, `SharedAccessExpiryTime`).
    "sasbuilder",
    "sasqueryparameters",
    "signaturevalues",
    // `GetSASURL`, `generateSasUrl`, `GenerateSasUri`, `GenerateAccountSasUri`.
    "sasur",
    // `SharedAccessBlobPolicy` & co. (`shar` starts too many words, and `daccess` alone is
    // in `InvalidAccessKeyId` and `CannedAccessControlList`).
    "(share)daccess",
    // Go's `SignWithSharedKey`, `SignWithUserDelegation`.
    "signwith",
    // The words below are written from inside the name, not from its start: Teddy keys on a
    // word's first bytes and verifies a candidate at every place they occur, and `temp`,
    // `crea`, `expi`, `priv` or `serv` start a great many identifiers.
    //
    // Frameworks: Laravel's `temporaryUrl`/`temporaryUploadUrl`, Spring Cloud AWS's
    // `createSignedGetURL`/`createSignedPutURL`, Active Storage's `url(expires_in: …)`,
    // django-storages' `storage.url(name, expire=…)`.
    "oraryu",
    "signedgeturl",
    "signedputurl",
    // MinIO's presigned-POST `PostPolicy(bucket, expiration)` (`bucketpolicy` would hold
    // `tpolicy`: S3 code names bucket policies everywhere; IAM code names `trustPolicy`).
    "(po)stpolicy",
    "res_in:",
    "pire=",
    // Other clouds: oss2 `sign_url`, ali-oss `signatureUrl`, Tencent COS's JS
    // `getObjectUrl({ Sign: true, Expires })`, Qiniu `private_download_url`/
    // `privateDownloadUrl`/`MakePrivateURL`.
    "sign_url",
    "signatureurl",
    "tobjecturl",
    "tedownloadurl",
    "te_download_url",
    "eprivateurl",
    // Framework settings (`catalog/settings.toml`): django-storages' `AWS_QUERYSTRING_EXPIRE`,
    // `GS_EXPIRATION`, `AZURE_URL_EXPIRATION_SECS`, Active Storage's
    // `service_urls_expire_in`.
    "ystring_expire",
    "gs_expiration",
    "l_expiration_secs",
    "ls_expire_in",
];

/// The AWS CLI's default for `aws s3 presign`.
const CLI_DEFAULT: u64 = 3600;

/// One resolved expiry, ready to be compared with the policy.
struct Expiry {
    seconds: f64,
    span: Span,
    /// What presigns, for the message: "boto3 `generate_presigned_url`".
    what: String,
    /// How the value was obtained, when not a plain literal.
    derivation: Vec<String>,
    /// The signer's hard limit and what happens past it.
    limit: Option<(u64, String)>,
    source: &'static str,
    /// The chain down to the SDK call, for a value handed to the project's own function.
    related: Vec<super::RelatedSpan>,
    /// The framework setting (and its name as matched) that sets the expiry, when it is one:
    /// the message names what the framework signs with it.
    setting: Option<(&'static SettingRow, &'static str)>,
}

pub fn check(cx: &Context<'_>, out: &mut Output) {
    let mut expiries = Vec::new();
    if let (Some(syntax), Some(model)) = (&cx.facts.syntax, cx.model) {
        for (i, call) in syntax.calls.iter().enumerate() {
            match model.target(i) {
                Some(Target::Sdk(row)) => match resolve_call(cx, model, call, row) {
                    Some(Some(expiry)) => expiries.push(expiry),
                    Some(None) => out.dynamic_expiries.push((
                        call.call.span.start,
                        format!(
                            "the expiry of `{}` ({}) is set at run time",
                            call.call.name().unwrap_or("?"),
                            row.sdk
                        ),
                    )),
                    None => {}
                },
                Some(Target::Wrapper(summary)) => {
                    expiries.extend(through_wrapper(cx, model, call, summary));
                }
                None => {}
            }
        }
        // A presign-only request is checked where it is built; when the presign call that
        // uses it read the same expression, that call's finding says more. One whose expiry
        // is not known here is not counted: the call that uses it is.
        for (call, row) in model.requests() {
            if let Some(Some(mut expiry)) = resolve_call(cx, model, call, row)
                && expiries.iter().all(|e| e.span != expiry.span)
            {
                expiry.what = format!(
                    "the {} request built with `{}`",
                    row.sdk,
                    call.call.name().unwrap_or("?")
                );
                expiry.source = "request";
                expiries.push(expiry);
            }
        }
    }
    for cli in &cx.facts.cli_presigns {
        let (seconds, span, derivation) = match &cli.expires_in {
            Some((span, value)) => match value.parse::<f64>() {
                Ok(n) => (
                    n,
                    span.clone(),
                    cli.assigned
                        .iter()
                        .map(|from| {
                            format!(
                                "`{}` is assigned {value} on line {}{}",
                                from.name,
                                cx.source.position(from.span.start).0,
                                if from.default {
                                    crate::facts::BRANCH_DEFAULT_NOTE
                                } else {
                                    ""
                                }
                            )
                        })
                        .collect(),
                ),
                Err(_) => {
                    out.dynamic_expiries.push((
                        span.start,
                        "`aws s3 presign --expires-in` takes its value at run time".to_string(),
                    ));
                    continue;
                }
            },
            None => (
                CLI_DEFAULT as f64,
                cli.span.clone(),
                vec!["no --expires-in, so the CLI default applies".to_string()],
            ),
        };
        expiries.push(Expiry {
            seconds,
            span,
            what: "`aws s3 presign`".to_string(),
            derivation,
            limit: Some((
                SIGV4_MAX_SECONDS,
                "AWS CLI v2 refuses it; v1 builds a URL that S3 rejects when it is used"
                    .to_string(),
            )),
            source: "cli",
            related: Vec::new(),
            setting: None,
        });
    }
    for config in &cx.facts.config_expiries {
        let seconds = config_seconds(&config.key, &config.value);
        // A framework setting's name (`AWS_QUERYSTRING_EXPIRE=604800` in `.env`).
        if let Some(expiry) =
            seconds.and_then(|s| settings::config_key(&config.key, s, config.value_span.clone()))
        {
            expiries.push(expiry);
            continue;
        }
        match seconds {
            Some(seconds) => expiries.push(Expiry {
                seconds,
                span: config.value_span.clone(),
                what: format!("config key `{}`", config.key),
                derivation: Vec::new(),
                limit: Some((
                    SIGV4_MAX_SECONDS,
                    "S3 rejects SigV4 presigned URLs valid longer than 7 days".to_string(),
                )),
                source: "config",
                related: Vec::new(),
                setting: None,
            }),
            None => out.dynamic_expiries.push((
                config.value_span.start,
                format!(
                    "config key `{}` holds no duration presign-lint can read",
                    config.key
                ),
            )),
        }
    }
    sources::signed_lifetimes(cx, &mut expiries, out);
    settings::framework_settings(cx, &mut expiries, out);
    for expiry in expiries {
        report(cx, expiry, out);
    }
}

fn report(cx: &Context<'_>, e: Expiry, out: &mut Output) {
    let seconds = e.seconds.round().max(0.0) as u64;
    let over_limit = e.limit.as_ref().filter(|(limit, _)| seconds > *limit);
    let lint = if over_limit.is_some() && (cx.enabled)(LintId::ExpiryExceedsLimit) {
        LintId::ExpiryExceedsLimit
    } else if seconds > cx.max_expiry && (cx.enabled)(LintId::ExcessiveExpiry) {
        LintId::ExcessiveExpiry
    } else {
        return;
    };
    let finding = ExpiryFinding {
        expiry_seconds: seconds,
        max_expiry_seconds: cx.max_expiry,
        limit_seconds: e.limit.as_ref().map(|(limit, _)| *limit),
        source: e.source,
        derivation: &e.derivation,
        what: &e.what,
        setting: e.setting,
        over_limit: (lint == LintId::ExpiryExceedsLimit)
            .then(|| over_limit.map_or((SIGV4_MAX_SECONDS, ""), |(l, c)| (*l, c.as_str()))),
    };
    let what = match e.setting {
        Some((_, name)) => format!("{} {name}", e.what),
        None => e.what.clone(),
    };
    let identity = format!("{what}|{}", cx.text.get(e.span.clone()).unwrap_or(""));
    let mut diagnostic = Diagnostic::explained(lint, e.span.clone(), identity, &finding);
    diagnostic.related = e.related;
    out.diagnostics.push(diagnostic);
}

/// An expiry over the policy maximum or the signer's limit: the numbers (the details) and
/// what presigns with it.
#[derive(Serialize)]
struct ExpiryFinding<'a> {
    expiry_seconds: u64,
    max_expiry_seconds: u64,
    /// The signer's hard limit, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    limit_seconds: Option<u64>,
    /// Where the expiry was found: `argument`, `default`, `cli`, `config`, …
    source: &'static str,
    /// How a folded expiry was computed, step by step.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    derivation: &'a [String],
    /// What presigns: "boto3 `generate_presigned_url`".
    #[serde(skip)]
    what: &'a str,
    /// A framework setting that sets it, with the name it is written under.
    #[serde(skip)]
    setting: Option<(&'static SettingRow, &'static str)>,
    /// Over the signer's limit (`expiry-exceeds-limit`): the limit and what happens past it.
    #[serde(skip)]
    over_limit: Option<(u64, &'a str)>,
}

impl Explained for ExpiryFinding<'_> {
    fn message(&self) -> String {
        let seconds = self.expiry_seconds;
        // "boto3 `generate_presigned_url` presigns for", "django-storages signs every S3 URL
        // for `AWS_QUERYSTRING_EXPIRE` =".
        let subject = match self.setting {
            Some((row, name)) => format!("{} signs {} for `{name}` =", self.what, row.signs),
            None => format!("{} presigns for", self.what),
        };
        let mut message = match self.over_limit {
            Some((limit, consequence)) => format!(
                "{subject} {} ({seconds} s), over the {} signing limit: {consequence}",
                human(seconds),
                human(limit)
            ),
            None => format!(
                "{subject} {} ({seconds} s); the limit is {} ({} s)",
                human(seconds),
                human(self.max_expiry_seconds),
                self.max_expiry_seconds
            ),
        };
        if !self.derivation.is_empty() {
            message.push_str(&format!(" ({})", self.derivation.join("; ")));
        }
        message
    }

    fn help(&self) -> Option<String> {
        let max = human(self.max_expiry_seconds);
        let mut help = match self.over_limit {
            Some((limit, _)) => format!(
                "use at most {}, and preferably the policy maximum of {max}; for long-lived access use CloudFront signed URLs or an IAM role (practice `url-expired`)",
                human(limit)
            ),
            None => format!(
                "presign for at most {max} and generate a fresh URL when it is needed; raise `max-expiry` in presign-lint.toml only for a reviewed need (practice `short-expiration`)"
            ),
        };
        if let Some((row, name)) = self.setting {
            help.push_str(&match row.default {
                Some(default) => format!(
                    "; with `{name}` unset, {} signs for {}",
                    row.framework,
                    human(default)
                ),
                None => format!("; with `{name}` unset, {} signs no URL", row.framework),
            });
        }
        Some(help)
    }
}

/// `Some(Some(expiry))` resolved, `Some(None)` dynamic (counted), `None` nothing to check
/// (an SDK that requires the expiry and did not get one fails on its own).
fn resolve_call<'a>(
    cx: &Context<'a>,
    model: &Model<'a>,
    call: &'a Call,
    row: &Row,
) -> Option<Option<Expiry>> {
    let mut env = model.env(cx.source, call.function);
    let what = format!("{} `{}`", row.sdk, call.call.name().unwrap_or("?"));
    let call_text = cx.text.get(call.call.span.clone()).unwrap_or("");
    let limit = hard_limit(row).filter(|_| limit_applies(row, call_text));
    let Some((loc, expr)) = row
        .expiry
        .iter()
        .find_map(|loc| locate(&call.call, loc, &mut env).map(|e| (loc, e)))
    else {
        // No expiry found where the SDK reads it: it may still be set out of sight.
        let options = row.options.and_then(|i| call.call.positional(i));
        let splat = call
            .call
            .keyword(KEYWORD_SPLAT)
            .is_some_and(|s| is_opaque(s, &mut env, 0));
        if splat || options.is_some_and(|o| is_opaque(o, &mut env, 0)) {
            return Some(None);
        }
        let Some(default) = row.default else {
            // A required expiry missing from the options given: set another way (a custom
            // policy) that is not read.
            return options.map(|_| None);
        };
        let name = match options {
            Some(_) => format!(
                "the options set no expiry, so the {} default applies",
                row.sdk
            ),
            None => format!("no expiry given, so the {} default applies", row.sdk),
        };
        return Some(Some(Expiry {
            seconds: default as f64,
            span: call.call.callee.span.clone(),
            what,
            derivation: vec![name],
            limit,
            source: "default",
            related: Vec::new(),
            setting: None,
        }));
    };
    let value = env.eval(expr);
    let mut seconds = to_seconds(value, row.unit, &call.call, &mut env);
    if row.signer == Signer::Azure
        && let Some(syntax) = &cx.facts.syntax
        && let Some(grants) = sas_permissions::grants(call, syntax, cx.text)
    {
        env.steps.push(format!("the SAS grants {grants}"));
    }
    // `signUrl(blobInfo, 7, TimeUnit.DAYS)`: the number counts the unit beside it.
    if let Some(unit) = locate_unit(&call.call, loc, &mut env) {
        seconds = match env.eval(unit) {
            Value::Unit(per) => seconds.map(|n| n * per),
            _ => None,
        };
    }
    Some(seconds.map(|seconds| Expiry {
        seconds,
        span: expr.span.clone(),
        what,
        derivation: env.steps.clone(),
        limit,
        source: "argument",
        related: Vec::new(),
        setting: None,
    }))
}

/// Whether the signer's hard limit applies to a call: a row that caps only one signing
/// version (GCS V4) names the words that ask for it.
fn limit_applies(row: &Row, call_text: &str) -> bool {
    let lower = call_text.to_ascii_lowercase();
    row.limit_when.is_empty()
        || row
            .limit_when
            .iter()
            .any(|w| lower.contains(&w.to_ascii_lowercase()))
}

/// The signer's hard limit, with what happens past it.
fn hard_limit(row: &Row) -> Option<(u64, String)> {
    row.signer.hard_limit().map(|l| {
        (
            l,
            row.over_limit
                .clone()
                .unwrap_or_else(|| "the signer refuses it or S3 rejects the URL".to_string()),
        )
    })
}

/// A call of one of the project's presigning functions: the argument that decides the
/// expiry, folded in the caller's scope and followed down the chain to the SDK call. Reported
/// where the value is written; a value the caller cannot know stays unreported.
fn through_wrapper<'a>(
    cx: &Context<'a>,
    model: &Model<'a>,
    call: &'a Call,
    summary: &Summary,
) -> Option<Expiry> {
    summary.flow.as_ref()?;
    let project = model.scope.map(|s| s.project());
    let mut env = model.env(cx.source, call.function);
    let mut bound = Vec::new();
    // The argument that gives the expiry, with the steps that explain its value: only one
    // the expiry is read from (`disposition="attachment"` beside a defaulted expiry is not).
    let mut carrier: Option<(&Expr, Vec<String>)> = None;
    // In JavaScript a parameter left out is `undefined`: a default the body gives it (`ttl ??
    // 7200`, `ttl || 7200`) applies.
    let left_out_is_absent = !crate::semantic::project::calls_check_arity(model.family);
    for p in &summary.params {
        let Some(arg) = Summary::argument(p, &call.call) else {
            if left_out_is_absent && p.default.is_none() && !p.rest {
                bound.push((p.name.clone(), Value::Absent));
            }
            continue;
        };
        let from = env.steps.len();
        let value = env.eval(arg);
        let steps = env.steps.split_off(from);
        if value == Value::Unknown {
            continue;
        }
        let alone = [(p.name.clone(), value.clone())];
        if carrier.is_none()
            && summary.expiry_params.iter().any(|(n, _)| *n == p.name)
            && summary.seconds(&alone, project, 0).is_some()
        {
            carrier = Some((arg, steps));
        }
        bound.push((p.name.clone(), value));
    }
    let seconds = summary.seconds(&bound, project, 0)?;
    // A length the wrapper presigns with whatever its callers pass (a path that ignores the
    // argument: `admin ? ttl : 2 * DAY`) is reported once, at its own SDK call.
    let unknown: Vec<(String, Value)> = summary
        .params
        .iter()
        .map(|p| (p.name.clone(), Value::Unknown))
        .collect();
    if summary.seconds(&unknown, project, 0) == Some(seconds) {
        return None;
    }
    // Without an argument of its own the wrapper's default decides, at this call.
    let (span, mut derivation) = match carrier {
        Some((arg, steps)) => (arg.span.clone(), steps),
        None => {
            // The default decides when, without it, the answer changes (nothing, or the
            // default of a function further down).
            let omitted = summary.params.iter().find(|p| {
                (p.default.is_some() || left_out_is_absent && !p.rest)
                    && Summary::argument(p, &call.call).is_none()
                    && summary.seconds(&[(p.name.clone(), Value::Unknown)], project, 0)
                        != Some(seconds)
            })?;
            (
                call.call.callee.span.clone(),
                vec![format!(
                    "`{}` is left out, so the default of `{}` applies",
                    omitted.name, summary.name
                )],
            )
        }
    };
    derivation.dedup();
    Some(Expiry {
        seconds,
        span,
        what: summary.chain().join(" → "),
        derivation,
        limit: hard_limit(summary.row),
        source: "wrapper",
        related: summary
            .hops()
            .into_iter()
            .map(super::RelatedSpan::Elsewhere)
            .collect(),
        setting: None,
    })
}

/// A config value in seconds: a number (scaled by a unit in the key name) or a duration
/// string (`7d`, `168h`, `PT1H`).
fn config_seconds(key: &str, value: &str) -> Option<f64> {
    if let Ok(n) = value.parse::<f64>() {
        let k = key.to_ascii_lowercase();
        let scale = if k.ends_with("ms") || k.contains("millis") {
            0.001
        } else if k.contains("minute") || k.ends_with("_min") || k.ends_with("_mins") {
            60.0
        } else if k.contains("hour") {
            3600.0
        } else if k.contains("day") {
            86_400.0
        } else {
            1.0
        };
        return Some(n * scale);
    }
    parse_duration(value).map(|s| s as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::semantic::catalog;

    #[test]
    fn catalog_is_valid() {
        let rows = catalog::validate().unwrap_or_else(|e| panic!("{e}"));
        assert!(rows >= 5);
        assert_eq!(rows, catalog::rows().len());
        let settings = catalog::validate_settings().unwrap_or_else(|e| panic!("{e}"));
        assert!(settings >= 4);
        assert_eq!(settings, catalog::settings().len());
    }

    /// Nor a file that assigns a framework setting, nor a config file naming one.
    #[test]
    fn every_framework_setting_contains_a_trigger_word() {
        for row in catalog::settings() {
            for name in &row.names {
                let lower = name.to_ascii_lowercase();
                assert!(
                    TRIGGERS
                        .iter()
                        .any(|t| lower.contains(&crate::lints::trigger_text(t))),
                    "{} `{name}` has no trigger word: add one to expiry::TRIGGERS",
                    row.framework
                );
            }
        }
    }

    /// The prefilter must never drop a file the catalog would match.
    #[test]
    fn every_catalog_method_contains_a_trigger_word() {
        for row in catalog::rows() {
            let hints = row.receiver_hints.join(" ").to_ascii_lowercase();
            // A generic method (`url`) is one only with its keyword, as Ruby (`k:`) and
            // Python (`k=`) write it.
            let keyword = row
                .requires_keyword
                .as_deref()
                .map(|k| format!("{k}: {k}="))
                .unwrap_or_default()
                .to_ascii_lowercase();
            for method in &row.methods {
                let lower = format!("{} {hints} {keyword}", method.to_ascii_lowercase());
                assert!(
                    TRIGGERS
                        .iter()
                        .any(|t| lower.contains(&crate::lints::trigger_text(t))),
                    "{} `{method}` has no trigger word: add one to expiry::TRIGGERS",
                    row.sdk
                );
            }
        }
    }
}
