//! A small constant folder for expiries: literals, arithmetic, same-file bindings and the
//! duration and clock constructors of each SDK's language. What it cannot resolve is
//! [`Value::Unknown`], never a guess.

use crate::facts::{Absence, BinOp, Binding, CallExpr, Expr, ExprKind, Setting, SyntaxFacts};
use crate::frontend::Family;
use crate::frontend::profile::{DurationLibrary, TimeModel};
use crate::text::duration::parse_duration;
use crate::text::source::SourceFile;

/// A folded value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A plain number (its unit comes from where it is used).
    Number(f64),
    Str(String),
    /// A length of time, in seconds.
    Duration(f64),
    /// A point in time `offset` seconds from now. `epoch_unit` is set for raw clock readings
    /// (`time.time()`: 1, `Date.now()`: 0.001), where adding a number adds that many units.
    Time {
        offset: f64,
        epoch_unit: Option<f64>,
    },
    /// A unit constant (`ChronoUnit.DAYS`), in seconds.
    Unit(f64),
    /// null, nil, None, undefined: what a [`ExprKind::Fallback`] replaces by its default.
    Absent,
    /// A setting read at run time ([`ExprKind::Setting`]), or what a conversion makes of it
    /// (`int(os.environ["X"])`, `Number(process.env.X)`): unknown, but a
    /// [`ExprKind::Fallback`] around it gives the value the program runs with when it is not
    /// set.
    Unset(Box<Setting>),
    Unknown,
}

/// How deep bindings are followed: `a = b; b = c; …`.
const MAX_BINDING_HOPS: usize = 8;
const MAX_EVAL_DEPTH: usize = 64;

/// Names a file does not bind itself: constants of other modules of the project, found
/// through the file's imports (or its package). The project index implements it.
pub trait Outer {
    /// The value of `path` (`LINK_TTL`, `Time.day`, `config.EXPIRY`) as the file sees it.
    fn constant(&self, path: &[&str]) -> Option<Value>;
}

/// Evaluation context: the file's facts, the function the expression is in, and the
/// derivation steps taken (for messages).
pub struct Env<'a> {
    pub syntax: &'a SyntaxFacts,
    /// `None` for a scope captured from another file ([`crate::semantic`] summaries): no
    /// derivation steps are recorded for it.
    pub source: Option<&'a SourceFile>,
    pub function: Option<usize>,
    /// The language family (`python`, `go`, …): a few operators differ.
    pub family: Family,
    pub steps: Vec<String>,
    /// What the file's imports and package bring in.
    pub outer: Option<&'a dyn Outer>,
    /// Values of the function's parameters, when a summary is evaluated for one call.
    pub bound: Vec<(String, Value)>,
    /// The constructor whose field is being read from another method (see [`Env::value_of`]):
    /// no caller gives its parameters, so a parameter's default is what it runs with.
    constructing: Option<usize>,
    hops: usize,
    depth: usize,
}

