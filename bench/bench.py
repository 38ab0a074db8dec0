#!/usr/bin/env python3
"""Times presign-lint against ripgrep on the same tree, alternating, in one run.

Both walk the same files with the same ignore rules (gitignore respected, hidden files included,
.git skipped) and the same thread count; ripgrep searches for presign-lint's trigger words
(`-l`, fixed strings, case-insensitive), which is the floor any linter of this kind is held to.
Reports wall and CPU time, the ratio, files/s, MB/s and peak memory (max RSS) of each, of
presign-lint without its cache (`--no-cache`: every file read and every parsed file parsed, as
in a fresh CI checkout) and of presign-lint without the project-wide analysis (`--no-project`,
each file on its own, cache on), so each one's cost is measured in the same run. presign-lint's
first row is the default: its cache (under `$PRESIGN_LINT_CACHE_DIR`, else the user's cache
directory) warm from the run before, the tree unchanged.

usage: bench.py BINARY TREE [TREE...] [--runs N] [--threads N[,N...]]

Per tree and thread count: median and best wall time, median CPU time (user + system), files/s,
MB/s and peak RSS of each tool, and the median of the pairwise ratios; then a pre-commit-sized
run on the tree (see `precommit`).
"""
import argparse
import os
import statistics
import subprocess
import tempfile
import time

# presign-lint's prefilter words (tests/bench_sync.rs keeps this list equal to the tool's).
TRIGGERS = [
    "presign-lint:", "signature", "sig=", "sig%3d", "sig\\u003d", "sig%253d",
    "qiniu", "ouddn", "qnssl",
    "presign", "postobjectv4", "signedcookie", "signed_url", "signedu", "signurl", "urlsigner",
    "signatureduration", "_sas", "sasexpir", "sas_expir", "sasttl", "sas_ttl", "urlsignature", "url_signature",
    "signerrequest",
    "sign-url", "generate-sas", "date-less-than", "listservicesas", "listaccountsas",
    "sasbuilder", "sasqueryparameters", "signaturevalues", "sasur",
    "daccess", "signwith", "oraryu",
    "signedgeturl", "signedputurl", "stpolicy", "res_in:", "pire=", "sign_url",
    "signatureurl", "tobjecturl", "tedownloadurl", "te_download_url", "eprivateurl",
    "ystring_expire", "gs_expiration", "l_expiration_secs", "ls_expire_in",
    "signeroverride",
    "akia", "asia", "secret", "credential", "amazons3client", "amazoncloudfrontclient",
    "amazonsecuritytokenserviceclient", "private key", "session_token", "sessiontoken",
    "session-token", "security_token", "securitytoken", "security-token",
    "statement", "aws_s3_bucket", "aws::s3::bucket",
]



GNU_TIME = "/usr/bin/time"


def timed(cmd):
    """Wall time, peak RSS (MiB), exit status and CPU time (user + system, s) of one run.
    Peak memory and CPU come from GNU time when present, written to a file of their own: the
    rusage of a forked Python child would count the interpreter's pages copied before exec,
    and mask a small tool's."""
    use_gnu_time = os.path.exists(GNU_TIME)
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        full = [GNU_TIME, "-o", out.name, "-f", "%M %U %S"] + cmd if use_gnu_time else cmd
        start = time.perf_counter()
        proc = subprocess.Popen(full, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        cpu = usage.ru_utime + usage.ru_stime
        peak_kib = 0
        if use_gnu_time:
            fields = out.read().split()[-3:]
            if len(fields) == 3:
                peak_kib = int(fields[0])
                cpu = float(fields[1]) + float(fields[2])
    return elapsed, peak_kib / 1024, code, cpu


def tree_stats(tree):
    files = size = 0
    for root, dirs, names in os.walk(tree):
        dirs[:] = [d for d in dirs if d != ".git"]
        for n in names:
            files += 1
            try:
                size += os.path.getsize(os.path.join(root, n))
            except OSError:
                pass
    return files, size


def main():
    p = argparse.ArgumentParser()
    p.add_argument("binary")
    p.add_argument("trees", nargs="+", metavar="tree")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--threads", default=str(os.cpu_count() or 1),
                   help="a thread count, or several separated by commas (1,2)")
    a = p.parse_args()
    counts = [int(t) for t in a.threads.split(",") if t.strip()]
    for tree in a.trees:
        for threads in counts:
            measure(a, tree, threads)
        a.tree = tree
        precommit(a)


