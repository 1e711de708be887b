package io.puredots.analyzer.testing;

import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.model.timeline.FrameBucket;
import io.puredots.analyzer.model.timeline.FrameJobs;
import io.puredots.analyzer.model.timeline.GroupSeries;
import io.puredots.analyzer.model.timeline.MemorySeries;
import io.puredots.analyzer.model.timeline.Timeline;
import io.puredots.analyzer.model.timeline.WorkerSeries;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Hand-built {@link Timeline} values for tests of the chart writers: deterministic (seeded)
 * series of a given shape, with spikes at chosen ticks. Stateless; thread-safe.
 */
public final class Timelines {
    private static final long MS = 1_000_000;

    private Timelines() {
    }

    /**
     * A timeline over ticks {@code firstTick..firstTick + ticks - 1} in {@code buckets} buckets.
     *
     * @param originNanos  the recording's start, epoch ns
     * @param groups       group names (one series each)
     * @param workers      worker thread names (one series each, and the lanes of the jobs)
     * @param spikes       tick to frame time (ns) of the slow frames; each gets a bucket maximum
     *                     and {@code jobsPerFrame} job runs named from {@code jobNames}
     * @param budgetNanos  the frame budget for the over-budget counts
     */
    public static Timeline of(long originNanos, long firstTick, long ticks, int buckets, List<String> groups, List<String> workers,
                              Map<Long, Long> spikes, int jobsPerFrame, List<String> jobNames, long budgetNanos) {
        SplittableRandom random = new SplittableRandom(15);
        long perBucket = Math.max(1, ticks / buckets);
        int n = (int) Math.min(buckets, ticks);
        List<FrameBucket> frames = new ArrayList<>(n);
        List<List<Double>> groupMeans = new ArrayList<>();
        List<List<Long>> groupMax = new ArrayList<>();
        groups.forEach(g -> {
            groupMeans.add(new ArrayList<>());
            groupMax.add(new ArrayList<>());
        });
        List<List<Double>> utilization = new ArrayList<>();
        workers.forEach(w -> utilization.add(new ArrayList<>()));
        long frameNanos = 8 * MS;
        for (int b = 0; b < n; b++) {
            long first = firstTick + b * perBucket;
            long last = b == n - 1 ? firstTick + ticks - 1 : first + perBucket - 1;
            long count = last - first + 1;
            long min = frameNanos - MS + random.nextLong(MS / 2);
            long max = frameNanos + MS + random.nextLong(4 * MS);
            long maxTick = first + random.nextLong(count);
            for (Map.Entry<Long, Long> s : spikes.entrySet()) {
                if (s.getKey() >= first && s.getKey() <= last && s.getValue() > max) {
                    max = s.getValue();
                    maxTick = s.getKey();
                }
            }
            double mean = (min + max) / 2.0;
            long over = max > budgetNanos ? 1 : 0;
            long start = (first - firstTick) * frameNanos;
            frames.add(new FrameBucket(first, last, count, start, start + count * frameNanos, min, max, mean, maxTick,
                    over));
            for (int g = 0; g < groups.size(); g++) {
                groupMeans.get(g).add(mean / (groups.size() + 1) * (0.5 + random.nextDouble()));
                groupMax.get(g).add(max / (groups.size() + 1));
            }
            for (List<Double> u : utilization) {
                u.add(0.3 + 0.6 * random.nextDouble());
            }
        }
        List<GroupSeries> groupSeries = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            groupSeries.add(new GroupSeries(groups.get(g), groupMeans.get(g), groupMax.get(g)));
        }
        List<WorkerSeries> workerSeries = new ArrayList<>();
        for (int w = 0; w < workers.size(); w++) {
            workerSeries.add(new WorkerSeries(workers.get(w), utilization.get(w)));
        }
        List<FrameJobs> jobs = new ArrayList<>();
        spikes.entrySet().stream().sorted(Map.Entry.<Long, Long>comparingByValue().reversed()).forEach(s -> {
            List<FrameJobs.JobSlice> slices = new ArrayList<>();
            long[] free = new long[workers.size()];
            for (int j = 0; j < jobsPerFrame; j++) {
                int lane = j % workers.size();
                long dur = MS / 4 + random.nextLong(MS);
                slices.add(new FrameJobs.JobSlice(workers.get(lane), jobNames.get(j % jobNames.size()), j, free[lane],
                        dur));
                free[lane] += dur + random.nextLong(MS / 5);
            }
            slices.sort((a, b) -> Long.compare(a.startOffsetNanos(), b.startOffsetNanos()));
            jobs.add(new FrameJobs(s.getKey(), (s.getKey() - firstTick) * frameNanos, s.getValue(), slices, 0));
        });
        long span = ticks * frameNanos;
        List<MemorySeries> memory = List.of(memory("heap.used", "bytes", n, span, 64L << 20, random),
                memory("heap.after-gc", "bytes", n, span, 16L << 20, random),
                memory("native.reserved", "bytes", n, span, 32L << 20, random),
                memory("entities", "count", n, span, 2000, random));
        return new Timeline(originNanos, buckets, frames, groupSeries, workerSeries, memory, jobs);
    }

    /** {@code r} with {@code t} as its timeline. */
    public static Report withTimeline(Report r, Timeline t) {
        return new Report(r.overview(), r.selection(), r.gameEvents(), r.frames(), r.groups(), r.systems(), r.jobs(),
                r.memory(), r.registries(), r.budgets(), r.slowFrames(), t, r.jmc(), r.warnings());
    }

    private static MemorySeries memory(String id, String unit, int points, long span, long base,
                                       SplittableRandom random) {
        List<MemorySeries.Point> list = new ArrayList<>(points);
        for (int i = 0; i < points; i++) {
            long min = base + random.nextLong(Math.max(1, base / 4));
            long max = min + random.nextLong(Math.max(1, base / 2));
            list.add(new MemorySeries.Point(span / points * i, min, max, (min + max) / 2));
        }
        return new MemorySeries(id, unit, list);
    }
}
