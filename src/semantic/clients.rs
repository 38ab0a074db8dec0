//! Signing clients: where an S3 client (or presigner, or the configuration it is built from) is
//! constructed, which options it gets (region, endpoint, TLS, signature version), and which
//! client a presign call uses. Written once over the facts; what each SDK calls things is data,
//! `catalog/clients.toml`.
//!
//! A presign call is linked to its client through the receiver (or, for free functions such as
//! `getSignedUrl(client, …)`, the first argument), following bindings, member chains and
//! builder chains back to a constructor call. Its settings are collected by walking from there:
//! keyword arguments, object/initializer/closure fields, builder and option-function calls,
//! configurations passed in (`config=Config(…)`, `NewFromConfig(cfg)`, `from_conf(conf)`),
//! member assignments made afterwards (`config.ServiceURL = …`), and process-wide settings
//! (`AWS.config.update({…})`). What cannot be resolved (a parameter, a factory, an imported
//! value in a position that carries configuration) makes the client *opaque*: its region may
//! come from there, so nothing is concluded about it.

use std::collections::HashSet;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::facts::{CallExpr, Expr, ExprKind, KEYWORD_SPLAT, SyntaxFacts};

const TABLE: &str = include_str!("../../catalog/clients.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    family: Vec<Family>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Family {
    pub family: String,
    #[serde(default)]
    pub carriers: Vec<String>,
    #[serde(default)]
    pub global_paths: Vec<String>,
    #[serde(default)]
    pub unwrap: Vec<String>,
    #[serde(default)]
    pub constructor: Vec<Constructor>,
    #[serde(default)]
    pub setting: Vec<SettingRow>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Constructor {
    pub names: Vec<String>,
    pub kind: Kind,
    #[serde(default)]
    pub new: Option<bool>,
    #[serde(default)]
    pub chain_any: Vec<String>,
    #[serde(default)]
    pub chain_all: Vec<String>,
    /// The callee's root must be imported from a module ending so (`s3v1.New` with
    /// `s3v1 "github.com/aws/aws-sdk-go/service/s3"`), or be named like its last segment.
    #[serde(default)]
    pub imports: Vec<String>,
    #[serde(default)]
    pub carry_receiver: bool,
    #[serde(default)]
    pub carry_positional: bool,
    #[serde(default)]
    pub region_from_env: bool,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Client,
    Wrapper,
    Config,
    Global,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingRow {
    pub names: Vec<String>,
    pub meaning: Meaning,
    #[serde(default)]
    pub arg: usize,
    #[serde(default)]
    pub values: Vec<String>,
    #[serde(default)]
    pub calls_only: bool,
    #[serde(default)]
    pub value_prefix: Option<String>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Meaning {
    Region,
    Endpoint,
    Tls,
    Signature,
}

static FAMILIES: LazyLock<Vec<Family>> = LazyLock::new(|| {
    // A broken table is a build defect caught by `table_is_valid`; at run time the lints
    // then see no clients rather than crashing a scan.
    toml::from_str::<Table>(TABLE)
        .map(|t| t.family)
        .unwrap_or_default()
});

/// Parses the table, reporting the first error (for tests).
pub fn validate() -> Result<usize, String> {
    let table: Table = toml::from_str(TABLE).map_err(|e| format!("catalog/clients.toml: {e}"))?;
    Ok(table.family.len())
}

/// The table rows of one language family.
pub fn family(family: crate::frontend::Family) -> Option<&'static Family> {
    FAMILIES.iter().find(|f| f.family == family.name())
}

/// One option found on a client or configuration.
#[derive(Clone, Debug)]
pub struct Setting<'a> {
    pub meaning: Meaning,
    /// The option's name as written (`endpoint_url`, `.region`, `UseHttp`).
    pub key: String,
    /// The expression to point at: the value (unwrapped: the string inside `aws.String(…)`).
    pub value: &'a Expr,
    /// The value folded to text, when it is a literal (through constants and unwrapping).
    pub text: Option<String>,
    /// For `tls` and `signature`: the value is one that turns TLS off / selects SigV2.
    pub flagged: bool,
}

impl Setting<'_> {
    /// An `http://` endpoint.
    pub fn http_endpoint(&self) -> Option<&str> {
        let text = self.text.as_deref()?;
        let lower = text.get(..7)?.to_ascii_lowercase();
        (self.meaning == Meaning::Endpoint && lower == "http://").then_some(text)
    }
}