impl<'a> Env<'a> {
    pub fn new(
        syntax: &'a SyntaxFacts,
        source: &'a SourceFile,
        function: Option<usize>,
        family: Family,
    ) -> Env<'a> {
        Env {
            source: Some(source),
            ..Env::captured(syntax, function, family)
        }
    }

    /// An environment over facts captured from another file (no source text).
    pub fn captured(syntax: &'a SyntaxFacts, function: Option<usize>, family: Family) -> Env<'a> {
        Env {
            syntax,
            source: None,
            function,
            family,
            steps: Vec::new(),
            outer: None,
            bound: Vec::new(),
            constructing: None,
            hops: 0,
            depth: 0,
        }
    }

    pub fn with_outer(mut self, outer: Option<&'a dyn Outer>) -> Env<'a> {
        self.outer = outer;
        self
    }

    pub fn eval(&mut self, expr: &Expr) -> Value {
        if self.depth >= MAX_EVAL_DEPTH {
            return Value::Unknown;
        }
        self.depth += 1;
        let value = self.eval_inner(expr);
        self.depth -= 1;
        value
    }

    /// Follows a name to the value of its binding, recording the step.
    pub fn resolve<'e>(&mut self, expr: &'e Expr) -> Option<&'a Expr>
    where
        'a: 'e,
    {
        let ExprKind::Name(name) = &expr.kind else {
            return None;
        };
        self.lookup(name, expr.span.start)
    }

    /// A point to return to when a lookup path turns out to lead nowhere, so failed attempts
    /// cost no binding hops and leave no derivation steps.
    pub fn mark(&self) -> (usize, usize) {
        (self.steps.len(), self.hops)
    }

    pub fn rewind(&mut self, mark: (usize, usize)) {
        self.steps.truncate(mark.0);
        self.hops = mark.1;
    }

    /// The value bound to `name` (a plain or dotted name) before `offset`, recording the step.
    pub fn lookup_name(&mut self, name: &str, offset: usize) -> Option<&'a Expr> {
        self.lookup(name, offset)
    }

    fn lookup(&mut self, name: &str, offset: usize) -> Option<&'a Expr> {
        self.lookup_binding(name, offset).map(|b| &b.value)
    }

    /// The value of a binding found by [`Env::lookup_binding`]. A binding of a function that
    /// does not enclose this one (a field its class's constructor sets) is evaluated in its
    /// own function, where its names are bound; no caller gives that function's parameters.
    fn value_of(&mut self, binding: &'a Binding) -> Value {
        let encloses = |f: usize| {
            let mut scope = self.function;
            (0..MAX_EVAL_DEPTH).any(|_| match scope {
                Some(s) if s == f => true,
                Some(s) => {
                    scope = self.syntax.functions.get(s).and_then(|s| s.parent);
                    false
                }
                None => false,
            })
        };
        match binding.function {
            Some(f) if !encloses(f) => {
                let outer = (
                    self.function,
                    std::mem::take(&mut self.bound),
                    self.constructing,
                );
                self.function = Some(f);
                self.constructing = self
                    .syntax
                    .functions
                    .get(f)
                    .is_some_and(|d| d.constructor)
                    .then_some(f);
                let value = self.eval(&binding.value);
                (self.function, self.bound, self.constructing) = outer;
                value
            }
            _ => self.eval(&binding.value),
        }
    }

    fn lookup_binding(&mut self, name: &str, offset: usize) -> Option<&'a Binding> {
        if self.hops >= MAX_BINDING_HOPS {
            return None;
        }
        let binding = self.syntax.lookup(name, offset, self.function)?;
        self.hops += 1;
        if let Some(source) = self.source {
            let (line, _) = source.position(binding.span.start);
            let text = source.text.get(binding.value.span.clone()).unwrap_or("");
            // Parameters and other bindings without a written value explain nothing.
            if !text.trim().is_empty() {
                self.steps.push(format!(
                    "{} = {}, line {line}",
                    binding.name,
                    one_line(text)
                ));
            }
        }
        Some(binding)
    }

    /// The value of a name: its binding in the file (a parameter takes the value a caller
    /// bound), else what the project says of it.
    fn name_value(&mut self, name: &str, offset: usize) -> Value {
        if self.hops >= MAX_BINDING_HOPS {
            return Value::Unknown;
        }
        match self.syntax.lookup(name, offset, self.function) {
            Some(b) if b.is_parameter() => match self.bound.iter().find(|(n, _)| n == name) {
                Some((_, v)) => v.clone(),
                None => self.constructor_default(name, b.function),
            },
            Some(_) => match self.lookup_binding(name, offset) {
                Some(binding) => self.value_of(binding),
                None => Value::Unknown,
            },
            None => self.outer_value(&[name]),
        }
    }

    /// The module an import alias stands for, by its last segment (`t` of `import t "time"`
    /// → `time`).
    fn aliased_module(&self, local: &str) -> Option<&'a str> {
        let import = self.syntax.import_of(local)?;
        import.alias.as_ref()?;
        let tail = import.tail();
        (tail != local).then_some(tail)
    }

    /// A callee path with its root import alias replaced by what it imports, so the
    /// constructors below match under any alias: `td(days=2)` with `from datetime import
    /// timedelta as td` is `datetime.timedelta`, `dt.now()` with `from datetime import datetime
    /// as dt` is `datetime.datetime.now`, `t.Duration(5)` with `import t "time"` is
    /// `time.Duration`. A root bound in the file is its own name.
    fn canonical(&self, path: &[&str]) -> String {
        let Some((root, rest)) = path.split_first() else {
            return String::new();
        };
        let import = self
            .syntax
            .import_of(root)
            .filter(|i| i.alias.as_deref() == Some(*root));
        let head = match import {
            Some(i) => {
                let imported = match &i.name {
                    Some(name) => format!("{}.{}", i.module, name),
                    None => i.module.clone(),
                };
                // Paths as the standard libraries spell them: `datetime.timedelta`,
                // `time.Duration` (Go's module path `time`), `java.time.Duration`.
                imported.replace(['/', ':', '\\'], ".").replace("..", ".")
            }
            None => (*root).to_string(),
        };
        if rest.is_empty() {
            head
        } else {
            format!("{head}.{}", rest.join("."))
        }
    }

    /// Whether a (canonical) callee comes from pytimeparse: `pytimeparse.parse`, or a name
    /// imported from it without an alias (`from pytimeparse import parse`).
    fn is_pytimeparse(&self, path: &str) -> bool {
        if !self.durations(DurationLibrary::Timedelta) {
            return false;
        }
        let origin = match self.syntax.import_of(path) {
            Some(i) if i.alias.is_none() => match &i.name {
                Some(name) => format!("{}.{name}", i.module),
                None => i.module.clone(),
            },
            _ => path.to_string(),
        };
        origin.starts_with("pytimeparse.")
    }

    fn outer_value(&mut self, path: &[&str]) -> Value {
        match self.outer.and_then(|o| o.constant(path)) {
            Some(v) => {
                if self.source.is_some() {
                    self.steps.push(format!(
                        "{} = {}, from another module",
                        path.join("."),
                        show(&v)
                    ));
                }
                v
            }
            None => Value::Unknown,
        }
    }

    fn eval_inner(&mut self, expr: &Expr) -> Value {
        match &expr.kind {
            ExprKind::Int(n) => Value::Number(*n as f64),
            ExprKind::Float(f) => Value::Number(*f),
            ExprKind::Str(s) => Value::Str(s.clone()),
            ExprKind::Name(name) => self.name_value(name, expr.span.start),
            ExprKind::Member(object, field) => self.member(object, field, expr),
            ExprKind::Call(call) => self.call(call),
            ExprKind::Binary(op, l, r) => {
                let (l, r) = (self.eval(l), self.eval(r));
                self.binary(*op, l, r)
            }
            ExprKind::Neg(inner) => match self.eval(inner) {
                Value::Number(n) => Value::Number(-n),
                Value::Duration(d) => Value::Duration(-d),
                _ => Value::Unknown,
            },
            ExprKind::Null => Value::Absent,
            // Go `n, err := strconv.Atoi(s)`, `d, err := time.ParseDuration(s)`: the first
            // result of a conversion is its value (a presign call's result stays unfolded).
            ExprKind::FirstResult(inner) => match inner.as_call() {
                Some(c)
                    if c.callee.path().is_some_and(|p| {
                        matches!(
                            self.canonical(&p).as_str(),
                            "strconv.Atoi"
                                | "strconv.ParseInt"
                                | "strconv.ParseUint"
                                | "strconv.ParseFloat"
                                | "time.ParseDuration"
                        )
                    }) =>
                {
                    self.eval(inner)
                }
                _ => Value::Unknown,
            },
            ExprKind::Setting(setting) => self.setting(setting, expr.span.start),
            ExprKind::Choice(items) => self.longest(items),
            ExprKind::Fallback(items, absence) => match items.as_slice() {
                [value, default] => match (self.eval(value), absence) {
                    (Value::Absent, _) => self.eval(default),
                    // A setting's default: what the program runs with when it is not set.
                    (Value::Unset(setting), _) => {
                        if self.source.is_some() {
                            let when = match setting.source {
                                crate::facts::SettingSource::Hook => "unless a filter changes it",
                                _ => "used when it is not set",
                            };
                            self.steps
                                .push(format!("the default of {}, {when}", setting.describe()));
                        }
                        self.eval(default)
                    }
                    (Value::Number(n) | Value::Duration(n), Absence::Falsy) if n == 0.0 => {
                        self.eval(default)
                    }
                    (Value::Str(s), Absence::Falsy) if s.is_empty() => self.eval(default),
                    // `options.downloadTtl ?? DAY` in a constructor: the options a framework
                    // builds the object with are out of sight, and the default is what it
                    // runs with unless they say otherwise.
                    (Value::Unknown, _) if self.constructor_option(value) => {
                        if self.source.is_some() {
                            let option = value.path().map(|p| p.join(".")).unwrap_or_default();
                            self.steps.push(format!(
                                "the default of option `{option}`, used when the constructor is not given it"
                            ));
                        }
                        self.eval(default)
                    }
                    (other, _) => other,
                },
                _ => Value::Unknown,
            },
            _ => Value::Unknown,
        }
    }

    /// One of several values, decided at run time (a ternary, or an assignment in a branch
    /// over an earlier value): when each is a known number, or each a known length of time,
    /// the largest, what the program presigns with on some path; a path whose value is only
    /// known at run time (`typeof opts === "object" ? opts : { expiresIn: 7200 }`) does not
    /// hide the others'. Otherwise unknown. Only the steps to the largest are kept, and a note
    /// that it is one path's.
    fn longest(&mut self, items: &[Expr]) -> Value {
        let start = self.steps.len();
        let mut best: Option<(Value, Vec<String>)> = None;
        let mut shown = Vec::new();
        let mut run_time = false;
        for item in items {
            let from = self.steps.len();
            let value = self.eval(item);
            let steps = self.steps.split_off(from);
            if value == Value::Unknown {
                run_time = true;
                continue;
            }
            let larger = match (&value, best.as_ref().map(|(v, _)| v)) {
                (Value::Number(_) | Value::Duration(_), None) => true,
                (Value::Number(a), Some(Value::Number(b)))
                | (Value::Duration(a), Some(Value::Duration(b))) => a > b,
                _ => {
                    self.steps.truncate(start);
                    return Value::Unknown;
                }
            };
            shown.push(show(&value));
            if larger {
                best = Some((value, steps));
            }
        }
        let Some((value, steps)) = best else {
            return Value::Unknown;
        };
        self.steps.extend(steps);
        if run_time {
            shown.push("one set at run time".to_string());
        }
        if self.source.is_some() && shown.len() > 1 {
            self.steps.push(format!(
                "the longest of its values on different paths ({})",
                shown.join(", ")
            ));
        }
        value
    }

    /// A setting: unset, unless it is a field of an object the program writes itself (a
    /// config object of this file or of another module that holds the key).
    fn setting(&mut self, setting: &Setting, offset: usize) -> Value {
        if let Some(object) = &setting.object {
            let mut path: Vec<&str> = object.split('.').collect();
            path.push(&setting.key);
            let mark = self.mark();
            if let Some(value) = self.lookup(&path.join("."), offset) {
                return self.eval(value);
            }
            if let Some(bound) = self.lookup(&object.clone(), offset)
                && let ExprKind::Object(_) = bound.kind
            {
                return match bound.field(&setting.key) {
                    Some(field) => self.eval(field),
                    None => Value::Unset(Box::new(setting.clone())),
                };
            }
            self.rewind(mark);
            if let Some(root) = path.first()
                && self.syntax.lookup(root, offset, self.function).is_none()
            {
                let v = self.outer_value(&path);
                if v != Value::Unknown {
                    return v;
                }
            }
        }
        Value::Unset(Box::new(setting.clone()))
    }

    fn member(&mut self, object: &Expr, field: &str, whole: &Expr) -> Value {
        if let Some(path) = whole.path() {
            if let Some(v) = constant(&path.join(".")) {
                return v;
            }
            // `t.Hour` with `import t "time"`: the constant of the module the alias names.
            if let Some(module) = self.aliased_module(path[0]) {
                let canonical = format!("{module}.{}", path[1..].join("."));
                if let Some(v) = constant(&canonical) {
                    return v;
                }
            }
            // `self.expiry`, `this.ttl`, `Config.EXPIRY`: a binding of the dotted name.
            let dotted = path.join(".");
            if let Some(binding) = self.lookup_binding(&dotted, whole.span.start) {
                return self.value_of(binding);
            }
            // `Time.day`, `config.EXPIRY`: a constant object or module of another file, unless
            // its root is bound here (a local object's field is not another module's).
            if self
                .syntax
                .lookup(path[0], whole.span.start, self.function)
                .is_none()
            {
                let v = self.outer_value(&path);
                if v != Value::Unknown {
                    return v;
                }
            }
            if let Some(v) = self.inherited(&path, whole.span.start) {
                return v;
            }
        }
        let receiver = self.eval(object);
        match (receiver, field) {
            // Scala's `"604800".toLong`, a conversion written without parentheses (see the
            // calls of `NUMBER_METHODS`); an unset setting stays unset through it.
            (v @ (Value::Number(_) | Value::Str(_)), method)
                if NUMBER_METHODS.contains(&method) =>
            {
                as_number(v)
            }
            (Value::Unset(setting), method) if NUMBER_METHODS.contains(&method) => {
                Value::Unset(setting)
            }
            // Kotlin `24.hours`, ActiveSupport `7.days`; a numeric string too: the default of
            // `ENV.fetch("X", "240").to_i.minutes` is read before the conversion.
            (Value::Number(n), unit) => match unit_word(unit) {
                Some(secs) => Value::Duration(n * secs),
                None => Value::Unknown,
            },
            (v @ Value::Str(_), unit) => match (unit_word(unit), as_number(v)) {
                (Some(secs), Value::Number(n)) => Value::Duration(n * secs),
                _ => Value::Unknown,
            },
            // Python's `timedelta.seconds` and `.days` are components, not totals.
            (Value::Duration(d), "seconds") if self.durations(DurationLibrary::Timedelta) => {
                Value::Number(d.rem_euclid(86_400.0).floor())
            }
            (Value::Duration(d), "days") if self.durations(DurationLibrary::Timedelta) => {
                Value::Number((d / 86_400.0).floor())
            }
            (Value::Duration(d), field) if DURATION_CONVERSIONS.contains(&field) => {
                Value::Duration(d)
            }
            // C# `TimeSpan.TotalSeconds`, Kotlin `inWholeSeconds`, Ruby `seconds`, …
            (Value::Duration(d), field) => duration_as_number(field)
                .map_or(Value::Unknown, |per_unit| Value::Number(d / per_unit)),
            // A clock's method called without parentheses, as Scala allows: `ZonedDateTime.now`,
            // `….toInstant`, Joda's `DateTime.now.plusHours(12).toDate`: the call it is.
            (Value::Time { .. }, _) | (Value::Unknown, "now" | "today" | "utcnow") => {
                self.call(&CallExpr {
                    callee: whole.clone(),
                    args: Vec::new(),
                    is_new: false,
                    span: whole.span.clone(),
                })
            }
            _ => Value::Unknown,
        }
    }

    /// A parameter of the constructor whose field another method reads, with a default
    /// (`def __init__(self, expiry=7 * DAY)`, Ruby's `initialize(expires_in: 7.days)`, PHP's
    /// `__construct(int $ttl = 604800)`): the value an object built without it has.
    fn constructor_default(&mut self, name: &str, function: Option<usize>) -> Value {
        let Some(f) = function.filter(|f| self.constructing == Some(*f)) else {
            return Value::Unknown;
        };
        let syntax = self.syntax;
        let Some(default) = syntax
            .functions
            .get(f)
            .and_then(|d| d.params.iter().find(|p| p.name == name))
            .and_then(|p| p.default.as_ref())
        else {
            return Value::Unknown;
        };
        let value = self.eval(default);
        if self.source.is_some() && value != Value::Unknown {
            self.steps.push(format!(
                "the default of the constructor's `{name}`, used when it is not given"
            ));
        }
        value
    }

    /// Whether `expr` reads a field of an options parameter of the constructor whose field
    /// another method reads (`options.download_file_duration`; see [`Env::constructor_default`]).
    fn constructor_option(&self, expr: &Expr) -> bool {
        let Some(function) = self
            .function
            .filter(|f| self.constructing == Some(*f))
            .and_then(|f| self.syntax.functions.get(f))
        else {
            return false;
        };
        let Some(path) = expr.path() else {
            return false;
        };
        path.len() >= 2
            && function.params.iter().any(|p| p.name == path[0])
            && !self.bound.iter().any(|(n, _)| n == path[0])
    }

    /// A static a class inherits, read through the class (`S3Storage.defaultSignedUrlExpires`
    /// with `class S3Storage extends BaseStorage`): the base's, in this file or the module it
    /// is imported from, up the classes this file declares.
    fn inherited(&mut self, path: &[&str], offset: usize) -> Option<Value> {
        let syntax = self.syntax;
        let (class, fields) = path.split_first()?;
        let mut class: &str = class;
        for _ in 0..MAX_INHERITANCE {
            let base = syntax.base_of(class)?;
            let mut based: Vec<&str> = base.split('.').collect();
            based.extend_from_slice(fields);
            if let Some(binding) = self.lookup_binding(&based.join("."), offset) {
                return Some(self.value_of(binding));
            }
            if syntax.lookup(based[0], offset, self.function).is_none() {
                let v = self.outer_value(&based);
                if v != Value::Unknown {
                    return Some(v);
                }
            }
            class = base.rsplit('.').next().unwrap_or(base);
        }
        None
    }

    fn call(&mut self, call: &CallExpr) -> Value {
        let name = call.name().unwrap_or("");
        let path = call.callee.path().map(|p| self.canonical(&p));
        let arg = |env: &mut Env<'a>, i: usize| {
            call.positional(i).map_or(Value::Unknown, |e| env.eval(e))
        };

        if let Some(path) = path.as_deref()
            && let Some(v) = self.constructor(path, call)
        {
            return v;
        }
        // Methods on an evaluated receiver: clocks and durations.
        let Some(receiver_expr) = call.receiver() else {
            return Value::Unknown;
        };
        // C++ `d.count()`: a `std::chrono` duration's ticks, in its own type's unit
        // (`hours(192).count()` is 192); unknown when the type is not in view.
        if self.durations(DurationLibrary::Chrono) && name == "count" && call.args.is_empty() {
            let unit = self.chrono_unit_of(receiver_expr, 0);
            return match (self.eval(receiver_expr), unit) {
                (Value::Duration(d), Some(unit)) => Value::Number(d / unit),
                _ => Value::Unknown,
            };
        }
        let receiver = self.eval(receiver_expr);
        match (receiver, name) {
            // Wrappers that keep the value: Rust `.unwrap()`, `.to_std()`, chrono `try_days(1).unwrap()`.
            (
                v,
                "unwrap" | "expect" | "to_std" | "into" | "clone" | "unwrap_or_default"
                | "toDuration",
            ) => v,
            // An unset setting stays unset through conversions and Option/Optional plumbing
            // (`.to_i`, `.toLong()`, `.ok()`, `.parse()`, `.map(…)`), and takes the default of
            // `unwrap_or(d)`, `orElse(d)`, `getOrElse(d)`, `or(d)`.
            (Value::Unset(setting), method) => match method {
                "unwrap_or" | "orElse" | "getOrElse" | "or" | "unwrap_or_default_value" => {
                    match call.positional(0) {
                        Some(default) => {
                            let fallback = Expr {
                                kind: ExprKind::Fallback(
                                    vec![
                                        Expr {
                                            kind: ExprKind::Setting(setting),
                                            span: call.span.clone(),
                                        },
                                        default.clone(),
                                    ],
                                    Absence::Null,
                                ),
                                span: call.span.clone(),
                            };
                            self.eval(&fallback)
                        }
                        None => Value::Unknown,
                    }
                }
                "ok" | "parse" | "and_then" | "map" | "flatMap" | "filter" | "trim" | "strip"
                | "to_string" | "toString" | "as_deref" | "get" => Value::Unset(setting),
                m if NUMBER_METHODS.contains(&m) => Value::Unset(setting),
                _ => Value::Unknown,
            },
            // Scala's duration handed to Java (`12.hours.toJava`, `d.asJava`) and back.
            (Value::Duration(d), method) if DURATION_CONVERSIONS.contains(&method) => {
                Value::Duration(d)
            }
            // A length of time read as a number: `timedelta(days=2).total_seconds()`,
            // `Duration.ofHours(5).toSeconds()`, `d.Seconds()`, `as_secs()`, `num_seconds()`.
            (Value::Duration(d), method) => duration_as_number(method)
                .map_or(Value::Unknown, |per_unit| Value::Number(d / per_unit)),
            // `TimeUnit.HOURS.toSeconds(5)`, `TimeUnit.DAYS.toMillis(2)`.
            (Value::Unit(u), method) => match (duration_as_number(method), arg(self, 0)) {
                (Some(per_unit), Value::Number(n)) => Value::Number(n * u / per_unit),
                _ => Value::Unknown,
            },
            // Numeric conversions that keep the value: Kotlin `.toLong()`, Ruby `.to_i`, a
            // numeric string parsed (`"604800".toLong()`, `"3600".to_i`).
            (v @ (Value::Number(_) | Value::Str(_)), method)
                if NUMBER_METHODS.contains(&method) && call.args.is_empty() =>
            {
                as_number(v)
            }
            (Value::Time { offset, epoch_unit }, method) => {
                // Carbon's `addDay()` adds one.
                let amount = match call.args.len() {
                    0 => Value::Number(1.0),
                    _ => arg(self, 0),
                };
                let shift = match (method, amount) {
                    (_, Value::Number(n)) if time_step(method).is_some() => {
                        time_step(method).map(|per| n * per)
                    }
                    ("Add" | "plus" | "add", Value::Duration(d)) => Some(d),
                    // Go `AddDate(years, months, days)`; a month's length varies, so only
                    // whole years and days are counted.
                    ("AddDate", _) => match (arg(self, 0), arg(self, 1), arg(self, 2)) {
                        (Value::Number(y), Value::Number(0.0), Value::Number(d)) => {
                            Some(y * YEAR + d * 86_400.0)
                        }
                        _ => None,
                    },
                    // The same instant in another zone or type: Go `UTC()`, Java `atOffset(…)`.
                    (
                        "UTC" | "Local" | "In" | "ToUniversalTime" | "atOffset" | "atZone"
                        | "toOffsetDateTime" | "toZonedDateTime" | "toImmutable" | "toMutable"
                        | "copy",
                        _,
                    ) => return Value::Time { offset, epoch_unit },
                    ("plus", Value::Number(n)) => match arg(self, 1) {
                        Value::Unit(u) => Some(n * u),
                        _ => None,
                    },
                    // Epoch readings: `.timestamp()`, Go `Unix()`, `getEpochSecond()`, Ruby `to_i`.
                    (
                        "timestamp" | "Unix" | "getEpochSecond" | "ToUnixTimeSeconds"
                        | "epochSeconds" | "to_i" | "timestamp_secs",
                        _,
                    ) => {
                        return Value::Time {
                            offset,
                            epoch_unit: Some(1.0),
                        };
                    }
                    (
                        "UnixMilli"
                        | "toEpochMilli"
                        | "ToUnixTimeMilliseconds"
                        | "timestamp_millis",
                        _,
                    ) => {
                        return Value::Time {
                            offset,
                            epoch_unit: Some(0.001),
                        };
                    }
                    ("getTime" | "valueOf", _) => {
                        return Value::Time {
                            offset,
                            epoch_unit: Some(0.001),
                        };
                    }
                    ("toInstant" | "toDate" | "utc", _) => {
                        return Value::Time {
                            offset,
                            epoch_unit: None,
                        };
                    }
                    _ => None,
                };
                shift.map_or(Value::Unknown, |s| Value::Time {
                    offset: offset + s,
                    epoch_unit: None,
                })
            }
            _ => Value::Unknown,
        }
    }

    /// Duration and clock constructors, by dotted callee (the last segments decide, so
    /// `datetime.timedelta` and `timedelta` both match).
    fn constructor(&mut self, path: &str, call: &CallExpr) -> Option<Value> {
        let last = path.rsplit('.').next().unwrap_or(path);
        let tail2 = path
            .rsplitn(3, '.')
            .take(2)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<Vec<_>>()
            .join(".");
        let first_number = |env: &mut Env<'a>| match call.positional(0).map(|e| env.eval(e)) {
            Some(Value::Number(n)) => Some(n),
            _ => None,
        };
        let scaled =
            |env: &mut Env<'a>, unit: f64| first_number(env).map(|n| Value::Duration(n * unit));
        // C++ `std::chrono::hours(24)` (`chrono.hours` also stands for a `24h` literal), and
        // `hours(24)` under `using namespace std::chrono`; a duration given a duration
        // (`std::chrono::seconds(d)`) keeps it.
        if self.durations(DurationLibrary::Chrono)
            && (tail2.starts_with("chrono.") || path == last)
            && let Some(unit) = chrono_unit(last)
        {
            return Some(match call.positional(0).map(|e| self.eval(e)) {
                Some(Value::Number(n)) if call.args.len() == 1 => Value::Duration(n * unit),
                Some(Value::Duration(d)) if call.args.len() == 1 => Value::Duration(d),
                _ => Value::Unknown,
            });
        }
        // Swift's `Duration.seconds(3600)` (5.7), SwiftNIO's `TimeAmount.hours(24)` (Soto's
        // expiries), and `.seconds(60)`, `.hours(24)` where one is expected (an implicit
        // member: its path is `.seconds`).
        if self.durations(DurationLibrary::SwiftDuration)
            && matches!(
                tail2.as_str(),
                "Duration.seconds"
                    | "Duration.milliseconds"
                    | "Duration.microseconds"
                    | "Duration.nanoseconds"
                    | "TimeAmount.hours"
                    | "TimeAmount.minutes"
                    | "TimeAmount.seconds"
                    | "TimeAmount.milliseconds"
                    | "TimeAmount.microseconds"
                    | "TimeAmount.nanoseconds"
                    | ".hours"
                    | ".minutes"
                    | ".seconds"
                    | ".milliseconds"
                    | ".microseconds"
                    | ".nanoseconds"
            )
            && let Some(unit) = chrono_unit(last)
        {
            return Some(match call.positional(0).map(|e| self.eval(e)) {
                Some(Value::Number(n)) if call.args.len() == 1 => Value::Duration(n * unit),
                _ => Value::Unknown,
            });
        }
        // Scala `Duration(7, TimeUnit.DAYS)`, `FiniteDuration(7, "days")`,
        // `Duration.create(7, DAYS)` (scala.concurrent.duration).
        if self.durations(DurationLibrary::ScalaDuration)
            && (matches!(last, "Duration" | "FiniteDuration")
                || matches!(tail2.as_str(), "Duration.apply" | "Duration.create"))
            && call.args.len() == 2
        {
            let unit = match call.positional(1) {
                Some(e) => match (self.eval(e), e.path().map(|p| p.join("."))) {
                    (Value::Unit(u), _) => Some(u),
                    (Value::Str(s), _) => scala_unit(&s),
                    (_, Some(p)) => scala_unit(p.rsplit('.').next().unwrap_or(&p)),
                    _ => None,
                },
                None => None,
            };
            return Some(match (first_number(self), unit) {
                (Some(n), Some(u)) => Value::Duration(n * u),
                _ => Value::Unknown,
            });
        }
        Some(match (tail2.as_str(), last) {
            (_, "timedelta") => {
                let mut total = 0.0;
                let positional_units = [86_400.0, 1.0, 0.000_001, 0.001, 60.0, 3600.0, 604_800.0];
                for (i, unit) in positional_units.iter().enumerate() {
                    if let Some(e) = call.positional(i) {
                        match self.eval(e) {
                            Value::Number(n) => total += n * unit,
                            _ => return Some(Value::Unknown),
                        }
                    }
                }
                for a in &call.args {
                    let Some(name) = &a.name else { continue };
                    let unit = match name.as_str() {
                        "weeks" => 604_800.0,
                        "days" => 86_400.0,
                        "hours" => 3600.0,
                        "minutes" => 60.0,
                        "seconds" => 1.0,
                        "milliseconds" => 0.001,
                        "microseconds" => 0.000_001,
                        _ => return Some(Value::Unknown),
                    };
                    match self.eval(&a.value) {
                        Value::Number(n) => total += n * unit,
                        _ => return Some(Value::Unknown),
                    }
                }
                Value::Duration(total)
            }
            (
                "Duration.ofSeconds"
                | "Duration.from_secs"
                | "Duration.seconds"
                | "TimeSpan.FromSeconds"
                | "Duration.from_secs_f64"
                | "Duration.try_seconds",
                _,
            ) => scaled(self, 1.0)?,
            (
                "Duration.ofMinutes"
                | "Duration.from_mins"
                | "Duration.minutes"
                | "TimeSpan.FromMinutes"
                | "Duration.try_minutes",
                _,
            ) => scaled(self, 60.0)?,
            (
                "Duration.ofHours"
                | "Duration.from_hours"
                | "Duration.hours"
                | "TimeSpan.FromHours"
                | "Duration.try_hours",
                _,
            ) => scaled(self, 3600.0)?,
            (
                "Duration.ofDays" | "Duration.from_days" | "Duration.days" | "TimeSpan.FromDays"
                | "Duration.try_days",
                _,
            ) => scaled(self, 86_400.0)?,
            (
                "Duration.ofMillis"
                | "Duration.from_millis"
                | "Duration.milliseconds"
                | "TimeSpan.FromMilliseconds",
                _,
            ) => scaled(self, 0.001)?,
            ("Duration.ofNanos" | "Duration.from_nanos", _) => scaled(self, 1e-9)?,
            // Scala's `DurationConverters.toJava(12.hours)` (scala.jdk.javaapi, java8-compat).
            ("DurationConverters.toJava" | "DurationConverters.toScala", _) => {
                match call.positional(0).map(|e| self.eval(e)) {
                    Some(Value::Duration(d)) => Value::Duration(d),
                    _ => Value::Unknown,
                }
            }
            ("time.Duration", _) => match call.positional(0).map(|e| self.eval(e)) {
                Some(Value::Number(n)) => Value::Duration(n / 1e9),
                Some(Value::Duration(d)) => Value::Duration(d),
                _ => Value::Unknown,
            },
            (
                "datetime.now"
                | "datetime.utcnow"
                | "datetime.today"
                | "timezone.now"
                | "Instant.now"
                | "time.Now"
                | "Time.now"
                | "DateTime.now"
                | "Clock.System.now"
                | "SystemTime.now"
                | "Utc.now"
                | "Local.now"
                | "OffsetDateTime.now"
                | "ZonedDateTime.now"
                | "LocalDateTime.now"
                | "Carbon.now"
                | "CarbonImmutable.now"
                | "system_clock.now"
                | "Date.now",
                _,
            ) if !(path == "Date.now" && self.time().date_now_is_milliseconds) => Value::Time {
                offset: 0.0,
                epoch_unit: None,
            },
            // Laravel's `now()` helper (a Carbon instance).
            ("now", _) if self.time().now_function_is_clock && call.args.is_empty() => {
                Value::Time {
                    offset: 0.0,
                    epoch_unit: None,
                }
            }
            ("time.time", _) | (_, "time")
                if path == "time.time" || (path == "time" && call.args.is_empty()) =>
            {
                Value::Time {
                    offset: 0.0,
                    epoch_unit: Some(1.0),
                }
            }
            // Numeric conversions and roundings that keep the value (`int(x)`, `Number(x)`,
            // `Math.floor(x)`, `Convert.ToInt32(x)`, Go `int64(x)`), parsing a numeric string
            // (`int("604800")`, `Long.parseLong(s)`, `strconv.Atoi(s)`). Go converts a
            // duration to its count of nanoseconds.
            (_, _) if is_conversion(path, &tail2, last) && call.args.len() <= 2 => {
                match call.positional(0).map(|e| self.eval(e)) {
                    Some(Value::Duration(d)) if self.time().durations_count_nanoseconds => {
                        Value::Number(d * 1e9)
                    }
                    // `Math.floor(Date.now() / 1000)`, `int(time.time())`: the same clock.
                    Some(t @ Value::Time { .. }) => t,
                    Some(v @ (Value::Number(_) | Value::Str(_))) => as_number(v),
                    Some(v @ Value::Unset(_)) => v,
                    _ => Value::Unknown,
                }
            }
            // `Optional.ofNullable(System.getenv("X"))`, Rust `Some(x)`: the value, wrapped.
            ("Optional.ofNullable" | "Optional.of", _) | (_, "Some") if call.args.len() == 1 => {
                call.positional(0).map_or(Value::Unknown, |e| self.eval(e))
            }
            // Go `time.ParseDuration("168h")`, through the first of its two results.
            ("time.ParseDuration", _) => match call.positional(0).map(|e| self.eval(e)) {
                Some(Value::Str(s)) => {
                    parse_duration(&s).map_or(Value::Unknown, |s| Value::Duration(s as f64))
                }
                _ => Value::Unknown,
            },
            // A clamp (`Math.min(expiresIn, MAX)`, `min(ttl, 3600)`): the folded bound.
            (_, "min" | "Min" | "minOf" | "max" | "Max" | "maxOf")
                if path == last || matches!(tail2.split('.').next(), Some("Math" | "math")) =>
            {
                let values: Vec<Value> = (0..call.args.len())
                    .filter_map(|i| call.positional(i))
                    .map(|e| self.eval(e))
                    .collect();
                let smallest = last.starts_with("min") || last.starts_with("Min");
                extreme(&values, smallest)
            }
            ("Date.now" | "System.currentTimeMillis", _) => Value::Time {
                offset: 0.0,
                epoch_unit: Some(0.001),
            },
            (_, "Date") if call.is_new => match call.positional(0).map(|e| self.eval(e)) {
                None => Value::Time {
                    offset: 0.0,
                    epoch_unit: None,
                },
                Some(Value::Time { offset, .. }) => Value::Time {
                    offset,
                    epoch_unit: None,
                },
                _ => Value::Unknown,
            },
            ("Date.from", _) => match call.positional(0).map(|e| self.eval(e)) {
                Some(Value::Time { offset, .. }) => Value::Time {
                    offset,
                    epoch_unit: None,
                },
                _ => Value::Unknown,
            },
            // PHP: `new DateTime('+20 minutes')`, `strtotime('+1 day')`.
            (_, "DateTime" | "DateTimeImmutable") if call.is_new => match call
                .positional(0)
                .map(|e| self.eval(e))
            {
                None => Value::Time {
                    offset: 0.0,
                    epoch_unit: None,
                },
                Some(Value::Str(s)) => relative_time(&s).map_or(Value::Unknown, |o| Value::Time {
                    offset: o,
                    epoch_unit: None,
                }),
                _ => Value::Unknown,
            },
            // pytimeparse's `parse("1 day")` / `timeparse(…)`: a number of seconds.
            (_, "parse" | "timeparse") if self.is_pytimeparse(path) => {
                match call.positional(0).map(|e| self.eval(e)) {
                    Some(Value::Str(s)) => {
                        parse_duration(&s).map_or(Value::Unknown, |s| Value::Number(s as f64))
                    }
                    Some(v @ Value::Unset(_)) => v,
                    _ => Value::Unknown,
                }
            }
            (_, "strtotime") => match call.positional(0).map(|e| self.eval(e)) {
                Some(Value::Str(s)) => relative_time(&s).map_or(Value::Unknown, |o| Value::Time {
                    offset: o,
                    epoch_unit: Some(1.0),
                }),
                _ => Value::Unknown,
            },
            _ => return None,
        })
    }

    fn binary(&self, op: BinOp, l: Value, r: Value) -> Value {
        use Value::{Duration, Number, Time};
        match (op, l, r) {
            (BinOp::Add, Number(a), Number(b)) => Number(a + b),
            (BinOp::Sub, Number(a), Number(b)) => Number(a - b),
            (BinOp::Mul, Number(a), Number(b)) => Number(a * b),
            (BinOp::Div, Number(a), Number(b)) if b != 0.0 => Number(a / b),
            (BinOp::Mul, Number(n), Duration(d)) | (BinOp::Mul, Duration(d), Number(n)) => {
                Duration(n * d)
            }
            // Go multiplies durations as nanosecond counts: time.Duration(60) * time.Second.
            (BinOp::Mul, Duration(a), Duration(b)) if self.time().durations_count_nanoseconds => {
                Duration(a * b * 1e9)
            }
            (BinOp::Div, Duration(d), Number(n)) if n != 0.0 => Duration(d / n),
            // `Date.now() / 1000`: the same clock, read in seconds.
            (
                BinOp::Div,
                Time {
                    offset,
                    epoch_unit: Some(u),
                },
                Number(n),
            ) if n != 0.0 => Time {
                offset,
                epoch_unit: Some(u * n),
            },
            (BinOp::Add, Duration(a), Duration(b)) => Duration(a + b),
            (BinOp::Sub, Duration(a), Duration(b)) => Duration(a - b),
            (BinOp::Add, Time { offset, .. }, Duration(d))
            | (BinOp::Add, Duration(d), Time { offset, .. }) => Time {
                offset: offset + d,
                epoch_unit: None,
            },
            (BinOp::Sub, Time { offset, .. }, Duration(d)) => Time {
                offset: offset - d,
                epoch_unit: None,
            },
            (
                BinOp::Add,
                Time {
                    offset,
                    epoch_unit: Some(u),
                },
                Number(n),
            )
            | (
                BinOp::Add,
                Number(n),
                Time {
                    offset,
                    epoch_unit: Some(u),
                },
            ) => Time {
                offset: offset + n * u,
                epoch_unit: Some(u),
            },
            // Ruby `Time.now + 3600`: seconds.
            (
                BinOp::Add,
                Time {
                    offset,
                    epoch_unit: None,
                },
                Number(n),
            ) if self.time().time_plus_number_is_seconds => Time {
                offset: offset + n,
                epoch_unit: None,
            },
            (BinOp::Sub, Time { offset: a, .. }, Time { offset: b, .. }) => Duration(a - b),
            (BinOp::Add, Value::Str(a), Value::Str(b)) => Value::Str(a + &b),
            _ => Value::Unknown,
        }
    }
}

