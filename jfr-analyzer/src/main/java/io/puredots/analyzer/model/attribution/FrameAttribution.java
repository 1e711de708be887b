package io.puredots.analyzer.model.attribution;

import java.util.List;

/**
 * One slow frame and what overlapped it. Immutable.
 *
 * @param tick            the frame's tick number
 * @param startNanos      frame start, epoch ns
 * @param durationNanos   frame time, ns
 * @param causes          JVM activity that overlapped the frame, the longest overlap first
 *                        (instants last)
 * @param cpu             CPU load around the frame, or {@code null} if there is no sample
 * @param allocation      allocation rate around the frame, or {@code null} without samples
 */
public record FrameAttribution(long tick, long startNanos, long durationNanos, List<Cause> causes, CpuShare cpu,
                               AllocationRate allocation) {
    public FrameAttribution {
        causes = List.copyOf(causes);
    }

    public long endNanos() {
        return startNanos + durationNanos;
    }
}
