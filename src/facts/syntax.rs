//! What a parsed source file says, lowered to shapes every language shares: expressions,
//! calls, bindings, functions, imports, loops and where output goes. Nothing here knows a
//! syntax tree: a Python keyword argument, a JS options object and a C# object initializer
//! all arrive as the same [`Expr`] shapes.

use super::Span;

/// An expression, lowered just enough to resolve expiries: literals, names, member access,
/// calls, arithmetic and object-like literals. Anything else is [`ExprKind::Unknown`].
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Expr {
    pub kind: ExprKind,
    /// Byte range in the file.
    pub span: Span,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub enum ExprKind {
    Int(i128),
    Float(f64),
    /// A string literal, decoded.
    Str(String),
    Bool(bool),
    Null,
    /// A plain identifier.
    Name(String),
    /// `object.field` (also `Type::CONST`, `obj->field`).
    Member(Box<Expr>, String),
    /// A call, method call or constructor (`new`).
    Call(Box<CallExpr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    Neg(Box<Expr>),
    /// Dicts, object literals, object initializers, keyword hashes, struct literals, and the
    /// assignments inside a configuring closure (`func(o *Options) { o.Expires = d }`,
    /// Kotlin `{ expiresAfter = 8.hours }`): key → value.
    Object(Vec<Field>),
    Array(Vec<Expr>),
    /// A string built at run time from the expressions it interpolates (literal pieces left
    /// out): f-strings, template literals, `"#{x}"`, `$"{x}"`, `"$x"`, PHP `"{$x}"`, Python
    /// `"…" % x`, Rust `format!("{x}")` captures. Never folded to a value.
    Interpolated(Vec<Expr>),
    /// One of these values, decided at run time: `c ? a : b`. Never folded, but what it may
    /// be built from is followed.
    Choice(Vec<Expr>),
    /// `[value, default]`: the value unless it is absent, else the default: `a ?? b`,
    /// `a || b`, `x ||= b`, and a parameter given a default under a test that it is absent
    /// (`if ttl is None: ttl = 600`).
    Fallback(Vec<Expr>, Absence),
    /// The first result of a multi-value call (Go `url, err := req.Presign(d)`). Never folded.
    FirstResult(Box<Expr>),
    /// A setting read at run time from outside the program: an environment variable
    /// (`process.env.X`, `os.Getenv("X")`, `ENV["X"]`), a configuration key, a filter hook.
    /// Its value is not known here; a lookup with a default (`os.environ.get("URL_TTL",
    /// 604800)`, `process.env.X ?? 86400`, `@Value("${x:604800}")`, `apply_filters('hook',
    /// '+6 hours')`) lowers to a [`ExprKind::Fallback`] of it and the default, which is the
    /// value the program runs with when the setting is not set.
    Setting(Box<Setting>),
    /// `await x`, parentheses, casts and other wrappers that do not change the value.
    Unknown,
}

/// A setting read at run time ([`ExprKind::Setting`]).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Setting {
    pub source: SettingSource,
    /// Its name: `URL_TTL`, `links.ttl`, the hook's name; for a key that is not a literal, the
    /// source text of the key.
    pub key: String,
    /// The dotted object it is read from when that object may be the program's own
    /// (`config` of `config.get("ttl", 600)`): a field written there wins over the lookup.
    pub object: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SettingSource {
    /// An environment variable.
    Environment,
    /// A configuration key or property (`config.get`, `System.getProperty`, Spring `@Value`).
    Config,
    /// A value a plugin hook may change (WordPress `apply_filters`).
    Hook,
    /// An option the caller may pass, taken only when given: `expiry := 7 * 24 * time.Hour;
    /// if opts.Expiry > 0 { expiry = opts.Expiry }` runs with the default otherwise.
    Option,
}

impl Setting {
    /// How a message names it: "environment variable `URL_TTL`".
    pub fn describe(&self) -> String {
        let noun = match self.source {
            SettingSource::Environment => "environment variable",
            SettingSource::Config => "config key",
            SettingSource::Hook => "filter",
            SettingSource::Option => "option",
        };
        match (&self.object, self.source) {
            (Some(object), SettingSource::Option) => format!("{noun} `{object}.{}`", self.key),
            _ => format!("{noun} `{}`", self.key),
        }
    }
}

/// What a [`ExprKind::Fallback`] takes for absent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Absence {
    /// null, nil, None, undefined only: `??`, `??=`, Kotlin `?:`, `if ttl is None`.
    Null,
    /// Those, zero and empty too: `||`, `or`, `||=`, `if not ttl`, `if ttl == 0`.
    Falsy,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Field {
    pub key: String,
    pub value: Expr,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct CallExpr {
    /// What is called: a [`ExprKind::Name`] for a function, a [`ExprKind::Member`] for a
    /// method (its object is the receiver).
    pub callee: Expr,
    pub args: Vec<Arg>,
    /// `new X(...)`.
    pub is_new: bool,
    pub span: Span,
}

/// The name of a `**kwargs` argument: any keyword may be in it.
pub const KEYWORD_SPLAT: &str = "**";

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Arg {
    /// Keyword or named argument (`ExpiresIn=`, `expires_in:`, C# `name:`).
    pub name: Option<String>,
    pub value: Expr,
}

impl CallExpr {
    /// The called function or method name (last segment of the callee).
    pub fn name(&self) -> Option<&str> {
        match &self.callee.kind {
            ExprKind::Name(n) => Some(n),
            ExprKind::Member(_, n) => Some(n),
            _ => None,
        }
    }

    /// The receiver of a method call.
    pub fn receiver(&self) -> Option<&Expr> {
        match &self.callee.kind {
            ExprKind::Member(object, _) => Some(object),
            _ => None,
        }
    }

    pub fn keyword(&self, name: &str) -> Option<&Expr> {
        self.args
            .iter()
            .find(|a| a.name.as_deref() == Some(name))
            .map(|a| &a.value)
    }

    /// The `index`-th positional (unnamed) argument.
    pub fn positional(&self, index: usize) -> Option<&Expr> {
        self.args
            .iter()
            .filter(|a| a.name.is_none())
            .nth(index)
            .map(|a| &a.value)
    }
}

impl Expr {
    pub fn unknown(span: Span) -> Expr {
        Expr {
            kind: ExprKind::Unknown,
            span,
        }
    }

    /// A call with no callee carrying `exprs` as arguments (the statements of a block whose
    /// value a language does not say): nothing matches it as a presign call or folds it, but
    /// a builder-chain search looks into its arguments.
    pub fn holding(span: Span, exprs: Vec<Expr>) -> Expr {
        Expr {
            kind: ExprKind::Call(Box::new(CallExpr {
                callee: Expr::unknown(span.start..span.start),
                args: exprs
                    .into_iter()
                    .map(|value| Arg { name: None, value })
                    .collect(),
                is_new: false,
                span: span.clone(),
            })),
            span,
        }
    }

    /// Dotted path of a name or member chain: `s3.meta.client` → `["s3", "meta", "client"]`.
    pub fn path(&self) -> Option<Vec<&str>> {
        match &self.kind {
            ExprKind::Name(n) => Some(vec![n.as_str()]),
            ExprKind::Member(object, field) => {
                let mut path = object.path()?;
                path.push(field);
                Some(path)
            }
            _ => None,
        }
    }

    pub fn as_call(&self) -> Option<&CallExpr> {
        match &self.kind {
            ExprKind::Call(c) => Some(c),
            _ => None,
        }
    }

    pub fn field(&self, key: &str) -> Option<&Expr> {
        match &self.kind {
            ExprKind::Object(fields) => fields.iter().find(|f| f.key == key).map(|f| &f.value),
            _ => None,
        }
    }
}

/// Kinds of loop a call can sit in, for `presign-in-loop`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LoopKind {
    For,
    While,
    Comprehension,
    /// A callback of `map`/`forEach`/… .
    Callback,
}

/// A call site with its context.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Call {
    pub call: CallExpr,
    /// The innermost enclosing loop, with the span of its header keyword.
    pub enclosing_loop: Option<(LoopKind, Span)>,
    /// Index into [`SyntaxFacts::functions`] of the enclosing function, `None` at top level.
    pub function: Option<usize>,
    /// Inside a test's assertion that the code fails (`assertThrows(…, () -> …)`, `with
    /// pytest.raises(E):`): made to be refused, it presigns nothing.
    pub expects_failure: bool,
}

/// `name = value`: assignments, `const`/`let`/`val`/`var` declarations, Go `:=`, constants.
/// A function's parameters are bindings too, with an empty span at the function's start and
/// an unknown value ([`Binding::is_parameter`]).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Binding {
    pub name: String,
    pub value: Expr,
    pub span: Span,
    pub function: Option<usize>,
}

