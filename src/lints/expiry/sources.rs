//! Expiries set by other CLIs and by infrastructure code
//! ([`crate::facts::SignedLifetime`]): `gsutil signurl -d`, `gcloud storage
//! sign-url --duration`, `az storage … generate-sas --expiry`, `aws cloudfront sign
//! --date-less-than`, Terraform Azure SAS data sources and `google_storage_object_signed_url`,
//! ARM and Bicep `listServiceSas`/`listAccountSas` properties. Each carries its signer's limit
//! (GCS V4: 7 days, or 12 hours with a system-managed key; an Azure user delegation SAS: 7
//! days; an account-key SAS and CloudFront: none, so only `max-expiry` applies).

use super::Expiry;
use crate::facts::Lifetime;
use crate::lints::{Context, Output};
use crate::text::duration::human;

/// The lifetimes of the file, as expiries to judge; those known only at run time are listed as
/// unchecked.
pub(super) fn signed_lifetimes(cx: &Context<'_>, expiries: &mut Vec<Expiry>, out: &mut Output) {
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    for l in &cx.facts.signed_lifetimes {
        let (seconds, span, derivation) = match &l.lifetime {
            Lifetime::Duration {
                span,
                seconds,
                derivation,
            } => (*seconds, span.clone(), derivation.clone()),
            Lifetime::Until {
                span,
                expiry: (at, text),
                start,
            } => match start {
                Some((from, start_text)) => {
                    let Some(seconds) = positive(*at - *from) else {
                        continue;
                    };
                    let derivation = format!(
                        "expiry `{text}` is {} after the start `{start_text}`",
                        human(seconds)
                    );
                    (seconds, span.clone(), vec![derivation])
                }
                None => {
                    // Counted from now: whole days (hours under two days), as the date moves.
                    let Some(exact) = positive(*at - now) else {
                        continue;
                    };
                    let unit = if exact >= 2 * 86_400 { 86_400 } else { 3600 };
                    let seconds = (exact / unit * unit).max(1);
                    let derivation = format!(
                        "expiry `{text}` is an absolute date with no start, so it is counted from now: about {}",
                        human(seconds)
                    );
                    (seconds, span.clone(), vec![derivation])
                }
            },
            Lifetime::Dynamic { span, reason } => {
                out.dynamic_expiries.push((span.start, reason.clone()));
                continue;
            }
        };
        expiries.push(Expiry {
            seconds: seconds as f64,
            span,
            what: l.what.clone(),
            derivation,
            limit: l.limit.clone(),
            source: l.source,
            related: Vec::new(),
            setting: None,
        });
    }
}

fn positive(seconds: i64) -> Option<u64> {
    u64::try_from(seconds).ok().filter(|s| *s > 0)
}
