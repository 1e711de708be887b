package io.puredots.export;

/**
 * The metrics the exporter writes: name, unit, value type and whether {@code --resolution}
 * aggregates them. The single catalog every format and the Grafana dashboard agree on.
 *
 * <p>Values are taken as raw {@code long}s from the recording (nanoseconds, bytes, counts) and
 * divided by {@link #scale()} on output, so a raw duration of 15 200 000 ns is written as
 * {@code 15.2} ms.
 *
 * <p>{@link Kind#TIMED} metrics come from per-tick or per-job events and are aggregated into
 * windows (mean, p95, max, count) unless the resolution is {@code raw}. {@link Kind#SAMPLED}
 * metrics are periodic samples or rare events (at most about one per period per series) and are
 * always written as they are. {@link Kind#DERIVED} metrics exist only per window.
 *
 * <p>Immutable; safe from any thread.
 */
public enum Metric {
    /** Frame, system group or system time per tick, ms. Tags: level=frame|group|system, group, system. */
    FRAME_TIME("frame_time", "ms", 1_000_000L, false, Kind.TIMED),
    /** Live entities of one archetype, sampled. Tags: archetype. */
    ENTITY_COUNT("entity_count", "entities", 1, true, Kind.SAMPLED),
    /** Entries in a registry after an update. Tags: registry. */
    REGISTRY_ENTRY_COUNT("registry_entry_count", "entries", 1, true, Kind.TIMED),
    /** Time of one registry update, ms. Tags: registry. */
    REGISTRY_UPDATE_TIME("registry_update_time", "ms", 1_000_000L, false, Kind.TIMED),
    /** Adds + removes + updates in one registry update. Tags: registry. */
    REGISTRY_CHANGES("registry_changes", "entries", 1, true, Kind.TIMED),
    /** Registry updates per second in a window (windows only). Tags: registry. */
    REGISTRY_UPDATE_FREQUENCY("registry_update_frequency", "Hz", 1, false, Kind.DERIVED),
    /** Spatial grid rebuild time, ms. */
    SPATIAL_GRID_REBUILD_TIME("spatial_grid_rebuild_time", "ms", 1_000_000L, false, Kind.TIMED),
    /** Native memory reserved per owner and container kind, bytes. Tags: owner, kind. */
    NATIVE_MEMORY_RESERVED("native_memory_reserved", "bytes", 1, true, Kind.SAMPLED),
    /** Native memory holding live data per owner and container kind, bytes. Tags: owner, kind. */
    NATIVE_MEMORY_USED("native_memory_used", "bytes", 1, true, Kind.SAMPLED),
    /** Java heap used, bytes. Tags: when=before_gc|after_gc. */
    HEAP_USED("heap_used", "bytes", 1, true, Kind.SAMPLED),
    /** Run time of one job batch, ms (its completion time). Tags: job, worker. */
    JOB_RUN_TIME("job_run_time", "ms", 1_000_000L, false, Kind.TIMED),
    /** Time a job batch waited before it started, ms. Tags: job. */
    JOB_QUEUE_WAIT("job_queue_wait", "ms", 1_000_000L, false, Kind.TIMED),
    /** Share of the window a worker thread spent running job batches, percent (windows only). Tags: worker. */
    WORKER_UTILIZATION("worker_utilization", "%", 1, false, Kind.DERIVED),
    /** Total stop-the-world pause time of one garbage collection, ms. Tags: collector. */
    GC_PAUSE("gc_pause", "ms", 1_000_000L, false, Kind.TIMED),
    /** A budget exceeded at run time (puredots.BudgetViolation). Tags: budget, severity. */
    BUDGET_VIOLATION("budget_violation", "", 1, false, Kind.SAMPLED),
    /** Frame or group time budget, ms, written about once per second of recording. Tags: level, group. */
    BUDGET_FRAME_TIME("budget_frame_time", "ms", 1_000_000L, false, Kind.SAMPLED),
    /** Native memory budget for the live entity count, bytes, about once per second. */
    BUDGET_NATIVE_MEMORY("budget_native_memory", "bytes", 1, true, Kind.SAMPLED),
    /** Heap budget (memory.heap), bytes, about once per second when set. */
    BUDGET_HEAP("budget_heap", "bytes", 1, true, Kind.SAMPLED);

    /** How a metric reacts to {@code --resolution}. */
    public enum Kind { TIMED, SAMPLED, DERIVED }

    private final String id;
    private final String unit;
    private final long scale;
    private final boolean integer;
    private final Kind kind;

    Metric(String id, String unit, long scale, boolean integer, Kind kind) {
        this.id = id;
        this.unit = unit;
        this.scale = scale;
        this.integer = integer;
        this.kind = kind;
    }

    /** The measurement / metric name written to every format, for example {@code frame_time}. */
    public String id() {
        return id;
    }

    /** Unit of the written value. */
    public String unit() {
        return unit;
    }

    /** Raw values are divided by this on output (1 000 000 for ns to ms). */
    public long scale() {
        return scale;
    }

    /** Whether the written value (and p95 and max of a window) is an integer. */
    public boolean integer() {
        return integer;
    }

    public Kind kind() {
        return kind;
    }

    /** The written value for a raw value. */
    public double scaled(long raw) {
        return scale == 1 ? raw : (double) raw / scale;
    }
}
