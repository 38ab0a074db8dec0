//! Rust, parsed with `syn`: the same facts the tree-sitter driver collects (calls with their
//! enclosing loop and function, bindings, imports, function spans, comments), built directly
//! from the syntax tree.
//!
//! Lowering: paths `a::b::c` and method calls become member chains (`Duration::from_secs(n)`
//! is a call of `Member(Name("Duration"), "from_secs")`); `?`, `.await`, casts, references
//! and parentheses are transparent; `let`, `const`, `static` and plain assignments bind;
//! functions and closures are functions; `for`, `while` and `loop` are loops. A function-like
//! macro is a call of `name!` (`println!`, `tracing::info!`, `format!`) whose arguments are
//! its comma-separated expressions (tracing's `field = %value` read as `value`, a format
//! string's inline `{name}` captures as interpolated names); the calls inside them are
//! collected too.
//!
//! `syn` recurses once per nesting level while parsing, visiting and dropping, and a stack
//! overflow cannot be caught. So the tokens are first scored for how deep the tree they build
//! can be ([`depth_cost`]); pathological files are not parsed (the text-level lints still
//! run), and the rest is parsed on a thread with a generous stack.

use std::str::FromStr;

use proc_macro2::{Delimiter, Span as TokenSpan, TokenStream, TokenTree};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::visit::{self, Visit};

use super::syntax::CALLBACK_METHODS;
use super::treesitter::{MAX_DEPTH, MAX_PARSE_BYTES};
use crate::facts::{
    Arg, BinOp, Binding, Call, CallExpr, Expr, ExprKind, Field, Import, LoopKind, Return, Span,
    SyntaxFacts,
};

/// Stack of the parsing thread. Only the pages used are committed; a file within
/// [`MAX_COST`] needs a small fraction of it even in a debug build.
const STACK_BYTES: usize = 64 * 1024 * 1024;

/// The deepest token nesting score parsed (see [`depth_cost`]). Real code scores well under a
/// few hundred; in a debug build on this stack `syn` overflows only past ~10× this.
const MAX_COST: usize = 1500;

/// Parses a Rust file into syntax facts; `None` when it does not parse or is too deep.
pub fn parse(text: &str) -> Option<SyntaxFacts> {
    // syn's parser recurses per nesting level: pathological nesting would overflow the
    // stack, which cannot be caught, so such files get the text-level lints only.
    if text.len() > MAX_PARSE_BYTES || super::max_nesting(text) > super::treesitter::MAX_DEPTH {
        return None;
    }
    let prepared = prepare(text);
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("presign-lint-syn".to_string())
            .stack_size(STACK_BYTES)
            .spawn_scoped(scope, || {
                let facts = parse_here(&prepared);
                // The thread's source map dies with the thread; clearing it is belt and braces.
                proc_macro2::extra::invalidate_current_thread_spans();
                facts
            })
            .ok()?;
        worker.join().ok().flatten()
    })
}

/// Blanks a byte-order mark and a shebang line, keeping every byte offset unchanged.
fn prepare(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let body = match text.strip_prefix('\u{feff}') {
        Some(rest) => {
            out.push_str("   ");
            rest
        }
        None => text,
    };
    if let Some(after) = body.strip_prefix("#!")
        && !after.trim_start().starts_with('[')
    {
        let end = body.find('\n').unwrap_or(body.len());
        out.extend(std::iter::repeat_n(' ', end));
        out.push_str(&body[end..]);
        return out;
    }
    out.push_str(body);
    out
}

fn parse_here(prepared: &str) -> Option<SyntaxFacts> {
    let tokens = TokenStream::from_str(prepared).ok()?;
    if depth_cost(tokens.clone(), 0) > MAX_COST {
        return None;
    }
    let file: syn::File = syn::parse2(tokens).ok()?;
    let mut collector = Collector::default();
    collector.visit_file(&file);
    Some(collector.facts)
}

/// An upper bound on how deep the syntax tree of `stream` can be: within each run of tokens
/// between separators (`;`, `,`, the end of a block), every operator or word can add a level
/// (`- - x`, `a.b().c()`, `return return x`, `Vec<Vec<…>>`, weighted by how much stack `syn`
/// spends on it), and each bracket adds its contents' score.
fn depth_cost(stream: TokenStream, depth: usize) -> usize {
    if depth > MAX_DEPTH {
        return usize::MAX / 4;
    }
    let mut worst = 0usize;
    let (mut leaves, mut groups) = (0usize, 0usize);
    let (mut after_block, mut after_hash) = (false, false);
    // Whether the previous token was a word or a group: a group right after one is a call
    // or an index (`f(1)(1)(1)…`, `a[0][0]…`), one level deeper each.
    let mut after_operand = false;
    for tree in stream {
        let was_operand = std::mem::replace(
            &mut after_operand,
            matches!(tree, TokenTree::Group(_) | TokenTree::Ident(_)),
        );
        // Statements, items and list elements start afresh; after a block only `else`, `as`
        // or an operator continue the same expression.
        let boundary = match &tree {
            TokenTree::Punct(p) => {
                matches!(p.as_char(), ';' | ',') || (after_block && p.as_char() == '#')
            }
            TokenTree::Ident(i) => after_block && i != "else" && i != "as",
            _ => false,
        };
        if boundary {
            worst = worst.max(leaves + groups);
            (leaves, groups) = (0, 0);
        }
        let was_hash = std::mem::take(&mut after_hash);
        after_block = false;
        match tree {
            TokenTree::Group(g) => {
                after_block = g.delimiter() == Delimiter::Brace;
                let inner = depth_cost(g.stream(), depth + 1).saturating_add(4);
                groups = groups.max(inner);
                if was_operand {
                    leaves += 1;
                }
            }
            TokenTree::Punct(p) => match p.as_char() {
                ';' | ',' => {}
                // Attributes and doc comments (`#[…]`, `#![…]`) add no depth of their own.
                '#' => after_hash = true,
                '!' if was_hash => {}
                '<' => leaves += 8,
                '|' | '=' => leaves += 2,
                _ => leaves += 1,
            },
            TokenTree::Ident(_) => leaves += 1,
            TokenTree::Literal(_) => {}
        }
    }
    worst.max(leaves.saturating_add(groups))
}

fn range(span: TokenSpan) -> Span {
    span.byte_range()
}

fn join(start: TokenSpan, end: TokenSpan) -> Span {
    start.byte_range().start..end.byte_range().end
}

/// The byte range of an expression, from its first to its last token. Walks down the left
/// and right edges iteratively (a method chain is as deep as it is long) and never re-prints
/// the expression for the common shapes.
fn expr_span(e: &syn::Expr) -> Span {
    expr_start(e)..expr_end(e)
}

/// Longest edge walked; beyond it the span is taken from the tokens.
const MAX_EDGE: usize = 100_000;

