package io.puredots.sim;

import io.puredots.budgets.BudgetFormatException;
import io.puredots.budgets.Budgets;
import io.puredots.events.dump.DumpOnViolation;
import io.puredots.events.dump.Severity;
import io.puredots.sim.jobs.JobScheduler;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The soak scene: parses the command line, runs a {@link Simulation}, prints the summary.
 * Exit codes: 0 the run finished (budget violations are reported, not failures), 2 trouble
 * (bad arguments, unreadable budget file, internal error; with {@code --export-required}, an
 * exported point not delivered). The game never fails because telemetry failed: export errors
 * are warnings on stderr and counts in the summary.
 */
public final class Main {
    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar sim-runtime.jar [options]",
            "Runs the PureDOTS reference game (villagers, resources, miracles) and prints a summary.",
            "",
            "Options:",
            "  --entities N              entities at start, 4/5 villagers and 1/5 resources (default 20000)",
            "  --ticks N                 frames to run (default 600)",
            "  --workers N               job worker threads (default cores - 1, at least 1)",
            "  --seed N                  world seed (default 1); same seed and entities give the same checksum",
            "  --fps N                   pace to N frames per second; 0 runs as fast as possible (default 0)",
            "  --budgets FILE            budget file (default: budgets/default.budgets from the jar)",
            "  --scenario soak|spikes    spikes adds periodic miracle storms, mass spawns and allocation bursts",
            "  --slowdown SYSTEM=PERCENT make one system do PERCENT more work (regression tests)",
            "  --pause-on-critical       stop the run on a CRITICAL budget breach",
            "  --export-to ENDPOINT      stream telemetry while running (1 s windows): http://HOST:8086?db=NAME",
            "                            (username and password in INFLUX_USERNAME and INFLUX_PASSWORD when",
            "                            auth is on), http://HOST:8086?org=O&bucket=B (token in INFLUX_TOKEN),",
            "                            or a new .jsonl/.influx/.csv file; the summary counts what was delivered",
            "  --export-required         exit 2 when any exported point was not delivered (else export",
            "                            losses never change the exit code: the game runs on regardless)",
            "  --dump-on-violation DIR   keep a rolling flight recording (puredots.jfc) and dump it into DIR",
            "                            when a budget is violated; the summary lists the files",
            "  --dump-before SECONDS     history a dump keeps before the violation (default 30)",
            "  --dump-after SECONDS      write the dump this long after the violation (default 5)",
            "  --dump-min-interval SECONDS  at most one dump per this many seconds (default 60)",
            "  --dump-severity WARNING|CRITICAL  least severity that dumps (default WARNING)",
            "  --help                    print this help",
            "  --version                 print the version",
            "",
            "Examples:",
            "  java -jar sim-runtime/target/sim-runtime.jar --entities 50000 --ticks 1200",
            "  java -XX:StartFlightRecording:settings=jfr-events/jfc/puredots.jfc,filename=run.jfr \\",
            "       -jar sim-runtime/target/sim-runtime.jar --scenario spikes",
            "  java -jar sim-runtime/target/sim-runtime.jar --slowdown SpatialGridBuildSystem=2000 \\",
            "       --dump-on-violation dumps --dump-after 2",
            "",
            "Exit codes: 0 finished (points --export-to could not deliver are counted in the summary, not",
            "failed on), 2 bad arguments or internal error, or, with --export-required, any exported point",
            "not delivered (server unreachable until the 10 s give-up time at the end, refused, 401, 404).");

    private Main() {
    }

    public static void main(String[] args) {
        int rc = run(args, System.out, System.err);
        if (rc != 0) {
            System.exit(rc);
        }
    }

    /** Runs the soak scene; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        SimConfig config;
        String exportTo = null;
        boolean exportRequired = false;
        java.util.List<String> rest = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--export-required")) {
                exportRequired = true;
            } else if (args[i].equals("--export-to")) {
                if (i + 1 >= args.length) {
                    err.println("sim-runtime: --export-to needs a value (see --help)");
                    return 2;
                }
                exportTo = args[++i];
            } else if (args[i].equals("--version") || args[i].equals("-V")) {
                out.println("sim-runtime " + version());
                return 0;
            } else if (args[i].startsWith("--export-to=")) {
                exportTo = args[i].substring("--export-to=".length());
            } else {
                rest.add(args[i]);
            }
        }
        try {
            config = parse(rest.toArray(new String[0]), err);
        } catch (UsageException e) {
            err.println("sim-runtime: " + e.getMessage());
            return 2;
        }
        if (config == null) {
            out.println(USAGE);
            return 0;
        }
        if (exportRequired && exportTo == null) {
            err.println("sim-runtime: --export-required needs --export-to ENDPOINT");
            return 2;
        }
        DumpOnViolation dumper = null;
        if (config.dumpDirectory != null) {
            try {
                dumper = startDumper(config, err);
            } catch (IOException | RuntimeException e) {
                err.println("sim-runtime: --dump-on-violation: " + e.getMessage());
                return 2;
            }
        }
        io.puredots.export.TelemetryExporter exporter = null;
        if (exportTo != null) {
            try {
                io.puredots.export.TelemetryExporter.Config ec = new io.puredots.export.TelemetryExporter.Config();
                ec.endpoint = io.puredots.export.Endpoint.parse(exportTo, null).withCredentials(
                        io.puredots.export.InfluxCredentials.fromEnvironment(System.getenv()));
                ec.budgets = config.budgets;
                ec.stdout = out;
                ec.warnings = w -> err.println("sim-runtime: " + w);
                ec.sinkOptions.giveUpAfter = java.time.Duration.ofSeconds(10); // the game's exit waits at most this
                exporter = io.puredots.export.TelemetryExporter.start(ec);
            } catch (IOException | RuntimeException e) { // before the game starts: a bad endpoint, one line
                err.println("sim-runtime: --export-to: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                if (dumper != null) {
                    dumper.close();
                }
                return 2;
            }
        }
        RunSummary s;
        String dumps = "";
        try (Simulation sim = new Simulation(config)) {
            s = sim.run();
            if (dumper != null) {
                dumper.close(); // writes the dumps still waiting for their --dump-after seconds
                dumps = RunSummary.formatDumps(config.dumpDirectory, dumper.dumps(), dumper.failures(),
                        dumper.rateLimited());
            }
        } catch (IllegalArgumentException e) {
            err.println("sim-runtime: " + e.getMessage());
            return 2;
        } catch (RuntimeException | OutOfMemoryError e) {
            err.println("sim-runtime: internal error: " + e);
            return 2;
        } finally {
            if (dumper != null) {
                dumper.close();
            }
            if (exporter != null) {
                closeExport(exporter, err);
            }
        }
        out.print(s.format());
        out.print(dumps);
        boolean delivered = true;
        if (exporter != null) {
            out.print(String.format(Locale.ROOT, "  export       %s%n", exporter.summary()));
            delivered = exporter.everyPointDelivered();
        }
        out.flush();
        return exportRequired && !delivered ? 2 : 0;
    }
    /** Ends the export (it delivers what it holds, up to its give-up time); a failure is a warning, never the game's. */
    private static void closeExport(io.puredots.export.TelemetryExporter exporter, PrintStream err) {
        try {
            exporter.close();
        } catch (IOException | RuntimeException e) {
            err.println("sim-runtime: export: " + e.getMessage());
        }
    }

    private static DumpOnViolation startDumper(SimConfig config, PrintStream err) throws IOException {
        return DumpOnViolation.builder(config.dumpDirectory)
                .before(config.dumpBefore)
                .after(config.dumpAfter)
                .minInterval(config.dumpMinInterval)
                .minSeverity(config.dumpMinSeverity)
                .log(line -> err.println("sim-runtime: " + line))
                .start();
    }

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** Parses the options; null means "print usage". */
    /** This build's version, from the pom (a filtered resource, so tests and the jar agree). */
    static String version() {
        java.util.Properties p = new java.util.Properties();
        try (java.io.InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (java.io.IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    static SimConfig parse(String[] args, PrintStream log) throws UsageException {
        SimConfig.Builder b = SimConfig.builder().log(log);
        boolean dumpOn = false;
        String dumpOption = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--help":
                case "-h":
                    return null;
                case "--pause-on-critical":
                    if (value != null) {
                        throw new UsageException("--pause-on-critical takes no value");
                    }
                    b.pauseOnCritical(true);
                    continue;
                case "--entities":
                case "--ticks":
                case "--workers":
                case "--seed":
                case "--fps":
                case "--budgets":
                case "--scenario":
                case "--slowdown":
                case "--dump-on-violation":
                case "--dump-before":
                case "--dump-after":
                case "--dump-min-interval":
                case "--dump-severity":
                    break;
                default:
                    throw new UsageException("unknown option '" + args[i] + "' (see --help)");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException(a + " needs a value (see --help)");
                }
                value = args[++i];
            }
            switch (a) {
                case "--entities":
                    b.entities(intValue(a, value, 2, 10_000_000));
                    break;
                case "--ticks":
                    b.ticks(intValue(a, value, 1, Integer.MAX_VALUE));
                    break;
                case "--workers":
                    b.workers(intValue(a, value, 1, 256));
                    break;
                case "--seed":
                    try {
                        b.seed(Long.parseLong(value));
                    } catch (NumberFormatException e) {
                        throw new UsageException("--seed needs a whole number, got '" + value + "'");
                    }
                    break;
                case "--fps":
                    b.fps(intValue(a, value, 0, 10_000));
                    break;
                case "--budgets":
                    b.budgets(readBudgets(value));
                    break;
                case "--scenario":
                    if (value.equals("soak")) {
                        b.scenario(Scenario.SOAK);
                    } else if (value.equals("spikes")) {
                        b.scenario(Scenario.SPIKES);
                    } else {
                        throw new UsageException("--scenario needs soak or spikes, got '" + value + "'");
                    }
                    break;
                case "--slowdown":
                    int e = value.indexOf('=');
                    String pct = e < 0 ? "" : value.substring(e + 1).strip();
                    if (pct.endsWith("%")) {
                        pct = pct.substring(0, pct.length() - 1).strip();
                    }
                    double p;
                    try {
                        p = Double.parseDouble(pct);
                    } catch (NumberFormatException ex) {
                        p = Double.NaN;
                    }
                    if (e <= 0 || !(p >= 0) || p > 100_000) {
                        throw new UsageException("--slowdown needs SYSTEM=PERCENT with PERCENT from 0 to 100000,"
                                + " for example SpatialGridBuildSystem=50, got '" + value + "'");
                    }
                    b.slowdown(value.substring(0, e).strip(), p);
                    break;
                case "--dump-on-violation":
                    try {
                        b.dumpOnViolation(Path.of(value));
                    } catch (InvalidPathException ex) {
                        throw new UsageException("--dump-on-violation needs a directory, got '" + value + "'");
                    }
                    if (value.isBlank()) {
                        throw new UsageException("--dump-on-violation needs a directory, got '" + value + "'");
                    }
                    dumpOn = true;
                    break;
                case "--dump-before":
                    b.dumpBefore(seconds(a, value, false));
                    dumpOption = a;
                    break;
                case "--dump-after":
                    b.dumpAfter(seconds(a, value, true));
                    dumpOption = a;
                    break;
                case "--dump-min-interval":
                    b.dumpMinInterval(seconds(a, value, true));
                    dumpOption = a;
                    break;
                case "--dump-severity":
                    if (value.equals("WARNING") || value.equals("CRITICAL")) {
                        b.dumpMinSeverity(Severity.valueOf(value));
                    } else {
                        throw new UsageException("--dump-severity needs WARNING or CRITICAL, got '" + value + "'");
                    }
                    dumpOption = a;
                    break;
                default:
                    throw new AssertionError(a);
            }
        }
        if (dumpOption != null && !dumpOn) {
            throw new UsageException(dumpOption + " needs --dump-on-violation DIR");
        }
        return b.build();
    }

    /** A time in seconds (decimals allowed), more than zero or, if {@code zeroAllowed}, zero or more. */
    private static Duration seconds(String option, String value, boolean zeroAllowed) throws UsageException {
        double s;
        try {
            s = value.matches("[0-9]+(\\.[0-9]+)?") ? Double.parseDouble(value) : Double.NaN;
        } catch (NumberFormatException e) {
            s = Double.NaN;
        }
        if (!(s > 0 || (zeroAllowed && s == 0)) || s > 1e9) {
            throw new UsageException(option + " needs a number of seconds " + (zeroAllowed ? "(0 or more)" : "(more than 0)")
                    + ", got '" + value + "'");
        }
        return Duration.ofNanos(Math.round(s * 1e9));
    }

    private static int intValue(String option, String value, int min, int max) throws UsageException {
        try {
            long v = Long.parseLong(value);
            if (v >= min && v <= max) {
                return (int) v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(String.format(Locale.ROOT, "%s needs a whole number from %d to %d, got '%s'",
                option, min, max, value));
    }

    private static Budgets readBudgets(String file) throws UsageException {
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) {
            throw new UsageException("cannot read budget file '" + file + "': no such file");
        }
        try {
            return Budgets.read(p);
        } catch (IOException e) {
            throw new UsageException("cannot read budget file '" + file + "': " + e.getMessage());
        } catch (BudgetFormatException e) {
            throw new UsageException("bad budget file: " + e.getMessage());
        }
    }

    static int defaultWorkers() {
        return JobScheduler.defaultWorkerCount();
    }
}
