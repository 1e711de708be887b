package io.puredots.analyzer.cli;

import io.puredots.analyzer.output.trace.TraceJsonWriter;
import io.puredots.analyzer.pipeline.NoSuchTicksException;
import io.puredots.analyzer.pipeline.TracePipeline;
import io.puredots.analyzer.pipeline.TraceTooLargeException;
import io.puredots.analyzer.read.ReadOptions;
import io.puredots.analyzer.read.source.SourceOptions;
import io.puredots.analyzer.stats.Window;
import io.puredots.analyzer.text.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code jfr-analyzer trace}: parses options, runs {@link TracePipeline} into a
 * {@link TraceJsonWriter} on the output and maps failures to one line and exit 2.
 *
 * <p>Not thread-safe: picocli makes one instance per command line.
 */
@Command(name = "trace", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write a recording's timeline as Chrome trace-event JSON, for ui.perfetto.dev or"
                + " chrome://tracing.",
        footerHeading = "%n",
        footer = {
            "One track per thread: frames, system groups, systems, waits for jobs and job",
            "schedules on the thread that ran them, job runs on the workers, as nested",
            "slices; a slice that does not nest on its track (it ends after the slice it",
            "started in, e.g. by clock granularity) is drawn as an async slice instead.",
            "Arrows lead from each job schedule to the runs of its job: the events carry a",
            "job's dependency count and chain depth, not the ids of the jobs it waits for.",
            "A VM track holds safepoints, garbage collections and their pause phases.",
            "Counters: heap used (jdk.GCHeapSummary), entities per archetype",
            "(puredots.EntityCount), native memory reserved per owner",
            "(puredots.NativeMemory). Budget violations are process-wide marks.",
            "Times count from the recording start.",
            "",
            "--from/--to keep the events that overlap the window, whole; --ticks A..B keeps",
            "the events of ticks A to B and the JVM events overlapping their frames.",
            "Chunks that start over a minute after the window are not read: an event",
            "longer than that which overlaps the window but ends later is left out. The",
            "trace is written up to --max-size: past it the command stops, says how large",
            "the whole trace would be, and suggests a window (exit 2; -o leaves no file,",
            "stdout is cut). A recording is read by report's rules (.jfr, gzip, a JFR",
            "repository; damaged chunks are skipped with a warning).",
            "",
            "Open the file at https://ui.perfetto.dev (Open trace file) or chrome://tracing.",
            "",
            "Exit codes: 0 the trace was written; 2 trouble (bad usage, unreadable input,",
            "a window outside the recording, a trace over --max-size, the file or stdout",
            "not written in full).",
            "",
            "Examples:",
            "  jfr-analyzer trace run.jfr -o run.json",
            "  jfr-analyzer trace --from 30s --to 35s run.jfr -o spike.json",
            "  jfr-analyzer trace --ticks 1200..1260 run.jfr.gz -o ticks.json",
            "  jfr-analyzer trace --max-size 1GB run.jfr -o whole.json"})
