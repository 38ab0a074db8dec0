#!/usr/bin/env bash
# End-to-end test of the pre-commit integration (.pre-commit-hooks.yaml) with the real
# `pre-commit` client from PyPI:
#
#   1. a file holding a (fake, generated at run time) S3 presigned URL fails the hook and the
#      output names `hardcoded-presigned-url` without printing the signature;
#   2. a clean file passes it;
#   3. and 4. the same with the presign-lint-system hook (`language: system`), run by the binary
#      that test 1's build left in cargo's target dir, put on PATH as `cargo install` would.
#
# Usage: bash tests/precommit/run.sh
# Needs: python3 (with venv), git, cargo, and access to PyPI and crates.io.
#
# `language: rust` makes pre-commit build the hook with `cargo install --path <clone>` (release
# mode), so this takes a few minutes. Everything it creates (venv, pre-commit's store, cargo's
# target dir, git repos) lives under one `mktemp -d` directory that is removed on exit.
#
# Why a snapshot: `pre-commit try-repo PATH` clones PATH at HEAD and adds tracked modifications
# only (`git add -u`): untracked files, such as a new .pre-commit-hooks.yaml, are left out. So
# this script copies the working tree (tracked and untracked files that .gitignore does not
# exclude) into a throwaway repository, commits it there, and points try-repo at that: the hook
# is tested exactly as it is in the working tree, committed or not. The repository itself is
# never modified.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/presign-lint-precommit.XXXXXX")" || {
    echo "precommit: cannot create a temporary directory" >&2
    exit 1
}
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Run from inside a git hook, these would point every git command at the wrong repository.
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES
export PRE_COMMIT_HOME="$tmp/pre-commit-home"
# try-repo keeps its store (clone + built hook) in a temporary directory: keep that under $tmp.
export TMPDIR="$tmp/tmp"
# Each try-repo builds the hook afresh in its own store; a shared target dir lets the second
# build reuse the compiled dependencies.
export CARGO_TARGET_DIR="$tmp/cargo-target"
export NO_COLOR=1
export PIP_DISABLE_PIP_VERSION_CHECK=1
mkdir -p "$TMPDIR" "$PRE_COMMIT_HOME"

TESTS=4
passed=0
failed=0
start=$SECONDS

summary() { echo "precommit: $passed passed, $failed failed"; }

# A setup step failed: every test not yet run counts as failed.
die() {
    echo "precommit: setup failed: $*" >&2
    failed=$((TESTS - passed))
    summary
    exit 1
}

ok() {
    passed=$((passed + 1))
    echo "ok   - $1"
}

fail() {
    failed=$((failed + 1))
    echo "FAIL - $1"
    if [[ -n "${2:-}" ]]; then
        echo "---- pre-commit output (last 60 lines) ----"
        tail -n 60 <<<"$2"
        if [[ -f "$PRE_COMMIT_HOME/pre-commit.log" ]]; then
            echo "---- $PRE_COMMIT_HOME/pre-commit.log (last 60 lines) ----"
            tail -n 60 "$PRE_COMMIT_HOME/pre-commit.log"
        fi
        echo "----"
    fi
}

for tool in python3 git cargo; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool not found on PATH"
done

# --- the real pre-commit client, in a venv ------------------------------------------------------
echo "precommit: installing pre-commit from PyPI into a venv"
python3 -m venv "$tmp/venv" || die "python3 -m venv failed"
"$tmp/venv/bin/pip" install --quiet "${PRE_COMMIT_SPEC:-pre-commit}" ||
    die "pip install pre-commit failed"
pre_commit="$tmp/venv/bin/pre-commit"
echo "precommit: $("$pre_commit" --version)"

# --- a committed snapshot of the working tree (see the header for why) -------------------------
snapshot="$tmp/presign-lint"
mkdir -p "$snapshot"
git -C "$root" rev-parse --git-dir >/dev/null 2>&1 || die "$root is not a git repository"
git -C "$root" ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do
        # Skip tracked files deleted from the working tree.
        if [[ -e "$root/$f" || -L "$root/$f" ]]; then printf '%s\0' "$f"; fi
    done |
    tar -C "$root" --null -T - -cf - | tar -C "$snapshot" -xf - ||
    die "copying the working tree to $snapshot failed"
[[ -f "$snapshot/.pre-commit-hooks.yaml" ]] || die "no .pre-commit-hooks.yaml in $root"

git_ci() {
    git -c user.name="presign-lint test" -c user.email="test@example.invalid" \
        -c commit.gpgsign=false -c init.defaultBranch=main "$@"
}
{
    git_ci -C "$snapshot" init -q &&
        git_ci -C "$snapshot" add -A -f . &&
        git_ci -C "$snapshot" commit -q --no-verify -m "presign-lint working tree snapshot"
} || die "committing the snapshot failed"

