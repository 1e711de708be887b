package io.puredots.analyzer.output;

import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.pipeline.ReportPipeline;
import io.puredots.analyzer.pipeline.ReportRequest;
import io.puredots.analyzer.pipeline.JmcOptions;
import io.puredots.budgets.Budgets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The text report fits its width: every line of the game's recording at the default 120 columns;
 * at 80, every line but the rows of tables of numbers. Wrapping moves words, never drops them.
 */
class TextWriterWidthTest {
    private static Report sim;
    private static Report twoChunks;

    @BeforeAll
    static void read() throws IOException {
        sim = report("../recordings/fixtures/sim-small.jfr");
        twoChunks = report("src/test/resources/fixtures/game-two-chunks.jfr");
    }

    private static Report report(String file) throws IOException {
        return ReportPipeline.run(ReportRequest.of(List.of(Path.of(file)), Budgets.defaults())
                .withJmc(JmcOptions.OFF));
    }

    private static String text(Report r, int width) throws IOException {
        StringWriter out = new StringWriter();
        new TextWriter(width).write(r, out);
        return out.toString();
    }

    @Test
    void everyLineFitsTheDefault120Columns() throws IOException {
        for (Report r : List.of(sim, twoChunks)) {
            String wide = text(r, 10_000);
            assertTrue(wide.lines().anyMatch(l -> l.length() > 120), "the fixture has lines to fit");
            for (String line : text(r, TextWriter.DEFAULT_WIDTH).split("\n")) {
                assertTrue(line.length() <= 120, line.length() + ": " + line);
            }
        }
    }

    @Test
    void causeLinesWrapUnderTheirFrameAt80Columns() throws IOException {
        String text = text(sim, 80);
        String slow = section(text, "Slow frames: what overlapped them");
        for (String line : slow.split("\n")) {
            assertTrue(line.length() <= 80, line.length() + ": " + line);
        }
        int valueColumn = slow.split("\n")[1].indexOf("park on main");
        assertTrue(valueColumn > 0);
        assertTrue(slow.lines().skip(1).anyMatch(l -> l.startsWith(" ".repeat(valueColumn) + "JIT:")),
                "a continuation starts under the frame's first cause:\n" + slow);
    }

    @Test
    void wrappingKeepsEveryWordOfEverySectionButTheRegroupedSystems() throws IOException {
        for (Report r : List.of(sim, twoChunks)) {
            String wide = text(r, 10_000);
            String narrow = text(r, 100);
            assertEquals(words(wide.replace(section(wide, "Systems"), "")),
                    words(narrow.replace(section(narrow, "Systems"), "")));
        }
    }

    @Test
    void aTooWideSystemsTableShowsEachGroupOnceAsAHeading() throws IOException {
        String wide = section(text(sim, 10_000), "Systems");
        String narrow = section(text(sim, 120), "Systems");
        assertTrue(wide.lines().skip(1).findFirst().orElseThrow().contains(" group "), wide);
        assertFalse(narrow.lines().skip(1).findFirst().orElseThrow().contains(" group "), narrow);
        for (String group : List.of("VillagerSystemGroup", "SpatialSystemGroup", "EnvironmentSystemGroup")) {
            assertEquals(1, narrow.lines().filter(l -> l.strip().equals(group)).count(), group);
            assertTrue(wide.lines().filter(l -> l.contains(group)).count() > 0, group);
        }
        // every system row keeps its numbers
        for (String row : wide.lines().skip(2).filter(l -> l.startsWith("  ") && !l.startsWith("  (")).toList()) {
            String[] cells = row.trim().split("\\s+");
            String system = cells[0];
            String rest = String.join(" ", Arrays.asList(cells).subList(2, cells.length));
            assertTrue(narrow.lines().anyMatch(l -> l.trim().replaceAll("\\s+", " ").equals(system + " " + rest)),
                    system + " " + rest + " in\n" + narrow);
        }
    }

    @Test
    void aBudgetDetailTooNarrowToWrapGoesOnItsOwnLineBelowItsRow() throws IOException {
        String budgets = section(text(sim, 120), "Budgets");
        List<String> lines = budgets.lines().toList();
        int frameRow = indexOfStart(lines, "  frame ");
        assertTrue(lines.get(frameRow + 1).startsWith("      ") && lines.get(frameRow + 1).contains("frames over"),
                budgets);
    }

    private static int indexOfStart(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError(prefix + " not found");
    }

    /** From the line that is {@code name} up to the next blank line. */
    private static String section(String text, String name) {
        int start = text.indexOf("\n" + name + "\n");
        assertTrue(start >= 0, name);
        int end = text.indexOf("\n\n", start + 1);
        return text.substring(start + 1, end < 0 ? text.length() : end + 1);
    }

    private static List<String> words(String text) {
        return new ArrayList<>(Arrays.asList(text.trim().split("\\s+")));
    }
}
