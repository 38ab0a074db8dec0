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
    /// For each word, the text that must come right before it for it to count (see
    /// [`lints::split_trigger`]); empty for most.
    before: Vec<&'static str>,
    /// Every lint some word triggers: once all are seen, the search stops.
    all: u64,
}

impl Prefilter {
    pub fn new() -> Prefilter {
        let implemented = |id: LintId| id.info().status == Status::Implemented;
        let words = lints::trigger_words(implemented);
        let triggers: Vec<(LintId, &str, &str)> = LintId::ALL
            .iter()
            .filter(|&&id| implemented(id))
            .flat_map(|&id| {
                lints::triggers(id).into_iter().map(move |t| {
                    let (before, word) = lints::split_trigger(t);
                    (id, before, word)
                })
            })
            .collect();
        let owners: Vec<u64> = words
            .iter()
            .map(|word| {
                let word = word.to_ascii_lowercase();
                triggers
                    .iter()
                    .filter(|(_, _, t)| word.contains(&t.to_ascii_lowercase()))
                    .fold(0u64, |mask, &(id, _, _)| mask | 1 << id as usize)
            })
            .collect();
        // A word some lint lists bare counts anywhere.
        let before = words
            .iter()
            .map(|&word| {
                let contexts = triggers.iter().filter(|(_, _, w)| *w == word);
                if contexts.clone().any(|(_, b, _)| b.is_empty()) {
                    ""
                } else {
                    contexts.map(|(_, b, _)| *b).next().unwrap_or("")
                }
            })
            .collect();
        Prefilter {
            words: Words::new(&words),
            all: owners.iter().fold(0, |mask, owners| mask | owners),
            owners,
            before,
        }
    }

    /// The lints whose trigger words occur in `bytes` (bit `LintId as usize`); 0 when none do.
    pub fn triggered(&self, bytes: &[u8]) -> u64 {
        let mut mask = 0u64;
        self.words.for_each(bytes, |word, at| {
            let before = self.before[word].as_bytes();
            if !before.is_empty()
                && !at
                    .checked_sub(before.len())
                    .and_then(|start| bytes.get(start..at))
                    .is_some_and(|text| text.eq_ignore_ascii_case(before))
            {
                return ControlFlow::Continue(());
            }
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

    /// A word written with its context counts only after it: MinIO's `PostPolicy` and
    /// Azure's `SharedAccess…` presign; IAM's `trustPolicy` and `InvalidAccessKeyId` do not.
    #[test]
    fn a_word_with_a_context_counts_only_after_it() {
        let p = Prefilter::new();
        let bit = 1 << LintId::ExcessiveExpiry as usize;
        for text in [
            "policy = PostPolicy(bucket, expires)",
            "new SharedAccessBlobPolicy { }",
            "POSTPOLICY",
        ] {
            assert_ne!(p.triggered(text.as_bytes()) & bit, 0, "{text}");
        }
        for text in [
            "trust_policy = trustPolicy",
            "InvalidAccessKeyId",
            "stpolicy",
            "CannedAccessControlList",
        ] {
            assert_eq!(p.triggered(text.as_bytes()) & bit, 0, "{text}");
        }
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