impl Binding {
    /// A parameter: bound at the function's start to a value only a caller knows.
    pub fn is_parameter(&self) -> bool {
        self.span.is_empty()
            && self.value.span.is_empty()
            && matches!(self.value.kind, ExprKind::Unknown)
    }
}

/// A function, method, lambda or closure.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Function {
    /// The whole definition.
    pub span: Span,
    /// The declared name (or the name it is assigned to); `None` for anonymous functions.
    pub name: Option<String>,
    /// Its parameters in order; the receiver of a method (`self`, Go's `(s *Store)`) is not one.
    pub params: Vec<Param>,
    /// The function it is defined in (a closure's parent), `None` at top level.
    pub parent: Option<usize>,
    /// Of a method: its class's name, which tells the methods of one class from another's
    /// (see [`SyntaxFacts::lookup`]); `None` for a function of no named class.
    pub class: Option<String>,
    /// A constructor: it runs before any other method of its class.
    pub constructor: bool,
    /// Of a method declared outside its type (Go's `func (s *Store) URL()`, a Rust `impl`'s
    /// `fn url(&self)`): the name it reads its receiver by, and the type.
    pub receiver: Option<Receiver>,
}

/// The receiver of a method declared outside its type (see [`Function::receiver`]).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Receiver {
    /// `s` of Go's `func (s *Store)`, `self` in Rust.
    pub name: String,
    /// The type's name, without pointer or generic arguments: `Store`.
    pub owner: String,
}

