package io.puredots.export;

/**
 * A problem the user can act on (bad input, a value a format cannot carry, a refusing server).
 * The message is one lowercase line meant for the user; it never contains a credential.
 */
public class ExportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
