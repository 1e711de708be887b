package io.puredots.analyzer.stats.attribution;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One chunk's group and system times joined by tick to its over-budget frames, the per-chunk
 * partial of lag share. A value whose frame was read already is joined at once; the others are
 * summed per open tick (the game commits a tick's group and system events before its frame
 * event) until the frame arrives. At {@link #finish}, the values still without a frame in this
 * chunk become {@link #oTick orphans}: the frame of the tick running when the chunk rotated is in
 * the neighbouring chunk. {@link LagTotal} merges the partials.
 *
 * <p>Memory: per series two sums; per open tick one array of per-series sums (recycled); the
 * chunk's frame ticks.
 *
 * <p>Not thread-safe: one instance per chunk.
 */
final class ChunkLag {
    /** The series of this chunk: groups and systems (names are canonical per run, so by identity). */
    final List<String> names = new ArrayList<>();
    final List<String> groups = new ArrayList<>();
    final List<Boolean> systems = new ArrayList<>();
    private final Map<String, Integer> groupIds = new IdentityHashMap<>();
    private final Map<String, Integer> systemIds = new IdentityHashMap<>();

    private final long budgetNanos;
    /** Per series: time in this chunk's over-budget frames, and in all. */
    long[] overNanos = new long[8];
    long[] totalNanos = new long[8];
    private LongOpenHashSet frameTicks = new LongOpenHashSet();
    private LongOpenHashSet over = new LongOpenHashSet();
    private Long2ObjectOpenHashMap<long[]> open = new Long2ObjectOpenHashMap<>();
    private final ArrayDeque<long[]> free = new ArrayDeque<>();
    /**
     * The tick of the last value and what is known of it, so that a tick's run of values (the game
     * commits them together) looks its tick up once: {@link #OPEN} (its sums, or {@code null}
     * before the first), {@link #JOINED} or {@link #JOINED_OVER} (its frame was read).
     */
    private long cachedTick = Long.MIN_VALUE;
    private int cachedState;
    private long[] cachedSums;
    private static final int OPEN = 0;
    private static final int JOINED = 1;
    private static final int JOINED_OVER = 2;
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

    /** @param budgetNanos the frame budget; {@code <= 0}: none, no frame is over */
    ChunkLag(long budgetNanos) {
        this.budgetNanos = budgetNanos;
    }

    void frame(long tick, long durationNanos) {
        if (tick == cachedTick) {
            cachedTick = Long.MIN_VALUE;
            cachedSums = null;
        }
        boolean isOver = budgetNanos > 0 && durationNanos > budgetNanos;
        frameTicks.add(tick);
        frames++;
        lastFrameTick = Math.max(lastFrameTick, tick);
        if (isOver) {
            over.add(tick);
            overFrames++;
        }
        long[] sums = open.remove(tick);
        if (sums != null) {
            if (isOver) {
                for (int s = 0; s < sums.length; s++) {
                    overNanos[s] += sums[s];
                }
            }
            Arrays.fill(sums, 0);
            free.push(sums);
        }
    }

    void group(String group, long tick, long nanos) {
        Integer id = groupIds.get(group);
        if (id == null) {
            id = newSeries(group, "", false);
            groupIds.put(group, id);
        }
        add(id, tick, nanos);
    }

    void system(String system, String group, long tick, long nanos) {
        Integer id = systemIds.get(system);
        if (id == null) {
            id = newSeries(system, group, true);
            systemIds.put(system, id);
        }
        add(id, tick, nanos);
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

    private void add(int series, long tick, long nanos) {
        totalNanos[series] += nanos;
        if (tick != cachedTick) {
            cachedTick = tick;
            if (frameTicks.contains(tick)) {
                cachedState = over.contains(tick) ? JOINED_OVER : JOINED;
                cachedSums = null;
            } else {
                cachedState = OPEN;
                cachedSums = open.get(tick);
            }
        }
        if (cachedState != OPEN) {
            if (cachedState == JOINED_OVER) {
                overNanos[series] += nanos;
            }
            return;
        }
        long[] sums = cachedSums;
        if (sums == null) {
            sums = free.isEmpty() ? new long[overNanos.length] : free.pop();
            open.put(tick, sums);
        }
        if (series >= sums.length) {
            sums = Arrays.copyOf(sums, overNanos.length);
            open.put(tick, sums);
        }
        cachedSums = sums;
        sums[series] += nanos;
    }

    /** Turns the values still waiting for a frame into orphans; releases the per-tick state. */
    void finish() {
        overTicks = over.toLongArray();
        Arrays.sort(overTicks);
        IntArrayList series = new IntArrayList();
        LongArrayList ticks = new LongArrayList();
        LongArrayList values = new LongArrayList();
        for (Long2ObjectOpenHashMap.Entry<long[]> e : open.long2ObjectEntrySet()) {
            long[] sums = e.getValue();
            for (int s = 0; s < sums.length; s++) {
                if (sums[s] != 0) {
                    series.add(s);
                    ticks.add(e.getLongKey());
                    values.add(sums[s]);
                }
            }
        }
        oSeries = series.toIntArray();
        oTick = ticks.toLongArray();
        oValue = values.toLongArray();
        frameTicks = null;
        over = null;
        open = null;
        cachedSums = null;
        free.clear();
    }
}
