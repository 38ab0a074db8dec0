//! Telling real signatures, keys and signer identities from documentation placeholders,
//! template holes, test fixtures' fake identities and regexes. A placeholder is never a
//! finding: precision is the product.
//!
//! [`VOCABULARY`] is the one list of placeholder words of every lint (`hardcoded-presigned-url`,
//! `insecure-transport` and `hardcoded-credentials` read it through the functions below). A
//! word is read two ways:
//!
//! - in an opaque *value* (a signature, an access key id, a secret, a token, a PEM body), it
//!   counts anywhere, spelled as people type it (`example`, `EXAMPLE`, `Example`), not in the
//!   mixed case a random string would show (`ExAm…`);
//! - in a *name* (a service account, a project, a storage account, a key pair id), short
//!   words that also occur inside real names count only as a word of their own (`test` in
//!   `test-iam-credentials@test-project-id`, not in `latest-builds@…`); distinctive ones
//!   (`example`, `dummy`, `placeholder`) count anywhere.
//!
//! A real-shaped identity is never a placeholder because of where it is written: real leaks
//! happen in test fixtures too.

/// Alphabets signature values are drawn from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Alphabet {
    /// Lowercase or uppercase hex (SigV4, GCS V4, OSS V4, COS).
    Hex,
    /// Standard base64 (`+/=`), after percent-decoding (SigV2, GCS V2, Azure SAS, OSS V1 and
    /// V2, OBS).
    Base64,
    /// CloudFront's URL-safe base64 (`-_~`).
    CloudFront,
    /// URL-safe base64 (`-_`, `=` padding): Qiniu's signatures and access keys.
    UrlSafeBase64,
}

impl Alphabet {
    fn accepts(self, c: char) -> bool {
        match self {
            Alphabet::Hex => c.is_ascii_hexdigit(),
            Alphabet::Base64 => c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '='),
            Alphabet::CloudFront => c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '~'),
            Alphabet::UrlSafeBase64 => c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '='),
        }
    }
}

/// How a vocabulary word marks a name.
#[derive(Clone, Copy)]
pub enum InNames {
    /// Anywhere in the name: the word does not occur inside real names.
    Anywhere,
    /// As a word of the name (split at punctuation, digits and camelCase humps), in one of
    /// these forms.
    Forms(&'static [&'static str]),
    /// Not a mark in names (words that only say a value names its own slot).
    Never,
}

/// A placeholder word: how it marks names, and whether it marks opaque values.
pub struct Word {
    pub word: &'static str,
    pub in_names: InNames,
    pub in_values: bool,
}

const fn word(word: &'static str, in_names: InNames, in_values: bool) -> Word {
    Word {
        word,
        in_names,
        in_values,
    }
}

/// The placeholder vocabulary of every lint.
pub const VOCABULARY: [Word; 16] = [
    word("example", InNames::Anywhere, true),
    word("dummy", InNames::Anywhere, true),
    word("placeholder", InNames::Anywhere, true),
    word("redacted", InNames::Anywhere, true),
    word("changeme", InNames::Anywhere, true),
    word("xxxx", InNames::Anywhere, true),
    word(
        "test",
        InNames::Forms(&["test", "tests", "testing", "tester", "testers"]),
        true,
    ),
    word("fake", InNames::Forms(&["fake", "fakes", "faker"]), true),
    word("mock", InNames::Forms(&["mock", "mocks", "mocked"]), true),
    word("sample", InNames::Forms(&["sample"]), true),
    word("your", InNames::Forms(&["your", "yours"]), true),
    // The metasyntactic name (`foo@bar.iam.gserviceaccount.com`): too short to mark a
    // random value.
    word("foo", InNames::Forms(&["foo", "foobar"]), false),
    // A value that spells its own slot (`YOUR_SIGNATURE`, `my-secret-key`, `ACCESSKEY…`).
    word("signature", InNames::Never, true),
    word("secret", InNames::Never, true),
    word("accesskey", InNames::Never, true),
    // `my-project-id`, `test-project-id`, `PROJECT_ID`: the documentation's project.
    word("project-id", InNames::Anywhere, false),
];

