package org.layerlab.compute.train;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;

/**
 * How fast runs train: at most so many steps a second, or full speed. A teacher slows training down to talk over it
 * (TensorFlow Playground trains one step per animation frame, about 60 a second). The pace may change at any time
 * from any thread, a run in progress follows at once, and the waiting is the trainer's own thread's, on its own lock
 * (never the caller's, never a busy wait).
 */
public final class Pace {
    /** Full speed: no wait between steps. */
    public static final double FULL_SPEED = 0;

    /** The time a pace reads and waits on; tests give a clock of their own so no test sleeps. */
    public interface Clock {
        long nanoTime();

        /** Waits on {@code c} (whose lock the caller holds) for at most {@code nanos} of this clock's time, or until signalled. */
        void await(Condition c, long nanos) throws InterruptedException;

        /** The machine's clock. */
        Clock SYSTEM = new Clock() {
            @Override public long nanoTime() { return System.nanoTime(); }
            @Override public void await(Condition c, long nanos) throws InterruptedException { c.awaitNanos(nanos); }
        };
    }

    private final Clock clock;
    private final List<Runnable> watchers = new CopyOnWriteArrayList<>();
    private volatile double stepsPerSecond = FULL_SPEED;

    public Pace() { this(Clock.SYSTEM); }

    public Pace(Clock clock) { this.clock = clock; }

    public Clock clock() { return clock; }

    /** Steps a second, or {@link #FULL_SPEED}. */
    public double stepsPerSecond() { return stepsPerSecond; }

    public boolean fullSpeed() { return stepsPerSecond <= 0; }

    /** Sets the pace (a value of 0 or less is full speed); a waiting trainer looks again at once. */
    public void setStepsPerSecond(double value) {
        if (Double.isNaN(value)) throw new IllegalArgumentException("a pace needs a number of steps a second");
        stepsPerSecond = Math.max(FULL_SPEED, value);
        clockMoved();
    }

    /** The least time from one step's start to the next's, in nanoseconds (0 at full speed). */
    public long intervalNanos() {
        double s = stepsPerSecond;
        return s <= 0 ? 0 : (long) Math.ceil(1e9 / s);
    }

    /** Wakes waiting trainers to read the time again: after a change of pace, or when a test's clock jumps. */
    public void clockMoved() {
        for (Runnable w : watchers) w.run();
    }

    /** Runs {@code wake} on every change; the returned handle stops it (a trainer watches while it runs). */
    Runnable watch(Runnable wake) {
        watchers.add(wake);
        return () -> watchers.remove(wake);
    }
}
