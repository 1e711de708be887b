#!/usr/bin/env bash
# shellcheck disable=SC2016 # checks run as bash -c '...' _ ARGS: their $1.. expand there, on purpose
# Tests of ci/profile.sh and ci/install-post-commit-hook.sh: short real runs of the game in a
# temporary results directory. jfr-analyzer's report is the real one; its baseline and compare
# are stood in for by a stub (JFR_ANALYZER), so these tests check the harness, not the analyzer:
# the exit code the stub's compare gives decides the harness's. Needs the jars built and jq.
# Exit codes: 0 every check passed, 1 a check failed.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
pass() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failed=1; }
check() { local what=$1; shift; if "$@" > /dev/null; then pass "$what"; else fail "$what"; fi; }

# The stub: report goes to the real jar; baseline writes files in the contract's shape; compare
# writes its -o file and exits with the code in $work/compare-rc (absent: 0).
cat > "$work/analyzer" <<'STUB'
#!/usr/bin/env bash
set -euo pipefail
here=$(dirname "$0")
cmd=$1; shift
out="" fmt=""
args=("$@")
for ((k = 0; k < ${#args[@]}; k++)); do
  case ${args[k]} in -o) out=${args[k + 1]} ;; --format) fmt=${args[k + 1]} ;; esac
done
echo "$cmd $*" >> "$here/calls"
case $cmd in
  report) exec java -jar jfr-analyzer/target/jfr-analyzer.jar report "$@" ;;
  baseline)
    if [ "$fmt" = jsonl ]; then
      echo '{"schema":"puredots-metrics/1","metric":"frame.time","unit":"ms","median":1.0,"p95":2.0,"p99":3.0,"mean":1.1,"runs":1,"samples":10}' > "$out"
    else
      echo "{\"schema\":\"puredots-baseline/1\",\"stub\":\"$RANDOM$RANDOM\"}" > "$out"
    fi ;;
  compare)
    rc=$(cat "$here/compare-rc" 2>/dev/null || echo 0)
    echo "stub compare $fmt rc=$rc" > "$out"
    exit "$rc" ;;
esac
STUB
chmod +x "$work/analyzer"
export JFR_ANALYZER="$work/analyzer"
results="$work/results"
short=$(git rev-parse --short HEAD)
game=(--entities 2000 --ticks 60)

newest() { find "$results" -mindepth 1 -maxdepth 1 -type d | sort | tail -n 1; }

# --- one run of two repeats: names, recordings, reports, environment ---
rc=0
ci/profile.sh "${game[@]}" --repeat 2 --results-dir "$results" > "$work/out" 2> "$work/err" || rc=$?
check "a plain run exits 0 (got $rc: $(tail -n 1 "$work/err"))" [ "$rc" -eq 0 ]
d=$(newest)
check "results directory named <YYYY-MM-DD_HH-MM-SS>_<short commit>: $(basename "$d")" \
  grep -qE "^[0-9]{4}-[0-9]{2}-[0-9]{2}_[0-9]{2}-[0-9]{2}-[0-9]{2}_${short}$" <<<"$(basename "$d")"
check "two recordings, not three" \
  bash -c '[ -s "$1/recording-1.jfr" ] && [ -s "$1/recording-2.jfr" ] && [ ! -e "$1/recording-3.jfr" ]' _ "$d"
check "report-<i>.json of each run holds its frames" \
  bash -c 'for i in 1 2; do jq -e ".frames.count > 0" "$1/report-$i.json" > /dev/null || exit 1; done' _ "$d"
check "report-<i>.md of each run" bash -c 'grep -q "^# " "$1/report-1.md" && grep -q "^# " "$1/report-2.md"' _ "$d"
check "metrics.jsonl from jfr-analyzer baseline --format jsonl" \
  jq -e 'select(.schema == "puredots-metrics/1")' "$d/metrics.jsonl"
check "baseline called once per format with both recordings" \
  bash -c '[ "$(grep -c "^baseline .*recording-1.jfr .*recording-2.jfr" "$1")" -eq 2 ]' _ "$work/calls"
