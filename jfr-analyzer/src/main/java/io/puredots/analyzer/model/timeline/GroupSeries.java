package io.puredots.analyzer.model.timeline;

import java.util.List;

/**
 * One system group over the run.
 *
 * @param group          the group's name
 * @param meanNanos      per frame bucket ({@link Timeline#frames()} order), the group's summed
 *                       time in that bucket divided by the bucket's frames
 * @param maxNanos       per frame bucket, the group's longest single tick ({@code puredots.SystemGroupTick}
 *                       event; a group ticks once per frame in the reference game); 0 if it did not tick
 */
public record GroupSeries(String group, List<Double> meanNanos, List<Long> maxNanos) {

    public GroupSeries {
        meanNanos = List.copyOf(meanNanos);
        maxNanos = List.copyOf(maxNanos);
    }
}
