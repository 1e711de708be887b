package io.puredots.sim.systems;

import io.puredots.sim.ecs.Archetype;
import io.puredots.sim.ecs.World;

/** Columns of the Miracle archetype: an area effect that appears, acts for a while and ends. */
public final class MiracleColumns {
    private MiracleColumns() {
    }

    public static final String NAME = "Miracle";
    public static final int POS_X = 0;
    public static final int POS_Y = 1;
    public static final int RADIUS = 2;
    public static final int STRENGTH = 3;
    public static final int KIND = 0;
    public static final int AGE = 1;
    public static final int LIFETIME = 2;

    public static final int RAIN = 0;
    public static final int BLESSING = 1;
    public static final int FIRE = 2;

    public static Archetype define(World w) {
        return w.createArchetype(NAME, new String[] {"posX", "posY", "radius", "strength"},
                new String[] {"kind", "age", "lifetime"});
    }
}
