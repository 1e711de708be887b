package io.puredots.analyzer.output;

import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.text.Wrap;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain-text report for a terminal: sections, aligned key/value lines and tables, fitted to a
 * width. A value or note too long for its line wraps under itself; a table too wide first turns
 * its heading column (a system's group) into headings, then, if its last column is text, wraps
 * that column under itself, or where it would be narrower than {@value #UNDER_ROOM} columns puts
 * it on its own indented line below the row. Only a single word longer than its room (a long
 * name) still overflows. Thread-safe.
 */
public final class TextWriter implements ReportWriter {
    /** Columns when none is given: fits the common 120-column terminal and CI log viewer. */
    public static final int DEFAULT_WIDTH = 120;
    /** Narrowest room a wrapped value or column gets; below it, wrapping helps less than it hurts. */
    private static final int MIN_ROOM = 16;
    /** Narrowest room for a table's last column wrapped under itself; below it, it goes below the row. */
    static final int UNDER_ROOM = 40;
    /** Indent of a table's last cell put on its own line below the row. */
    private static final String BELOW = "      ";

    private final int width;

    public TextWriter() {
        this(DEFAULT_WIDTH);
    }

    /** @param width the most columns a line may take, at least 40 */
    public TextWriter(int width) {
        if (width < 40) {
            throw new IllegalArgumentException("width " + width + " is below 40");
        }
        this.width = width;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        Document d = ReportDocument.of(report);
        StringBuilder b = new StringBuilder();
        b.append(d.title).append('\n');
        for (Document.Section s : d.sections) {
            b.append('\n').append(s.name).append('\n');
            int keyWidth = 0;
            for (Object p : s.parts) {
                if (p instanceof String[]) {
                    keyWidth = Math.max(keyWidth, ((String[]) p)[0].length());
                }
            }
            for (Object p : s.parts) {
                if (p instanceof String[]) {
                    String[] kv = (String[]) p;
                    String indent = "  " + " ".repeat(keyWidth) + "  ";
                    List<String> lines = wrap(kv[1], width - indent.length());
                    b.append("  ").append(pad(kv[0], keyWidth, false)).append("  ").append(lines.get(0)).append('\n');
                    for (String l : lines.subList(1, lines.size())) {
                        b.append(indent).append(l).append('\n');
                    }
                } else if (p instanceof Document.Sub sub) {
                    List<String> lines = wrap(sub.text(), width - 4);
                    for (int i = 0; i < lines.size(); i++) {
                        b.append(i == 0 ? "    " : "      ").append(lines.get(i)).append('\n');
                    }
                } else if (p instanceof String) {
                    List<String> lines = wrap("(" + p + ")", width - 2);
                    for (int i = 0; i < lines.size(); i++) {
                        b.append(i == 0 ? "  " : "   ").append(lines.get(i)).append('\n');
                    }
                } else {
                    table(b, (Document.Table) p);
                }
            }
        }
        out.write(b.toString());
        out.flush();
    }

    private void table(StringBuilder b, Document.Table t) {
        String[] header = t.header;
        List<String[]> rows = t.rows;
        int[] w = widths(header, rows);
        if (lineWidth(w) > width && t.headingColumn >= 0) {
            grouped(b, t);
            return;
        }
        int wrapRoom = lastColumnRoom(w, rows);
        line(b, "  ", header, w, false, wrapRoom);
        for (String[] r : rows) {
            line(b, "  ", r, w, true, wrapRoom);
        }
    }

    /** The table with its heading column as heading lines, rows grouped under them in first-seen order. */
    private void grouped(StringBuilder b, Document.Table t) {
        int h = t.headingColumn;
        Map<String, List<String[]>> groups = new LinkedHashMap<>();
        for (String[] r : t.rows) {
            String[] rest = without(r, h);
            rest[0] = "  " + rest[0];
            groups.computeIfAbsent(r[h], k -> new ArrayList<>()).add(rest);
        }
        String[] header = without(t.header, h);
        List<String[]> all = new ArrayList<>();
        groups.values().forEach(all::addAll);
        int[] w = widths(header, all);
        int wrapRoom = lastColumnRoom(w, all);
        line(b, "  ", header, w, false, wrapRoom);
        for (Map.Entry<String, List<String[]>> g : groups.entrySet()) {
            b.append("  ").append(g.getKey()).append('\n');
            for (String[] r : g.getValue()) {
                line(b, "  ", r, w, true, wrapRoom);
            }
        }
    }

    /**
     * Room for the last column when the table is too wide and that column holds text (so it can
     * wrap under itself); 0 when it need not or cannot wrap; -1 when it goes on a line of its own.
     */
    private int lastColumnRoom(int[] w, List<String[]> rows) {
        int total = lineWidth(w);
        if (total <= width) {
            return 0;
        }
        int last = w.length - 1;
        boolean words = false;
        for (String[] r : rows) {
            if (Document.numeric(r[last])) {
                return 0;
            }
            words |= r[last].contains(" ");
        }
        if (!words) {
            return 0; // one word per cell (a histogram bar): nothing to wrap
        }
        int room = width - (total - w[last]);
        return room >= UNDER_ROOM ? room : -1;
    }

    private static int[] widths(String[] header, List<String[]> rows) {
        int[] w = new int[header.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = header[i].length();
        }
        for (String[] r : rows) {
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        return w;
    }

    /** Columns a table line takes: the indent, the cells and the gaps between them. */
    private static int lineWidth(int[] w) {
        int total = 2 + 2 * (w.length - 1);
        for (int x : w) {
            total += x;
        }
        return total;
    }

    private void line(StringBuilder b, String indent, String[] cells, int[] w, boolean body, int wrapRoom) {
        int last = cells.length - 1;
        if (wrapRoom < 0 && body) {
            String[] head = cells.clone();
            head[last] = "";
            line(b, indent, head, w, true, 0);
            for (String more : cells[last].isEmpty() ? List.<String>of() : wrap(cells[last], width - BELOW.length())) {
                b.append(BELOW).append(more).append('\n');
            }
            return;
        }
        if (wrapRoom < 0) {
            // the header keeps its last cell, where the rows' cells would have started
            line(b, indent, cells, w, false, 0);
            return;
        }
        List<String> tail = wrapRoom > 0 ? Wrap.lines(cells[last], wrapRoom) : List.of(cells[last]);
        StringBuilder l = new StringBuilder(indent);
        int lastStart = 0;
        for (int i = 0; i < cells.length; i++) {
            String cell = i == last ? tail.get(0) : cells[i];
            if (i == last) {
                lastStart = l.length();
            }
            boolean right = i > 0 && body && Document.numeric(cell);
            l.append(pad(cell, w[i], right));
            if (i < last) {
                l.append("  ");
            }
        }
        b.append(l.toString().stripTrailing()).append('\n');
        if (tail.size() > 1) {
            String under = " ".repeat(lastStart);
            for (String more : tail.subList(1, tail.size())) {
                b.append(under).append(more).append('\n');
            }
        }
    }

    private static List<String> wrap(String s, int room) {
        return room >= MIN_ROOM ? Wrap.lines(s, room) : List.of(s);
    }

    private static String[] without(String[] cells, int column) {
        String[] out = new String[cells.length - 1];
        for (int i = 0, j = 0; i < cells.length; i++) {
            if (i != column) {
                out[j++] = cells[i];
            }
        }
        return out;
    }

    private static String pad(String s, int width, boolean right) {
        if (s.length() >= width) {
            return s;
        }
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }
}
