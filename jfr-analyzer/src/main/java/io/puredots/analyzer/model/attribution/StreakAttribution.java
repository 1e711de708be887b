package io.puredots.analyzer.model.attribution;

import java.util.List;

/**
 * A streak of consecutive over-budget frames (more than {@code streak.frames}) and what
 * overlapped it. Immutable.
 *
 * @param firstTick        tick of the first frame
 * @param lastTick         tick of the last frame
 * @param frames           number of frames ({@code lastTick - firstTick + 1})
 * @param startNanos       start of the first frame, epoch ns (its wall-clock time)
 * @param offsetNanos      start of the first frame from the recording's start
 *                         ({@code Overview.startNanos}), ns
 * @param endNanos         end of the last frame, epoch ns
 * @param worstTick        tick of its slowest frame
 * @param worstNanos       frame time of its slowest frame, ns
 * @param causes           JVM activity that overlapped the streak's time span, the longest
 *                         overlap first
 * @param cpu              the highest-machine-load CPU sample in the streak, or {@code null}
 * @param allocation       allocation rate over the streak, or {@code null} without samples
 * @param hotMethods       what the simulation threads ran in the streak, or {@code null} if the
 *                         recording has no execution sample of them
 */
public record StreakAttribution(long firstTick, long lastTick, int frames, long startNanos, long offsetNanos,
                                long endNanos, long worstTick, long worstNanos, List<Cause> causes, CpuShare cpu,
                                AllocationRate allocation, HotMethods hotMethods) {
    public StreakAttribution {
        causes = List.copyOf(causes);
    }
}