/// Storage accounts and projects of the documentation and of local emulators, whose keys are
/// published: Azure's `myaccount` and Azurite's `devstoreaccount1`, Google Cloud's
/// `my-project`.
const DOCUMENTED_NAMES: [&str; 6] = [
    "myaccount",
    "mystorageaccount",
    "storageaccount",
    "accountname",
    "devstoreaccount1",
    "my-project",
];

/// Access keys published as defaults or for public sandboxes: MinIO's `minio`/`minio123` and
/// `minioadmin` defaults and its play.min.io playground key. A URL they sign leaks nothing
/// that is not already public.
const PUBLISHED_KEYS: [&str; 3] = ["minio", "minioadmin", "Q3AM3UQ867SPQQA43P2F"];

/// The secrets published with them (and MinIO's `minio123`).
const PUBLISHED_SECRETS: [&str; 3] = [
    "minio123",
    "minioadmin",
    "zuf+tfteSlswRu7BJ86wekitnifILbZam1KYY3TG",
];

/// A signer identity that is the name of its slot (`access_key`, `AccessKeyId`,
/// `service-account`, `client_email`), spelled without separators or case.
const SLOT_NAMES: [&str; 9] = [
    "accesskey",
    "accesskeyid",
    "awsaccesskeyid",
    "keyid",
    "serviceaccount",
    "serviceaccountemail",
    "clientemail",
    "googleaccessid",
    "keypairid",
];

/// Whether `value` could be a real signature: right alphabet and length, and not shaped like
/// a placeholder (one repeated character, a short repeating pattern, a vocabulary word).
pub fn is_real_signature(
    value: &str,
    alphabet: Alphabet,
    lengths: std::ops::RangeInclusive<usize>,
) -> bool {
    lengths.contains(&value.len())
        && value.chars().all(|c| alphabet.accepts(c))
        && !looks_made_up(value)
}

/// Key id prefixes of clouds whose keys are drawn at random after them: AWS (`AKIA`, `ASIA`),
/// Aliyun (`LTAI`) and Tencent Cloud (`AKID`). What follows must not look typed
/// (`LTAI0000…`, `AKIDxxxx…`).
const RANDOM_AFTER_PREFIX: [&str; 4] = ["AKIA", "ASIA", "LTAI", "AKID"];

/// Whether a signer identity (an access key id, a service account, a CloudFront key pair id,
/// a storage account) is real enough to report.
pub fn is_real_key_id(value: &str) -> bool {
    if value.is_empty() || is_placeholder_name(value) {
        return false;
    }
    let upper = value.to_ascii_uppercase();
    if upper.starts_with("AKIA") || upper.starts_with("ASIA") {
        return value.len() == 20
            && value
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && !looks_made_up(&value[4..]);
    }
    if RANDOM_AFTER_PREFIX.iter().any(|p| upper.starts_with(p)) {
        return value.get(4..).is_some_and(|rest| !looks_made_up(rest));
    }
    true
}

/// Template holes, ellipses and angle-bracket stand-ins: `<signature>`, `${SIG}`, `{{ key }}`,
/// `AKIA...`, `abc…`, `****`.
pub fn has_placeholder_marks(value: &str) -> bool {
    value.contains("...")
        || value.contains('…')
        || value
            .chars()
            .any(|c| matches!(c, '<' | '>' | '{' | '}' | '$' | '*'))
}

/// Whether an opaque value (signature, key id, secret, token, key body) is a stand-in: a
/// placeholder mark, a vocabulary word typed into it, or a published default key or secret.
pub fn is_placeholder_value(value: &str) -> bool {
    has_placeholder_marks(value)
        || has_placeholder_word(value)
        || PUBLISHED_KEYS.contains(&value)
        || PUBLISHED_SECRETS.contains(&value)
}

/// Whether a vocabulary word is typed into an opaque value (see [`is_placeholder_value`]).
pub fn has_placeholder_word(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    VOCABULARY
        .iter()
        .filter(|w| w.in_values)
        .any(|w| typed_in(value, &lower, w.word))
}