fn expr_start(mut e: &syn::Expr) -> usize {
    for _ in 0..MAX_EDGE {
        e = match e {
            syn::Expr::Call(c) => &c.func,
            syn::Expr::MethodCall(m) => &m.receiver,
            syn::Expr::Field(f) => &f.base,
            syn::Expr::Try(t) => &t.expr,
            syn::Expr::Await(a) => &a.base,
            syn::Expr::Binary(b) => &b.left,
            syn::Expr::Cast(c) => &c.expr,
            syn::Expr::Index(i) => &i.expr,
            syn::Expr::Assign(a) => &a.left,
            syn::Expr::Range(r) => match &r.start {
                Some(start) => start,
                None => return range(r.limits.span()).start,
            },
            _ => return first_token(e),
        };
    }
    range(e.span()).start
}

fn first_token(e: &syn::Expr) -> usize {
    let span = match e {
        syn::Expr::Lit(l) => l.lit.span(),
        syn::Expr::Path(p) if p.qself.is_none() => return path_span(&p.path).start,
        syn::Expr::Paren(p) => p.paren_token.span.open(),
        syn::Expr::Tuple(t) => t.paren_token.span.open(),
        syn::Expr::Array(a) => a.bracket_token.span.open(),
        syn::Expr::Block(b) if b.label.is_none() => b.block.brace_token.span.open(),
        syn::Expr::Reference(r) => r.and_token.spans[0],
        syn::Expr::Unary(u) => u.op.span(),
        syn::Expr::Closure(c) => match (
            &c.lifetimes,
            &c.constness,
            &c.movability,
            &c.asyncness,
            &c.capture,
        ) {
            (None, None, None, None, None) => c.or1_token.spans[0],
            (None, None, None, None, Some(m)) => m.span,
            _ => e.span(),
        },
        syn::Expr::If(i) => i.if_token.span,
        syn::Expr::Match(m) => m.match_token.span,
        syn::Expr::Return(r) => r.return_token.span,
        syn::Expr::Macro(m) => return path_span(&m.mac.path).start,
        syn::Expr::Struct(s) if s.qself.is_none() => return path_span(&s.path).start,
        syn::Expr::Async(a) => a.async_token.span,
        syn::Expr::Unsafe(u) => u.unsafe_token.span,
        syn::Expr::Let(l) => l.let_token.span,
        _ => e.span(),
    };
    range(span).start
}

fn closure_start(c: &syn::ExprClosure) -> usize {
    let span = match (&c.lifetimes, &c.constness, &c.movability, &c.asyncness) {
        (None, None, None, None) => c.capture.as_ref().map_or(c.or1_token.spans[0], |m| m.span),
        _ => c.span(),
    };
    range(span).start
}

fn expr_end(mut e: &syn::Expr) -> usize {
    for _ in 0..MAX_EDGE {
        e = match e {
            syn::Expr::Binary(b) => &b.right,
            syn::Expr::Unary(u) => &u.expr,
            syn::Expr::Reference(r) => &r.expr,
            syn::Expr::Closure(c) => &c.body,
            syn::Expr::Assign(a) => &a.right,
            syn::Expr::Let(l) => &l.expr,
            syn::Expr::Return(r) => match &r.expr {
                Some(x) => x,
                None => return range(r.return_token.span).end,
            },
            syn::Expr::Range(r) => match &r.end {
                Some(x) => x,
                None => return range(r.limits.span()).end,
            },
            syn::Expr::If(i) => match &i.else_branch {
                Some((_, x)) => x,
                None => return range(i.then_branch.brace_token.span.close()).end,
            },
            _ => return last_token(e),
        };
    }
    range(e.span()).end
}

fn last_token(e: &syn::Expr) -> usize {
    let span = match e {
        syn::Expr::Call(c) => c.paren_token.span.close(),
        syn::Expr::MethodCall(m) => m.paren_token.span.close(),
        syn::Expr::Field(f) => f.member.span(),
        syn::Expr::Try(t) => t.question_token.span,
        syn::Expr::Await(a) => a.await_token.span,
        syn::Expr::Lit(l) => l.lit.span(),
        syn::Expr::Path(p) if p.qself.is_none() => return path_span(&p.path).end,
        syn::Expr::Paren(p) => p.paren_token.span.close(),
        syn::Expr::Tuple(t) => t.paren_token.span.close(),
        syn::Expr::Array(a) => a.bracket_token.span.close(),
        syn::Expr::Index(i) => i.bracket_token.span.close(),
        syn::Expr::Block(b) => b.block.brace_token.span.close(),
        syn::Expr::Unsafe(u) => u.block.brace_token.span.close(),
        syn::Expr::Async(a) => a.block.brace_token.span.close(),
        syn::Expr::Match(m) => m.brace_token.span.close(),
        syn::Expr::Loop(l) => l.body.brace_token.span.close(),
        syn::Expr::While(w) => w.body.brace_token.span.close(),
        syn::Expr::ForLoop(f) => f.body.brace_token.span.close(),
        syn::Expr::Macro(m) => m.mac.delimiter.span().close(),
        syn::Expr::Struct(s) => s.brace_token.span.close(),
        syn::Expr::Cast(c) => c.ty.span(),
        _ => e.span(),
    };
    range(span).end
}

fn path_span(path: &syn::Path) -> Span {
    match (path.segments.first(), path.segments.last()) {
        (Some(first), Some(last)) => {
            let begin = path
                .leading_colon
                .as_ref()
                .map_or(first.ident.span(), |c| c.spans[0]);
            join(begin, last.span())
        }
        _ => range(path.span()),
    }
}

