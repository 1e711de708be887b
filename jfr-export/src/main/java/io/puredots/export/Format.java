package io.puredots.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/** The file formats of {@code export}, by their command-line names. Immutable. */
public enum Format {
    JSONL("jsonl"), INFLUX("influx"), CSV("csv");

    private final String cliName;

    Format(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** Parses {@code jsonl}, {@code influx} or {@code csv}. */
    public static Format parse(String s) {
        for (Format f : values()) {
            if (f.cliName.equals(s.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new ExportException("unknown format '" + s + "' (known: jsonl, influx, csv)");
    }

    /**
     * A writer of this format on {@code out}, UTF-8.
     *
     * @param closeStream whether {@link PointWriter#close()} closes {@code out} (false for stdout)
     */
    public PointWriter open(OutputStream out, boolean closeStream) throws IOException {
        switch (this) {
            case JSONL:
                return new JsonLinesWriter(out, closeStream);
            case INFLUX:
                return new LineProtocolWriter(out, closeStream);
            default:
                return new CsvPointWriter(out, closeStream);
        }
    }
}
