//! Undoes the layers a URL picks up on its way into a file (JSON escapes, HTML entities,
//! percent-encoding of the whole URL) and splits it into host, path and query parameters.

use super::extract::Wrapping;

/// A URL after decoding, with its query parameters in order. Parameter names are compared
/// case-insensitively, as the signers accept them.
#[derive(Debug)]
pub struct DecodedUrl {
    /// The full decoded URL. Contains the signature: never print it.
    pub url: String,
    pub scheme: Option<String>,
    pub host: String,
    pub path: String,
    pub params: Vec<(String, String)>,
}

impl DecodedUrl {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn has(&self, name: &str) -> bool {
        self.param(name).is_some()
    }
}

pub fn decode_url(raw: &str, wrapping: Wrapping) -> DecodedUrl {
    let mut url = unescape_html(&unescape_json(raw));
    if let Wrapping::PercentEncoded(times) = wrapping {
        for _ in 0..times {
            url = percent_decode(&url);
        }
    }
    split(url)
}

fn split(url: String) -> DecodedUrl {
    let without_fragment = url.split('#').next().unwrap_or("");
    let (before_query, query) = match without_fragment.split_once('?') {
        Some((b, q)) => (b, q),
        None => (without_fragment, ""),
    };
    let (scheme, rest) = match before_query.split_once("://") {
        Some((s, r)) => (Some(s.to_ascii_lowercase()), r),
        None => (None, before_query.trim_start_matches('/')),
    };
    let (host, path) = match rest.split_once('/') {
        Some((h, p)) => (h.to_string(), percent_decode(p)),
        None => (rest.to_string(), String::new()),
    };
    let mut params = query_params(query);
    // A whole signed query carried encoded in one parameter: its parameters count as the
    // URL's own (after them, so the outer ones win).
    let nested: Vec<(String, String)> = params
        .iter()
        .filter(|(k, v)| {
            NESTED_QUERIES.iter().any(|(name, opening)| {
                k.eq_ignore_ascii_case(name)
                    && v.get(..opening.len())
                        .is_some_and(|o| o.eq_ignore_ascii_case(opening))
            })
        })
        .flat_map(|(_, v)| query_params(v))
        .collect();
    params.extend(nested);
    DecodedUrl {
        scheme,
        host: host.to_ascii_lowercase(),
        path,
        params,
        url,
    }
}

/// Parameters that carry a whole signed query, percent-encoded, and how that query opens:
/// Tencent COS's `sign=q-sign-algorithm%3Dsha1%26q-ak%3D…%26q-signature%3D…`.
const NESTED_QUERIES: [(&str, &str); 1] = [("sign", "q-sign-algorithm=")];

/// `a=1&b=2`, each name and value percent-decoded.
fn query_params(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

/// JSON and JavaScript string escapes that occur in URLs: `\/` and `\uXXXX`.
pub fn unescape_json(s: &str) -> String {
    if !s.contains('\\') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek().map(|&(_, n)| n) {
            Some('/') => {
                out.push('/');
                chars.next();
            }
            Some('u') => {
                let hex = s.get(i + 2..i + 6);
                match hex
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .and_then(char::from_u32)
                {
                    Some(decoded) => {
                        out.push(decoded);
                        for _ in 0..5 {
                            chars.next();
                        }
                    }
                    None => out.push('\\'),
                }
            }
            _ => out.push('\\'),
        }
    }
    out
}

/// The HTML/XML entities that appear between query parameters: `&amp;` and the numeric
/// character references of `&` and `=` in any spelling (`&#38;`, WordPress's `&#038;`,
/// `&#x26;`, `&#61;`, `&#x3D;`).
pub fn unescape_html(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = s.to_string();
    // `&amp;amp;` is seen in double-escaped templates; two rounds undo it.
    for _ in 0..2 {
        out = unescape_numeric(&out.replace("&amp;", "&"));
    }
    out
}

