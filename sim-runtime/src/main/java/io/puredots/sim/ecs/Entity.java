package io.puredots.sim.ecs;

/**
 * Entity handles: a {@code long} packing an index (low 32 bits) and a generation (high 32 bits).
 * The index names a slot of the entity table and is reused after destruction; the generation
 * grows on every reuse, so a stale handle is detected. Generations start at 1: handle 0 is
 * {@link #NULL}.
 *
 * <p>Static, stateless; safe from any thread.
 */
public final class Entity {
    /** The handle of no entity. */
    public static final long NULL = 0L;

    private Entity() {
    }

    public static long handle(int index, int generation) {
        return ((long) generation << 32) | (index & 0xFFFF_FFFFL);
    }

    public static int index(long handle) {
        return (int) handle;
    }

    public static int generation(long handle) {
        return (int) (handle >>> 32);
    }

    public static String toString(long handle) {
        return handle == NULL ? "Entity(null)" : "Entity(" + index(handle) + "v" + generation(handle) + ")";
    }
}
