package io.puredots.sim.registry;

import io.puredots.events.RegistryUpdateEvent;
import io.puredots.sim.ecs.Archetype;
import io.puredots.sim.ecs.Chunk;
import io.puredots.sim.ecs.World;
import io.puredots.sim.memory.NativeAllocator;
import io.puredots.sim.memory.NativeIntArray;

/**
 * A registry: entity id to a summary entry of one archetype, brought up to date once per tick
 * by {@link #update}, which counts entries added, removed and changed and emits
 * {@code puredots.RegistryUpdate}. Entries live in off-heap arrays indexed by entity index.
 *
 * <p>Not thread-safe: {@link #update} runs in one job at a time; lookups may run concurrently
 * between updates.
 */
public abstract class Registry {
    private static final RegistryUpdateEvent REGISTRY_UPDATE = new RegistryUpdateEvent();

    private final String name;
    private final NativeIntArray generation;
    private final NativeIntArray value;
    private final NativeIntArray seen;
    private int slots;
    private int entryCount;
    private int lastAdds;
    private int lastRemoves;
    private int lastUpdates;
    private long totalAdds;
    private long totalRemoves;
    private long totalUpdates;
    private int stamp;

    protected Registry(NativeAllocator allocator, String name, int initialCapacity) {
        this.name = name;
        int cap = Math.max(16, initialCapacity);
        this.generation = new NativeIntArray(allocator, name, "Registry", cap);
        this.value = new NativeIntArray(allocator, name, "Registry", cap);
        this.seen = new NativeIntArray(allocator, name, "Registry", cap);
    }

    /** Registry name, for example {@code ResourceRegistry}. */
    public final String name() {
        return name;
    }

    /** The summary of one row that the registry keeps (compared to detect updates). */
    protected abstract int entryValue(Chunk chunk, int slot);

    /**
     * Brings the registry up to date with the archetype's live rows.
     *
     * @param tick tick number put in the event
     */
    public final void update(World world, Archetype a, long tick) {
        RegistryUpdateEvent ev = null;
        if (REGISTRY_UPDATE.isEnabled()) {
            ev = new RegistryUpdateEvent();
            ev.begin();
        }
        int newSlots = world.entitySlots();
        if (newSlots > slots) {
            generation.ensureCapacity(newSlots);
            value.ensureCapacity(newSlots);
            seen.ensureCapacity(newSlots);
            for (int i = slots; i < newSlots; i++) {
                generation.set(i, 0);
                seen.set(i, 0);
            }
            slots = newSlots;
            generation.setSize(slots);
            value.setSize(slots);
            seen.setSize(slots);
        }
        stamp++;
        int adds = 0;
        int removes = 0;
        int updates = 0;
        for (int r = 0, n = a.count(); r < n; r++) {
            Chunk c = a.chunkOfRow(r);
            int s = r & Archetype.CHUNK_MASK;
            int idx = c.entity.get(s);
            int gen = world.generationOf(idx);
            int v = entryValue(c, s);
            int old = generation.get(idx);
            if (old != gen) {
                if (old != 0) {
                    removes++;
                }
                adds++;
                generation.set(idx, gen);
                value.set(idx, v);
            } else if (value.get(idx) != v) {
                updates++;
                value.set(idx, v);
            }
            seen.set(idx, stamp);
        }
        for (int i = 0; i < slots; i++) {
            if (generation.get(i) != 0 && seen.get(i) != stamp) {
                generation.set(i, 0);
                removes++;
            }
        }
        entryCount = a.count();
        lastAdds = adds;
        lastRemoves = removes;
        lastUpdates = updates;
        totalAdds += adds;
        totalRemoves += removes;
        totalUpdates += updates;
        if (ev != null) {
            ev.end();
            if (ev.shouldCommit()) {
                ev.registry = name;
                ev.tick = tick;
                ev.entryCount = entryCount;
                ev.adds = adds;
                ev.removes = removes;
                ev.updates = updates;
                ev.commit();
            }
        }
    }

    /** Whether the registry holds the entity (index and generation). */
    public final boolean contains(int index, int gen) {
        return index >= 0 && index < slots && gen != 0 && generation.get(index) == gen;
    }

    /** The entry value of a registered entity index. */
    public final int entry(int index) {
        return value.get(index);
    }

    public final int entryCount() {
        return entryCount;
    }

    public final int lastAdds() {
        return lastAdds;
    }

    public final int lastRemoves() {
        return lastRemoves;
    }

    public final int lastUpdates() {
        return lastUpdates;
    }

    public final long totalAdds() {
        return totalAdds;
    }

    public final long totalRemoves() {
        return totalRemoves;
    }

    public final long totalUpdates() {
        return totalUpdates;
    }

    public final void free() {
        generation.free();
        value.free();
        seen.free();
    }
}
