#!/usr/bin/env bash
# The test command: installs what the tests need when it is missing, then runs every test
# (mvn -B verify on the default JDK 17, ci/profile-test.sh, ci/example-test.sh), then the event catalog and .jfc tests again under Temurin 25.
set -euo pipefail
cd "$(dirname "$0")/.."

export TZ=UTC

# jfr-export's HTTP sink tests start their own InfluxDB 1.x (influxd) and VictoriaMetrics (the 2.x write path)
# on loopback ports with temporary data; the packages' own services are never used.
if ! command -v influxd >/dev/null 2>&1 || ! command -v victoria-metrics >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q && apt-get install -y -q influxdb victoria-metrics
fi

# jfr-analyzer's HTML report tests open the pages in Debian's headless chromium through chromedriver
# (by path: /usr/bin/chromium, /usr/bin/chromedriver; Selenium Manager downloads nothing).
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q && apt-get install -y -q chromium chromium-driver
fi

mvn -B verify

# the profiling harness and the hook installer (short real runs of the game; needs jq)
if ! command -v jq >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q && apt-get install -y -q jq
fi
ci/profile-test.sh
# the "Instrument your game" example built against jfr-events installed alone, run, and reported on (needs jq)
ci/example-test.sh

# JDK 25: the event catalog, metadata and puredots.jfc tests run on Temurin 25 as well.
jdk25=$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -n 1 || true)
if [ -n "$jdk25" ]; then
  JAVA_HOME="$jdk25" mvn -B -pl jfr-events verify
else
  echo "test.sh: no Temurin 25 under /usr/lib/jvm; JDK 25 checks not run" >&2
  exit 2
fi
