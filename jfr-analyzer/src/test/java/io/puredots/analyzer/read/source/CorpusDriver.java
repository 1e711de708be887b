package io.puredots.analyzer.read.source;

import io.puredots.analyzer.read.ReadOptions;
import io.puredots.analyzer.read.ReadResult;
import io.puredots.analyzer.read.RecordingReader;
import io.puredots.analyzer.stats.attribution.AttributionAggregator;
import io.puredots.analyzer.stats.attribution.AttributionResult;
import io.puredots.analyzer.stats.attribution.AttributionSettings;
import io.puredots.analyzer.stats.attribution.SlowFrameAttribution;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code report} does with an input, up to the point where it would print: resolve it
 * ({@link RecordingSource}), read every chunk with damaged chunks skipped, aggregate (slow-frame
 * attribution), and decide between an error and a (partial) report. Used by the broken-input
 * corpus test in-process and, as {@code main}, in a child JVM under {@code -Xmx256m}: prints
 * {@code COMPLETE|PARTIAL <chunks>} to stdout and warnings to stderr and exits 0, or prints
 * {@code jfr-analyzer report: cannot read ...} to stderr and exits 2.
 */
public final class CorpusDriver {
    private CorpusDriver() {
    }

    /** How an input ended. */
    public enum Kind { COMPLETE, PARTIAL, ERROR }

    /** The outcome: kind, chunks read, the one-line error or the warnings. */
    public record Outcome(Kind kind, int chunksRead, String error, List<String> warnings) {
    }

    public static Outcome analyze(Path input, SourceOptions options) {
        try (RecordingSource src = RecordingSource.resolve(input, options)) {
            ReadResult<AttributionAggregator> r = RecordingReader.read(src.files(),
                    () -> new AttributionAggregator(AttributionSettings.defaults()),
                    ReadOptions.defaults().withSkipDamagedChunks(true));
            if (r.chunks().isEmpty()) {
                String why = r.skippedChunks().isEmpty() ? "no chunk" : r.skippedChunks().get(0).getMessage();
                return new Outcome(Kind.ERROR, 0, "jfr-analyzer report: cannot read " + why, List.of());
            }
            AttributionResult result = SlowFrameAttribution.merge(r.handlers());
            if (result == null) {
                throw new IllegalStateException("no result");
            }
            List<String> warnings = new ArrayList<>(src.warnings());
            warnings.addAll(r.warnings());
            src.coverage(r.chunks()).ifPresent(warnings::add);
            return new Outcome(warnings.isEmpty() ? Kind.COMPLETE : Kind.PARTIAL, r.chunks().size(), null, warnings);
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Outcome(Kind.ERROR, 0, "jfr-analyzer report: cannot read " + m, List.of());
        }
    }

    public static void main(String[] args) {
        Outcome o = analyze(Path.of(args[0]), SourceOptions.defaults());
        if (o.kind() == Kind.ERROR) {
            System.err.println(o.error());
            System.exit(2);
        }
        System.out.println(o.kind() + " " + o.chunksRead());
        o.warnings().forEach(w -> System.err.println("warning: " + w));
        System.exit(0);
    }
}
