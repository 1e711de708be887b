#!/usr/bin/env bash
# Decoding cost per puredots event type (BENCHMARKS.md "Decoding cost per event type"): one
# JVM per run, pinned to one core, decoding one event type (DecodeOneType) or none; the rounds
# run every type once, in the same order. Cost of a type = (median CPU of its runs - median CPU
# of the "none" runs) / its events, in ns per event.
#
#   jfr-analyzer/bench/type-costs.sh FILE.jfr [ROUNDS]     (default 5 rounds)
#
# Needs /usr/bin/time, taskset, Maven, a JDK 17+. Raw runs: jfr-analyzer/target/type-costs/raw.tsv.
set -euo pipefail
cd "$(dirname "$0")/../.."
file="${1:?usage: type-costs.sh FILE.jfr [ROUNDS]}"
rounds="${2:-5}"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
out=jfr-analyzer/target/type-costs
. jfr-analyzer/bench/snapshot-classpath.sh
cp=$(snapshot_classpath "$out")

types=(none frame group system jobSchedule jobRun mainThreadWait registryUpdate spatialGridRebuild)
: > "$out/raw.tsv"
for ((r = 1; r <= rounds; r++)); do
  for t in "${types[@]}"; do
    /usr/bin/time -f "%e %U %S" -o "$out/time.txt" taskset -c 0 "$java_bin" -XX:ActiveProcessorCount=1 -XX:+UseG1GC \
        -cp "$cp" io.puredots.analyzer.bench.DecodeOneType "$t" "$file" > "$out/stdout.txt"
    read -r wall user sys < <(tail -n 1 "$out/time.txt")
    events=$(sed -n 's/.* events=\([0-9]*\).*/\1/p' "$out/stdout.txt")
    printf '%s\t%s\t%s\t%s\t%s\n' "$t" "$r" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}')" "$events" >> "$out/raw.tsv"
    echo "round $r: $t: $wall s, $events events" >&2
  done
done

median() { sort -g | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2 }'; }
base=$(awk -F'\t' '$1=="none"{print $4}' "$out/raw.tsv" | median)
echo "File: $file; $rounds rounds; one core (taskset -c 0, -XX:ActiveProcessorCount=1 -XX:+UseG1GC)"
echo "Java: $("$java_bin" -version 2>&1 | head -n 1)"
echo
echo "| Type decoded | Events | CPU (median s) | Over none (s) | ns per event |"
echo "|---|---:|---:|---:|---:|"
for t in "${types[@]}"; do
  cpu=$(awk -F'\t' -v t="$t" '$1==t{print $4}' "$out/raw.tsv" | median)
  events=$(awk -F'\t' -v t="$t" '$1==t{print $5; exit}' "$out/raw.tsv")
  awk -v t="$t" -v c="$cpu" -v b="$base" -v e="$events" 'BEGIN{
    d = c - b; ns = (t == "none" || e == 0) ? "" : sprintf("%.0f", d * 1e9 / e);
    printf "| %s | %s | %.2f | %s | %s |\n", t, (t == "none" ? "" : e), c, (t == "none" ? "" : sprintf("%.2f", d)), ns }'
done
