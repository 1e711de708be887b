package io.puredots.analyzer.cli;

import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.output.ReportWriter;
import io.puredots.analyzer.pipeline.JmcOptions;
import io.puredots.analyzer.pipeline.ReportPipeline;
import io.puredots.analyzer.pipeline.ReportRequest;
import io.puredots.analyzer.read.ReadOptions;
import io.puredots.analyzer.read.source.SourceOptions;
import io.puredots.analyzer.stats.Window;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code jfr-analyzer report}: parses options, runs {@link ReportPipeline}, writes the report in
 * the chosen format and maps the verdict to an exit code. Errors the user can fix are thrown as
 * {@link Cli.UserException}; {@link Cli} maps them to exit 2. So is a report in which no budget
 * could be judged, after it is written, unless {@code --allow-no-data}.
 *
 * <p>Not thread-safe: picocli makes one instance per command line.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Frame, system group, worker, memory and budget statistics of one run, in one streaming pass.",
        footerHeading = "%n",
        footer = {
            "Several recordings are analyzed as one run, in the order given, only if they",
            "are consecutive parts of one recording (rotated files, a repository's chunks):",
            "each chunk must start after the previous one ended, at the same tick rate,",
            "and name the same JVM (pid and start time in jdk.JVMInformation).",
            "Otherwise (a file given twice, files out of order, another JVM) the report",
            "fails (exit 2) naming the two files. A directory is a JFR repository (what a",
            "killed JVM leaves, chunk files named like 2026_11_27_12_30_00.jfr): its",
            "chunk files in start order. A folder of other .jfr files is refused. Gzip",
            "input (.jfr.gz) is decompressed to a temporary file, at most --max-decompressed.",
            "",
            "Damaged recordings: chunks that cannot be read are skipped; the report covers",
            "the intact ones and warns on stderr what was skipped and how much. With no",
            "intact chunk the report fails (exit 2). A chunk the JVM was still writing",
            "(it crashed or was killed, or the file was copied while it recorded) is read",
            "up to its last flush (the JVM flushes about once a second), with a warning",
            "giving the bytes after that flush and the time they span.",
            "",
            "The report names what overlapped the worst frames and the over-budget",
            "streaks (GC pauses and phases, safepoints, JIT, waits on simulation threads,",
            "allocation spikes, CPU taken by other processes), and lists the warnings of",
            "JMC's automated analysis (the JDK rules and puredots.framebudget).",
            "",
            "Exit codes: 0 every budget met; 1 a budget violated (a time budget exceeded",
            "for more than streak.frames consecutive frames, or memory above its budget);",
            "2 trouble (bad usage, a window outside the recording, nothing to judge,",
            "unreadable input, internal error).",
            "",
            "The gate never passes on nothing: --from/--to not in order, or wholly after",
            "the recording's end or before its start, is a usage error naming the",
            "recording's span. When the budget file has budgets and none could be judged",
            "(every one NO_DATA: no puredots events, or no frame in the selection), the",
            "report is still written, then 'nothing to judge: ...' on stderr and exit 2;",
            "record the game with -XX:StartFlightRecording:settings=<path to puredots.jfc>.",
            "A budget judged on memory alone counts. --allow-no-data accepts it (exit 0).",
            "",
            "--warmup auto uses MSER-5: the frame times in batches of 5 frames, Y_1..Y_m;",
            "it drops the first d batches (0 <= d <= m/2), the smallest d that minimises",
            "sum_{i>d} (Y_i - mean_{i>d} Y)^2 / (m - d)^2. --warmup and --from/--to add a",
            "first pass over the recording's frames (24 bytes of memory per frame).",
            "",
            "Examples:",
            "  jfr-analyzer report recordings/latest.jfr",
            "  jfr-analyzer report --budgets budgets/default.budgets --warmup auto run.jfr",
            "  jfr-analyzer report --format json --output report.json run-1.jfr run-2.jfr",
            "  jfr-analyzer report --from 10s --to 70s --format markdown run.jfr",
            "  jfr-analyzer report --format html -o report.html run.jfr",
            "  jfr-analyzer report run.jfr.gz",
            "  jfr-analyzer report --no-jmc /tmp/jfr-repo/2026_11_27_12_00_00_4242"})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions inputs;

    @Mixin
    BudgetsOption budgets;

    @Mixin
    ReportFormatOption format;

    @Mixin
    WidthOption width;

    @Mixin
    OutputOptions output;

    @Mixin
    WindowOptions window;

    @Option(names = "--jmc", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run JMC's automated-analysis rules (the JDK rules and puredots.framebudget) and list"
                    + " their warnings; --no-jmc skips them. Default: on.")
    boolean jmc;

    @Option(names = "--jmc-max-events", paramLabel = "N", defaultValue = "500000",
            description = "Run the JMC rules only if the recording holds at most N events of the types they need"
                    + " (JMC keeps them in memory, ~200 bytes each). Default: ${DEFAULT-VALUE}, or one per KB of"
                    + " max heap if less (262144 under -Xmx256m).")
    long jmcMaxEvents;

    @Option(names = "--jmc-max-size", paramLabel = "SIZE", defaultValue = "128MB", converter = SizeConverter.class,
            description = "Run the JMC rules only on recordings of at most SIZE (B, KB, MB, GB): JMC's parser reads"
                    + " the whole file, however few event types the rules need. Default: ${DEFAULT-VALUE}.")
    long jmcMaxSize;

    @Option(names = "--max-decompressed", paramLabel = "SIZE", defaultValue = "8GB", converter = SizeConverter.class,
            description = "Refuse a gzip-compressed recording that decompresses to more than SIZE"
                    + " (B, KB, MB, GB). Default: ${DEFAULT-VALUE}.")
    long maxDecompressed;

    @Option(names = "--decoder", paramLabel = "DECODER", defaultValue = "fast",
            description = "fast (this tool's own decoder) or reference (the JDK's jdk.jfr.consumer.RecordingFile,"
                    + " several times slower): to cross-check a number with an independent decoder; both must give"
                    + " the same report. Default: ${DEFAULT-VALUE}.")
    String decoder;

    @Option(names = "--allow-no-data",
            description = "Exit 0, not 2, when no budget could be judged (every one NO_DATA), e.g. for a plain JVM"
                    + " recording without puredots events.")
    boolean allowNoData;

    @Mixin
    ProgressOption progress;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        ReportWriter writer = format.writer(width.columns(output.toStdout()));
        Window frames = window.window();
        ReportRequest request = ReportRequest.of(inputs.recordings(), budgets.budgets()).withWindow(frames)
                .withTimeline(format.needsTimeline());
        output.checkTarget();
        for (String limit : new String[] {"--jmc-max-events", "--jmc-max-size"}) {
            if (!jmc && given(limit)) {
                throw new Cli.UserException(limit + " limits the JMC rules, which --no-jmc switches off: give one"
                        + " or the other");
            }
        }
        if (jmcMaxEvents < 0) {
            throw new Cli.UserException("--jmc-max-events needs a number >= 0, got " + jmcMaxEvents);
        }
        request = request.withJmc(jmc ? new JmcOptions(true, jmcEventLimit(), jmcMaxSize) : JmcOptions.OFF)
                .withSourceOptions(SourceOptions.defaults().withMaxDecompressedBytes(maxDecompressed))
                .withReadOptions(ReadOptions.defaults().withDecoder(decoder()).withProgress(progress.reading(
                        spec.commandLine().getErr(), "report", inputs.recordings())));

        WriterPreparation prepared = WriterPreparation.start(writer);
        Report report = Cli.report(request);
        prepared.join();
        for (String w : report.warnings()) {
            spec.commandLine().getErr().println("jfr-analyzer report: warning: " + w);
        }
        if (output.toStdout()) {
            writer.write(report, spec.commandLine().getOut());
        } else {
            AtomicFileWriter.writeText(output.file(), output.force(), out -> writer.write(report, out));
        }
        if (report.budgets().nothingJudged() && !allowNoData) {
            spec.commandLine().getOut().flush();
            throw new Cli.UserException(GateMessages.nothingToJudge(report, frames));
        }
        return report.budgets().violated() ? Cli.VIOLATED : Cli.OK;
    }

    private ReadOptions.Decoder decoder() {
        switch (decoder) {
            case "fast": return ReadOptions.Decoder.FAST;
            case "reference": return ReadOptions.Decoder.REFERENCE;
            default: throw new Cli.UserException("--decoder needs fast or reference, got '" + decoder + "'");
        }
    }

    /** {@code --jmc-max-events} as given, or when not given, its default lowered to fit the heap. */
    private long jmcEventLimit() {
        return given("--jmc-max-events") ? jmcMaxEvents
                : JmcOptions.eventLimitForHeap(jmcMaxEvents, Runtime.getRuntime().maxMemory());
    }

    /** Whether the command line names {@code option}. */
    private boolean given(String option) {
        return spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption(option);
    }
}
