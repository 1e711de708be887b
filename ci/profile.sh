#!/usr/bin/env bash
# The profiling harness: runs the soak scene R times recorded with puredots.jfc, keeps the
# recordings with per-run reports, metrics.jsonl and environment.json in a new results directory,
# and optionally judges the run against the committed baseline (--compare) or replaces it
# (--update-baseline, only when the run passed). Usage and exit codes: ci/profile.sh --help.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  cat <<'EOF'
Usage: ci/profile.sh [options] [-- sim-runtime options]
Runs the soak scene R times, each recorded with jfr-events/jfc/puredots.jfc, into a new directory
ci/profiling-results/<YYYY-MM-DD_HH-MM-SS>_<short commit>/ (UTC; "-2", "-3"... appended when it
exists: a results directory is never overwritten). Builds the jars first when they are missing
or older than the sources.

Options:
  --entities N         entities at start (default 20000)
  --ticks N            frames per run (default 3000)
  --batch-frames N     frames per batch of the baseline's batch statistics (default 500)
  --scenario S         soak or spikes (default soak); also names the baseline ci/baselines/S.json
  --repeat R           separate JVM runs of the game (default 3)
  --slowdown SYS=PCT   make one system do PCT% more work (sim-runtime --slowdown; calibration)
  --jvm-opt OPT        one more option for the game's JVM, e.g. --jvm-opt -Xmx2g (repeatable)
  --compare            judge the run against the baseline with jfr-analyzer compare; exit as it does
  --update-baseline    replace the baseline with this run's when the run passed (no regression
                       against the current baseline; the first baseline is written as is)
  --baseline FILE      the baseline to compare with or update (default ci/baselines/<scenario>.json)
  --against REV        interleave: before or after each run, a run of the game built from git
                       revision REV (built once in a temporary worktree, kept under
                       <results-dir>/.against/<commit>/); with --compare, judge the run against
                       those runs instead of the baseline file. Both sides then share the
                       machine's slow and fast stretches.
  --against-jar JAR    the same with a sim-runtime jar already built (e.g. this build's own, for
                       A/A calibration); --slowdown applies to this build's runs only
  --results-dir DIR    where results directories go (default ci/profiling-results)
  -h, --help           this help

In the results directory: recording-<i>.jfr, run-<i>.log (the game's output), report-<i>.json and
report-<i>.md (jfr-analyzer report --warmup auto of run i: separate runs are not one recording),
baseline.json and metrics.jsonl (jfr-analyzer baseline of all runs), environment.json, and with
--compare or --update-baseline compare.txt, compare.md and compare.xml (JUnit). With --against or
--against-jar, against/ holds the other build's recording-<i>.jfr, run-<i>.log and baseline.json.
With --compare and GITHUB_STEP_SUMMARY set, compare.md is appended to the step summary.
JFR_ANALYZER, when set, is the command run instead of java -jar jfr-analyzer/target/jfr-analyzer.jar.

Exit codes: 0 done (budget violations are in the reports, not failures) and, with --compare, no
regression; 1 a regression against the baseline (with --update-baseline: baseline kept);
2 trouble: bad usage, build or game run failed, a report found nothing to judge, no baseline.
EOF
}

die() { echo "profile.sh: $*" >&2; exit 2; }

entities=20000 ticks=3000 batch_frames=500 scenario=soak repeat=3 slowdown="" compare=false update=false
baseline="" results_root=ci/profiling-results against_rev="" against_jar=""
jvm_opts=() game_extra=()

need_value() { [ "$#" -ge 2 ] || die "$1 needs a value (see ci/profile.sh --help)"; }
positive() { [[ $2 =~ ^[1-9][0-9]{0,8}$ ]] || die "$1 needs a whole number >= 1, got '$2'"; }

while [ "$#" -gt 0 ]; do
  case $1 in
    --entities) need_value "$@"; positive "$1" "$2"; entities=$2; shift 2 ;;
    --ticks) need_value "$@"; positive "$1" "$2"; ticks=$2; shift 2 ;;
    --repeat) need_value "$@"; positive "$1" "$2"; repeat=$2; shift 2 ;;
    --batch-frames) need_value "$@"; positive "$1" "$2"; batch_frames=$2; shift 2 ;;
    --scenario) need_value "$@"
      [[ $2 =~ ^(soak|spikes)$ ]] || die "--scenario needs soak or spikes, got '$2'"
      scenario=$2; shift 2 ;;
    --slowdown) need_value "$@"
      [[ $2 =~ ^[A-Za-z0-9_]+=[0-9]+$ ]] || die "--slowdown needs SYSTEM=PERCENT, got '$2'"
      slowdown=$2; shift 2 ;;
    --jvm-opt) need_value "$@"; jvm_opts+=("$2"); shift 2 ;;
    --baseline) need_value "$@"; baseline=$2; shift 2 ;;
    --results-dir) need_value "$@"; results_root=$2; shift 2 ;;
    --against) need_value "$@"; against_rev=$2; shift 2 ;;
    --against-jar) need_value "$@"; against_jar=$2; shift 2 ;;
    --compare) compare=true; shift ;;
    --update-baseline) update=true; shift ;;
    -h|--help) usage; exit 0 ;;
    --) shift; game_extra=("$@"); break ;;
    *) die "unknown option '$1' (see ci/profile.sh --help)" ;;
  esac