/// A name declared with a type (a parameter, a struct's or class's field): what a receiver
/// that no binding explains is (`signer *sign.URLSigner`, then `signer.Sign(…)`).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Declared {
    pub name: String,
    /// The type as written (at most [`MAX_DECLARED_TYPE`] bytes): `*sign.URLSigner`.
    pub ty: String,
    /// A field (read as `x.name`), not a parameter (read as `name`).
    pub field: bool,
    /// Where the declaration starts.
    pub at: usize,
}

/// The longest type text kept of a [`Declared`] name: a receiver hint is a type's name.
const MAX_DECLARED_TYPE: usize = 160;

impl Declared {
    /// `name` declared with the type written `ty` (cut to [`MAX_DECLARED_TYPE`] bytes).
    pub fn new(name: String, ty: &str, field: bool, at: usize) -> Declared {
        let mut end = ty.len().min(MAX_DECLARED_TYPE);
        while !ty.is_char_boundary(end) {
            end -= 1;
        }
        Declared {
            name,
            ty: ty[..end].to_string(),
            field,
            at,
        }
    }
}

/// One parameter of a [`Function`].
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Param {
    /// The name it binds inside the function.
    pub name: String,
    /// Its index among the positional arguments; `None` for keyword-only parameters (Ruby
    /// `expires_in:`, Python after `*`).
    pub position: Option<usize>,
    /// Set when the parameter is destructured from an options object passed at `position`
    /// (JS `function sign(key, { expiresIn = 900 } = {})`): the key read from it.
    pub field: Option<String>,
    /// The value used when a caller omits it.
    pub default: Option<Expr>,
    /// `*args`, `...rest`, `**kwargs`, varargs: it takes every remaining argument.
    pub rest: bool,
}

