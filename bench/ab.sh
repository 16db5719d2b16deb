#!/usr/bin/env bash
# Two builds side by side: their runs interleaved (A, B, A, B, ...) so that the changing load of
# a shared machine falls on both alike. bench/compare.sh gives figures against ajv-cli; on a
# machine whose speed drifts by a third within the hour, only this tells a change of a few
# percent from noise. Prints the median wall time of each build per row, and B's over A's.
#
#   bench/ab.sh <launcher-a> <launcher-b>
#   RUNS=9 ROWS="cold warm" bench/ab.sh ...    runs per build and row (default 7); rows: staged cold warm changed
#
# A launcher of another revision: git worktree add /tmp/old <rev> && PREFIX=/tmp/old-prefix /tmp/old/install.sh
# Uses the cards and the git repository bench/compare.sh makes in bench/.work/ (run it once first);
# each build keeps its own cache there (ab-cache-a, ab-cache-b), as builds never share one.
set -euo pipefail

[ $# = 2 ] || { echo "usage: bench/ab.sh <launcher-a> <launcher-b>" >&2; exit 2; }
here=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
work=$here/bench/.work
runs=${RUNS:-7}
declare -A launcher=([a]="$1" [b]="$2")
for k in a b; do
    [ -x "${launcher[$k]}" ] || { echo "ab.sh: ${launcher[$k]} is not an executable launcher" >&2; exit 2; }
    launcher[$k]=$(cd -P -- "$(dirname -- "${launcher[$k]}")" && pwd)/$(basename -- "${launcher[$k]}") # rows run from other folders
done
for d in cards-1000 cards-10000 git-1000; do
    [ -d "$work/$d" ] || { echo "ab.sh: no $work/$d: run bench/compare.sh once first" >&2; exit 2; }
done
wanted() { [ -z "${ROWS:-}" ] || [[ " $ROWS " == *" $1 "* ]]; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# ab <label> <setup or :> <args...>: one untimed run of each build, then $runs timed pairs.
ab() {
    local label=$1 setup=$2 i k
    shift 2
    declare -A times=([a]="" [b]="")
    for k in a b; do
        eval "$setup"
        REGISTRY_CACHE_DIR=$work/ab-cache-$k "${launcher[$k]}" "$@" >/dev/null 2>&1 || true
    done
    for ((i = 0; i < runs; i++)); do
        for k in a b; do
            eval "$setup"
            REGISTRY_CACHE_DIR=$work/ab-cache-$k /usr/bin/time -o "$work/ab-time" -f '%e' "${launcher[$k]}" "$@" >/dev/null 2>&1 ||
                { echo "ab.sh: $label: ${launcher[$k]} $* failed" >&2; exit 1; }
            times[$k]+="$(tail -n 1 "$work/ab-time") "
        done
    done
    local ma mb
    ma=$(tr ' ' '\n' <<<"${times[a]}" | grep . | median)
    mb=$(tr ' ' '\n' <<<"${times[b]}" | grep . | median)
    printf '| %s | %.2f s | %.2f s | %s |\n' "$label" "$ma" "$mb" "$(awk -v a="$ma" -v b="$mb" 'BEGIN {printf "%.2f×", b / a}')"
}

echo "A: ${launcher[a]}"
echo "B: ${launcher[b]}"
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) before; medians of $runs interleaved runs each"
echo
echo "| work | A | B | B / A |"
echo "|---|---|---|---|"
if wanted staged; then
    repo=$work/git-1000
    (cd "$repo" && git reset -q && git checkout -q -- .)
    trap '(cd "$repo" && git reset -q && git checkout -q -- .)' EXIT # the repository as it was, however the run ends
    card=$(cd "$repo" && find models -name '*.yaml' | sort | sed -n 1p)
    stage_one() { sed -i "s/^description: >-.*/description: >- # ab $RANDOM$RANDOM/" "$repo/$card" && (cd "$repo" && git add -- "$card"); }
    (cd "$repo" && ab "1 changed card, \`validate --staged\` (repository of 1,000)" stage_one validate --staged -q)
    (cd "$repo" && git reset -q && git checkout -q -- .)
fi
if wanted cold; then
    ab "1,000 cards, cold" : -C "$work/cards-1000" validate -q --no-cache
    ab "10,000 cards, cold" : -C "$work/cards-10000" validate -q --no-cache
fi
if wanted warm; then
    ab "10,000 cards, warm" : -C "$work/cards-10000" validate -q
fi
if wanted changed; then
    one=$work/cards-10000/$(cd "$work/cards-10000" && find models -name '*.yaml' | sort | sed -n 1p)
    cp "$one" "$work/ab-one.orig"
    trap 'cp "$work/ab-one.orig" "$one"' EXIT # the card as it was, however the run ends
    edit_one() { sed -i "s/^description: >-.*/description: >- # ab $RANDOM$RANDOM/" "$one"; }
    ab "10,000 cards, 1 card changed" edit_one -C "$work/cards-10000" validate -q
    cp "$work/ab-one.orig" "$one"
fi
