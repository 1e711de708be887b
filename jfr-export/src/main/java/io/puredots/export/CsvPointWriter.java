package io.puredots.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * CSV (RFC 4180, via Apache Commons CSV) with a header row: {@code timestamp,metric}, one column per
 * tag key of {@link Schema#TAG_KEYS}, then one per field of {@link Schema#FIELD_NAMES}; cells of
 * tags or fields a point does not have are empty. {@code timestamp} is epoch nanoseconds.
 *
 * <p>Quoting is RFC 4180's: a cell holding a comma, a double quote, CR or LF is quoted, with
 * double quotes doubled, so every name is carried as it is. The one exception is a lone
 * surrogate (half of a character, not encodable in UTF-8): replaced by
 * {@value NameReplacer#REPLACEMENT}, counted and warned about once per series.
 *
 * <p>Spreadsheet safety: a text cell that begins with {@code =}, {@code +}, {@code -}, {@code @},
 * tab or carriage return is prefixed with {@code '}, so a spreadsheet shows it as text instead of
 * evaluating it as a formula. Numeric cells are written by this class and are never text.
 *
 * <p>Not thread-safe.
 */
public final class CsvPointWriter implements PointWriter {
    private final CSVPrinter printer;
    private final OutputStream stream;
    private final boolean closeStream;
    private final NameReplacer names;
    private final List<Object> row = new ArrayList<>();

    /** @param warnings receives one line per series whose names had to be replaced */
    public CsvPointWriter(OutputStream out, boolean closeStream, Consumer<String> warnings) throws IOException {
        this.stream = out;
        this.closeStream = closeStream;
        this.names = new NameReplacer("csv", warnings);
        List<String> header = new ArrayList<>();
        header.add("timestamp");
        header.add("metric");
        header.addAll(Schema.TAG_KEYS);
        header.addAll(Schema.FIELD_NAMES);
        printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
                CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
        printer.printRecord(header);
    }

    @Override
    public void write(Point p) throws IOException {
        row.clear();
        row.add(p.timestampNanos());
        row.add(neutralize(text(p.metric(), "metric", null)));
        for (String key : Schema.TAG_KEYS) {
            String v = p.tag(key);
            row.add(v == null ? "" : neutralize(text(v, "value of tag", key)));
        }
        for (int i = 0; i < p.tagCount(); i++) {
            if (!Schema.TAG_KEYS.contains(p.tagKey(i))) {
                throw new ExportException("csv: tag '" + p.tagKey(i) + "' of " + p.metric() + " has no column");
            }
        }
        for (String name : Schema.FIELD_NAMES) {
            int i = p.field(name);
            if (i < 0) {
                row.add("");
            } else if (p.fieldType(i) == Point.FieldType.STRING) {
                row.add(neutralize(text(p.string(i), "value of field", name)));
            } else if (p.fieldType(i) == Point.FieldType.INTEGER) {
                row.add((long) p.number(i));
            } else {
                row.add(p.number(i));
            }
        }
        printer.printRecord(row);
        names.pointDone(p);
    }

    /** Points written with a name replaced. */
    public long replacedPoints() {
        return names.points();
    }

    /** The cell text with lone surrogates replaced; remembers the first replacement of the point. */
    private String text(String s, String what, String key) {
        String t = names.surrogateFree(s, what, key);
        return t == null ? "" : t;
    }

    /** The cell text as a spreadsheet will show it, never as a formula. */
    static String neutralize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
            return "'" + s;
        }
        return s;
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.flush();
        if (closeStream) {
            printer.close();
        } else {
            stream.flush();
        }
    }
}
