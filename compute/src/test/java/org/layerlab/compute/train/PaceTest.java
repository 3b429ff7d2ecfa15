package org.layerlab.compute.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.train.TrainingEvents.BatchEnd;
import org.layerlab.compute.train.TrainingEvents.EndReason;

/**
 * The trainer at a pace: on a clock the test moves by hand, it takes at most the steps the pace allows, follows a
 * change of pace while it trains, and still pauses, steps and stops. Nothing here sleeps: the test waits until the
 * trainer is parked on the clock.
 */
class PaceTest {
    private static final ComputePool POOL = new ComputePool(2);

    @AfterAll static void close() { POOL.close(); }

    /** A clock that only moves when the test says; it tells the test when the trainer waits on it, and until when. */
    static final class HandClock implements Pace.Clock {
        private long now;
        private long parkedUntil = Long.MIN_VALUE;
        /** How often the trainer has parked, and how often it had when the test last woke it. */
        private long parks, parksBefore;

        @Override public synchronized long nanoTime() { return now; }

        @Override public void await(Condition c, long nanos) throws InterruptedException {
            synchronized (this) {
                parkedUntil = now + nanos;
                parks++;
                notifyAll();
            }
            c.await(); // until the trainer is signalled: a control, a change of pace, or clockMoved() after advance()
        }

        synchronized void advance(long nanos) {
            now += nanos;
            expectWake();
        }

        /** Notes that the test is about to wake the trainer: the next {@link #awaitParkedBeyondNow} waits for a new park. */
        synchronized void expectWake() { parksBefore = parks; }

        /**
         * Waits until the trainer has parked again since the test last woke it, for a time still to come: it has then
         * taken every step due.
         */
        synchronized void awaitParkedBeyondNow() throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (parks == parksBefore || parkedUntil <= now) {
                long left = end - System.nanoTime();
                if (left <= 0) throw new AssertionError("the trainer never waited on the clock");
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    private static Trainer trainer(Pace pace, AtomicLong steps) throws Exception {
        // Far more steps than the test lets run.
        Trainer t = new Trainer(CompiledNetwork.compile(TrainerTest.spiralNet(), 1), TrainerTest.spirals(), null,
                TrainerTest.adam(0.01, 16, 10_000).withCheckpoints(false));
        t.setPace(pace);
        t.addListener(new TrainingListener() { @Override public void batchEnded(BatchEnd e) { steps.set(e.step()); } });
        return t;
    }

    @Test void atTenStepsASecondOneSecondOfClockTimeAllowsElevenSteps() throws Exception {
        HandClock clock = new HandClock();
        Pace pace = new Pace(clock);
        pace.setStepsPerSecond(10);
        AtomicLong steps = new AtomicLong();
        Trainer t = trainer(pace, steps);
        t.start(POOL.executor(), false);
        clock.awaitParkedBeyondNow();
        assertEquals(1, steps.get(), "the first step goes at once, the next waits 100 ms of clock time");
        for (int i = 0; i < 100; i++) { // one second in 10 ms ticks
            clock.advance(TimeUnit.MILLISECONDS.toNanos(10));
            pace.clockMoved();
            clock.awaitParkedBeyondNow();
            assertTrue(steps.get() <= 1 + (i + 1) / 10, "at most one step per 100 ms: " + steps.get() + " after " + (i + 1) * 10 + " ms");
        }
        assertEquals(11, steps.get(), "steps at 0, 100, …, 1000 ms");
        assertEquals(Trainer.State.RUNNING, t.state(), "waiting for its turn is still running");

        // Faster while it trains: 100 a second takes 10 more steps in the next 100 ms.
        clock.expectWake();
        pace.setStepsPerSecond(100);
        clock.awaitParkedBeyondNow();
        for (int i = 0; i < 10; i++) {
            clock.advance(TimeUnit.MILLISECONDS.toNanos(10));
            pace.clockMoved();
            clock.awaitParkedBeyondNow();
        }
        assertEquals(21, steps.get());

        // Full speed: it trains on without the clock moving at all.
        CountDownLatch far = new CountDownLatch(1);
        t.addListener(new TrainingListener() { @Override public void batchEnded(BatchEnd e) { if (e.step() == 200) far.countDown(); } });
        pace.setStepsPerSecond(Pace.FULL_SPEED);
        assertTrue(far.await(30, TimeUnit.SECONDS), "full speed never waits for the clock");
        t.stop();
        assertEquals(EndReason.STOPPED, t.completion().get(30, TimeUnit.SECONDS).reason());
    }

    @Test void aSlowRunStillPausesStepsAndStopsAtOnce() throws Exception {
        HandClock clock = new HandClock();
        Pace pace = new Pace(clock);
        pace.setStepsPerSecond(1);
        AtomicLong steps = new AtomicLong();
        Trainer t = trainer(pace, steps);
        CountDownLatch paused = new CountDownLatch(1);
        t.addListener(new TrainingListener() { @Override public void runPaused(TrainingEvents.RunPaused e) { paused.countDown(); } });
        t.start(POOL.executor(), false);
        clock.awaitParkedBeyondNow();
        assertEquals(1, steps.get());

        t.pause(); // while it waits for its turn
        assertTrue(paused.await(30, TimeUnit.SECONDS), "a pause is heard during the wait");
        assertEquals(Trainer.State.PAUSED, t.state());

        CountDownLatch stepped = new CountDownLatch(1);
        t.addListener(new TrainingListener() { @Override public void batchEnded(BatchEnd e) { if (e.step() == 2) stepped.countDown(); } });
        t.step(); // a step asked for goes at once, whatever the pace
        assertTrue(stepped.await(30, TimeUnit.SECONDS));
        assertEquals(2, steps.get());

        clock.expectWake();
        t.resume();
        clock.awaitParkedBeyondNow(); // the resumed run waits for its turn again
        assertEquals(2, steps.get());
        t.stop();
        assertEquals(EndReason.STOPPED, t.completion().get(30, TimeUnit.SECONDS).reason(), "a stop ends the wait");
        assertEquals(2, steps.get());
    }

    @Test void paceValues() {
        Pace p = new Pace();
        assertTrue(p.fullSpeed());
        assertEquals(0, p.intervalNanos());
        p.setStepsPerSecond(60);
        assertFalse(p.fullSpeed());
        assertEquals(16_666_667, p.intervalNanos());
        p.setStepsPerSecond(-3);
        assertTrue(p.fullSpeed(), "below zero is full speed");
        assertThrows(IllegalArgumentException.class, () -> p.setStepsPerSecond(Double.NaN));
    }
}
