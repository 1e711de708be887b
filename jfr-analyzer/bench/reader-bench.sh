#!/usr/bin/env bash
# Analyzer: report on a large recording. Times full passes over one large recording with each
# reader, in the same run, alternating, and prints medians and ratios (BENCHMARKS.md section
# "Analyzer: report on the game's recording").
#
#   jfr-analyzer/bench/reader-bench.sh [--runs N] [--file PATH] [--game TICKS] [--entities N]
#                                      [--generated [--frames N]] [--no-jmc]
#
#   --file    recording to read (default recordings/game-large.jfr, or recordings/bench-large.jfr
#             with --generated); made when missing
#   --game    ticks of the game's run that makes a missing file: sim-runtime's spikes scenario
#             under puredots.jfc (default 360000: at 2000 entities about 890 MB, 5-9 min)
#   --entities  the game's entities (default 2000; 20000 with --game 100000: about 300 MB)
#   --generated  make a missing file with GenerateRecording instead (a synthetic event mix, not
#             the game's: for comparison only)
#   --frames  frames to generate with --generated (default 450000: about 890 MB)
#   --runs    rounds (default 3); every round runs every reader once, in the same order
#   --no-jmc  leave out JMC loadEvents (slow and needs a large heap)
#
# Needs: /usr/bin/time (Debian package "time"), Maven, a JDK 17+ (java, jfr on PATH or
# JAVA_HOME). Results: a table on stdout; raw measurements in target/reader-bench/.
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=3
file=""
frames=450000
game=360000
generated=0
entities=2000
jmc=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --file) file="$2"; shift 2 ;;
    --frames) frames="$2"; shift 2 ;;
    --game) game="$2"; shift 2 ;;
    --entities) entities="$2"; shift 2 ;;
    --generated) generated=1; shift ;;
    --no-jmc) jmc=0; shift ;;
    *) echo "reader-bench.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
if [ -z "$file" ]; then
  if [ "$generated" = 1 ]; then file=recordings/bench-large.jfr; else file=recordings/game-large.jfr; fi
fi

if [ ! -x /usr/bin/time ]; then
  echo "reader-bench.sh: /usr/bin/time missing (apt-get install time)" >&2
  exit 2
fi
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jfr_bin="${JAVA_HOME:+$JAVA_HOME/bin/}jfr"

out=jfr-analyzer/target/reader-bench
. jfr-analyzer/bench/snapshot-classpath.sh
cp=$(snapshot_classpath "$out")

if [ ! -f "$file" ] && [ "$generated" = 0 ]; then
  echo "recording $file: the game, spikes scenario, $entities entities, $game ticks..." >&2
  mkdir -p "$(dirname "$file")"
  mvn -B -q -pl sim-runtime -am package -DskipTests >&2
  "$java_bin" -XX:StartFlightRecording:settings=jfr-events/jfc/puredots.jfc,filename="$file",maxsize=0 \
      -jar sim-runtime/target/sim-runtime.jar --entities "$entities" --ticks "$game" --scenario spikes > /dev/null
fi
if [ ! -f "$file" ]; then
  echo "generating $file ($frames frames)..." >&2
  mkdir -p "$(dirname "$file")"
  "$java_bin" -cp "$cp" io.puredots.analyzer.bench.GenerateRecording "$file" "$frames"
fi
size=$(stat -c %s "$file")
events=$("$jfr_bin" summary "$file" | awk '/^ *=+/{t=1;next} t&&NF>=3{s+=$(NF-1)} END{print s}')
chunks=$("$jfr_bin" summary "$file" | awk '/Chunks:/{print $2}')

peer() { echo "$java_bin $1 -cp $cp io.puredots.analyzer.bench.BenchPeers $2 $file"; }
names=() cmds=()
add() { names+=("$1"); cmds+=("$2"); }
add "page cache read (cat > /dev/null)" "cat $file"
add "jfr summary" "$jfr_bin summary $file"
add "RecordingFile: count events" "$(peer "" rf-count)"
add "RecordingFile: per-group histograms" "$(peer "" rf-group)"
if [ "$jmc" = 1 ]; then
  add "JMC loadEvents + per-group histograms (-Xmx14g)" "$(peer -Xmx14g jmc-group)"
