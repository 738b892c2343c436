#!/usr/bin/env bash
# Scores the analysis engine on folders of gold articles (the format of ../shared/corpus/dev/*.json).
#
#   analysis-service/evaluate.sh DIR [DIR …] [--json] [--errors]
#   e.g. analysis-service/evaluate.sh ../shared/corpus/dev ../shared/corpus/dev-wikinews --errors
#
# Prints a table (NER by type and micro over PER/LOC/ORG; quotes at 30% and 80% coverage; speaker and cue
# accuracy) and the errors counted by kind (no speaker, wrong speaker, missed, spurious, span, …); --errors
# lists each error under its kind; --json ends with one JSON object on the last line. Builds the engine
# module (analysis-service/engine, not the service) first when needed. Needs no Kafka and no PostgreSQL.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/engine-classpath.sh"
exec "$java" -Xmx1g \
    -Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider -cp "$engine_classpath" io.verbatim.engine.evaluation.EvaluateCommand "$@" \
    2> >(grep -v -E "^SLF4J|INFO|Adding annotator|Loading (classifier|POS tagger)" >&2)
