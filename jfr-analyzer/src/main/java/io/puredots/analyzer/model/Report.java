package io.puredots.analyzer.model;

import io.puredots.analyzer.model.attribution.AttributionResult;
import io.puredots.analyzer.model.timeline.Timeline;

import java.util.List;

/**
 * Everything {@code jfr-analyzer report} says about one run: the one value every output writer
 * reads. Immutable; times in nanoseconds, sizes in bytes, instants as epoch nanoseconds (UTC).
 *
 * @param overview     the recording(s): JVM, time span, chunks, event counts
 * @param selection    which part of the run the statistics cover (window, warm-up)
 * @param gameEvents   whether the recording holds any {@code puredots.*} events
 * @param frames       frame statistics; {@code null} without {@code puredots.Frame} events
 * @param groups       per system group, in first-seen order
 * @param systems      per system, in first-seen order
 * @param jobs         workers and jobs; {@code null} without job events
 * @param memory       heap, native containers, direct buffers
 * @param registries   per registry, in first-seen order
 * @param budgets      the budget verdicts; {@code null} until judged
 * @param slowFrames   what overlapped the worst frames and the over-budget streaks
 *                     (built by {@code stats.attribution}); {@code null} if not computed
 * @param timeline     the run over time for charts (built by {@code stats.timeline}); {@code null}
 *                     unless the request asked for it
 * @param jmc          JMC automated analysis (run by {@code jmc}); {@code null} if not run
 * @param warnings     one-line warnings about the input: skipped damaged chunks, unfinished
 *                     repository chunks, truncated gzip data, how much was skipped
 */
public record Report(Overview overview, Selection selection, boolean gameEvents, Frames frames,
                     List<Series> groups, List<Series> systems, Jobs jobs, Memory memory,
                     List<Registry> registries, BudgetResult budgets, AttributionResult slowFrames,
                     Timeline timeline, JmcReport jmc, List<String> warnings) {

    public Report {
        groups = List.copyOf(groups);
        systems = List.copyOf(systems);
        registries = List.copyOf(registries);
        warnings = List.copyOf(warnings);
    }
}