/// Names along a callee path or receiver chain: `Aws::S3::Client.new` → `new, Client, S3, Aws`;
/// `S3Presigner.builder().region(r).build()` → `build, region, builder, S3Presigner`.
pub fn chain_names(expr: &Expr, out: &mut Vec<String>, depth: usize) {
    if depth > 32 {
        return;
    }
    match &expr.kind {
        ExprKind::Name(n) => out.push(n.clone()),
        ExprKind::Member(object, field) => {
            out.push(field.clone());
            chain_names(object, out, depth + 1);
        }
        ExprKind::Call(c) => chain_names(&c.callee, out, depth + 1),
        _ => {}
    }
}

/// The constructor row a call matches.
pub fn constructor<'f>(
    family: &'f Family,
    call: &CallExpr,
    syntax: &SyntaxFacts,
) -> Option<&'f Constructor> {
    let local = call.name()?;
    // `from botocore.client import Config as ClientConfig`: match the imported name.
    let name = match &call.callee.kind {
        ExprKind::Name(n) => syntax
            .import_of(n)
            .filter(|i| i.alias.as_deref() == Some(n.as_str()))
            .and_then(|i| i.name.as_deref())
            .unwrap_or(local),
        _ => local,
    };
    let mut chain = Vec::new();
    chain_names(&call.callee, &mut chain, 0);
    family.constructor.iter().find(|c| {
        c.names.iter().any(|n| n == name)
            && c.new.is_none_or(|new| new == call.is_new)
            && (c.chain_any.is_empty() || c.chain_any.iter().any(|a| chain.contains(a)))
            && c.chain_all.iter().all(|a| chain.contains(a))
            && (c.imports.is_empty() || imported_from(chain.last(), &c.imports, syntax))
    })
}

fn imported_from(root: Option<&String>, modules: &[String], syntax: &SyntaxFacts) -> bool {
    let Some(root) = root else {
        return false;
    };
    match syntax.import_of(root) {
        Some(import) => modules.iter().any(|m| import.module.ends_with(m.as_str())),
        None => modules
            .iter()
            .any(|m| m.rsplit('/').next() == Some(root.as_str())),
    }
}

/// A value imported by name from another module (`from app.aws import session`), as opposed
/// to a package or module imported whole (Go `import ".../service/s3"` names `s3`).
fn imported_value(syntax: &SyntaxFacts, name: &str) -> bool {
    syntax.import_of(name).is_some_and(|i| {
        let last = i.module.rsplit(['/', '.', '\\', ':']).next().unwrap_or("");
        i.name.as_deref().is_some_and(|n| n != last)
    }) && name.chars().next().is_some_and(|c| c.is_lowercase())
}

/// How a value position is read while collecting settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// The receiver chain of a constructor or builder: unknown method calls pass through, and a
    /// name with no binding is a class or module.
    Chain,
    /// A position that carries a whole configuration: what cannot be resolved is opaque.
    Value,
    /// Anything else: settings are collected, nothing is opaque.
    Plain,
}

/// The client a presign call uses.
pub enum Link<'a> {
    /// Built in this file by this constructor call.
    Built(&'a CallExpr, &'static Constructor),
    /// A parameter, a factory, an import, a field set elsewhere: not resolvable here.
    Dynamic,
}

/// Everything known about one client.
pub struct Client<'a> {
    /// The client (not presigner wrapper, not configuration) construction to point at.
    pub construction: &'a CallExpr,
    pub settings: Vec<Setting<'a>>,
    /// Some configuration input could not be resolved: the region may come from it.
    pub opaque: bool,
    /// A constructor that takes the region from the environment by explicit choice.
    pub region_from_env: bool,
}

impl<'a> Client<'a> {
    pub fn has(&self, meaning: Meaning) -> bool {
        self.settings
            .iter()
            .any(|s| s.meaning == meaning && s.flagged)
    }
}

/// Per-file lookups built once, so that following many presign calls' clients stays linear:
/// bindings by start offset, member bindings by their base name.
pub struct FileIndex {
    bindings_by_start: Vec<usize>,
    /// `config.ServiceURL` → under `config`.
    dotted: std::collections::HashMap<String, Vec<usize>>,
}

