package io.puredots.analyzer.model.trend;

import java.time.Instant;

/**
 * One harness run in a {@link Trend}.
 *
 * @param number      1-based position in the trend, oldest first
 * @param name        the results directory's name, e.g. {@code 2026-12-01_02-00-00_abc1234}
 * @param time        when the run started
 * @param commit      the commit's full id, or {@code unknown}
 * @param shortCommit the commit's short id, or {@code unknown}
 * @param dirty       whether the work tree had changes not committed
 */
public record TrendRun(int number, String name, Instant time, String commit, String shortCommit, boolean dirty) {
}
