package io.puredots.sim.ecs;

import io.puredots.sim.memory.NativeBuffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;

/**
 * A fixed block of {@link Archetype#CHUNK_CAPACITY} rows of one archetype, stored as
 * structure-of-arrays: one off-heap primitive column per component field, plus the entity index
 * of each row. All columns of a chunk live in one native block.
 *
 * <p>Layout of the block: {@code [entity index][float col 0]...[float col F-1][int col 0]...},
 * each column {@code CHUNK_CAPACITY * 4} bytes.
 *
 * <p>Threading: jobs may read and write disjoint rows concurrently; rows are only added or
 * removed at a sync point on the main thread.
 */
public final class Chunk {
    final NativeBuffer block;
    /** Entity index of each row. */
    public final IntBuffer entity;
    /** Float columns, by the archetype's float column number. */
    public final FloatBuffer[] f;
    /** Int columns, by the archetype's int column number. */
    public final IntBuffer[] i;

    Chunk(NativeBuffer block, int floatColumns, int intColumns) {
        this.block = block;
        ByteBuffer b = block.buffer();
        int colBytes = Archetype.CHUNK_CAPACITY * 4;
        this.entity = b.slice(0, colBytes).order(ByteOrder.nativeOrder()).asIntBuffer();
        this.f = new FloatBuffer[floatColumns];
        this.i = new IntBuffer[intColumns];
        int off = colBytes;
        for (int c = 0; c < floatColumns; c++, off += colBytes) {
            f[c] = b.slice(off, colBytes).order(ByteOrder.nativeOrder()).asFloatBuffer();
        }
        for (int c = 0; c < intColumns; c++, off += colBytes) {
            i[c] = b.slice(off, colBytes).order(ByteOrder.nativeOrder()).asIntBuffer();
        }
    }
}
