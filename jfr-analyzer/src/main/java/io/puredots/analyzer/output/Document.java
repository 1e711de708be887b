package io.puredots.analyzer.output;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A report laid out as sections of lines and tables, independent of the output syntax: the text
 * and Markdown writers render the same document. Not thread-safe; built once, then rendered.
 */
final class Document {
    private static final Pattern NUMERIC = Pattern.compile("[-+>= ]*[0-9][0-9.,]*( ?[%A-Za-z/]+)?");

    final String title;
    final List<Section> sections = new ArrayList<>();

    Document(String title) {
        this.title = title;
    }

    Section section(String name) {
        Section s = new Section(name);
        sections.add(s);
        return s;
    }

    /** A titled part: key/value lines (each with its sub-lines), free notes and tables, in insertion order. */
    static final class Section {
        final String name;
        final List<Object> parts = new ArrayList<>();

        Section(String name) {
            this.name = name;
        }

        Section kv(String key, String value) {
            parts.add(new String[] {key, value});
            return this;
        }

        Section note(String text) {
            parts.add(text);
            return this;
        }

        /** A line that belongs to the key/value line before it (shown indented under it). */
        Section sub(String text) {
            parts.add(new Sub(text));
            return this;
        }

        Table table(String... header) {
            Table t = new Table(header);
            parts.add(t);
            return t;
        }
    }

    /**
     * Whether a cell reads as a number with an optional unit ({@code 12.5}, {@code 3.1%},
     * {@code 1.86 MiB}, {@code >= 49.800}): such cells are right-aligned.
     */
    static boolean numeric(String cell) {
        return NUMERIC.matcher(cell).matches();
    }

    /** A line under the key/value line before it. */
    record Sub(String text) {
    }

    /** A table; numeric-looking cells are right-aligned by the text renderer. */
    static final class Table {
        final String[] header;
        final List<String[]> rows = new ArrayList<>();
        /** A column a narrow renderer may turn into headings over its rows, or -1. */
        int headingColumn = -1;

        Table(String[] header) {
            this.header = header;
        }

        /**
         * Marks a column whose values name groups of rows (a system's group): a renderer short of
         * width may show each value once as a heading over its rows instead of a column.
         */
        Table headingColumn(int column) {
            headingColumn = column;
            return this;
        }

        Table row(String... cells) {
            rows.add(cells);
            return this;
        }
    }
}
