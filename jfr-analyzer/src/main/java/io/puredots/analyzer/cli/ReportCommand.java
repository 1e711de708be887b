package io.puredots.analyzer.cli;

import io.puredots.analyzer.budget.BudgetJudge;
import io.puredots.analyzer.model.BudgetResult;
import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.output.ReportWriter;
import io.puredots.analyzer.read.ReadOptions;
import io.puredots.analyzer.jmc.JmcAnalysis;
import io.puredots.analyzer.read.RecordingFormatException;
import io.puredots.analyzer.read.source.RecordingSource;
import io.puredots.analyzer.read.source.SourceException;
import io.puredots.analyzer.read.source.SourceOptions;
import io.puredots.analyzer.stats.Analysis;
import io.puredots.analyzer.stats.Window;
import io.puredots.budgets.Budgets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code jfr-analyzer report}: parses options, runs the pipeline ({@code stats.Analysis}, then
 * {@code budget.BudgetJudge}, then an {@code output} writer) and maps the verdict to an exit code.
 * Errors the user can fix are thrown as {@link Cli.UserException}; {@link Cli} maps them to exit 2.
 *
 * <p>Not thread-safe: picocli makes one instance per command line.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Frame, system group, worker, memory and budget statistics of one run, in one streaming pass.",
        footerHeading = "%n",
        footer = {
            "Several recordings are analyzed as one run, in the order given (for example",
            "the rotated files of one recording; ticks must not repeat). A directory is a",
            "JFR repository (what a killed JVM leaves): its complete chunk files in start",
            "order; unfinished ones are skipped with a warning. Gzip input (.jfr.gz) is",
            "decompressed to a temporary file, at most --max-decompressed.",
            "",
            "Damaged recordings: chunks that cannot be read are skipped; the report covers",
            "the intact ones and warns on stderr what was skipped and how much. With no",
            "intact chunk the report fails (exit 2).",
            "",
            "The report names what overlapped the worst frames and the over-budget",
            "streaks (GC pauses and phases, safepoints, JIT, waits on simulation threads,",
            "allocation spikes, CPU taken by other processes), and lists the warnings of",
            "JMC's automated analysis (the JDK rules and puredots.framebudget).",
            "",
            "Exit codes: 0 every budget met; 1 a budget violated (a time budget exceeded",
            "for more than streak.frames consecutive frames, or memory above its budget);",
            "2 trouble (bad usage, unreadable input, internal error).",
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
            "  jfr-analyzer report run.jfr.gz",
            "  jfr-analyzer report --no-jmc /tmp/jfr-repo/2026_11_27_12_00_00_4242"})
