package io.puredots.analyzer.output.html;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.puredots.analyzer.model.BudgetCheck;
import io.puredots.analyzer.model.BudgetResult;
import io.puredots.analyzer.model.Distribution;
import io.puredots.analyzer.model.Series;
import io.puredots.analyzer.model.attribution.StreakAttribution;
import io.puredots.analyzer.model.timeline.FrameBucket;
import io.puredots.analyzer.model.timeline.FrameJobs;
import io.puredots.analyzer.model.timeline.GroupSeries;
import io.puredots.analyzer.model.timeline.MemorySeries;
import io.puredots.analyzer.model.timeline.Timeline;
import io.puredots.analyzer.model.timeline.WorkerSeries;
import io.puredots.analyzer.text.Units;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The chart specs of a report page (see {@code charts.js} for their keys), from a {@link Timeline}
 * and the report's values: unit conversion (ns to ms, bytes to MB) and layout only; no statistic.
 * Charts over frame buckets share the x axis "tick" (a bucket's first tick) and the sync key
 * {@value #FRAMES_SYNC}. Stateless; thread-safe.
 */
public final class ReportCharts {
    /** Sync key of the charts whose x axis is the tick. */
    public static final String FRAMES_SYNC = "frames";
    private static final double NS_PER_MS = 1e6;
    private static final double BYTES_PER_MB = 1024.0 * 1024.0;
    private static final String TICK = "tick";

    private ReportCharts() {
    }

    /**
     * Frame time per bucket: the min..max band (so a spike stays visible), the mean, the budget
     * line, buckets with over-budget frames as dots and the listed streaks as a thick mark.
     *
     * @param budgetNanos the frame budget, or {@code null}
     * @param streaks     the streaks to mark (ticks)
     */
    public static ObjectNode frameTime(Timeline t, Long budgetNanos, List<StreakAttribution> streaks) {
        ObjectNode spec = lineSpec(ticks(t), "ms");
        ArrayNode series = spec.putArray("series");
        ArrayNode max = JsonScript.array();
        ArrayNode min = JsonScript.array();
        ArrayNode mean = JsonScript.array();
        ArrayNode over = JsonScript.array();
        ArrayNode streak = JsonScript.array();
        ArrayNode budget = JsonScript.array();
        for (FrameBucket b : t.frames()) {
            max.add(ms(b.maxNanos()));
            min.add(ms(b.minNanos()));
            mean.add(ms(b.meanNanos()));
            if (b.overBudget() > 0) {
                over.add(ms(b.maxNanos()));
            } else {
                over.addNull();
            }
            if (budgetNanos != null && overlaps(b, streaks)) {
                streak.add(ms(budgetNanos));
            } else {
                streak.addNull();
            }
            if (budgetNanos != null) {
                budget.add(ms(budgetNanos));
            }
        }
        series.add(line("max", max, "#d62728", 1).put("fill", "#d6272833"));
        series.add(line("min", min, "#2ca02c", 1));
        series.add(line("mean", mean, "#1f77b4", 2));
        spec.putArray("bands").add(JsonScript.array().add(0).add(1));
        if (budgetNanos != null) {
            series.add(line("budget", budget, "#000000", 1).set("dash", JsonScript.array().add(6).add(4)));
            series.add(line("over-budget streak", streak, "#ff7f0e", 6).put("marker", true));
            series.add(line("frames over budget", over, "#d62728", 0).put("points", true));
        }
        spec.put("yMin", 0);
        return spec;
    }

    /** Each group's mean time per frame in each bucket, stacked in the groups' order. */
    public static ObjectNode groupSplit(Timeline t) {
        ObjectNode spec = lineSpec(ticks(t), "ms per frame");
        spec.put("stacked", true);
        spec.put("yMin", 0);
        ArrayNode series = spec.putArray("series");
        for (GroupSeries g : t.groups()) {
            ArrayNode v = JsonScript.array();
            g.meanNanos().forEach(x -> v.add(x == null ? null : ms(x)));
            series.add(line(g.group(), v, null, 1));
        }
        return spec;
    }

    /** Each worker's busy share per bucket, in percent. */
    public static ObjectNode workerUtilization(Timeline t) {
        ObjectNode spec = lineSpec(ticks(t), "busy %");
        spec.put("yMin", 0);
        ArrayNode series = spec.putArray("series");
        for (WorkerSeries w : t.workers()) {
            ArrayNode v = JsonScript.array();
            w.utilization().forEach(x -> v.add(x == null ? null : JsonScript.round(x * 100, 2)));
            series.add(line(w.thread(), v, null, 1.5));
        }
        return spec;
    }

    /** Each group's per-frame time at p50..max, with its budget as a dashed line of its colour. */
    public static ObjectNode groupDistribution(List<Series> groups) {
        String[] labels = {"p50", "p90", "p95", "p99", "p99.9", "max"};
        ObjectNode spec = JsonScript.object();
        ArrayNode x = spec.putArray("x");
        ArrayNode names = spec.putArray("xLabels");
        for (int i = 0; i < labels.length; i++) {
            x.add(i);
            names.add(labels[i]);
        }
        spec.put("xLabel", "percentile of the group's time per frame");
        spec.put("yLabel", "ms per frame");
        spec.put("yMin", 0);
        ArrayNode series = spec.putArray("series");
        String[] palette = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
            "#bcbd22", "#17becf"};
        int i = 0;
        for (Series g : groups) {
            String color = palette[i++ % palette.length];
            Distribution d = g.perFrameNanos();
            ArrayNode v = JsonScript.array();
            for (long p : new long[] {d.p50(), d.p90(), d.p95(), d.p99(), d.p999(), d.max()}) {
                v.add(ms(p));
            }
            series.add(line(g.name(), v, color, 2).put("points", true));
            if (g.budgetNanos() != null) {
                ArrayNode b = JsonScript.array();
                for (int k = 0; k < labels.length; k++) {
                    b.add(ms(g.budgetNanos()));
                }
                series.add(line(g.name() + " budget", b, color, 1).set("dash", JsonScript.array().add(4).add(4)));
            }
        }
        return spec;
    }

    /**
     * The Gantt chart of the slow frames' jobs: one lane per worker thread; the frames (those
     * with job runs) are picked by tick ({@link #frameKey}).
     */
    public static ObjectNode jobs(Timeline t) {
        TreeSet<String> threads = new TreeSet<>();
        t.slowFrameJobs().forEach(f -> f.jobs().forEach(j -> threads.add(j.thread())));
        List<String> lanes = new ArrayList<>(threads);
        ObjectNode spec = JsonScript.object();
        spec.put("kind", "gantt");
        spec.put("xLabel", "ms from the frame's start");
        ArrayNode laneNames = spec.putArray("lanes");
        lanes.forEach(laneNames::add);
        ArrayNode frames = spec.putArray("frames");
        for (FrameJobs f : t.slowFrameJobs()) {
            if (f.jobs().isEmpty()) {
                continue;
            }
            ObjectNode o = frames.addObject();
            o.put("key", frameKey(f.tick()));
            o.put("label", "tick " + f.tick() + " (" + Units.ms(f.durationNanos()) + " ms, " + f.jobs().size() + " job runs"
                    + (f.jobsDropped() > 0 ? ", " + f.jobsDropped() + " more not kept" : "") + ")");
            Map<String, Integer> nameIndex = new LinkedHashMap<>();
            ArrayNode slices = JsonScript.array();
            for (FrameJobs.JobSlice j : f.jobs()) {
                int n = nameIndex.computeIfAbsent(j.job(), k -> nameIndex.size());
                slices.add(JsonScript.array().add(lanes.indexOf(j.thread())).add(ms(j.startOffsetNanos()))
                        .add(ms(j.durationNanos())).add(n));
            }
            ArrayNode names = o.putArray("names");
            nameIndex.keySet().forEach(names::add);
            o.set("slices", slices);
        }
        return spec;
    }

    /** The Gantt chart's key of a frame. */
    public static String frameKey(long tick) {
        return Long.toString(tick);
    }

    /**
     * One memory quantity over time (s from the recording's start): its min..max band per time
     * bucket, and the budget line when one applies ({@code memory.heap} to {@code heap.after-gc},
     * what it judges; {@code memory.native} to {@code native.reserved}).
     */
    public static ObjectNode memory(MemorySeries m, BudgetResult budgets) {
        boolean bytes = "bytes".equals(m.unit());
        ObjectNode spec = JsonScript.object();
        ArrayNode x = spec.putArray("x");
        ArrayNode max = JsonScript.array();
        ArrayNode min = JsonScript.array();
        for (MemorySeries.Point p : m.points()) {
            x.add(JsonScript.round(p.offsetNanos() / 1e9, 3));
            max.add(bytes ? mb(p.max()) : p.max());
            min.add(bytes ? mb(p.min()) : p.min());
        }
        spec.put("xLabel", "s from the recording's start");
        spec.put("yLabel", bytes ? "MB" : m.unit());
        spec.put("yMin", 0);
        ArrayNode series = spec.putArray("series");
        series.add(line("max", max, "#1f77b4", 1.5).put("fill", "#1f77b433"));
        series.add(line("min", min, "#1f77b4", 1));
        spec.putArray("bands").add(JsonScript.array().add(0).add(1));
        Double limit = budgetFor(m.id(), budgets);
        if (limit != null && bytes) {
            ArrayNode b = JsonScript.array();
            m.points().forEach(p -> b.add(mb(limit)));
            series.add(line("budget", b, "#d62728", 1).set("dash", JsonScript.array().add(6).add(4)));
        }
        return spec;
    }

    private static Double budgetFor(String seriesId, BudgetResult budgets) {
        if (budgets == null) {
            return null;
        }
        String id = switch (seriesId) {
            case "heap.after-gc" -> "memory.heap";
            case "native.reserved" -> "memory.native";
            default -> null;
        };
        if (id == null) {
            return null;
        }
        for (BudgetCheck c : budgets.checks()) {
            if (c.id().equals(id) && "B".equals(c.unit())) {
                return c.limit();
            }
        }
        return null;
    }

    /**
     * The x range (ticks) that shows frames {@code first..last} with some buckets either side,
     * for a row linked to the frame-time chart.
     */
    public static double[] focusRange(Timeline t, long first, long last) {
        long ticks = t.frames().isEmpty() ? 0
                : t.frames().get(t.frames().size() - 1).lastTick() - t.frames().get(0).firstTick() + 1;
        long perBucket = t.frames().isEmpty() ? 1 : Math.max(1, ticks / t.frames().size());
        long margin = Math.max(10, 5 * perBucket);
        return new double[] {first - margin, last + margin};
    }

    private static boolean overlaps(FrameBucket b, List<StreakAttribution> streaks) {
        for (StreakAttribution s : streaks) {
            if (s.firstTick() <= b.lastTick() && s.lastTick() >= b.firstTick()) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode lineSpec(ArrayNode x, String yLabel) {
        ObjectNode spec = JsonScript.object();
        spec.set("x", x);
        spec.put("xLabel", TICK);
        spec.put("yLabel", yLabel);
        spec.put("sync", FRAMES_SYNC);
        return spec;
    }

    private static ArrayNode ticks(Timeline t) {
        ArrayNode x = JsonScript.array();
        t.frames().forEach(b -> x.add(b.firstTick()));
        return x;
    }

    private static ObjectNode line(String label, ArrayNode values, String color, double width) {
        ObjectNode s = JsonScript.object();
        s.put("label", label);
        s.set("values", values);
        if (color != null) {
            s.put("color", color);
        }
        s.put("width", width);
        return s;
    }

    private static double ms(double nanos) {
        return JsonScript.round(nanos / NS_PER_MS, 4);
    }

    private static double mb(double bytes) {
        return JsonScript.round(bytes / BYTES_PER_MB, 3);
    }
}
