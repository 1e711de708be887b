package io.puredots.sim.systems.miracle;

import static io.puredots.sim.systems.MiracleColumns.*;

import io.puredots.sim.ecs.Archetype;
import io.puredots.sim.systems.SimContext;
import io.puredots.sim.systems.SimSystem;

/** Ages miracles and records the destruction of the expired ones. */
public final class MiracleLifetimeSystem extends SimSystem {
    @Override
    public int update(SimContext ctx) {
        Archetype m = ctx.miracles;
        int n = m.count();
        for (int row = 0; row < n; row++) {
            int age = m.getInt(row, AGE) + 1;
            m.setInt(row, AGE, age);
            if (age >= m.getInt(row, LIFETIME)) {
                ctx.world.commandBuffer().destroy(ctx.world.handleOf(m.entityIndexAt(row)));
            }
        }
        return n;
    }
}