/// The smallest (or largest) of numbers, or of durations; anything else is unknown.
fn extreme(values: &[Value], smallest: bool) -> Value {
    let pick = |a: f64, b: f64| if smallest { a.min(b) } else { a.max(b) };
    let mut numbers = values.iter().map(|v| match v {
        Value::Number(n) => Some((false, *n)),
        Value::Duration(d) => Some((true, *d)),
        _ => None,
    });
    let Some(Some((duration, first))) = numbers.next() else {
        return Value::Unknown;
    };
    let mut result = first;
    for n in numbers {
        match n {
            Some((d, n)) if d == duration => result = pick(result, n),
            _ => return Value::Unknown,
        }
    }
    if duration {
        Value::Duration(result)
    } else {
        Value::Number(result)
    }
}

/// Methods of a length of time that hand it to another library unchanged: Scala's
/// `scala.jdk.DurationConverters` (`toJava`, `toScala`) and `JavaConverters` (`asJava`).
const DURATION_CONVERSIONS: &[&str] = &["toJava", "toScala", "asJava", "asScala"];

/// Methods of a number or numeric string that convert it without changing its value.
const NUMBER_METHODS: &[&str] = &[
    "toInt",
    "toLong",
    "toDouble",
    "toFloat",
    "toIntOrNull",
    "toLongOrNull",
    "intValue",
    "longValue",
    "doubleValue",
    "to_i",
    "to_f",
    "parse",
];

