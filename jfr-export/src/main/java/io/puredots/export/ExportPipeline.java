package io.puredots.export;

import io.puredots.budgets.Budgets;
import jdk.jfr.consumer.RecordedEvent;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Events in, points out: {@link EventMapper}, then the {@link Resolution}'s windows, then a
 * {@link PointWriter}. The same pipeline serves a file, a live {@code RecordingStream} and a
 * {@code RemoteRecordingStream}.
 *
 * <p>Not thread-safe: call {@link #accept}, {@link #flush} and {@link #close} from one thread
 * (the stream's). Does not close the writer.
 */
public final class ExportPipeline {
    private final EventMapper mapper;
    private final SampleSink sink;
    private final PointWriter out;

    /**
     * @param budgets written as budget_* points about once per second of recording; null for none
     */
    public ExportPipeline(Resolution resolution, Budgets budgets, PointWriter out) {
        this.out = out;
        this.sink = resolution == Resolution.RAW ? new RawSamples(out) : new WindowAggregator(resolution, out);
        this.mapper = new EventMapper(sink, budgets);
    }

    /** Maps one event; I/O errors of the writer come out as {@link UncheckedIOException}. */
    public void accept(RecordedEvent e) {
        mapper.accept(e);
    }

    /** Flushes the writer (windows stay open until the stream moves past them). */
    public void flush() throws IOException {
        out.flush();
    }

    /** Writes the windows still open and flushes the writer. */
    public void finish() throws IOException {
        sink.finish();
        out.flush();
    }

    public long eventsRead() {
        return mapper.events();
    }

    public long pointsWritten() {
        return sink instanceof RawSamples ? ((RawSamples) sink).points : ((WindowAggregator) sink).points();
    }

    /** Name fields (group, system, ...) the stream delivered as null; their points lack that tag. */
    public long unresolvedNames() {
        return mapper.unresolvedNames();
    }

    /** Samples dropped because their window had already been written (0 for raw). */
    public long lateSamples() {
        return sink instanceof WindowAggregator ? ((WindowAggregator) sink).late() : 0;
    }
}
