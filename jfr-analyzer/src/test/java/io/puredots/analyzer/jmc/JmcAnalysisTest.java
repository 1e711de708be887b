package io.puredots.analyzer.jmc;

import io.puredots.analyzer.model.JmcFinding;
import io.puredots.analyzer.model.JmcReport;
import io.puredots.jmc.FrameBudgetRule;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(180)
class JmcAnalysisTest {
    @TempDir
    static Path dir;
    static Path recording;
    static Path profiled;

    @BeforeAll
    static void record() throws Exception {
        recording = FrameRecordings.record(dir.resolve("over.jfr"), 60, 20, 8, 20);
        profiled = dir.resolve("profiled.jfr");
        try (jdk.jfr.Recording r = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"))) {
            r.start();
            FrameRecordings.busyThreads(3, 1500);
            r.stop();
            r.dump(profiled);
        }
    }

    @Test
    void filteredLoadGivesTheSameFindingsAsLoadingEverything() throws Exception {
        sameFindings(recording);
    }

    @Test
    void filteredLoadGivesTheSameFindingsOnAProfiledRecording() throws Exception {
        sameFindings(profiled);
    }

    private static void sameFindings(Path rec) throws Exception {
        var rules = JmcAnalysis.rules();
        IItemCollection filtered = JmcAnalysis.load(List.of(rec), JmcAnalysis.requiredEventTypes(rules));
        IItemCollection all = JfrLoaderToolkit.loadEvents(rec.toFile());
        List<JmcFinding> a = JmcAnalysis.evaluate(rules, filtered, new ArrayList<>());
        List<JmcFinding> b = JmcAnalysis.evaluate(rules, all, new ArrayList<>());
        assertTrue(a.size() > 20, "expected the JDK rules, got " + a.size());
        assertEquals(b.size(), a.size());
        java.util.Map<String, JmcFinding> byId = new java.util.HashMap<>();
        b.forEach(f -> byId.put(f.ruleId(), f));
        List<String> diffs = new ArrayList<>();
        for (JmcFinding f : a) {
            if (f.ruleId().equals("StackdepthSetting")) {
                continue; // reads every type; JmcAnalysis.run does not run it on a filtered load
            }
            JmcFinding ref = byId.get(f.ruleId());
            if (!f.severity().equals(ref.severity()) || !f.summary().equals(ref.summary())) {
                diffs.add(f.ruleId() + ": filtered " + f.severity() + " '" + f.summary() + "' vs all " + ref.severity()
                        + " '" + ref.summary() + "'");
            }
        }
        assertEquals(List.of(), diffs);
    }

    @Test
    void listsTheFrameBudgetWarning() {
        JmcReport r = JmcAnalysis.run(List.of(recording), JmcAnalysis.DEFAULT_MAX_INPUT_BYTES);
        assertTrue(r.ran(), r.notes().toString());
        assertTrue(r.warnings().stream().anyMatch(f -> f.ruleId().equals(FrameBudgetRule.ID)), r.findings().toString());
        assertTrue(r.eventTypes().contains("puredots.Frame"));
        assertTrue(r.warnings().stream().anyMatch(f -> f.ruleName().equals("Frame Budget")
                && f.summary().startsWith("8 of 60")), r.warnings().toString());
        assertTrue(r.notes().get(0).matches("JMC rules ran on \\d+ event types of \\d+\\.\\d\\d [KM]iB \\(limit 24\\.00 MiB\\); not run: StackdepthSetting"),
                r.notes().toString());
    }

    @Test
    void statesTheSizeLimitWhenOverIt() throws Exception {
        JmcReport r = JmcAnalysis.run(List.of(recording), 1024);
        assertFalse(r.ran());
        assertEquals(Files.size(recording), r.inputBytes());
        assertTrue(r.notes().get(0).startsWith("JMC rules not run: the recording is "), r.notes().toString());
        assertTrue(r.notes().get(0).endsWith(" over the 1.00 KiB limit for automated analysis (JMC's parser reads the"
                + " whole file; --jmc-max-size raises the limit)"), r.notes().toString());
    }

    @Test
    void theSizeLimitAppliesWhenTheEventCountsAreKnownToo() throws Exception {
        java.util.Map<String, Long> few = java.util.Map.of("puredots.Frame", 60L);
        JmcReport over = JmcAnalysis.run(List.of(recording), few, 1000, Files.size(recording) - 1, null);
        assertFalse(over.ran());
        assertTrue(over.notes().get(0).startsWith("JMC rules not run: the recording is "), over.notes().toString());
        assertTrue(JmcAnalysis.run(List.of(recording), few, 1000, Files.size(recording), null).ran());
    }