final class TraceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RECORDING",
            description = "The JFR recording: a .jfr file, gzip or a JFR repository directory.")
    Path recording;

    @Mixin
    OutputOptions output;

    @Option(names = "--from", paramLabel = "TIME", converter = TimeConverter.class,
            description = "Keep events that end after TIME: an offset from the recording start (30s, 1.5min,"
                    + " 250ms) or an instant (2026-11-27T12:00:05Z; without a zone: UTC).")
    Window.Time from;

    @Option(names = "--to", paramLabel = "TIME", converter = TimeConverter.class,
            description = "Keep events that start before TIME (same forms as --from).")
    Window.Time to;

    @Option(names = "--ticks", paramLabel = "A..B", converter = TickRangeConverter.class,
            description = "Keep the events of ticks A to B (inclusive), and JVM events overlapping their frames."
                    + " Not with --from/--to.")
    TickRange ticks;

    @Option(names = "--max-size", paramLabel = "SIZE", defaultValue = "200MB", converter = SizeConverter.class,
            description = "The largest trace to write (B, KB, MB, GB). Default: ${DEFAULT-VALUE}.")
    long maxSize;

    @Option(names = "--max-decompressed", paramLabel = "SIZE", defaultValue = "8GB", converter = SizeConverter.class,
            description = "Refuse a gzip-compressed recording that decompresses to more than SIZE"
                    + " (B, KB, MB, GB). Default: ${DEFAULT-VALUE}.")
    long maxDecompressed;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        if (ticks != null && (from != null || to != null)) {
            throw new Cli.UserException("--ticks cannot be combined with --from/--to; cut the window one way");
        }
        output.checkTarget();
        TracePipeline.Request request = new TracePipeline.Request(recording, from, to,
                ticks == null ? null : ticks.first(), ticks == null ? null : ticks.last(), maxSize,
                SourceOptions.defaults().withMaxDecompressedBytes(maxDecompressed), ReadOptions.defaults());
        PrintWriter err = spec.commandLine().getErr();
        TracePipeline.Result result;
        if (output.toStdout()) {
            PrintWriter out = spec.commandLine().getOut();
            result = trace(request, out);
            out.flush();
            Cli.checkStdout(out);
        } else {
            TracePipeline.Result[] r = new TracePipeline.Result[1];
            AtomicFileWriter.writeText(output.file(), output.force(), w -> r[0] = trace(request, w));
            result = r[0];
        }
        for (String w : result.warnings()) {
            err.println("jfr-analyzer trace: warning: " + w);
        }
        return Cli.OK;
    }

    /** Runs the pipeline into {@code out}; its failures are one-line {@link Cli.UserException}s. */
    private TracePipeline.Result trace(TracePipeline.Request request, Writer out) {
        try {
            return Cli.reading(List.of(recording), () -> {
                TraceJsonWriter sink = new TraceJsonWriter(out);
                return TracePipeline.run(request, sink);
            });
        } catch (TraceTooLargeException e) {
            throw new Cli.UserException(tooLarge(e), e);
        } catch (NoSuchTicksException e) {
            throw new Cli.UserException("--ticks " + e.first() + ".." + e.last() + " holds no frame: "
                    + (e.anyFrame() ? "the recording's frames are ticks " + e.minTick() + ".." + e.maxTick()
                    : "the recording has no puredots.Frame events"), e);
        }
    }

    private String tooLarge(TraceTooLargeException e) {
        return "the trace would be about " + Units.bytes(e.estimatedBytes()) + ", over --max-size "
                + Units.bytes(e.limitBytes()) + " (" + Units.bytes(e.writtenBytes()) + " by "
                + Units.duration(Math.max(0, e.doneNanos())) + " of " + Units.duration(Math.max(0, e.spanNanos()))
                + "); cut a window with --from/--to or --ticks A..B, or raise --max-size"
                + (output.toStdout() ? "; stdout is cut short" : "; nothing written");
    }

    /** Ticks {@code first..last}, inclusive. */
    record TickRange(long first, long last) {
    }

    /** {@code A..B}: two ticks, {@code 0 <= A <= B}. Stateless. */
    static final class TickRangeConverter implements ITypeConverter<TickRange> {
        private static final Pattern RANGE = Pattern.compile("(\\d{1,18})\\.\\.(\\d{1,18})");

        @Override
        public TickRange convert(String text) {
            Matcher m = RANGE.matcher(text.strip());
            if (!m.matches()) {
                throw new Cli.BadValueException("needs a tick range such as '1200..1260', got '" + text + "'");
            }
            long a = Long.parseLong(m.group(1));
            long b = Long.parseLong(m.group(2));
            if (a > b) {
                throw new Cli.BadValueException("needs the first tick not after the last, got '" + text + "'");
            }
            return new TickRange(a, b);
        }
    }
}
