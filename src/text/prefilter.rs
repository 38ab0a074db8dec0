//! The literal prefilter: which lints' trigger words a file holds, found in one pass over its
//! bytes ([`Words`]). A file without any is never decoded or parsed, and a lint runs only on
//! files holding one of its own words.

use std::ops::ControlFlow;

use crate::lints::{self, LintId, Status};
use crate::text::words::Words;

pub struct Prefilter {
    words: Words,
    /// For each word, the lints triggered by it or by any word inside it (bit `LintId as
    /// usize`): the search reports the longest word at each position, and the shorter ones
    /// starting there are inside it.
    owners: Vec<u64>,
    /// Every lint some word triggers: once all are seen, the search stops.
    all: u64,
}

impl Prefilter {
    pub fn new() -> Prefilter {
        let words = lints::trigger_words(|id| id.info().status == Status::Implemented);
        let owners: Vec<u64> = words
            .iter()
            .map(|word| {
                let word = word.to_ascii_lowercase();
                LintId::ALL
                    .iter()
                    .filter(|&&id| {
                        lints::triggers(id)
                            .iter()
                            .any(|t| word.contains(&t.to_ascii_lowercase()))
                    })
                    .fold(0u64, |mask, &id| mask | 1 << id as usize)
            })
            .collect();
        Prefilter {
            words: Words::new(&words),
            all: owners.iter().fold(0, |mask, owners| mask | owners),
            owners,
        }
    }

    /// The lints whose trigger words occur in `bytes` (bit `LintId as usize`); 0 when none do.
    pub fn triggered(&self, bytes: &[u8]) -> u64 {
        let mut mask = 0u64;
        self.words.for_each(bytes, |word, _| {
            mask |= self.owners[word];
            if mask == self.all {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        });
        mask
    }
}

impl Default for Prefilter {
    fn default() -> Self {
        Prefilter::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_inside_a_longer_one_still_counts() {
        let p = Prefilter::new();
        // `signatureDuration` is an expiry word and holds `signature`, a hardcoded-URL word.
        let mask = p.triggered(b"x.signatureDuration(d)");
        for lint in [LintId::ExcessiveExpiry, LintId::HardcodedPresignedUrl] {
            assert_ne!(mask & 1 << lint as usize, 0, "{lint:?}");
        }
        assert_eq!(p.triggered(b"nothing to see"), 0);
    }

    /// Every other cloud's signed URL holds a trigger word of `hardcoded-presigned-url`
    /// (`signature` in its parameter names) except Qiniu's, whose `e=` and `token=` are far
    /// too common to be words: a Qiniu URL is read only where the file names a Qiniu domain
    /// or SDK (or holds another trigger word).
    #[test]
    fn other_clouds_trigger_on_rare_words_only() {
        let p = Prefilter::new();
        let bit = 1 << LintId::HardcodedPresignedUrl as usize;
        for text in [
            "?OSSAccessKeyId=LTAI5t&Expires=1&Signature=x",
            "?x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-signature=x",
            "?q-sign-algorithm=sha1&q-ak=AKID&q-signature=x",
            "?sign=q-sign-algorithm%3Dsha1%26q-signature%3Dx",
            "?AccessKeyId=X&Expires=1&Signature=x",
            "http://b.sh-bkt.clouddn.com/k?e=1705317300&token=ak:sig",
            "from qiniu import Auth",
        ] {
            assert_ne!(p.triggered(text.as_bytes()) & bit, 0, "{text}");
        }
        for text in [
            "https://dl.acme.example.cn/k?e=1705317300&token=ak:sig",
            "?e=1&token=abc",
        ] {
            assert_eq!(p.triggered(text.as_bytes()) & bit, 0, "{text}");
        }
    }
}