/// Lowers an expression; beyond [`MAX_DEPTH`] it is `Unknown`.
fn lower(e: &syn::Expr, depth: usize) -> Expr {
    if depth >= MAX_DEPTH {
        return Expr::unknown(expr_span(e));
    }
    let d = depth + 1;
    let kind = match e {
        syn::Expr::Lit(l) => literal(&l.lit),
        syn::Expr::Path(p) if p.qself.is_none() => return path(&p.path),
        // `std::env::var("URL_TTL")` is a setting (see `defaults::setting`).
        syn::Expr::Call(c) => {
            let call = lower_call(c, d);
            return super::defaults::setting(
                Expr {
                    span: call.span.clone(),
                    kind: ExprKind::Call(Box::new(call)),
                },
                "",
            );
        }
        syn::Expr::MethodCall(m) => {
            let call = lower_method_call(m, d);
            return super::defaults::setting(
                Expr {
                    span: call.span.clone(),
                    kind: ExprKind::Call(Box::new(call)),
                },
                "",
            );
        }
        syn::Expr::Field(f) => {
            let base = lower(&f.base, d);
            return Expr {
                span: base.span.start..range(f.member.span()).end,
                kind: ExprKind::Member(Box::new(base), member(&f.member)),
            };
        }
        // Wrappers that keep the value: `x?`, `x.await`, `x as u64`, `&x`, `(x)`.
        syn::Expr::Try(t) => return lower(&t.expr, d),
        syn::Expr::Await(a) => return lower(&a.base, d),
        syn::Expr::Cast(c) => return lower(&c.expr, d),
        syn::Expr::Reference(r) => return lower(&r.expr, d),
        syn::Expr::Paren(p) => return lower(&p.expr, d),
        syn::Expr::Group(g) => return lower(&g.expr, d),
        syn::Expr::Unary(u) => match u.op {
            syn::UnOp::Neg(_) => ExprKind::Neg(Box::new(lower(&u.expr, d))),
            syn::UnOp::Deref(_) => return lower(&u.expr, d),
            _ => ExprKind::Unknown,
        },
        syn::Expr::Binary(b) => {
            let op = match b.op {
                syn::BinOp::Add(_) => Some(BinOp::Add),
                syn::BinOp::Sub(_) => Some(BinOp::Sub),
                syn::BinOp::Mul(_) => Some(BinOp::Mul),
                syn::BinOp::Div(_) => Some(BinOp::Div),
                _ => None,
            };
            match op {
                Some(op) => {
                    let (l, r) = (lower(&b.left, d), lower(&b.right, d));
                    return Expr {
                        span: l.span.start..r.span.end,
                        kind: ExprKind::Binary(op, Box::new(l), Box::new(r)),
                    };
                }
                None => ExprKind::Unknown,
            }
        }
        syn::Expr::Struct(s) => ExprKind::Object(
            s.fields
                .iter()
                .map(|f| Field {
                    key: member(&f.member),
                    value: lower(&f.expr, d),
                })
                .collect(),
        ),
        syn::Expr::Array(a) => ExprKind::Array(a.elems.iter().map(|x| lower(x, d)).collect()),
        syn::Expr::Tuple(t) => ExprKind::Array(t.elems.iter().map(|x| lower(x, d)).collect()),
        // `{ expr }` and `unsafe { expr }`: the tail expression of a one-statement block.
        syn::Expr::Block(b) => match b.block.stmts.as_slice() {
            [syn::Stmt::Expr(tail, None)] => return lower(tail, d),
            _ => ExprKind::Unknown,
        },
        syn::Expr::Unsafe(u) => match u.block.stmts.as_slice() {
            [syn::Stmt::Expr(tail, None)] => return lower(tail, d),
            _ => ExprKind::Unknown,
        },
        syn::Expr::Macro(m) => {
            let (call, _) = lower_macro(&m.mac, d);
            return Expr {
                span: call.span.clone(),
                kind: ExprKind::Call(Box::new(call)),
            };
        }
        _ => ExprKind::Unknown,
    };
    Expr {
        kind,
        span: expr_span(e),
    }
}

fn literal(lit: &syn::Lit) -> ExprKind {
    match lit {
        syn::Lit::Int(i) => i
            .base10_parse::<i128>()
            .map_or(ExprKind::Unknown, ExprKind::Int),
        syn::Lit::Float(f) => f
            .base10_parse::<f64>()
            .map_or(ExprKind::Unknown, ExprKind::Float),
        syn::Lit::Str(s) => ExprKind::Str(s.value()),
        syn::Lit::Bool(b) => ExprKind::Bool(b.value),
        _ => ExprKind::Unknown,
    }
}

fn member(m: &syn::Member) -> String {
    match m {
        syn::Member::Named(ident) => ident.unraw().to_string(),
        syn::Member::Unnamed(index) => index.index.to_string(),
    }
}

/// `a::b::c` → `Member(Member(Name(a), b), c)`; generic arguments are dropped. chrono's
/// `TimeDelta` is its `Duration` under the newer name.
fn path(p: &syn::Path) -> Expr {
    let full = path_span(p);
    let count = p.segments.len();
    let mut segments = p.segments.iter().enumerate();
    let Some((_, first)) = segments.next() else {
        return Expr::unknown(full);
    };
    let name = |i: usize, seg: &syn::PathSegment| {
        let ident = seg.ident.unraw().to_string();
        if ident == "TimeDelta" && i + 2 == count {
            "Duration".to_string()
        } else {
            ident
        }
    };
    let start = full.start;
    let mut expr = Expr {
        kind: ExprKind::Name(name(0, first)),
        span: start..range(first.ident.span()).end,
    };
    for (i, seg) in segments {
        let end = range(seg.ident.span()).end;
        expr = Expr {
            kind: ExprKind::Member(Box::new(expr), name(i, seg)),
            span: start..end,
        };
    }
    expr.span = full;
    expr
}

fn lower_call(c: &syn::ExprCall, depth: usize) -> CallExpr {
    let callee = lower(&c.func, depth);
    let start = callee.span.start;
    CallExpr {
        callee,
        args: c
            .args
            .iter()
            .map(|a| Arg {
                name: None,
                value: lower(a, depth),
            })
            .collect(),
        is_new: false,
        span: start..range(c.paren_token.span.close()).end,
    }
}

fn lower_method_call(m: &syn::ExprMethodCall, depth: usize) -> CallExpr {
    let receiver = lower(&m.receiver, depth);
    let start = receiver.span.start;
    CallExpr {
        callee: Expr {
            span: start..range(m.method.span()).end,
            kind: ExprKind::Member(Box::new(receiver), m.method.unraw().to_string()),
        },
        args: m
            .args
            .iter()
            .map(|a| Arg {
                name: None,
                value: lower(a, depth),
            })
            .collect(),
        is_new: false,
        span: start..range(m.paren_token.span.close()).end,
    }
}

/// A function-like macro as a call of `name!` (`println!`, `tracing::info!`, `format!`), with
/// its comma-separated arguments: tracing's `field = value`, `%value` and `?value` are read
/// as `value`; a format string's inline captures (`"{url}"`) are interpolated names. Also
/// returns the parsed argument expressions, so the calls inside them are collected.
fn lower_macro(m: &syn::Macro, depth: usize) -> (CallExpr, Vec<syn::Expr>) {
    let mut callee = path(&m.path);
    match &mut callee.kind {
        ExprKind::Name(n) | ExprKind::Member(_, n) => n.push('!'),
        _ => {}
    }
    let delimiter = m.delimiter.span();
    let span = callee.span.start..range(delimiter.close()).end;
    let mut args = Vec::new();
    let mut parsed = Vec::new();
    for segment in macro_segments(m.tokens.clone()) {
        let seg_span = segment
            .first()
            .zip(segment.last())
            .map_or(span.clone(), |(a, b)| {
                range(a.span()).start..range(b.span()).end
            });
        let mut tokens: &[TokenTree] = &segment;
        // `name = value` (tracing fields; not `==`).
        if let [TokenTree::Ident(_), TokenTree::Punct(eq), rest @ ..] = tokens {
            let comparison =
                matches!(rest.first(), Some(TokenTree::Punct(p)) if p.as_char() == '=');
            if eq.as_char() == '=' && !comparison {
                tokens = rest;
            }
        }
        if let [TokenTree::Punct(sigil), rest @ ..] = tokens
            && matches!(sigil.as_char(), '%' | '?')
        {
            tokens = rest;
        }
        let stream: TokenStream = tokens.iter().cloned().collect();
        match syn::parse2::<syn::Expr>(stream) {
            Ok(e) => {
                let mut value = lower(&e, depth);
                if let ExprKind::Str(text) = &value.kind {
                    let names = inline_captures(text);
                    if !names.is_empty() {
                        let at = value.span.clone();
                        value.kind = ExprKind::Interpolated(
                            names
                                .into_iter()
                                .map(|n| Expr {
                                    kind: ExprKind::Name(n),
                                    span: at.clone(),
                                })
                                .collect(),
                        );
                    }
                }
                args.push(Arg { name: None, value });
                parsed.push(e);
            }
            Err(_) => args.push(Arg {
                name: None,
                value: Expr::unknown(seg_span),
            }),
        }
    }
    (
        CallExpr {
            callee,
            args,
            is_new: false,
            span,
        },
        parsed,
    )
}

