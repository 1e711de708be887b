package io.puredots.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puredots.budgets.Budgets;
import io.puredots.events.dump.DumpOnViolation;
import io.puredots.sim.SimConfig;
import io.puredots.sim.Simulation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report} on the file the game's flight recorder dumped when a budget fired: a real, short
 * run whose slowed system breaks its budget, recorded by {@link DumpOnViolation} in-process.
 */
class ReportOnDumpTest {
    private static final String SYSTEM = "SpatialGridBuildSystem";
    private static final int STREAK_FRAMES = 5;

    @TempDir
    Path dir;

    @Test
    void reportOfTheDumpShowsTheViolatingStreakAndTheFramesBeforeIt() throws Exception {
        Path budgets = Files.writeString(dir.resolve("slow.budgets"),
                "system." + SYSTEM + " = 0.5 ms\nstreak.frames = " + STREAK_FRAMES + "\n");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        DumpOnViolation recorder = DumpOnViolation.builder(dir.resolve("dumps")).after(Duration.ZERO)
                .minInterval(Duration.ofMinutes(10)).log(line -> { }).start();
        try (Simulation sim = new Simulation(SimConfig.builder().entities(3000).ticks(60).workers(1)
                .budgets(Budgets.read(budgets)).slowdown(SYSTEM, 5000).log(quiet).build())) {
            sim.run();
        } finally {
            recorder.close();
        }
        assertEquals(1, recorder.dumps().size(), "dumps " + recorder.dumps() + ", failures " + recorder.failures());
        Path dump = recorder.dumps().get(0);
        String name = dump.getFileName().toString();
        assertTrue(name.contains("-system." + SYSTEM + "-tick"), name);
        long violationTick = Long.parseLong(name.substring(name.lastIndexOf("-tick") + 5, name.length() - 4));

        CliRun r = CliRun.of("report", "--no-jmc", "--format", "json", "--budgets", budgets.toString(), dump.toString());
        assertEquals(Cli.VIOLATED, r.code(), r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        JsonNode check = null;
        for (JsonNode c : report.path("budgets").path("checks")) {
            if (c.path("id").asText().equals("system." + SYSTEM)) {
                check = c;
            }
        }
        assertTrue(check != null, r.out());
        assertEquals("VIOLATED", check.path("status").asText(), check.toString());
        assertTrue(check.path("longestStreak").asLong() > STREAK_FRAMES, check.toString());
        assertTrue(report.path("frames").path("count").asLong() > violationTick,
                "the frames up to the violation at tick " + violationTick + ": " + report.path("frames").path("count"));

        CliRun text = CliRun.of("report", "--no-jmc", "--budgets", budgets.toString(), dump.toString());
        Matcher row = Pattern.compile("\\n  system\\." + SYSTEM
                + " +VIOLATED .* frames over 0\\.500 ms, longest streak (\\d+) \\(violation above 5\\)\\n")
                .matcher(text.out().replaceAll("\\n {6,}", " ")); // a detail wrapped at the width, joined
        assertTrue(row.find(), text.out());
        assertEquals(check.path("longestStreak").asLong(), Long.parseLong(row.group(1)));
    }
}
