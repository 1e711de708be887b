package io.puredots.analyzer.read;

import io.puredots.events.EventNames;

import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fast decoder: a hand-written JFR chunk parser that calls {@link EventHandler} with
 * primitives, allocating nothing per event on the common path.
 *
 * <p>Per chunk: read the metadata event (types and fields; parsed once per distinct metadata,
 * see {@link MetadataCache}), compile for every event type the handler has a method for a small
 * field program resolved by field name (layouts differ between JDK versions; fields the handler
 * {@link IgnoresFields ignores} are stepped over), load the constant pools it needs, then walk
 * the events in file order: read size and type id, count, and either skip by size or run the
 * type's program up to its last needed field and dispatch. Strings come back canonical: pool
 * strings are resolved once per (pool, key); inline strings through {@link InlineStrings},
 * decoded when the kind's call passes them to the handler.
 *
 * <p>Not thread-safe: one instance per chunk; chunks are decoded in parallel by separate
 * instances sharing the run's thread-safe {@link StringCanon} and {@link MetadataCache}, and,
 * per decoding thread, its inline-string cache and window buffer.
 */
final class FastDecoder {

    // ---- what the handler wants: event kinds and their fields ---------------------------------

    private static final int W_LONG = 0;
    private static final int W_INT = 1;
    private static final int W_DOUBLE = 2;
    private static final int W_BOOL = 3;
    private static final int W_STRING = 4;
    private static final int W_THREAD = 5;
    private static final int W_SPAN = 6;

    private static final int K_FRAME = 0;
    private static final int K_GROUP = 1;
    private static final int K_SYSTEM = 2;
    private static final int K_JOB_SCHEDULE = 3;
    private static final int K_JOB_RUN = 4;
    private static final int K_MAIN_WAIT = 5;
    private static final int K_REGISTRY = 6;
    private static final int K_GRID = 7;
    private static final int K_ENTITY_COUNT = 8;
    private static final int K_NATIVE_MEMORY = 9;
    private static final int K_BUDGET = 10;
    private static final int K_JVM_INFO = 11;
    private static final int K_GC = 12;
    private static final int K_GC_PAUSE = 13;
    private static final int K_HEAP_SUMMARY = 14;
    private static final int K_SAFEPOINT = 15;
    private static final int K_VM_OP = 16;
    private static final int K_COMPILATION = 17;
    private static final int K_DEOPT = 18;
    private static final int K_ALLOC_SAMPLE = 19;
    private static final int K_CPU_LOAD = 20;
    private static final int K_THREAD_CPU_LOAD = 21;
    private static final int K_DIRECT_BUFFER = 22;
    private static final int K_MONITOR_ENTER = 23;
    private static final int K_THREAD_PARK = 24;
    private static final int K_THREAD_START = 25;
    private static final int K_THREAD_END = 26;

    /** Event name -> kind; GC pause levels share a kind. */
    private static final Map<String, Integer> KINDS = new HashMap<>();
    /** Per kind: wanted field names ("a.b" = field b of inline struct a) and how to read them. */
    private static final String[][] FIELDS = new String[27][];
    private static final int[][] WANTS = new int[27][];
    /** Per kind: the EventHandler method it calls. */
    private static final String[] METHOD = {"frame", "systemGroupTick", "systemTick", "jobSchedule", "jobRun",
            "mainThreadWait", "registryUpdate", "spatialGridRebuild", "entityCount", "nativeMemory", "budgetViolation",
            "jvmInformation", "garbageCollection", "gcPhasePause", "gcHeapSummary", "safepoint", "vmOperation",
            "compilation", "deoptimization", "allocationSample", "cpuLoad", "threadCpuLoad", "directBufferStatistics",
            "monitorEnter", "threadPark", "threadLifecycle", "threadLifecycle"};