/// A macro body split at its top-level commas (groups are single token trees).
fn macro_segments(tokens: TokenStream) -> Vec<Vec<TokenTree>> {
    let mut out = vec![Vec::new()];
    for tt in tokens {
        match &tt {
            TokenTree::Punct(p) if p.as_char() == ',' => out.push(Vec::new()),
            _ => {
                if let Some(last) = out.last_mut() {
                    last.push(tt);
                }
            }
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

/// The identifiers a format string captures inline: `"{url}"`, `"{url:?}"`, not `"{{x}}"`,
/// `"{}"` or `"{0}"`.
fn inline_captures(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find('{') {
        let after = &rest[i + 1..];
        if let Some(escaped) = after.strip_prefix('{') {
            rest = escaped;
            continue;
        }
        let end = after.find(['}', ':']).unwrap_or(after.len());
        let name = after[..end].trim();
        if name
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
            && name.chars().all(|c| c.is_alphanumeric() || c == '_')
        {
            out.push(name.to_string());
        }
        rest = &after[end.min(after.len())..];
    }
    out
}

/// Names a pattern binds (`x`, `mut x`, `(a, b)`, `Some(x)`, `S { a, b: c }`, `x: T`).
fn pat_names(pat: &syn::Pat, out: &mut Vec<(String, Span)>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    let d = depth + 1;
    match pat {
        syn::Pat::Ident(i) => {
            out.push((i.ident.unraw().to_string(), range(i.ident.span())));
            if let Some((_, sub)) = &i.subpat {
                pat_names(sub, out, d);
            }
        }
        syn::Pat::Type(t) => pat_names(&t.pat, out, d),
        syn::Pat::Reference(r) => pat_names(&r.pat, out, d),
        syn::Pat::Paren(p) => pat_names(&p.pat, out, d),
        syn::Pat::Tuple(t) => t.elems.iter().for_each(|p| pat_names(p, out, d)),
        syn::Pat::TupleStruct(t) => t.elems.iter().for_each(|p| pat_names(p, out, d)),
        syn::Pat::Slice(s) => s.elems.iter().for_each(|p| pat_names(p, out, d)),
        syn::Pat::Or(o) => o.cases.iter().for_each(|p| pat_names(p, out, d)),
        syn::Pat::Struct(s) => s.fields.iter().for_each(|f| pat_names(&f.pat, out, d)),
        _ => {}
    }
}

/// The single name of `let x = …` / `let mut x: T = …`.
fn simple_name(pat: &syn::Pat) -> Option<String> {
    match pat {
        syn::Pat::Ident(i) if i.subpat.is_none() => Some(i.ident.unraw().to_string()),
        syn::Pat::Type(t) => simple_name(&t.pat),
        _ => None,
    }
}

/// The dotted name an assignment target binds: `x`, `self.ttl`, `config.presign.expiry`.
fn target_name(e: &syn::Expr, depth: usize) -> Option<String> {
    if depth > 16 {
        return None;
    }
    match e {
        syn::Expr::Path(p) if p.qself.is_none() => Some(
            p.path
                .segments
                .iter()
                .map(|s| s.ident.unraw().to_string())
                .collect::<Vec<_>>()
                .join("."),
        ),
        syn::Expr::Field(f) => Some(format!(
            "{}.{}",
            target_name(&f.base, depth + 1)?,
            member(&f.member)
        )),
        syn::Expr::Paren(p) => target_name(&p.expr, depth + 1),
        syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => {
            target_name(&u.expr, depth + 1)
        }
        _ => None,
    }
}

/// A closure passed directly (or in parentheses, or by reference) as an argument.
fn as_closure(e: &syn::Expr) -> Option<&syn::ExprClosure> {
    match e {
        syn::Expr::Closure(c) => Some(c),
        syn::Expr::Paren(p) => as_closure(&p.expr),
        syn::Expr::Group(g) => as_closure(&g.expr),
        syn::Expr::Reference(r) => as_closure(&r.expr),
        _ => None,
    }
}

/// `()`, `Ok(())`, `Some(())`: no value.
fn is_unit(e: &syn::Expr) -> bool {
    match e {
        syn::Expr::Tuple(t) => t.elems.is_empty(),
        syn::Expr::Call(c) => {
            let wrapper = matches!(&*c.func, syn::Expr::Path(p)
                if p.path.is_ident("Ok") || p.path.is_ident("Some"));
            wrapper && c.args.len() == 1 && c.args.first().is_some_and(is_unit)
        }
        _ => false,
    }
}

/// `panic!`, `unreachable!`, `todo!`, `unimplemented!`: they return no value.
fn diverges(m: &syn::Macro) -> bool {
    m.path.segments.last().is_some_and(|s| {
        matches!(
            s.ident.to_string().as_str(),
            "panic" | "unreachable" | "todo" | "unimplemented"
        )
    })
}

#[derive(Default)]
struct Collector {
    facts: SyntaxFacts,
    function: Option<usize>,
    enclosing_loop: Option<(LoopKind, Span)>,
    /// The type of the `impl` block being visited (`Self::TTL` is also `Type::TTL`).
    impl_self: Option<String>,
    /// The name of the `fn` whose scope opens next.
    fn_name: Option<String>,
    /// The receiver of the `fn` whose scope opens next: a method's `self` in an `impl`.
    fn_receiver: Option<crate::facts::Receiver>,
    /// Visiting what a test expects to fail: the receiver of `.unwrap_err()`/`.is_err()`/
    /// `.expect_err(…)` (see `syntax::expects_failure`).
    expects_failure: bool,
}

impl Collector {
    fn bind(&mut self, name: String, value: Expr, span: Span) {
        self.facts.bindings.push(Binding {
            name,
            value,
            span,
            function: self.function,
        });
    }

    /// Names bound to run-time values (patterns, parameters): visible from `at` on.
    fn bind_unknown(&mut self, pat: &syn::Pat, at: Option<usize>) {
        let mut names = Vec::new();
        pat_names(pat, &mut names, 0);
        for (name, span) in names {
            let at = at.unwrap_or(span.start);
            self.bind(name, Expr::unknown(at..at), at..at);
        }
    }

    /// Visits a function or closure body: its own scope, parameters bound to unknown values;
    /// a function defined in a loop does not run per iteration unless it is a callback.
    fn function_scope<'p>(
        &mut self,
        span: Span,
        params: impl Iterator<Item = &'p syn::Pat>,
        keep_loop: bool,
        body: impl FnOnce(&mut Self),
    ) {
        let params: Vec<&syn::Pat> = params.collect();
        let mut declared = Vec::new();
        for (position, pat) in params.iter().enumerate() {
            let mut names = Vec::new();
            pat_names(pat, &mut names, 0);
            // Only a plain name is a parameter a caller's argument maps to.
            if let [(name, _)] = names.as_slice() {
                declared.push(crate::facts::Param::positional(name.clone(), position));
            }
        }
        self.facts.functions.push(crate::facts::Function {
            span: span.clone(),
            name: self.fn_name.take(),
            params: declared,
            parent: self.function,
            class: None,
            constructor: false,
            receiver: self.fn_receiver.take(),
        });
        let saved = (self.function, self.enclosing_loop.clone());
        self.function = Some(self.facts.functions.len() - 1);
        if !keep_loop {
            self.enclosing_loop = None;
        }
        for pat in params {
            self.bind_unknown(pat, Some(span.start));
        }
        body(self);
        (self.function, self.enclosing_loop) = saved;
    }

    fn fn_params(sig: &syn::Signature) -> impl Iterator<Item = &syn::Pat> {
        sig.inputs.iter().filter_map(|arg| match arg {
            syn::FnArg::Typed(t) => Some(&*t.pat),
            syn::FnArg::Receiver(_) => None,
        })
    }

    fn closure(&mut self, c: &syn::ExprClosure, keep_loop: bool) {
        let span = closure_start(c)..expr_end(&c.body);
        self.function_scope(span, c.inputs.iter(), keep_loop, |v| {
            v.visit_expr(&c.body);
            v.tail(&c.body, 0);
        });
    }

    /// Records what `e`, in tail position of the current function, returns: through blocks
    /// (`unsafe`, `async` too), both branches of an `if … else` and every `match` arm. A
    /// `return`, `break`, loop, unit `()` or diverging macro (`panic!`, `unreachable!`, …)
    /// returns no value of its own.
    fn tail(&mut self, e: &syn::Expr, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        let d = depth + 1;
        match e {
            syn::Expr::Block(b) => self.block_tail(&b.block, d),
            syn::Expr::Unsafe(u) => self.block_tail(&u.block, d),
            syn::Expr::Async(a) => self.block_tail(&a.block, d),
            syn::Expr::Paren(p) => self.tail(&p.expr, d),
            syn::Expr::Group(g) => self.tail(&g.expr, d),
            syn::Expr::If(i) => {
                if let Some((_, otherwise)) = &i.else_branch {
                    self.block_tail(&i.then_branch, d);
                    self.tail(otherwise, d);
                }
            }
            syn::Expr::Match(m) => {
                for arm in &m.arms {
                    self.tail(&arm.body, d);
                }
            }
            syn::Expr::Return(_)
            | syn::Expr::Break(_)
            | syn::Expr::Continue(_)
            | syn::Expr::Loop(_)
            | syn::Expr::While(_)
            | syn::Expr::ForLoop(_)
            | syn::Expr::Assign(_) => {}
            _ if is_unit(e) => {}
            syn::Expr::Macro(m) if diverges(&m.mac) => {}
            _ => self.push_return(lower(e, 0)),
        }
    }

    /// The tail of a block: its last statement when it has no semicolon.
    fn block_tail(&mut self, b: &syn::Block, depth: usize) {
        match b.stmts.last() {
            Some(syn::Stmt::Expr(e, None)) => self.tail(e, depth),
            // `format!("…")` at the end of a block is a statement macro without semicolon.
            Some(syn::Stmt::Macro(m)) if m.semi_token.is_none() && !diverges(&m.mac) => {
                let (call, _) = lower_macro(&m.mac, 0);
                self.push_return(Expr {
                    span: call.span.clone(),
                    kind: ExprKind::Call(Box::new(call)),
                });
            }
            _ => {}
        }
    }

    /// `Ok(x)` and `Some(x)` return `x`: call sites read `?` transparently, so a caller's
    /// `presign(k)?` is the wrapped value.
    fn push_return(&mut self, value: Expr) {
        let value = match value.kind {
            ExprKind::Call(call)
                if call.args.len() == 1
                    && matches!(&call.callee.kind, ExprKind::Name(n) if n == "Ok" || n == "Some") =>
            {
                let span = value.span;
                call.args
                    .into_iter()
                    .next()
                    .map_or_else(|| Expr::unknown(span), |a| a.value)
            }
            kind => Expr {
                kind,
                span: value.span,
            },
        };
        self.facts.returns.push(Return {
            function: self.function,
            value,
        });
    }

    fn push_call(&mut self, call: CallExpr) -> Option<(LoopKind, Span)> {
        let callback = if call.name().is_some_and(|n| CALLBACK_METHODS.contains(&n)) {
            Some((LoopKind::Callback, call.callee.span.clone()))
        } else if super::syntax::runs_function_now(&call) {
            // `thread::spawn(move || …)`: its closure runs in the loop around the call.
            self.enclosing_loop.clone()
        } else {
            None
        };
        self.facts.calls.push(Call {
            call,
            enclosing_loop: self.enclosing_loop.clone(),
            function: self.function,
            expects_failure: self.expects_failure,
        });
        callback
    }

    /// Visits call arguments; for a callback method (`map`, `for_each`, …) they run per element.
    fn args<'a>(
        &mut self,
        args: impl Iterator<Item = &'a syn::Expr>,
        callback: Option<(LoopKind, Span)>,
    ) {
        let saved = self.enclosing_loop.clone();
        let is_callback = callback.is_some();
        if is_callback {
            self.enclosing_loop = callback;
        }
        for arg in args {
            match as_closure(arg) {
                Some(c) => self.closure(c, is_callback),
                None => self.visit_expr(arg),
            }
        }
        self.enclosing_loop = saved;
    }

    fn in_loop(&mut self, kind: LoopKind, keyword: TokenSpan, body: impl FnOnce(&mut Self)) {
        let saved = self.enclosing_loop.clone();
        self.enclosing_loop = Some((kind, range(keyword)));
        body(self);
        self.enclosing_loop = saved;
    }

    fn const_item(&mut self, ident: &syn::Ident, expr: &syn::Expr, span: Span, in_impl: bool) {
        let name = ident.unraw().to_string();
        let value = lower(expr, 0);
        if in_impl {
            self.bind(format!("Self.{name}"), value.clone(), span.clone());
            if let Some(ty) = self.impl_self.clone() {
                self.bind(format!("{ty}.{name}"), value.clone(), span.clone());
            }
        }
        self.bind(name, value, span);
    }

    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.unraw().to_string());
                self.use_tree(prefix, &p.tree, depth + 1);
                prefix.pop();
            }
            syn::UseTree::Name(n) => self.import(prefix, n.ident.unraw().to_string(), None),
            syn::UseTree::Rename(r) => self.import(
                prefix,
                r.ident.unraw().to_string(),
                Some(r.rename.unraw().to_string()),
            ),
            syn::UseTree::Glob(_) => self.facts.imports.push(Import {
                module: prefix.join("::"),
                name: None,
                alias: None,
            }),
            syn::UseTree::Group(g) => {
                for item in &g.items {
                    self.use_tree(prefix, item, depth + 1);
                }
            }
        }
    }

    fn import(&mut self, prefix: &[String], name: String, alias: Option<String>) {
        let (module, name) = if prefix.is_empty() {
            (name, None)
        } else {
            (prefix.join("::"), Some(name))
        };
        self.facts.imports.push(Import {
            module,
            name,
            alias,
        });
    }
}

