package io.puredots.sim.registry;

import io.puredots.sim.ecs.Chunk;
import io.puredots.sim.memory.NativeAllocator;
import io.puredots.sim.systems.VillagerColumns;

/**
 * Villager id to entry: AI state (low 4 bits) and village (the rest). An entry counts as
 * updated when the state or village changes.
 *
 * <p>Threading as {@link Registry}.
 */
public final class VillagerRegistry extends Registry {
    public VillagerRegistry(NativeAllocator allocator, int initialCapacity) {
        super(allocator, "VillagerRegistry", initialCapacity);
    }

    @Override
    protected int entryValue(Chunk c, int slot) {
        return (c.i[VillagerColumns.VILLAGE].get(slot) << 4) | (c.i[VillagerColumns.STATE].get(slot) & 0xF);
    }

    public static int stateOf(int entry) {
        return entry & 0xF;
    }
}