impl Param {
    pub fn positional(name: impl Into<String>, position: usize) -> Param {
        Param {
            name: name.into(),
            position: Some(position),
            field: None,
            default: None,
            rest: false,
        }
    }
}

/// The calls a parameter list can take, counted by position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Arity {
    /// Positional slots.
    positions: usize,
    /// Arguments needed: every position up to the last one without a default.
    required: usize,
    /// A rest parameter takes any number more.
    rest: bool,
}

impl Arity {
    pub fn of(params: &[Param]) -> Arity {
        let end = |ps: &mut dyn Iterator<Item = &Param>| {
            ps.filter_map(|p| p.position).max().map_or(0, |m| m + 1)
        };
        Arity {
            positions: end(&mut params.iter()),
            required: end(&mut params
                .iter()
                .filter(|p| !p.rest && p.default.is_none() && p.field.is_none())),
            rest: params.iter().any(|p| p.rest),
        }
    }

    /// Whether a call fits: no more positional arguments than there are positions (unless
    /// there is a rest parameter), and as many arguments as are required.
    pub fn fits(&self, call: &CallExpr) -> bool {
        let positional = call.args.iter().filter(|a| a.name.is_none()).count();
        (self.rest || positional <= self.positions) && call.args.len() >= self.required
    }
}

/// `return value` (or an expression body, or an implicit last value) of a function.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Return {
    pub function: Option<usize>,
    pub value: Expr,
}

/// What an import brings into scope: `from m import a as b` → module `m`, name `a`, alias `b`.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Import {
    pub module: String,
    pub name: Option<String>,
    pub alias: Option<String>,
}

/// How many enclosing functions a name is looked up through.
const MAX_SCOPE_NESTING: usize = 32;

/// How a method names a field of its object: `self.ttl`, `this.ttl`, Ruby's `@ttl`.
const FIELD_RECEIVERS: &[&str] = &["self.", "this.", "@"];

impl Import {
    /// The last segment of what is imported: `time` of Go's `"time"`, `s3` of
    /// `aws_sdk_s3::s3`, `Links` of `com.acme.Links`.
    pub fn tail(&self) -> &str {
        let path = self.name.as_deref().unwrap_or(&self.module);
        path.rsplit(['/', '.', ':', '\\']).next().unwrap_or(path)
    }
}

/// Where a call that prints or logs writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Channel {
    /// The process's standard output or error: `print`, `puts`, `console.log`,
    /// `System.out.println`, `fmt.Println`, `println!`.
    Terminal,
    /// A log record: a logger's methods, `log.Printf`, `error_log`, `tracing::info!`, .NET
    /// debug and trace listeners.
    Log,
}

/// A call that prints or logs: `calls[call]`, whose arguments from `args_from` on are written.
#[derive(Clone, Copy, Debug, serde::Serialize, serde::Deserialize)]
pub struct Output {
    pub call: usize,
    pub channel: Channel,
    pub args_from: usize,
}

/// What kind of program a file is, decided by its front end from its entry point, imports,
/// shebang and directory.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Program {
    /// Nothing says: a library, a module of a larger program.
    #[default]
    Unknown,
    /// A command-line program run by a person (`if __name__ == "__main__":`, an argument
    /// parser, Go `package main`, `public static void main`, a shebang, a `bin/` or `scripts/`
    /// directory): what it writes to the terminal is read by whoever runs it.
    CommandLine,
    /// A server, request handler or serverless function: its terminal output is collected as
    /// its log.
    Service,
}

/// Everything a language front end extracts from one parsed file.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct SyntaxFacts {
    pub calls: Vec<Call>,
    pub bindings: Vec<Binding>,
    pub imports: Vec<Import>,
    /// Functions, methods and lambdas (indexed by `Call::function`/`Binding::function`).
    pub functions: Vec<Function>,
    /// What functions return (for signed URLs handed back to callers).
    pub returns: Vec<Return>,
    /// The calls that print or log ([`Output`]), in document order.
    pub outputs: Vec<Output>,
    /// What kind of program the file is, as far as where its output goes.
    pub program: Program,
    /// Names declared with a type (see [`Declared`]).
    pub declared: Vec<Declared>,
    /// Classes of the file with the class they extend: `(S3Storage, BaseStorage)`.
    pub bases: Vec<(String, String)>,
    /// Binding indices by name, in document order (built by [`SyntaxFacts::index`]), so a
    /// lookup costs the bindings of one name, not of the whole file.
    #[serde(skip)]
    pub by_name: std::collections::HashMap<String, Vec<usize>>,
}

