package io.puredots.events.dump;

/**
 * Severity of a {@code puredots.BudgetViolation}, in increasing order; the event's
 * {@code severity} field holds the name.
 */
public enum Severity {
    WARNING,
    CRITICAL;

    /** The severity named by an event's {@code severity} field; anything unknown counts as WARNING. */
    static Severity of(String name) {
        return "CRITICAL".equals(name) ? CRITICAL : WARNING;
    }
}
