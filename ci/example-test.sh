#!/usr/bin/env bash
# The "Instrument your game" example (jfr-events/INSTRUMENT.md) as a game team would use it:
# install jfr-events alone into a temporary local repository, build examples/minimal-game against
# the installed artifact, run it with the puredots.jfc from the installed jar, and check that
# jfr-analyzer's report shows its frames, its group and its system. Needs jq and the analyzer jar
# (ci/test.sh runs mvn -B verify first).
# The local repository is ~/.m2/repository without io/puredots (a symbolic link to each of its
# group folders but that one): plugins and third-party artifacts come from ~/.m2 (or Maven Central
# when missing, stored there as by any build), while anything io.puredots can only be what this
# install put there, so a stale jfr-events in ~/.m2 cannot hide a broken install. The example is built in a temporary copy, so the work tree stays clean.
# Exit codes: 0 every check passed, 1 a check failed, 2 could not run (missing jar or tool, build failed).
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC

analyzer=jfr-analyzer/target/jfr-analyzer.jar
[ -f "$analyzer" ] || { echo "example-test.sh: $analyzer is missing; build first (mvn -B package)" >&2; exit 2; }
command -v jq >/dev/null 2>&1 || { echo "example-test.sh: jq is not installed" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo=$work/m2
m2=$HOME/.m2/repository
mkdir -p "$m2" "$repo/io"
for d in "$m2"/* "$m2"/io/*; do
  [ -e "$d" ] || continue
  case ${d#"$m2"/} in io | io/puredots) continue ;; esac
  ln -s "$d" "$repo/${d#"$m2"/}"
done

failed=0
pass() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failed=1; }
trouble() { echo "example-test.sh: $*" >&2; exit 2; }

# 1. jfr-events alone (with its parent pom), as INSTRUMENT.md says; the tests already ran in verify
mvn -B -q -Dmaven.repo.local="$repo" -Dmaven.test.skip=true -pl jfr-events -am install \
  || trouble "mvn -pl jfr-events -am install failed"
installed=$(cd "$repo/io/puredots" && ls | tr '\n' ' ')
if [ "$installed" = "jfr-events puredots-telemetry " ]; then
  pass "install puts only jfr-events and its parent pom into the local repository"
else
  fail "install put these io.puredots artifacts into the local repository: $installed"
fi
version_dir=$repo/io/puredots/jfr-events/0.1.0-SNAPSHOT
jar=$version_dir/jfr-events-0.1.0-SNAPSHOT.jar
for attached in sources javadoc; do
  if [ -f "$version_dir/jfr-events-0.1.0-SNAPSHOT-$attached.jar" ]; then
    pass "the $attached jar is installed"
  else
    fail "no $attached jar in $version_dir"
  fi
done

# 2. the example, its own Maven project, against the installed artifact only
mkdir -p "$work/minimal-game"
cp -r examples/minimal-game/pom.xml examples/minimal-game/src "$work/minimal-game/"
mvn -B -q -Dmaven.repo.local="$repo" -f "$work/minimal-game/pom.xml" package \
  || trouble "examples/minimal-game does not build against the installed jfr-events"
pass "examples/minimal-game builds against the installed jfr-events"

# 3. run it with the settings file from the installed jar, as a game team would
(cd "$work" && jar xf "$jar" io/puredots/events/puredots.jfc)
frames=120
java -Xlog:jfr+startup=error \
  "-XX:StartFlightRecording:settings=$work/io/puredots/events/puredots.jfc,filename=$work/game.jfr" \
  -cp "$work/minimal-game/target/minimal-game.jar:$jar" io.puredots.example.MinimalGame "$frames" \
  || trouble "the example game failed"

# 4. the analyzer's report on its recording (1 = a default budget exceeded on a loaded machine: still a report)
rc=0
java -jar "$analyzer" report --format json "$work/game.jfr" > "$work/report.json" || rc=$?
[ "$rc" -le 1 ] || trouble "report exited $rc on the example's recording"
check() { local what=$1 filter=$2; if jq -e "$filter" "$work/report.json" > /dev/null; then pass "$what"; else fail "$what"; fi; }
check "report counts $frames frames" ".frames.count == $frames"
check "report shows the group SimulationSystemGroup" '[.groups[].name] | index("SimulationSystemGroup") != null'
check "report shows MovementSystem in SimulationSystemGroup" \
  'any(.systems[]; .name == "MovementSystem" and .group == "SimulationSystemGroup")'
check "report counts one job per frame in 4 batches" ".jobs.jobsScheduled == $frames and .jobs.jobRuns == 4 * $frames"

exit "$failed"
