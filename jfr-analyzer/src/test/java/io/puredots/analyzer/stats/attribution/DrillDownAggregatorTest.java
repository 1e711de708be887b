package io.puredots.analyzer.stats.attribution;

import io.puredots.analyzer.model.attribution.AttributionNote;
import io.puredots.analyzer.model.attribution.AttributionResult;
import io.puredots.analyzer.model.attribution.FrameAttribution;
import io.puredots.analyzer.model.attribution.HotMethods;
import io.puredots.analyzer.model.attribution.LagShare;
import io.puredots.analyzer.model.attribution.StreakAttribution;
import io.puredots.analyzer.read.ChunkInfo;
import io.puredots.analyzer.read.SampledStack;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hot methods and lag share through the per-chunk partials: random runs split into random chunks
 * (events committed late, so a frame's samples and group times land in a neighbouring chunk) give
 * the same result as one chunk, and equal a brute-force count over all events.
 */
class DrillDownAggregatorTest {
    private static final long MS = 1_000_000L;
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final String[] METHODS = {"a.Grid.add", "a.Grid.sort", "b.Ai.think", "b.Ai.path", "c.Io.read"};
    private static final String[] GROUPS = {"Spatial", "Ai", "Render"};

    private static AttributionSettings settings(int worst) {
        return new AttributionSettings(16 * MS, 2, worst, 50, 0, 0, 100_000, 100 * MS, 2.0, Long.MIN_VALUE,
                Long.MAX_VALUE);
    }

    private static AttributionResult run(AttributionSettings s, List<long[]> events, List<SampledStack> stacks,
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
                feed(a, events.get(i), stacks);
            }
            a.chunkEnd(info, Map.of());
            parts.add(a);
            from = bounds[c];
        }
        return SlowFrameAttribution.merge(parts);
    }

    /** {commit, type, start, duration, tick or stack, thread}: 0 frame, 1 sample, 2 group, 3 system. */
    private static void feed(AttributionAggregator a, long[] e, List<SampledStack> stacks) {
        switch ((int) e[1]) {
            case 0 -> a.frame(e[2], e[3], e[4], 0);
            case 1 -> a.executionSample(e[2], e[5], e[5] == 1 ? "main" : "puredots-worker-" + e[5],
                    stacks.get((int) e[4]));
            case 2 -> a.systemGroupTick(e[2], e[3], GROUPS[(int) e[5]], e[4]);
            default -> a.systemTick(e[2], e[3], GROUPS[(int) e[5]] + "System", GROUPS[(int) e[5]], e[4], 0);
        }
    }

    @Test
    void anySplitMatchesOneChunkAndBruteForce() {
        Random rnd = new Random(7);
        List<SampledStack> stacks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            List<String> m = new ArrayList<>();
            for (int k = 0; k < 1 + rnd.nextInt(9); k++) {
                m.add(METHODS[rnd.nextInt(METHODS.length)]);
            }
            stacks.add(SampledStack.of(m, false));
        }
        int streaks = 0;
        for (int round = 0; round < 20; round++) {
            List<long[]> frames = new ArrayList<>();
            List<long[]> events = new ArrayList<>();
            long t = T0;
            for (int tick = 0; tick < 200; tick++) {
                long d = rnd.nextInt(6) == 0 ? (17 + rnd.nextInt(30)) * MS : (5 + rnd.nextInt(10)) * MS;
                frames.add(new long[] {t, d, tick});
                events.add(new long[] {t + d, 0, t, d, tick, 0});
                for (int g = 0; g < GROUPS.length; g++) {
                    long gd = (long) (rnd.nextDouble() * d / 3);
                    // a few land after their frame's event (a late buffer), even in the next chunk
                    long commit = t + (rnd.nextInt(8) == 0 ? d + rnd.nextInt(5) * MS : gd);
                    events.add(new long[] {commit, 2, t, gd, tick, g});
                    events.add(new long[] {commit, 3, t, gd / 2, tick, g});
                }
                t += d + rnd.nextInt(3) * MS;
            }
            List<long[]> samples = new ArrayList<>();
            for (long at = T0 - 5 * MS; at < t + 5 * MS; at += 1 + rnd.nextInt(4) * MS) {
                long thread = 1 + rnd.nextInt(3);
                long[] smp = {at + rnd.nextInt(20) * MS, 1, at, 0, rnd.nextInt(stacks.size()), thread};
                samples.add(smp);
                events.add(smp);
            }
            events.sort((x, y) -> Long.compare(x[0], y[0]));
            AttributionSettings s = settings(6);
            AttributionResult whole = run(s, events, stacks);
            // chunks of at least a few frames each: a sample lands at most a frame's length from its frame's chunk
            int[] splits = rnd.ints(rnd.nextInt(30), 1, events.size() / 100).map(k -> k * 100).sorted().distinct()
                    .toArray();
            AttributionResult split = run(s, events, stacks, splits);
            assertEquals(whole.normalFrameSamples(), split.normalFrameSamples(), "normal round " + round);
            assertEquals(whole.lagShare(), split.lagShare(), "lag round " + round);
            for (int i = 0; i < whole.worstFrames().size(); i++) {
                assertEquals(whole.worstFrames().get(i), split.worstFrames().get(i), "frame " + i + " round " + round);
            }
            assertEquals(whole.streaks(), split.streaks(), "streaks round " + round);
            assertEquals(whole, split, "round " + round);

            Map<String, Long> normal = new HashMap<>();
            long normalTotal = 0;
            for (long[] smp : samples) {
                long[] f = frameAt(frames, smp[2]);
                if (f != null && f[1] <= 16 * MS) {
                    normal.merge(stacks.get((int) smp[4]).top(), 1L, Long::sum);
                    normalTotal++;
                }
            }
            assertEquals(normalTotal, whole.normalFrameSamples(), "round " + round);
            for (FrameAttribution f : whole.worstFrames()) {
                check(f.hotMethods(), samples, stacks, f.startNanos(), f.endNanos(), normal, normalTotal);
            }
            streaks += whole.streaks().size();
            for (StreakAttribution k : whole.streaks()) {
                check(k.hotMethods(), samples, stacks, k.startNanos(), k.endNanos(), normal, normalTotal);
            }
            checkLag(whole.lagShare(), frames, events);
        }
        assertTrue(streaks > 10, streaks + " streaks checked");
    }

    private static long[] frameAt(List<long[]> frames, long t) {
        for (long[] f : frames) {
            if (t >= f[0] && t < f[0] + f[1]) {
                return f;
            }
        }
        return null;
    }

    private static void check(HotMethods hot, List<long[]> samples, List<SampledStack> stacks, long s0, long e0,
                              Map<String, Long> normal, long normalTotal) {
        int n = 0;
        int main = 0;
        Map<String, Integer> byMethod = new HashMap<>();
        for (long[] smp : samples) {
            if (smp[2] >= s0 && smp[2] < e0) {
                n++;
                main += smp[5] == 1 ? 1 : 0;
                byMethod.merge(stacks.get((int) smp[4]).top(), 1, Integer::sum);
            }
        }
        assertEquals(n, hot.samples());
        assertEquals(main, hot.mainThreadSamples());
        for (HotMethods.HotMethod m : hot.methods()) {
            assertEquals((int) byMethod.get(m.method()), m.samples(), m.method());
            assertEquals((double) normal.getOrDefault(m.method(), 0L) / normalTotal, m.normalShare(), 1e-12);
        }
        assertEquals(Math.min(SampleTotal.TOP_METHODS, byMethod.size()), hot.methods().size());
        if (!hot.methods().isEmpty()) {
            assertEquals(byMethod.values().stream().mapToInt(Integer::intValue).max().getAsInt(),
                    hot.methods().get(0).samples());
        }
    }

    private static void checkLag(LagShare lag, List<long[]> frames, List<long[]> events) {
        Map<Long, Boolean> over = new HashMap<>();
        for (long[] f : frames) {
            over.put(f[2], f[1] > 16 * MS);
        }
        Map<String, Long> groupOver = new HashMap<>();
        long groupOverSum = 0;
        long systemOverSum = 0;
        for (long[] e : events) {
            if ((e[1] == 2 || e[1] == 3) && over.get(e[4])) {
                if (e[1] == 2) {
                    groupOver.merge(GROUPS[(int) e[5]], e[3], Long::sum);
                    groupOverSum += e[3];
                } else {
                    systemOverSum += e[3];
                }
            }
        }
        assertEquals(over.values().stream().filter(b -> b).count(), lag.overBudgetFrames());
        assertEquals(groupOverSum, lag.groupNanosOverBudget());
        assertEquals(systemOverSum, lag.systemNanosOverBudget());
        for (LagShare.Entry g : lag.groups()) {
            assertEquals((long) groupOver.get(g.name()), g.overBudgetNanos(), g.name());
        }
    }

    @Test
    void aGroupAndASystemOfOneNameKeepTheirOwnLagShare() {
        AttributionAggregator a = new AttributionAggregator(settings(1));
        String name = "Spatial";
        a.frame(T0, 40 * MS, 0, 0);
        a.systemGroupTick(T0, 30 * MS, name, 0);
        a.systemTick(T0, 20 * MS, name, name, 0, 0);
        a.chunkEnd(null, Map.of());
        LagShare lag = SlowFrameAttribution.merge(List.of(a)).lagShare();
        assertEquals(1, lag.groups().size());
        assertEquals(1, lag.systems().size());
        assertEquals(30 * MS, lag.groups().get(0).overBudgetNanos());
        assertEquals(20 * MS, lag.systems().get(0).overBudgetNanos());
    }

    @Test
    void samplesOfOtherThreadsAreIgnoredAndCappedSamplesSaySo() {
        AttributionSettings s = settings(1).withMaxIntervalsPerKind(3);
        AttributionAggregator a = new AttributionAggregator(s);
        SampledStack st = SampledStack.of(List.of("a.B.c"), false);
        a.frame(T0, 40 * MS, 0, 0);
        a.executionSample(T0 + MS, 5, "C2 CompilerThread0", st);
        for (int i = 0; i < 5; i++) {
            a.executionSample(T0 + (2 + i) * MS, 1, "main", st);
        }
        a.chunkEnd(null, Map.of());
        AttributionResult r = SlowFrameAttribution.merge(List.of(a));
        assertEquals(3, r.worstFrames().get(0).hotMethods().samples());
        assertTrue(r.notes().contains(new AttributionNote.ExecutionSamplesCapped(3, 2)), r.notes().toString());
    }

    @Test
    void withoutSamplesThereAreNoHotMethodsAndWithoutBudgetNoLagShare() {
        AttributionSettings s = new AttributionSettings(0, 2, 1, 50, 0, 0, 100_000, 100 * MS, 2.0, Long.MIN_VALUE,
                Long.MAX_VALUE);
        AttributionAggregator a = new AttributionAggregator(s);
        a.frame(T0, 40 * MS, 0, 0);
        a.systemGroupTick(T0, 10 * MS, "Spatial", 0);
        a.chunkEnd(null, Map.of());
        AttributionResult r = SlowFrameAttribution.merge(List.of(a));
        assertNull(r.worstFrames().get(0).hotMethods());
        assertNull(r.lagShare());
    }

    @Test
    void stacksAreCutToTheirTopFramesAndInterned() {
        StackTable t = new StackTable();
        List<String> deep = List.of("a", "b", "c", "d", "e", "f", "g", "h");
        int id = t.id(SampledStack.of(deep, false));
        assertEquals(id, t.id(SampledStack.of(List.of("a", "b", "c", "d", "e", "f", "x"), false)));
        assertEquals(StackTable.DEPTH, t.stack(id).depth());
        assertTrue(t.stack(id).truncated());
        assertEquals(1, t.size());
    }
}
