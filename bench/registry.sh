# Sourced by the bench scripts: sets $registry to the launcher to time. REGISTRY=/path/to/registry
# times that one; otherwise this tree is installed into $work/prefix first ($here and $work are the
# sourcing script's).
registry=${REGISTRY:-}
if [ -z "$registry" ]; then
    printf '%s: installing the current tree into %s ...\n' "$(basename -- "$0")" "$work/prefix" >&2
    PREFIX="$work/prefix" "$here/install.sh" >/dev/null
    registry=$work/prefix/bin/registry
fi
