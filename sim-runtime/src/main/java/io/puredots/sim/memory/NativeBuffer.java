package io.puredots.sim.memory;

import java.nio.ByteBuffer;

/**
 * One off-heap block handed out by {@link NativeAllocator}: a direct, native-order
 * {@link ByteBuffer} plus the owner and container kind it is accounted to.
 *
 * <p>Threading: the buffer contents follow the threading contract of the container that wraps
 * it; {@link #setBytesUsed(long)} may be called from the owning thread while another thread
 * reads the accounting (the field is volatile).
 */
public final class NativeBuffer {
    private final NativeAllocator allocator;
    private final String owner;
    private final String kind;
    private final ByteBuffer buffer;
    private volatile long bytesUsed;
    private volatile boolean freed;

    NativeBuffer(NativeAllocator allocator, String owner, String kind, ByteBuffer buffer) {
        this.allocator = allocator;
        this.owner = owner;
        this.kind = kind;
        this.buffer = buffer;
    }

    /** The direct buffer, native byte order, capacity {@link #bytesReserved()}. */
    public ByteBuffer buffer() {
        return buffer;
    }

    /** Archetype or system the bytes are accounted to. */
    public String owner() {
        return owner;
    }

    /** Container kind, for example {@code Column}, {@code Grid}, {@code Registry}. */
    public String kind() {
        return kind;
    }

    /** Bytes allocated off-heap for this block. */
    public long bytesReserved() {
        return buffer.capacity();
    }

    /** Bytes of the block that hold live data, 0..{@link #bytesReserved()}. */
    public long bytesUsed() {
        return bytesUsed;
    }

    /** Sets how many of the reserved bytes hold live data (clamped to 0..reserved). */
    public void setBytesUsed(long used) {
        this.bytesUsed = Math.max(0, Math.min(used, buffer.capacity()));
    }

    /** Whether {@link #free()} has been called. */
    public boolean isFreed() {
        return freed;
    }

    /** Returns the block to its allocator; the buffer must not be used afterwards. */
    public void free() {
        allocator.free(this);
    }

    void markFreed() {
        freed = true;
    }
}
