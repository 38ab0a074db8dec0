#!/usr/bin/env bash
# Seeds the fuzz corpora (fuzz/corpus/<target>/, not committed) from the repository's fixtures:
# testdata/, examples/, lints/, fuzz/seeds/ and the crash regressions in fuzz/regressions/. The language targets
# (front_end, eval) read their input's first byte as the language, so each fixture is prefixed
# with the index of its extension in `presign_lint::fuzzing::EXTENSIONS` (keep the two in sync).
set -euo pipefail
cd "$(dirname "$0")"
root=..

extensions=(py js ts tsx go java kt cs php rb rs ipynb cpp swift scala yaml json env tf sh md)
parsed=15

index_of() {
    local ext=$1 i
    case $ext in yml) ext=yaml ;; mjs|cjs|jsx) ext=js ;; kts) ext=kt ;; cc|cxx|hpp|hh|hxx|h) ext=cpp ;; sc) ext=scala ;; html|txt|markdown) ext=md ;; esac
    for i in "${!extensions[@]}"; do
        if [[ ${extensions[$i]} == "$ext" ]]; then echo "$i"; return; fi
    done
    echo -1
}

# Writes stdin to corpus/<target>/<name>, prefixed with byte value $3 when given.
put() {
    local target=$1 name=$2 prefix=${3:-}
    mkdir -p "corpus/$target"
    if [[ -n $prefix ]]; then
        { printf "\\$(printf '%03o' "$prefix")"; cat; } > "corpus/$target/$name"
    else
        cat > "corpus/$target/$name"
    fi
}

count=0
while IFS= read -r -d '' file; do
    rel=${file#"$root"/}
    name=${rel//\//_}
    base=${file##*/}
    ext=${base##*.}
    [[ $ext == expect ]] && continue
    [[ $base == .env* ]] && ext=env
    put signed_url "$name" < "$file"
    if [[ $ext == md ]]; then put suppress "$name" 1 < "$file"; else put suppress "$name" 0 < "$file"; fi
    i=$(index_of "$ext")
    if (( i >= 0 )); then
        put front_end "$name" "$i" < "$file"
        if (( i < parsed )); then put eval "$name" "$i" < "$file"; fi
    fi
    if [[ $ext == toml ]]; then put config "$name" < "$file"; fi
    count=$((count + 1))
done < <(find "$root/testdata" "$root/examples" "$root/lints" "$root/.presign-lint.toml" -type f -print0)

# Hand-written seeds (config files beyond the repository's own) and the crashes found so far,
# raw, for the target they belong to.
for kind in seeds regressions; do
    [[ -d $kind ]] || continue
    for dir in "$kind"/*/; do
        target=$(basename "$dir")
        for file in "$dir"*; do
            [[ -f $file ]] || continue
            put "$target" "$kind-$(basename "$file")" < "$file"
        done
    done
done
echo "seeded from $count files:"
for dir in corpus/*/; do echo "  $(basename "$dir"): $(find "$dir" -type f | wc -l) inputs"; done
