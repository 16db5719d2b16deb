#!/usr/bin/env bash
# Times `registry validate` as a whole process (JVM start included) on generated registries of
# 1, 100, 1,000 and 10,000 cards, and prints a table of medians. Also checks that a plain
# validate loads no JGit class.
#
#   bench/run.sh [sizes...]        default sizes: 1 100 1000 10000
#   RUNS=7 bench/run.sh            runs per size (default 5, after one warm-up run)
#   REGISTRY=/path/to/registry bench/run.sh    time this launcher instead of building one
#
# Without REGISTRY it installs the current tree with install.sh into bench/.work/prefix.
# Generated registries are kept in bench/.work/cards-<n> (git-ignored) and reused while
# bench/GenerateCards.java is unchanged. Uses hyperfine when it is installed.
set -euo pipefail

here=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
work=$here/bench/.work
runs=${RUNS:-5}
sizes=("$@")
((${#sizes[@]})) || sizes=(1 100 1000 10000)
mkdir -p "$work"
export REGISTRY_CACHE_DIR=$work/cache # not this repository's .git

# shellcheck source=bench/registry.sh
. "$here/bench/registry.sh"
"$registry" --version >&2

# Cold runs: the cache would answer every run after the first from what it remembers.
no_cache=
"$registry" validate --help | grep -q -- --no-cache && no_cache=--no-cache

generator=$here/bench/GenerateCards.java
stamp=$(cksum <"$generator" | cut -d' ' -f1)

registry_of() { # registry_of <n>: the folder with n generated cards, (re)generated when stale
    local dir=$work/cards-$1
    if [ "$(cat "$dir/.generator" 2>/dev/null)" != "$stamp" ]; then
        rm -rf "$dir"
        java "$generator" "$1" "$dir" >&2
        echo "$stamp" >"$dir/.generator"
    fi
    printf '%s' "$dir"
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.0f\n", (a[NR/2]+a[NR/2+1])/2}'; }

measure() { # measure <dir>: prints "wall_ms cpu_ms" per run, one line each
    local dir=$1 i
    "$registry" -C "$dir" validate -q $no_cache >/dev/null 2>&1 # warm-up: page cache
    for ((i = 0; i < runs; i++)); do
        local TIMEFORMAT='%3R %3U %3S' t
        t=$({ time "$registry" -C "$dir" validate -q $no_cache >/dev/null 2>&1; } 2>&1)
        awk '{printf "%.0f %.0f\n", $1 * 1000, ($2 + $3) * 1000}' <<<"$t"
    done
}

results=()
for n in "${sizes[@]}"; do
    dir=$(registry_of "$n")
    files=$(find "$dir" -name '*.yaml' | wc -l | tr -d ' ')
    if ! out=$("$registry" -C "$dir" validate 2>&1); then
        printf 'generated registry of %s cards does not validate:\n%s\n' "$n" "$out" >&2
        exit 1
    fi
    echo "timing $n cards ($files files), $runs runs ..." >&2
    if command -v hyperfine >/dev/null 2>&1; then
        hyperfine --warmup 1 --runs "$runs" --export-json "$work/hyperfine-$n.json" \
            "$(printf '%q -C %q validate -q %s' "$registry" "$dir" "$no_cache")" >&2
        wall=$(sed -n 's/.*"median": *\([0-9.]*\).*/\1/p' "$work/hyperfine-$n.json" | head -n 1 | awk '{printf "%.0f", $1 * 1000}')
        cpu=$(sed -n 's/.*"user": *\([0-9.]*\).*/\1/p;s/.*"system": *\([0-9.]*\).*/\1/p' "$work/hyperfine-$n.json" |
            paste - - | awk '{printf "%.0f", ($1 + $2) * 1000}' | head -n 1)
        lo=$(sed -n 's/.*"min": *\([0-9.]*\).*/\1/p' "$work/hyperfine-$n.json" | head -n 1 | awk '{printf "%.0f", $1 * 1000}')
        hi=$(sed -n 's/.*"max": *\([0-9.]*\).*/\1/p' "$work/hyperfine-$n.json" | head -n 1 | awk '{printf "%.0f", $1 * 1000}')
    else
        samples=$(measure "$dir")
        wall=$(awk '{print $1}' <<<"$samples" | median)
        cpu=$(awk '{print $2}' <<<"$samples" | median)
        lo=$(awk '{print $1}' <<<"$samples" | sort -n | head -n 1)
        hi=$(awk '{print $1}' <<<"$samples" | sort -n | tail -n 1)
    fi
    phases=$("$registry" -C "$dir" validate -q -v $no_cache 2>&1 >/dev/null | head -n 1)
    results+=("$n|$files|$wall|$lo|$hi|$cpu|$phases")
done

echo
echo "registry validate, whole process, median of $runs runs ($(nproc 2>/dev/null || echo '?') CPUs, load $(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?'))"
printf '%8s %8s %10s %10s %10s %10s %9s   %s\n' cards files "wall ms" "min ms" "max ms" "cpu ms" "ms/card" "phases of one more run (-v)"
for r in "${results[@]}"; do
    IFS='|' read -r n files wall lo hi cpu phases <<<"$r"
    printf '%8s %8s %10s %10s %10s %10s %9s   %s\n' "$n" "$files" "$wall" "$lo" "$hi" "$cpu" \
        "$(awk -v w="$wall" -v n="$n" 'BEGIN {printf "%.2f", w / n}')" "$phases"
done

# A plain validate must not load JGit: it costs start-up time and only --staged/--rev need it.
smallest=$(registry_of "${sizes[0]}")
jgit=$(REGISTRY_JAVA_OPTS=-verbose:class "$registry" -C "$smallest" validate -q 2>/dev/null | grep -c 'org\.eclipse\.jgit' || true)
loaded=$(REGISTRY_JAVA_OPTS=-verbose:class "$registry" -C "$smallest" validate -q 2>/dev/null | grep -c '\[class,load\]' || true)
echo
echo "classes loaded by a plain validate: $loaded, of which org.eclipse.jgit: $jgit"
if [ "$jgit" != 0 ]; then
    echo "FAILED: validate without --staged/--rev loaded JGit" >&2
    exit 1
fi
