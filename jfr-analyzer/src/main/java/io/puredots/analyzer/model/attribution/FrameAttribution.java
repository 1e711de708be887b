package io.puredots.analyzer.model.attribution;

import java.util.List;

/**
 * One slow frame and what overlapped it. Immutable.
 *
 * @param tick            the frame's tick number
 * @param startNanos      frame start, epoch ns (its wall-clock time)
 * @param offsetNanos     frame start from the recording's start ({@code Overview.startNanos}), ns
 * @param durationNanos   frame time, ns
 * @param causes          JVM activity that overlapped the frame, the longest overlap first
 *                        (instants last)
 * @param cpu             CPU load around the frame, or {@code null} if there is no sample
 * @param allocation      allocation rate around the frame, or {@code null} without samples
 * @param hotMethods      what the simulation threads ran in the frame, or {@code null} if the
 *                        recording has no execution sample of them
 */
public record FrameAttribution(long tick, long startNanos, long offsetNanos, long durationNanos, List<Cause> causes,
                               CpuShare cpu, AllocationRate allocation, HotMethods hotMethods) {
    public FrameAttribution {
        causes = List.copyOf(causes);
    }

    public long endNanos() {
        return startNanos + durationNanos;
    }
}