impl<'ast> Visit<'ast> for Collector {
    fn visit_item_fn(&mut self, i: &'ast syn::ItemFn) {
        self.fn_name = Some(i.sig.ident.unraw().to_string());
        self.function_scope(range(i.span()), Self::fn_params(&i.sig), false, |v| {
            v.visit_block(&i.block);
            v.block_tail(&i.block, 0);
        });
    }

    fn visit_impl_item_fn(&mut self, i: &'ast syn::ImplItemFn) {
        self.fn_name = Some(i.sig.ident.unraw().to_string());
        self.fn_receiver =
            i.sig
                .receiver()
                .and(self.impl_self.clone())
                .map(|owner| crate::facts::Receiver {
                    name: "self".to_string(),
                    owner,
                });
        self.function_scope(range(i.span()), Self::fn_params(&i.sig), false, |v| {
            v.visit_block(&i.block);
            v.block_tail(&i.block, 0);
        });
    }

    fn visit_trait_item_fn(&mut self, i: &'ast syn::TraitItemFn) {
        if let Some(block) = &i.default {
            self.fn_name = Some(i.sig.ident.unraw().to_string());
            self.function_scope(range(i.span()), Self::fn_params(&i.sig), false, |v| {
                v.visit_block(block);
                v.block_tail(block, 0);
            });
        }
    }

