/**
 * Writing quantities for people: {@link io.puredots.analyzer.text.Units}. A leaf package (JDK
 * only) so that reading, aggregating, judging and output all print sizes and times alike without
 * depending on one another.
 */
package io.puredots.analyzer.text;
