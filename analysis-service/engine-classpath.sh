# Sourced by evaluate.sh and benchmark.sh: builds analysis-service if its sources changed, then sets
# $engine_classpath (compiled classes, the French models, the dependencies) and $java.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
lib=$here/target/quarkus-app/lib/main
if [[ ! -d $lib || ! -f $here/target/classes/edu/stanford/nlp/models/ner/french-wikiner-4class.crf.ser.gz ]] ||
    [[ -n $(find "$here/src/main" "$here/pom.xml" -newer "$here/target/quarkus-app/quarkus-run.jar" -type f -print -quit 2>/dev/null) ]]; then
    echo "building analysis-service…" >&2
    (cd "$repo" && ./mvnw -B -q package -DskipTests -pl analysis-service -am) >&2
fi
engine_classpath="$here/target/classes:$lib/*"
