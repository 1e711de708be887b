package io.puredots.sim.ecs;

import io.puredots.sim.memory.NativeAllocator;
import io.puredots.sim.memory.NativeIntArray;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The entity table and the archetypes. Entities are created and destroyed directly only outside
 * a tick (setup, tests) or through the {@link EntityCommandBuffer} played back at a sync point;
 * systems never change structure while jobs run.
 *
 * <p>Not thread-safe: structural changes on the main thread only; jobs may read the entity table
 * ({@link #isAlive}, {@link #rowOf}) between sync points.
 */
public final class World {
    private final NativeAllocator allocator;
    private final List<Archetype> archetypes = new ArrayList<>();
    private final NativeIntArray generation;
    private final NativeIntArray archetypeOf;
    private final NativeIntArray rowOf;
    private final NativeIntArray freeList;
    private final EntityCommandBuffer commandBuffer = new EntityCommandBuffer();
    private int entitySlots;
    private int liveEntities;
    private long created;
    private long destroyed;

    public World(NativeAllocator allocator, int initialEntityCapacity) {
        this.allocator = allocator;
        int cap = Math.max(16, initialEntityCapacity);
        this.generation = new NativeIntArray(allocator, "EntityManager", "EntityTable", cap);
        this.archetypeOf = new NativeIntArray(allocator, "EntityManager", "EntityTable", cap);
        this.rowOf = new NativeIntArray(allocator, "EntityManager", "EntityTable", cap);
        this.freeList = new NativeIntArray(allocator, "EntityManager", "EntityTable", 64);
    }

    public NativeAllocator allocator() {
        return allocator;
    }

    /** Defines an archetype with the given float and int component columns. */
    public Archetype createArchetype(String name, String[] floatColumns, String[] intColumns) {
        Archetype a = new Archetype(archetypes.size(), name, floatColumns, intColumns, allocator);
        archetypes.add(a);
        return a;
    }

    public List<Archetype> archetypes() {
        return Collections.unmodifiableList(archetypes);
    }

    public Archetype archetype(int id) {
        return archetypes.get(id);
    }

    /** The command buffer played back at the sync point. */
    public EntityCommandBuffer commandBuffer() {
        return commandBuffer;
    }

    /** Creates an entity with zeroed components; returns its handle. */
    public long create(Archetype a) {
        int index;
        int fl = freeList.size();
        if (fl > 0) {
            index = freeList.get(fl - 1);
            freeList.setSize(fl - 1);
        } else {
            index = entitySlots++;
            if (index >= generation.capacity()) {
                int cap = Math.max(index + 1, generation.capacity() * 2);
                generation.ensureCapacity(cap);
                archetypeOf.ensureCapacity(cap);
                rowOf.ensureCapacity(cap);
            }
            generation.set(index, 0);
            generation.setSize(entitySlots);
            archetypeOf.setSize(entitySlots);
            rowOf.setSize(entitySlots);
        }
        int gen = generation.get(index) + 1;
        generation.set(index, gen);
        archetypeOf.set(index, a.id());
        rowOf.set(index, a.addRow(index));
        liveEntities++;
        created++;
        return Entity.handle(index, gen);
    }

    /** Destroys an entity; returns false if the handle is stale. */
    public boolean destroy(long handle) {
        if (!isAlive(handle)) {
            return false;
        }
        int index = Entity.index(handle);
        Archetype a = archetypes.get(archetypeOf.get(index));
        int row = rowOf.get(index);
        int moved = a.removeRow(row);
        if (moved >= 0) {
            rowOf.set(moved, row);
        }
        rowOf.set(index, -1);
        archetypeOf.set(index, -1);
        generation.set(index, generation.get(index) + 1);
        freeList.add(index);
        liveEntities--;
        destroyed++;
        return true;
    }

    public boolean isAlive(long handle) {
        int index = Entity.index(handle);
        return handle != Entity.NULL && index >= 0 && index < entitySlots
                && generation.get(index) == Entity.generation(handle) && archetypeOf.get(index) >= 0;
    }

    /** Whether the entity with this index and generation is alive. */
    public boolean isAlive(int index, int gen) {
        return index >= 0 && index < entitySlots && generation.get(index) == gen && archetypeOf.get(index) >= 0;
    }

    /** The current handle of the live entity at an index. */
    public long handleOf(int index) {
        return Entity.handle(index, generation.get(index));
    }

    public int generationOf(int index) {
        return generation.get(index);
    }

    /** Row of a live entity within its archetype. */
    public int rowOf(int index) {
        return rowOf.get(index);
    }

    /** Archetype id of a live entity, -1 if dead. */
    public int archetypeIdOf(int index) {
        return archetypeOf.get(index);
    }

    /** Entity table size: every index ever used is below it. */
    public int entitySlots() {
        return entitySlots;
    }

    public int entityCount() {
        return liveEntities;
    }

    public long createdTotal() {
        return created;
    }

    public long destroyedTotal() {
        return destroyed;
    }

    /**
     * A checksum of the whole world: every archetype's rows in order, with entity index,
     * generation and every column's bits. Equal worlds give equal checksums.
     */
    public long checksum() {
        long h = 0x9E3779B97F4A7C15L;
        for (Archetype a : archetypes) {
            h = mix(h, a.id());
            h = mix(h, a.count());
            for (int r = 0, n = a.count(); r < n; r++) {
                Chunk c = a.chunkOfRow(r);
                int s = r & Archetype.CHUNK_MASK;
                int e = c.entity.get(s);
                h = mix(h, e);
                h = mix(h, generation.get(e));
                for (int k = 0; k < c.f.length; k++) {
                    h = mix(h, Float.floatToRawIntBits(c.f[k].get(s)));
                }
                for (int k = 0; k < c.i.length; k++) {
                    h = mix(h, c.i[k].get(s));
                }
            }
        }
        return h;
    }

    /** Mixes a value into a running 64-bit hash. */
    public static long mix(long h, long v) {
        long x = (h ^ v) * 0xBF58476D1CE4E5B9L;
        x ^= x >>> 31;
        x *= 0x94D049BB133111EBL;
        return x ^ (x >>> 29);
    }

    /** Frees every native container of the world. */
    public void free() {
        for (Archetype a : archetypes) {
            a.freeAll();
        }
        generation.free();
        archetypeOf.free();
        rowOf.free();
        freeList.free();
    }
}
