package io.puredots.analyzer.model.compare;

import java.util.List;
import java.util.Objects;

/**
 * What one run gives a regression comparison: its environment and, per metric, the batch
 * statistics and sample distribution. Immutable.
 *
 * @param input       the recording(s) as the user named them
 * @param batchFrames frames per batch (batches are whole multiples of the tick number)
 * @param environment where it was recorded
 * @param metrics     per metric, in a stable order: frame, groups, systems, jobs, then memory
 */
public record RunSamples(String input, int batchFrames, Environment environment, List<MetricRun> metrics) {

    public RunSamples {
        Objects.requireNonNull(input);
        Objects.requireNonNull(environment);
        metrics = List.copyOf(metrics);
    }
}
