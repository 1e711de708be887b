package io.puredots.analyzer.stats.timeline;

import io.puredots.analyzer.model.timeline.FrameBucket;
import io.puredots.analyzer.model.timeline.GroupSeries;
import io.puredots.analyzer.model.timeline.WorkerSeries;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Frames, system groups and job workers in buckets of consecutive ticks, at most {@code capacity}
 * buckets whatever the number of frames ({@link BucketAxis}: buckets of {@code 2^k} ticks, pairs
 * merged when the ticks' range outgrows the capacity). Per bucket: the frames' count, sum,
 * minimum, maximum (and its tick), over-budget count, first and last tick, earliest start and
 * latest end; each group's summed and longest tick time; each worker thread's summed job time.
 * Memory: O(capacity x (groups + workers)), never O(frames).
 *
 * <p>Events may come in any tick order; group and job events join their frame's bucket by tick.
 * {@link #merge} takes a partial over any other ticks (in chunk order, for the first-seen order of
 * groups). Not thread-safe.
 */
final class TickBuckets {
    private final BucketAxis axis;
    /** A frame longer than this is over budget; {@code Long.MAX_VALUE} without a budget. */
    private final long budgetNanos;
    private Frames frames;
    /** Per group, first-seen order: {summed time, longest tick} per slot. */
    private final Map<String, long[][]> groups = new LinkedHashMap<>();
    private final Map<String, long[]> workerBusy = new HashMap<>();
    /** The last worker's column: a thread's events come in runs (one thread buffer after another). */
    private String lastWorker;
    private long[] lastBusy;

    /**
     * @param capacity     most buckets, at least 2
     * @param budgetNanos  frame budget, ns; {@code <= 0} for none
     */
    TickBuckets(int capacity, long budgetNanos) {
        this.axis = new BucketAxis(capacity);
        this.budgetNanos = budgetNanos > 0 ? budgetNanos : Long.MAX_VALUE;
        this.frames = new Frames(capacity);
    }

    /** One frame of tick {@code tick}: its start (epoch ns) and duration (ns). */
    void frame(long tick, long startNanos, long durationNanos) {
        int s = slotOf(tick);
        frames.add(s, tick, startNanos, durationNanos, durationNanos > budgetNanos ? 1 : 0);
    }

    /** One tick of a system group. */
    void group(String group, long tick, long durationNanos) {
        int s = slotOf(tick);
        long[][] g = groups.get(group);
        if (g == null) {
            g = new long[2][axis.capacity()];
            groups.put(group, g);
        }
        g[0][s] += durationNanos;
        g[1][s] = Math.max(g[1][s], durationNanos);
    }

    /** One job run on the thread named {@code thread}, for tick {@code tick}. */
    void job(String thread, long tick, long durationNanos) {
        int s = slotOf(tick);
        long[] busy = thread.equals(lastWorker) ? lastBusy : workerBusy.get(thread);
        if (busy == null) {
            busy = new long[axis.capacity()];
            workerBusy.put(thread, busy);
        }
        busy[s] += durationNanos;
        lastWorker = thread;
        lastBusy = busy;
    }

    private int slotOf(long tick) {
        if (tick >= axis.lo() && tick <= axis.hi()) {
            return axis.slot(tick >> axis.level());
        }
        int k = axis.levelFor(tick, tick);
        if (k != axis.level()) {
            raise(k);
        }
        axis.include(tick, tick);
        return axis.slot(tick >> axis.level());
    }

    /** Moves every slot to level {@code k} (merging the buckets that fall together). */
    private void raise(int k) {
        if (k == axis.level()) {
            return;
        }
        if (!axis.isEmpty()) {
            int[] from = axis.slots();
            int[] to = axis.raisedSlots(k - axis.level());
            Frames f = new Frames(axis.capacity());
            for (int i = 0; i < from.length; i++) {
                f.combine(frames, from[i], to[i]);
            }
            frames = f;
            for (long[][] g : groups.values()) {
                g[0] = fold(g[0], from, to, false);
                g[1] = fold(g[1], from, to, true);
            }
            workerBusy.replaceAll((t, v) -> fold(v, from, to, false));
            lastWorker = null;
            lastBusy = null;
        }
        axis.raise(k);
    }

    /** A column with slot {@code from[i]} moved to {@code to[i]}: sums added, or the largest kept. */
    private static long[] fold(long[] old, int[] from, int[] to, boolean max) {
        long[] out = new long[old.length];
        for (int i = 0; i < from.length; i++) {
            int t = to[i];
            out[t] = max ? Math.max(out[t], old[from[i]]) : out[t] + old[from[i]];
        }
        return out;
    }

    /** Adds {@code next}'s buckets (same capacity and budget); {@code next} is spent. */
    void merge(TickBuckets next) {
        if (next.axis.isEmpty()) {
            return;
        }
        int k = axis.mergeLevel(next.axis);
        raise(k);
        next.raise(k);
        axis.include(next.axis);
        int cap = axis.capacity();
        int[] slots = next.axis.slots(); // both at one level and capacity: a bucket has one slot in both
        for (int s : slots) {
            frames.combine(next.frames, s, s);
        }
        for (Map.Entry<String, long[][]> e : next.groups.entrySet()) {
            long[][] mine = groups.computeIfAbsent(e.getKey(), g -> new long[2][cap]);
            long[][] theirs = e.getValue();
            for (int s : slots) {
                mine[0][s] += theirs[0][s];
                mine[1][s] = Math.max(mine[1][s], theirs[1][s]);
            }
        }
        for (Map.Entry<String, long[]> e : next.workerBusy.entrySet()) {
            long[] busy = workerBusy.computeIfAbsent(e.getKey(), t -> new long[cap]);
            for (int s : slots) {
                busy[s] += e.getValue()[s];
            }
        }
    }

    /** The slots of the buckets that hold a frame, in tick order. */
    private int[] framedSlots() {
        int[] out = new int[axis.capacity()];
        int n = 0;
        for (int s : axis.slots()) {
            if (frames.count[s] > 0) {
                out[n++] = s;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The frame buckets, in tick order; only buckets that hold a frame. */
    List<FrameBucket> frameBuckets(long originNanos) {
        List<FrameBucket> out = new ArrayList<>();
        Frames f = frames;
        for (int s : framedSlots()) {
            out.add(new FrameBucket(f.firstTick[s], f.lastTick[s], f.count[s], f.start[s] - originNanos,
                    f.end[s] - originNanos, f.min[s], f.max[s], (double) f.sum[s] / f.count[s], f.maxTick[s],
                    f.over[s]));
        }
        return out;
    }

    /** Per group, first-seen order: its time per frame and longest tick, per frame bucket. */
    List<GroupSeries> groupSeries() {
        int[] slots = framedSlots();
        List<GroupSeries> out = new ArrayList<>();
        for (Map.Entry<String, long[][]> e : groups.entrySet()) {
            long[][] g = e.getValue();
            List<Double> mean = new ArrayList<>(slots.length);
            List<Long> longest = new ArrayList<>(slots.length);
            for (int s : slots) {
                mean.add((double) g[0][s] / frames.count[s]);
                longest.add(g[1][s]);
            }
            out.add(new GroupSeries(e.getKey(), mean, longest));
        }
        return out;
    }

    /** Per worker thread, by name: its job time over each frame bucket's span. */
    List<WorkerSeries> workerSeries() {
        int[] slots = framedSlots();
        List<WorkerSeries> out = new ArrayList<>();
        for (Map.Entry<String, long[]> e : new TreeMap<>(workerBusy).entrySet()) {
            List<Double> share = new ArrayList<>(slots.length);
            for (int s : slots) {
                long span = frames.end[s] - frames.start[s];
                share.add(span > 0 ? (double) e.getValue()[s] / span : 0.0);
            }
            out.add(new WorkerSeries(e.getKey(), share));
        }
        return out;
    }

    /** The frame columns, one entry per slot; an entry with count 0 is empty. */
    private static final class Frames {
        final long[] count;
        final long[] sum;
        final long[] min;
        final long[] max;
        final long[] maxTick;
        final long[] over;
        final long[] firstTick;
        final long[] lastTick;
        final long[] start;
        final long[] end;

        Frames(int capacity) {
            count = new long[capacity];
            sum = new long[capacity];
            min = new long[capacity];
            max = new long[capacity];
            maxTick = new long[capacity];
            over = new long[capacity];
            firstTick = new long[capacity];
            lastTick = new long[capacity];
            start = new long[capacity];
            end = new long[capacity];
        }

        void add(int s, long tick, long startNanos, long durationNanos, int overBudget) {
            long endNanos = startNanos + durationNanos;
            if (count[s] == 0) {
                set(s, 1, durationNanos, durationNanos, durationNanos, tick, overBudget, tick, tick, startNanos,
                        endNanos);
                return;
            }
            count[s]++;
            sum[s] += durationNanos;
            min[s] = Math.min(min[s], durationNanos);
            if (durationNanos > max[s] || durationNanos == max[s] && tick < maxTick[s]) {
                max[s] = durationNanos;
                maxTick[s] = tick;
            }
            over[s] += overBudget;
            firstTick[s] = Math.min(firstTick[s], tick);
            lastTick[s] = Math.max(lastTick[s], tick);
            start[s] = Math.min(start[s], startNanos);
            end[s] = Math.max(end[s], endNanos);
        }

        /** Adds {@code from}'s slot {@code i} into this slot {@code j}. */
        void combine(Frames from, int i, int j) {
            if (from.count[i] == 0) {
                return;
            }
            if (count[j] == 0) {
                set(j, from.count[i], from.sum[i], from.min[i], from.max[i], from.maxTick[i], from.over[i],
                        from.firstTick[i], from.lastTick[i], from.start[i], from.end[i]);
                return;
            }
            count[j] += from.count[i];
            sum[j] += from.sum[i];
            min[j] = Math.min(min[j], from.min[i]);
            if (from.max[i] > max[j] || from.max[i] == max[j] && from.maxTick[i] < maxTick[j]) {
                max[j] = from.max[i];
                maxTick[j] = from.maxTick[i];
            }
            over[j] += from.over[i];
            firstTick[j] = Math.min(firstTick[j], from.firstTick[i]);
            lastTick[j] = Math.max(lastTick[j], from.lastTick[i]);
            start[j] = Math.min(start[j], from.start[i]);
            end[j] = Math.max(end[j], from.end[i]);
        }

        private void set(int s, long n, long total, long lowest, long highest, long highestTick, long overBudget,
                         long first, long last, long startNanos, long endNanos) {
            count[s] = n;
            sum[s] = total;
            min[s] = lowest;
            max[s] = highest;
            maxTick[s] = highestTick;
            over[s] = overBudget;
            firstTick[s] = first;
            lastTick[s] = last;
            start[s] = startNanos;
            end[s] = endNanos;
        }
    }
}
