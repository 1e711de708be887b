package io.puredots.analyzer.read;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading and skipping JFR values of any type, driven by the chunk's {@link Metadata}: how
 * unknown events and uninteresting constant-pool entries are stepped over, and how the
 * interesting constant-pool entries are decoded into a small generic form.
 *
 * <pre>{@code
 * value of a field  = constant-pool reference (compressed long key) if the field says so,
 *                     else by type: long/int/short/char compressed; byte, boolean 1 byte;
 *                     float 4, double 8 bytes big-endian; String encoded (below);
 *                     any other class: its fields in order (inline struct)
 * array field       = compressed count, then that many values
 * encoded String    = 1 byte encoding: 0 null, 1 "", 2 pool ref (long key), 3 UTF-8 (length,
 *                     bytes), 4 char array (length, compressed chars), 5 Latin-1 (length, bytes)
 * }</pre>
 *
 * Generic decoded form (constant pools only, never per event): Long for integers and chars,
 * Double for float/double, Boolean, String (inline), {@link Ref} for a pool reference,
 * Object[] for an inline struct, null for arrays (not kept) and null strings.
 *
 * <p>Stateless; all methods static.
 */
final class ValueReader {
    private ValueReader() {
    }

    private static final int MAX_DEPTH = 16;

    /** A constant-pool reference: pool of type {@code typeId}, entry {@code key}. */
    record Ref(long typeId, long key) {
    }

    static void skipField(ChunkInput in, Metadata.Field f, int depth) {
        if (f.array) {
            int n = in.readCount("array length");
            for (int i = 0; i < n; i++) {
                skipValue(in, f.type, f.constantPool, depth + 1);
            }
        } else {
            skipValue(in, f.type, f.constantPool, depth);
        }
    }

    static void skipValue(ChunkInput in, Metadata.Type t, boolean constantPool, int depth) {
        if (constantPool) {
            in.skipLong();
            return;
        }
        switch (t.prim) {
            case Metadata.P_LONG -> in.skipInt(8);
            case Metadata.P_INT -> in.skipInt(4);
            case Metadata.P_SHORT, Metadata.P_CHAR -> in.skipInt(2);
            case Metadata.P_BYTE, Metadata.P_BOOLEAN -> in.p++;
            case Metadata.P_FLOAT -> in.p += 4;
            case Metadata.P_DOUBLE -> in.p += 8;
            case Metadata.P_STRING -> skipString(in);
            default -> skipStruct(in, Skip.of(in, t), depth);
        }
    }

    /** Steps over a struct by its flat {@link Skip} program; arrays recurse one level deeper. */
    private static void skipStruct(ChunkInput in, Skip s, int depth) {
        int[] ops = s.ops;
        for (int i = 0; i < ops.length; i++) {
            switch (ops[i]) {
                // one varint skip for all four: each inlined copy made this loop's compile larger
                case Skip.REF, Skip.INT8, Skip.INT4, Skip.INT2 -> in.skipInt(Skip.RAW_BYTES[ops[i]]);
                case Skip.BYTE -> in.p++;
                case Skip.FIXED4 -> in.p += 4;
                case Skip.FIXED8 -> in.p += 8;
                case Skip.STRING -> skipString(in);
                default -> { // ARRAY
                    if (depth >= MAX_DEPTH) {
                        throw new CorruptChunkException(in.pos(), "values nested deeper than " + MAX_DEPTH);
                    }
                    int n = in.readCount("array length");
                    Metadata.Field f = s.arrays[i];
                    for (int k = 0; k < n; k++) {
                        skipValue(in, f.type, f.constantPool, depth + 1);
                    }
                }
            }
        }
    }

    /**
     * A struct type's fields as a flat list of steps: nested inline structs are spliced in, an
     * array is one step. Built once per type and kept on it (types are shared by the chunks of
     * a run), so stepping over a constant-pool entry is one small loop instead of a walk over
     * field lists, and the JIT compiles a small loop rather than a large recursive walk.
     */
    static final class Skip {
        static final int REF = 0;
        static final int INT8 = 1;
        static final int INT4 = 2;
        static final int INT2 = 3;
        static final int BYTE = 4;
        static final int FIXED4 = 5;
        static final int FIXED8 = 6;
        static final int STRING = 7;
        static final int ARRAY = 8;
        /** Bytes of an uncompressed REF, INT8, INT4 and INT2 (a pool reference is a long). */
        static final int[] RAW_BYTES = {8, 8, 4, 2};

        final int[] ops;
        /** The array field of each {@link #ARRAY} step; null elsewhere. */
        final Metadata.Field[] arrays;

        private Skip(int[] ops, Metadata.Field[] arrays) {
            this.ops = ops;
            this.arrays = arrays;
        }

        static Skip of(ChunkInput in, Metadata.Type t) {
            Skip s = t.skip;
            if (s == null) {
                List<Integer> ops = new ArrayList<>();
                List<Metadata.Field> arrays = new ArrayList<>();
                flatten(in, t, 0, ops, arrays);
                int[] o = new int[ops.size()];
                for (int i = 0; i < o.length; i++) {
                    o[i] = ops.get(i);
                }
                s = new Skip(o, arrays.toArray(new Metadata.Field[0]));
                t.skip = s; // racy but idempotent: every thread builds the same steps
            }
            return s;
        }

