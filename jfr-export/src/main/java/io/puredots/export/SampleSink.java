package io.puredots.export;

/**
 * What {@link EventMapper} extracts from events, before any aggregation. Implemented by
 * {@link RawSamples} (resolution raw) and {@link WindowAggregator}. Called on one thread.
 */
interface SampleSink {
    /**
     * One value of a metric.
     *
     * @param timestampNanos event start, epoch ns
     * @param tick simulation tick the event belongs to, or -1 if it carries none
     * @param sortedTags from {@link Point#tags}
     * @param raw unscaled value (ns, bytes, count)
     */
    void sample(Metric metric, long timestampNanos, long tick, String[] sortedTags, long raw);

    /** A finished point that is never aggregated (budget violations). */
    void point(Point p);

    /** A worker thread was busy running a job batch from start to end (epoch ns). */
    void busy(String worker, long tick, long startNanos, long endNanos);

    /** Frame {@code tick} ran from start to end (epoch ns). */
    void frame(long tick, long startNanos, long endNanos);

    /** An event that ended at {@code endNanos} was read: the stream has progressed to about there. */
    void advance(long endNanos);

    /** Writes everything still held. */
    void finish();
}
