package io.puredots.analyzer.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Runs the JDK's {@code jfr summary} and parses its event count table. */
public final class JfrSummary {
    private JfrSummary() {
    }

    /**
     * Event counts by type as printed by {@code jfr summary}, zero counts left out. The tool of
     * JDK 21+ says "jdk.Checkpoint" where JDK 17's says "jdk.CheckPoint"; the reader always
     * reports "jdk.CheckPoint", so the newer spelling is mapped to it.
     */
    public static Map<String, Long> counts(Path file) throws IOException, InterruptedException {
        Path jfr = Path.of(System.getProperty("java.home"), "bin", "jfr");
        Process p = new ProcessBuilder(jfr.toString(), "summary", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("jfr summary failed: " + out);
        }
        Map<String, Long> counts = new TreeMap<>();
        boolean table = false;
        for (String line : out.split("\n")) {
            if (line.startsWith("=====")) {
                table = true;
                continue;
            }
            if (!table || line.isBlank()) {
                continue;
            }
            String[] cols = line.trim().split("\\s+");
            long count = Long.parseLong(cols[cols.length - 2]);
            if (count > 0) {
                counts.put(cols[0].equals("jdk.Checkpoint") ? "jdk.CheckPoint" : cols[0], count);
            }
        }
        if (!table) {
            throw new IOException("no table in jfr summary output: " + out);
        }
        return counts;
    }
}
