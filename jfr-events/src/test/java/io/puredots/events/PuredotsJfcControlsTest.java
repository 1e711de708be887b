package io.puredots.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code <control>} knobs of {@code puredots.jfc}, driven through the running JDK's own
 * {@code jfr configure} (present from JDK 17): the defaults reproduce the file's literal settings,
 * and each knob changes exactly the settings jfr-events/README.md says it does.
 */
class PuredotsJfcControlsTest {
    private static final Path PLAIN = Path.of("jfc", "puredots.jfc");

    @TempDir
    Path dir;

    @Test
    void defaultKnobsReproduceTheFileSettings() throws Exception {
        assertEquals(Map.of(), changedSettings(List.of()));
    }

    @Test
    void jobsOffTurnsOffJobScheduleAndJobRunOnly() throws Exception {
        assertEquals(Map.of(
                EventNames.JOB_SCHEDULE + "#enabled", "false",
                EventNames.JOB_RUN + "#enabled", "false"),
                changedSettings(List.of("jobs=off")));
    }

    @Test
    void registriesOffTurnsOffRegistryAndSpatialGridEvents() throws Exception {
        assertEquals(Map.of(
                EventNames.REGISTRY_UPDATE + "#enabled", "false",
                EventNames.SPATIAL_GRID_REBUILD + "#enabled", "false"),
                changedSettings(List.of("registries=off")));
    }

    @Test
    void worldSamplingSetsThePeriodOfEntityCountAndNativeMemory() throws Exception {
        assertEquals(Map.of(
                EventNames.ENTITY_COUNT + "#period", "10 s",
                EventNames.NATIVE_MEMORY + "#period", "10 s"),
                changedSettings(List.of("world-sampling=10s")));
        assertEquals(Map.of(
                EventNames.ENTITY_COUNT + "#enabled", "false",
                EventNames.NATIVE_MEMORY + "#enabled", "false"),
                changedSettings(List.of("world-sampling=off")));
    }

    @Test
    void executionSamplingSetsPeriodOrTurnsSamplesOff() throws Exception {
        assertEquals(Map.of("jdk.ExecutionSample#period", "10 ms"),
                changedSettings(List.of("execution-sampling=10ms")));
        assertEquals(Map.of("jdk.ExecutionSample#enabled", "false"),
                changedSettings(List.of("execution-sampling=off")));
    }

    @Test
    void allocationSamplingSetsTheThrottleOrTurnsSamplesOff() throws Exception {
        assertEquals(Map.of(EventNames.Jdk.OBJECT_ALLOCATION_SAMPLE + "#throttle", "1000/s"),
                changedSettings(List.of("allocation-sampling=high")));
        assertEquals(Map.of(EventNames.Jdk.OBJECT_ALLOCATION_SAMPLE + "#enabled", "false"),
                changedSettings(List.of("allocation-sampling=off")));
    }

    @Test
    void lockingThresholdAppliesToMonitorsAndParks() throws Exception {
        assertEquals(Map.of(
                EventNames.Jdk.JAVA_MONITOR_ENTER + "#threshold", "5 ms",
                "jdk.JavaMonitorWait#threshold", "5 ms",
                EventNames.Jdk.THREAD_PARK + "#threshold", "5 ms"),
                changedSettings(List.of("locking-threshold=5ms")));
    }

    /**
     * Runs {@code jfr configure --input puredots.jfc <options> --output x.jfc} and returns the
     * settings of x.jfc that differ from puredots.jfc's (new value per "event#setting" key).
     */
    private Map<String, String> changedSettings(List<String> options) throws Exception {
        Path out = dir.resolve("configured-" + System.nanoTime() + ".jfc");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jfr").toString(),
                "configure", "--input", PLAIN.toAbsolutePath().toString()));
        cmd.addAll(options);
        cmd.addAll(List.of("--output", out.toString()));
        run(cmd);
        Map<String, String> before = Configuration.create(PLAIN).getSettings();
        Map<String, String> after = Configuration.create(out).getSettings();
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        Map<String, String> changed = new TreeMap<>();
        for (String key : keys) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                changed.put(key, after.get(key));
            }
        }
        assertTrue(after.keySet().containsAll(before.keySet()), "jfr configure dropped settings");
        return changed;
    }

    private void run(List<String> cmd) throws IOException, InterruptedException {
        Path log = dir.resolve("proc-" + System.nanoTime() + ".txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", cmd) + " did not finish in 60 s");
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + " failed:\n" + text);
    }
}
