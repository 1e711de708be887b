package io.puredots.analyzer.pipeline;

/**
 * A tick range that holds no frame of the recording. A usage error, like an empty time window.
 * Immutable.
 */
public final class NoSuchTicksException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final long first;
    private final long last;
    private final boolean anyFrame;
    private final long minTick;
    private final long maxTick;

    /**
     * @param first    first tick asked for
     * @param last     last tick asked for
     * @param anyFrame whether the recording has frames at all
     * @param minTick  its smallest tick, when {@code anyFrame}
     * @param maxTick  its largest tick, when {@code anyFrame}
     */
    NoSuchTicksException(long first, long last, boolean anyFrame, long minTick, long maxTick) {
        super("no frame of ticks " + first + ".." + last);
        this.first = first;
        this.last = last;
        this.anyFrame = anyFrame;
        this.minTick = minTick;
        this.maxTick = maxTick;
    }

    public long first() {
        return first;
    }

    public long last() {
        return last;
    }

    public boolean anyFrame() {
        return anyFrame;
    }

    public long minTick() {
        return minTick;
    }

    public long maxTick() {
        return maxTick;
    }
}
