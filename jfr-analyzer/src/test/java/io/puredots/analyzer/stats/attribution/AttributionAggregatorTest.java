package io.puredots.analyzer.stats.attribution;

import io.puredots.analyzer.model.attribution.AllocationRate;
import io.puredots.analyzer.model.attribution.AttributionNote;
import io.puredots.analyzer.model.attribution.AttributionResult;
import io.puredots.analyzer.model.attribution.Cause;
import io.puredots.analyzer.model.attribution.CauseDetail;
import io.puredots.analyzer.model.attribution.CauseKind;
import io.puredots.analyzer.model.attribution.CpuShare;
import io.puredots.analyzer.model.attribution.FrameAttribution;
import io.puredots.analyzer.model.attribution.StreakAttribution;
import io.puredots.analyzer.output.AttributionText;
import io.puredots.analyzer.read.ChunkInfo;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttributionAggregatorTest {
    private static final long MS = 1_000_000L;
    private static final long T0 = 1_700_000_000_000_000_000L;

    private static AttributionSettings settings(long budgetMs, int streak, int worst) {
        return new AttributionSettings(budgetMs * MS, streak, worst, 50, 0, 0, 100_000, 100 * MS, 2.0, Long.MIN_VALUE,
                Long.MAX_VALUE);
    }

    /** Feeds a list of calls into handlers split at the given event positions, chunk by chunk. */
    private static AttributionResult run(AttributionSettings s, List<Consumer<AttributionAggregator>> events,
                                         int... splits) {
        List<AttributionAggregator> parts = new ArrayList<>();
        int from = 0;
        int[] bounds = new int[splits.length + 1];
        System.arraycopy(splits, 0, bounds, 0, splits.length);
        bounds[splits.length] = events.size();
        for (int c = 0; c < bounds.length; c++) {
            AttributionAggregator a = new AttributionAggregator(s);
            ChunkInfo info = new ChunkInfo(Path.of("x.jfr"), c, 0, 0, T0, 0, 2, 0);
            a.chunkStart(info);
            for (int i = from; i < bounds[c]; i++) {
                events.get(i).accept(a);
            }
            a.chunkEnd(info, java.util.Map.of());
            parts.add(a);
            from = bounds[c];
        }
        return SlowFrameAttribution.merge(parts);
    }

    @Test
    void namesTheGcPauseThatOverlapsTheWorstFrame() {
        List<Consumer<AttributionAggregator>> ev = new ArrayList<>();
        ev.add(a -> a.frame(T0, 5 * MS, 0, 10));
        ev.add(a -> a.frame(T0 + 5 * MS, 23 * MS, 1, 10));
        ev.add(a -> a.gcPhasePause(T0 + 10 * MS, 9_800_000, 0, 7, "Pause Young (Normal) (G1 Evacuation Pause)"));
        ev.add(a -> a.gcPhasePause(T0 + 10 * MS, 7_100_000, 1, 7, "Evacuate Collection Set"));
        ev.add(a -> a.garbageCollection(T0 + 10 * MS, 9_800_000, 7, "G1New", "G1 Evacuation Pause", 9_800_000,
                9_800_000));
        ev.add(a -> a.safepoint(T0 + 9 * MS, 11 * MS, 3, 20, 0));
        ev.add(a -> a.vmOperation(T0 + 10 * MS, 9_900_000, "G1CollectForAllocation", true));
        ev.add(a -> a.cpuLoad(T0 + 900 * MS, 0.40, 0.08, 0.97));
        ev.add(a -> a.frame(T0 + 28 * MS, 4 * MS, 2, 10));

        AttributionResult r = run(settings(16, 5, 2), ev);
        FrameAttribution worst = r.worstFrames().get(0);
        assertEquals(1, worst.tick());
        Cause gc = worst.causes().get(0);
        assertEquals(CauseKind.SAFEPOINT, gc.kind(), "the safepoint overlaps 11 ms, more than the pause");
        Cause pause = worst.causes().get(1);
        assertEquals(CauseKind.GC_PAUSE, pause.kind());
        assertEquals("G1 young", pause.label());
        assertEquals(9_800_000, pause.overlapNanos());
        assertEquals(new CauseDetail.GcPause("Pause Young (Normal) (G1 Evacuation Pause)", "G1 Evacuation Pause",
                List.of(new CauseDetail.Phase("Evacuate Collection Set", 7_100_000))), pause.detail());
        assertEquals("safepoint 11.0 ms overlapped (G1CollectForAllocation); "
                + "G1 young pause 9.8 ms overlapped (Pause Young (Normal) (G1 Evacuation Pause); phases: "
                + "Evacuate Collection Set 7.1 ms); CPU: machine 97%, JVM 48% -> other processes 49%",
                AttributionText.describe(worst.causes(), worst.cpu(), worst.allocation()));
        assertEquals(0, r.worstFrames().get(1).tick(), "second worst: 5 ms");
        assertTrue(r.worstFrames().get(1).causes().isEmpty());
    }

    @Test
    void ignoresFramesOutsideTheTickWindow() {
        List<Consumer<AttributionAggregator>> ev = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            long tick = t;
            ev.add(a -> a.frame(T0 + tick * 100 * MS, (tick == 1 ? 90 : 10 + tick) * MS, tick, 0));
        }
        AttributionResult r = run(settings(16, 5, 3).withTicks(3L, null), ev, 4);
        assertEquals(List.of(9L, 8L, 7L), r.worstFrames().stream().map(FrameAttribution::tick).toList());
        assertEquals(7, r.framesSeen());
    }

    @Test
    void clipsAnIntervalToTheFrame() {
        List<Consumer<AttributionAggregator>> ev = new ArrayList<>();
        ev.add(a -> a.frame(T0, 20 * MS, 0, 0));
        ev.add(a -> a.threadPark(T0 - 5 * MS, 8 * MS, 1, "main", "java.lang.Object"));
        ev.add(a -> a.threadPark(T0, 8 * MS, 9, "render-thread", "java.lang.Object"));
        AttributionResult r = run(settings(16, 5, 1), ev);
        List<Cause> causes = r.worstFrames().get(0).causes();
        assertEquals(1, causes.size(), "parks on non-simulation threads are ignored");
        assertEquals(CauseKind.THREAD_PARK, causes.get(0).kind());
        assertEquals(3 * MS, causes.get(0).overlapNanos());
        assertEquals(8 * MS, causes.get(0).longestNanos());
        assertEquals("park on main 8.0 ms, 3.0 ms overlapped (java.lang.Object)",
                AttributionText.cause(causes.get(0)));
    }

    @Test
    void joinsAStreakAcrossChunkBoundaries() {
        List<Consumer<AttributionAggregator>> ev = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            long tick = t;
            long d = (t >= 5 && t < 13) ? 20 * MS : 10 * MS; // ticks 5..12 over budget: 8 frames
            ev.add(a -> a.frame(T0 + tick * 30 * MS, d, tick, 0));
        }
        ev.add(a -> a.gcPhasePause(T0 + 6 * 30 * MS, 2 * MS, 0, 1, "Pause Young"));
        ev.add(a -> a.gcPhasePause(T0 + 11 * 30 * MS, 3 * MS, 0, 2, "Pause Young"));
        AttributionResult whole = run(settings(16, 5, 3), ev);
        assertEquals(1, whole.streaksTotal());
        StreakAttribution s = whole.streaks().get(0);
        assertEquals(5, s.firstTick());
        assertEquals(12, s.lastTick());
        assertEquals(8, s.frames());
        Cause gc = s.causes().get(0);
        assertEquals(2, gc.count());
        assertEquals(5 * MS, gc.overlapNanos());
        assertEquals(3 * MS, gc.longestNanos());
        for (int split = 1; split < ev.size(); split++) {
            assertEquals(whole, run(settings(16, 5, 3), ev, split), "split at " + split);
        }
        assertEquals(whole, run(settings(16, 5, 3), ev, 7, 9, 10, 11, 21));
    }

    @Test
    void shortRunsAreNoStreak() {
        List<Consumer<AttributionAggregator>> ev = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            long tick = t;
            long d = (t >= 5 && t < 10) ? 20 * MS : 10 * MS; // 5 frames: not MORE than 5
            ev.add(a -> a.frame(T0 + tick * 30 * MS, d, tick, 0));
        }
        assertEquals(0, run(settings(16, 5, 3), ev).streaksTotal());
        assertEquals(0, run(settings(16, 5, 3), ev, 8).streaksTotal());
        assertEquals(1, run(settings(16, 4, 3), ev, 8).streaksTotal());
    }

    @Test
    void withoutBudgetThereAreNoStreaksAndANote() {
        List<Consumer<AttributionAggregator>> ev = List.of(a -> a.frame(T0, 50 * MS, 0, 0));
        AttributionResult r = run(settings(0, 5, 3), ev);
        assertEquals(0, r.frameBudgetNanos());
        assertTrue(r.streaks().isEmpty());
        assertTrue(r.notes().contains(new AttributionNote.NoBudget()), r.notes().toString());
        assertEquals(50 * MS, r.worstFrames().get(0).durationNanos());
    }

    @Test
    void flagsAnAllocationSpike() {
        List<Consumer<AttributionAggregator>> ev = new ArrayList<>();
        for (int t = 0; t < 100; t++) {
            long tick = t;
            ev.add(a -> a.frame(T0 + tick * 20 * MS, tick == 50 ? 30 * MS : 10 * MS, tick, 0));
            ev.add(a -> a.allocationSample(T0 + tick * 20 * MS + MS, 1, "byte[]", tick == 50 ? 50_000_000 : 1_000_000));
        }
        AttributionResult r = run(settings(16, 5, 2), ev);
        AllocationRate spike = r.worstFrames().get(0).allocation();
        assertEquals(50, r.worstFrames().get(0).tick());
        assertTrue(spike.spike(), spike.toString());
        AllocationRate calm = r.worstFrames().get(1).allocation();
        assertFalse(calm.spike(), calm.toString());
    }

    @Test
    void capsIntervalsAndSaysSo() {
        List<Consumer<AttributionAggregator>> ev = new ArrayList<>();
        ev.add(a -> a.frame(T0, 100 * MS, 0, 0));
        for (int i = 0; i < 10; i++) {
            long d = (i + 1) * MS;
            long at = i;
            ev.add(a -> a.safepoint(T0 + at * 5 * MS, d, at, 1, 0));
        }
        AttributionResult r = run(settings(16, 5, 1).withMaxIntervalsPerKind(4), ev);
        Cause sp = r.worstFrames().get(0).causes().get(0);
        assertEquals(4, sp.count(), "only the 4 longest kept");
        assertEquals(10 * MS, sp.longestNanos());
        assertTrue(r.notes().contains(new AttributionNote.EventsCapped(AttributionNote.JvmEvents.SAFEPOINT, 4, 6)),
                r.notes().toString());
    }

    @Test
    void noFramesGivesANoteAndNoCpu() {
        AttributionResult r = run(settings(16, 5, 3), List.of(a -> a.cpuLoad(T0, 0.1, 0.1, 0.5)));
        assertTrue(r.worstFrames().isEmpty());
        assertEquals(List.of(new AttributionNote.NoFrames()), r.notes());
    }

    /**
     * Random recordings split into random chunks give the same result as one chunk (per-chunk
     * shrinking and the pruning of {@link AttributionTotal} lose nothing), and the worst frames'
     * causes equal a brute-force join over all intervals.
     */
    @Test
    void anySplitMatchesOneChunkAndBruteForce() {
        Random rnd = new Random(42);
        for (int round = 0; round < 30; round++) {
            List<long[]> frames = new ArrayList<>();
            List<long[]> events = new ArrayList<>(); // {commitTime, type, start, dur, aux}
            long t = T0;
            for (int tick = 0; tick < 300; tick++) {
                long d = rnd.nextInt(10) == 0 ? (17 + rnd.nextInt(30)) * MS : (5 + rnd.nextInt(10)) * MS;
                if (tick > 100 && tick < 110) {
                    d = 20 * MS;
                }
                frames.add(new long[] {t, d, tick});
                events.add(new long[] {t + d, 0, t, d, tick});
                t += d + rnd.nextInt(3) * MS;
            }
            long end = t;
            for (int i = 0; i < 3000; i++) { // enough to make AttributionTotal prune
                long s = T0 + (long) (rnd.nextDouble() * (end - T0));
                long d = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(40) * MS / 3;
                int type = 1 + rnd.nextInt(4);
                events.add(new long[] {s + d, type, s, d, i});
            }
            events.sort((x, y) -> Long.compare(x[0], y[0]));
            List<Consumer<AttributionAggregator>> ev = new ArrayList<>();
            for (long[] e : events) {
                ev.add(a -> {
                    switch ((int) e[1]) {
                        case 0 -> a.frame(e[2], e[3], e[4], 0);
                        case 1 -> a.gcPhasePause(e[2], e[3], 0, e[4], "Pause");
                        case 2 -> a.safepoint(e[2], e[3], e[4], 1, 0);
                        case 3 -> a.threadPark(e[2], e[3], 1, "main", "X");
                        default -> a.deoptimization(e[2], 1, 1, "c2", "m", "r", "a");
                    }
                });
            }
            AttributionSettings s = settings(16, 3, 8);
            AttributionResult whole = run(s, ev);
            int[] splits = rnd.ints(rnd.nextInt(40), 1, ev.size()).sorted().distinct().toArray();
            assertEquals(whole, run(s, ev, splits), "round " + round);

            // brute force: total GC pause overlap of each worst frame
            for (FrameAttribution f : whole.worstFrames()) {
                long expect = 0;
                int count = 0;
                for (long[] e : events) {
                    boolean overlaps = e[3] == 0 ? e[2] >= f.startNanos() && e[2] < f.endNanos()
                            : e[2] < f.endNanos() && e[2] + e[3] > f.startNanos();
                    if (e[1] == 1 && overlaps) {
                        expect += Math.min(e[2] + e[3], f.endNanos()) - Math.max(e[2], f.startNanos());
                        count++;
                    }
                }
                long got = 0;
                int gotCount = 0;
                for (Cause c : f.causes()) {
                    if (c.kind() == CauseKind.GC_PAUSE) {
                        got += c.overlapNanos();
                        gotCount++;
                    }
                }
                assertEquals(expect, got, "round " + round + " tick " + f.tick());
                assertEquals(count, gotCount, "round " + round + " tick " + f.tick());
            }
            // brute force: the worst frame is the longest
            long max = frames.stream().mapToLong(x -> x[1]).max().orElseThrow();
            assertEquals(max, whole.worstFrames().get(0).durationNanos());
        }
    }

    @Test
    void theTotalHoldsOnlyIntervalsThatCanStillMatter() {
        AttributionSettings s = settings(16, 5, 3);
        AttributionTotal total = new AttributionTotal(s);
        long t = T0;
        long tick = 0;
        int fed = 0;
        for (int chunk = 0; chunk < 100; chunk++) {
            AttributionAggregator a = new AttributionAggregator(s);
            for (int f = 0; f < 50; f++) {
                long d = (chunk == 40 && f == 10) ? 50 * MS : 10 * MS; // one slow frame
                a.frame(t, d, tick++, 0);
                // a worker park inside every frame; the first and last frame's parks stay at the chunk's edges
                a.threadPark(t + MS, 2 * MS, 7, "main", "X");
                fed++;
                t += d;
            }
            a.chunkEnd(null, java.util.Map.of());
            total.add(a);
        }
        assertTrue(total.intervalsHeld() < fed / 5, total.intervalsHeld() + " of " + fed + " intervals held");
        FrameAttribution worst = total.result().worstFrames().get(0);
        assertEquals(40 * 50 + 10, worst.tick());
        assertEquals(CauseKind.THREAD_PARK, worst.causes().get(0).kind());
    }

    @Test
    void cpuShareIsTheSampleAfterTheFrame() {
        List<Consumer<AttributionAggregator>> ev = new ArrayList<>();
        ev.add(a -> a.cpuLoad(T0 - 100 * MS, 0.1, 0, 0.2));
        ev.add(a -> a.frame(T0, 30 * MS, 0, 0));
        ev.add(a -> a.cpuLoad(T0 + 900 * MS, 0.3, 0.1, 0.9));
        CpuShare cpu = run(settings(16, 5, 1), ev).worstFrames().get(0).cpu();
        assertEquals(T0 + 900 * MS, cpu.sampleNanos());
        assertEquals(0.5, cpu.otherProcesses(), 1e-9);
        assertNull(run(settings(16, 5, 1), List.of(a -> a.frame(T0, MS, 0, 0))).worstFrames().get(0).cpu());
    }
}