    @Test
    void statesTheEventLimitWhenOverIt() {
        JmcReport r = JmcAnalysis.run(List.of(recording), java.util.Map.of("puredots.Frame", 60L,
                "jdk.GarbageCollection", 2L, "puredots.SystemTick", 1_000_000L), 61);
        assertFalse(r.ran());
        assertEquals(List.of("JMC rules not run: 62 events of the types the rules need, over the limit of 61 (JMC keeps"
                + " loaded events in memory, ~200 bytes each)"), r.notes());
        JmcReport ok = JmcAnalysis.run(List.of(recording), java.util.Map.of("puredots.Frame", 60L,
                "jdk.GarbageCollection", 2L, "puredots.SystemTick", 1_000_000L), 62);
        assertTrue(ok.ran());
        assertTrue(ok.notes().get(0).contains("(62 events, limit 62)"), ok.notes().toString());
    }

    @Test
    void theFrameBudgetRuleJudgesAgainstTheReportsBudgets() throws Exception {
        var budgets = io.puredots.budgets.Budgets.parse("lenient", new java.io.StringReader("frame = 1 s\n"));
        JmcReport r = JmcAnalysis.run(List.of(recording), java.util.Map.of(), 1000, budgets);
        JmcFinding f = r.findings().stream().filter(x -> x.ruleId().equals(FrameBudgetRule.ID)).findFirst()
                .orElseThrow();
        assertEquals("OK", f.severity(), f.summary());
        assertTrue(f.summary().startsWith("0 of 60 frames (0.0%) over the 1000.0 ms frame budget"), f.summary());
    }

    @Test
    void saysSoWhenJmcCannotLoad() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.jfr"), "not a recording\n");
        JmcReport r = JmcAnalysis.run(List.of(text), JmcAnalysis.DEFAULT_MAX_INPUT_BYTES);
        assertFalse(r.ran());
        assertTrue(r.notes().get(0).startsWith("JMC rules not run: JMC could not load the recording: "),
                r.notes().toString());
        assertEquals(1, r.notes().size(), r.notes().toString());
    }

    @Test
    void theRequiredTypesKeptInTheCodeAreWhatTheRulesAskFor() {
        // report decides "too many events to run the rules" from this constant, without loading them
        assertEquals(JmcAnalysis.requiredEventTypes(JmcAnalysis.rules()),
                new java.util.TreeSet<>(JmcAnalysis.REQUIRED_EVENT_TYPES));
    }

    @Test
    void rulesWhoseEventsTheRecordingLacksAreNotRunInsteadOfFailing() {
        // the soak scene's fixture, recorded with puredots.jfc: file, socket and class-loading
        // events are off, no GC happened; JMC's own runners check availability before a rule runs
        JmcReport r = JmcAnalysis.run(List.of(Path.of("../recordings/fixtures/sim-small.jfr")), Long.MAX_VALUE);
        assertTrue(r.ran(), r.notes().toString());
        for (JmcFinding f : r.findings()) {
            assertTrue(!f.severity().equals("FAILED"), f.ruleId() + ": " + f.summary());
        }
        JmcFinding fileRead = r.findings().stream().filter(f -> f.ruleId().equals("FileRead")).findFirst()
                .orElseThrow();
        assertEquals("NA", fileRead.severity());
        assertTrue(fileRead.summary().contains("jdk.FileRead disabled, needs enabled"), fileRead.summary());
        // a rule depending on one that was not run is not run either, and says why
        JmcFinding systemGc = r.findings().stream().filter(f -> f.ruleId().equals("SystemGc")).findFirst()
                .orElseThrow();
        assertEquals("NA", systemGc.severity());
        assertTrue(systemGc.summary().contains("which was not run"), systemGc.summary());
        // and the rules whose events are there still run: the frame budget rule warns
        assertTrue(r.findings().stream().anyMatch(f -> f.ruleId().equals("puredots.framebudget")
                && f.severity().equals("WARNING")), r.findings().toString());
    }

    /**
     * JMC's parser logs a WARNING for each field of a newer JDK it does not know (JDK 25's
     * threads have {@code virtual}); report keeps that off stderr. Without the logger level
     * set, loading this recording logs it.
     */
    @Test
    void loadingAJdk25RecordingLogsNoParserWarnings(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("jdk25.jfr");
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(
                JmcAnalysisTest.class.getResourceAsStream("/io/puredots/analyzer/read/jdk25-puredots.jfr.gz"))) {
            Files.copy(in, file);
        }
        List<java.util.logging.LogRecord> warnings = new ArrayList<>();
        java.util.logging.Handler h = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                if (r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()
                        && r.getLoggerName() != null && r.getLoggerName().startsWith("org.openjdk.jmc")) {
                    synchronized (warnings) {
                        warnings.add(r);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(h);
        try {
            IItemCollection items = JmcAnalysis.load(List.of(file), null);
            assertTrue(items.hasItems());
        } finally {
            root.removeHandler(h);
        }
        assertEquals(List.of(), warnings.stream().map(java.util.logging.LogRecord::getMessage).toList());
    }
}
