package io.puredots.sim.systems.environment;

import io.puredots.sim.memory.NativeAllocator;
import io.puredots.sim.memory.NativeFloatArray;

/**
 * A 2-D field of moisture and fertility over the world, {@code dim x dim} cells, double
 * buffered: diffusion reads the front buffers and writes the back ones, then {@link #swap()}.
 *
 * <p>Threading: during a diffusion step, jobs write disjoint rows of the back buffers; other
 * systems read the front buffers; {@link #swap()} and area edits run on one thread.
 */
public final class EnvironmentGrid {
    private final int dim;
    private final float cellSize;
    private NativeFloatArray moisture;
    private NativeFloatArray fertility;
    private NativeFloatArray moistureBack;
    private NativeFloatArray fertilityBack;

    public EnvironmentGrid(NativeAllocator allocator, int dim, float worldSize, long seed) {
        this.dim = dim;
        this.cellSize = worldSize / dim;
        int n = dim * dim;
        moisture = new NativeFloatArray(allocator, "EnvironmentGrid", "Grid", n);
        fertility = new NativeFloatArray(allocator, "EnvironmentGrid", "Grid", n);
        moistureBack = new NativeFloatArray(allocator, "EnvironmentGrid", "Grid", n);
        fertilityBack = new NativeFloatArray(allocator, "EnvironmentGrid", "Grid", n);
        for (int i = 0; i < n; i++) {
            float m = 0.2f + 0.6f * io.puredots.sim.systems.Rng.unit(seed, i, 0, 17);
            moisture.set(i, m);
            fertility.set(i, 0.5f * m + 0.25f);
        }
    }

    public int dim() {
        return dim;
    }

    public float cellSize() {
        return cellSize;
    }

    public int cellOf(float x, float y) {
        int cx = (int) (x / cellSize);
        int cy = (int) (y / cellSize);
        cx = cx < 0 ? 0 : cx >= dim ? dim - 1 : cx;
        cy = cy < 0 ? 0 : cy >= dim ? dim - 1 : cy;
        return cy * dim + cx;
    }

    public float fertilityAt(float x, float y) {
        return fertility.get(cellOf(x, y));
    }

    public float moisture(int cell) {
        return moisture.get(cell);
    }

    public float fertility(int cell) {
        return fertility.get(cell);
    }

    /**
     * One diffusion step for rows {@code [rowStart, rowEnd)}: moisture spreads to the four
     * neighbours and evaporates; fertility follows moisture slowly.
     */
    public void diffuseRows(int rowStart, int rowEnd, float rate, float evaporation) {
        java.nio.FloatBuffer m = moisture.view();
        java.nio.FloatBuffer f = fertility.view();
        java.nio.FloatBuffer mb = moistureBack.view();
        java.nio.FloatBuffer fb = fertilityBack.view();
        int d = dim;
        for (int y = rowStart; y < rowEnd; y++) {
            int base = y * d;
            int up = y > 0 ? base - d : base;
            int down = y < d - 1 ? base + d : base;
            for (int x = 0; x < d; x++) {
                int i = base + x;
                float c = m.get(i);
                float l = m.get(x > 0 ? i - 1 : i);
                float r = m.get(x < d - 1 ? i + 1 : i);
                float u = m.get(up + x);
                float w = m.get(down + x);
                float nm = c + rate * ((l + r + u + w) * 0.25f - c) - evaporation * c;
                nm = nm < 0f ? 0f : nm > 1f ? 1f : nm;
                mb.put(i, nm);
                float fe = f.get(i);
                fb.put(i, fe + 0.02f * (nm - fe));
            }
        }
    }

    /** Makes the back buffers the front ones. */
    public void swap() {
        NativeFloatArray t = moisture;
        moisture = moistureBack;
        moistureBack = t;
        t = fertility;
        fertility = fertilityBack;
        fertilityBack = t;
    }

    /** Adds moisture to every cell whose centre is within the radius (rain). */
    public void addMoisture(float x, float y, float radius, float amount) {
        int x0 = Math.max(0, (int) ((x - radius) / cellSize));
        int x1 = Math.min(dim - 1, (int) ((x + radius) / cellSize));
        int y0 = Math.max(0, (int) ((y - radius) / cellSize));
        int y1 = Math.min(dim - 1, (int) ((y + radius) / cellSize));
        float r2 = radius * radius;
        for (int cy = y0; cy <= y1; cy++) {
            for (int cx = x0; cx <= x1; cx++) {
                float dx = (cx + 0.5f) * cellSize - x;
                float dy = (cy + 0.5f) * cellSize - y;
                if (dx * dx + dy * dy <= r2) {
                    int i = cy * dim + cx;
                    moisture.set(i, Math.min(1f, moisture.get(i) + amount));
                }
            }
        }
    }

    /** Hash of both fields' bits. */
    public long checksum(long h) {
        for (int i = 0, n = dim * dim; i < n; i++) {
            h = io.puredots.sim.ecs.World.mix(h, Float.floatToRawIntBits(moisture.get(i)));
            h = io.puredots.sim.ecs.World.mix(h, Float.floatToRawIntBits(fertility.get(i)));
        }
        return h;
    }

    public void free() {
        moisture.free();
        fertility.free();
        moistureBack.free();
        fertilityBack.free();
    }
}
