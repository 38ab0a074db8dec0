//! Helpers shared by the integration tests: run the real binary, read its output.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `presign-lint` in `dir` with `args`, colour off, no stdin.
pub fn run(dir: &Path, args: &[&str]) -> Run {
    run_with_stdin(dir, args, None)
}

pub fn run_with_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    run_full(dir, args, None, env)
}

pub fn run_with_stdin(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    run_full(dir, args, stdin, &[])
}

/// How long one run may take before the test fails as a hang (the child is killed).
pub const RUN_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(120);

/// Runs `presign-lint` with arguments that need not be UTF-8 (non-UTF-8 file names).
pub fn run_os(dir: &Path, args: &[&std::ffi::OsStr]) -> Run {
    run_full(dir, args, None, &[])
}

fn run_full<S: AsRef<std::ffi::OsStr> + std::fmt::Debug>(
    dir: &Path,
    args: &[S],
    stdin: Option<&[u8]>,
    env: &[(&str, &str)],
) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_presign-lint"));
    // Named files' project caches go to a directory of the tests', not the user's cache.
    command.env(
        "PRESIGN_LINT_CACHE_DIR",
        std::env::temp_dir().join("presign-lint-test-cache"),
    );
    // Under GitHub Actions the tests' own runs must not write to the job's summary.
    command.env_remove("GITHUB_STEP_SUMMARY");
    command.envs(env.iter().copied());
    command
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("spawn presign-lint");
    if let Some(bytes) = stdin {
        use std::io::Write;
        let mut pipe = child.stdin.take().expect("stdin pipe");
        pipe.write_all(bytes).expect("write stdin");
    }
    // Read both pipes while waiting, so a chatty child never blocks on a full pipe, and give up
    // on a hang instead of hanging the test suite.
    let reader = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = reader(child.stdout.take().map(|p| Box::new(p) as _));
    let stderr = reader(child.stderr.take().map(|p| Box::new(p) as _));
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for presign-lint") {
            break status;
        }
        if started.elapsed() > RUN_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("presign-lint {args:?} did not finish within {RUN_TIMEOUT:?} in {dir:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    let Output {
        status,
        stdout,
        stderr,
    } = Output {
        status,
        stdout: stdout.join().expect("stdout reader"),
        stderr: stderr.join().expect("stderr reader"),
    };
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

pub fn json(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| {
        panic!(
            "invalid JSON ({e}):\n{}\nstderr: {}",
            run.stdout, run.stderr
        )
    })
}

/// A deterministic pseudo-random source for fake signatures (no secrets in the repo, no
/// dependency on a RNG crate).
pub struct Fake(u64);

impl Fake {
    pub fn new(seed: u64) -> Fake {
        Fake(
            seed.wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407),
        )
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn pick(&mut self, alphabet: &str, len: usize) -> String {
        let chars: Vec<char> = alphabet.chars().collect();
        (0..len)
            .map(|_| chars[(self.next() % chars.len() as u64) as usize])
            .collect()
    }

    pub fn hex(&mut self, len: usize) -> String {
        self.pick("0123456789abcdef", len)
    }

    /// Standard base64 of `bytes` random bytes, percent-encoded for a query string.
    pub fn base64_param(&mut self, bytes: usize) -> String {
        let chars = bytes.div_ceil(3) * 4;
        let padding = (3 - bytes % 3) % 3;
        let body = self.pick(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
            chars - padding,
        );
        let raw = format!("{body}{}", "=".repeat(padding));
        raw.replace('+', "%2B")
            .replace('/', "%2F")
            .replace('=', "%3D")
    }

    pub fn cloudfront_signature(&mut self) -> String {
        self.pick(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_~",
            172,
        )
    }

    pub fn aws_key(&mut self, prefix: &str) -> String {
        format!(
            "{prefix}{}",
            self.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
        )
    }

    /// `len` random letters and digits.
    pub fn alphanumeric(&mut self, len: usize) -> String {
        self.pick(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
            len,
        )
    }

    /// `len` random characters of URL-safe base64.
    pub fn url_safe(&mut self, len: usize) -> String {
        self.pick(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
            len,
        )
    }
}

/// Secret-bearing parameters of the URLs [`signed_urls`] makes, most specific first (a
/// name is looked for anywhere in a `&`-separated parameter, case-sensitively).
pub const SECRET_PARAMS: [&str; 7] = [
    "X-Amz-Signature=",
    "X-Goog-Signature=",
    "x-oss-signature=",
    "q-signature=",
    "Signature=",
    "sig=",
    "X-Amz-Security-Token=",
];

