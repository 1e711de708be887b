package io.puredots.analyzer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puredots.analyzer.testing.JfrSummary;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportCommandTest {
    static final String FIXTURE = GoldenReportTest.FIXTURE;
    @TempDir
    static Path dir;
    static Path generous;
    static Path jdkOnly;
    /** The fixture's time span as the window errors name it (see report.txt's "time" line). */
    static final String FIXTURE_SPAN = "'" + FIXTURE + "' spans 0s to 0.569s (2026-11-27T12:38:33.270Z to"
            + " 2026-11-27T12:38:33.840Z)";

    @BeforeAll
    static void files() throws Exception {
        generous = dir.resolve("generous.budgets");
        Files.writeString(generous, String.join("\n",
                "frame = 10 s",
                "group.VillagerSystemGroup = 10 s",
                "group.TimeSystemGroup = 10 s",
                "memory.native.at.100000 = 1 GB",
                "memory.native.per-entity = 1 MB",
                "memory.heap = 8 GB", ""));
        jdkOnly = dir.resolve("jdk-only.jfr");
        try (Recording r = new Recording(Configuration.getConfiguration("default"))) {
            r.start();
            byte[][] garbage = new byte[64][];
            for (int i = 0; i < 2000; i++) {
                garbage[i % 64] = new byte[16 * 1024];
            }
            System.gc();
            r.stop();
            r.dump(jdkOnly);
        }
    }

    @Test
    void theReferenceDecoderGivesTheSameReport() {
        CliRun fast = CliRun.of("report", "--no-jmc", "--format", "json", FIXTURE);
        CliRun reference = CliRun.of("report", "--no-jmc", "--format", "json", "--decoder", "reference", FIXTURE);
        assertEquals(Cli.VIOLATED, fast.code(), fast.err());
        assertEquals(Cli.VIOLATED, reference.code(), reference.err());
        assertTrue(fast.out().contains("\"frames\" : {"), fast.out());
        assertEquals(fast.out(), reference.out());
    }

    @Test
    void anUnknownDecoderIsOneLineAndExitTwo() {
        CliRun r = CliRun.of("report", "--decoder", "quick", FIXTURE);
        assertEquals(Cli.TROUBLE, r.code());
        assertEquals("jfr-analyzer report: --decoder needs fast or reference, got 'quick'\n", r.err());
    }

    @Test
    void widthSetsTheTextReportsColumnsAndRefusesBelowForty() {
        CliRun narrow = CliRun.of("report", "--no-jmc", "--width", "60", FIXTURE);
        CliRun wide = CliRun.of("report", "--no-jmc", "--width", "400", FIXTURE);
        assertTrue(wide.out().lines().anyMatch(l -> l.length() > 60), wide.out());
        assertTrue(narrow.out().lines().filter(l -> l.matches("  frame [0-9]+ .*")).allMatch(l -> l.length() <= 60),
                narrow.out());
        assertEquals(wide.code(), narrow.code());
        CliRun tooNarrow = CliRun.of("report", "--width", "39", FIXTURE);
        assertEquals(2, tooNarrow.code());
        assertEquals("jfr-analyzer report: --width needs at least 40 columns, got 39", tooNarrow.err().strip());
    }

    @Test
    void exitsWithOneWhenABudgetIsViolated() {
        CliRun r = CliRun.of("report", FIXTURE);
        assertEquals(Cli.VIOLATED, r.code(), r.err());
        assertTrue(r.out().contains("group.VillagerSystemGroup        VIOLATED"), r.out());
        assertTrue(r.out().contains("1 budget violated"), r.out());
        assertTrue(r.out().contains("file    default.budgets"), r.out());
    }

    @Test
    void exitsWithZeroWhenEveryBudgetIsMet() {
        CliRun r = CliRun.of("report", "--budgets", generous.toString(), FIXTURE);
        assertEquals(Cli.OK, r.code(), r.err());
        assertTrue(r.out().contains("all budgets met"), r.out());
        assertTrue(r.out().contains("file    " + generous), r.out());
        assertTrue(r.out().contains("memory.heap"), r.out());
    }

    @Test
    void missingRecordingIsTroubleWithOneLine() {
        CliRun r = CliRun.of("report", "nope.jfr");
        assertEquals(Cli.TROUBLE, r.code());
        assertEquals("jfr-analyzer report: cannot read 'nope.jfr': no such file\n", r.err());
        assertEquals("", r.out());
    }

    /** The fixture's two chunks as two files: rotated files of one recording. */
    private static Path[] fixtureChunks() throws Exception {
        byte[] all = Files.readAllBytes(Path.of(FIXTURE));
        int first = (int) java.nio.ByteBuffer.wrap(all).getLong(8);
        Path one = Files.write(dir.resolve("rotated-1.jfr"), java.util.Arrays.copyOfRange(all, 0, first));
        Path two = Files.write(dir.resolve("rotated-2.jfr"), java.util.Arrays.copyOfRange(all, first, all.length));
        return new Path[] {one, two};
    }

    private static long frameCount(CliRun r) throws Exception {
        return new ObjectMapper().readTree(r.out()).path("frames").path("count").asLong(-1);
    }

    @Test
    void rotatedFilesOfOneRecordingAreOneRun() throws Exception {
        Path[] parts = fixtureChunks();
        CliRun both = CliRun.of("report", "--no-jmc", "--format", "json", parts[0].toString(), parts[1].toString());
        CliRun one = CliRun.of("report", "--no-jmc", "--format", "json", parts[0].toString());
        CliRun two = CliRun.of("report", "--no-jmc", "--format", "json", parts[1].toString());
        assertEquals(Cli.VIOLATED, both.code(), both.err());
        assertEquals(frameCount(one) + frameCount(two), frameCount(both));
        assertEquals(frameCount(CliRun.of("report", "--no-jmc", "--format", "json", FIXTURE)), frameCount(both));
        assertEquals(2, new ObjectMapper().readTree(both.out()).path("overview").path("chunks").asInt());
    }

    @Test
    void theSameFileTwiceIsNotOneRun() {
        CliRun r = CliRun.of("report", FIXTURE, FIXTURE);
        assertEquals(Cli.TROUBLE, r.code(), r.err());
        assertEquals("jfr-analyzer report: cannot read '" + FIXTURE + "' and '" + FIXTURE + "' as one run:"
                + " overlapping time (the same chunk twice, starting 2026-11-27T12:38:33.270Z)\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void rotatedFilesOutOfOrderAreNotOneRun() throws Exception {
        Path[] parts = fixtureChunks();
        CliRun r = CliRun.of("report", parts[1].toString(), parts[0].toString());
        assertEquals(Cli.TROUBLE, r.code(), r.err());
        assertEquals("jfr-analyzer report: cannot read '" + parts[1] + "' and '" + parts[0] + "' as one run:"
                + " out of order ('" + parts[0] + "' ends 0.065 s before '" + parts[1] + "' starts; give the files"
                + " in time order)\n", r.err());
    }

    @Test
    void twoUnrelatedRecordingsAreNotOneRun() {
        CliRun r = CliRun.of("report", jdkOnly.toString(), FIXTURE);
        assertEquals(Cli.TROUBLE, r.code(), r.err());
        assertTrue(r.err().startsWith("jfr-analyzer report: cannot read '" + jdkOnly + "' and '" + FIXTURE
                + "' as one run: out of order ("), r.err());
    }

    @Test
    void aRecordingOfAnotherJvmIsNotOneRunWithThisOnes() throws Exception {
        // another JVM records from its start to its exit, before this JVM records: time order holds
        Path other = dir.resolve("other-jvm.jfr");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-XX:StartFlightRecording:filename=" + other, "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM still running after 60 s");
        assertEquals(0, p.exitValue(), "child JVM");
        Path mine = dir.resolve("this-jvm.jfr");
        try (Recording r = new Recording(Configuration.getConfiguration("default"))) {
            r.start();
            r.stop();
            r.dump(mine);
        }
        CliRun run = CliRun.of("report", "--allow-no-data", other.toString(), mine.toString());
        assertEquals(Cli.TROUBLE, run.code(), run.err());
        assertTrue(run.err().startsWith("jfr-analyzer report: cannot read '" + other + "' and '" + mine
                + "' as one run: another JVM (pid " + p.pid() + " started "), run.err());
        assertTrue(run.err().contains(", then pid " + ProcessHandle.current().pid() + " started "), run.err());
    }

    @Test
    void aFolderOfSeparateRecordingsIsNotARepository() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("my-recordings"));
        Files.copy(Path.of(FIXTURE), folder.resolve("game.jfr"));
        Files.copy(jdkOnly, folder.resolve("jdk.jfr"));
        CliRun r = CliRun.of("report", folder.toString());
        assertEquals(Cli.TROUBLE, r.code(), r.err());
        assertEquals("jfr-analyzer report: cannot read '" + folder + "': not a JFR repository ('game.jfr' is not"
                + " a chunk file name like 2026_11_27_12_30_00.jfr); give recordings as files\n", r.err());
    }

    @Test
    void directoryWithoutRecordingsIsTrouble() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty-repo"));
        CliRun r = CliRun.of("report", empty.toString());
        assertEquals(Cli.TROUBLE, r.code());
        assertEquals("jfr-analyzer report: cannot read '" + empty + "': a directory without *.jfr files\n", r.err());
    }

    @Test
    void fileThatIsNotARecordingIsTrouble() throws Exception {
        Path bad = dir.resolve("not-jfr.jfr");
        Files.writeString(bad, "hello, this is not a flight recording, but long enough to hold a header.");
        CliRun r = CliRun.of("report", bad.toString());
        assertEquals(Cli.TROUBLE, r.code());
        assertTrue(r.err().startsWith("jfr-analyzer report: cannot read '" + bad + "': "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void verbosePrintsTheStackTraceAfterTheLine() throws Exception {
        Path bad = dir.resolve("not-jfr-verbose.jfr");
        Files.writeString(bad, "hello, this is not a flight recording, but long enough to hold a header.");
        CliRun r = CliRun.of("report", "--verbose", bad.toString());
        assertEquals(Cli.TROUBLE, r.code());
        assertTrue(r.err().startsWith("jfr-analyzer report: cannot read '" + bad + "': "), r.err());
        assertTrue(r.err().lines().count() > 3, r.err());
        assertTrue(r.err().contains("SourceException"), r.err()); // read.source rejects it before the reader
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void badBudgetFileIsTrouble() throws Exception {
        Path bad = dir.resolve("bad.budgets");
        Files.writeString(bad, "frame = 16.6 jiffy\n");
        CliRun r = CliRun.of("report", "--budgets", bad.toString(), FIXTURE);
        assertEquals(Cli.TROUBLE, r.code());
        assertEquals("jfr-analyzer report: bad budgets file: " + bad + ":1: 'frame' needs a time such as '16.6 ms',"
                + " got '16.6 jiffy'\n", r.err());
    }

    @Test
    void badOptionValuesAreTrouble() {
        CliRun format = CliRun.of("report", "--format", "xml", FIXTURE);
        assertEquals(Cli.TROUBLE, format.code());
        assertEquals("jfr-analyzer report: unknown format 'xml' (text, json, markdown, html)\n", format.err());
        CliRun warmup = CliRun.of("report", "--warmup", "soon", FIXTURE);
        assertEquals(Cli.TROUBLE, warmup.code());
        assertEquals("jfr-analyzer report: --warmup needs a number of frames or 'auto', got 'soon'\n", warmup.err());
        CliRun from = CliRun.of("report", "--from", "yesterday", FIXTURE);
        assertEquals(Cli.TROUBLE, from.code());
        assertEquals("jfr-analyzer report: --from needs an offset such as '30s' or an instant such as"
                + " '2026-11-27T12:00:05Z', got 'yesterday'\n", from.err());
        CliRun jmcSize = CliRun.of("report", "--jmc-max-size", "big", FIXTURE);
        assertEquals(Cli.TROUBLE, jmcSize.code());
        assertEquals("jfr-analyzer report: --jmc-max-size needs a size such as '8GB' or '512MB', got 'big'\n",
                jmcSize.err());
        CliRun unknown = CliRun.of("report", "--colour", FIXTURE);
        assertEquals(Cli.TROUBLE, unknown.code());
        assertTrue(unknown.err().startsWith("jfr-analyzer report: Unknown option: '--colour'"), unknown.err());
    }

    @Test
    void outputFileIsNeverOverwrittenWithoutForce() throws Exception {
        Path out = dir.resolve("kept.txt");
        Files.writeString(out, "user data");
        CliRun r = CliRun.of("report", "--output", out.toString(), FIXTURE);
        assertEquals(Cli.TROUBLE, r.code());
        assertEquals("jfr-analyzer report: '" + out + "' exists; use --force to overwrite it\n", r.err());
        assertEquals("user data", Files.readString(out));

        CliRun forced = CliRun.of("report", "--output", out.toString(), "--force", "--format", "markdown", FIXTURE);
        assertEquals(Cli.VIOLATED, forced.code(), forced.err());
        assertEquals("", forced.out());
        assertTrue(Files.readString(out).startsWith("# jfr-analyzer report"));
    }

    @Test
    void outputIntoADirectoryOrAMissingDirectoryIsTrouble() {
        CliRun dirOut = CliRun.of("report", "--output", dir.toString(), "--force", FIXTURE);
        assertEquals(Cli.TROUBLE, dirOut.code());
        assertEquals("jfr-analyzer report: cannot write '" + dir + "': it is a directory\n", dirOut.err());
        Path missing = dir.resolve("no-such-dir").resolve("r.txt");
        CliRun noDir = CliRun.of("report", "--output", missing.toString(), FIXTURE);
        assertEquals(Cli.TROUBLE, noDir.code());
        assertEquals("jfr-analyzer report: cannot write '" + missing + "': no such directory\n", noDir.err());
    }

    @Test
    void writesANewOutputFile() throws Exception {
        Path out = dir.resolve("new-report.json");
        CliRun r = CliRun.of("report", "-o", out.toString(), "--format", "json", FIXTURE);
        assertEquals(Cli.VIOLATED, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(Files.readString(out, StandardCharsets.UTF_8));
        assertEquals("puredots-report/1", json.get("schema").asText());
        assertEquals(120, json.get("frames").get("count").asLong());
        assertTrue(json.get("budgets").get("violated").asBoolean());
    }

    @Test
    void jsonEventCountsEqualJfrSummary() throws Exception {
        CliRun r = CliRun.of("report", "--format", "json", FIXTURE);
        JsonNode counts = new ObjectMapper().readTree(r.out()).get("overview").get("eventCounts");
        Map<String, Long> got = new TreeMap<>();
        counts.fields().forEachRemaining(e -> got.put(e.getKey(), e.getValue().asLong()));
        assertEquals(JfrSummary.counts(Path.of(FIXTURE)), got);
    }

    @Test
    void recordingWithoutGameEventsReportsTheJvmPartsAndSaysSo() throws Exception {
        // --allow-no-data: this test is about what the report shows, not the exit code
        CliRun r = CliRun.of("report", "--allow-no-data", jdkOnly.toString());
        assertEquals(Cli.OK, r.code(), r.err());
        // the note wraps at the report's width
        assertTrue(r.out().replaceAll("\\s+", " ").contains("no puredots events in this recording: frame, system, job"
                + " and registry statistics are missing; only the JVM parts are reported"), r.out());
        assertTrue(r.out().contains("heap after GC"), r.out());
        assertTrue(r.out().contains("frame                            NO_DATA"), r.out());
        assertTrue(r.out().contains("result  no budget violated (11 without data)"), r.out());
        JsonNode json = new ObjectMapper().readTree(CliRun.of("report", "--allow-no-data", "--format", "json",
                jdkOnly.toString()).out());
        assertFalse(json.get("gameEvents").asBoolean());
        assertTrue(json.get("frames").isNull());
        assertTrue(json.get("memory").get("heapAfterGcBytes").get("count").asLong() >= 1);
    }

    @Test
    void aRecordingWithoutGameEventsHasNothingToJudge() {
        CliRun r = CliRun.of("report", jdkOnly.toString());
        assertEquals(Cli.TROUBLE, r.code(), r.err());
        assertEquals("jfr-analyzer report: nothing to judge: no puredots events in '" + jdkOnly + "'; record the game"
                + " with -XX:StartFlightRecording:settings=<path to puredots.jfc> (jfr-events/jfc/puredots.jfc, also in"
                + " the jfr-events jar), or pass --allow-no-data to accept a recording without them\n", r.err());
        // the report is still written, so the user sees what was there
        assertTrue(r.out().contains("result  no budget violated (11 without data)"), r.out());
    }

    @Test
    void allowNoDataAcceptsARecordingWithoutGameEvents() {
        CliRun r = CliRun.of("report", "--allow-no-data", jdkOnly.toString());
        assertEquals(Cli.OK, r.code(), r.err());
        assertEquals("", r.err());
    }

    @Test
    void aWindowWithoutFramesHasNothingToJudge() throws Exception {
        // the fixture's 218 ms frame starts at 0.318s: no frame starts from 0.33s to 0.34s
        Path frameOnly = dir.resolve("frame-only.budgets");
        Files.writeString(frameOnly, "frame = 16.6 ms\n");
        CliRun r = CliRun.of("report", "--budgets", frameOnly.toString(), "--from", "0.33s", "--to", "0.34s", FIXTURE);
        assertEquals(Cli.TROUBLE, r.code(), r.err());
        assertEquals("jfr-analyzer report: nothing to judge: no frame in the selection (--from 0.33s --to 0.34s);"
                + " widen the window or pass --allow-no-data to accept it\n", r.err());
        assertTrue(r.out().contains("frame   NO_DATA "), r.out());
        assertEquals(Cli.OK, CliRun.of("report", "--budgets", frameOnly.toString(), "--allow-no-data",
                "--from", "0.33s", "--to", "0.34s", FIXTURE).code());
    }

    @Test
    void aMemoryBudgetJudgedWithoutFramesIsSomethingJudged() throws Exception {
        Path heap = dir.resolve("frame-and-heap.budgets");
        Files.writeString(heap, "frame = 16.6 ms\nmemory.heap = 8 GB\n");
        CliRun r = CliRun.of("report", "--budgets", heap.toString(), jdkOnly.toString());
        assertEquals(Cli.OK, r.code(), r.err());
        assertTrue(r.out().contains("memory.heap  OK "), r.out());
    }

    @Test
    void anInvertedWindowIsAUsageError() {
        CliRun r = CliRun.of("report", "--from", "1s", "--to", "0.5s", FIXTURE);
        assertEquals(Cli.TROUBLE, r.code());
        assertEquals("jfr-analyzer report: --from 1s is not before --to 0.5s: the window holds no frame\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void anInvertedWindowOfAnOffsetAndAnInstantNamesTheSpan() {
        CliRun r = CliRun.of("report", "--from", "0.3s", "--to", "2026-11-27T12:38:33.400Z", FIXTURE);
        assertEquals(Cli.TROUBLE, r.code());
        assertEquals("jfr-analyzer report: --from 0.3s is not before --to 2026-11-27T12:38:33.400Z: the window holds"
                + " no frame; " + FIXTURE_SPAN + "\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void aWindowAfterTheEndIsAUsageError() {
        CliRun r = CliRun.of("report", "--from", "10min", FIXTURE);
        assertEquals(Cli.TROUBLE, r.code());
        assertEquals("jfr-analyzer report: --from 10min is after the recording's end: " + FIXTURE_SPAN + "\n",
                r.err());
        assertEquals("", r.out());
    }

    @Test
    void aWindowBeforeTheStartIsAUsageError() {
        CliRun r = CliRun.of("report", "--to", "2026-11-27T12:00:00Z", FIXTURE);
        assertEquals(Cli.TROUBLE, r.code());
        assertEquals("jfr-analyzer report: --to 2026-11-27T12:00:00Z is before the recording's start: " + FIXTURE_SPAN
                + "\n", r.err());
    }

    @Test
    void jmcRulesAreNotRunOnRecordingsOverTheSizeLimit() throws Exception {
        long size = Files.size(Path.of(FIXTURE));
        CliRun under = CliRun.of("report", "--format", "json", "--jmc-max-size", size + "B", FIXTURE);
        assertTrue(under.out().contains("\"ran\" : true"), "the rules ran at exactly the limit");
        CliRun over = CliRun.of("report", "--jmc-max-size", (size - 1) + "B", FIXTURE);
        assertTrue(over.out().contains("JMC rules not run: the recording is "), over.out());
        assertTrue(over.out().contains("--jmc-max-size raises the limit"), over.out());
    }

    @Test
    void helpHasExamplesAndExitCodes() {
        CliRun r = CliRun.of("report", "--help");
        assertEquals(Cli.OK, r.code());
        assertTrue(r.out().contains("Examples:"), r.out());
        assertTrue(r.out().contains("MSER-5"), r.out());
        assertTrue(r.out().contains("2 trouble (bad usage, a window outside the recording, nothing to judge"), r.out());
        assertTrue(r.out().contains("--allow-no-data"), r.out());
        CliRun root = CliRun.of();
        assertEquals(Cli.TROUBLE, root.code());
        assertTrue(root.err().contains("report"), root.err());
    }
}
