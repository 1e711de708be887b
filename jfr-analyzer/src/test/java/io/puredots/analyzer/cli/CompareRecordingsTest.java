package io.puredots.analyzer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puredots.analyzer.testing.GameRecording;
import io.puredots.events.testing.GameEvents;
import io.puredots.events.testing.RecordingFiles;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code compare} on synthetic recordings made in-process, where a value must be exact: native
 * memory grown by 40%, a budget streak that only the current run has, a recording without frames.
 */
class CompareRecordingsTest {
    @TempDir
    Path dir;

    /** 600 frames of one group and system, then one native memory sample of {@code reserved} bytes. */
    private Path memoryRun(String name, long reserved) throws Exception {
        Path file = dir.resolve(name);
        try (Recording r = new Recording(RecordingFiles.puredotsJfc())) {
            r.start();
            GameEvents.frames(0, 600, 1000, "SimGroup", "SimSystem");
            GameEvents.nativeMemory("World", "Column", reserved, reserved / 2);
            r.stop();
            r.dump(file);
        }
        return file;
    }

    private static JsonNode metric(JsonNode root, String id) {
        for (JsonNode m : root.get("metrics")) {
            if (m.get("metric").asText().equals(id)) {
                return m;
            }
        }
        throw new AssertionError("no " + id + " in " + root);
    }

    @Test
    void nativeMemoryFortyPercentHigherIsARegression() throws Exception {
        Path base = memoryRun("base.jfr", 100L << 20);
        Path cur = memoryRun("cur.jfr", 140L << 20);
        CliRun r = CliRun.of("compare", "--format", "json", "--batch-frames", "50", base.toString(), cur.toString());
        assertEquals(Cli.VIOLATED, r.code(), r.out() + r.err());
        JsonNode m = metric(new ObjectMapper().readTree(r.out()), "memory.native.peak");
        assertEquals("REGRESSION", m.get("verdict").asText());
        assertEquals(40.0, m.get("deltaPercent").asDouble(), 1e-9);
        CliRun same = CliRun.of("compare", "--format", "json", "--batch-frames", "50", base.toString(),
                memoryRun("same.jfr", 110L << 20).toString());
        JsonNode s = metric(new ObjectMapper().readTree(same.out()), "memory.native.peak");
        assertEquals("NO_SIGNIFICANT_CHANGE", s.get("verdict").asText(), same.out());
    }

    @Test
    void aFrameTimeWithTooFewBatchesIsNothingToCompare() throws Exception {
        // 600 frames a side: no batch of the default 1000 frames, though memory can be compared
        Path a = memoryRun("a.jfr", 100L << 20);
        Path b = memoryRun("b.jfr", 100L << 20);
        CliRun r = CliRun.of("compare", a.toString(), b.toString());
        assertEquals(Cli.TROUBLE, r.code(), r.err());
        String last = r.err().lines().reduce((x, y) -> y).orElse("");
        assertEquals("jfr-analyzer compare: nothing to compare: frame.time has fewer than 5 batches of 1000 frames"
                + " on a side, and a gate that cannot judge the frame time does not pass; record longer runs, pass a"
                + " smaller --batch-frames, or pass --allow-no-data to accept it", last);
        assertTrue(r.out().contains("memory.native.peak"), "the comparison is still written: " + r.out());
        assertEquals(Cli.OK, CliRun.of("compare", "--allow-no-data", a.toString(), b.toString()).code());
    }

    @Test
    void aBudgetStreakOnlyTheCurrentRunHasIsARegression() throws Exception {
        Path budgets = dir.resolve("streak.budgets");
        Files.writeString(budgets, "group.VillagerSystemGroup = 2 ms\nstreak.frames = 5\n");
        GameRecording calm = new GameRecording(Long.MAX_VALUE, 0, 0);
        Path base;
        try {
            base = calm.record(dir.resolve("calm.jfr"), 0, 0, 400, 0, false);
        } finally {
            calm.close();
        }
        GameRecording spiky = new GameRecording(200, 12, 4_000_000);
        Path cur;
        try {
            cur = spiky.record(dir.resolve("spiky.jfr"), 0, 0, 400, 0, false);
        } finally {
            spiky.close();
        }
        CliRun r = CliRun.of("compare", "--budgets", budgets.toString(), "--warmup", "0", "--batch-frames", "50",
                "--format", "json", base.toString(), cur.toString());
        assertEquals(Cli.VIOLATED, r.code(), r.out() + r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode b = root.get("budgets").get(0);
        assertEquals("group.VillagerSystemGroup", b.get("id").asText());
        assertEquals("OK", b.get("baseline").asText());
        assertEquals("VIOLATED", b.get("current").asText());
        assertTrue(b.get("currentStreak").asLong() >= 12, b.toString());
        assertTrue(b.get("newlyViolated").asBoolean());
        assertTrue(root.get("summary").asText().contains("1 budget newly violated"), root.get("summary").asText());
        CliRun md = CliRun.of("compare", "--budgets", budgets.toString(), "--warmup", "0", "--batch-frames", "50",
                "--format", "markdown", base.toString(), cur.toString());
        assertTrue(md.out().contains("| `group.VillagerSystemGroup` | OK | **VIOLATED (new)** |"), md.out());
    }

    @Test
    void aRecordingWithoutFramesIsNothingToCompare() throws Exception {
        Path frames = memoryRun("frames.jfr", 100L << 20);
        Path none = dir.resolve("no-frames.jfr");
        try (Recording r = new Recording(RecordingFiles.puredotsJfc())) {
            r.start();
            GameEvents.nativeMemory("World", "Column", 1 << 20, 1 << 19);
            r.stop();
            r.dump(none);
        }
        CliRun r = CliRun.of("compare", frames.toString(), none.toString());
        assertEquals(Cli.TROUBLE, r.code(), r.err());
        assertEquals("jfr-analyzer compare: nothing to compare: no frame in the selection of '" + none
                + "' (--warmup auto); widen the window, or pass --allow-no-data to compare what there is\n", r.err());
        assertEquals("", r.out());
    }
}