# --- the project under test: a bad file and a good file -----------------------------------------
work="$tmp/project"
mkdir -p "$work"
{
    git -C "$work" init -q &&
        git -C "$work" config user.name "presign-lint test" &&
        git -C "$work" config user.email "test@example.invalid" &&
        git -C "$work" config commit.gpgsign false
} || die "git init of the test project failed"

# A realistic fake key id and signature, random on every run: this script holds neither.
read -r key_id signature < <(python3 -c '
import secrets
b32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
print("AKIA" + "".join(secrets.choice(b32) for _ in range(16)), secrets.token_hex(32))
')
[[ ${#key_id} -eq 20 && ${#signature} -eq 64 ]] || die "generating a fake key id and signature failed"

host="acme-invoices.s3.eu-west-1.amazonaws.com"
query="X-Amz-Algorithm=AWS4-HMAC-SHA256"
query+="&X-Amz-Credential=${key_id}%2F20240115%2Feu-west-1%2Fs3%2Faws4_request"
query+="&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host"
query+="&X-Amz-Signature=${signature}"
cat >"$work/bad.py" <<PY
"""Billing helpers."""

DEMO_INVOICE_URL = "https://${host}/2024/01/invoice-1042.pdf?${query}"


def demo_invoice_link():
    return DEMO_INVOICE_URL
PY

cat >"$work/good.py" <<'PY'
"""Billing helpers: presigned URLs are generated on demand, short-lived."""

import boto3

s3 = boto3.client("s3", region_name="eu-west-1")


def invoice_link(key):
    return s3.generate_presigned_url(
        "get_object",
        Params={"Bucket": "acme-invoices", "Key": key},
        ExpiresIn=900,
    )
PY
git -C "$work" add bad.py good.py || die "git add failed"

# Runs `pre-commit try-repo <snapshot> HOOK --files FILE` in the test project; sets $out
# (stdout + stderr) and $rc.
try_repo() {
    local t0=$SECONDS hook=$1
    shift
    out="$(cd "$work" && timeout 1800 "$pre_commit" try-repo "$snapshot" "$hook" \
        --color never --files "$@" 2>&1)"
    rc=$?
    echo "precommit: try-repo $hook --files $* exited $rc after $((SECONDS - t0)) s"
}

# A hook (id, and the name pre-commit shows for it) fails on bad.py, reporting the lint
# without printing the signature.
expect_fail_on_bad() {
    local hook=$1 shown=$2
    try_repo "$hook" bad.py
    local name="bad.py: $hook fails, reports hardcoded-presigned-url, does not print the signature"
    if [[ $rc -eq 0 ]]; then
        fail "$name (pre-commit exited 0)" "$out"
    elif ! grep -q 'hardcoded-presigned-url' <<<"$out"; then
        fail "$name (no hardcoded-presigned-url in the output, exit $rc)" "$out"
    elif ! grep -q "$shown\.*Failed" <<<"$out"; then
        fail "$name (the $hook hook did not report Failed, exit $rc)" "$out"
    elif grep -qF "$signature" <<<"$out"; then
        fail "$name (the signature was printed)" ""
    else
        ok "$name"
    fi
}

# The same hook passes on good.py ("Skipped", no files to check, would also exit 0: the hook
# must have run).
expect_pass_on_good() {
    local hook=$1 shown=$2
    try_repo "$hook" good.py
    local name="good.py: $hook passes"
    if [[ $rc -ne 0 ]]; then
        fail "$name (pre-commit exited $rc)" "$out"
    elif ! grep -q "$shown\.*Passed" <<<"$out"; then
        fail "$name (the $hook hook did not report Passed)" "$out"
    else
        ok "$name"
    fi
}

# --- 1. and 2. the presign-lint hook, built by pre-commit -----------------------------------------
echo "precommit: running the hook on bad.py (the first run builds presign-lint in release mode)"
expect_fail_on_bad presign-lint 'presign-lint'
echo "precommit: running the hook on good.py"
expect_pass_on_good presign-lint 'presign-lint'

# --- 3. and 4. the presign-lint-system hook, with an installed binary ---------------------------
# pre-commit's `cargo install` built into $CARGO_TARGET_DIR: that binary, on PATH, stands for a
# user's `cargo install --locked`. No build here: these two runs take seconds.
built="$CARGO_TARGET_DIR/release/presign-lint"
[[ -x "$built" ]] || die "no $built after the first try-repo built the presign-lint hook"
mkdir -p "$tmp/bin" && cp "$built" "$tmp/bin/" || die "copying $built to $tmp/bin failed"
export PATH="$tmp/bin:$PATH"

echo "precommit: running the presign-lint-system hook on bad.py"
expect_fail_on_bad presign-lint-system 'presign-lint (installed binary)'
echo "precommit: running the presign-lint-system hook on good.py"
expect_pass_on_good presign-lint-system 'presign-lint (installed binary)'

echo "precommit: took $((SECONDS - start)) s"
summary
[[ $failed -eq 0 ]]
