package io.puredots.analyzer.read;

import io.puredots.events.EventFields;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles, for one chunk metadata and one handler class, a {@link FieldProgram} per event type
 * the handler wants: fields found by name (layouts differ between JDK versions), fields the
 * handler {@link IgnoresFields ignores} stepped over, trailing unneeded fields left out.
 *
 * <p>Stateless; all methods static.
 */
final class FieldProgramCompiler {
    private FieldProgramCompiler() {
    }

    /**
     * The layouts compiled from one metadata for one handler class, and the pool types their
     * fields need: immutable templates, copied per chunk (counts are per chunk).
     */
    record Compiled(EventLayout[] dense, int[] denseIds, Map<Long, EventLayout> sparse, Set<Long> poolTypes) {
    }

    /**
     * Builds a layout per event type, and the closure of pool types that wanted fields refer to.
     * Only the handler's class (through {@code overridden}) and the metadata go in: the result
     * is cached with the metadata (the key the cache uses for it is the handler class).
     */
    static Compiled compile(Metadata md, boolean[] overridden, Set<String> ignored, boolean compressed) {
        long maxId = 1;
        for (Metadata.Type t : md.types.values()) {
            if (t.isEvent()) {
                maxId = Math.max(maxId, t.id);
            }
        }
        EventLayout[] dense = new EventLayout[(int) Math.min(maxId + 1, 1 << 16)];
        Map<Long, EventLayout> sparse = new HashMap<>();
        Set<Long> roots = new HashSet<>();
        put(dense, sparse, 0, new EventLayout("jdk.Metadata", -1, 0));
        put(dense, sparse, 1, new EventLayout("jdk.CheckPoint", -1, 0));
        for (Metadata.Type t : md.types.values()) {
            if (!t.isEvent()) {
                continue;
            }
            Integer kind = EventKinds.KINDS.get(t.name);
            if (kind != null) {
                kind = EventKinds.chosen(kind, overridden);
            }
            EventLayout l = new EventLayout(t.name, kind == null ? -1 : kind, EventKinds.gcPauseLevel(t.name));
            if (kind != null && overridden[kind]) {
                List<FieldProgram.Op> ops = program(t, EventKinds.FIELDS[kind], EventKinds.WANTS[kind], "", true,
                        roots, ignored, compressed);
                l.program = new FieldProgram(ops, compressed);
            }
            put(dense, sparse, t.id, l);
        }
        int n = 0;
        for (EventLayout l : dense) {
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

    private static void put(EventLayout[] dense, Map<Long, EventLayout> sparse, long id, EventLayout l) {
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
    private static List<FieldProgram.Op> program(Metadata.Type t, String[] names, int[] wants, String prefix,
                                                 boolean top, Set<Long> roots, Set<String> ignored,
                                                 boolean compressed) {
        List<FieldProgram.Op> ops = new ArrayList<>();
        int lastNeeded = -1;
        for (Metadata.Field f : t.fields) {
            FieldProgram.Op op = null;
            if (top && ignored.contains(t.name + "#" + f.name)) {
                // stepped over below; its slot keeps the empty value
            } else if (top && f.name.equals(EventFields.START_TIME) && !f.array && isIntegral(f)) {
                op = new FieldProgram.Op(FieldProgram.OP_START, f, -1);
            } else if (top && f.name.equals(EventFields.DURATION) && !f.array && isIntegral(f)) {
                op = new FieldProgram.Op(FieldProgram.OP_DURATION, f, -1);
            } else {
                String full = prefix + f.name;
                for (int i = 0; i < names.length && op == null; i++) {
                    if (names[i].equals(full)) {
                        op = wantOp(f, wants[i], i, roots, top);
                    } else if (names[i].startsWith(full + ".") && !f.array && !f.constantPool
                            && f.type.prim == Metadata.P_STRUCT) {
                        op = new FieldProgram.Op(FieldProgram.OP_STRUCT, f, -1);
                        op.sub = program(f.type, names, wants, full + ".", false, roots, Set.of(), compressed)
                                .toArray(new FieldProgram.Op[0]);
                    }
                }
            }
            if (op != null) {
                lastNeeded = ops.size();
            } else if (!f.array && !f.constantPool && f.type.prim == Metadata.P_STRING) {
                op = new FieldProgram.Op(FieldProgram.OP_SKIP_STRING, f, -1);
            } else {
                int skip = canSkipAsOneInteger(f, compressed) ? FieldProgram.OP_SKIP_VARINT : FieldProgram.OP_SKIP;
                op = new FieldProgram.Op(skip, f, -1);
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

    /**
     * Whether {@code f} is stepped over as one integer ({@link ChunkInput#skipLong}): any integer or
     * pool reference when integers are compressed; otherwise only the 8-byte ones (a long, a pool
     * reference), since an int or short is narrower there.
     */
    private static boolean canSkipAsOneInteger(Metadata.Field f, boolean compressed) {
        if (f.array) {
            return false;
        }
        int p = f.type.prim;
        if (!compressed) {
            return f.constantPool || p == Metadata.P_LONG;
        }
        return f.constantPool || p == Metadata.P_LONG || p == Metadata.P_INT || p == Metadata.P_SHORT
                || p == Metadata.P_CHAR;
    }

    /** The op reading field {@code f} as wanted, or null (then skipped, slot keeps its default). */
    private static FieldProgram.Op wantOp(Metadata.Field f, int want, int slot, Set<Long> roots, boolean top) {
        if (f.array) {
            return null;
        }
        int p = f.type.prim;
        switch (want) {
            case EventKinds.W_LONG, EventKinds.W_INT:
                return isIntegral(f) ? new FieldProgram.Op(FieldProgram.OP_INTEGRAL, f, slot) : null;
            case EventKinds.W_SPAN:
                return isIntegral(f) ? new FieldProgram.Op(FieldProgram.OP_SPAN, f, slot) : null;
            case EventKinds.W_DOUBLE:
                return !f.constantPool && (p == Metadata.P_FLOAT || p == Metadata.P_DOUBLE)
                        ? new FieldProgram.Op(FieldProgram.OP_FLOATING, f, slot) : null;
            case EventKinds.W_BOOL:
                return !f.constantPool && p == Metadata.P_BOOLEAN ? new FieldProgram.Op(FieldProgram.OP_BOOL, f, slot) : null;
            case EventKinds.W_STRING:
                if (f.constantPool) {
                    roots.add(f.typeId);
                    // an event's own field: only its key, resolved in the kind's call (see OP_POOL_KEY)
                    return new FieldProgram.Op(top ? FieldProgram.OP_POOL_KEY : FieldProgram.OP_STRING_POOL, f, slot);
                }
                return p == Metadata.P_STRING ? new FieldProgram.Op(FieldProgram.OP_STRING_INLINE, f, slot) : null;
            case EventKinds.W_THREAD, EventKinds.W_STACK:
                // both a pool key, resolved in the kind's call: a thread or a stack trace
                if (f.constantPool) {
                    roots.add(f.typeId);
                    return new FieldProgram.Op(FieldProgram.OP_THREAD, f, slot);
                }
                return null;
            default:
                return null;
        }
    }
}
