//! `hardcoded-credentials`: literal AWS access keys given to an SDK client, session or
//! credentials constructor (directly or through plain local bindings), written in config files,
//! or assigned to an access-key name; and CloudFront signing private keys (PEM) in files about
//! CloudFront. Written once over the facts: where each SDK takes credentials is data,
//! `catalog/credentials.toml`.

use std::collections::HashSet;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::{Check, Context, Diagnostic, Explained, LintId, Rule};
use crate::facts::{CallExpr, CredentialPart, Expr, ExprKind, Span, SyntaxFacts};
use crate::frontend::Family;
use crate::frontend::Needs;
use crate::frontend::config_values::{TOKEN_KEY_WORDS, credential_part, is_paired_secret_name};
use crate::text::redact::redact_key_id;
use crate::text::signed_url::placeholder::{
    has_placeholder_word, is_placeholder_value, looks_made_up,
};

/// The lint's declaration, named in the registry.
pub(super) const RULE: Rule = Rule {
    triggers: || TRIGGERS.to_vec(),
    needs: |text| Needs {
        credentials: true,
        syntax: has_quoted_credential(text),
        ..Needs::NONE
    },
    needs_where_presigned: Needs::NONE,
    check: Check::Own(|cx, out| check(cx, &mut out.diagnostics)),
};

/// Every file this lint reports on contains one of these: a literal key id (`AKIA`/`ASIA`), a
/// secret's key or slot name (`secret…`), a constructor name (`…Credentials…`, the .NET
/// clients), a session token key, or a PEM `PRIVATE KEY` marker. Checked against the table by
/// a test.
pub const TRIGGERS: [&str; 14] = [
    "akia",
    "asia",
    "secret",
    "credential",
    "amazons3client",
    "amazoncloudfrontclient",
    "amazonsecuritytokenserviceclient",
    "private key",
    TOKEN_KEY_WORDS[0],
    TOKEN_KEY_WORDS[1],
    TOKEN_KEY_WORDS[2],
    TOKEN_KEY_WORDS[3],
    TOKEN_KEY_WORDS[4],
    TOKEN_KEY_WORDS[5],
];

/// How far apart (in lines) a key id and its secret may be in config or loose assignments to
/// count as one pair.
const PAIR_DISTANCE: usize = 12;
/// How deep names, nested objects and builder chains are followed.
const MAX_DEPTH: usize = 8;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    #[serde(default)]
    slot: Vec<Slot>,
    #[serde(default)]
    constructor: Vec<Constructor>,
}

/// A keyword, field or builder method that holds a credential part in any call.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Slot {
    part: CredentialPart,
    names: Vec<String>,
    /// Only inside an object that is the value of a field so named.
    #[serde(default)]
    parent: Option<String>,
}

/// A call that takes credential parts by position or keyword.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Constructor {
    family: String,
    sdk: String,
    methods: Vec<String>,
    #[serde(default)]
    receivers: Vec<String>,
    #[serde(default)]
    new: bool,
    #[serde(default)]
    key_id: Vec<Loc>,
    #[serde(default)]
    secret: Vec<Loc>,
    #[serde(default)]
    token: Vec<Loc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Loc {
    #[serde(default)]
    positional: Option<usize>,
    #[serde(default)]
    keyword: Option<String>,
}

const TABLE_TEXT: &str = include_str!("../../catalog/credentials.toml");

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    // A broken table is a build defect caught by the test below; at run time it is empty.
    toml::from_str(TABLE_TEXT).unwrap_or(Table {
        slot: Vec::new(),
        constructor: Vec::new(),
    })
});

/// One literal credential part and where it is written.
#[derive(Clone, Debug)]
struct Literal {
    value: String,
    span: Span,
}

/// The parts of one credential found together (one call, one object, one config section).
#[derive(Default, Debug)]
struct Group {
    key_id: Option<Literal>,
    secret: Option<Literal>,
    token: Option<Literal>,
    /// Where they were found, for the message: "passed to boto3 `client`".
    origin: String,
    /// Keys or names the parts were written to (config entries, assignments): appended to
    /// `origin`.
    names: Vec<String>,
    source: &'static str,
}

impl Group {
    fn slot(&mut self, part: CredentialPart) -> &mut Option<Literal> {
        match part {
            CredentialPart::KeyId => &mut self.key_id,
            CredentialPart::Secret => &mut self.secret,
            CredentialPart::Token => &mut self.token,
        }
    }

