//! The driver shared by every tree-sitter front end: one depth-first walk that asks the
//! language's [`Grammar`] what each node is and collects [`SyntaxFacts`], tracking the
//! enclosing loop and function. A language only describes its node kinds.

use std::cell::{Cell, RefCell};

use tree_sitter::{Node, TreeCursor};

use super::treesitter::{MAX_DEPTH, keyword_token, leading_keyword, text};
use crate::facts::{
    Binding, Call, CallExpr, Declared, Expr, ExprKind, Function, Import, LoopKind, Param, Receiver,
    Return, Span, SyntaxFacts,
};

/// What a node means to the walk.
pub enum Role {
    Call,
    /// Assignments and declarations: `Grammar::bindings` says which names get which values.
    Binding,
    /// A function, method or lambda body: its calls and bindings are scoped to it.
    Function,
    /// A loop; the span is its keyword or header (what a message points at).
    Loop(LoopKind, Span),
    Import,
    /// A parameter's or field's declaration with its type ([`Grammar::declared`]).
    Declaration,
    Other,
}

/// The node kinds of each role in a grammar, as data: the `[syntax]` table of the family's
/// catalog file, read by [`Grammar::role`]; a test checks each kind against the grammar
/// (`node_kinds.rs`).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NodeKinds {
    /// Calls, method calls and constructions.
    #[serde(default)]
    pub calls: Vec<String>,
    /// Assignments and declarations.
    #[serde(default)]
    pub bindings: Vec<String>,
    /// Functions, methods and lambdas.
    #[serde(default)]
    pub functions: Vec<String>,
    /// Loops over elements.
    #[serde(default)]
    pub for_loops: Vec<String>,
    /// Loops on a condition.
    #[serde(default)]
    pub while_loops: Vec<String>,
    #[serde(default)]
    pub imports: Vec<String>,
    /// Parameters and fields declared with a type ([`Grammar::declared`]).
    #[serde(default)]
    pub declarations: Vec<String>,
    /// Declarations that open a named class scope (classes, objects, namespaces).
    #[serde(default)]
    pub classes: Vec<String>,
    /// The function kinds that are lambdas: their scope may run any number of times.
    #[serde(default)]
    pub lambdas: Vec<String>,
    /// Bodies that open a function scope without being a function a caller names (static
    /// initializers, computed properties).
    #[serde(default)]
    pub initializers: Vec<String>,
    /// The keyword token a loop is reported at, where it is not the loop's first token (a
    /// Kotlin loop may start with a label).
    #[serde(default)]
    pub loop_keywords: std::collections::BTreeMap<String, String>,
}

/// An endless loop (Go's `for {}`, `for (;;)`, `while True:`, `while (true)`) that nothing
/// breaks out of: a service's or a worker's, each pass of which waits for an event (a tick, a
/// message, a request), not one pass per element of a batch. To the lints it is no loop: what
/// runs in it runs once per event, as a handler's code does; a loop over a batch inside it is
/// one. One with a `break` is a loop over pages until the last (`if not page.more: break`).
fn endless(node: Node<'_>) -> bool {
    endless_head(node) && !breaks(node)
}

/// Whether a `break` is written anywhere in `node` (within [`MAX_BREAK_SEARCH`] nodes; past
/// them, as if one were).
fn breaks(node: Node<'_>) -> bool {
    let mut cursor = node.walk();
    let mut seen = 0;
    loop {
        seen += 1;
        if seen > MAX_BREAK_SEARCH || matches!(cursor.node().kind(), "break_statement" | "break") {
            return true;
        }
        if cursor.goto_first_child() {
            continue;
        }
        loop {
            if cursor.node() == node {
                return false;
            }
            if cursor.goto_next_sibling() {
                break;
            }
            if !cursor.goto_parent() {
                return false;
            }
        }
    }
}

/// Nodes of a loop searched for a `break`: a worker's loop is a screenful.
const MAX_BREAK_SEARCH: usize = 20_000;

fn endless_head(node: Node<'_>) -> bool {
    let always = |c: Node<'_>| {
        let c = match c.kind() {
            "parenthesized_expression" => match super::treesitter::named_children(c).as_slice() {
                [only] => *only,
                _ => return false,
            },
            _ => c,
        };
        // A literal `false` never runs its body: no loop either.
        matches!(
            c.kind(),
            "true" | "boolean_literal" | "boolean" | "empty_statement"
        )
    };
    match node.child_by_field_name("condition") {
        Some(condition) => always(condition),
        // Nothing but the body (and comments): Go's `for {}`, C's `for (;;)`.
        None => {
            let body = node.child_by_field_name("body");
            body.is_some()
                && super::treesitter::named_children(node)
                    .into_iter()
                    .all(|c| Some(c) == body || c.kind() == "comment")
        }
    }
}

impl NodeKinds {
    /// The role of a node by its kind alone.
    pub fn role(&self, node: Node<'_>) -> Role {
        let kind = node.kind();
        let has = |kinds: &[String]| kinds.iter().any(|k| k == kind);
        let loop_at = |loop_kind| {
            let span = match self.loop_keywords.get(kind) {
                Some(keyword) => keyword_token(node, keyword),
                None => leading_keyword(node),
            };
            Role::Loop(loop_kind, span)
        };
        if has(&self.calls) {
            Role::Call
        } else if has(&self.bindings) {
            Role::Binding
        } else if has(&self.functions) {
            Role::Function
        } else if (has(&self.for_loops) || has(&self.while_loops)) && endless(node) {
            Role::Other
        } else if has(&self.for_loops) {
            loop_at(LoopKind::For)
        } else if has(&self.while_loops) {
            loop_at(LoopKind::While)
        } else if has(&self.imports) {
            Role::Import
        } else if has(&self.declarations) {
            Role::Declaration
        } else {
            Role::Other
        }
    }

