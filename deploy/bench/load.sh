#!/usr/bin/env bash
# The whole pipeline under load (a benchmark that prints numbers, not a test).
#
#   deploy/bench/load.sh [--articles 1200] [--rate 20] [--warmup 1200] [--ingest-articles 10000]
#                        [--ingest-warmup 20000] [--burst 600] [--threads 2]
#
# On a fresh Kafka broker and PostgreSQL of its own, with the packaged services: ingest alone as fast as 32
# clients can post; then the pipeline at --rate articles/s, after --warmup articles at that rate (latency POST →
# articles.tagged and POST → visible in query-service, consumer lag, heap and CPU per service, CPU per article of
# every part); then a burst drained as fast as analysis can, compared
# with the engine alone on the same texts and threads (pipeline efficiency). Writes target/bench/load.md and
# target/bench/load-latency.svg; the last line printed is one JSON object. Takes about 9 minutes.
set -euo pipefail
bench_name=load bench_kafka_port=39092 bench_pg_port=35432
source "$(dirname "${BASH_SOURCE[0]}")/env.sh" --fresh
"${bench_java[@]}" io.verbatim.bench.LoadBenchmark --repo "$repo" \
    --db-url "jdbc:postgresql://127.0.0.1:$bench_pg_port/verbatim" --kafka "127.0.0.1:$bench_kafka_port" "$@"
