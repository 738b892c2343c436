#!/usr/bin/env bash
# Speed and memory of the analysis engine, warm, on one thread (a benchmark that prints numbers, not a test).
#
#   analysis-service/benchmark.sh [DIR] [--json] [--threads N]   DIR: *.json gold files or *.txt texts [../shared/corpus/dev]
#
# Prints tokens per second of wall time and of CPU time, and ms per article (p50, p99), for the full engine and
# for bare CoreNLP French (tokenize, ssplit, mwt, ner) on the same texts, measured in alternating passes, their
# ratio (by CPU time, which holds on a busy machine), and the heap in use with the models loaded; with --json the last line is
# {"tokens_per_s":..,"tokens_per_cpu_s":..,"baseline_tokens_per_s":..,"baseline_tokens_per_cpu_s":..,"ratio":..,
# "ms_per_article_p50":..,"ms_per_article_p99":..,"threads":1,"heap_mib":..}. With --threads N it also measures
# articles/s of one engine shared by N threads (added to the JSON as "parallel_threads" and
# "parallel_articles_per_s"). Builds the engine if needed.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/engine-classpath.sh"
exec "$java" -Xmx1g -XX:+UseG1GC -Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider \
    -cp "$engine_classpath" io.verbatim.engine.evaluation.BenchmarkCommand "${@}" \
    2> >(grep -v -E "^SLF4J|INFO|Adding annotator|Loading (classifier|POS tagger)" >&2)
