package io.puredots.sim;

import io.puredots.events.EntityCountEvent;
import io.puredots.events.FrameEvent;
import io.puredots.events.NativeMemoryEvent;
import io.puredots.events.SystemGroupTickEvent;
import io.puredots.events.SystemTickEvent;
import io.puredots.sim.ecs.Archetype;
import io.puredots.sim.ecs.EntityCommandBuffer;
import io.puredots.sim.ecs.World;
import io.puredots.sim.jobs.JobScheduler;
import io.puredots.sim.memory.NativeAllocator;
import io.puredots.sim.memory.NativeFloatArray;
import io.puredots.sim.registry.ResourceRegistry;
import io.puredots.sim.registry.VillagerRegistry;
import io.puredots.sim.systems.Rng;
import io.puredots.sim.systems.SimContext;
import io.puredots.sim.systems.SimSystem;
import io.puredots.sim.systems.SystemGroup;
import io.puredots.sim.systems.VillagerColumns;
import io.puredots.sim.systems.MiracleColumns;
import io.puredots.sim.systems.ResourceColumns;
import io.puredots.sim.systems.environment.EnvironmentDiffusionSystem;
import io.puredots.sim.systems.environment.EnvironmentGrid;
import io.puredots.sim.systems.late.MemoryBudgetMonitorSystem;
import io.puredots.sim.systems.miracle.EndSimulationCommandBufferSystem;
import io.puredots.sim.systems.miracle.MiracleEffectSystem;
import io.puredots.sim.systems.miracle.MiracleLifetimeSystem;
import io.puredots.sim.systems.miracle.MiracleSpawnSystem;
import io.puredots.sim.systems.presentation.RenderSnapshotSystem;
import io.puredots.sim.systems.presentation.ReplayCaptureSystem;
import io.puredots.sim.systems.resource.ResourceDepletionSystem;
import io.puredots.sim.systems.resource.ResourceGatherSystem;
import io.puredots.sim.systems.resource.ResourceRegistrySystem;
import io.puredots.sim.systems.resource.ResourceRegrowthSystem;
import io.puredots.sim.systems.spatial.NeighbourQuerySystem;
import io.puredots.sim.systems.spatial.SpatialGrid;
import io.puredots.sim.systems.spatial.SpatialGridBuildSystem;
import io.puredots.sim.systems.time.ScenarioSystem;
import io.puredots.sim.systems.time.TimeSystem;
import io.puredots.sim.systems.villager.VillagerAISystem;
import io.puredots.sim.systems.villager.VillagerMovementSystem;
import io.puredots.sim.systems.villager.VillagerRegistrySystem;
import io.puredots.sim.systems.villager.VillagerSpawnSystem;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.FlightRecorder;
import org.HdrHistogram.Histogram;

/**
 * The reference game: a world of villagers, resources and miracles, its system groups and job
 * scheduler, and the frame loop with its instrumentation. Usable in-process:
 *
 * <pre>{@code
 * try (Simulation sim = new Simulation(SimConfig.builder().entities(10_000).ticks(300).build())) {
 *     RunSummary s = sim.run();
 * }
 * }</pre>
 *
 * One frame ticks the groups in {@link SystemGroup#ORDER}; each system completes its own jobs:
 *
 * <pre>{@code
 * Frame t |Time|Spatial|Environment|Villager|Resource|MiracleEffect(..., ECB playback)|Presentation|Late|
 *              |grid rebuild + neighbours  |AI, move, spawn, registry        |budget monitor judges frame t-1
 * }</pre>
 *
 * Events per frame: {@code Frame}, one {@code SystemGroupTick} per group, one {@code SystemTick}
 * per system, the scheduler's job events, {@code RegistryUpdate}, {@code SpatialGridRebuild};
 * {@code EntityCount} and {@code NativeMemory} from a periodic hook, and once at the start and
 * end of {@link #run()}.
 *
 * <p>Not thread-safe: construct, run, tick and close on one thread (it owns the job scheduler).
 * Same seed and entity count give the same checksum with any worker count.
 */
public final class Simulation implements AutoCloseable {
    private static final FrameEvent FRAME = new FrameEvent();
    private static final SystemGroupTickEvent GROUP_TICK = new SystemGroupTickEvent();
    private static final SystemTickEvent SYSTEM_TICK = new SystemTickEvent();

