package io.puredots.analyzer.stats;

import io.puredots.analyzer.model.Frames;
import io.puredots.analyzer.model.Jobs;
import io.puredots.analyzer.model.Overview;
import io.puredots.analyzer.model.Registry;
import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.model.Selection;
import io.puredots.analyzer.model.Series;
import io.puredots.analyzer.read.ChunkInfo;
import io.puredots.analyzer.stats.attribution.AttributionAggregator;
import io.puredots.analyzer.model.attribution.AttributionResult;
import io.puredots.analyzer.stats.attribution.AttributionSettings;
import io.puredots.analyzer.stats.attribution.AttributionTotal;
import io.puredots.analyzer.read.EventHandler;
import io.puredots.analyzer.read.IgnoresFields;
import io.puredots.analyzer.model.timeline.Timeline;
import io.puredots.analyzer.stats.timeline.TimelineAggregator;
import io.puredots.analyzer.read.SampledStack;
import io.puredots.budgets.Budgets;
import io.puredots.events.EventNames;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Every statistic of {@code report} for one chunk: the {@link EventHandler} a reader calls for
 * one chunk, and the partial merged in chunk order into the statistics of the whole run.
 *
 * <pre>{@code
 * ChunkStats total = new ChunkStats(budgets, selection);
 * for each chunk, in chunk order: total.merge(partialOfThatChunk);
 * Report report = total.toReport(files);
 * }</pre>
 *
 * <p>Memory is O(series): a few histograms per frame, group, system and registry ({@link
 * NamedSeries}), not per event.
 * Group and system events join their frame by tick (never by time). Events with a tick outside
 * the selection are skipped; samples without a tick (memory, GC) are kept by start time.
 *
 * <p>The chart series ({@link TimelineAggregator}) are built only when the run's total was made
 * with one; they need job runs' names and batches, which the decoder steps over for partials
 * without one ({@link WithoutJobNames}).
 *
 * <p>Not thread-safe: one chunk's events from one thread; {@link #merge} after both are done.
 */
@IgnoresFields({
        EventNames.SYSTEM_TICK + "#entitiesProcessed",
        EventNames.JOB_SCHEDULE + "#eventThread", EventNames.JOB_SCHEDULE + "#jobId",
        EventNames.JOB_SCHEDULE + "#jobName", EventNames.JOB_SCHEDULE + "#system",
        EventNames.JOB_SCHEDULE + "#dependencyCount", EventNames.JOB_SCHEDULE + "#batchCount",
        EventNames.JOB_RUN + "#jobId", EventNames.MAIN_THREAD_WAIT + "#system"})
public sealed class ChunkStats implements EventHandler permits ChunkStats.WithoutJobNames {
    private final Budgets budgets;
    private final Selection selection;
    private final long firstTick;
    private final long lastTick;
    private final long from;
    private final long to;

    // overview
    private Map<String, Long> eventCounts = new TreeMap<>();
    private int chunks;
    private long start = Long.MAX_VALUE;
    private long end = Long.MIN_VALUE;
    private String jvmName = "";
    private String jvmVersion = "";
    private final JvmIdentity jvm = new JvmIdentity();
    private boolean gameEvents;

    private FrameStats frames;
    private NamedSeries series;
    private final Recycler recycler;
    /** Series met by earlier chunks of the run, created at chunk start (null: create at first event only). */
    private final KnownSeries known;
    private int chunkIndex;
    private JobStats jobs;
    private MemoryStats memory = new MemoryStats();


    // slow-frame attribution: this chunk's partial, and the running total once merged into
    private AttributionAggregator attribution;
    private AttributionTotal attributionTotal;

    /** Batch statistics for a regression comparison; null when not asked for (see {@link #runTotal}). */
    private RunSampler sampler;

    /** The chart series; null when not asked for (see {@link #runTotal}). */
    private TimelineAggregator timeline;

    public ChunkStats(Budgets budgets, Selection selection) {
        this(budgets, selection, Recycler.NONE);
    }

    /**
     * A partial whose buffers and histograms come from {@code recycler}, and go back to it once
     * sealed or merged into the total: give every partial of one run, and its total, the same one.
     */
    ChunkStats(Budgets budgets, Selection selection, Recycler recycler) {
        this(budgets, selection, recycler, null);
    }

