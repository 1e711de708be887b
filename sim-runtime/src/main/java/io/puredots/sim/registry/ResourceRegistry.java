package io.puredots.sim.registry;

import io.puredots.sim.ecs.Chunk;
import io.puredots.sim.memory.NativeAllocator;
import io.puredots.sim.systems.ResourceColumns;

/**
 * Resource id to entry: kind (high 8 bits) and whole amount (low 24 bits). An entry counts as
 * updated when the whole amount or the kind changes.
 *
 * <p>Threading as {@link Registry}.
 */
public final class ResourceRegistry extends Registry {
    public ResourceRegistry(NativeAllocator allocator, int initialCapacity) {
        super(allocator, "ResourceRegistry", initialCapacity);
    }

    @Override
    protected int entryValue(Chunk c, int slot) {
        int amount = (int) c.f[ResourceColumns.AMOUNT].get(slot);
        return (c.i[ResourceColumns.KIND].get(slot) << 24) | (Math.max(0, amount) & 0xFF_FFFF);
    }

    public static int amountOf(int entry) {
        return entry & 0xFF_FFFF;
    }
}
