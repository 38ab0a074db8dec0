//! Front ends turn a file into language-neutral [`Facts`]. Lints read only facts, never syntax
//! trees, so each lint is written once for every language.
//!
//! - the text front end runs on every file: signed URLs in any quoting or encoding, and
//!   `aws s3 presign` commands;
//! - signing commands of the cloud CLIs are read from shell scripts (tree-sitter-bash), the
//!   scripts other files hold, and any other text ([`commands`]);
//! - config files give presign expiry keys ([`config_values`]);
//! - source files of a known language are parsed (tree-sitter grammars, `syn` for Rust) into
//!   [`SyntaxFacts`] by one driver ([`syntax`]) and a per-language [`syntax::Grammar`].

pub mod commands;
pub mod config_values;
mod cpp;
mod csharp;
mod defaults;
pub mod file_kind;
mod go;
pub mod iac;
mod java;
mod javascript;
mod kotlin;
#[cfg(test)]
mod malformed;
#[cfg(test)]
mod node_kinds;
mod notebook;
pub mod output;
mod php;
pub mod profile;
mod python;
mod ruby;
mod rust;
mod scala;
mod swift;
pub mod syntax;
#[cfg(test)]
mod test_support;
pub mod treesitter;

use std::path::Path;

pub use file_kind::{ConfigFormat, FileKind, Infrastructure, ScriptHost};
pub use profile::{Family, Language};

use crate::facts::SyntaxFacts;
use crate::facts::{CliPresign, ConfigCredential, ConfigExpiry, PrivateKeyBlock, SignedLifetime};
use crate::text::signed_url::{self, SignedUrl};

/// What the lints may ask about one file.
#[derive(Default)]
pub struct Facts {
    /// What the file is, from its name (its source language is `kind.language`).
    pub kind: FileKind,
    pub signed_urls: Vec<SignedUrl>,
    /// Calls, bindings, imports of a parsed source file.
    pub syntax: Option<SyntaxFacts>,
    pub cli_presigns: Vec<CliPresign>,
    pub config_expiries: Vec<ConfigExpiry>,
    /// Lifetimes of signed URLs and SAS tokens made by other CLIs (`gsutil signurl`, `az
    /// storage … generate-sas`, …) and by infrastructure code (Terraform, ARM, Bicep).
    pub signed_lifetimes: Vec<SignedLifetime>,
    /// Credential keys of config files, shell scripts, Dockerfiles (`hardcoded-credentials`).
    pub config_credentials: Vec<ConfigCredential>,
    /// PEM private key blocks in any file (`hardcoded-credentials`).
    pub private_keys: Vec<PrivateKeyBlock>,
    /// Policy documents and S3 buckets of infrastructure code ([`iac`]).
    pub iac: Option<crate::facts::IacFacts>,
    /// The file needed a parse and did not get one (too large, over the parser's work budget,
    /// nested too deep, or not valid syntax for a parser without error recovery): only the
    /// text-level checks ran on it.
    pub unparsed: bool,
}

/// Which facts the enabled lints need, so nothing is computed for nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Needs {
    pub signed_urls: bool,
    /// Parsed calls, bindings and imports of a source file: the costly part.
    pub syntax: bool,
    /// `aws s3 presign` commands and config keys (the expiry lints).
    pub expiries: bool,
    /// Credential config keys and PEM blocks.
    pub credentials: bool,
    /// Policy documents and buckets of JSON, CloudFormation and Terraform files.
    pub iac: bool,
}

impl Needs {
    /// No facts.
    pub const NONE: Needs = Needs {
        signed_urls: false,
        syntax: false,
        expiries: false,
        credentials: false,
        iac: false,
    };

    pub const SIGNED_URLS: Needs = Needs {
        signed_urls: true,
        ..Needs::NONE
    };
    pub const SYNTAX: Needs = Needs {
        syntax: true,
        ..Needs::NONE
    };
    pub const EXPIRIES: Needs = Needs {
        expiries: true,
        ..Needs::NONE
    };
    pub const IAC: Needs = Needs {
        iac: true,
        ..Needs::NONE
    };

    /// What either needs.
    pub fn union(self, other: Needs) -> Needs {
        Needs {
            signed_urls: self.signed_urls || other.signed_urls,
            syntax: self.syntax || other.syntax,
            expiries: self.expiries || other.expiries,
            credentials: self.credentials || other.credentials,
            iac: self.iac || other.iac,
        }
    }
}

pub fn extract(path: &Path, text: &str, needs: Needs) -> Facts {
    let kind = FileKind::detect(path);
    let language = kind.language;
    let mut facts = Facts {
        kind,
        ..Facts::default()
    };
    if needs.signed_urls {
        facts.signed_urls = signed_url::find_signed_urls(text);
    }
    if needs.expiries {
        let signing = commands::read(kind, text);
        facts.cli_presigns = signing.presigns;
        facts.signed_lifetimes = signing.lifetimes;
        facts
            .signed_lifetimes
            .extend(iac::signed_lifetimes(kind.infrastructure, text));
        if kind.config.is_some() {
            facts.config_expiries = config_values::config_expiries_in(kind, text);
        }
    }
    if needs.credentials {
        if kind.credential_lines {
            facts.config_credentials = config_values::config_credentials(text);
        }
        facts.private_keys = config_values::private_keys(text);
    }
    if needs.syntax {
        facts.syntax = language.and_then(|l| parse(l, text)).map(|mut syntax| {
            syntax.index();
            if let Some(language) = language {
                syntax.outputs = output::outputs(language, &syntax);
                if !syntax.outputs.is_empty() {
                    syntax.program = output::program(language, path, text, &syntax);
                }
            }
            syntax
        });
        facts.unparsed = language.is_some() && facts.syntax.is_none();
    }
    if needs.iac {
        facts.iac = iac::extract(path, kind.infrastructure, text);
    }
    facts
}

/// Parses a source file into syntax facts; `None` when the language has no front end yet or
/// the file cannot be parsed (the text-level lints still run).
fn parse(language: Language, text: &str) -> Option<SyntaxFacts> {
    match language.entry()?.front_end {
        profile::FrontEnd::TreeSitter { lowering, .. } => {
            let tree = treesitter::parse(language, text)?;
            let kinds = crate::semantic::catalog::node_kinds(language.family());
            Some(syntax::collect(tree.root_node(), text, lowering, kinds))
        }
        profile::FrontEnd::Own(parse) => parse(text),
    }
}

/// The deepest bracket nesting of a text (strings not excluded: an over-estimate is safe).
fn max_nesting(text: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    for b in text.bytes() {
        match b {
            b'(' | b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}
