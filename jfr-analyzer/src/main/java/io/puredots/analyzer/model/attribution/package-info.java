/**
 * Why slow frames were slow: the worst frames and over-budget streaks with the JVM activity that
 * overlapped them. Immutable values; {@code stats.attribution} builds them, {@code output} words
 * them, and the JSON report serializes them under their Java names.
 */
package io.puredots.analyzer.model.attribution;
