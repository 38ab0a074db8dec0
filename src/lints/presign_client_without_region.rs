//! `presign-client-without-region`: an S3 client built in this file, used to presign in this
//! file, with no region from any source the file shows.

use std::collections::HashSet;

use serde::Serialize;

use super::{Check, Context, Diagnostic, Explained, LintId, Rule};
use crate::frontend::Needs;
use crate::semantic::catalog::Signer;
use crate::semantic::clients::{self, Meaning};

/// The lint's declaration, named in the registry.
pub(super) const RULE: Rule = Rule {
    triggers: || triggers().collect(),
    needs: |_| Needs::NONE,
    needs_where_presigned: Needs::SYNTAX,
    check: Check::Own(|cx, out| check(cx, &mut out.diagnostics)),
};

/// A finding needs a presign call in the file.
pub fn triggers() -> impl Iterator<Item = &'static str> {
    super::expiry::TRIGGERS.iter().copied()
}

/// A client pointed at an endpoint that is not known to be AWS's: an S3-compatible store
/// (Cloudflare R2 signs for `auto`, Backblaze B2 and MinIO take any region), or an endpoint
/// read at run time, which is how code reaches those. The region there is not what decides
/// whether the signature holds.
fn s3_compatible(client: &clients::Client<'_>) -> bool {
    client
        .settings
        .iter()
        .filter(|s| s.meaning == Meaning::Endpoint)
        .any(|s| {
            s.text.as_deref().is_none_or(|url| {
                let host = url
                    .split("://")
                    .nth(1)
                    .unwrap_or(url)
                    .split(['/', ':', '?'])
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                !(host.ends_with(".amazonaws.com") || host.ends_with(".amazonaws.com.cn"))
            })
        })
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let (Some(syntax), Some(language)) = (&cx.facts.syntax, cx.facts.kind.language) else {
        return;
    };
    let Some(family) = clients::family(language.family()) else {
        return;
    };
    // The Lambda runtime sets `AWS_REGION` to the function's own region, which the SDKs read:
    // the region is set, by the platform.
    if crate::frontend::output::runs_on_aws_lambda(language, cx.path, cx.text, syntax) {
        return;
    }
    let index = clients::FileIndex::new(syntax);
    let mut globals = clients::Collector::new(syntax, &index, family);
    globals.globals();
    let mut seen = HashSet::new();
    let Some(model) = cx.model else {
        return;
    };
    for (i, call) in syntax.calls.iter().enumerate() {
        let Some(row) = model.sdk(i) else {
            continue;
        };
        // CloudFront, GCS and Azure signers have no region.
        if !matches!(row.signer, Signer::Sigv4 | Signer::Sigv2) {
            continue;
        }
        let Some(client) = clients::client_of(
            syntax,
            &index,
            family,
            cx.text,
            &call.call,
            call.function,
            &globals.settings,
        ) else {
            continue;
        };
        if client.has(Meaning::Region)
            || client.opaque
            || client.region_from_env
            || s3_compatible(&client)
        {
            continue;
        }
        let span = client.construction.callee.span.clone();
        if !seen.insert(span.clone()) {
            continue;
        }
        let written = cx.text.get(span.clone()).unwrap_or("").trim();
        let identity = format!("{}|{written}", row.sdk);
        let finding = NoRegion {
            sdk: &row.sdk,
            presign_method: call.call.name(),
        };
        out.push(Diagnostic::explained(
            LintId::PresignClientWithoutRegion,
            span,
            identity,
            &finding,
        ));
    }
}

/// A presigning client given no region: its SDK and the call that presigns with it.
#[derive(Serialize)]
struct NoRegion<'a> {
    sdk: &'a str,
    presign_method: Option<&'a str>,
}

impl Explained for NoRegion<'_> {
    fn message(&self) -> String {
        format!(
            "this {sdk} client presigns ({sdk} `{}`) but gets no region in this file: the signature's region then comes from the environment or a default, and URLs for a bucket in another region fail with a signature error",
            self.presign_method.unwrap_or("?"),
            sdk = self.sdk,
        )
    }

    fn help(&self) -> Option<String> {
        Some("set the bucket's region on the client (`region_name=`, `region:`, `.region(…)`, `config.WithRegion(…)`, `RegionEndpoint`); allow this lint where the platform always injects AWS_REGION (practice `invalid-signature`)".to_string())
    }
}
