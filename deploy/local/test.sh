#!/usr/bin/env bash
# Runs every test of Verbatim, starting the infrastructure they need: a fresh Kafka broker and PostgreSQL
# server on their own ports (19092, 15432), so a running local stack (deploy/local/run.sh) is left alone.
#
#   deploy/local/test.sh [extra Maven arguments]      e.g. deploy/local/test.sh -pl analysis-service -am
#
# The infrastructure is stopped afterwards; set VERBATIM_KEEP_TEST_INFRA=1 to keep it for re-running
# ./mvnw verify (or one test from an IDE) against it.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
export VERBATIM_STATE_DIR=$repo/target/test-infra
export VERBATIM_KAFKA_PORT=19092
export VERBATIM_PG_PORT=15432

"$here/infra.sh" wipe
"$here/infra.sh" start
if [[ -z ${VERBATIM_KEEP_TEST_INFRA:-} ]]; then
    trap '"$here/infra.sh" stop' EXIT
fi
cd "$repo"
./mvnw -B verify "$@"
