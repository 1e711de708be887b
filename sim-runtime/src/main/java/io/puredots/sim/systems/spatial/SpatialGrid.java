package io.puredots.sim.systems.spatial;

import io.puredots.sim.ecs.Archetype;
import io.puredots.sim.ecs.Chunk;
import io.puredots.sim.jobs.Job;
import io.puredots.sim.jobs.JobHandle;
import io.puredots.sim.jobs.ParallelJob;
import io.puredots.sim.jobs.JobScheduler;
import io.puredots.sim.memory.NativeAllocator;
import io.puredots.sim.memory.NativeFloatArray;
import io.puredots.sim.memory.NativeIntArray;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;

/**
 * A uniform grid over the square world {@code [0, worldSize)^2} holding the rows of one
 * archetype, sorted by cell (counting sort, rows ascending within a cell), with copies of their
 * positions so queries read contiguous memory.
 *
 * <p>Threading: {@link #scheduleRebuild} builds through jobs; between rebuilds the grid is
 * read-only and any number of jobs may query it concurrently.
 */
public final class SpatialGrid {
    private static final float EDGE_EPSILON = 1e-3f;
    private static final int BATCH = Archetype.CHUNK_CAPACITY;

    private final String name;
    private final float cellSize;
    private final int dim;
    private final int cells;
    private final NativeIntArray cellStart;
    private final NativeIntArray cursor;
    private final NativeIntArray cellOf;
    private final NativeIntArray entries;
    private final NativeFloatArray sortedX;
    private final NativeFloatArray sortedY;
    private final String cellJobName;
    private final String sortJobName;
    private final ParallelJob cellJob = this::computeCells;
    private final Job sortJob = this::sort;
    private Archetype source;
    private int posXCol;
    private int posYCol;
    private int count;
    private int maxOccupancy;

    /**
     * @param name      owner name for the allocator, for example {@code VillagerGrid}
     * @param worldSize side of the world, &gt; 0
     * @param cellSize  side of a cell, &gt; 0
     */
    public SpatialGrid(NativeAllocator allocator, String name, float worldSize, float cellSize, int initialCapacity) {
        this.name = name;
        this.cellJobName = name + "CellJob";
        this.sortJobName = name + "SortJob";
        this.cellSize = cellSize;
        this.dim = Math.max(1, (int) Math.ceil(worldSize / cellSize));
        this.cells = dim * dim;
        this.cellStart = new NativeIntArray(allocator, name, "Grid", cells + 1);
        this.cellStart.setSize(cells + 1);
        this.cursor = new NativeIntArray(allocator, name, "Grid", cells);
        this.cursor.setSize(cells);
        int cap = Math.max(16, initialCapacity);
        this.cellOf = new NativeIntArray(allocator, name, "Grid", cap);
        this.entries = new NativeIntArray(allocator, name, "Grid", cap);
        this.sortedX = new NativeFloatArray(allocator, name, "Grid", cap);
        this.sortedY = new NativeFloatArray(allocator, name, "Grid", cap);
    }

    public String name() {
        return name;
    }

    public int cellCount() {
        return cells;
    }

    public int dim() {
        return dim;
    }

    public float cellSize() {
        return cellSize;
    }

    /** Rows in the grid since the last rebuild. */
    public int count() {
        return count;
    }

    public int maxOccupancy() {
        return maxOccupancy;
    }

    /** Cell coordinate (0..dim-1) of a world coordinate. */
    public int cellCoord(float v) {
        int c = (int) (v / cellSize);
        return c < 0 ? 0 : c >= dim ? dim - 1 : c;
    }

    /**
     * Schedules the rebuild from the archetype's position columns: a parallel job computes each
     * row's cell, then a single job sorts. Main thread; structural changes must not happen until
     * the returned handle is complete.
     */
    public JobHandle scheduleRebuild(JobScheduler scheduler, Archetype a, int posXCol, int posYCol) {
        final int n = a.count();
        count = n;
        if (n > cellOf.capacity()) {
            int cap = n + (n >> 2);
            cellOf.ensureCapacity(cap);
            entries.ensureCapacity(cap);
            sortedX.ensureCapacity(cap);
            sortedY.ensureCapacity(cap);
        }
        cellOf.setSize(n);
        entries.setSize(n);
        sortedX.setUsed(n);
        sortedY.setUsed(n);
        this.source = a;
        this.posXCol = posXCol;
        this.posYCol = posYCol;
        JobHandle cells = scheduler.scheduleParallel(cellJobName, n, BATCH, cellJob);
        return scheduler.schedule(sortJobName, sortJob, cells);
    }

    private void computeCells(int start, int end) {
        Archetype a = source;
        IntBuffer co = cellOf.view();
        for (int r = start; r < end; ) {
            Chunk c = a.chunkOfRow(r);
            int s = r & Archetype.CHUNK_MASK;
            int stop = Math.min(end - r, Archetype.CHUNK_CAPACITY - s) + s;
            FloatBuffer px = c.f[posXCol];
            FloatBuffer py = c.f[posYCol];
            for (int k = s; k < stop; k++, r++) {
                co.put(r, cellCoord(py.get(k)) * dim + cellCoord(px.get(k)));
            }
        }
    }