done
baseline=${baseline:-ci/baselines/$scenario.json}
[ -z "$against_rev" ] || [ -z "$against_jar" ] || die "give --against or --against-jar, not both"
if [ -n "$against_rev" ] || [ -n "$against_jar" ]; then
  ! $update || die "--update-baseline takes no --against: the baseline file is made from this build's runs alone"
fi
[ -z "$against_jar" ] || [ -f "$against_jar" ] || die "--against-jar: no file '$against_jar'"
[[ $results_root != *,* ]] || die "--results-dir must not contain a comma (it goes into -XX:StartFlightRecording), got '$results_root'"
if $compare && [ -z "$against_rev$against_jar" ] && [ ! -f "$baseline" ]; then
  die "no baseline '$baseline' to compare with; make one with ci/profile.sh --scenario $scenario --update-baseline"
fi

# ---- build when needed ----
sim_jar=sim-runtime/target/sim-runtime.jar
analyzer_jar=jfr-analyzer/target/jfr-analyzer.jar
jfc=jfr-events/jfc/puredots.jfc
stale() {
  local jar
  for jar in "$sim_jar" "$analyzer_jar"; do
    [ -f "$jar" ] || return 0
    if [ -n "$(find pom.xml ./*/pom.xml jfr-events/jfc ./*/src/main -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
      return 0
    fi
  done
  return 1
}
if stale; then
  echo "profile.sh: building (jars missing or older than the sources)" >&2
  mvn -B -q -DskipTests package >&2 || die "the build failed (mvn -B -q -DskipTests package)"
fi

# The game of revision $1, built once in a temporary worktree; prints the jar's path.
build_against() {
  local rev commit cache tree
  rev=$1
  commit=$(git rev-parse --verify --quiet "$rev^{commit}") || die "--against: no git revision '$rev'"
  cache="$results_root/.against/$commit"
  if [ ! -f "$cache/sim-runtime.jar" ]; then
    tree=$(mktemp -d "${TMPDIR:-/tmp}/profile-against.XXXXXX")
    echo "profile.sh: building the game of $rev (${commit:0:7}) for --against" >&2
    git worktree add --detach --quiet "$tree/src" "$commit" >&2 || die "cannot check out '$rev' into a temporary worktree"
    if ! (cd "$tree/src" && mvn -B -q -DskipTests package -pl sim-runtime -am >&2); then
      git worktree remove --force "$tree/src" >&2 || true
      die "the build of '$rev' failed (mvn -B -q -DskipTests package -pl sim-runtime -am)"
    fi
    mkdir -p "$cache"
    cp "$tree/src/sim-runtime/target/sim-runtime.jar" "$cache/sim-runtime.jar.tmp"
    mv -f "$cache/sim-runtime.jar.tmp" "$cache/sim-runtime.jar"
    git worktree remove --force "$tree/src" >&2 || true
    rm -rf "$tree"
  fi
  echo "$cache/sim-runtime.jar"
}
against_commit=""
if [ -n "$against_rev" ]; then
  against_jar=$(build_against "$against_rev")
  against_commit=$(git rev-parse "$against_rev^{commit}")
fi

analyzer() {
  if [ -n "${JFR_ANALYZER:-}" ]; then
    # shellcheck disable=SC2086 # a command with its arguments, split on purpose
    $JFR_ANALYZER "$@"
  else
    java -jar "$analyzer_jar" "$@"
  fi
}

# ---- the results directory: never an existing one ----
commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)
short=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=false
if [ "$commit" != unknown ] && [ -n "$(git status --porcelain 2>/dev/null)" ]; then dirty=true; fi
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
name="$(date -u -d "$started" +%Y-%m-%d_%H-%M-%S 2>/dev/null || date -u +%Y-%m-%d_%H-%M-%S)_$short"
mkdir -p "$results_root"
dir="$results_root/$name"
n=1
until mkdir "$dir" 2>/dev/null; do
  [ -e "$dir" ] || die "cannot create '$dir'"
  n=$((n + 1))
  dir="$results_root/${name}-$n"
