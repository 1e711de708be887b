/**
 * Why slow frames were slow: the worst frames and over-budget streaks with the JVM activity that
 * overlapped them. Immutable values holding data only (names from the recording, times in ns);
 * {@code stats.attribution} builds them and {@code output} words them. The JSON report serializes
 * them under their Java names, a {@link io.puredots.analyzer.model.attribution.CauseDetail} and an
 * {@link io.puredots.analyzer.model.attribution.AttributionNote} as the text report's words.
 */
package io.puredots.analyzer.model.attribution;
