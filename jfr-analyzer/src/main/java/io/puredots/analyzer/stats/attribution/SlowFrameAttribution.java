package io.puredots.analyzer.stats.attribution;

import io.puredots.analyzer.model.attribution.AttributionResult;
import io.puredots.analyzer.stats.attribution.AttributionAggregator.Run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Merges the per-chunk {@link AttributionAggregator} partials of one recording in chunk order and
 * joins the worst frames and the over-budget streaks with the JVM activity that overlapped them
 * (sorted intervals, one sweep per frame or streak). See {@link AttributionTotal} to merge as chunks
 * finish instead of holding every partial.
 *
 * <pre>{@code
 * time ->        |--frame 811--|------frame 812 (23.1 ms)------|--frame 813--|
 * GC pause                          |==== 9.8 ms ====|
 * safepoint                         |=====10.1 ms=====|
 * CPU sample                                                         ^ (covers the second before)
 * }</pre>
 *
 * <p>Stateless; thread-safe.
 */
public final class SlowFrameAttribution {
    private SlowFrameAttribution() {
    }

    /**
     * Merges one partial per chunk, in chunk order (all made with the same settings), and joins.
     * The same as adding them to an {@link AttributionTotal} one by one.
     */
    public static AttributionResult merge(List<AttributionAggregator> partials) {
        if (partials.isEmpty()) {
            throw new IllegalArgumentException("no partials to merge");
        }
        AttributionTotal total = new AttributionTotal(partials.get(0).settings);
        for (AttributionAggregator p : partials) {
            total.add(p);
        }
        return total.result();
    }

    /** The n longest runs (most frames; ties: the earlier one). */
    static List<Run> longest(List<Run> runs, int n) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingInt(Run::frames).reversed().thenComparingLong(Run::firstTick));
        return sorted.subList(0, Math.min(n, sorted.size()));
    }
}
