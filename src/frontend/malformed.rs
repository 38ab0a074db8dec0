//! Malformed and pathological input in every tree-sitter front end: whatever the parser's
//! error recovery hands the lowering (missing children, `ERROR` nodes, deep nesting, long
//! chains), the walk must not panic. One table for every language, so a new front end gets
//! the same shapes by adding its row.

use super::Language;
use super::test_support::facts;
use super::treesitter::parse;

/// `open` nested `n` times around `1`, closed with `close`.
fn nested(open: &str, close: &str, n: usize) -> String {
    format!("{}1{}", open.repeat(n), close.repeat(n))
}

/// Each language with inputs its grammar parses only by error recovery, or at a depth or
/// length its lowering must bound.
fn inputs() -> Vec<(Language, Vec<String>)> {
    let deep = |template: &str| template.replace("DEEP", &nested("(", ")", 500));
    vec![
        (
            Language::Python,
            vec![
                "s3.generate_presigned_url('get_object', ExpiresIn=".to_string(),
                "def f(:\n  x = = 1\n  lambda: ".to_string(),
                deep("x = DEEP\n"),
            ],
        ),
        (
            Language::Cpp,
            vec![
                "class { void f( { GeneratePresignedUrl(((( ; new ; x += ; } #define".to_string(),
                deep("int x = DEEP;"),
                format!("void f() {{ std::cout{}; }}", " << a".repeat(5000)),
            ],
        ),
        (
            Language::CSharp,
            vec![
                "client.GetPreSignedURL(new GetPreSignedUrlRequest { Expires = ".to_string(),
                "var = new { = 1 }; x. = ;".to_string(),
                "request.Expires = ; request.".to_string(),
                "\u{0}\u{feff}@\"".to_string(),
            ],
        ),
        (
            Language::Go,
            vec![
                "package p\nfunc f( { req.Presign(15 * time. }".to_string(),
                "x := := func(o *) { o. = }".to_string(),
                "var ( a = ".to_string(),
                "\u{0}\u{feff}func".to_string(),
                "(".repeat(10_000),
                format!("package p\nvar x = {}1", "-".repeat(5_000)),
            ],
        ),
        (
            Language::Java,
            vec![
                "class { void f( { presignGetObject(((( ; new ; x += ; }".to_string(),
                deep("class A { int x = DEEP; }"),
            ],
        ),
        (
            Language::Kotlin,
            vec![
                "fun f( { s3.presignGetObject(req, ) { = } val = ; x += ".to_string(),
                deep("val x = DEEP"),
            ],
        ),
        (
            Language::Php,
            vec![
                "<?php $s3->createPresignedRequest($cmd, ".to_string(),
                "<?php $a[ = ; $$x['k'] = 1; new ; fn( => ;".to_string(),
                "<?php $o->{'x'} = 1; $o::$ = 2; \"{$".to_string(),
                "no php tag \u{0}".to_string(),
            ],
        ),
        (
            Language::Ruby,
            vec![
                "obj.presigned_url(:get, expires_in: ".to_string(),
                "def f(\n  x = = 1\n  -> { ".to_string(),
                deep("x = DEEP\n"),
            ],
        ),
        (
            Language::Scala,
            vec![
                "object { def f( = { presignGetObject(((( ; new ; x += ; }".to_string(),
                deep("object A { val x = DEEP }"),
                format!("object A {{ val x = 1{} }}", " + 1".repeat(4000)),
            ],
        ),
        (
            Language::Swift,
            vec![
                "func ( { presignURL(((( ; let = ; x += ; } struct {".to_string(),
                deep("let x = DEEP"),
                format!("let s = {}\"x\"{}", "#".repeat(5000), "#".repeat(5000)),
            ],
        ),
    ]
    .into_iter()
    .chain(
        [Language::JavaScript, Language::TypeScript, Language::Tsx].map(|language| {
            (
                language,
                vec![
                    "getSignedUrl(client, cmd, { expiresIn: ".to_string(),
                    "const { a: } = require(;".to_string(),
                    "const x = require(`m`); import { } from ; class { static = ; }".to_string(),
                    "x += ; for (;;".to_string(),
                    "const s = '\\u{110000}\\x4';".to_string(),
                    "enum { = 1 }".to_string(),
                    format!("const x = {};", nested("(", ")", 2000)),
                    format!("f({});", nested("{a:", "}", 2000)),
                ],
            )
        }),
    )
    .collect()
}

#[test]
fn malformed_and_pathological_input_does_not_panic() {
    let mut lowered = 0;
    for (language, sources) in inputs() {
        for src in sources {
            // Inputs the parser refuses (over a bound) have nothing to lower.
            if parse(language, &src).is_some() {
                let _ = facts(language, &src).calls.len();
                lowered += 1;
            }
        }
    }
    assert!(lowered >= 30, "only {lowered} inputs lowered");
}

#[test]
fn every_tree_sitter_language_has_malformed_inputs() {
    let covered: Vec<Language> = inputs().into_iter().map(|(l, _)| l).collect();
    for profile in super::profile::PROFILES {
        for entry in profile.languages {
            if matches!(entry.front_end, super::profile::FrontEnd::TreeSitter { .. }) {
                assert!(covered.contains(&entry.language), "{:?}", entry.language);
            }
        }
    }
}
