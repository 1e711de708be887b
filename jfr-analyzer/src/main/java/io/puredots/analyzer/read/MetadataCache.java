package io.puredots.analyzer.read;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The chunks of one recording almost always carry the same metadata event, byte for byte
 * after its start time and duration (the JVM writes it again into every chunk, and changes it
 * only when an event class is registered). This cache parses each distinct metadata once per
 * reader run, and keeps what was derived from it (the decoder's compiled field programs) with
 * it.
 *
 * <p>Parsing once is cheaper than parsing per chunk, and the JIT gains most: a parser that runs
 * once per chunk over the whole metadata is hot enough to be compiled by C2, CPU taken from the
 * decoding threads.
 *
 * <pre>{@code
 * metadata event: size, type id 0, start, duration | metadata id, strings, root element
 *                                                  ^ compared from here, byte for byte
 * }</pre>
 *
 * <p>Thread-safe: shared by the decoders of one run. Bounded: at most {@value #MAX_ENTRIES}
 * distinct metadata events are kept; later ones are parsed every time.
 */
final class MetadataCache {
    static final int MAX_ENTRIES = 8;

    /** One distinct metadata event: its identifying bytes, the parsed types, and derived values. */
    static final class Entry {
        private final byte[] bytes;
        private final boolean compressed;
        final Metadata metadata;
        private final ConcurrentHashMap<Object, Object> derived = new ConcurrentHashMap<>();

        private Entry(byte[] bytes, boolean compressed, Metadata metadata) {
            this.bytes = bytes;
            this.compressed = compressed;
            this.metadata = metadata;
        }

        /** A value computed once per entry and key (e.g. per handler class). */
        @SuppressWarnings("unchecked")
        <K, V> V derived(K key, Function<? super K, ? extends V> compute) {
            return (V) derived.computeIfAbsent(key, k -> compute.apply((K) k));
        }

        private boolean matches(byte[] buf, int from, int to, boolean compressedIntegers) {
            return compressed == compressedIntegers && bytes.length == to - from
                    && Arrays.equals(bytes, 0, bytes.length, buf, from, to);
        }
    }

    private final Entry[] entries = new Entry[MAX_ENTRIES];
    private int size;
    private long parses;

    /** The metadata event at absolute offset {@code abs}, parsed or from the cache. */
    Entry read(ChunkInput in, long abs, long chunkEnd) throws IOException {
        in.loadUpTo(abs, 32);
        int size = in.readInt();
        if (size <= 0 || size > chunkEnd - abs) {
            throw new CorruptChunkException(abs, "metadata event size " + size + " outside chunk");
        }
        int start = in.load(abs, size);
        in.limit = start + size;
        in.readInt();
        in.readLong(); // type id, checked by Metadata.read
        in.readLong(); // start time: differs per chunk
        in.readLong(); // duration: differs per chunk
        int from = in.p;
        int to = start + size;
        if (from > to) {
            throw new CorruptChunkException(abs, "metadata event overruns its size");
        }
        boolean compressed = in.compressed();
        Entry hit = find(in.buf, from, to, compressed);
        if (hit != null) {
            return hit;
        }
        byte[] key = Arrays.copyOfRange(in.buf, from, to);
        Entry e = new Entry(key, compressed, Metadata.read(in, abs, chunkEnd));
        synchronized (this) {
            parses++;
            Entry again = find(key, 0, key.length, compressed);
            if (again != null) {
                return again; // another chunk parsed the same metadata meanwhile
            }
            if (this.size < MAX_ENTRIES) {
                entries[this.size++] = e;
            }
        }
        return e;
    }

    private synchronized Entry find(byte[] buf, int from, int to, boolean compressed) {
        for (int i = 0; i < size; i++) {
            if (entries[i].matches(buf, from, to, compressed)) {
                return entries[i];
            }
        }
        return null;
    }

    /** How many metadata events were parsed (not found in the cache); for tests. */
    synchronized long parses() {
        return parses;
    }
}
