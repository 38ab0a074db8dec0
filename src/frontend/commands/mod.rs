//! Signing commands of the cloud CLIs, wherever a file runs them: `aws s3 presign`, `aws
//! cloudfront sign`, `gsutil signurl`, `gcloud storage sign-url` and `az storage …
//! generate-sas`, with the lifetime each gives its URL or SAS.
//!
//! Two readers find the commands, and [`signing`] reads their flags the same way for both:
//! - [`shell`] parses shell scripts, and the scripts other files hold ([`hosts`]: Dockerfile
//!   `RUN`, Makefile recipes, CI `run:`/`script:` blocks), with tree-sitter-bash: words,
//!   quoting, line continuations, loops, `xargs`, `bash -c` strings, heredocs and variables
//!   are what the shell says they are;
//! - [`text`] finds them in any other text (code that shells out, documentation) and in the
//!   parts of a script that do not parse.

mod hosts;
mod shell;
mod shell_loops;
mod signing;
mod text;

use super::FileKind;
use crate::facts::{CliPresign, Lifetime, SignedLifetime, Span};
use crate::text::words::Words;

/// The signing commands of one file.
#[derive(Default)]
pub struct Signing {
    pub presigns: Vec<CliPresign>,
    pub lifetimes: Vec<SignedLifetime>,
}

/// The signing commands a file runs. The scripts the file is, or holds, are parsed; the rest
/// of its text, and any part of a script that does not parse, is read by text.
pub fn read(kind: FileKind, text: &str) -> Signing {
    // Every signing command has one of these subcommand words: one search over the file
    // (any case, a superset of what the readers match) decides whether they run at all.
    static SUBCOMMAND_WORDS: std::sync::LazyLock<Words> = std::sync::LazyLock::new(|| {
        Words::new(&[
            "presign",
            "signurl",
            "sign-url",
            "generate-sas",
            "cloudfront",
        ])
    });
    if !SUBCOMMAND_WORDS.is_match(text.as_bytes()) {
        return Signing::default();
    }
    let text_presigns = text::cli_presigns(text);
    let text_lifetimes = text::signing_commands(text);
    let shell_script = kind.is_shell_script(text);
    // A file that is not a script is parsed in parts only when its text names a command:
    // CloudFormation YAML says `cloudfront` without running the CLI.
    let regions = if shell_script {
        std::iter::once(0..text.len()).collect()
    } else if text_presigns.is_empty() && text_lifetimes.is_empty() {
        Vec::new()
    } else {
        hosts::scripts(kind, text)
    };
    let mut signing = Signing::default();
    // The text the parser read: disjoint ranges (the regions are).
    let mut read: Vec<Span> = Vec::new();
    for region in regions {
        if let Some(script) = shell::Script::parse(text, region) {
            script.signing(&mut signing);
            read.extend(script.read_ranges());
        }
    }
    read.sort_by_key(|r| r.start);
    // Where no parser read the text, the text reader's findings count.
    let unparsed = |at: usize| {
        let i = read.partition_point(|r| r.end <= at);
        !read.get(i).is_some_and(|r| r.contains(&at))
    };
    let mut loops = shell_loops::ShellLoops::default();
    for mut presign in text_presigns {
        if unparsed(presign.span.start) {
            // Only in a shell script is `do … done` a loop around the commands.
            if shell_script {
                presign.shell_loop = loops.at(text, presign.span.start);
            }
            signing.presigns.push(presign);
        }
    }
    signing.lifetimes.extend(
        text_lifetimes
            .into_iter()
            .filter(|l| unparsed(l.span.start)),
    );
    signing.presigns.sort_by_key(|p| p.span.start);
    signing.lifetimes.sort_by_key(|l| l.span.start);
    signing
}
