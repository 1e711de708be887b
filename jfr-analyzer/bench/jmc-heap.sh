#!/usr/bin/env bash
# Heap JMC needs for automated analysis: full load vs the filtered load of JmcAnalysis, on a
# recording of a busy workload made with the JDK's 'profile' settings plus puredots.jfc events.
# Usage: jfr-analyzer/bench/jmc-heap.sh [seconds]   (from the repository root; default 120 s)
set -euo pipefail
secs="${1:-120}"
mvn -B -q -o -pl jfr-analyzer -am test-compile package -DskipTests >/dev/null
cp="jfr-analyzer/target/jfr-analyzer.jar:jfr-analyzer/target/test-classes:jfr-events/target/test-classes"
out="$(mktemp -d)"
java -XX:StartFlightRecording:settings=profile,settings=jfr-events/jfc/puredots.jfc,filename="$out/big.jfr" \
  -cp "$cp" io.puredots.analyzer.jmc.JmcHeapWorkload "$secs" >/dev/null 2>&1
ls -l "$out/big.jfr"
java -Xmx2g -cp "$cp" io.puredots.analyzer.jmc.JmcHeapMeasure all "$out/big.jfr"
java -Xmx2g -cp "$cp" io.puredots.analyzer.jmc.JmcHeapMeasure filtered "$out/big.jfr"
echo "filtered load and all rules under -Xmx256m:"
java -Xmx256m -cp "$cp" io.puredots.analyzer.jmc.JmcHeapMeasure filtered "$out/big.jfr"
rm -rf "$out"
