#!/usr/bin/env bash
# Where report's CPU goes (BENCHMARKS.md "Where the time goes"), as one markdown table per event
# type plus merging and JIT warm-up:
#  - per type, one JVM per run, pinned to one core (ReportCosts): decode the type as report does
#    (the same fields stepped over), or decode it into report's own aggregation (ChunkStats
#    partials merged in chunk order, then toReport). decode ns/event = (median CPU of decoding it
#    - median CPU of decoding the baseline) / its events; aggregate ns/event = (median CPU of
#    aggregating it - median CPU of aggregating the baseline) / its events - decode ns/event;
#    total = the sum. The baseline of frame and all is none; every other type comes with the
#    frames (report joins it to them: without them its values wait for frames that never come),
#    so its baseline is frame. "other" is every other kind report reads (entity counts, native
#    memory, JDK events and samples), "all" everything; types report does not read are stepped
#    over in every run, so their cost is in none's. Every round runs every type, both ways, in
#    the same order.
#  - merging: the in-order merges and toReport of the "all" runs, wall time inside the run.
#  - JIT warm-up (WarmUpPasses): report --no-jmc --format json twice in one JVM; pass 1 - pass 2
#    estimates warming up. On two cores (not pinned) and on one (taskset -c 0,
#    -XX:ActiveProcessorCount=1); G1 on both.
#
#   jfr-analyzer/bench/report-costs.sh FILE.jfr [ROUNDS]     (default 5 rounds)
#
# Needs /usr/bin/time, taskset, Maven, a JDK 17+. Raw runs: jfr-analyzer/target/report-costs/
# raw.tsv (mode, type, round, wall s, CPU s, events, merge ns, toReport ns) and warm.tsv (cores,
# round, pass (0: before pass 1), wall ns, CPU ns, JIT ms, exit code).
set -euo pipefail
cd "$(dirname "$0")/../.."
file="${1:?usage: report-costs.sh FILE.jfr [ROUNDS]}"
rounds="${2:-5}"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
out=jfr-analyzer/target/report-costs
. jfr-analyzer/bench/snapshot-classpath.sh
cp=$(snapshot_classpath "$out")
one_core=(taskset -c 0 "$java_bin" -XX:ActiveProcessorCount=1 -XX:+UseG1GC)
two_cores=("$java_bin" -XX:+UseG1GC)

types=(none frame group system jobSchedule jobRun mainThreadWait registryUpdate other all)
field() { sed -n "s/.* $1=\([0-9-]*\).*/\1/p" "$2"; }
: > "$out/raw.tsv"
: > "$out/warm.tsv"
for ((r = 1; r <= rounds; r++)); do
  for t in "${types[@]}"; do
    for mode in decode aggregate; do
      /usr/bin/time -f "%e %U %S" -o "$out/time.txt" "${one_core[@]}" \
          -cp "$cp" io.puredots.analyzer.bench.ReportCosts "$mode" "$t" "$file" > "$out/stdout.txt"
      read -r wall user sys < <(tail -n 1 "$out/time.txt")
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$mode" "$t" "$r" "$wall" \
          "$(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}')" "$(field events "$out/stdout.txt")" \
          "$(field mergeNanos "$out/stdout.txt")" "$(field toReportNanos "$out/stdout.txt")" >> "$out/raw.tsv"
      echo "round $r: $mode $t: $wall s, $(field events "$out/stdout.txt") events" >&2
    done
  done
  for cores in 2 1; do
    if [ "$cores" = 1 ]; then java_cmd=("${one_core[@]}"); else java_cmd=("${two_cores[@]}"); fi
    "${java_cmd[@]}" -cp "$cp" io.puredots.analyzer.bench.WarmUpPasses "$file" > "$out/stdout.txt"
    # startup as pass 0: no wall time, the CPU and JIT time before pass 1
    sed -e 's/^startup /pass=0 exit=0 wallNanos=0 /' -e 's/[a-zA-Z]*=//g' "$out/stdout.txt" | \
        awk -v c="$cores" -v r="$r" '{ printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c, r, $1, $3, $4, $5, $2 }' >> "$out/warm.tsv"
    echo "round $r: warm-up on $cores core(s): $(grep '^pass=' "$out/stdout.txt" | tr '\n' ' ')" >&2
  done
done

# the same type must reach both modes with the same events, or the subtraction means nothing
awk -F'\t' '{ k = $2 " round " $3; if (k in e && e[k] != $6) { print "report-costs.sh: " k ": decode got "
  e[k] " events, aggregate " $6 > "/dev/stderr"; bad = 1 } e[k] = $6 } END { exit bad }' "$out/raw.tsv" || exit 2

