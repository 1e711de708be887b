package io.puredots.analyzer.stats.timeline;

import io.puredots.analyzer.stats.attribution.AttributionSettings;
import io.puredots.budgets.Budgets;

/**
 * How much of a run the chart series keep. Immutable; safe to share.
 *
 * @param maxBuckets       most buckets per series (frame buckets of ticks, memory buckets of time),
 *                         {@code >= 2}: about the chart's width in points
 * @param slowFrames       how many of the slowest frames keep their job runs, {@code >= 0}: as many
 *                         as the report explains ({@link AttributionSettings#worstFrames()})
 * @param maxJobsPerFrame  most job runs kept per slow frame, {@code >= 1}; more are counted
 * @param maxPendingRuns   most job runs a chunk buffers for frames it has not seen yet, {@code >= 1}
 * @param frameBudgetNanos the frame budget, ns; {@code <= 0}: none (no frame is over budget)
 */
public record TimelineSettings(int maxBuckets, int slowFrames, int maxJobsPerFrame, int maxPendingRuns,
                               long frameBudgetNanos) {

    /** Default {@link #maxBuckets()}: a wide chart's pixels. */
    public static final int DEFAULT_MAX_BUCKETS = 2000;
    /** Default {@link #maxJobsPerFrame()}. */
    public static final int DEFAULT_MAX_JOBS_PER_FRAME = 4096;
    /** Default {@link #maxPendingRuns()}. */
    public static final int DEFAULT_MAX_PENDING_RUNS = 65_536;

    public TimelineSettings {
        if (maxBuckets < 2 || slowFrames < 0 || maxJobsPerFrame < 1 || maxPendingRuns < 1) {
            throw new IllegalArgumentException("maxBuckets >= 2, slowFrames >= 0, maxJobsPerFrame >= 1,"
                    + " maxPendingRuns >= 1");
        }
    }

    /** The defaults, with the frame budget of {@code budgets} and as many slow frames as the report explains. */
    public static TimelineSettings from(Budgets budgets) {
        return new TimelineSettings(DEFAULT_MAX_BUCKETS, AttributionSettings.from(budgets).worstFrames(),
                DEFAULT_MAX_JOBS_PER_FRAME, DEFAULT_MAX_PENDING_RUNS, budgets.frameNanos().orElse(0));
    }

    public TimelineSettings withMaxBuckets(int n) {
        return new TimelineSettings(n, slowFrames, maxJobsPerFrame, maxPendingRuns, frameBudgetNanos);
    }

    public TimelineSettings withMaxJobsPerFrame(int n) {
        return new TimelineSettings(maxBuckets, slowFrames, n, maxPendingRuns, frameBudgetNanos);
    }

    public TimelineSettings withMaxPendingRuns(int n) {
        return new TimelineSettings(maxBuckets, slowFrames, maxJobsPerFrame, n, frameBudgetNanos);
    }
}
