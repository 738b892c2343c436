#!/usr/bin/env bash
# Runs the whole Verbatim pipeline on this machine, with nothing but a JDK 17+ installed:
#
#   deploy/local/run.sh          build if needed, start Kafka, PostgreSQL and the three services in the
#                                background, wait until all are ready, post the sample article and print the
#                                quotes, speakers and entities found; returns, leaving everything running
#   deploy/local/run.sh stop     stop the services and the infrastructure
#   deploy/local/run.sh status   what is running
#
# Ports (environment): INGEST_PORT [8081], ANALYSIS_PORT [8082], QUERY_PORT [8083], their management ports (health,
# metrics, OpenAPI) INGEST_MANAGEMENT_PORT [9081], ANALYSIS_MANAGEMENT_PORT [9082], QUERY_MANAGEMENT_PORT [9083],
# VERBATIM_KAFKA_PORT [9092], VERBATIM_PG_PORT [5432]. Data and logs: VERBATIM_STATE_DIR [<repo>/target/local].
# The languages the pipeline reads, set alike in the three services: VERBATIM_LANGUAGES [fr,en], comma-separated.
# Locally Kafka is plaintext and unauthenticated, on 127.0.0.1 only; in Kubernetes it is TLS with a client
# certificate per service (deploy/README.md, "Kubernetes"). See the README for the rest.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
export VERBATIM_STATE_DIR=${VERBATIM_STATE_DIR:-$repo/target/local}
export VERBATIM_KAFKA_PORT=${VERBATIM_KAFKA_PORT:-9092}
export VERBATIM_PG_PORT=${VERBATIM_PG_PORT:-5432}
ingest_port=${INGEST_PORT:-8081}
analysis_port=${ANALYSIS_PORT:-8082}
query_port=${QUERY_PORT:-8083}
export INGEST_MANAGEMENT_PORT=${INGEST_MANAGEMENT_PORT:-9081}
export ANALYSIS_MANAGEMENT_PORT=${ANALYSIS_MANAGEMENT_PORT:-9082}
export QUERY_MANAGEMENT_PORT=${QUERY_MANAGEMENT_PORT:-9083}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
services=(analysis-service query-service ingest-service)
run_dir=$VERBATIM_STATE_DIR/services

log() { printf '[verbatim] %s\n' "$*" >&2; }
die() { printf '[verbatim] error: %s\n' "$*" >&2; exit 1; }

port_of() {
    case $1 in
        ingest-service) echo "$ingest_port" ;;
        analysis-service) echo "$analysis_port" ;;
        query-service) echo "$query_port" ;;
    esac
}

management_port_of() {
    case $1 in
        ingest-service) echo "$INGEST_MANAGEMENT_PORT" ;;
        analysis-service) echo "$ANALYSIS_MANAGEMENT_PORT" ;;
        query-service) echo "$QUERY_MANAGEMENT_PORT" ;;
    esac
}

heap_of() { # measured live after a full GC: 560 MiB in analysis-service with the French and English models, 30 MiB in ingest (15 of them the language detector)
    case $1 in
        analysis-service) echo "-Xmx1g" ;;
        *) echo "-Xmx256m" ;;
    esac
}

