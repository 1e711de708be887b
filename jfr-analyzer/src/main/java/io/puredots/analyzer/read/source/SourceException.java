package io.puredots.analyzer.read.source;

import java.io.IOException;

/**
 * An input that cannot be turned into JFR chunks: missing, empty, not JFR, over the decompression
 * limit, a repository without a readable chunk. {@link #getMessage()} is one line that names the
 * input, e.g. {@code 'run.jfr.gz': decompresses to more than 8.0 GB (the limit)}. Immutable.
 */
public final class SourceException extends IOException {
    private static final long serialVersionUID = 1L;

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
