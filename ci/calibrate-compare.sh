#!/usr/bin/env bash
# Calibrates `jfr-analyzer compare` as the harness uses it: false alarms over A/A pairs of one
# build, and detection of an injected slowdown of one system. Prints one table per part; the
# results go to BENCHMARKS.md ("Regression gate calibration"). Usage: ci/calibrate-compare.sh --help.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  cat <<'EOF'
Usage: ci/calibrate-compare.sh [options] [-- ci/profile.sh options]
Runs ci/profile.sh 2*PAIRS times on this build (A/A pairs: run 2k-1 is the baseline of run 2k),
then, per slowdown, DETECT pairs of an A run and a run with --slowdown SYSTEM=PCT right after it
(alternating, so that the machine's drift between pairs does not reach the comparison), and
compares each pair with jfr-analyzer compare (baseline.json against baseline.json).

Options:
  --pairs N        A/A pairs (default 10)
  --detect N       pairs per slowdown (default 5; at most 2*PAIRS)
  --system S       the system slowed (default VillagerAISystem, the largest at 20k entities)
  --group G        its system group (default VillagerSystemGroup)
  --slowdowns L    comma-separated percents (default 10,20,50)
  --out DIR        where results go (default ci/profiling-results/calibration-<UTC time>)
  --reuse DIR      take the A runs from DIR/a (an earlier calibration's --out) instead of running them
  --detect-only    skip the A/A part
  --interleave     each pair is one harness run with --against-jar (this build's game): the two
                   sides' game runs alternate (A B B A A B), so both share the machine's stretches;
                   without it each side is a harness run of its own, as when CI compares with a
                   baseline file recorded earlier
  -h, --help       this help
Options after -- go to every ci/profile.sh run (e.g. -- --ticks 1200 --repeat 3).

Exit codes: 0 done (the tables are the result); 2 trouble (a run or a comparison failed).
EOF
}

die() { echo "calibrate-compare.sh: $*" >&2; exit 2; }

pairs=10 detect=5 system=VillagerAISystem group=VillagerSystemGroup slowdowns=10,20,50 out="" reuse=""
detect_only=false interleave=false profile_opts=()
while [ "$#" -gt 0 ]; do
  case $1 in
    --pairs) pairs=${2:?--pairs needs a value}; shift 2 ;;
    --detect) detect=${2:?--detect needs a value}; shift 2 ;;
    --system) system=${2:?--system needs a value}; shift 2 ;;
    --group) group=${2:?--group needs a value}; shift 2 ;;
    --slowdowns) slowdowns=${2:?--slowdowns needs a value}; shift 2 ;;
    --out) out=${2:?--out needs a value}; shift 2 ;;
    --reuse) reuse=${2:?--reuse needs a value}; shift 2 ;;
    --detect-only) detect_only=true; shift ;;
    --interleave) interleave=true; shift ;;
    -h|--help) usage; exit 0 ;;
    --) shift; profile_opts=("$@"); break ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
[[ $pairs =~ ^[1-9][0-9]*$ && $detect =~ ^[1-9][0-9]*$ ]] || die "--pairs and --detect need whole numbers >= 1"
command -v jq > /dev/null || die "needs jq"
! $interleave || [ -z "$reuse" ] || die "--reuse takes the A runs of separate harness runs; it cannot be used with --interleave"
out=${out:-ci/profiling-results/calibration-$(date -u +%Y-%m-%d_%H-%M-%S)}
mkdir -p "$out"
analyzer=(java -jar jfr-analyzer/target/jfr-analyzer.jar)

# One harness run into $out/$1; prints its results directory.
profile() {
  local log
  log=$(ci/profile.sh --results-dir "$out/$1" "${@:2}" "${profile_opts[@]}" 2>&1) \
    || die "ci/profile.sh ${*:2} failed: $(tail -n 1 <<<"$log")"
  sed -n 's/^profile.sh: results in //p' <<<"$log" | tail -n 1
}

# compare $1 (baseline dir) with $2 (current dir) into $3.json; prints compare's exit code.
judge() {
  local rc=0
  "${analyzer[@]}" compare "$1/baseline.json" "$2/baseline.json" --format json -o "$3.json" --force \
    2>> "$out/compare.log" || rc=$?
  [ "$rc" -le 1 ] || die "compare $1 $2 failed (exit $rc): $(tail -n 1 "$out/compare.log")"
  echo "$rc"
}

# this build's game, copied: the --interleave side that is not slowed
against_jar="$out/sim-runtime-a.jar"
if $interleave; then
  cp sim-runtime/target/sim-runtime.jar "$against_jar" 2>/dev/null || die "no sim-runtime/target/sim-runtime.jar; build first (mvn -B -q -DskipTests package)"
