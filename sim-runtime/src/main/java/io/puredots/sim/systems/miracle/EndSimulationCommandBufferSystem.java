package io.puredots.sim.systems.miracle;

import io.puredots.sim.systems.SimContext;
import io.puredots.sim.systems.SimSystem;

/**
 * The sync point: plays back the tick's command buffer (destroys, then creates). Last system of
 * {@code MiracleEffectSystemGroup}, so presentation sees the new structure. Returns the number of
 * structural changes.
 */
public final class EndSimulationCommandBufferSystem extends SimSystem {
    @Override
    public int update(SimContext ctx) {
        return ctx.world.commandBuffer().playback(ctx.world);
    }
}
