package io.puredots.analyzer.stats;

import io.puredots.analyzer.model.Jobs;
import io.puredots.analyzer.model.Memory;
import io.puredots.analyzer.model.Registry;
import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.model.Series;
import io.puredots.analyzer.pipeline.JmcOptions;
import io.puredots.analyzer.pipeline.ReportPipeline;
import io.puredots.analyzer.pipeline.ReportRequest;
import io.puredots.analyzer.read.ReadOptions;
import io.puredots.analyzer.testing.Exact;
import io.puredots.analyzer.testing.JfrSummary;
import io.puredots.analyzer.testing.Reference;
import io.puredots.budgets.Budgets;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every statistic of the report against an exact computation from {@code RecordingFile} (sort
 * all the values) on the same file. Subclasses name the recording.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReferenceChecks {
    static final Budgets BUDGETS = Budgets.defaults();
    Path file;
    Reference ref;
    Report report;
    long frameCount;

    /** The recording to check. */
    abstract Path recording() throws Exception;

    @BeforeAll
    void read() throws Exception {
        file = recording();
        ref = new Reference(file);
        frameCount = ref.of("puredots.Frame").size();
        report = ReportPipeline.run(ReportRequest.of(List.of(file), BUDGETS).withJmc(JmcOptions.OFF));
    }

    @AfterAll
    void done() {
        ref = null;
    }

    @Test
    void overviewCountsEqualJfrSummary() throws Exception {
        assertEquals(JfrSummary.counts(file), report.overview().eventCounts());
        assertTrue(report.gameEvents());
        assertTrue(report.overview().jvmName().contains("VM"), report.overview().jvmName());
    }

    @Test
    void framesMatchTheExactComputation() {
        List<Long> d = ref.durations("puredots.Frame", null, null);
        assertTrue(d.size() > 0);
        Exact.check("frame time", d, report.frames().timeNanos());
        long limit = BUDGETS.frameNanos().getAsLong();
        TreeMap<Long, Long> perTick = ref.perTick("puredots.Frame", null, null);
        assertEquals(Reference.overCount(perTick, limit), report.frames().overBudget());
        assertEquals(Reference.longestRun(perTick, limit), report.frames().longestOverBudgetStreak());
        long inBuckets = report.frames().histogram().stream().mapToLong(b -> b.count()).sum();
        assertEquals(frameCount, inBuckets);
        long maxEntities = ref.of("puredots.Frame").stream().mapToLong(e -> e.getInt("entityCount")).max().orElseThrow();
        assertEquals(maxEntities, report.frames().maxEntities());
    }

    @Test
    void groupsMatchTheExactComputation() {
        assertEquals(ref.perGroup().size(), report.groups().size());
        long frameTotal = ref.durations("puredots.Frame", null, null).stream().mapToLong(Long::longValue).sum();
        for (Series g : report.groups()) {
            checkSeries("puredots.SystemGroupTick", "group", g, BUDGETS.groupNanos().get(g.name()), frameTotal);
        }
    }

    @Test
    void systemsMatchTheExactComputation() {
        assertEquals(ref.perSystem().size(), report.systems().size());
        long frameTotal = ref.durations("puredots.Frame", null, null).stream().mapToLong(Long::longValue).sum();
        for (Series s : report.systems()) {
            checkSeries("puredots.SystemTick", "system", s, BUDGETS.systemNanos().get(s.name()), frameTotal);
            String group = ref.of("puredots.SystemTick").stream().filter(e -> e.getString("system").equals(s.name()))
                    .findFirst().orElseThrow().getString("group");
            assertEquals(group, s.group());
        }
    }

    private void checkSeries(String type, String field, Series s, Long budget, long frameTotal) {
        List<Long> calls = ref.durations(type, field, s.name());
        Exact.check(s.name() + " per call", calls, s.perCallNanos());
        TreeMap<Long, Long> perTick = ref.perTick(type, field, s.name());
        Exact.check(s.name() + " per frame", perTick.values(), s.perFrameNanos());
        long total = calls.stream().mapToLong(Long::longValue).sum();
        assertEquals((double) total / frameTotal, s.shareOfFrame(), 1e-12, s.name() + " share");
        assertEquals(budget, s.budgetNanos());
        if (budget != null) {
            assertEquals(Reference.overCount(perTick, budget), s.framesOverBudget(), s.name() + " over");
            assertEquals(Reference.longestRun(perTick, budget), s.longestOverBudgetStreak(), s.name() + " streak");
        }
    }

    @Test
    void jobsMatchTheExactComputation() {
        Jobs j = report.jobs();
        assertNotNull(j);
        List<RecordedEvent> runs = ref.of("puredots.JobRun");
        List<RecordedEvent> scheduled = ref.of("puredots.JobSchedule");
        assertEquals(runs.size(), j.jobRuns());
        assertEquals(scheduled.size(), j.jobsScheduled());
        assertEquals(ref.busyByThread().size() - 1, j.workerCount());
        Exact.check("job run", ref.durations("puredots.JobRun", null, null), j.jobRunNanos());
        List<Long> waits = new ArrayList<>();
        runs.forEach(e -> waits.add(e.getLong("queueWait")));
        Exact.check("queue wait", waits, j.queueWaitNanos());
        List<Long> depth = new ArrayList<>();
        scheduled.forEach(e -> depth.add((long) e.getInt("chainDepth")));
        Exact.check("chain depth", depth, j.chainDepth());
        Map<Long, Long> perTick = new TreeMap<>();
        ref.of("puredots.Frame").forEach(e -> perTick.put(e.getLong("tick"), 0L));
        scheduled.forEach(e -> perTick.merge(e.getLong("tick"), 1L, Long::sum));
        Exact.check("jobs per frame", perTick.values(), j.jobsPerFrame());
        Exact.check("idle gaps", ref.idleGaps(), j.idleGapNanos());

        long frameTotal = ref.durations("puredots.Frame", null, null).stream().mapToLong(Long::longValue).sum();
        Map<Long, Long> busy = ref.busyByThread();
        long mainId = ref.of("puredots.MainThreadWait").get(0).getThread().getJavaThreadId();
        assertEquals(busy.size(), j.workers().size());
        assertTrue(j.workers().get(0).main());
        assertEquals(mainId, j.workers().get(0).threadId());
        for (Jobs.Worker w : j.workers()) {
            assertEquals(busy.get(w.threadId()), w.busyNanos(), w.name());
            assertEquals((double) w.busyNanos() / frameTotal, w.utilization(), 1e-12);
        }
        List<Long> mainWaits = ref.durations("puredots.MainThreadWait", null, null);
        Exact.check("main thread wait", mainWaits, j.mainThreadWait().waitNanos());
        long waitTotal = mainWaits.stream().mapToLong(Long::longValue).sum();
        assertEquals((double) waitTotal / frameCount, j.mainThreadWait().meanPerFrameNanos(), 1e-6);
        assertEquals((double) waitTotal / frameTotal, j.mainThreadWait().shareOfFrame(), 1e-12);
    }

    @Test
    void registriesMatchTheExactComputation() {
        assertEquals(ref.perRegistry().size(), report.registries().size());
        for (Registry r : report.registries()) {
            List<RecordedEvent> ev = ref.perRegistry().get(r.name());
            assertEquals(ev.size(), r.updates());
            assertEquals(ev.size() / (double) frameCount, r.updatesPerFrame(), 1e-12);
            assertEquals(ev.stream().mapToLong(e -> e.getInt("entryCount")).min().orElseThrow(), r.minEntries());
            assertEquals(ev.stream().mapToLong(e -> e.getInt("entryCount")).max().orElseThrow(), r.maxEntries());
            RecordedEvent last = ev.stream().max((x, y) -> x.getLong("tick") != y.getLong("tick")
                    ? Long.compare(x.getLong("tick"), y.getLong("tick"))
                    : x.getStartTime().compareTo(y.getStartTime())).orElseThrow();
            assertEquals(last.getInt("entryCount"), r.lastEntries());
            assertEquals(ev.stream().mapToLong(e -> e.getInt("adds")).sum(), r.adds());
            assertEquals(ev.stream().mapToLong(e -> e.getInt("removes")).sum(), r.removes());
            assertEquals(ev.stream().mapToLong(e -> e.getInt("updates")).sum(), r.changes());
            Exact.check(r.name() + " update", ref.durations("puredots.RegistryUpdate", "registry", r.name()),
                    r.updateNanos());
        }
    }

    @Test
    void memoryMatchesTheExactComputation() {
        Memory m = report.memory();
        List<Long> heap = new ArrayList<>();
        for (RecordedEvent e : ref.of("jdk.GCHeapSummary")) {
            if (e.getString("when").equals("After GC")) {
                heap.add(e.getLong("heapUsed"));
            }
        }
        Exact.check("heap after GC", heap, m.heapAfterGcBytes());

        Memory.NativeMemory n = m.nativeMemory();
        assertNotNull(n);
        List<Long> reserved = ref.latestTotals("puredots.NativeMemory", new String[] {"owner", "containerKind"},
                "bytesReserved");
        assertEquals(reserved.size(), n.samples());
        assertEquals(reserved.stream().mapToLong(Long::longValue).max().orElseThrow(), n.peakReservedBytes());
        assertEquals(reserved.get(reserved.size() - 1), n.lastReservedBytes());
        List<Long> used = ref.latestTotals("puredots.NativeMemory", new String[] {"owner", "containerKind"},
                "bytesUsed");
        assertEquals(used.stream().mapToLong(Long::longValue).max().orElseThrow(), n.peakUsedBytes());
        long entityPeak = ref.latestTotals("puredots.EntityCount", new String[] {"archetype"}, "count").stream()
                .mapToLong(Long::longValue).max().orElseThrow();
        long expectedEntities = Math.max(entityPeak, report.frames().maxEntities());
        assertEquals(expectedEntities, n.maxEntities());
        assertEquals((double) n.peakReservedBytes() / expectedEntities, n.bytesPerEntity(), 1e-9);
        assertEquals(ref.latestTotals("puredots.NativeMemory", new String[] {"owner", "containerKind"},
                "bytesReserved").size(), n.samples());
    }

    @Test
    void sameResultReadingOneChunkAtATime() throws Exception {
        Report sequential = ReportPipeline.run(ReportRequest.of(List.of(file), BUDGETS).withJmc(JmcOptions.OFF)
                .withReadOptions(ReadOptions.defaults().withParallelism(1)));
        assertEquals(report, sequential);
    }

    @Test
    void sameResultWithTheReferenceDecoder() throws Exception {
        Report viaReference = ReportPipeline.run(ReportRequest.of(List.of(file), BUDGETS).withJmc(JmcOptions.OFF)
                .withReadOptions(ReadOptions.defaults().withDecoder(ReadOptions.Decoder.REFERENCE)));
        assertEquals(report, viaReference);
    }

}
