package io.puredots.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.function.Consumer;

/** The file formats metric points are written in, by their command-line names ({@code export}, {@code --export-to}). Immutable. */
public enum PointFormat {
    JSONL("jsonl"), INFLUX("influx"), CSV("csv");

    private final String cliName;

    PointFormat(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** Parses {@code jsonl}, {@code influx} or {@code csv}. */
    public static PointFormat parse(String s) {
        for (PointFormat f : values()) {
            if (f.cliName.equals(s.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new ExportException("unknown format '" + s + "' (known: jsonl, influx, csv)");
    }

    /**
     * A writer of this format on {@code out}, UTF-8, whose warnings (names replaced, one line per
     * series) go to standard error.
     *
     * @param closeStream whether {@link PointWriter#close()} closes {@code out} (false for stdout)
     */
    public PointWriter open(OutputStream out, boolean closeStream) throws IOException {
        return open(out, closeStream, w -> System.err.println("jfr-export: " + w));
    }

    /**
     * A writer of this format on {@code out}, UTF-8.
     *
     * @param closeStream whether {@link PointWriter#close()} closes {@code out} (false for stdout)
     * @param warnings receives one line per series whose names the format cannot carry as they are
     */
    public PointWriter open(OutputStream out, boolean closeStream, Consumer<String> warnings) throws IOException {
        switch (this) {
            case JSONL:
                return new JsonLinesWriter(out, closeStream, warnings);
            case INFLUX:
                return new LineProtocolWriter(out, closeStream, warnings);
            default:
                return new CsvPointWriter(out, closeStream, warnings);
        }
    }
}
