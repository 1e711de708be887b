package io.puredots.export;

import io.puredots.budgets.Budgets;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Benchmark driver, not a test (run by jfr-export/bench/export-throughput.sh, one JVM per run):
 * <pre>
 * ExportBench file RECORDING FORMAT RESOLUTION   export to a temporary file, deleted afterwards
 * ExportBench influxd RECORDING RESOLUTION       export into a freshly started local influxd
 * </pre>
 * Prints one line: mode, format, resolution, points, seconds, points/s, peak heap MB, file MB.
 */
public final class ExportBench {
    private ExportBench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path rec = Path.of(args[1]);
        long t0;
        long points;
        double fileMb = 0;
        String format;
        Resolution resolution;
        if (mode.equals("file")) {
            PointFormat f = PointFormat.parse(args[2]);
            format = f.cliName();
            resolution = Resolution.parse(args[3]);
            Path out = Files.createTempFile("export-bench", "." + format);
            try {
                t0 = System.nanoTime();
                try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
                     PointWriter w = f.open(os, true)) {
                    points = RecordingExporter.export(rec, resolution, Budgets.defaults(), w).points;
                }
                fileMb = Files.size(out) / 1048576.0;
            } finally {
                Files.deleteIfExists(out);
            }
        } else {
            format = "influx-http";
            resolution = Resolution.parse(args[2]);
            Path dir = Files.createTempDirectory("export-bench-influxd");
            try (InfluxdServer influxd = new InfluxdServer(dir).start()) {
                influxd.createDatabase("bench");
                InfluxHttpSink.Options o = new InfluxHttpSink.Options();
                o.giveUpAfter = Duration.ofMinutes(10);
                o.requestTimeout = Duration.ofSeconds(60);
                o.warnings = System.err::println;
                InfluxHttpSink sink = new InfluxHttpSink(InfluxTarget.v1(influxd.uri(), "bench", null), o);
                t0 = System.nanoTime();
                try (sink) {
                    points = RecordingExporter.export(rec, resolution, Budgets.defaults(), sink).points;
                }
                DeliveryStats s = sink.stats();
                if (s.written != points || s.dropped != 0) {
                    throw new IllegalStateException("delivery incomplete: " + s);
                }
                System.err.println(s);
            } finally {
                new ProcessBuilder("rm", "-rf", dir.toString()).start().waitFor();
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%s %s %s points=%d secs=%.2f points_per_s=%.0f peak_heap_mb=%.0f file_mb=%.0f%n",
                mode, format, resolution.cliName(), points, secs, points / secs, peak / 1048576.0, fileMb);
    }
}