    private final SimConfig config;
    private final NativeAllocator allocator = new NativeAllocator();
    private final JobScheduler scheduler;
    private final World world;
    private final SimContext ctx;
    private final SystemGroup[] groups;
    private final SimSystem[][] groupSystems;
    private final List<String> systemNames = new ArrayList<>();
    private final long[] groupNanos;
    private final long[] systemNanos;
    private final MemoryBudgetMonitorSystem.FrameTimes frameTimes = new MemoryBudgetMonitorSystem.FrameTimes();
    private final MemoryBudgetMonitorSystem monitorSystem;
    private final int slowdownIndex;
    private final Histogram tickHistogram = new Histogram(60_000_000_000L, 3);
    private final Archetype[] archetypes;
    private final AtomicIntegerArray publishedCounts;
    private final Runnable entityCountHook = this::emitEntityCounts;
    private final Runnable nativeMemoryHook = this::emitNativeMemory;
    private boolean hookRegistered;
    private long tick;
    private long slowdownSink;
    private boolean closed;

    /**
     * Builds the world and starts the worker threads.
     *
     * @throws IllegalArgumentException if the configuration names an unknown system
     */
    public Simulation(SimConfig config) {
        this.config = config;
        int n = config.entities;
        int nResources = Math.max(1, n / 5);
        int nVillagers = n - nResources;
        float worldSize = (float) Math.max(256.0, Math.sqrt(n * 400.0));
        this.world = new World(allocator, n + n / 8);
        Archetype villagers = VillagerColumns.define(world);
        Archetype resources = ResourceColumns.define(world);
        Archetype miracles = MiracleColumns.define(world);
        this.archetypes = new Archetype[] {villagers, resources, miracles};
        this.publishedCounts = new AtomicIntegerArray(archetypes.length);
        int villageCount = Math.max(1, n / 1000);
        float[] villages = new float[2 * villageCount];
        for (int v = 0; v < villageCount; v++) {
            villages[2 * v] = (0.05f + 0.9f * Rng.unit(config.seed, v, 0, 11)) * worldSize;
            villages[2 * v + 1] = (0.05f + 0.9f * Rng.unit(config.seed, v, 0, 12)) * worldSize;
        }
        this.scheduler = new JobScheduler(config.workers);
        try {
            SpatialGrid villagerGrid = new SpatialGrid(allocator, "VillagerGrid", worldSize, SimContext.VILLAGER_CELL, nVillagers);
            SpatialGrid resourceGrid = new SpatialGrid(allocator, "ResourceGrid", worldSize, SimContext.RESOURCE_CELL, nResources);
            EnvironmentGrid env = new EnvironmentGrid(allocator, SimContext.ENV_DIM, worldSize, config.seed);
            this.ctx = new SimContext(config.seed, n, config.scenario == Scenario.SPIKES, world, scheduler,
                    villagers, resources, miracles, worldSize, villagerGrid, resourceGrid, env,
                    new ResourceRegistry(allocator, n + n / 8), new VillagerRegistry(allocator, n + n / 8),
                    new NativeFloatArray(allocator, "RenderSnapshot", "RenderBuffer", n * RenderSnapshotSystem.FLOATS_PER_INSTANCE),
                    villages);
            populate(nVillagers, nResources);

            List<SystemGroup> gs = new ArrayList<>();
            gs.add(new SystemGroup(SystemGroup.TIME, List.of(new TimeSystem(), new ScenarioSystem())));
            gs.add(new SystemGroup(SystemGroup.SPATIAL, List.of(new SpatialGridBuildSystem(), new NeighbourQuerySystem())));
            gs.add(new SystemGroup(SystemGroup.ENVIRONMENT, List.of(new EnvironmentDiffusionSystem())));
            gs.add(new SystemGroup(SystemGroup.VILLAGER, List.of(new VillagerAISystem(), new VillagerMovementSystem(),
                    new VillagerSpawnSystem(), new VillagerRegistrySystem())));
            gs.add(new SystemGroup(SystemGroup.RESOURCE, List.of(new ResourceGatherSystem(), new ResourceRegrowthSystem(),
                    new ResourceDepletionSystem(), new ResourceRegistrySystem())));
            gs.add(new SystemGroup(SystemGroup.MIRACLE_EFFECT, List.of(new MiracleSpawnSystem(), new MiracleEffectSystem(),
                    new MiracleLifetimeSystem(), new EndSimulationCommandBufferSystem())));
            gs.add(new SystemGroup(SystemGroup.PRESENTATION, List.of(new RenderSnapshotSystem(), new ReplayCaptureSystem())));
            for (SystemGroup g : gs) {
                for (SimSystem s : g.systems()) {
                    systemNames.add(s.name());
                }
            }
            systemNames.add(MemoryBudgetMonitorSystem.class.getSimpleName());
            this.monitorSystem = new MemoryBudgetMonitorSystem(config.budgets, SystemGroup.ORDER, systemNames,
                    frameTimes, config.log, config.pauseOnCritical);
            gs.add(new SystemGroup(SystemGroup.LATE_SIMULATION, List.of(monitorSystem)));
            this.groups = gs.toArray(new SystemGroup[0]);
            this.groupSystems = new SimSystem[groups.length][];
            for (int i = 0; i < groups.length; i++) {
                groupSystems[i] = groups[i].systems().toArray(new SimSystem[0]);
            }
            this.groupNanos = new long[groups.length];
            this.systemNanos = new long[systemNames.size()];
            frameTimes.groupNanos = new long[groups.length];
            frameTimes.systemNanos = new long[systemNames.size()];
            if (config.slowdownSystem != null) {
                slowdownIndex = systemNames.indexOf(config.slowdownSystem);
                if (slowdownIndex < 0) {
                    throw new IllegalArgumentException("unknown system '" + config.slowdownSystem
                            + "' in --slowdown (known: " + String.join(", ", systemNames) + ")");
                }
            } else {
                slowdownIndex = -1;
            }
        } catch (RuntimeException e) {
            scheduler.close();
            allocator.freeAll();
            throw e;
        }
        publishCounts();
        if (FlightRecorder.isAvailable()) {
            FlightRecorder.addPeriodicEvent(EntityCountEvent.class, entityCountHook);
            FlightRecorder.addPeriodicEvent(NativeMemoryEvent.class, nativeMemoryHook);
            hookRegistered = true;
        }
    }

