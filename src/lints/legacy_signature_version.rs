//! `legacy-signature-version`: S3 Signature Version 2 chosen in a client or process-wide
//! configuration, or a SigV2 signed URL literal.

use crate::text::words::Words;
use std::collections::HashSet;

use serde::Serialize;

use super::{Check, Context, Diagnostic, Explained, LintId, Rule};
use crate::frontend::Needs;
use crate::semantic::clients::{self, Collector, Meaning};
use crate::text::signed_url::UrlKind;

/// The lint's declaration, named in the registry.
pub(super) const RULE: Rule = Rule {
    triggers: || TRIGGERS.to_vec(),
    needs: |text| Needs {
        signed_urls: true,
        syntax: configures_signing(text),
        ..Needs::NONE
    },
    needs_where_presigned: Needs::SYNTAX,
    check: Check::Own(|cx, out| check(cx, &mut out.diagnostics)),
};

/// `signature_version`, `signatureVersion`, `UseSignatureVersion4` and SigV2 URLs' `Signature=`
/// all contain "signature"; Java's `setSignerOverride` does not.
pub const TRIGGERS: [&str; 2] = ["signature", "signeroverride"];

/// Whether the text may choose a signature version in code or config (`signature_version`,
/// `signatureVersion`, `UseSignatureVersion4`, `setSignerOverride`): only then is the file
/// parsed for this lint; a URL's `Signature=` alone needs no parse.
pub fn configures_signing(text: &str) -> bool {
    static WORDS: std::sync::LazyLock<Words> = std::sync::LazyLock::new(|| {
        Words::new(&["signature_version", "signatureversion", "signeroverride"])
    });
    WORDS.is_match(text.as_bytes())
}

const HELP: &str = "sign with SigV4 (`s3v4`/`v4`, or remove the override: every current SDK defaults to it); S3 rejects SigV2 in most regions and for new buckets (practice `invalid-signature`)";

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for url in cx
        .facts
        .signed_urls
        .iter()
        .filter(|u| u.kind == UrlKind::S3SigV2)
    {
        let finding = SigV2Url {
            source: "url",
            url_kind: url.kind.id(),
        };
        out.push(Diagnostic::explained(
            LintId::LegacySignatureVersion,
            url.span.clone(),
            url.decoded.url.clone(),
            &finding,
        ));
    }

    let (Some(syntax), Some(language)) = (&cx.facts.syntax, cx.facts.kind.language) else {
        return;
    };
    let Some(family) = clients::family(language.family()) else {
        return;
    };
    let index = clients::FileIndex::new(syntax);
    let mut collector = Collector::new(syntax, &index, family);
    for call in &syntax.calls {
        let configures = clients::constructor(family, &call.call, syntax).is_some()
            || call.call.name().is_some_and(|n| {
                family
                    .setting
                    .iter()
                    .any(|r| r.meaning == Meaning::Signature && r.names.iter().any(|x| x == n))
            });
        if configures {
            collector.shallow(&call.call, call.function);
        }
    }
    collector.globals();
    let mut seen = HashSet::new();
    for s in &collector.settings {
        if s.meaning != Meaning::Signature || !s.flagged || !seen.insert(s.value.span.clone()) {
            continue;
        }
        let written = cx.text.get(s.value.span.clone()).unwrap_or("").trim();
        let identity = format!("{}|{written}", s.key);
        let finding = SigV2Setting {
            source: "setting",
            setting: &s.key,
            value: s.text.as_deref(),
            written,
        };
        out.push(Diagnostic::explained(
            LintId::LegacySignatureVersion,
            s.value.span.clone(),
            identity,
            &finding,
        ));
    }
}

/// An S3 URL signed with SigV2.
#[derive(Serialize)]
struct SigV2Url {
    source: &'static str,
    url_kind: &'static str,
}

impl Explained for SigV2Url {
    fn message(&self) -> String {
        "S3 URL signed with legacy Signature Version 2 (`AWSAccessKeyId`, `Signature`, `Expires`): its expiry has no 7-day cap and S3 is turning SigV2 off".to_string()
    }

    fn help(&self) -> Option<String> {
        Some("stop issuing SigV2 URLs: presign with SigV4, which caps validity at 7 days (practice `invalid-signature`)".to_string())
    }
}

/// A client setting that selects SigV2: the setting and the signature version it selects.
#[derive(Serialize)]
struct SigV2Setting<'a> {
    source: &'static str,
    setting: &'a str,
    value: Option<&'a str>,
    /// The value as written, for the message.
    #[serde(skip)]
    written: &'a str,
}

impl Explained for SigV2Setting<'_> {
    fn message(&self) -> String {
        format!(
            "`{}` = `{}` selects legacy S3 Signature Version 2: S3 rejects it in most regions and for new buckets, and its presigned URLs escape the 7-day expiry cap",
            self.setting, self.written
        )
    }

    fn help(&self) -> Option<String> {
        Some(HELP.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The prefilter must never drop a file that sets a signature version the table knows.
    #[test]
    fn every_signature_setting_contains_a_trigger_word() {
        use crate::frontend::Family;
        for family in Family::ALL
            .into_iter()
            .filter(|f| !matches!(f, Family::Scala | Family::Shell))
        {
            let Some(f) = clients::family(family) else {
                panic!("no {family} rows in catalog/clients.toml");
            };
            for row in f.setting.iter().filter(|r| r.meaning == Meaning::Signature) {
                for name in &row.names {
                    let lower = name.to_ascii_lowercase();
                    assert!(
                        TRIGGERS.iter().any(|t| lower.contains(t)),
                        "{family} `{name}` has no trigger word: add one to TRIGGERS"
                    );
                }
            }
        }
    }
}
