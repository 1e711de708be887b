package io.puredots.analyzer.stats;

import io.puredots.analyzer.model.Registry;
import io.puredots.analyzer.model.Series;
import io.puredots.budgets.Budgets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named series of one partial of {@link ChunkStats}: a {@link SeriesStats} per system group
 * and per system, a {@link RegistryStats} per registry, in first-seen order. A series is made on
 * its first event (and told to {@link KnownSeries}, so that later chunks make it at their start:
 * every partial then has every series a run's first chunks met, and its buffers come from the
 * recycler early), or at chunk start from what earlier chunks met. {@link #merge} joins a later
 * chunk's series by name.
 *
 * <p>Not thread-safe: one chunk's events from one thread.
 */
final class NamedSeries {
    private final Budgets budgets;
    private final Recycler recycler;
    private final KnownSeries known;
    private final Map<String, SeriesStats> groups = new LinkedHashMap<>();
    private final Map<String, SeriesStats> systems = new LinkedHashMap<>();
    private final Map<String, RegistryStats> registries = new LinkedHashMap<>();

    /** @param known what earlier chunks of the run met, or {@code null} (a run's total) */
    NamedSeries(Budgets budgets, Recycler recycler, KnownSeries known) {
        this.budgets = budgets;
        this.recycler = recycler;
        this.known = known;
    }

    /** Makes, at chunk start, a group, system or registry an earlier chunk met; other kinds are not this class's. */
    void makeKnown(KnownSeries.Entry e) {
        switch (e.kind()) {
            case KnownSeries.GROUP -> groups.computeIfAbsent(e.name(),
                    n -> new SeriesStats(n, "", budgets.groupNanos().get(n), recycler));
            case KnownSeries.SYSTEM -> systems.computeIfAbsent(e.name(),
                    n -> new SeriesStats(n, e.group(), budgets.systemNanos().get(n), recycler));
            case KnownSeries.REGISTRY -> registries.computeIfAbsent(e.name(), n -> new RegistryStats(n, recycler));
            default -> throw new IllegalArgumentException("not a named series: " + e);
        }
    }

    /** The group's series, made on its first event in chunk {@code chunkIndex}. */
    SeriesStats group(String group, int chunkIndex) {
        SeriesStats g = groups.get(group);
        if (g == null) {
            g = new SeriesStats(group, "", budgets.groupNanos().get(group), recycler);
            groups.put(group, g);
            if (known != null) {
                known.add(chunkIndex, KnownSeries.GROUP, group, "", 0);
            }
        }
        return g;
    }

    /** The system's series, made on its first event in chunk {@code chunkIndex}. */
    SeriesStats system(String system, String group, int chunkIndex) {
        SeriesStats s = systems.get(system);
        if (s == null) {
            s = new SeriesStats(system, group, budgets.systemNanos().get(system), recycler);
            systems.put(system, s);
            if (known != null) {
                known.add(chunkIndex, KnownSeries.SYSTEM, system, group, 0);
            }
        }
        return s;
    }

    /** The registry's statistics, made on its first update in chunk {@code chunkIndex}. */
    RegistryStats registry(String registry, int chunkIndex) {
        RegistryStats r = registries.get(registry);
        if (r == null) {
            r = new RegistryStats(registry, recycler);
            registries.put(registry, r);
            if (known != null) {
                known.add(chunkIndex, KnownSeries.REGISTRY, registry, "", 0);
            }
        }
        return r;
    }

    /** Receives a group's ({@code system} false) or system's per-tick sums of a chunk, ticks ascending and distinct. */
    interface TickSums {
        void accept(String name, String group, boolean system, long[] ticks, long[] sums, int n);
    }

    /**
     * Puts the groups' and systems' buffered values in tick order, handing each series' per-tick
     * sums to {@code to} the first time (a series without values in the chunk hands none); idempotent.
     */
    void seal(TickSums to) {
        groups.values().forEach(g -> g.seal(to, false));
        systems.values().forEach(s -> s.seal(to, true));
    }

    /** Merges the series of the chunk that follows every chunk merged so far; {@code next} is spent. */
    void merge(NamedSeries next) {
        mergeSeries(groups, next.groups);
        mergeSeries(systems, next.systems);
        for (RegistryStats r : next.registries.values()) {
            if (r.isEmpty()) {
                continue; // made at chunk start, never updated
            }
            RegistryStats mine = registries.get(r.name());
            if (mine == null) {
                registries.put(r.name(), r);
            } else {
                mine.merge(r);
            }
        }
    }

    private static void mergeSeries(Map<String, SeriesStats> into, Map<String, SeriesStats> from) {
        for (SeriesStats s : from.values()) {
            if (s.isEmpty()) {
                continue; // made at chunk start, never called
            }
            SeriesStats mine = into.get(s.name());
            if (mine == null) {
                into.put(s.name(), s);
            } else {
                mine.merge(s);
            }
        }
    }

    /** The groups, in first-seen order; shares of {@code frameNanos}, the run's total frame time. */
    List<Series> groups(long frameNanos) {
        List<Series> out = new ArrayList<>();
        groups.values().forEach(s -> out.add(s.toModel(frameNanos)));
        return out;
    }

    /** The systems, in first-seen order; shares of {@code frameNanos}, the run's total frame time. */
    List<Series> systems(long frameNanos) {
        List<Series> out = new ArrayList<>();
        systems.values().forEach(s -> out.add(s.toModel(frameNanos)));
        return out;
    }

    /** The registries, in first-seen order; per-frame figures over {@code frames}. */
    List<Registry> registries(long frames) {
        List<Registry> out = new ArrayList<>();
        registries.values().forEach(r -> out.add(r.toModel(frames)));
        return out;
    }
}
