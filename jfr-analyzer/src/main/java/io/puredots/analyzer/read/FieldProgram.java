package io.puredots.analyzer.read;

import java.util.Arrays;
import java.util.List;

/**
 * A compiled field program: how to read one event type's fields (or an inline struct's) into
 * the argument slots of its kind, as parallel arrays, so the per-event loop chases no pointers.
 * Built by {@link FieldProgramCompiler}, run by {@link FastDecoder}.
 *
 * <p>Immutable once built; shared by the chunks (and threads) decoding with the same metadata.
 */
final class FieldProgram {
    static final int OP_SKIP = 0;
    static final int OP_SKIP_VARINT = 1;
    static final int OP_START = 2;
    static final int OP_DURATION = 3;
    static final int OP_INTEGRAL = 4;
    static final int OP_FLOATING = 5;
    static final int OP_BOOL = 6;
    static final int OP_SPAN = 7;
    static final int OP_STRING_INLINE = 8;
    static final int OP_STRING_POOL = 9;
    /** A constant-pool key (an event thread or a stack trace), resolved in the kind's call. */
    static final int OP_THREAD = 10;
    static final int OP_STRUCT = 11;
    // specialised integral reads (compressed integers only)
    static final int OP_VLONG = 12;
    static final int OP_VINT = 13;
    static final int OP_VUINT = 14;
    static final int OP_VSHORT = 15;
    static final int OP_VUSHORT = 16;
    static final int OP_FLOAT = 17;
    static final int OP_DOUBLE = 18;
    static final int OP_VSTART = 19;
    static final int OP_VDURATION = 20;
    static final int OP_SKIP_STRING = 21;
    /**
     * A top-level field referring to a pool entry wanted as a string (a class, a GC name): only
     * its key is read, resolved in the kind's call (see {@link FastDecoder#str}), so that events
     * with such fields run through {@link FastDecoder#runCommon}, which never inlines pool code.
     */
    static final int OP_POOL_KEY = 22;

    /** One field of an event or inline struct: how to read it and where to put it. */
    static final class Op {
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

    final int[] codes;
    final int[] slots;
    final Metadata.Field[] fields;
    final FieldProgram[] subs;
    /** Only ops {@link FastDecoder#runCommon} knows (every puredots event's program, as they are recorded). */
    final boolean common;

    FieldProgram(List<Op> ops, boolean compressed) {
        int n = ops.size();
        codes = new int[n];
        slots = new int[n];
        fields = new Metadata.Field[n];
        subs = new FieldProgram[n];
        boolean allCommon = true;
        for (int i = 0; i < n; i++) {
            Op op = ops.get(i);
            codes[i] = compressed ? specialise(op) : op.code;
            allCommon &= isCommon(codes[i]);
            slots[i] = op.slot;
            fields[i] = op.field;
            if (op.sub != null) {
                subs[i] = new FieldProgram(Arrays.asList(op.sub), compressed);
            }
        }
        common = allCommon;
    }

    /**
     * The ops of puredots events. Not {@code OP_VUINT}: only JDK events have unsigned fields, and
     * a case first met after C2 compiled {@link FastDecoder#runCommon} costs a recompile.
     */
    private static boolean isCommon(int code) {
        return switch (code) {
            case OP_SKIP_VARINT, OP_SKIP_STRING, OP_VSTART, OP_VDURATION, OP_VLONG, OP_VINT,
                    OP_STRING_INLINE, OP_THREAD, OP_POOL_KEY -> true;
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
