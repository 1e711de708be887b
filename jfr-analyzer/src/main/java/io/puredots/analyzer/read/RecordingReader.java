package io.puredots.analyzer.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reads JFR recordings chunk by chunk into {@link EventHandler}s: the entry point of {@code read/}.
 *
 * <pre>{@code
 * ReadResult<MyHandler> r = RecordingReader.read(List.of(Path.of("run.jfr")), MyHandler::new,
 *         ReadOptions.defaults());
 * MyHandler total = new MyHandler();
 * for (MyHandler h : r.handlers()) total.merge(h);   // chunk order
 * }</pre>
 *
 * <p>How: every input file is split into chunks by reading chunk headers only (directories,
 * JFR repositories and gzip files are resolved to files by {@link io.puredots.analyzer.read.source.RecordingSource}
 * first). Chunks are then decoded,
 * up to {@link ReadOptions#parallelism()} at a time on worker threads, each into a fresh handler
 * from the supplier; each handler is called by exactly one thread, so handlers need not be
 * thread-safe. Memory per chunk in flight is its metadata and constant pools, never its events.
 *
 * <p>Two ways to get the handlers back: {@link #read(List, Supplier, ReadOptions)} returns them
 * all in {@link ReadResult#handlers()} (simple; holds every chunk's partial state until the
 * end); {@link #read(List, Supplier, ReadOptions, Consumer)} hands each one to a consumer in
 * chunk order as soon as it and all chunks before it are done, and keeps no reference to it:
 * merge and drop, and at most about {@code 2 * parallelism} handlers are alive at once.
 *
 * <p>The {@code FAST} decoder decodes only the event types whose {@link EventHandler} method the
 * handler class overrides (checked once per class by reflection); the others are counted and
 * skipped by size. A handler that wants an event must therefore override its method, not
 * receive it through a generic hook.
 *
 * <p>Thread-safety: {@code read} keeps no state between calls and may be called concurrently.
 * The supplier and the consumer are called one call at a time (never concurrently, with
 * happens-before edges between calls), possibly on worker threads; everything they did is
 * visible to the caller when {@code read} returns.
 */
public final class RecordingReader {
    private RecordingReader() {
    }

    /**
     * Reads every chunk of {@code inputs} into handlers and returns them all.
     *
     * @param inputs          recording files (not directories), read in list order
     * @param handlerPerChunk makes one fresh handler per chunk
     * @param options         decoder, parallelism, damage policy
     * @return the handlers in chunk order and an overview of the recording
     * @throws RecordingFormatException a damaged chunk (the first in chunk order), unless
     *                                  {@link ReadOptions#skipDamagedChunks()}
     * @throws NoSuchFileException      an input does not exist
     * @throws IOException              an input is a directory; any other read failure
     */
    public static <H extends EventHandler> ReadResult<H> read(List<Path> inputs, Supplier<? extends H> handlerPerChunk,
                                                           ReadOptions options) throws IOException {
        List<H> handlers = new ArrayList<>();
        ReadResult<H> r = read(inputs, handlerPerChunk, options, handlers::add);
        return new ReadResult<>(Collections.unmodifiableList(handlers), r.chunks(), r.eventCounts(), r.startNanos(),
                r.endNanos(), r.fileSizes(), r.warnings(), r.skippedChunks(), r.unfinishedChunks());
    }

    /**
     * Reads every chunk of {@code inputs} into handlers and gives each handler, once its chunk
     * is decoded, to {@code inChunkOrder}: in chunk order, one call at a time. Damaged chunks
     * that are skipped are not given. The result's {@link ReadResult#handlers()} is empty.
     *
     * @param inChunkOrder receives the handler of every successfully decoded chunk, in chunk order
     * @throws RecordingFormatException a damaged chunk (the first in chunk order), unless
     *                                  {@link ReadOptions#skipDamagedChunks()}; the consumer has
     *                                  then received the handlers of the chunks before it
     * @see #read(List, Supplier, ReadOptions)
     */
    public static <H extends EventHandler> ReadResult<H> read(List<Path> inputs, Supplier<? extends H> handlerPerChunk,
                                                           ReadOptions options, Consumer<? super H> inChunkOrder)
            throws IOException {
        return read(inputs, handlerPerChunk, options, c -> true, inChunkOrder);
    }

    /**
     * {@link #read(List, Supplier, ReadOptions, Consumer)} of the chunks {@code wanted} accepts (by
     * their headers; called once per chunk, in chunk order, before any is decoded): the others are
     * not decoded, and are absent from the result as if the inputs did not hold them. For a reader
     * that needs only a part of a recording, e.g. a time window.
     */
    public static <H extends EventHandler> ReadResult<H> read(List<Path> inputs, Supplier<? extends H> handlerPerChunk,
                                                           ReadOptions options, Predicate<ChunkInfo> wanted,
                                                           Consumer<? super H> inChunkOrder)
            throws IOException {
        List<Path> files = requireFiles(inputs);
        Map<Path, Long> fileSizes = new LinkedHashMap<>();
        List<Slot<H>> slots = new ArrayList<>();
        int nextIndex = 0;
        for (Path file : files) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                fileSizes.put(file, ch.size());
                ChunkHeader.Split split = ChunkHeader.split(file, ch, nextIndex);
                ChunkHeader unfinished = split.unfinished();
                boolean wholeFile = split.damage() == null && split.chunks().size() == 1 && unfinished == null;
                for (ChunkHeader c : split.chunks()) {
                    if (!wanted.test(c.info())) {
                        continue;
                    }
                    Slot<H> slot = new Slot<>(c, wholeFile);
                    if (c == unfinished) {
                        slot.unfinished = UnfinishedChunk.measure(ch, c);
                    }
                    slots.add(slot);
                }
                nextIndex += split.chunks().size();
                if (split.damage() != null) {
                    Slot<H> bad = new Slot<>(null, false);
                    bad.failure = split.damage();
                    slots.add(bad);
                    nextIndex++;
                }
            }
        }
        Run<H> run = new Run<>(slots, handlerPerChunk, inChunkOrder, options);
        run.execute();
        return run.result(fileSizes);
    }

    /** One chunk's place in the run: its header, its handler while alive, what went wrong. */
    private static final class Slot<H> {
        final ChunkHeader chunk;
        final boolean wholeFile;
        /** Set if the JVM was still writing the chunk: what was read of it and what was not. */
        UnfinishedChunk unfinished;
        H handler;
        RecordingFormatException failure;
        Throwable error;
        Map<String, Long> counts = Map.of();
        boolean done;

        Slot(ChunkHeader chunk, boolean wholeFile) {
            this.chunk = chunk;
            this.wholeFile = wholeFile;
        }
    }

    /**
     * One read: decodes slots (in parallel when allowed) and delivers them in chunk order.
     * All fields below {@code lock} are guarded by it.
     */
    private static final class Run<H extends EventHandler> {
        private final List<Slot<H>> slots;
        private final Supplier<? extends H> supplier;
        private final Consumer<? super H> consumer;
        private final ReadOptions options;
        private final StringCanon strings = new StringCanon();
        private final MetadataCache metadata = new MetadataCache();
        private final InlineStrings.PerThread inlineStrings = new InlineStrings.PerThread(strings);
        private final ThreadLocal<byte[]> windows = new ThreadLocal<>();
        private final Object lock = new Object();
        private int next;
        private Throwable fatal;
        private final List<ChunkInfo> chunks = new ArrayList<>();
        private final Map<String, Long> counts = new TreeMap<>();
        private final List<String> warnings = new ArrayList<>();
        private final List<RecordingFormatException> skipped = new ArrayList<>();
        private final List<UnfinishedChunk> unfinished = new ArrayList<>();
        private long start = Long.MAX_VALUE;
        private long end = Long.MIN_VALUE;
        /** Parallel runs only: a permit per slot submitted and not yet delivered. */
        private Semaphore window;
        /** Sizes of all chunks, and of those delivered so far (for {@link ReadOptions#progress()}). */
        private final long totalBytes;
        private long doneBytes;

        Run(List<Slot<H>> slots, Supplier<? extends H> supplier, Consumer<? super H> consumer, ReadOptions options) {
            this.slots = slots;
            this.supplier = supplier;
            this.consumer = consumer;
            this.options = options;
            long total = 0;
            for (Slot<H> s : slots) {
                total += s.chunk == null ? 0 : s.chunk.size();
            }
            this.totalBytes = total;
        }

        void execute() throws IOException {
            if (options.parallelism() == 1 || slots.size() <= 1) {
                for (Slot<H> s : slots) {
                    decode(s);
                    if (stopped()) {
                        break;
                    }
                }
            } else {
                parallel();
            }
            Throwable t;
            synchronized (lock) {
                t = fatal;
            }
            if (t instanceof IOException io) {
                throw io;
            }
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IOException(t);
            }
        }

        private boolean stopped() {
            synchronized (lock) {
                return fatal != null;
            }
        }

        /**
         * Decodes with a pool of {@code parallelism} threads; a window of {@code 2 * parallelism}
         * chunks beyond the next one to deliver bounds how many finished handlers can wait.
         *
         * <p>The chunks in the first {@link ReadOptions#sequentialBytes()} are decoded one at a
         * time, while the JIT compiles the decoder.
         */

        private void parallel() throws IOException {
            int threads = options.parallelism();
            window = new Semaphore(2 * threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "jfr-chunk-decoder");
                t.setDaemon(true);
                // an Error outside a chunk's task (e.g. OutOfMemoryError in the pool's own code)
                // fails the read like one inside it, instead of printing a stack trace
                t.setUncaughtExceptionHandler((thread, e) -> {
                    synchronized (lock) {
                        if (fatal == null) {
                            fatal = e;
                        }
                        if (window != null) {
                            window.release(slots.size());
                        }
                    }
                });
                return t;
            });
            List<Future<?>> futures = new ArrayList<>();
            long sequential = 0;
            try {
                for (Slot<H> s : slots) {
                    window.acquire();
                    if (stopped()) {
                        break;
                    }
                    Future<?> f = pool.submit(() -> decode(s));
                    futures.add(f);
                    if (sequential < options.sequentialBytes()) {
                        f.get();
                        sequential += s.chunk == null ? 0 : s.chunk.size();
                    }
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while reading");
            } catch (ExecutionException e) {
                throw new IllegalStateException("chunk task failed outside its own error handling", e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }

        /** Decodes one slot (if it is a chunk), marks it done and delivers what is ready. */
        private void decode(Slot<H> s) {
            try {
                if (s.chunk != null) {
                    H h;
                    synchronized (lock) {
                        if (fatal != null) {
                            return;
                        }
                        h = supplier.get();
                    }
                    s.handler = h;
                    try (FileChannel ch = FileChannel.open(s.chunk.file(), StandardOpenOption.READ)) {
                        s.counts = switch (options.decoder()) {
                            case FAST -> new FastDecoder(strings, metadata, inlineStrings, windows).decode(ch, s.chunk, h);
                            case REFERENCE -> new ReferenceDecoder(strings).decode(ch, s.chunk, s.wholeFile, h);
                        };
                    }
                }
            } catch (RecordingFormatException e) {
                s.failure = e;
            } catch (Throwable t) {
                s.error = t;
            } finally {
                synchronized (lock) {
                    s.done = true;
                    deliverReady();
                }
            }
        }

        /** Under {@code lock}: hands over every finished slot at the front, in chunk order. */
        private void deliverReady() {
            while (next < slots.size() && slots.get(next).done && fatal == null) {
                Slot<H> s = slots.get(next++);
                if (window != null) {
                    window.release();
                }
                H h = s.handler;
                s.handler = null;
                doneBytes += s.chunk == null ? 0 : s.chunk.size();
                if (s.error != null) {
                    fatal = s.error;
                } else if (s.failure != null) {
                    if (!options.skipDamagedChunks()) {
                        fatal = s.failure;
                    } else {
                        skipped.add(s.failure);
                        warnings.add("skipped damaged chunk: " + s.failure.getMessage());
                    }
                } else {
                    ChunkInfo info = s.chunk.info();
                    chunks.add(info);
                    if (s.unfinished != null) {
                        unfinished.add(s.unfinished);
                        warnings.add(s.unfinished.warning());
                    }
                    s.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
                    start = Math.min(start, info.startNanos());
                    end = Math.max(end, info.startNanos() + info.durationNanos());
                    try {
                        consumer.accept(h);
                    } catch (Throwable t) {
                        fatal = t;
                    }
                }
                if (fatal == null) {
                    options.progress().read(doneBytes, totalBytes);
                }
            }
            if (fatal != null && window != null) {
                window.release(slots.size()); // let the submitting loop see the failure and stop
            }
        }

        ReadResult<H> result(Map<Path, Long> fileSizes) {
            synchronized (lock) {
                return new ReadResult<>(List.of(), Collections.unmodifiableList(chunks),
                        Collections.unmodifiableMap(counts), chunks.isEmpty() ? 0 : start, chunks.isEmpty() ? 0 : end,
                        Collections.unmodifiableMap(fileSizes), Collections.unmodifiableList(warnings),
                        Collections.unmodifiableList(skipped), Collections.unmodifiableList(unfinished));
            }
        }
    }

    /** The inputs, checked: directories are {@code RecordingSource}'s to resolve (one place expands them). */
    private static List<Path> requireFiles(List<Path> inputs) throws IOException {
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                throw new IOException(p + ": a directory; resolve it to chunk files with RecordingSource first");
            }
            if (!Files.exists(p)) {
                throw new NoSuchFileException(p.toString());
            }
        }
        return inputs;
    }
}
