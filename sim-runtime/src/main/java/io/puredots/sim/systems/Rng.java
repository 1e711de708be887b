package io.puredots.sim.systems;

/**
 * Stateless random numbers from hashes of (seed, entity, tick, salt), so that every entity's
 * randomness is independent of which thread updates it and of the order of updates.
 *
 * <p>Static; safe from any thread.
 */
public final class Rng {
    private Rng() {
    }

    /** A 64-bit hash of the inputs (SplitMix64 finaliser over a combination). */
    public static long hash(long seed, long a, long b, long c) {
        long x = seed * 0x9E3779B97F4A7C15L + a;
        x = mixStep(x) + b * 0xC2B2AE3D27D4EB4FL;
        x = mixStep(x) + c * 0x165667B19E3779F9L;
        return mixStep(x);
    }

    private static long mixStep(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    public static float unit(long seed, long a, long b, long c) {
        return (hash(seed, a, b, c) >>> 40) * 0x1.0p-24f;
    }
}
