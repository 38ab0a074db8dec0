//! The language-neutral facts front ends produce and lints consume, one module per kind of
//! input: parsed source ([`syntax`]), infrastructure code ([`iac`]), signing commands
//! ([`commands`]) and configuration ([`config`]). Lints read only these, never a syntax tree,
//! so each lint is written once for every language and format. (Signed URLs found in text
//! are `text::signed_url::SignedUrl`, with the decoding that reads them.)

use std::ops::Range;

mod commands;
mod config;
mod iac;
mod syntax;

pub use commands::*;
pub use config::*;
pub use iac::*;
pub use syntax::*;

pub type Span = Range<usize>;
