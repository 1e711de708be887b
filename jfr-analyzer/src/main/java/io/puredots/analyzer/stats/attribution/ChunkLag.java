package io.puredots.analyzer.stats.attribution;

import io.puredots.analyzer.stats.IndexSort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One chunk's group and system times joined by tick to its over-budget frames, the per-chunk
 * partial of lag share. While the chunk is read: every (series, tick, time), since whether a
 * tick's frame is over the budget is known only once its frame event is read. At {@link #finish}:
 * per series its time in the chunk's over-budget frames and its time in all; the values whose
 * tick has no frame in this chunk are kept apart ({@link #orphans}): the frame of the tick
 * running when the chunk rotated is in the neighbouring chunk. {@link LagTotal} merges them.
 *
 * <p>Memory while reading: about 20 bytes per group or system event of the chunk; after
 * {@code finish}, per series two sums, plus the orphans and the chunk's frame ticks.
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

    private int[] rSeries = new int[64];
    private long[] rTick = new long[64];
    private long[] rValue = new long[64];
    private int rSize;

    // after finish
    long[] overNanos = new long[0];
    long[] totalNanos = new long[0];
    int[] oSeries = new int[0];
    long[] oTick = new long[0];
    long[] oValue = new long[0];
    long overFrames;
    /** The chunk's frame ticks, ascending, and whether each frame is over the budget. */
    long[] frameTicks = new long[0];
    boolean[] frameOver = new boolean[0];

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
        return names.size() - 1;
    }

    private void add(int series, long tick, long nanos) {
        if (rSize == rTick.length) {
            int n = rSize * 2;
            rSeries = Arrays.copyOf(rSeries, n);
            rTick = Arrays.copyOf(rTick, n);
            rValue = Arrays.copyOf(rValue, n);
        }
        rSeries[rSize] = series;
        rTick[rSize] = tick;
        rValue[rSize] = nanos;
        rSize++;
    }

    /**
     * Joins the chunk's values to its frames. A frame is over when longer than
     * {@code budgetNanos} ({@code <= 0}: no budget, no frame is over).
     */
    void finish(long[] fTick, long[] fDuration, int fSize, long budgetNanos) {
        int[] order = IndexSort.ascending(fTick, fSize);
        frameTicks = new long[fSize];
        frameOver = new boolean[fSize];
        for (int i = 0; i < fSize; i++) {
            frameTicks[i] = fTick[order[i]];
            frameOver[i] = budgetNanos > 0 && fDuration[order[i]] > budgetNanos;
            overFrames += frameOver[i] ? 1 : 0;
        }
        overNanos = new long[names.size()];
        totalNanos = new long[names.size()];
        int orphans = 0;
        int[] frameOf = new int[rSize];
        for (int i = 0; i < rSize; i++) {
            int f = Arrays.binarySearch(frameTicks, rTick[i]);
            frameOf[i] = f;
            totalNanos[rSeries[i]] += rValue[i];
            if (f >= 0) {
                if (frameOver[f]) {
                    overNanos[rSeries[i]] += rValue[i];
                }
            } else {
                orphans++;
            }
        }
        oSeries = new int[orphans];
        oTick = new long[orphans];
        oValue = new long[orphans];
        for (int i = 0, k = 0; i < rSize; i++) {
            if (frameOf[i] < 0) {
                oSeries[k] = rSeries[i];
                oTick[k] = rTick[i];
                oValue[k] = rValue[i];
                k++;
            }
        }
        rSeries = null;
        rTick = null;
        rValue = null;
    }
}
