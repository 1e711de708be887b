package io.puredots.analyzer.read;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The constant pools of one chunk that the decoder needs (threads, classes, methods, symbols,
 * strings and the small string-valued pools such as GC names, and stack traces when a handler
 * wants samples), loaded before the chunk's events and resolved lazily, with each resolved value
 * cached per chunk. Pools of other types are stepped over, not kept. Memory: O(kept pool entries).
 *
 * <pre>{@code
 * header.constantPoolOffset -> last checkpoint event -> delta -> ... -> first (delta 0)
 * checkpoint event: size, type id 1, start, duration, delta to previous (<= 0), type byte,
 *                   pool count, then per pool: type id, entry count, (key, value)...
 * }</pre>
 *
 * <p>Not thread-safe: one instance per chunk being decoded.
 */
final class ConstantPools {
    private static final Object NONE = new Object();
    private static final int MAX_RESOLVE_DEPTH = 8;
    private static final String STACK_TRACE = "jdk.types.StackTrace";
    private static final String STACK_FRAME = "jdk.types.StackFrame";
    private static final String CLASS = "java.lang.Class";
    private static final String METHOD = "jdk.types.Method";

    /** An event thread as the handlers see it. */
    record ThreadInfo(long id, String name) {
    }

    private final Metadata md;
    private final boolean compressed;
    private final StringCanon canon;
    private final long stringTypeId;
    private final LongMap<LongMap<Object>> pools = new LongMap<>();
    private final LongMap<LongMap<Object>> memo = new LongMap<>();
    private final LongMap<Object> threadMemo = new LongMap<>();
    private final LongMap<SampledStack> stackMemo = new LongMap<>();
    /** Direct-mapped cache in front of the memo maps: most events reuse a few pool strings. */
    private static final int CACHE = 256;
    private final long[] cacheKey = new long[CACHE];
    private final long[] cacheType = new long[CACHE];
    private final String[] cacheValue = new String[CACHE];
    private long lastThreadKey = Long.MIN_VALUE;
    private ThreadInfo lastThread;

    private ConstantPools(Metadata md, StringCanon canon, boolean compressed) {
        this.md = md;
        this.compressed = compressed;
        this.canon = canon;
        Metadata.Type s = md.typesByName.get("java.lang.String");
        this.stringTypeId = s == null ? -1 : s.id;
    }

    long stringTypeId() {
        return stringTypeId;
    }

    /** The {@code java.lang.String} pool's entries (canonical strings), once loaded; may be null. */
    private LongMap<Object> stringPool;

    /**
     * Entry {@code key} of the {@code java.lang.String} pool (an event's string field of
     * encoding 2), canonical; null if there is none. A plain map lookup: the pool holds the
     * canonical strings themselves, so there is nothing to resolve or cache.
     */
    String poolString(long key) {
        Object v = stringPool == null ? null : stringPool.get(key);
        return v instanceof String s ? s : null;
    }

    /**
     * The types whose pool entries must be kept to resolve fields of the {@code roots} types:
     * the roots and everything their non-array fields reach, except stack traces and frames
     * (a stack trace that is itself a root brings its frames and what they reach: methods,
     * classes, symbols).
     */
    static Set<Long> closure(Metadata md, Set<Long> roots) {
        Set<Long> out = new HashSet<>();
        ArrayDeque<Long> todo = new ArrayDeque<>(roots);
        Metadata.Type str = md.typesByName.get("java.lang.String");
        if (str != null) {
            todo.add(str.id);
        }
        while (!todo.isEmpty()) {
            long id = todo.poll();
            Metadata.Type t = md.type(id);
            if (t == null || !out.add(id)) {
                continue;
            }
            // a stack trace's frames (an array of inline structs) only from a stack trace wanted as a root
            boolean stackTrace = STACK_TRACE.equals(t.name);
            for (Metadata.Field f : t.fields) {
                boolean stackType = STACK_TRACE.equals(f.type.name) || STACK_FRAME.equals(f.type.name);
                if (stackTrace ? STACK_FRAME.equals(f.type.name) : !f.array && !stackType) {
                    todo.add(f.typeId);
                }
            }
        }
        return out;
    }

