package io.puredots.analyzer.output;

import io.puredots.analyzer.pipeline.JmcOptions;
import io.puredots.analyzer.pipeline.ReportPipeline;
import io.puredots.analyzer.pipeline.ReportRequest;
import io.puredots.budgets.Budgets;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Markdown table cells escape what Markdown would read as table or emphasis syntax; columns of
 * text are left-aligned, columns of numbers right-aligned.
 */
class MarkdownWriterTest {
    @Test
    void tableCellsEscapePipesUnderscoresAndStars() {
        assertEquals("Spawn\\|Move \\_tick\\_ \\*x\\*", MarkdownWriter.escape("Spawn|Move _tick_ *x*"));
        assertEquals("plain", MarkdownWriter.escape("plain"));
    }

    @Test
    void textColumnsAreLeftAlignedAndNumberColumnsRightAligned() throws IOException {
        StringWriter out = new StringWriter();
        new MarkdownWriter().write(ReportPipeline.run(ReportRequest.of(
                List.of(Path.of("../recordings/fixtures/sim-small.jfr")), Budgets.defaults()).withJmc(JmcOptions.OFF)),
                out);
        List<String> lines = out.toString().lines().toList();
        int systems = lines.indexOf("| system | group | calls | total ms | mean | p50 | p95 | p99 | max | share | budget"
                + " | over | streak |");
        assertTrue(systems >= 0, out.toString());
        assertEquals("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |",
                lines.get(systems + 1), "budget, over and streak are '-' for every system: text, left");
        int budgets = lines.indexOf("| budget | status | severity | limit | measured | detail |");
        assertEquals("| --- | --- | --- | ---: | ---: | --- |", lines.get(budgets + 1));
    }
}