    /// The scope a node opens by its kind alone (with the bytes it spans): a named class, a
    /// lambda, a function or a body run as one, a loop.
    pub fn scope(&self, node: Node<'_>) -> Option<(Span, Scope)> {
        let kind = node.kind();
        let has = |kinds: &[String]| kinds.iter().any(|k| k == kind);
        let scope = if has(&self.classes) {
            Scope::class_named(node)
        } else if has(&self.lambdas) {
            Scope::Lambda
        } else if has(&self.functions) || has(&self.initializers) {
            Scope::Function
        } else if has(&self.for_loops) || has(&self.while_loops) {
            // An endless loop too: it is no loop to the lints (see `endless`), but its
            // passes repeat what they hold.
            Scope::Loop
        } else {
            return None;
        };
        Some((node.byte_range(), scope))
    }

    /// Every kind the table names, and every loop keyword.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        [
            &self.calls,
            &self.bindings,
            &self.functions,
            &self.for_loops,
            &self.while_loops,
            &self.imports,
            &self.declarations,
            &self.classes,
            &self.lambdas,
            &self.initializers,
        ]
        .into_iter()
        .flatten()
        .chain(self.loop_keywords.values())
        .map(String::as_str)
    }
}

/// Calls that run the function they are given now, concurrently, each time they are called:
/// in a loop, one task per element (Swift's `Task { … }`, Kotlin's `launch { … }`, an
/// errgroup's `g.Go(func() error { … })`, an executor's `submit(() -> …)`). Go's `go
/// func() {…}()` and a JavaScript IIFE are called in place (see `invoked_in_place`).
pub const RUNS_FUNCTION_NOW: &[&str] = &[
    // Swift concurrency and Dispatch.
    "Task",
    "detached",
    "async",
    // Kotlin coroutines.
    "launch",
    // Scala.
    "Future",
    // Java's CompletableFuture and executors.
    "supplyAsync",
    "runAsync",
    "submit",
    "execute",
    // Go's errgroup.
    "Go",
    // Rust threads and tasks (an `async move { … }` block runs where it is written).
    "spawn",
    "spawn_blocking",
];

/// Whether a call runs a function among its arguments now (see [`RUNS_FUNCTION_NOW`]); also
/// JavaScript's `new Promise((resolve) => …)`, whose executor runs at once, and C#'s
/// `Task.Run(() => …)`.
pub fn runs_function_now(call: &CallExpr) -> bool {
    let Some(name) = call.name() else {
        return false;
    };
    let on_task = || {
        call.receiver()
            .and_then(Expr::path)
            .is_some_and(|p| matches!(p.as_slice(), ["Task"] | ["Task", "Factory"]))
    };
    RUNS_FUNCTION_NOW.contains(&name)
        || (call.is_new && name == "Promise")
        || (matches!(name, "Run" | "StartNew") && on_task())
}

/// Test assertions that the code they are given fails (throws, raises, panics). A presign
/// call inside one is made to be refused (a test that the SDK rejects an 8-day URL): it
/// signs nothing, so it is no presign site.
pub const EXPECTED_FAILURE: &[&str] = &[
    // Python: unittest and pytest, in a `with` statement (see `Grammar::expects_failure`).
    "assertRaises",
    "assertRaisesRegex",
    "assertRaisesRegexp",
    "raises",
    // JUnit, TestNG, AssertJ; Kotlin's kotlin.test and Kotest; ScalaTest.
    "assertThrows",
    "assertThrowsExactly",
    "expectThrows",
    "assertThatThrownBy",
    "isThrownBy",
    "assertFailsWith",
    "assertFails",
    "shouldThrow",
    "shouldThrowAny",
    "shouldThrowExactly",
    "intercept",
    "thrownBy",
    // xUnit, MSTest, FluentAssertions.
    "Throws",
    "ThrowsAsync",
    "ThrowsAny",
    "ThrowsAnyAsync",
    "ThrowsException",
    "ThrowsExceptionAsync",
    "Throw",
    "ThrowAsync",
    "ThrowExactly",
    "ThrowExactlyAsync",
    // Jest, Vitest, Chai, node:assert.
    "toThrow",
    "toThrowError",
    "throws",
    "rejects",
    "throw",
    // Minitest and Test::Unit (RSpec's `expect { … }.to raise_error` below).
    "assert_raises",
    "assert_raise",
    // testify.
    "Panics",
    "PanicsWithValue",
    "PanicsWithError",
    // XCTest.
    "XCTAssertThrowsError",
    // GoogleTest.
    "EXPECT_THROW",
    "ASSERT_THROW",
    "EXPECT_ANY_THROW",
    "ASSERT_ANY_THROW",
    "EXPECT_DEATH",
    "ASSERT_DEATH",
];

/// Whether a call asserts that the code in it fails: a name of [`EXPECTED_FAILURE`] not
/// negated on the way (`expect(f).not.toThrow()`, Chai's `.to.not.throw()`), or RSpec's
/// `expect { … }.to raise_error(E)`.
pub fn expects_failure(call: &CallExpr) -> bool {
    let Some(name) = call.name() else {
        return false;
    };
    let rspec = name == "to"
        && call.positional(0).is_some_and(|a| {
            matches!(&a.kind, ExprKind::Call(c)
                if matches!(c.name(), Some("raise_error" | "raise_exception")))
        });
    (rspec || EXPECTED_FAILURE.contains(&name)) && !negated(&call.callee, 0)
}

/// Whether a callee's chain holds a `not` (`expect(f).not.toThrow`).
fn negated(callee: &Expr, depth: usize) -> bool {
    if depth > 16 {
        return false;
    }
    match &callee.kind {
        ExprKind::Member(object, name) => {
            name.eq_ignore_ascii_case("not") || negated(object, depth + 1)
        }
        ExprKind::Call(c) => negated(&c.callee, depth + 1),
        _ => false,
    }
}