impl FileIndex {
    pub fn new(syntax: &SyntaxFacts) -> FileIndex {
        let mut bindings_by_start: Vec<usize> = (0..syntax.bindings.len()).collect();
        bindings_by_start.sort_by_key(|&i| syntax.bindings[i].span.start);
        let mut dotted: std::collections::HashMap<String, Vec<usize>> = Default::default();
        for (i, b) in syntax.bindings.iter().enumerate() {
            if let Some((base, _)) = b.name.split_once('.') {
                dotted.entry(base.to_string()).or_default().push(i);
            }
        }
        FileIndex {
            bindings_by_start,
            dotted,
        }
    }

    /// Bindings starting inside `range`.
    fn bindings_in<'s>(
        &'s self,
        syntax: &'s SyntaxFacts,
        range: std::ops::Range<usize>,
    ) -> impl Iterator<Item = &'s crate::facts::Binding> + 's {
        let from = self
            .bindings_by_start
            .partition_point(|&i| syntax.bindings[i].span.start < range.start);
        self.bindings_by_start[from..]
            .iter()
            .map(move |&i| &syntax.bindings[i])
            .take_while(move |b| b.span.start < range.end)
    }
}

/// Collects settings from expressions of one file.
pub struct Collector<'a> {
    syntax: &'a SyntaxFacts,
    index: &'a FileIndex,
    family: &'static Family,
    pub settings: Vec<Setting<'a>>,
    pub opaque: bool,
    pub region_from_env: bool,
    /// Constructions met, innermost last.
    pub constructions: Vec<(&'a CallExpr, &'static Constructor)>,
    visited: HashSet<(usize, usize)>,
    steps: usize,
}

const MAX_DEPTH: usize = 24;
const MAX_STEPS: usize = 2_000;

impl<'a> Collector<'a> {
    pub fn new(syntax: &'a SyntaxFacts, index: &'a FileIndex, family: &'static Family) -> Self {
        Collector {
            syntax,
            index,
            family,
            settings: Vec::new(),
            opaque: false,
            region_from_env: false,
            constructions: Vec::new(),
            visited: HashSet::new(),
            steps: 0,
        }
    }

    fn rows(&self, name: &str, call: bool) -> impl Iterator<Item = &'static SettingRow> + use<'_> {
        let name = name.to_string();
        self.family
            .setting
            .iter()
            .filter(move |r| (call || !r.calls_only) && r.names.contains(&name))
    }

    fn record(&mut self, row: &SettingRow, key: &str, value: &'a Expr, function: Option<usize>) {
        let (value, text) = self.fold(value, function, 0);
        let flagged = match row.meaning {
            Meaning::Tls | Meaning::Signature => text
                .as_deref()
                .is_some_and(|t| row.values.iter().any(|v| v.eq_ignore_ascii_case(t))),
            // `region_name=None` sets nothing.
            Meaning::Region | Meaning::Endpoint => !matches!(value.kind, ExprKind::Null),
        };
        if self
            .settings
            .iter()
            .any(|s| s.value.span == value.span && s.meaning == row.meaning)
        {
            return;
        }
        self.settings.push(Setting {
            meaning: row.meaning,
            key: key.to_string(),
            value,
            text,
            flagged,
        });
    }

    /// The literal text of a value: strings, booleans, numbers, the last segment of a member
    /// (`Protocol.HTTP` → `HTTP`), through constants and one-argument wrappers.
    fn fold(
        &self,
        expr: &'a Expr,
        function: Option<usize>,
        depth: usize,
    ) -> (&'a Expr, Option<String>) {
        if depth > 8 {
            return (expr, None);
        }
        match &expr.kind {
            ExprKind::Str(s) => (expr, Some(s.clone())),
            ExprKind::Bool(b) => (expr, Some(b.to_string())),
            ExprKind::Int(n) => (expr, Some(n.to_string())),
            ExprKind::Member(_, field) => (expr, Some(field.clone())),
            ExprKind::Name(n) => match self.syntax.lookup(n, expr.span.start, function) {
                Some(b) if !matches!(b.value.kind, ExprKind::Unknown) => {
                    let (_, text) = self.fold(&b.value, b.function, depth + 1);
                    (expr, text)
                }
                _ => (expr, None),
            },
            ExprKind::Call(c)
                if c.args.len() == 1
                    && c.name()
                        .is_some_and(|n| self.family.unwrap.iter().any(|u| u == n)) =>
            {
                match c.positional(0) {
                    Some(inner) => self.fold(inner, function, depth + 1),
                    None => (expr, None),
                }
            }
            _ => (expr, None),
        }
    }