done
echo "profile.sh: results in $dir" >&2

# ---- environment.json ----
json_str() {
  local s
  s=$(printf '%s' "$1" | tr -d '\000-\010\013\014\016-\037')
  s=${s//\\/\\\\}; s=${s//\"/\\\"}; s=${s//$'\t'/\\t}; s=${s//$'\n'/\\n}; s=${s//$'\r'/\\r}
  printf '"%s"' "$s"
}
json_array() {
  local first=true a
  printf '['
  for a in "$@"; do
    $first || printf ', '
    first=false
    json_str "$a"
  done
  printf ']'
}
prop() { sed -n "s/^ *$1 = //p" <<<"$jvm_settings" | head -n 1; }
jvm_settings=$(java "${jvm_opts[@]}" -XshowSettings:properties -XX:+PrintCommandLineFlags -version 2>&1) \
  || die "java ${jvm_opts[*]} -version failed: $(head -n 1 <<<"$jvm_settings")"
ergonomic=$(grep -m 1 -- '-XX:' <<<"$jvm_settings" | sed 's/ *$//' || true)
gc=$(grep -o -- '-XX:+Use[A-Za-z0-9]*GC' <<<"$ergonomic" | sed 's/-XX:+Use//; s/GC$//' | head -n 1 || true)
cores=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || sysctl -n hw.ncpu 2>/dev/null || echo 0)
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1 || true)
[ -n "$cpu" ] || cpu=$(sysctl -n machdep.cpu.brand_string 2>/dev/null || echo unknown)
memory_kb=$(sed -n 's/^MemTotal: *\([0-9]*\) kB/\1/p' /proc/meminfo 2>/dev/null || true)
game_args=(--entities "$entities" --ticks "$ticks" --scenario "$scenario")
[ -z "$slowdown" ] || game_args+=(--slowdown "$slowdown")
game_args+=("${game_extra[@]}")
{
  printf '{\n'
  printf '  "schema": "puredots-environment/1",\n'
  printf '  "time": %s,\n' "$(json_str "$started")"
  printf '  "commit": %s,\n' "$(json_str "$commit")"
  printf '  "shortCommit": %s,\n' "$(json_str "$short")"
  printf '  "dirty": %s,\n' "$dirty"
  printf '  "scenario": %s,\n' "$(json_str "$scenario")"
  printf '  "repeat": %s,\n' "$repeat"
  printf '  "gameArgs": %s,\n' "$(json_array "${game_args[@]}")"
  [ -z "$against_jar" ] || printf '  "againstJar": %s,\n' "$(json_str "$against_jar")"
  printf '  "jdk": {"version": %s, "runtimeVersion": %s, "vendor": %s, "vm": %s},\n' \
    "$(json_str "$(prop java.version)")" "$(json_str "$(prop java.runtime.version)")" \
    "$(json_str "$(prop java.vendor)")" "$(json_str "$(prop java.vm.name)")"
  printf '  "jvmFlags": %s,\n' "$(json_array "${jvm_opts[@]}")"
  printf '  "jvmErgonomicFlags": %s,\n' "$(json_str "$ergonomic")"
  printf '  "gc": %s,\n' "$(json_str "${gc:-unknown}")"
  printf '  "cores": %s,\n' "$cores"
  printf '  "memoryBytes": %s,\n' "$(( ${memory_kb:-0} * 1024 ))"
  printf '  "os": {"name": %s, "version": %s, "arch": %s},\n' \
    "$(json_str "$(prop os.name)")" "$(json_str "$(prop os.version)")" "$(json_str "$(prop os.arch)")"
  printf '  "cpuModel": %s\n' "$(json_str "$cpu")"
  printf '}\n'
} > "$dir/environment.json"

# ---- the runs (with --against, interleaved with the other build's: odd i it runs first) ----
against_args=(--entities "$entities" --ticks "$ticks" --scenario "$scenario" "${game_extra[@]}")
# game JAR OUT_DIR I ARGS...: run I of the game in JAR, recorded into OUT_DIR
game() {
  local jar=$1 out=$2 i=$3 rc=0
  java "${jvm_opts[@]}" "-XX:StartFlightRecording:settings=$jfc,filename=$out/recording-$i.jfr" \
       -jar "$jar" "${@:4}" > "$out/run-$i.log" 2>&1 || rc=$?
  [ "$rc" -eq 0 ] || die "run $i of $repeat failed (exit $rc); see $out/run-$i.log"
}
[ -z "$against_jar" ] || mkdir -p "$dir/against"
for i in $(seq 1 "$repeat"); do
  if [ -n "$against_jar" ] && [ $((i % 2)) -eq 1 ]; then
    echo "profile.sh: run $i of $repeat of '$against_jar'" >&2
    game "$against_jar" "$dir/against" "$i" "${against_args[@]}"
  fi
  echo "profile.sh: run $i of $repeat: ${game_args[*]}" >&2
  game "$sim_jar" "$dir" "$i" "${game_args[@]}"
  if [ -n "$against_jar" ] && [ $((i % 2)) -eq 0 ]; then
    echo "profile.sh: run $i of $repeat of '$against_jar'" >&2
    game "$against_jar" "$dir/against" "$i" "${against_args[@]}"
  fi