final class ReportCommand implements Callable<Integer> {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB|b|kb|mb|gb)");
    private static final Pattern OFFSET = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|min|m|h)");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RECORDING", arity = "1..*",
            description = "JFR recording files (or JFR repository directories), read as one run in this order.")
    List<Path> recordings;

    @Option(names = "--budgets", paramLabel = "FILE",
            description = "Budget file (the format sim-runtime reads). Default: the built-in default.budgets.")
    Path budgetsFile;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or markdown. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of stdout; an existing FILE is kept unless --force.")
    Path output;

    @Option(names = "--force", description = "Overwrite the --output file if it exists.")
    boolean force;

    @Option(names = "--from", paramLabel = "TIME",
            description = "Keep frames that start at or after TIME: an offset from the recording start "
                    + "(30s, 1.5min, 250ms, 1h) or an instant (2026-11-27T12:00:05Z; without a zone: UTC).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Keep frames that start before TIME (same forms as --from).")
    String to;

    @Option(names = "--warmup", paramLabel = "N|auto", defaultValue = "0",
            description = "Drop the first N frames of the window as warm-up, or 'auto' to detect the steady "
                    + "state (MSER-5, below). Default: ${DEFAULT-VALUE}.")
    String warmup;

    @Option(names = "--jmc", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run JMC's automated-analysis rules (the JDK rules and puredots.framebudget) and list"
                    + " their warnings; --no-jmc skips them. Default: on.")
    boolean jmc;

    @Option(names = "--jmc-max-events", paramLabel = "N", defaultValue = "500000",
            description = "Run the JMC rules only if the recording holds at most N events of the types they need"
                    + " (JMC keeps them in memory, ~200 bytes each). Default: ${DEFAULT-VALUE}, or one per KB of"
                    + " max heap if less (262144 under -Xmx256m).")
    long jmcMaxEvents;

    @Option(names = "--jmc-max-size", paramLabel = "SIZE", defaultValue = "128MB",
            description = "Run the JMC rules only on recordings of at most SIZE (B, KB, MB, GB): JMC's parser reads"
                    + " the whole file even for the few event types the rules need (an 847 MB recording took"
                    + " 11 s more and 1.4 GB). Default: ${DEFAULT-VALUE}.")
    String jmcMaxSize;

    @Option(names = "--max-decompressed", paramLabel = "SIZE", defaultValue = "8GB",
            description = "Refuse a gzip-compressed recording that decompresses to more than SIZE"
                    + " (B, KB, MB, GB). Default: ${DEFAULT-VALUE}.")
    String maxDecompressed;

    @Option(names = "--verbose", description = "Print stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        ReportWriter writer;
        try {
            writer = ReportWriter.forFormat(format);
        } catch (IllegalArgumentException e) {
            throw new Cli.UserException(e.getMessage());
        }
        Window window = new Window(time("--from", from), time("--to", to), warmupTicks(), "auto".equals(warmup));
        Budgets budgets = Cli.budgets(budgetsFile);
        if (output != null && Files.isDirectory(output)) {
            throw new Cli.UserException("cannot write '" + output + "': it is a directory");
        }
        if (output != null && Files.exists(output) && !force) {
            throw new Cli.UserException("'" + output + "' exists; use --force to overwrite it");
        }
        for (Path p : recordings) {
            if (!Files.exists(p)) {
                throw new Cli.UserException("cannot read '" + p + "': no such file");
            }
            if (!Files.isReadable(p)) {
                throw new Cli.UserException("cannot read '" + p + "': permission denied");
            }
        }
        SourceOptions sourceOptions = SourceOptions.defaults().withMaxDecompressedBytes(size("--max-decompressed",
                maxDecompressed));
        if (jmcMaxEvents < 0) {
            throw new Cli.UserException("--jmc-max-events needs a number >= 0, got " + jmcMaxEvents);
        }
        long jmcMaxBytes = size("--jmc-max-size", jmcMaxSize);

        Report report;
        try (RecordingSource source = RecordingSource.resolveAll(recordings, sourceOptions)) {
            Analysis.Result result = Analysis.run(recordings, source, budgets, window, ReadOptions.defaults());
            report = result.report();
            if (jmc && result.damagedChunks() > 0) {
                report = report.withJmc(JmcAnalysis.notRun("the recording has damaged chunks, which JMC's parser"
                        + " would skip silently or misread"));
            } else if (jmc) {
                try {
                    report = report.withJmc(JmcAnalysis.run(source.files(), report.overview().eventCounts(),
                            jmcEventLimit(), jmcMaxBytes, budgets));
                } catch (OutOfMemoryError e) {
                    // the statistics are done; only the optional JMC load did not fit
                    report = report.withJmc(JmcAnalysis.notRun(Cli.outOfMemory("loading the events for the JMC rules",
                            Runtime.getRuntime().maxMemory()) + ", or a lower --jmc-max-events"));
                }
            }
        } catch (SourceException e) {
            throw new Cli.UserException("cannot read " + e.getMessage(), e);
        } catch (RecordingFormatException e) {
            throw new Cli.UserException("cannot read " + e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new Cli.UserException("cannot read '" + e.getFile() + "': no such file", e);
        } catch (AccessDeniedException e) {
            throw new Cli.UserException("cannot read '" + e.getFile() + "': permission denied", e);
        } catch (IOException e) {
            throw new Cli.UserException("cannot read " + names() + ": " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new Cli.UserException(Cli.outOfMemory("reading " + names(), Runtime.getRuntime().maxMemory()), e);
        }
        BudgetResult verdicts = BudgetJudge.judge(report, budgets);
        report = report.withBudgets(verdicts);
        for (String w : report.warnings()) {
            spec.commandLine().getErr().println("jfr-analyzer report: warning: " + w);
        }

        if (output == null) {
            Writer out = spec.commandLine().getOut();
            writer.write(report, out);
        } else {
            writeFile(writer, report);
        }
        return verdicts.violated() ? Cli.VIOLATED : Cli.OK;
    }

    /** A size such as "8GB", "512 MB", "64KB" or "1000B", in bytes (binary units). */
    static long size(String option, String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new Cli.UserException(option + " needs a size such as '8GB' or '512MB', got '" + text + "'");
        }
        long unit;
        switch (m.group(2).toUpperCase(java.util.Locale.ROOT)) {
            case "KB": unit = 1L << 10; break;
            case "MB": unit = 1L << 20; break;
            case "GB": unit = 1L << 30; break;
            default: unit = 1; break;
        }
        double v = Double.parseDouble(m.group(1)) * unit;
        if (!(v >= 1) || v > Long.MAX_VALUE) {
            throw new Cli.UserException(option + " needs a size of at least 1 byte, got '" + text + "'");
        }
        return (long) v;
    }

    /**
     * {@code --jmc-max-events}, or when not given, its default lowered to one event per
     * {@value #JMC_HEAP_BYTES_PER_EVENT} bytes of max heap: JMC keeps ~200 bytes per loaded event
     * and its parser and rules need as much again several times over (442 k events ran out of a
     * 256 MB heap).
     */
    private long jmcEventLimit() {
        boolean given = spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--jmc-max-events");
        long byHeap = Runtime.getRuntime().maxMemory() / JMC_HEAP_BYTES_PER_EVENT;
        return given ? jmcMaxEvents : Math.min(jmcMaxEvents, byHeap);
    }

    static final long JMC_HEAP_BYTES_PER_EVENT = 1024;

    private String names() {
        StringBuilder b = new StringBuilder();
        for (Path p : recordings) {
            b.append(b.length() == 0 ? "" : ", ").append('\'').append(p).append('\'');
        }
        return b.toString();
    }

    /** Writes to a temporary file next to {@code output}, then moves it in place, so a failure leaves nothing half-written. */
    private void writeFile(ReportWriter writer, Report report) throws IOException {
        StringWriter text = new StringWriter();
        writer.write(report, text);
        Path target = output.toAbsolutePath();
        Path dir = target.getParent();
        try {
            Path tmp = Files.createTempFile(dir, ".jfr-analyzer-", ".tmp");
            try {
                Files.writeString(tmp, text.toString(), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
                if (force) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.move(tmp, target);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (FileAlreadyExistsException e) {
            throw new Cli.UserException("'" + output + "' exists; use --force to overwrite it", e);
        } catch (NoSuchFileException e) {
            throw new Cli.UserException("cannot write '" + output + "': no such directory", e);
        } catch (AccessDeniedException e) {
            throw new Cli.UserException("cannot write '" + output + "': permission denied", e);
        } catch (IOException e) {
            throw new Cli.UserException("cannot write '" + output + "': " + e, e);
        }
    }


    private long warmupTicks() {
        if ("auto".equals(warmup)) {
            return 0;
        }
        try {
            long n = Long.parseLong(warmup);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new Cli.UserException("--warmup needs a number of frames or 'auto', got '" + warmup + "'");
        }
    }

    static Window.Time time(String option, String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        Matcher m = OFFSET.matcher(t);
        if (m.matches()) {
            double v = Double.parseDouble(m.group(1));
            double unit;
            switch (m.group(2)) {
                case "ns": unit = 1; break;
                case "us": unit = 1e3; break;
                case "ms": unit = 1e6; break;
                case "s": unit = 1e9; break;
                case "m":
                case "min": unit = 60e9; break;
                default: unit = 3600e9; break;
            }
            return Window.Time.after(Duration.ofNanos(Math.round(v * unit)));
        }
        try {
            Instant i = Instant.parse(t);
            return Window.Time.at(i.getEpochSecond() * 1_000_000_000L + i.getNano());
        } catch (DateTimeException e) {
            try {
                Instant i = LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
                return Window.Time.at(i.getEpochSecond() * 1_000_000_000L + i.getNano());
            } catch (DateTimeException e2) {
                throw new Cli.UserException(option + " needs an offset such as '30s' or an instant such as "
                        + "'2026-11-27T12:00:05Z', got '" + text + "'");
            }
        }
    }
}
