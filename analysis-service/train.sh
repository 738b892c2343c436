#!/usr/bin/env bash
# Learns the speaker ranker's weights from folders of gold articles (the format of ../shared/corpus/dev/*.json)
# and writes them as the language's data, engine/src/main/resources/lang/<code>/speaker-ranker.txt.
#
#   analysis-service/train.sh DIR [DIR …] [--language fr]
#   e.g. analysis-service/train.sh ../shared/corpus/dev ../shared/corpus/dev-wikinews
#
# Reproducible: the same articles and engine give the same weights. Check what they are worth on articles they
# were not learned from with evaluate.sh DIR … --cross-validate. Builds the engine module first when needed.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/engine-classpath.sh"
exec "$java" -Xmx1g -Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider -Dverbatim.engine="$here/engine" \
    -cp "$engine_classpath" io.verbatim.engine.evaluation.TrainCommand "$@" \
    2> >(grep -v -E "^SLF4J|INFO|Adding annotator|Loading (classifier|POS tagger)" >&2)