/// Whether a name (a service account, a project, an account, a key pair id) is a stand-in:
/// a placeholder mark, a vocabulary word in it (see [`InNames`]), a documented account, a
/// published default key (`minioadmin`), its slot's name (`access_key`), or a constant's name
/// (`SERVICE_ACCOUNT`, `ACCESS_KEY_ID`).
pub fn is_placeholder_name(name: &str) -> bool {
    if has_placeholder_marks(name) {
        return true;
    }
    let lower = name.to_ascii_lowercase();
    let constant = name.contains('_')
        && name.starts_with(|c: char| c.is_ascii_uppercase())
        && name
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
    let squashed: String = lower.chars().filter(char::is_ascii_alphanumeric).collect();
    if constant
        || DOCUMENTED_NAMES.iter().any(|d| is_label(&lower, d))
        || PUBLISHED_KEYS.contains(&name)
        || SLOT_NAMES.contains(&squashed.as_str())
    {
        return true;
    }
    VOCABULARY.iter().any(|w| match w.in_names {
        InNames::Anywhere => lower.contains(w.word),
        InNames::Forms(forms) => words(name).any(|part| forms.contains(&part.as_str())),
        InNames::Never => false,
    })
}

/// Whether an Azure storage account is a stand-in. Account names are lowercase letters and
/// digits only, so the words a name would separate (`testaccount`, `fakestorage`) are read
/// from its start.
pub fn is_placeholder_account(account: &str) -> bool {
    let lower = account.to_ascii_lowercase();
    is_placeholder_name(account)
        || ["test", "fake", "mock", "sample"]
            .iter()
            .any(|w| lower.starts_with(w) && !lower.starts_with("testament"))
}

/// Whether `name` is `label`, or holds it between dots, `@` and `/` (`sa@my-project.iam…`,
/// `devstoreaccount1.blob…`).
fn is_label(name: &str, label: &str) -> bool {
    name.split(['.', '@', '/', ':']).any(|part| part == label)
}

/// The words of a name, lowercase: split at anything but letters and at camelCase humps.
fn words(name: &str) -> impl Iterator<Item = String> + '_ {
    let mut chars = name.char_indices().peekable();
    std::iter::from_fn(move || {
        while chars.peek().is_some_and(|(_, c)| !c.is_ascii_alphabetic()) {
            chars.next();
        }
        let mut word = String::new();
        let mut previous_lower = false;
        while let Some(&(_, c)) = chars.peek() {
            if !c.is_ascii_alphabetic() || (previous_lower && c.is_ascii_uppercase()) {
                break;
            }
            previous_lower = c.is_ascii_lowercase();
            word.push(c.to_ascii_lowercase());
            chars.next();
        }
        (!word.is_empty()).then_some(word)
    })
}

/// Whether `word` occurs in `value` spelled as people type it: lowercase, uppercase or
/// capitalised (`lower` is `value` lowercased).
fn typed_in(value: &str, lower: &str, word: &str) -> bool {
    lower.match_indices(word).any(|(i, _)| {
        let Some(typed) = value.get(i..i + word.len()) else {
            return false;
        };
        let mut letters = typed.bytes().filter(u8::is_ascii_alphabetic);
        let first_upper = letters.next().is_some_and(|b| b.is_ascii_uppercase());
        let rest: Vec<u8> = letters.collect();
        rest.iter().all(u8::is_ascii_lowercase)
            || first_upper && rest.iter().all(u8::is_ascii_uppercase)
    })
}

/// Whether a value was typed rather than computed: a placeholder, too few distinct
/// characters, or a short unit repeated.
pub fn looks_made_up(value: &str) -> bool {
    if is_placeholder_value(value) {
        return true;
    }
    let chars: Vec<char> = value.chars().collect();
    let mut distinct = chars.clone();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < 6 {
        return true;
    }
    // A short unit repeated ("0123456789abcdef" × 4) is typed, not computed.
    (1..=chars.len() / 3).any(|period| {
        chars
            .iter()
            .enumerate()
            .skip(period)
            .all(|(i, c)| *c == chars[i - period])
    })
}
#[cfg(test)]
mod tests {
    use super::*;

    const HEX: &str = "3f1c9a7be2d84f06a5c1e9b7d2f08a6c4e1b3d5f7a9c0e2b4d6f8a1c3e5b7d9f";