    /**
     * A partial as above that also creates, at chunk start, the series that earlier chunks of the
     * run met ({@code known}; give every partial of one run the same one, and the total none).
     */
    ChunkStats(Budgets budgets, Selection selection, Recycler recycler, KnownSeries known) {
        this.budgets = budgets;
        this.recycler = recycler;
        this.known = known;
        this.jobs = new JobStats(recycler);
        this.series = new NamedSeries(budgets, recycler, known);
        this.selection = selection;
        this.firstTick = selection.firstTick() == null ? Long.MIN_VALUE : selection.firstTick();
        this.lastTick = selection.lastTick() == null ? Long.MAX_VALUE : selection.lastTick();
        this.from = selection.fromNanos() == null ? Long.MIN_VALUE : selection.fromNanos();
        this.to = selection.toNanos() == null ? Long.MAX_VALUE : selection.toNanos();
        this.frames = new FrameStats(budgets.frameNanos().isPresent() ? budgets.frameNanos().getAsLong() : null,
                recycler);
        this.attribution = new AttributionAggregator(AttributionSettings.from(budgets)
                .withTicks(selection.firstTick(), selection.lastTick()));
    }

    /**
     * The total of one run, whose partials' buffers are recycled up to {@code recycledBytes}; get
     * the partials from {@link #partials()}.
     */
    public static ChunkStats runTotal(Budgets budgets, Selection selection, long recycledBytes) {
        return new ChunkStats(budgets, selection, new Recycler(recycledBytes));
    }

    /**
     * As {@link #runTotal(Budgets, Selection, long)}, whose partials also feed {@code sampler}
     * (a total; each partial gets its own {@link RunSampler#partial()}) with the selected frames.
     */
    public static ChunkStats runTotal(Budgets budgets, Selection selection, long recycledBytes, RunSampler sampler) {
        return runTotal(budgets, selection, recycledBytes, sampler, null);
    }

    /**
     * As {@link #runTotal(Budgets, Selection, long, RunSampler)}, whose partials also feed
     * {@code timeline} (a total; each partial gets its own {@link TimelineAggregator#partial()})
     * with the selected ticks and memory samples; {@link #toReport} then sets
     * {@link Report#timeline()}. Either may be {@code null}: not built.
     */
    public static ChunkStats runTotal(Budgets budgets, Selection selection, long recycledBytes, RunSampler sampler,
                                      TimelineAggregator timeline) {
        ChunkStats total = runTotal(budgets, selection, recycledBytes);
        total.sampler = sampler;
        total.timeline = timeline;
        return total;
    }

    /**
     * Makes this total's per-chunk partials, for one read of the run: they share its recycler and
     * offer each chunk the series earlier chunks met ({@link KnownSeries}). Thread-safe supplier.
     */
    public Supplier<ChunkStats> partials() {
        KnownSeries known = new KnownSeries();
        return () -> {
            ChunkStats c = timeline == null ? new WithoutJobNames(budgets, selection, recycler, known)
                    : new ChunkStats(budgets, selection, recycler, known);
            c.sampler = sampler == null ? null : sampler.partial();
            c.timeline = timeline == null ? null : timeline.partial();
            return c;
        };
    }

    /**
     * A partial whose reader steps over job runs' names and batches (only the chart series read
     * them): the partials of a run without a timeline.
     */
    @IgnoresFields({EventNames.JOB_RUN + "#jobName", EventNames.JOB_RUN + "#batchIndex"})
    static final class WithoutJobNames extends ChunkStats {
        WithoutJobNames(Budgets budgets, Selection selection, Recycler recycler, KnownSeries known) {
            super(budgets, selection, recycler, known);
        }
    }

    // ---- EventHandler -------------------------------------------------------------------

    @Override
    public void chunkStart(ChunkInfo chunk) {
        attribution.chunkStart(chunk);
        jvm.chunkStart(chunk);
        if (known != null) {
            chunkIndex = chunk.index();
            attribution.expectFrames(known.framesPerChunk());
            jobs.know(known, chunkIndex);
            for (KnownSeries.Entry e : known.before(chunkIndex)) {
                if (e.kind() == KnownSeries.WORKER) {
                    jobs.worker(e.threadId(), e.name());
                } else {
                    series.makeKnown(e);
                }
            }
        }
        chunks++;
        start = Math.min(start, chunk.startNanos());
        end = Math.max(end, chunk.startNanos() + chunk.durationNanos());
    }

