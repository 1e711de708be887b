package io.puredots.analyzer.bench;

import io.puredots.analyzer.read.EventHandler;
import io.puredots.analyzer.read.IgnoresFields;
import io.puredots.events.EventNames;

/**
 * Base of the cost-split handlers ({@link DecodeAsReport}, {@link AggregateAsReport}): steps over
 * the fields that {@code report}'s per-chunk partials (a {@code ChunkStats} without a timeline)
 * never read, so that a type costs here what it costs in {@code report}. The list repeats theirs
 * because the decoder reads it from the handler's class; ReportCostsTest fails when the two part.
 *
 * <p>Counts the events its subclass receives. Not thread-safe: one chunk, one thread.
 */
@IgnoresFields({
        EventNames.SYSTEM_TICK + "#entitiesProcessed",
        EventNames.JOB_SCHEDULE + "#eventThread", EventNames.JOB_SCHEDULE + "#jobId",
        EventNames.JOB_SCHEDULE + "#jobName", EventNames.JOB_SCHEDULE + "#system",
        EventNames.JOB_SCHEDULE + "#dependencyCount", EventNames.JOB_SCHEDULE + "#batchCount",
        EventNames.JOB_RUN + "#jobId", EventNames.MAIN_THREAD_WAIT + "#system",
        EventNames.JOB_RUN + "#jobName", EventNames.JOB_RUN + "#batchIndex"})
abstract class AsReportFields implements EventHandler {
    /** Events received by the overridden methods. */
    long events;
}
