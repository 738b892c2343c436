#!/usr/bin/env bash
# Query-service latency over a large archive (a benchmark that prints numbers, not a test).
#
#   deploy/bench/query.sh [--fresh] [--articles 50000] [--requests 300]
#
# Loads generated French articles (with their entities and quotes, as analysis-service stores them) straight
# into a PostgreSQL of its own (kept between runs; --fresh starts over), starts the packaged query-service on it
# and prints p50/p95/p99 per kind of request; the table and the query plans (EXPLAIN ANALYZE) are written to
# target/bench/query-latency.md and target/bench/query-explain.txt. The last line is one JSON object.
set -euo pipefail
bench_name=query bench_kafka_port=29092 bench_pg_port=25432
source "$(dirname "${BASH_SOURCE[0]}")/env.sh" "${1:-}"
[[ ${1:-} == --fresh ]] && shift
"${bench_java[@]}" io.verbatim.bench.QueryBenchmark --repo "$repo" \
    --db-url "jdbc:postgresql://127.0.0.1:$bench_pg_port/verbatim" --kafka "127.0.0.1:$bench_kafka_port" "$@"
