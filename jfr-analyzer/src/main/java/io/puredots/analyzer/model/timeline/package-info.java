/**
 * A run over time, for charts: per-frame series downsampled so that a million frames fit a page
 * (each bucket keeps its minimum and maximum, so a spike is never averaged away), worker
 * utilization, memory, and the jobs of the slowest frames. Built by {@code stats.timeline}; read
 * by the HTML writer. Immutable values; times in nanoseconds, offsets from the recording's start.
 */
package io.puredots.analyzer.model.timeline;
