package io.puredots.sim.systems.presentation;

import io.puredots.sim.systems.SimContext;
import io.puredots.sim.systems.SimSystem;
import java.nio.FloatBuffer;

/**
 * On an allocation-burst frame ({@code spikes} scenario) copies the render snapshot into
 * {@link #BURST_BYTES} of fresh 64 KB heap arrays, as a naive replay recorder would, keeping only
 * the last {@code RING} of them: short-lived garbage that provokes young GCs. Does nothing on
 * other frames.
 */
public final class ReplayCaptureSystem extends SimSystem {
    public static final int BURST_BYTES = 64 << 20;
    private static final int BLOCK_FLOATS = 16 << 10;
    private static final int RING = 64;
    private long digest;

    @Override
    public int update(SimContext ctx) {
        if (!ctx.allocationBurstThisTick) {
            return 0;
        }
        FloatBuffer snap = ctx.renderSnapshot.view();
        int n = Math.min(snap.capacity(), BLOCK_FLOATS);
        int blocks = BURST_BYTES / (BLOCK_FLOATS * 4);
        float[][] frames = new float[RING][];
        for (int k = 0; k < blocks; k++) {
            float[] copy = new float[BLOCK_FLOATS];
            for (int off = 0; off < BLOCK_FLOATS; off += n) {
                snap.get(0, copy, off, Math.min(n, BLOCK_FLOATS - off));
            }
            copy[k % BLOCK_FLOATS] += k;
            frames[k % RING] = copy;
        }
        long d = 0;
        for (float[] f : frames) {
            d += Float.floatToRawIntBits(f[f.length - 1]);
        }
        digest += d;
        return blocks;
    }

    /** Keeps the copies observable so that they are not optimised away. */
    public long digest() {
        return digest;
    }
}
