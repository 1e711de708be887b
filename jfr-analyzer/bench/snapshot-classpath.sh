# Sourced by the bench scripts (from the repository root): builds jfr-analyzer's main and test
# classes and prints a class path to a snapshot of them under DIR, so that rebuilding the
# module while a benchmark runs changes nothing it measures.
#
#   cp=$(snapshot_classpath DIR)
snapshot_classpath() {
  local out="$1"
  mkdir -p "$out"
  mvn -B -q -pl jfr-analyzer -am test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/$out/cp.txt" >&2
  rm -rf "$out/classes" "$out/test-classes"
  cp -r jfr-analyzer/target/classes "$out/classes"
  cp -r jfr-analyzer/target/test-classes "$out/test-classes"
  echo "$out/classes:$out/test-classes:$(cat "$out/cp.txt")"
}
