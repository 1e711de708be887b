package io.puredots.analyzer.read;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.function.Supplier;
import java.util.stream.Stream;

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
 * <p>How: every input is split into chunks by reading chunk headers only (a directory stands
 * for its {@code *.jfr} files in name order, as in a JFR repository). One handler per chunk is
 * obtained from the supplier, on the calling thread, in chunk order, before decoding starts.
 * Chunks are then decoded, up to {@link ReadOptions#parallelism()} at a time on worker threads;
 * each handler is called by exactly one thread (with a happens-before edge to the caller when
 * {@code read} returns), so handlers need not be thread-safe. Memory per chunk in flight is its
 * metadata and constant pools, never its events.
 *
 * <p>The {@code FAST} decoder decodes only the event types whose {@link EventHandler} method the
 * handler class overrides (checked once per class by reflection); the others are counted and
 * skipped by size. A handler that wants an event must therefore override its method, not
 * receive it through a generic hook.
 *
 * <p>Thread-safety: {@code read} keeps no state between calls and may be called concurrently;
 * the supplier is only called on the calling thread.
 */
public final class RecordingReader {
    private RecordingReader() {
    }

    /**
     * Reads every chunk of {@code inputs} into handlers.
     *
     * @param inputs          recording files, or directories of them; read in list order
     * @param handlerPerChunk makes one fresh handler per chunk
     * @param options         decoder, parallelism, damage policy
     * @return the handlers in chunk order and an overview of the recording
     * @throws RecordingFormatException a damaged chunk (the first in chunk order), unless
     *                                  {@link ReadOptions#skipDamagedChunks()}
     * @throws NoSuchFileException      an input does not exist
     * @throws IOException              any other read failure
     */
    public static <H extends EventHandler> ReadResult<H> read(List<Path> inputs, Supplier<? extends H> handlerPerChunk,
                                                           ReadOptions options) throws IOException {
        List<Path> files = expand(inputs);
        Map<Path, Long> fileSizes = new LinkedHashMap<>();
        List<Slot<H>> slots = new ArrayList<>();
        int nextIndex = 0;
        for (Path file : files) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                fileSizes.put(file, ch.size());
                ChunkHeader.Split split = ChunkHeader.split(file, ch, nextIndex);
                boolean wholeFile = split.damage() == null && split.chunks().size() == 1;
                for (ChunkHeader c : split.chunks()) {
                    slots.add(new Slot<>(c, wholeFile, handlerPerChunk.get()));
                }
                nextIndex += split.chunks().size();
                if (split.damage() != null) {
                    Slot<H> bad = new Slot<>(null, false, null);
                    bad.failure = split.damage();
                    slots.add(bad);
                    nextIndex++;
                }
            }
        }
        StringCanon strings = new StringCanon();
        decodeAll(slots, strings, options);
        List<String> warnings = new ArrayList<>();
        return collect(slots, fileSizes, options, warnings);
    }

    /** One chunk's place in the result: its header, its handler, and what went wrong, if anything. */
    private static final class Slot<H> {
        final ChunkHeader chunk;
        final boolean wholeFile;
        final H handler;
        RecordingFormatException failure;
        Map<String, Long> counts = Map.of();

        Slot(ChunkHeader chunk, boolean wholeFile, H handler) {
            this.chunk = chunk;
            this.wholeFile = wholeFile;
            this.handler = handler;
        }
    }

    private static <H extends EventHandler> void decodeAll(List<Slot<H>> slots, StringCanon strings,
                                                           ReadOptions options) throws IOException {
        List<Slot<H>> work = new ArrayList<>();
        for (Slot<H> s : slots) {
            if (s.chunk != null) {
                work.add(s);
            }
        }
        if (options.parallelism() == 1 || work.size() <= 1) {
            for (Slot<H> s : work) {
                decodeOne(s, strings, options);
                if (s.failure != null && !options.skipDamagedChunks()) {
                    throw s.failure;
                }
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.parallelism(), work.size()), r -> {
            Thread t = new Thread(r, "jfr-chunk-decoder");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(work.size());
            for (Slot<H> s : work) {
                futures.add(pool.submit(() -> {
                    try {
                        decodeOne(s, strings, options);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof UncheckedIOException u) {
                        throw u.getCause();
                    }
                    if (c instanceof RuntimeException r) {
                        throw r;
                    }
                    if (c instanceof Error err) {
                        throw err;
                    }
                    throw new IOException(c);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while reading");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void decodeOne(Slot<?> s, StringCanon strings, ReadOptions options) throws IOException {
        try (FileChannel ch = FileChannel.open(s.chunk.file(), StandardOpenOption.READ)) {
            switch (options.decoder()) {
                case FAST -> s.counts = new FastDecoder(strings).decode(ch, s.chunk, (EventHandler) s.handler);
                case REFERENCE -> s.counts = new ReferenceDecoder(strings).decode(ch, s.chunk, s.wholeFile,
                        (EventHandler) s.handler);
            }
        } catch (RecordingFormatException e) {
            s.failure = e;
        }
    }

    private static <H> ReadResult<H> collect(List<Slot<H>> slots, Map<Path, Long> fileSizes, ReadOptions options,
                                             List<String> warnings) throws RecordingFormatException {
        List<H> handlers = new ArrayList<>();
        List<ChunkInfo> chunks = new ArrayList<>();
        Map<String, Long> counts = new TreeMap<>();
        List<RecordingFormatException> skipped = new ArrayList<>();
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (Slot<H> s : slots) {
            if (s.failure != null) {
                if (!options.skipDamagedChunks()) {
                    throw s.failure;
                }
                skipped.add(s.failure);
                warnings.add("skipped damaged chunk: " + s.failure.getMessage());
                continue;
            }
            handlers.add(s.handler);
            s.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
            ChunkInfo info = s.chunk.info();
            chunks.add(info);
            start = Math.min(start, info.startNanos());
            end = Math.max(end, info.startNanos() + info.durationNanos());
        }
        return new ReadResult<>(Collections.unmodifiableList(handlers), Collections.unmodifiableList(chunks),
                Collections.unmodifiableMap(counts), chunks.isEmpty() ? 0 : start, chunks.isEmpty() ? 0 : end,
                Collections.unmodifiableMap(fileSizes), Collections.unmodifiableList(warnings),
                Collections.unmodifiableList(skipped));
    }

    private static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".jfr") && Files.isRegularFile(f))
                            .sorted().forEach(files::add);
                }
            } else if (Files.exists(p)) {
                files.add(p);
            } else {
                throw new NoSuchFileException(p.toString());
            }
        }
        return files;
    }
}
