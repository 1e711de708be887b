package io.puredots.analyzer.pipeline;

import io.puredots.analyzer.jmc.JmcAnalysis;

/**
 * Whether and within which limits {@link ReportPipeline} runs JMC's automated-analysis rules
 * ({@link JmcAnalysis}). JMC keeps every loaded event in memory and its parser reads every byte of
 * the input, so both the events and the input size are bounded. Immutable.
 *
 * @param run           whether to run the rules at all; {@code false}: the report has no JMC part
 * @param maxEvents     run them only if the input holds at most this many events of the types
 *                      they need, {@code >= 0}
 * @param maxInputBytes run them only on inputs of at most this many bytes (summed), {@code > 0}
 */
public record JmcOptions(boolean run, long maxEvents, long maxInputBytes) {
    /** Default {@link #maxInputBytes()}, 128 MiB, as {@code report --jmc-max-size} defaults to. */
    public static final long DEFAULT_MAX_RECORDING_BYTES = 128L << 20;

    /**
     * Heap bytes allowed per loaded event when the event limit follows the heap: JMC keeps about
     * 200 bytes per event, and its parser and rules need as much again several times over.
     */
    public static final long HEAP_BYTES_PER_EVENT = 1024;

    /** No JMC rules. */
    public static final JmcOptions OFF = new JmcOptions(false, 0, 1);

    public JmcOptions {
        if (maxEvents < 0) {
            throw new IllegalArgumentException("maxEvents < 0: " + maxEvents);
        }
        if (maxInputBytes <= 0) {
            throw new IllegalArgumentException("maxInputBytes <= 0: " + maxInputBytes);
        }
    }

    /** The rules on, with {@link #eventLimitForHeap} of this JVM and {@link #DEFAULT_MAX_RECORDING_BYTES}. */
    public static JmcOptions defaults() {
        return new JmcOptions(true, eventLimitForHeap(JmcAnalysis.DEFAULT_MAX_EVENTS, Runtime.getRuntime().maxMemory()),
                DEFAULT_MAX_RECORDING_BYTES);
    }

    /**
     * {@code maxEvents}, lowered to one event per {@value #HEAP_BYTES_PER_EVENT} bytes of
     * {@code maxHeapBytes} if that is less, so that the rules fit the heap the analyzer runs in.
     */
    public static long eventLimitForHeap(long maxEvents, long maxHeapBytes) {
        return Math.min(maxEvents, maxHeapBytes / HEAP_BYTES_PER_EVENT);
    }
}