/// Methods (and functions: Python `map`, PHP `array_map`) whose function arguments run once
/// per element: calls in them are in a loop. Only a function (lambda, closure, block) among
/// the arguments runs per element; the receiver and other arguments are evaluated once.
pub const CALLBACK_METHODS: &[&str] = &[
    "map",
    "flatMap",
    "flat_map",
    "forEach",
    "for_each",
    "each",
    "filter_map",
    "collect",
    "reduce",
    "each_with_object",
    "Select",
    "ForEach",
    // JavaScript, Java and Kotlin streams and collections.
    "forEachOrdered",
    "mapToObj",
    "mapNotNull",
    "mapIndexed",
    "forEachIndexed",
    "associateWith",
    "associate",
    "onEach",
    "repeat",
    "toMap",
    "groupBy",
    // C# LINQ and `Parallel.ForEach`.
    "SelectMany",
    "ToDictionary",
    "ForEachAsync",
    // Ruby blocks.
    "each_with_index",
    "each_slice",
    "each_pair",
    "find_each",
    "find_in_batches",
    "in_batches",
    "map!",
    "collect_concat",
    "times",
    "upto",
    "downto",
    "loop",
    // PHP.
    "array_map",
    "array_walk",
    // Rust iterators.
    "try_for_each",
    "fold",
    // Swift sequences (`map`, `flatMap`, `forEach`, `reduce` are above).
    "compactMap",
    // C++ algorithms (`std::for_each` is `for_each` above).
    "transform",
    // Scala collections, `Future.traverse(keys)(k => …)` and Akka Streams.
    "foreach",
    "traverse",
    "foldLeft",
    "mapAsync",
    "mapAsyncUnordered",
];

/// One language's description of its syntax tree.
pub trait Grammar {
    /// Whether the grammar's external scanner can be given `text` without overrunning its
    /// serialization buffer or its time (Python's indentation, Ruby's heredocs, Scala's long
    /// lines: see `treesitter`). The other external scanners bound their own state:
    /// JavaScript, TypeScript and Kotlin keep none, C# and PHP stop serializing when full,
    /// C++ keeps one raw-string delimiter of at most 16 characters (its scanner stops reading
    /// a longer one, and asserts statically that 16 fit), Swift keeps the `#` count of one
    /// raw string in 4 bytes.
    fn scanner_bounded(&self, _text: &str) -> bool {
        true
    }
    /// The scope a node opens, with the bytes it spans (the node's, or an anonymous class's
    /// body), if any: by default its kind's scope in the family's node kinds
    /// ([`NodeKinds::scope`]); a language overrides it for the kinds whose scope depends on
    /// where they stand, and falls back to the table. Called before [`Grammar::role`] on
    /// every named node, in document order; the walk keeps the stack, which lowering reads
    /// ([`Lowering::scope`], [`Lowering::repeats`]).
    fn scope(
        &self,
        node: Node<'_>,
        _parent: Option<Node<'_>>,
        cx: &Lowering<'_>,
    ) -> Option<(Span, Scope)> {
        cx.kinds().scope(node)
    }
    /// What a node is to the walk: by default its kind's role in the family's node kinds
    /// ([`Lowering::kinds`]); a language overrides it for the kinds whose role depends on
    /// where they stand, and falls back to the table. `parent` is the walk's (asking
    /// `Node::parent` descends from the root on every call, quadratic on wide files).
    fn role(&self, node: Node<'_>, _parent: Option<Node<'_>>, cx: &Lowering<'_>) -> Role {
        cx.kinds().role(node)
    }
    /// Lowers an expression node (children through `cx.expr`).
    fn expr(&self, node: Node<'_>, cx: &Lowering<'_>) -> Expr;
    /// Lowers a node of role [`Role::Call`].
    fn call(&self, node: Node<'_>, cx: &Lowering<'_>) -> Option<CallExpr>;
    /// The names a [`Role::Binding`] node binds, with their values.
    fn bindings(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<(String, Expr)>;
    /// Parameter names of a [`Role::Function`] node: they shadow outer bindings with a value
    /// only known at run time.
    fn parameters(&self, _node: Node<'_>, _cx: &Lowering<'_>) -> Vec<String> {
        Vec::new()
    }

    /// The parameters of a [`Role::Function`] node as callers see them: position, name,
    /// default. By default every name of [`Grammar::parameters`] in order, without defaults;
    /// a language overrides it to read defaults, keyword-only and destructured parameters.
    fn params(&self, node: Node<'_>, cx: &Lowering<'_>) -> Vec<Param> {
        self.parameters(node, cx)
            .into_iter()
            .enumerate()
            .map(|(i, name)| Param::positional(name, i))
            .collect()
    }

    /// The value a node returns from its function: `return x` (every grammar names the
    /// statement `return_statement`, or `return` for Ruby); a language adds its implicit
    /// returns (an arrow's expression body, Ruby's last expression).
    fn return_value<'t>(&self, node: Node<'t>) -> Option<Node<'t>> {
        match node.kind() {
            "return_statement" | "return" => super::treesitter::named_children(node)
                .into_iter()
                .find(|c| !c.kind().contains("comment")),
            _ => None,
        }
    }

    /// Whether a node that is no call runs its children expecting them to fail (Python's
    /// `with pytest.raises(E):`): what they presign is refused by design (see
    /// [`expects_failure`]). Calls that do so (`assertThrows(…)`) need no override.
    fn expects_failure(&self, _node: Node<'_>, _cx: &Lowering<'_>) -> bool {
        false
    }

    /// Whether a node between a callback method's call and its function passes the call's
    /// loop on (argument lists and parentheses, [`is_wrapper`]).
    fn wraps_callback(&self, node: Node<'_>) -> bool {
        is_wrapper(node)
    }

    /// The declared name of a [`Role::Function`] node: its `name` field, else the name it is
    /// assigned to (`const presignAll = async (keys) => …`); `None` for anonymous functions.
    fn function_name(
        &self,
        node: Node<'_>,
        parent: Option<Node<'_>>,
        cx: &Lowering<'_>,
    ) -> Option<String> {
        let name = node.child_by_field_name("name").or_else(|| {
            let parent = parent?;
            match parent.kind() {
                "variable_declarator" => parent.child_by_field_name("name"),
                "assignment" | "assignment_expression" => parent.child_by_field_name("left"),
                // A class field holding an arrow (`getSignedUrl = async (key) => …`), an
                // object literal's method-valued key.
                "public_field_definition" | "field_definition" => parent
                    .child_by_field_name("name")
                    .or_else(|| parent.child_by_field_name("property")),
                "pair" => parent.child_by_field_name("key"),
                _ => None,
            }
        })?;
        let text = cx.text(name);
        text.chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
            .then(|| text.trim_start_matches('$').to_string())
    }

    /// What a [`Role::Import`] node imports.
    fn imports(&self, _node: Node<'_>, _cx: &Lowering<'_>) -> Vec<Import> {
        Vec::new()
    }

    /// The names a [`Role::Declaration`] or [`Role::Binding`] node declares with a type.
    fn declared(&self, _node: Node<'_>, _cx: &Lowering<'_>) -> Vec<Declared> {
        Vec::new()
    }

    /// The receiver of a [`Role::Function`] node that is a method declared outside its type
    /// ([`Function::receiver`]).
    fn receiver(&self, _node: Node<'_>, _cx: &Lowering<'_>) -> Option<Receiver> {
        None
    }
}