check "no compare without --compare" bash -c '! grep -q "^compare" "$1"' _ "$work/calls"
env_ok='.schema == "puredots-environment/1" and (.time | test("^[0-9-]{10}T[0-9:]{8}Z$"))
  and .commit == $commit and .shortCommit == $short and (.dirty | type == "boolean")
  and .repeat == 2 and .gameArgs == ["--entities","2000","--ticks","60","--scenario","soak"]
  and (.jdk.version | length > 0) and (.jdk.vendor | length > 0) and (.gc | test("^[A-Za-z0-9]+$")) and .gc != "unknown"
  and .cores >= 1 and (.os.name | length > 0) and (.cpuModel | length > 0) and (.jvmFlags == [])'
check "environment.json: commit, dirty, JDK, vendor, GC, cores, OS, CPU, game arguments" \
  jq -e --arg commit "$(git rev-parse HEAD)" --arg short "$short" "$env_ok" "$d/environment.json"
dirty=$([ -n "$(git status --porcelain)" ] && echo true || echo false)
check "environment.json: dirty is $dirty like git status" jq -e ".dirty == $dirty" "$d/environment.json"

# --- an existing results directory is never reused: every name for the next minute is taken ---
now=$(date -u +%s)
for s in $(seq 0 90); do mkdir -p "$results/$(date -u -d "@$((now + s))" +%Y-%m-%d_%H-%M-%S)_$short"; done
before=$(find "$results" -mindepth 1 -maxdepth 1 | wc -l)
rc=0
ci/profile.sh "${game[@]}" --repeat 1 --jvm-opt -Xmx512m --jvm-opt -XX:+UseSerialGC --results-dir "$results" > /dev/null 2> "$work/err" || rc=$?
d=$(sed -n 's/^profile.sh: results in //p' "$work/err")
check "a taken name gets a suffix: $(basename "$d")" grep -qE "_${short}-2$" <<<"$d"
check "one new directory, holding the run" bash -c '[ "$(find "$1" -mindepth 1 -maxdepth 1 | wc -l)" -eq $(($2 + 1)) ] && [ -s "$3/recording-1.jfr" ]' _ "$results" "$before" "$d"
check "--repeat 1: one recording" bash -c '[ ! -e "$1/recording-2.jfr" ]' _ "$d"
check "--jvm-opt is in environment.json, and the GC it chose" \
  jq -e '.jvmFlags == ["-Xmx512m", "-XX:+UseSerialGC"] and .gc == "Serial"' "$d/environment.json"
check "--jvm-opt reached the game's JVM (its arguments in jdk.JVMInformation)" \
  grep -aq -- "-XX:+UseSerialGC" "$d/recording-1.jfr"
