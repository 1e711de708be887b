package io.puredots.sim.memory;

import java.nio.FloatBuffer;

/**
 * A growable off-heap float array from {@link NativeAllocator}. Growing allocates a larger
 * block, copies and frees the old one.
 *
 * <p>Not thread-safe for structural changes ({@link #ensureCapacity}, {@link #setUsed}); jobs may
 * read and write disjoint indices concurrently between structural changes.
 */
public final class NativeFloatArray {
    private final NativeAllocator allocator;
    private final String owner;
    private final String kind;
    private NativeBuffer block;
    private FloatBuffer floats;
    private int used;

    public NativeFloatArray(NativeAllocator allocator, String owner, String kind, int capacity) {
        this.allocator = allocator;
        this.owner = owner;
        this.kind = kind;
        this.block = allocator.allocate(owner, kind, 4L * Math.max(1, capacity));
        this.floats = block.buffer().asFloatBuffer();
        setUsed(capacity);
    }

    public float get(int i) {
        return floats.get(i);
    }

    public void set(int i, float v) {
        floats.put(i, v);
    }

    /** The live view; valid until the next {@link #ensureCapacity}. */
    public FloatBuffer view() {
        return floats;
    }

    public int capacity() {
        return floats.capacity();
    }

    /** Marks how many floats hold live data (for the "bytes used" accounting). */
    public void setUsed(int n) {
        used = n;
        block.setBytesUsed(4L * n);
    }

    public void ensureCapacity(int n) {
        if (n <= floats.capacity()) {
            return;
        }
        int cap = Math.max(n, floats.capacity() + (floats.capacity() >> 1));
        NativeBuffer nb = allocator.allocate(owner, kind, 4L * cap);
        FloatBuffer nf = nb.buffer().asFloatBuffer();
        for (int i = 0, c = floats.capacity(); i < c; i++) {
            nf.put(i, floats.get(i));
        }
        block.free();
        block = nb;
        floats = nf;
        setUsed(used);
    }

    public void free() {
        block.free();
    }
}
