package io.puredots.analyzer.model.compare;

/** The judgement of one compared metric. */
public enum Verdict {
    /** Worse by at least the threshold, and significant. */
    REGRESSION,
    /** Better by at least the threshold, and significant. */
    IMPROVEMENT,
    /** Changed by at least the threshold, and significant, on a metric where neither way is worse. */
    CHANGED,
    /** Below the threshold, or not significant. */
    NO_SIGNIFICANT_CHANGE,
    /** On one side only, or too little data on a side to judge. */
    NOT_COMPARED
}
