package io.puredots.analyzer.stats.attribution;

import io.puredots.analyzer.model.attribution.AttributionNote;
import io.puredots.analyzer.model.attribution.AttributionResult;
import io.puredots.analyzer.model.attribution.FrameAttribution;
import io.puredots.analyzer.model.attribution.StreakAttribution;
import io.puredots.analyzer.stats.attribution.AttributionAggregator.Run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The running total of slow-frame attribution: absorbs per-chunk {@link AttributionAggregator}
 * partials in chunk order ({@link #add}), joining over-budget runs across chunk boundaries, and
 * keeps only what the final join can need; {@link #result()} joins the worst frames and the
 * streaks with what overlapped them.
 *
 * <p>Bounded: the worst N frames, the longest streaks (at most twice the configured number
 * between prunes), and the JVM intervals and execution samples that overlap one of those, the
 * open streak, or a frame not yet seen (frames are sequential on the main thread, so a later frame starts after the last
 * frame seen: only intervals ending after it can still matter). CPU samples and allocation
 * buckets are kept whole (one per second, one per 10 ms at most).
 *
 * <p>Not thread-safe: call {@code add} from one thread at a time (for example under the lock of
 * an ordered merge), in chunk order.
 */
public final class AttributionTotal {
    private final AttributionSettings s;
    private long framesSeen;
    private List<long[]> top = new ArrayList<>();            // {start, duration, tick}, worst first
    private final List<Run> streaks = new ArrayList<>();     // finished, longer than streakFrames
    private int streaksTotal;
    private Run carry;                                       // the run that touches the last chunk's end
    private long lastFrameEnd = Long.MIN_VALUE;
    private Intervals intervals = new Intervals();
    private int sizeAtLastPrune;
    private final long[] dropped = new long[Intervals.KINDS];
    private long droppedAlloc;
    private final Map<Long, String[]> gcNames = new HashMap<>();
    private long spanStart = Long.MAX_VALUE;
    private long spanEnd = Long.MIN_VALUE;
    private long[] cpuTime = new long[0];
    private double[] cpuJvm = new double[0];
    private double[] cpuMachine = new double[0];
    private long[] buckets = new long[0];
    private long[] bucketBytes = new long[0];
    private long allocTotal;
    private final SampleTotal samples = new SampleTotal();
    private final LagTotal lag = new LagTotal();

    public AttributionTotal(AttributionSettings settings) {
        this.s = settings;
    }

    /** Absorbs the partial of the next chunk (in chunk order); the partial is not used afterwards. */
    public AttributionTotal add(AttributionAggregator p) {
        p.finish();
        framesSeen += p.framesSeen;
        top.addAll(Arrays.asList(p.topFrames));
        top.sort(WORST_FIRST);
        if (top.size() > s.worstFrames()) {
            top = new ArrayList<>(top.subList(0, s.worstFrames()));
        }
        addRuns(p);
        for (int i = 0; i < p.kept.size; i++) {
            intervals.addFrom(p.kept, i);
        }
        for (int k = 0; k < Intervals.KINDS; k++) {
            dropped[k] += p.droppedPerKind[k];
        }
        droppedAlloc += p.droppedAllocSamples;
        gcNames.putAll(p.gcNames);
        spanStart = Math.min(spanStart, p.spanStart);
        spanEnd = Math.max(spanEnd, p.spanEnd);
        int c = cpuTime.length;
        cpuTime = Arrays.copyOf(cpuTime, c + p.cpuSize);
        cpuJvm = Arrays.copyOf(cpuJvm, c + p.cpuSize);
        cpuMachine = Arrays.copyOf(cpuMachine, c + p.cpuSize);
        System.arraycopy(p.cpuTime, 0, cpuTime, c, p.cpuSize);
        System.arraycopy(p.cpuJvm, 0, cpuJvm, c, p.cpuSize);
        System.arraycopy(p.cpuMachine, 0, cpuMachine, c, p.cpuSize);
        int b = buckets.length;
        buckets = Arrays.copyOf(buckets, b + p.allocBucket.length);
        bucketBytes = Arrays.copyOf(bucketBytes, b + p.allocBucket.length);
        System.arraycopy(p.allocBucket, 0, buckets, b, p.allocBucket.length);
        System.arraycopy(p.allocBucketBytes, 0, bucketBytes, b, p.allocBucket.length);
        allocTotal += p.allocTotalBytes;
        samples.add(p.samples);
        lag.add(p.lag);
        if (p.lastFrameEnd > lastFrameEnd) {
            lastFrameEnd = p.lastFrameEnd;
        }
        if (intervals.size + samples.held() > 2 * sizeAtLastPrune + 1024) {
            prune();
        }
        return this;
    }

    private void addRuns(AttributionAggregator p) {
        streaksTotal += p.innerStreaks;
        if (carry != null && p.framesSeen > 0 && (p.runs.isEmpty() || !p.runs.get(0).atChunkStart())) {
            finish(carry); // this chunk starts under budget
            carry = null;
        }
        for (Run r : p.runs) {
            boolean edge = r.atChunkStart() || r.atChunkEnd();
            if (r.atChunkStart() && carry != null && carry.lastTick() + 1 == r.firstTick()) {
                r = carry.join(r);
                carry = null;
            }
            if (carry != null) {
                finish(carry);
                carry = null;
            }
            if (r.atChunkEnd()) {
                carry = r;
            } else if (edge) {
                finish(r);
            } else {
                streaks.add(r); // inner run: kept only if long enough, counted in innerStreaks
            }
        }
        if (streaks.size() > 2 * Math.max(1, s.maxStreaks())) {
            List<Run> keep = SlowFrameAttribution.longest(streaks, s.maxStreaks());
            streaks.clear();
            streaks.addAll(keep);
        }
    }

    private void finish(Run r) {
        if (r.frames() > s.streakFrames()) {
            streaks.add(r);
            streaksTotal++;
        }
    }

    /** Drops intervals that no kept frame, kept streak, open run or future frame can overlap. */
    private void prune() {
        List<Run> keptStreaks = SlowFrameAttribution.longest(streaks, s.maxStreaks());
        boolean[] keep = new boolean[intervals.size];
        for (int i = 0; i < intervals.size; i++) {
            if (intervals.end(i) > lastFrameEnd || (intervals.duration[i] == 0 && intervals.start[i] >= lastFrameEnd)) {
                keep[i] = true;
                continue;
            }
            for (long[] f : top) {
                if (intervals.overlaps(i, f[0], f[0] + f[1])) {
                    keep[i] = true;
                    break;
                }
            }
            if (!keep[i] && carry != null && intervals.overlaps(i, carry.startNanos(), carry.endNanos())) {
                keep[i] = true;
            }
            if (!keep[i]) {
                for (Run r : keptStreaks) {
                    if (intervals.overlaps(i, r.startNanos(), r.endNanos())) {
                        keep[i] = true;
                        break;
                    }
                }
            }
        }
        intervals = intervals.select(keep);
        samples.prune(t -> keepsSample(t, keptStreaks));
        sizeAtLastPrune = intervals.size + samples.held();
    }

    /** Whether a sample at {@code t} is in a kept frame, the open run, a kept streak or a frame not yet seen. */
    private boolean keepsSample(long t, List<Run> keptStreaks) {
        if (t >= lastFrameEnd) {
            return true;
        }
        for (long[] f : top) {
            if (t >= f[0] && t < f[0] + f[1]) {
                return true;
            }
        }
        if (carry != null && t >= carry.startNanos() && t < carry.endNanos()) {
            return true;
        }
        for (Run r : keptStreaks) {
            if (t >= r.startNanos() && t < r.endNanos()) {
                return true;
            }
        }
        return false;
    }

    /** Number of JVM intervals held for the final join (for tests of the memory bound). */
    int intervalsHeld() {
        return intervals.size;
    }

    /** The attribution of every chunk added so far. Does not change this total. */
    public AttributionResult result() {
        List<Run> all = new ArrayList<>(streaks);
        int total = streaksTotal;
        if (carry != null && carry.frames() > s.streakFrames()) {
            all.add(carry);
            total++;
        }
        List<Run> kept = new ArrayList<>(SlowFrameAttribution.longest(all, s.maxStreaks()));
        kept.sort(Comparator.comparingLong(Run::firstTick));

        boolean[] every = new boolean[intervals.size];
        Arrays.fill(every, true);
        OverlapIndex overlaps = new OverlapIndex(s, intervals.select(every), gcNames, cpuTime, cpuJvm, cpuMachine,
                buckets, bucketBytes, allocTotal, spanStart, spanEnd);
        SampleTotal.Query hot = samples.query();
        long origin = spanStart == Long.MAX_VALUE ? 0 : spanStart;
        List<FrameAttribution> worst = new ArrayList<>();
        for (long[] f : top) {
            long end = f[0] + f[1];
            worst.add(new FrameAttribution(f[2], f[0], f[0] - origin, f[1], overlaps.causes(f[0], end, false),
                    overlaps.cpuFor(f[0], end), overlaps.allocation(f[0], end), hot.hotMethods(f[0], end)));
        }
        List<StreakAttribution> streakResults = new ArrayList<>();
        for (Run r : kept) {
            streakResults.add(new StreakAttribution(r.firstTick(), r.lastTick(), r.frames(), r.startNanos(),
                    r.startNanos() - origin, r.endNanos(), r.worstTick(), r.worstNanos(),
                    overlaps.causes(r.startNanos(), r.endNanos(), true), overlaps.cpuPeak(r.startNanos(), r.endNanos()),
                    overlaps.allocation(r.startNanos(), r.endNanos()), hot.hotMethods(r.startNanos(), r.endNanos())));
        }
        List<AttributionNote> notes = new ArrayList<>();
        if (framesSeen == 0) {
            notes.add(new AttributionNote.NoFrames());
        }
        if (!s.hasBudget()) {
            notes.add(new AttributionNote.NoBudget());
        }
        if (total > kept.size()) {
            notes.add(new AttributionNote.StreaksCapped(total, kept.size()));
        }
        for (int k = 0; k < Intervals.KINDS; k++) {
            if (dropped[k] > 0) {
                notes.add(new AttributionNote.EventsCapped(Intervals.EVENTS[k], s.maxIntervalsPerKind(), dropped[k]));
            }
        }
        if (droppedAlloc > 0) {
            notes.add(new AttributionNote.AllocationSamplesCapped(AttributionAggregator.RAW_CAP_PER_KIND,
                    droppedAlloc));
        }
        if (samples.dropped() > 0) {
            notes.add(new AttributionNote.ExecutionSamplesCapped(s.maxIntervalsPerKind(), samples.dropped()));
        }
        return new AttributionResult(s.hasBudget() ? s.frameBudgetNanos() : 0, s.streakFrames(), framesSeen, worst,
                streakResults, total, samples.normalTotal(), s.hasBudget() ? lag.result() : null, notes);
    }

    /** Heaviest first; ties: lower tick first. */
    private static final Comparator<long[]> WORST_FIRST = (a, b) -> {
        int c = Long.compare(b[1], a[1]);
        return c != 0 ? c : Long.compare(a[2], b[2]);
    };
}