/// Where the secret of one `&`-separated parameter of a URL [`signed_urls`] makes starts: the
/// value of a signature or session-token parameter, and in Qiniu's `token=<key>:<signature>`
/// the part after the `:` (the access key is no secret).
pub fn secret_at(param: &str) -> Option<usize> {
    SECRET_PARAMS
        .iter()
        .find_map(|k| param.find(k).map(|at| at + k.len()))
        .or_else(|| {
            let at = param.find("token=")? + "token=".len();
            param[at..].find(':').map(|colon| at + colon + 1)
        })
}

/// One realistic fake signed URL of each kind, with the `url_kind` it must be reported as.
pub fn signed_urls(fake: &mut Fake) -> Vec<(&'static str, String)> {
    let akia = fake.aws_key("AKIA");
    let asia = fake.aws_key("ASIA");
    // From a source of their own, so that the kinds added later change none of the URLs
    // before them.
    let mut later = Fake::new(fake.0 ^ 0x0c10_0d00);
    let ltai = format!("LTAI5t{}", later.alphanumeric(18));
    let akid = format!("AKID{}", later.alphanumeric(32));
    let obs = later.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 20);
    let qiniu = later.url_safe(40);
    vec![
        (
            "s3-sigv4",
            format!(
                "https://acme-data.s3.us-east-1.amazonaws.com/exports/2024/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential={akia}%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature={}",
                fake.hex(64)
            ),
        ),
        (
            "s3-sigv4",
            format!(
                "https://s3.eu-west-1.amazonaws.com/acme-data/k.bin?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential={asia}%2F20240115%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=900&X-Amz-Security-Token=IQoJb3JpZ2luX2VjEJr{}&X-Amz-SignedHeaders=host&X-Amz-Signature={}",
                fake.base64_param(60),
                fake.hex(64)
            ),
        ),
        (
            "s3-sigv2",
            format!(
                "https://acme-data.s3.amazonaws.com/backup.tar.gz?AWSAccessKeyId={akia}&Expires=1705317300&Signature={}",
                fake.base64_param(20)
            ),
        ),
        (
            "cloudfront",
            format!(
                "https://d1a2b3c4d5e6f7.cloudfront.net/videos/intro.mp4?Expires=1705317300&Signature={}&Key-Pair-Id=K2JCJMDEHXQW5F",
                fake.cloudfront_signature()
            ),
        ),
        (
            "gcs-v4",
            format!(
                "https://storage.googleapis.com/acme-media/img/logo.png?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=signer%40acme-prod.iam.gserviceaccount.com%2F20240115%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20240115T101500Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature={}",
                fake.hex(512)
            ),
        ),
        (
            "gcs-v2",
            format!(
                "https://storage.googleapis.com/acme-media/img/logo.png?GoogleAccessId=signer%40acme-prod.iam.gserviceaccount.com&Expires=1705317300&Signature={}",
                fake.base64_param(256)
            ),
        ),
        (
            "azure-sas",
            format!(
                "https://acmestore.blob.core.windows.net/exports/customers.csv?sv=2022-11-02&sp=r&st=2024-01-15T10:15:00Z&se=2024-01-16T10:15:00Z&spr=https&sig={}",
                fake.base64_param(32)
            ),
        ),
        (
            "aliyun-oss-v1",
            format!(
                "https://acme-media.oss-cn-hangzhou.aliyuncs.com/img/banner.jpg?OSSAccessKeyId={ltai}&Expires=1705317300&Signature={}",
                fake.base64_param(20)
            ),
        ),
        (
            "aliyun-oss-v4",
            format!(
                "https://acme-media.oss-cn-hangzhou.aliyuncs.com/img/banner.jpg?x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-credential={ltai}%2F20240115%2Fcn-hangzhou%2Foss%2Faliyun_v4_request&x-oss-date=20240115T101500Z&x-oss-expires=3600&x-oss-signature={}",
                fake.hex(64)
            ),
        ),
        (
            "tencent-cos",
            format!(
                "https://acme-1250000000.cos.ap-guangzhou.myqcloud.com/doc/contract.pdf?q-sign-algorithm=sha1&q-ak={akid}&q-sign-time=1705313700;1705317300&q-key-time=1705313700;1705317300&q-header-list=host&q-url-param-list=&q-signature={}",
                fake.hex(40)
            ),
        ),
        (
            "huawei-obs",
            format!(
                "https://acme-backup.obs.cn-north-4.myhuaweicloud.com/db/dump.sql.gz?AccessKeyId={obs}&Expires=1705317300&Signature={}",
                fake.base64_param(20)
            ),
        ),
        // On a Qiniu test domain: a Qiniu URL is read where a Qiniu word is in the file.
        (
            "qiniu",
            format!(
                "https://acme-media.sh-bkt.clouddn.com/videos/intro.mp4?e=1705317300&token={qiniu}:{}=",
                fake.url_safe(27)
            ),
        ),
    ]
}

