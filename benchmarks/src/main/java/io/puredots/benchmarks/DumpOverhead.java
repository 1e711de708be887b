package io.puredots.benchmarks;

import io.puredots.budgets.Budgets;
import io.puredots.events.BudgetViolationEvent;
import io.puredots.events.dump.DumpOnViolation;
import io.puredots.sim.SimConfig;
import io.puredots.sim.Simulation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Cost of {@link DumpOnViolation} to the game's frame: one running simulation, measured side by
 * side in one JVM.
 *
 * <ol>
 *   <li>{@code rounds} rounds of three {@code ticks}-tick windows, their order rotating each
 *       round: no recording at all ("off"), a plain {@code puredots.jfc} recording to disk
 *       ("plain", what {@code -XX:StartFlightRecording} costs) and the rolling recording with
 *       its in-process watcher, no violation ("rolling"). Per window the p95, the longest frame
 *       and the process CPU time per tick (which includes JFR's threads, the watcher's too, and
 *       which other load on the machine disturbs less than wall time); per round the ratios
 *       rolling/off and rolling/plain.</li>
 *   <li>{@code dumps} rounds with the rolling recording on: {@code ticks} frames of history, then
 *       one {@code puredots.BudgetViolation} committed on the game thread (as the game's monitor
 *       does) and frames until the dump file is complete; the longest of those frames. The span
 *       includes the stream's delivery of the event (about a second) as well as the dump.</li>
 * </ol>
 * The simulation runs under an empty budget file, so it commits no violation of its own.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.puredots.benchmarks.DumpOverhead \
 *      --entities 20000 --workers 1 --ticks 300 --rounds 6 --dumps 3 --warmup 300
 * }</pre>
 *
 * <p>Single-threaded tool; exit code 0, or 2 on bad arguments.
 */
public final class DumpOverhead {
    /** A dump round gives up waiting for its file after this long. */
    private static final Duration DUMP_DEADLINE = Duration.ofSeconds(60);

