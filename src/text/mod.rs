//! What is read from a file's bytes before, or instead of, a parse: the case-insensitive word
//! search ([`words`]) and the trigger-word prefilter built on it ([`prefilter`]); signed URLs
//! ([`signed_url`]); durations written as text ([`duration`]); a file's text and positions
//! ([`source`]); and redaction, the only way source text reaches an output ([`redact`]).

pub mod duration;
pub mod prefilter;
pub mod redact;
pub mod signed_url;
pub mod source;
mod teddy_buckets;
pub mod words;
