#!/usr/bin/env bash
# Builds registry with Maven and installs it:
#   $PREFIX/bin/registry                                  the launcher
#   $PREFIX/share/registry/registry.jar                   the tool, with every dependency inside
#   $PREFIX/share/registry/registry.jsa                   class-data-sharing archive (faster start-up)
#   $PREFIX/share/bash-completion/completions/registry    bash completion
# PREFIX defaults to ~/.local. Run it from anywhere, as often as you like: each run replaces
# the previous installation. Needs a JDK 17+ and Maven 3.6.3+; the tests are not run here
# (`mvn test` runs them).
set -euo pipefail

readonly MIN_JAVA=17
readonly MIN_MAVEN=3.6.3

say() { printf 'install.sh: %s\n' "$*"; }
fail() { printf 'install.sh: error: %s\n' "$*" >&2; exit 1; }

# True when dotted version $1 >= $2, comparing numerically part by part.
version_at_least() {
    local IFS=.
    local -a have=($1) want=($2)
    local i
    for i in 0 1 2; do
        local h=${have[i]:-0} w=${want[i]:-0}
        h=${h%%[!0-9]*} w=${w%%[!0-9]*}
        ((10#${h:-0} > 10#${w:-0})) && return 0
        ((10#${h:-0} < 10#${w:-0})) && return 1
    done
    return 0
}

# The major version in `java -version` output: 1.8.0_292 -> 8, 17.0.15 -> 17.
java_major() {
    local v
    v=$("$1" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
    v=${v#1.}
    printf '%s' "${v%%[!0-9]*}"
}

# The source tree is wherever this script is, whatever folder it is run from.
source="${BASH_SOURCE[0]}"
while [ -h "$source" ]; do
    dir=$(cd -P -- "$(dirname -- "$source")" && pwd)
    source=$(readlink -- "$source")
    [[ $source == /* ]] || source=$dir/$source
done
here=$(cd -P -- "$(dirname -- "$source")" && pwd)
[ -f "$here/pom.xml" ] || fail "no pom.xml beside install.sh in $here"

prefix=${PREFIX:-$HOME/.local}
[[ $prefix == /* ]] || prefix=$PWD/$prefix

# Java: the one Maven builds with, and the one the launcher will run.
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java=$JAVA_HOME/bin/java
elif command -v java >/dev/null 2>&1; then
    java=$(command -v java)
else
    fail "java not found. Install a JDK $MIN_JAVA or newer (e.g. Eclipse Temurin, or your system's openjdk-$MIN_JAVA-jdk package) and put it on PATH or set JAVA_HOME."
fi
major=$(java_major "$java")
if [ -z "$major" ] || ((major < MIN_JAVA)); then
    fail "Java $MIN_JAVA or newer is needed; $java is version ${major:-unknown}. Install a newer JDK and put it first on PATH or set JAVA_HOME."
fi

# Maven, and the Java it runs on (it may differ from the one above when JAVA_HOME is unset).
command -v mvn >/dev/null 2>&1 ||
    fail "mvn not found. Install Apache Maven $MIN_MAVEN or newer (https://maven.apache.org/install.html, or your system's maven package)."
mvn_info=$(mvn -B -v 2>&1 | sed 's/\x1b\[[0-9;]*m//g') || fail "\`mvn -v\` failed:
$mvn_info"
mvn_version=$(printf '%s\n' "$mvn_info" | sed -n 's/^Apache Maven \([0-9][0-9.]*\).*/\1/p' | head -n 1)
[ -n "$mvn_version" ] || fail "cannot tell the Maven version from \`mvn -v\`:
$mvn_info"
version_at_least "$mvn_version" "$MIN_MAVEN" ||
    fail "Maven $MIN_MAVEN or newer is needed; found $mvn_version. Install a newer Maven."
mvn_java=$(printf '%s\n' "$mvn_info" | sed -n 's/^Java version: \([0-9][0-9.]*\).*/\1/p' | head -n 1)
mvn_java=${mvn_java#1.}
mvn_java=${mvn_java%%[!0-9]*}
if [ -n "$mvn_java" ] && ((mvn_java < MIN_JAVA)); then
    fail "Maven runs on Java $mvn_java; it needs Java $MIN_JAVA or newer. Set JAVA_HOME to a JDK $MIN_JAVA+."
fi
mvn_runtime=$(printf '%s\n' "$mvn_info" | sed -n 's/.*runtime: \(.*\)$/\1/p' | head -n 1)
if [ -n "$mvn_runtime" ] && [ ! -e "$mvn_runtime/bin/javac" ] && [ ! -e "$mvn_runtime/bin/javac.exe" ]; then
    fail "Maven runs on $mvn_runtime, a Java runtime without a compiler; install a JDK (not only a JRE) and set JAVA_HOME to it."
fi

say "building with Maven $mvn_version on Java $major (the first build downloads dependencies)..."
# Maven 3.8 writes colour resets even in batch mode; strip them.
(cd "$here" && mvn -B -q -Dmaven.test.skip=true -Dstyle.color=never package 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2) ||
    fail "the build failed (see above); run \`mvn -B package\` in $here for the full log"
built=$here/target/registry.jar
[ -f "$built" ] || fail "the build did not produce $built"

bin_dir=$prefix/bin
share_dir=$prefix/share/registry
completion_dir=$prefix/share/bash-completion/completions
mkdir -p "$bin_dir" "$share_dir" "$completion_dir" || fail "cannot create folders under $prefix"

# Each file is written beside its target and renamed over it, so a run that fails halfway
# leaves the previous installation working.
tmp_files=()
cleanup() { ((${#tmp_files[@]})) && rm -rf "${tmp_files[@]}"; return 0; }
trap cleanup EXIT
put() { # put <target> <mode>: stdin -> target, atomically
    local tmp
    tmp=$(mktemp "$(dirname -- "$1")/.$(basename -- "$1").XXXXXX")
    tmp_files+=("$tmp")
    cat >"$tmp"
    chmod "$2" "$tmp"
    mv -f -- "$tmp" "$1"
}

jar=$share_dir/registry.jar
put "$jar" 644 <"$built"
# The launcher gets the jar's path as a single-quoted shell word.
q="'\\''"
quoted_jar="'${jar//\'/$q}'"
while IFS= read -r line; do
    if [ "$line" = "jar='@REGISTRY_JAR@'" ]; then
        printf 'jar=%s\n' "$quoted_jar"
    else
        printf '%s\n' "$line"
    fi
done <"$here/src/main/sh/registry" | put "$bin_dir/registry" 755
"$java" -jar "$jar" generate-completion | put "$completion_dir/registry" 644

# A class-data-sharing archive for the classes the common commands load: a training run over a
# scratch copy of the sample registry lists them (-XX:DumpLoadedClassList), and Java writes them,
# its own among them, parsed and verified into a static archive (-Xshare:dump) that the launcher
# maps instead of the JDK's default one; it saves a good part of every start-up. A static archive,
# not Java 17's dynamic one (-XX:ArchiveClassesAtExit), because only a static archive holds
# classes of class-file version 49 or older, such as picocli's. The class path at the dump is the
# jar's path as the launcher passes it (Java refuses the archive for any other), and the collector
# is the launcher's. Made anew on every install, for this jar and the Java the launcher runs; the
# launcher uses it only when its stamp ("<size> <java version> <java home>") still fits, and runs
# without it otherwise. Failing to make it is not an error: the tool is only slower to start, and
# what Java said is shown then (and only then).
archive=$share_dir/registry.jsa
rm -f "$archive.stamp"
cds_log=
make_archive() {
    local java_id java_home train tmp size
    java_id=$(REGISTRY_PRINT_JAVA=1 "$bin_dir/registry") || return 1
    java_home=${java_id#* }
    train=$(mktemp -d "${TMPDIR:-/tmp}/registry-cds.XXXXXX") || return 1
    tmp_files+=("$train")
    cds_log=$train/log
    cp -R "$here/sample-registry" "$train/registry" || return 1
    if command -v git >/dev/null 2>&1; then # so that the training run reads git history and the index too
        (cd "$train/registry" && git init -q && git add -A &&
            git -c user.name=registry -c user.email=registry@localhost commit -qm training && git add -A) >/dev/null 2>&1 || true
    fi
    tmp=$share_dir/.registry.jsa.$$
    tmp_files+=("$tmp")
    rm -f "$tmp"
    "$java_home/bin/java" -XX:DumpLoadedClassList="$train/classes" -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -Xshare:auto \
        -Xlog:cds=off -cp "$jar" dev.registry.cli.CdsTraining "$train/registry" >"$cds_log" 2>&1 || return 1
    # Lambdas that implement picocli's interfaces (Main's handlers) would have the dump link
    # picocli's old classes, and Java leaves linked old classes out of the archive: those few
    # lambdas are made at run time instead.
    grep -v '^@lambda-proxy.*picocli/' "$train/classes" >"$train/classes.dump" || return 1
    "$java_home/bin/java" -Xshare:dump -XX:SharedClassListFile="$train/classes.dump" -XX:SharedArchiveFile="$tmp" \
        -XX:+UseParallelGC -cp "$jar" >>"$cds_log" 2>&1 || return 1
    [ -s "$tmp" ] || return 1
    size=$(wc -c <"$tmp")
    size=${size##* }
    chmod 644 "$tmp"
    mv -f -- "$tmp" "$archive"
    printf '%s %s\n' "$size" "$java_id" | put "$archive.stamp" 644
}
if make_archive; then
    cds_note="class-data-sharing archive: $archive"
else
    rm -f "$archive" "$archive.stamp"
    cds_note="no class-data-sharing archive (making it failed); registry works, only starts slower"
    if [ -s "$cds_log" ]; then
        say "making the class-data-sharing archive failed; Java said:" >&2
        tail -n 20 -- "$cds_log" >&2
    fi
fi

installed=$("$bin_dir/registry" --version | head -n 1) ||
    fail "$bin_dir/registry does not run; see the message above"
say "installed $installed"
say "  launcher:   $bin_dir/registry"
say "  jar:        $jar"
say "  completion: $completion_dir/registry"
say "  $cds_note"
case ":$PATH:" in
    *":$bin_dir:"*) ;;
    *) say "note: $bin_dir is not on your PATH. Add it, e.g. in ~/.bashrc or ~/.profile:"
       say "        export PATH=\"$bin_dir:\$PATH\"" ;;
esac
if [ "$completion_dir" != "${XDG_DATA_HOME:-$HOME/.local/share}/bash-completion/completions" ]; then
    say "note: bash-completion does not look in $completion_dir by itself; to use it: source $completion_dir/registry"
fi
