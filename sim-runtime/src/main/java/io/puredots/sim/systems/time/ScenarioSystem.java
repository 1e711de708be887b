package io.puredots.sim.systems.time;

import io.puredots.sim.systems.SimContext;
import io.puredots.sim.systems.SimSystem;

/**
 * Decides this tick's heavy events in the {@code spikes} scenario: every {@link #PERIOD} ticks a
 * miracle storm (offset 50), a mass spawn (offset 100) and a heap allocation burst (offset 149).
 * In the {@code soak} scenario it never sets a flag.
 */
public final class ScenarioSystem extends SimSystem {
    public static final int PERIOD = 150;

    @Override
    public int update(SimContext ctx) {
        long phase = ctx.tick % PERIOD;
        ctx.stormThisTick = ctx.spikes && phase == 50;
        ctx.massSpawnThisTick = ctx.spikes && phase == 100;
        ctx.allocationBurstThisTick = ctx.spikes && phase == PERIOD - 1;
        return 0;
    }
}