    fn visit_expr_closure(&mut self, c: &'ast syn::ExprClosure) {
        self.closure(c, false);
    }

    fn visit_expr_return(&mut self, r: &'ast syn::ExprReturn) {
        visit::visit_expr_return(self, r);
        if let Some(value) = &r.expr {
            self.tail(value, 0);
        }
    }

    /// `Store { ttl: Duration::from_secs(…), .. }` (or `Self { … }` in its `impl`) binds
    /// `Store.ttl`: what the type's methods read as `self.ttl` (see `SyntaxFacts::lookup`).
    fn visit_expr_struct(&mut self, e: &'ast syn::ExprStruct) {
        visit::visit_expr_struct(self, e);
        let ty = match e.path.segments.last().map(|s| s.ident.unraw().to_string()) {
            Some(ty) if ty == "Self" => self.impl_self.clone(),
            ty => ty,
        };
        let Some(ty) = ty.filter(|_| e.qself.is_none()) else {
            return;
        };
        for field in &e.fields {
            let name = format!("{ty}.{}", member(&field.member));
            self.bind(name, lower(&field.expr, 0), range(e.span()));
        }
    }

    fn visit_item_impl(&mut self, i: &'ast syn::ItemImpl) {
        let saved = self.impl_self.take();
        if let syn::Type::Path(p) = &*i.self_ty {
            self.impl_self = p.path.segments.last().map(|s| s.ident.unraw().to_string());
        }
        visit::visit_item_impl(self, i);
        self.impl_self = saved;
    }

    fn visit_item_const(&mut self, i: &'ast syn::ItemConst) {
        self.visit_expr(&i.expr);
        self.const_item(&i.ident, &i.expr, range(i.span()), false);
    }

    fn visit_item_static(&mut self, i: &'ast syn::ItemStatic) {
        self.visit_expr(&i.expr);
        self.const_item(&i.ident, &i.expr, range(i.span()), false);
    }

    fn visit_impl_item_const(&mut self, i: &'ast syn::ImplItemConst) {
        self.visit_expr(&i.expr);
        self.const_item(&i.ident, &i.expr, range(i.span()), true);
    }

    fn visit_item_use(&mut self, i: &'ast syn::ItemUse) {
        self.use_tree(&mut Vec::new(), &i.tree, 0);
    }

    fn visit_local(&mut self, l: &'ast syn::Local) {
        if let Some(init) = &l.init {
            self.visit_expr(&init.expr);
            if let Some((_, diverge)) = &init.diverge {
                self.visit_expr(diverge);
            }
        }
        let span = join(l.let_token.span, l.semi_token.span);
        match (simple_name(&l.pat), &l.init) {
            (Some(name), Some(init)) if init.diverge.is_none() => {
                self.bind(name, lower(&init.expr, 0), span);
            }
            // `let x;`, `let (a, b) = …`, `let Some(x) = … else { … }`: run-time values.
            _ => {
                let mut names = Vec::new();
                pat_names(&l.pat, &mut names, 0);
                for (name, _) in names {
                    self.bind(name, Expr::unknown(span.clone()), span.clone());
                }
            }
        }
    }

    fn visit_expr_assign(&mut self, a: &'ast syn::ExprAssign) {
        visit::visit_expr_assign(self, a);
        if let Some(name) = target_name(&a.left, 0) {
            let span = expr_span(&a.left).start..expr_span(&a.right).end;
            self.bind(name, lower(&a.right, 0), span);
        }
    }

    fn visit_expr_binary(&mut self, b: &'ast syn::ExprBinary) {
        visit::visit_expr_binary(self, b);
        // `x += 1`: the new value depends on the old one.
        let compound = matches!(
            b.op,
            syn::BinOp::AddAssign(_)
                | syn::BinOp::SubAssign(_)
                | syn::BinOp::MulAssign(_)
                | syn::BinOp::DivAssign(_)
                | syn::BinOp::RemAssign(_)
                | syn::BinOp::BitXorAssign(_)
                | syn::BinOp::BitAndAssign(_)
                | syn::BinOp::BitOrAssign(_)
                | syn::BinOp::ShlAssign(_)
                | syn::BinOp::ShrAssign(_)
        );
        if let (true, Some(name)) = (compound, target_name(&b.left, 0)) {
            let span = expr_span(&b.left).start..expr_span(&b.right).end;
            self.bind(name, Expr::unknown(span.clone()), span);
        }
    }

