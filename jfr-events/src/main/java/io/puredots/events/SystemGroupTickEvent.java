package io.puredots.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One system group ticked once within a frame; the duration is the group's time in the frame.
 *
 * <p>Not thread-safe: committed on the main thread.
 */
@Name(EventNames.SYSTEM_GROUP_TICK)
@Label("System Group Tick")
@Description("One system group ticked within a frame; the duration is the group's time")
@Category({"PureDOTS", "Systems"})
@StackTrace(false)
public final class SystemGroupTickEvent extends Event {
    @Label("Group")
    @Description("System group name, for example SpatialSystemGroup")
    public String group;

    @Label("Tick")
    @Description("Simulation tick number of the enclosing frame")
    public long tick;
}
