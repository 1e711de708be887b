package io.puredots.sim.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puredots.sim.ecs.Archetype;
import io.puredots.sim.ecs.Entity;
import io.puredots.sim.ecs.World;
import io.puredots.sim.memory.NativeAllocator;
import io.puredots.sim.systems.ResourceColumns;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RegistryTest {
    private final NativeAllocator alloc = new NativeAllocator();
    private final World world = new World(alloc, 16);
    private final Archetype resources = ResourceColumns.define(world);
    private final ResourceRegistry registry = new ResourceRegistry(alloc, 4);

    @AfterEach
    void free() {
        alloc.freeAll();
    }

    private long create(float amount) {
        long h = world.create(resources);
        resources.setFloat(world.rowOf(Entity.index(h)), ResourceColumns.AMOUNT, amount);
        return h;
    }

    private void setAmount(long h, float amount) {
        resources.setFloat(world.rowOf(Entity.index(h)), ResourceColumns.AMOUNT, amount);
    }

    private void assertCounts(int entries, int adds, int removes, int updates) {
        assertEquals(entries, registry.entryCount(), "entries");
        assertEquals(adds, registry.lastAdds(), "adds");
        assertEquals(removes, registry.lastRemoves(), "removes");
        assertEquals(updates, registry.lastUpdates(), "updates");
    }

    @Test
    void countsAddsRemovesAndUpdatesPerTick() {
        List<Long> hs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hs.add(create(10 + i));
        }
        registry.update(world, resources, 0);
        assertCounts(100, 100, 0, 0);
        for (long h : hs) {
            assertTrue(registry.contains(Entity.index(h), Entity.generation(h)));
        }
        assertEquals(10 + 7, ResourceRegistry.amountOf(registry.entry(Entity.index(hs.get(7)))));

        registry.update(world, resources, 1);
        assertCounts(100, 0, 0, 0);

        setAmount(hs.get(1), 50.5f);  // whole amount changes: update
        setAmount(hs.get(2), 12.9f);  // 12 -> 12: no change of the entry
        setAmount(hs.get(3), 0f);
        registry.update(world, resources, 2);
        assertCounts(100, 0, 0, 2);

        world.destroy(hs.get(10));
        world.destroy(hs.get(20));
        long fresh = create(5);        // reuses index 20 with a new generation
        assertEquals(Entity.index(hs.get(20)), Entity.index(fresh));
        registry.update(world, resources, 3);
        assertCounts(99, 1, 2, 0);
        assertFalse(registry.contains(Entity.index(hs.get(10)), Entity.generation(hs.get(10))));
        assertFalse(registry.contains(Entity.index(hs.get(20)), Entity.generation(hs.get(20))));
        assertTrue(registry.contains(Entity.index(fresh), Entity.generation(fresh)));
        assertEquals(5, ResourceRegistry.amountOf(registry.entry(Entity.index(fresh))));

        for (int i = 0; i < 50; i++) {
            create(1);                 // the entity table grows past the registry's capacity
        }
        registry.update(world, resources, 4);
        assertCounts(149, 50, 0, 0);
        assertEquals(151, registry.totalAdds());
        assertEquals(2, registry.totalRemoves());
        assertEquals(2, registry.totalUpdates());
    }
}
