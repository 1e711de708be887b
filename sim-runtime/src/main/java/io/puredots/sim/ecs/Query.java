package io.puredots.sim.ecs;

import java.util.ArrayList;
import java.util.List;

/**
 * The archetypes that have every one of a set of columns. Built once (archetypes are defined at
 * setup); iterate {@link #archetypes()} and their chunks by index.
 *
 * <p>Immutable after construction; safe to share between jobs.
 */
public final class Query {
    private final Archetype[] matches;

    public Query(World world, String... requiredColumns) {
        List<Archetype> m = new ArrayList<>();
        for (Archetype a : world.archetypes()) {
            boolean all = true;
            for (String c : requiredColumns) {
                all &= a.hasColumn(c);
            }
            if (all) {
                m.add(a);
            }
        }
        this.matches = m.toArray(new Archetype[0]);
    }

    public int archetypeCount() {
        return matches.length;
    }

    public Archetype archetype(int i) {
        return matches[i];
    }

    /** Live entities over all matching archetypes. */
    public int entityCount() {
        int n = 0;
        for (Archetype a : matches) {
            n += a.count();
        }
        return n;
    }
}