fi

# One pair into $out/$1 (further arguments go to profile.sh); prints "BASELINE_DIR CURRENT_DIR".
# Without --interleave, two harness runs: the A run, then the run with those arguments.
pair() {
  local a d
  if $interleave; then
    d=$(profile "$1" --against-jar "$against_jar" "${@:2}")
    echo "$d/against $d"
  else
    a=$(profile "a-${1#slow-}")
    d=$(profile "$1" "${@:2}")
    echo "$a $d"
  fi
}

if ! $detect_only; then
  a_runs=()
  if $interleave; then
    for i in $(seq 1 "$pairs"); do
      sides=$(pair aa)
      read -r base cur <<<"$sides"
      a_runs+=("$base" "$cur")
      echo "calibrate-compare.sh: A/A pair $i of $pairs done" >&2
    done
  elif [ -n "$reuse" ]; then
    mapfile -t a_runs < <(find "$reuse/a" -mindepth 1 -maxdepth 1 -type d | sort)
    [ "${#a_runs[@]}" -ge $((2 * pairs)) ] || die "'$reuse/a' holds ${#a_runs[@]} A runs, not $((2 * pairs))"
  else
    for i in $(seq 1 $((2 * pairs))); do
      a_runs+=("$(profile a)")
      echo "calibrate-compare.sh: A run $i of $((2 * pairs)) done" >&2
    done
  fi

  echo "## A/A: $pairs pairs of this build"
  echo
  echo "| pair | exit | regressions flagged |"
  echo "|---|---|---|"
  false_alarms=0
  for k in $(seq 1 "$pairs"); do
    rc=$(judge "${a_runs[$((2 * k - 2))]}" "${a_runs[$((2 * k - 1))]}" "$out/aa-$k")
    flagged=$(jq -r '[.metrics[] | select(.verdict == "REGRESSION") | .metric] | join(", ")' "$out/aa-$k.json")
    [ "$rc" -eq 0 ] || false_alarms=$((false_alarms + 1))
    echo "| $k | $rc | ${flagged:-none} |"
  done
  echo
  echo "False alarms: $false_alarms of $pairs pairs."
  echo
  echo "Widest A/A delta per judged metric (largest |delta %| over the pairs, and the threshold; main.wait,"
  echo "workers.utilization and machine.other-cpu are reported, not judged):"
  echo
  echo "| metric | widest delta % | threshold % |"
  echo "|---|---|---|"
  jq -s -r '[.[].metrics[] | select(.deltaPercent != null and (.metric | test("^(main[.]wait|workers[.]utilization|machine[.]other-cpu)$") | not))] | group_by(.metric)
    | map({m: .[0].metric, d: (map(.deltaPercent | fabs) | max), t: .[0].thresholdPercent})
    | sort_by(-.d) | .[] | "| \(.m) | \(.d * 10 | round / 10) | \(.t) |"' "$out"/aa-*.json

  echo
fi

echo "## Detection: $system slowed, $detect pairs per slowdown"
echo
echo "| slowdown | flagged | on $system | on $group | other metrics flagged (pair: metrics) | measured change on $system (* flagged) |"
echo "|---|---|---|---|---|---|"
IFS=, read -r -a pcts <<<"$slowdowns"
for pct in "${pcts[@]}"; do
  flagged=0 on_system=0 on_group=0 others="" measured=""
  for j in $(seq 1 "$detect"); do
    sides=$(pair "slow-$pct" --slowdown "$system=$pct")
    read -r a d <<<"$sides"
    rc=$(judge "$a" "$d" "$out/slow-$pct-$j")
    [ "$rc" -eq 0 ] || flagged=$((flagged + 1))
    regressed=$(jq -r '.metrics[] | select(.verdict == "REGRESSION") | .metric' "$out/slow-$pct-$j.json")
    grep -q "^system\.$system\." <<<"$regressed" && on_system=$((on_system + 1))
    grep -q "^group\.$group\." <<<"$regressed" && on_group=$((on_group + 1))
    other=$(grep -v -e "^system\.$system\." -e "^group\.$group\." -e "^frame\." <<<"$regressed" | paste -sd, - || true)
    [ -z "$other" ] || others="$others $j:$other"
    measured="$measured $(jq -r --arg m "system.$system.frame" '.metrics[] | select(.metric == $m)
      | "\(if .deltaPercent == null then "n/a" else (.deltaPercent * 10 | round / 10 | tostring) end)\(if .verdict == "REGRESSION" then "*" else "" end)"' "$out/slow-$pct-$j.json")"
  done
  echo "| $pct% | $flagged/$detect | $on_system/$detect | $on_group/$detect | ${others:-none} |$measured |"
done
echo
echo "Results: $out"
