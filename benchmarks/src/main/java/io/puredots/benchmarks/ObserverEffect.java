package io.puredots.benchmarks;

import io.puredots.sim.SimConfig;
import io.puredots.sim.Simulation;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Observer-effect benchmark: ticks per second of one running simulation with a
 * {@code puredots.jfc} recording versus without, measured side by side in one JVM. Runs
 * {@code pairs} pairs of {@code ticks}-tick windows, alternating which mode goes first (ABBA), and
 * prints each pair's ratio (recorded / unrecorded ticks per second) and the median; also the
 * ratio of process CPU time per tick (unrecorded / recorded), which a loaded machine disturbs
 * less than wall time.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.puredots.benchmarks.ObserverEffect \
 *      --entities 20000 --workers 1 --ticks 200 --pairs 8 --warmup 300
 * }</pre>
 *
 * <p>Single-threaded tool; exit code 0, or 2 on bad arguments.
 */
public final class ObserverEffect {
    private ObserverEffect() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> opts = BenchArgs.parse("observer-effect", args, Map.of("entities", 20_000,
                "workers", io.puredots.sim.jobs.JobScheduler.defaultWorkerCount(),
                "ticks", 200, "pairs", 8, "warmup", 300));
        int entities = opts.get("entities");
        int workers = opts.get("workers");
        int ticks = opts.get("ticks");
        int pairs = opts.get("pairs");
        int warmup = opts.get("warmup");
        Configuration jfc;
        try (Reader r = new InputStreamReader(
                ObserverEffect.class.getResourceAsStream("/io/puredots/events/puredots.jfc"), StandardCharsets.UTF_8)) {
            jfc = Configuration.create(r);
        }
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        double[] ratios = new double[pairs];
        double[] cpuRatios = new double[pairs];
        try (Simulation sim = new Simulation(SimConfig.builder().entities(entities).workers(workers)
                .ticks(Integer.MAX_VALUE).log(quiet).build())) {
            for (int i = 0; i < warmup; i++) {
                sim.tick();
            }
            // start and stop one recording first, so JFR's one-time start-up is not measured
            try (Recording warm = new Recording(jfc)) {
                warm.start();
                for (int i = 0; i < Math.min(ticks, 50); i++) {
                    sim.tick();
                }
                warm.stop();
            }
            System.out.printf(Locale.ROOT, "observer effect: %d entities, %d workers, %d ticks per window, %d pairs%n",
                    entities, workers, ticks, pairs);
            System.out.println("pair  first  off ticks/s  on ticks/s  on/off   off cpu ms/tick  on cpu ms/tick  off/on cpu");
            for (int p = 0; p < pairs; p++) {
                boolean onFirst = p % 2 == 1;
                double[] a = window(sim, ticks, onFirst ? jfc : null);
                double[] b = window(sim, ticks, onFirst ? null : jfc);
                double[] off = onFirst ? b : a;
                double[] on = onFirst ? a : b;
                ratios[p] = on[0] / off[0];
                cpuRatios[p] = off[1] / on[1];
                System.out.printf(Locale.ROOT, "%4d  %-5s  %11.1f  %10.1f  %6.4f  %15.3f  %14.3f  %10.4f%n", p,
                        onFirst ? "on" : "off", off[0], on[0], ratios[p], off[1], on[1], cpuRatios[p]);
            }
        }
        MedianLine.print("ticks/s on/off ratio", ratios);
        MedianLine.print("process CPU per tick off/on ratio", cpuRatios);
    }

    /**
     * One window: {ticks per second, process CPU ms per tick}, with a recording running when
     * {@code jfc} is not null. Process CPU time includes JFR's own threads, GC and JIT.
     */
    private static double[] window(Simulation sim, int ticks, Configuration jfc) {
        Recording rec = null;
        if (jfc != null) {
            rec = new Recording(jfc);
            rec.start();
        }
        long c0 = processCpuNanos();
        long t0 = System.nanoTime();
        for (int i = 0; i < ticks; i++) {
            sim.tick();
        }
        long dt = System.nanoTime() - t0;
        long dc = processCpuNanos() - c0;
        if (rec != null) {
            rec.stop();
            rec.close();
        }
        return new double[] {ticks * 1e9 / dt, dc / 1e6 / ticks};
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        return 0;
    }
}