    private DumpOverhead() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> opts = BenchArgs.parse("dump-overhead", args, Map.of("entities", 20_000,
                "workers", io.puredots.sim.jobs.JobScheduler.defaultWorkerCount(),
                "ticks", 300, "rounds", 6, "dumps", 3, "warmup", 300));
        int entities = opts.get("entities");
        int workers = opts.get("workers");
        int ticks = opts.get("ticks");
        int rounds = opts.get("rounds");
        int dumps = opts.get("dumps");
        int warmup = opts.get("warmup");
        Path dir = Files.createTempDirectory("dump-overhead");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Budgets none = Budgets.parse("none", new StringReader(""));
        String[] modes = {"off", "plain", "rolling"};
        double[][] p95 = new double[modes.length][rounds];
        double[][] longest = new double[modes.length][rounds];
        double[][] cpu = new double[modes.length][rounds];
        double[] rollingOff = new double[rounds];
        double[] rollingPlain = new double[rounds];
        double[] cpuRollingOff = new double[rounds];
        double[] cpuRollingPlain = new double[rounds];
        double[] dumpMax = new double[dumps];
        Configuration jfc = puredotsJfc();
        try (Simulation sim = new Simulation(SimConfig.builder().entities(entities).workers(workers)
                .ticks(Integer.MAX_VALUE).budgets(none).log(quiet).build())) {
            for (int i = 0; i < warmup; i++) {
                sim.tick();
            }
            // each recording kind and one dump once first, so JFR's one-time start-up is not measured
            window(sim, Math.min(ticks, 50), 1, dir, jfc);
            dumpRound(sim, Math.min(ticks, 50), dir);
            System.out.printf(Locale.ROOT, "dump overhead: %d entities, %d workers, %d ticks per window, %d rounds,"
                    + " %d dumps%n", entities, workers, ticks, rounds, dumps);
            System.out.println("round  order              off p95  plain p95  rolling p95  rolling/off  rolling/plain"
                    + "  off max  plain max  rolling max  off cpu  plain cpu  rolling cpu  cpu rolling/off"
                    + "  cpu rolling/plain   (ms, cpu: process CPU ms per tick)");
            for (int r = 0; r < rounds; r++) {
                StringBuilder order = new StringBuilder();
                for (int k = 0; k < modes.length; k++) {
                    int m = (r + k) % modes.length;
                    long[] w = window(sim, ticks, m, dir, jfc);
                    long[] frames = Arrays.copyOf(w, ticks);
                    cpu[m][r] = w[ticks] / 1e6 / ticks;
                    p95[m][r] = p95(frames) / 1e6;
                    longest[m][r] = max(frames) / 1e6;
                    order.append(k == 0 ? "" : ",").append(modes[m]);
                }
                rollingOff[r] = p95[2][r] / p95[0][r];
                rollingPlain[r] = p95[2][r] / p95[1][r];
                cpuRollingOff[r] = cpu[2][r] / cpu[0][r];
                cpuRollingPlain[r] = cpu[2][r] / cpu[1][r];
                System.out.printf(Locale.ROOT, "%5d  %-17s  %7.3f  %9.3f  %11.3f  %11.4f  %13.4f  %7.3f  %9.3f  %11.3f"
                                + "  %7.3f  %9.3f  %11.3f  %15.4f  %17.4f%n",
                        r, order, p95[0][r], p95[1][r], p95[2][r], rollingOff[r], rollingPlain[r],
                        longest[0][r], longest[1][r], longest[2][r], cpu[0][r], cpu[1][r], cpu[2][r],
                        cpuRollingOff[r], cpuRollingPlain[r]);
            }
            System.out.println("dump  frames until written  longest frame ms  dump MB");
            for (int d = 0; d < dumps; d++) {
                long[] round = dumpRound(sim, ticks, dir);
                long[] frames = Arrays.copyOf(round, round.length - 1);
                dumpMax[d] = max(frames) / 1e6;
                System.out.printf(Locale.ROOT, "%4d  %20d  %16.3f  %7.1f%n", d, frames.length, dumpMax[d],
                        round[round.length - 1] / 1048576.0);
            }
        } finally {
            deleteAll(dir);
        }
        for (int m = 0; m < modes.length; m++) {
            MedianLine.print("p95 " + modes[m] + " (ms)", p95[m]);
        }
        MedianLine.print("p95 ratio rolling/off", rollingOff);
        MedianLine.print("p95 ratio rolling/plain", rollingPlain);
        for (int m = 0; m < modes.length; m++) {
            MedianLine.print("longest frame " + modes[m] + " (ms)", longest[m]);
        }
        MedianLine.print("longest frame while a dump is written (ms)", dumpMax);
        for (int m = 0; m < modes.length; m++) {
            MedianLine.print("process CPU per tick " + modes[m] + " (ms)", cpu[m]);
        }
        MedianLine.print("process CPU per tick ratio rolling/off", cpuRollingOff);
        MedianLine.print("process CPU per tick ratio rolling/plain", cpuRollingPlain);
    }

    /**
     * Frame times (ns) of one window in mode 0 (no recording), 1 (a plain recording) or 2 (the
     * rolling recording with its watcher), followed by the process CPU time (ns) the window took;
     * recordings are started and stopped outside the window.
     */
    private static long[] window(Simulation sim, int ticks, int mode, Path dir, Configuration jfc) throws IOException {
        AutoCloseable recording = null;
        if (mode == 1) {
            Recording plain = new Recording(jfc);
            plain.setToDisk(true);
            plain.setMaxAge(Duration.ofSeconds(40));
            plain.start();
            recording = plain;
        } else if (mode == 2) {
            recording = recorder(dir);
        }
        long[] frames = new long[ticks + 1];
        long c0 = processCpuNanos();
        for (int i = 0; i < ticks; i++) {
            long t0 = System.nanoTime();
            sim.tick();
            frames[i] = System.nanoTime() - t0;
        }
        frames[ticks] = processCpuNanos() - c0;
        if (recording != null) {
            try {
                recording.close();
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
        return frames;
    }

    private static Configuration puredotsJfc() throws IOException, ParseException {
        try (Reader r = new InputStreamReader(
                DumpOverhead.class.getResourceAsStream(DumpOnViolation.SETTINGS_RESOURCE), StandardCharsets.UTF_8)) {
            return Configuration.create(r);
        }
    }

    /**
     * {@code history} frames with the rolling recording on, one violation, then frames until the
     * dump is written; returns those last frame times (ns) followed by the dump's size in bytes.
     */
    private static long[] dumpRound(Simulation sim, int history, Path dir) throws IOException {
        try (DumpOnViolation recorder = recorder(dir)) {
            for (int i = 0; i < history; i++) {
                sim.tick();
            }
            BudgetViolationEvent v = new BudgetViolationEvent();
            v.budgetId = "frame";
            v.severity = "CRITICAL";
            v.unit = "ms";
            v.commit();
            long deadline = System.nanoTime() + DUMP_DEADLINE.toNanos();
            long[] frames = new long[1024];
            int n = 0;
            while (recorder.dumps().isEmpty() && recorder.failures().isEmpty() && System.nanoTime() < deadline) {
                long t0 = System.nanoTime();
                sim.tick();
                if (n == frames.length) {
                    frames = Arrays.copyOf(frames, 2 * n);
                }
                frames[n++] = System.nanoTime() - t0;
            }
            if (recorder.dumps().isEmpty()) {
                throw new IOException("no dump written: " + recorder.failures());
            }
            Path dump = recorder.dumps().get(0);
            long[] out = Arrays.copyOf(frames, n + 1);
            out[n] = Files.size(dump);
            Files.delete(dump);
            return out;
        }
    }

    private static DumpOnViolation recorder(Path dir) throws IOException {
        return DumpOnViolation.builder(dir).before(Duration.ofSeconds(30)).after(Duration.ZERO)
                .minInterval(Duration.ZERO).log(line -> { }).start();
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        return 0;
    }

    private static long p95(long[] frames) {
        long[] s = frames.clone();
        Arrays.sort(s);
        return s[(int) Math.ceil(0.95 * s.length) - 1];
    }

    private static long max(long[] frames) {
        return Arrays.stream(frames).max().orElse(0);
    }

    private static void deleteAll(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }
}
