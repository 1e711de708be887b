package io.puredots.analyzer.output;

import java.util.ArrayList;
import java.util.List;

/**
 * A report laid out as sections of lines and tables, independent of the output syntax: the text
 * and Markdown writers render the same document. Not thread-safe; built once, then rendered.
 */
final class Document {
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

    /** A line under the key/value line before it. */
    record Sub(String text) {
    }

    /** A table; numeric-looking cells are right-aligned by the text renderer. */
    static final class Table {
        final String[] header;
        final List<String[]> rows = new ArrayList<>();

        Table(String[] header) {
            this.header = header;
        }

        Table row(String... cells) {
            rows.add(cells);
            return this;
        }
    }
}