/// Replaces the numeric character references of `&` and `=` (`&#038;`, `&#x3d;`); any other
/// is kept as written.
fn unescape_numeric(s: &str) -> String {
    if !s.contains("&#") {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find("&#") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let (digits, radix) = match after.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16),
            None => (after, 10),
        };
        // A reference is short: `&#00000038;` at most.
        let end = digits
            .bytes()
            .take(9)
            .position(|b| b == b';')
            .filter(|&n| n > 0);
        let decoded = end
            .and_then(|n| u32::from_str_radix(&digits[..n], radix).ok())
            .and_then(|v| match v {
                38 => Some('&'),
                61 => Some('='),
                _ => None,
            });
        match (decoded, end) {
            (Some(c), Some(n)) => {
                out.push(c);
                rest = &digits[n + 1..];
            }
            _ => {
                out.push_str("&#");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Percent-decoding that keeps `+` (base64 signatures contain it) and never fails: malformed
/// escapes are kept as written, invalid UTF-8 becomes U+FFFD.
pub fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (hex_value(bytes.get(i + 1)), hex_value(bytes.get(i + 2)))
        {
            out.push(h * 16 + l);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_value(b: Option<&u8>) -> Option<u8> {
    let b = *b?;
    (b as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_every_wrapping() {
        let plain = decode_url(
            "https://B.s3.amazonaws.com/a%20b?X-Amz-Date=1&sig=a%2Bb%3D",
            Wrapping::Plain,
        );
        assert_eq!(plain.host, "b.s3.amazonaws.com");
        assert_eq!(plain.path, "a b");
        assert_eq!(plain.param("x-amz-date"), Some("1"));
        assert_eq!(plain.param("sig"), Some("a+b="));

        let json = decode_url(r"https:\/\/h\/k?a=1\u0026b=2", Wrapping::Plain);
        assert_eq!(
            json.params,
            [("a".into(), "1".into()), ("b".into(), "2".into())]
        );

        let html = decode_url("https://h/k?a=1&amp;b=2", Wrapping::Plain);
        assert_eq!(html.param("b"), Some("2"));
        // WordPress's `esc_url` and other encoders (issue 16, item 12).
        for escaped in [
            "https://h/k?a&#x3D;1&#038;b&#61;2",
            "https://h/k?a&#x3d;1&#38;b&#0061;2",
            "https://h/k?a=1&#X26;b=2",
            "https://h/k?a=1&amp;#038;b=2",
        ] {
            let html = decode_url(escaped, Wrapping::Plain);
            assert_eq!(html.param("a"), Some("1"), "{escaped}");
            assert_eq!(html.param("b"), Some("2"), "{escaped}");
        }
        assert_eq!(unescape_html("a&#39;b&#;c&#x26"), "a&#39;b&#;c&#x26");

        let encoded = decode_url(
            "https%3A%2F%2Fh%2Fk%3Fa%3D1%26b%3D%252F",
            Wrapping::PercentEncoded(1),
        );
        assert_eq!(encoded.param("b"), Some("/"));
    }

    #[test]
    fn a_query_nested_in_one_parameter_is_read() {
        let url = decode_url(
            "https://b.cos.ap-guangzhou.myqcloud.com/k?sign=q-sign-algorithm%3Dsha1%26q-ak%3DAKIDx%26q-sign-time%3D1%253B2%26q-signature%3Dab&x=1",
            Wrapping::Plain,
        );
        assert_eq!(url.param("q-ak"), Some("AKIDx"));
        assert_eq!(url.param("q-sign-time"), Some("1;2"));
        assert_eq!(url.param("q-signature"), Some("ab"));
        assert_eq!(url.param("x"), Some("1"));
        // Only a signed query opens that way.
        let other = decode_url("https://h/k?sign=a%3D1%26b%3D2", Wrapping::Plain);
        assert_eq!(other.param("b"), None);
    }

    #[test]
    fn malformed_escapes_survive() {
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(unescape_json(r"\u12"), r"\u12");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
    }
}