    /// Walks the client (or configuration) `expr` evaluates to.
    pub fn client_expr(&mut self, expr: &'a Expr, function: Option<usize>) {
        self.walk(expr, Mode::Chain, function, 0);
    }

    /// Settings given directly in a call's arguments (a presign request's `Protocol`,
    /// Ruby's `secure: false`), without following the client.
    pub fn call_arguments(&mut self, call: &'a CallExpr, function: Option<usize>) {
        for arg in &call.args {
            match &arg.name {
                Some(name) => {
                    for row in self.rows(name, false).collect::<Vec<_>>() {
                        self.record(row, name, &arg.value, function);
                    }
                }
                None => {
                    if let ExprKind::Call(inner) = &arg.value.kind
                        && inner.is_new
                    {
                        for a in &inner.args {
                            self.object_settings(&a.value, function);
                        }
                    }
                    self.object_settings(&arg.value, function);
                }
            }
        }
    }

    /// [`Collector::call_arguments`], plus request objects bound earlier and passed by name
    /// (`var request = new GetPreSignedUrlRequest { … }; request.Protocol = …;`).
    pub fn request_arguments(&mut self, call: &'a CallExpr, function: Option<usize>) {
        self.call_arguments(call, function);
        let syntax = self.syntax;
        for arg in call.args.iter().filter(|a| a.name.is_none()) {
            let ExprKind::Name(name) = &arg.value.kind else {
                continue;
            };
            let Some(b) = syntax.lookup(name, arg.value.span.start, function) else {
                continue;
            };
            match &b.value.kind {
                ExprKind::Object(_) => self.object_settings(&b.value, b.function),
                ExprKind::Call(inner) if inner.is_new => {
                    for a in &inner.args {
                        self.object_settings(&a.value, b.function);
                    }
                }
                _ => {}
            }
            self.member_assignments(name, arg.value.span.start, b.span.end);
        }
    }

    fn object_settings(&mut self, expr: &'a Expr, function: Option<usize>) {
        if let ExprKind::Object(fields) = &expr.kind {
            for f in fields {
                for row in self.rows(&f.key, false).collect::<Vec<_>>() {
                    self.record(row, &f.key, &f.value, function);
                }
            }
        }
    }

    /// The settings of one construction or configuring call itself, not following names (for
    /// `legacy-signature-version`, which reports wherever SigV2 is chosen).
    pub fn shallow(&mut self, call: &'a CallExpr, function: Option<usize>) {
        if let Some(name) = call.name() {
            for row in self.rows(name, true).collect::<Vec<_>>() {
                self.call_setting(row, name, call, function);
            }
        }
        self.call_arguments(call, function);
    }

    fn call_setting(
        &mut self,
        row: &'static SettingRow,
        name: &str,
        call: &'a CallExpr,
        function: Option<usize>,
    ) {
        match &row.value_prefix {
            Some(prefix) => {
                for arg in call.args.iter().filter(|a| a.name.is_none()) {
                    let mut chain = Vec::new();
                    chain_names(&arg.value, &mut chain, 0);
                    if chain.last() == Some(prefix) {
                        self.record(row, name, &arg.value, function);
                    }
                }
            }
            None => {
                if let Some(value) = call.positional(row.arg) {
                    self.record(row, name, value, function);
                }
            }
        }
    }

