package io.puredots.sim.systems.presentation;

import io.puredots.sim.systems.SimContext;
import io.puredots.sim.systems.SimSystem;
import java.nio.FloatBuffer;

/**
 * On an allocation-burst frame ({@code spikes} scenario) copies the render snapshot into
 * {@link #BURST_BYTES} of fresh heap arrays, as a naive replay recorder would, and drops them:
 * short-lived garbage that provokes a GC. Does nothing on other frames.
 */
public final class ReplayCaptureSystem extends SimSystem {
    public static final int BURST_BYTES = 96 << 20;
    private static final int BLOCK_FLOATS = 256 << 10;
    private long digest;

    @Override
    public int update(SimContext ctx) {
        if (!ctx.allocationBurstThisTick) {
            return 0;
        }
        FloatBuffer snap = ctx.renderSnapshot.view();
        int n = Math.max(1, Math.min(snap.capacity(), BLOCK_FLOATS));
        float[][] frames = new float[BURST_BYTES / (BLOCK_FLOATS * 4)][];
        for (int k = 0; k < frames.length; k++) {
            float[] copy = new float[BLOCK_FLOATS];
            for (int i = 0; i < BLOCK_FLOATS; i++) {
                copy[i] = snap.get((i + k) % n);
            }
            frames[k] = copy;
        }
        long d = 0;
        for (float[] f : frames) {
            d += Float.floatToRawIntBits(f[f.length - 1]);
        }
        digest += d;
        return frames.length;
    }

    /** Keeps the copies observable so that they are not optimised away. */
    public long digest() {
        return digest;
    }
}
