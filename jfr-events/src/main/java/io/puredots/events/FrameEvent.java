package io.puredots.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One simulation tick, from the start of its first system group to the end of its last one.
 * The event's duration is the frame time.
 *
 * <p>Not thread-safe: one instance per tick, committed on the main (simulation) thread.
 */
@Name(EventNames.FRAME)
@Label("Frame")
@Description("One simulation tick; the duration is the frame time")
@Category({"PureDOTS", "Frame"})
@StackTrace(false)
public final class FrameEvent extends Event {
    @Label("Tick")
    @Description("Simulation tick number, starting at 0")
    public long tick;

    @Label("Entity Count")
    @Description("Live entities at the start of the tick")
    public int entityCount;
}
