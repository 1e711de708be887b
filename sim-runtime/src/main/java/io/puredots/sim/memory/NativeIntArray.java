package io.puredots.sim.memory;

import java.nio.IntBuffer;

/**
 * A growable off-heap int array from {@link NativeAllocator}. Growing allocates a larger block,
 * copies and frees the old one.
 *
 * <p>Not thread-safe for structural changes ({@link #ensureCapacity}, {@link #setSize}); jobs may
 * read and write disjoint indices concurrently between structural changes.
 */
public final class NativeIntArray {
    private final NativeAllocator allocator;
    private final String owner;
    private final String kind;
    private NativeBuffer block;
    private IntBuffer ints;
    private int size;

    public NativeIntArray(NativeAllocator allocator, String owner, String kind, int initialCapacity) {
        this.allocator = allocator;
        this.owner = owner;
        this.kind = kind;
        this.block = allocator.allocate(owner, kind, 4L * Math.max(1, initialCapacity));
        this.ints = block.buffer().asIntBuffer();
    }

    public int get(int i) {
        return ints.get(i);
    }

    public void set(int i, int v) {
        ints.put(i, v);
    }

    /** The live view; valid until the next {@link #ensureCapacity}. */
    public IntBuffer view() {
        return ints;
    }

    public int capacity() {
        return ints.capacity();
    }

    /** Logical size, used for the "bytes used" accounting. */
    public int size() {
        return size;
    }

    public void setSize(int n) {
        ensureCapacity(n);
        size = n;
        block.setBytesUsed(4L * n);
    }

    /** Appends a value, growing when full. */
    public void add(int v) {
        if (size == ints.capacity()) {
            ensureCapacity(size * 2);
        }
        ints.put(size, v);
        setSize(size + 1);
    }

    public void fill(int from, int to, int v) {
        for (int i = from; i < to; i++) {
            ints.put(i, v);
        }
    }

    public void ensureCapacity(int n) {
        if (n <= ints.capacity()) {
            return;
        }
        int cap = Math.max(n, ints.capacity() + (ints.capacity() >> 1));
        NativeBuffer nb = allocator.allocate(owner, kind, 4L * cap);
        IntBuffer ni = nb.buffer().asIntBuffer();
        for (int i = 0, c = ints.capacity(); i < c; i++) {
            ni.put(i, ints.get(i));
        }
        nb.setBytesUsed(4L * size);
        block.free();
        block = nb;
        ints = ni;
    }

    public void free() {
        block.free();
    }
}
