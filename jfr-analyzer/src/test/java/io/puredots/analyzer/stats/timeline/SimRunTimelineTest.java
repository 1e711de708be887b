package io.puredots.analyzer.stats.timeline;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The timeline checks on a fresh recording of the reference game (sim-runtime's
 * {@code io.puredots.sim.Main} in a child JVM with {@code puredots.jfc}, spikes scenario): more
 * frames than buckets, over several small chunks, so that downsampling and the merge of chunk
 * partials (with ticks split over chunk boundaries and events out of order in each chunk) are
 * both at work.
 */
class SimRunTimelineTest extends TimelineChecks {
    static final int TICKS = 2500;
    private Path dir;

    @Override
    Path recording() throws Exception {
        dir = Files.createTempDirectory("sim-run-timeline");
        Path jfc = dir.resolve("puredots.jfc");
        try (InputStream in = SimRunTimelineTest.class.getResourceAsStream("/io/puredots/events/puredots.jfc")) {
            Files.copy(in, jfc, StandardCopyOption.REPLACE_EXISTING);
        }
        Path recording = dir.resolve("sim.jfr");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx512m",
                "-XX:StartFlightRecording:filename=" + recording + ",settings=" + jfc,
                "-XX:FlightRecorderOptions:maxchunksize=1M",
                "-cp", System.getProperty("java.class.path"), "io.puredots.sim.Main",
                "--entities", "1000", "--ticks", String.valueOf(TICKS), "--workers", "2", "--scenario", "spikes"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the game did not end");
        assertEquals(0, p.exitValue(), "the game's exit code");
        return recording;
    }

    @AfterAll
    void deleteRecording() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    @Override
    int maxBuckets() {
        return 1000;
    }

    @Override
    int chunks() {
        return 3;
    }

    @Test
    void downsamplesMoreFramesThanBuckets() {
        assertEquals(TICKS, report.frames().count());
        assertTrue(timeline.frames().size() <= maxBuckets(), timeline.frames().size() + " buckets");
        assertTrue(timeline.frames().size() >= maxBuckets() / 2, timeline.frames().size() + " buckets");
        assertTrue(timeline.frames().stream().allMatch(b -> b.frames() > 1));
        assertTrue(ref.level() >= 2, "buckets of 2^" + ref.level() + " ticks");
    }
}
