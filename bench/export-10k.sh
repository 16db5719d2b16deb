#!/usr/bin/env bash
# Whole-process timings of `registry export` over a synthetic registry of 10,000 model versions
# (2,000 models x 5 versions, 2,000 deployments, 21 commits). Builds the jar when it is missing.
# usage: bench/export-10k.sh [runs=3]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
runs=${1:-3}
jar="$root/target/registry.jar"
[ -f "$jar" ] || (cd "$root" && mvn -q -DskipTests package)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/gen_registry.py" "$work/reg" 2000 5 20
run() {
    local label=$1; shift
    local best=
    for _ in $(seq "$runs"); do
        local start end ms
        start=$(date +%s%N)
        java -jar "$jar" -C "$work/reg" "$@" > "$work/out" 2> "$work/err" || { cat "$work/err"; exit 1; }
        end=$(date +%s%N)
        ms=$(( (end - start) / 1000000 ))
        if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
    done
    printf '%-58s best of %s: %6d ms  (%s lines)\n' "$label" "$runs" "$best" "$(wc -l < "$work/out")"
}
run "export --kind inventory --format csv (with git history)" export --kind inventory --format csv
run "export --kind inventory --format json" export --kind inventory --format json
run "export --kind models --format csv (no history columns)" export --kind models --format csv
run "export --profile eu-ai-act --format csv" export --profile eu-ai-act --format csv
run "export --at HEAD~10 --kind inventory --format csv" export --at HEAD~10 --kind inventory --format csv
run "diff HEAD~20..HEAD --format text" diff HEAD~20..HEAD