rm -rf "${results:?}"/*

# --- bad usage: one line on stderr, exit 2, nothing created ---
for bad in "--repeat 0" "--ticks abc" "--entities" "--frobnicate" "--scenario storm" "--slowdown MoveSystem"; do
  rc=0
  # shellcheck disable=SC2086 # the bad arguments, split on purpose
  ci/profile.sh $bad --results-dir "$results" > "$work/out" 2> "$work/err" || rc=$?
  check "'$bad' exits 2 with one line: $(head -n 1 "$work/err")" \
    bash -c '[ "$1" -eq 2 ] && [ "$(wc -l < "$2")" -eq 1 ] && [ ! -s "$3" ] && [ -z "$(ls -A "$4" 2>/dev/null)" ]' \
    _ "$rc" "$work/err" "$work/out" "$results"
done

# --- --compare: no baseline is trouble; otherwise compare's exit code is the harness's ---
baseline="$work/baselines/soak.json"
rc=0
ci/profile.sh "${game[@]}" --repeat 1 --compare --baseline "$baseline" --results-dir "$results" 2> "$work/err" || rc=$?
check "--compare without a baseline: exit 2, one line naming it" \
  bash -c '[ "$1" -eq 2 ] && [ "$(wc -l < "$2")" -eq 1 ] && grep -qF "$3" "$2"' _ "$rc" "$work/err" "$baseline"

rc=0
ci/profile.sh "${game[@]}" --repeat 1 --update-baseline --baseline "$baseline" --results-dir "$results" 2> "$work/err" || rc=$?
d=$(newest)
check "--update-baseline without a baseline writes the first one (exit $rc)" \
  bash -c '[ "$1" -eq 0 ] && cmp -s "$2/baseline.json" "$3"' _ "$rc" "$d" "$baseline"
first=$(cat "$baseline")

echo 1 > "$work/compare-rc"
rc=0
GITHUB_STEP_SUMMARY="$work/summary.md" ci/profile.sh "${game[@]}" --repeat 1 --compare --update-baseline \
  --baseline "$baseline" --results-dir "$results" > "$work/out" 2> "$work/err" || rc=$?
d=$(newest)
check "a regression: exit 1, baseline kept" bash -c '[ "$1" -eq 1 ] && [ "$(cat "$2")" = "$3" ]' _ "$rc" "$baseline" "$first"
check "compare.md, compare.xml, compare.txt written; compare.txt printed" \
  bash -c 'grep -q markdown "$1/compare.md" && grep -q junit "$1/compare.xml" && grep -q "text rc=1" "$2"' _ "$d" "$work/out"
check "compare.md appended to GITHUB_STEP_SUMMARY" grep -q "markdown" "$work/summary.md"
check "compare judges the run's baseline against the given one" \
  grep -qF "compare $baseline $d/baseline.json" "$work/calls"

echo 0 > "$work/compare-rc"
rc=0
ci/compare-baseline.sh "${game[@]}" --repeat 1 --update-baseline --baseline "$baseline" --results-dir "$results" > /dev/null 2>&1 || rc=$?
d=$(newest)
check "no regression: exit 0, baseline replaced by the run's" \
  bash -c '[ "$1" -eq 0 ] && cmp -s "$2/baseline.json" "$3" && [ "$(cat "$3")" != "$4" ]' _ "$rc" "$d" "$baseline" "$first"
check "no temporary file left beside the baseline" bash -c '[ "$(ls -A "$(dirname "$1")")" = soak.json ]' _ "$baseline"

echo 2 > "$work/compare-rc"
rc=0
ci/profile.sh "${game[@]}" --repeat 1 --compare --baseline "$baseline" --results-dir "$results" > /dev/null 2> "$work/err" || rc=$?
check "compare in trouble: exit 2" [ "$rc" -eq 2 ]

# --- --against-jar: the other build's runs interleaved, compared with this build's ---
echo 0 > "$work/compare-rc"
: > "$work/calls"
rc=0
ci/profile.sh "${game[@]}" --repeat 2 --slowdown VillagerAISystem=10 --against-jar sim-runtime/target/sim-runtime.jar \
  --compare --results-dir "$results" > /dev/null 2> "$work/err" || rc=$?
d=$(newest)
check "--against-jar --compare exits as compare does (got $rc: $(tail -n 1 "$work/err"))" [ "$rc" -eq 0 ]
check "against/ holds the other build's recordings and logs" \
  bash -c '[ -s "$1/against/recording-1.jfr" ] && [ -s "$1/against/recording-2.jfr" ] && [ -s "$1/against/run-2.log" ]' _ "$d"
check "interleaved: other, this, this, other" \
  bash -c '[ "$1/against/run-1.log" -ot "$1/run-1.log" ] && [ "$1/run-1.log" -ot "$1/run-2.log" ] && [ "$1/run-2.log" -ot "$1/against/run-2.log" ]' _ "$d"
check "--slowdown reached this build's runs only" \
  bash -c 'grep -aq -- "--slowdown" "$1/recording-1.jfr" && ! grep -aq -- "--slowdown" "$1/against/recording-1.jfr"' _ "$d"
check "compare judges this build's runs against the other's" \
  grep -qF "compare $d/against/baseline.json $d/baseline.json" "$work/calls"
check "environment.json names the other build's jar" \
  jq -e '.againstJar == "sim-runtime/target/sim-runtime.jar"' "$d/environment.json"
for bad in "--against no-such-revision-xyz" "--against-jar $work/none.jar" "--against HEAD --against-jar sim-runtime/target/sim-runtime.jar" \
    "--against-jar sim-runtime/target/sim-runtime.jar --update-baseline"; do
  rc=0
  # shellcheck disable=SC2086 # the bad arguments, split on purpose
  ci/profile.sh "${game[@]}" --repeat 1 $bad --results-dir "$work/bad-results" > /dev/null 2> "$work/err" || rc=$?
  check "'$bad' exits 2 with one line: $(head -n 1 "$work/err")" \
    bash -c '[ "$1" -eq 2 ] && [ "$(grep -vc "^profile.sh: results in" "$2")" -eq 1 ]' _ "$rc" "$work/err"
done

# --- the hook installer, in a scratch repository ---
repo="$work/repo"
mkdir -p "$repo/ci"
cp ci/install-post-commit-hook.sh "$repo/ci/"
cat > "$repo/ci/profile.sh" <<'FAKE'
#!/usr/bin/env bash
echo "profile $*" > ci/profiling-results/ran
FAKE
chmod +x "$repo/ci/profile.sh"
git -C "$repo" init -q
git -C "$repo" -c user.name=t -c user.email=t@t add -A
git -C "$repo" -c user.name=t -c user.email=t@t commit -q -m one
rc=0
"$repo/ci/install-post-commit-hook.sh" --repeat 1 --ticks "3 00" 2> "$work/err" || rc=$?
check "installer exits 0 and writes an executable hook" bash -c '[ "$1" -eq 0 ] && [ -x "$2" ]' _ "$rc" "$repo/.git/hooks/post-commit"
mkdir -p "$repo/ci/profiling-results"
mkfifo "$repo/ci/profiling-results/ran"
exec 3<> "$repo/ci/profiling-results/ran"
git -C "$repo" -c user.name=t -c user.email=t@t commit -q --allow-empty -m two
ran=""
read -r -t 20 -u 3 ran || true
exec 3<&-
check "a commit runs the harness in the background with the arguments: '$ran'" \
  [ "$ran" = "profile --repeat 1 --ticks 3 00" ]
check "the hook logs to ci/profiling-results/hook.log" grep -q "^post-commit " "$repo/ci/profiling-results/hook.log"
rc=0
"$repo/ci/install-post-commit-hook.sh" 2> "$work/err" || rc=$?
check "installing again replaces its own hook" [ "$rc" -eq 0 ]
printf '#!/bin/sh\necho mine\n' > "$repo/.git/hooks/post-commit"
rc=0
"$repo/ci/install-post-commit-hook.sh" 2> "$work/err" || rc=$?
check "a foreign hook is refused: exit 2, one line, hook unchanged" \
  bash -c '[ "$1" -eq 2 ] && [ "$(wc -l < "$2")" -eq 1 ] && grep -q mine "$3"' _ "$rc" "$work/err" "$repo/.git/hooks/post-commit"
rc=0
"$repo/ci/install-post-commit-hook.sh" --uninstall 2> "$work/err" || rc=$?
check "--uninstall leaves a foreign hook alone" bash -c '[ "$1" -eq 2 ] && [ -e "$2" ]' _ "$rc" "$repo/.git/hooks/post-commit"
rm "$repo/.git/hooks/post-commit"
"$repo/ci/install-post-commit-hook.sh" 2> /dev/null
"$repo/ci/install-post-commit-hook.sh" --uninstall 2> /dev/null
check "--uninstall removes its own hook" [ ! -e "$repo/.git/hooks/post-commit" ]

[ "$failed" -eq 0 ] && echo "profile-test.sh: all checks passed" || echo "profile-test.sh: some checks FAILED"
exit "$failed"