    /** Walks the chunk's checkpoint events and keeps the entries of the {@code keep} types. */
    static ConstantPools load(ChunkInput in, ChunkHeader h, Metadata md, StringCanon canon, Set<Long> keep)
            throws IOException {
        ConstantPools cp = new ConstantPools(md, canon, h.compressedIntegers());
        if (h.constantPoolOffset() == 0) {
            return cp;
        }
        long firstEvent = h.offset() + ChunkHeader.HEADER_SIZE;
        long pos = h.offset() + h.constantPoolOffset();
        while (true) {
            in.loadUpTo(pos, 32);
            in.limit = in.p + (int) Math.min(32, h.end() - pos);
            int size = in.readInt();
            if (size <= 0 || size > h.end() - pos) {
                throw new CorruptChunkException(pos, "checkpoint event size " + size + " outside chunk");
            }
            int start = in.load(pos, size);
            in.limit = start + size;
            in.readInt();
            long typeId = in.readLong();
            if (typeId != 1) {
                throw new CorruptChunkException(pos, "expected checkpoint event (type id 1), found type id " + typeId);
            }
            in.readLong(); // start
            in.readLong(); // duration
            long delta = in.readLong();
            in.readByte(); // checkpoint type
            int poolCount = in.readCount("constant pool count");
            for (int i = 0; i < poolCount; i++) {
                long poolType = in.readLong();
                Metadata.Type t = md.type(poolType);
                if (t == null) {
                    throw new CorruptChunkException(in.pos(), "constant pool of undefined type id " + poolType);
                }
                int count = in.readCount("constant pool entry count");
                if (!keep.contains(poolType)) {
                    stepOver(in, t, count, null, null, 0);
                } else if (t.prim == Metadata.P_STRING) {
                    cp.readStrings(in, count, cp.pool(poolType, count));
                } else {
                    cp.keepLazily(in, t, count, cp.pool(poolType, count), pos);
                }
                if (in.p > in.limit) {
                    throw new CorruptChunkException(pos, "checkpoint event overruns its size");
                }
            }
            if (delta == 0) {
                cp.stringPool = cp.pools.get(cp.stringTypeId);
                return cp;
            }
            long previous = pos + delta;
            if (delta > 0 || previous < firstEvent) {
                throw new CorruptChunkException(pos, "checkpoint delta " + delta + " leaves the chunk's events");
            }
            pos = previous;
        }
    }

    // The per-pool loops of load, each in a method of its own: load runs once per chunk and stays
    // out of C2's way, and these small loops compile quickly (load with them inlined was one of a
    // report's largest compiles).

    private LongMap<Object> pool(long poolType, int count) {
        LongMap<Object> pool = pools.get(poolType);
        if (pool == null) {
            pool = new LongMap<>(count);
            pools.put(poolType, pool);
        }
        return pool;
    }

    /** Decodes {@code count} entries of the string pool: events look them up directly (see poolString). */
    private void readStrings(ChunkInput in, int count, LongMap<Object> pool) {
        for (int j = 0; j < count; j++) {
            long key = in.readLong();
            Object v = ValueReader.readStringOrRef(in, stringTypeId);
            pool.put(key, v instanceof String str ? canon.canon(str) : v);
        }
    }

    /**
     * Keeps {@code count} entries of type {@code t} undecoded, until first resolved (see value),
     * in a copy of the pool's bytes: a report resolves a few dozen of the thousands of classes,
     * methods and symbols a chunk's pools hold.
     */
    private void keepLazily(ChunkInput in, Metadata.Type t, int count, LongMap<Object> pool, long pos) {
        int poolStart = in.p;
        long[] keys = new long[count];
        int[] at = new int[count];
        stepOver(in, t, count, keys, at, poolStart);
        if (in.p > in.limit) {
            throw new CorruptChunkException(pos, "checkpoint event overruns its size");
        }
        byte[] bytes = Arrays.copyOfRange(in.buf, poolStart, in.p + ChunkInput.PAD);
        long abs = in.abs(poolStart);
        for (int j = 0; j < count; j++) {
            pool.put(keys[j], new Lazy(bytes, abs, at[j], t));
        }
    }

    /**
     * Steps over {@code count} pool entries of type {@code t}; with {@code keys}, notes each
     * entry's key and its offset from {@code from} in {@code at}.
     */
    private static void stepOver(ChunkInput in, Metadata.Type t, int count, long[] keys, int[] at, int from) {
        for (int j = 0; j < count; j++) {
            long key = in.readLong();
            if (keys != null) {
                keys[j] = key;
                at[j] = in.p - from;
            }
            ValueReader.skipValue(in, t, false, 0);
        }
    }

