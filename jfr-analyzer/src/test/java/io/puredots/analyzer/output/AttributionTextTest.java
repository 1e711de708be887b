package io.puredots.analyzer.output;

import io.puredots.analyzer.model.attribution.AllocationRate;
import io.puredots.analyzer.model.attribution.AttributionResult;
import io.puredots.analyzer.model.attribution.Cause;
import io.puredots.analyzer.model.attribution.CauseKind;
import io.puredots.analyzer.model.attribution.CpuShare;
import io.puredots.analyzer.model.attribution.FrameAttribution;
import io.puredots.analyzer.model.attribution.StreakAttribution;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AttributionTextTest {
    private static final long MS = 1_000_000L;

    private static AttributionResult result() {
        FrameAttribution f = new FrameAttribution(812, 0, 23_100_000, List.of(
                new Cause(CauseKind.GC_PAUSE, "G1 young", "Pause Young (Normal) (G1 Evacuation Pause)", 1, 9_800_000,
                        9_800_000),
                new Cause(CauseKind.SAFEPOINT, "G1CollectForAllocation", "", 1, 400_000, 400_000),
                new Cause(CauseKind.MONITOR_ENTER, "puredots-worker-1", "io.game.Grid", 2, 3 * MS, 4 * MS),
                new Cause(CauseKind.COMPILATION, "", "c2", 1, 8 * MS, 2 * MS),
                new Cause(CauseKind.DEOPTIMIZATION, "io.game.Grid.add", "unstable_if/reinterpret", 3, 0, 0)),
                CpuShare.of(0, 0.97, 0.48), new AllocationRate(0, 100 * MS, 3 * 1048576.0, 1048576.0, 3.0, true));
        StreakAttribution s = new StreakAttribution(100, 107, 8, 0, 150 * MS, 104, 40 * MS, List.of(
                new Cause(CauseKind.GC_PAUSE, "G1 young", "Pause Young", 3, 9 * MS, 20 * MS)), null, null);
        return new AttributionResult(16_600_000, 5, 1000, List.of(f), List.of(s), 1, List.of("a | note"));
    }

    @Test
    void textLinesNameEachCause() {
        assertEquals(List.of(
                "Slow frames: what overlapped them",
                "  frame 812 (23.1 ms, budget 16.6 ms): G1 young pause 9.8 ms overlapped (Pause Young (Normal) (G1"
                        + " Evacuation Pause)); safepoint 0.4 ms overlapped (G1CollectForAllocation); monitor contention on"
                        + " puredots-worker-1 4.0 ms overlapped (io.game.Grid); JIT: 1 compilation 8.0 ms, 2.0 ms overlapped"
                        + " (longest 8.0 ms: unknown method, c2); 3 deoptimizations (io.game.Grid.add:"
                        + " unstable_if/reinterpret); allocation spike 3.00 MiB/s (3.0x the recording's mean); CPU: machine"
                        + " 97%, JVM 48% -> other processes 49%",
                "Over-budget streaks (more than 5 frames over 16.6 ms): 1",
                "  ticks 100-107 (8 frames, 150.0 ms, worst 40.0 ms at tick 104): 3 GC pauses 20.0 ms overlapped"
                        + " (longest 9.0 ms G1 young: Pause Young)",
                "  note: a | note"), AttributionText.lines(result()));
    }

    @Test
    void markdownHasATableRowPerFrameAndStreakAndEscapesPipes() {
        String md = AttributionText.markdown(result());
        assertEquals(List.of("## Slow frames: what overlapped them", "", "| frame | time (ms) | overlapped by |",
                "|---:|---:|---|"), md.lines().limit(4).toList());
        assertEquals(1, md.lines().filter(l -> l.startsWith("| 812 | 23.1 | G1 young pause 9.8 ms")).count(), md);
        assertEquals(1, md.lines().filter(l -> l.startsWith("| 100-107 | 8 | 40.0 | 3 GC pauses")).count(), md);
        assertEquals(1, md.lines().filter(l -> l.equals("- note: a \\| note")).count(), md);
    }
}