/// A conversion or rounding function that keeps a number (and parses a numeric string).
fn is_conversion(path: &str, tail2: &str, last: &str) -> bool {
    let bare = path == last;
    (bare
        && matches!(
            last,
            "int"
                | "float"
                | "str"
                | "String"
                | "round"
                | "long"
                | "Number"
                | "parseInt"
                | "parseFloat"
                | "intval"
                | "floatval"
                | "Integer"
                | "Float"
                | "int32"
                | "int64"
                | "uint"
                | "uint32"
                | "uint64"
                | "float64"
                | "float32"
        ))
        || matches!(
            tail2,
            "Math.floor"
                | "Math.ceil"
                | "Math.round"
                | "Math.trunc"
                | "Math.toIntExact"
                | "math.floor"
                | "math.ceil"
                | "math.trunc"
                | "Math.Floor"
                | "Math.Ceiling"
                | "Math.Round"
                | "Math.Truncate"
                | "Convert.ToInt16"
                | "Convert.ToInt32"
                | "Convert.ToInt64"
                | "Convert.ToDouble"
                | "Integer.parseInt"
                | "Integer.valueOf"
                | "Long.parseLong"
                | "Long.valueOf"
                | "Double.parseDouble"
                | "int.Parse"
                | "long.Parse"
                | "double.Parse"
                | "Int32.Parse"
                | "Int64.Parse"
                | "Double.Parse"
                | "strconv.Atoi"
                | "strconv.ParseInt"
                | "strconv.ParseUint"
                | "strconv.ParseFloat"
                | "Number.parseInt"
                | "Number.parseFloat"
        )
}

