package io.puredots.analyzer.stats;

import io.puredots.analyzer.model.Selection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FramePassTest {
    static final long T0 = 1_000_000_000_000L;   // recording start
    static final long MS = 1_000_000L;

    /** Frames 0..n-1, tick i starting at T0 + 10 ms * (i + 1), split in two chunks, the second out of order. */
    static List<FramePass.Chunk> frames(int n, long[] durations) {
        FramePass.Chunk a = new FramePass.Chunk();
        FramePass.Chunk b = new FramePass.Chunk();
        int half = n / 2;
        for (int i = half - 1; i >= 0; i--) {
            a.frame(T0 + 10 * MS * (i + 1), durations[i], i, 0);
        }
        for (int i = n - 1; i >= half; i--) {
            b.frame(T0 + 10 * MS * (i + 1), durations[i], i, 0);
        }
        return List.of(a, b);
    }

    static long[] constant(int n, long d) {
        long[] a = new long[n];
        java.util.Arrays.fill(a, d);
        return a;
    }

    @Test
    void warmupDropsTheFirstFramesInTickOrder() {
        Selection s = FramePass.selection(new Window(null, null, 7, false), frames(40, constant(40, MS)), T0);
        assertEquals(7, s.warmupTicks());
        assertEquals(7L, s.firstTick());
        assertNull(s.lastTick());
        assertEquals(T0 + 80 * MS, s.fromNanos());   // start of tick 7
        assertNull(s.toNanos());
        assertEquals("7", s.warmup());
    }

    @Test
    void offsetWindowKeepsFramesStartingInIt() {
        Window w = new Window(Window.Time.after(Duration.ofMillis(55)), Window.Time.after(Duration.ofMillis(105)), 0,
                false);
        Selection s = FramePass.selection(w, frames(40, constant(40, MS)), T0);
        // tick i starts at 10 ms * (i + 1): 60..100 ms are ticks 5..9
        assertEquals(5L, s.firstTick());
        assertEquals(9L, s.lastTick());
        assertEquals(T0 + 55 * MS, s.fromNanos());
        assertEquals(T0 + 105 * MS, s.toNanos());
    }

    @Test
    void instantWindowAndWarmupTogether() {
        Window w = new Window(Window.Time.at(T0 + 100 * MS), null, 3, false);
        Selection s = FramePass.selection(w, frames(40, constant(40, MS)), T0);
        assertEquals(12L, s.firstTick());          // ticks 9, 10, 11 dropped
        assertEquals(39L, s.lastTick());
        assertEquals(T0 + 130 * MS, s.fromNanos());
    }

    @Test
    void autoWarmupDropsTheSlowStart() {
        long[] d = constant(100, 2 * MS);
        for (int i = 0; i < 20; i++) {
            d[i] = 40 * MS - i * MS;   // slow, decaying first 20 frames
        }
        Selection s = FramePass.selection(new Window(null, null, 0, true), frames(100, d), T0);
        assertEquals("auto", s.warmup());
        assertEquals(20, s.warmupTicks());
        assertEquals(20L, s.firstTick());
    }

    @Test
    void warmupLongerThanTheRunKeepsNoTick() {
        Selection s = FramePass.selection(new Window(null, null, 500, false), frames(40, constant(40, MS)), T0);
        assertEquals(40, s.warmupTicks());
        assertTrue(s.firstTick() > s.lastTick());
    }

    @Test
    void windowWithoutFramesKeepsNoTick() {
        Window w = new Window(Window.Time.after(Duration.ofSeconds(100)), null, 0, false);
        Selection s = FramePass.selection(w, frames(40, constant(40, MS)), T0);
        assertTrue(s.firstTick() > s.lastTick());
    }

    /** Exact MSER-5 over every frame (the first pass before it was bounded): frames to drop. */
    static long exactMser5(long[] durations) {
        int batches = durations.length / Warmup.BATCH;
        double[] means = new double[batches];
        for (int b = 0; b < batches; b++) {
            double sum = 0;
            for (int i = 0; i < Warmup.BATCH; i++) {
                sum += durations[b * Warmup.BATCH + i];
            }
            means[b] = sum / Warmup.BATCH;
        }
        return (long) Warmup.mserBatches(means, batches) * Warmup.BATCH;
    }

    @Test
    void autoWarmupStaysBoundedOnLongRunsAndLandsWithinOneLargerBatch() {
        // 5 * MAX_BATCHES + 70,000 frames: past the cap, batches merge to 10 frames; on a clear
        // warm-up step, MSER-10 lands on the step as MSER-5 does
        int n = 5 * FramePass.MAX_BATCHES + 70_000;
        int slow = 25_003;
        long[] d = new long[n];
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < n; i++) {
            d[i] = (i < slow ? 9 * MS : MS) + r.nextInt(100_000);
        }
        FramePass.Collector c = new FramePass.Collector(new Window(null, null, 0, true), T0);
        for (int from = 0; from < n; from += 10_000) {
            FramePass.Chunk k = new FramePass.Chunk();
            for (int i = Math.min(n, from + 10_000) - 1; i >= from; i--) { // out of order within a chunk
                k.frame(T0 + 10 * MS * (i + 1), d[i], i, 0);
            }
            c.add(k);
        }
        Selection s = c.selection();
        long exact = exactMser5(d);
        assertTrue(exact >= slow - 5 && exact <= slow + 5, "exact MSER-5 drops " + exact);
        assertTrue(Math.abs(s.warmupTicks() - exact) <= 10, "bounded pass drops " + s.warmupTicks()
                + ", exact " + exact);
        assertEquals(0, s.warmupTicks() % 10, "a multiple of the doubled batch");
        assertEquals(s.warmupTicks(), s.firstTick());        // tick i is frame i here
        assertEquals(T0 + 10 * MS * (s.warmupTicks() + 1), s.fromNanos());
        assertNull(s.lastTick());                              // no time window: no upper tick bound
    }

    @Test
    void autoWarmupUnderTheCapIsExactMser5() {
        int n = 40_000;
        long[] d = new long[n];
        java.util.Random r = new java.util.Random(5);
        for (int i = 0; i < n; i++) {
            d[i] = (i < 3_001 ? 5 * MS : MS) + r.nextInt(200_000);
        }
        Selection s = FramePass.selection(new Window(null, null, 0, true), frames(n, d), T0);
        assertEquals(exactMser5(d), s.warmupTicks());
    }
}
