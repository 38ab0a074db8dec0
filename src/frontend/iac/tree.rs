//! One spanned document tree for the three input formats: JSON (jsonc-parser), YAML
//! (saphyr-parser events, CloudFormation short-form tags kept as `Fn::X` maps) and the HCL
//! objects of `jsonencode({...})` (built in `terraform.rs`). CloudFormation intrinsics
//! (`Ref`, `Fn::Sub`, `Fn::GetAtt`, `Fn::Join`) are lowered to strings with `${…}` parts.

use std::borrow::Cow;

use crate::facts::Span;

/// Deepest nesting the tree walks follow; deeper documents are not policies.
pub const MAX_DEPTH: usize = 128;

#[derive(Clone, Debug)]
pub struct Node {
    pub kind: Kind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum Kind {
    /// A string, number or boolean, as text.
    Scalar(String),
    /// A string with parts only known at deploy time, shown as `${…}`.
    Template(String),
    List(Vec<Node>),
    Map(Vec<(Key, Node)>),
    /// Null, aliases, function calls, anything else.
    Unknown,
}

#[derive(Clone, Debug)]
pub struct Key {
    pub name: String,
    pub span: Span,
}

impl Node {
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|(_, v)| v)
    }

    pub fn entry(&self, key: &str) -> Option<(&Key, &Node)> {
        match &self.kind {
            Kind::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.name == key)
                .map(|(k, v)| (k, v)),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::Scalar(s) => Some(s),
            _ => None,
        }
    }

    /// The node as policy value text: `(text, literal)`.
    pub fn text(&self) -> (String, bool) {
        match &self.kind {
            Kind::Scalar(s) if s.contains("${") => (s.clone(), false),
            Kind::Scalar(s) => (s.clone(), true),
            Kind::Template(s) => (s.clone(), false),
            _ => ("${…}".to_string(), false),
        }
    }

    /// Every span in the tree set to `span` (a document decoded from an escaped string, whose
    /// inner positions do not map to the file).
    pub fn respan(&mut self, span: &Span) {
        self.span = span.clone();
        match &mut self.kind {
            Kind::List(items) => items.iter_mut().for_each(|n| n.respan(span)),
            Kind::Map(entries) => entries.iter_mut().for_each(|(k, v)| {
                k.span = span.clone();
                v.respan(span);
            }),
            _ => {}
        }
    }
}

/// Parses JSON (comments and trailing commas tolerated); `offset` is added to every span.
pub fn parse_json(text: &str, offset: usize) -> Option<Node> {
    let result = jsonc_parser::parse_to_ast(
        text,
        &jsonc_parser::CollectOptions::default(),
        &jsonc_parser::ParseOptions::default(),
    )
    .ok()?;
    let value = result.value?;
    Some(lower(from_json(&value, offset, 0)))
}

fn from_json(value: &jsonc_parser::ast::Value<'_>, offset: usize, depth: usize) -> Node {
    use jsonc_parser::ast::{ObjectPropName, Value};
    let span = |r: &jsonc_parser::common::Range| r.start + offset..r.end + offset;
    if depth > MAX_DEPTH {
        return Node {
            kind: Kind::Unknown,
            span: offset..offset,
        };
    }
    match value {
        Value::StringLit(s) => Node {
            kind: Kind::Scalar(s.value.to_string()),
            span: span(&s.range),
        },
        Value::NumberLit(n) => Node {
            kind: Kind::Scalar(n.value.to_string()),
            span: span(&n.range),
        },
        Value::BooleanLit(b) => Node {
            kind: Kind::Scalar(b.value.to_string()),
            span: span(&b.range),
        },
        Value::NullKeyword(n) => Node {
            kind: Kind::Unknown,
            span: span(&n.range),
        },
        Value::Array(a) => Node {
            kind: Kind::List(
                a.elements
                    .iter()
                    .map(|e| from_json(e, offset, depth + 1))
                    .collect(),
            ),
            span: span(&a.range),
        },
        Value::Object(o) => Node {
            kind: Kind::Map(
                o.properties
                    .iter()
                    .map(|p| {
                        let (name, range) = match &p.name {
                            ObjectPropName::String(s) => (s.value.to_string(), &s.range),
                            ObjectPropName::Word(w) => (w.value.to_string(), &w.range),
                        };
                        (
                            Key {
                                name,
                                span: span(range),
                            },
                            from_json(&p.value, offset, depth + 1),
                        )
                    })
                    .collect(),
            ),
            span: span(&o.range),
        },
    }
}

