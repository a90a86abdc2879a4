#!/usr/bin/env bash
# baosou's SolrCloud test cluster (solr/cluster/, Solr's MiniSolrCloudCluster):
#   solr/cluster.sh start DIR   build if needed, start 2 nodes and the collection `baosou`
#                               (2 shards x 2 replicas) from solr/configset; write the PID to
#                               DIR/pid; print the collection URL as the last line
#   solr/cluster.sh stop DIR    stop the cluster started in DIR, by its PID
#   solr/cluster.sh node DIR stop|start N
#                               stop node N (1, not the node of the URL), or start it again
#                               and wait until every replica is active (for the tests)
# BAOSOU_CLUSTER_HEAP (default 1g, at most 1.5g) and BAOSOU_CLUSTER_WAIT (seconds, default
# 300) tune it; BAOSOU_CLUSTER_JIT replaces -XX:TieredStopAtLevel=1 (quick start, C1 only),
# e.g. with -XX:+TieredCompilation for long benchmarks.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
project="$here/cluster"

die() { echo "cluster.sh: $*" >&2; exit 2; }

build() {
    local cp="$project/target/classpath.txt" class="$project/target/classes/baosou/Cluster.class"
    if [ -f "$cp" ] && [ -f "$class" ] && [ "$class" -nt "$project/src/main/java/baosou/Cluster.java" ] \
        && [ "$cp" -nt "$project/pom.xml" ]; then
        return
    fi
    command -v mvn >/dev/null || die "Maven (mvn) is not installed: apt-get install maven"
    echo "cluster.sh: building $project" >&2
    (cd "$project" && { mvn -B -q -o compile >/dev/null 2>&1 || mvn -B -q compile; }) >&2 \
        || die "could not build $project (see Maven's output above)"
}

start() {
    local dir="$1"
    command -v java >/dev/null || die "Java is not installed: apt-get install openjdk-17-jdk-headless"
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"
    if [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
        die "a cluster is already running from $dir (PID $(cat "$dir/pid")); stop it first: $0 stop $dir"
    fi
    build
    rm -rf "$dir/nodes" "$dir/url" "$dir/url.tmp"
    local started=$SECONDS
    setsid java "-Xmx${BAOSOU_CLUSTER_HEAP:-1g}" -XX:+UseSerialGC ${BAOSOU_CLUSTER_JIT:--XX:TieredStopAtLevel=1} \
        -Djava.net.preferIPv4Stack=true -Dhost=127.0.0.1 -Dsolr.log.level=WARN \
        -cp "$project/target/classes:$(cat "$project/target/classpath.txt")" \
        baosou.Cluster "$dir" "$here/configset/conf" >"$dir/cluster.log" 2>&1 </dev/null &
    local pid=$!
    echo "$pid" >"$dir/pid"
    local wait="${BAOSOU_CLUSTER_WAIT:-300}"
    while [ ! -f "$dir/url" ]; do
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -n 40 "$dir/cluster.log" >&2
            rm -f "$dir/pid"
            die "the cluster stopped while starting; its log is $dir/cluster.log"
        fi
        if [ $((SECONDS - started)) -ge "$wait" ]; then
            kill "$pid" 2>/dev/null || true
            rm -f "$dir/pid"
            die "the cluster did not start within ${wait}s; its log is $dir/cluster.log"
        fi
        sleep 1
    done
    echo "cluster.sh: started in $((SECONDS - started))s, PID $pid, log $dir/cluster.log" >&2
    cat "$dir/url"
}

node() {
    local dir="$1" what="$2" n="$3"
    [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null || die "no cluster running from $dir"
    case "$what" in stop|start) ;; *) die "node: say stop or start, not $what" ;; esac
    rm -f "$dir/node-$n.done"
    touch "$dir/node-$n.$what"
    for _ in $(seq 300); do
        if [ -f "$dir/node-$n.done" ]; then
            local answer
            answer="$(cat "$dir/node-$n.done")"
            rm -f "$dir/node-$n.done"
            case "$answer" in stopped|started) echo "cluster.sh: node $n $answer" >&2; return 0 ;; esac
            die "node $n: $answer"
        fi
        sleep 0.5
    done
    die "node $n did not $what within 150s; the log is $dir/cluster.log"
}

stop() {
    local dir="$1"
    [ -f "$dir/pid" ] || die "no cluster started from $dir ($dir/pid is missing)"
    local pid
    pid="$(cat "$dir/pid")"
    if kill "$pid" 2>/dev/null; then
        for _ in $(seq 60); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 1
        done
        if kill -0 "$pid" 2>/dev/null; then
            echo "cluster.sh: PID $pid did not stop within 60s; killing it" >&2
            kill -9 "$pid" 2>/dev/null || true
        fi
    fi
    rm -f "$dir/pid" "$dir/url"
    echo "cluster.sh: stopped" >&2
}

case "${1:-}" in
    start) [ $# -eq 2 ] || die "usage: $0 start DIR"; start "$2" ;;
    stop) [ $# -eq 2 ] || die "usage: $0 stop DIR"; stop "$2" ;;
    node) [ $# -eq 4 ] || die "usage: $0 node DIR stop|start N"; node "$2" "$3" "$4" ;;
    *) die "usage: $0 start DIR | stop DIR | node DIR stop|start N" ;;
esac
