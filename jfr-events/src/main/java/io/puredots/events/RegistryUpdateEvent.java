package io.puredots.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A registry brought up to date for one tick; the duration is the update time.
 *
 * <p>Not thread-safe: committed on the thread that updated the registry.
 */
@Name(EventNames.REGISTRY_UPDATE)
@Label("Registry Update")
@Description("A registry brought up to date for one tick")
@Category({"PureDOTS", "Registries"})
@StackTrace(false)
public final class RegistryUpdateEvent extends Event {
    @Label("Registry")
    @Description("Registry name, for example ResourceRegistry")
    public String registry;

    @Label("Tick")
    @Description("Simulation tick number of the enclosing frame")
    public long tick;

    @Label("Entry Count")
    @Description("Entries in the registry after the update")
    public int entryCount;

    @Label("Adds")
    @Description("Entries added in this update")
    public int adds;

    @Label("Removes")
    @Description("Entries removed in this update")
    public int removes;

    @Label("Updates")
    @Description("Existing entries changed in this update")
    public int updates;
}
