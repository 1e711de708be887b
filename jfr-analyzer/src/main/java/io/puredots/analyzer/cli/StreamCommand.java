package io.puredots.analyzer.cli;

import io.puredots.export.Endpoint;
import io.puredots.export.ExportException;
import io.puredots.export.InfluxCredentials;
import io.puredots.export.Resolution;
import io.puredots.export.TelemetryExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code jfr-analyzer stream}: attach to a running JVM and export its events live. */
@Command(name = "stream", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Attach to a running JVM by process id (JMX, RemoteRecordingStream) and export its events live.",
        footerHeading = "%n",
        footer = {
            "Nothing is needed in the game: the JVM's local management agent is started",
            "through the attach API (same user, JDK 17 or later), and puredots.jfc's",
            "settings for the exported events are applied to a remote recording. Points are",
            "handed to the endpoint every --interval; the same formats and InfluxDB sink as",
            "'export'.",
            "",
            "Endpoints: http://HOST:8086?db=NAME (1.x), http://HOST:8086?org=O&bucket=B",
            "(2.x, token from --token-file or INFLUX_TOKEN), a new .jsonl/.influx/.csv",
            "file, or - (JSON Lines on stdout). The budgets (--budgets) are written as",
            "budget_* points. InfluxDB 1.x with auth-enabled: username and password from",
            "--credentials-file (user:password) or INFLUX_USERNAME and INFLUX_PASSWORD.",
            "",
            "The stream ends when the JVM exits (its last events are exported first),",
            "after --duration, or on Ctrl-C; each way it writes what it holds and prints",
            "the same summary: points made and, for InfluxDB, the sink's delivery counts",
            "and how many points were not delivered.",
            "",
            "Exit codes: 0 every point delivered; 2 trouble: cannot attach, bad endpoint,",
            "or any point not delivered (server unreachable until --give-up-after passed,",
            "points refused, a 401 or 404, even one arriving while closing, the export",
            "stopped). Ctrl-C exits with the same codes.",
            "",
            "Examples:",
            "  jfr-analyzer stream --pid 12345",
            "  jfr-analyzer stream --pid 12345 --to 'http://127.0.0.1:8086?db=puredots'",
            "  jfr-analyzer stream --pid 12345 --duration 60 --to live.jsonl"})
final class StreamCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--pid", required = true, paramLabel = "PID", description = "Process id of the JVM to attach to.")
    long pid;

    @Option(names = "--to", paramLabel = "ENDPOINT", defaultValue = "-", description = "Where points go. Default: ${DEFAULT-VALUE}.")
    String to;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "1",
            description = "Hand points to the endpoint every SECONDS. Default: ${DEFAULT-VALUE}.")
    int intervalSeconds;

    @Option(names = "--resolution", paramLabel = "RES", defaultValue = "1s",
            description = "raw, frame, 1s or 10s. Default: ${DEFAULT-VALUE}.")
    String resolution;

    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "Stop after SECONDS (default: until the JVM exits or Ctrl-C).")
    Integer durationSeconds;

    @Mixin
    BudgetsOption budgets;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the InfluxDB token.")
    Path tokenFile;

    @Option(names = "--credentials-file", paramLabel = "FILE",
            description = "File holding the InfluxDB 1.x username and password, as user:password or on two lines.")
    Path credentialsFile;

    @Option(names = "--give-up-after", paramLabel = "SECONDS", defaultValue = "30",
            description = "At the end, how long to keep retrying an unreachable server before counting the rest as not delivered. Default: ${DEFAULT-VALUE}.")
    int giveUpSeconds;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (intervalSeconds < 1) {
            throw new Cli.UserException("--interval needs at least 1 second, got " + intervalSeconds);
        }
        if (giveUpSeconds < 0) {
            throw new Cli.UserException("--give-up-after needs 0 or more seconds, got " + giveUpSeconds);
        }
        TelemetryExporter exporter;
        try {
            TelemetryExporter.Config c = new TelemetryExporter.Config();
            c.resolution = Resolution.parse(resolution);
            c.interval = Duration.ofSeconds(intervalSeconds);
            c.endpoint = Endpoint.parse(to, null).withCredentials(InfluxCredentials.resolve(credentialsFile, tokenFile, System.getenv()));
            c.budgets = budgets.budgets();
            c.stdout = new ExportCommand.WriterOutputStream(spec.commandLine().getOut());
            c.warnings = w -> err.println("jfr-analyzer stream: " + w);
            c.sinkOptions.giveUpAfter = Duration.ofSeconds(giveUpSeconds);
            exporter = TelemetryExporter.attach(pid, c);
        } catch (ExportException e) {
            throw new Cli.UserException(e.getMessage(), e);
        }
        Ending ending = new Ending(exporter, spec.commandLine().getOut(), err);
        // Ctrl-C (SIGINT, SIGTERM): the same ending, then the same exit code
        Thread onCtrlC = new Thread(() -> {
            int code = Cli.TROUBLE;
            try {
                code = ending.finish();
            } finally {
                Runtime.getRuntime().halt(code);
            }
        }, "jfr-analyzer-stream-stop");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        err.println("jfr-analyzer stream: attached to " + pid + ", writing to " + to);
        err.flush();
        try {
            if (durationSeconds == null) {
                exporter.awaitTermination();
            } else {
                exporter.awaitTermination(Duration.ofSeconds(durationSeconds));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int code = ending.finish();
        try {
            Runtime.getRuntime().removeShutdownHook(onCtrlC);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it ends the JVM with this code
        }
        return code;
    }

    /**
     * The end of a stream, whichever way it came (the JVM exited, --duration, Ctrl-C): closes the
     * export once, prints the summary and gives the exit code. Thread-safe: the main thread and
     * the shutdown hook may both call {@link #finish()}; the second gets the first's code.
     */
    static final class Ending {
        private final TelemetryExporter exporter;
        private final PrintWriter out;
        private final PrintWriter err;
        private Integer code;

        Ending(TelemetryExporter exporter, PrintWriter out, PrintWriter err) {
            this.exporter = exporter;
            this.out = out;
            this.err = err;
        }

        /** {@value Cli#OK} when every point was delivered, else {@value Cli#TROUBLE}. */
        synchronized int finish() {
            if (code != null) {
                return code;
            }
            if (exporter.sourceExited()) {
                err.println("jfr-analyzer stream: the process exited; writing what it sent");
                err.flush();
            }
            String closeProblem = null;
            try {
                exporter.close();
            } catch (IOException | RuntimeException e) {
                closeProblem = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            out.flush();
            err.println("jfr-analyzer stream: " + exporter.summary());
            if (closeProblem != null) {
                err.println("jfr-analyzer stream: " + closeProblem);
            }
            err.flush();
            code = closeProblem == null && exporter.everyPointDelivered() ? Cli.OK : Cli.TROUBLE;
            return code;
        }
    }
}
