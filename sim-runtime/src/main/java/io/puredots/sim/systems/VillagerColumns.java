package io.puredots.sim.systems;

import io.puredots.sim.ecs.Archetype;
import io.puredots.sim.ecs.World;

/** Columns of the Villager archetype, and its AI states. */
public final class VillagerColumns {
    private VillagerColumns() {
    }

    public static final String NAME = "Villager";
    // float columns
    public static final int POS_X = 0;
    public static final int POS_Y = 1;
    public static final int VEL_X = 2;
    public static final int VEL_Y = 3;
    public static final int HOME_X = 4;
    public static final int HOME_Y = 5;
    public static final int ENERGY = 6;
    public static final int CARRIED = 7;
    public static final int SEP_X = 8;
    public static final int SEP_Y = 9;
    public static final int GATHER_REQUEST = 10;
    public static final int DEPOSIT = 11;
    public static final int GOAL_X = 12;
    public static final int GOAL_Y = 13;
    // int columns
    public static final int STATE = 0;
    public static final int TARGET_INDEX = 1;
    public static final int TARGET_GEN = 2;
    public static final int TIMER = 3;
    public static final int NEIGHBOURS = 4;
    public static final int LIFETIME = 5;
    public static final int VILLAGE = 6;

    public static final int IDLE = 0;
    public static final int SEEK = 1;
    public static final int GATHER = 2;
    public static final int RETURN = 3;
    public static final int REST = 4;

    public static Archetype define(World w) {
        return w.createArchetype(NAME,
                new String[] {"posX", "posY", "velX", "velY", "homeX", "homeY", "energy", "carried",
                    "sepX", "sepY", "gatherRequest", "deposit", "goalX", "goalY"},
                new String[] {"state", "targetIndex", "targetGen", "timer", "neighbours", "lifetime", "village"});
    }
}
