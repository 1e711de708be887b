package io.puredots.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The uniform spatial grid rebuilt for one tick; the duration is the rebuild time.
 *
 * <p>Not thread-safe: committed on the thread that rebuilt the grid.
 */
@Name(EventNames.SPATIAL_GRID_REBUILD)
@Label("Spatial Grid Rebuild")
@Description("The uniform spatial grid rebuilt for one tick")
@Category({"PureDOTS", "Spatial"})
@StackTrace(false)
public final class SpatialGridRebuildEvent extends Event {
    @Label("Tick")
    @Description("Simulation tick number of the enclosing frame")
    public long tick;

    @Label("Cell Count")
    @Description("Cells in the grid")
    public int cellCount;

    @Label("Entity Count")
    @Description("Entities inserted into the grid")
    public int entityCount;

    @Label("Largest Cell Occupancy")
    @Description("Entities in the fullest cell")
    public int maxCellOccupancy;
}
