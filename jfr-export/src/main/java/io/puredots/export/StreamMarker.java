package io.puredots.export;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * Committed by {@link TelemetryExporter#close()} and awaited on the stream: once the stream has
 * delivered it, every event committed before close has been exported. (JDK 17's
 * {@code RecordingStream.close()} drops what is not yet flushed; {@code stop()} came in JDK 20.)
 * Not part of the game's schema; the mapper ignores it.
 *
 * <p>Not thread-safe: one instance per close.
 */
@Name("io.puredots.export.StreamMarker")
@Label("Export Stream Marker")
@Description("Marks the end of an in-process telemetry export")
@Category({"PureDOTS", "Export"})
@StackTrace(false)
final class StreamMarker extends Event {
    static final String NAME = "io.puredots.export.StreamMarker";

    @Label("Id")
    long id;
}