/// A number, or a numeric string read as one; anything else is unknown.
fn as_number(v: Value) -> Value {
    match v {
        Value::Number(n) => Value::Number(n),
        Value::Str(s) => s
            .trim()
            .parse::<f64>()
            .map_or(Value::Unknown, Value::Number),
        _ => Value::Unknown,
    }
}

/// Seconds per unit of a method or member that reads a length of time as a number:
/// `total_seconds`, `toSeconds`, `getSeconds`, Go's `Seconds()`, `as_secs`, `num_seconds`,
/// `TotalSeconds`, `inWholeSeconds`, `toMillis`, `TotalMinutes`, ….
fn duration_as_number(method: &str) -> Option<f64> {
    Some(match method {
        "total_seconds" | "toSeconds" | "getSeconds" | "Seconds" | "as_secs" | "as_secs_f64"
        | "as_secs_f32" | "num_seconds" | "whole_seconds" | "inWholeSeconds" | "TotalSeconds"
        | "in_seconds" | "to_i" | "to_f" | "seconds" => 1.0,
        "toMillis"
        | "Milliseconds"
        | "as_millis"
        | "num_milliseconds"
        | "whole_milliseconds"
        | "inWholeMilliseconds"
        | "TotalMilliseconds"
        | "in_milliseconds" => 0.001,
        "toMinutes" | "Minutes" | "num_minutes" | "whole_minutes" | "inWholeMinutes"
        | "TotalMinutes" | "in_minutes" => 60.0,
        "toHours" | "Hours" | "num_hours" | "whole_hours" | "inWholeHours" | "TotalHours"
        | "in_hours" => 3600.0,
        "toDays" | "num_days" | "whole_days" | "inWholeDays" | "TotalDays" | "in_days" => 86_400.0,
        // Java's `TimeUnit.toNanos`, Go's `Nanoseconds()`.
        "toNanos" | "Nanoseconds" | "as_nanos" => 1e-9,
        _ => return None,
    })
}

