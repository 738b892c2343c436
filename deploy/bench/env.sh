# Sourced by the benchmark scripts after they set $bench_name, $bench_kafka_port and $bench_pg_port: builds what
# they run if sources changed, starts a Kafka broker and a PostgreSQL server of their own (state under
# target/bench-infra/$bench_name, own ports, so a local stack, the tests and the other benchmark are left alone),
# and sets $bench_java to run a benchmark class.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cd "$repo"
export VERBATIM_STATE_DIR=$repo/target/bench-infra/$bench_name
export VERBATIM_KAFKA_PORT=$bench_kafka_port
export VERBATIM_PG_PORT=$bench_pg_port
export VERBATIM_PG_SHARED_BUFFERS=1GB # the 50,000-article archive is about 0.9 GB

stale() { # $1: a built file, then source folders
    local built=$1
    shift
    [[ ! -f $built ]] || [[ -n $(find "$@" -newer "$built" -type f -print -quit 2>/dev/null) ]]
}
modules=()
for service in ingest-service analysis-service query-service; do
    stale "$service/target/quarkus-app/quarkus-run.jar" "$service/src/main" "$service/pom.xml" && modules+=("$service")
done
stale deploy/bench/target/classpath.txt deploy/bench/src/main deploy/bench/pom.xml && modules+=(deploy/bench)
if ((${#modules[@]})); then
    echo "[bench] building ${modules[*]}…"
    ./mvnw -B -q install -DskipTests -pl "$(IFS=,; echo "${modules[*]}")" -am
fi

if [[ ${1:-} == --fresh ]]; then
    deploy/local/infra.sh wipe
fi
deploy/local/infra.sh start
if [[ -z ${VERBATIM_KEEP_BENCH_INFRA:-} ]]; then
    trap 'deploy/local/infra.sh stop' EXIT
fi
bench_java=(java -Xmx2g -cp "deploy/bench/target/classes:$(cat deploy/bench/target/classpath.txt)")