    /**
     * The string a reference to pool {@code typeId}, entry {@code key} stands for: the string
     * itself, a class name ("java.lang.Object"), a method ("pkg.Class.name"), or the single
     * field of a simple type (GC name, VM operation, ...). Canonical; null if there is none.
     */
    String string(long typeId, long key) {
        int i = (int) (key ^ (key >>> 17) ^ (typeId * 31)) & (CACHE - 1);
        if (cacheKey[i] == key && cacheType[i] == typeId && cacheValue[i] != null) {
            return cacheValue[i];
        }
        String s = string(typeId, key, 0);
        if (s != null) {
            cacheKey[i] = key;
            cacheType[i] = typeId;
            cacheValue[i] = s;
        }
        return s;
    }

    private String string(long typeId, long key, int depth) {
        LongMap<Object> m = memo(typeId);
        Object cached = m.get(key);
        if (cached != null) {
            return cached == NONE ? null : (String) cached;
        }
        if (depth > MAX_RESOLVE_DEPTH) {
            return null;
        }
        return remember(m, key, resolve(typeId, key, depth));
    }

    /**
     * Entry {@code key} of pool {@code typeId} as a string. Only a method's entry, the top level
     * of a reference, has two parts (its class and name, see {@link #part}); everything it
     * refers to, and every other entry, is a chain of single references followed in one loop
     * ({@link #follow}). No method here calls itself, directly or through another, so that the
     * JIT compiles each of them once and not a tree of recursive copies, which cost more than
     * the resolving itself did.
     */
    private String resolve(long typeId, long key, int depth) {
        Object v = value(typeId, key);
        Metadata.Type t = md.type(typeId);
        if (v instanceof Object[] fields && METHOD.equals(t.name)) {
            String type = part(field(t, fields, "type"), depth);
            String name = part(field(t, fields, "name"), depth);
            return (type == null ? "" : type) + "." + name;
        }
        return follow(v, t, depth);
    }

    /** A method's class or name: a reference, memoized like {@link #string(long, long, int)}. */
    private String part(Object v, int depth) {
        if (!(v instanceof ValueReader.Ref r)) {
            return follow(v, null, depth + 1);
        }
        LongMap<Object> m = memo(r.typeId());
        Object cached = m.get(r.key());
        if (cached != null) {
            return cached == NONE ? null : (String) cached;
        }
        return remember(m, r.key(), follow(value(r.typeId(), r.key()), md.type(r.typeId()), depth + 1));
    }

    /** Memoizes {@code s} (canonical; null: none) as entry {@code key} of memo {@code m}. */
    private String remember(LongMap<Object> m, long key, String s) {
        String c = s == null ? null : canon.canon(s);
        m.put(key, c == null ? NONE : c);
        return c;
    }

    /**
     * Value {@code v} as a string: itself if a string; a class entry's name, with dots; the one
     * field of an entry or inline struct of one field; a reference, followed. {@code t} is the
     * type of {@code v} if it is a pool entry, null if it is a field's value.
     */
    private String follow(Object v, Metadata.Type t, int depth) {
        boolean className = false;
        for (int hop = depth; hop <= MAX_RESOLVE_DEPTH; hop++) {
            if (v instanceof String s) {
                return className ? s.replace('/', '.') : s;
            }
            if (v instanceof ValueReader.Ref r) {
                v = value(r.typeId(), r.key());
                t = md.type(r.typeId());
            } else if (v instanceof Object[] fields) {
                if (t != null && CLASS.equals(t.name)) {
                    className = true;
                    v = field(t, fields, "name");
                } else if (fields.length == 1) {
                    v = fields[0];
                } else {
                    return null;
                }
                t = null;
            } else {
                return null;
            }
        }
        return null;
    }

    /** A field's value as a string: a reference resolved as {@link #string(long, long, int)} does. */
    private String fieldString(Object v, int depth) {
        return v instanceof ValueReader.Ref r ? string(r.typeId(), r.key(), depth + 1) : follow(v, null, depth + 1);
    }

    private LongMap<Object> memo(long typeId) {
        LongMap<Object> m = memo.get(typeId);
        if (m == null) {
            m = new LongMap<>();
            memo.put(typeId, m);
        }
        return m;
    }

    /** A pool entry not decoded yet: its value at {@code at} in a copy of its pool's bytes, which start at file position {@code abs}. */
    private record Lazy(byte[] bytes, long abs, int at, Metadata.Type type) {
    }

