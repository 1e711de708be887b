package io.puredots.analyzer.stats.attribution;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One chunk's group and system times joined by tick to its over-budget frames, the per-chunk
 * partial of lag share. A series' time comes in as its per-tick sums at chunk end
 * ({@link #series}: ticks ascending, joined to the chunk's frames in one merge), or value by
 * value ({@link #value}, summed per series and tick here until {@link #finish}). Sums whose tick
 * has no frame in this chunk become {@link #oTick orphans}: the frame of the tick running when
 * the chunk rotated is in the neighbouring chunk. {@link LagTotal} merges the partials.
 *
 * <p>Memory: per series two sums; per frame its tick and whether it is over budget (from the
 * frames the attribution keeps anyway); per (series, tick) of {@link #value} one sum.
 *
 * <p>Not thread-safe: one instance per chunk.
 */
final class ChunkLag {
    /** The series of this chunk: groups and systems, in the order they came in. */
    final List<String> names = new ArrayList<>();
    final List<String> groups = new ArrayList<>();
    final List<Boolean> systems = new ArrayList<>();

    private final long budgetNanos;
    /** Per series: time in this chunk's over-budget frames, and in all. */
    long[] overNanos = new long[8];
    long[] totalNanos = new long[8];
    /** The chunk's frames by ascending distinct tick (a tick is over if any of its frames is), once {@link #joinable}. */
    private long[] joinTick;
    private boolean[] joinOver;
    private int joinCount;
    /**
     * Per-tick sums of the groups and of the systems that came in value by value, by name
     * (canonical: by identity); apart, since a group and a system may share a name.
     */
    private final Map<String, Pending> pendingGroups = new IdentityHashMap<>();
    private final Map<String, Pending> pendingSystems = new IdentityHashMap<>();
    private final IntArrayList orphanSeries = new IntArrayList();
    private final LongArrayList orphanTick = new LongArrayList();
    private final LongArrayList orphanValue = new LongArrayList();
    long overFrames;
    /** Frames in this chunk, and the highest frame tick ({@code Long.MIN_VALUE} without frames). */
    long frames;
    long lastFrameTick = Long.MIN_VALUE;

    // after finish
    /** Ticks of this chunk's over-budget frames. */
    long[] overTicks = new long[0];
    int[] oSeries = new int[0];
    long[] oTick = new long[0];
    long[] oValue = new long[0];

    private record Pending(String group, Long2LongOpenHashMap sums) {
    }

    /** @param budgetNanos the frame budget; {@code <= 0}: none, no frame is over */
    ChunkLag(long budgetNanos) {
        this.budgetNanos = budgetNanos;
    }

    /** One value of a group ({@code system} false, {@code group} "") or a system, summed per tick until {@link #finish}. */
    void value(String name, String group, boolean system, long tick, long nanos) {
        Map<String, Pending> pending = system ? pendingSystems : pendingGroups;
        Pending p = pending.get(name);
        if (p == null) {
            p = new Pending(group, new Long2LongOpenHashMap());
            pending.put(name, p);
        }
        p.sums.addTo(tick, nanos);
    }

    /**
     * A group's or system's time in this chunk as per-tick sums, {@code ticks} ascending and
     * distinct: each joined to this chunk's frame of its tick, or kept as an orphan. Once per
     * series and chunk, after {@link #joinable}.
     */
    void series(String name, String group, boolean system, long[] ticks, long[] sums, int n) {
        int s = newSeries(name, group, system);
        long[] ft = joinTick;
        boolean[] fo = joinOver;
        int nf = joinCount;
        long total = 0;
        long over = 0;
        int j = 0;
        for (int i = 0; i < n; i++) {
            long t = ticks[i];
            long v = sums[i];
            total += v;
            while (j < nf && ft[j] < t) {
                j++;
            }
            if (j < nf && ft[j] == t) {
                if (fo[j]) {
                    over += v;
                }
            } else {
                orphanSeries.add(s);
                orphanTick.add(t);
                orphanValue.add(v);
            }
        }
        totalNanos[s] += total;
        overNanos[s] += over;
    }

    private int newSeries(String name, String group, boolean system) {
        names.add(name);
        groups.add(group);
        systems.add(system);
        if (names.size() > overNanos.length) {
            overNanos = Arrays.copyOf(overNanos, overNanos.length * 2);
            totalNanos = Arrays.copyOf(totalNanos, totalNanos.length * 2);
        }
        return names.size() - 1;
    }

    /**
     * Takes the chunk's frames (ticks and durations, and {@code order}: their indexes in tick
     * order) for the joins, one entry per tick. Before the first {@link #series}; idempotent.
     */
    void joinable(long[] tick, long[] durationNanos, int[] order) {
        if (joinTick != null) {
            return;
        }
        int n = order.length;
        joinTick = new long[n];
        joinOver = new boolean[n];
        int distinct = 0;
        for (int k : order) {
            long t = tick[k];
            boolean isOver = budgetNanos > 0 && durationNanos[k] > budgetNanos;
            overFrames += isOver ? 1 : 0;
            if (distinct > 0 && joinTick[distinct - 1] == t) {
                joinOver[distinct - 1] |= isOver;
            } else {
                joinTick[distinct] = t;
                joinOver[distinct] = isOver;
                distinct++;
            }
        }
        joinCount = distinct;
        frames = n;
        if (distinct > 0) {
            lastFrameTick = joinTick[distinct - 1];
        }
    }

    /** Joins the series of {@code pending} (groups or systems) as per-tick sums, then forgets them. */
    private void joinPending(Map<String, Pending> pending, boolean system) {
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            Pending p = e.getValue();
            long[] ticks = p.sums.keySet().toLongArray();
            Arrays.sort(ticks);
            long[] sums = new long[ticks.length];
            for (int i = 0; i < ticks.length; i++) {
                sums[i] = p.sums.get(ticks[i]);
            }
            series(e.getKey(), p.group, system, ticks, sums, ticks.length);
        }
        pending.clear();
    }

    /**
     * Joins the series that came in value by value to the chunk's frames (see {@link #joinable}),
     * turns what has no frame into orphans, releases the per-tick state.
     */
    void finish(long[] tick, long[] durationNanos, int[] order) {
        joinable(tick, durationNanos, order);
        joinPending(pendingGroups, false);
        joinPending(pendingSystems, true);
        LongArrayList over = new LongArrayList();
        for (int i = 0; i < joinCount; i++) {
            if (joinOver[i]) {
                over.add(joinTick[i]);
            }
        }
        overTicks = over.toLongArray();
        oSeries = orphanSeries.toIntArray();
        oTick = orphanTick.toLongArray();
        oValue = orphanValue.toLongArray();
        joinTick = null;
        joinOver = null;
    }
}
