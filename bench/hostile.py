#!/usr/bin/env python3
"""Hostile shapes whose cost must grow linearly with their size (issue 16, items 2-4).

Each shape is written at two sizes (N and 4N) into its own directory and timed with
`presign-lint check --no-config --format json --fail-on never`; the script prints wall time,
peak RSS and the time ratio, and exits 1 when a shape breaks the bound (4x input must stay
under 10x time, and no run may take over 2 s or 200 MB per MB of input, with a floor of 2 s
and 200 MB for small inputs).

    bench/hostile.py target/release/presign-lint            # every shape
    bench/hostile.py target/release/presign-lint chain env  # shapes whose name contains a word
    bench/hostile.py BIN --scale 4                          # 4x larger inputs

tests/robustness.rs generates the same shapes at sizes that run in seconds in debug builds.
"""

import os
import resource
import subprocess
import sys

# The suppression marker, assembled so that this file holds none of its own (the dogfood scan
# of the repository would read them).
MARKER = "presign" + "-lint:"
import tempfile
import time

HEX = "0123456789abcdef"


def hex_(i, n):
    s = (HEX[i % 16] + HEX[(i // 16) % 16]) * (n // 2 + 1)
    return s[:n]


def key(i):
    return ("AKIA" + "%016d" % i).replace("0", "Q")[:20]


def signed_url(i):
    return (
        "https://acme-data.s3.us-east-1.amazonaws.com/exports/r%d.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        "&X-Amz-Credential=%s%%2F20240115%%2Fus-east-1%%2Fs3%%2Faws4_request&X-Amz-Date=20240115T101500Z"
        "&X-Amz-Expires=604800&X-Amz-SignedHeaders=host&X-Amz-Signature=%s" % (i, key(i), hex_(i, 64))
    )


def secret(i):
    return ("wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "%010d" % i).replace("0", "Z")


# name -> (file name, generator(n), base n)
SHAPES = {
    "json-urls": ("urls.json", lambda n: '{"u":[' + ",".join('"%s"' % signed_url(i) for i in range(n)) + "]}\n", 1500),
    "iam-policy": (
        "policy.json",
        lambda n: '{"Version":"2012-10-17","Statement":['
        + ",".join(
            '{"Sid":"S%d","Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::b%d/*"}' % (i, i)
            for i in range(n)
        )
        + "]}\n",
        2000,
    ),
    "env-pairs": (
        ".env",
        lambda n: " ".join(
            "AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s" % (key(i), secret(i)) for i in range(n)
        )
        + "\n",
        10000,
    ),
    "pem-blocks": (
        "keys.txt",
        lambda n: "".join(
            "-----BEGIN RSA PRIVATE KEY----- MIIEow%s -----END RSA PRIVATE KEY----- " % hex_(i, 40)
            for i in range(n)
        )
        + "\n",
        25000,
    ),
    "suppression-lines": (
        "s.py",
        lambda n: "".join(
            f"# {MARKER} allow(excessive-expiry) reason: r\n"
            "u = s3.generate_presigned_url('get_object', ExpiresIn=604800)\n"
            for _ in range(n)
        ),
        50000,
    ),
    "markdown-links": (
        "README.md",
        lambda n: " ".join("[u%d](%s)" % (i, signed_url(i)) for i in range(n)) + "\n",
        2500,
    ),
    "cli-presign-one-line": ("run.sh", lambda n: "aws s3 presign s3://b/k --expires-in 60 ; " * n + "\n", 5000),
    "cli-continued": (
        "run.sh",
        lambda n: "aws s3 presign s3://b/k \\\n" + "  --region us-east-1 \\\n" * n + "  --expires-in 604800\n",
        5000,
    ),
    "cli-continued-many": ("run.sh", lambda n: "aws s3 presign s3://b/k --expires-in 60 \\\n" * n + "\n", 5000),
    "minified-js-words": (
        "bundle.min.js",
        lambda n: "".join(
            "var a%d=presignedUrl(x,{expiresIn:60});" % i + "x" * 900 + ";" for i in range(n)
        )
        + "\n",
        1000,
    ),
    "suppression-markers-one-line": (
        "m.py",
        lambda n: "x = 1 " + f"# {MARKER} allow(excessive-expiry) reason: r " * n + "\n",
        2500,
    ),
    "allow-many-names": (
        "a.py",
        lambda n: f"# {MARKER} allow("
        + ", ".join("excessive-expiry" if i % 2 else "no-such-lint" for i in range(n))
        + ") reason: r\nu = s3.generate_presigned_url('get_object', ExpiresIn=604800)\n",
        2500,
    ),
    "rust-call-chain": ("lib.rs", lambda n: "fn f() { let u = presign" + "(1)" * n + "; }\n", 7500),
}

CHAIN = {
    "py": "u = s3",
    "js": "const u = s3",
    "ts": "const u = s3",
    "go": "package p\nfunc f() { u := s3",
    "java": "class A { void f() { var u = s3",
    "kt": "fun f() { val u = s3",
    "cs": "class A { void F() { var u = s3",
    "php": "<?php $u = $s3",
    "rb": "u = s3",
    "rs": "fn f() { let u = s3",
}
CLOSE = {"go": "\n}\n", "java": "; } }\n", "cs": "; } }\n", "kt": "\n}\n", "rs": "; }\n", "php": ";\n"}
for _ext, _open in CHAIN.items():
    _call = "->presign(1)" if _ext == "php" else ".presign(1)"
    SHAPES["call-chain-" + _ext] = (
        "chain." + _ext,
        (lambda o, c, e: lambda n: o + c * n + CLOSE.get(e, "\n"))(_open, _call, _ext),
        7500,
    )


def run(binary, directory):
    started = time.monotonic()
    proc = subprocess.Popen(
        ["timeout", "90", binary, "check", "--no-config", "--format", "json", "--fail-on", "never", directory],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, usage = os.wait4(proc.pid, 0)[1:]
    elapsed = time.monotonic() - started
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    return elapsed, usage.ru_maxrss / 1024.0, err


def main():
    args = sys.argv[1:]
    scale = 1
    if "--scale" in args:
        i = args.index("--scale")
        scale = float(args[i + 1])
        del args[i : i + 2]
    if not args:
        print(__doc__)
        return 2
    binary, words = os.path.abspath(args[0]), args[1:]
    failed = []
    for name, (file_name, gen, base) in SHAPES.items():
        if words and not any(w in name for w in words):
            continue
        row = []
        for n in (int(base * scale), int(base * scale) * 4):
            with tempfile.TemporaryDirectory() as d:
                text = gen(n)
                with open(os.path.join(d, file_name), "w") as f:
                    f.write(text)
                mb = len(text) / 1e6
                secs, rss, err = run(binary, d)
                if "panicked" in err:
                    failed.append(name + " panicked")
                row.append((n, mb, secs, rss))
        (n1, mb1, t1, r1), (n2, mb2, t2, r2) = row
        ratio = t2 / max(t1, 0.01)
        bad = (t2 > max(2.0, 2.0 * mb2)) or (r2 > max(200.0, 200.0 * mb2)) or (ratio > 10 and t2 > 0.2)
        print(
            "%-30s n=%-7d %7.2f MB %6.2f s %6.0f MB | n=%-7d %7.2f MB %6.2f s %6.0f MB | x%.1f %s"
            % (name, n1, mb1, t1, r1, n2, mb2, t2, r2, ratio, "FAIL" if bad else "ok"),
            flush=True,
        )
        if bad:
            failed.append(name)
    if failed:
        print("over the bound:", ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
