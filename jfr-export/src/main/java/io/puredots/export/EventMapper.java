package io.puredots.export;

import io.puredots.budgets.Budgets;
import io.puredots.events.EventFields.BudgetViolation;
import io.puredots.events.EventFields.EntityCount;
import io.puredots.events.EventFields.Frame;
import io.puredots.events.EventFields.JobRun;
import io.puredots.events.EventFields.NativeMemory;
import io.puredots.events.EventFields.RegistryUpdate;
import io.puredots.events.EventFields.SpatialGridRebuild;
import io.puredots.events.EventFields.SystemGroupTick;
import io.puredots.events.EventFields.SystemTick;
import io.puredots.events.EventFields.Jdk.GarbageCollection;
import io.puredots.events.EventFields.Jdk.GcHeapSummary;
import io.puredots.events.EventNames;
import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The one place where JFR events become metric samples, for every source: a recording file, an
 * in-process {@code RecordingStream} and a {@code RemoteRecordingStream}. Field names come from
 * {@link io.puredots.events.EventFields}, event names from {@link EventNames} (the schema in jfr-events).
 *
 * <pre>
 * puredots.Frame             frame_time{level=frame}                         duration
 * puredots.SystemGroupTick   frame_time{level=group,group}                   duration
 * puredots.SystemTick        frame_time{level=system,group,system}           duration
 * puredots.EntityCount       entity_count{archetype}                         count
 * puredots.RegistryUpdate    registry_entry_count / registry_update_time / registry_changes {registry}
 * puredots.SpatialGridRebuild spatial_grid_rebuild_time                      duration
 * puredots.NativeMemory      native_memory_reserved / native_memory_used {owner,kind}
 * puredots.JobRun            job_run_time{job,worker} duration, job_queue_wait{job}, worker busy time
 * puredots.BudgetViolation   budget_violation{budget,severity} value=measured, limit, unit, consecutive_frames
 * jdk.GCHeapSummary          heap_used{when=before_gc|after_gc}              heapUsed
 * jdk.GarbageCollection      gc_pause{collector}                              sumOfPauses
 * budgets (about 1/s, at a frame) budget_frame_time{level,group}, budget_native_memory, budget_heap
 * </pre>
 * Other events are ignored. Dispatch is by event type id, resolved once per type.
 *
 * <p>Not thread-safe: one thread maps events (the stream's thread).
 */
public final class EventMapper {
    private static final long BUDGET_PERIOD_NANOS = 1_000_000_000L;

    private enum Kind {
        FRAME, GROUP, SYSTEM, ENTITY_COUNT, REGISTRY, GRID, NATIVE, JOB_RUN, VIOLATION, HEAP, GC, IGNORED
    }

    private static final Map<String, Kind> BY_NAME = Map.ofEntries(
            Map.entry(EventNames.FRAME, Kind.FRAME),
            Map.entry(EventNames.SYSTEM_GROUP_TICK, Kind.GROUP),
            Map.entry(EventNames.SYSTEM_TICK, Kind.SYSTEM),
            Map.entry(EventNames.ENTITY_COUNT, Kind.ENTITY_COUNT),
            Map.entry(EventNames.REGISTRY_UPDATE, Kind.REGISTRY),
            Map.entry(EventNames.SPATIAL_GRID_REBUILD, Kind.GRID),
            Map.entry(EventNames.NATIVE_MEMORY, Kind.NATIVE),
            Map.entry(EventNames.JOB_RUN, Kind.JOB_RUN),
            Map.entry(EventNames.BUDGET_VIOLATION, Kind.VIOLATION),
            Map.entry(EventNames.Jdk.GC_HEAP_SUMMARY, Kind.HEAP),
            Map.entry(EventNames.Jdk.GC, Kind.GC));

    /** Names of the events this mapper reads. */
    static final java.util.Set<String> MAPPED = BY_NAME.keySet();

    private static final String[] LEVEL_FRAME = Point.tags("level", "frame");
    private static final String[] NO_TAGS = new String[0];

    private final SampleSink sink;
    private final Budgets budgets;
    private final Map<Long, Kind> byTypeId = new HashMap<>();
    private final Map<String, String[]> tagCache = new HashMap<>();
    private long lastBudgetNanos = Long.MIN_VALUE;
    private long events;
    private long mapped;
    private long unresolvedNames;

    /**
     * @param budgets budgets to write as budget_* points, or null for none
     */
    EventMapper(SampleSink sink, Budgets budgets) {
        this.sink = sink;
        this.budgets = budgets;
    }

    /** Events seen. */
    public long events() {
        return events;
    }

    /** Events that produced at least one point. */
    public long mapped() {
        return mapped;
    }

    /** Maps one event. */
    public void accept(RecordedEvent e) {
        events++;
        EventType type = e.getEventType();
        Kind kind = byTypeId.get(type.getId());
        if (kind == null) {
            kind = BY_NAME.getOrDefault(type.getName(), Kind.IGNORED);
            byTypeId.put(type.getId(), kind);
        }
        if (kind == Kind.IGNORED) {
            return;
        }
        mapped++;
        long start = nanos(e.getStartTime());
        long duration = e.getDuration().toNanos();
        long end = start + duration;
        switch (kind) {
            case FRAME: {
                long tick = e.getLong(Frame.TICK);
                sink.sample(Metric.FRAME_TIME, start, tick, LEVEL_FRAME, duration);
                sink.frame(tick, start, end);
                if (budgets != null && (lastBudgetNanos == Long.MIN_VALUE || start - lastBudgetNanos >= BUDGET_PERIOD_NANOS)) {
                    lastBudgetNanos = start;
                    budgets(start, e.getInt(Frame.ENTITY_COUNT));
                }
                break;
            }
            case GROUP:
                sink.sample(Metric.FRAME_TIME, start, e.getLong(SystemGroupTick.TICK),
                        cached("g", name(e, SystemGroupTick.GROUP), null), duration);
                break;
            case SYSTEM:
                sink.sample(Metric.FRAME_TIME, start, e.getLong(SystemTick.TICK),
                        cached("s", name(e, SystemTick.GROUP), name(e, SystemTick.SYSTEM)), duration);
                break;
            case ENTITY_COUNT:
                sink.sample(Metric.ENTITY_COUNT, start, -1, Point.tags("archetype", name(e, EntityCount.ARCHETYPE)),
                        e.getLong(EntityCount.COUNT));
                break;
            case REGISTRY: {
                long tick = e.getLong(RegistryUpdate.TICK);
                String[] tags = cached("r", name(e, RegistryUpdate.REGISTRY), null);
                sink.sample(Metric.REGISTRY_ENTRY_COUNT, start, tick, tags, e.getInt(RegistryUpdate.ENTRY_COUNT));
                sink.sample(Metric.REGISTRY_UPDATE_TIME, start, tick, tags, duration);
                sink.sample(Metric.REGISTRY_CHANGES, start, tick, tags,
                        (long) e.getInt(RegistryUpdate.ADDS) + e.getInt(RegistryUpdate.REMOVES) + e.getInt(RegistryUpdate.UPDATES));
                break;
            }
            case GRID:
                sink.sample(Metric.SPATIAL_GRID_REBUILD_TIME, start, e.getLong(SpatialGridRebuild.TICK), NO_TAGS, duration);
                break;
            case NATIVE: {
                String[] tags = Point.tags("owner", name(e, NativeMemory.OWNER), "kind", name(e, NativeMemory.CONTAINER_KIND));
                sink.sample(Metric.NATIVE_MEMORY_RESERVED, start, -1, tags, e.getLong(NativeMemory.BYTES_RESERVED));
                sink.sample(Metric.NATIVE_MEMORY_USED, start, -1, tags, e.getLong(NativeMemory.BYTES_USED));
                break;
            }
            case JOB_RUN: {
                long tick = e.getLong(JobRun.TICK);
                RecordedThread t = e.getThread();
                String worker = t == null ? "unknown" : t.getJavaName() != null ? t.getJavaName() : t.getOSName();
                String job = name(e, JobRun.JOB_NAME);
                sink.sample(Metric.JOB_RUN_TIME, start, tick, cached("j", job, worker), duration);
                sink.sample(Metric.JOB_QUEUE_WAIT, start, tick, cached("q", job, null), e.getLong(JobRun.QUEUE_WAIT));
                sink.busy(worker, tick, start, end);
                break;
            }
            case VIOLATION:
                sink.point(Point.of(Metric.BUDGET_VIOLATION.id(), start,
                        Point.tags("budget", e.getString(BudgetViolation.BUDGET_ID), "severity", e.getString(BudgetViolation.SEVERITY)),
                        new String[] {"value", "limit", "consecutive_frames", "unit"},
                        new Point.FieldType[] {Point.FieldType.FLOAT, Point.FieldType.FLOAT, Point.FieldType.INTEGER,
                            Point.FieldType.STRING},
                        new double[] {e.getDouble(BudgetViolation.MEASURED), e.getDouble(BudgetViolation.LIMIT), e.getInt(BudgetViolation.CONSECUTIVE_FRAMES), 0},
                        new String[] {null, null, null, e.getString(BudgetViolation.UNIT) == null ? "" : e.getString(BudgetViolation.UNIT)}));
                break;
            case HEAP: {
                String when = e.getString(GcHeapSummary.WHEN);
                String tag = when == null ? null : when.startsWith("Before") ? "before_gc" : "after_gc";
                sink.sample(Metric.HEAP_USED, start, -1, Point.tags("when", tag), e.getLong(GcHeapSummary.HEAP_USED));
                break;
            }
            case GC:
                sink.sample(Metric.GC_PAUSE, start, -1, Point.tags("collector", e.getString(GarbageCollection.NAME)),
                        e.getDuration(GarbageCollection.SUM_OF_PAUSES).toNanos());
                break;
            default:
                break;
        }
        sink.advance(end);
    }

    /** Events whose name fields came back null, counted by {@link #name}. */
    public long unresolvedNames() {
        return unresolvedNames;
    }

    /**
     * A name field (group, system, registry, ...). Live JFR streams deliver a string pooled in
     * an earlier flush as null in a flush in which a new event type was registered (JDK 17 and
     * 25; see jfr-export/README.md). The point then lacks that tag; this counts it so callers can
     * say so.
     */
    private String name(RecordedEvent e, String field) {
        String s = e.getString(field);
        if (s == null) {
            unresolvedNames++;
        }
        return s;
    }

    private void budgets(long ts, int entities) {
        budgets.frameNanos().ifPresent(b -> sink.sample(Metric.BUDGET_FRAME_TIME, ts, -1, LEVEL_FRAME, b));
        for (Map.Entry<String, Long> g : budgets.groupNanos().entrySet()) {
            sink.sample(Metric.BUDGET_FRAME_TIME, ts, -1, cached("g", g.getKey(), null), g.getValue());
        }
        budgets.nativeBudgetFor(entities).ifPresent(b -> sink.sample(Metric.BUDGET_NATIVE_MEMORY, ts, -1, NO_TAGS, b));
        budgets.heapBytes().ifPresent(b -> sink.sample(Metric.BUDGET_HEAP, ts, -1, NO_TAGS, b));
    }

    /** Tag arrays for the high-rate events, built once per distinct name pair. */
    private String[] cached(String kind, String a, String b) {
        String key = kind + '\u0000' + a + '\u0000' + b;
        String[] tags = tagCache.get(key);
        if (tags == null) {
            switch (kind) {
                case "g":
                    tags = Point.tags("level", "group", "group", a);
                    break;
                case "s":
                    tags = Point.tags("level", "system", "group", a, "system", b);
                    break;
                case "r":
                    tags = Point.tags("registry", a);
                    break;
                case "j":
                    tags = Point.tags("job", a, "worker", b);
                    break;
                default:
                    tags = Point.tags("job", a);
            }
            if (tagCache.size() < 100_000) {
                tagCache.put(key, tags);
            }
        }
        return tags;
    }

    static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
