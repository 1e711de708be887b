package io.puredots.analyzer.read;

import static io.puredots.analyzer.read.FieldProgram.OP_BOOL;
import static io.puredots.analyzer.read.FieldProgram.OP_DOUBLE;
import static io.puredots.analyzer.read.FieldProgram.OP_DURATION;
import static io.puredots.analyzer.read.FieldProgram.OP_FLOAT;
import static io.puredots.analyzer.read.FieldProgram.OP_FLOATING;
import static io.puredots.analyzer.read.FieldProgram.OP_INTEGRAL;
import static io.puredots.analyzer.read.FieldProgram.OP_POOL_KEY;
import static io.puredots.analyzer.read.FieldProgram.OP_SKIP;
import static io.puredots.analyzer.read.FieldProgram.OP_SKIP_STRING;
import static io.puredots.analyzer.read.FieldProgram.OP_SKIP_VARINT;
import static io.puredots.analyzer.read.FieldProgram.OP_SPAN;
import static io.puredots.analyzer.read.FieldProgram.OP_START;
import static io.puredots.analyzer.read.FieldProgram.OP_STRING_INLINE;
import static io.puredots.analyzer.read.FieldProgram.OP_STRING_POOL;
import static io.puredots.analyzer.read.FieldProgram.OP_STRUCT;
import static io.puredots.analyzer.read.FieldProgram.OP_THREAD;
import static io.puredots.analyzer.read.FieldProgram.OP_VDURATION;
import static io.puredots.analyzer.read.FieldProgram.OP_VINT;
import static io.puredots.analyzer.read.FieldProgram.OP_VLONG;
import static io.puredots.analyzer.read.FieldProgram.OP_VSHORT;
import static io.puredots.analyzer.read.FieldProgram.OP_VSTART;
import static io.puredots.analyzer.read.FieldProgram.OP_VUINT;
import static io.puredots.analyzer.read.FieldProgram.OP_VUSHORT;

import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * <p>The parts: {@link EventKinds} (what the handler wants), {@link FieldProgramCompiler} and
 * {@link FieldProgram} (how to read it), {@link EventLayout} (per event type of a chunk),
 * {@link KindCall} (the handler call per kind); this class runs them over a chunk's bytes.
 *
 * <p>Not thread-safe: one instance per chunk; chunks are decoded in parallel by separate
 * instances sharing the run's thread-safe {@link StringCanon} and {@link MetadataCache}, and,
 * per decoding thread, its inline-string cache and window buffer.
 */
final class FastDecoder {

    // ---- per chunk state --------------------------------------------------------------------------

