package io.puredots.analyzer.pipeline;

import io.puredots.analyzer.cli.Cli;
import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.output.JsonWriter;
import io.puredots.analyzer.read.RecordingFormatException;
import io.puredots.analyzer.read.source.SourceException;
import io.puredots.analyzer.stats.Window;
import io.puredots.budgets.Budgets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportPipelineTest {
    /** Two chunks, 120 frames, a budget violated under the default budgets. */
    static final Path FIXTURE = Path.of("src/test/resources/fixtures/game-two-chunks.jfr");

    @TempDir
    Path dir;

    @Test
    void setsTheVerdictsAndRunsTheJmcRules() throws Exception {
        Report r = ReportPipeline.run(ReportRequest.of(List.of(FIXTURE), Budgets.defaults()));
        assertEquals(2, r.overview().chunks());
        assertEquals(120, r.frames().count());
        assertNotNull(r.budgets());
        assertTrue(r.budgets().violated(), r.budgets().toString());
        assertTrue(r.jmc().ran(), r.jmc().notes().toString());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void givesTheReportTheCommandLineWrites() throws Exception {
        Report r = ReportPipeline.run(ReportRequest.of(List.of(FIXTURE), Budgets.defaults())
                .withWindow(new Window(null, null, 0, true)));
        StringWriter json = new StringWriter();
        new JsonWriter().write(r, json);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("report", "--format", "json", "--warmup", "auto", FIXTURE.toString());
        assertEquals(Cli.VIOLATED, code, err.toString());
        assertEquals(json.toString(), out.toString());
    }

    @Test
    void aDamagedChunkIsSkippedWithWarningsAndNoJmcRules() throws Exception {
        byte[] whole = Files.readAllBytes(FIXTURE);
        Path cut = Files.write(dir.resolve("cut.jfr"), Arrays.copyOf(whole, whole.length * 3 / 4));
        Report r = ReportPipeline.run(ReportRequest.of(List.of(cut), Budgets.defaults()));
        assertEquals(1, r.overview().chunks());
        assertEquals(2, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).startsWith("skipped damaged chunk: '" + cut + "': truncated chunk"),
                r.warnings().get(0));
        assertTrue(r.warnings().get(1).startsWith("partial report over 1 chunk ("), r.warnings().get(1));
        assertFalse(r.jmc().ran());
        assertEquals(List.of("JMC rules not run: the recording has damaged chunks, which JMC's parser would skip"
                + " silently or misread"), r.jmc().notes());
        assertNotNull(r.budgets());
    }

    @Test
    void noIntactChunkIsTheFirstDamagedChunksError() throws Exception {
        byte[] whole = Files.readAllBytes(FIXTURE);
        Path cut = Files.write(dir.resolve("head.jfr"), Arrays.copyOf(whole, 1000));
        RecordingFormatException e = assertThrows(RecordingFormatException.class,
                () -> ReportPipeline.run(ReportRequest.of(List.of(cut), Budgets.defaults())));
        assertEquals(cut, e.file());
        assertEquals(0, e.chunkIndex());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void aMissingInputIsASourceExceptionNamingIt() {
        SourceException e = assertThrows(SourceException.class,
                () -> ReportPipeline.run(ReportRequest.of(List.of(FIXTURE, Path.of("nope.jfr")), Budgets.defaults())));
        assertEquals("'nope.jfr': no such file", e.getMessage());
    }

    @Test
    void jmcOffLeavesTheJmcPartOut() throws Exception {
        Report r = ReportPipeline.run(ReportRequest.of(List.of(FIXTURE), Budgets.defaults()).withJmc(JmcOptions.OFF));
        assertNull(r.jmc());
        assertNotNull(r.budgets());
    }

    @Test
    void theJmcEventLimitFollowsTheHeap() {
        assertEquals(262_144, JmcOptions.eventLimitForHeap(500_000, 256L << 20));
        assertEquals(500_000, JmcOptions.eventLimitForHeap(500_000, 4L << 30));
    }

    @Test
    void aWindowAfterTheEndIsRefusedWithTheSpanRead() {
        Window late = new Window(Window.Time.after(java.time.Duration.ofMinutes(10)), null, 0, false);
        EmptyWindowException e = assertThrows(EmptyWindowException.class, () -> ReportPipeline.run(
                ReportRequest.of(List.of(FIXTURE), Budgets.defaults()).withWindow(late)));
        assertEquals(EmptyWindowException.Problem.FROM_AFTER_END, e.problem());
        assertTrue(e.spanKnown());
        // the fixture's first chunk start and last chunk end (report.json's overview)
        assertEquals(1795783113270693883L, e.spanStartNanos());
        assertEquals(1795783113840368103L, e.spanEndNanos());
        assertEquals(List.of(FIXTURE.toString()), e.inputs());
    }

    @Test
    void anInvertedWindowOfTwoOffsetsIsRefusedBeforeReading() {
        Window inverted = new Window(Window.Time.after(java.time.Duration.ofSeconds(1)),
                Window.Time.after(java.time.Duration.ofMillis(500)), 0, false);
        // the input does not exist: the window is refused before anything is read
        EmptyWindowException e = assertThrows(EmptyWindowException.class, () -> ReportPipeline.run(
                ReportRequest.of(List.of(Path.of("no-such.jfr")), Budgets.defaults()).withWindow(inverted)));
        assertEquals(EmptyWindowException.Problem.FROM_NOT_BEFORE_TO, e.problem());
        assertFalse(e.spanKnown());
    }
}
