package io.puredots.analyzer.cli;

import io.puredots.budgets.Budgets;
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
            "'export'. Runs until the JVM exits, --duration passes or Ctrl-C.",
            "",
            "Endpoints: http://HOST:8086?db=NAME (1.x), http://HOST:8086?org=O&bucket=B",
            "(2.x, token from --token-file or INFLUX_TOKEN), a new .jsonl/.influx/.csv",
            "file, or - (JSON Lines on stdout). The budgets (--budgets) are written as",
            "budget_* points. InfluxDB 1.x with auth-enabled: username and password from",
            "--credentials-file (user:password) or INFLUX_USERNAME and INFLUX_PASSWORD.",
            "",
            "Exit codes: 0 streamed until the end; 2 trouble (cannot attach, bad endpoint,",
            "export failed).",
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

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (intervalSeconds < 1) {
            throw new Cli.UserException("--interval needs at least 1 second, got " + intervalSeconds);
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
            c.sinkOptions.giveUpAfter = Duration.ofSeconds(30);
            exporter = TelemetryExporter.attach(pid, c);
        } catch (ExportException e) {
            throw new Cli.UserException(e.getMessage(), e);
        }
        Thread onCtrlC = new Thread(() -> close(exporter, err), "jfr-analyzer-stream-stop");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        err.println("jfr-analyzer stream: attached to " + pid + ", writing to " + to);
        err.flush();
        try {
            if (durationSeconds == null) {
                exporter.awaitTermination();
            } else {
                Thread waiter = new Thread(() -> {
                    try {
                        exporter.awaitTermination();
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                });
                waiter.setDaemon(true);
                waiter.start();
                waiter.join(Duration.ofSeconds(durationSeconds).toMillis());
            }
        } finally {
            close(exporter, err);
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
        if (exporter.failure() != null) {
            throw new Cli.UserException("export stopped: " + exporter.failure().getMessage());
        }
        return Cli.OK;
    }

    private static void close(TelemetryExporter exporter, PrintWriter err) {
        try {
            exporter.close();
            err.println("jfr-analyzer stream: " + exporter.pointsWritten() + " points"
                    + (exporter.stats() == null ? "" : "; " + exporter.stats()));
        } catch (IOException | RuntimeException e) {
            err.println("jfr-analyzer stream: " + e.getMessage());
        }
        err.flush();
    }

}
