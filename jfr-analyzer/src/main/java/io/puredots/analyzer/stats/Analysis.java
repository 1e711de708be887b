package io.puredots.analyzer.stats;

import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.model.Selection;
import io.puredots.analyzer.read.ReadOptions;
import io.puredots.analyzer.read.ReadResult;
import io.puredots.analyzer.read.RecordingReader;
import io.puredots.budgets.Budgets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code report} pipeline up to the statistics: optionally a first pass over the frames to
 * resolve the window and warm-up ({@link FramePass}), then one parallel pass with a
 * {@link ChunkStats} per chunk, merged in chunk order as chunks finish.
 *
 * <p>Several inputs are read as one run, in the order given (for example the rotated files of one
 * recording): their chunks are concatenated, and events join frames by tick.
 *
 * <p>Stateless and thread-safe.
 */
public final class Analysis {
    private Analysis() {
    }

    /** Reads {@code inputs} and returns the statistics (budget verdicts not yet set). */
    public static Report run(List<Path> inputs, Budgets budgets, Window window, ReadOptions options)
            throws IOException {
        Selection selection = Selection.ALL;
        if (window.needsFramePass()) {
            ReadResult<FramePass.Chunk> frames = RecordingReader.read(inputs, FramePass.Chunk::new, options);
            selection = FramePass.selection(window, frames.handlers(), frames.startNanos());
        }
        ChunkStats total = new ChunkStats(budgets, selection);
        OrderedMerge merge = new OrderedMerge(total);
        Selection sel = selection;
        RecordingReader.read(inputs,
                () -> new ChunkStats(budgets, sel).mergeInto(merge), options);
        merge.finish();
        List<String> names = new ArrayList<>();
        for (Path p : inputs) {
            names.add(p.toString());
        }
        return total.toReport(names);
    }
}