    /** Entry {@code key} of the pool of {@code typeId}, decoded (once) if still {@link Lazy}; null if none. */
    private Object value(long typeId, long key) {
        LongMap<Object> pool = pools.get(typeId);
        Object v = pool == null ? null : pool.get(key);
        if (v instanceof Lazy l) {
            ChunkInput in = ChunkInput.ofBytes(l.bytes, l.abs, compressed);
            in.p = l.at;
            v = ValueReader.readValue(in, l.type, stringTypeId, 0);
            if (in.p > in.limit) {
                throw new CorruptChunkException(l.abs + l.at, "constant pool entry overruns its checkpoint event");
            }
            pool.put(key, v);
        }
        return v;
    }

    private static Object field(Metadata.Type t, Object[] values, String name) {
        for (int i = 0; i < t.fields.size() && i < values.length; i++) {
            if (t.fields.get(i).name.equals(name)) {
                return values[i];
            }
        }
        return null;
    }

    /**
     * The stack a reference to the stack-trace pool {@code typeId}, entry {@code key} stands for,
     * decoded once per chunk; {@link SampledStack#EMPTY} if there is no such entry. A frame whose
     * method cannot be resolved reads {@code ""}.
     */
    SampledStack stack(long typeId, long key) {
        SampledStack cached = stackMemo.get(key);
        if (cached != null) {
            return cached;
        }
        LongMap<Object> pool = pools.get(typeId);
        Object v = pool == null ? null : pool.get(key);
        SampledStack s = v instanceof Lazy l ? decodeStack(l) : SampledStack.EMPTY;
        stackMemo.put(key, s);
        return s;
    }

    /** A {@code jdk.types.StackTrace} entry: {@code truncated}, then {@code frames}, an array of frames. */
    private SampledStack decodeStack(Lazy l) {
        ChunkInput in = ChunkInput.ofBytes(l.bytes, l.abs, compressed);
        in.p = l.at;
        boolean truncated = false;
        String[] methods = new String[0];
        for (Metadata.Field f : l.type.fields) {
            if (f.name.equals("truncated") && !f.array && !f.constantPool && f.type.prim == Metadata.P_BOOLEAN) {
                truncated = in.readBoolean();
            } else if (f.name.equals("frames") && f.array && STACK_FRAME.equals(f.type.name)) {
                int n = in.readCount("stack frame count");
                methods = new String[n];
                for (int i = 0; i < n; i++) {
                    Object frame = f.constantPool ? value(f.typeId, in.readLong())
                            : ValueReader.readValue(in, f.type, stringTypeId, 0);
                    String m = frame instanceof Object[] fields ? fieldString(field(f.type, fields, "method"), 0) : null;
                    methods[i] = m == null ? "" : canon.canon(m);
                }
            } else {
                ValueReader.skipField(in, f, 0);
            }
        }
        if (in.p > in.limit) {
            throw new CorruptChunkException(l.abs + l.at, "stack trace overruns its checkpoint event");
        }
        return new SampledStack(methods, truncated);
    }

    /** The thread a reference to pool {@code typeId}, entry {@code key} stands for; null if none. */
    ThreadInfo thread(long typeId, long key) {
        if (key == lastThreadKey) {
            return lastThread;
        }
        ThreadInfo t = lookupThread(typeId, key);
        lastThreadKey = key;
        lastThread = t;
        return t;
    }

    private ThreadInfo lookupThread(long typeId, long key) {
        Object cached = threadMemo.get(key);
        if (cached != null) {
            return cached == NONE ? null : (ThreadInfo) cached;
        }
        Object v = value(typeId, key);
        ThreadInfo info = null;
        if (v instanceof Object[] fields) {
            Metadata.Type t = md.type(typeId);
            long javaId = asLong(field(t, fields, "javaThreadId"));
            long osId = asLong(field(t, fields, "osThreadId"));
            String javaName = fieldString(field(t, fields, "javaName"), 0);
            String osName = fieldString(field(t, fields, "osName"), 0);
            info = new ThreadInfo(javaId > 0 ? javaId : osId, canon.canon(javaName != null ? javaName : osName));
        }
        threadMemo.put(key, info == null ? NONE : info);
        return info;
    }

    private static long asLong(Object v) {
        return v instanceof Long l ? l : -1;
    }
}
