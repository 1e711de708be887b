package io.puredots.analyzer.stats.timeline;

import io.puredots.analyzer.model.timeline.FrameBucket;
import io.puredots.analyzer.model.timeline.FrameJobs;
import io.puredots.analyzer.model.timeline.GroupSeries;
import io.puredots.analyzer.model.timeline.MemorySeries;
import io.puredots.analyzer.model.timeline.WorkerSeries;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The chart series computed the plain way from every event read with the JDK's
 * {@code RecordingFile}: events grouped by {@code tick >> k} (or {@code time >> k}) in sorted maps,
 * {@code k} found by trying levels from 0, the slowest frames by sorting all of them. For tests
 * only; slow and obviously right.
 */
final class TimelineReference {
    final List<RecordedEvent> frames = new ArrayList<>();
    final List<RecordedEvent> groupTicks = new ArrayList<>();
    final List<RecordedEvent> jobRuns = new ArrayList<>();
    final List<RecordedEvent> heap = new ArrayList<>();
    final List<RecordedEvent> nativeMemory = new ArrayList<>();
    final List<RecordedEvent> entityCounts = new ArrayList<>();
    private final int maxBuckets;
    private final long budgetNanos;
    private final long firstTick;
    private final int level;

    /**
     * @param maxBuckets  the settings' most buckets
     * @param budgetNanos the frame budget ({@code <= 0}: none)
     * @param firstTick   ticks before this are left out (a warm-up); memory samples are all kept
     */
    TimelineReference(Path file, int maxBuckets, long budgetNanos, long firstTick) throws IOException {
        this.maxBuckets = maxBuckets;
        this.budgetNanos = budgetNanos;
        this.firstTick = firstTick;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String t = e.getEventType().getName();
            switch (t) {
                case "puredots.Frame" -> addTicked(frames, e);
                case "puredots.SystemGroupTick" -> addTicked(groupTicks, e);
                case "puredots.JobRun" -> addTicked(jobRuns, e);
                case "jdk.GCHeapSummary" -> heap.add(e);
                case "puredots.NativeMemory" -> nativeMemory.add(e);
                case "puredots.EntityCount" -> entityCounts.add(e);
                default -> {
                }
            }
        }
        List<Long> ticks = new ArrayList<>();
        for (List<RecordedEvent> l : List.of(frames, groupTicks, jobRuns)) {
            l.forEach(e -> ticks.add(e.getLong("tick")));
        }
        level = levelFor(ticks);
    }

    private void addTicked(List<RecordedEvent> to, RecordedEvent e) {
        if (e.getLong("tick") >= firstTick) {
            to.add(e);
        }
    }

    static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    static String threadName(RecordedThread t) {
        return t.getJavaName() != null ? t.getJavaName() : t.getOSName();
    }

    /** The smallest k at which the keys' aligned buckets of 2^k number at most maxBuckets. */
    private int levelFor(List<Long> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        long lo = keys.stream().mapToLong(Long::longValue).min().orElseThrow();
        long hi = keys.stream().mapToLong(Long::longValue).max().orElseThrow();
        for (int k = 0; ; k++) {
            if ((hi >> k) - (lo >> k) + 1 <= maxBuckets) {
                return k;
            }
        }
    }

    int level() {
        return level;
    }

    /** Frames by bucket, in tick order. */
    private TreeMap<Long, List<RecordedEvent>> frameBuckets() {
        TreeMap<Long, List<RecordedEvent>> m = new TreeMap<>();
        frames.forEach(e -> m.computeIfAbsent(e.getLong("tick") >> level, b -> new ArrayList<>()).add(e));
        return m;
    }

    List<FrameBucket> frameBuckets(long origin) {
        List<FrameBucket> out = new ArrayList<>();
        for (List<RecordedEvent> l : frameBuckets().values()) {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            long maxTick = 0;
            long sum = 0;
            long over = 0;
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            long start = Long.MAX_VALUE;
            long end = Long.MIN_VALUE;
            for (RecordedEvent e : l) {
                long d = e.getDuration().toNanos();
                long tick = e.getLong("tick");
                min = Math.min(min, d);
                if (d > max || d == max && tick < maxTick) {
                    max = d;
                    maxTick = tick;
                }
                sum += d;
                over += budgetNanos > 0 && d > budgetNanos ? 1 : 0;
                first = Math.min(first, tick);
                last = Math.max(last, tick);
                start = Math.min(start, nanos(e.getStartTime()));
                end = Math.max(end, nanos(e.getEndTime()));
            }
            out.add(new FrameBucket(first, last, l.size(), start - origin, end - origin, min, max,
                    (double) sum / l.size(), maxTick, over));
        }
        return out;
    }

    /** Per group (first-seen order): summed time per frame and longest tick, per frame bucket. */
    List<GroupSeries> groups() {
        TreeMap<Long, List<RecordedEvent>> buckets = frameBuckets();
        Map<String, Map<Long, long[]>> byGroup = new LinkedHashMap<>();
        for (RecordedEvent e : groupTicks) {
            long[] v = byGroup.computeIfAbsent(e.getString("group"), g -> new HashMap<>())
                    .computeIfAbsent(e.getLong("tick") >> level, b -> new long[2]);
            v[0] += e.getDuration().toNanos();
            v[1] = Math.max(v[1], e.getDuration().toNanos());
        }
        List<GroupSeries> out = new ArrayList<>();
        byGroup.forEach((g, perBucket) -> {
            List<Double> mean = new ArrayList<>();
            List<Long> max = new ArrayList<>();
            buckets.forEach((b, l) -> {
                long[] v = perBucket.getOrDefault(b, new long[2]);
                mean.add((double) v[0] / l.size());
                max.add(v[1]);
            });
            out.add(new GroupSeries(g, mean, max));
        });
        return out;
    }

    /** Per worker thread name, sorted: job time over each frame bucket's span. */
    List<WorkerSeries> workers() {
        TreeMap<Long, List<RecordedEvent>> buckets = frameBuckets();
        Map<String, Map<Long, Long>> busy = new TreeMap<>();
        for (RecordedEvent e : jobRuns) {
            busy.computeIfAbsent(threadName(e.getThread()), t -> new HashMap<>())
                    .merge(e.getLong("tick") >> level, e.getDuration().toNanos(), Long::sum);
        }
        List<WorkerSeries> out = new ArrayList<>();
        busy.forEach((t, perBucket) -> {
            List<Double> share = new ArrayList<>();
            buckets.forEach((b, l) -> {
                long start = l.stream().mapToLong(e -> nanos(e.getStartTime())).min().orElseThrow();
                long end = l.stream().mapToLong(e -> nanos(e.getEndTime())).max().orElseThrow();
                share.add(end > start ? (double) perBucket.getOrDefault(b, 0L) / (end - start) : 0.0);
            });
            out.add(new WorkerSeries(t, share));
        });
        return out;
    }

    /** The series that have samples, in the order heap used, heap after GC, native reserved and used, entities. */
    List<MemorySeries> memory(long origin) {
        List<MemorySeries> out = new ArrayList<>();
        List<long[]> used = new ArrayList<>();
        List<long[]> afterGc = new ArrayList<>();
        for (RecordedEvent e : sortedByStart(heap)) {
            used.add(new long[] {nanos(e.getStartTime()), e.getLong("heapUsed")});
            if (e.getString("when").equals("After GC")) {
                afterGc.add(new long[] {nanos(e.getStartTime()), e.getLong("heapUsed")});
            }
        }
        addSeries(out, "heap.used", "bytes", used, origin);
        addSeries(out, "heap.after-gc", "bytes", afterGc, origin);
        addSeries(out, "native.reserved", "bytes", latestTotals(nativeMemory, "bytesReserved", "owner",
                "containerKind"), origin);
        addSeries(out, "native.used", "bytes", latestTotals(nativeMemory, "bytesUsed", "owner", "containerKind"),
                origin);
        addSeries(out, "entities", "count", latestTotals(entityCounts, "count", "archetype"), origin);
        return out;
    }

    private static List<RecordedEvent> sortedByStart(List<RecordedEvent> l) {
        List<RecordedEvent> s = new ArrayList<>(l);
        s.sort(Comparator.comparing(RecordedEvent::getStartTime));
        return s;
    }

    /** After each sample in start order: its time and the sum over keys of each key's latest value. */
    private static List<long[]> latestTotals(List<RecordedEvent> samples, String value, String... keyFields) {
        Map<String, Long> latest = new HashMap<>();
        List<long[]> out = new ArrayList<>();
        for (RecordedEvent e : sortedByStart(samples)) {
            StringBuilder k = new StringBuilder();
            for (String f : keyFields) {
                k.append(e.getString(f)).append('\u0000');
            }
            latest.put(k.toString(), e.getLong(value));
            out.add(new long[] {nanos(e.getStartTime()), latest.values().stream().mapToLong(Long::longValue).sum()});
        }
        return out;
    }

    /** Samples (time, value) in time order, by bucket of 2^k ns. */
    private void addSeries(List<MemorySeries> out, String id, String unit, List<long[]> samples, long origin) {
        if (samples.isEmpty()) {
            return;
        }
        List<Long> times = new ArrayList<>();
        samples.forEach(s -> times.add(s[0]));
        int k = levelFor(times);
        TreeMap<Long, List<long[]>> buckets = new TreeMap<>();
        samples.forEach(s -> buckets.computeIfAbsent(s[0] >> k, b -> new ArrayList<>()).add(s));
        List<MemorySeries.Point> points = new ArrayList<>();
        for (List<long[]> l : buckets.values()) {
            long[] last = l.get(l.size() - 1);
            points.add(new MemorySeries.Point(l.get(0)[0] - origin, l.stream().mapToLong(s -> s[1]).min().orElseThrow(),
                    l.stream().mapToLong(s -> s[1]).max().orElseThrow(), last[1]));
        }
        out.add(new MemorySeries(id, unit, points));
    }

    /** The slowest {@code n} frames (longest first, lower tick on ties) with every job run of their tick. */
    List<FrameJobs> slowFrameJobs(int n, long origin) {
        List<RecordedEvent> sorted = new ArrayList<>(frames);
        sorted.sort(Comparator.comparing((RecordedEvent e) -> -e.getDuration().toNanos())
                .thenComparingLong(e -> e.getLong("tick")));
        List<FrameJobs> out = new ArrayList<>();
        for (RecordedEvent f : sorted.subList(0, Math.min(n, sorted.size()))) {
            long start = nanos(f.getStartTime());
            List<FrameJobs.JobSlice> slices = new ArrayList<>();
            for (RecordedEvent j : jobRuns) {
                if (j.getLong("tick") == f.getLong("tick")) {
                    slices.add(new FrameJobs.JobSlice(threadName(j.getThread()), j.getString("jobName"),
                            j.getInt("batchIndex"), nanos(j.getStartTime()) - start, j.getDuration().toNanos()));
                }
            }
            slices.sort(Comparator.comparingLong(FrameJobs.JobSlice::startOffsetNanos)
                    .thenComparing(FrameJobs.JobSlice::thread).thenComparing(FrameJobs.JobSlice::job)
                    .thenComparingInt(FrameJobs.JobSlice::batchIndex)
                    .thenComparingLong(FrameJobs.JobSlice::durationNanos));
            out.add(new FrameJobs(f.getLong("tick"), start - origin, f.getDuration().toNanos(), slices, 0));
        }
        return out;
    }
}