    /// Keeps a literal only if it has the shape of a real credential part.
    fn offer(&mut self, part: CredentialPart, literal: Literal) -> bool {
        let real = match part {
            CredentialPart::KeyId => is_key_id(&literal.value),
            CredentialPart::Secret => is_secret_key(&literal.value),
            CredentialPart::Token => is_session_token(&literal.value),
        };
        let slot = self.slot(part);
        let take = real && slot.is_none();
        if take {
            *slot = Some(literal);
        }
        take
    }

    fn is_empty(&self) -> bool {
        self.key_id.is_none() && self.secret.is_none() && self.token.is_none()
    }

    fn spans(&self) -> impl Iterator<Item = &Span> {
        [&self.key_id, &self.secret, &self.token]
            .into_iter()
            .flatten()
            .map(|l| &l.span)
    }
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let mut groups = Vec::new();
    if let (Some(syntax), Some(language)) = (&cx.facts.syntax, cx.facts.kind.language) {
        source_groups(syntax, language.family(), cx, &mut groups);
    }
    config_groups(cx, &mut groups);

    // The same literal reached twice (a call and the binding it reads, a builder chain and its
    // inner calls) is reported once, by the group that holds the most parts (the first such,
    // so a call wins over the binding it reads and the outermost call of a chain wins).
    groups.sort_by_key(|g| std::cmp::Reverse(g.spans().count()));
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    for group in groups {
        if group.is_empty() || group.spans().any(|s| seen.contains(&(s.start, s.end))) {
            continue;
        }
        seen.extend(group.spans().map(|s| (s.start, s.end)));
        out.push(diagnostic(group));
    }
    private_keys(cx, out);
}

/// Calls (constructor rows, keyword and object-field slots, builder chains), object literals
/// bound to names, and strings assigned to access-key names.
fn source_groups(syntax: &SyntaxFacts, family: Family, cx: &Context<'_>, groups: &mut Vec<Group>) {
    for call in &syntax.calls {
        let c = &call.call;
        let callee = c
            .callee
            .path()
            .map(|p| p.join("."))
            .or_else(|| c.name().map(str::to_string))
            .unwrap_or_else(|| "?".to_string());
        let mut group = Group {
            origin: format!("passed to `{callee}`"),
            source: "call",
            ..Group::default()
        };
        let lookup = Lookup {
            syntax,
            function: call.function,
        };
        if let Some(row) = constructor_row(family, c) {
            group.origin = format!("passed to {} `{callee}`", row.sdk);
            for (part, locs) in [
                (CredentialPart::KeyId, &row.key_id),
                (CredentialPart::Secret, &row.secret),
                (CredentialPart::Token, &row.token),
            ] {
                let expr = locs.iter().find_map(|loc| {
                    loc.keyword
                        .as_deref()
                        .and_then(|k| c.keyword(k))
                        .or_else(|| loc.positional.and_then(|i| c.positional(i)))
                });
                if let Some(literal) = expr.and_then(|e| lookup.literal(e, 0)) {
                    group.offer(part, literal);
                }
            }
        }
        for arg in &c.args {
            if let Some(part) = arg.name.as_deref().and_then(|n| slot_part(n, None))
                && let Some(literal) = lookup.literal(&arg.value, 0)
            {
                group.offer(part, literal);
            }
            lookup.object(&arg.value, arg.name.as_deref(), &mut group, 0);
        }
        lookup.chain(c, &mut group, 0);
        groups.push(group);
    }

    // Object literals bound to a name (`const creds = { accessKeyId: …, secretAccessKey: … }`)
    // and strings assigned to access-key names, paired when close together.
    // (secret only beside a key id, part, literal, function, name)
    let mut loose: Vec<(bool, CredentialPart, Literal, Option<usize>, String)> = Vec::new();
    for binding in &syntax.bindings {
        let lookup = Lookup {
            syntax,
            function: binding.function,
        };
        let leaf = binding
            .name
            .rsplit(['.', ':'])
            .next()
            .unwrap_or(&binding.name);
        let shown = ["this.", "self.", "@"]
            .iter()
            .find_map(|p| binding.name.strip_prefix(p))
            .unwrap_or(&binding.name);
        match &binding.value.kind {
            ExprKind::Object(_) => {
                let mut group = Group {
                    origin: format!("in the object assigned to `{shown}`"),
                    source: "binding",
                    ..Group::default()
                };
                lookup.object(&binding.value, None, &mut group, 0);
                groups.push(group);
            }
            ExprKind::Str(value) => {
                let paired_only = slot_part(leaf, None).is_none()
                    && credential_part(leaf).is_none()
                    && is_paired_secret_name(leaf);
                let part = slot_part(leaf, None)
                    .or_else(|| credential_part(leaf))
                    .or(paired_only.then_some(CredentialPart::Secret));
                if let Some(part) = part {
                    loose.push((
                        paired_only,
                        part,
                        Literal {
                            value: value.clone(),
                            span: binding.value.span.clone(),
                        },
                        binding.function,
                        shown.to_string(),
                    ));
                }
            }
            _ => {}
        }
    }
    loose.sort_by_key(|(_, _, l, _, _)| l.span.start);
    let mut current: Option<(Group, usize, Option<usize>)> = None;
    for (paired_only, part, literal, function, name) in loose {
        let (line, _) = cx.source.position(literal.span.start);
        let fits = current.as_mut().is_some_and(|(g, last, f)| {
            *f == function && line.saturating_sub(*last) <= PAIR_DISTANCE && g.slot(part).is_none()
        });
        if !fits {
            if let Some((g, _, _)) = current.take() {
                groups.push(g);
            }
            current = Some((
                Group {
                    origin: "assigned to".to_string(),
                    source: "binding",
                    ..Group::default()
                },
                line,
                function,
            ));
        }
        if let Some((g, last, _)) = current.as_mut() {
            if paired_only && g.key_id.is_none() {
                continue;
            }
            if g.offer(part, literal) {
                g.names.push(name);
            }
            *last = line;
        }
    }
    if let Some((g, _, _)) = current {
        groups.push(g);
    }
}

