#!/usr/bin/env bash
# Game frame time while exporting live (BENCHMARKS.md, "Export throughput"): the sim-runtime game at 60 fps,
# recorded with puredots.jfc, with --export-to a local influxd (up), a closed port (down) and a port that never
# answers (stalled), and without export (none); modes alternate in separate JVMs; p99 from the game's recording.
# Usage: jfr-export/bench/frame-time-export.sh [REPS=3] [TICKS=2100] [ENTITIES=20000]
set -euo pipefail
cd "$(dirname "$0")/../.."
REPS=${1:-3}; TICKS=${2:-2100}; ENTITIES=${3:-20000}
DIR=${BENCH_DIR:-/tmp/export-bench}; mkdir -p "$DIR"
mvn -B -q -pl sim-runtime -am package -DskipTests
mvn -B -q -pl jfr-export -am test-compile
rm -rf "$DIR/fclasses" && mkdir -p "$DIR/fclasses"
cp -r jfr-events/target/classes "$DIR/fclasses/events"; cp -r jfr-export/target/classes "$DIR/fclasses/export"
cp -r jfr-export/target/test-classes "$DIR/fclasses/export-test"; cp sim-runtime/target/sim-runtime.jar "$DIR/sim-runtime.jar"
R=~/.m2/repository
CP="$DIR/fclasses/events:$DIR/fclasses/export:$DIR/fclasses/export-test"
for j in com/fasterxml/jackson/core/jackson-core/2.20.1/jackson-core-2.20.1.jar \
         com/fasterxml/jackson/core/jackson-databind/2.20.1/jackson-databind-2.20.1.jar \
         org/apache/commons/commons-csv/1.14.1/commons-csv-1.14.1.jar org/hdrhistogram/HdrHistogram/2.2.2/HdrHistogram-2.2.2.jar; do
  CP="$CP:$R/$j"
done
CP="$CP:$(ls $R/com/fasterxml/jackson/core/jackson-annotations/2.20*/*.jar | head -n 1)"
for rep in $(seq "$REPS"); do
  for mode in none up down stalled; do
    java -cp "$CP" io.puredots.export.GameFrameBench "$DIR/sim-runtime.jar" jfr-events/jfc/puredots.jfc "$mode" "$TICKS" 300 \
      --entities "$ENTITIES" --workers 1
  done
done
