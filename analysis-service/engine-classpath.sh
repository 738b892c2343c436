# Sourced by evaluate.sh and benchmark.sh: builds the engine module (analysis-service/engine, a plain library:
# not the service) if its sources changed, then sets $engine_classpath (its classes, its languages' models and
# data, its dependencies) and $java.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
engine=$here/engine
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
if [[ ! -f $engine/target/classpath.txt || ! -f $engine/target/classes/edu/stanford/nlp/models/ner/french-wikiner-4class.crf.ser.gz
    || ! -f $engine/target/classes/edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz ]] ||
    [[ -n $(find "$engine/src/main" "$engine/pom.xml" -newer "$engine/target/classpath.txt" -type f -print -quit 2>/dev/null) ]]; then
    echo "building the engine…" >&2
    (cd "$repo" && ./mvnw -B -q compile -pl analysis-service/engine) >&2
    touch "$engine/target/classpath.txt"
fi
engine_classpath="$engine/target/classes:$(cat "$engine/target/classpath.txt")"
