package io.puredots.export;

import io.puredots.events.FrameEvent;
import io.puredots.events.JobRunEvent;
import io.puredots.events.SystemGroupTickEvent;
import io.puredots.events.SystemTickEvent;
import org.HdrHistogram.Histogram;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Benchmark driver, not a test: a synthetic 60 fps frame loop (fixed CPU work plus the events a
 * soak-scene frame emits) with the in-process {@link TelemetryExporter} sending 1 s windows to:
 * {@code record} (the same events recorded to a file, no exporter), {@code up} (a local influxd), {@code down} (a closed port: connection
 * refused) or {@code stalled} (a port that accepts and never answers: timeouts). Prints p50/p99/max
 * frame time over the measured frames, after a warm-up.
 * <pre>{@code java -cp ... io.puredots.export.FrameLoopBench MODE SECONDS}</pre>
 */
public final class FrameLoopBench {
    private static final String[] GROUPS = {"TimeSystemGroup", "SpatialSystemGroup", "EnvironmentSystemGroup",
        "VillagerSystemGroup", "ResourceSystemGroup", "MiracleEffectSystemGroup", "PresentationSystemGroup"};
    private static volatile double sink;

    private FrameLoopBench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int seconds = Integer.parseInt(args[1]);
        InfluxdServer influxd = null;
        ServerSocket stalled = null;
        TelemetryExporter exporter = null;
        Path dir = Files.createTempDirectory("frame-bench");
        try {
            String endpoint = null;
            jdk.jfr.Recording plain = null;
            if (mode.equals("record")) { // same events recorded to disk, no exporter: the JFR cost alone
                plain = new jdk.jfr.Recording();
                plain.setSettings(TelemetryExporter.settings());
                plain.setDestination(dir.resolve("plain.jfr"));
                plain.start();
            }
            if (mode.equals("up")) {
                influxd = new InfluxdServer(dir).start();
                influxd.createDatabase("bench");
                endpoint = influxd.uri() + "?db=bench";
            } else if (mode.equals("down")) {
                endpoint = "http://127.0.0.1:" + InfluxdServer.freePort() + "?db=bench";
            } else if (mode.equals("stalled")) {
                stalled = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                endpoint = "http://127.0.0.1:" + stalled.getLocalPort() + "?db=bench";
            }
            if (endpoint != null) {
                TelemetryExporter.Config c = new TelemetryExporter.Config();
                c.endpoint = Endpoint.parse(endpoint, null);
                c.sinkOptions.spillDir = dir;
                c.sinkOptions.requestTimeout = Duration.ofSeconds(2);
                c.sinkOptions.giveUpAfter = Duration.ofSeconds(5);
                exporter = TelemetryExporter.start(c);
            }
            double[] data = new double[60_000];
            for (int i = 0; i < data.length; i++) {
                data[i] = i * 0.5;
            }
            Histogram h = new Histogram(3);
            long period = 16_666_667L;
            long next = System.nanoTime();
            int warmup = 300;
            int frames = seconds * 60;
            for (long tick = 0; tick < warmup + frames; tick++) {
                long start = System.nanoTime();
                frame(tick, data);
                long took = System.nanoTime() - start;
                if (tick >= warmup) {
                    h.recordValue(took);
                }
                next += period;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } else {
                    next = System.nanoTime();
                }
            }
            if (plain != null) {
                plain.close();
            }
            String stats = "";
            if (exporter != null) {
                exporter.close();
                stats = exporter.stats() == null ? "" : " " + exporter.stats();
            }
            System.out.printf("mode=%s frames=%d p50_ms=%.3f p99_ms=%.3f max_ms=%.3f%s%n", mode, h.getTotalCount(),
                    h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6, stats);
        } finally {
            if (influxd != null) {
                influxd.stop();
            }
            if (stalled != null) {
                stalled.close();
            }
            new ProcessBuilder("rm", "-rf", dir.toString()).start().waitFor();
        }
    }

    /** About 2 ms of work on one core, with the events of a soak-scene frame (7 groups x 3 systems, 40 job batches). */
    private static void frame(long tick, double[] data) {
        FrameEvent frame = new FrameEvent();
        frame.begin();
        for (int g = 0; g < GROUPS.length; g++) {
            SystemGroupTickEvent ge = new SystemGroupTickEvent();
            ge.begin();
            for (int s = 0; s < 3; s++) {
                SystemTickEvent se = new SystemTickEvent();
                se.begin();
                double acc = 0;
                for (int rep = 0; rep < 2; rep++) {
                    for (int i = 0; i < data.length; i++) {
                        acc += Math.sqrt(data[i] + tick);
                    }
                }
                sink = acc;
                se.system = GROUPS[g] + s;
                se.group = GROUPS[g];
                se.tick = tick;
                se.commit();
            }
            if (g == 3) {
                for (int b = 0; b < 40; b++) {
                    JobRunEvent jr = new JobRunEvent();
                    jr.begin();
                    jr.jobName = "MoveJob";
                    jr.batchIndex = b;
                    jr.tick = tick;
                    jr.commit();
                }
            }
            ge.group = GROUPS[g];
            ge.tick = tick;
            ge.commit();
        }
        frame.tick = tick;
        frame.commit();
    }
}
