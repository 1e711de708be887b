package io.puredots.sim.systems;

import java.util.List;

/**
 * An ordered list of systems ticked once per frame. Group names are the keys of the group
 * budgets ({@code group.<name>}) and the {@code group} field of the events.
 *
 * <p>Immutable.
 */
public final class SystemGroup {
    public static final String TIME = "TimeSystemGroup";
    public static final String SPATIAL = "SpatialSystemGroup";
    public static final String ENVIRONMENT = "EnvironmentSystemGroup";
    public static final String VILLAGER = "VillagerSystemGroup";
    public static final String RESOURCE = "ResourceSystemGroup";
    public static final String MIRACLE_EFFECT = "MiracleEffectSystemGroup";
    public static final String PRESENTATION = "PresentationSystemGroup";
    public static final String LATE_SIMULATION = "LateSimulationSystemGroup";

    /** Every group, in tick order. */
    public static final List<String> ORDER = List.of(TIME, SPATIAL, ENVIRONMENT, VILLAGER, RESOURCE,
            MIRACLE_EFFECT, PRESENTATION, LATE_SIMULATION);

    private final String name;
    private final List<SimSystem> systems;

    public SystemGroup(String name, List<SimSystem> systems) {
        this.name = name;
        this.systems = List.copyOf(systems);
    }

    public String name() {
        return name;
    }

    public List<SimSystem> systems() {
        return systems;
    }
}
