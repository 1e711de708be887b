package io.puredots.analyzer.stats.attribution;

import io.puredots.analyzer.model.attribution.LagShare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The running total of lag share: absorbs {@link ChunkLag} partials in chunk order, adding up
 * each group's and system's time in over-budget frames and in all frames, and joins the values
 * whose frame is in the neighbouring chunk (the previous one's or the next one's) by tick.
 * Values whose tick has no frame in the selection count in the totals only.
 *
 * <p>Bounded: one pair of sums per series, plus the orphans and frame ticks of the last chunk.
 *
 * <p>Not thread-safe: call {@code add} from one thread at a time, in chunk order.
 */
final class LagTotal {
    private static final class Sums {
        final String name;
        final String group;
        final boolean system;
        long over;
        long total;

        Sums(String name, String group, boolean system) {
            this.name = name;
            this.group = group;
            this.system = system;
        }
    }

    private final Map<String, Sums> series = new LinkedHashMap<>();
    private long overFrames;
    private Sums[] pendingSeries = new Sums[0];
    private long[] pendingTick = new long[0];
    private long[] pendingValue = new long[0];
    private long[] previousTicks = new long[0];
    private boolean[] previousOver = new boolean[0];

    void add(ChunkLag p) {
        overFrames += p.overFrames;
        Sums[] sums = new Sums[p.names.size()];
        for (int i = 0; i < sums.length; i++) {
            boolean system = p.systems.get(i);
            String name = p.names.get(i);
            String group = p.groups.get(i);
            sums[i] = series.computeIfAbsent((system ? "s|" : "g|") + name, k -> new Sums(name, group, system));
            sums[i].over += p.overNanos[i];
            sums[i].total += p.totalNanos[i];
        }
        // the last chunk's values whose frame may be in this one
        for (int i = 0; i < pendingTick.length; i++) {
            int f = Arrays.binarySearch(p.frameTicks, pendingTick[i]);
            if (f >= 0 && p.frameOver[f]) {
                pendingSeries[i].over += pendingValue[i];
            }
        }
        // this chunk's values whose frame is in the last chunk, else maybe in the next one
        List<Integer> next = new ArrayList<>();
        for (int i = 0; i < p.oTick.length; i++) {
            int f = Arrays.binarySearch(previousTicks, p.oTick[i]);
            if (f >= 0) {
                if (previousOver[f]) {
                    sums[p.oSeries[i]].over += p.oValue[i];
                }
            } else {
                next.add(i);
            }
        }
        pendingSeries = new Sums[next.size()];
        pendingTick = new long[next.size()];
        pendingValue = new long[next.size()];
        for (int k = 0; k < next.size(); k++) {
            int i = next.get(k);
            pendingSeries[k] = sums[p.oSeries[i]];
            pendingTick[k] = p.oTick[i];
            pendingValue[k] = p.oValue[i];
        }
        if (p.frameTicks.length > 0) {
            previousTicks = p.frameTicks;
            previousOver = p.frameOver;
        }
    }

    /** The lag share of everything added so far. */
    LagShare result() {
        long groupOver = 0;
        long groupTotal = 0;
        long systemOver = 0;
        long systemTotal = 0;
        for (Sums s : series.values()) {
            if (s.system) {
                systemOver += s.over;
                systemTotal += s.total;
            } else {
                groupOver += s.over;
                groupTotal += s.total;
            }
        }
        List<LagShare.Entry> groups = new ArrayList<>();
        List<LagShare.Entry> systems = new ArrayList<>();
        for (Sums s : series.values()) {
            long over = s.system ? systemOver : groupOver;
            long total = s.system ? systemTotal : groupTotal;
            (s.system ? systems : groups).add(new LagShare.Entry(s.name, s.group, s.over,
                    over == 0 ? 0 : (double) s.over / over, s.total, total == 0 ? 0 : (double) s.total / total));
        }
        Comparator<LagShare.Entry> order = Comparator.comparingDouble(LagShare.Entry::lagShare).reversed()
                .thenComparing(Comparator.comparingDouble(LagShare.Entry::share).reversed())
                .thenComparing(LagShare.Entry::name);
        groups.sort(order);
        systems.sort(order);
        return new LagShare(overFrames, groupOver, systemOver, groups, systems);
    }
}
