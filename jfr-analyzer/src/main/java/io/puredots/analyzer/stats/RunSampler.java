package io.puredots.analyzer.stats;

import io.puredots.analyzer.model.compare.Environment;
import io.puredots.analyzer.model.compare.MetricKind;
import io.puredots.analyzer.model.compare.MetricRun;
import io.puredots.analyzer.read.EventHandler;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-batch statistics a regression comparison needs, which a report does not keep: frames
 * are cut into batches of {@code batchFrames} ticks ({@code tick / batchFrames}), and each batch
 * of each time series gives its statistic ({@link MetricKind#quantile}: the frame's p95, a group's
 * or system's median), of the job threads their utilization; every sample also goes
 * into a per-series HdrHistogram. Also notes the run's environment (first value of each JDK event)
 * and the mean share of the machine's CPU that other processes used ({@code jdk.CPULoad}: machine
 * total minus this JVM's user and system), over the whole recording.
 *
 * <pre>{@code
 * RunSampler total = new RunSampler(1000);
 * for each chunk, in chunk order: total.merge(partialOfThatChunk);   // partials: total.partial()
 * List<MetricRun> metrics = total.metrics();
 * }</pre>
 *
 * <p>Memory: a partial buffers its chunk's (tick, value) pairs; the total keeps the values of the
 * last two or three batches per series, closed batches as four numbers, and one histogram per
 * series. A batch with fewer than half its frames (the first after a warm-up, the last) is left
 * out of the batch statistics, not out of the histograms.
 *
 * <p>Not thread-safe: a partial's events from one thread; {@link #merge} after both are done.
 */
public final class RunSampler implements EventHandler {
    /** Id of the frame series, see {@code MetricKind}. */
    public static final String FRAME = "frame.time";
    static final String WAIT = "main.wait";
    static final String UTILIZATION = "workers.utilization";
    static final String OTHER_CPU = "machine.other-cpu";

    private final int batchFrames;

    // partial: this chunk's values
    private LongArrayList frameTicks = new LongArrayList();
    private LongArrayList frameNanos = new LongArrayList();
    private Map<String, Buffer> series = new LinkedHashMap<>();
    private LongArrayList jobTicks = new LongArrayList();
    private LongArrayList jobNanos = new LongArrayList();
    private LongOpenHashSet jobThreads = new LongOpenHashSet();
    /** jdk.CPULoad samples: the machine's load beyond this JVM's, summed. */
    private double otherCpuSum;
    private long cpuSamples;

    // environment: first value seen
    private String jdk = "";
    private String jvmName = "";
    private String jvmArguments = "";
    private int cores;
    private int hwThreads;
    private String cpu = "";
    private String os = "";
    private String gc = "";
    private long maxHeapBytes;

    // total only
    private final Map<String, Fold> folds = new LinkedHashMap<>();
    private final Long2LongOpenHashMap jobNanosByBatch = new Long2LongOpenHashMap();
    private long maxTick = Long.MIN_VALUE;

    /** @param batchFrames frames per batch, at least 1 */
    public RunSampler(int batchFrames) {
        if (batchFrames < 1) {
            throw new IllegalArgumentException("batchFrames < 1: " + batchFrames);
        }
        this.batchFrames = batchFrames;
    }

    /** A new empty partial with this sampler's batch length. */
    public RunSampler partial() {
        return new RunSampler(batchFrames);
    }

    /** A chunk's values of one series, in event order. */
    private static final class Buffer {
        final boolean perFrame;
        final LongArrayList ticks = new LongArrayList();
        final LongArrayList values = new LongArrayList();

        Buffer(boolean perFrame) {
            this.perFrame = perFrame;
        }

        void add(long tick, long value) {
            ticks.add(tick);
            values.add(value);
        }
    }

    // ---- EventHandler --------------------------------------------------------------------

    @Override
    public void frame(long startNanos, long durationNanos, long tick, int entityCount) {
        frameTicks.add(tick);
        frameNanos.add(durationNanos);
    }

    @Override
    public void systemGroupTick(long startNanos, long durationNanos, String group, long tick) {
        add("group." + group, tick, durationNanos);
    }

    @Override
    public void systemTick(long startNanos, long durationNanos, String system, String group, long tick,
                           int entitiesProcessed) {
        add("system." + system, tick, durationNanos);
    }

    private void add(String prefix, long tick, long nanos) {
        buffer(prefix + ".frame", true).add(tick, nanos);
        buffer(prefix + ".call", false).add(tick, nanos);
    }

    private Buffer buffer(String id, boolean perFrame) {
        Buffer b = series.get(id);
        if (b == null) {
            b = new Buffer(perFrame);
            series.put(id, b);
        }
        return b;
    }

    @Override
    public void mainThreadWait(long startNanos, long durationNanos, long threadId, long tick, String system) {
        buffer(WAIT, true).add(tick, durationNanos);
    }

    @Override
    public void jobRun(long startNanos, long durationNanos, long threadId, String threadName, long jobId,
                       String jobName, int batchIndex, long tick, long queueWaitNanos) {
        jobTicks.add(tick);
        jobNanos.add(durationNanos);
        jobThreads.add(threadId);
    }

    @Override
    public void cpuLoad(long startNanos, double jvmUser, double jvmSystem, double machineTotal) {
        otherCpuSum += Math.max(0, machineTotal - jvmUser - jvmSystem);
        cpuSamples++;
    }

    @Override
    public void jvmInformation(long startNanos, String jvmName, String jvmVersion, String jvmArguments,
                               String javaArguments, long jvmStartMillis, long pid) {
        if (jdk.isEmpty()) {
            this.jdk = jvmVersion;
            this.jvmName = jvmName;
            this.jvmArguments = jvmArguments;
        }
    }

    @Override
    public void cpuInformation(long startNanos, String cpu, int cores, int hwThreads) {
        if (this.cores == 0) {
            this.cpu = cpu;
            this.cores = cores;
            this.hwThreads = hwThreads;
        }
    }

    @Override
    public void osInformation(long startNanos, String osVersion) {
        if (os.isEmpty()) {
            os = firstLine(osVersion);
        }
    }

    @Override
    public void gcConfiguration(long startNanos, String youngCollector, String oldCollector) {
        if (gc.isEmpty()) {
            gc = youngCollector + "/" + oldCollector;
        }
    }

    @Override
    public void gcHeapConfiguration(long startNanos, long maxSizeBytes) {
        if (maxHeapBytes == 0) {
            maxHeapBytes = maxSizeBytes;
        }
    }

    /** The OS name: {@code PRETTY_NAME} of an os-release text, else its first line. */
    private static String firstLine(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith("PRETTY_NAME=")) {
                return line.substring("PRETTY_NAME=".length()).replace("\"", "").strip();
            }
        }
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }

    // ---- merge and result ----------------------------------------------------------------

    /**
     * Folds the partial of the chunk that follows every chunk merged so far into this total, then
     * closes the batches no later chunk can add to; {@code next} is spent.
     */
    public void merge(RunSampler next) {
        if (jdk.isEmpty()) {
            jdk = next.jdk;
            jvmName = next.jvmName;
            jvmArguments = next.jvmArguments;
        }
        if (cores == 0) {
            cores = next.cores;
            hwThreads = next.hwThreads;
            cpu = next.cpu;
        }
        os = os.isEmpty() ? next.os : os;
        gc = gc.isEmpty() ? next.gc : gc;
        maxHeapBytes = maxHeapBytes == 0 ? next.maxHeapBytes : maxHeapBytes;
        fold(FRAME, true, next.frameTicks, next.frameNanos);
        for (Map.Entry<String, Buffer> e : next.series.entrySet()) {
            fold(e.getKey(), e.getValue().perFrame, e.getValue().ticks, e.getValue().values);
        }
        for (int i = 0; i < next.jobTicks.size(); i++) {
            jobNanosByBatch.addTo(Math.floorDiv(next.jobTicks.getLong(i), batchFrames), next.jobNanos.getLong(i));
        }
        jobThreads.addAll(next.jobThreads);
        otherCpuSum += next.otherCpuSum;
        cpuSamples += next.cpuSamples;
        // a tick's events may straddle a chunk boundary (its frame event comes last); a batch
        // before the one ahead of the last frame's can get nothing more
        long closable = maxTick == Long.MIN_VALUE ? Long.MIN_VALUE : Math.floorDiv(maxTick, batchFrames) - 1;
        for (Fold f : folds.values()) {
            f.closeBefore(closable);
        }
        next.frameTicks = null;
        next.frameNanos = null;
        next.series = null;
        next.jobTicks = null;
        next.jobNanos = null;
    }

    private void fold(String id, boolean perFrame, LongArrayList ticks, LongArrayList values) {
        if (ticks.isEmpty()) {
            return;
        }
        Fold f = folds.computeIfAbsent(id, k -> new Fold(perFrame, batchFrames,
                MetricKind.of(k).quantile(k)));
        for (int i = 0; i < ticks.size(); i++) {
            long t = ticks.getLong(i);
            f.add(t, values.getLong(i));
            if (id.equals(FRAME)) {
                maxTick = Math.max(maxTick, t);
            }
        }
    }

    /** The run's environment as far as its JDK events tell. */
    public Environment environment() {
        return new Environment(jdk, jvmName, jvmArguments, cores, hwThreads, cpu, os, gc, maxHeapBytes);
    }

    /**
     * Every series' batch statistics and histogram: frame time, then groups and systems (per
     * frame and per call) and the main thread's wait in first-seen order, then worker utilization.
     * Call once, after the last merge. Empty without frames.
     */
    public List<MetricRun> metrics() {
        folds.values().forEach(f -> f.closeBefore(Long.MAX_VALUE));
        Fold frames = folds.get(FRAME);
        List<MetricRun> out = new ArrayList<>();
        if (frames == null) {
            return out;
        }
        // batches holding at least half their frames
        Map<Long, double[]> full = new TreeMap<>();
        for (double[] b : frames.closed) {
            if (b[1] * 2 >= batchFrames) {
                full.put((long) b[0], b);
            }
        }
        out.add(frames.toMetric(FRAME, full));
        for (Map.Entry<String, Fold> e : folds.entrySet()) {
            if (!e.getKey().equals(FRAME)) {
                out.add(e.getValue().toMetric(e.getKey(), full));
            }
        }
        if (!jobThreads.isEmpty()) {
            List<Double> util = new ArrayList<>();
            for (Map.Entry<Long, double[]> b : full.entrySet()) {
                double frameNanos = b.getValue()[3];
                if (frameNanos > 0) {
                    util.add(jobNanosByBatch.get((long) b.getKey()) / (frameNanos * jobThreads.size()));
                }
            }
            long samples = 0;
            for (double[] b : full.values()) {
                samples += (long) b[1];
            }
            out.add(new MetricRun(UTILIZATION, util.stream().mapToDouble(Double::doubleValue).toArray(), "", samples));
        }
        if (cpuSamples > 0) {
            out.add(new MetricRun(OTHER_CPU, new double[] {otherCpuSum / cpuSamples}, "", cpuSamples));
        }
        return out;
    }

    /**
     * One series of the total: the open batches' values and the closed batches as
     * {@code {batch, samples, p95, sum}}, plus every sample in a histogram.
     */
    private static final class Fold {
        final boolean perFrame;
        final int batchFrames;
        /** Open batches: per-frame sums by tick, or each value. */
        final TreeMap<Long, Long2LongOpenHashMap> openSums = new TreeMap<>();
        final TreeMap<Long, LongArrayList> openValues = new TreeMap<>();
        final List<double[]> closed = new ArrayList<>();
        final Histogram histogram = new Histogram(3);
        /** The quantile of a batch that is its statistic. */
        final double quantile;

        Fold(boolean perFrame, int batchFrames, double quantile) {
            this.perFrame = perFrame;
            this.batchFrames = batchFrames;
            this.quantile = quantile;
        }

        void add(long tick, long value) {
            long batch = Math.floorDiv(tick, batchFrames);
            long v = Math.max(0, value);
            if (perFrame) {
                openSums.computeIfAbsent(batch, b -> new Long2LongOpenHashMap()).addTo(tick, v);
            } else {
                openValues.computeIfAbsent(batch, b -> new LongArrayList()).add(v);
            }
        }

        /** Closes every open batch before {@code batch}. */
        void closeBefore(long batch) {
            while (!openSums.isEmpty() && openSums.firstKey() < batch) {
                Map.Entry<Long, Long2LongOpenHashMap> e = openSums.pollFirstEntry();
                close(e.getKey(), e.getValue().values().toLongArray());
            }
            while (!openValues.isEmpty() && openValues.firstKey() < batch) {
                Map.Entry<Long, LongArrayList> e = openValues.pollFirstEntry();
                close(e.getKey(), e.getValue().toLongArray());
            }
        }

        private void close(long batch, long[] values) {
            Arrays.sort(values);
            double sum = 0;
            for (long v : values) {
                histogram.recordValue(v);
                sum += v;
            }
            closed.add(new double[] {batch, values.length, quantile(values), sum});
        }

        /** Nearest rank: the smallest value with at least that share of the values at or below it. */
        private double quantile(long[] sorted) {
            int rank = (int) Math.ceil(quantile * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }

        MetricRun toMetric(String id, Map<Long, double[]> fullBatches) {
            List<Double> stats = new ArrayList<>();
            for (double[] b : closed) {
                if (fullBatches.containsKey((long) b[0])) {
                    stats.add(b[2]);
                }
            }
            return new MetricRun(id, stats.stream().mapToDouble(Double::doubleValue).toArray(), encode(histogram),
                    histogram.getTotalCount());
        }
    }

    /** An HdrHistogram in its compressed encoding, base64. */
    public static String encode(Histogram h) {
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(buf);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buf.array(), n));
    }
}
