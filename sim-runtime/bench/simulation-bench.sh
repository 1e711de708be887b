#!/usr/bin/env bash
# Simulation benchmarks for the "Simulation" section of BENCHMARKS.md:
#  1. tick time (mean, p95), heap allocation per tick and native bytes per entity of the soak scene
#     at 10k, 50k and 100k entities, on 1 core and on 2 cores (taskset; the default worker count,
#     cores - 1 but at least 1, plus the main thread that runs jobs while it waits);
#     REPS runs per configuration, interleaved, medians reported;
#  2. observer effect: ticks/s with a puredots.jfc recording vs without, alternated in one JVM
#     (io.puredots.benchmarks.ObserverEffect in benchmarks/), median ratio of PAIRS pairs.
# Usage: sim-runtime/bench/simulation-bench.sh   (env: REPS=3 TICKS=600 PAIRS=30 SKIP_BUILD=1)
# Prints a markdown report on stdout; raw run output goes to sim-runtime/target/bench/.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPS=${REPS:-3}
TICKS=${TICKS:-600}
PAIRS=${PAIRS:-30}
JAR=sim-runtime/target/sim-runtime.jar
BENCH_JAR=benchmarks/target/benchmarks.jar
OUT=sim-runtime/target/bench
if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -q -pl sim-runtime,benchmarks -am package -DskipTests >&2
fi
mkdir -p "$OUT"
rm -f "$OUT"/run-*.txt
command -v taskset >/dev/null || { echo "simulation-bench: taskset (util-linux) is needed to pin cores" >&2; exit 2; }
cores_avail=$(nproc)
[ "$cores_avail" -ge 2 ] || { echo "simulation-bench: needs at least 2 cores, have $cores_avail" >&2; exit 2; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for rep in $(seq 1 "$REPS"); do
  for n in 10000 50000 100000; do
    for cores in 1 2; do
      cpus=$([ "$cores" = 1 ] && echo 0 || echo 0,1)
      taskset -c "$cpus" java -XX:ActiveProcessorCount="$cores" -Xms1g -Xmx1g -jar "$JAR" \
        --entities "$n" --ticks "$TICKS" --seed 1 \
        > "$OUT/run-$n-$cores-$rep.txt" 2> "$OUT/run-$n-$cores-$rep.err"
      echo "simulation-bench: rep $rep, $n entities, $cores core(s) done" >&2
    done
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
field() { # file, which
  case "$2" in
    mean) sed -n 's/.*tick time    mean \([0-9.]*\) ms.*/\1/p' "$1" ;;
    p95) sed -n 's/.*, p95 \([0-9.]*\) ms.*/\1/p' "$1" ;;
    tps) sed -n 's/.*ticks        [0-9]* (\([0-9.]*\) ticks\/s.*/\1/p' "$1" ;;
    alloc) sed -n 's/.*allocation   \([0-9.]*\) bytes\/tick.*/\1/p' "$1" ;;
    cpu) sed -n 's/.*cpu          \([0-9.]*\) ms\/tick.*/\1/p' "$1" ;;
    bpe) sed -n 's/.*reserved, .* used, \([0-9.]*\) B\/entity.*/\1/p' "$1" ;;
    native) sed -n 's/.*memory       native \([0-9.]*\) MiB reserved.*/\1/p' "$1" ;;
    checksum) sed -n 's/.*checksum     \([0-9a-f]*\).*/\1/p' "$1" ;;
  esac
}

echo "Command: \`sim-runtime/bench/simulation-bench.sh\` (REPS=$REPS, TICKS=$TICKS, PAIRS=$PAIRS), $(date -u +%Y-%m-%dT%H:%MZ),"
echo "$(java -version 2>&1 | head -n 1), $cores_avail cores, load average before $load_before, after $load_after."
echo "Medians of $REPS runs; tick figures exclude the first min(ticks/4, 120) ticks (JIT warm-up)."
echo
echo "| entities | cores | mean tick ms | p95 tick ms | ticks/s | CPU ms/tick | CPU us/tick per 1k entities | heap B/tick | native MiB | native B/entity | checksum |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
for n in 10000 50000 100000; do
  for cores in 1 2; do
    files=$(ls "$OUT"/run-$n-$cores-*.txt)
    mean=$(for f in $files; do field "$f" mean; done | median)
    p95=$(for f in $files; do field "$f" p95; done | median)
    tps=$(for f in $files; do field "$f" tps; done | median)
    alloc=$(for f in $files; do field "$f" alloc; done | median)
    cpu=$(for f in $files; do field "$f" cpu; done | median)
    bpe=$(for f in $files; do field "$f" bpe; done | median)
    nat=$(for f in $files; do field "$f" native; done | median)
    sums=$(for f in $files; do field "$f" checksum; done | sort -u | tr '\n' ' ')
    per1k=$(awk -v m="$cpu" -v n="$n" 'BEGIN {printf "%.1f", m * 1000 / (n / 1000)}')
    echo "| $n | $cores | $mean | $p95 | $tps | $cpu | $per1k | $alloc | $nat | $bpe | $sums|"
  done
done
echo
echo "Observer effect (\`java -cp $BENCH_JAR io.puredots.benchmarks.ObserverEffect --entities 20000 --ticks 150 --pairs $PAIRS --warmup 300\`, 2 cores):"
echo
echo '```'
java -Xms1g -Xmx1g -cp "$BENCH_JAR" io.puredots.benchmarks.ObserverEffect --entities 20000 --ticks 150 --pairs "$PAIRS" --warmup 300
echo '```'