/// Config keys, paired by section and distance: `[default]` then `aws_access_key_id` and
/// `aws_secret_access_key` make one finding.
fn config_groups(cx: &Context<'_>, groups: &mut Vec<Group>) {
    let mut current: Option<(Group, usize, usize)> = None;
    let entries = &cx.facts.config_credentials;
    for (i, entry) in entries.iter().enumerate() {
        let literal = Literal {
            value: entry.value.clone(),
            span: entry.value_span.clone(),
        };
        // `ID=… SECRET=…` on one line belong together, not with a secret on the line above.
        let pair_on_line = entries.get(i + 1).is_some_and(|next| {
            next.line == entry.line
                && next.part != entry.part
                && entry.part == CredentialPart::KeyId
        });
        let fits = !pair_on_line
            && current.as_mut().is_some_and(|(g, line, section)| {
                *section == entry.section
                    && entry.line.saturating_sub(*line) <= PAIR_DISTANCE
                    && g.slot(entry.part).is_none()
            });
        if !fits {
            if let Some((g, _, _)) = current.take() {
                groups.push(g);
            }
            current = Some((Group::default(), entry.line, entry.section));
        }
        if let Some((g, line, _)) = current.as_mut() {
            if entry.paired_only && g.key_id.is_none() {
                continue;
            }
            if g.offer(entry.part, literal) {
                g.origin = "in".to_string();
                g.source = "config";
                g.names.push(entry.key.clone());
            }
            *line = entry.line;
        }
    }
    if let Some((g, _, _)) = current {
        groups.push(g);
    }
}

/// Following names to literals and objects within one function's view of the file.
struct Lookup<'a> {
    syntax: &'a SyntaxFacts,
    function: Option<usize>,
}

impl<'a> Lookup<'a> {
    /// A string literal, directly or through plain bindings (`key = "AKIA…"; f(key)`).
    fn literal(&self, expr: &'a Expr, depth: usize) -> Option<Literal> {
        match &expr.kind {
            ExprKind::Str(s) => Some(Literal {
                value: s.clone(),
                span: expr.span.clone(),
            }),
            ExprKind::Name(_) if depth < MAX_DEPTH => self.literal(self.resolve(expr)?, depth + 1),
            _ => None,
        }
    }

    fn resolve(&self, expr: &'a Expr) -> Option<&'a Expr> {
        let ExprKind::Name(name) = &expr.kind else {
            return None;
        };
        self.syntax
            .lookup(name, expr.span.start, self.function)
            .map(|b| &b.value)
    }

    /// Credential fields of an object (through a name bound to one), nested objects included.
    fn object(&self, expr: &'a Expr, parent: Option<&str>, group: &mut Group, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        match &expr.kind {
            ExprKind::Object(fields) => {
                for field in fields {
                    if let Some(part) = slot_part(&field.key, parent)
                        && let Some(literal) = self.literal(&field.value, 0)
                    {
                        group.offer(part, literal);
                        continue;
                    }
                    self.object(&field.value, Some(&field.key), group, depth + 1);
                }
            }
            ExprKind::Name(_) => {
                if let Some(bound) = self.resolve(expr) {
                    self.object(bound, parent, group, depth + 1);
                }
            }
            _ => {}
        }
    }