/// Lowering state: the source text, a depth guard against pathological nesting, and the
/// scopes open where the walk is.
pub struct Lowering<'s> {
    pub source: &'s str,
    depth: Cell<usize>,
    grammar: &'s dyn Grammar,
    kinds: &'s NodeKinds,
    scopes: RefCell<Scopes>,
}

/// What encloses a node, as far as bindings care (see [`Grammar::scope`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Scope {
    /// A class body; the byte range of its name, when it has one.
    Class(Option<Span>),
    /// A named function, method, constructor or initializer.
    Function,
    /// A lambda or closure: it may run any number of times.
    Lambda,
    Loop,
    /// A declaration, with the byte range of its type: its declarators may construct it (C++
    /// `S3Client client(config);`).
    Declaration(Span),
}

impl Scope {
    /// The class, namespace or object a declaration node opens, named by its `name` field.
    pub fn class_named(node: Node<'_>) -> Scope {
        Scope::Class(node.child_by_field_name("name").map(|n| n.byte_range()))
    }
}

/// Whether the statement holding the call at `cursor` leaves the loop around it: the call is
/// in a `return`, or a later statement of a block it is in, up to the loop, returns or
/// breaks unconditionally (`for f in files: if f.id == id: url = presign(f); return url`).
/// A conditional `break` after it (`if page.last: break`) leaves only on some passes.
fn leaves_loop_after(cursor: &TreeCursor<'_>, keyword: (usize, usize), cx: &Lowering<'_>) -> bool {
    let exits = |n: Node<'_>| match n.kind() {
        "return_statement" | "return" | "break_statement" | "break" | "return_expression" => true,
        // Swift's `return` and `break` are one kind of statement.
        "control_transfer_statement" => {
            let text = cx.text(n);
            text.starts_with("return") || text.starts_with("break")
        }
        _ => false,
    };
    // A statement that leaves on every path: an exit, or an `if` with an `else` whose
    // branches all end in one.
    fn always(n: Node<'_>, exits: &dyn Fn(Node<'_>) -> bool, depth: usize) -> bool {
        if exits(n) {
            return true;
        }
        if depth > MAX_EXIT_NESTING {
            return false;
        }
        fn statements(b: Node<'_>) -> Vec<Node<'_>> {
            super::treesitter::named_children(b)
                .into_iter()
                .filter(|c| !c.kind().contains("comment"))
                .collect()
        }
        if n.kind().starts_with("if") {
            let condition = n.child_by_field_name("condition");
            let branches: Vec<Node<'_>> = statements(n)
                .into_iter()
                .filter(|b| Some(*b) != condition)
                .collect();
            return branches.iter().any(|b| b.kind().contains("else"))
                && branches.len() >= 2
                && branches.iter().all(|b| always(*b, exits, depth + 1));
        }
        // A block or an `else`: its last statement.
        matches!(
            n.kind(),
            "block" | "compound_statement" | "statement_block" | "else_clause" | "else"
        ) && statements(n)
            .last()
            .is_some_and(|last| always(*last, exits, depth + 1))
    }
    // The nodes from the call up to the loop (the first that holds its keyword); a
    // function between them (a closure run per element, `g.Go(func() error { … })`) returns
    // from itself, not from the loop.
    let mut path = Vec::new();
    let mut up = cursor.clone();
    loop {
        let node = up.node();
        if node.start_byte() <= keyword.0 && keyword.1 <= node.end_byte() {
            break;
        }
        if path.len() >= MAX_EXIT_CLIMB
            || matches!(
                cx.kinds().scope(node),
                Some((_, Scope::Function | Scope::Lambda | Scope::Class(_)))
            ) && !path.is_empty()
        {
            return false;
        }
        path.push(node);
        if !up.goto_parent() {
            return false;
        }
    }
    for node in path {
        if exits(node) {
            return true;
        }
        let mut later = node.next_named_sibling();
        for _ in 0..MAX_EXIT_SIBLINGS {
            let Some(n) = later else { break };
            if always(n, &exits, 0) {
                return true;
            }
            later = n.next_named_sibling();
        }
    }
    false
}

/// How many levels up from a call in a loop, and how many later statements at each, an exit
/// is looked for.
const MAX_EXIT_CLIMB: usize = 32;
const MAX_EXIT_SIBLINGS: usize = 64;
/// How deep nested `if`/`else` branches are followed to see that each leaves.
const MAX_EXIT_NESTING: usize = 4;