/// Parses a TOML document (`toml_edit`, which keeps the spans): tables and dotted keys as
/// maps, arrays and arrays of tables as lists, every other value a scalar with its text.
pub fn parse_toml(text: &str) -> Option<Node> {
    let document = toml_edit::ImDocument::parse(text).ok()?;
    Some(from_toml_table(document.as_table(), 0))
}

fn from_toml_table(table: &dyn toml_edit::TableLike, depth: usize) -> Node {
    let entries = table
        .iter()
        .filter_map(|(name, item)| {
            let key = table.key(name)?;
            let span = key.span().unwrap_or(0..0);
            let value = from_toml_item(item, depth + 1);
            Some((
                Key {
                    name: name.to_string(),
                    span,
                },
                value,
            ))
        })
        .collect();
    Node {
        kind: Kind::Map(entries),
        span: 0..0,
    }
}

fn from_toml_item(item: &toml_edit::Item, depth: usize) -> Node {
    use toml_edit::Item;
    if depth > MAX_DEPTH {
        return Node {
            kind: Kind::Unknown,
            span: 0..0,
        };
    }
    match item {
        Item::Value(value) => from_toml_value(value, depth),
        Item::Table(table) => Node {
            span: table.span().unwrap_or(0..0),
            ..from_toml_table(table, depth)
        },
        Item::ArrayOfTables(tables) => Node {
            kind: Kind::List(
                tables
                    .iter()
                    .map(|t| from_toml_table(t, depth + 1))
                    .collect(),
            ),
            span: tables.span().unwrap_or(0..0),
        },
        Item::None => Node {
            kind: Kind::Unknown,
            span: 0..0,
        },
    }
}

fn from_toml_value(value: &toml_edit::Value, depth: usize) -> Node {
    use toml_edit::Value;
    let span = value.span().unwrap_or(0..0);
    let kind = match value {
        Value::String(s) => Kind::Scalar(s.value().clone()),
        Value::Integer(i) => Kind::Scalar(i.value().to_string()),
        Value::Float(f) => Kind::Scalar(f.value().to_string()),
        Value::Boolean(b) => Kind::Scalar(b.value().to_string()),
        Value::Datetime(d) => Kind::Scalar(d.value().to_string()),
        Value::Array(items) if depth <= MAX_DEPTH => Kind::List(
            items
                .iter()
                .map(|v| from_toml_value(v, depth + 1))
                .collect(),
        ),
        Value::InlineTable(table) if depth <= MAX_DEPTH => {
            return Node {
                span,
                ..from_toml_table(table, depth)
            };
        }
        Value::Array(_) | Value::InlineTable(_) => Kind::Unknown,
    };
    Node { kind, span }
}

