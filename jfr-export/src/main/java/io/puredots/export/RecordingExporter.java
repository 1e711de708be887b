package io.puredots.export;

import io.puredots.budgets.Budgets;
import jdk.jfr.consumer.EventStream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.LongConsumer;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Exports a recording file through an {@link ExportPipeline}, reading it with
 * {@link EventStream#openFile}: ordered by time for windows, which rely on it, in file order for raw.
 *
 * <p>Stateless; each call runs on the calling thread.
 */
public final class RecordingExporter {
    /** Events between two calls of an export's progress listener. */
    static final int PROGRESS_EVERY = 4096;

    private RecordingExporter() {
    }

    /** What one export did. */
    public static final class Result {
        public final long events;
        public final long points;
        public final long lateSamples;

        Result(long events, long points, long lateSamples) {
            this.events = events;
            this.points = points;
            this.lateSamples = lateSamples;
        }
    }

    /**
     * Reads {@code recording} and writes its points to {@code out} (not closed).
     *
     * @throws ExportException the file is missing or not a readable recording, or a value cannot be written
     * @throws IOException the writer failed
     */
    public static Result export(Path recording, Resolution resolution, Budgets budgets, PointWriter out) throws IOException {
        return export(recording, resolution, budgets, out, t -> { });
    }

    /**
     * As {@link #export(Path, Resolution, Budgets, PointWriter)}, telling {@code eventTime} the start
     * (epoch ns) of every {@value #PROGRESS_EVERY}th event read, for a progress display.
     */
    public static Result export(Path recording, Resolution resolution, Budgets budgets, PointWriter out,
                                LongConsumer eventTime) throws IOException {
        if (!Files.isRegularFile(recording)) {
            throw new ExportException("cannot read '" + recording + "': no such file");
        }
        checkMagic(recording);
        ExportPipeline pipeline = new ExportPipeline(resolution, budgets, out);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        try (EventStream es = EventStream.openFile(recording)) {
            // windows need events in time order; the ordered stream sorts each chunk in memory (heap ~ a
            // chunk's events). Raw points need no order: stream them as stored, in constant memory.
            es.setOrdered(resolution != Resolution.RAW);
            long[] seen = {0};
            es.onEvent(e -> {
                if (failure.get() != null) {
                    return;
                }
                if (++seen[0] % PROGRESS_EVERY == 0) {
                    Instant t = e.getStartTime();
                    eventTime.accept(t.getEpochSecond() * 1_000_000_000L + t.getNano());
                }
                try {
                    pipeline.accept(e);
                } catch (RuntimeException ex) {
                    failure.set(ex);
                    es.close();
                }
            });
            es.start();
        } catch (IOException e) {
            throw new ExportException("cannot read '" + recording + "': " + e.getMessage(), e);
        }
        RuntimeException f = failure.get();
        if (f instanceof UncheckedIOException) {
            throw ((UncheckedIOException) f).getCause();
        }
        if (f != null) {
            throw f;
        }
        pipeline.finish();
        return new Result(pipeline.eventsRead(), pipeline.pointsWritten(), pipeline.lateSamples());
    }

    /** EventStream reads a file that is not a recording as an empty one; say so instead. */
    private static void checkMagic(Path recording) {
        byte[] head = new byte[4];
        int n;
        try (java.io.InputStream in = Files.newInputStream(recording)) {
            n = in.readNBytes(head, 0, 4);
        } catch (IOException e) {
            throw new ExportException("cannot read '" + recording + "': " + e.getMessage(), e);
        }
        if (n < 4 || head[0] != 'F' || head[1] != 'L' || head[2] != 'R' || head[3] != 0) {
            throw new ExportException("cannot read '" + recording + "': not a JFR recording (no FLR header)");
        }
    }
}