fi
add "JfrReader: walk (built-in types only)" "$(peer "" jfrreader-walk)"
add "JfrReader: per-group histograms" "$(peer "" jfrreader-group)"
add "JfrReader: all 8 per-frame puredots event types, report's core histograms" "$(peer "" jfrreader-full)"
add "fast reader: count only (no handler methods)" "$(peer -Xmx256m fast-count)"
add "fast reader: per-group histograms" "$(peer "" fast-group)"
add "fast reader: per-group histograms, -Xmx256m" "$(peer -Xmx256m fast-group)"
add "fast reader: every puredots event decoded, -Xmx256m" "$(peer -Xmx256m fast-all)"
if [ -f jfr-analyzer/src/main/java/io/puredots/analyzer/cli/ReportCommand.java ]; then
  mvn -B -q -pl jfr-analyzer -am package -DskipTests >&2
  add "jfr-analyzer report (default heap, as users run it)" "$java_bin -jar jfr-analyzer/target/jfr-analyzer.jar report $file"
  add "jfr-analyzer report (-Xmx256m)" "$java_bin -Xmx256m -jar jfr-analyzer/target/jfr-analyzer.jar report $file"
  # what the JIT's compiles of lukewarm code cost: C2 waits for three times its default counts
  add "jfr-analyzer report, C2 thresholds x3 (-XX:Tier4InvocationThreshold=15000 -XX:Tier4CompileThreshold=30000 -XX:Tier4BackEdgeThreshold=100000)" \
      "$java_bin -XX:Tier4InvocationThreshold=15000 -XX:Tier4CompileThreshold=30000 -XX:Tier4BackEdgeThreshold=100000 -jar jfr-analyzer/target/jfr-analyzer.jar report $file"
  if command -v taskset > /dev/null && [ "$(nproc)" -ge 2 ]; then
    # the same JVM on one core and on two: pinned, and told so, so that it sizes its decoder
    # pool, GC threads and JIT threads for what it gets
    add "jfr-analyzer report --no-jmc, 1 core (taskset -c 0, -XX:ActiveProcessorCount=1 -XX:+UseG1GC)" \
        "taskset -c 0 $java_bin -XX:ActiveProcessorCount=1 -XX:+UseG1GC -jar jfr-analyzer/target/jfr-analyzer.jar report --no-jmc $file"
    add "jfr-analyzer report --no-jmc, 2 cores (taskset -c 0,1, -XX:ActiveProcessorCount=2 -XX:+UseG1GC)" \
        "taskset -c 0,1 $java_bin -XX:ActiveProcessorCount=2 -XX:+UseG1GC -jar jfr-analyzer/target/jfr-analyzer.jar report --no-jmc $file"
  fi
fi

: > "$out/raw.tsv"
declare -A failed=()
for ((r = 1; r <= runs; r++)); do
  for i in "${!names[@]}"; do
    sink="$out/stdout-$i.txt"
    [ "$i" = 0 ] && sink=/dev/null  # cat: the bytes themselves are not kept
    rc=0
    /usr/bin/time -f "%e %M %U %S" -o "$out/time.txt" ${cmds[$i]} > "$sink" 2> "$out/stderr-$i.txt" || rc=$?
    # report exits 1 when a budget is violated: a finished run
    case "${names[$i]}" in "jfr-analyzer report"*) [ "$rc" = 1 ] && rc=0 ;; esac
    if [ "$rc" != 0 ]; then
      echo "round $r: ${names[$i]}: FAILED, see $out/stderr-$i.txt" >&2
      failed[$i]=1
      continue
    fi
    read -r wall rss user sys < <(tail -n 1 "$out/time.txt")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$i" "$r" "$wall" "$rss" "$user" "$sys" >> "$out/raw.tsv"
    echo "round $r: ${names[$i]}: ${wall} s, $((rss / 1024)) MB" >&2
  done
done

# the per-group readers must agree on what they computed
ref=""
for i in "${!names[@]}"; do
  [ -n "${failed[$i]:-}" ] && continue
  case "${names[$i]}" in *per-group*)
    got=$(cut -d' ' -f2- "$out/stdout-$i.txt")
    if [ -z "$ref" ]; then ref="$got"; refname="${names[$i]}"
    elif [ "$got" != "$ref" ]; then echo "WARNING: '${names[$i]}' disagrees with '$refname'" >&2; fi ;;
  esac
done

median() { sort -g | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2 }'; }
summary_wall=$(awk -F'\t' '$1==1{print $3}' "$out/raw.tsv" | median)
echo
echo "File: $file, $((size / 1000000)) MB, $events events (jfr summary), $chunks chunks; $runs rounds; $(nproc) cores"
echo "Java: $("$java_bin" -version 2>&1 | head -n 1)"
for n in 1 2; do
  echo "With -XX:ActiveProcessorCount=$n -XX:+UseG1GC: $("$java_bin" -XX:ActiveProcessorCount=$n -XX:+UseG1GC -XX:+PrintFlagsFinal -version 2>/dev/null \
      | awk '$2=="ParallelGCThreads"||$2=="ConcGCThreads"||$2=="CICompilerCount"||$2=="UseG1GC"||$2=="UseSerialGC"{printf "%s=%s ", $2, $4}')"
done
echo
echo "| Reader | Wall (median s) | vs jfr summary | CPU user+sys (median s) | Peak RSS (median MB) |"
echo "|---|---:|---:|---:|---:|"
for i in "${!names[@]}"; do
  if [ -n "${failed[$i]:-}" ]; then
    printf '| %s | failed: %s | | | |\n' "${names[$i]}" "$(grep -m1 -E 'Error|Exception' "$out/stderr-$i.txt" | cut -c1-80)"
    continue
  fi
  wall=$(awk -F'\t' -v i="$i" '$1==i{print $3}' "$out/raw.tsv" | median)
  cpu=$(awk -F'\t' -v i="$i" '$1==i{print $5+$6}' "$out/raw.tsv" | median)
  rss=$(awk -F'\t' -v i="$i" '$1==i{print $4/1024}' "$out/raw.tsv" | median)
  ratio=$(awk -v a="$wall" -v b="$summary_wall" 'BEGIN{printf "%.2f", a/b}')
  printf '| %s | %.2f | %s× | %.2f | %.0f |\n' "${names[$i]}" "$wall" "$ratio" "$cpu" "$rss"
done
