#!/usr/bin/env bash
# Analyzer: `report` under -Xmx256m (BENCHMARKS.md section "Analyzer: report on the game's
# recording", subsection "report under -Xmx256m: heap as the file doubles"). Runs `jfr summary` and `jfr-analyzer report`
# (with and without JMC) on a large recording and, if given, on one about twice its size, and
# prints wall time, peak RSS and the largest heap after GC from -Xlog:gc, so that heap can be
# compared against file size.
#
#   jfr-analyzer/bench/report-heap.sh FILE.jfr [LARGER.jfr]
#
# FILE.jfr and LARGER.jfr: two recordings of one kind, the second about twice the first, e.g. the
# first half of the game's recording and the whole (`jfr disassemble --max-chunks N --output DIR
# big.jfr` writes its first N chunks to DIR/big_0.jfr). A file concatenated with itself is no
# stand-in: report refuses a chunk that repeats as not one run.
# Needs: /usr/bin/time, a JDK 17+ (java, jfr on PATH), the built jar
# (mvn -B -q -pl jfr-analyzer -am package -DskipTests).
set -euo pipefail
file="${1:?usage: report-heap.sh FILE.jfr [LARGER.jfr]}"
larger="${2:-}"
jar="$(cd "$(dirname "$0")/.." && pwd)/target/jfr-analyzer.jar"
work="$(mktemp -d "${TMPDIR:-/tmp}/report-heap.XXXXXX")"
trap 'rm -rf "$work"' EXIT

maxgc() { grep -E "Pause" "$1" | sed -E 's/.*->([0-9]+)M\(.*/\1/' | sort -n | tail -1; }
run() { # label file gc-log|"" command...
  local label=$1 f=$2 gc=$3
  shift 3
  /usr/bin/time -f "%e s wall, %U s user, %S s sys, peak RSS %M KB, exit %x" -o "$work/time" "$@" \
      > "$work/out" 2> "$work/err" || true
  printf '%-28s %6s MB  %s%s\n' "$label" "$(( $(stat -c %s "$f") >> 20 ))" "$(tail -1 "$work/time")" \
      "${gc:+, max heap after GC $(maxgc "$gc") MB}"
  if grep -q "out of memory\|Exception" "$work/err"; then head -3 "$work/err"; fi
}
both() { # file
  local f=$1
  run "jfr summary" "$f" "" jfr summary "$f"
  run "report -Xmx256m" "$f" "$work/gc.log" java -Xmx256m -Xlog:gc:file="$work/gc.log" -jar "$jar" report "$f"
  run "report --no-jmc -Xmx256m" "$f" "$work/gcn.log" \
      java -Xmx256m -Xlog:gc:file="$work/gcn.log" -jar "$jar" report --no-jmc "$f"
  run "report --no-jmc -Xmx96m" "$f" "$work/gc96.log" \
      java -Xmx96m -Xlog:gc:file="$work/gc96.log" -jar "$jar" report --no-jmc "$f"
}
echo "load: $(uptime)"
both "$file"
if [ -n "$larger" ]; then both "$larger"; fi
echo "load: $(uptime)"
