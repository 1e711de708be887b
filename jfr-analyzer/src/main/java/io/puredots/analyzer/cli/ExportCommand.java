package io.puredots.analyzer.cli;

import io.puredots.analyzer.read.ReadOptions;
import io.puredots.analyzer.read.source.IntactChunks;
import io.puredots.analyzer.read.source.SourceOptions;
import io.puredots.budgets.Budgets;
import io.puredots.export.DeliveryStats;
import io.puredots.export.ExportException;
import io.puredots.export.PointFormat;
import io.puredots.export.InfluxCredentials;
import io.puredots.export.InfluxHttpSink;
import io.puredots.export.InfluxTarget;
import io.puredots.export.PointWriter;
import io.puredots.export.RecordingExporter;
import io.puredots.export.Resolution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code jfr-analyzer export}: options in, the intact chunks of the recording ({@link IntactChunks},
 * report's rules and warnings) through jfr-export's RecordingExporter, counts and exit code out.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Export a recording as metric points: JSON Lines, InfluxDB line protocol or CSV, to a file or to InfluxDB.",
        footerHeading = "%n",
        footer = {
            "Timestamps are nanoseconds since the Unix epoch, taken from the recording, so",
            "exporting a recording again yields identical points. Metrics and fields:",
            "jfr-export/README.md. The budgets (--budgets) are written as budget_* points.",
            "",
            "InfluxDB: --to http://HOST:8086 --db NAME (1.x, /write) or --to URL --org O",
            "--bucket B (2.x, /api/v2/write). Credentials never go on the command line:",
            "1.x with auth-enabled takes a username and password (basic auth) from",
            "--credentials-file (user:password, not readable by others) or INFLUX_USERNAME",
            "and INFLUX_PASSWORD; a token from --token-file or INFLUX_TOKEN. Batches of",
            "--batch-size lines, gzip; 5xx, 429, timeouts and network errors are retried",
            "with backoff, meanwhile batches wait in memory and then in a spill file;",
            "400, 401, 404, 413 are not.",
            "",
            "The recording is read by report's rules: a .jfr file, a gzip recording or a JFR",
            "repository directory; damaged chunks are left out with report's warnings, and",
            "without an intact chunk the export fails.",
            "",
            "-o FILE is written whole or not at all; --force replaces only a regular file.",
            "",
            "Exit codes: 0 every point written; 2 trouble (bad usage, unreadable input,",
            "points refused or dropped, the file or stdout not written in full).",
            "",
            "Examples:",
            "  jfr-analyzer export run.jfr --format jsonl --output run.jsonl",
            "  jfr-analyzer export run.jfr --format csv --resolution 1s --output run.csv",
            "  jfr-analyzer export run.jfr --resolution 1s --to http://db:8086 --db game",
            "  jfr-analyzer export run.jfr --to http://db:8086 --org acme --bucket game"})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RECORDING", description = "The JFR recording to export: a .jfr file, gzip or a JFR repository directory.")
    Path recording;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "jsonl, influx or csv. Default: jsonl, or influx with --to.")
    String format;

    @Mixin
    OutputOptions output;

    @Option(names = "--resolution", paramLabel = "RES", defaultValue = "raw",
            description = "raw (one point per event), frame, 1s or 10s (mean, p95, max, count per window). Default: ${DEFAULT-VALUE}.")
    String resolution;

    @Mixin
    BudgetsOption budgets;

    @Option(names = "--to", paramLabel = "URL", description = "InfluxDB base URL, for example http://127.0.0.1:8086.")
    URI to;

    @Option(names = "--db", paramLabel = "NAME", description = "InfluxDB 1.x database.")
    String db;

    @Option(names = "--org", paramLabel = "ORG", description = "InfluxDB 2.x organization.")
    String org;

    @Option(names = "--bucket", paramLabel = "BUCKET", description = "InfluxDB 2.x bucket.")
    String bucket;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the InfluxDB token (else the INFLUX_TOKEN environment variable).")
    Path tokenFile;

    @Option(names = "--credentials-file", paramLabel = "FILE",
            description = "File holding the InfluxDB 1.x username and password, as user:password or on two lines"
                    + " (else INFLUX_USERNAME and INFLUX_PASSWORD).")
    Path credentialsFile;

    @Option(names = "--batch-size", paramLabel = "LINES", defaultValue = "5000",
            description = "Lines per HTTP request. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--give-up-after", paramLabel = "SECONDS", defaultValue = "120",
            description = "At the end, how long to keep retrying an unreachable server before counting the rest as dropped. Default: ${DEFAULT-VALUE}.")
    int giveUpSeconds;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Resolution res = Resolution.parse(resolution);
            Budgets budgets = this.budgets.budgets();
            output.checkTarget();
            try (IntactChunks input = Cli.reading(List.of(recording), () -> IntactChunks.of(recording,
                    SourceOptions.defaults(), ReadOptions.defaults(), "export"))) {
                for (String w : input.warnings()) {
                    err.println("jfr-analyzer export: warning: " + w);
                }
                return export(input.file(), res, budgets, err);
            }
        } catch (ExportException e) {
            throw new Cli.UserException(e.getMessage(), e);
        }
    }

    /**
     * Exports {@code source}, the intact chunks of the recording. A write that failed is trouble;
     * the summary is printed only when every point was written.
     */
    private int export(Path source, Resolution res, Budgets budgets, PrintWriter err) throws IOException {
        if (to != null) {
            return toInflux(source, res, budgets, err);
        }
        if (db != null || org != null || bucket != null || tokenFile != null) {
            throw new Cli.UserException("--db, --org, --bucket and --token-file need --to URL");
        }
        if (credentialsFile != null) {
            throw new Cli.UserException("--credentials-file needs --to URL");
        }
        PointFormat f = PointFormat.parse(format == null ? "jsonl" : format);
        RecordingExporter.Result r;
        if (output.toStdout()) {
            PrintWriter out = spec.commandLine().getOut();
            try (PointWriter w = f.open(new WriterOutputStream(out), false, warnings(err))) {
                r = RecordingExporter.export(source, res, budgets, w);
            } catch (IOException | RuntimeException e) {
                Cli.checkStdout(out); // the writer's failure, worded, rather than what it caused
                throw e;
            }
            Cli.checkStdout(out);
        } else {
            r = toFile(source, f, res, budgets, err);
        }
        err.println("jfr-analyzer export: " + r.events + " events, " + r.points + " points (" + f.cliName() + ", "
                + res.cliName() + ")" + late(r));
        return Cli.OK;
    }

    private String late(RecordingExporter.Result r) {
        return r.lateSamples == 0 ? "" : "; " + r.lateSamples + " samples came after their window was written and were dropped";
    }

    /** The writers' one-line warnings (a name the format cannot carry, replaced), on stderr. */
    private static Consumer<String> warnings(PrintWriter err) {
        return w -> err.println("jfr-analyzer export: warning: " + w);
    }

    private RecordingExporter.Result toFile(Path source, PointFormat f, Resolution res, Budgets budgets, PrintWriter err)
            throws IOException {
        return AtomicFileWriter.write(output.file(), output.force(), out -> {
            try (PointWriter w = f.open(out, true, warnings(err))) {
                return RecordingExporter.export(source, res, budgets, w);
            }
        });
    }

    private int toInflux(Path source, Resolution res, Budgets budgets, PrintWriter err) throws IOException {
        if (format != null && !format.equals("influx")) {
            throw new Cli.UserException("--to writes line protocol; --format " + format + " cannot be used with it");
        }
        if (!output.toStdout()) {
            throw new Cli.UserException("--output and --to cannot be used together");
        }
        if (batchSize < 1) {
            throw new Cli.UserException("--batch-size needs a positive number of lines, got " + batchSize);
        }
        InfluxCredentials credentials = InfluxCredentials.resolve(credentialsFile, tokenFile, System.getenv());
        InfluxTarget target;
        if (bucket != null || org != null) {
            if (db != null) {
                throw new Cli.UserException("give --db (InfluxDB 1.x) or --org and --bucket (2.x), not both");
            }
            target = InfluxTarget.v2(to, org, bucket, null).withCredentials(credentials);
        } else if (db != null) {
            target = InfluxTarget.v1(to, db, null).withCredentials(credentials);
        } else {
            throw new Cli.UserException("--to needs --db NAME (InfluxDB 1.x) or --org and --bucket (2.x)");
        }
        InfluxHttpSink.Options o = new InfluxHttpSink.Options();
        o.batchLines = batchSize;
        o.giveUpAfter = Duration.ofSeconds(Math.max(1, giveUpSeconds));
        o.warnings = w -> err.println("jfr-analyzer export: " + w);
        InfluxHttpSink sink = new InfluxHttpSink(target, o);
        RecordingExporter.Result r = null;
        ExportException stopped = null;
        try {
            r = RecordingExporter.export(source, res, budgets, sink);
        } catch (ExportException e) {
            stopped = e;
        } finally {
            sink.close();
        }
        DeliveryStats s = sink.stats();
        err.println("jfr-analyzer export: " + (r == null ? "" : r.events + " events; ") + s + (r == null ? "" : late(r)));
        if (stopped != null) {
            throw new Cli.UserException(stopped.getMessage(), stopped);
        }
        if (!s.allDelivered()) {
            throw new Cli.UserException(s.undelivered() + " of " + s.points + " points were not written to " + target);
        }
        return Cli.OK;
    }


    /**
     * UTF-8 bytes onto a {@link Writer} (the command line's stdout), carrying a multi-byte character
     * split across writes. Not thread-safe. Closing flushes but does not close the writer. A
     * {@link PrintWriter} swallows its stream's errors; once its {@code checkError()} turns true
     * (checked at every 8 KB passed on), writes throw, so that an export stops at the first
     * failure instead of reading the rest of the recording for nothing.
     */
    static final class WriterOutputStream extends OutputStream {
        private final Writer out;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final ByteBuffer in = ByteBuffer.allocate(8192);
        private final CharBuffer chars = CharBuffer.allocate(8192);
        private static final int CHECK_EVERY = 8192;
        /** Bytes passed on since the last {@code checkError()}. */
        private long unchecked;

        WriterOutputStream(Writer out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int n = Math.min(len, in.remaining());
                in.put(b, off, n);
                off += n;
                len -= n;
                unchecked += n;
                drain();
            }
        }

        private void drain() throws IOException {
            in.flip();
            while (true) {
                chars.clear();
                boolean overflow = decoder.decode(in, chars, false).isOverflow();
                chars.flip();
                out.append(chars);
                if (!overflow) {
                    break;
                }
            }
            in.compact();
            if (unchecked >= CHECK_EVERY && out instanceof PrintWriter p) {
                unchecked = 0;
                if (p.checkError()) {
                    throw new IOException("cannot write to stdout");
                }
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
