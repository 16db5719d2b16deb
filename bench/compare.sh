#!/usr/bin/env bash
# Side by side with ajv-cli (Node), on the same generated cards, as whole processes: the ratio
# table of issue 7. Prints a markdown table of medians (wall and CPU time) and peak RSS.
#
#   bench/compare.sh               install this tree, the peer, generate cards, time, print
#   RUNS=7 bench/compare.sh        runs per row (default 5, after one untimed warm-up run)
#   REGISTRY=/path/to/registry bench/compare.sh    time this launcher instead of installing one
#   SIZES="1000 10000"             the registry sizes of the staged and cold rows (default 1000 10000)
#   ROWS="staged warm"             only these rows (staged, cold, warm, changed, export, gate; default all)
#
# Everything it writes stays in bench/.work/ (git-ignored): the install prefix, ajv-cli pinned
# to AJV_CLI_VERSION/AJV_VERSION in bench/.work/ajv, the registries from bench/GenerateCards.java
# (cards-<n>), the same cards as JSON (json-<n>, via bench/CardsToJson.java and the tool's own
# YAML reader), the bundled schemas as `registry schema <kind>` prints them, and git repositories
# for the pre-commit rows (git-<n>). python jsonschema is left out: it cannot be installed on this machine.
set -euo pipefail

readonly AJV_CLI_VERSION=5.0.0
readonly AJV_VERSION=8.20.0

here=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
work=$here/bench/.work
runs=${RUNS:-5}
read -r -a sizes <<<"${SIZES:-1000 10000}"
mkdir -p "$work"
# bench/.work/ is inside this repository: without this, the caches of the generated registries
# would go into its git directory. The git repositories built below have their own .git nearer.
export REGISTRY_CACHE_DIR=$work/cache
log() { printf 'compare.sh: %s\n' "$*" >&2; }
wanted() { [ -z "${ROWS:-}" ] || [[ " $ROWS " == *" $1 "* ]]; }
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'; }
load_before=$(load)

# shellcheck source=bench/registry.sh
. "$here/bench/registry.sh"
jar=$(dirname -- "$registry")/../share/registry/registry.jar
[ -f "$jar" ] || { log "no registry.jar beside $registry"; exit 1; }
version=$("$registry" --version | head -n 1)

# The peer, pinned, installed only when missing or of another version.
ajv_dir=$work/ajv
ajv=$ajv_dir/node_modules/.bin/ajv
if [ "$(cat "$ajv_dir/.pinned" 2>/dev/null)" != "$AJV_CLI_VERSION $AJV_VERSION" ] || [ ! -x "$ajv" ]; then
    command -v npm >/dev/null || { log "npm is needed to install ajv-cli"; exit 1; }
    log "installing ajv-cli $AJV_CLI_VERSION (ajv $AJV_VERSION) into $ajv_dir ..."
    rm -rf "$ajv_dir"
    mkdir -p "$ajv_dir"
    printf '{"private": true}\n' >"$ajv_dir/package.json"
    (cd "$ajv_dir" && npm install --no-audit --no-fund --save-exact --loglevel=error \
        "ajv-cli@$AJV_CLI_VERSION" "ajv@$AJV_VERSION" >&2)
    echo "$AJV_CLI_VERSION $AJV_VERSION" >"$ajv_dir/.pinned"
fi

# The bundled schemas, and one schema that picks the right one by `kind`, so ajv checks every
# file of a registry in one process as registry does.
schemas=$work/schemas
mkdir -p "$schemas"
for k in model deployment owners registry; do
    "$registry" schema "$k" >"$schemas/$k.json"
