package io.puredots.analyzer.read;

/**
 * One event type of a chunk: its name, kind, count, and (if dispatched) its field program and
 * argument slots. The compiled layouts of a metadata are templates; each chunk decodes with
 * {@link #copy() copies}, since counts and slots are per chunk.
 *
 * <p>Not thread-safe: a copy belongs to the one decoder of its chunk.
 */
final class EventLayout {
    final String name;
    final int kind;
    final int level;
    FieldProgram program;
    /**
     * This layout's own argument slots (numbers and raw double bits; strings, pending inline
     * strings and thread pools), in the copy a chunk decodes with: a slot the event has no field
     * for (an older event version, an ignored field) is never written, so it keeps its default
     * (0, "", null) with no reset per event.
     */
    long[] longSlots;
    Object[] objectSlots;
    long count;

    EventLayout(String name, int kind, int level) {
        this.name = name;
        this.kind = kind;
        this.level = level;
    }

    /** A fresh layout (count 0) sharing this one's immutable program. */
    EventLayout copy() {
        EventLayout l = new EventLayout(name, kind, level);
        l.program = program;
        if (program != null) {
            l.longSlots = new long[EventKinds.SLOTS];
            l.objectSlots = new Object[EventKinds.SLOTS];
            int[] wants = EventKinds.WANTS[kind];
            for (int k = 0; k < wants.length; k++) {
                if (wants[k] == EventKinds.W_STRING) {
                    l.objectSlots[k] = ""; // a string slot is never null (see str)
                }
            }
            for (int i = 0; i < program.codes.length; i++) {
                if (program.codes[i] == FieldProgram.OP_THREAD) {
                    l.objectSlots[program.slots[i]] = program.fields[i]; // the pool to resolve the key in
                } else if (program.codes[i] == FieldProgram.OP_POOL_KEY) {
                    l.objectSlots[program.slots[i]] = new PoolString(program.fields[i].typeId);
                }
            }
        }
        return l;
    }

    /** The object slot of a string read as a pool key ({@link FieldProgram#OP_POOL_KEY}): the pool to resolve it in. */
    record PoolString(long typeId) {
    }
}
