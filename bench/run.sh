#!/usr/bin/env bash
# Throughput benchmark: presign-lint vs ripgrep on the same tree, same run.
#   bench/run.sh                 generate a 200 MB synthetic tree (cached) and measure
#   bench/run.sh --size-mb 500   a bigger synthetic tree
#   bench/run.sh PATH            measure on any directory you name
# Options after the tree: --runs N, --threads N (passed to bench.py).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/.."

if ! command -v rg >/dev/null 2>&1; then
  echo "installing ripgrep (apt-get, else cargo install)" >&2
  (apt-get install -y -qq ripgrep >/dev/null 2>&1) || cargo install --locked ripgrep
fi

size_mb=200
tree=""
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --size-mb) size_mb="$2"; shift 2 ;;
    --runs|--threads) extra+=("$1" "$2"); shift 2 ;;
    *) tree="$1"; shift ;;
  esac
done

cargo build --release --locked --quiet --manifest-path "$root/Cargo.toml"
bin="$root/target/release/presign-lint"

if [ -z "$tree" ]; then
  tree="${BENCH_TREE_DIR:-$root/target/bench-tree-${size_mb}mb}"
  if [ ! -f "$tree/.complete" ]; then
    rm -rf "$tree"
    python3 "$here/generate.py" "$tree" --size-mb "$size_mb"
    touch "$tree/.complete"
  fi
fi

python3 "$here/bench.py" "$bin" "$tree" "${extra[@]}"
