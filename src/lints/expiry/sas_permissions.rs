//! What an Azure SAS grants beyond reading, for the message of a long-lived one: a SAS that
//! lets its holder write or delete for a month is worse than one that lets them read.
//!
//! Read from the text of the call that sets the expiry and of the `SetPermissions(…)` calls
//! of the same function, in every SDK's spelling: .NET `BlobSasPermissions.Write | …Delete`
//! and `.All`, JS `BlobSASPermissions.parse("racwd")`, Python `BlobSasPermissions(write=True)`
//! and `permission="rw"`, Go `sas.BlobPermissions{Write: true}`, Java
//! `setWritePermission(true)`.

use crate::facts::{Call, ExprKind, SyntaxFacts};

/// The longest permission string read (`"racwdxltmeop"` and a little more).
const MAX_LETTERS: usize = 16;

/// How far before a quoted permission string the word `permission` is looked for.
const PERMISSION_CONTEXT: usize = 40;

/// "write and delete", "write", "delete", or `None` for a SAS that only reads (or whose
/// permissions are not in sight).
pub fn grants(call: &Call, syntax: &SyntaxFacts, text: &str) -> Option<&'static str> {
    let mut write = false;
    let mut delete = false;
    let setters = syntax.calls.iter().filter(|c| {
        c.function == call.function
            && matches!(c.call.name(), Some("SetPermissions" | "setPermissions"))
    });
    for c in std::iter::once(call).chain(setters) {
        // The call's own text, and what a permissions variable passed to it was bound to
        // (`var permissions = AccountSasPermissions.Read | AccountSasPermissions.Write;`).
        let bound = c.call.args.iter().filter_map(|a| match &a.value.kind {
            ExprKind::Name(n) => syntax.last_binding_before(n, a.value.span.start),
            _ => None,
        });
        let spans = std::iter::once(c.call.span.clone()).chain(bound.map(|b| b.value.span.clone()));
        for t in spans.filter_map(|span| text.get(span)) {
            let (w, d) = read(t);
            write |= w;
            delete |= d;
        }
    }
    match (write, delete) {
        (true, true) => Some("write and delete"),
        (true, false) => Some("write"),
        (false, true) => Some("delete"),
        (false, false) => None,
    }
}

/// Whether `t` grants write, delete.
fn read(t: &str) -> (bool, bool) {
    let lower = t.to_ascii_lowercase();
    let named = |word: &str| {
        [
            format!("permissions.{word}"),
            format!("{word}=true"),
            format!("{word}: true"),
            format!("{word}:true"),
            format!("{word} = true"),
            format!("set{word}permission(true"),
        ]
        .iter()
        .any(|p| lower.contains(p.as_str()))
    };
    let all = lower.contains("permissions.all");
    let mut write = all || named("write") || named("create") || named("add");
    let mut delete = all || named("delete");
    // A permission string: `"racwd"` in quotes, letters of the SAS alphabet only, given as
    // the permissions (`permissions: "rw"`, `BlobSASPermissions.parse("racwd")`): a
    // container or account named `media` or `data` is no permission set.
    let mut at = 0;
    for (i, part) in t.split(['"', '\'']).enumerate() {
        let start = at;
        at += part.len() + 1;
        if i % 2 == 0
            || part.is_empty()
            || part.len() > MAX_LETTERS
            || !part.chars().all(|c| "racwdxltmeopiuf".contains(c))
        {
            continue;
        }
        let mut from = start.saturating_sub(PERMISSION_CONTEXT);
        while !lower.is_char_boundary(from) {
            from -= 1;
        }
        let before = lower.get(from..start.saturating_sub(1)).unwrap_or("");
        if !before.contains("permission") {
            continue;
        }
        write |= part.contains(['w', 'c', 'a']);
        delete |= part.contains('d');
    }
    (write, delete)
}

#[cfg(test)]
mod tests {
    use super::read;

    #[test]
    fn reads_every_sdks_spelling() {
        assert_eq!(
            read("BlobSasPermissions.Read | BlobSasPermissions.Write"),
            (true, false)
        );
        assert_eq!(read("BlobSasPermissions.All"), (true, true));
        assert_eq!(read(r#"BlobSASPermissions.parse("racwd")"#), (true, true));
        assert_eq!(read(r#"permission="r""#), (false, false));
        assert_eq!(
            read("BlobSasPermissions(read=True, delete=True)"),
            (false, true)
        );
        assert_eq!(
            read("sas.BlobPermissions{Read: true, Write: true}"),
            (true, false)
        );
        assert_eq!(
            read("new BlobSasPermission().setWritePermission(true)"),
            (true, false)
        );
        assert_eq!(read(r#"container = "reports""#), (false, false));
        assert_eq!(
            read(r#"{ containerName: "media", permissions: BlobSASPermissions.parse("r") }"#),
            (false, false)
        );
        assert_eq!(
            read(r#"{ containerName: 'data', permissions: 'rw' }"#),
            (true, false)
        );
        assert_eq!(
            read("{ name: 'ééééééééééééééééééééé', permissions: 'rwd' }"),
            (true, true)
        );
    }
}
