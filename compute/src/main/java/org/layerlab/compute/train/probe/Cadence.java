package org.layerlab.compute.train.probe;

/**
 * How often a probe wants a snapshot: every {@code everySteps} steps (0 = not by steps), at every epoch's end, and/or
 * once {@code intervalNanos} have passed since its last one (0 = not by time). Any that holds makes a step due.
 */
public record Cadence(int everySteps, boolean epochEnds, long intervalNanos) {
    public static Cadence steps(int n) { return new Cadence(n, false, 0); }
    public static Cadence epochs() { return new Cadence(0, true, 0); }
    public static Cadence perSecond(double hz) { return new Cadence(0, false, (long) (1e9 / hz)); }

    public boolean due(long step, boolean endsEpoch, long sinceLastNanos) {
        return (everySteps > 0 && step % everySteps == 0) || (epochEnds && endsEpoch)
                || (intervalNanos > 0 && sinceLastNanos >= intervalNanos);
    }
}
