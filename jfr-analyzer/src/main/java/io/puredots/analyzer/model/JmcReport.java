package io.puredots.analyzer.model;

import java.util.List;

/**
 * JMC automated analysis of a recording: what ran, on what, and the findings. Immutable.
 *
 * @param ran            whether the rules ran; {@code false} when the input was over the size
 *                       limit or could not be loaded ({@link #notes()} says why)
 * @param inputBytes     size of the recording files given to JMC
 * @param maxInputBytes  the size limit in force
 * @param eventTypes     the event types loaded (only those the rules declare they need), sorted
 * @param rulesRun       number of rules evaluated
 * @param findings       every rule's result, worst first (by severity, then score)
 * @param notes          one-line caveats: the limit, skipped or failed rules, load problems
 */
public record JmcReport(boolean ran, long inputBytes, long maxInputBytes, List<String> eventTypes, int rulesRun,
                        List<JmcFinding> findings, List<String> notes) {
    public JmcReport {
        eventTypes = List.copyOf(eventTypes);
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    /** The findings JMC shows as warnings, worst first. */
    public List<JmcFinding> warnings() {
        return findings.stream().filter(JmcFinding::isWarning).toList();
    }
}
