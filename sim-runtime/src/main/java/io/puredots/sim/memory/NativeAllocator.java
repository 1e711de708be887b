package io.puredots.sim.memory;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one allocator of off-heap native containers. Hands out direct {@link ByteBuffer}s
 * ({@link ByteBuffer#allocateDirect}, so the JVM's "direct" buffer pool counts them) and
 * accounts bytes reserved and bytes used per owner (archetype or system) and per container kind.
 *
 * <p>Freeing releases the memory at once (through the JDK's buffer cleaner when the runtime
 * offers it), so that {@link #bytesReserved()} and the direct pool agree without waiting for GC.
 *
 * <p>Thread-safe: allocation, freeing and the accounting snapshots synchronize on the allocator;
 * the periodic JFR hook may read the accounting while the simulation runs.
 */
public final class NativeAllocator {
    private static final MethodHandle INVOKE_CLEANER = findCleaner();
    private static final BufferPoolMXBean DIRECT_POOL = findDirectPool();

    private final List<NativeBuffer> live = new ArrayList<>();
    private long reserved;
    private long allocations;
    private long frees;

    /**
     * Allocates a zero-filled block.
     *
     * @param owner archetype or system name the bytes are accounted to
     * @param kind  container kind, for example {@code Column}
     * @param bytes size in bytes, 1..{@link Integer#MAX_VALUE}
     */
    public NativeBuffer allocate(String owner, String kind, long bytes) {
        if (bytes <= 0 || bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("native allocation of " + bytes + " bytes for " + owner + "/" + kind);
        }
        ByteBuffer b = ByteBuffer.allocateDirect((int) bytes).order(ByteOrder.nativeOrder());
        NativeBuffer nb = new NativeBuffer(this, owner, kind, b);
        synchronized (this) {
            live.add(nb);
            reserved += bytes;
            allocations++;
        }
        return nb;
    }

    void free(NativeBuffer nb) {
        synchronized (this) {
            if (nb.isFreed()) {
                throw new IllegalStateException("native buffer of " + nb.owner() + "/" + nb.kind() + " freed twice");
            }
            if (!live.remove(nb)) {
                throw new IllegalStateException("native buffer of " + nb.owner() + "/" + nb.kind() + " is not from this allocator");
            }
            nb.markFreed();
            reserved -= nb.bytesReserved();
            frees++;
        }
        release(nb.buffer());
    }

    /** Frees every live block (end of a run). */
    public void freeAll() {
        List<NativeBuffer> copy;
        synchronized (this) {
            copy = new ArrayList<>(live);
        }
        for (NativeBuffer nb : copy) {
            free(nb);
        }
    }

    /** Total bytes reserved by live blocks (the running counter). */
    public synchronized long bytesReserved() {
        return reserved;
    }

    /** Total bytes used by live blocks. */
    public synchronized long bytesUsed() {
        long u = 0;
        for (NativeBuffer nb : live) {
            u += nb.bytesUsed();
        }
        return u;
    }

    /** Live blocks. */
    public synchronized int liveBlocks() {
        return live.size();
    }

    /** Allocations and frees so far. */
    public synchronized long allocationCount() {
        return allocations;
    }

    public synchronized long freeCount() {
        return frees;
    }

    /** Per (owner, kind) usage, in order of first allocation. */
    public synchronized List<Usage> usage() {
        Map<String, long[]> m = new LinkedHashMap<>();
        Map<String, String[]> keys = new LinkedHashMap<>();
        for (NativeBuffer nb : live) {
            String k = nb.owner() + '\u0000' + nb.kind();
            long[] a = m.computeIfAbsent(k, x -> new long[2]);
            keys.putIfAbsent(k, new String[] {nb.owner(), nb.kind()});
            a[0] += nb.bytesReserved();
            a[1] += nb.bytesUsed();
        }
        List<Usage> out = new ArrayList<>(m.size());
        for (Map.Entry<String, long[]> e : m.entrySet()) {
            String[] ok = keys.get(e.getKey());
            out.add(new Usage(ok[0], ok[1], e.getValue()[0], e.getValue()[1]));
        }
        return out;
    }

    /** Whether freed blocks are released at once (otherwise the GC releases them later). */
    public static boolean releasesImmediately() {
        return INVOKE_CLEANER != null;
    }

    /** Bytes in the JVM's "direct" buffer pool ({@link BufferPoolMXBean}), or -1 if not available. */
    public static long directPoolBytes() {
        return DIRECT_POOL == null ? -1 : DIRECT_POOL.getMemoryUsed();
    }

    private static BufferPoolMXBean findDirectPool() {
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if ("direct".equals(pool.getName())) {
                return pool;
            }
        }
        return null;
    }

    /** Off-heap bytes of one owner in one kind of container. */
    public record Usage(String owner, String kind, long bytesReserved, long bytesUsed) {
    }

    private static void release(ByteBuffer b) {
        if (INVOKE_CLEANER != null) {
            try {
                INVOKE_CLEANER.invokeExact(b);
            } catch (Throwable t) {
                throw new IllegalStateException("cannot release direct buffer", t);
            }
        }
    }

    private static MethodHandle findCleaner() {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field f = unsafeClass.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            Object unsafe = f.get(null);
            MethodHandle mh = MethodHandles.lookup().findVirtual(unsafeClass, "invokeCleaner",
                    MethodType.methodType(void.class, ByteBuffer.class));
            return mh.bindTo(unsafe);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
