//! Jupyter notebooks: the code cells are Python. Their sources are JSON strings, so the cells
//! are decoded into one Python text with a map from each decoded byte back to the notebook,
//! parsed, and every span of the facts is mapped back to the `.ipynb` file.

use crate::facts::{Expr, ExprKind, Span, SyntaxFacts};

use super::Language;
use super::python::Python;
use super::syntax;
use super::treesitter;

pub fn parse(text: &str) -> Option<SyntaxFacts> {
    // A notebook of Markdown cells only has nothing to parse, and nothing was missed.
    let Some((python, map)) = code_cells(text) else {
        return Some(SyntaxFacts::default());
    };
    let tree = treesitter::parse(Language::Python, &python)?;
    let mut facts = syntax::collect(
        tree.root_node(),
        &python,
        &Python,
        crate::semantic::catalog::node_kinds(Language::Python.family()),
    );
    remap(&mut facts, &map);
    Some(facts)
}

/// The decoded code cells, separated by newlines, and for each byte of that text the offset
/// of the notebook byte it came from.
fn code_cells(text: &str) -> Option<(String, Vec<usize>)> {
    let mut python = String::new();
    let mut map = Vec::new();
    // Walk `"cell_type": "code"` cells by scanning for their `"source"` arrays: a JSON parser
    // gives no offsets, and the notebook layout is regular enough.
    let bytes = text.as_bytes();
    let mut search = 0;
    while let Some(rel) = text[search..].find("\"cell_type\"") {
        let cell_at = search + rel;
        search = cell_at + 1;
        let after = &text[cell_at..];
        let kind = after.split('"').nth(3).unwrap_or("");
        if kind != "code" {
            continue;
        }
        // The cell's "source" may come before or after "cell_type": look around it.
        let cell_start = text[..cell_at].rfind('{').unwrap_or(0);
        let Some(source_rel) = text[cell_start..].find("\"source\"") else {
            continue;
        };
        let mut i = cell_start + source_rel + "\"source\"".len();
        while i < bytes.len() && bytes[i] != b'[' && bytes[i] != b'"' {
            i += 1;
        }
        let single = bytes.get(i) == Some(&b'"');
        loop {
            while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b']' {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b']' {
                break;
            }
            i += 1; // opening quote
            while i < bytes.len() && bytes[i] != b'"' {
                if bytes[i] == b'\\' && i + 1 < bytes.len() {
                    // Lengths stay on char boundaries: a bad escape (`\é`, `\u12é`) in a
                    // malformed notebook must not cut a multi-byte character.
                    let escaped = text[i + 1..].chars().next()?;
                    let (decoded, len) = match escaped {
                        'n' => ('\n', 2),
                        't' => ('\t', 2),
                        'r' => ('\r', 2),
                        // Four hex digits are ASCII, so `i + 6` is a boundary.
                        'u' => match text
                            .get(i + 2..i + 6)
                            .and_then(|h| u32::from_str_radix(h, 16).ok())
                        {
                            Some(code) => (char::from_u32(code).unwrap_or('\u{FFFD}'), 6),
                            None => ('\u{FFFD}', 2),
                        },
                        other => (other, 1 + other.len_utf8()),
                    };
                    push(&mut python, &mut map, decoded, i);
                    i += len;
                } else {
                    let c = text[i..].chars().next()?;
                    push(&mut python, &mut map, c, i);
                    i += c.len_utf8();
                }
            }
            i += 1; // closing quote
            if single {
                break;
            }
        }
        push(&mut python, &mut map, '\n', i.min(text.len()));
    }
    map.push(text.len());
    (!python.is_empty()).then_some((python, map))
}

fn push(out: &mut String, map: &mut Vec<usize>, c: char, origin: usize) {
    for _ in 0..c.len_utf8() {
        map.push(origin);
    }
    out.push(c);
}

fn remap(facts: &mut SyntaxFacts, map: &[usize]) {
    let at = |o: usize| {
        map.get(o)
            .copied()
            .unwrap_or_else(|| map.last().copied().unwrap_or(0))
    };
    let span = |s: &Span| at(s.start)..at(s.end).max(at(s.start));
    for call in &mut facts.calls {
        remap_call(&mut call.call, &at);
        if let Some((_, s)) = &mut call.enclosing_loop {
            *s = span(s);
        }
    }
    for b in &mut facts.bindings {
        b.span = span(&b.span);
        remap_expr(&mut b.value, &at);
    }
    for f in &mut facts.functions {
        f.span = span(&f.span);
        for p in &mut f.params {
            if let Some(d) = &mut p.default {
                remap_expr(d, &at);
            }
        }
    }
    for r in &mut facts.returns {
        remap_expr(&mut r.value, &at);
    }
}

fn remap_call(call: &mut crate::facts::CallExpr, at: &dyn Fn(usize) -> usize) {
    call.span = at(call.span.start)..at(call.span.end);
    remap_expr(&mut call.callee, at);
    for a in &mut call.args {
        remap_expr(&mut a.value, at);
    }
}

fn remap_expr(expr: &mut Expr, at: &dyn Fn(usize) -> usize) {
    expr.span = at(expr.span.start)..at(expr.span.end).max(at(expr.span.start));
    match &mut expr.kind {
        ExprKind::Member(o, _) | ExprKind::Neg(o) | ExprKind::FirstResult(o) => remap_expr(o, at),
        ExprKind::Call(c) => remap_call(c, at),
        ExprKind::Binary(_, l, r) => {
            remap_expr(l, at);
            remap_expr(r, at);
        }
        ExprKind::Object(fields) => fields.iter_mut().for_each(|f| remap_expr(&mut f.value, at)),
        ExprKind::Array(items)
        | ExprKind::Interpolated(items)
        | ExprKind::Choice(items)
        | ExprKind::Fallback(items, _) => items.iter_mut().for_each(|e| remap_expr(e, at)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_cells_back_to_the_notebook() {
        let nb = r#"{"cells": [{"cell_type": "markdown", "source": ["x = f(1)"]}, {"cell_type": "code", "source": ["import boto3\n", "u = s3.generate_presigned_url(\"get_object\", ExpiresIn=604800)\n"]}]}"#;
        let facts = parse(nb).expect("parsed");
        assert_eq!(facts.calls.len(), 1);
        let call = &facts.calls[0].call;
        let arg = call.keyword("ExpiresIn").expect("arg");
        assert_eq!(&nb[arg.span.clone()], "604800");
    }

    /// Found by the `eval` fuzz target (fuzz/regressions/eval/): an escape before a multi-byte
    /// character advanced into the middle of it and the next slice panicked.
    #[test]
    fn bad_escapes_before_multibyte_characters() {
        for source in [
            r#"\é = 1"#,
            r#"x = \u12é4"#,
            r#"\u"#,
            r#"\uD800\u00e9 é"#,
            "\\",
        ] {
            let nb = format!(r#"{{"cells": [{{"cell_type": "code", "source": ["{source}"]}}]}}"#);
            let _ = parse(&nb);
        }
        let nb = r#"{"cells": [{"cell_type": "code", "source": ["s = \"\u00e9\" \é x = 7"]}]}"#;
        let (python, map) = code_cells(nb).expect("a code cell");
        assert_eq!(python, "s = \"é\" é x = 7\n");
        assert_eq!(map.len(), python.len() + 1);
    }
}
