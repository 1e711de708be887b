package io.puredots.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One system's update within its group's tick, including the time it waited for its jobs.
 *
 * <p>Not thread-safe: committed on the main thread.
 */
@Name(EventNames.SYSTEM_TICK)
@Label("System Tick")
@Description("One system's update within a frame, including waiting for its jobs")
@Category({"PureDOTS", "Systems"})
@StackTrace(false)
public final class SystemTickEvent extends Event {
    @Label("System")
    @Description("System name, for example SpatialGridBuildSystem")
    public String system;

    @Label("Group")
    @Description("Name of the system group the system belongs to")
    public String group;

    @Label("Tick")
    @Description("Simulation tick number of the enclosing frame")
    public long tick;

    @Label("Entities Processed")
    @Description("Entities the system visited in this tick")
    public int entitiesProcessed;
}