/// The class a class declaration extends, as a (dotted) name: JavaScript's and TypeScript's
/// `extends BaseStorage`, Python's first base (`class S3(Base, Mixin)`), Java's and Ruby's
/// superclass, PHP's `extends`. Generic arguments are dropped (`Base<T>` is `Base`); a base
/// that is no name (`extends mixin(A, B)`) is none.
fn base_class(node: Node<'_>, cx: &Lowering<'_>) -> Option<String> {
    fn first(n: Node<'_>) -> Option<Node<'_>> {
        super::treesitter::named_children(n)
            .into_iter()
            .find(|c| !c.kind().contains("comment"))
    }
    let base = match node.child_by_field_name("superclass") {
        // Java's and Ruby's `superclass` node wraps the type.
        Some(s) if s.kind() == "superclass" => first(s)?,
        Some(s) => s,
        None => match node.child_by_field_name("superclasses") {
            Some(list) => first(list)?,
            None => {
                let clause = super::treesitter::named_children(node)
                    .into_iter()
                    .find(|c| matches!(c.kind(), "class_heritage" | "base_clause"))?;
                match clause.kind() {
                    "class_heritage" => {
                        let inner = first(clause)?;
                        match inner.kind() {
                            "extends_clause" => inner.child_by_field_name("value")?,
                            "implements_clause" => return None,
                            _ => inner,
                        }
                    }
                    _ => first(clause)?,
                }
            }
        },
    };
    let base = match base.kind() {
        "generic_type" => first(base)?,
        _ => base,
    };
    let text = cx.text(base);
    let text = text.split('<').next().unwrap_or(text).trim();
    (!text.is_empty()
        && text.len() <= 200
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '$' | '.' | ':' | '\\')))
    .then(|| text.replace("::", ".").replace('\\', "."))
}

/// The scopes enclosing the node the walk is at, kept as the walk goes (in document order)
/// instead of asking `Node::parent`, which descends from the root on every call and is
/// quadratic on wide files.
#[derive(Debug, Default)]
struct Scopes {
    /// End byte and kind of each open scope, innermost last.
    stack: Vec<(usize, Scope)>,
}

impl Scopes {
    /// Closes the scopes that end at or before `offset`.
    fn close(&mut self, offset: usize) {
        while self.stack.last().is_some_and(|(end, _)| *end <= offset) {
            self.stack.pop();
        }
    }

    fn enter(&mut self, range: Span, scope: Scope) {
        self.close(range.start);
        self.stack.push((range.end, scope));
    }
}

impl<'s> Lowering<'s> {
    /// The node kinds of each role in the grammar being lowered.
    pub fn kinds(&self) -> &NodeKinds {
        self.kinds
    }

    /// The innermost scope around a node matching `wanted`.
    fn innermost(&self, node: Node<'_>, wanted: impl Fn(&Scope) -> bool) -> Option<Scope> {
        let mut scopes = self.scopes.borrow_mut();
        scopes.close(node.start_byte());
        scopes
            .stack
            .iter()
            .rev()
            .map(|(_, s)| s)
            .find(|s| wanted(s))
            .cloned()
    }

    /// The innermost scope around a node.
    pub fn scope(&self, node: Node<'_>) -> Option<Scope> {
        self.innermost(node, |_| true)
    }

    /// The innermost class around a node, through functions and lambdas.
    pub fn class(&self, node: Node<'_>) -> Option<Scope> {
        self.innermost(node, |s| matches!(s, Scope::Class(_)))
    }

    /// The class a function node is a method of: the innermost class, function or lambda
    /// around it, other than its own scope (entered just before its role is asked), when that
    /// is a named class; its name's byte range.
    pub fn class_of_method(&self, node: Node<'_>) -> Option<Span> {
        let mut scopes = self.scopes.borrow_mut();
        scopes.close(node.start_byte());
        let mut open = scopes.stack.iter().rev().peekable();
        let _own = open.next_if(|(end, s)| {
            *end == node.end_byte() && matches!(s, Scope::Function | Scope::Lambda)
        });
        match open.find(|(_, s)| matches!(s, Scope::Class(_) | Scope::Function | Scope::Lambda)) {
            Some((_, Scope::Class(name))) => name.clone(),
            _ => None,
        }
    }

    /// A conditional expression, `condition ? then : otherwise` by its fields: the smaller
    /// or larger of the two when the condition compares just them (`ttl > MAX ? MAX : ttl`,
    /// see [`super::defaults::picks_extreme`]), else either ([`ExprKind::Choice`]).
    pub fn conditional(&self, node: Node<'_>, fields: [&str; 3]) -> ExprKind {
        let [condition, then, otherwise] = fields.map(|f| node.child_by_field_name(f));
        let (Some(then), Some(otherwise)) = (then, otherwise) else {
            return ExprKind::Choice(
                [then, otherwise]
                    .into_iter()
                    .flatten()
                    .map(|n| self.expr(n))
                    .collect(),
            );
        };
        match condition {
            Some(condition) => self.conditional_of(condition, then, otherwise, node),
            None => ExprKind::Choice(vec![self.expr(then), self.expr(otherwise)]),
        }
    }

    /// [`Lowering::conditional`] of a grammar that names no fields (Python's `then if
    /// condition else otherwise`).
    pub fn conditional_of(
        &self,
        condition: Node<'_>,
        then: Node<'_>,
        otherwise: Node<'_>,
        node: Node<'_>,
    ) -> ExprKind {
        let which = Some(condition).and_then(|c| {
            super::defaults::picks_extreme(self.text(c), self.text(then), self.text(otherwise))
        });
        let (then, otherwise) = (self.expr(then), self.expr(otherwise));
        match which {
            Some(which) => super::defaults::extreme(which, then, otherwise, node.byte_range()).kind,
            None => ExprKind::Choice(vec![then, otherwise]),
        }
    }

