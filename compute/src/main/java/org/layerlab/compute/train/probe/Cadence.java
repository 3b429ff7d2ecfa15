package org.layerlab.compute.train.probe;

/**
 * How often a probe wants a snapshot: every {@code everySteps} steps (0 = not by steps), at every epoch's end, and/or
 * once {@code intervalNanos} have passed since its last one (0 = not by time) — any that holds makes a step due —
 * but on average no more often than once every {@code minGapNanos}: a fast run (thousands of steps a second) must not
 * spend its time publishing what no one can watch at that rate. The hub allows short bursts ({@link #BURST}), so a
 * run of a few milliseconds still gets its samples.
 */
public record Cadence(int everySteps, boolean epochEnds, long intervalNanos, long minGapNanos) {
    /** Views refresh at most this often; finer sampling is not seen. */
    public static final long DEFAULT_MIN_GAP_NANOS = 50_000_000L;
    /** Snapshots a probe may get in a row faster than its minimum gap. */
    public static final int BURST = 10;

    public static Cadence steps(int n) { return new Cadence(n, false, 0, DEFAULT_MIN_GAP_NANOS); }
    public static Cadence epochs() { return new Cadence(0, true, 0, DEFAULT_MIN_GAP_NANOS); }
    public static Cadence perSecond(double hz) { return new Cadence(0, false, (long) (1e9 / hz), 0); }

    /** The same, never sooner than {@code nanos} after the last one. */
    public Cadence withMinGap(long nanos) { return new Cadence(everySteps, epochEnds, intervalNanos, nanos); }

    /** Whether the step is due by this cadence, the rate limit aside (the hub applies it, see {@link #minGapNanos}). */
    public boolean due(long step, boolean endsEpoch, long sinceLastNanos) {
        return (everySteps > 0 && step % everySteps == 0) || (epochEnds && endsEpoch)
                || (intervalNanos > 0 && sinceLastNanos >= intervalNanos);
    }
}
