//! A same-named function of an unrelated module, and recursion: both silent.

pub fn signed_link(key: &str, _ttl: u64) -> String {
    format!("https://cdn.example.com/{key}")
}

pub fn use_it() -> String {
    signed_link("a", 999999)
}

pub fn recurse(key: &str, ttl: u64) -> String {
    recurse(key, ttl * 2)
}

pub fn start() -> String {
    recurse("k", 999999)
}
