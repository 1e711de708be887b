package io.puredots.sim.ecs;

import io.puredots.sim.memory.NativeAllocator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of entities with the same components, stored densely in {@link Chunk}s of
 * {@link #CHUNK_CAPACITY} rows. Rows {@code 0..count()-1} are live; row {@code r} lives in chunk
 * {@code r >>> CHUNK_SHIFT} at slot {@code r & CHUNK_MASK}. Destroying an entity moves the last
 * row into the hole (swap-remove), so rows stay dense and iteration never skips.
 *
 * <p>Threading: rows are added and removed only by {@link World} on the main thread at a sync
 * point; between sync points jobs may read and write disjoint rows concurrently.
 */
public final class Archetype {
    public static final int CHUNK_SHIFT = 12;
    public static final int CHUNK_CAPACITY = 1 << CHUNK_SHIFT;
    public static final int CHUNK_MASK = CHUNK_CAPACITY - 1;

    private final int id;
    private final String name;
    private final String[] floatColumns;
    private final String[] intColumns;
    private final NativeAllocator allocator;
    private final List<Chunk> chunks = new ArrayList<>();
    private Chunk[] chunkArray = new Chunk[0];
    private int count;

    Archetype(int id, String name, String[] floatColumns, String[] intColumns, NativeAllocator allocator) {
        this.id = id;
        this.name = name;
        this.floatColumns = floatColumns.clone();
        this.intColumns = intColumns.clone();
        this.allocator = allocator;
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** Live rows. */
    public int count() {
        return count;
    }

    public int chunkCount() {
        return chunkArray.length;
    }

    public Chunk chunk(int index) {
        return chunkArray[index];
    }

    /** The chunk holding a row. */
    public Chunk chunkOfRow(int row) {
        return chunkArray[row >>> CHUNK_SHIFT];
    }

    public int floatColumn(String column) {
        int c = Arrays.asList(floatColumns).indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException(name + " has no float column " + column);
        }
        return c;
    }

    public int intColumn(String column) {
        int c = Arrays.asList(intColumns).indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException(name + " has no int column " + column);
        }
        return c;
    }

    public boolean hasColumn(String column) {
        return Arrays.asList(floatColumns).contains(column) || Arrays.asList(intColumns).contains(column);
    }

    public int floatColumnCount() {
        return floatColumns.length;
    }

    public int intColumnCount() {
        return intColumns.length;
    }

    /** Off-heap bytes per row. */
    public int bytesPerRow() {
        return 4 * (1 + floatColumns.length + intColumns.length);
    }

    public float getFloat(int row, int col) {
        return chunkArray[row >>> CHUNK_SHIFT].f[col].get(row & CHUNK_MASK);
    }

    public void setFloat(int row, int col, float v) {
        chunkArray[row >>> CHUNK_SHIFT].f[col].put(row & CHUNK_MASK, v);
    }

    public int getInt(int row, int col) {
        return chunkArray[row >>> CHUNK_SHIFT].i[col].get(row & CHUNK_MASK);
    }

    public void setInt(int row, int col, int v) {
        chunkArray[row >>> CHUNK_SHIFT].i[col].put(row & CHUNK_MASK, v);
    }

    public int entityIndexAt(int row) {
        return chunkArray[row >>> CHUNK_SHIFT].entity.get(row & CHUNK_MASK);
    }

    /** Appends a zeroed row for the entity; returns the row. */
    int addRow(int entityIndex) {
        int row = count;
        int ci = row >>> CHUNK_SHIFT;
        if (ci == chunkArray.length) {
            chunks.add(new Chunk(allocator.allocate(name, "Column", (long) bytesPerRow() * CHUNK_CAPACITY),
                    floatColumns.length, intColumns.length));
            chunkArray = chunks.toArray(new Chunk[0]);
        }
        Chunk c = chunkArray[ci];
        int s = row & CHUNK_MASK;
        c.entity.put(s, entityIndex);
        for (int k = 0; k < c.f.length; k++) {
            c.f[k].put(s, 0f);
        }
        for (int k = 0; k < c.i.length; k++) {
            c.i[k].put(s, 0);
        }
        count++;
        c.block.setBytesUsed((long) bytesPerRow() * Math.min(CHUNK_CAPACITY, count - ((long) ci << CHUNK_SHIFT)));
        return row;
    }

    /**
     * Removes a row by moving the last row into it. Returns the entity index that now lives at
     * {@code row}, or -1 if the removed row was the last.
     */
    int removeRow(int row) {
        int last = count - 1;
        int moved = -1;
        if (row != last) {
            Chunk dst = chunkArray[row >>> CHUNK_SHIFT];
            Chunk src = chunkArray[last >>> CHUNK_SHIFT];
            int d = row & CHUNK_MASK;
            int s = last & CHUNK_MASK;
            moved = src.entity.get(s);
            dst.entity.put(d, moved);
            for (int k = 0; k < dst.f.length; k++) {
                dst.f[k].put(d, src.f[k].get(s));
            }
            for (int k = 0; k < dst.i.length; k++) {
                dst.i[k].put(d, src.i[k].get(s));
            }
        }
        count--;
        int ci = last >>> CHUNK_SHIFT;
        Chunk lastChunk = chunkArray[ci];
        lastChunk.block.setBytesUsed((long) bytesPerRow() * (count - ((long) ci << CHUNK_SHIFT)));
        // keep one empty spare chunk; free the ones beyond it
        while (chunkArray.length >= 2 && count <= (chunkArray.length - 2) * CHUNK_CAPACITY) {
            Chunk gone = chunks.remove(chunks.size() - 1);
            gone.block.free();
            chunkArray = chunks.toArray(new Chunk[0]);
        }
        return moved;
    }

    void freeAll() {
        for (Chunk c : chunks) {
            c.block.free();
        }
        chunks.clear();
        chunkArray = new Chunk[0];
        count = 0;
    }

    @Override
    public String toString() {
        return name + "[" + count + "]";
    }
}