    private void populate(int nVillagers, int nResources) {
        EntityCommandBuffer ecb = world.commandBuffer();
        long seed = config.seed;
        float ws = ctx.worldSize;
        float[] villages = ctx.villages;
        for (int i = 0; i < nVillagers; i++) {
            float x = ctx.clampToWorld(Rng.unit(seed, i, 0, 21) * ws);
            float y = ctx.clampToWorld(Rng.unit(seed, i, 0, 22) * ws);
            int best = 0;
            float bestD = Float.MAX_VALUE;
            for (int v = 0; v < villages.length / 2; v++) {
                float dx = villages[2 * v] - x;
                float dy = villages[2 * v + 1] - y;
                float d = dx * dx + dy * dy;
                if (d < bestD) {
                    bestD = d;
                    best = v;
                }
            }
            ecb.create(ctx.villagers);
            ecb.setFloat(VillagerColumns.POS_X, x);
            ecb.setFloat(VillagerColumns.POS_Y, y);
            ecb.setFloat(VillagerColumns.HOME_X, villages[2 * best]);
            ecb.setFloat(VillagerColumns.HOME_Y, villages[2 * best + 1]);
            ecb.setFloat(VillagerColumns.GOAL_X, x);
            ecb.setFloat(VillagerColumns.GOAL_Y, y);
            ecb.setFloat(VillagerColumns.ENERGY, 0.3f + 0.7f * Rng.unit(seed, i, 0, 23));
            ecb.setInt(VillagerColumns.STATE, VillagerColumns.IDLE);
            ecb.setInt(VillagerColumns.TIMER, 1 + (int) (Rng.hash(seed, i, 0, 24) >>> 58));
            ecb.setInt(VillagerColumns.TARGET_INDEX, -1);
            ecb.setInt(VillagerColumns.LIFETIME, -1);
            ecb.setInt(VillagerColumns.VILLAGE, best);
        }
        for (int i = 0; i < nResources; i++) {
            ResourceDepletionSystem.createResource(ctx, ecb, i, -1);
        }
        ecb.playback(world);
    }

    public SimConfig config() {
        return config;
    }

    public SimContext context() {
        return ctx;
    }

    public World world() {
        return world;
    }

    public NativeAllocator allocator() {
        return allocator;
    }

    public JobScheduler scheduler() {
        return scheduler;
    }

    /** The system groups in tick order. */
    public List<SystemGroup> groups() {
        return List.of(groups);
    }

