//! Reading the lint documentation of `lints/*.md` (compiled in): sections for `explain` and
//! SARIF, and the example code blocks that run as tests.

/// An example block of a lint doc: ```` ```<ext> bad|good [file=NAME] [expect=LINE:lint] ````.
#[derive(Debug)]
pub struct Example {
    pub bad: bool,
    /// File name the example is linted as.
    pub file_name: String,
    pub code: String,
    /// Expectations given in the info string, for formats without comments.
    pub expect: Vec<(usize, String)>,
    /// Line of the opening fence in the doc, for error messages.
    pub doc_line: usize,
}

/// The text under `## What it does` up to its first subsection (a reference list such as
/// the SDKs the expiry lint knows), as one paragraph.
pub fn what_it_does(doc: &str) -> String {
    let body = section(doc, "What it does");
    let body = body.find("\n### ").map_or(body, |end| &body[..end]);
    body.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A lint doc as readers see it (`explain`, SARIF help): the test markers of its examples
/// removed. Fences keep their language only (`py bad file=x.py` becomes `py`), and
/// `# expect: lint` comments go, with their comment leader when nothing else was said.
pub fn for_readers(doc: &str) -> String {
    let mut out = String::with_capacity(doc.len());
    let mut in_code = false;
    for line in doc.lines() {
        let trimmed = line.trim_start();
        if let Some(info) = trimmed.strip_prefix("```") {
            let indent = &line[..line.len() - trimmed.len()];
            let language = if in_code {
                ""
            } else {
                info.split_whitespace().next().unwrap_or("")
            };
            out.push_str(&format!("{indent}```{language}\n"));
            in_code = !in_code;
            continue;
        }
        if in_code && let Some(kept) = without_marker(line) {
            if kept.is_empty() {
                continue;
            }
            out.push_str(kept);
            out.push('\n');
            continue;
        }
        // Notes to maintainers (a generated list's markers) are not for readers.
        if !in_code && trimmed.starts_with("<!--") && trimmed.trim_end().ends_with("-->") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The line without its `expect: lint` marker (and a comment leader left bare), or `None`
/// when it has none.
fn without_marker(line: &str) -> Option<&str> {
    let at = line.match_indices("expect").map(|(i, _)| i).find(|&i| {
        let after = line[i + "expect".len()..].trim_start_matches('^');
        after.strip_prefix(':').is_some_and(|list| {
            list.trim_start()
                .starts_with(|c: char| c.is_ascii_lowercase())
        })
    })?;
    let mut kept = line[..at].trim_end();
    for leader in ["<!--", "/*", "//", "#", ";", "--"] {
        if let Some(bare) = kept.strip_suffix(leader) {
            kept = bare.trim_end();
            break;
        }
    }
    Some(kept)
}

/// The body of a `## heading` section.
pub fn section<'a>(doc: &'a str, heading: &str) -> &'a str {
    let marker = format!("## {heading}");
    let Some(start) = doc.find(&marker) else {
        return "";
    };
    let body = &doc[start + marker.len()..];
    let end = body.find("\n## ").unwrap_or(body.len());
    body[..end].trim()
}

pub fn examples(doc: &str) -> Vec<Example> {
    let mut examples = Vec::new();
    let mut lines = doc.lines().enumerate();
    while let Some((i, line)) = lines.next() {
        let Some(info) = line.trim_start().strip_prefix("```") else {
            continue;
        };
        let mut tokens = info.split_whitespace();
        let ext = tokens.next().unwrap_or("");
        let mut bad = None;
        let mut file_name = format!("example.{ext}");
        let mut expect = Vec::new();
        for token in tokens {
            match token {
                "bad" => bad = Some(true),
                "good" => bad = Some(false),
                _ => {
                    if let Some(name) = token.strip_prefix("file=") {
                        file_name = name.to_string();
                    } else if let Some((line, lint)) = token
                        .strip_prefix("expect=")
                        .and_then(|e| e.split_once(':'))
                        && let Ok(line) = line.parse()
                    {
                        expect.push((line, lint.to_string()));
                    }
                }
            }
        }
        let mut code = String::new();
        for (_, body) in lines.by_ref() {
            if body.trim_start().starts_with("```") {
                break;
            }
            code.push_str(body);
            code.push('\n');
        }
        if let Some(bad) = bad {
            examples.push(Example {
                bad,
                file_name,
                code,
                expect,
                doc_line: i + 1,
            });
        }
    }
    examples
}

#[cfg(test)]
mod tests {
    #[test]
    fn readers_see_no_test_markers() {
        let doc = "Intro: expect: nothing here is code.\n\n```py bad file=a.py expect=3:x-y\nurl = presign(ExpiresIn=86400)  # expect: excessive-expiry\n# expect^: presign-in-loop\nkeep = 1  # a comment\n<!-- expect: hardcoded-presigned-url -->\n```\n";
        assert_eq!(
            super::for_readers(doc),
            "Intro: expect: nothing here is code.\n\n```py\nurl = presign(ExpiresIn=86400)\nkeep = 1  # a comment\n```\n"
        );
    }

    use super::*;

    #[test]
    fn reads_sections_and_examples() {
        let doc = "# x\n\n## What it does\nFinds\nthings.\n\n## Example\n```py bad\na = 1  # expect: x\n```\n```json good file=p.json expect=2:x\n{}\n```\n```text\nprose\n```\n";
        assert_eq!(what_it_does(doc), "Finds things.");
        let ex = examples(doc);
        assert_eq!(ex.len(), 2);
        assert!(ex[0].bad);
        assert_eq!(ex[0].file_name, "example.py");
        assert_eq!(ex[1].file_name, "p.json");
        assert_eq!(ex[1].expect, [(2, "x".to_string())]);
    }
}