/// A year as presign-lint counts it: 365 days, the shortest, so a count of years is never
/// overstated.
const YEAR: f64 = 365.0 * 86_400.0;

/// Seconds a clock's `add…`/`plus…` method adds per unit: .NET `AddDays`, Java `plusDays`,
/// Carbon `addDays`/`addDay`.
fn time_step(method: &str) -> Option<f64> {
    Some(match method {
        "AddSeconds" | "plusSeconds" | "addSeconds" | "addSecond" => 1.0,
        "AddMinutes" | "plusMinutes" | "addMinutes" | "addMinute" => 60.0,
        "AddHours" | "plusHours" | "addHours" | "addHour" => 3600.0,
        "AddDays" | "plusDays" | "addDays" | "addDay" => 86_400.0,
        "plusWeeks" | "addWeeks" | "addWeek" => 604_800.0,
        "AddYears" | "plusYears" | "addYears" | "addYear" => YEAR,
        "AddMilliseconds" | "plusMillis" => 0.001,
        _ => return None,
    })
}

/// Named constants of the standard libraries.
fn constant(path: &str) -> Option<Value> {
    let secs = |s: f64| Some(Value::Duration(s));
    match path {
        "time.Nanosecond" => secs(1e-9),
        "time.Microsecond" => secs(1e-6),
        "time.Millisecond" => secs(0.001),
        "time.Second" => secs(1.0),
        "time.Minute" => secs(60.0),
        "time.Hour" => secs(3600.0),
        "ChronoUnit.SECONDS" | "TimeUnit.SECONDS" => Some(Value::Unit(1.0)),
        "ChronoUnit.MINUTES" | "TimeUnit.MINUTES" => Some(Value::Unit(60.0)),
        "ChronoUnit.HOURS" | "TimeUnit.HOURS" => Some(Value::Unit(3600.0)),
        "ChronoUnit.DAYS" | "TimeUnit.DAYS" => Some(Value::Unit(86_400.0)),
        "ChronoUnit.WEEKS" => Some(Value::Unit(604_800.0)),
        "DateTime.UtcNow" | "DateTime.Now" | "DateTimeOffset.UtcNow" | "DateTimeOffset.Now" => {
            Some(Value::Time {
                offset: 0.0,
                epoch_unit: None,
            })
        }
        _ => None,
    }
}