/// Parses `expect: a, b` / `expect^: a` markers of one line. A lint name may carry the level
/// the finding must have: `expect: insecure-transport@note` yields `insecure-transport@note`.
pub fn markers(line: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("expect") {
        let after = &rest[at + "expect".len()..];
        let carets = after.chars().take_while(|c| *c == '^').count();
        if let Some(list) = after[carets..].strip_prefix(':') {
            for name in list.split(',') {
                let name = name.trim_start();
                let lint: String = name
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
                    .collect();
                let level: String = name[lint.len()..]
                    .strip_prefix('@')
                    .map(|l| l.chars().take_while(|c| c.is_ascii_lowercase()).collect())
                    .unwrap_or_default();
                if lint.contains('-') {
                    found.push(match level.is_empty() {
                        true => (carets, lint),
                        false => (carets, format!("{lint}@{level}")),
                    });
                }
            }
        }
        rest = after;
    }
    found
}

pub fn expectations_in(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        for (up, lint) in markers(line) {
            out.push((i + 1 - up, lint));
        }
    }
    out
}

/// How a finding is labelled against a file's expectations: `lint@level` when an expectation
/// on its line asks for a level, else the lint name.
pub fn label(want: &[(usize, String)], line: usize, lint: &str, level: &str) -> String {
    let with_level = format!("{lint}@{level}");
    let asks_level = want
        .iter()
        .any(|(l, w)| *l == line && w.starts_with(lint) && w[lint.len()..].starts_with('@'));
    if asks_level {
        with_level
    } else {
        lint.to_string()
    }
}

/// Runs git in `dir` with a fixed identity; the test fails if git does.
pub fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .status()
        .expect("git");
    assert!(status.success(), "git {args:?}");
}

/// A validator for the SARIF 2.1.0 schema (OASIS), vendored in `tests/schemas/` so that the
/// check never depends on anything outside the repository and never skips.
pub fn sarif_validator() -> jsonschema::Validator {
    let path = repo_root().join("tests/schemas/sarif-schema-2.1.0.json");
    let text = std::fs::read_to_string(&path).expect("the vendored SARIF schema");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("the SARIF schema is JSON");
    jsonschema::validator_for(&schema).expect("the SARIF schema compiles")
}

/// The first document of a YAML file of the repository, as JSON values (scalars as strings),
/// read with a real YAML parser (saphyr-parser).
pub fn yaml(relative: &str) -> serde_json::Value {
    use saphyr_parser::{Event, Parser};
    use serde_json::{Map, Value};
    let path = repo_root().join(relative);
    let text = std::fs::read_to_string(&path).expect("read manifest");
    enum Open {
        List(Vec<Value>),
        Map(Map<String, Value>, Option<String>),
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut done: Option<Value> = None;
    let mut push = |stack: &mut Vec<Open>, value: Value| match stack.last_mut() {
        None => done = done.take().or(Some(value)),
        Some(Open::List(items)) => items.push(value),
        Some(Open::Map(map, pending)) => match pending.take() {
            Some(key) => {
                map.insert(key, value);
            }
            None => *pending = Some(value.as_str().unwrap_or_default().to_string()),
        },
    };
    for item in Parser::new_from_str(&text) {
        let (event, span) = item.unwrap_or_else(|e| panic!("{relative} is not valid YAML: {e}"));
        match event {
            Event::Scalar(value, ..) => push(&mut stack, Value::String(value.into_owned())),
            Event::SequenceStart(..) => stack.push(Open::List(Vec::new())),
            Event::MappingStart(..) => stack.push(Open::Map(Map::new(), None)),
            Event::SequenceEnd | Event::MappingEnd => {
                let value = match stack.pop() {
                    Some(Open::List(items)) => Value::Array(items),
                    Some(Open::Map(map, _)) => Value::Object(map),
                    None => panic!("{relative}: unbalanced at {span:?}"),
                };
                push(&mut stack, value);
            }
            Event::DocumentEnd | Event::StreamEnd => break,
            _ => {}
        }
    }
    done.unwrap_or_else(|| panic!("{relative} holds no document"))
}

/// Asserts that `doc` is valid for `validator`, listing every violation when it is not.
pub fn assert_valid(validator: &jsonschema::Validator, doc: &serde_json::Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} schema violations:\n{}",
        errors.join("\n")
    );
}

/// One fake signed URL, the first kind [`signed_urls`] makes from `seed`.
pub fn signed_url(seed: u64) -> String {
    signed_urls(&mut Fake::new(seed)).remove(0).1
}

/// `(path, line)` of each finding of a JSON report.
pub fn finding_lines(out: &Run) -> Vec<(String, u64)> {
    json(out)["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}