impl SyntaxFacts {
    /// Builds the name index; front ends call it once their facts are complete.
    pub fn index(&mut self) {
        self.by_name.clear();
        for (i, b) in self.bindings.iter().enumerate() {
            self.by_name.entry(b.name.clone()).or_default().push(i);
        }
    }

    /// The binding of `name` visible at `offset`: the last one completed before it in the same
    /// function, else in the functions enclosing it (a closure sees its parent's names), else
    /// the last at top level. A binding is visible after its statement ends, so `x = f(x)`
    /// reads the previous `x`.
    pub fn lookup(&self, name: &str, offset: usize, function: Option<usize>) -> Option<&Binding> {
        let candidates = self.named(name);
        if candidates.is_empty() {
            return function.and_then(|f| self.field_binding(name, f));
        }
        let visible =
            |b: &&&Binding| b.span.end <= offset || b.span.is_empty() && b.span.start <= offset;
        let mut scope = function;
        for _ in 0..MAX_SCOPE_NESTING {
            let Some(f) = scope else { break };
            if let Some(b) = candidates
                .iter()
                .filter(visible)
                .rfind(|b| b.function == Some(f))
            {
                return Some(b);
            }
            scope = self.functions.get(f).and_then(|f| f.parent);
        }
        candidates
            .iter()
            .filter(visible)
            .rfind(|b| b.function.is_none())
            .copied()
            .or_else(|| self.field_binding(name, function?))
    }

    /// A field of the reading method's object that nothing in scope binds: the value its
    /// class's constructor sets, or a literal of its type.
    fn field_binding(&self, name: &str, function: usize) -> Option<&Binding> {
        self.constructor_binding(name, function)
            .or_else(|| self.literal_field_binding(name, function))
    }

    /// A field read through the receiver of a method declared outside its type (Go's
    /// `s.ttl` in `func (s *Store) URL()`, Rust's `self.ttl` in `impl Store`), set by a keyed
    /// literal of the type in the file (`&Store{ttl: 48 * time.Hour}` in `NewStore`, Rust's
    /// `Store { ttl: …, .. }` or `Self { … }`), which front ends bind as `Store.ttl`: the
    /// literal builds the object every method then reads, so its value is the field's. When
    /// several literals set it, the last in the file (as a constructor's last assignment);
    /// none when a method of the type assigns the field (which ran last is not known).
    fn literal_field_binding(&self, name: &str, function: usize) -> Option<&Binding> {
        let receiver = self.enclosing(function).find_map(|f| f.receiver.as_ref())?;
        let field = name
            .strip_prefix(receiver.name.as_str())?
            .strip_prefix('.')
            .filter(|f| !f.is_empty() && !f.contains('.'))?;
        let assigned_by_a_method = self.functions.iter().enumerate().any(|(i, f)| {
            f.receiver.as_ref().is_some_and(|r| {
                r.owner == receiver.owner
                    && self
                        .named(&format!("{}.{field}", r.name))
                        .iter()
                        .any(|b| b.function == Some(i) && !b.is_parameter())
            })
        });
        if assigned_by_a_method {
            return None;
        }
        self.named(&format!("{}.{field}", receiver.owner))
            .into_iter()
            .next_back()
    }

    /// The class `class` extends, when the file declares it (the first, where several are).
    pub fn base_of(&self, class: &str) -> Option<&str> {
        self.bases
            .iter()
            .find(|(c, _)| c == class)
            .map(|(_, base)| base.as_str())
    }

