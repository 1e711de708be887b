package io.puredots.budgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetsTest {
    private static final long MS = 1_000_000L;
    private static final long MB = 1024L * 1024;
    private static final Path DEFAULT_FILE = Path.of("..", "budgets", "default.budgets");

    @TempDir
    Path dir;

    private static Budgets parse(String text) throws IOException, BudgetFormatException {
        return Budgets.parse("test.budgets", new StringReader(text));
    }

    private static String error(String text) {
        BudgetFormatException e = assertThrows(BudgetFormatException.class, () -> parse(text));
        assertFalse(e.getMessage().contains("\n"), "message is one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void defaultFileHasThePlanNumbers() throws Exception {
        Budgets b = Budgets.read(DEFAULT_FILE);
        assertEquals(OptionalLong.of(16_600_000L), b.frameNanos());
        Map<String, Long> groups = new LinkedHashMap<>();
        groups.put("TimeSystemGroup", MS / 2);
        groups.put("SpatialSystemGroup", MS);
        groups.put("EnvironmentSystemGroup", 2 * MS);
        groups.put("VillagerSystemGroup", 2 * MS);
        groups.put("ResourceSystemGroup", MS);
        groups.put("MiracleEffectSystemGroup", MS);
        groups.put("PresentationSystemGroup", 5 * MS);
        groups.put("LateSimulationSystemGroup", MS / 2); // not in the plan: every group gets a budget line
        assertEquals(groups, b.groupNanos());
        assertEquals(List.copyOf(groups.keySet()), List.copyOf(b.groupNanos().keySet()), "file order kept");
        assertTrue(b.systemNanos().isEmpty());
        assertEquals(5, b.streakFrames());
        assertEquals(Map.of(10_000L, 100 * MB, 50_000L, 500 * MB, 100_000L, 1024 * MB), b.nativeTiers());
        assertEquals(OptionalLong.of(10 * 1024L), b.nativePerEntityBytes());
        assertEquals(OptionalLong.empty(), b.heapBytes());
        assertEquals(1.5, b.criticalRatio());
        assertTrue(b.regressionPercent().isEmpty());
        assertEquals(DEFAULT_FILE.toString(), b.source());
    }

    @Test
    void jarDefaultsAreTheDefaultFile() throws Exception {
        Budgets jar = Budgets.defaults();
        Budgets file = Budgets.read(DEFAULT_FILE);
        assertEquals(file.entries(), jar.entries());
        assertEquals("default.budgets", jar.source());
    }

    @Test
    void parsesEveryKeyKindWithUnits() throws Exception {
        Budgets b = parse(String.join("\n",
                "# comment line",
                "",
                "frame = 33.3 ms   # trailing comment",
                "group.SpatialSystemGroup = 750 us",
                "system.SpatialGridBuildSystem = 250000 ns",
                "streak.frames = 3",
                "memory.native.at.1000 = 1.5 KiB",
                "memory.native.per-entity = 2 KB",
                "memory.heap = 2 GB",
                "critical.ratio = 2",
                "regression.frame.p95 = 20 %",
                "regression.group.SpatialSystemGroup.frame = 12.5%",
                "regression.memory.native.peak = 30 %"));
        assertEquals(OptionalLong.of(33_300_000L), b.frameNanos());
        assertEquals(Map.of("SpatialSystemGroup", 750_000L), b.groupNanos());
        assertEquals(Map.of("SpatialGridBuildSystem", 250_000L), b.systemNanos());
        assertEquals(3, b.streakFrames());
        assertEquals(Map.of(1000L, 1536L), b.nativeTiers());
        assertEquals(OptionalLong.of(2048L), b.nativePerEntityBytes());
        assertEquals(OptionalLong.of(2048 * MB), b.heapBytes());
        assertEquals(2.0, b.criticalRatio());
        assertEquals(20.0, b.regressionPercent("frame.p95").getAsDouble());
        assertEquals(12.5, b.regressionPercent("group.SpatialSystemGroup.frame").getAsDouble());
        assertEquals(30.0, b.regressionPercent("memory.native.peak").getAsDouble());
        assertFalse(b.regressionPercent("frame.p99").isPresent());
        assertEquals("33.3 ms", b.entries().get("frame"));
    }

    @Test
    void secondsAndBytesConvert() throws Exception {
        Budgets b = parse("frame = 1 s\nmemory.heap = 512 B\n");
        assertEquals(OptionalLong.of(1_000_000_000L), b.frameNanos());
        assertEquals(OptionalLong.of(512L), b.heapBytes());
    }

    @Test
    void rejectsUnknownKeyNamingFileAndLine() {
        assertEquals("test.budgets:3: unknown budget key 'frames' (known: frame, group.<Group>, system.<System>,"
                        + " streak.frames, memory.native.at.<N>, memory.native.per-entity, memory.heap, critical.ratio,"
                        + " regression.<metric>)",
                error("# budgets\nframe = 16 ms\nframes = 16 ms\n"));
    }

    @Test
    void rejectsARegressionThresholdOfAMetricCompareDoesNotJudge() {
        assertEquals("test.budgets:1: unknown regression metric 'frame.p99' (known: frame.time or frame.p95,"
                        + " group.<Group>.frame, group.<Group>.call, system.<System>.frame, system.<System>.call,"
                        + " main.wait, workers.utilization, memory.native.peak, memory.native.per-entity,"
                        + " memory.heap.after-gc)",
                error("regression.frame.p99 = 20 %\n"));
        assertTrue(error("regression.group.A.B.frame = 20 %\n").startsWith("test.budgets:1: unknown regression metric"));
    }

    @Test
    void rejectsDuplicateKey() {
        assertEquals("test.budgets:3: duplicate key 'group.SpatialSystemGroup'",
                error("group.SpatialSystemGroup = 1 ms\nframe = 16 ms\ngroup.SpatialSystemGroup = 2 ms\n"));
    }

    @Test
    void rejectsMissingUnit() {
        assertEquals("test.budgets:1: 'frame' needs a time such as '16.6 ms', got '16.6'", error("frame = 16.6\n"));
        assertEquals("test.budgets:2: 'memory.heap' needs a size such as '100 MB', got '100'",
                error("frame = 16 ms\nmemory.heap = 100\n"));
        assertEquals("test.budgets:1: 'regression.frame.p95' needs a percentage such as '20 %', got '20'",
                error("regression.frame.p95 = 20\n"));
    }

    @Test
    void rejectsWrongKindOfUnit() {
        assertEquals("test.budgets:1: 'frame' needs a time such as '16.6 ms', got '16 MB'", error("frame = 16 MB\n"));
        assertEquals("test.budgets:1: 'memory.heap' needs a size such as '100 MB', got '2 ms'", error("memory.heap = 2 ms\n"));
    }

    @Test
    void rejectsBadNumbers() {
        assertEquals("test.budgets:1: 'frame' needs a positive number, got '1x6'", error("frame = 1x6 ms\n"));
        assertEquals("test.budgets:1: 'frame' needs a positive number, got '-1'", error("frame = -1 ms\n"));
        assertEquals("test.budgets:1: 'frame' needs a positive number, got '0'", error("frame = 0 ms\n"));
        assertEquals("test.budgets:1: 'frame' needs a positive number, got 'NaN'", error("frame = NaN ms\n"));
        assertEquals("test.budgets:1: 'frame' needs a positive number, got '16.6f'", error("frame = 16.6f ms\n"));
        assertEquals("test.budgets:1: 'frame' needs a positive number, got '0x10'", error("frame = 0x10 ms\n"));
        assertEquals("test.budgets:1: 'frame' needs a positive number, got '1e3'", error("frame = 1e3 ms\n"));
        assertEquals("test.budgets:1: 'streak.frames' needs a whole number of frames, got '2.5'", error("streak.frames = 2.5\n"));
        assertEquals("test.budgets:1: critical.ratio must be at least 1, got '0.5'", error("critical.ratio = 0.5\n"));
    }

    @Test
    void rejectsMalformedLinesAndTierKeys() {
        assertEquals("test.budgets:1: expected 'key = value', got 'frame 16 ms'", error("frame 16 ms\n"));
        assertEquals("test.budgets:1: no value for 'frame'", error("frame =   # nothing\n"));
        assertEquals("test.budgets:1: 'memory.native.at.many' must end in an entity count, like memory.native.at.10000",
                error("memory.native.at.many = 1 MB\n"));
        assertEquals("test.budgets:1: entity count in 'memory.native.at.0' must be positive",
                error("memory.native.at.0 = 1 MB\n"));
    }

    @Test
    void fileErrorsNameTheFile() throws Exception {
        Path f = dir.resolve("mine.budgets");
        Files.writeString(f, "frame = 16 ms\n\nbogus = 1\n", StandardCharsets.UTF_8);
        BudgetFormatException e = assertThrows(BudgetFormatException.class, () -> Budgets.read(f));
        assertTrue(e.getMessage().startsWith(f + ":3: unknown budget key 'bogus'"), e.getMessage());
    }

    @Test
    void nativeBudgetUsesTheSmallestTierAtOrAboveTheEntityCount() throws Exception {
        Budgets b = Budgets.read(DEFAULT_FILE);
        assertEquals(OptionalLong.of(100 * MB), b.nativeBudgetFor(0));
        assertEquals(OptionalLong.of(100 * MB), b.nativeBudgetFor(1));
        assertEquals(OptionalLong.of(100 * MB), b.nativeBudgetFor(10_000));
        assertEquals(OptionalLong.of(500 * MB), b.nativeBudgetFor(10_001));
        assertEquals(OptionalLong.of(500 * MB), b.nativeBudgetFor(50_000));
        assertEquals(OptionalLong.of(1024 * MB), b.nativeBudgetFor(50_001));
        assertEquals(OptionalLong.of(1024 * MB), b.nativeBudgetFor(100_000));
    }

    @Test
    void nativeBudgetGrowsLinearlyBeyondTheLargestTier() throws Exception {
        Budgets b = Budgets.read(DEFAULT_FILE);
        assertEquals(OptionalLong.of(2048 * MB), b.nativeBudgetFor(200_000));
        assertEquals(OptionalLong.of(1536 * MB), b.nativeBudgetFor(150_000));
    }

    @Test
    void noNativeBudgetWithoutTiers() throws Exception {
        assertEquals(OptionalLong.empty(), parse("frame = 16 ms\n").nativeBudgetFor(10_000));
    }
}