    /// Builder methods named like a slot along a call chain:
    /// `AwsBasicCredentials.builder().accessKeyId("AKIA…").secretAccessKey(…).build()`.
    fn chain(&self, call: &'a CallExpr, group: &mut Group, depth: usize) {
        if depth > MAX_DEPTH * 2 {
            return;
        }
        if call.args.len() == 1
            && let (Some(part), Some(arg)) = (
                call.name().and_then(|n| slot_part(n, None)),
                call.positional(0),
            )
            && let Some(literal) = self.literal(arg, 0)
        {
            group.offer(part, literal);
        }
        if let Some(inner) = call.receiver().and_then(Expr::as_call) {
            self.chain(inner, group, depth + 1);
        }
    }
}

/// The part a keyword, field or builder method holds, per the table's slots.
fn slot_part(name: &str, parent: Option<&str>) -> Option<CredentialPart> {
    let name = name.trim_matches(['"', '\'', ':']);
    let parent = parent.map(|p| p.trim_matches(['"', '\'', ':']));
    TABLE
        .slot
        .iter()
        .find(|s| {
            s.names.iter().any(|n| n == name)
                && s.parent.as_deref().is_none_or(|p| Some(p) == parent)
        })
        .map(|s| s.part)
}

fn constructor_row(family: Family, call: &CallExpr) -> Option<&'static Constructor> {
    let name = call.name()?;
    let receiver = call
        .receiver()
        .and_then(Expr::path)
        .and_then(|p| p.last().map(|s| s.to_string()));
    TABLE.constructor.iter().find(|row| {
        row.family == family.name()
            && row.methods.iter().any(|m| m == name)
            && (!row.new || call.is_new || !family.constructs_only_with_new())
            && (row.receivers.is_empty()
                || receiver
                    .as_deref()
                    .is_some_and(|r| row.receivers.iter().any(|x| x == r)))
    })
}

/// Whether the text holds a string literal with the shape of a credential: an `AKIA`/`ASIA`
/// key id, or a 40-character or 64+-character base64 run (secret key, session token), between
/// quotes. Every finding in code needs one, and most files that merely say "secret" or
/// "session_token" (or hold a signed URL, whose key id is not a whole literal) have none, so
/// they are not parsed for this lint. One linear pass over the bytes.
pub fn has_quoted_credential(text: &str) -> bool {
    let bytes = text.as_bytes();
    let base64 = |b: u8| b.is_ascii_alphanumeric() || b == b'+' || b == b'/';
    // `\` closes a JSON-escaped quote (notebook cells).
    let closing = |b: Option<&u8>| matches!(b, Some(b'"' | b'\'' | b'`' | b'\\'));
    // Jump from quote to quote (SIMD), then measure the literal that follows.
    memchr::memchr3_iter(b'"', b'\'', b'`', bytes).any(|quote| {
        let start = quote + 1;
        // Counting stops at 64: a token is long, and its end need not be found.
        let run = bytes[start..]
            .iter()
            .take(64)
            .take_while(|&&b| base64(b))
            .count();
        let literal = &bytes[start..start + run];
        let key_id = run == 20 && (literal.starts_with(b"AKIA") || literal.starts_with(b"ASIA"));
        run == 64 || (run == 40 || key_id) && closing(bytes.get(start + run))
    })
}

/// `AKIA`/`ASIA` and 16 base32 characters, not a documentation example.
pub fn is_key_id(value: &str) -> bool {
    value.len() == 20
        && (value.starts_with("AKIA") || value.starts_with("ASIA"))
        && value[4..]
            .bytes()
            .all(|b| b.is_ascii_uppercase() || (b'2'..=b'7').contains(&b))
        && !is_placeholder(value)
        && !looks_made_up(&value[4..])
}

/// 40 characters of the base64 alphabet with mixed classes, as AWS secret access keys are.
pub fn is_secret_key(value: &str) -> bool {
    value.len() == 40
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/'))
        && value.bytes().any(|b| b.is_ascii_uppercase())
        && value.bytes().any(|b| b.is_ascii_lowercase())
        && value
            .bytes()
            .any(|b| b.is_ascii_digit() || matches!(b, b'+' | b'/'))
        && !is_placeholder(value)
        && !looks_made_up(value)
}