    fn walk(&mut self, expr: &'a Expr, mode: Mode, function: Option<usize>, depth: usize) {
        self.steps += 1;
        if depth > MAX_DEPTH || self.steps > MAX_STEPS {
            if mode == Mode::Value {
                self.opaque = true;
            }
            return;
        }
        match &expr.kind {
            ExprKind::Name(name) => self.name(name, expr, mode, function, depth),
            // Go `cfg, err := config.LoadDefaultConfig(ctx)`: the value is the call's.
            ExprKind::FirstResult(call) => self.walk(call, mode, function, depth + 1),
            ExprKind::Member(object, _) => {
                // `self.s3`, `this.client`: a member assigned somewhere in the file.
                if let Some(path) = expr.path() {
                    let dotted = path.join(".");
                    let binding = self
                        .syntax
                        .lookup(&dotted, expr.span.start, function)
                        .or_else(|| self.syntax.last_binding_before(&dotted, expr.span.start));
                    if let Some(b) = binding {
                        if self.visited.insert((b.span.start, b.span.end)) {
                            self.walk(&b.value, mode, b.function, depth + 1);
                        }
                        return;
                    }
                    // An unresolved field of the enclosing object: set in another method.
                    let field_of_self = path
                        .first()
                        .is_some_and(|r| matches!(*r, "self" | "this" | "@" | "cls" | "$this"));
                    if mode == Mode::Value || mode == Mode::Chain && field_of_self {
                        self.opaque = true;
                        return;
                    }
                }
                self.walk(object, mode, function, depth + 1);
            }
            ExprKind::Call(call) => self.call(call, mode, function, depth),
            ExprKind::Object(fields) => {
                for f in fields {
                    let rows: Vec<_> = self.rows(&f.key, false).collect();
                    for row in &rows {
                        self.record(row, &f.key, &f.value, function);
                    }
                    if rows.is_empty() {
                        let carrier = self.family.carriers.contains(&f.key);
                        let mode = if carrier && mode != Mode::Plain {
                            Mode::Value
                        } else {
                            Mode::Plain
                        };
                        self.walk(&f.value, mode, function, depth + 1);
                    }
                }
            }
            ExprKind::Unknown if mode == Mode::Value => self.opaque = true,
            _ => {}
        }
    }

    fn name(
        &mut self,
        name: &str,
        expr: &'a Expr,
        mode: Mode,
        function: Option<usize>,
        depth: usize,
    ) {
        let Some(binding) = self.syntax.lookup(name, expr.span.start, function) else {
            if mode == Mode::Value || mode == Mode::Chain && imported_value(self.syntax, name) {
                self.opaque = true;
            }
            return;
        };
        if !self.visited.insert((binding.span.start, binding.span.end)) {
            return;
        }
        self.member_assignments(name, expr.span.start, binding.span.end);
        match &binding.value.kind {
            ExprKind::Unknown if mode != Mode::Plain => self.opaque = true,
            ExprKind::Unknown => {}
            _ => self.walk(&binding.value, mode, binding.function, depth + 1),
        }
    }

    /// `config.ServiceURL = "http://…"` after `config` was bound, before it is used.
    fn member_assignments(&mut self, name: &str, before: usize, after: usize) {
        let syntax = self.syntax;
        let Some(ids) = self.index.dotted.get(name) else {
            return;
        };
        for &i in ids {
            let b = &syntax.bindings[i];
            if b.span.start < after || b.span.end > before {
                continue;
            }
            let last = b.name.rsplit('.').next().unwrap_or(&b.name);
            for row in self.rows(last, false).collect::<Vec<_>>() {
                self.record(row, last, &b.value, b.function);
            }
        }
    }

    fn call(&mut self, call: &'a CallExpr, mode: Mode, function: Option<usize>, depth: usize) {
        let ctor = constructor(self.family, call, self.syntax);
        if let Some(name) = call.name() {
            for row in self.rows(name, true).collect::<Vec<_>>() {
                self.call_setting(row, name, call, function);
            }
        }
        // Closures and lambdas passed to the call (`func(o *s3.Options) { o.X = … }`): member
        // assignments inside it.
        self.assignments_inside(call);
        let Some(ctor) = ctor else {
            let is_setting = call
                .name()
                .is_some_and(|n| self.rows(n, true).next().is_some());
            let method = call.receiver().is_some();
            match mode {
                Mode::Chain if method || is_setting => {
                    if let Some(r) = call.receiver() {
                        self.walk(r, Mode::Chain, function, depth + 1);
                    }
                    for a in &call.args {
                        self.argument(&a.name, &a.value, Mode::Plain, function, depth);
                    }
                }
                Mode::Value | Mode::Chain => {
                    // A factory or wrapper call: opaque unless it wraps a construction
                    // (`session.Must(session.NewSession(…))`).
                    let before = self.constructions.len();
                    if let Some(r) = call.receiver() {
                        self.walk(r, Mode::Plain, function, depth + 1);
                    }
                    for a in &call.args {
                        self.argument(&a.name, &a.value, Mode::Value, function, depth);
                    }
                    // What a wrapped construction hides was decided by its own walk.
                    if self.constructions.len() == before {
                        self.opaque = true;
                    }
                }
                Mode::Plain => {
                    for a in &call.args {
                        self.argument(&a.name, &a.value, Mode::Plain, function, depth);
                    }
                }
            }
            return;
        };
        self.constructions.push((call, ctor));
        if ctor.region_from_env {
            self.region_from_env = true;
        }
        let carrying = mode != Mode::Plain;
        if let Some(r) = call.receiver() {
            let m = if ctor.carry_receiver && carrying {
                Mode::Chain
            } else {
                Mode::Plain
            };
            self.walk(r, m, function, depth + 1);
        }
        for a in &call.args {
            let m = match &a.name {
                None if ctor.carry_positional && carrying => Mode::Value,
                // `**options`: any setting may be in it.
                Some(k) if carrying && k == KEYWORD_SPLAT => Mode::Value,
                Some(k) if carrying && self.family.carriers.iter().any(|c| c == k) => Mode::Value,
                _ => Mode::Plain,
            };
            self.argument(&a.name, &a.value, m, function, depth);
        }
    }