/// Parses every document of a YAML stream. `None` when the stream does not parse (or nests
/// deeper than [`MAX_DEPTH`]).
pub fn parse_yaml(text: &str) -> Option<Vec<Node>> {
    use saphyr_parser::{Event, Parser};
    let offsets = Offsets::new(text);
    let mut docs = Vec::new();
    // Open collections: the node being built and, for maps, a pending key.
    enum Open {
        List(Vec<Node>, usize),
        Map(Vec<(Key, Node)>, Option<Key>, usize),
    }
    let mut stack: Vec<(Open, Option<String>)> = Vec::new();
    let push = |stack: &mut Vec<(Open, Option<String>)>, docs: &mut Vec<Node>, node: Node| {
        let node = match stack.last_mut() {
            None => {
                docs.push(node);
                return;
            }
            Some((Open::List(items, _), _)) => {
                items.push(node);
                return;
            }
            Some((Open::Map(entries, pending, _), _)) => match pending.take() {
                Some(key) => {
                    entries.push((key, node));
                    return;
                }
                None => node,
            },
        };
        // A key: only scalar keys are kept (complex keys never name policy fields).
        if let Some((Open::Map(_, pending, _), _)) = stack.last_mut() {
            *pending = Some(Key {
                name: match &node.kind {
                    Kind::Scalar(s) | Kind::Template(s) => s.clone(),
                    _ => String::new(),
                },
                span: node.span,
            });
        }
    };
    for item in Parser::new_from_str(text) {
        let (event, span) = item.ok()?;
        let start = offsets.byte(span.start.index());
        let end = offsets.byte(span.end.index()).max(start);
        match event {
            Event::Scalar(value, _, _, tag) => {
                let node = Node {
                    kind: Kind::Scalar(value.into_owned()),
                    span: start..end,
                };
                let node = tagged(node, tag.as_deref().and_then(short_form));
                push(&mut stack, &mut docs, node);
            }
            Event::Alias(_) => push(
                &mut stack,
                &mut docs,
                Node {
                    kind: Kind::Unknown,
                    span: start..end,
                },
            ),
            Event::SequenceStart(_, tag) => {
                if stack.len() >= MAX_DEPTH {
                    return None;
                }
                let tag = tag.as_deref().and_then(short_form);
                stack.push((Open::List(Vec::new(), start), tag));
            }
            Event::MappingStart(_, tag) => {
                if stack.len() >= MAX_DEPTH {
                    return None;
                }
                let tag = tag.as_deref().and_then(short_form);
                stack.push((Open::Map(Vec::new(), None, start), tag));
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (open, tag) = stack.pop()?;
                let node = match open {
                    Open::List(items, s) => Node {
                        kind: Kind::List(items),
                        span: s..end.max(s),
                    },
                    Open::Map(entries, _, s) => Node {
                        kind: Kind::Map(entries),
                        span: s..end.max(s),
                    },
                };
                push(&mut stack, &mut docs, tagged(node, tag));
            }
            Event::StreamEnd => break,
            _ => {}
        }
    }
    Some(docs.into_iter().map(lower).collect())
}

/// `!Sub` → `Fn::Sub`, `!Ref` → `Ref`; core-schema tags (`!!str`) and others are dropped.
fn short_form(tag: &saphyr_parser::Tag) -> Option<String> {
    if tag.handle != "!" || tag.suffix.is_empty() {
        return None;
    }
    Some(match tag.suffix.as_str() {
        "Ref" | "Condition" => tag.suffix.clone(),
        other => format!("Fn::{other}"),
    })
}

fn tagged(node: Node, tag: Option<String>) -> Node {
    match tag {
        Some(name) => Node {
            span: node.span.clone(),
            kind: Kind::Map(vec![(
                Key {
                    name,
                    span: node.span.clone(),
                },
                node,
            )]),
        },
        None => node,
    }
}

/// Lowers CloudFormation intrinsic functions, bottom-up: `Ref`, `Fn::GetAtt`, `Fn::Sub`,
/// `Fn::Join` become strings with `${…}` parts; other `Fn::` calls are unknown.
pub fn lower(node: Node) -> Node {
    lower_at(node, 0)
}

fn lower_at(node: Node, depth: usize) -> Node {
    let Node { kind, span } = node;
    if depth > MAX_DEPTH {
        return Node {
            kind: Kind::Unknown,
            span,
        };
    }
    let kind = match kind {
        Kind::List(items) => {
            Kind::List(items.into_iter().map(|n| lower_at(n, depth + 1)).collect())
        }
        Kind::Map(entries) => {
            let mut entries: Vec<(Key, Node)> = entries
                .into_iter()
                .map(|(k, v)| (k, lower_at(v, depth + 1)))
                .collect();
            let intrinsic = entries.len() == 1
                && (entries[0].0.name == "Ref" || entries[0].0.name.starts_with("Fn::"));
            match entries.pop() {
                Some((key, arg)) if intrinsic => intrinsic_value(&key.name, arg),
                Some(last) => {
                    entries.push(last);
                    Kind::Map(entries)
                }
                None => Kind::Map(entries),
            }
        }
        other => other,
    };
    Node { kind, span }
}

