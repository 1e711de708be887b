package io.puredots.analyzer.bench;

import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.model.Selection;
import io.puredots.analyzer.read.ReadOptions;
import io.puredots.analyzer.read.RecordingReader;
import io.puredots.analyzer.stats.ChunkStats;
import io.puredots.budgets.Budgets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One run of {@code jfr-analyzer/bench/report-costs.sh}, which splits {@code report}'s CPU by
 * event type into decoding and aggregating: decodes one type of events the way {@code report}
 * does ({@code decode}), or decodes it and feeds it into {@code report}'s own aggregation
 * ({@code aggregate}: {@link ChunkStats} partials, one per chunk, merged in chunk order into the
 * run's total, which then makes the report, as {@code ReportPipeline} does). The decoder decodes
 * only the kinds the handler's class overrides and steps over every other event, so a run's CPU
 * less its baseline run's is what that type costs; {@code aggregate} less {@code decode} is
 * what aggregating it costs. The script times each run from outside, in its own JVM.
 *
 * <p>Types ({@link #TYPES}): {@code none} (every event stepped over; the partials see only chunk
 * starts and ends), the seven puredots types {@code report} aggregates, {@code other} (every
 * other kind it reads: entity counts, native memory, JDK events and samples) and {@code all}
 * (everything {@code report} reads). The baseline of {@code frame} and {@code all} is
 * {@code none}. Every other type comes with the frames, which {@code report} joins it to (see
 * {@link DecodeAsReport.WithFrames}), so its baseline is {@code frame}; its events do not count
 * the frames. Types {@code report} does not read (e.g. {@code puredots.SpatialGridRebuild}) are
 * stepped over in every run, so their cost is in {@code none}'s.
 *
 * <p>Usage: {@code ReportCosts <decode|aggregate> <type> <file.jfr>}. Prints one line: mode, type,
 * the events the handlers received, for {@code aggregate} the wall time of the in-order merges
 * and of {@code toReport} (measured inside the run: merges overlap other chunks' decoding), and
 * a checksum of what was computed, so that nothing is dead code. Exit 2 with one line on stderr
 * for bad arguments or an unreadable file.
 */
public final class ReportCosts {
    /** The cost types, in the order the script runs and prints them. */
    static final List<String> TYPES = List.of("none", "frame", "group", "system", "jobSchedule", "jobRun",
            "mainThreadWait", "registryUpdate", "other", "all");

    /** As {@code ReportPipeline}: most bytes of spent partials' arrays kept for reuse. */
    private static final long RECYCLED_BYTES = 32L << 20;

    private ReportCosts() {
    }

    /** What a {@code decode} run received: events and a checksum of their values. */
    record Decoded(long events, long checksum) {
    }

    /**
     * What an {@code aggregate} run computed.
     *
     * @param events        events the handlers received
     * @param mergeNanos    wall time of the in-order merges of the partials into the total
     * @param toReportNanos wall time of the total's {@code toReport}
     * @param report        the statistics ({@code toReport}; no budget verdicts)
     */
    record Aggregated(long events, long mergeNanos, long toReportNanos, Report report) {
    }

    /** Decodes {@code type}'s kinds of {@code file} as {@code report} does, and nothing else. */
    static Decoded decode(String type, Path file) throws IOException {
        Supplier<? extends DecodeAsReport.Fold> handler = DecodeAsReport.HANDLERS.get(type);
        Sums sums = new Sums();
        RecordingReader.read(List.of(file), handler, options(), f -> {
            sums.events += f.events;
            sums.checksum += f.sum;
        });
        return new Decoded(sums.events, sums.checksum);
    }

    /**
     * Decodes {@code type}'s kinds of {@code file} as {@code report} does, into {@code report}'s
     * aggregation (default budgets, every frame, no timeline), and makes the report.
     */
    static Aggregated aggregate(String type, Path file) throws IOException {
        Function<ChunkStats, ? extends AggregateAsReport.Forward> wrap = AggregateAsReport.HANDLERS.get(type);
        ChunkStats total = ChunkStats.runTotal(Budgets.defaults(), Selection.ALL, RECYCLED_BYTES, null, null);
        Supplier<ChunkStats> partials = total.partials();
        Supplier<AggregateAsReport.Forward> handlers = () -> wrap.apply(partials.get());
        Sums sums = new Sums();
        RecordingReader.read(List.of(file), handlers, options(), f -> {
            sums.events += f.events;
            long t0 = System.nanoTime();
            total.merge(f.stats);
            sums.mergeNanos += System.nanoTime() - t0;
        });
        long t0 = System.nanoTime();
        Report report = total.toReport(List.of(file.toString()));
        long toReportNanos = System.nanoTime() - t0;
        return new Aggregated(sums.events, sums.mergeNanos, toReportNanos, report);
    }

    /** As {@code report} reads: default options, damaged chunks skipped. */
    private static ReadOptions options() {
        return ReadOptions.defaults().withSkipDamagedChunks(true);
    }

    /** Running sums of the in-order consumer. */
    private static final class Sums {
        long events;
        long checksum;
        long mergeNanos;
    }

    public static void main(String[] args) {
        if (args.length != 3 || !(args[0].equals("decode") || args[0].equals("aggregate"))
                || !TYPES.contains(args[1])) {
            System.err.println("usage: ReportCosts <decode|aggregate> <type> <file.jfr>; types: "
                    + String.join(", ", TYPES));
            System.exit(2);
        }
        Path file = Path.of(args[2]);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            System.err.println("ReportCosts: cannot read '" + file + "'");
            System.exit(2);
        }
        String type = args[1];
        try {
            if (args[0].equals("decode")) {
                Decoded d = decode(type, file);
                System.out.println("decode " + type + " events=" + d.events()
                        + " checksumLow16=" + (d.checksum() & 0xFFFF));
            } else {
                Aggregated a = aggregate(type, file);
                System.out.println("aggregate " + type + " events=" + a.events() + " mergeNanos=" + a.mergeNanos()
                        + " toReportNanos=" + a.toReportNanos()
                        + " checksumLow16=" + (a.report().hashCode() & 0xFFFF));
            }
        } catch (IOException e) {
            System.err.println("ReportCosts: cannot read '" + file + "': " + e.getMessage());
            System.exit(2);
        }
    }
}
