package io.puredots.analyzer.pipeline;

import io.puredots.analyzer.budget.BudgetJudge;
import io.puredots.analyzer.jmc.JmcAnalysis;
import io.puredots.analyzer.model.BudgetResult;
import io.puredots.analyzer.model.JmcReport;
import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.model.Selection;
import io.puredots.analyzer.read.ReadOptions;
import io.puredots.analyzer.read.ReadProgress;
import io.puredots.analyzer.read.ReadResult;
import io.puredots.analyzer.read.RecordingFormatException;
import io.puredots.analyzer.read.RecordingReader;
import io.puredots.analyzer.read.source.RecordingSource;
import io.puredots.analyzer.read.source.SourceException;
import io.puredots.analyzer.stats.ChunkStats;
import io.puredots.analyzer.stats.FramePass;
import io.puredots.analyzer.stats.JvmIdentity;
import io.puredots.analyzer.stats.RunSampler;
import io.puredots.analyzer.model.compare.Environment;
import io.puredots.analyzer.model.compare.MetricRun;
import io.puredots.analyzer.stats.Window;
import io.puredots.analyzer.stats.timeline.TimelineAggregator;
import io.puredots.analyzer.stats.timeline.TimelineSettings;
import io.puredots.budgets.Budgets;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads recordings, aggregates them and judges the budgets: the one way from inputs to a finished
 * {@link Report}, used by every command that reports on recordings and by the tests.
 *
 * <pre>{@code
 * Report r = ReportPipeline.run(ReportRequest.of(List.of(Path.of("run.jfr")), Budgets.defaults())
 *         .withWindow(new Window(null, null, 100, false)));
 * boolean violated = r.budgets().violated();
 * }</pre>
 *
 * <p>How, in order:
 * <ol>
 *   <li>The inputs are resolved to plain JFR files ({@link RecordingSource}: {@code .jfr} files,
 *       decompressed gzip, a repository's readable chunks), read as one run in the order given,
 *       only if they are one: {@code RecordingSource} refuses chunks out of time order,
 *       overlapping or at another tick rate, and after the pass below, chunks whose
 *       {@code jdk.JVMInformation} names another JVM (pid, JVM start) are refused too.</li>
 *   <li>If the {@link Window} needs it (a time window or a warm-up), a first pass over the frames
 *       ({@link FramePass}) fixes which ticks the statistics cover.</li>
 *   <li>One parallel pass with a {@link ChunkStats} per chunk; each partial is merged in chunk
 *       order as soon as it and every chunk before it are done, then dropped: heap is bounded by
 *       the chunks in flight, not the input size. If {@link ReportRequest#timeline()} asks for
 *       them, the same pass builds the chart series ({@link Report#timeline()}, downsampled: their
 *       heap is bounded too); otherwise the timeline is {@code null} and nothing else changes.</li>
 *   <li>Damaged chunks are skipped: the report covers the intact ones and its
 *       {@link Report#warnings()} say what was skipped and how much.</li>
 *   <li>JMC's rules ({@link JmcAnalysis}) within {@link ReportRequest#jmc()}, on the resolved
 *       files; never on an input with damaged chunks, which JMC's parser would skip silently or
 *       misread. Running out of heap while JMC loads its events leaves a "not run" note in the
 *       report, not a failure: the statistics are done by then.</li>
 *   <li>{@link BudgetJudge} sets the verdicts ({@link Report#budgets()} is never {@code null}).</li>
 * </ol>
 * Temporary files (decompressed gzip) are deleted before {@code run} returns or throws.
 *
 * <p>Failures are exceptions whose message is one line naming the input, so that a command can
 * print {@code cannot read } followed by it: a {@link SourceException} for an input that is
 * missing, unreadable or not a recording; the first damaged chunk's
 * {@link RecordingFormatException} when no chunk is intact; {@link NoSuchFileException} or
 * {@link AccessDeniedException} for a file that went away or was locked while being read; any
 * other {@link IOException}. An {@link OutOfMemoryError} while reading propagates. A window that
 * cannot hold a frame is an {@link EmptyWindowException}: its start not before its end (refused
 * before reading when both ends are offsets or both instants), or wholly after the recording's end
 * or before its start (refused after the frame pass, which learns the span).
 *
 * <p>Stateless and thread-safe: concurrent calls share nothing.
 */
public final class ReportPipeline {
    /** Most bytes of spent partials' arrays kept for reuse. */
    private static final long RECYCLED_BYTES = 32L << 20;

    private ReportPipeline() {
    }

    /**
     * Reads {@code request}'s inputs and returns the finished report: statistics, input warnings,
     * JMC findings (or why they were not run; {@code null} when switched off) and budget verdicts.
     *
     * @throws SourceException          an input is missing, unreadable or cannot be resolved, or the
     *                                  inputs are not one run (see {@code RecordingSource}; chunks
     *                                  naming different JVMs in {@code jdk.JVMInformation})
     * @throws RecordingFormatException no chunk of the inputs is intact (the first damaged one)
     * @throws IOException              any other read failure
     * @throws EmptyWindowException     the window cannot hold a frame of the recording
     */
    public static Report run(ReportRequest request) throws IOException {
        return run(request, null);
    }

    /**
     * The report of {@code request} and the batch statistics of its selected frames that a
     * regression comparison needs ({@link RunSampler}, batches of {@code batchFrames} ticks), from
     * the same one pass. Fails as {@link #run(ReportRequest)} does.
     *
     * @param batchFrames frames per batch, at least 1
     */
    public static SampledRun runSampled(ReportRequest request, int batchFrames) throws IOException {
        RunSampler sampler = new RunSampler(batchFrames);
        Report report = run(request, sampler);
        return new SampledRun(report, sampler.environment(), sampler.metrics());
    }

    /**
     * A report with the batch statistics of the same run.
     *
     * @param report      as {@link #run(ReportRequest)} returns it
     * @param environment the run's environment from its JDK events
     * @param metrics     frame, group, system, wait and utilization batch statistics (see {@link RunSampler})
     */
    public record SampledRun(Report report, Environment environment, List<MetricRun> metrics) {
        public SampledRun {
            metrics = List.copyOf(metrics);
        }
    }

    private static Report run(ReportRequest request, RunSampler sampler) throws IOException {
        List<String> names = new ArrayList<>();
        for (Path p : request.inputs()) {
            names.add(p.toString());
        }
        refuseInvertedWindow(request.window(), names);
        for (Path p : request.inputs()) {
            if (!Files.exists(p)) {
                throw new SourceException("'" + p + "': no such file");
            }
            if (!Files.isReadable(p)) {
                throw new SourceException("'" + p + "': permission denied");
            }
        }
        try (RecordingSource source = RecordingSource.resolveAll(request.inputs(), request.sourceOptions())) {
            ReadOptions options = request.readOptions().withSkipDamagedChunks(true);
            TimelineAggregator timeline = request.timeline()
                    ? new TimelineAggregator(TimelineSettings.from(request.budgets())) : null;
            Statistics stats = read(source.files(), names, request.budgets(), request.window(), options, sampler,
                    timeline);
            ReadResult<ChunkStats> read = stats.read();
            if (read.chunks().isEmpty() && !read.skippedChunks().isEmpty()) {
                throw read.skippedChunks().get(0);
            }
            if (stats.jvmConflict().isPresent()) {
                JvmIdentity.Conflict c = stats.jvmConflict().get();
                throw source.anotherJvm(c.earlierFile(), c.earlierPid(), c.earlierStartMillis(), c.laterFile(),
                        c.laterPid(), c.laterStartMillis());
            }
            List<String> warnings = new ArrayList<>(source.warnings());
            warnings.addAll(read.warnings());
            source.coverage(read.chunks()).ifPresent(warnings::add);
            JmcReport jmc = jmcRules(request, source.files(), stats.report(), read.skippedChunks().size());
            BudgetResult verdicts = BudgetJudge.judge(stats.report(), request.budgets());
            return finish(stats.report(), warnings, jmc, verdicts);
        }
    }

    /**
     * The one line for running out of heap, e.g. {@code out of memory reading 'x.jfr' (heap
     * -Xmx256m); run with a larger heap, e.g. java -Xmx512m -jar jfr-analyzer.jar ...}: in the
     * report's JMC note and in the command line's error, so both give the same advice.
     *
     * @param doing        what ran out, e.g. {@code "reading 'x.jfr'"}, or empty
     * @param maxHeapBytes the heap limit ({@link Runtime#maxMemory()})
     */
    public static String outOfMemory(String doing, long maxHeapBytes) {
        long mb = Math.max(1, maxHeapBytes >> 20);
        return "out of memory" + (doing.isEmpty() ? "" : " " + doing) + " (heap -Xmx" + mb + "m); run with a larger"
                + " heap, e.g. java -Xmx" + Math.max(512, 2 * mb) + "m -jar jfr-analyzer.jar ...";
    }

    /** The statistics of the intact chunks (no warnings, JMC part or verdicts yet) and the read's outcome. */
    private record Statistics(Report report, ReadResult<ChunkStats> read,
                              Optional<JvmIdentity.Conflict> jvmConflict) {
    }

    private static Statistics read(List<Path> files, List<String> names, Budgets budgets, Window window,
                                   ReadOptions options, RunSampler sampler, TimelineAggregator timeline)
            throws IOException {
        Selection selection = Selection.ALL;
        if (window.needsFramePass()) {
            // the two passes as one progress: the first half, then the second
            ReadProgress progress = options.progress();
            ReadOptions first = options.withProgress((done, total) -> progress.read(done, 2 * total));
            options = options.withProgress((done, total) -> progress.read(total + done, 2 * total));
            // folded chunk by chunk, in chunk order: this pass keeps no per-frame state beyond a chunk
            FramePass.Collector frames = new FramePass.Collector(window);
            RecordingReader.read(files, FramePass.Chunk::new, first, frames::add);
            if (frames.sawChunk()) {
                refuseEmptyWindow(window, names, frames.spanStart(), frames.spanEnd());
            }
            selection = frames.selection();
        }
        // the spent partials' arrays and histograms serve later chunks (see ChunkStats.partials)
        ChunkStats total = ChunkStats.runTotal(budgets, selection, RECYCLED_BYTES, sampler, timeline);
        // each chunk's partial is merged as soon as it and every chunk before it are done, then
        // dropped: at most about 2 * parallelism partials are alive, whatever the file size
        ReadResult<ChunkStats> read = RecordingReader.read(files, total.partials(), options, total::merge);
        return new Statistics(total.toReport(names), read, total.jvmConflict());
    }

    /** Refuses, before reading, a window whose ends are both offsets or both instants and not in order. */
    private static void refuseInvertedWindow(Window window, List<String> names) {
        Window.Time from = window.from();
        Window.Time to = window.to();
        if (from != null && to != null && from.isOffset() == to.isOffset() && from.resolve(0) >= to.resolve(0)) {
            throw new EmptyWindowException(EmptyWindowException.Problem.FROM_NOT_BEFORE_TO, window, names, false, 0, 0);
        }
    }

    /** Refuses a window that cannot hold a frame of the recording spanning {@code [start, end]} (epoch ns). */
    private static void refuseEmptyWindow(Window window, List<String> names, long start, long end) {
        Long from = window.from() == null ? null : window.from().resolve(start);
        Long to = window.to() == null ? null : window.to().resolve(start);
        EmptyWindowException.Problem problem = null;
        if (from != null && to != null && from >= to) {
            problem = EmptyWindowException.Problem.FROM_NOT_BEFORE_TO;
        } else if (from != null && from > end) {
            problem = EmptyWindowException.Problem.FROM_AFTER_END;
        } else if (to != null && to < start) {
            problem = EmptyWindowException.Problem.TO_BEFORE_START;
        }
        if (problem != null) {
            throw new EmptyWindowException(problem, window, names, true, start, end);
        }
    }

    /** The JMC part of the report: {@code null} when switched off, else the findings or why there are none. */
    private static JmcReport jmcRules(ReportRequest request, List<Path> files, Report stats, int damagedChunks) {
        JmcOptions o = request.jmc();
        if (!o.run()) {
            return null;
        }
        if (damagedChunks > 0) {
            return JmcAnalysis.notRun("the recording has damaged chunks, which JMC's parser would skip silently"
                    + " or misread");
        }
        try {
            return JmcAnalysis.run(files, stats.overview().eventCounts(), o.maxEvents(), o.maxInputBytes(),
                    request.budgets());
        } catch (OutOfMemoryError e) {
            // the statistics are done; only the optional JMC load did not fit
            return JmcAnalysis.notRun(outOfMemory("loading the events for the JMC rules",
                    Runtime.getRuntime().maxMemory()) + ", or a lower --jmc-max-events");
        }
    }

    /** The one place the finished report is put together from the statistics and what follows them. */
    private static Report finish(Report stats, List<String> warnings, JmcReport jmc, BudgetResult verdicts) {
        return new Report(stats.overview(), stats.selection(), stats.gameEvents(), stats.frames(), stats.groups(),
                stats.systems(), stats.jobs(), stats.memory(), stats.registries(), verdicts, stats.slowFrames(),
                stats.timeline(), jmc,
                warnings);
    }
}
