package io.puredots.export;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;

/**
 * FIFO of gzip-compressed line protocol batches between the producer and the HTTP sender: up to
 * {@code maxInMemory} batches in memory, the rest appended to a spill file, read back oldest first
 * once memory has room. Order is kept: while anything is spilled, new batches go to the file too.
 * The spill file is bounded by {@code maxSpillBytes}; a batch that does not fit is refused
 * ({@link #offer} returns false) and the caller counts it as dropped.
 *
 * <p>Thread-safe: one producer offers, one sender takes; all methods synchronize on this.
 */
final class BatchQueue implements AutoCloseable {
    /** One batch: its line count and gzip body. */
    static final class Batch {
        final int lines;
        final byte[] gzip;

        Batch(int lines, byte[] gzip) {
            this.lines = lines;
            this.gzip = gzip;
        }
    }

    private final int maxInMemory;
    private final long maxSpillBytes;
    private final Path spillPath;
    private final ArrayDeque<Batch> memory = new ArrayDeque<>();
    private RandomAccessFile spill;
    private long readPos;
    private long writePos;
    private int spilledBatches;
    private long spilledTotal;
    private long maxSpillUsed;
    private boolean closed;

    BatchQueue(int maxInMemory, long maxSpillBytes, Path spillPath) {
        this.maxInMemory = maxInMemory;
        this.maxSpillBytes = maxSpillBytes;
        this.spillPath = spillPath;
    }

    /** Adds a batch; false if neither memory nor the spill file has room for it. */
    synchronized boolean offer(Batch b) throws IOException {
        if (spilledBatches == 0 && memory.size() < maxInMemory) {
            memory.add(b);
        } else {
            if (writePos - readPos + b.gzip.length + 8 > maxSpillBytes) {
                return false;
            }
            if (spill == null) {
                Files.createDirectories(spillPath.getParent());
                spill = new RandomAccessFile(spillPath.toFile(), "rw");
                spill.setLength(0);
            }
            spill.seek(writePos);
            spill.writeInt(b.lines);
            spill.writeInt(b.gzip.length);
            spill.write(b.gzip);
            writePos += 8 + b.gzip.length;
            spilledBatches++;
            spilledTotal++;
            maxSpillUsed = Math.max(maxSpillUsed, writePos - readPos);
        }
        notifyAll();
        return true;
    }

    /** The oldest batch, waiting up to {@code millis}; null if none arrived or the queue is closed. */
    synchronized Batch poll(long millis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (memory.isEmpty() && spilledBatches == 0 && !closed) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
        Batch b = memory.poll();
        if (b == null && spilledBatches > 0) {
            b = readSpilled();
        }
        // refill memory from the spill file, oldest first
        while (spilledBatches > 0 && memory.size() < maxInMemory) {
            memory.add(readSpilled());
        }
        return b;
    }

    private Batch readSpilled() throws IOException {
        spill.seek(readPos);
        int lines = spill.readInt();
        byte[] body = new byte[spill.readInt()];
        spill.readFully(body);
        readPos += 8 + body.length;
        spilledBatches--;
        if (spilledBatches == 0) {
            readPos = 0;
            writePos = 0;
            spill.setLength(0);
        }
        return new Batch(lines, body);
    }

    synchronized boolean isEmpty() {
        return memory.isEmpty() && spilledBatches == 0;
    }

    /** Lines still queued (memory and spill file). */
    synchronized long queuedLines() throws IOException {
        long n = 0;
        for (Batch b : memory) {
            n += b.lines;
        }
        long pos = readPos;
        for (int i = 0; i < spilledBatches; i++) {
            spill.seek(pos);
            n += spill.readInt();
            pos += 8 + spill.readInt();
        }
        return n;
    }

    /** Batches that ever went to the spill file. */
    synchronized long spilledTotal() {
        return spilledTotal;
    }

    /** Largest size the spill file reached, bytes. */
    synchronized long maxSpillBytesUsed() {
        return maxSpillUsed;
    }

    synchronized void wake() {
        notifyAll();
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        notifyAll();
        if (spill != null) {
            spill.close();
            spill = null;
            Files.deleteIfExists(spillPath);
        }
        memory.clear();
        spilledBatches = 0;
    }
}