    @Override
    public void chunkEnd(ChunkInfo chunk, Map<String, Long> eventCountsByType) {
        if (known != null) {
            known.framesInChunk(attribution.framesSeen());
        }
        seal(); // before the attribution's chunk end: sealing hands it the groups' and systems' per-tick sums
        attribution.chunkEnd(chunk, eventCountsByType);
        for (Map.Entry<String, Long> e : eventCountsByType.entrySet()) {
            eventCounts.merge(e.getKey(), e.getValue(), Long::sum);
            if (e.getKey().startsWith(EventNames.PREFIX) && e.getValue() > 0) {
                gameEvents = true;
            }
        }
    }

    /**
     * Puts the chunk's buffered values in order (ticks, sample times); idempotent. The groups'
     * and systems' per-tick sums go to the slow-frame attribution's lag share on the way, so a
     * group or system event is summed per tick once, not also by the attribution.
     */
    private void seal() {
        frames.seal();
        series.seal((name, group, system, ticks, sums, n) -> attribution.seriesTicks(name, group, system, ticks, sums, n));
        jobs.seal();
        memory.seal();
    }

    /** Drops every reference to partial state once merged, so a spent partial holds no memory. */
    private void release() {
        eventCounts = null;
        frames = null;
        series = null;
        jobs = null;
        memory = null;
        attribution = null;
        timeline = null;
    }

    @Override
    public void frame(long startNanos, long durationNanos, long tick, int entityCount) {
        attribution.frame(startNanos, durationNanos, tick, entityCount);
        if (keepsTick(tick)) {
            frames.frame(startNanos, durationNanos, tick, entityCount);
            if (sampler != null) {
                sampler.frame(startNanos, durationNanos, tick, entityCount);
            }
            if (timeline != null) {
                timeline.frame(startNanos, durationNanos, tick, entityCount);
            }
        }
    }

    @Override
    public void systemGroupTick(long startNanos, long durationNanos, String group, long tick) {
        if (keepsTick(tick)) {
            series.group(group, chunkIndex).add(tick, durationNanos);
            if (sampler != null) {
                sampler.systemGroupTick(startNanos, durationNanos, group, tick);
            }
            if (timeline != null) {
                timeline.systemGroupTick(startNanos, durationNanos, group, tick);
            }
        }
    }

    @Override
    public void systemTick(long startNanos, long durationNanos, String system, String group, long tick,
                           int entitiesProcessed) {
        if (keepsTick(tick)) {
            series.system(system, group, chunkIndex).add(tick, durationNanos);
            if (sampler != null) {
                sampler.systemTick(startNanos, durationNanos, system, group, tick, entitiesProcessed);
            }
        }
    }

    private boolean keepsTick(long tick) {
        return tick >= firstTick && tick <= lastTick;
    }

    private boolean keepsTime(long startNanos) {
        return startNanos >= from && startNanos < to;
    }

    @Override
    public void jobSchedule(long startNanos, long durationNanos, long threadId, long jobId, String jobName,
                            String system, int dependencyCount, int chainDepth, int batchCount, long tick) {
        if (keepsTick(tick)) {
            jobs.jobSchedule(chainDepth, tick);
        }
    }

    @Override
    public void jobRun(long startNanos, long durationNanos, long threadId, String threadName, long jobId,
                       String jobName, int batchIndex, long tick, long queueWaitNanos) {
        if (keepsTick(tick)) {
            jobs.jobRun(startNanos, durationNanos, threadId, threadName, tick, queueWaitNanos);
            if (sampler != null) {
                sampler.jobRun(startNanos, durationNanos, threadId, threadName, jobId, jobName, batchIndex, tick,
                        queueWaitNanos);
            }
            if (timeline != null) {
                timeline.jobRun(startNanos, durationNanos, threadId, threadName, jobId, jobName, batchIndex, tick,
                        queueWaitNanos);
            }
        }
    }

    @Override
    public void mainThreadWait(long startNanos, long durationNanos, long threadId, long tick, String system) {
        if (keepsTick(tick)) {
            jobs.mainThreadWait(durationNanos, threadId);
            if (sampler != null) {
                sampler.mainThreadWait(startNanos, durationNanos, threadId, tick, system);
            }
        }
    }

