package io.puredots.analyzer.output;

import io.puredots.analyzer.model.trend.ChangePoint;
import io.puredots.analyzer.model.trend.MetricTrend;
import io.puredots.analyzer.model.trend.Trend;
import io.puredots.analyzer.model.trend.TrendRun;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cells the text and Markdown trend writers share, so both word a trend alike: values to 4
 * significant digits (whole from 1000 on), times in UTC, one row per change point. Stateless and thread-safe.
 */
final class TrendCells {
    static final String[] RUN_HEADER = {"run", "time (UTC)", "commit", "dirty", "results directory"};
    static final String[] CHANGE_HEADER = {"metric", "run", "commit", "before", "after", "change", "p"};
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private TrendCells() {
    }

    /**
     * A value to 4 significant digits, or to the unit from 1000 on (byte counts stay whole),
     * without exponent; "-" for NaN (no value).
     */
    static String value(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (v == 0) {
            return "0";
        }
        if (Math.abs(v) >= 1000) {
            return new BigDecimal(v).setScale(0, RoundingMode.HALF_EVEN).toPlainString();
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(4, RoundingMode.HALF_EVEN));
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.stripTrailingZeros().toPlainString();
    }

    static String withUnit(double v, String unit) {
        return unit.isEmpty() || Double.isNaN(v) ? value(v) : value(v) + " " + unit;
    }

    static String percent(double pct) {
        return Double.isNaN(pct) ? "-" : String.format(Locale.ROOT, "%+.1f%%", pct);
    }

    static String pValue(double p) {
        return String.format(Locale.ROOT, "%.3f", p);
    }

    static String[] run(TrendRun r) {
        return new String[] {String.valueOf(r.number()), TIME.format(r.time()), r.shortCommit(), r.dirty() ? "yes" : "",
            r.name()};
    }

    /** One row per change point of every metric, in metric order. */
    static List<String[]> changes(Trend t) {
        List<String[]> rows = new ArrayList<>();
        for (MetricTrend m : t.metrics()) {
            for (ChangePoint c : m.changePoints()) {
                TrendRun r = t.runs().get(c.run() - 1);
                rows.add(new String[] {m.metric(), String.valueOf(c.run()), r.shortCommit(),
                    withUnit(c.before(), m.unit()), withUnit(c.after(), m.unit()), percent(c.changePercent()),
                    pValue(c.pValue())});
            }
        }
        return rows;
    }

    /** The metric's values in run order, separated by spaces, with "|" before each change point's run. */
    static String series(MetricTrend m) {
        StringBuilder b = new StringBuilder();
        int next = 0;
        for (int i = 0; i < m.values().size(); i++) {
            if (next < m.changePoints().size() && m.changePoints().get(next).run() == i + 1) {
                b.append(b.length() == 0 ? "| " : " | ");
                next++;
            } else if (b.length() > 0) {
                b.append(' ');
            }
            b.append(value(m.values().get(i)));
        }
        return b.toString();
    }

    /** The one-line summary on top: how many runs, metrics and change points. */
    static String summary(Trend t) {
        int shifted = 0;
        for (MetricTrend m : t.metrics()) {
            shifted += m.changePoints().isEmpty() ? 0 : 1;
        }
        int n = t.changePointCount();
        return t.runs().size() + (t.runs().size() == 1 ? " run, " : " runs, ") + t.metrics().size()
                + (t.metrics().size() == 1 ? " metric" : " metrics") + " (" + t.statistic() + " of each run): "
                + (n == 0 ? "no change point" : n + (n == 1 ? " change point in " : " change points in ") + shifted
                + (shifted == 1 ? " metric" : " metrics"));
    }
}
