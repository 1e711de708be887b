package io.puredots.analyzer.bench;

import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.model.Selection;
import io.puredots.analyzer.pipeline.JmcOptions;
import io.puredots.analyzer.pipeline.ReportPipeline;
import io.puredots.analyzer.pipeline.ReportRequest;
import io.puredots.analyzer.read.EventHandler;
import io.puredots.analyzer.stats.ChunkStats;
import io.puredots.analyzer.testing.JfrSummary;
import io.puredots.budgets.Budgets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cost-split handlers of {@link ReportCosts} decode what {@code report} decodes for their type
 * and nothing else (the decoder's own view of a handler class, read through reflection), and
 * aggregate what {@code report} computes from that type, on the committed sim-runtime recording,
 * with {@code jfr summary} as the independent count of the events each type receives.
 */
class ReportCostsTest {
    private static final Path FIXTURE = Path.of("../recordings/fixtures/sim-small.jfr");
    /** The method each single-type handler overrides, by type. */
    private static final Map<String, String> ONE_METHOD = Map.of("frame", "frame", "group", "systemGroupTick",
            "system", "systemTick", "jobSchedule", "jobSchedule", "jobRun", "jobRun",
            "mainThreadWait", "mainThreadWait", "registryUpdate", "registryUpdate");

    private static Report full;
    private static Map<String, Long> summary;
    private static Class<? extends EventHandler> partialClass;

    @BeforeAll
    static void readFixture() throws Exception {
        full = ReportPipeline.run(ReportRequest.of(List.of(FIXTURE), Budgets.defaults()).withJmc(JmcOptions.OFF));
        summary = JfrSummary.counts(FIXTURE);
        partialClass = ChunkStats.runTotal(Budgets.defaults(), Selection.ALL, 0).partials().get().getClass();
    }

    @Test
    void singleTypeHandlersOverrideTheirOneMethodAndFrameInBothModes() throws Exception {
        String[] methods = kindMethods();
        for (Map.Entry<String, String> e : ONE_METHOD.entrySet()) {
            for (Class<?> c : handlerClasses(e.getKey())) {
                List<String> overridden = new ArrayList<>();
                boolean[] kinds = overridden(c);
                for (int k = 0; k < kinds.length; k++) {
                    if (kinds[k]) {
                        overridden.add(methods[k]);
                    }
                }
                List<String> expected = e.getKey().equals("frame") ? List.of("frame") : List.of("frame", e.getValue());
                assertEquals(expected, overridden, c.getName());
            }
        }
    }

    @Test
    void noneOtherAndAllSplitWhatReportReads() throws Exception {
        boolean[] report = overridden(partialClass);
        Set<String> single = new TreeSet<>(ONE_METHOD.values());
        String[] methods = kindMethods();
        boolean[] other = report.clone();
        for (int k = 0; k < other.length; k++) {
            other[k] &= methods[k].equals("frame") || !single.contains(methods[k]);
        }
        for (Class<?> c : handlerClasses("none")) {
            assertEquals("[]", Arrays.toString(trueIndices(overridden(c))), c.getName());
        }
        for (Class<?> c : handlerClasses("other")) {
            assertEquals(Arrays.toString(trueIndices(other)), Arrays.toString(trueIndices(overridden(c))), c.getName());
        }
        for (Class<?> c : handlerClasses("all")) {
            assertEquals(Arrays.toString(trueIndices(report)), Arrays.toString(trueIndices(overridden(c))),
                    c.getName());
        }
        assertTrue(trueIndices(other).length > 10, "report reads JDK events too");
    }

    @Test
    void everyHandlerStepsOverTheFieldsReportStepsOver() throws Exception {
        Set<String> report = ignored(partialClass);
        assertTrue(report.contains("puredots.JobRun#jobName"), report.toString());
        for (String type : ReportCosts.TYPES) {
            for (Class<?> c : handlerClasses(type)) {
                assertEquals(report, ignored(c), c.getName());
            }
        }
    }

    @Test
    void eachTypeCountsItsEventsAsJfrSummaryCountsThem() throws Exception {
        Map<String, Integer> kindByName = kindByName();
        int frameKind = kindByName.get("puredots.Frame");
        for (String type : ReportCosts.TYPES) {
            boolean[] kinds = overridden(DecodeAsReport.HANDLERS.get(type).get().getClass());
            // the frames that come with a type are not its events
            boolean framesCounted = type.equals("frame") || type.equals("all");
            long expected = 0;
            for (Map.Entry<String, Long> e : summary.entrySet()) {
                Integer k = kindByName.get(e.getKey());
                if (k != null && kinds[k] && (k != frameKind || framesCounted)) {
                    expected += e.getValue();
                }
            }
            assertEquals(expected, ReportCosts.decode(type, FIXTURE).events(), "decode " + type);
            assertEquals(expected, ReportCosts.aggregate(type, FIXTURE).events(), "aggregate " + type);
        }
        assertEquals(summary.get("puredots.JobRun"), ReportCosts.decode("jobRun", FIXTURE).events());
    }

    @Test
    void eachTypeAggregatesWhatReportComputesFromIt() throws Exception {
        Map<String, Report> by = new LinkedHashMap<>();
        for (String type : ReportCosts.TYPES) {
            by.put(type, ReportCosts.aggregate(type, FIXTURE).report());
        }
        assertEquals(full.overview().eventCounts(), by.get("none").overview().eventCounts());
        assertEquals(null, by.get("none").frames());

        assertNotNull(full.frames());
        assertEquals(full.frames(), by.get("frame").frames());
        assertFalse(full.groups().isEmpty() || full.systems().isEmpty());
        assertEquals(full.groups(), by.get("group").groups());
        assertEquals(full.systems(), by.get("system").systems());
        assertEquals(full.jobs().jobsScheduled(), by.get("jobSchedule").jobs().jobsScheduled());
        assertEquals(full.jobs().chainDepth(), by.get("jobSchedule").jobs().chainDepth());
        assertEquals(full.jobs().jobRuns(), by.get("jobRun").jobs().jobRuns());
        assertEquals(full.jobs().jobRunNanos(), by.get("jobRun").jobs().jobRunNanos());
        assertEquals(full.jobs().queueWaitNanos(), by.get("jobRun").jobs().queueWaitNanos());
        assertEquals(full.jobs().mainThreadWait(), by.get("mainThreadWait").jobs().mainThreadWait());
        assertTrue(!full.registries().isEmpty());
        assertEquals(full.registries(), by.get("registryUpdate").registries());
        assertNotNull(full.memory().nativeMemory());
        assertEquals(full.memory(), by.get("other").memory());
        assertEquals(full.overview().jvmVersion(), by.get("other").overview().jvmVersion());

        Report all = by.get("all");
        assertEquals(full.overview(), all.overview());
        assertEquals(full.frames(), all.frames());
        assertEquals(full.groups(), all.groups());
        assertEquals(full.systems(), all.systems());
        assertEquals(full.jobs(), all.jobs());
        assertEquals(full.memory(), all.memory());
        assertEquals(full.registries(), all.registries());
        assertEquals(full.slowFrames(), all.slowFrames());
    }

    /** The decode-only and the decode-and-aggregate handler classes of {@code type}. */
    private static List<Class<?>> handlerClasses(String type) {
        ChunkStats partial = ChunkStats.runTotal(Budgets.defaults(), Selection.ALL, 0).partials().get();
        return List.of(DecodeAsReport.HANDLERS.get(type).get().getClass(),
                AggregateAsReport.HANDLERS.get(type).apply(partial).getClass());
    }

    private static int[] trueIndices(boolean[] b) {
        return java.util.stream.IntStream.range(0, b.length).filter(i -> b[i]).toArray();
    }

    // the decoder's view of a handler class, from the package-private read.EventKinds

    private static Class<?> eventKinds() throws ClassNotFoundException {
        return Class.forName("io.puredots.analyzer.read.EventKinds");
    }

    private static boolean[] overridden(Class<?> handler) throws Exception {
        Method m = eventKinds().getDeclaredMethod("overridden", Class.class);
        m.setAccessible(true);
        return (boolean[]) m.invoke(null, handler);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> ignored(Class<?> handler) throws Exception {
        Method m = eventKinds().getDeclaredMethod("ignored", Class.class);
        m.setAccessible(true);
        return (Set<String>) m.invoke(null, handler);
    }

    private static String[] kindMethods() throws Exception {
        Field f = eventKinds().getDeclaredField("METHOD");
        f.setAccessible(true);
        return (String[]) f.get(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> kindByName() throws Exception {
        Field f = eventKinds().getDeclaredField("KINDS");
        f.setAccessible(true);
        return (Map<String, Integer>) f.get(null);
    }
}
