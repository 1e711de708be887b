package io.puredots.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The main thread blocked in {@code complete(handle)} with no job it could run itself;
 * the duration is the idle wait. Time the main thread spent running jobs while waiting is
 * recorded as Job Run events on the main thread, not here.
 *
 * <p>Not thread-safe: committed on the main thread.
 */
@Name(EventNames.MAIN_THREAD_WAIT)
@Label("Main Thread Wait")
@Description("The main thread idle while waiting for jobs to complete")
@Category({"PureDOTS", "Jobs"})
@StackTrace(false)
public final class MainThreadWaitEvent extends Event {
    @Label("Tick")
    @Description("Simulation tick number of the enclosing frame")
    public long tick;

    @Label("System")
    @Description("Name of the system whose jobs were awaited")
    public String system;
}
