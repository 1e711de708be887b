package io.puredots.analyzer.model.timeline;

import java.util.List;

/**
 * One job worker thread over the run.
 *
 * @param thread       the thread's name
 * @param utilization  per frame bucket ({@link Timeline#frames()} order), the time its job runs of
 *                     those ticks took divided by the bucket's span (first frame's start to last
 *                     frame's end), 0..1 (can exceed 1 slightly when jobs outlast their frame)
 */
public record WorkerSeries(String thread, List<Double> utilization) {

    public WorkerSeries {
        utilization = List.copyOf(utilization);
    }
}
