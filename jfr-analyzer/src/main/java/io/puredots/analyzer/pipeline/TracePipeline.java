package io.puredots.analyzer.pipeline;

import io.puredots.analyzer.model.trace.TraceSink;
import io.puredots.analyzer.read.ChunkHeader;
import io.puredots.analyzer.read.ChunkInfo;
import io.puredots.analyzer.read.ReadOptions;
import io.puredots.analyzer.read.ReadResult;
import io.puredots.analyzer.read.RecordingFormatException;
import io.puredots.analyzer.read.RecordingReader;
import io.puredots.analyzer.read.source.RecordingSource;
import io.puredots.analyzer.read.source.SourceException;
import io.puredots.analyzer.read.source.SourceOptions;
import io.puredots.analyzer.stats.Window;
import io.puredots.analyzer.stats.trace.TickSpan;
import io.puredots.analyzer.stats.trace.TraceAssembler;
import io.puredots.analyzer.stats.trace.TraceChunk;
import io.puredots.analyzer.stats.trace.TraceWindow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads a recording into a trace timeline: the way from a recording to {@code trace}'s output,
 * streaming, in one pass (two with a tick range).
 *
 * <p>How, in order:
 * <ol>
 *   <li>The input is resolved as {@code report} resolves it ({@link RecordingSource}: a
 *       {@code .jfr} file, gzip, a JFR repository); the chunk headers give the recording's span,
 *       from whose start offsets count and the timeline's time zero is.</li>
 *   <li>The window: a time window must overlap the recording ({@link EmptyWindowException}
 *       otherwise, as for {@code report}); a tick range is looked up in a first pass over the
 *       frames ({@link TickSpan}; {@link NoSuchTicksException} if it holds none).</li>
 *   <li>One parallel pass with a {@link TraceChunk} per chunk that can hold an event of the
 *       window (chunks far outside it are not decoded); each is handed to the
 *       {@link TraceAssembler} on the calling thread ({@link BackgroundRead}) in chunk order as
 *       soon as it and every chunk before it are done, then dropped. Damaged chunks are
 *       skipped with report's warnings; with no intact chunk the first damaged one's
 *       {@link RecordingFormatException} is thrown.</li>
 *   <li>After each chunk and at the end, a sink that has written more than the request's limit
 *       stops the read with {@link TraceTooLargeException}; what it holds is then a cut trace,
 *       to discard.</li>
 * </ol>
 * Temporary files (decompressed gzip) are deleted before {@code run} returns or throws.
 *
 * <p>Stateless and thread-safe: concurrent calls share nothing.
 */
public final class TracePipeline {
    /**
     * How far an event's end may lie outside the span of the chunk that holds it (the chunk header's
     * times and the events' clock differ slightly; thread buffers are flushed at rotation).
     */
    static final long CHUNK_SLOP_NANOS = 1_000_000_000L;
    /**
     * The longest event a window reads chunks for: a chunk starting this long (and the slop) after
     * the window's end is not read, so a longer event that overlaps the window but ended that much
     * later is left out. Frames, systems, jobs and GC pauses are far shorter; a concurrent GC
     * cycle can come near it.
     */
    static final long LONGEST_EVENT_NANOS = 60_000_000_000L;

    private TracePipeline() {
    }

    /**
     * What to trace.
     *
     * @param input         a recording file, gzip file or JFR repository directory
     * @param from          window start (an offset from the recording start or an instant), or null
     * @param to            window end (exclusive), or null
     * @param firstTick     first tick of a tick range, or null (then {@code lastTick} is null too)
     * @param lastTick      last tick of a tick range (inclusive), or null
     * @param maxBytes      the most output the sink may write, {@code >= 1}
     * @param sourceOptions how the input is resolved
     * @param readOptions   decoder and parallelism (damaged chunks are always skipped)
     */
    public record Request(Path input, Window.Time from, Window.Time to, Long firstTick, Long lastTick, long maxBytes,
                          SourceOptions sourceOptions, ReadOptions readOptions) {
        public Request {
            if ((firstTick == null) != (lastTick == null)) {
                throw new IllegalArgumentException("a tick range needs both ends");
            }
            if (firstTick != null && (from != null || to != null)) {
                throw new IllegalArgumentException("a tick range and a time window together");
            }
        }
    }

    /**
     * What was written.
     *
     * @param warnings one-line warnings about the input (what was skipped or read partially)
     * @param written  trace events per JFR event type
     * @param flows    flow arrows from job schedules to job runs
     * @param bytes    output size, bytes
     */
    public record Result(List<String> warnings, Map<String, Long> written, long flows, long bytes) {
        public Result {
            warnings = List.copyOf(warnings);
            written = Map.copyOf(written);
        }
    }

