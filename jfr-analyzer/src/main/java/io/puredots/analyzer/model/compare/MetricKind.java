package io.puredots.analyzer.model.compare;

import java.util.regex.Pattern;

/**
 * The families of compared metrics: what a metric id measures, which statistic of a batch (or a
 * run) is judged, its unit, and whether an increase is a regression. The ids are the names used
 * by {@code compare}, by the {@code puredots-metrics/1} lines of {@code baseline --format jsonl}
 * and by {@code regression.<id>} thresholds in a budget file. Immutable.
 *
 * <pre>{@code
 * frame.time                    TIME         every frame (each batch's p95)
 * group.<Group>.frame           TIME         a group's time per frame it ran in (each batch's median)
 * group.<Group>.call            TIME         each group event (each batch's median)
 * system.<System>.frame/.call   TIME         the same per system
 * main.wait                     WAIT         the main thread's wait for jobs, per frame it waited
 * workers.utilization           UTILIZATION  job-run time / (frame time x threads that ran jobs)
 * memory.native.peak            MEMORY       largest native containers total, bytes
 * memory.native.per-entity      MEMORY       that peak per live entity, bytes
 * memory.heap.after-gc          MEMORY       heap used after GC (p95 over the GCs of a run), bytes
 * machine.other-cpu             LOAD         share of the machine's CPU other processes used, mean of a run
 * }</pre>
 */
public enum MetricKind {
    /**
     * Nanoseconds per frame or per call, shown in ms, judged on each batch's p95 for the frame
     * (the frame-time target is a p95) and on each batch's median for groups and systems: on a
     * shared machine a sub-frame series' p95 is mostly the preemptions it suffered, its median is
     * its work.
     */
    TIME("ms", "p95", false, true, 20.0),
    /**
     * The main thread's wait for jobs, as TIME, but a change is neither good nor bad: the wait
     * moves with how the OS schedules the workers, so it explains a frame-time change rather than
     * being one.
     */
    WAIT("ms", "p95", false, false, 20.0),
    /** A fraction 0..1 per batch, judged on its mean, shown in %; a change is neither good nor bad. */
    UTILIZATION("%", "mean", false, false, 20.0),
    /** One value per run in bytes (or bytes per entity), judged on the runs' values. */
    MEMORY("B", "run", true, true, 30.0),
    /**
     * A fraction 0..1 per run, shown in %: how busy the machine was with other processes. Not the
     * game's doing, so never a regression; a difference between the sides is a warning.
     */
    LOAD("%", "run", true, false, 20.0);

    /** The ids compare knows; {@code regression.<id>} keys must name one (or {@code frame.p95}). */
    public static final Pattern ID = Pattern.compile(
            "frame\\.time|(group|system)\\.[^.\\s]+\\.(frame|call)|main\\.wait|workers\\.utilization"
                    + "|memory\\.native\\.peak|memory\\.native\\.per-entity|memory\\.heap\\.after-gc"
                    + "|machine\\.other-cpu");

    /** Default threshold of a group's or a system's time, per frame or per call. */
    public static final double SUB_FRAME_THRESHOLD_PERCENT = 10.0;

    private final String unit;
    private final String statistic;
    private final boolean perRun;
    private final boolean higherIsWorse;
    private final double defaultThresholdPercent;

    MetricKind(String unit, String statistic, boolean perRun, boolean higherIsWorse, double defaultThresholdPercent) {
        this.unit = unit;
        this.statistic = statistic;
        this.perRun = perRun;
        this.higherIsWorse = higherIsWorse;
        this.defaultThresholdPercent = defaultThresholdPercent;
    }

    /** The kind of a metric id (see the table above). */
    public static MetricKind of(String metric) {
        if (metric.startsWith("memory.")) {
            return MEMORY;
        }
        if (metric.startsWith("machine.")) {
            return LOAD;
        }
        if (metric.equals("main.wait")) {
            return WAIT;
        }
        return metric.equals("workers.utilization") ? UTILIZATION : TIME;
    }

    /** Unit of the values shown: {@code ms}, {@code %}, {@code B} or, for a per-entity metric, {@code B/entity}. */
    public String unit(String metric) {
        return metric.endsWith("per-entity") ? "B/entity" : unit;
    }

    /** Factor from the base unit (ns, fraction, bytes) to the unit shown. */
    public double scale() {
        return this == TIME || this == WAIT ? 1e-6 : this == UTILIZATION || this == LOAD ? 100.0 : 1.0;
    }

    /**
     * The smallest absolute change of the judged statistic that can count, in the base unit: 0.05 ms
     * for times, below which timer resolution and scheduling decide a sub-millisecond system's p95;
     * 0 for the others.
     */
    public double minimumChange() {
        return this == TIME || this == WAIT ? 50_000 : 0;
    }

    /**
     * The statistic judged for {@code metric}: {@code p95} or {@code p50} of each batch, {@code mean}
     * of each batch, or {@code run} (one value per run).
     */
    public String statistic(String metric) {
        return this == TIME && !metric.equals("frame.time") ? "p50" : statistic;
    }

    /** The quantile of a batch judged for {@code metric}, for the kinds judged on one: 0.95 or 0.5. */
    public double quantile(String metric) {
        return statistic(metric).equals("p50") ? 0.5 : 0.95;
    }

    /** Whether a metric has one value per run rather than one per batch. */
    public boolean perRun() {
        return perRun;
    }

    /** Whether an increase beyond the threshold is a regression (else the change is only reported). */
    public boolean higherIsWorse() {
        return higherIsWorse;
    }

    /**
     * The threshold of {@code metric} when the budget file sets none: frame time +20% and memory
     * +30% (the project's plan), a group or a system +10%, since a system's share of the frame
     * hides its slowdown from frame time and its batch medians vary less between runs.
     */
    public double defaultThresholdPercent(String metric) {
        return this == TIME && !metric.equals("frame.time") ? SUB_FRAME_THRESHOLD_PERCENT : defaultThresholdPercent;
    }
}
