package io.puredots.analyzer.stats;

import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.model.Selection;
import io.puredots.analyzer.read.ReadOptions;
import io.puredots.analyzer.read.ReadResult;
import io.puredots.analyzer.read.RecordingFormatException;
import io.puredots.analyzer.read.RecordingReader;
import io.puredots.analyzer.read.source.RecordingSource;
import io.puredots.budgets.Budgets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code report} pipeline up to the statistics: optionally a first pass over the frames to
 * resolve the window and warm-up ({@link FramePass}), then one parallel pass with a
 * {@link ChunkStats} per chunk, merged in chunk order as chunks finish and dropped: heap is
 * bounded by the chunks in flight, not the file size.
 *
 * <p>Several inputs are read as one run, in the order given (for example the rotated files of one
 * recording): their chunks are concatenated, and events join frames by tick.
 *
 * <p>Stateless and thread-safe.
 */
public final class Analysis {
    /** Most bytes of spent partials' arrays kept for reuse. */
    private static final long RECYCLED_BYTES = 32L << 20;

    private Analysis() {
    }

    /** Reads {@code inputs} and returns the statistics (budget verdicts not yet set). */
    public static Report run(List<Path> inputs, Budgets budgets, Window window, ReadOptions options)
            throws IOException {
        List<String> names = new ArrayList<>();
        for (Path p : inputs) {
            names.add(p.toString());
        }
        return read(inputs, names, budgets, window, options).report;
    }

    /**
     * Reads the files {@code source} resolved ({@code .jfr}, decompressed gzip, a repository's
     * complete chunks), skipping damaged chunks: the report covers the intact chunks and its
     * {@link Report#warnings()} say what was skipped and how much. Fails with the first damaged
     * chunk's {@link RecordingFormatException} only when no chunk is intact.
     *
     * @param inputs the inputs as the user named them, for the report
     * @return the report, and how many damaged chunks were skipped
     */
    public static Result run(List<Path> inputs, RecordingSource source, Budgets budgets, Window window,
                             ReadOptions options) throws IOException {
        List<String> names = new ArrayList<>();
        for (Path p : inputs) {
            names.add(p.toString());
        }
        Pass pass = read(source.files(), names, budgets, window, options.withSkipDamagedChunks(true));
        if (pass.read.chunks().isEmpty() && !pass.read.skippedChunks().isEmpty()) {
            throw pass.read.skippedChunks().get(0);
        }
        List<String> warnings = new ArrayList<>(source.warnings());
        warnings.addAll(pass.read.warnings());
        source.coverage(pass.read.chunks()).ifPresent(warnings::add);
        return new Result(pass.report.withWarnings(warnings), pass.read.skippedChunks().size());
    }

    /**
     * A report over the intact chunks.
     *
     * @param report        the statistics, with the input warnings
     * @param damagedChunks chunks skipped because they could not be read
     */
    public record Result(Report report, int damagedChunks) {
    }

    private record Pass(Report report, ReadResult<ChunkStats> read) {
    }

    private static Pass read(List<Path> files, List<String> names, Budgets budgets, Window window,
                             ReadOptions options) throws IOException {
        Selection selection = Selection.ALL;
        if (window.needsFramePass()) {
            // folded chunk by chunk, in chunk order: this pass keeps no per-frame state beyond a chunk
            FramePass.Collector frames = new FramePass.Collector(window);
            RecordingReader.read(files, FramePass.Chunk::new, options, frames::add);
            selection = frames.selection();
        }
        // the spent partials' arrays and histograms serve later chunks (see Recycler)
        Recycler recycler = new Recycler(RECYCLED_BYTES);
        ChunkStats total = new ChunkStats(budgets, selection, recycler);
        Selection sel = selection;
        KnownSeries known = new KnownSeries();
        // each chunk's partial is merged as soon as it and every chunk before it are done, then
        // dropped: at most about 2 * parallelism partials are alive, whatever the file size
        ReadResult<ChunkStats> read = RecordingReader.read(files, () -> new ChunkStats(budgets, sel, recycler, known), options,
                total::merge);
        return new Pass(total.toReport(names), read);
    }
}
