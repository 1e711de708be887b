#!/usr/bin/env python3
"""Turns the JMH JSON of EventEmissionBenchmark into the BENCHMARKS.md table.

Usage: benchmarks/scripts/emission-table.py RESULT.json
Median = median of the measurement iterations of the fork; score +- error = JMH's mean and 99.9% CI;
ratio = median / median of micrometerTimerRecord from the same run.
"""
import json
import statistics
import sys

EVENTS = ["frame", "systemGroupTick", "systemTick", "jobRun", "jobSchedule", "registryUpdate"]
COLUMNS = [("noJfr_guarded", "JFR never started, guarded"),
           ("noJfr_unguarded", "JFR never started, unguarded"),
           ("idle_guarded", "recording off (JFR used before), guarded"),
           ("idle_unguarded", "recording off (JFR used before), unguarded begin()"),
           ("disabled_guarded", "recording on, event disabled, guarded"),
           ("committed_guarded", "recording on, event committed, guarded")]


def load(path):
    rows = {}
    for r in json.load(open(path)):
        name = r["benchmark"].rsplit(".", 1)[1]
        pm = r["primaryMetric"]
        raw = [v for fork in pm["rawData"] for v in fork]
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        rows[name] = (statistics.median(raw), pm["score"], pm["scoreError"], alloc)
    return rows


def main():
    rows = load(sys.argv[1])
    micrometer = rows["micrometerTimerRecord"][0]
    baseline = rows["baseline"][0]

    def cell(name):
        med, score, err, alloc = rows[name]
        return f"{med:.2f} ({score:.2f} ± {err:.2f})", f"{med / micrometer:.2f}", alloc

    print("| benchmark | median ns/op (score ± error) | ratio vs Micrometer | B/op |")
    print("|---|---|---|---|")
    names = ["baseline", "nanoTimePair", "micrometerTimerRecord"]
    for ev in EVENTS:
        names += [f"{ev}_{suffix}" for suffix, _ in COLUMNS]
        names += sorted(n for n in rows if n.startswith(f"{ev}_committed_guarded_"))
    for name in names:
        if name in rows:
            c, ratio, alloc = cell(name)
            print(f"| {name} | {c} | {ratio} | {alloc:.2f} |")
    print()
    print("Per event, median ns/op (- = not in this run):")
    print()
    print("| event | " + " | ".join(label for _, label in COLUMNS) + " |")
    print("|---|" + "---|" * len(COLUMNS))
    for ev in EVENTS:
        print(f"| {ev} | " + " | ".join(
            f"{rows[f'{ev}_{s}'][0]:.2f}" if f"{ev}_{s}" in rows else "-" for s, _ in COLUMNS) + " |")
    print()
    off = [rows[f"{ev}_{s}"][0] for ev in EVENTS for s in ("noJfr_guarded", "idle_guarded", "disabled_guarded")
           if f"{ev}_{s}" in rows]
    if off:
        worst = max(off)
        print(f"baseline median {baseline:.2f} ns; worst guarded not-recording median {worst:.2f} ns "
              f"(target <= {baseline + 1:.2f}): {'met' if worst <= baseline + 1 else 'NOT met'}")
    for ev in EVENTS:
        name = f"{ev}_committed_guarded"
        if name in rows:
            med = rows[name][0]
            print(f"{name}: {med:.2f} ns vs Micrometer {micrometer:.2f} ns: "
                  f"{'met' if med <= micrometer else 'NOT met'}")


if __name__ == "__main__":
    main()
