//! `insecure-transport`: signed URLs over plain HTTP, and presigning clients configured with an
//! `http://` endpoint or with TLS turned off. Loopback and local-emulator endpoints are capped
//! at `note`.

use std::collections::HashSet;

use serde::Serialize;

use super::{Check, Context, Diagnostic, Explained, LintId, Rule};
use crate::frontend::Needs;
use crate::level::Level;
use crate::semantic::clients::{self, Collector, Meaning, Setting};

/// The lint's declaration, named in the registry.
pub(super) const RULE: Rule = Rule {
    triggers: || triggers().collect(),
    needs: |_| Needs::SIGNED_URLS,
    needs_where_presigned: Needs::SYNTAX,
    check: Check::Own(|cx, out| check(cx, &mut out.diagnostics)),
};

/// A signed URL literal carries a signature word (`hardcoded-presigned-url`'s triggers); a
/// client finding needs a presign call in the file (the expiry lints' triggers).
pub fn triggers() -> impl Iterator<Item = &'static str> {
    super::hardcoded_presigned_url::TRIGGERS
        .iter()
        .chain(super::expiry::TRIGGERS.iter())
        .copied()
}

const HELP_URL: &str = "generate the URL with an https:// endpoint and hand it out over HTTPS; a leaked signed URL cannot be revoked before it expires (practice `https-only`)";

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for url in cx.facts.signed_urls.iter().filter(|u| u.insecure) {
        let finding = PlainHttpUrl {
            source: "url",
            url_kind: url.kind.id(),
            host: &url.decoded.host,
            loopback: clients::is_loopback(&url.decoded.host),
            label: url.kind.label(),
        };
        let mut diagnostic = Diagnostic::explained(
            LintId::InsecureTransport,
            url.span.clone(),
            url.decoded.url.clone(),
            &finding,
        );
        diagnostic.level_cap = finding.loopback.then_some(Level::Note);
        out.push(diagnostic);
    }

    let (Some(syntax), Some(language)) = (&cx.facts.syntax, cx.facts.kind.language) else {
        return;
    };
    let Some(family) = clients::family(language.family()) else {
        return;
    };
    let index = clients::FileIndex::new(syntax);
    let mut globals = Collector::new(syntax, &index, family);
    globals.globals();
    let mut seen = HashSet::new();
    let Some(model) = cx.model else {
        return;
    };
    for (i, call) in syntax.calls.iter().enumerate() {
        let Some(row) = model.sdk(i) else {
            continue;
        };
        let what = format!("{} `{}`", row.sdk, call.call.name().unwrap_or("?"));
        // Options of this presign call itself (a request's `Protocol`, `secure: false`).
        let mut request = Collector::new(syntax, &index, family);
        request.request_arguments(&call.call, call.function);
        let client = clients::client_of(
            syntax,
            &index,
            family,
            cx.text,
            &call.call,
            call.function,
            &globals.settings,
        );
        let client_settings = client
            .as_ref()
            .map(|c| c.settings.as_slice())
            .unwrap_or(&[]);
        // TLS turned off next to a loopback endpoint is a local emulator too.
        let local_client = client_settings
            .iter()
            .filter_map(Setting::http_endpoint)
            .any(clients::is_loopback);
        for setting in request.settings.iter().chain(client_settings) {
            if !seen.insert(setting.value.span.clone()) {
                continue;
            }
            if let Some(d) = diagnostic(cx, setting, &what, local_client) {
                out.push(d);
            }
        }
    }
}

fn diagnostic(
    cx: &Context<'_>,
    setting: &Setting<'_>,
    what: &str,
    local_client: bool,
) -> Option<Diagnostic> {
    let written = cx.text.get(setting.value.span.clone()).unwrap_or("").trim();
    let (source, endpoint, loopback) = if let Some(url) = setting.http_endpoint() {
        (
            "endpoint",
            Some(without_userinfo(url)),
            clients::is_loopback(url),
        )
    } else if setting.meaning == Meaning::Tls && setting.flagged {
        ("tls", None, local_client)
    } else {
        return None;
    };
    let finding = PlainHttpClient {
        source,
        setting: &setting.key,
        loopback,
        what,
        endpoint,
        written,
    };
    let identity = format!("{}|{written}", setting.key);
    let mut diagnostic = Diagnostic::explained(
        LintId::InsecureTransport,
        setting.value.span.clone(),
        identity,
        &finding,
    );
    diagnostic.level_cap = loopback.then_some(Level::Note);
    Some(diagnostic)
}

/// A signed URL written with plain http://.
#[derive(Serialize)]
struct PlainHttpUrl<'a> {
    source: &'static str,
    url_kind: &'static str,
    host: &'a str,
    /// A loopback host: a local emulator, reported as a note.
    loopback: bool,
    /// The kind of URL, for the message.
    #[serde(skip)]
    label: &'static str,
}

impl Explained for PlainHttpUrl<'_> {
    fn message(&self) -> String {
        format!(
            "{} over plain http://: anyone on the network path can read the signature and replay the URL until it expires{}",
            self.label,
            loopback_note(self.loopback, "host")
        )
    }

    fn help(&self) -> Option<String> {
        Some(HELP_URL.to_string())
    }
}

/// A presigning client set to sign over plain HTTP: an http:// endpoint or TLS turned off.
#[derive(Serialize)]
struct PlainHttpClient<'a> {
    /// `endpoint` or `tls`.
    source: &'static str,
    setting: &'a str,
    loopback: bool,
    /// The presign call, for the message: "boto3 `generate_presigned_url`".
    #[serde(skip)]
    what: &'a str,
    /// The http:// endpoint, without its user info.
    #[serde(skip)]
    endpoint: Option<String>,
    /// The setting's value as written.
    #[serde(skip)]
    written: &'a str,
}

impl Explained for PlainHttpClient<'_> {
    fn message(&self) -> String {
        match &self.endpoint {
            Some(endpoint) => format!(
                "the client behind {} signs for the plain http:// endpoint `{endpoint}` (`{}`): every URL it presigns travels in clear text and can be replayed by anyone on the path{}",
                self.what,
                self.setting,
                loopback_note(self.loopback, "host")
            ),
            None => format!(
                "{} presigns with TLS turned off (`{}` = `{}`): the URLs it hands out are http:// and their signatures travel in clear text{}",
                self.what,
                self.setting,
                self.written,
                loopback_note(self.loopback, "endpoint")
            ),
        }
    }

    fn help(&self) -> Option<String> {
        Some(match self.endpoint {
            Some(_) => "use an https:// endpoint (or leave the SDK's default); for a local emulator, keep the http endpoint out of production code paths (practice `https-only`)",
            None => "remove the setting so the SDK signs https:// URLs (practice `https-only`)",
        }.to_string())
    }
}

/// What a message adds for a loopback `host` or `endpoint`: it is reported as a note.
fn loopback_note(loopback: bool, what: &str) -> String {
    if loopback {
        format!(" (loopback {what}: reported as a note)")
    } else {
        String::new()
    }
}

/// An endpoint for messages, without `user:password@` (never print a secret).
fn without_userinfo(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..end].rfind('@') {
        Some(at) => format!("{scheme}://{}", &rest[at + 1..]),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_lose_their_userinfo() {
        assert_eq!(
            without_userinfo("http://minio:s3cr3t@minio:9000/b"),
            "http://minio:9000/b"
        );
        assert_eq!(without_userinfo("http://host/a@b"), "http://host/a@b");
    }
}
