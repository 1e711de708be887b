package io.puredots.analyzer.read;

import java.util.Arrays;

/**
 * Canonical strings for inline (not constant-pool) string values of one chunk, keyed by their
 * encoded bytes: a repeated short string such as a system or job name costs a hash and a byte
 * comparison, not a new {@code String}. Bounded: once {@link #MAX_ENTRIES} distinct strings are
 * held, new ones are decoded each time (and still canonicalized run-wide).
 *
 * <p>Not thread-safe: one instance per chunk being decoded.
 */
final class InlineStrings {
    static final int MAX_ENTRIES = 8192;
    private static final int CAPACITY = MAX_ENTRIES * 2;

    private final StringCanon canon;
    private final int[] hashes = new int[CAPACITY];
    private final byte[][] keys = new byte[CAPACITY][];
    private final String[] values = new String[CAPACITY];
    private int size;

    InlineStrings(StringCanon canon) {
        this.canon = canon;
    }

    /**
     * Reads an encoded string of encoding 3, 4 or 5 whose encoding byte is at {@code in.p - 1}.
     * Returns the canonical instance.
     */
    String read(ChunkInput in, int enc) {
        int start = in.p - 1;
        int n = in.readCount("string length");
        int end;
        if (enc == 4) {
            for (int i = 0; i < n; i++) {
                in.skipInt(2);
            }
            end = in.p;
            if (end > in.limit) {
                throw new CorruptChunkException(in.abs(start), "string overruns its event");
            }
        } else {
            end = in.p + n;
        }
        byte[] b = in.buf;
        int h = 1;
        for (int i = start; i < end; i++) {
            h = 31 * h + b[i];
        }
        int mask = CAPACITY - 1;
        int slot = (h ^ (h >>> 16)) & mask;
        while (keys[slot] != null) {
            if (hashes[slot] == h && Arrays.equals(keys[slot], 0, keys[slot].length, b, start, end)) {
                in.p = end;
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        in.p = start;
        Object decoded = Values.readStringOrRef(in, -1);
        String s = canon.canon((String) decoded);
        if (size < MAX_ENTRIES) {
            hashes[slot] = h;
            keys[slot] = Arrays.copyOfRange(b, start, end);
            values[slot] = s;
            size++;
        }
        return s;
    }
}