    #[test]
    fn accepts_random_signatures() {
        assert!(is_real_signature(HEX, Alphabet::Hex, 64..=64));
        assert!(is_real_signature(
            "kX9/2mQ+Lp4zR7vN1bT8wY3cF6g=",
            Alphabet::Base64,
            20..=64
        ));
    }

    #[test]
    fn rejects_placeholders() {
        for fake in [
            "a".repeat(64),
            "0123456789abcdef".repeat(4),
            "<signature>".to_string(),
            "...".to_string(),
            "EXAMPLE".to_string(),
            format!("{}...", &HEX[..40]),
            "${sig}".to_string(),
            "[0-9a-f]{64}".to_string(),
        ] {
            assert!(!is_real_signature(&fake, Alphabet::Hex, 64..=64), "{fake}");
        }
        assert!(!is_real_signature(&HEX[..63], Alphabet::Hex, 64..=64));
    }

    #[test]
    fn key_ids() {
        assert!(is_real_key_id("AKIAZ7Q3M4XN2L5P8R6T"));
        assert!(!is_real_key_id("AKIAIOSFODNN7EXAMPLE"));
        assert!(!is_real_key_id("AKIA..."));
        assert!(!is_real_key_id("AKIAXXXXXXXXXXXXXXXX"));
        assert!(!is_real_key_id("YOUR_ACCESS_KEY_ID"));
        assert!(is_real_key_id("minio-ci"));
        // Aliyun and Tencent Cloud keys: random after their prefix.
        assert!(is_real_key_id("LTAI5tNqVwYS81VP7Hb1DX8p"));
        assert!(is_real_key_id("AKIDPd5khxE3pyIgKpaUnArl63XykWZeiNNC"));
        assert!(!is_real_key_id("LTAI5tXXXXXXXXXXXXXXXXXX"));
        assert!(!is_real_key_id("LTAI000000000000"));
        assert!(!is_real_key_id("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"));
        assert!(!is_real_key_id("yourAccessKeyId"));
    }

    #[test]
    fn fake_identities_of_test_vectors_and_docs() {
        for fake in [
            "test-iam-credentials@test-project-id.iam.gserviceaccount.com",
            "test-iam-credentials@dummy-project-id.iam.gserviceaccount.com",
            "signer@example-project.iam.gserviceaccount.com",
            "testServiceAccount@acme-prod.iam.gserviceaccount.com",
            "sa@my-project.iam.gserviceaccount.com",
            "foo@bar.iam.gserviceaccount.com",
            "fake-gcs@acme.iam.gserviceaccount.com",
            "SERVICE_ACCOUNT",
            "access_key",
            "AccessKeyId",
            "minioadmin",
            "minio",
            "Q3AM3UQ867SPQQA43P2F",
            "APKAEXAMPLE",
            "AKIDEXAMPLE",
        ] {
            assert!(!is_real_key_id(fake), "{fake}");
        }
        for fake in [
            "devstoreaccount1",
            "myaccount",
            "testaccount1",
            "fakestorage",
        ] {
            assert!(is_placeholder_account(fake), "{fake}");
        }
        for real in ["acmestore", "foodcorpexports", "contestdata"] {
            assert!(!is_placeholder_account(real), "{real}");
        }
        for real in [
            "signer@acme-prod.iam.gserviceaccount.com",
            "latest-builds@contest-platform-4410.iam.gserviceaccount.com",
            "attestation-signer@acme-prod.iam.gserviceaccount.com",
            "lab-samples@genomics-prod.iam.gserviceaccount.com",
            "K2JCJMDEHXQW5F",
        ] {
            assert!(is_real_key_id(real), "{real}");
        }
    }

    #[test]
    fn words_in_values_count_as_typed_not_by_chance() {
        assert!(is_placeholder_value(
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
        ));
        assert!(is_placeholder_value("myTestSecretValue"));
        assert!(is_placeholder_value("TEST1234"));
        assert!(is_placeholder_value(
            "zuf+tfteSlswRu7BJ86wekitnifILbZam1KYY3TG"
        ));
        // Random base64 happens to spell a word in mixed case.
        assert!(!is_placeholder_value("kX9/2mQ+tEsT4zR7vN1bT8wY3cF6g="));
        assert!(!is_placeholder_value("kX9/2mQ+fAkE4zR7vN1bT8wY3cF6g="));
    }
}
