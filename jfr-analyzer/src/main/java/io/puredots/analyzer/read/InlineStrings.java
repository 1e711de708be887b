package io.puredots.analyzer.read;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Canonical strings for inline (not constant-pool) string values, keyed by their
 * encoded bytes: a repeated short string such as a system or job name costs a hash and a byte
 * comparison, not a new {@code String}. Bounded: once {@link #MAX_ENTRIES} distinct strings are
 * held, new ones are decoded each time (and still canonicalized run-wide).
 *
 * <p>Not thread-safe: one instance per decoding thread ({@link PerThread}).
 */
final class InlineStrings {
    static final int MAX_ENTRIES = 8192;
    private static final int CAPACITY = MAX_ENTRIES * 2;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long K = 0x9E3779B97F4A7C15L;

    private final StringCanon canon;
    private final long[] heads = new long[CAPACITY];
    private final long[] tails = new long[CAPACITY];
    private final int[] lengths = new int[CAPACITY];
    private final byte[][] keys = new byte[CAPACITY][];
    private final String[] values = new String[CAPACITY];
    private int size;

    private final boolean compressed;

    InlineStrings(StringCanon canon, boolean compressedIntegers) {
        this.canon = canon;
        this.compressed = compressedIntegers;
    }

    /**
     * One cache per decoding thread for a reader run, kept from chunk to chunk: the keys are a
     * string's whole encoding, which means the same in every chunk of the same integer
     * encoding, so only a change of encoding starts a new cache. Besides saving the misses at
     * every chunk start, this keeps the miss path cold once the JIT has compiled the hit path.
     * Thread-safe (one cache per thread); each cache is bounded by {@link #MAX_ENTRIES}.
     */
    static final class PerThread {
        private final StringCanon canon;
        private final ThreadLocal<InlineStrings> current = new ThreadLocal<>();

        PerThread(StringCanon canon) {
            this.canon = canon;
        }

        InlineStrings forChunk(boolean compressedIntegers) {
            InlineStrings s = current.get();
            if (s == null || s.compressed != compressedIntegers) {
                s = new InlineStrings(canon, compressedIntegers);
                current.set(s);
            }
            return s;
        }
    }

    /**
     * Reads an encoded string of encoding 3, 4 or 5 whose encoding byte is at {@code in.p - 1}.
     * Returns the canonical instance.
     */
    String read(ChunkInput in, int enc) {
        int start = in.p - 1;
        int n = in.readLength("string length");
        byte[] b = in.buf;
        int i = in.p;
        boolean compressedChars = enc == 4 && in.compressed();
        // For compressed chars, i + n is the end if every char is ASCII (one byte). Bytes equal
        // to a stored complete encoding of the same length prove it: a non-ASCII string of n
        // chars is longer than n bytes, so it can never equal a stored key of that length.
        int end = enc == 4 && !in.compressed() ? i + 2 * n : i + n;
        if (end <= in.limit) {
            String hit = lookup(b, start, end);
            if (hit != null) {
                in.p = end;
                return hit;
            }
        }
        if (compressedChars) {
            end = endOfCompressedChars(in, start, i, n);
        }
        if (end > in.limit) {
            throw new CorruptChunkException(in.abs(start), "string overruns its event");
        }
        in.p = start;
        String s = canon.canon((String) ValueReader.readStringOrRef(in, -1));
        in.p = end;
        if (size < MAX_ENTRIES && lookup(b, start, end) == null) {
            int len = end - start;
            long head = head(b, start, len);
            long tail = tail(b, end, len);
            int slot = hash(head, tail, len) & (CAPACITY - 1);
            while (keys[slot] != null) {
                slot = (slot + 1) & (CAPACITY - 1);
            }
            heads[slot] = head;
            tails[slot] = tail;
            lengths[slot] = len;
            keys[slot] = Arrays.copyOfRange(b, start, end);
            values[slot] = s;
            size++;
        }
        return s;
    }

    /**
     * The canonical string stored for the encoded bytes {@code [start, end)}, or null. A key of
     * up to 16 bytes (most names: encoding, length and up to 14 Latin-1 characters) is compared
     * as its first and last 8 bytes, which cover it; longer keys compare their middle too.
     */
    private String lookup(byte[] b, int start, int end) {
        int len = end - start;
        long head = head(b, start, len);
        long tail = tail(b, end, len);
        int slot = hash(head, tail, len) & (CAPACITY - 1);
        while (keys[slot] != null) {
            if (heads[slot] == head && tails[slot] == tail && lengths[slot] == len
                    && (len <= 16 || Arrays.equals(keys[slot], 8, len - 8, b, start + 8, end - 8))) {
                return values[slot];
            }
            slot = (slot + 1) & (CAPACITY - 1);
        }
        return null;
    }

    /** The first 8 bytes as a long; a shorter span packed whole (it is then the entire key). */
    private static long head(byte[] b, int from, int len) {
        if (len >= 8) {
            return (long) LONGS.get(b, from);
        }
        long h = 0;
        for (int j = from; j < from + len; j++) {
            h = (h << 8) | (b[j] & 0xFF);
        }
        return h;
    }

    /** The last 8 bytes as a long (overlapping the head below 16 bytes); 0 below 8 bytes. */
    private static long tail(byte[] b, int to, int len) {
        return len >= 8 ? (long) LONGS.get(b, to - 8) : 0;
    }

    private static int hash(long head, long tail, int len) {
        long h = (head * K) ^ Long.rotateLeft(tail * K, 31) ^ len;
        h ^= h >>> 32;
        return (int) (h ^ (h >>> 16));
    }

    /** End of {@code n} compressed chars from {@code i}: a char ends at a byte with the high bit clear. */
    private static int endOfCompressedChars(ChunkInput in, int start, int i, int n) {
        byte[] b = in.buf;
        int limit = in.limit;
        int chars = 0;
        while (chars < n) {
            if (i >= limit) {
                throw new CorruptChunkException(in.abs(start), "string overruns its event");
            }
            if (b[i++] >= 0) {
                chars++;
            }
        }
        return i;
    }
}