    fn argument(
        &mut self,
        name: &Option<String>,
        value: &'a Expr,
        mode: Mode,
        function: Option<usize>,
        depth: usize,
    ) {
        if let Some(k) = name {
            let rows: Vec<_> = self.rows(k, false).collect();
            if !rows.is_empty() {
                for row in rows {
                    self.record(row, k, value, function);
                }
                return;
            }
        }
        // Literals in positional configuration slots (`"s3"`) carry nothing and hide nothing.
        if matches!(
            value.kind,
            ExprKind::Str(_) | ExprKind::Int(_) | ExprKind::Bool(_) | ExprKind::Null
        ) {
            return;
        }
        self.walk(value, mode, function, depth + 1);
    }

    /// Member assignments lexically inside a call (closure bodies): `o.BaseEndpoint = …`,
    /// `o.EndpointOptions.DisableHTTPS = true`.
    fn assignments_inside(&mut self, call: &'a CallExpr) {
        let (syntax, index) = (self.syntax, self.index);
        for b in index.bindings_in(syntax, call.span.clone()) {
            if b.span.end > call.span.end || b.span.is_empty() {
                continue;
            }
            let Some((_, last)) = b.name.rsplit_once('.') else {
                continue;
            };
            for row in self.rows(last, false).collect::<Vec<_>>() {
                self.record(row, last, &b.value, b.function);
            }
        }
    }
}

/// Follows a presign call's client expression to the construction it comes from.
pub fn link<'a>(
    syntax: &'a SyntaxFacts,
    index: &'a FileIndex,
    family: &'static Family,
    text: &str,
    expr: &'a Expr,
    function: Option<usize>,
    depth: usize,
) -> Link<'a> {
    if depth > MAX_DEPTH {
        return Link::Dynamic;
    }
    match &expr.kind {
        ExprKind::Name(name) => {
            let Some(b) = syntax.lookup(name, expr.span.start, function) else {
                return Link::Dynamic;
            };
            match &b.value.kind {
                ExprKind::Unknown => Link::Dynamic,
                _ => link(syntax, index, family, text, &b.value, b.function, depth + 1),
            }
        }
        ExprKind::Member(object, _) => {
            if let Some(path) = expr.path() {
                let dotted = path.join(".");
                if let Some(b) = syntax
                    .lookup(&dotted, expr.span.start, function)
                    .or_else(|| syntax.last_binding_before(&dotted, expr.span.start))
                {
                    return link(syntax, index, family, text, &b.value, b.function, depth + 1);
                }
            }
            link(syntax, index, family, text, object, function, depth + 1)
        }
        ExprKind::Call(call) => link_call(syntax, index, family, text, call, function, depth),
        ExprKind::FirstResult(call) => link(syntax, index, family, text, call, function, depth + 1),
        _ => Link::Dynamic,
    }
}

fn link_call<'a>(
    syntax: &'a SyntaxFacts,
    index: &'a FileIndex,
    family: &'static Family,
    text: &str,
    call: &'a CallExpr,
    function: Option<usize>,
    depth: usize,
) -> Link<'a> {
    if let Some(ctor) = constructor(family, call, syntax) {
        return match ctor.kind {
            Kind::Client | Kind::Wrapper => Link::Built(call, ctor),
            Kind::Config | Kind::Global => Link::Dynamic,
        };
    }
    // A method on the client (`client.get_object().bucket(b)`, `svc.GetObjectRequest(in)`,
    // `s3.bucket(b).object(k)`): the client is its receiver. A free function is a factory.
    match call.receiver() {
        Some(r) => link(syntax, index, family, text, r, function, depth + 1),
        None => Link::Dynamic,
    }
}

