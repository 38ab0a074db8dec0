//! Front ends turn a file into language-neutral [`Facts`]. Lints read only facts, never syntax
//! trees, so each lint is written once for every language.
//!
//! The text front end runs on every file: signed URLs are found in raw text whatever the
//! language (code, config, Markdown, logs), in any quoting or encoding.

use crate::signed_url::{self, SignedUrl};

/// What the lints may ask about one file.
#[derive(Default)]
pub struct Facts {
    pub signed_urls: Vec<SignedUrl>,
}

/// Which facts the enabled lints need, so nothing is computed for nothing.
#[derive(Clone, Copy, Default)]
pub struct Needs {
    pub signed_urls: bool,
}

pub fn extract(text: &str, needs: Needs) -> Facts {
    Facts {
        signed_urls: if needs.signed_urls {
            signed_url::find_signed_urls(text)
        } else {
            Vec::new()
        },
    }
}
