#!/usr/bin/env bash
# Lists the dead-lettered records of articles.dlq, or re-publishes them to articles.raw after a fix.
#
#   deploy/local/dlq.sh list   [--reason R]     every record: partition@offset, key, size, reason
#   deploy/local/dlq.sh replay [--reason R]     re-publish the records not replayed yet (same key and value)
#
# R is the reason's first word, as the dead-letter-reason header starts: invalid, schema, too-large, timeout,
# engine or refused. Replay progress is kept per reason (consumer group verbatim-dlq-replay-R, or -all), so
# running a replay twice sends nothing twice. A replayed record that fails again is dead-lettered again, as a
# new record, and a later replay tries it once more.
#
# Environment: KAFKA_BOOTSTRAP_SERVERS [127.0.0.1:${VERBATIM_KAFKA_PORT:-9092}]
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
libs=$here/infra/target/kafka/libs
[[ -d $libs ]] || "$here/../../mvnw" -q -B -f "$here/infra/pom.xml" package
export KAFKA_BOOTSTRAP_SERVERS=${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:${VERBATIM_KAFKA_PORT:-9092}}
exec "$java" -cp "$libs/*" "$here/DeadLetters.java" "$@"