fn intrinsic_value(name: &str, arg: Node) -> Kind {
    let text = |n: &Node| -> Option<String> {
        match &n.kind {
            Kind::Scalar(s) | Kind::Template(s) => Some(s.clone()),
            _ => None,
        }
    };
    match name {
        "Ref" => text(&arg).map_or(Kind::Unknown, |s| Kind::Template(format!("${{{s}}}"))),
        "Fn::GetAtt" => match &arg.kind {
            Kind::Scalar(s) => Kind::Template(format!("${{{s}}}")),
            Kind::List(parts) => {
                let parts: Option<Vec<String>> = parts.iter().map(text).collect();
                parts.map_or(Kind::Unknown, |p| {
                    Kind::Template(format!("${{{}}}", p.join(".")))
                })
            }
            _ => Kind::Unknown,
        },
        "Fn::Sub" => {
            let template = match &arg.kind {
                Kind::List(parts) => parts.first().and_then(|p| p.as_str().map(str::to_string)),
                Kind::Scalar(s) => Some(s.clone()),
                _ => None,
            };
            match template {
                Some(s) if s.contains("${") => Kind::Template(s),
                Some(s) => Kind::Scalar(s),
                None => Kind::Unknown,
            }
        }
        "Fn::Join" => {
            let Kind::List(args) = &arg.kind else {
                return Kind::Unknown;
            };
            let (Some(separator), Some(Kind::List(parts))) = (
                args.first().and_then(Node::as_str),
                args.get(1).map(|n| &n.kind),
            ) else {
                return Kind::Unknown;
            };
            let mut literal = true;
            let mut pieces = Vec::new();
            for part in parts {
                match &part.kind {
                    Kind::Scalar(s) => pieces.push(Cow::Borrowed(s.as_str())),
                    Kind::Template(s) => {
                        literal = false;
                        pieces.push(Cow::Borrowed(s.as_str()));
                    }
                    _ => {
                        literal = false;
                        pieces.push(Cow::Borrowed("${…}"));
                    }
                }
            }
            let joined = pieces.join(separator);
            if literal {
                Kind::Scalar(joined)
            } else {
                Kind::Template(joined)
            }
        }
        _ => Kind::Unknown,
    }
}

/// saphyr reports character indices; spans are bytes.
struct Offsets {
    /// Byte offset of each character, when the text is not ASCII.
    chars: Option<Vec<usize>>,
    len: usize,
}

impl Offsets {
    fn new(text: &str) -> Offsets {
        Offsets {
            chars: (!text.is_ascii()).then(|| text.char_indices().map(|(i, _)| i).collect()),
            len: text.len(),
        }
    }

    fn byte(&self, index: usize) -> usize {
        match &self.chars {
            None => index.min(self.len),
            Some(chars) => chars.get(index).copied().unwrap_or(self.len),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_short_forms_and_spans() {
        let text = "Resources:\n  P:\n    Resource: !Sub 'arn:aws:s3:::${B}/*'\n    Ref: !Ref B\n    J: !Join ['', ['arn:aws:s3:::', !Ref B, '/*']]\n    L: plain\n";
        let docs = parse_yaml(text).expect("parses");
        let p = docs[0]
            .get("Resources")
            .and_then(|r| r.get("P"))
            .expect("P");
        assert!(
            matches!(&p.get("Resource").expect("r").kind, Kind::Template(s) if s == "arn:aws:s3:::${B}/*")
        );
        assert!(matches!(&p.get("Ref").expect("r").kind, Kind::Template(s) if s == "${B}"));
        assert!(
            matches!(&p.get("J").expect("j").kind, Kind::Template(s) if s == "arn:aws:s3:::${B}/*")
        );
        let (key, value) = p.entry("L").expect("L");
        assert_eq!(&text[key.span.clone()], "L");
        assert_eq!(&text[value.span.clone()], "plain");
    }

    #[test]
    fn json_spans_with_offset_and_non_ascii() {
        let text = "{\"é\": [\"s3:*\"], \"Ref\": 1}";
        let node = parse_json(text, 10).expect("parses");
        let (_, v) = node.entry("é").expect("key");
        let Kind::List(items) = &v.kind else {
            panic!("list")
        };
        assert_eq!(
            &text[items[0].span.start - 10..items[0].span.end - 10],
            "\"s3:*\""
        );
        let yaml = parse_yaml("k: \"é\"\nv: s3:*\n").expect("yaml");
        let v = yaml[0].get("v").expect("v");
        assert_eq!(&"k: \"é\"\nv: s3:*\n"[v.span.clone()], "s3:*");
    }

    #[test]
    fn bad_input_yields_nothing() {
        assert!(parse_yaml("a: [b\n  c: }").is_none());
        assert!(parse_json("{\"a\": ", 0).is_none());
        assert!(parse_yaml(&"[".repeat(10_000)).is_none());
    }
}
