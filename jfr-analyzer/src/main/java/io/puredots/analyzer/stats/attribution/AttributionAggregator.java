package io.puredots.analyzer.stats.attribution;

import io.puredots.analyzer.stats.IndexSort;
import io.puredots.analyzer.read.ChunkInfo;
import io.puredots.analyzer.read.EventHandler;
import io.puredots.analyzer.read.SampledStack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Slow-frame attribution, the per-chunk partial: collects one chunk's {@code puredots.Frame}
 * events and the JVM intervals that can explain slow frames (GC pauses and phases, safepoints and
 * their VM operations, compilations, deoptimizations, monitor enters and parks on simulation
 * threads, allocation samples, CPU load), the execution samples of the simulation threads
 * ({@link ChunkSamples}) and the group and system times ({@link ChunkLag}), and at
 * {@link #chunkEnd} shrinks them to what a later join can need. {@link AttributionTotal#add} (or {@link SlowFrameAttribution#merge}) merges the
 * partials in chunk order and joins.
 *
 * <p>What a partial keeps after {@code chunkEnd}, so that memory is bounded per chunk and small
 * per partial: its worst N frames; its over-budget runs that touch the chunk's first or last
 * frame (they may continue in the neighbouring chunk) and its inner runs longer than
 * {@code streak.frames} (the longest {@code maxStreaks}); the JVM intervals that overlap one of
 * those frames or runs, or that start before the chunk's first frame or end after its last one
 * (a frame in a neighbouring chunk may overlap them: frames are sequential on the main thread, so
 * no other interval can); CPU load samples; allocation bytes in 10 ms buckets.
 *
 * <p>Not thread-safe: one instance per chunk, fed by one thread, as {@link EventHandler} says.
 */
public final class AttributionAggregator implements EventHandler {
    static final long BUCKET_NANOS = 10_000_000L;
    /** Most raw events of one kind collected per chunk before pruning; more are counted and dropped. */
    static final int RAW_CAP_PER_KIND = 2_000_000;

    final AttributionSettings settings;

    // raw, per chunk (released at chunkEnd)
    private long[] fStart = new long[256];
    private long[] fDuration = new long[256];
    private long[] fTick = new long[256];
    private int fSize;
    /** {@link #frameOrder}, once asked for: after the chunk's last frame. */
    private int[] frameOrder;
    private Intervals raw = new Intervals();
    private final int[] rawPerKind = new int[Intervals.KINDS];
    private long[] allocTime = new long[64];
    private long[] allocBytes = new long[64];
    private int allocSize;

    // kept after chunkEnd
    boolean finished;
    long framesSeen;
    long[][] topFrames = new long[0][];          // {start, duration, tick}
    final List<Run> runs = new ArrayList<>();    // in tick order
    int innerStreaks;                           // inner runs longer than streakFrames, counted exactly
    Intervals kept = new Intervals();
    final long[] droppedPerKind = new long[Intervals.KINDS];
    long[] cpuTime = new long[16];
    double[] cpuJvm = new double[16];
    double[] cpuMachine = new double[16];
    int cpuSize;
    long[] allocBucket = new long[0];
    long[] allocBucketBytes = new long[0];
    long allocTotalBytes;
    long allocSamples;
    long droppedAllocSamples;
    long lastFrameEnd = Long.MIN_VALUE;
    long spanStart = Long.MAX_VALUE;
    long spanEnd = Long.MIN_VALUE;
    final Map<Long, String[]> gcNames = new HashMap<>(); // gcId -> {name, cause}
    final ChunkSamples samples = new ChunkSamples();
    final ChunkLag lag;

    /** An over-budget run of consecutive ticks. */
    record Run(long firstTick, long lastTick, long startNanos, long endNanos, long worstTick, long worstNanos,
               boolean atChunkStart, boolean atChunkEnd) {
        int frames() {
            return (int) (lastTick - firstTick + 1);
        }

        Run join(Run next) {
            boolean nextWorse = next.worstNanos > worstNanos;
            return new Run(firstTick, next.lastTick, startNanos, next.endNanos,
                    nextWorse ? next.worstTick : worstTick, Math.max(worstNanos, next.worstNanos),
                    atChunkStart, next.atChunkEnd);
        }
    }

    public AttributionAggregator(AttributionSettings settings) {
        this.settings = settings;
        this.lag = new ChunkLag(settings.frameBudgetNanos());
    }

    /**
     * Sizes the frame columns for {@code frames} frames before the first, so that a chunk's
     * frames are not copied on every doubling (garbage in proportion to the recording, and young
     * collections that copy the live partials).
     */
    public void expectFrames(int frames) {
        if (fSize == 0 && frames > fStart.length) {
            fStart = new long[frames];
            fDuration = new long[frames];
            fTick = new long[frames];
        }
    }

    /** Frames this partial was called with (in the tick selection). */
    public long framesSeen() {
        return framesSeen;
    }

    /** The settings this partial was made with. */
    public AttributionSettings settings() {
        return settings;
    }

    // ---- events -----------------------------------------------------------------------------

    @Override
    public void chunkStart(ChunkInfo chunk) {
        spanStart = Math.min(spanStart, chunk.startNanos());
        spanEnd = Math.max(spanEnd, chunk.startNanos() + chunk.durationNanos());
    }

    @Override
    public void frame(long startNanos, long durationNanos, long tick, int entityCount) {
        if (tick < settings.firstTick() || tick > settings.lastTick()) {
            return;
        }
        if (fSize == fStart.length) {
            int n = fSize * 2;
            fStart = Arrays.copyOf(fStart, n);
            fDuration = Arrays.copyOf(fDuration, n);
            fTick = Arrays.copyOf(fTick, n);
        }
        fStart[fSize] = startNanos;
        fDuration[fSize] = durationNanos;
        fTick[fSize] = tick;
        fSize++;
        framesSeen++;
    }

    @Override
    public void garbageCollection(long startNanos, long durationNanos, long gcId, String name, String cause,
                                  long sumOfPausesNanos, long longestPauseNanos) {
        gcNames.put(gcId, new String[] {name, cause});
    }

    @Override
    public void gcPhasePause(long startNanos, long durationNanos, int level, long gcId, String name) {
        if (level == 0) {
            addRaw(Intervals.GC_PAUSE, startNanos, durationNanos, gcId, 0, name, "", "");
        } else if (level == 1) {
            addRaw(Intervals.GC_PHASE, startNanos, durationNanos, gcId, level, name, "", "");
        }
    }

    @Override
    public void safepoint(long startNanos, long durationNanos, long safepointId, int totalThreadCount,
                          int jniCriticalThreadCount) {
        addRaw(Intervals.SAFEPOINT, startNanos, durationNanos, safepointId, 0, "", "", "");
    }

    @Override
    public void vmOperation(long startNanos, long durationNanos, String operation, boolean atSafepoint) {
        if (atSafepoint) {
            addRaw(Intervals.VM_OPERATION, startNanos, durationNanos, 0, 0, operation, "", "");
        }
    }

    @Override
    public void compilation(long startNanos, long durationNanos, long threadId, int compileId, String compiler,
                            String method, int compileLevel, boolean succeeded, boolean isOsr) {
        if (durationNanos >= settings.compilationMinNanos()) {
            addRaw(Intervals.COMPILATION, startNanos, durationNanos, isOsr ? 1 : 0, compileLevel, method, compiler,
                    "");
        }
    }

    @Override
    public void deoptimization(long startNanos, long threadId, int compileId, String compiler, String method,
                               String reason, String action) {
        addRaw(Intervals.DEOPTIMIZATION, startNanos, 0, threadId, 0, method, reason, action);
    }

    @Override
    public void monitorEnter(long startNanos, long durationNanos, long threadId, String threadName,
                             String monitorClass) {
        if (isSimulationThread(threadName) && durationNanos >= settings.waitMinNanos()) {
            addRaw(Intervals.MONITOR_ENTER, startNanos, durationNanos, threadId, 0, threadName, monitorClass, "");
        }
    }

    /**
     * Parks on the main thread only: a job worker parks in the scheduler whenever it is idle, so
     * its parks say "no work", not "delayed" (its monitor contention is kept).
     */
    @Override
    public void threadPark(long startNanos, long durationNanos, long threadId, String threadName,
                           String parkedClass) {
        if (threadName.equals("main") && durationNanos >= settings.waitMinNanos()) {
            addRaw(Intervals.THREAD_PARK, startNanos, durationNanos, threadId, 0, threadName, parkedClass, "");
        }
    }

    @Override
    public void allocationSample(long startNanos, long threadId, String objectClass, long weightBytes) {
        if (allocSize == RAW_CAP_PER_KIND) {
            droppedAllocSamples++;
            return;
        }
        if (allocSize == allocTime.length) {
            allocTime = Arrays.copyOf(allocTime, allocSize * 2);
            allocBytes = Arrays.copyOf(allocBytes, allocSize * 2);
        }
        allocTime[allocSize] = startNanos;
        allocBytes[allocSize] = weightBytes;
        allocSize++;
    }

    @Override
    public void cpuLoad(long startNanos, double jvmUser, double jvmSystem, double machineTotal) {
        // the first sample of a recording has no previous one to measure against and reads 0
        if (cpuSize == RAW_CAP_PER_KIND || machineTotal <= 0) {
            return;
        }
        if (cpuSize == cpuTime.length) {
            cpuTime = Arrays.copyOf(cpuTime, cpuSize * 2);
            cpuJvm = Arrays.copyOf(cpuJvm, cpuSize * 2);
            cpuMachine = Arrays.copyOf(cpuMachine, cpuSize * 2);
        }
        cpuTime[cpuSize] = startNanos;
        cpuJvm[cpuSize] = jvmUser + jvmSystem;
        cpuMachine[cpuSize] = machineTotal;
        cpuSize++;
    }

    /** Samples of the simulation threads only, capped at {@code maxIntervalsPerKind} per chunk. */
    @Override
    public void executionSample(long startNanos, long threadId, String threadName, SampledStack stack) {
        if (isSimulationThread(threadName)) {
            samples.add(startNanos, threadId, threadName, stack, settings.maxIntervalsPerKind());
        }
    }

    @Override
    public void systemGroupTick(long startNanos, long durationNanos, String group, long tick) {
        if (tick >= settings.firstTick() && tick <= settings.lastTick()) {
            lag.value(group, "", false, tick, durationNanos);
        }
    }

    @Override
    public void systemTick(long startNanos, long durationNanos, String system, String group, long tick,
                           int entitiesProcessed) {
        if (tick >= settings.firstTick() && tick <= settings.lastTick()) {
            lag.value(system, group, true, tick, durationNanos);
        }
    }

    /**
     * A group's ({@code system} false, {@code group} "") or system's time in this chunk as
     * per-tick sums, {@code ticks} ascending and distinct, in the tick selection: for a caller
     * that sums them anyway (a report's series), instead of passing this partial their events.
     * After the chunk's frames, before {@link #chunkEnd}; once per series.
     */
    public void seriesTicks(String name, String group, boolean system, long[] ticks, long[] sums, int n) {
        lag.joinable(fTick, fDuration, frameOrder());
        lag.series(name, group, system, ticks, sums, n);
    }

    /** The chunk's frames in tick order (indexes into the frame columns), sorted once for the lag share and the runs. */
    private int[] frameOrder() {
        if (frameOrder == null) {
            frameOrder = IndexSort.ascending(fTick, fSize);
        }
        return frameOrder;
    }

    @Override
    public void chunkEnd(ChunkInfo chunk, Map<String, Long> eventCountsByType) {
        finish();
    }

    /**
     * Whether a thread runs the simulation: {@code main} or a job worker
     * ({@code puredots-worker-*}).
     */
    public static boolean isSimulationThread(String threadName) {
        return threadName.equals("main") || threadName.startsWith("puredots-worker");
    }

    private void addRaw(byte kind, long start, long duration, long aux, int level, String t, String t2, String t3) {
        if (rawPerKind[kind] == RAW_CAP_PER_KIND) {
            droppedPerKind[kind]++;
            return;
        }
        rawPerKind[kind]++;
        raw.add(kind, start, duration, aux, level, t, t2, t3);
    }

    // ---- shrinking at chunk end -------------------------------------------------------------

    /**
     * Shrinks the chunk's raw events to what the merge needs. Idempotent. Each step is its own
     * method: the loops over a chunk's frames are hot enough for the JIT to compile them on the
     * stack, and small methods compile quickly (one method holding all of them kept C2 busy
     * long enough to show in a report's run time).
     */
    void finish() {
        if (finished) {
            return;
        }
        finished = true;
        int[] order = frameOrder();
        worstFrames();
        if (settings.hasBudget() && fSize > 0) {
            overBudgetRuns(order);
        }
        keepJoinableIntervals();
        lag.finish(fTick, fDuration, order);
        samples.finish(FrameSpans.of(fStart, fDuration, fSize, settings.frameBudgetNanos()), joinWindows());
        if (allocSize > 0) {
            allocationBuckets();
        }
        allocTime = null;
        allocBytes = null;
        fStart = null;
        fDuration = null;
        fTick = null;

        // only GC names that a kept pause may need, or that may belong to a neighbour's pause
        java.util.Set<Long> pauseIds = new java.util.HashSet<>();
        for (int i = 0; i < kept.size; i++) {
            if (kept.kind[i] == Intervals.GC_PAUSE || kept.kind[i] == Intervals.GC_PHASE) {
                pauseIds.add(kept.aux[i]);
            }
        }
        gcNames.keySet().removeIf(id -> !pauseIds.contains(id) && rawPauseIds.contains(id));
    }

    /** The time spans {@code {start, end}} of the chunk's worst frames and kept runs. */
    private List<long[]> joinWindows() {
        List<long[]> w = new ArrayList<>();
        for (long[] fr : topFrames) {
            w.add(new long[] {fr[0], fr[0] + fr[1]});
        }
        for (Run r : runs) {
            w.add(new long[] {r.startNanos(), r.endNanos()});
        }
        return w;
    }

    /** The worst N frames of this chunk. */
    private void worstFrames() {
        int[] byDuration = IndexSort.largest(fDuration, fTick, fSize, settings.worstFrames());
        int n = byDuration.length;
        topFrames = new long[n][];
        for (int i = 0; i < n; i++) {
            int f = byDuration[i];
            topFrames[i] = new long[] {fStart[f], fDuration[f], fTick[f]};
        }
    }

    /** The chunk's over-budget runs: those at its ends, and the longest inner ones. */
    private void overBudgetRuns(int[] order) {
        List<Run> all = new ArrayList<>();
        int i = 0;
        while (i < fSize) {
            int f = order[i];
            if (fDuration[f] <= settings.frameBudgetNanos()) {
                i++;
                continue;
            }
            int j = i;
            long worstNanos = fDuration[f];
            long worstTick = fTick[f];
            while (j + 1 < fSize && fDuration[order[j + 1]] > settings.frameBudgetNanos()
                    && fTick[order[j + 1]] == fTick[order[j]] + 1) {
                j++;
                if (fDuration[order[j]] > worstNanos) {
                    worstNanos = fDuration[order[j]];
                    worstTick = fTick[order[j]];
                }
            }
            int last = order[j];
            all.add(new Run(fTick[f], fTick[last], fStart[f], fStart[last] + fDuration[last], worstTick,
                    worstNanos, i == 0, j == fSize - 1));
            i = j + 1;
        }
        List<Run> inner = new ArrayList<>();
        for (Run r : all) {
            if (!r.atChunkStart() && !r.atChunkEnd() && r.frames() > settings.streakFrames()) {
                inner.add(r);
            }
        }
        innerStreaks = inner.size();
        List<Run> keptInner = SlowFrameAttribution.longest(inner, settings.maxStreaks());
        for (Run r : all) {
            if (r.atChunkStart() || r.atChunkEnd() || keptInner.contains(r)) {
                runs.add(r);
            }
        }
    }

    /** Keeps the intervals that a later join can need, and drops the raw store. */
    private void keepJoinableIntervals() {
        boolean[] keep = new boolean[raw.size];
        long firstStart = Long.MAX_VALUE;
        long lastEnd = Long.MIN_VALUE;
        for (int f = 0; f < fSize; f++) {
            firstStart = Math.min(firstStart, fStart[f]);
            lastEnd = Math.max(lastEnd, fStart[f] + fDuration[f]);
        }
        lastFrameEnd = lastEnd;
        for (int i = 0; i < raw.size; i++) {
            if (fSize == 0 || raw.start[i] < firstStart || raw.end(i) > lastEnd) {
                keep[i] = true;
                continue;
            }
            for (long[] fr : topFrames) {
                if (raw.overlaps(i, fr[0], fr[0] + fr[1])) {
                    keep[i] = true;
                    break;
                }
            }
            if (!keep[i]) {
                for (Run r : runs) {
                    if (raw.overlaps(i, r.startNanos(), r.endNanos())) {
                        keep[i] = true;
                        break;
                    }
                }
            }
        }
        capPerKind(keep);
        kept = raw.select(keep);
        raw = null;
    }

    /** Allocation samples summed per bucket of {@link #BUCKET_NANOS}. */
    private void allocationBuckets() {
        int[] ao = IndexSort.ascending(allocTime, allocSize);
        long[] b = new long[allocSize];
        long[] bytes = new long[allocSize];
        int m = 0;
        for (int i : ao) {
            long bucket = Math.floorDiv(allocTime[i], BUCKET_NANOS);
            if (m > 0 && b[m - 1] == bucket) {
                bytes[m - 1] += allocBytes[i];
            } else {
                b[m] = bucket;
                bytes[m] = allocBytes[i];
                m++;
            }
            allocTotalBytes += allocBytes[i];
        }
        allocBucket = Arrays.copyOf(b, m);
        allocBucketBytes = Arrays.copyOf(bytes, m);
        allocSamples = allocSize;
    }

    // gc ids that had a pause in this chunk (filled lazily in capPerKind)
    private final java.util.Set<Long> rawPauseIds = new java.util.HashSet<>();

    private void capPerKind(boolean[] keep) {
        int[] count = new int[Intervals.KINDS];
        for (int i = 0; i < raw.size; i++) {
            if (raw.kind[i] == Intervals.GC_PAUSE) {
                rawPauseIds.add(raw.aux[i]);
            }
            if (keep[i]) {
                count[raw.kind[i]]++;
            }
        }
        for (byte k = 0; k < Intervals.KINDS; k++) {
            int excess = count[k] - settings.maxIntervalsPerKind();
            if (excess <= 0) {
                continue;
            }
            // drop the shortest kept ones of this kind
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < raw.size; i++) {
                if (keep[i] && raw.kind[i] == k) {
                    idx.add(i);
                }
            }
            idx.sort((a, b) -> Long.compare(raw.duration[a], raw.duration[b]));
            for (int x = 0; x < excess; x++) {
                keep[idx.get(x)] = false;
            }
            droppedPerKind[k] += excess;
        }
    }
}
