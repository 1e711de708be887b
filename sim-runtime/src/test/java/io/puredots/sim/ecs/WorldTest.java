package io.puredots.sim.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puredots.sim.memory.NativeAllocator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorldTest {
    private final NativeAllocator alloc = new NativeAllocator();
    private final World world = new World(alloc, 16);
    private final Archetype a = world.createArchetype("A", new String[] {"x", "y"}, new String[] {"id"});
    private final Archetype b = world.createArchetype("B", new String[] {"x"}, new String[] {});

    @AfterEach
    void free() {
        world.free();
        assertEquals(0, alloc.bytesReserved());
    }

    @Test
    void handlesCarryIndexAndGeneration() {
        long h = world.create(a);
        assertTrue(world.isAlive(h));
        int idx = Entity.index(h);
        assertTrue(world.destroy(h));
        assertFalse(world.isAlive(h));
        assertFalse(world.destroy(h), "destroying a stale handle does nothing");
        long h2 = world.create(b);
        assertEquals(idx, Entity.index(h2), "index reused");
        assertEquals(Entity.generation(h) + 2, Entity.generation(h2), "generation bumped on destroy and create");
        assertFalse(world.isAlive(h));
        assertTrue(world.isAlive(h2));
    }

    @Test
    void swapRemoveKeepsRowsDenseAndConsistent() {
        List<Long> handles = new ArrayList<>();
        int n = Archetype.CHUNK_CAPACITY * 2 + 100;
        for (int i = 0; i < n; i++) {
            long h = world.create(a);
            a.setInt(world.rowOf(Entity.index(h)), 0, i);
            handles.add(h);
        }
        assertEquals(3, a.chunkCount());
        Set<Integer> removed = new HashSet<>();
        for (int i = 0; i < n; i += 3) {
            world.destroy(handles.get(i));
            removed.add(i);
        }
        assertEquals(n - removed.size(), a.count());
        Set<Integer> seen = new HashSet<>();
        for (int r = 0; r < a.count(); r++) {
            int e = a.entityIndexAt(r);
            assertEquals(r, world.rowOf(e), "row table points back at row");
            seen.add(a.getInt(r, 0));
        }
        for (int i = 0; i < n; i++) {
            assertEquals(!removed.contains(i), seen.contains(i), "payload " + i);
        }
        // shrinking frees chunks beyond one spare
        for (int i = 0; i < n; i++) {
            world.destroy(handles.get(i));
        }
        assertEquals(0, a.count());
        assertTrue(a.chunkCount() <= 1);
    }

    @Test
    void commandBufferAppliesDestroysThenCreatesInOrder() {
        long keep = world.create(a);
        long gone = world.create(a);
        EntityCommandBuffer ecb = world.commandBuffer();
        ecb.destroy(gone);
        ecb.destroy(gone);
        ecb.create(b);
        ecb.setFloat(0, 1.5f);
        ecb.create(a);
        ecb.setFloat(1, 2.5f);
        ecb.setInt(0, 9);
        assertEquals(2, world.entityCount(), "nothing changes before playback");
        assertEquals(3, ecb.playback(world));
        assertTrue(ecb.isEmpty());
        assertFalse(world.isAlive(gone));
        assertTrue(world.isAlive(keep));
        assertEquals(1, b.count());
        assertEquals(1.5f, b.getFloat(0, 0));
        assertEquals(2, a.count());
        assertEquals(2.5f, a.getFloat(1, 1));
        assertEquals(9, a.getInt(1, 0));
    }

    @Test
    void queryMatchesArchetypesWithAllColumns() {
        world.create(a);
        world.create(b);
        world.create(b);
        Query xy = new Query(world, "x", "y");
        assertEquals(1, xy.archetypeCount());
        assertEquals(1, xy.entityCount());
        Query x = new Query(world, "x");
        assertEquals(2, x.archetypeCount());
        assertEquals(3, x.entityCount());
    }

    @Test
    void checksumChangesWithAnyColumn() {
        long h = world.create(a);
        long c0 = world.checksum();
        a.setFloat(world.rowOf(Entity.index(h)), 1, 0.25f);
        long c1 = world.checksum();
        assertNotEquals(c0, c1);
        a.setFloat(world.rowOf(Entity.index(h)), 1, 0f);
        assertEquals(c0, world.checksum());
    }
}
