package io.puredots.junit;

import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.pipeline.JmcOptions;
import io.puredots.analyzer.pipeline.ReportPipeline;
import io.puredots.analyzer.pipeline.ReportRequest;
import io.puredots.budgets.Budgets;
import jdk.jfr.consumer.RecordingStream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What one test recorded: the game's events since the test started, as {@code jfr-analyzer
 * report} sees them. {@link #report()} writes the recording so far to {@link #file()} and reads it
 * through report's own pipeline, so a test's numbers and the report's agree. Not thread-safe: for
 * the test's own thread.
 */
public final class RecordedFrames {
    private final RecordingStream stream;
    private final Path file;
    private final Budgets budgets;
    private Report report;

    RecordedFrames(RecordingStream stream, Path file, Budgets budgets) {
        this.stream = stream;
        this.file = file;
        this.budgets = budgets;
    }

    /**
     * The report of everything recorded up to now (no JMC rules); the same value again until more
     * is recorded is not guaranteed: each call reads the recording as it is then.
     *
     * @throws UncheckedIOException the recording could not be written or read
     */
    public Report report() {
        try {
            dump();
            report = ReportPipeline.run(ReportRequest.of(List.of(file), budgets).withJmc(JmcOptions.OFF));
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the test's recording '" + file + "': " + e.getMessage(), e);
        }
    }

    /** The report {@link #report()} last made, or a new one if none was made yet. */
    Report lastReport() {
        return report != null ? report : report();
    }

    /** Where the recording is written; kept after a failed test. */
    public Path file() {
        return file;
    }

    /** The budgets the report is judged against. */
    public Budgets budgets() {
        return budgets;
    }

    /** Writes the events recorded so far to {@link #file()}. */
    void dump() throws IOException {
        Files.createDirectories(file.getParent());
        stream.dump(file);
    }

    void close() {
        stream.close();
    }
}