        private static void flatten(ChunkInput in, Metadata.Type t, int depth, List<Integer> ops,
                                    List<Metadata.Field> arrays) {
            if (depth > MAX_DEPTH) {
                throw new CorruptChunkException(in.pos(), "values nested deeper than " + MAX_DEPTH + " in " + t.name);
            }
            for (Metadata.Field f : t.fields) {
                int op;
                if (f.array) {
                    op = ARRAY;
                } else if (f.constantPool) {
                    op = REF;
                } else {
                    op = switch (f.type.prim) {
                        case Metadata.P_LONG -> INT8;
                        case Metadata.P_INT -> INT4;
                        case Metadata.P_SHORT, Metadata.P_CHAR -> INT2;
                        case Metadata.P_BYTE, Metadata.P_BOOLEAN -> BYTE;
                        case Metadata.P_FLOAT -> FIXED4;
                        case Metadata.P_DOUBLE -> FIXED8;
                        case Metadata.P_STRING -> STRING;
                        default -> -1;
                    };
                    if (op < 0) {
                        flatten(in, f.type, depth + 1, ops, arrays);
                        continue;
                    }
                }
                ops.add(op);
                arrays.add(op == ARRAY ? f : null);
            }
        }
    }

    static void skipString(ChunkInput in) {
        int at = in.p;
        int enc = in.readByte();
        if (enc == 4 && in.compressed()) {
            // A char array of compressed ints: the encoding of Java events' inline strings, most
            // strings of a recording. n chars in n bytes with no high bit set are n one-byte
            // chars: stepped over 8 bytes at a time.
            int n = in.readCount("string length");
            if (ascii(in.buf, in.p, in.p + n)) {
                in.p += n;
            } else {
                for (int i = 0; i < n; i++) {
                    in.skipLong();
                }
            }
            return;
        }
        switch (enc) {
            case 0, 1 -> {
            }
            case 2 -> in.skipLong();
            case 3, 5 -> {
                int n = in.readLength("string length");
                in.p += n;
            }
            case 4 -> {
                int n = in.readLength("string length");
                for (int i = 0; i < n; i++) {
                    in.skipInt(2);
                }
            }
            default -> throw new CorruptChunkException(in.abs(at), "unknown string encoding " + enc);
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    /**
     * No byte of {@code b[from, to)} has its high bit set. Reads whole longs, the last one
     * masked: {@code to} must be at most {@code b.length - 8} (a chunk window's padding).
     */
    static boolean ascii(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            if (((long) LONGS.get(b, i) & HIGH_BITS) != 0) {
                return false;
            }
        }
        long tailMask = (1L << ((to - i) << 3)) - 1; // the low to - i < 8 bytes
        return ((long) LONGS.get(b, i) & HIGH_BITS & tailMask) == 0;
    }

    /**
     * Decodes an encoded string that is not a pool reference; for encoding 2 returns a {@link Ref}
     * into the pool of {@code stringTypeId}. Returns null for the null string.
     */
    static Object readStringOrRef(ChunkInput in, long stringTypeId) {
        int at = in.p;
        int enc = in.readByte();
        switch (enc) {
            case 0:
                return null;
            case 1:
                return "";
            case 2:
                return new Ref(stringTypeId, in.readLong());
            case 3:
            case 5: {
                int n = in.readLength("string length");
                String s = new String(in.buf, in.p, n, enc == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
                in.p += n;
                return s;
            }
            case 4: {
                int n = in.readLength("string length");
                char[] c = new char[n];
                for (int i = 0; i < n; i++) {
                    c[i] = in.readChar();
                }
                return new String(c);
            }
            default:
                throw new CorruptChunkException(in.abs(at), "unknown string encoding " + enc);
        }
    }

    /** Decodes a field value into the generic form (see class comment). */
    static Object readField(ChunkInput in, Metadata.Field f, long stringTypeId, int depth) {
        if (f.array) {
            skipField(in, f, depth);
            return null;
        }
        if (f.constantPool) {
            return new Ref(f.typeId, in.readLong());
        }
        return readValue(in, f.type, stringTypeId, depth);
    }

    static Object readValue(ChunkInput in, Metadata.Type t, long stringTypeId, int depth) {
        switch (t.prim) {
            case Metadata.P_LONG:
                return in.readLong();
            case Metadata.P_INT:
                return (long) in.readInt();
            case Metadata.P_SHORT:
                return (long) in.readShort();
            case Metadata.P_CHAR:
                return (long) in.readChar();
            case Metadata.P_BYTE:
                return (long) in.readByte();
            case Metadata.P_BOOLEAN:
                return in.readBoolean();
            case Metadata.P_FLOAT:
                return (double) in.readFloat();
            case Metadata.P_DOUBLE:
                return in.readDouble();
            case Metadata.P_STRING:
                return readStringOrRef(in, stringTypeId);
            default: {
                if (depth > MAX_DEPTH) {
                    throw new CorruptChunkException(in.pos(), "values nested deeper than " + MAX_DEPTH + " in " + t.name);
                }
                Object[] values = new Object[t.fields.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = readField(in, t.fields.get(i), stringTypeId, depth + 1);
                }
                return values;
            }
        }
    }
}
