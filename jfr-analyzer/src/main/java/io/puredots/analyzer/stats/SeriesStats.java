package io.puredots.analyzer.stats;

import io.puredots.analyzer.model.Series;

/**
 * One system group or system in one chunk: per-call durations and time per tick against its
 * budget. Mergeable in chunk order. Not thread-safe.
 */
final class SeriesStats {
    private final String name;
    private final String group;
    private final Long budget;
    private final DistributionRecorder perCall;
    private final TickSeries perTick;

    SeriesStats(String name, String group, Long budgetNanos, Recycler recycler) {
        this.name = name;
        this.group = group;
        this.budget = budgetNanos;
        this.perCall = new DistributionRecorder(recycler);
        this.perTick = new TickSeries(budgetNanos == null ? Long.MAX_VALUE : budgetNanos, recycler);
    }

    void add(long tick, long durationNanos) {
        perCall.record(durationNanos);
        perTick.add(tick, durationNanos);
    }

    /** Puts this chunk's values in tick order, handing this chunk's per-tick sums to {@code to} the first time. */
    void seal(NamedSeries.TickSums to, boolean system) {
        perTick.seal((ticks, sums, n) -> to.accept(name, group, system, ticks, sums, n));
    }

    void merge(SeriesStats next) {
        perCall.add(next.perCall);
        perTick.merge(next.perTick);
    }

    /** No call recorded. */
    boolean isEmpty() {
        return perCall.count() == 0;
    }

    String name() {
        return name;
    }

    Series toModel(long totalFrameNanos) {
        perTick.finish();
        double share = totalFrameNanos > 0 ? (double) perCall.sum() / totalFrameNanos : 0;
        return new Series(name, group, perCall.summary(), perTick.perTick().summary(), share, budget,
                budget == null ? 0 : perTick.overCount(), budget == null ? 0 : perTick.longestOverRun());
    }
}