    @Override
    public void registryUpdate(long startNanos, long durationNanos, String registry, long tick, int entryCount,
                               int adds, int removes, int updates) {
        if (keepsTick(tick)) {
            series.registry(registry, chunkIndex).update(startNanos, tick, durationNanos, entryCount, adds, removes, updates);
        }
    }

    @Override
    public void entityCount(long startNanos, String archetype, long count) {
        if (keepsTime(startNanos)) {
            memory.entityCount(startNanos, archetype, count);
            if (timeline != null) {
                timeline.entityCount(startNanos, archetype, count);
            }
        }
    }

    @Override
    public void nativeMemory(long startNanos, String owner, String containerKind, long bytesReserved,
                             long bytesUsed) {
        if (keepsTime(startNanos)) {
            memory.nativeMemory(startNanos, owner, containerKind, bytesReserved, bytesUsed);
            if (timeline != null) {
                timeline.nativeMemory(startNanos, owner, containerKind, bytesReserved, bytesUsed);
            }
        }
    }

    @Override
    public void jvmInformation(long startNanos, String jvmName, String jvmVersion, String jvmArguments,
                               String javaArguments, long jvmStartMillis, long pid) {
        jvm.seen(pid, jvmStartMillis);
        if (sampler != null) {
            sampler.jvmInformation(startNanos, jvmName, jvmVersion, jvmArguments, javaArguments, jvmStartMillis, pid);
        }
        if (this.jvmName.isEmpty()) {
            this.jvmName = jvmName;
            this.jvmVersion = jvmVersion;
        }
    }

    @Override
    public void gcHeapSummary(long startNanos, long gcId, String when, long heapUsedBytes, long heapCommittedBytes) {
        if (keepsTime(startNanos)) {
            memory.gcHeapSummary(startNanos, when, heapUsedBytes);
            if (timeline != null) {
                timeline.gcHeapSummary(startNanos, gcId, when, heapUsedBytes, heapCommittedBytes);
            }
        }
    }

    @Override
    public void directBufferStatistics(long startNanos, long count, long totalCapacityBytes, long memoryUsedBytes,
                                       long maxCapacityBytes) {
        if (keepsTime(startNanos)) {
            memory.directBuffers(startNanos, count, totalCapacityBytes, memoryUsedBytes);
        }
    }

    @Override
    public void cpuInformation(long startNanos, String cpu, int cores, int hwThreads) {
        if (sampler != null) {
            sampler.cpuInformation(startNanos, cpu, cores, hwThreads);
        }
    }

    @Override
    public void osInformation(long startNanos, String osVersion) {
        if (sampler != null) {
            sampler.osInformation(startNanos, osVersion);
        }
    }

    @Override
    public void gcConfiguration(long startNanos, String youngCollector, String oldCollector) {
        if (sampler != null) {
            sampler.gcConfiguration(startNanos, youngCollector, oldCollector);
        }
    }

    @Override
    public void gcHeapConfiguration(long startNanos, long maxSizeBytes) {
        if (sampler != null) {
            sampler.gcHeapConfiguration(startNanos, maxSizeBytes);
        }
    }

    // JVM activity for slow-frame attribution (joined to frames by time, in stats.attribution)

    @Override
    public void garbageCollection(long startNanos, long durationNanos, long gcId, String name, String cause,
                                  long sumOfPausesNanos, long longestPauseNanos) {
        attribution.garbageCollection(startNanos, durationNanos, gcId, name, cause, sumOfPausesNanos,
                longestPauseNanos);
    }

    @Override
    public void gcPhasePause(long startNanos, long durationNanos, int level, long gcId, String name) {
        attribution.gcPhasePause(startNanos, durationNanos, level, gcId, name);
    }

    @Override
    public void safepoint(long startNanos, long durationNanos, long safepointId, int totalThreadCount,
                          int jniCriticalThreadCount) {
        attribution.safepoint(startNanos, durationNanos, safepointId, totalThreadCount, jniCriticalThreadCount);
    }

    @Override
    public void vmOperation(long startNanos, long durationNanos, String operation, boolean atSafepoint) {
        attribution.vmOperation(startNanos, durationNanos, operation, atSafepoint);
    }

