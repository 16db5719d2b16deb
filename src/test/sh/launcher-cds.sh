#!/usr/bin/env bash
# The installed launcher with its class-data-sharing archive, and without it: whatever state the
# archive is in (used, missing, truncated, damaged, stale after a jar change, stamped for another
# Java), `registry` must run, exit as the tool does, and print nothing of it on stderr.
#
#   src/test/sh/launcher-cds.sh <prefix>     a prefix install.sh has installed into
set -euo pipefail

prefix=${1:?usage: launcher-cds.sh <prefix>}
registry=$prefix/bin/registry
share=$prefix/share/registry
archive=$share/registry.jsa
sample=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/../../.." && pwd)/sample-registry
work=$(mktemp -d "${TMPDIR:-/tmp}/launcher-cds.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { printf 'launcher-cds.sh: FAILED: %s\n' "$*" >&2; exit 1; }
export REGISTRY_CACHE=off # the launcher is under test here, not the cache (which would go into this repository's .git)

[ -s "$archive" ] || fail "install.sh made no archive at $archive"
[ -s "$archive.stamp" ] || fail "no stamp beside $archive"
cp "$archive" "$work/good.jsa"
cp "$archive.stamp" "$work/good.stamp"
restore() { cp "$work/good.jsa" "$archive"; cp "$work/good.stamp" "$archive.stamp"; }

# classes: the class-loading log of a validate run
classes() {
    REGISTRY_JAVA_OPTS=-Xlog:class+load=info "$registry" -C "$sample" validate -q 2>/dev/null || true
}
# shared: how many of the tool's own classes (not the JDK's, which the JDK's default archive holds
# too) came from a class-data-sharing archive in a validate run
shared() {
    classes | grep -cE '\] (dev\.registry|picocli|com\.fasterxml)\.[^ ]* source: shared objects file' || true
}
# clean <label>: validate and --version work, with nothing on stderr
clean() {
    local out err code
    "$registry" --version >"$work/out" 2>"$work/err" || fail "$1: --version exited $?"
    [ -s "$work/err" ] && fail "$1: --version wrote to stderr: $(cat "$work/err")"
    grep -q '^registry ' "$work/out" || fail "$1: unexpected --version output: $(cat "$work/out")"
    set +e
    "$registry" -C "$sample" validate -q >"$work/out" 2>"$work/err"
    code=$?
    set -e
    [ "$code" = 0 ] || fail "$1: validate exited $code: $(cat "$work/err")"
    [ -s "$work/err" ] && fail "$1: validate wrote to stderr: $(cat "$work/err")"
    set +e
    "$registry" schema no-such-kind >/dev/null 2>"$work/err"
    code=$?
    set -e
    [ "$code" = 2 ] || fail "$1: a usage error exited $code, not 2"
    printf 'ok: %s\n' "$1"
}

used=$(shared)
[ "$used" -gt 100 ] || fail "the archive is not used: $used classes from it"
# picocli's classes are of class-file version 49: only a static archive holds them.
picocli=$(classes | grep -cE '\] picocli\.[^ ]* source: shared objects file' || true)
[ "$picocli" -gt 50 ] || fail "picocli's classes are not in the archive: $picocli of them from it"
clean "archive in use ($used classes from it, $picocli of them picocli's)"

[ "$(REGISTRY_CDS=off shared)" = 0 ] || fail "REGISTRY_CDS=off still used the archive"
clean "REGISTRY_CDS=off"

rm -f "$archive"
clean "archive missing"
restore

head -c 100000 "$work/good.jsa" >"$archive" # Java 17 crashes on this one unless the launcher refuses it
[ "$(shared)" = 0 ] || fail "a truncated archive was used"
clean "archive truncated"
restore

python3 - "$archive" <<'PY' 2>/dev/null || perl -e 'open(F, "+<", $ARGV[0]) or die; for my $o (5000, 3000000) { seek(F, $o, 0); read(F, my $b, 1); seek(F, $o, 0); print F chr(ord($b) ^ 0xff); }' "$archive"
import sys
with open(sys.argv[1], "r+b") as f:
    for o in (5000, 3000000):
        f.seek(o); b = f.read(1); f.seek(o); f.write(bytes([b[0] ^ 0xff]))
PY
[ "$(shared)" = 0 ] || fail "a damaged archive of the right size was used"
clean "archive damaged, same size"
restore

read -r size version home <"$archive.stamp"
printf '%s %s %s\n' "$size" "9.9.9" "/opt/another-java" >"$archive.stamp"
[ "$(shared)" = 0 ] || fail "an archive stamped for another Java was used"
clean "archive stamped for another Java"
restore

cp -p "$share/registry.jar" "$work/registry.jar"
touch -d '2001-01-01' "$share/registry.jar" # what a jar replaced without a new archive looks like to Java
[ "$(shared)" = 0 ] || fail "an archive made for another jar was used"
clean "archive older than the jar"
cp -p "$work/registry.jar" "$share/registry.jar"

[ "$(shared)" -gt 100 ] || fail "the restored archive is not used again"
echo "launcher-cds.sh: all cases passed"
