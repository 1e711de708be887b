package io.puredots.budgets;

/**
 * A budget file that cannot be used: unknown key, bad value or unit, duplicate key. The
 * message is one line and names the source, the line number and the offending text.
 */
public final class BudgetFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public BudgetFormatException(String message) {
        super(message);
    }
}
