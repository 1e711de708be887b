#!/usr/bin/env bash
# Export throughput (BENCHMARKS.md, "Export throughput"): lines per second for jsonl and influx on a large
# generated recording, alternating formats in separate JVMs with a small fixed heap (memory stays bounded),
# then points per second into a local influxd (started by the driver, on loopback) on a smaller recording.
# Usage: jfr-export/bench/export-throughput.sh [LARGE_MB=520] [HTTP_MB=40] [REPS=3]
# Recordings go to ${BENCH_DIR:-/tmp/export-bench} and are not committed.
set -euo pipefail
cd "$(dirname "$0")/../.."
LARGE_MB=${1:-520}; HTTP_MB=${2:-40}; REPS=${3:-3}; HEAP=${HEAP:-128m}
DIR=${BENCH_DIR:-/tmp/export-bench}; mkdir -p "$DIR"
mvn -B -q -pl jfr-export -am test-compile
R=~/.m2/repository
# a snapshot of the classes, so that a rebuild while the benchmark runs does not disturb it
rm -rf "$DIR/classes" && mkdir -p "$DIR/classes"
cp -r jfr-events/target/classes "$DIR/classes/events"; cp -r jfr-export/target/classes "$DIR/classes/export"
cp -r jfr-export/target/test-classes "$DIR/classes/export-test"
cp -r jfr-events/target/test-classes "$DIR/classes/events-test"  # LargeRecording's writer (SoakRecording)
CP="$DIR/classes/events:$DIR/classes/export:$DIR/classes/export-test:$DIR/classes/events-test"
for j in com/fasterxml/jackson/core/jackson-core/2.20.1/jackson-core-2.20.1.jar \
         com/fasterxml/jackson/core/jackson-databind/2.20.1/jackson-databind-2.20.1.jar \
         org/apache/commons/commons-csv/1.14.1/commons-csv-1.14.1.jar org/hdrhistogram/HdrHistogram/2.2.2/HdrHistogram-2.2.2.jar; do
  CP="$CP:$R/$j"
done
CP="$CP:$(ls $R/com/fasterxml/jackson/core/jackson-annotations/2.20*/*.jar | head -n 1)"
[ -f "$DIR/large.jfr" ] || java -cp "$CP" io.puredots.export.bench.LargeRecording "$DIR/large.jfr" "$LARGE_MB"
[ -f "$DIR/http.jfr" ] || java -cp "$CP" io.puredots.export.bench.LargeRecording "$DIR/http.jfr" "$HTTP_MB"
ls -l "$DIR"/*.jfr
for rep in $(seq "$REPS"); do
  for fmt in jsonl influx; do
    java -Xmx"$HEAP" -cp "$CP" io.puredots.export.ExportBench file "$DIR/large.jfr" "$fmt" raw
  done
done
for res in raw 1s; do
  java -Xmx"$HEAP" -cp "$CP" io.puredots.export.ExportBench influxd "$DIR/http.jfr" "$res"
done
