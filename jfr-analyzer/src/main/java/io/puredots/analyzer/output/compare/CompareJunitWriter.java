package io.puredots.analyzer.output.compare;

import io.puredots.analyzer.model.compare.BudgetComparison;
import io.puredots.analyzer.model.compare.Comparison;
import io.puredots.analyzer.model.compare.MetricComparison;
import io.puredots.analyzer.model.compare.Verdict;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The comparison as JUnit XML (the Surefire layout CI servers read): one {@code <testsuite>}, one
 * {@code <testcase>} per metric and per budget, a {@code <failure>} for each regression or newly
 * violated budget, {@code <skipped>} for a metric that could not be compared, and the summary and
 * warnings in {@code <system-out>}/{@code <system-err>}. Stateless.
 */
public final class CompareJunitWriter implements CompareWriter {

    @Override
    public void write(Comparison c, Writer out) throws IOException {
        List<MetricComparison> metrics = CompareWords.ordered(c);
        long failures = c.regressions().size() + c.newlyViolated().size();
        long skipped = metrics.stream().filter(m -> m.verdict() == Verdict.NOT_COMPARED).count();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "jfr-analyzer compare");
            x.writeAttribute("tests", String.valueOf(metrics.size() + c.budgets().size()));
            x.writeAttribute("failures", String.valueOf(failures));
            x.writeAttribute("errors", "0");
            x.writeCharacters("\n  ");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", "jfr-analyzer compare");
            x.writeAttribute("tests", String.valueOf(metrics.size() + c.budgets().size()));
            x.writeAttribute("failures", String.valueOf(failures));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", String.valueOf(skipped));
            x.writeAttribute("time", "0");
            for (MetricComparison m : metrics) {
                x.writeCharacters("\n    ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", "compare.metric");
                x.writeAttribute("name", m.metric());
                x.writeAttribute("time", "0");
                String line = m.statistic() + " " + CompareWords.delta(m.deltaPercent()) + " "
                        + CompareWords.interval(m.ciLowPercent(), m.ciHighPercent()) + ", p " + CompareWords.p(m.pValue())
                        + ", threshold +" + CompareWords.threshold(m.thresholdPercent()) + "; baseline "
                        + CompareTextWriter.triple(m.baseline(), m.unit()) + ", current "
                        + CompareTextWriter.triple(m.current(), m.unit()) + " (median / p95 / p99)";
                if (m.verdict() == Verdict.REGRESSION) {
                    x.writeStartElement("failure");
                    x.writeAttribute("type", "regression");
                    x.writeAttribute("message", m.metric() + " " + m.statistic() + " " + CompareWords.delta(m.deltaPercent())
                            + " (threshold +" + CompareWords.threshold(m.thresholdPercent()) + ")");
                    x.writeCharacters(line);
                    x.writeEndElement();
                } else if (m.verdict() == Verdict.NOT_COMPARED) {
                    x.writeStartElement("skipped");
                    x.writeAttribute("message", m.note());
                    x.writeEndElement();
                } else {
                    x.writeStartElement("system-out");
                    x.writeCharacters(CompareWords.verdict(m.verdict()) + ": " + line);
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            for (BudgetComparison b : c.budgets()) {
                x.writeCharacters("\n    ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", "compare.budget");
                x.writeAttribute("name", b.id());
                x.writeAttribute("time", "0");
                String line = "baseline " + b.baseline() + " (longest streak " + b.baselineStreak() + "), current "
                        + b.current() + " (longest streak " + b.currentStreak() + ")";
                if (b.newlyViolated()) {
                    x.writeStartElement("failure");
                    x.writeAttribute("type", "budget newly violated");
                    x.writeAttribute("message", b.id() + " newly violated: " + CompareWords.overBudget(b)
                            + (b.currentStreak() > 0 ? " (more than " + c.streakFrames() + ")" : ""));
                    x.writeCharacters(line);
                    x.writeEndElement();
                } else {
                    x.writeStartElement("system-out");
                    x.writeCharacters(line);
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            x.writeCharacters("\n    ");
            x.writeStartElement("system-out");
            x.writeCharacters(CompareWords.summary(c));
            x.writeEndElement();
            if (!c.warnings().isEmpty()) {
                x.writeCharacters("\n    ");
                x.writeStartElement("system-err");
                x.writeCharacters(String.join("\n", c.warnings().stream().map(w -> "warning: " + w).toList()));
                x.writeEndElement();
            }
            x.writeCharacters("\n  ");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        out.flush();
    }
}