    private void sort() {
        Archetype a = source;
        int n = count;
        IntBuffer start = cellStart.view();
        IntBuffer cur = cursor.view();
        IntBuffer co = cellOf.view();
        IntBuffer ent = entries.view();
        FloatBuffer sx = sortedX.view();
        FloatBuffer sy = sortedY.view();
        for (int c = 0; c <= cells; c++) {
            start.put(c, 0);
        }
        for (int r = 0; r < n; r++) {
            int c = co.get(r) + 1;
            start.put(c, start.get(c) + 1);
        }
        int max = 0;
        int acc = 0;
        for (int c = 0; c < cells; c++) {
            int k = start.get(c + 1);
            max = Math.max(max, k);
            start.put(c, acc);
            cur.put(c, acc);
            acc += k;
        }
        start.put(cells, acc);
        for (int r = 0; r < n; r++) {
            int p = cur.get(co.get(r));
            cur.put(co.get(r), p + 1);
            ent.put(p, r);
            Chunk ch = a.chunkOfRow(r);
            int s = r & Archetype.CHUNK_MASK;
            sx.put(p, ch.f[posXCol].get(s));
            sy.put(p, ch.f[posYCol].get(s));
        }
        maxOccupancy = max;
    }

    // ---- queries (read-only) -------------------------------------------------------------

    /** Cell start offsets ({@code cellCount() + 1} entries); read-only view for queries. */
    public IntBuffer cellStarts() {
        return cellStart.view();
    }

    /** Archetype rows sorted by cell; read-only view for queries. */
    public IntBuffer rows() {
        return entries.view();
    }

    /** X of the rows sorted by cell; read-only view for queries. */
    public FloatBuffer xs() {
        return sortedX.view();
    }

    /** Y of the rows sorted by cell; read-only view for queries. */
    public FloatBuffer ys() {
        return sortedY.view();
    }

    /** First slot of a cell in the sorted arrays. */
    public int cellBegin(int cell) {
        return cellStart.get(cell);
    }

    /** One past the last slot of a cell. */
    public int cellEnd(int cell) {
        return cellStart.get(cell + 1);
    }

    /** The archetype row stored at a slot. */
    public int rowAt(int slot) {
        return entries.get(slot);
    }

    public float xAt(int slot) {
        return sortedX.get(slot);
    }

    public float yAt(int slot) {
        return sortedY.get(slot);
    }

    /** Accepts or rejects a candidate row in {@link #nearest}. Must not modify the grid. */
    @FunctionalInterface
    public interface RowFilter {
        boolean accept(int row);
    }

    /** Receives each row found by {@link #forEachInRadius}. */
    @FunctionalInterface
    public interface RowVisitor {
        void visit(int row, float dx, float dy, float distanceSquared);
    }

    /**
     * The accepted row nearest to (x, y) within {@code maxRadius} (inclusive), ties broken by the
     * lower row; -1 if none. Searches rings of cells outwards and stops as soon as no unvisited
     * cell can hold anything closer.
     */
    public int nearest(float x, float y, float maxRadius, RowFilter filter) {
        int cx = cellCoord(x);
        int cy = cellCoord(y);
        int best = -1;
        float bestD2 = maxRadius * maxRadius;
        for (int k = 0; k < dim; k++) {
            int x0 = cx - k;
            int x1 = cx + k;
            int y0 = cy - k;
            int y1 = cy + k;
            for (int gy = Math.max(0, y0); gy <= Math.min(dim - 1, y1); gy++) {
                boolean edgeRow = gy == y0 || gy == y1;
                int step = edgeRow ? 1 : x1 - x0;
                for (int gx = x0; gx <= x1; gx += step) {
                    if (gx < 0 || gx >= dim) {
                        if (step == 0) {
                            break;
                        }
                        continue;
                    }
                    int cell = gy * dim + gx;
                    for (int p = cellStart.get(cell), pe = cellStart.get(cell + 1); p < pe; p++) {
                        float dx = sortedX.get(p) - x;
                        float dy = sortedY.get(p) - y;
                        float d2 = dx * dx + dy * dy;
                        if (d2 <= bestD2) {
                            int row = entries.get(p);
                            if ((d2 < bestD2 || best < 0 || row < best) && filter.accept(row)) {
                                best = row;
                                bestD2 = d2;
                            }
                        }
                    }
                    if (step == 0) {
                        break;
                    }
                }
            }
            float gap = Float.MAX_VALUE;
            if (x0 > 0) {
                gap = Math.min(gap, x - x0 * cellSize);
            }
            if (x1 < dim - 1) {
                gap = Math.min(gap, (x1 + 1) * cellSize - x);
            }
            if (y0 > 0) {
                gap = Math.min(gap, y - y0 * cellSize);
            }
            if (y1 < dim - 1) {
                gap = Math.min(gap, (y1 + 1) * cellSize - y);
            }
            if (gap == Float.MAX_VALUE) {
                break;
            }
            gap -= EDGE_EPSILON;
            if (gap > 0 && gap * gap > bestD2) {
                break;
            }
        }
        return best;
    }

    /**
     * Visits every row within {@code radius} (inclusive) of (x, y), cells in row-major order and
     * rows ascending within a cell. Returns the number visited.
     */
    public int forEachInRadius(float x, float y, float radius, RowVisitor visitor) {
        int gx0 = cellCoord(x - radius);
        int gx1 = cellCoord(x + radius);
        int gy0 = cellCoord(y - radius);
        int gy1 = cellCoord(y + radius);
        float r2 = radius * radius;
        int n = 0;
        for (int gy = gy0; gy <= gy1; gy++) {
            for (int gx = gx0; gx <= gx1; gx++) {
                int cell = gy * dim + gx;
                for (int p = cellStart.get(cell), pe = cellStart.get(cell + 1); p < pe; p++) {
                    float dx = sortedX.get(p) - x;
                    float dy = sortedY.get(p) - y;
                    float d2 = dx * dx + dy * dy;
                    if (d2 <= r2) {
                        visitor.visit(entries.get(p), dx, dy, d2);
                        n++;
                    }
                }
            }
        }
        return n;
    }

    public void free() {
        cellStart.free();
        cursor.free();
        cellOf.free();
        entries.free();
        sortedX.free();
        sortedY.free();
    }
}