impl Env<'_> {
    /// How the file's language counts time (its profile's).
    fn time(&self) -> &'static TimeModel {
        &self.family.profile().time
    }

    /// Whether the file's language folds `library`'s durations.
    fn durations(&self, library: DurationLibrary) -> bool {
        self.time().durations.contains(&library)
    }

    /// The `std::chrono` duration type of an expression, in seconds per tick: the type it is
    /// built as (`std::chrono::hours(…)`, a `duration_cast<seconds>`), through names bound to
    /// one (`constexpr auto kTtl = hours(24)`, `std::chrono::seconds kTtl{…}`).
    fn chrono_unit_of(&mut self, expr: &Expr, depth: usize) -> Option<f64> {
        if depth > 8 {
            return None;
        }
        match &expr.kind {
            ExprKind::Call(c) => {
                let path = c.callee.path()?;
                let last = *path.last()?;
                let chrono =
                    path.len() == 1 || path.get(path.len().wrapping_sub(2)) == Some(&"chrono");
                chrono.then(|| chrono_unit(last)).flatten()
            }
            ExprKind::Name(_) => {
                let mark = self.mark();
                let bound = self.resolve(expr);
                let unit = bound.and_then(|b| self.chrono_unit_of(b, depth + 1));
                self.rewind(mark);
                unit
            }
            _ => None,
        }
    }
}

