//! Multipart uploads: their parts are presigned together by design (the client uploads them
//! in parallel), so a loop over a part's presign is no batch of URLs waiting to be used.

use crate::facts::{CallExpr, Expr, ExprKind, SyntaxFacts};

/// Whether a presign call signs a part of a multipart upload: `presignUploadPart`,
/// `generate_presigned_url("upload_part", …)`, `new UploadPartCommand(…)`,
/// `client.upload_part()…presigned(…)`, a part request built apart and presigned later
/// (`req, _ := svc.UploadPartRequest(in); req.Presign(d)`, `UploadPartRequest.builder()`),
/// a request with a `PartNumber`; followed through a few bindings.
pub fn presigns_upload_part(call: &CallExpr, syntax: &SyntaxFacts, depth: usize) -> bool {
    let is_part = |word: &str| {
        let w: String = word
            .chars()
            .filter(|c| *c != '_' && *c != ':')
            .flat_map(char::to_lowercase)
            .collect();
        matches!(
            w.as_str(),
            "uploadpart"
                | "uploadpartcommand"
                | "uploadpartcommandinput"
                | "uploadpartrequest"
                | "uploadpartinput"
                | "uploadpartpresignrequest"
                | "presignuploadpart"
                | "partnumber"
        )
    };
    if call.name().is_some_and(is_part) {
        return true;
    }
    let mut roots: Vec<&Expr> = call.args.iter().map(|a| &a.value).collect();
    if let Some(r) = call.receiver() {
        roots.push(r);
    }
    roots
        .into_iter()
        .any(|e| mentions_part(e, &is_part, syntax, call.span.start, depth))
}

fn mentions_part(
    expr: &Expr,
    is_part: &dyn Fn(&str) -> bool,
    syntax: &SyntaxFacts,
    at: usize,
    depth: usize,
) -> bool {
    if depth > 12 {
        return false;
    }
    let d = depth + 1;
    match &expr.kind {
        ExprKind::Str(s) => is_part(s),
        ExprKind::Call(c) => {
            c.name().is_some_and(is_part)
                || c.args
                    .iter()
                    .any(|a| mentions_part(&a.value, is_part, syntax, at, d))
                || c.receiver()
                    .is_some_and(|r| mentions_part(r, is_part, syntax, at, d))
        }
        ExprKind::Member(object, field) => {
            is_part(field) || mentions_part(object, is_part, syntax, at, d)
        }
        ExprKind::Object(fields) => fields
            .iter()
            .any(|f| is_part(&f.key) || mentions_part(&f.value, is_part, syntax, at, d)),
        ExprKind::Name(n) if depth < 4 => syntax
            .last_binding_before(n, at)
            .is_some_and(|b| mentions_part(&b.value, is_part, syntax, b.span.start, d)),
        // `req, _ := svc.UploadPartRequest(in)`: the request the multi-value call builds.
        ExprKind::FirstResult(inner) => mentions_part(inner, is_part, syntax, at, d),
        _ => false,
    }
}
