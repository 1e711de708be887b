package io.puredots.sim.systems.time;

import io.puredots.sim.systems.SimContext;
import io.puredots.sim.systems.SimSystem;

/** Advances simulated time by the fixed step. */
public final class TimeSystem extends SimSystem {
    @Override
    public int update(SimContext ctx) {
        ctx.simTime += SimContext.DT;
        return 0;
    }
}
