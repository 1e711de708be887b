package io.puredots.sim.ecs;

import java.util.Arrays;

/**
 * Structural changes recorded during a tick and applied at a sync point by {@link #playback}.
 * Playback applies all destroys in recording order (stale handles and repeats are skipped), then
 * all creates in recording order, so the result depends only on the order of recording.
 *
 * <pre>{@code
 * ecb.create(villagers);                 // starts a create command
 * ecb.setFloat(Villagers.POS_X, 10f);    // sets a component of the entity being created
 * ecb.destroy(handle);
 * ...
 * ecb.playback(world);                   // at the sync point, main thread
 * }</pre>
 *
 * <p>Not thread-safe: record from one thread at a time (the main thread or one serial job);
 * the job system's completion gives the happens-before to playback.
 */
public final class EntityCommandBuffer {
    private long[] destroys = new long[64];
    private int destroyCount;
    private int[] createArchetype = new int[64];
    private int[] createValueEnd = new int[64];
    private int createCount;
    // value i: column code (float col c -> c, int col c -> -1 - c) and raw bits
    private int[] valueColumn = new int[256];
    private int[] valueBits = new int[256];
    private int valueCount;

    public void destroy(long handle) {
        if (destroyCount == destroys.length) {
            destroys = Arrays.copyOf(destroys, destroyCount * 2);
        }
        destroys[destroyCount++] = handle;
    }

    /** Starts recording the creation of an entity of the archetype. */
    public void create(Archetype a) {
        if (createCount == createArchetype.length) {
            createArchetype = Arrays.copyOf(createArchetype, createCount * 2);
            createValueEnd = Arrays.copyOf(createValueEnd, createCount * 2);
        }
        createArchetype[createCount] = a.id();
        createValueEnd[createCount] = valueCount;
        createCount++;
    }

    /** Sets a float column of the entity whose creation was recorded last. */
    public void setFloat(int column, float value) {
        addValue(column, Float.floatToRawIntBits(value));
    }

    /** Sets an int column of the entity whose creation was recorded last. */
    public void setInt(int column, int value) {
        addValue(-1 - column, value);
    }

    private void addValue(int code, int bits) {
        if (createCount == 0) {
            throw new IllegalStateException("set a component before any create command");
        }
        if (valueCount == valueColumn.length) {
            valueColumn = Arrays.copyOf(valueColumn, valueCount * 2);
            valueBits = Arrays.copyOf(valueBits, valueCount * 2);
        }
        valueColumn[valueCount] = code;
        valueBits[valueCount] = bits;
        valueCount++;
        createValueEnd[createCount - 1] = valueCount;
    }

    public int pendingDestroys() {
        return destroyCount;
    }

    public int pendingCreates() {
        return createCount;
    }

    public boolean isEmpty() {
        return destroyCount == 0 && createCount == 0;
    }

    /**
     * Applies and clears the recorded commands. Main thread, no jobs running.
     *
     * @return number of structural changes applied
     */
    public int playback(World world) {
        int applied = 0;
        for (int k = 0; k < destroyCount; k++) {
            if (world.destroy(destroys[k])) {
                applied++;
            }
        }
        int v = 0;
        for (int k = 0; k < createCount; k++) {
            Archetype a = world.archetype(createArchetype[k]);
            long h = world.create(a);
            int row = world.rowOf(Entity.index(h));
            for (int end = createValueEnd[k]; v < end; v++) {
                int code = valueColumn[v];
                if (code >= 0) {
                    a.setFloat(row, code, Float.intBitsToFloat(valueBits[v]));
                } else {
                    a.setInt(row, -1 - code, valueBits[v]);
                }
            }
            applied++;
        }
        destroyCount = 0;
        createCount = 0;
        valueCount = 0;
        return applied;
    }
}