    private static void kind(int k, String name, Object... fieldsAndWants) {
        KINDS.put(name, k);
        String[] f = new String[fieldsAndWants.length / 2];
        int[] w = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (String) fieldsAndWants[2 * i];
            w[i] = (Integer) fieldsAndWants[2 * i + 1];
        }
        FIELDS[k] = f;
        WANTS[k] = w;
    }

    static {
        kind(K_FRAME, EventNames.FRAME, "tick", W_LONG, "entityCount", W_INT);
        kind(K_GROUP, EventNames.SYSTEM_GROUP_TICK, "group", W_STRING, "tick", W_LONG);
        kind(K_SYSTEM, EventNames.SYSTEM_TICK, "system", W_STRING, "group", W_STRING, "tick", W_LONG,
                "entitiesProcessed", W_INT);
        kind(K_JOB_SCHEDULE, EventNames.JOB_SCHEDULE, "eventThread", W_THREAD, "jobId", W_LONG, "jobName", W_STRING,
                "system", W_STRING, "dependencyCount", W_INT, "chainDepth", W_INT, "batchCount", W_INT, "tick", W_LONG);
        kind(K_JOB_RUN, EventNames.JOB_RUN, "eventThread", W_THREAD, "jobId", W_LONG, "jobName", W_STRING,
                "batchIndex", W_INT, "tick", W_LONG, "queueWait", W_LONG);
        kind(K_MAIN_WAIT, EventNames.MAIN_THREAD_WAIT, "eventThread", W_THREAD, "tick", W_LONG, "system", W_STRING);
        kind(K_REGISTRY, EventNames.REGISTRY_UPDATE, "registry", W_STRING, "tick", W_LONG, "entryCount", W_INT,
                "adds", W_INT, "removes", W_INT, "updates", W_INT);
        kind(K_GRID, EventNames.SPATIAL_GRID_REBUILD, "tick", W_LONG, "cellCount", W_INT, "entityCount", W_INT,
                "maxCellOccupancy", W_INT);
        kind(K_ENTITY_COUNT, EventNames.ENTITY_COUNT, "archetype", W_STRING, "count", W_LONG);
        kind(K_NATIVE_MEMORY, EventNames.NATIVE_MEMORY, "owner", W_STRING, "containerKind", W_STRING,
                "bytesReserved", W_LONG, "bytesUsed", W_LONG);
        kind(K_BUDGET, EventNames.BUDGET_VIOLATION, "budgetId", W_STRING, "measured", W_DOUBLE, "limit", W_DOUBLE,
                "unit", W_STRING, "consecutiveFrames", W_INT, "severity", W_STRING, "tick", W_LONG);
        kind(K_JVM_INFO, EventNames.Jdk.JVM_INFORMATION, "jvmName", W_STRING, "jvmVersion", W_STRING,
                "jvmArguments", W_STRING, "javaArguments", W_STRING, "jvmStartTime", W_LONG, "pid", W_LONG);
        kind(K_GC, EventNames.Jdk.GC, "gcId", W_LONG, "name", W_STRING, "cause", W_STRING, "sumOfPauses", W_SPAN,
                "longestPause", W_SPAN);
        kind(K_GC_PAUSE, EventNames.Jdk.GC_PAUSE, "gcId", W_LONG, "name", W_STRING);
        KINDS.put(EventNames.Jdk.GC_PAUSE_LEVEL_1, K_GC_PAUSE);
        KINDS.put(EventNames.Jdk.GC_PAUSE_LEVEL_2, K_GC_PAUSE);
        KINDS.put("jdk.GCPhasePauseLevel3", K_GC_PAUSE);
        KINDS.put("jdk.GCPhasePauseLevel4", K_GC_PAUSE);
        kind(K_HEAP_SUMMARY, EventNames.Jdk.GC_HEAP_SUMMARY, "gcId", W_LONG, "when", W_STRING, "heapUsed", W_LONG,
                "heapSpace.committedSize", W_LONG);
        kind(K_SAFEPOINT, EventNames.Jdk.SAFEPOINT_BEGIN, "safepointId", W_LONG, "totalThreadCount", W_INT,
                "jniCriticalThreadCount", W_INT);
        kind(K_VM_OP, EventNames.Jdk.EXECUTE_VM_OPERATION, "operation", W_STRING, "safepoint", W_BOOL);
        kind(K_COMPILATION, EventNames.Jdk.COMPILATION, "eventThread", W_THREAD, "compileId", W_INT,
                "compiler", W_STRING, "method", W_STRING, "compileLevel", W_INT, "succeded", W_BOOL, "isOsr", W_BOOL);
        kind(K_DEOPT, EventNames.Jdk.DEOPTIMIZATION, "eventThread", W_THREAD, "compileId", W_INT, "compiler", W_STRING,
                "method", W_STRING, "reason", W_STRING, "action", W_STRING);
        kind(K_ALLOC_SAMPLE, EventNames.Jdk.OBJECT_ALLOCATION_SAMPLE, "eventThread", W_THREAD, "objectClass", W_STRING,
                "weight", W_LONG);
        kind(K_CPU_LOAD, EventNames.Jdk.CPU_LOAD, "jvmUser", W_DOUBLE, "jvmSystem", W_DOUBLE, "machineTotal", W_DOUBLE);
        kind(K_THREAD_CPU_LOAD, EventNames.Jdk.THREAD_CPU_LOAD, "eventThread", W_THREAD, "user", W_DOUBLE,
                "system", W_DOUBLE);
        kind(K_DIRECT_BUFFER, EventNames.Jdk.DIRECT_BUFFER_STATISTICS, "count", W_LONG, "totalCapacity", W_LONG,
                "memoryUsed", W_LONG, "maxCapacity", W_LONG);
        kind(K_MONITOR_ENTER, EventNames.Jdk.JAVA_MONITOR_ENTER, "eventThread", W_THREAD, "monitorClass", W_STRING);
        kind(K_THREAD_PARK, EventNames.Jdk.THREAD_PARK, "eventThread", W_THREAD, "parkedClass", W_STRING);
        kind(K_THREAD_START, EventNames.Jdk.THREAD_START, "thread", W_THREAD);
        kind(K_THREAD_END, EventNames.Jdk.THREAD_END, "thread", W_THREAD);
    }

    private static int gcPauseLevel(String name) {
        return switch (name) {
            case EventNames.Jdk.GC_PAUSE_LEVEL_1 -> 1;
            case EventNames.Jdk.GC_PAUSE_LEVEL_2 -> 2;
            case "jdk.GCPhasePauseLevel3" -> 3;
            case "jdk.GCPhasePauseLevel4" -> 4;
            default -> 0;
        };
    }

    // ---- compiled field programs ----------------------------------------------------------------

    private static final int OP_SKIP = 0;
    private static final int OP_SKIP_VARINT = 1;
    private static final int OP_START = 2;
    private static final int OP_DURATION = 3;
    private static final int OP_INTEGRAL = 4;
    private static final int OP_FLOATING = 5;
    private static final int OP_BOOL = 6;
    private static final int OP_SPAN = 7;
    private static final int OP_STRING_INLINE = 8;
    private static final int OP_STRING_POOL = 9;
    private static final int OP_THREAD = 10;
    private static final int OP_STRUCT = 11;
    // specialised integral reads (compressed integers only)
    private static final int OP_VLONG = 12;
    private static final int OP_VINT = 13;
    private static final int OP_VUINT = 14;
    private static final int OP_VSHORT = 15;
    private static final int OP_VUSHORT = 16;
    private static final int OP_FLOAT = 17;
    private static final int OP_DOUBLE = 18;
    private static final int OP_VSTART = 19;
    private static final int OP_VDURATION = 20;
    private static final int OP_SKIP_STRING = 21;

    /** One field of an event or inline struct: how to read it and where to put it. */
    private static final class Op {
        int code;
        final Metadata.Field field;
        final int slot;
        Op[] sub;

        Op(int code, Metadata.Field field, int slot) {
            this.code = code;
            this.field = field;
            this.slot = slot;
        }
    }

    /** A compiled field program: parallel arrays, so the per-event loop chases no pointers. */
    private static final class Program {
        final int[] codes;
        final int[] slots;
        final Metadata.Field[] fields;
        final Program[] subs;
        /** Only ops {@link #runCommon} knows (every puredots event's program, as they are recorded). */
        final boolean common;

        Program(List<Op> ops, boolean compressed) {
            int n = ops.size();
            codes = new int[n];
            slots = new int[n];
            fields = new Metadata.Field[n];
            subs = new Program[n];
            boolean allCommon = true;
            for (int i = 0; i < n; i++) {
                Op op = ops.get(i);
                codes[i] = compressed ? specialise(op) : op.code;
                allCommon &= isCommon(codes[i]);
                slots[i] = op.slot;
                fields[i] = op.field;
                if (op.sub != null) {
                    subs[i] = new Program(java.util.Arrays.asList(op.sub), compressed);
                }
            }
            common = allCommon;
        }

        /**
         * The ops of puredots events. Not {@code OP_VUINT}: only JDK events have unsigned fields,
         * and the first of them turned up 0.35 s into a report, after C2 had compiled
         * {@link #runCommon} without that case: a deoptimization and a recompile.
         */
        private static boolean isCommon(int code) {
            return switch (code) {
                case OP_SKIP_VARINT, OP_SKIP_STRING, OP_VSTART, OP_VDURATION, OP_VLONG, OP_VINT,
                        OP_STRING_INLINE, OP_THREAD -> true;
                default -> false;
            };
        }

        private static int specialise(Op op) {
            Metadata.Field f = op.field;
            if (op.code == OP_INTEGRAL) {
                switch (f.type.prim) {
                    case Metadata.P_LONG:
                        return OP_VLONG;
                    case Metadata.P_INT:
                        return f.unsigned ? OP_VUINT : OP_VINT;
                    case Metadata.P_SHORT:
                        return f.unsigned ? OP_VUSHORT : OP_VSHORT;
                    default:
                        return OP_INTEGRAL;
                }
            }
            if ((op.code == OP_START || op.code == OP_DURATION) && f.type.prim == Metadata.P_LONG) {
                return op.code == OP_START ? OP_VSTART : OP_VDURATION;
            }
            if (op.code == OP_FLOATING) {
                return f.type.prim == Metadata.P_FLOAT ? OP_FLOAT : OP_DOUBLE;
            }
            return op.code;
        }
    }

    /** One event type of this chunk: its name, count, and (if dispatched) its field program. */
    private static final class Layout {
        final String name;
        final int kind;
        final int level;
        Program program;
        /**
         * This layout's own argument slots, in the copy a chunk decodes with: a slot the event
         * has no field for (an older event version, an ignored field) is never written, so it
         * keeps its default (0, null) without a reset per event, which slots shared by all
         * layouts needed (0.23 s of CPU in a profile of report on an 888 MB recording; the
         * wall time of report did not change measurably).
         */
        long[] slotsL;
        Object[] slotsO;
        long count;

        Layout(String name, int kind, int level) {
            this.name = name;
            this.kind = kind;
            this.level = level;
        }

        /** A fresh layout (count 0) sharing this one's immutable program. */
        Layout copy() {
            Layout l = new Layout(name, kind, level);
            l.program = program;
            if (program != null) {
                l.slotsL = new long[SLOTS];
                l.slotsO = new Object[SLOTS];
                int[] wants = WANTS[kind];
                for (int k = 0; k < wants.length; k++) {
                    if (wants[k] == W_STRING) {
                        l.slotsO[k] = ""; // a string slot is never null (see str)
                    }
                }
                for (int i = 0; i < program.codes.length; i++) {
                    if (program.codes[i] == OP_THREAD) {
                        l.slotsO[program.slots[i]] = program.fields[i]; // the pool to resolve the key in
                    }
                }
            }
            return l;
        }
    }

    /**
     * The layouts compiled from one metadata for one handler class, and the pool types their
     * fields need: immutable templates, copied per chunk (counts are per chunk).
     */
    private record Compiled(Layout[] dense, int[] denseIds, Map<Long, Layout> sparse, Set<Long> poolTypes) {
    }

    // ---- per chunk state --------------------------------------------------------------------------

    private final StringCanon canon;
    private final MetadataCache metadataCache;
    private final InlineStrings.PerThread inlineStrings;
    private final ThreadLocal<byte[]> windows;
    private ChunkInput in;
    private ConstantPools pools;
    private InlineStrings inline;
    private Layout[] dense;
    /** The ids that {@link #dense} has a layout for, ascending. */
    private int[] denseIds;
    private final Map<Long, Layout> sparse = new HashMap<>();
    /** Most argument slots of a handler call. */
    private static final int SLOTS = 16;
    /** The slots of the event being decoded: its layout's. */
    private long[] slotsL;
    private Object[] slotsO;
    private long startTicks;
    private long durationTicks;
    private long chunkStartTicks;
    private long chunkStartNanos;
    private double divisor;
    private boolean nanosTicks;

    /**
     * @param windows per-thread window buffers of the run, reused from chunk to chunk (see
     *                {@link ChunkInput#window()})
     */
    FastDecoder(StringCanon canon, MetadataCache metadataCache, InlineStrings.PerThread inlineStrings,
                ThreadLocal<byte[]> windows) {
        this.canon = canon;
        this.metadataCache = metadataCache;
        this.inlineStrings = inlineStrings;
        this.windows = windows;
    }

    /** Decodes one chunk into {@code handler}; returns the chunk's event counts by type name. */
    Map<String, Long> decode(FileChannel channel, ChunkHeader h, EventHandler handler) throws IOException {
        long at = h.offset();
        try {
            in = new ChunkInput(channel, h.end(), h.compressedIntegers(), windows.get());
            chunkStartTicks = h.startTicks();
            chunkStartNanos = h.startNanos();
            divisor = h.ticksPerSecond() / 1_000_000_000.0;
            nanosTicks = divisor == 1.0;
            if ((h.flags() & 4) != 0) {
                throw new CorruptChunkException(h.offset() + 67, "compressed ticks (header flag 4) are not supported");
            }
            if (!(divisor > 0)) {
                throw new CorruptChunkException(h.offset() + 56, "ticks per second " + h.ticksPerSecond() + " not positive");
            }
            MetadataCache.Entry entry = metadataCache.read(in, h.offset() + h.metadataOffset(), h.end());
            Metadata md = entry.metadata;
            boolean compressed = h.compressedIntegers();
            Compiled compiled = entry.derived(handler.getClass(),
                    c -> compile(md, overridden(c), ignored(c), compressed));
            dense = new Layout[compiled.dense.length];
            denseIds = compiled.denseIds;
            copyLayouts(compiled.dense, denseIds, dense);
            sparse.clear();
            compiled.sparse.forEach((id, t) -> sparse.put(id, t.copy()));
            pools = ConstantPools.load(in, h, md, canon, compiled.poolTypes);
            inline = inlineStrings.forChunk(h.compressedIntegers());

            ChunkInfo info = h.info();
            handler.chunkStart(info);
            at = h.offset() + ChunkHeader.HEADER_SIZE;
            walkEvents(at, h.end(), handler);
            Map<String, Long> counts = counts();
            handler.chunkEnd(info, counts);
            windows.set(in.window());
            return counts;
        } catch (CorruptChunkException e) {
            throw new RecordingFormatException(h.file(), h.index(), e.offset, e.getMessage(), e);
        } catch (IndexOutOfBoundsException | EOFException | NegativeArraySizeException e) {
            long pos = in == null ? at : in.pos();
            throw new RecordingFormatException(h.file(), h.index(), pos, "truncated or corrupt data", e);
        }
    }

    /**
     * Copies the layouts of {@code ids} only (a chunk defines about 200 event types, of ids up to
     * about 1,900): a loop over every id ran often enough, chunk after chunk, for C2 to compile
     * {@link #decode} twice, 0.1 s of compile time spent on copying nulls.
     */
    private static void copyLayouts(Layout[] templates, int[] ids, Layout[] into) {
        for (int id : ids) {
            into[id] = templates[id].copy();
        }
    }

    private void walkEvents(long pos, long end, EventHandler handler) throws IOException {
        ChunkInput in = this.in;
        while (pos < end) {
            int hs = in.loadUpTo(pos, 20);
            in.limit = hs + (int) Math.min(20, end - pos);
            int size = in.readInt();
            long typeId = in.readLong();
            int headerLen = in.p - hs;
            if (size < headerLen || size > end - pos) {
                throw new CorruptChunkException(pos, "event size " + size + " outside chunk (" + (end - pos)
                        + " bytes left)");
            }
            Layout l = layout(typeId);
            l.count++;
            if (l.program != null) {
                int s = in.load(pos, size);
                in.p = s + headerLen;
                in.limit = s + size;
                slotsL = l.slotsL;
                slotsO = l.slotsO;
                startTicks = 0;
                durationTicks = 0;
                if (l.program.common) {
                    runCommon(l.program);
                } else {
                    run(l.program);
                }
                if (in.p > in.limit) {
                    throw new CorruptChunkException(pos, l.name + " event fields overrun its size " + size);
                }
                dispatch(l, handler);
            }
            pos += size;
        }
    }

    private Layout layout(long typeId) {
        if (typeId >= 0 && typeId < dense.length) {
            Layout l = dense[(int) typeId];
            if (l != null) {
                return l;
            }
        }
        Layout l = sparse.get(typeId);
        if (l == null) {
            l = new Layout(typeId + " (missing event metadata)", -1, 0);
            sparse.put(typeId, l);
        }
        return l;
    }

    private Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        List<Layout> all = new ArrayList<>(sparse.values());
        for (int id : denseIds) {
            all.add(dense[id]);
        }
        for (Layout l : all) {
            if (l.count > 0) {
                out.merge(l.name, l.count, Long::sum);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Builds a layout per event type, and the closure of pool types that wanted fields refer to.
     * Only the handler's class (through {@code overridden}) and the metadata go in: the result
     * is cached with the metadata (the key the cache uses for it is the handler class).
     */
    private static Compiled compile(Metadata md, boolean[] overridden, Set<String> ignored, boolean compressed) {
        long maxId = 1;
        for (Metadata.Type t : md.types.values()) {
            if (t.isEvent()) {
                maxId = Math.max(maxId, t.id);
            }
        }
        Layout[] dense = new Layout[(int) Math.min(maxId + 1, 1 << 16)];
        Map<Long, Layout> sparse = new HashMap<>();
        Set<Long> roots = new HashSet<>();
        put(dense, sparse, 0, new Layout("jdk.Metadata", -1, 0));
        put(dense, sparse, 1, new Layout("jdk.CheckPoint", -1, 0));
        for (Metadata.Type t : md.types.values()) {
            if (!t.isEvent()) {
                continue;
            }
            Integer kind = KINDS.get(t.name);
            Layout l = new Layout(t.name, kind == null ? -1 : kind, gcPauseLevel(t.name));
            if (kind != null && overridden[kind]) {
                List<Op> ops = program(t, FIELDS[kind], WANTS[kind], "", true, roots, ignored);
                l.program = new Program(ops, compressed);
            }
            put(dense, sparse, t.id, l);
        }
        int n = 0;
        for (Layout l : dense) {
            n += l == null ? 0 : 1;
        }
        int[] ids = new int[n];
        for (int i = 0, k = 0; i < dense.length; i++) {
            if (dense[i] != null) {
                ids[k++] = i;
            }
        }
        return new Compiled(dense, ids, sparse, Collections.unmodifiableSet(ConstantPools.closure(md, roots)));
    }

    /** Which kinds the handler class overrides; events of the others are only counted. */
    private static final ClassValue<boolean[]> OVERRIDDEN = new ClassValue<>() {
        @Override
        protected boolean[] computeValue(Class<?> type) {
            Set<String> names = new HashSet<>();
            for (java.lang.reflect.Method m : EventHandler.class.getMethods()) {
                try {
                    if (type.getMethod(m.getName(), m.getParameterTypes()).getDeclaringClass() != EventHandler.class) {
                        names.add(m.getName());
                    }
                } catch (NoSuchMethodException e) {
                    names.add(m.getName());
                }
            }
            boolean[] out = new boolean[METHOD.length];
            for (int k = 0; k < METHOD.length; k++) {
                out[k] = names.contains(METHOD[k]);
            }
            return out;
        }
    };

    private static boolean[] overridden(Class<?> handlerClass) {
        return OVERRIDDEN.get(handlerClass);
    }

    /** The {@link IgnoresFields} of a handler class (and its superclasses), "event#field". */
    private static Set<String> ignored(Class<?> handlerClass) {
        Set<String> out = new HashSet<>();
        for (Class<?> c = handlerClass; c != null; c = c.getSuperclass()) {
            IgnoresFields a = c.getAnnotation(IgnoresFields.class);
            if (a != null) {
                out.addAll(java.util.Arrays.asList(a.value()));
            }
        }
        return out;
    }

    private static void put(Layout[] dense, Map<Long, Layout> sparse, long id, Layout l) {
        if (id >= 0 && id < dense.length) {
            dense[(int) id] = l;
        } else {
            sparse.put(id, l);
        }
    }

    /**
     * The program for the fields of {@code t}, reading the wanted ones (names relative to
     * {@code prefix}) into their slots; trailing unwanted fields are left out, since the event
     * is skipped by its size afterwards (inline structs must be read through, so not there).
     */
    private static List<Op> program(Metadata.Type t, String[] names, int[] wants, String prefix, boolean top,
                                    Set<Long> roots, Set<String> ignored) {
        List<Op> ops = new ArrayList<>();
        int lastNeeded = -1;
        for (Metadata.Field f : t.fields) {
            Op op = null;
            if (top && ignored.contains(t.name + "#" + f.name)) {
                // stepped over below; its slot keeps the empty value
            } else if (top && f.name.equals("startTime") && !f.array && isIntegral(f)) {
                op = new Op(OP_START, f, -1);
            } else if (top && f.name.equals("duration") && !f.array && isIntegral(f)) {
                op = new Op(OP_DURATION, f, -1);
            } else {
                String full = prefix + f.name;
                for (int i = 0; i < names.length && op == null; i++) {
                    if (names[i].equals(full)) {
                        op = wantOp(f, wants[i], i, roots);
                    } else if (names[i].startsWith(full + ".") && !f.array && !f.constantPool
                            && f.type.prim == Metadata.P_STRUCT) {
                        op = new Op(OP_STRUCT, f, -1);
                        op.sub = program(f.type, names, wants, full + ".", false, roots, Set.of())
                                .toArray(new Op[0]);
                    }
                }
            }
            if (op != null) {
                lastNeeded = ops.size();
            } else if (!f.array && !f.constantPool && f.type.prim == Metadata.P_STRING) {
                op = new Op(OP_SKIP_STRING, f, -1);
            } else {
                op = new Op(canSkipAsVarint(f) ? OP_SKIP_VARINT : OP_SKIP, f, -1);
            }
            ops.add(op);
        }
        int n = top ? lastNeeded + 1 : ops.size();
        return new ArrayList<>(ops.subList(0, n));
    }

    private static boolean isIntegral(Metadata.Field f) {
        int p = f.type.prim;
        return !f.constantPool && (p == Metadata.P_LONG || p == Metadata.P_INT || p == Metadata.P_SHORT
                || p == Metadata.P_CHAR || p == Metadata.P_BYTE);
    }

    private static boolean canSkipAsVarint(Metadata.Field f) {
        if (f.array) {
            return false;
        }
        int p = f.type.prim;
        return f.constantPool || p == Metadata.P_LONG || p == Metadata.P_INT || p == Metadata.P_SHORT
                || p == Metadata.P_CHAR;
    }

    /** The op reading field {@code f} as wanted, or null (then skipped, slot keeps its default). */
    private static Op wantOp(Metadata.Field f, int want, int slot, Set<Long> roots) {
        if (f.array) {
            return null;
        }
        int p = f.type.prim;
        switch (want) {
            case W_LONG, W_INT:
                return isIntegral(f) ? new Op(OP_INTEGRAL, f, slot) : null;
            case W_SPAN:
                return isIntegral(f) ? new Op(OP_SPAN, f, slot) : null;
            case W_DOUBLE:
                return !f.constantPool && (p == Metadata.P_FLOAT || p == Metadata.P_DOUBLE)
                        ? new Op(OP_FLOATING, f, slot) : null;
            case W_BOOL:
                return !f.constantPool && p == Metadata.P_BOOLEAN ? new Op(OP_BOOL, f, slot) : null;
            case W_STRING:
                if (f.constantPool) {
                    roots.add(f.typeId);
                    return new Op(OP_STRING_POOL, f, slot);
                }
                return p == Metadata.P_STRING ? new Op(OP_STRING_INLINE, f, slot) : null;
            case W_THREAD:
                if (f.constantPool) {
                    roots.add(f.typeId);
                    return new Op(OP_THREAD, f, slot);
                }
                return null;
            default:
                return null;
        }
    }

    // ---- per event --------------------------------------------------------------------------------

    /**
     * {@link #run} for programs of the common ops only: the loop that nearly every event goes
     * through. Kept apart so that its compiled code sees one stable set of ops from the first
     * chunk on; ops that first turn up later (in JDK events) would otherwise make C2 throw it
     * away and compile it again.
     */
    private void runCommon(Program prog) {
        ChunkInput in = this.in;
        long[] L = slotsL;
        Object[] O = slotsO;
        int[] codes = prog.codes;
        int[] slots = prog.slots;
        for (int i = 0; i < codes.length; i++) {
            switch (codes[i]) {
                case OP_SKIP_VARINT -> in.skipLong();
                case OP_SKIP_STRING -> Values.skipString(in);
                case OP_VSTART -> startTicks = in.readLong();
                case OP_VDURATION -> durationTicks = in.readLong();
                case OP_VLONG -> L[slots[i]] = in.readLong();
                case OP_VINT -> L[slots[i]] = (int) in.readLong();
                case OP_STRING_INLINE -> {
                    L[slots[i]] = in.p; // decoded in dispatch, if the handler asks: see str()
                    O[slots[i]] = PENDING;
                    Values.skipString(in);
                }
                case OP_THREAD -> L[slots[i]] = in.readLong(); // resolved in the kind's call: see thread()
                default -> throw new IllegalStateException("op " + codes[i]);
            }
        }
    }

    private void run(Program prog) {
        ChunkInput in = this.in;
        long[] L = slotsL;
        Object[] O = slotsO;
        int[] codes = prog.codes;
        int[] slots = prog.slots;
        for (int i = 0; i < codes.length; i++) {
            switch (codes[i]) {
                case OP_SKIP_VARINT -> in.skipLong();
                case OP_SKIP_STRING -> Values.skipString(in);
                case OP_SKIP -> Values.skipField(in, prog.fields[i], 0);
                case OP_START -> startTicks = readIntegral(in, prog.fields[i]);
                case OP_DURATION -> durationTicks = readIntegral(in, prog.fields[i]);
                case OP_VSTART -> startTicks = in.readLong();
                case OP_VDURATION -> durationTicks = in.readLong();
                case OP_VLONG -> L[slots[i]] = in.readLong();
                case OP_VINT -> L[slots[i]] = (int) in.readLong();
                case OP_VUINT -> L[slots[i]] = in.readLong() & 0xFFFFFFFFL;
                case OP_VSHORT -> L[slots[i]] = (short) in.readLong();
                case OP_VUSHORT -> L[slots[i]] = in.readLong() & 0xFFFFL;
                case OP_INTEGRAL -> L[slots[i]] = readIntegral(in, prog.fields[i]);
                case OP_FLOAT -> L[slots[i]] = Double.doubleToRawLongBits(in.readFloat());
                case OP_DOUBLE -> L[slots[i]] = Double.doubleToRawLongBits(in.readDouble());
                case OP_FLOATING -> L[slots[i]] = Double.doubleToRawLongBits(
                        prog.fields[i].type.prim == Metadata.P_FLOAT ? (double) in.readFloat() : in.readDouble());
                case OP_BOOL -> L[slots[i]] = in.buf[in.p++] != 0 ? 1 : 0;
                case OP_SPAN -> L[slots[i]] = span(readIntegral(in, prog.fields[i]), prog.fields[i].timespan);
                case OP_STRING_INLINE -> {
                    L[slots[i]] = in.p; // decoded in dispatch, if the handler asks: see str()
                    O[slots[i]] = PENDING;
                    Values.skipString(in);
                }
                case OP_STRING_POOL -> {
                    String v = pools.string(prog.fields[i].typeId, in.readLong());
                    O[slots[i]] = v == null ? "" : v;
                }
                case OP_THREAD -> L[slots[i]] = in.readLong(); // resolved in the kind's call: see thread()
                case OP_STRUCT -> run(prog.subs[i]);
                default -> throw new IllegalStateException("op " + codes[i]);
            }
        }
    }

    /** An integral field as the JDK's RecordedObject.getLong/getInt reads it (@Unsigned honoured). */
    private static long readIntegral(ChunkInput in, Metadata.Field f) {
        switch (f.type.prim) {
            case Metadata.P_LONG:
                return in.readLong();
            case Metadata.P_INT: {
                int v = in.readInt();
                return f.unsigned ? Integer.toUnsignedLong(v) : v;
            }
            case Metadata.P_SHORT: {
                short v = in.readShort();
                return f.unsigned ? Short.toUnsignedLong(v) : v;
            }
            case Metadata.P_CHAR:
                return in.readChar();
            default: {
                byte v = (byte) in.readByte();
                return f.unsigned ? Byte.toUnsignedLong(v) : v;
            }
        }
    }

    private String readString(ChunkInput in) {
        int enc = in.buf[in.p++];
        switch (enc) {
            case 0:
            case 1:
                return "";
            case 2:
                return pools.poolString(in.readLong());
            case 3:
            case 4:
            case 5:
                return inline.read(in, enc);
            default:
                throw new CorruptChunkException(in.pos() - 1, "unknown string encoding " + enc);
        }
    }

    /** Ticks to epoch nanos exactly as the JDK's TimeConverter does (double division). */
    private long timestamp(long ticks) {
        long d = ticks - chunkStartTicks;
        if (nanosTicks && d < (1L << 53) && d > -(1L << 53)) {
            return chunkStartNanos + d; // x / 1.0 is exact for |x| < 2^53
        }
        return chunkStartNanos + (long) (d / divisor);
    }

    private long span(long value, String unit) {
        if (unit == null) {
            return value;
        }
        return switch (unit) {
            case "TICKS" -> (long) (value / divisor);
            case "MICROSECONDS" -> value * 1_000L;
            case "MILLISECONDS" -> value * 1_000_000L;
            case "SECONDS" -> value * 1_000_000_000L;
            default -> value;
        };
    }

    /** Marks a string slot whose inline string is still undecoded; its offset is in the long slot. */
    private static final Object PENDING = new Object();

    /**
     * String slot {@code k}: decoded now if it is an inline string (the field programs only step
     * over those, leaving their offset in the event). Decoding here, in the kind's own
     * {@link Call}, keeps the string cache's code out of the field-program loop, so that a
     * rarely taken branch in it (a new string, a hash collision, another encoding) costs a
     * recompilation of that small call, not of the loop every event runs through.
     */
    private String str(long[] L, Object[] O, int k) {
        Object o = O[k];
        if (o != PENDING) {
            // "" for a field the event lacks or the handler ignores: no null check here, whose
            // branch, first taken in a later chunk, cost a recompilation of every caller
            return (String) o;
        }
        in.p = (int) L[k];
        String s = readString(in);
        return s == null ? "" : s;
    }

    /**
     * Thread slot {@code k}: the event's thread, resolved from the key the field program left in
     * the long slot, in the pool of the field the object slot holds (null if the event has no
     * thread field). Resolved here, in the kind's call, not in the field-program loop.
     */
    private ConstantPools.ThreadInfo thread(long[] L, Object[] O, int k) {
        Object f = O[k];
        return f == null ? null : pools.thread(((Metadata.Field) f).typeId, L[k]);
    }

    private static long tid(Object o) {
        return o == null ? -1 : ((ConstantPools.ThreadInfo) o).id();
    }

    private static String tname(Object o) {
        return o == null ? "" : ((ConstantPools.ThreadInfo) o).name();
    }

    private static double dbl(long bits) {
        return Double.longBitsToDouble(bits);
    }

    /**
     * What one event kind calls on the handler, from the slots its program filled.
     *
     * <p>One class per kind, called through {@link #CALLS} at a single call site in
     * {@link #dispatch}, which therefore sees many receiver classes and is not inlined: each
     * kind's call into the handler (and the aggregation the handler inlines) is compiled on its
     * own. With one switch calling the handler directly, C2 inlined every aggregator into
     * {@code dispatch}, and each rarely taken branch met later in any aggregator threw that
     * whole unit away: four recompilations of 0.2 to 0.5 s each on an 822 MB recording.
     *
     * <p>An abstract class, not a functional interface with lambdas: a megamorphic call through
     * a class is a vtable load, through an interface an itable search (4% of the decoding
     * threads' CPU in a profile); and the classes load from the jar instead of being spun
     * at start-up.
     */
    private abstract static class Call {
        abstract void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level);
    }

    private static final Call[] CALLS = new Call[METHOD.length];

    static {
        CALLS[K_FRAME] = new Call() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level) {
                h.frame(start, dur, L[0], (int) L[1]);
            }
        };
        CALLS[K_GROUP] = new Call() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level) {
                h.systemGroupTick(start, dur, d.str(L, O, 0), L[1]);
            }
        };
        CALLS[K_SYSTEM] = new Call() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level) {
                h.systemTick(start, dur, d.str(L, O, 0), d.str(L, O, 1), L[2], (int) L[3]);
            }
        };
        CALLS[K_JOB_SCHEDULE] = new Call() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level) {
                h.jobSchedule(start, dur, tid(d.thread(L, O, 0)), L[1], d.str(L, O, 2), d.str(L, O, 3), (int) L[4], (int) L[5], (int) L[6], L[7]);
            }
        };
        CALLS[K_JOB_RUN] = new Call() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level) {
                h.jobRun(start, dur, tid(d.thread(L, O, 0)), tname(d.thread(L, O, 0)), L[1], d.str(L, O, 2), (int) L[3], L[4], L[5]);
            }
        };
        CALLS[K_MAIN_WAIT] = new Call() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level) {
                h.mainThreadWait(start, dur, tid(d.thread(L, O, 0)), L[1], d.str(L, O, 2));
            }
        };
        CALLS[K_REGISTRY] = new Call() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level) {
                h.registryUpdate(start, dur, d.str(L, O, 0), L[1], (int) L[2], (int) L[3], (int) L[4], (int) L[5]);
            }
        };
        CALLS[K_GRID] = new Call() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level) {
                h.spatialGridRebuild(start, dur, L[0], (int) L[1], (int) L[2], (int) L[3]);
            }
        };
        CALLS[K_ENTITY_COUNT] = new Call() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level) {
                h.entityCount(start, d.str(L, O, 0), L[1]);
            }
        };
        CALLS[K_NATIVE_MEMORY] = new Call() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level) {
                h.nativeMemory(start, d.str(L, O, 0), d.str(L, O, 1), L[2], L[3]);
            }
        };
        CALLS[K_BUDGET] = new Call() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level) {
                h.budgetViolation(start, d.str(L, O, 0), dbl(L[1]), dbl(L[2]), d.str(L, O, 3), (int) L[4], d.str(L, O, 5), L[6]);
            }
        };
        CALLS[K_JVM_INFO] = new Call() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level) {
                h.jvmInformation(start, d.str(L, O, 0), d.str(L, O, 1), d.str(L, O, 2), d.str(L, O, 3), L[4], L[5]);
            }
        };
        CALLS[K_GC] = new Call() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level) {
                h.garbageCollection(start, dur, L[0], d.str(L, O, 1), d.str(L, O, 2), L[3], L[4]);
            }
        };
        CALLS[K_GC_PAUSE] = new Call() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level) {
                h.gcPhasePause(start, dur, level, L[0], d.str(L, O, 1));
            }
        };
        CALLS[K_HEAP_SUMMARY] = new Call() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level) {
                h.gcHeapSummary(start, L[0], d.str(L, O, 1), L[2], L[3]);
            }
        };
        CALLS[K_SAFEPOINT] = new Call() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level) {
                h.safepoint(start, dur, L[0], (int) L[1], (int) L[2]);
            }
        };
        CALLS[K_VM_OP] = new Call() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level) {
                h.vmOperation(start, dur, d.str(L, O, 0), L[1] != 0);
            }
        };
        CALLS[K_COMPILATION] = new Call() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level) {
                h.compilation(start, dur, tid(d.thread(L, O, 0)), (int) L[1], d.str(L, O, 2), d.str(L, O, 3), (int) L[4], L[5] != 0, L[6] != 0);
            }
        };
        CALLS[K_DEOPT] = new Call() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level) {
                h.deoptimization(start, tid(d.thread(L, O, 0)), (int) L[1], d.str(L, O, 2), d.str(L, O, 3), d.str(L, O, 4), d.str(L, O, 5));
            }
        };
        CALLS[K_ALLOC_SAMPLE] = new Call() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level) {
                h.allocationSample(start, tid(d.thread(L, O, 0)), d.str(L, O, 1), L[2]);
            }
        };
        CALLS[K_CPU_LOAD] = new Call() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level) {
                h.cpuLoad(start, dbl(L[0]), dbl(L[1]), dbl(L[2]));
            }
        };
        CALLS[K_THREAD_CPU_LOAD] = new Call() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level) {
                h.threadCpuLoad(start, tid(d.thread(L, O, 0)), tname(d.thread(L, O, 0)), dbl(L[1]), dbl(L[2]));
            }
        };
        CALLS[K_DIRECT_BUFFER] = new Call() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level) {
                h.directBufferStatistics(start, L[0], L[1], L[2], L[3]);
            }
        };
        CALLS[K_MONITOR_ENTER] = new Call() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level) {
                h.monitorEnter(start, dur, tid(d.thread(L, O, 0)), tname(d.thread(L, O, 0)), d.str(L, O, 1));
            }
        };
        CALLS[K_THREAD_PARK] = new Call() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level) {
                h.threadPark(start, dur, tid(d.thread(L, O, 0)), tname(d.thread(L, O, 0)), d.str(L, O, 1));
            }
        };
        CALLS[K_THREAD_START] = new Call() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level) {
                h.threadLifecycle(start, true, tid(d.thread(L, O, 0)), tname(d.thread(L, O, 0)));
            }
        };
        CALLS[K_THREAD_END] = new Call() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] L, Object[] O, int level) {
                h.threadLifecycle(start, false, tid(d.thread(L, O, 0)), tname(d.thread(L, O, 0)));
            }
        };
    }

    private void dispatch(Layout l, EventHandler h) {
        long start = timestamp(startTicks);
        // no "durationTicks == 0" shortcut: the difference is 0 then anyway, and that branch,
        // first taken by a JDK event of no duration, threw away C2's code for this loop
        long dur = timestamp(startTicks + durationTicks) - start;
        CALLS[l.kind].call(this, h, start, dur, slotsL, slotsO, l.level);
    }
}
