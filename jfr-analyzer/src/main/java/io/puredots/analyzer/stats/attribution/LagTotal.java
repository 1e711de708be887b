package io.puredots.analyzer.stats.attribution;

import io.puredots.analyzer.model.attribution.LagShare;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The running total of lag share: absorbs {@link ChunkLag} partials in chunk order, adding up
 * each group's and system's time in over-budget frames and in all frames, and joins the values
 * whose frame is in another chunk by tick. Values whose tick has no frame in the selection count
 * in the totals only.
 *
 * <p>Memory: one pair of sums per series, the ticks of the over-budget frames, and the values
 * still waiting for a frame of a later chunk (ticks do not go back across chunks, so a value
 * waits only while no chunk has passed its tick).
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
    /** Ticks of every over-budget frame so far: a value whose frame is in another chunk is looked up here. */
    private final LongOpenHashSet overTicks = new LongOpenHashSet();
    /** Values whose frame has not been seen yet (it may be in a later chunk). */
    private final List<Sums> pendingSeries = new ArrayList<>();
    private final LongArrayList pendingTick = new LongArrayList();
    private final LongArrayList pendingValue = new LongArrayList();

    void add(ChunkLag p) {
        overFrames += p.overFrames;
        for (long t : p.overTicks) {
            overTicks.add(t);
        }
        Sums[] sums = new Sums[p.names.size()];
        for (int i = 0; i < sums.length; i++) {
            boolean system = p.systems.get(i);
            String name = p.names.get(i);
            String group = p.groups.get(i);
            sums[i] = series.computeIfAbsent((system ? "s|" : "g|") + name, k -> new Sums(name, group, system));
            sums[i].over += p.overNanos[i];
            sums[i].total += p.totalNanos[i];
        }
        boolean frames = p.frames > 0;
        long lastTick = p.lastFrameTick;
        // values of earlier chunks still waiting for their frame, then this chunk's values without one here
        List<Sums> waiting = new ArrayList<>(pendingSeries);
        LongArrayList ticks = new LongArrayList(pendingTick);
        LongArrayList values = new LongArrayList(pendingValue);
        for (int i = 0; i < p.oTick.length; i++) {
            waiting.add(sums[p.oSeries[i]]);
            ticks.add(p.oTick[i]);
            values.add(p.oValue[i]);
        }
        pendingSeries.clear();
        pendingTick.clear();
        pendingValue.clear();
        for (int i = 0; i < ticks.size(); i++) {
            long tick = ticks.getLong(i);
            if (overTicks.contains(tick)) {
                waiting.get(i).over += values.getLong(i);
            } else if (!frames || tick > lastTick) {
                // ticks do not go back across chunks: only a later chunk can still hold this frame
                pendingSeries.add(waiting.get(i));
                pendingTick.add(tick);
                pendingValue.add(values.getLong(i));
            }
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
