package io.puredots.analyzer.output.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds one self-contained HTML page: a title, sections of key/value lists, notes, sortable
 * tables and chart slots. Scripts and styles are inlined (uPlot, {@code page.js},
 * {@code charts.js} and the style sheets), so the file works offline; a Content-Security-Policy
 * allows exactly those by hash. Every text is escaped with {@link HtmlEscape#text}; chart data is
 * embedded with {@link JsonScript#embed}. Not thread-safe: build, then {@link #render} once.
 *
 * <p>A chart slot holds a chart spec (JSON) that {@code charts.js} turns into a uPlot chart; the
 * spec's keys are documented at the top of {@code charts.js}. A table row can be linked to a
 * chart: clicking it zooms that chart's x axis to a range ({@link Row#focus}) and picks an entry
 * of a chart with a picker, such as a Gantt chart's frame ({@link Row#pick}).
 */
public final class HtmlPage {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");

    private final String title;
    private final List<Section> sections = new ArrayList<>();
    private final Set<String> ids = new LinkedHashSet<>();
    private final List<String> header = new ArrayList<>();
    private final List<String> extraScripts = new ArrayList<>();

    /** A page with this title (shown as the document title and the top heading). */
    public HtmlPage(String title) {
        this.title = title;
    }

    /** A line under the top heading, e.g. what the page is about. */
    public HtmlPage subtitle(String text) {
        header.add(text);
        return this;
    }

    /**
     * Inlines one more script after {@code charts.js} (allowed by its hash like the others), for
     * behaviour a page needs beyond charts and tables.
     *
     * @param resource classpath resource, e.g. {@code /io/puredots/analyzer/output/html/x.js}
     */
    public HtmlPage script(String resource) {
        extraScripts.add(HtmlAssets.read(resource));
        return this;
    }

    /** Appends a section with this heading. */
    public Section section(String heading) {
        Section s = new Section(heading);
        sections.add(s);
        return s;
    }

    /** Writes the page as UTF-8 text; does not close {@code out}. */
    public void render(Writer out) throws IOException {
        List<String> scripts = new ArrayList<>(List.of(HtmlAssets.read(HtmlAssets.UPLOT_JS),
                HtmlAssets.read(HtmlAssets.PAGE_JS), HtmlAssets.read(HtmlAssets.CHARTS_JS)));
        scripts.addAll(extraScripts);
        List<String> styles = List.of(HtmlAssets.read(HtmlAssets.UPLOT_CSS), HtmlAssets.read(HtmlAssets.PAGE_CSS));
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        b.append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(HtmlEscape.text(ContentPolicy.of(scripts, styles))).append("\">\n");
        b.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        b.append("<title>").append(HtmlEscape.text(title)).append("</title>\n");
        for (String s : styles) {
            b.append("<style>").append(s).append("</style>\n");
        }
        b.append("</head>\n<body>\n<header><h1>").append(HtmlEscape.text(title)).append("</h1>\n");
        for (String h : header) {
            b.append("<p>").append(HtmlEscape.text(h)).append("</p>\n");
        }
        b.append("</header>\n<main>\n");
        for (Section s : sections) {
            s.render(b);
        }
        b.append("</main>\n");
        for (String s : scripts) {
            b.append("<script>").append(s).append("</script>\n");
        }
        b.append("</body>\n</html>\n");
        out.write(b.toString());
        out.flush();
    }

    private String newId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("chart id '" + id + "' is not [a-z][a-z0-9-]*");
        }
        if (!ids.add(id)) {
            throw new IllegalArgumentException("chart id '" + id + "' used twice");
        }
        return id;
    }

    /** A titled part of the page: its parts in insertion order. */
    public final class Section {
        private final String heading;
        private final List<Object> parts = new ArrayList<>();

        private Section(String heading) {
            this.heading = heading;
        }

        /** A key/value line; consecutive ones form one list. */
        public Section kv(String key, String value) {
            parts.add(new String[] {key, value});
            return this;
        }

        /** A line under the key/value line before it (e.g. a slow frame's hot methods). */
        public Section sub(String text) {
            parts.add(new Sub(text));
            return this;
        }

        /** A free note. */
        public Section note(String text) {
            parts.add(text);
            return this;
        }

        /** A table with this header; sortable by clicking a header cell. */
        public Table table(String... header) {
            Table t = new Table(header);
            parts.add(t);
            return t;
        }

        /**
         * A chart slot: {@code charts.js} draws {@code spec} into it.
         *
         * @param id     unique on the page, {@code [a-z][a-z0-9-]*}; rows link to it by this id
         * @param title  caption above the chart
         * @param spec   the chart spec (see {@code charts.js})
         */
        public Section chart(String id, String title, ObjectNode spec) {
            parts.add(new Chart(newId(id), title, spec));
            return this;
        }

        private void render(StringBuilder b) {
            b.append("<section>\n<h2>").append(HtmlEscape.text(heading)).append("</h2>\n");
            boolean inList = false;
            for (Object p : parts) {
                boolean listPart = p instanceof String[] || p instanceof Sub;
                if (listPart && !inList) {
                    b.append("<dl>\n");
                    inList = true;
                } else if (!listPart && inList) {
                    b.append("</dl>\n");
                    inList = false;
                }
                if (p instanceof String[]) {
                    String[] kv = (String[]) p;
                    b.append("<dt>").append(HtmlEscape.text(kv[0])).append("</dt><dd>")
                            .append(HtmlEscape.text(kv[1])).append("</dd>\n");
                } else if (p instanceof Sub sub) {
                    b.append("<dd class=\"sub\">").append(HtmlEscape.text(sub.text())).append("</dd>\n");
                } else if (p instanceof String) {
                    b.append("<p class=\"note\">").append(HtmlEscape.text((String) p)).append("</p>\n");
                } else if (p instanceof Table) {
                    ((Table) p).render(b);
                } else {
                    ((Chart) p).render(b);
                }
            }
            if (inList) {
                b.append("</dl>\n");
            }
            b.append("</section>\n");
        }
    }

    /** A line under a key/value line. */
    private record Sub(String text) {
    }

    /** A sortable table: clicking a header sorts by it (numerically when every cell starts with a number). */
    public static final class Table {
        private final String[] header;
        private final List<Row> rows = new ArrayList<>();

        private Table(String[] header) {
            this.header = header.clone();
        }

        /** Appends a row; missing cells are left empty, extra ones are an error. */
        public Row row(String... cells) {
            if (cells.length > header.length) {
                throw new IllegalArgumentException(cells.length + " cells for " + header.length + " columns");
            }
            Row r = new Row(cells.clone());
            rows.add(r);
            return r;
        }

        private void render(StringBuilder b) {
            b.append("<div class=\"table\"><table class=\"sortable\">\n<thead><tr>");
            for (String h : header) {
                b.append("<th>").append(HtmlEscape.text(h)).append("</th>");
            }
            b.append("</tr></thead>\n<tbody>\n");
            for (Row r : rows) {
                r.render(b, header.length);
            }
            b.append("</tbody></table></div>\n");
        }
    }

    /** How a row is coloured, e.g. by a verdict: ok (green), warn (amber), bad (red), muted (grey: not judged), none. */
    public enum Tone {
        NONE, OK, WARN, BAD, MUTED
    }

    /** A table row, optionally coloured and linked to charts. */
    public static final class Row {
        private final String[] cells;
        private Tone tone = Tone.NONE;
        private String focusChart;
        private double focusMin;
        private double focusMax;
        private String pickChart;
        private String pickKey;

        private Row(String[] cells) {
            this.cells = cells;
        }

        /** Colours the row (CSS class {@code tone-ok}, {@code tone-warn}, {@code tone-bad} or {@code tone-muted}). */
        public Row tone(Tone t) {
            this.tone = t;
            return this;
        }

        /** Clicking the row zooms chart {@code chartId}'s x axis to {@code min..max} (x units of its spec). */
        public Row focus(String chartId, double min, double max) {
            this.focusChart = chartId;
            this.focusMin = min;
            this.focusMax = max;
            return this;
        }

        /** Clicking the row picks entry {@code key} of chart {@code chartId}'s picker (e.g. a Gantt chart's frame). */
        public Row pick(String chartId, String key) {
            this.pickChart = chartId;
            this.pickKey = key;
            return this;
        }

        private void render(StringBuilder b, int columns) {
            b.append("<tr");
            boolean linked = focusChart != null || pickChart != null;
            if (linked || tone != Tone.NONE) {
                b.append(" class=\"").append(linked ? "linked" : "").append(linked && tone != Tone.NONE ? " " : "")
                        .append(tone == Tone.NONE ? "" : "tone-" + tone.name().toLowerCase(Locale.ROOT)).append('"');
            }
            if (linked) {
                b.append(" tabindex=\"0\"");
            }
            if (focusChart != null) {
                b.append(" data-focus-chart=\"").append(HtmlEscape.text(focusChart)).append("\" data-focus-min=\"")
                        .append(focusMin).append("\" data-focus-max=\"").append(focusMax).append('"');
            }
            if (pickChart != null) {
                b.append(" data-pick-chart=\"").append(HtmlEscape.text(pickChart)).append("\" data-pick-key=\"")
                        .append(HtmlEscape.text(pickKey)).append('"');
            }
            b.append('>');
            for (int i = 0; i < columns; i++) {
                b.append("<td>").append(i < cells.length ? HtmlEscape.text(cells[i]) : "").append("</td>");
            }
            b.append("</tr>\n");
        }
    }

    private record Chart(String id, String title, JsonNode spec) {
        void render(StringBuilder b) {
            b.append("<figure class=\"chart\"><figcaption>").append(HtmlEscape.text(title)).append("</figcaption>\n")
                    .append("<div class=\"plot\" id=\"chart-").append(id).append("\" data-chart=\"").append(id)
                    .append("\"></div>\n<script type=\"application/json\" id=\"data-").append(id).append("\">")
                    .append(JsonScript.embed(spec)).append("</script>\n</figure>\n");
        }
    }
}
