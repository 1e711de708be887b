#!/usr/bin/env bash
# CI's regression gate: runs the profiling harness with --compare against the committed baseline
# ci/baselines/<scenario>.json and exits as jfr-analyzer compare does (0 no regression, 1 a
# regression, 2 trouble). Options go to ci/profile.sh (e.g. --scenario, --repeat); the results,
# with compare.md and the JUnit file compare.xml, are in ci/profiling-results/<run>/.
# The baseline itself is made with: ci/profile.sh --update-baseline (see ci/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
exec ci/profile.sh --compare "$@"
