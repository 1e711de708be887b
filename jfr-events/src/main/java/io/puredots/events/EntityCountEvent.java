package io.puredots.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * Periodic sample of the live entities of one archetype. Emitted from a hook registered with
 * {@code FlightRecorder.addPeriodicEvent}; one event per archetype per period.
 *
 * <p>Not thread-safe: created and committed inside the periodic hook.
 */
@Name(EventNames.ENTITY_COUNT)
@Label("Entity Count")
@Description("Live entities of one archetype, sampled periodically")
@Category({"PureDOTS", "World"})
@StackTrace(false)
@Period("1 s")
public final class EntityCountEvent extends Event {
    @Label("Archetype")
    @Description("Archetype name, for example Villager")
    public String archetype;

    @Label("Count")
    @Description("Live entities of the archetype")
    public long count;
}