    private final StringCanon canon;
    private final MetadataCache metadataCache;
    private final InlineStrings.PerThread inlineStrings;
    private final ThreadLocal<byte[]> windows;
    private ChunkInput in;
    private ConstantPools pools;
    private InlineStrings inline;
    private EventLayout[] dense;
    /** The ids that {@link #dense} has a layout for, ascending. */
    private int[] denseIds;
    private final Map<Long, EventLayout> sparse = new HashMap<>();
    /** The argument slots of the event being decoded (its layout's): numbers, and strings or threads. */
    private long[] longSlots;
    private Object[] objectSlots;
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
            FieldProgramCompiler.Compiled compiled = entry.derived(handler.getClass(),
                    c -> FieldProgramCompiler.compile(md, EventKinds.overridden(c), EventKinds.ignored(c), compressed));
            dense = new EventLayout[compiled.dense().length];
            denseIds = compiled.denseIds();
            copyLayouts(compiled.dense(), denseIds, dense);
            sparse.clear();
            compiled.sparse().forEach((id, t) -> sparse.put(id, t.copy()));
            pools = ConstantPools.load(in, h, md, canon, compiled.poolTypes());
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
     * Copies the layouts of {@code ids} only (a chunk defines a few hundred event types over a
     * much larger id range): a loop over every id would be hot enough to make C2 compile
     * {@link #decode} again, only to copy nulls.
     */
    private static void copyLayouts(EventLayout[] templates, int[] ids, EventLayout[] into) {
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
            EventLayout l = layout(typeId);
            l.count++;
            if (l.program != null) {
                int s = in.load(pos, size);
                in.p = s + headerLen;
                in.limit = s + size;
                longSlots = l.longSlots;
                objectSlots = l.objectSlots;
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

    private EventLayout layout(long typeId) {
        if (typeId >= 0 && typeId < dense.length) {
            EventLayout l = dense[(int) typeId];
            if (l != null) {
                return l;
            }
        }
        EventLayout l = sparse.get(typeId);
        if (l == null) {
            l = new EventLayout(typeId + " (missing event metadata)", -1, 0);
            sparse.put(typeId, l);
        }
        return l;
    }

    private Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        List<EventLayout> all = new ArrayList<>(sparse.values());
        for (int id : denseIds) {
            all.add(dense[id]);
        }
        for (EventLayout l : all) {
            if (l.count > 0) {
                out.merge(l.name, l.count, Long::sum);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    // ---- per event --------------------------------------------------------------------------------

    /**
     * {@link #run} for programs of the common ops only: the loop that nearly every event goes
     * through. Kept apart so that its compiled code sees one stable set of ops from the first
     * chunk on; ops that first turn up later (in JDK events) would otherwise make C2 throw it
     * away and compile it again.
     */
    private void runCommon(FieldProgram prog) {
        ChunkInput in = this.in;
        long[] longSlots = this.longSlots;
        Object[] objectSlots = this.objectSlots;
        int[] codes = prog.codes;
        int[] slots = prog.slots;
        for (int i = 0; i < codes.length; i++) {
            switch (codes[i]) {
                case OP_SKIP_VARINT -> in.skipLong();
                case OP_SKIP_STRING -> ValueReader.skipString(in);
                case OP_VSTART -> startTicks = in.readLong();
                case OP_VDURATION -> durationTicks = in.readLong();
                case OP_VLONG -> longSlots[slots[i]] = in.readLong();
                case OP_VINT -> longSlots[slots[i]] = (int) in.readLong();
                case OP_STRING_INLINE -> {
                    longSlots[slots[i]] = in.p; // decoded in dispatch, if the handler asks: see str()
                    objectSlots[slots[i]] = PENDING;
                    ValueReader.skipString(in);
                }
                case OP_THREAD, OP_POOL_KEY -> longSlots[slots[i]] = in.readLong(); // resolved in the kind's call: see thread(), str()
                default -> throw new IllegalStateException("op " + codes[i]);
            }
        }
    }

    /** Every op. Repeats {@link #runCommon}'s cases on purpose: that loop must not see the others. */
    private void run(FieldProgram prog) {
        ChunkInput in = this.in;
        long[] longSlots = this.longSlots;
        Object[] objectSlots = this.objectSlots;
        int[] codes = prog.codes;
        int[] slots = prog.slots;
        for (int i = 0; i < codes.length; i++) {
            switch (codes[i]) {
                case OP_SKIP_VARINT -> in.skipLong();
                case OP_SKIP_STRING -> ValueReader.skipString(in);
                case OP_SKIP -> ValueReader.skipField(in, prog.fields[i], 0);
                case OP_START -> startTicks = readIntegral(in, prog.fields[i]);
                case OP_DURATION -> durationTicks = readIntegral(in, prog.fields[i]);
                case OP_VSTART -> startTicks = in.readLong();
                case OP_VDURATION -> durationTicks = in.readLong();
                case OP_VLONG -> longSlots[slots[i]] = in.readLong();
                case OP_VINT -> longSlots[slots[i]] = (int) in.readLong();
                case OP_VUINT -> longSlots[slots[i]] = in.readLong() & 0xFFFFFFFFL;
                case OP_VSHORT -> longSlots[slots[i]] = (short) in.readLong();
                case OP_VUSHORT -> longSlots[slots[i]] = in.readLong() & 0xFFFFL;
                case OP_INTEGRAL -> longSlots[slots[i]] = readIntegral(in, prog.fields[i]);
                case OP_FLOAT -> longSlots[slots[i]] = Double.doubleToRawLongBits(in.readFloat());
                case OP_DOUBLE -> longSlots[slots[i]] = Double.doubleToRawLongBits(in.readDouble());
                case OP_FLOATING -> longSlots[slots[i]] = Double.doubleToRawLongBits(
                        prog.fields[i].type.prim == Metadata.P_FLOAT ? (double) in.readFloat() : in.readDouble());
                case OP_BOOL -> longSlots[slots[i]] = in.buf[in.p++] != 0 ? 1 : 0;
                case OP_SPAN -> longSlots[slots[i]] = span(readIntegral(in, prog.fields[i]), prog.fields[i].timespan);
                case OP_STRING_INLINE -> {
                    longSlots[slots[i]] = in.p; // decoded in dispatch, if the handler asks: see str()
                    objectSlots[slots[i]] = PENDING;
                    ValueReader.skipString(in);
                }
                case OP_STRING_POOL -> {
                    String v = pools.string(prog.fields[i].typeId, in.readLong());
                    objectSlots[slots[i]] = v == null ? "" : v;
                }
                case OP_THREAD, OP_POOL_KEY -> longSlots[slots[i]] = in.readLong(); // resolved in the kind's call: see thread(), str()
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

    /** An event's string: a pool lookup or the inline-string cache (which decodes through {@link ValueReader}). */
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
     * {@link KindCall}, keeps the string cache's code out of the field-program loop, so that a
     * rarely taken branch in it (a new string, a hash collision, another encoding) costs a
     * recompilation of that small call, not of the loop every event runs through.
     */
    String str(long[] longSlots, Object[] objectSlots, int k) {
        Object o = objectSlots[k];
        if (o instanceof EventLayout.PoolString ps) {
            String s = pools.string(ps.typeId(), longSlots[k]);
            return s == null ? "" : s;
        }
        if (o != PENDING) {
            // "" for a field the event lacks or the handler ignores: no null check here, whose
            // branch, first taken in a later chunk, cost a recompilation of every caller
            return (String) o;
        }
        in.p = (int) longSlots[k];
        String s = readString(in);
        return s == null ? "" : s;
    }

    /**
     * Thread slot {@code k}: the event's thread, resolved from the key the field program left in
     * the long slot, in the pool of the field the object slot holds (null if the event has no
     * thread field). Resolved here, in the kind's call, not in the field-program loop.
     */
    ConstantPools.ThreadInfo thread(long[] longSlots, Object[] objectSlots, int k) {
        Object f = objectSlots[k];
        return f == null ? null : pools.thread(((Metadata.Field) f).typeId, longSlots[k]);
    }

    /**
     * Stack slot {@code k}: the event's stack, resolved like {@link #thread} from the key in the
     * long slot ({@link SampledStack#EMPTY} if the event has no stack-trace field or entry).
     */
    SampledStack stack(long[] longSlots, Object[] objectSlots, int k) {
        Object f = objectSlots[k];
        return f == null ? SampledStack.EMPTY : pools.stack(((Metadata.Field) f).typeId, longSlots[k]);
    }

    private void dispatch(EventLayout l, EventHandler h) {
        long start = timestamp(startTicks);
        // no "durationTicks == 0" shortcut: the difference is 0 then anyway, and that branch,
        // first taken by a JDK event of no duration, threw away C2's code for this loop
        long dur = timestamp(startTicks + durationTicks) - start;
        KindCall.BY_KIND[l.kind].call(this, h, start, dur, longSlots, objectSlots, l.level);
    }
}
