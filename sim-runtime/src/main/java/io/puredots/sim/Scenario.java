package io.puredots.sim;

/** What the soak scene does besides steady simulation. */
public enum Scenario {
    /** Steady state: the same kind of work every frame. */
    SOAK,
    /**
     * Steady state plus periodic heavy frames: miracle storms, mass spawns of short-lived
     * villagers and a forced heap allocation burst that provokes GC.
     */
    SPIKES;

    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