/// The client a presign call uses: its receiver, else (free functions) its first argument.
pub fn client_of<'a>(
    syntax: &'a SyntaxFacts,
    index: &'a FileIndex,
    family: &'static Family,
    text: &'a str,
    call: &'a CallExpr,
    function: Option<usize>,
    globals: &[Setting<'a>],
) -> Option<Client<'a>> {
    let expr = match call.receiver() {
        Some(r) => r,
        None => call.positional(0)?,
    };
    let Link::Built(built, ctor) = link(syntax, index, family, text, expr, function, 0) else {
        return None;
    };
    let mut collector = Collector::new(syntax, index, family);
    collector.client_expr(expr, function);
    collector.settings.extend(globals.iter().cloned());
    // Point at the client itself, not at a presigner built over it.
    let construction = match ctor.kind {
        Kind::Wrapper => collector
            .constructions
            .iter()
            .find(|(_, c)| c.kind == Kind::Client)
            .map_or(built, |(c, _)| *c),
        _ => built,
    };
    Some(Client {
        construction,
        settings: collector.settings,
        opaque: collector.opaque,
        region_from_env: collector.region_from_env,
    })
}

impl<'a> Collector<'a> {
    /// Process-wide settings anywhere in the file: `AWS.config.update({…})`,
    /// `Aws.config.update(…)`, `AWS.config.region = …`, `AWSConfigsS3.X = …`.
    pub fn globals(&mut self) {
        let syntax = self.syntax;
        for c in &syntax.calls {
            if constructor(self.family, &c.call, self.syntax)
                .is_some_and(|k| k.kind == Kind::Global)
            {
                for a in &c.call.args {
                    self.argument(&a.name, &a.value, Mode::Plain, c.function, 0);
                }
            }
        }
        for b in &syntax.bindings {
            let Some((prefix, last)) = b.name.rsplit_once('.') else {
                continue;
            };
            if !self.family.global_paths.iter().any(|g| g == prefix) {
                continue;
            }
            for row in self.rows(last, false).collect::<Vec<_>>() {
                self.record(row, last, &b.value, b.function);
            }
        }
    }
}

/// Whether an `http://` URL's host is a loopback or local emulator host: `localhost`,
/// `*.localhost`, `127.0.0.0/8`, `::1`, and the LocalStack / MinIO service names (`localstack`,
/// `minio`, `localhost.localstack.cloud`).
pub fn is_loopback(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if let Some(v6) = host_port.strip_prefix('[') {
        v6.split(']').next().unwrap_or("")
    } else {
        host_port.split(':').next().unwrap_or("")
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    host == "localhost"
        || host.ends_with(".localhost")
        || host == "::1"
        || host == "localstack"
        || host == "minio"
        || host == "localhost.localstack.cloud"
        || host.ends_with(".localhost.localstack.cloud")
        || host.strip_prefix("127.").is_some_and(|r| {
            r.split('.').count() == 3 && r.split('.').all(|o| o.parse::<u8>().is_ok())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_valid() {
        let n = validate().unwrap_or_else(|e| panic!("{e}"));
        assert!(n >= 9);
        for f in FAMILIES.iter() {
            assert!(!f.constructor.is_empty(), "{}: no constructors", f.family);
        }
    }

    #[test]
    fn loopback_hosts() {
        for url in [
            "http://localhost:9000",
            "http://LOCALHOST/",
            "http://s3.localhost:4566/b",
            "http://127.0.0.1:9000",
            "http://127.1.2.3",
            "http://[::1]:9000/x",
            "http://minio:9000",
            "http://localstack:4566",
            "http://user@localhost",
            "http://bucket.s3.localhost.localstack.cloud:4566",
        ] {
            assert!(is_loopback(url), "{url}");
        }
        for url in [
            "http://s3.amazonaws.com",
            "http://localhost.example.com",
            "http://127.0.0.1.nip.io",
            "http://minio.example.com",
            "http://10.0.0.1",
            "http://128.0.0.1",
        ] {
            assert!(!is_loopback(url), "{url}");
        }
    }
}