/// STS session tokens are long base64 strings (hundreds of characters).
fn is_session_token(value: &str) -> bool {
    value.len() >= 64
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
        && !is_placeholder(value)
        && !looks_made_up(value)
}

/// Documentation examples and obvious stand-ins: `AKIAIOSFODNN7EXAMPLE`, `…EXAMPLEKEY`,
/// `xxxx`, `your-…`, `<…>`, `${…}`, `changeme`, `dummy`, `test`, `fake`: the placeholder
/// vocabulary every lint shares ([`crate::text::signed_url::placeholder::VOCABULARY`]).
fn is_placeholder(value: &str) -> bool {
    is_placeholder_value(value)
}

fn diagnostic(g: Group) -> Diagnostic {
    let key_type = g.key_id.as_ref().map(|k| {
        if k.value.starts_with("ASIA") {
            "temporary"
        } else {
            "long-term"
        }
    });
    let span = g
        .key_id
        .as_ref()
        .or(g.secret.as_ref())
        .or(g.token.as_ref())
        .map(|l| l.span.clone())
        .unwrap_or_default();
    let finding = Credentials {
        key_id: g.key_id.as_ref().map(|k| redact_key_id(&k.value)),
        key_type,
        secret_access_key: g.secret.is_some(),
        session_token: g.token.is_some(),
        source: g.source,
        origin: &g.origin,
        names: &g.names,
    };
    // Hashed only: the values identify the credential wherever its lines move.
    let identity = format!(
        "{}|{}|{}",
        g.key_id.as_ref().map_or("", |l| l.value.as_str()),
        g.secret.as_ref().map_or("", |l| l.value.as_str()),
        g.token.as_ref().map_or("", |l| l.value.as_str()),
    );
    Diagnostic::explained(LintId::HardcodedCredentials, span, identity, &finding)
}

/// Literal AWS credentials: which parts are literal (the details), never their values.
#[derive(Serialize)]
struct Credentials<'a> {
    /// Redacted to its prefix and last characters.
    key_id: Option<String>,
    key_type: Option<&'static str>,
    secret_access_key: bool,
    session_token: bool,
    /// Where it was found: `call`, `binding`, a config file, …
    source: &'static str,
    /// Where they were found, for the message: "passed to boto3 `client`".
    #[serde(skip)]
    origin: &'a str,
    /// The names the parts were given.
    #[serde(skip)]
    names: &'a [String],
}

impl Explained for Credentials<'_> {
    fn message(&self) -> String {
        let mut parts = Vec::new();
        if let Some(key_id) = &self.key_id {
            parts.push(format!(
                "{} access key id `{key_id}`",
                self.key_type.unwrap_or("long-term")
            ));
        }
        if self.secret_access_key {
            parts.push("secret access key".to_string());
        }
        if self.session_token {
            parts.push("session token".to_string());
        }
        let what = match parts.as_slice() {
            [one] => one.clone(),
            [a, b] => format!("{a} and {b}"),
            _ => format!("{}, {} and {}", parts[0], parts[1], parts[2]),
        };
        let consequence = if self.secret_access_key || self.session_token {
            "anyone who can read this file can sign requests and presigned URLs as this key until it is rotated"
        } else {
            "the key id names the account and the key, and its secret is often nearby or in history"
        };
        let names: Vec<String> = self.names.iter().map(|n| format!("`{n}`")).collect();
        let origin = if names.is_empty() {
            self.origin.to_string()
        } else {
            format!("{} {}", self.origin, names.join(" and "))
        };
        format!("hardcoded AWS credentials: literal {what} {origin}; {consequence}")
    }

    fn help(&self) -> Option<String> {
        Some("remove the literal, then deactivate and rotate the key now (git history keeps it); let the SDK's default credential chain supply short-lived credentials: IAM role, SSO, or variables injected at deploy time (practice `revocation`)".to_string())
    }
}

/// A literal PEM private key of a CloudFront key pair.
#[derive(Serialize)]
struct PrivateKey<'a> {
    pem_label: &'a str,
    source: &'static str,
}

