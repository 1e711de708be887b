package io.puredots.analyzer.compare;

import io.puredots.analyzer.model.BudgetCheck;
import io.puredots.analyzer.model.Memory;
import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.model.compare.BudgetState;
import io.puredots.analyzer.model.compare.Environment;
import io.puredots.analyzer.model.compare.MetricKind;
import io.puredots.analyzer.model.compare.MetricRun;
import io.puredots.analyzer.model.compare.Side;
import io.puredots.analyzer.model.compare.SideMetric;
import io.puredots.analyzer.model.compare.Summary;
import io.puredots.analyzer.pipeline.ReportPipeline.SampledRun;
import io.puredots.analyzer.stats.RunSampler;
import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;

/**
 * Puts the runs of one side together: each run's batch statistics (from the pipeline's
 * {@link SampledRun}) and its memory values (from its report), merged per metric over the runs,
 * with the distribution of every sample and the runs' budget verdicts. Stateless and thread-safe.
 */
public final class SideBuilder {
    private SideBuilder() {
    }

    /** One run read: its name as the user gave it and what the pipeline returned. */
    public record Run(String input, SampledRun sampled) {
    }

    /**
     * The side made of {@code runs}, in order.
     *
     * @param batchFrames frames per batch the runs were sampled with
     * @param commit      the commit, or ""
     * @param created     when written (ISO-8601), or ""
     */
    public static Side build(List<Run> runs, int batchFrames, String commit, String created) {
        Map<String, List<MetricRun>> byMetric = new LinkedHashMap<>();
        Map<String, List<String>> statuses = new LinkedHashMap<>();
        Map<String, Long> streaks = new LinkedHashMap<>();
        List<String> inputs = new ArrayList<>();
        List<String> envNotes = new ArrayList<>();
        Environment first = null;
        String budgetSource = "";
        int streakFrames = 0;
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            Report report = run.sampled().report();
            inputs.add(run.input());
            Environment env = run.sampled().environment();
            if (first == null) {
                first = env;
            } else {
                List<String> diff = first.differences(env);
                if (!diff.isEmpty()) {
                    envNotes.add("run " + (i + 1) + " ('" + run.input() + "') against run 1: " + String.join("; ", diff));
                }
            }
            List<MetricRun> metrics = new ArrayList<>(run.sampled().metrics());
            metrics.addAll(memory(report.memory()));
            for (MetricRun m : metrics) {
                byMetric.computeIfAbsent(m.metric(), k -> new ArrayList<>()).add(m);
            }
            budgetSource = report.budgets().source();
            streakFrames = report.budgets().streakFrames();
            for (BudgetCheck c : report.budgets().checks()) {
                List<String> s = statuses.computeIfAbsent(c.id(), k -> new ArrayList<>());
                while (s.size() < i) {
                    s.add("NO_DATA");
                }
                s.add(c.status().name());
                streaks.merge(c.id(), c.longestStreak(), Math::max);
            }
        }
        List<BudgetState> budgets = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : statuses.entrySet()) {
            List<String> s = new ArrayList<>(e.getValue());
            while (s.size() < runs.size()) {
                s.add("NO_DATA");
            }
            budgets.add(new BudgetState(e.getKey(), s, streaks.get(e.getKey())));
        }
        List<SideMetric> metrics = new ArrayList<>();
        byMetric.forEach((id, list) -> metrics.add(merge(id, list)));
        return new Side(inputs, runs.size(), batchFrames, first == null ? Environment.UNKNOWN : first, envNotes,
                metrics, budgets, budgetSource, streakFrames, commit, created);
    }

    /** A run's memory metrics: native peak and per entity, heap after GC (p95 over its GCs). */
    static List<MetricRun> memory(Memory memory) {
        List<MetricRun> out = new ArrayList<>();
        Memory.NativeMemory n = memory.nativeMemory();
        if (n != null && n.samples() > 0) {
            out.add(new MetricRun("memory.native.peak", new double[] {n.peakReservedBytes()}, "", 1));
            if (n.maxEntities() > 0) {
                out.add(new MetricRun("memory.native.per-entity", new double[] {n.bytesPerEntity()}, "", 1));
            }
        }
        if (memory.heapAfterGcBytes().count() > 0) {
            out.add(new MetricRun("memory.heap.after-gc", new double[] {memory.heapAfterGcBytes().p95()}, "", 1));
        }
        return out;
    }

    /** One metric over the runs that have it. */
    public static SideMetric merge(String id, List<MetricRun> runs) {
        List<double[]> values = new ArrayList<>();
        Histogram all = null;
        for (MetricRun r : runs) {
            values.add(r.batches());
            if (!r.histogram().isEmpty()) {
                Histogram h = decode(r.histogram());
                if (all == null) {
                    all = h;
                } else {
                    all.add(h);
                }
            }
        }
        MetricKind kind = MetricKind.of(id);
        Summary summary = all != null ? summary(all, kind.scale()) : summary(DeltaStatistics.pooled(values), kind.scale());
        return new SideMetric(id, values, all == null ? "" : RunSampler.encode(all), summary);
    }

    /** A side metric as read back (a baseline file): the summary recomputed from the values. */
    public static SideMetric restore(String id, List<double[]> runs, String histogram) {
        MetricKind kind = MetricKind.of(id);
        Summary summary = histogram.isEmpty() ? summary(DeltaStatistics.pooled(runs), kind.scale())
                : summary(decode(histogram), kind.scale());
        return new SideMetric(id, runs, histogram, summary);
    }

    /**
     * Decodes a compressed base64 HdrHistogram.
     *
     * @throws IllegalArgumentException when the text is not one
     */
    public static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not a compressed HdrHistogram: " + e.getMessage(), e);
        }
    }

    private static Summary summary(Histogram h, double scale) {
        if (h.getTotalCount() == 0) {
            return Summary.EMPTY;
        }
        return new Summary(h.getTotalCount(), h.getMean() * scale, h.getValueAtPercentile(50) * scale,
                h.getValueAtPercentile(95) * scale, h.getValueAtPercentile(99) * scale);
    }

    private static Summary summary(double[] values, double scale) {
        if (values.length == 0) {
            return Summary.EMPTY;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        double sum = 0;
        for (double v : s) {
            sum += v;
        }
        return new Summary(s.length, sum / s.length * scale, rank(s, 50) * scale, rank(s, 95) * scale,
                rank(s, 99) * scale);
    }

    /** Nearest rank: the smallest value with at least p% of the values at or below it. */
    private static double rank(double[] sorted, double p) {
        int r = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, r - 1)];
    }
}