    /** Every system name in tick order. */
    public List<String> systemNames() {
        return List.copyOf(systemNames);
    }

    /** Ticks run so far (the next tick's number). */
    public long tickCount() {
        return tick;
    }

    /** Whether the budget monitor asked to pause. */
    public boolean isPaused() {
        return ctx.pauseRequested;
    }

    public MemoryBudgetMonitorSystem monitorSystem() {
        return monitorSystem;
    }

    /** Runs one frame: every group in order, every system in its group. */
    public void tick() {
        long t0 = System.nanoTime();
        FrameEvent fe = null;
        if (FRAME.isEnabled()) {
            fe = new FrameEvent();
            fe.begin();
        }
        int entitiesAtStart = world.entityCount();
        ctx.tick = tick;
        int si = 0;
        for (int gi = 0; gi < groups.length; gi++) {
            long g0 = System.nanoTime();
            SystemGroupTickEvent ge = null;
            if (GROUP_TICK.isEnabled()) {
                ge = new SystemGroupTickEvent();
                ge.begin();
            }
            String groupName = groups[gi].name();
            for (SimSystem s : groupSystems[gi]) {
                scheduler.setContext(tick, s.name());
                long s0 = System.nanoTime();
                SystemTickEvent se = null;
                if (SYSTEM_TICK.isEnabled()) {
                    se = new SystemTickEvent();
                    se.begin();
                }
                int processed = s.update(ctx);
                if (si == slowdownIndex) {
                    slowdown((long) ((System.nanoTime() - s0) * config.slowdownPercent / 100.0));
                }
                scheduler.recycle();
                systemNanos[si] = System.nanoTime() - s0;
                if (se != null) {
                    se.end();
                    if (se.shouldCommit()) {
                        se.system = s.name();
                        se.group = groupName;
                        se.tick = tick;
                        se.entitiesProcessed = processed;
                        se.commit();
                    }
                }
                si++;
            }
            groupNanos[gi] = System.nanoTime() - g0;
            if (ge != null) {
                ge.end();
                if (ge.shouldCommit()) {
                    ge.group = groupName;
                    ge.tick = tick;
                    ge.commit();
                }
            }
        }
        long frameNanos = System.nanoTime() - t0;
        if (fe != null) {
            fe.end();
            if (fe.shouldCommit()) {
                fe.tick = tick;
                fe.entityCount = entitiesAtStart;
                fe.commit();
            }
        }
        if (tick >= config.warmupTicks) {
            tickHistogram.recordValue(Math.min(frameNanos, tickHistogram.getHighestTrackableValue()));
        }
        frameTimes.tick = tick;
        frameTimes.frameNanos = frameNanos;
        System.arraycopy(groupNanos, 0, frameTimes.groupNanos, 0, groupNanos.length);
        System.arraycopy(systemNanos, 0, frameTimes.systemNanos, 0, systemNanos.length);
        publishCounts();
        tick++;
    }

    /**
     * Extra real work for {@code --slowdown}: hashes the environment grid for the given time.
     * Reads only; the world and its checksum are unchanged.
     */
    private void slowdown(long nanos) {
        long deadline = System.nanoTime() + nanos;
        EnvironmentGrid env = ctx.environment;
        int cells = env.dim() * env.dim();
        long h = slowdownSink;
        int i = 0;
        do {
            for (int k = 0; k < 256; k++, i = i + 1 == cells ? 0 : i + 1) {
                h = World.mix(h, Float.floatToRawIntBits(env.moisture(i)));
            }
        } while (System.nanoTime() < deadline);
        slowdownSink = h;
    }

