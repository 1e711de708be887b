package io.puredots.example;

import io.puredots.events.SystemGroupTickEvent;

/**
 * The game's one system group: updates its systems in order, once per frame, and records the
 * group's time as a {@code puredots.SystemGroupTick}.
 *
 * <p>Not thread-safe: called on the game loop's thread.
 */
final class SimulationGroup {
    /** The group's name in events, reports and budget ids ({@code group.SimulationSystemGroup}). */
    static final String NAME = "SimulationSystemGroup";

    private static final SystemGroupTickEvent PROBE = new SystemGroupTickEvent();

    private final MovementSystem movement;

    SimulationGroup(MovementSystem movement) {
        this.movement = movement;
    }

    void update(long tick) throws Exception {
        SystemGroupTickEvent event = null;
        if (PROBE.isEnabled()) {
            event = new SystemGroupTickEvent();
            event.begin();
        }
        movement.update(tick);
        if (event != null && event.shouldCommit()) {
            event.group = NAME;
            event.tick = tick;
            event.commit();
        }
    }
}
