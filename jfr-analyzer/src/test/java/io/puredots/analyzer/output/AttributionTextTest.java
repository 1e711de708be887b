package io.puredots.analyzer.output;

import io.puredots.analyzer.model.attribution.AllocationRate;
import io.puredots.analyzer.model.attribution.AttributionNote;
import io.puredots.analyzer.model.attribution.AttributionNote.JvmEvents;
import io.puredots.analyzer.model.attribution.AttributionResult;
import io.puredots.analyzer.model.attribution.Cause;
import io.puredots.analyzer.model.attribution.CauseDetail;
import io.puredots.analyzer.model.attribution.CauseKind;
import io.puredots.analyzer.model.attribution.CpuShare;
import io.puredots.analyzer.model.attribution.FrameAttribution;
import io.puredots.analyzer.model.attribution.HotMethods;
import io.puredots.analyzer.model.attribution.LagShare;
import io.puredots.analyzer.model.attribution.StreakAttribution;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AttributionTextTest {
    private static final long MS = 1_000_000L;
    /** 2025-11-27T12:50:38.234Z. */
    private static final long START = 1_764_247_838_234L * MS;

    private static final CauseDetail.GcPause PAUSE = new CauseDetail.GcPause(
            "Pause Young (Normal) (G1 Evacuation Pause)", "G1 Evacuation Pause", List.of());

    private static AttributionResult result() {
        FrameAttribution f = new FrameAttribution(812, START, 1_234 * MS, 23_100_000, List.of(
                new Cause(CauseKind.GC_PAUSE, "G1 young", PAUSE, 1, 9_800_000, 9_800_000),
                new Cause(CauseKind.SAFEPOINT, "G1CollectForAllocation", new CauseDetail.None(), 1, 400_000, 400_000),
                new Cause(CauseKind.MONITOR_ENTER, "puredots-worker-1", new CauseDetail.Wait("io.game.Grid"), 2,
                        3 * MS, 4 * MS),
                new Cause(CauseKind.COMPILATION, "", new CauseDetail.Compilation("c2", false, 4), 1, 8 * MS, 2 * MS),
                new Cause(CauseKind.DEOPTIMIZATION, "io.game.Grid.add",
                        new CauseDetail.Deoptimization("unstable_if", "reinterpret"), 3, 0, 0)),
                CpuShare.of(0, 0.97, 0.48), new AllocationRate(0, 100 * MS, 3 * 1048576.0, 1048576.0, 3.0, true),
                new HotMethods(8, 3, List.of(
                        new HotMethods.HotMethod("io.game.Grid.add", 6, 0.75, 0.05),
                        new HotMethods.HotMethod("io.game.Grid.<init>", 2, 0.25, 0)),
                        List.of(new HotMethods.HotStack(List.of("io.game.Grid.add", "io.game.Grid.rebuild",
                                "io.game.Systems.tick", "io.game.Main.frame", "io.game.Main.main"), 6, 0.75))));
        StreakAttribution s = new StreakAttribution(100, 107, 8, START + 61_000 * MS, 62_234 * MS, 150 * MS, 104, 40 * MS, List.of(
                new Cause(CauseKind.GC_PAUSE, "G1 young", new CauseDetail.GcPause("Pause Young", "", List.of()), 3,
                        9 * MS, 20 * MS)), null, null, new HotMethods(0, 0, List.of(), List.of()));
        return new AttributionResult(16_600_000, 5, 1000, List.of(f), List.of(s), 7, 400, null,
                List.of(new AttributionNote.StreaksCapped(7, 1)));
    }

    @Test
    void describeNamesEachCause() {
        FrameAttribution f = result().worstFrames().get(0);
        assertEquals("G1 young pause 9.8 ms overlapped (Pause Young (Normal) (G1 Evacuation Pause)); safepoint 0.4 ms"
                + " overlapped (G1CollectForAllocation); monitor contention on puredots-worker-1 4.0 ms overlapped"
                + " (io.game.Grid); JIT: 1 compilation 8.0 ms, 2.0 ms overlapped (longest 8.0 ms: unknown method, c2"
                + " level 4); 3 deoptimizations (io.game.Grid.add: unstable_if/reinterpret); allocation spike 3.00"
                + " MiB/s (3.0x the recording's mean); CPU: machine 97%, JVM 48% -> other processes 49%",
                AttributionText.describe(f.causes(), f.cpu(), f.allocation()));
    }

    @Test
    void sectionsHoldAFrameLineAStreakLineAndTheNotes() {
        Document d = new Document("t");
        AttributionText.addSections(d, result());
        assertEquals(2, d.sections.size());
        Document.Section frames = d.sections.get(0);
        assertEquals("Slow frames: what overlapped them", frames.name);
        assertEquals("frame 812 (23.1 ms)", ((String[]) frames.parts.get(0))[0]);
        assertEquals(List.of(
                new Document.Sub("at +1.234 s, 2025-11-27T12:50:38.234Z"),
                new Document.Sub("8 samples (main 3, workers 5); normal frames: 400 samples"),
                new Document.Sub("75.0% io.game.Grid.add (normal 5.0%)"),
                new Document.Sub("25.0% io.game.Grid.<init> (normal 0.0%)"),
                new Document.Sub("stack 75.0%: Grid.add"),
                new Document.Sub("  < Grid.rebuild"),
                new Document.Sub("  < Systems.tick"),
                new Document.Sub("  < Main.frame < ...")),
                frames.parts.subList(1, 9));
        assertEquals("7 streaks in all; the 1 longest are explained", frames.parts.get(9));
        Document.Section streaks = d.sections.get(1);
        assertArrayEquals(new String[] {"streaks", "7 (more than 5 consecutive frames over 16.6 ms)"},
                (String[]) streaks.parts.get(0));
        assertArrayEquals(new String[] {"ticks 100-107 (8 frames, worst 40.0 ms)",
            "3 GC pauses 20.0 ms overlapped (longest 9.0 ms G1 young: Pause Young)"}, (String[]) streaks.parts.get(1));
        assertEquals(List.of(new Document.Sub("at +1 min 02.234 s, 2025-11-27T12:51:39.234Z"),
                new Document.Sub("no execution sample of main or the workers in it")), streaks.parts.subList(2, 4));
    }

    @Test
    void lagShareIsASectionOfGroupsAndSystemsWithBothShares() {
        AttributionResult r = result();
        AttributionResult withLag = new AttributionResult(r.frameBudgetNanos(), r.streakFrames(), r.framesSeen(),
                r.worstFrames(), r.streaks(), r.streaksTotal(), r.normalFrameSamples(), new LagShare(4, 80 * MS,
                60 * MS, List.of(new LagShare.Entry("Spatial", "", 60 * MS, 0.75, 200 * MS, 0.2),
                        new LagShare.Entry("Render", "", 20 * MS, 0.25, 800 * MS, 0.8)),
                List.of(new LagShare.Entry("Grid", "Spatial", 60 * MS, 1.0, 150 * MS, 0.5))), List.of());
        Document d = new Document("t");
        AttributionText.addSections(d, withLag);
        Document.Section lag = d.sections.get(2);
        assertEquals("Lag share: who takes the time in over-budget frames", lag.name);
        assertArrayEquals(new String[] {"over-budget frames",
            "4 over 16.600 ms; in them groups 80.000 ms, systems 60.000 ms"}, (String[]) lag.parts.get(0));
        Document.Table groups = (Document.Table) lag.parts.get(1);
        assertArrayEquals(new String[] {"group", "over-budget ms", "lag share", "overall share"}, groups.header);
        assertArrayEquals(new String[] {"Spatial", "60.000", "75.0%", "20.0%"}, groups.rows.get(0));
        Document.Table systems = (Document.Table) lag.parts.get(2);
        assertArrayEquals(new String[] {"Grid", "Spatial", "60.000", "100.0%", "50.0%"}, systems.rows.get(0));
    }

    @Test
    void stackFramesAreShownWithoutPackagesOrLambdaSuffixes() {
        assertEquals("SpatialGrid.sort", AttributionText.shortMethod("io.puredots.sim.SpatialGrid.sort"));
        assertEquals("SpatialGrid$$Lambda.execute", AttributionText.shortMethod(
                "io.puredots.sim.SpatialGrid$$Lambda$120+0x00007f4cfc01f988.1525919705.execute"));
        assertEquals("Main.<init>", AttributionText.shortMethod("Main.<init>"));
        assertEquals("", AttributionText.shortMethod(""));
    }

    @Test
    void gcDetailNamesTheCauseOnceAndTheLongestPhases() {
        assertEquals("Pause Young (Normal) (G1 Evacuation Pause)", AttributionText.detail(PAUSE));
        assertEquals("Pause Full, cause System.gc(); phases: Mark 9.6 ms, Compact 0.1 ms",
                AttributionText.detail(new CauseDetail.GcPause("Pause Full", "System.gc()", List.of(
                        new CauseDetail.Phase("Mark", 9_550_000), new CauseDetail.Phase("Compact", 100_000)))));
        assertEquals("c1 OSR level 3", AttributionText.detail(new CauseDetail.Compilation("c1", true, 3)));
        assertEquals("", AttributionText.detail(new CauseDetail.None()));
    }

    @Test
    void notesAreSentences() {
        assertEquals("no puredots.Frame events: nothing to attribute",
                AttributionText.note(new AttributionNote.NoFrames()));
        assertEquals("no frame budget: over-budget streaks not computed",
                AttributionText.note(new AttributionNote.NoBudget()));
        assertEquals("VM operation events capped at 4 per chunk: 6 shortest not considered",
                AttributionText.note(new AttributionNote.EventsCapped(JvmEvents.VM_OPERATION, 4, 6)));
        assertEquals("allocation samples capped at 2000000 per chunk: 12 not counted",
                AttributionText.note(new AttributionNote.AllocationSamplesCapped(2_000_000, 12)));
        assertEquals("execution samples of main and the workers capped at 100000 per chunk: 7 not counted",
                AttributionText.note(new AttributionNote.ExecutionSamplesCapped(100_000, 7)));
    }
}