    /** Runs the configured ticks (or until paused), pacing to {@code fps} if set. */
    public RunSummary run() {
        emitPeriodicEvents();
        com.sun.management.ThreadMXBean threads = allocationBean();
        long allocStart = -1;
        long cpuStart = -1;
        long start = System.nanoTime();
        long period = config.fps > 0 ? 1_000_000_000L / config.fps : 0;
        long ran = 0;
        for (int i = 0; i < config.ticks && !ctx.pauseRequested; i++) {
            if (i == config.warmupTicks && threads != null) {
                allocStart = allocatedBytes(threads);
                cpuStart = cpuNanos(threads);
            }
            tick();
            ran++;
            if (period > 0) {
                long target = start + (i + 1) * period;
                long now;
                while ((now = System.nanoTime()) < target) {
                    LockSupport.parkNanos(target - now);
                }
            }
        }
        long wall = System.nanoTime() - start;
        double allocPerTick = -1;
        double cpuPerTick = -1;
        if (threads != null && allocStart >= 0 && ran > config.warmupTicks) {
            allocPerTick = (double) (allocatedBytes(threads) - allocStart) / (ran - config.warmupTicks);
            if (cpuStart >= 0) {
                cpuPerTick = (double) (cpuNanos(threads) - cpuStart) / (ran - config.warmupTicks);
            }
        }
        monitorSystem.checkCompletedFrame();
        emitPeriodicEvents();
        long count = tickHistogram.getTotalCount();
        return new RunSummary(ran, Math.min(ran, config.warmupTicks), count == 0 ? 0 : tickHistogram.getMean(),
                count == 0 ? 0 : tickHistogram.getValueAtPercentile(95), count == 0 ? 0 : tickHistogram.getMaxValue(),
                world.entityCount(), allocator.bytesReserved(), allocator.bytesUsed(), NativeAllocator.directPoolBytes(),
                checksum(), allocPerTick, cpuPerTick, ctx.pauseRequested, monitorSystem.monitor().violationCount(), wall,
                scheduler.workerCount());
    }

    private static com.sun.management.ThreadMXBean allocationBean() {
        java.lang.management.ThreadMXBean b = ManagementFactory.getThreadMXBean();
        if (b instanceof com.sun.management.ThreadMXBean) {
            com.sun.management.ThreadMXBean sb = (com.sun.management.ThreadMXBean) b;
            if (sb.isThreadAllocatedMemorySupported() && sb.isThreadAllocatedMemoryEnabled()) {
                return sb;
            }
        }
        return null;
    }

    private long allocatedBytes(com.sun.management.ThreadMXBean b) {
        long sum = b.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (Thread t : scheduler.workerThreads()) {
            long v = b.getThreadAllocatedBytes(t.getId());
            if (v > 0) {
                sum += v;
            }
        }
        return sum;
    }

    /** CPU time of the main and worker threads, ns; -1 if the JVM cannot measure it. */
    private long cpuNanos(com.sun.management.ThreadMXBean b) {
        if (!b.isThreadCpuTimeSupported() || !b.isThreadCpuTimeEnabled()) {
            return -1;
        }
        long sum = b.getThreadCpuTime(Thread.currentThread().getId());
        for (Thread t : scheduler.workerThreads()) {
            long v = b.getThreadCpuTime(t.getId());
            if (v > 0) {
                sum += v;
            }
        }
        return sum;
    }

    /** World checksum: entities and components, the environment grid and the stockpiles. */
    public long checksum() {
        long h = world.checksum();
        h = ctx.environment.checksum(h);
        for (double s : ctx.stockpile) {
            h = World.mix(h, Double.doubleToRawLongBits(s));
        }
        return h;
    }

    private void publishCounts() {
        for (int i = 0; i < archetypes.length; i++) {
            publishedCounts.set(i, archetypes[i].count());
        }
    }

    /**
     * Emits {@code EntityCount} per archetype and {@code NativeMemory} per (owner, kind) from the
     * published snapshot. Safe from the JFR periodic thread.
     */
    private void emitPeriodicEvents() {
        emitEntityCounts();
        emitNativeMemory();
    }

    private void emitEntityCounts() {
        for (int i = 0; i < archetypes.length; i++) {
            EntityCountEvent e = new EntityCountEvent();
            if (e.shouldCommit()) {
                e.archetype = archetypes[i].name();
                e.count = publishedCounts.get(i);
                e.commit();
            }
        }
    }

    private void emitNativeMemory() {
        NativeMemoryEvent probe = new NativeMemoryEvent();
        if (probe.shouldCommit() && !closed) {
            for (NativeAllocator.Usage u : allocator.usage()) {
                NativeMemoryEvent m = new NativeMemoryEvent();
                m.owner = u.owner();
                m.containerKind = u.kind();
                m.bytesReserved = u.bytesReserved();
                m.bytesUsed = u.bytesUsed();
                m.commit();
            }
        }
    }

    /** Stops the workers and frees every native container. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (hookRegistered) {
            FlightRecorder.removePeriodicEvent(entityCountHook);
            FlightRecorder.removePeriodicEvent(nativeMemoryHook);
        }
        closed = true;
        scheduler.close();
        allocator.freeAll();
    }
}
