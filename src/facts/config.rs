//! What configuration files and credential lines say: presign expiry keys, credential
//! entries and PEM private key blocks (`frontend::config_values`).

use std::ops::Range;

/// A configuration key that names a presign expiry, with its raw value.
#[derive(Debug)]
pub struct ConfigExpiry {
    pub key: String,
    pub value: String,
    pub value_span: Range<usize>,
}

/// Which part of a static AWS credential a config key, variable or field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CredentialPart {
    KeyId,
    Secret,
    Token,
}

/// A configuration key, environment variable or INI entry that holds a credential part.
#[derive(Debug)]
pub struct ConfigCredential {
    pub key: String,
    pub part: CredentialPart,
    pub value: String,
    pub value_span: Range<usize>,
    /// A secret only next to a key id ([`is_paired_secret_name`]).
    pub paired_only: bool,
    /// 0-based line of the entry, and the INI section (`[profile]`) it is in.
    pub line: usize,
    pub section: usize,
}

/// A PEM private key block (`-----BEGIN RSA PRIVATE KEY-----`, `BEGIN PRIVATE KEY`, `BEGIN EC
/// PRIVATE KEY`, …) with the number of base64 characters in its body.
#[derive(Debug)]
pub struct PrivateKeyBlock {
    /// The `-----BEGIN … PRIVATE KEY-----` marker.
    pub span: Range<usize>,
    pub label: String,
    /// Base64 characters of the body (escaped `\n` excluded), at most [`PEM_BODY_LIMIT`].
    pub body: String,
}