impl Explained for PrivateKey<'_> {
    fn message(&self) -> String {
        format!(
            "hardcoded CloudFront signing key: a literal PEM `{}`; anyone who can read this file can sign CloudFront URLs and cookies until the key leaves the key group",
            self.pem_label
        )
    }

    fn help(&self) -> Option<String> {
        Some("remove the key and rotate it (add a new public key to the trusted key group, delete the old one); load the private key at run time from a secret store such as Secrets Manager or SSM Parameter Store (practice `revocation`)".to_string())
    }
}

/// A PEM private key in a file about CloudFront signing: the file mentions
/// CloudFront or a key pair id. Any other private key is left to general secret scanners.
fn private_keys(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if cx.facts.private_keys.is_empty() || !about_cloudfront(cx) {
        return;
    }
    for key in &cx.facts.private_keys {
        if key.body.len() < 100 || is_placeholder_body(&key.body) {
            continue;
        }
        let finding = PrivateKey {
            pem_label: &key.label,
            source: "pem",
        };
        let identity = format!("pem|{}", key.body);
        out.push(Diagnostic::explained(
            LintId::HardcodedCredentials,
            key.span.clone(),
            identity,
            &finding,
        ));
    }
}

fn about_cloudfront(cx: &Context<'_>) -> bool {
    let lower = cx.text.to_ascii_lowercase();
    ["cloudfront", "keypairid", "key_pair_id", "key-pair-id"]
        .iter()
        .any(|w| lower.contains(w))
}

fn is_placeholder_body(body: &str) -> bool {
    let head = body
        .char_indices()
        .nth(256)
        .map_or(body, |(i, _)| &body[..i]);
    has_placeholder_word(body) || looks_made_up(head)
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_quoted_credential_shapes_call_for_a_parse() {
        let key = ["AKIA", "Q3ZTN5XWRJ7PLM2K"].concat();
        assert!(has_quoted_credential(&format!("id = \"{key}\"")));
        assert!(has_quoted_credential(&format!("\"id=\\\"{key}\\\"\\n\"")));
        let secret = "Zx9/Kq2TmPw4Rb7Ln8Ys3Hd6Jf1Gc5Vt0Ea+Uo4i";
        assert_eq!(secret.len(), 40);
        assert!(has_quoted_credential(&format!("s = '{secret}'")));
        // A key id inside a signed URL, an unquoted secret, words alone: no parse.
        assert!(!has_quoted_credential(&format!(
            "\"https://b.s3.amazonaws.com/k?X-Amz-Credential={key}%2F20240115\""
        )));
        assert!(!has_quoted_credential(&format!("s = {secret}")));
        assert!(!has_quoted_credential(
            "session_token = get_secret('credential')"
        ));
    }

    use super::*;

    #[test]
    fn table_is_valid() {
        let table: Table = toml::from_str(TABLE_TEXT).unwrap_or_else(|e| panic!("{e}"));
        assert!(table.slot.len() >= 6 && table.constructor.len() >= 10);
    }

    /// The prefilter must never drop a file the lint can report on.
    #[test]
    fn every_secret_slot_and_constructor_has_a_trigger_word() {
        let has = |s: &str| {
            let lower = s.to_ascii_lowercase();
            TRIGGERS.iter().any(|t| lower.contains(t))
        };
        for slot in &TABLE.slot {
            if slot.part == CredentialPart::KeyId {
                continue; // the value itself starts with AKIA/ASIA
            }
            for name in &slot.names {
                let words = format!("{name} {}", slot.parent.as_deref().unwrap_or(""));
                assert!(has(&words), "slot `{name}` has no trigger word");
            }
        }
        for row in &TABLE.constructor {
            for m in &row.methods {
                let words = format!("{m} {}", row.receivers.join(" "));
                assert!(has(&words), "{} `{m}` has no trigger word", row.sdk);
            }
        }
    }

    #[test]
    fn shapes() {
        assert!(is_key_id("AKIAZ7Q3M4XN2L5P6R4T"));
        assert!(is_key_id("ASIAJ4KQ2M7XN5L3P6R2"));
        assert!(!is_key_id("AKIAIOSFODNN7EXAMPLE"));
        assert!(!is_key_id("AKIAXXXXXXXXXXXXXXXX"));
        assert!(!is_key_id("AKIAZ7Q3M4XN2L5P8R6T"), "8 is not base32");
        assert!(is_secret_key("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"));
        assert!(!is_secret_key("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
        assert!(!is_secret_key("minioadmin"));
        assert!(!is_secret_key(&"aB3".repeat(13)));
        assert!(!is_secret_key("0123456789abcdef0123456789abcdef01234567"));
    }
}