# HTTP status of a local GET, with bash alone (no curl needed).
http_status() { # port path
    local line
    { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || { echo 000; return; }
    printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$2" >&3
    IFS= read -r -t 5 line <&3 || line=""
    exec 3<&- 3>&-
    line=${line#HTTP/* }
    echo "${line%% *}"
}

check_java() {
    command -v "$java" >/dev/null || die "no java on the PATH: install a JDK 17 or newer (or set JAVA_HOME)"
    local version
    version=$("$java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
    [[ ${version:-0} -ge 17 ]] || die "Java 17 or newer is needed, found: $("$java" -version 2>&1 | head -1)"
}

build_if_needed() {
    local stale=0 svc jar
    for svc in "${services[@]}"; do
        jar=$repo/$svc/target/quarkus-app/quarkus-run.jar
        # Sources and poms of the service and of the modules inside its folder (analysis-service/engine).
        if [[ ! -f $jar ]] || [[ -n $(find "$repo/$svc" "$repo/pom.xml" -path '*/target' -prune -o \
            \( -path '*/src/main/*' -o -name pom.xml \) -newer "$jar" -type f -print -quit) ]]; then
            stale=1
        fi
    done
    if ((stale)); then
        log "building the services (first run downloads dependencies and the French models: a few minutes)"
        (cd "$repo" && ./mvnw -B -q package -DskipTests -pl ingest-service,analysis-service,query-service -am)
    fi
}

running() { [[ -f $run_dir/$1.pid ]] && kill -0 "$(cat "$run_dir/$1.pid")" 2>/dev/null; }

start_service() {
    local svc=$1 port
    port=$(port_of "$svc")
    if running "$svc"; then log "$svc already running on port $port"; return; fi
    [[ $(http_status "$port" /) == 000 ]] || die "port $port is taken by another process (set the service's *_PORT)"
    mkdir -p "$run_dir"
    log "starting $svc on port $port"
    VERBATIM_API_KEYS=$api_key \
    KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$VERBATIM_KAFKA_PORT \
    VERBATIM_DB_URL=jdbc:postgresql://127.0.0.1:$VERBATIM_PG_PORT/${VERBATIM_DB_NAME:-verbatim} \
    VERBATIM_QUERY_BASE_URL=${VERBATIM_QUERY_BASE_URL:-http://localhost:$query_port} \
    VERBATIM_INGEST_LANGUAGES=${VERBATIM_LANGUAGES:-fr,en} \
    VERBATIM_ANALYSIS_LANGUAGES=${VERBATIM_LANGUAGES:-fr,en} \
    VERBATIM_QUERY_SEARCH_LANGUAGES=${VERBATIM_LANGUAGES:-fr,en} \
        nohup "$java" "$(heap_of "$svc")" -XX:+UseG1GC -Dquarkus.http.port="$port" \
        -jar "$repo/$svc/target/quarkus-app/quarkus-run.jar" >"$run_dir/$svc.log" 2>&1 &
    echo $! >"$run_dir/$svc.pid"
}

await_ready() {
    local svc=$1 port deadline=$((SECONDS + 240))
    port=$(port_of "$svc")
    until [[ $(http_status "$(management_port_of "$svc")" /q/health/ready) == 200 ]]; do
        if ! running "$svc"; then
            tail -n 30 "$run_dir/$svc.log" >&2 || true
            die "$svc stopped, see $run_dir/$svc.log"
        fi
        ((SECONDS < deadline)) || die "$svc not ready after 4 minutes, see $run_dir/$svc.log"
        sleep 1
    done
    log "$svc is ready (http://localhost:$port; health, metrics and OpenAPI on http://localhost:$(management_port_of "$svc")/q/)"
}

stop_service() {
    local svc=$1 pid
    running "$svc" || { rm -f "$run_dir/$svc.pid"; return 0; }
    pid=$(cat "$run_dir/$svc.pid")
    log "stopping $svc"
    kill "$pid"
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$run_dir/$svc.pid"
}

# The key writes need: VERBATIM_API_KEY if set, else one generated once and kept with the local data.
resolve_api_key() {
    if [[ -n ${VERBATIM_API_KEY:-} ]]; then
        api_key=$VERBATIM_API_KEY
        return
    fi
    local file=$VERBATIM_STATE_DIR/api-key
    if [[ ! -s $file ]]; then
        mkdir -p "$VERBATIM_STATE_DIR"
        (umask 077 && od -An -N24 -tx1 /dev/urandom | tr -d ' \n' >"$file")
    fi
    api_key=$(cat "$file")
    log "VERBATIM_API_KEY is not set: ingest accepts the generated key in $file"
    log "  to use it:  export VERBATIM_API_KEY=$api_key   (or set your own before starting)"
}

start() {
    check_java
    resolve_api_key
    build_if_needed
    "$here/infra.sh" start
    log "Kafka and PostgreSQL listen on 127.0.0.1 only, Kafka in plaintext without authentication: fine on this"
    log "  machine; the Kubernetes manifests use TLS, client certificates and ACLs (deploy/README.md, \"Kubernetes\")"
    local svc
    for svc in "${services[@]}"; do start_service "$svc"; done
    for svc in "${services[@]}"; do await_ready "$svc"; done
    local sample
    for sample in sample-article.json sample-article-en.json; do
        log "posting the sample article (deploy/local/$sample)"
        "$java" "$here/Demo.java" "http://127.0.0.1:$ingest_port" "$here/$sample" "$api_key"
    done
    log "all running; logs in $run_dir; stop with: deploy/local/run.sh stop"
}

stop() {
    local svc
    for svc in ingest-service analysis-service query-service; do stop_service "$svc"; done
    "$here/infra.sh" stop
}

status() {
    local svc
    for svc in "${services[@]}"; do
        if running "$svc"; then
            printf '%-17s up    http://localhost:%s  ready=%s\n' "$svc" "$(port_of "$svc")" \
                "$([[ $(http_status "$(management_port_of "$svc")" /q/health/ready) == 200 ]] && echo yes || echo no)"
        else
            printf '%-17s down\n' "$svc"
        fi
    done
    "$here/infra.sh" status
}

case ${1:-start} in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) die "usage: $0 [start|stop|status]" ;;
esac
