#!/usr/bin/env bash
# Analyzer: two or more analyzer jars on one recording, alternating. Each jar runs
# `report --no-jmc --format json FILE` in its own JVM once per round, the order reversed every
# other round; prints per jar the median wall and CPU time, and the median of the per-round
# ratio to the first jar (BENCHMARKS.md "Analyzer: report on the game's recording").
#
#   jfr-analyzer/bench/compare-jars.sh FILE ROUNDS JAR...
#
# Stops with exit 2 when a report fails (exit code over 1).
# Needs: /usr/bin/time (Debian package "time"), python3. Raw rows (round, jar index, wall s,
# CPU s, peak RSS KB) in target/compare-jars.tsv.
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: compare-jars.sh FILE ROUNDS JAR..." >&2; exit 2; }
file=$1; rounds=$2; shift 2; jars=("$@")
dir="$(cd "$(dirname "$0")/.." && pwd)/target"
mkdir -p "$dir"; out="$dir/compare-jars.tsv"; : > "$out"; t=$(mktemp); err="$dir/compare-jars.err"
trap 'rm -f "$t"' EXIT
for i in $(seq 1 "$rounds"); do
  if [ $((i % 2)) = 1 ]; then order=$(seq 0 $((${#jars[@]} - 1))); else order=$(seq $((${#jars[@]} - 1)) -1 0); fi
  for k in $order; do
    rc=0
    /usr/bin/time -f "%e %U %S %M" -o "$t" java -jar "${jars[$k]}" report --no-jmc --format json "$file" >/dev/null 2>"$err" || rc=$?
    # 0 and 1 are reports (1: a budget violated); anything else means nothing was measured
    if [ "$rc" -gt 1 ]; then echo "compare-jars.sh: ${jars[$k]} exited $rc on $file: $(tail -1 "$err")" >&2; exit 2; fi
    read -r wall user sys rss < <(tail -1 "$t")
    echo "$i $k $wall $(awk "BEGIN { print $user + $sys }") $rss" >> "$out"
  done
done
python3 - "$out" "${jars[@]}" <<'PY'
import statistics as st, sys
out, jars = sys.argv[1], sys.argv[2:]
by = {}
for line in open(out):
    i, k, wall, cpu, rss = line.split()
    by.setdefault(int(k), {})[int(i)] = (float(wall), float(cpu), int(rss))
for k, jar in enumerate(jars):
    rows = by[k]
    wall = [v[0] for v in rows.values()]
    cpu = [v[1] for v in rows.values()]
    ratio = [rows[i][0] / by[0][i][0] for i in rows]
    print(f"{jar}: wall median {st.median(wall):.2f} s [{min(wall):.2f}..{max(wall):.2f}], "
          f"CPU median {st.median(cpu):.2f} s, peak RSS {min(v[2] for v in rows.values()) // 1024}-"
          f"{max(v[2] for v in rows.values()) // 1024} MB, per-round ratio to the first jar {st.median(ratio):.3f}")
PY
