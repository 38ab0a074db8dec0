#!/usr/bin/env python3
"""Generates a deterministic synthetic source tree for the throughput benchmark.

Mixed source (Python, JS/TS, Go, Java, Ruby, PHP, C#, Rust), config (JSON, YAML, .env, TOML,
Terraform), Markdown, minified bundles and binary blobs, with realistic presign calls and fake
signed URLs sprinkled into about 1% of the files (enough to exercise the slow path, as a real
monorepo would).

usage: generate.py DIR [--size-mb N] [--seed S]
"""
import argparse
import os
import random

WORDS = (
    "client request response handler config value result error context user order invoice "
    "bucket object stream buffer token session account region service payload record batch "
    "export import queue worker schedule retry timeout cache index table column message event"
).split()

TEMPLATES = {
    "py": ("def {a}_{b}({c}, {d}=None):\n    \"\"\"Return the {a} for {c}.\"\"\"\n    {e} = {c}.get('{b}', {d})\n"
           "    if not {e}:\n        raise ValueError('missing {b}')\n    return [{e} for _ in range(3)]\n\n"),
    "js": ("export function {a}{B}({c}, {d}) {{\n  const {e} = {c}?.{b} ?? {d};\n"
           "  if (!{e}) throw new Error('missing {b}');\n  return [{e}].map((x) => x + 1);\n}}\n\n"),
    "ts": ("export async function {a}{B}({c}: string, {d}?: number): Promise<string[]> {{\n"
           "  const {e} = await fetch(`/api/{b}/${{{c}}}`);\n  return ({e}.ok ? [{c}] : []);\n}}\n\n"),
    "go": ("func {A}{B}({c} string, {d} int) (string, error) {{\n\tif {c} == \"\" {{\n"
           "\t\treturn \"\", fmt.Errorf(\"missing {b}: %d\", {d})\n\t}}\n\treturn {c} + \"{e}\", nil\n}}\n\n"),
    "java": ("    public String {a}{B}(String {c}, int {d}) {{\n        if ({c} == null) {{\n"
             "            throw new IllegalArgumentException(\"missing {b}\");\n        }}\n"
             "        return {c}.repeat({d});\n    }}\n\n"),
    "rb": "  def {a}_{b}({c}, {d} = nil)\n    {e} = {c}.fetch(:{b}, {d})\n    raise ArgumentError, 'missing {b}' unless {e}\n    {e}\n  end\n\n",
    "php": "function {a}_{b}(${c}, ${d} = null) {{\n    ${e} = ${c}['{b}'] ?? ${d};\n    return ${e};\n}}\n\n",
    "cs": "    public string {A}{B}(string {c}, int {d})\n    {{\n        var {e} = {c} ?? \"{b}\";\n        return {e} + {d};\n    }}\n\n",
    "rs": "pub fn {a}_{b}({c}: &str, {d}: usize) -> Option<String> {{\n    let {e} = {c}.repeat({d});\n    ({e}.len() > 3).then_some({e})\n}}\n\n",
    "json": "  \"{a}_{b}\": {{\"{c}\": \"{d}\", \"{e}\": [1, 2, 3], \"enabled\": true}},\n",
    "yaml": "{a}_{b}:\n  {c}: {d}\n  {e}: [1, 2, 3]\n  enabled: true\n",
    "env": "{A}_{B}_{C}={d}-{e}\n",
    "toml": "[{a}.{b}]\n{c} = \"{d}\"\n{e} = 3\n\n",
    "tf": "resource \"aws_sqs_queue\" \"{a}_{b}\" {{\n  name = \"{c}-{d}\"\n  delay_seconds = 90\n}}\n\n",
    "md": "## {A} {b}\n\nThe {c} handler retries the {d} until the {e} is ready.\n\n",
}

PRESIGN_SNIPPETS = {
    "py": "url = s3.generate_presigned_url('get_object', Params={{'Bucket': 'b', 'Key': k}}, ExpiresIn={n})\n",
    "js": "const url = await getSignedUrl(client, command, {{ expiresIn: {n} }});\n",
    "ts": "const url = await getSignedUrl(client, command, {{ expiresIn: {n} }});\n",
    "go": "url, err := req.Presign({n} * time.Second)\n",
    "rb": "url = obj.presigned_url(:get, expires_in: {n})\n",
    "sh": "aws s3 presign s3://bucket/key --expires-in {n}\n",
}


def fake_url(rng):
    key = "AKIA" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16))
    sig = "".join(rng.choice("0123456789abcdef") for _ in range(64))
    return (f"https://bench-bucket.s3.us-east-1.amazonaws.com/data/{rng.randrange(10**6)}.csv"
            f"?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential={key}%2F20240115%2Fus-east-1%2Fs3%2Faws4_request"
            f"&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature={sig}")


def fill(rng, ext, target):
    parts, size = [], 0
    template = TEMPLATES[ext]
    while size < target:
        w = [rng.choice(WORDS) for _ in range(5)]
        chunk = template.format(a=w[0], b=w[1], c=w[2], d=w[3], e=w[4],
                                A=w[0].capitalize(), B=w[1].capitalize(), C=w[2].upper())
        parts.append(chunk)
        size += len(chunk)
    return "".join(parts)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--size-mb", type=int, default=200)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    budget = args.size_mb * 1024 * 1024
    written = files = 0
    exts = list(TEMPLATES)
    while written < budget:
        d = os.path.join(args.dir, f"pkg{files // 200:04d}", rng.choice(["src", "lib", "config", "docs", "test"]))
        os.makedirs(d, exist_ok=True)
        roll = rng.random()
        if roll < 0.03:
            path = os.path.join(d, f"blob{files}.bin")
            data = rng.randbytes(rng.randrange(20_000, 400_000))
            with open(path, "wb") as f:
                f.write(data)
            written += len(data)
        elif roll < 0.05:
            path = os.path.join(d, f"bundle{files}.min.js")
            text = fill(rng, "js", rng.randrange(200_000, 800_000)).replace("\n", ";")
            with open(path, "w") as f:
                f.write(text)
            written += len(text)
        else:
            ext = rng.choice(exts)
            name = ".env" if ext == "env" and rng.random() < 0.3 else f"{rng.choice(WORDS)}_{files}.{ext}"
            text = fill(rng, ext, rng.randrange(2_000, 30_000))
            if rng.random() < 0.01:
                snippet = PRESIGN_SNIPPETS.get(ext)
                if snippet:
                    text += snippet.format(n=rng.choice([300, 900, 3600, 86400, 604800]))
                text += f"# {fake_url(rng)}\n"
            with open(os.path.join(d, name), "w") as f:
                f.write(text)
            written += len(text)
        files += 1
    # A repository, as a pre-commit hook sees one: its `.git` marks the project whose files
    # a named file is checked against.
    os.makedirs(os.path.join(args.dir, ".git"), exist_ok=True)
    print(f"generated {files} files, {written / 1024 / 1024:.0f} MiB in {args.dir}")


if __name__ == "__main__":
    main()