done

# ---- per-run reports: exit 1 (a budget violated) is a finding, recorded in the report ----
for i in $(seq 1 "$repeat"); do
  for fmt in json md; do
    rc=0
    analyzer report --warmup auto --format "$([ "$fmt" = md ] && echo markdown || echo json)" \
      -o "$dir/report-$i.$fmt" "$dir/recording-$i.jfr" 2>> "$dir/analyzer.log" || rc=$?
    [ "$rc" -le 1 ] || die "jfr-analyzer report of run $i failed (exit $rc): $(tail -n 1 "$dir/analyzer.log")"
  done
done

# ---- Needs jfr-analyzer baseline and compare (issue 12 parts 2-3): every call of them is here ----
# Writes the run's baseline.json and metrics.jsonl from all its recordings.
# With $1 (a directory), that directory's baseline.json only (the --against runs).
analyzer_metrics() {
  local d=${1:-$dir} rc=0 built=()
  local recordings=("$d"/recording-*.jfr)
  [ -z "${1:-}" ] || [ -z "$against_commit" ] || built=(--commit "$against_commit")
  analyzer baseline "${recordings[@]}" --batch-frames "$batch_frames" "${built[@]}" -o "$d/baseline.json" 2>> "$dir/analyzer.log" || rc=$?
  [ "$rc" -eq 0 ] || die "jfr-analyzer baseline failed (exit $rc): $(tail -n 1 "$dir/analyzer.log")"
  [ -z "${1:-}" ] || return 0
  analyzer baseline "${recordings[@]}" --batch-frames "$batch_frames" --format jsonl -o "$dir/metrics.jsonl" 2>> "$dir/analyzer.log" || rc=$?
  [ "$rc" -eq 0 ] || die "jfr-analyzer baseline --format jsonl failed (exit $rc): $(tail -n 1 "$dir/analyzer.log")"
}
# Compares the run's baseline.json with the baseline file $1; writes compare.md, compare.xml and
# compare.txt (also printed); returns compare's exit code (0 no regression, 1 regression, 2 trouble).
analyzer_compare() {
  local against=$1 rc=0
  analyzer compare "$against" "$dir/baseline.json" --format markdown -o "$dir/compare.md" 2>> "$dir/analyzer.log" || true
  analyzer compare "$against" "$dir/baseline.json" --format junit -o "$dir/compare.xml" 2>> "$dir/analyzer.log" || true
  analyzer compare "$against" "$dir/baseline.json" --format text -o "$dir/compare.txt" || rc=$?
  [ ! -f "$dir/compare.txt" ] || cat "$dir/compare.txt"
  return "$rc"
}
# ---- end of the calls that need baseline and compare ----

analyzer_metrics
if [ -n "$against_jar" ]; then
  analyzer_metrics "$dir/against"
  baseline="$dir/against/baseline.json"
fi

verdict=0
if $compare || { $update && [ -f "$baseline" ]; }; then
  analyzer_compare "$baseline" || verdict=$?
  if $compare && [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -f "$dir/compare.md" ]; then
    cat "$dir/compare.md" >> "$GITHUB_STEP_SUMMARY"
  fi
  case $verdict in
    0) ;;
    1) echo "profile.sh: regression against '$baseline'; details in $dir/compare.txt" >&2 ;;
    *) die "jfr-analyzer compare with '$baseline' failed (exit $verdict)" ;;
  esac
fi

if $update; then
  if [ "$verdict" -ne 0 ]; then
    echo "profile.sh: baseline '$baseline' kept: the run did not pass" >&2
  else
    mkdir -p "$(dirname "$baseline")"
    tmp="$(dirname "$baseline")/.$(basename "$baseline").$$.tmp"
    cp "$dir/baseline.json" "$tmp"
    mv -f "$tmp" "$baseline"
    echo "profile.sh: baseline '$baseline' replaced by the baseline of $dir" >&2
  fi
fi
exit "$verdict"
