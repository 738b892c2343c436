#!/usr/bin/env bash
# Scores the analysis engine on folders of gold articles (the format of ../shared/corpus/dev/*.json).
#
#   analysis-service/evaluate.sh DIR [DIR …] [--json] [--errors] [--cross-validate]
#   analysis-service/evaluate.sh --chains FILE
#   analysis-service/evaluate.sh --polnear DIR --split train|dev|test
#   e.g. analysis-service/evaluate.sh ../shared/corpus/dev ../shared/corpus/dev-wikinews --cross-validate
#
# Prints a table (NER by type and micro over PER/LOC/ORG; quotes at 30% and 80% coverage; speaker and cue
# accuracy; speaker accuracy by how the article designates the speaker), the same for the open articles and the
# blind half apart, and the errors counted by kind (no speaker, wrong speaker, missed, spurious, span, …);
# --errors lists each error under its kind (never those of the blind half); --json ends with one JSON object on
# the last line. --cross-validate scores each article with the speaker ranker trained on the other articles
# (leave one out; blind-half articles are never trained on), beside the rules alone and the shipped weights.
# --chains FILE prints one article's chains of mentions and each quote's candidate speakers. Builds the engine
# module (analysis-service/engine, not the service) first when needed. Needs no Kafka and no PostgreSQL.
# --polnear DIR (a local copy of the PolNeAR repository, never copied into ours) scores the English engine on a
# split's attributions with a speech cue, by quote type, beside CoreNLP's quote attribution on the same texts
# (whose models, target/baseline-models, only this command puts on the classpath).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/engine-classpath.sh"
heap=1g
if [[ " $* " == *" --polnear "* ]]; then
    engine_classpath="$engine_classpath:$engine/target/baseline-models"
    heap=4g # CoreNLP's baseline parses every sentence and resolves coreference
fi
exec "$java" -Xmx$heap \
    -Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider -cp "$engine_classpath" io.verbatim.engine.evaluation.EvaluateCommand "$@" \
    2> >(grep -v -E "^SLF4J|INFO|Adding annotator|Loading (classifier|POS tagger)" >&2)