    /// The scopes open around a node, outermost first.
    pub fn scopes(&self, node: Node<'_>) -> Vec<Scope> {
        let mut scopes = self.scopes.borrow_mut();
        scopes.close(node.start_byte());
        scopes.stack.iter().map(|(_, s)| s.clone()).collect()
    }

    /// Whether a node may run more than once in its function: its innermost function, lambda
    /// or loop (classes and declarations aside) is a loop or a lambda.
    pub fn repeats(&self, node: Node<'_>) -> bool {
        let scope = self.innermost(node, |s| {
            matches!(s, Scope::Function | Scope::Lambda | Scope::Loop)
        });
        matches!(scope, Some(Scope::Lambda | Scope::Loop))
    }

    pub fn text(&self, node: Node<'_>) -> &'s str {
        text(node, self.source)
    }

    /// Lowers a child expression; beyond [`MAX_DEPTH`] it is `Unknown`.
    pub fn expr(&self, node: Node<'_>) -> Expr {
        let depth = self.depth.get();
        if depth >= MAX_DEPTH {
            return Expr::unknown(node.byte_range());
        }
        self.depth.set(depth + 1);
        let lowered = self.grammar.expr(node, self);
        self.depth.set(depth);
        // Settings read with or without a default, the same shape in every language.
        super::defaults::setting(lowered, self.source)
    }

    /// `target = v`, `target += v`: the name assigned (dotted for a member) and the value it
    /// holds after, for a grammar whose assignment node has `left_field`, `right_field` and an
    /// `operator` (`=` when absent). See [`Lowering::assigned_value`].
    pub fn assignment(
        &self,
        node: Node<'_>,
        left_field: &str,
        right_field: &str,
    ) -> Option<(String, Expr)> {
        let left = node.child_by_field_name(left_field)?;
        let right = node.child_by_field_name(right_field)?;
        let target = self.expr(left);
        let name = target.path()?.join(".");
        let op = node
            .child_by_field_name("operator")
            .map_or("=", |o| self.text(o));
        Some((name, self.assigned_value(node, op, target, right)))
    }

    /// The value `target op right` leaves in the target: `right` for `=`; `target + right`
    /// for `+=` (and `-=`, `*=`, `/=`), the target read being its previous binding, where the
    /// assignment runs once; unknown in a loop or lambda, or for any other operator.
    pub fn assigned_value(&self, node: Node<'_>, op: &str, target: Expr, right: Node<'_>) -> Expr {
        if op == "=" {
            return self.expr(right);
        }
        match op.strip_suffix('=').and_then(binop) {
            Some(op) if !self.repeats(node) => Expr {
                kind: crate::facts::ExprKind::Binary(
                    op,
                    Box::new(target),
                    Box::new(self.expr(right)),
                ),
                span: node.byte_range(),
            },
            _ => Expr::unknown(node.byte_range()),
        }
    }

    /// An arithmetic `left op right` node of a grammar with `operator`, `left` and `right`
    /// fields (every tree-sitter grammar here); any other operator is `Unknown`.
    pub fn binary(&self, node: Node<'_>) -> crate::facts::ExprKind {
        use crate::facts::{BinOp, ExprKind};
        // `a ?? b`, `a || b`, `a or b`, `a ?: b`: `a` unless it is absent, else `b`.
        if let (Some(op @ ("??" | "||" | "or" | "?:")), Some(l), Some(r)) = (
            node.child_by_field_name("operator").map(|o| self.text(o)),
            node.child_by_field_name("left"),
            node.child_by_field_name("right"),
        ) {
            let absence = match op {
                "??" | "?:" => crate::facts::Absence::Null,
                _ => crate::facts::Absence::Falsy,
            };
            return ExprKind::Fallback(vec![self.expr(l), self.expr(r)], absence);
        }
        let op = node
            .child_by_field_name("operator")
            .and_then(|o| match self.text(o) {
                // Python's floor division: the folder's results are whole seconds anyway.
                "//" => Some(BinOp::Div),
                op => binop(op),
            });
        match (
            op,
            node.child_by_field_name("left"),
            node.child_by_field_name("right"),
        ) {
            (Some(op), Some(l), Some(r)) => {
                ExprKind::Binary(op, Box::new(self.expr(l)), Box::new(self.expr(r)))
            }
            _ => ExprKind::Unknown,
        }
    }

    pub fn call(&self, node: Node<'_>) -> Option<CallExpr> {
        let depth = self.depth.get();
        if depth >= MAX_DEPTH {
            return None;
        }
        self.depth.set(depth + 1);
        let lowered = self.grammar.call(node, self);
        self.depth.set(depth);
        lowered
    }
}

/// The value of a lambda's body: its one expression, or else an anonymous call of its
/// statements' expressions, so what they build (a URL, a call) is still followed.
pub fn statements_value(mut exprs: Vec<Expr>, span: Span) -> Expr {
    if exprs.len() == 1 {
        return exprs.remove(0);
    }
    Expr {
        kind: ExprKind::Call(Box::new(CallExpr {
            callee: Expr::unknown(span.start..span.start),
            args: exprs
                .into_iter()
                .map(|value| crate::facts::Arg { name: None, value })
                .collect(),
            is_new: false,
            span: span.clone(),
        })),
        span,
    }
}

/// Whether a call constructs, in a language without `new` (Kotlin, Swift, Scala): its callee
/// names a type (`S3Client(…)`, `aws.S3Presigner(…)`), by the convention
/// that types are capitalised.
pub fn names_a_type(callee: &crate::facts::Expr) -> bool {
    use crate::facts::ExprKind;
    match &callee.kind {
        ExprKind::Name(n) | ExprKind::Member(_, n) => {
            n.starts_with(|c: char| c.is_ascii_uppercase())
        }
        _ => false,
    }
}

/// A call in a language without `new`, a construction when its callee names a type.
pub fn call_or_construction(callee: Expr, args: Vec<crate::facts::Arg>, span: Span) -> CallExpr {
    CallExpr {
        is_new: names_a_type(&callee),
        callee,
        args,
        span,
    }
}

/// The arithmetic operator a token names (`+=` callers strip the `=` first).
pub fn binop(op: &str) -> Option<crate::facts::BinOp> {
    use crate::facts::BinOp;
    match op {
        "+" => Some(BinOp::Add),
        "-" => Some(BinOp::Sub),
        "*" => Some(BinOp::Mul),
        "/" => Some(BinOp::Div),
        _ => None,
    }
}

#[derive(Clone, Copy)]
struct Context {
    enclosing_loop: Option<(LoopKind, (usize, usize))>,
    function: Option<usize>,
    /// Children are the arguments of a callback method (`items.map(...)`): a function among
    /// them runs per element, in this loop.
    callback: Option<(LoopKind, (usize, usize))>,
    /// Inside an assertion that the code fails (see [`expects_failure`]).
    expects_failure: bool,
}

/// Whether a function literal is called where it is written: the callee of a call, through
/// parentheses (Go `go func() {…}()`, `defer func() {…}()`, a JavaScript IIFE). `at` is a
/// cursor on the literal: climbing a cursor is cheap, `Node::parent` walks from the root.
fn invoked_in_place(at: &TreeCursor<'_>) -> bool {
    let mut up = at.clone();
    let mut node = up.node();
    for _ in 0..4 {
        if !up.goto_parent() {
            return false;
        }
        let parent = up.node();
        if parent.kind().starts_with("parenthesized") {
            node = parent;
            continue;
        }
        return parent
            .child_by_field_name("function")
            .is_some_and(|callee| callee.id() == node.id());
    }
    false
}

/// Walks a parsed tree and collects its facts.
pub fn collect(
    root: Node<'_>,
    source: &str,
    grammar: &dyn Grammar,
    kinds: &NodeKinds,
) -> SyntaxFacts {
    let cx = Lowering {
        source,
        depth: Cell::new(0),
        grammar,
        kinds,
        scopes: RefCell::new(Scopes::default()),
    };
    let mut facts = SyntaxFacts::default();
    let start = Context {
        enclosing_loop: None,
        function: None,
        callback: None,
        expects_failure: false,
    };
    // One cursor walks the whole tree: a cursor per node would allocate per node.
    visit(&mut root.walk(), None, start, 0, &cx, grammar, &mut facts);
    expect_failure_after_announcement(&mut facts);
    facts
}

/// The names a class's constructor is declared under (Python, JavaScript, Ruby, PHP, Swift);
/// Java's, C#'s and C++'s are named for their class.
const CONSTRUCTORS: &[&str] = &[
    "__init__",
    "constructor",
    "initialize",
    "__construct",
    "init",
];

/// Calls that announce that the rest of the test fails: PHPUnit's
/// `$this->expectException(E::class)` (and the older `setExpectedException`).
const ANNOUNCES_FAILURE: &[&str] = &["expectException", "setExpectedException"];

/// Marks the calls that follow a failure announcement in the same function as expected to
/// fail (see [`expects_failure`]): the test passes only if one of them throws.
fn expect_failure_after_announcement(facts: &mut SyntaxFacts) {
    let announced: Vec<(Option<usize>, usize)> = facts
        .calls
        .iter()
        .filter(|c| c.function.is_some())
        .filter(|c| {
            c.call
                .name()
                .is_some_and(|n| ANNOUNCES_FAILURE.contains(&n))
        })
        .map(|c| (c.function, c.call.span.end))
        .collect();
    for (function, after) in announced {
        for call in facts
            .calls
            .iter_mut()
            .filter(|c| c.function == function && c.call.span.start >= after)
        {
            call.expects_failure = true;
        }
    }
}

fn visit<'t>(
    cursor: &mut TreeCursor<'t>,
    parent: Option<Node<'t>>,
    mut ctx: Context,
    depth: usize,
    cx: &Lowering<'_>,
    grammar: &dyn Grammar,
    facts: &mut SyntaxFacts,
) {
    if depth > MAX_DEPTH {
        return;
    }
    let node = cursor.node();
    let mut child_ctx = Context {
        callback: None,
        ..ctx
    };
    if let Some((range, scope)) = grammar.scope(node, parent, cx) {
        if let Scope::Class(Some(name)) = &scope
            && let Some(base) = base_class(node, cx)
        {
            let class = cx.source.get(name.clone()).unwrap_or_default();
            facts.bases.push((class.to_string(), base));
        }
        cx.scopes.borrow_mut().enter(range, scope);
    }
    match grammar.role(node, parent, cx) {
        Role::Call => {
            if let Some(call) = cx.call(node) {
                if call.name().is_some_and(|n| CALLBACK_METHODS.contains(&n)) {
                    let at = call.callee.span.clone();
                    child_ctx.callback = Some((LoopKind::Callback, (at.start, at.end)));
                } else if runs_function_now(&call) {
                    // Its function runs in the loop around the call, once per iteration.
                    child_ctx.callback = ctx.enclosing_loop;
                }
                child_ctx.expects_failure |= expects_failure(&call);
                // A call after which the loop is left (`return presign(k)` once the element
                // is found, `url = presign(k); break`) runs once, not once per element.
                let enclosing_loop = ctx.enclosing_loop.filter(|(kind, keyword)| {
                    *kind == LoopKind::Callback || !leaves_loop_after(cursor, *keyword, cx)
                });
                facts.calls.push(Call {
                    call,
                    enclosing_loop: enclosing_loop.map(|(k, (s, e))| (k, s..e)),
                    function: ctx.function,
                    expects_failure: ctx.expects_failure,
                });
            }
        }
        Role::Binding => {
            // A declaration that binds may declare a type too (a class's typed field).
            facts.declared.extend(grammar.declared(node, cx));
            for (name, value) in grammar.bindings(node, cx) {
                // Only a parameter has a caller's value to keep under an `if`.
                let parameter = ctx
                    .function
                    .is_some_and(|f| facts.functions[f].params.iter().any(|p| p.name == name));
                // A setting's default filled in under a test that it is empty (Go's `ttl :=
                // os.Getenv("URL_TTL"); if ttl == "" { ttl = "604800" }`) keeps the setting too.
                let setting = !parameter
                    && matches!(
                        value.kind,
                        ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_)
                    )
                    && facts
                        .bindings
                        .iter()
                        .rev()
                        .take(MAX_SETTING_LOOKBACK)
                        .find(|b| b.name == name && b.function == ctx.function)
                        .is_some_and(|b| reads_setting(&b.value, 0));
                // A default overridden by an option when it is given (`expiry := 7 * day;
                // if opts.Expiry > 0 { expiry = opts.Expiry }`) keeps the default too.
                let overrides_default = !parameter
                    && !setting
                    && matches!(value.kind, ExprKind::Member(..) | ExprKind::Name(_))
                    && facts
                        .bindings
                        .iter()
                        .rev()
                        .take(MAX_SETTING_LOOKBACK)
                        .any(|b| b.name == name && b.function == ctx.function);
                let value = if overrides_default {
                    super::defaults::lower_override(cursor, cx.source, &name, value)
                } else {
                    super::defaults::lower(cursor, cx.source, &name, value, parameter || setting)
                };
                // Assigned in a branch over an earlier value, it is that value's alternative:
                // the other path keeps the earlier one (`ttl = 6 * day; if short { ttl = 900 }`).
                // Only a function's local variables: a setting or field assigned in a branch is
                // checked where it is assigned, with the value assigned there.
                let value = match value.kind {
                    ExprKind::Fallback(..) => value,
                    _ if !parameter
                        && ctx.function.is_some()
                        && !name.contains('.')
                        && facts
                            .bindings
                            .iter()
                            .rev()
                            .take(MAX_SETTING_LOOKBACK)
                            .any(|b| b.name == name && b.function == ctx.function)
                        && super::defaults::in_branch(cursor, cx.source, &name) =>
                    {
                        super::defaults::either_path(node, &name, value)
                    }
                    // A bound on the earlier value (`if ttl > MAX: ttl = MAX`): the smaller.
                    _ => super::defaults::bound(cursor, cx.source, &name, &value).unwrap_or(value),
                };
                facts.bindings.push(Binding {
                    name,
                    value,
                    span: node.byte_range(),
                    function: ctx.function,
                });
            }
        }
        Role::Function => {
            let name = grammar.function_name(node, parent, cx);
            let class = cx
                .class_of_method(node)
                .and_then(|c| cx.source.get(c))
                .map(str::to_string);
            // Named for the language's constructors, or for its class (Java, C#, C++).
            let constructor = name
                .as_deref()
                .is_some_and(|n| CONSTRUCTORS.contains(&n) || class.as_deref() == Some(n));
            facts.functions.push(Function {
                span: node.byte_range(),
                name,
                params: grammar.params(node, cx),
                parent: ctx.function,
                class,
                constructor,
                receiver: grammar.receiver(node, cx),
            });
            ctx.function = Some(facts.functions.len() - 1);
            for name in grammar.parameters(node, cx) {
                facts.bindings.push(Binding {
                    name,
                    value: Expr::unknown(node.start_byte()..node.start_byte()),
                    span: node.start_byte()..node.start_byte(),
                    function: ctx.function,
                });
            }
            child_ctx.function = ctx.function;
            // A function defined in a loop does not run per iteration; the callback of a
            // per-element method runs in that method's loop, and one called where it is
            // written (`go func(k string) {…}(k)`, `(() => {…})()`) in the loop around it.
            child_ctx.enclosing_loop = if invoked_in_place(cursor) {
                ctx.enclosing_loop
            } else {
                ctx.callback
            };
        }
        Role::Loop(kind, span) => {
            child_ctx.enclosing_loop = Some((kind, (span.start, span.end)));
        }
        Role::Import => facts.imports.extend(grammar.imports(node, cx)),
        Role::Declaration => facts.declared.extend(grammar.declared(node, cx)),
        Role::Other => {
            child_ctx.callback = ctx.callback.filter(|_| grammar.wraps_callback(node));
            child_ctx.expects_failure |= grammar.expects_failure(node, cx);
        }
    }
    if let Some(value) = grammar.return_value(node) {
        facts.returns.push(Return {
            function: ctx.function,
            value: cx.expr(value),
        });
    }
    if cursor.goto_first_child() {
        loop {
            if cursor.node().is_named() {
                visit(cursor, Some(node), child_ctx, depth + 1, cx, grammar, facts);
            }
            if !cursor.goto_next_sibling() {
                break;
            }
        }
        cursor.goto_parent();
    }
}

/// How many earlier bindings are searched for the setting a literal may be the default of.
const MAX_SETTING_LOOKBACK: usize = 256;

/// Whether a value is a setting, or a conversion or fallback of one.
fn reads_setting(expr: &Expr, depth: usize) -> bool {
    if depth > 4 {
        return false;
    }
    match &expr.kind {
        ExprKind::Setting(_) => true,
        ExprKind::Fallback(items, _) => items.first().is_some_and(|e| reads_setting(e, depth + 1)),
        ExprKind::FirstResult(inner) => reads_setting(inner, depth + 1),
        ExprKind::Call(c) => {
            c.args.len() <= 2 && c.positional(0).is_some_and(|e| reads_setting(e, depth + 1))
        }
        _ => false,
    }
}

/// Argument lists and parentheses between a callback method and its function.
pub fn is_wrapper(node: Node<'_>) -> bool {
    let kind = node.kind();
    kind.contains("argument")
        || kind.contains("parenthesized")
        || kind == "block_argument"
        || kind == "call_suffix"
}
