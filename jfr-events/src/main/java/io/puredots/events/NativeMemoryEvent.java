package io.puredots.events;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * Periodic sample of the off-heap memory held by one owner in one kind of native container.
 * One event per (owner, container kind) per period.
 *
 * <p>Not thread-safe: created and committed inside the periodic hook.
 */
@Name(EventNames.NATIVE_MEMORY)
@Label("Native Memory")
@Description("Off-heap container memory of one owner and container kind, sampled periodically")
@Category({"PureDOTS", "Memory"})
@StackTrace(false)
@Period("1 s")
public final class NativeMemoryEvent extends Event {
    @Label("Owner")
    @Description("Archetype or system that owns the containers")
    public String owner;

    @Label("Container Kind")
    @Description("Kind of native container, for example Column or Grid")
    public String containerKind;

    @Label("Bytes Reserved")
    @Description("Off-heap bytes allocated for the containers")
    @DataAmount
    public long bytesReserved;

    @Label("Bytes Used")
    @Description("Part of the reserved bytes that holds live data")
    @DataAmount
    public long bytesUsed;
}
