#!/usr/bin/env python3
"""Scale checks for issue 6: wall time, CPU time and peak memory on shapes that break naive
linters, at 1 and 2 threads.

  - one 100 MB source file (presign calls and signed URLs spread through it);
  - a tree of 200,000 small files;
  - a tree with pathological files: a 10 MB single-line minified bundle and 100k nested
    brackets, each holding trigger words so the slow path runs on them.

The inputs are generated once (deterministic) under DIR, default target/bench-scale.

usage: scale.py BINARY [--dir DIR] [--runs N]
"""
import argparse
import os
import random
import statistics
import subprocess
import time

GNU_TIME = "/usr/bin/time"

URL = ("https://scale-bucket.s3.us-east-1.amazonaws.com/k.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256"
       "&X-Amz-Credential=AKIA{n:016d}%2F20240115%2Fus-east-1%2Fs3%2Faws4_request"
       "&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host"
       "&X-Amz-Signature={sig}")


def fake_url(n):
    rng = random.Random(n)
    key = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16))
    sig = "".join(rng.choice("0123456789abcdef") for _ in range(64))
    return URL.replace("{n:016d}", key).format(sig=sig)


def big_file(path, size_mb):
    """Python source: functions, presign calls every ~50 KB, a signed URL every ~1 MB."""
    with open(path, "w") as f:
        written, n = 0, 0
        while written < size_mb * 1_000_000:
            chunk = (f"def handler_{n}(event, context=None):\n"
                     f"    value = event.get('key_{n}', context)\n"
                     f"    return [value for _ in range(3)]\n\n")
            if n % 400 == 0:
                chunk += (f"url_{n} = s3.generate_presigned_url('get_object', "
                          f"Params={{'Bucket': 'b', 'Key': 'k'}}, ExpiresIn={n % 9000})\n")
            if n % 8000 == 0:
                chunk += f"FIXTURE_{n} = \"{fake_url(n)}\"\n"
            f.write(chunk)
            written += len(chunk)
            n += 1


def many_files(root, count):
    for i in range(count):
        d = os.path.join(root, f"d{i // 1000:03d}")
        if i % 1000 == 0:
            os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, f"m{i}.py"), "w") as f:
            f.write(f"def f{i}(x):\n    return x + {i}\n")
            if i % 500 == 0:
                f.write("url = s3.generate_presigned_url('get_object', ExpiresIn=604800)\n")


def pathological(root):
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, "bundle.min.js"), "w") as f:
        f.write("var presign=1;")
        unit = "function a(b){return b.c(d,{expiresIn:60})};"
        f.write(unit * (10_000_000 // len(unit)))
        f.write(f"var u=\"{fake_url(1)}\";\n")
    for ext, open_, close in (("py", "[", "]"), ("js", "(", ")"), ("rs", "(", ")")):
        with open(os.path.join(root, f"nested.{ext}"), "w") as f:
            f.write("# presign\n" if ext == "py" else "// presign\n")
            f.write("x = " if ext != "rs" else "fn main() { let x = ")
            f.write(open_ * 100_000 + "1" + close * 100_000)
            f.write("\n" if ext != "rs" else "; }\n")
    with open(os.path.join(root, "ok.py"), "w") as f:
        f.write("url = s3.generate_presigned_url('get_object', ExpiresIn=604800)\n")


def ensure(dir_, name, build):
    path = os.path.join(dir_, name)
    marker = path + ".complete"
    if not os.path.exists(marker):
        build(path)
        open(marker, "w").close()
    return path


def run(cmd):
    start = time.perf_counter()
    proc = subprocess.run([GNU_TIME, "-f", "%U %S %M"] + cmd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    user, sys_, rss = proc.stderr.decode().strip().splitlines()[-1].split()
    return wall, float(user) + float(sys_), int(rss) / 1024, proc.returncode


def main():
    p = argparse.ArgumentParser()
    p.add_argument("binary")
    p.add_argument("--dir", default=os.path.join(os.path.dirname(__file__), "..", "target",
                                                  "bench-scale"))
    p.add_argument("--runs", type=int, default=3)
    a = p.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    cases = [
        ("one 100 MB file", ensure(a.dir, "big.py", lambda p: big_file(p, 100))),
        ("200k small files", ensure(a.dir, "many", lambda p: many_files(p, 200_000))),
        ("pathological files", ensure(a.dir, "patho", pathological)),
    ]
    print(f"{'case':<22}{'threads':>8}{'median s':>10}{'cpu s':>8}{'peak MiB':>10}{'exit':>6}")
    for name, path in cases:
        for threads in (1, 2):
            cmd = [a.binary, "check", path, "--format", "json", "--no-config", "-j",
                   str(threads), "-o", "/dev/null"]
            run(cmd)  # warm the page cache
            rows = [run(cmd) for _ in range(a.runs)]
            print(f"{name:<22}{threads:>8}{statistics.median(r[0] for r in rows):>10.2f}"
                  f"{statistics.median(r[1] for r in rows):>8.2f}"
                  f"{max(r[2] for r in rows):>10.1f}{rows[-1][3]:>6}")


if __name__ == "__main__":
    main()
