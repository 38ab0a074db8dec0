//! Front ends, tested by what they lower. Each file of `testdata/lowering/` is read by its
//! language's front end, and the neutral facts it gives (calls with their arguments, loops
//! and functions around them, bindings, functions and parameters, imports, returns, outputs)
//! are rendered one per line and compared with a snapshot
//! (`tests/snapshots/lowering__<file>.snap`). A change in what a front end sees shows as a
//! diff there; `INSTA_UPDATE=always cargo test --test lowering` accepts it.
//!
//! The fixtures are ordinary `testdata/` files too: `tests/fixtures.rs` lints them, so any
//! finding they produce carries its `expect:` marker.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use presign_lint::facts::{Absence, BinOp, CallExpr, Expr, ExprKind, SyntaxFacts};
use presign_lint::frontend::{self, Needs};
use presign_lint::text::source::SourceFile;

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/lowering");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("testdata/lowering")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// 1-based line of a byte offset.
fn line(source: &SourceFile, offset: usize) -> usize {
    source.position(offset).0
}

fn expr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Int(n) => n.to_string(),
        ExprKind::Float(f) => format!("{f:?}"),
        ExprKind::Str(s) => format!("{s:?}"),
        ExprKind::Bool(b) => b.to_string(),
        ExprKind::Null => "null".to_string(),
        ExprKind::Name(n) => n.clone(),
        ExprKind::Member(object, field) => format!("{}.{field}", expr(object)),
        ExprKind::Call(call) => call_expr(call),
        ExprKind::Binary(op, l, r) => {
            let op = match op {
                BinOp::Add => "+",
                BinOp::Sub => "-",
                BinOp::Mul => "*",
                BinOp::Div => "/",
            };
            format!("({} {op} {})", expr(l), expr(r))
        }
        ExprKind::Neg(e) => format!("-{}", expr(e)),
        ExprKind::Object(fields) => format!(
            "{{{}}}",
            fields
                .iter()
                .map(|f| format!("{}: {}", f.key, expr(&f.value)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        ExprKind::Array(items) => format!("[{}]", list(items)),
        ExprKind::Interpolated(parts) => format!("interpolated({})", list(parts)),
        ExprKind::Choice(items) => format!("choice({})", list(items)),
        ExprKind::Fallback(items, absence) => {
            let op = match absence {
                Absence::Null => "??",
                Absence::Falsy => "||",
            };
            items
                .iter()
                .map(expr)
                .collect::<Vec<_>>()
                .join(&format!(" {op} "))
        }
        ExprKind::FirstResult(e) => format!("first({})", expr(e)),
        ExprKind::Setting(s) => format!("setting({})", s.describe()),
        ExprKind::Unknown => "?".to_string(),
    }
}

fn list(items: &[Expr]) -> String {
    items.iter().map(expr).collect::<Vec<_>>().join(", ")
}

fn call_expr(call: &CallExpr) -> String {
    let args: Vec<String> = call
        .args
        .iter()
        .map(|a| match &a.name {
            Some(name) => format!("{name}={}", expr(&a.value)),
            None => expr(&a.value),
        })
        .collect();
    let new = if call.is_new { "new " } else { "" };
    format!("{new}{}({})", expr(&call.callee), args.join(", "))
}

/// The facts, one per line, in the order the walk found them.
fn render(text: &SourceFile, f: &SyntaxFacts) -> String {
    let mut out = String::new();
    let fun = |i: Option<usize>| i.map_or(String::new(), |i| format!(" in fn#{i}"));
    let _ = writeln!(out, "functions:");
    for (i, function) in f.functions.iter().enumerate() {
        let params: Vec<String> = function
            .params
            .iter()
            .map(|p| {
                let mut s = p.name.clone();
                if p.position.is_none() {
                    s.insert_str(0, "kw:");
                }
                if let Some(field) = &p.field {
                    let _ = write!(s, " <- .{field}");
                }
                if let Some(default) = &p.default {
                    let _ = write!(s, " = {}", expr(default));
                }
                s
            })
            .collect();
        let _ = writeln!(
            out,
            "  #{i} L{} {}({}){}",
            line(text, function.span.start),
            function.name.as_deref().unwrap_or("<anonymous>"),
            params.join(", "),
            fun(function.parent)
        );
    }
    let _ = writeln!(out, "calls:");
    for call in &f.calls {
        let looped = call
            .enclosing_loop
            .as_ref()
            .map_or(String::new(), |(kind, span)| {
                format!(" in {kind:?}@L{}", line(text, span.start))
            });
        let failing = if call.expects_failure {
            " expects-failure"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  L{} {}{looped}{}{failing}",
            line(text, call.call.span.start),
            call_expr(&call.call),
            fun(call.function)
        );
    }
    let _ = writeln!(out, "bindings:");
    for b in f.bindings.iter().filter(|b| !b.is_parameter()) {
        let _ = writeln!(
            out,
            "  L{} {} = {}{}",
            line(text, b.span.start),
            b.name,
            expr(&b.value),
            fun(b.function)
        );
    }
    let _ = writeln!(out, "imports:");
    for i in &f.imports {
        let name = i
            .name
            .as_deref()
            .map_or(String::new(), |n| format!(" :: {n}"));
        let alias = i
            .alias
            .as_deref()
            .map_or(String::new(), |a| format!(" as {a}"));
        let _ = writeln!(out, "  {}{name}{alias}", i.module);
    }
    let _ = writeln!(out, "returns:");
    for r in &f.returns {
        let _ = writeln!(out, "  {}{}", expr(&r.value), fun(r.function));
    }
    let _ = writeln!(out, "outputs:");
    for o in &f.outputs {
        let call = &f.calls[o.call];
        let _ = writeln!(
            out,
            "  L{} {:?} from argument {}",
            line(text, call.call.span.start),
            o.channel,
            o.args_from
        );
    }
    let _ = writeln!(out, "program: {:?}", f.program);
    out
}

#[test]
fn every_front_end_lowers_its_fixture_as_the_snapshot_says() {
    let files = fixtures();
    assert!(files.len() >= 13, "one fixture per language: {files:?}");
    for path in files {
        let text = std::fs::read_to_string(&path).expect("read fixture");
        let facts = frontend::extract(
            &path,
            &text,
            Needs {
                syntax: true,
                ..Needs::default()
            },
        );
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("file name")
            .to_string();
        let syntax = facts
            .syntax
            .unwrap_or_else(|| panic!("{name}: the front end did not parse it"));
        assert!(
            !syntax.calls.is_empty() && !syntax.bindings.is_empty(),
            "{name}: nothing lowered"
        );
        let source = SourceFile::new(text);
        insta::assert_snapshot!(name, render(&source, &syntax));
    }
}
