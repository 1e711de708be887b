package io.puredots.analyzer.read.results;

/**
 * Harness results that cannot be read: none found, or a file that is missing, malformed or of
 * another schema. The message is one line naming the file (and line) as found.
 */
public final class ResultsException extends Exception {
    private static final long serialVersionUID = 1L;

    public ResultsException(String message) {
        super(message);
    }

    public ResultsException(String message, Throwable cause) {
        super(message, cause);
    }
}