    @Override
    public void compilation(long startNanos, long durationNanos, long threadId, int compileId, String compiler,
                            String method, int compileLevel, boolean succeeded, boolean isOsr) {
        attribution.compilation(startNanos, durationNanos, threadId, compileId, compiler, method, compileLevel,
                succeeded, isOsr);
    }

    @Override
    public void deoptimization(long startNanos, long threadId, int compileId, String compiler, String method,
                               String reason, String action) {
        attribution.deoptimization(startNanos, threadId, compileId, compiler, method, reason, action);
    }

    @Override
    public void allocationSample(long startNanos, long threadId, String objectClass, long weightBytes) {
        attribution.allocationSample(startNanos, threadId, objectClass, weightBytes);
    }

    @Override
    public void executionSample(long startNanos, long threadId, String threadName, SampledStack stack) {
        attribution.executionSample(startNanos, threadId, threadName, stack);
    }

    @Override
    public void cpuLoad(long startNanos, double jvmUser, double jvmSystem, double machineTotal) {
        attribution.cpuLoad(startNanos, jvmUser, jvmSystem, machineTotal);
        if (sampler != null) {
            sampler.cpuLoad(startNanos, jvmUser, jvmSystem, machineTotal);
        }
    }

    @Override
    public void monitorEnter(long startNanos, long durationNanos, long threadId, String threadName,
                             String monitorClass) {
        attribution.monitorEnter(startNanos, durationNanos, threadId, threadName, monitorClass);
    }

    @Override
    public void threadPark(long startNanos, long durationNanos, long threadId, String threadName,
                           String parkedClass) {
        attribution.threadPark(startNanos, durationNanos, threadId, threadName, parkedClass);
    }

    // ---- merge and result ---------------------------------------------------------------

    /** In a run's total: the first two consecutive chunks recorded by different JVMs, if any. */
    public Optional<JvmIdentity.Conflict> jvmConflict() {
        return jvm.conflict();
    }

    /** Merges the partial of the chunk that follows every chunk merged so far; {@code next} is spent. */
    public void merge(ChunkStats next) {
        next.seal();
        next.eventCounts.forEach((k, v) -> eventCounts.merge(k, v, Long::sum));
        chunks += next.chunks;
        start = Math.min(start, next.start);
        end = Math.max(end, next.end);
        jvm.merge(next.jvm);
        if (jvmName.isEmpty()) {
            jvmName = next.jvmName;
            jvmVersion = next.jvmVersion;
        }
        gameEvents |= next.gameEvents;
        if (attributionTotal == null) {
            attributionTotal = new AttributionTotal(attribution.settings()).add(attribution);
        }
        attributionTotal.add(next.attribution);
        frames.merge(next.frames);
        series.merge(next.series);
        jobs.merge(next.jobs);
        memory.merge(next.memory);
        if (sampler != null) {
            sampler.merge(next.sampler);
        }
        if (timeline != null) {
            timeline.merge(next.timeline);
        }
        next.release();
    }

    /**
     * The statistics of everything merged into this partial; call once, after the last merge.
     * The report's budget verdicts are left {@code null} (see {@code budget/}).
     *
     * @param files the files read, in order, as named to the user
     */
    public Report toReport(List<String> files) {
        seal();
        long total = eventCounts.values().stream().mapToLong(Long::longValue).sum();
        Overview overview = new Overview(List.copyOf(files), jvmName, jvmVersion,
                chunks == 0 ? 0 : start, chunks == 0 ? 0 : end, chunks == 0 ? 0 : end - start, chunks,
                new LinkedHashMap<>(eventCounts), total);
        long frameCount = frames.count();
        long frameNanos = frames.totalNanos();
        Frames f = frameCount == 0 ? null : frames.toModel();
        List<Series> g = series.groups(frameNanos);
        List<Series> s = series.systems(frameNanos);
        Jobs j = jobs.isEmpty() ? null : jobs.toModel(frameCount, frameNanos);
        List<Registry> r = series.registries(frameCount);
        AttributionResult slow = (attributionTotal != null ? attributionTotal
                : new AttributionTotal(attribution.settings()).add(attribution)).result();
        Timeline t = timeline == null ? null : timeline.toTimeline(chunks == 0 ? 0 : start);
        return new Report(overview, selection, gameEvents, f, g, s, j, memory.toModel(frames.maxEntities()), r,
                null, slow, t, null, List.of());
    }
}
