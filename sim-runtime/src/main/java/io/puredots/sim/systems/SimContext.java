package io.puredots.sim.systems;

import io.puredots.sim.ecs.Archetype;
import io.puredots.sim.ecs.World;
import io.puredots.sim.jobs.JobScheduler;
import io.puredots.sim.memory.NativeAllocator;
import io.puredots.sim.memory.NativeFloatArray;
import io.puredots.sim.registry.ResourceRegistry;
import io.puredots.sim.registry.VillagerRegistry;
import io.puredots.sim.systems.environment.EnvironmentGrid;
import io.puredots.sim.systems.spatial.SpatialGrid;

/**
 * Everything the systems share: the world, its archetypes, the job scheduler, grids,
 * registries, game constants and the per-tick flags. Built by the simulation at setup.
 *
 * <p>Not thread-safe: fields change on the main thread between jobs; jobs read them.
 */
public final class SimContext {
    /** Fixed simulation step, seconds. */
    public static final float DT = 1f / 60f;
    /** Villager grid cell side. */
    public static final float VILLAGER_CELL = 16f;
    /** Resource grid cell side. */
    public static final float RESOURCE_CELL = 32f;
    /** Cells per side of the environment grid. */
    public static final int ENV_DIM = 256;

    public final long seed;
    public final int initialEntities;
    public final boolean spikes;
    public final World world;
    public final NativeAllocator allocator;
    public final JobScheduler scheduler;
    public final Archetype villagers;
    public final Archetype resources;
    public final Archetype miracles;
    public final float worldSize;
    public final SpatialGrid villagerGrid;
    public final SpatialGrid resourceGrid;
    public final EnvironmentGrid environment;
    public final ResourceRegistry resourceRegistry;
    public final VillagerRegistry villagerRegistry;
    public final NativeFloatArray renderSnapshot;
    /** Village centres, x and y interleaved. */
    public final float[] villages;
    /** Resources delivered per village. */
    public final double[] stockpile;

    /** Current tick number (from 0). */
    public long tick;
    /** Simulated time in seconds. */
    public double simTime;
    /** Spike frames, set by the scenario system at the start of a tick. */
    public boolean stormThisTick;
    public boolean massSpawnThisTick;
    public boolean allocationBurstThisTick;
    /** Set when the budget monitor asks to pause (critical breach with pause configured). */
    public boolean pauseRequested;

    public SimContext(long seed, int initialEntities, boolean spikes, World world, JobScheduler scheduler,
                      Archetype villagers, Archetype resources, Archetype miracles, float worldSize,
                      SpatialGrid villagerGrid, SpatialGrid resourceGrid, EnvironmentGrid environment,
                      ResourceRegistry resourceRegistry, VillagerRegistry villagerRegistry,
                      NativeFloatArray renderSnapshot, float[] villages) {
        this.seed = seed;
        this.initialEntities = initialEntities;
        this.spikes = spikes;
        this.world = world;
        this.allocator = world.allocator();
        this.scheduler = scheduler;
        this.villagers = villagers;
        this.resources = resources;
        this.miracles = miracles;
        this.worldSize = worldSize;
        this.villagerGrid = villagerGrid;
        this.resourceGrid = resourceGrid;
        this.environment = environment;
        this.resourceRegistry = resourceRegistry;
        this.villagerRegistry = villagerRegistry;
        this.renderSnapshot = renderSnapshot;
        this.villages = villages;
        this.stockpile = new double[villages.length / 2];
    }

    /** Clamps a coordinate into the world. */
    public float clampToWorld(float v) {
        float max = Math.nextDown(worldSize);
        return v < 0f ? 0f : v > max ? max : v;
    }
}
