package io.puredots.analyzer.pipeline;

import io.puredots.analyzer.read.ChunkInfo;
import io.puredots.analyzer.read.EventHandler;
import io.puredots.analyzer.read.ReadOptions;
import io.puredots.analyzer.read.ReadResult;
import io.puredots.analyzer.read.RecordingReader;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A {@link RecordingReader} read whose chunks are consumed on the calling thread while the next
 * ones are decoded: for a consumer that does real work per chunk (writing a trace), which under
 * the reader's own delivery would hold up every decoder thread. The handlers pass through a queue
 * of {@value #QUEUE} chunks, so memory stays bounded as with the reader alone.
 *
 * <p>Stateless; each call starts and ends its own reader thread. If the consumer throws, the read
 * is stopped and its thread ended before the exception reaches the caller.
 */
final class BackgroundRead {
    /** Chunks decoded and waiting for the consumer, beyond those the reader itself holds. */
    static final int QUEUE = 2;

    private BackgroundRead() {
    }

    /** Consumes one chunk's handler; may fail. */
    interface ChunkConsumer<H> {
        void accept(H handler) throws IOException;
    }

    /** What the reader thread ended with: its result or its failure. */
    private record End(ReadResult<?> result, Throwable failure) {
    }

    /**
     * Reads as {@link RecordingReader#read(List, Supplier, ReadOptions, Predicate, java.util.function.Consumer)},
     * giving each handler to {@code consumer} on this thread, in chunk order.
     *
     * @throws IOException as the reader, or from {@code consumer}
     */
    @SuppressWarnings("unchecked")
    static <H extends EventHandler> ReadResult<H> read(List<Path> files, Supplier<? extends H> handlerPerChunk,
                                                       ReadOptions options, Predicate<ChunkInfo> wanted,
                                                       ChunkConsumer<H> consumer) throws IOException {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
        AtomicBoolean abandoned = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            End end;
            try {
                end = new End(RecordingReader.read(files, handlerPerChunk, options, wanted,
                        h -> hand(queue, h, abandoned)), null);
            } catch (Throwable t) {
                end = new End(null, t);
            }
            try {
                hand(queue, end, abandoned);
            } catch (CancellationException e) {
                // the caller has stopped listening
            }
        }, "trace-reader");
        reader.setDaemon(true);
        reader.start();
        boolean finished = false;
        try {
            while (true) {
                Object o = queue.take();
                if (o instanceof End end) {
                    finished = true;
                    if (end.failure() != null) {
                        throw rethrow(end.failure());
                    }
                    return (ReadResult<H>) end.result();
                }
                consumer.accept((H) o);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading");
        } finally {
            if (!finished) {
                stop(reader, queue, abandoned);
            }
        }
    }

    /** Puts {@code o} in the queue, waiting while it is full, unless the caller stopped listening. */
    private static void hand(BlockingQueue<Object> queue, Object o, AtomicBoolean abandoned) {
        try {
            while (!queue.offer(o, 10, TimeUnit.MILLISECONDS)) {
                if (abandoned.get()) {
                    throw new CancellationException("the reader's consumer stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    /** Tells the reader thread nobody listens any more and waits for it to end. */
    private static void stop(Thread reader, BlockingQueue<Object> queue, AtomicBoolean abandoned) {
        abandoned.set(true);
        boolean interrupted = false;
        while (reader.isAlive()) {
            queue.clear();
            try {
                reader.join(10);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static IOException rethrow(Throwable t) {
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IOException(t);
    }
}
