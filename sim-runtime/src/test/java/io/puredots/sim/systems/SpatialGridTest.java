package io.puredots.sim.systems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puredots.sim.ecs.Archetype;
import io.puredots.sim.ecs.World;
import io.puredots.sim.jobs.JobScheduler;
import io.puredots.sim.memory.NativeAllocator;
import io.puredots.sim.systems.spatial.SpatialGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpatialGridTest {
    private static final float WORLD = 1000f;
    private final NativeAllocator alloc = new NativeAllocator();
    private final World world = new World(alloc, 16);
    private final Archetype points = world.createArchetype("P", new String[] {"x", "y", "w"}, new String[] {});
    private final JobScheduler js = new JobScheduler(2);

    @AfterEach
    void close() {
        js.close();
        alloc.freeAll();
    }

    private SpatialGrid build(int n, float cell, long seed, boolean clustered) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            int row = world.rowOf(io.puredots.sim.ecs.Entity.index(world.create(points)));
            float x = clustered && i % 3 == 0 ? 500f + (float) r.nextDouble(-5, 5) : (float) r.nextDouble(0, WORLD);
            float y = clustered && i % 3 == 0 ? 500f + (float) r.nextDouble(-5, 5) : (float) r.nextDouble(0, WORLD);
            if (i % 11 == 0) {
                x = (float) Math.floor(x / cell) * cell; // exactly on a cell edge
            }
            points.setFloat(row, 0, Math.min(x, Math.nextDown(WORLD)));
            points.setFloat(row, 1, Math.min(y, Math.nextDown(WORLD)));
            points.setFloat(row, 2, (float) r.nextDouble());
        }
        SpatialGrid g = new SpatialGrid(alloc, "TestGrid", WORLD, cell, 16);
        js.complete(g.scheduleRebuild(js, points, 0, 1));
        js.recycle();
        return g;
    }

    private int bruteNearest(float x, float y, float maxR, SpatialGrid.RowFilter f) {
        int best = -1;
        float bestD2 = maxR * maxR;
        for (int r = 0; r < points.count(); r++) {
            float dx = points.getFloat(r, 0) - x;
            float dy = points.getFloat(r, 1) - y;
            float d2 = dx * dx + dy * dy;
            if (d2 <= bestD2 && f.accept(r) && (d2 < bestD2 || best < 0 || r < best)) {
                best = r;
                bestD2 = d2;
            }
        }
        return best;
    }

    @Test
    void nearestEqualsBruteForce() {
        SpatialGrid g = build(5000, 16f, 1, true);
        SplittableRandom r = new SplittableRandom(2);
        SpatialGrid.RowFilter heavy = row -> points.getFloat(row, 2) > 0.7f;
        SpatialGrid.RowFilter any = row -> true;
        int found = 0;
        for (int q = 0; q < 3000; q++) {
            float x = (float) r.nextDouble(-20, WORLD + 20);
            float y = (float) r.nextDouble(-20, WORLD + 20);
            float maxR = q % 3 == 0 ? 2000f : (float) r.nextDouble(1, 80);
            SpatialGrid.RowFilter f = q % 2 == 0 ? heavy : any;
            int expected = bruteNearest(x, y, maxR, f);
            assertEquals(expected, g.nearest(x, y, maxR, f), "query " + q + " at " + x + "," + y + " r " + maxR);
            if (expected >= 0) {
                found++;
            }
        }
        assertTrue(found > 1000, "the queries must mostly find something, found " + found);
    }

    @Test
    void radiusQueryEqualsBruteForce() {
        SpatialGrid g = build(4000, 10f, 3, true);
        SplittableRandom r = new SplittableRandom(4);
        for (int q = 0; q < 500; q++) {
            float x = (float) r.nextDouble(0, WORLD);
            float y = (float) r.nextDouble(0, WORLD);
            float radius = (float) r.nextDouble(0.5, 60);
            List<Integer> got = new ArrayList<>();
            g.forEachInRadius(x, y, radius, (row, dx, dy, d2) -> got.add(row));
            List<Integer> expected = new ArrayList<>();
            for (int row = 0; row < points.count(); row++) {
                float dx = points.getFloat(row, 0) - x;
                float dy = points.getFloat(row, 1) - y;
                if (dx * dx + dy * dy <= radius * radius) {
                    expected.add(row);
                }
            }
            got.sort(null);
            assertEquals(expected, got, "query " + q);
        }
    }

    @Test
    void gridHoldsEveryRowOnceSortedByCell() {
        SpatialGrid g = build(3000, 25f, 5, false);
        assertEquals(3000, g.count());
        boolean[] seen = new boolean[3000];
        int max = 0;
        for (int cell = 0; cell < g.cellCount(); cell++) {
            max = Math.max(max, g.cellEnd(cell) - g.cellBegin(cell));
            int prev = -1;
            for (int p = g.cellBegin(cell); p < g.cellEnd(cell); p++) {
                int row = g.rowAt(p);
                assertTrue(row > prev, "rows ascending within a cell");
                prev = row;
                assertTrue(!seen[row]);
                seen[row] = true;
                assertEquals(cell, g.cellCoord(points.getFloat(row, 1)) * g.dim() + g.cellCoord(points.getFloat(row, 0)));
                assertEquals(points.getFloat(row, 0), g.xAt(p));
            }
        }
        for (boolean s : seen) {
            assertTrue(s);
        }
        assertEquals(max, g.maxOccupancy());
    }
}
