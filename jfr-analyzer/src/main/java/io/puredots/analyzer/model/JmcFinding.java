package io.puredots.analyzer.model;

/**
 * The result of one JMC rule. Plain values, no JMC types. Immutable.
 *
 * @param ruleId      the rule's stable id, e.g. {@code GcPauseRatio} or {@code puredots.framebudget}
 * @param ruleName    the rule's display name
 * @param topic       JMC's topic, e.g. "garbage_collection", "PureDOTS"
 * @param severity    JMC's severity: "OK", "INFO", "WARNING", "NA" (not applicable) or "IGNORE";
 *                    "FAILED" if the rule threw
 * @param score       JMC's score 0..100 (higher is worse); -1 if the rule gave none
 * @param summary     one line (JMC's summary, markup removed)
 * @param explanation longer text, may be empty
 * @param solution    what to do, may be empty
 */
public record JmcFinding(String ruleId, String ruleName, String topic, String severity, double score, String summary,
                         String explanation, String solution) {

    /** Whether JMC would show this as a warning. */
    public boolean isWarning() {
        return severity.equals("WARNING");
    }
}
