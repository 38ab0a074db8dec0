//! Rust, parsed with `syn`: not yet lowered (text-level lints only).

use crate::facts::SyntaxFacts;

pub fn parse(_text: &str) -> Option<SyntaxFacts> {
    None
}