    fn visit_expr_let(&mut self, l: &'ast syn::ExprLet) {
        self.visit_expr(&l.expr);
        self.bind_unknown(&l.pat, None);
    }

    fn visit_arm(&mut self, arm: &'ast syn::Arm) {
        self.bind_unknown(&arm.pat, None);
        if let Some((_, guard)) = &arm.guard {
            self.visit_expr(guard);
        }
        self.visit_expr(&arm.body);
    }

    fn visit_expr_for_loop(&mut self, f: &'ast syn::ExprForLoop) {
        // The iterator is evaluated once, before the loop.
        self.visit_expr(&f.expr);
        self.in_loop(LoopKind::For, f.for_token.span, |v| {
            v.bind_unknown(&f.pat, None);
            v.visit_block(&f.body);
        });
    }

    fn visit_expr_while(&mut self, w: &'ast syn::ExprWhile) {
        self.in_loop(LoopKind::While, w.while_token.span, |v| {
            v.visit_expr(&w.cond);
            v.visit_block(&w.body);
        });
    }

    fn visit_expr_loop(&mut self, l: &'ast syn::ExprLoop) {
        self.in_loop(LoopKind::While, l.loop_token.span, |v| {
            v.visit_block(&l.body);
        });
    }

    fn visit_expr_call(&mut self, c: &'ast syn::ExprCall) {
        let callback = self.push_call(lower_call(c, 0));
        self.visit_expr(&c.func);
        self.args(c.args.iter(), callback);
    }

    fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
        let callback = self.push_call(lower_method_call(m, 0));
        // `PresigningConfig::expires_in(eight_days).unwrap_err()`: a test that it is refused.
        let refused = matches!(
            m.method.to_string().as_str(),
            "unwrap_err" | "expect_err" | "is_err"
        );
        let outer = self.expects_failure;
        self.expects_failure |= refused;
        self.visit_expr(&m.receiver);
        self.expects_failure = outer;
        self.args(m.args.iter(), callback);
    }

    /// Function-like macros whose body is a list of expressions (`vec![…]`, `println!(…)`,
    /// `assert_eq!(…)`): their calls are collected like any other.
    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        let (call, exprs) = lower_macro(m, 0);
        self.push_call(call);
        for e in &exprs {
            visit_owned(self, e);
        }
    }
}