    /// The type of the parameter `name` read at `offset`: the last declared before it.
    pub fn parameter_type(&self, name: &str, offset: usize) -> Option<&str> {
        self.declared
            .iter()
            .rfind(|d| !d.field && d.name == name && d.at <= offset)
            .map(|d| d.ty.as_str())
    }

    /// The types the fields named `name` are declared with in the file, of any type (a
    /// receiver's type is not always known): a hint holds when they all say it.
    pub fn field_types<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s str> + 's {
        self.declared
            .iter()
            .filter(move |d| d.field && d.name == name)
            .map(|d| d.ty.as_str())
    }

    /// A field that its class's constructor sets (`self.ttl = 7200` in `__init__`,
    /// `this.ttl = …` in `constructor` or Java's `ReportLinks(…)`, Ruby's `@ttl` in
    /// `initialize`), read in another method of the class, with its receiver or, where the
    /// language allows, without (`ttl` in Java or Swift: a name nothing else binds): the
    /// constructor runs before any other method, so its last assignment is the field's value,
    /// unless another method of the class assigns the field too (then the value depends on
    /// which ran last: none). The value is the constructor's: evaluate it in the binding's
    /// own function ([`crate::semantic::eval`] does).
    fn constructor_binding(&self, name: &str, function: usize) -> Option<&Binding> {
        let field = |n: &str| {
            FIELD_RECEIVERS
                .iter()
                .any(|r| n.strip_prefix(r).is_some_and(|f| !f.is_empty()))
        };
        // The method the reading function is, or is a closure of (first: most lookups are
        // of names no field could hold, in functions of no class).
        let class = self.enclosing(function).find_map(|f| f.class.clone())?;
        let names: Vec<String> = if field(name) {
            vec![name.to_string()]
        } else if !name.contains('.') {
            ["this.", "self."]
                .iter()
                .map(|r| format!("{r}{name}"))
                .collect()
        } else {
            return None;
        };
        let of_class = |b: &Binding| {
            b.function
                .and_then(|f| self.functions.get(f))
                .filter(|f| f.class.as_ref() == Some(&class))
        };
        names.iter().find_map(|name| {
            let set: Vec<&Binding> = self
                .named(name)
                .into_iter()
                .filter(|b| of_class(b).is_some())
                .collect();
            if set
                .iter()
                .any(|b| of_class(b).is_some_and(|f| !f.constructor))
            {
                return None;
            }
            set.into_iter()
                .rfind(|b| of_class(b).is_some_and(|f| f.constructor))
        })
    }

    /// `function` and the functions it is defined in, innermost first.
    fn enclosing(&self, function: usize) -> impl Iterator<Item = &Function> {
        let mut scope = Some(function);
        (0..MAX_SCOPE_NESTING).map_while(move |_| {
            let f = self.functions.get(scope?)?;
            scope = f.parent;
            Some(f)
        })
    }

    /// Every binding of `name`, in document order (through the index once it is built).
    fn named(&self, name: &str) -> Vec<&Binding> {
        match self.by_name.get(name) {
            Some(indices) => indices.iter().map(|&i| &self.bindings[i]).collect(),
            None if self.by_name.is_empty() => {
                self.bindings.iter().filter(|b| b.name == name).collect()
            }
            None => Vec::new(),
        }
    }

    /// The last binding of `name` in any scope that ends before `offset`.
    pub fn last_binding_before(&self, name: &str, offset: usize) -> Option<&Binding> {
        let before = |b: &&Binding| b.name == name && b.span.end <= offset;
        match self.by_name.get(name) {
            Some(ids) => ids.iter().rev().map(|&i| &self.bindings[i]).find(before),
            None if self.by_name.is_empty() => self.bindings.iter().rev().find(before),
            None => None,
        }
    }

    /// The import that binds `local` (by alias or name).
    pub fn import_of(&self, local: &str) -> Option<&Import> {
        self.imports.iter().find(|i| {
            i.alias.as_deref() == Some(local)
                || (i.alias.is_none() && i.name.as_deref() == Some(local))
        })
    }
}