done
cat >"$schemas/card.json" <<'EOF'
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://registry.dev/bench/card.schema.json",
  "if": {"properties": {"kind": {"const": "Model"}}},
  "then": {"$ref": "https://registry.dev/schema/v1/model.schema.json"},
  "else": {
    "if": {"properties": {"kind": {"const": "Deployment"}}},
    "then": {"$ref": "https://registry.dev/schema/v1/deployment.schema.json"},
    "else": {
      "if": {"properties": {"kind": {"const": "Owners"}}},
      "then": {"$ref": "https://registry.dev/schema/v1/owners.schema.json"},
      "else": {"$ref": "https://registry.dev/schema/v1/registry.schema.json"}
    }
  }
}
EOF
ajv_args=(validate --spec=draft2020 --strict=false --validate-formats=false -s "$schemas/card.json"
    -r "$schemas/model.json" -r "$schemas/deployment.json" -r "$schemas/owners.json" -r "$schemas/registry.json")

stamp=$({ cksum <"$here/bench/GenerateCards.java"; cksum <"$here/bench/CardsToJson.java"; } | cksum | cut -d' ' -f1)
cards_of() { # cards_of <n>: a registry of n generated cards and its JSON twin, (re)made when stale
    local dir=$work/cards-$1 json=$work/json-$1
    if [ "$(cat "$dir/.stamp" 2>/dev/null)" != "$stamp" ] || [ ! -d "$json" ]; then
        rm -rf "$dir" "$json" "$work/cards-$1/.generator"
        java "$here/bench/GenerateCards.java" "$1" "$dir" >&2
        java -cp "$jar" "$here/bench/CardsToJson.java" "$dir" "$json" >&2
        echo "$stamp" >"$dir/.stamp"
    fi
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "?"; else if (NR%2) print a[(NR+1)/2]; else printf "%.0f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# sample <label> <command...>: one run; appends "wall_ms cpu_ms rss_kb" to $work/samples-<label>.
# Every command timed must exit 0: a run that fails is no measurement.
sample() {
    local label=$1
    shift
    local rc=0
    /usr/bin/time -o "$work/time-$label" -f '%e %U %S %M' "$@" >/dev/null 2>"$work/stderr-$label" || rc=$?
    if [ "$rc" != 0 ]; then
        log "$label: exit $rc: $*"
        tail -n 5 "$work/stderr-$label" >&2
        exit 1
    fi
    tail -n 1 "$work/time-$label" | awk '{printf "%.0f %.0f %d\n", $1 * 1000, ($2 + $3) * 1000, $4}' >>"$work/samples-$label"
}
command -v /usr/bin/time >/dev/null || { log "needs GNU time at /usr/bin/time (apt-get install time)"; exit 1; }

# measure <label> <setup-command or :> <command...>: a warm-up run, then $runs timed runs, each
# after <setup>. Prints "wall cpu rss" medians.
measure() {
    local label=$1 setup=$2 i
    shift 2
    rm -f "$work/samples-$label"
    eval "$setup"
    "$@" >/dev/null 2>&1 || true
    rm -f "$work/samples-$label"
    for ((i = 0; i < runs; i++)); do
        eval "$setup"
        sample "$label" "$@"
    done
    printf '%s %s %s\n' "$(awk '{print $1}' "$work/samples-$label" | median)" \
        "$(awk '{print $2}' "$work/samples-$label" | median)" "$(awk '{print $3}' "$work/samples-$label" | sort -n | tail -n 1)"
}

rows=()
row() { # row <work> <registry "wall cpu rss"> <ajv "wall cpu rss"> <note>
    local -a r=($2) a=($3)
    local ratio cpu_ratio
    if [ "${a[0]:-}" = "" ] || [ "${a[0]}" = "-" ]; then
        ratio='–' cpu_ratio='–'
    else
        ratio=$(awk -v x="${r[0]}" -v y="${a[0]}" 'BEGIN {printf "%.2f×", x / y}')
        cpu_ratio=$(awk -v x="${r[1]}" -v y="${a[1]}" 'BEGIN {printf "%.2f×", x / y}')
    fi
    rows+=("| $1 | $(fmt "${r[0]}") ($(fmt "${r[1]}") CPU) | $(fmt "${a[0]:-}") ($(fmt "${a[1]:-}") CPU) | **$ratio** ($cpu_ratio CPU) | $((r[2] / 1024)) MB | ${4:-} |")
}
grouped() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"; } # 10000 -> 10,000
fmt() { [[ ${1:-} =~ ^[0-9]+$ ]] && awk -v ms="$1" 'BEGIN {printf "%.2f s", ms / 1000}' || printf '–'; }

# --- 5 changed cards under `validate --staged`, in git repositories of 1,000 and 10,000 cards ---
# The pre-commit case: its cost grows with the registry (the whole index is listed and the
# cross-file rules run over every card), so it is measured at both sizes.
round=0
staged_row() { # staged_row <n>
    local n=$1 repo=$work/git-$1 staged_json=$work/staged-json-$1 reg peer f
    cards_of "$n"
    if [ "$(cat "$repo/.stamp" 2>/dev/null)" != "$stamp" ]; then
        log "building a git repository of $n cards ..."
        rm -rf "$repo"
        mkdir -p "$repo"
        cp -R "$work/cards-$n/." "$repo/"
        rm -f "$repo/.stamp"
        (cd "$repo" && git init -q && git add -A && git -c user.name=bench -c user.email=bench@example.com commit -qm "$n cards")
        echo "$stamp" >"$repo/.stamp"
    fi
    mapfile -t staged_cards < <(cd "$repo" && find models -name '*.yaml' | sort | awk -v every=$((n / 7)) 'NR % every == 1 && ++k <= 5')
    (cd "$repo" && git reset -q && git checkout -q -- .) # what an interrupted run may have left staged or edited
    change_five() { # a new description in five cards, staged, so that each run sees five unseen cards
        round=$((round + 1))
        for f in "${staged_cards[@]}"; do
            sed -i "s/^description: >-.*/description: >- # edit $round $RANDOM/" "$repo/$f"
        done
        (cd "$repo" && git add -- "${staged_cards[@]}")
    }
    log "validate --staged with 5 changed cards (git repository of $n) ..."
    # The cache where a developer has it, in the repository's .git, with everything seen once.
    REGISTRY_CACHE_DIR= "$registry" -C "$repo" validate --staged -q >/dev/null
    reg=$(cd "$repo" && REGISTRY_CACHE_DIR= measure "staged-$n" change_five "$registry" validate --staged -q)
    rm -rf "$staged_json"
    mkdir -p "$staged_json"
    for f in "${staged_cards[@]}"; do
        cp "$work/json-$n/${f%.yaml}.json" "$staged_json/$(echo "$f" | tr / _ | sed 's/\.yaml$/.json/')"
    done
    peer=$(measure "ajv-staged-$n" : "$ajv" "${ajv_args[@]}" -d "$staged_json/*.json")
    row "5 changed cards, \`validate --staged\` (pre-commit; repository of $(grouped "$n"))" "$reg" "$peer" "ajv checks the 5 files; registry lists the whole index, the other $(grouped $((n - 5))) from its cache"
    (cd "$repo" && git reset -q && git checkout -q -- .)
}
if wanted staged; then
    for n in "${sizes[@]}"; do
        staged_row "$n"
    done
fi
# --- cold and warm whole-registry runs ---
no_cache=()
"$registry" validate --help | grep -q -- --no-cache && no_cache=(--no-cache) # builds before the cache had none
ajv_last=
for n in "${sizes[@]}"; do
    cards_of "$n"
    if wanted cold || { [ "$n" = "${sizes[${#sizes[@]} - 1]}" ] && { wanted warm || wanted changed; }; }; then
        peer=$(measure "ajv-$n" : "$ajv" "${ajv_args[@]}" -d "$work/json-$n/**/*.json")
        ajv_last=$peer
    fi
    if wanted cold; then
        log "$n cards, cold (--no-cache) ..."
        reg=$(measure "cold-$n" : "$registry" -C "$work/cards-$n" validate -q "${no_cache[@]}")
        row "$(grouped "$n") cards, \`validate\`, cold (no cache)" "$reg" "$peer" ""
    fi
done
n=${sizes[${#sizes[@]} - 1]}
if wanted warm; then
    log "$n cards, warm ..."
    "$registry" -C "$work/cards-$n" validate -q >/dev/null
    reg=$(measure "warm-$n" : "$registry" -C "$work/cards-$n" validate -q)
    row "$(grouped "$n") cards, \`validate\`, warm (nothing changed)" "$reg" "$ajv_last" "files unchanged since the last run known by their size, timestamps and inode; findings of the whole run from the cache"
fi
if wanted changed; then
    one=$work/cards-$n/$(cd "$work/cards-$n" && find models -name '*.yaml' | sort | sed -n 1p) # sed reads it all: no SIGPIPE
    cp "$one" "$work/one-card.orig"
    touch_one() { sed -i "s/^description: >-.*/description: >- # edit $RANDOM$RANDOM/" "$one"; }
    reg=$(measure "warm1-$n" touch_one "$registry" -C "$work/cards-$n" validate -q)
    row "$(grouped "$n") cards, \`validate\`, 1 card changed" "$reg" "$ajv_last" "the others' trees and schema findings from the cache; cross-file checks over all"
    cp "$work/one-card.orig" "$one"
fi

has_command() { "$registry" --help 2>&1 | grep -Eq "^ +$1( |$)"; }
if ! wanted export; then
    :
elif has_command export; then
    log "export of $n cards ..."
    reg=$(measure "export-$n" : "$registry" -C "$work/cards-$n" export --format json -o "$work/export.json")
    row "\`export\` of $(grouped "$n") cards (JSON)" "$reg" "-" "no peer"
else
    rows+=("| \`export\` of $(grouped "$n") cards | – | – | – | – | this build has no \`export\` command yet |")
fi
if ! wanted gate; then
    :
elif has_command gate; then
    # A repository of 1,000 cards and 100 commits on top, each editing one card (no promotion):
    # the gate reads the base and head registries and walks the history between them.
    grepo=$work/git-gate
    if [ "$(cat "$grepo/.stamp" 2>/dev/null)" != "$stamp" ]; then
        log "building a repository with 100 commits for the gate ..."
        rm -rf "$grepo"
        mkdir -p "$grepo"
        cp -R "$work/cards-1000/." "$grepo/"
        rm -f "$grepo/.stamp"
        (
            cd "$grepo"
            git init -q -b main
            git add -A
            git -c user.name=bench -c user.email=bench@example.com commit -qm "1,000 cards"
            git tag base
            i=0
            for f in $(find models -name '*.yaml' | sort | head -n 100); do
                i=$((i + 1))
                sed -i "s/^description: >-.*/description: >- # edit $i/" "$f"
                git -c user.name=bench -c user.email=bench@example.com commit -qam "edit $i"
            done
        )
        echo "$stamp" >"$grepo/.stamp"
    fi
    log "gate over 100 commits ..."
    reg=$(cd "$grepo" && measure gate : "$registry" gate --base base --head HEAD -q)
    row "\`gate\` over 100 commits (repository of 1,000 cards)" "$reg" "-" "no peer"
else
    rows+=("| \`gate\` over 100 commits | – | – | – | – | this build has no \`gate\` command yet |")
fi

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
echo
echo "$version vs ajv-cli $AJV_CLI_VERSION (ajv $AJV_VERSION, Node $(node --version)); whole processes, median of $runs runs"
echo "machine: $(nproc) CPUs (${cpu:-unknown}), load average $load_before before, $(load) after"
echo
echo "| work | registry | ajv-cli | ratio (wall) | registry peak RSS | note |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