/// Visits an expression parsed on the fly (a macro body), which does not live as long as the
/// file's tree.
fn visit_owned(collector: &mut Collector, e: &syn::Expr) {
    Visit::visit_expr(collector, e);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frontend::test_support::fold_last_call;
    use crate::semantic::eval::Value;

    fn facts(src: &str) -> SyntaxFacts {
        let mut facts = parse(src).expect("parses");
        facts.index();
        facts
    }

    fn call<'f>(facts: &'f SyntaxFacts, method: &str) -> &'f Call {
        facts
            .calls
            .iter()
            .find(|c| c.call.name() == Some(method))
            .expect("call")
    }

    /// Folds the first argument of the (last) call named `method`.
    fn first_arg(src: &str, method: &str) -> Value {
        let facts = facts(src);
        fold_last_call(&facts, src, crate::frontend::Family::Rust, method, |c| {
            c.positional(0)
        })
    }

    #[test]
    fn presigned_chain_and_paths() {
        let src = "async fn f(client: &Client) -> Result<(), E> {\n    let r = client\n        .get_object()\n        .bucket(\"b\")\n        .presigned(PresigningConfig::expires_in(std::time::Duration::from_secs(60 * 60 * 24 * 8))?)\n        .await?;\n    Ok(())\n}\n";
        let f = facts(src);
        let presigned = &call(&f, "presigned").call;
        assert!(presigned.receiver().is_some());
        assert_eq!(
            presigned.callee.span.start,
            src.find("client\n").expect("client")
        );
        let config = presigned
            .positional(0)
            .and_then(Expr::as_call)
            .expect("config");
        assert_eq!(
            config.callee.path(),
            Some(vec!["PresigningConfig", "expires_in"])
        );
        assert_eq!(first_arg(src, "expires_in"), Value::Duration(691_200.0));
        let arg = config.positional(0).expect("duration");
        assert_eq!(
            &src[arg.span.clone()],
            "std::time::Duration::from_secs(60 * 60 * 24 * 8)"
        );
        assert_eq!(f.functions.len(), 1);
        assert_eq!(presigned_function(&f), Some(0));
    }

    fn presigned_function(f: &SyntaxFacts) -> Option<usize> {
        call(f, "presigned").function
    }

    #[test]
    fn shadowed_bindings_and_constants() {
        let src = "const DAY: u64 = 24 * 60 * 60;\nfn f(expires_in: u64) {\n    let expires_in = Duration::from_secs(expires_in);\n    let expires_in = Duration::from_secs(DAY * 2);\n    g(expires_in);\n}\n";
        assert_eq!(first_arg(src, "g"), Value::Duration(172_800.0));
        let src = "fn f(expires_in: u64) {\n    let expires_in = Duration::from_secs(expires_in);\n    g(expires_in);\n}\n";
        assert_eq!(first_arg(src, "g"), Value::Unknown);
        let src = "fn f(opt: Opt) {\n    let d = Duration::from_secs(opt.expires_in.unwrap_or(900));\n    g(d);\n}\n";
        assert_eq!(first_arg(src, "g"), Value::Unknown);
        let src = "struct S;\nimpl S {\n    const TTL: u64 = 3600 * 3;\n    fn f(&self) { g(Duration::from_secs(Self::TTL)); }\n}\n";
        assert_eq!(first_arg(src, "g"), Value::Duration(10_800.0));
    }

    #[test]
    fn chrono_durations() {
        let src = "fn f() { g(chrono::Duration::try_days(2).unwrap().to_std().unwrap()); }\n";
        assert_eq!(first_arg(src, "g"), Value::Duration(172_800.0));
        let src = "fn f() { g(TimeDelta::hours(5).to_std().expect(\"fits\")); }\n";
        assert_eq!(first_arg(src, "g"), Value::Duration(18_000.0));
    }

    #[test]
    fn loops_closures_macros_and_imports() {
        let src = "use aws_sdk_s3::{presigning::PresigningConfig, Client as S3};\nfn f(keys: Vec<String>) {\n    for k in keys.iter() {\n        a(k);\n    }\n    keys.iter().map(|k| b(k)).for_each(drop);\n    let c = || d();\n    loop { println!(\"{}\", e()); }\n}\n";
        let f = facts(src);
        let kind = |name: &str| call(&f, name).enclosing_loop.as_ref().map(|(k, _)| *k);
        assert_eq!(kind("a"), Some(LoopKind::For));
        assert_eq!(kind("iter"), None);
        assert_eq!(kind("b"), Some(LoopKind::Callback));
        assert_eq!(kind("d"), None);
        assert_eq!(kind("e"), Some(LoopKind::While));
        assert_eq!(f.functions.len(), 3);
        assert_eq!(call(&f, "b").function, Some(1));
        assert!(
            f.imports
                .iter()
                .any(|i| i.module == "aws_sdk_s3::presigning"
                    && i.name.as_deref() == Some("PresigningConfig"))
        );
        assert!(f.imports.iter().any(|i| i.alias.as_deref() == Some("S3")));
    }

    #[test]
    fn params_and_returns() {
        let src = r#"struct S;
impl S {
    async fn url(&self, key: &str, ttl: u64) -> Result<String, E> {
        if key.is_empty() {
            return Err(E::Empty);
        }
        let req = self.client.get_object().key(key).presigned(cfg(ttl)).await?;
        Ok(req.uri().to_string())
    }
}
fn pick(a: bool, (x, y): (u8, u8), _: u8, mut z: u8) -> u64 {
    match a {
        true => 60,
        false => {
            if z > 0 { z * 2 } else { DAY }
        }
    }
}
fn unit() -> Result<(), E> { g(); Ok(()) }
fn semi() -> u8 { 5; }
fn mac(k: &str) -> String { format!("{k}") }
fn never() -> u8 { unreachable!() }
fn closures() {
    let f = |k| presign(k);
    let g = |k: &str| { let u = presign(k); u };
    let h = move || -> u64 { return 5; };
    let i = |k| async move { presign(k).await };
}
"#;
        let f = facts(src);
        let names: Vec<&str> = f
            .functions
            .iter()
            .map(|f| f.name.as_deref().unwrap_or("-"))
            .collect();
        assert_eq!(
            names,
            [
                "url", "pick", "unit", "semi", "mac", "never", "closures", "-", "-", "-", "-"
            ]
        );
        let params = |i: usize| -> Vec<(String, Option<usize>)> {
            f.functions[i]
                .params
                .iter()
                .map(|p| {
                    assert!(p.default.is_none() && !p.rest && p.field.is_none());
                    (p.name.clone(), p.position)
                })
                .collect()
        };
        // The receiver is no parameter; a destructured or ignored one keeps its position.
        assert_eq!(
            params(0),
            [("key".to_string(), Some(0)), ("ttl".to_string(), Some(1))]
        );
        assert_eq!(
            params(1),
            [("a".to_string(), Some(0)), ("z".to_string(), Some(3))]
        );
        assert_eq!(params(7), [("k".to_string(), Some(0))]);

        let returns: Vec<(Option<usize>, &str)> = f
            .returns
            .iter()
            .map(|r| (r.function, &src[r.value.span.clone()]))
            .collect();
        assert_eq!(
            returns,
            [
                (Some(0), "Err(E::Empty)"),
                (Some(0), "req.uri().to_string()"),
                (Some(1), "60"),
                (Some(1), "z * 2"),
                (Some(1), "DAY"),
                (Some(4), "format!(\"{k}\")"),
                (Some(7), "presign(k)"),
                (Some(8), "u"),
                (Some(9), "5"),
                (Some(10), "presign(k)"),
            ]
        );
        let kinds: Vec<String> = f
            .returns
            .iter()
            .map(|r| format!("{:?}", r.value.kind))
            .collect();
        assert!(kinds[1].starts_with("Call(CallExpr { callee: Expr { kind: Member("));
        assert!(kinds[2] == "Int(60)" && kinds[4] == "Name(\"DAY\")");
        assert_eq!(
            f.returns[5].value.as_call().and_then(CallExpr::name),
            Some("format!")
        );
        assert_eq!(
            f.returns[9].value.as_call().and_then(CallExpr::name),
            Some("presign")
        );
    }

    /// Inputs scored just under the limit parse without exhausting the parsing thread's stack.
    #[test]
    fn deepest_accepted_inputs_parse() {
        let shapes: [(&str, &str, &str); 14] = [
            ("fn f() { let x = ", "-", "1; }"),
            ("fn f() { let x = ", "!", "true; }"),
            ("fn f() { let x = ", "&", "1; }"),
            ("fn f() { let x = ", "*", "p; }"),
            ("fn f() { let x = ", "return ", "1; }"),
            ("fn f() { let x = ", "|x| ", "1; }"),
            ("fn f() { let x = ", "move || ", "1; }"),
            ("fn f() { x ", "= x ", "; }"),
            ("fn f() { let x = a", ".b()", "; }"),
            ("fn f() { let x = 1", " as u8", "; }"),
            ("type T = ", "Vec<", "u8>;"),
            ("type T = ", "&", "u8;"),
            ("type T = ", "fn() -> ", "u8;"),
            ("use ", "a::", "b;"),
        ];
        for (head, unit, tail) in shapes {
            let text = |n: usize| {
                let mut t = format!("{head}{}{tail}", unit.repeat(n));
                if unit == "Vec<" {
                    t = t.replace("u8>;", &format!("u8{};", ">".repeat(n)));
                }
                t
            };
            let cost =
                |n: usize| TokenStream::from_str(&text(n)).map_or(usize::MAX, |t| depth_cost(t, 0));
            let (mut lo, mut hi) = (0usize, 4 * MAX_COST);
            while lo + 1 < hi {
                let mid = (lo + hi) / 2;
                if cost(mid) <= MAX_COST {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            assert!(parse(&text(lo)).is_some(), "{unit:?} x {lo}");
            assert!(parse(&text(lo + 1)).is_none(), "{unit:?} x {}", lo + 1);
        }
    }

    #[test]
    fn malformed_and_pathological_input() {
        assert!(parse("fn f( {").is_none());
        assert!(parse("").is_some());
        for deep in [
            format!("fn f() {{ let x = {}1; }}", "-".repeat(100_000)),
            format!("fn f() {{ let x = a{}; }}", ".b()".repeat(100_000)),
            format!(
                "type T = {}u8{};",
                "Vec<".repeat(10_000),
                ">".repeat(10_000)
            ),
            format!("use {}b;", "a::".repeat(100_000)),
            format!("fn f() {{ let x = {}1; }}", "|x| ".repeat(100_000)),
            format!("fn f() {{ let x = {}1; }}", "return ".repeat(100_000)),
            format!("fn f() {{ let x = {}1; }}", "- #[a] ".repeat(100_000)),
            format!(
                "fn f() {{ let x = 1{}; }}",
                " - unsafe {{ 1 }} as u8".repeat(100_000)
            ),
            format!("fn f() {{ let x = 1{}; }}", " - loop {{}}".repeat(100_000)),
            // Calls of calls and indexes of indexes nest like a method chain.
            format!("fn f() {{ let u = presign{}; }}", "(1)".repeat(30_000)),
            format!("fn f() {{ let u = a{}; }}", "[0]".repeat(30_000)),
        ] {
            assert!(parse(&deep).is_none());
        }
    }
}
