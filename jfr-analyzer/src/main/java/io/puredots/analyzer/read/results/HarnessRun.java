package io.puredots.analyzer.read.results;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One results directory of {@code ci/profile.sh}: when and from which commit it ran (its
 * {@code environment.json}) and its metrics ({@code metrics.jsonl}, in file order).
 *
 * @param dir         the results directory as found
 * @param time        when the run started
 * @param commit      the commit's full id, or {@code unknown}
 * @param shortCommit the commit's short id, or {@code unknown}
 * @param dirty       whether the work tree had changes not committed
 * @param scenario    the game's scenario (e.g. {@code soak}), or {@code ""} when not recorded
 * @param gameArgs    the game's arguments as the harness passed them; empty when not recorded
 */
public record HarnessRun(Path dir, Instant time, String commit, String shortCommit, boolean dirty,
                         String scenario, List<String> gameArgs, List<MetricLine> metrics) {
    public HarnessRun {
        gameArgs = List.copyOf(gameArgs);
        metrics = List.copyOf(metrics);
    }
}
