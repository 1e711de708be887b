package io.puredots.analyzer.model;

import java.util.List;
import java.util.Map;

/**
 * The recording(s) read, as a whole (not limited by the selection). Immutable.
 *
 * @param files          the files read, in the order given (read as one run)
 * @param jvmName        from {@code jdk.JVMInformation}; "" if absent
 * @param jvmVersion     from {@code jdk.JVMInformation} (names the JDK build); "" if absent
 * @param startNanos     start of the first chunk, epoch ns
 * @param endNanos       end of the last chunk, epoch ns
 * @param durationNanos  {@code endNanos - startNanos}
 * @param chunks         number of chunks read
 * @param eventCounts    events per type, counted as {@code jfr summary} counts them, by type name
 * @param totalEvents    sum of {@code eventCounts}
 */
public record Overview(List<String> files, String jvmName, String jvmVersion,
                       long startNanos, long endNanos, long durationNanos, int chunks,
                       Map<String, Long> eventCounts, long totalEvents) {
}