    /**
     * Writes the trace of {@code request} to {@code sink}, begun and ended.
     *
     * @throws SourceException          the input is missing, unreadable or cannot be resolved
     * @throws RecordingFormatException no chunk of the input is intact (the first damaged one)
     * @throws EmptyWindowException     the time window does not overlap the recording
     * @throws NoSuchTicksException     the tick range holds no frame
     * @throws TraceTooLargeException   the sink wrote more than the request's limit; it is cut
     * @throws IOException              any other read or write failure
     */
    public static Result run(Request request, TraceSink sink) throws IOException {
        Path input = request.input();
        List<String> names = List.of(input.toString());
        Window asked = new Window(request.from(), request.to(), 0, false);
        if (request.from() != null && request.to() != null && request.from().isOffset() == request.to().isOffset()
                && request.from().resolve(0) >= request.to().resolve(0)) {
            throw new EmptyWindowException(EmptyWindowException.Problem.FROM_NOT_BEFORE_TO, asked, names, false, 0, 0);
        }
        if (!Files.exists(input)) {
            throw new SourceException("'" + input + "': no such file");
        }
        if (!Files.isReadable(input)) {
            throw new SourceException("'" + input + "': permission denied");
        }
        try (RecordingSource source = RecordingSource.resolve(input, request.sourceOptions())) {
            ReadOptions options = request.readOptions().withSkipDamagedChunks(true);
            long[] span = span(source.files());
            TraceWindow window = window(request, asked, names, span, source.files(), options);
            long from = Math.max(span[0], window.fromNanos());
            long to = Math.min(span[1], window.toNanos());
            TraceAssembler assembler = new TraceAssembler(sink, span[0], about(input, span[0], request, window));
            List<ChunkInfo> outside = new ArrayList<>();
            Predicate<ChunkInfo> wanted = c -> {
                boolean in = mayOverlap(c, window);
                if (!in) {
                    outside.add(c);
                }
                return in;
            };
            ReadResult<TraceChunk> read = BackgroundRead.read(source.files(), () -> new TraceChunk(window), options,
                    wanted, chunk -> {
                        assembler.add(chunk);
                        if (sink.written() > request.maxBytes()) {
                            long done = Math.min(chunk.endNanos(), to) - from;
                            throw new TraceTooLargeException(request.maxBytes(), sink.written(), done, to - from);
                        }
                    });
            if (read.chunks().isEmpty() && !read.skippedChunks().isEmpty()) {
                throw read.skippedChunks().get(0);
            }
            assembler.finish();
            if (sink.written() > request.maxBytes()) {
                throw new TraceTooLargeException(request.maxBytes(), sink.written(), to - from, to - from);
            }
            List<String> warnings = new ArrayList<>(source.warnings());
            warnings.addAll(read.warnings());
            List<ChunkInfo> covered = new ArrayList<>(read.chunks());
            covered.addAll(outside); // left out on purpose, not damaged
            source.coverage(covered, "trace").ifPresent(warnings::add);
            return new Result(warnings, assembler.written(), assembler.flows(), sink.written());
        }
    }

    /**
     * Whether chunk {@code c} can hold an event the window keeps: an event lies in the chunk in
     * which it ended, so it ends within about {@link #CHUNK_SLOP_NANOS} of the chunk's span and
     * starts at most {@link #LONGEST_EVENT_NANOS} before that.
     */
    static boolean mayOverlap(ChunkInfo c, TraceWindow window) {
        long start = c.startNanos();
        long end = start + c.durationNanos();
        return end + CHUNK_SLOP_NANOS > window.fromNanos()
                && start - CHUNK_SLOP_NANOS - LONGEST_EVENT_NANOS < window.toNanos();
    }

    /** The recording's {start, end}, epoch ns, from its readable chunk headers; {0, 0} if none. */
    private static long[] span(List<Path> files) throws IOException {
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (Path f : files) {
            for (ChunkHeader h : ChunkHeader.readAll(f)) {
                start = Math.min(start, h.startNanos());
                end = Math.max(end, h.startNanos() + h.durationNanos());
            }
        }
        return start > end ? new long[] {0, 0} : new long[] {start, end};
    }

    private static TraceWindow window(Request request, Window asked, List<String> names, long[] span, List<Path> files,
                                      ReadOptions options) throws IOException {
        if (request.firstTick() != null) {
            long first = request.firstTick();
            long last = request.lastTick();
            TickSpan all = new TickSpan(first, last);
            RecordingReader.read(files, () -> new TickSpan(first, last), options, all::add);
            if (all.frames() == 0) {
                throw new NoSuchTicksException(first, last, all.anyFrame(), all.minTick(), all.maxTick());
            }
            return TraceWindow.ticks(first, last, all.start(), all.end());
        }
        if (request.from() == null && request.to() == null) {
            return TraceWindow.ALL;
        }
        long from = request.from() == null ? Long.MIN_VALUE : request.from().resolve(span[0]);
        long to = request.to() == null ? Long.MAX_VALUE : request.to().resolve(span[0]);
        EmptyWindowException.Problem problem = null;
        if (from >= to) {
            problem = EmptyWindowException.Problem.FROM_NOT_BEFORE_TO;
        } else if (from != Long.MIN_VALUE && from > span[1]) {
            problem = EmptyWindowException.Problem.FROM_AFTER_END;
        } else if (to != Long.MAX_VALUE && to < span[0]) {
            problem = EmptyWindowException.Problem.TO_BEFORE_START;
        }
        if (problem != null) {
            throw new EmptyWindowException(problem, asked, names, true, span[0], span[1]);
        }
        return TraceWindow.time(from, to);
    }

    /** The trace's metadata: where it comes from and what it keeps. */
    private static Map<String, Object> about(Path input, long origin, Request request, TraceWindow window) {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("generator", "jfr-analyzer trace");
        about.put("recording", input.toString());
        about.put("recordingStart", Instant.ofEpochSecond(0, origin).toString());
        if (request.firstTick() != null) {
            about.put("ticks", request.firstTick() + ".." + request.lastTick());
        }
        if (window.fromNanos() != Long.MIN_VALUE) {
            about.put("from", Instant.ofEpochSecond(0, window.fromNanos()).toString());
        }
        if (window.toNanos() != Long.MAX_VALUE) {
            about.put("to", Instant.ofEpochSecond(0, window.toNanos()).toString());
        }
        return about;
    }
}
