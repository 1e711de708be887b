package io.puredots.sim.systems;

import io.puredots.sim.ecs.Archetype;
import io.puredots.sim.ecs.World;

/** Columns of the Resource archetype. */
public final class ResourceColumns {
    private ResourceColumns() {
    }

    public static final String NAME = "Resource";
    public static final int POS_X = 0;
    public static final int POS_Y = 1;
    public static final int AMOUNT = 2;
    public static final int MAX_AMOUNT = 3;
    public static final int REGROW = 4;
    public static final int KIND = 0;
    public static final int DEPLETED_TICKS = 1;

    public static Archetype define(World w) {
        return w.createArchetype(NAME, new String[] {"posX", "posY", "amount", "maxAmount", "regrow"},
                new String[] {"kind", "depletedTicks"});
    }
}
