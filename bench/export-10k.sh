#!/usr/bin/env bash
# Whole-process timings of `registry export` and `registry diff` over a synthetic registry of 10,000 model versions
# (2,000 models x 5 versions, 2,000 deployments, 21 commits). Builds the jar when it is missing.
# usage: bench/export-10k.sh [runs=3]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
runs=${1:-3}
jar="$root/target/registry.jar"
# The flags the installed launcher (src/main/sh/registry) runs the jar with.
flags="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto"
[ -f "$jar" ] || (cd "$root" && mvn -q -DskipTests package)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/gen_registry.py" "$work/reg" 2000 5 20
# Best wall time of N runs, with that run's CPU time (user + sys): on a loaded machine the CPU
# time says more than the wall time. The load average is printed first for that reason.
run() {
    local label=$1; shift
    local best= cpu=
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %U %S" -o "$work/time" java $flags -jar "$jar" -C "$work/reg" "$@" > "$work/out" 2> "$work/err" \
            || { head -5 "$work/err"; exit 1; }
        read -r wall user sys < "$work/time"
        local ms
        ms=$(awk -v w="$wall" 'BEGIN { printf "%d", w * 1000 }')
        if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then
            best=$ms
            cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }')
        fi
    done
    printf '%-56s best of %s: %6d ms wall, %6d ms CPU (%s lines)\n' "$label" "$runs" "$best" "$cpu" "$(wc -l < "$work/out")"
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
run "java -jar registry.jar --version (JVM start-up)" --version
run "export --kind inventory --format csv (with git history)" export --kind inventory --format csv
run "export --kind inventory --format json" export --kind inventory --format json
run "export --kind models --format csv (no history columns)" export --kind models --format csv
run "export --profile eu-ai-act --format csv" export --profile eu-ai-act --format csv
run "export --at HEAD~10 --kind inventory --format csv" export --at HEAD~10 --kind inventory --format csv
run "diff HEAD~20..HEAD --format text" diff HEAD~20..HEAD