/// Seconds per unit of a `std::chrono` duration type.
fn chrono_unit(name: &str) -> Option<f64> {
    Some(match name {
        "nanoseconds" => 1e-9,
        "microseconds" => 1e-6,
        "milliseconds" => 0.001,
        "seconds" => 1.0,
        "minutes" => 60.0,
        "hours" => 3600.0,
        "days" => 86_400.0,
        "weeks" => 604_800.0,
        _ => return None,
    })
}

/// A `scala.concurrent.duration` unit, by `TimeUnit` name or the string `Duration(7, "days")`
/// takes.
fn scala_unit(name: &str) -> Option<f64> {
    Some(match name {
        "NANOSECONDS" | "nanos" | "nanoseconds" | "ns" => 1e-9,
        "MICROSECONDS" | "micros" | "microseconds" | "us" => 1e-6,
        "MILLISECONDS" | "millis" | "milliseconds" | "ms" => 0.001,
        "SECONDS" | "s" | "second" | "seconds" => 1.0,
        "MINUTES" | "m" | "min" | "minute" | "minutes" => 60.0,
        "HOURS" | "h" | "hour" | "hours" => 3600.0,
        "DAYS" | "d" | "day" | "days" => 86_400.0,
        _ => return None,
    })
}

/// Kotlin `Int.hours`, ActiveSupport `Integer#days`: seconds per unit.
fn unit_word(word: &str) -> Option<f64> {
    Some(match word {
        "second" | "seconds" => 1.0,
        "minute" | "minutes" => 60.0,
        "hour" | "hours" => 3600.0,
        "day" | "days" => 86_400.0,
        "week" | "weeks" => 604_800.0,
        // ActiveSupport's own lengths: a month is 1/12 of a Gregorian year.
        "month" | "months" => 2_629_746.0,
        "year" | "years" => 31_556_952.0,
        // Scala's `500.millis` too.
        "milliseconds" | "millis" | "milli" | "millisecond" => 0.001,
        _ => return None,
    })
}

/// PHP relative time strings (`'+20 minutes'`, `'15 minutes'`, `'+1 day'`), as `strtotime`
/// reads them relative to now: seconds from now.
pub fn relative_time(s: &str) -> Option<f64> {
    let t = s.trim();
    let t = t.strip_prefix("now").map_or(t, str::trim_start);
    let t = t.strip_prefix('+').unwrap_or(t).trim();
    if t.is_empty() || t.starts_with('-') {
        return None;
    }
    parse_duration(t).map(|s| s as f64)
}

/// How many classes up an inherited static is looked for.
const MAX_INHERITANCE: usize = 8;

/// A folded value as a message shows it.
fn show(v: &Value) -> String {
    match v {
        Value::Number(n) => format!("{n}"),
        Value::Str(s) => format!("{s:?}"),
        Value::Duration(d) => format!("{} s", d.round()),
        Value::Time { offset, .. } => format!("now + {} s", offset.round()),
        Value::Unit(u) => format!("a unit of {u} s"),
        Value::Absent => "absent".to_string(),
        Value::Unset(setting) => format!("{} (not set)", setting.describe()),
        Value::Unknown => "?".to_string(),
    }
}

/// Source text as a message quotes it: on one line, without the spaces a formatter puts
/// around `.` and brackets (`builder()\n    .signatureDuration(` reads
/// `builder().signatureDuration(`), and, when long, cut after a punctuation mark rather than
/// inside a name.
fn one_line(text: &str) -> String {
    const MAX: usize = 60;
    let mut out = String::new();
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space && !matches!(c, '.' | ')' | ']' | ',' | ';') && !out.ends_with(['(', '[', '.']) {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    if out.chars().count() <= MAX {
        return out;
    }
    let head: String = out.chars().take(MAX).collect();
    let cut = head
        .char_indices()
        .rev()
        .filter(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
        .map(|(i, c)| i + c.len_utf8())
        .find(|end| *end >= MAX / 2)
        .unwrap_or(head.len());
    format!("{}…", head[..cut].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_source_is_one_line_cut_between_tokens() {
        assert_eq!(
            one_line(
                "GetObjectPresignRequest.builder()\n        .signatureDuration(Duration.ofDays(2))\n        .build()"
            ),
            "GetObjectPresignRequest.builder().signatureDuration(…"
        );
        assert_eq!(one_line("a  +\n b"), "a + b");
        assert_eq!(one_line("f( x,\n y )"), "f(x, y)");
    }

    #[test]
    fn relative_times() {
        assert_eq!(relative_time("+20 minutes"), Some(1200.0));
        assert_eq!(relative_time("15 minutes"), Some(900.0));
        assert_eq!(relative_time("+1 day"), Some(86_400.0));
        assert_eq!(relative_time("-1 day"), None);
        assert_eq!(relative_time("tomorrow"), None);
    }
}