def measure(a, tree, threads):
    files, size = tree_stats(tree)
    lint = [a.binary, "check", tree, "--format", "json", "--no-config", "-j", str(threads),
            "-o", "/dev/null"]
    rg = ["rg", "-l", "-i", "-F", "--hidden", "-g", "!.git", "-j", str(threads)]
    for t in TRIGGERS:
        rg += ["-e", t]
    rg.append(tree)
    cold = lint + ["--no-cache"]
    per_file = lint + ["--no-project"]
    # Warm the page cache (and presign-lint's own) for all, then alternate so drift hits all
    # alike.
    commands = {"presign-lint": lint, "  --no-cache": cold, "  --no-project": per_file, "rg": rg}
    for cmd in commands.values():
        timed(cmd)
    results = {name: [] for name in commands}
    for _ in range(a.runs):
        for name, cmd in commands.items():
            results[name].append(timed(cmd))
    mb = size / 1e6
    print(f"tree: {tree}: {files} files, {mb:.0f} MB; threads: {threads}; runs: {a.runs}")
    print(f"{'tool':<14}{'median s':>10}{'min s':>8}{'CPU s':>8}{'files/s':>11}{'MB/s':>8}"
          f"{'peak MiB':>10}")
    for name, rows in results.items():
        walls = [r[0] for r in rows]
        med = statistics.median(walls)
        cpu = statistics.median(r[3] for r in rows)
        peak = max(r[1] for r in rows)
        print(f"{name:<14}{med:>10.3f}{min(walls):>8.3f}{cpu:>8.3f}{files / med:>11.0f}"
              f"{mb / med:>8.0f}{peak:>10.1f}")

    # The median of the runs' own ratios: each pair ran back to back, under the same load.
    def ratio(name):
        return statistics.median(x[0] / r[0] for x, r in zip(results[name], results["rg"]))

    print(f"ratio presign-lint / rg (median of pairs): {ratio('presign-lint'):.2f}x "
          f"(without its cache: {ratio('  --no-cache'):.2f}x; "
          f"without the project analysis: {ratio('  --no-project'):.2f}x)")


def precommit(a):
    """A pre-commit-sized run: 10 files named on the command line, half of them with presign
    calls (the slow path: parsed, evaluated), as a hook passes the staged files."""
    sources, presigning = [], []
    for root, dirs, names in os.walk(a.tree):
        dirs[:] = sorted(d for d in dirs if d != ".git")
        for n in sorted(names):
            if n.endswith((".py", ".js", ".ts", ".go", ".rb")):
                path = os.path.join(root, n)
                with open(path, "rb") as f:
                    has = b"presign" in f.read().lower()
                (presigning if has else sources).append(path)
    files = presigning[:5] + sources[:10 - len(presigning[:5])]
    if not files:
        return
    cmd = [a.binary, "check", "--format", "json", "--no-config", "-o", "/dev/null"] + files
    size = sum(os.path.getsize(f) for f in files)
    # With the project analysis, the named files' projects are read for context.
    for label, run in [("pre-commit", cmd), ("  --no-project", cmd + ["--no-project"])]:
        timed(run)
        walls = [timed(run)[0] for _ in range(max(a.runs, 5))]
        print(f"{label}: {len(files)} files ({len(presigning[:5])} presigning, "
              f"{size / 1e3:.0f} kB): median {statistics.median(walls) * 1000:.0f} ms, "
              f"best {min(walls) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
