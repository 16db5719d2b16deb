#!/usr/bin/env bash
# Times `registry export` and `registry diff` as whole processes (JVM start included) on a
# generated registry of 10,000 model versions (bench/GenerateCards.java with 13,333 cards: 10,000
# model versions, 3,333 deployments) in a git repository with 21 commits, so that the last-change
# columns walk real history. Prints the median wall and CPU time of each command.
#
#   bench/export.sh                 5 runs per command, after one warm-up run
#   RUNS=3 bench/export.sh
#   REGISTRY=/path/to/registry bench/export.sh    time this launcher instead of building one
#
# Without REGISTRY it installs the current tree with install.sh into bench/.work/prefix, as
# bench/run.sh does. The repository is kept in bench/.work/export-10k (git-ignored) and rebuilt
# when bench/GenerateCards.java or this script changes.
set -euo pipefail

here=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
work=$here/bench/.work
runs=${RUNS:-5}
mkdir -p "$work"

# shellcheck source=bench/registry.sh
. "$here/bench/registry.sh"
"$registry" --version >&2

repo=$work/export-10k
stamp=$(cat "$here/bench/GenerateCards.java" "$0" | cksum | cut -d' ' -f1)
if [ "$(cat "$repo/.git/bench-stamp" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$repo"
    java "$here/bench/GenerateCards.java" 13333 "$repo" >&2
    export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com
    git -C "$repo" init -q -b main
    git -C "$repo" add -A
    git -C "$repo" commit -q -m "generated registry"
    # 20 more commits, each touching 50 cards (a trailing comment keeps them valid), so that the
    # history walk has commits to compare and most cards' last change is the first commit.
    mapfile -t cards < <(cd "$repo" && find models -name '*.yaml' | sort)
    for c in $(seq 1 20); do
        for i in $(seq 0 49); do
            printf '# reviewed in round %s\n' "$c" >>"$repo/${cards[$(((c * 7919 + i * 104729) % ${#cards[@]}))]}"
        done
        git -C "$repo" commit -q -am "review round $c"
    done
    echo "$stamp" >"$repo/.git/bench-stamp"
fi
models=$(find "$repo/models" -name '*.yaml' | wc -l | tr -d ' ')
deployments=$(find "$repo/deployments" -name '*.yaml' | wc -l | tr -d ' ')

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.0f\n", (a[NR/2]+a[NR/2+1])/2}'; }

time_it() { # time_it <label> <args...>: one warm-up, then the median of $runs runs
    local label=$1 i samples=
    shift
    "$registry" -C "$repo" "$@" >"$work/out" 2>"$work/err" || { head -5 "$work/err" >&2; exit 1; }
    for ((i = 0; i < runs; i++)); do
        local TIMEFORMAT='%3R %3U %3S' t
        t=$({ time "$registry" -C "$repo" "$@" >/dev/null 2>&1; } 2>&1)
        samples+=$(awk '{printf "%.0f %.0f\n", $1 * 1000, ($2 + $3) * 1000}' <<<"$t")$'\n'
    done
    local wall cpu lines
    wall=$(awk 'NF {print $1}' <<<"$samples" | median)
    cpu=$(awk 'NF {print $2}' <<<"$samples" | median)
    lines=$(wc -l <"$work/out" | tr -d ' ')
    printf '%-52s %8s %8s %8s\n' "$label" "$wall" "$cpu" "$lines"
}

echo
echo "$models model versions, $deployments deployments, 21 commits; median of $runs runs" \
    "($(nproc 2>/dev/null || echo '?') CPUs, load $(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?'))"
printf '%-52s %8s %8s %8s\n' command "wall ms" "cpu ms" lines
time_it "registry --version (start-up)" --version
time_it "export (inventory, CSV, with last changes)" export
time_it "export --format json" export --format json
time_it "export --kind models (no history columns)" export --kind models
time_it "export --profile eu-ai-act" export --profile eu-ai-act
time_it "export --kind deployments" export --kind deployments
time_it "export --at HEAD~10" export --at HEAD~10
time_it "export --tier high --env prod" export --tier high --env prod
time_it "diff HEAD~20..HEAD" diff HEAD~20..HEAD
