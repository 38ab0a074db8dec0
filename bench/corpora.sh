#!/usr/bin/env bash
# Lays out the real trees the benchmark measures (never commit them: they are others' code).
#   bench/corpora.sh DIR
# makes, under DIR:
#   aws-doc-sdk-examples/     awsdocs/aws-doc-sdk-examples at a pinned commit (13k files, 145 MB:
#                             every SDK's presign examples, dense with the calls presign-lint parses)
#   aws-doc-sdk-examples-x8/  eight copies of it in one git repository (about 105k files, 1.2 GB)
#   saleor/                   saleor/saleor at a pinned commit, a large Django application (4.7k
#                             files, 69 MB) that presigns through django-storages settings
# then: bench/bench.py target/release/presign-lint DIR/aws-doc-sdk-examples \
#           DIR/aws-doc-sdk-examples-x8 DIR/saleor --threads 1,2 --runs 7
# A mirror can stand in for GitHub: SDK_EXAMPLES_URL=/path/to/mirror.git SALEOR_URL=… bench/corpora.sh DIR
set -euo pipefail
dir="${1:?usage: bench/corpora.sh DIR}"
mkdir -p "$dir"

checkout() { # url commit destination
  if [ -d "$3/.git" ]; then return; fi
  git clone --quiet --no-checkout "$1" "$3"
  git -C "$3" checkout --quiet "$2"
}

checkout "${SDK_EXAMPLES_URL:-https://github.com/awsdocs/aws-doc-sdk-examples}" \
  7d1e1237789cbf5033a7c22d917d17c64de1aaaa "$dir/aws-doc-sdk-examples"
checkout "${SALEOR_URL:-https://github.com/saleor/saleor}" \
  723cd4eba87dfc72822ade45dc08a3caa548428d "$dir/saleor"

x8="$dir/aws-doc-sdk-examples-x8"
if [ ! -f "$x8/.complete" ]; then
  rm -rf "$x8"
  mkdir -p "$x8"
  git -C "$x8" init --quiet
  for i in 1 2 3 4 5 6 7 8; do
    # Copies, not hard links: each file its own inode and pages, as in a real monorepo.
    mkdir -p "$x8/copy-$i"
    tar -C "$dir/aws-doc-sdk-examples" --exclude=.git -cf - . | tar -x -C "$x8/copy-$i"
  done
  touch "$x8/.complete"
fi
echo "trees ready under $dir"
