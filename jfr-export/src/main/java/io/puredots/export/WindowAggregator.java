package io.puredots.export;

import org.HdrHistogram.Histogram;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aggregates timed samples into windows and writes one point per series per window: mean, p95,
 * max and count (see {@link Point#window}); plus the per-window metrics registry update frequency
 * and worker utilization. Sampled metrics and budget points pass through unchanged.
 *
 * <p>Windows: for {@link Resolution#FRAME} one per tick (samples join by their tick field; the
 * window's timestamp is the frame's start); samples without a tick (GC) pass through raw. For
 * time windows, {@code [k*W, (k+1)*W)} aligned to the epoch, by sample timestamp, stamped with
 * the window start; busy intervals are split exactly across window boundaries.
 *
 * <p>Memory is bounded by the open windows: a window is written once the stream has progressed
 * past it (time windows: {@value #LAG_NANOS} ns after its end; frames: two frames later), so only
 * a few windows are ever open. Percentiles come from an HdrHistogram per series (3 significant
 * digits), recycled between windows. A sample for a window already written is counted in
 * {@link #late()} and dropped; with JFR's ordered streams this needs an event longer than the lag.
 *
 * <p>Output order depends only on input order, so the same recording gives the same points.
 * Not thread-safe: one thread feeds it.
 */
final class WindowAggregator implements SampleSink {
    static final long LAG_NANOS = 2_000_000_000L;
    private static final int FRAME_LAG = 2;

    private final Resolution resolution;
    private final long windowNanos;
    private final PointWriter out;
    private final RawSamples passThrough;
    private final TreeMap<Long, Window> open = new TreeMap<>();
    private final ArrayDeque<Histogram> pool = new ArrayDeque<>();
    private final ArrayDeque<Window> windowPool = new ArrayDeque<>();
    private long flushedThrough = Long.MIN_VALUE;
    private long watermark = Long.MIN_VALUE;
    private long late;
    private long points;

    WindowAggregator(Resolution resolution, PointWriter out) {
        if (resolution == Resolution.RAW) {
            throw new IllegalArgumentException("raw needs no windows");
        }
        this.resolution = resolution;
        this.windowNanos = resolution.windowNanos();
        this.out = out;
        this.passThrough = new RawSamples(out);
    }

    /** Samples dropped because their window had already been written. */
    long late() {
        return late;
    }

    long points() {
        return points + passThrough.points;
    }

    @Override
    public void sample(Metric metric, long timestampNanos, long tick, String[] sortedTags, long raw) {
        if (metric.kind() != Metric.Kind.TIMED || (resolution == Resolution.FRAME && tick < 0)) {
            passThrough.sample(metric, timestampNanos, tick, sortedTags, raw);
            return;
        }
        Window w = window(key(timestampNanos, tick));
        if (w == null) {
            late++;
            return;
        }
        w.add(metric, sortedTags, raw, timestampNanos);
    }

    @Override
    public void point(Point p) {
        passThrough.point(p);
    }

    @Override
    public void busy(String worker, long tick, long startNanos, long endNanos) {
        if (endNanos <= startNanos) {
            return;
        }
        if (resolution == Resolution.FRAME) {
            if (tick < 0) {
                return;
            }
            Window w = window(tick);
            if (w == null) {
                late++;
                return;
            }
            w.busy.merge(worker, endNanos - startNanos, Long::sum);
            return;
        }
        for (long k = Math.floorDiv(startNanos, windowNanos); k * windowNanos < endNanos; k++) {
            long from = Math.max(startNanos, k * windowNanos);
            long to = Math.min(endNanos, (k + 1) * windowNanos);
            Window w = window(k);
            if (w == null) {
                late++;
                continue;
            }
            w.busy.merge(worker, to - from, Long::sum);
        }
    }

    @Override
    public void frame(long tick, long startNanos, long endNanos) {
        if (resolution != Resolution.FRAME) {
            return;
        }
        Window w = window(tick);
        if (w != null) {
            w.frameStart = startNanos;
            w.frameEnd = endNanos;
        }
        flushWhile(tick - FRAME_LAG);
    }

    @Override
    public void advance(long endNanos) {
        if (endNanos > watermark) {
            watermark = endNanos;
        }
        if (resolution != Resolution.FRAME) {
            // window k is complete once the stream is LAG past its end
            flushWhile(Math.floorDiv(watermark - LAG_NANOS, windowNanos) - 1);
        }
    }

    @Override
    public void finish() {
        flushWhile(Long.MAX_VALUE);
    }

    private long key(long timestampNanos, long tick) {
        return resolution == Resolution.FRAME ? tick : Math.floorDiv(timestampNanos, windowNanos);
    }

    /** The open window for a key, created on demand; null if that window was already written. */
    private Window window(long key) {
        if (key <= flushedThrough) {
            return null;
        }
        Window w = open.get(key);
        if (w == null) {
            w = windowPool.isEmpty() ? new Window() : windowPool.poll();
            w.key = key;
            open.put(key, w);
        }
        return w;
    }

    private void flushWhile(long lastKey) {
        while (!open.isEmpty() && open.firstKey() <= lastKey) {
            Map.Entry<Long, Window> e = open.pollFirstEntry();
            write(e.getValue());
            flushedThrough = e.getKey();
            e.getValue().clear();
            windowPool.push(e.getValue());
        }
        if (lastKey != Long.MAX_VALUE && lastKey > flushedThrough) {
            flushedThrough = lastKey;
        }
    }

    private void write(Window w) {
        long ts;
        long length;
        if (resolution == Resolution.FRAME) {
            ts = w.frameEnd > 0 ? w.frameStart : w.minTimestamp;
            length = w.frameEnd > 0 ? w.frameEnd - w.frameStart : 0;
        } else {
            ts = w.key * windowNanos;
            length = windowNanos;
        }
        for (Acc a : w.series.values()) {
            Metric m = a.metric;
            double mean = a.sum / a.count / m.scale();
            long p95raw = Math.min(a.histogram.getValueAtPercentile(95.0), a.max);
            emit(Point.window(m, ts, a.tags, mean, m.scaled(p95raw), m.scaled(a.max), a.count));
            if (m == Metric.REGISTRY_UPDATE_TIME && length > 0) {
                emit(Point.rawDouble(Metric.REGISTRY_UPDATE_FREQUENCY, ts, a.tags, a.count * 1e9 / length));
            }
            pool.push(a.histogram);
        }
        if (length > 0) {
            for (Map.Entry<String, Long> b : w.busy.entrySet()) {
                emit(Point.rawDouble(Metric.WORKER_UTILIZATION, ts, Point.tags("worker", b.getKey()),
                        100.0 * b.getValue() / length));
            }
        }
    }

    private void emit(Point p) {
        try {
            out.write(p);
            points++;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Histogram histogram() {
        Histogram h = pool.poll();
        if (h == null) {
            h = new Histogram(3);
        } else {
            h.reset();
        }
        return h;
    }

    /** One series in one window. */
    private static final class Acc {
        Metric metric;
        String[] tags;
        long count;
        double sum;
        long max;
        Histogram histogram;
    }

    /** Series key: metric and tags, compared by content. */
    private static final class SeriesKey {
        final Metric metric;
        final String[] tags;
        final int hash;

        SeriesKey(Metric metric, String[] tags) {
            this.metric = metric;
            this.tags = tags;
            this.hash = metric.hashCode() * 31 + Arrays.hashCode(tags);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SeriesKey && ((SeriesKey) o).metric == metric && Arrays.equals(((SeriesKey) o).tags, tags);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final class Window {
        long key;
        long frameStart;
        long frameEnd;
        long minTimestamp = Long.MAX_VALUE;
        final LinkedHashMap<SeriesKey, Acc> series = new LinkedHashMap<>();
        final LinkedHashMap<String, Long> busy = new LinkedHashMap<>();

        void add(Metric metric, String[] tags, long raw, long ts) {
            SeriesKey k = new SeriesKey(metric, tags);
            Acc a = series.get(k);
            if (a == null) {
                a = new Acc();
                a.metric = metric;
                a.tags = tags;
                a.histogram = histogram();
                series.put(k, a);
            }
            a.count++;
            a.sum += raw;
            if (raw > a.max) {
                a.max = raw;
            }
            a.histogram.recordValue(Math.max(0, raw));
            if (ts < minTimestamp) {
                minTimestamp = ts;
            }
        }

        void clear() {
            series.clear();
            busy.clear();
            frameStart = 0;
            frameEnd = 0;
            minTimestamp = Long.MAX_VALUE;
        }
    }

}