median() { sort -g | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2 }'; }
cpu() { awk -F'\t' -v m="$1" -v t="$2" '$1==m && $2==t {print $5}' "$out/raw.tsv" | median; }
dec_none=$(cpu decode none)
agg_none=$(cpu aggregate none)
baseline() { case "$1" in frame | all) echo none ;; *) echo frame ;; esac; }
echo "File: $file; $rounds rounds; types on one core (taskset -c 0, -XX:ActiveProcessorCount=1 -XX:+UseG1GC)"
echo "Java: $("$java_bin" -version 2>&1 | head -n 1)"
echo
echo "| Type (over its baseline) | Events | Decode ns/event | Aggregate ns/event | Total ns/event |"
echo "|---|---:|---:|---:|---:|"
sum_dec=0; sum_agg=0
for t in "${types[@]:1}"; do
  events=$(awk -F'\t' -v t="$t" '$2==t{print $6; exit}' "$out/raw.tsv")
  base=$(baseline "$t")
  dec=$(awk -v c="$(cpu decode "$t")" -v b="$(cpu decode "$base")" 'BEGIN{print c - b}')
  agg=$(awk -v c="$(cpu aggregate "$t")" -v b="$(cpu aggregate "$base")" -v d="$dec" 'BEGIN{print c - b - d}')
  if [ "$t" != all ]; then
    sum_dec=$(awk -v s="$sum_dec" -v d="$dec" 'BEGIN{print s + d}')
    sum_agg=$(awk -v s="$sum_agg" -v d="$agg" 'BEGIN{print s + d}')
  else
    all_dec=$dec; all_agg=$agg
  fi
  awk -v t="$t" -v b="$base" -v e="$events" -v d="$dec" -v a="$agg" 'BEGIN{
    if (e == 0) { printf "| %s (over %s) | 0 | | | |\n", t, b; exit }
    printf "| %s (over %s) | %d | %.0f | %.0f | %.0f |\n", t, b, e, d * 1e9 / e, a * 1e9 / e, (d + a) * 1e9 / e }'
done
echo
awk -v dn="$dec_none" -v an="$agg_none" -v sd="$sum_dec" -v sa="$sum_agg" -v ad="$all_dec" -v aa="$all_agg" 'BEGIN{
  printf "- Baseline (\"none\", one core): %.2f s CPU to start the JVM, split the chunks, read metadata and constant pools and step over every event; report'\''s aggregation with no event adds %.2f s (loading and running the partials, merges and toReport).\n", dn, an - dn
  printf "- All types at once: decoding %.2f s, aggregating %.2f s over none; the rows from frame to other sum to %.2f s and %.2f s.\n", ad, aa, sd, sa }'
merge=$(awk -F'\t' '$1=="aggregate" && $2=="all" {print $7}' "$out/raw.tsv" | median)
to_report=$(awk -F'\t' '$1=="aggregate" && $2=="all" {print $8}' "$out/raw.tsv" | median)
awk -v m="$merge" -v t="$to_report" -v c="$(cpu aggregate all)" 'BEGIN{
  printf "- Merging (\"all\", wall inside the run, one core): the partials merged in chunk order %.0f ms, toReport %.0f ms, of the run'\''s %.2f s CPU.\n", m / 1e6, t / 1e6, c }'
echo
echo "| JIT warm-up (report --no-jmc --format json, G1) | Pass 1 wall (s) | Pass 1 CPU (s) | Pass 1 JIT (s) | Pass 2 wall (s) | Pass 2 CPU (s) | Pass 2 JIT (s) | Pass 1 - pass 2 wall (s) | Pass 1 - pass 2 CPU (s) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
warm() { awk -F'\t' -v c="$1" -v p="$2" -v k="$3" '$1==c && $3==p {print $k}' "$out/warm.tsv" | median; }
for cores in 2 1; do
  if [ "$cores" = 1 ]; then label="one core (taskset -c 0, -XX:ActiveProcessorCount=1)"; else label="two cores"; fi
  awk -v l="$label" -v w1="$(warm "$cores" 1 4)" -v c1="$(warm "$cores" 1 5)" -v j1="$(warm "$cores" 1 6)" \
      -v w2="$(warm "$cores" 2 4)" -v c2="$(warm "$cores" 2 5)" -v j2="$(warm "$cores" 2 6)" 'BEGIN{
    printf "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n", l, w1 / 1e9, c1 / 1e9, j1 / 1e3,
        w2 / 1e9, c2 / 1e9, j2 / 1e3, (w1 - w2) / 1e9, (c1 - c2) / 1e9 }'
done
echo
awk -v c2="$(warm 2 0 5)" -v c1="$(warm 1 0 5)" 'BEGIN{
  printf "- Before pass 1 (JVM start, class loading up to the bench'\''s main): %.2f s CPU on two cores, %.2f s on one.\n", c2 / 1e9, c1 / 1e9 }'
