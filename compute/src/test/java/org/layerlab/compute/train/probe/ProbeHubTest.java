package org.layerlab.compute.train.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ModelGraph;

/** The hub's promise: a busy probe skips to the newest snapshot (older ones are dropped, never queued), and ends wait for it. */
class ProbeHubTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach void close() { pool.shutdownNow(); }

    /** Records the steps it ran on; its first run waits until the test lets it go. */
    private static final class SlowProbe implements Probe<Long> {
        final CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
        final List<Long> ran = new CopyOnWriteArrayList<>();
        @Override public Cadence cadence() { return Cadence.steps(1).withMinGap(0); }
        @Override public boolean needsNetwork() { return false; }
        @Override public Long run(WeightSnapshot s, CompiledNetwork unused) {
            started.countDown();
            try {
                assertTrue(release.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            ran.add(s.step());
            return s.step();
        }
    }

    private static WeightSnapshot snapshot(long step) {
        return new WeightSnapshot(WeightSnapshot.Kind.STEP, step, 1, false, step, Map.of("w", new float[] {step}), null, null, null);
    }

    @Test
    void aBusyProbeSkipsToTheNewestSnapshotAndTheEndWaitsForIt() throws Exception {
        ProbeHub hub = new ProbeHub(ModelGraph.empty(), 1, pool);
        SlowProbe probe = new SlowProbe();
        List<Long> delivered = new CopyOnWriteArrayList<>();
        hub.add(probe, delivered::add);

        assertTrue(hub.due(1, false, 1));
        hub.publish(snapshot(1));
        assertTrue(probe.started.await(10, TimeUnit.SECONDS), "the probe runs on the pool");
        for (long step = 2; step <= 6; step++) { // the probe is still busy with step 1
            assertTrue(hub.due(step, false, step));
            hub.publish(snapshot(step));
        }
        assertEquals(4, hub.dropped(), "steps 2 to 5 were replaced by a newer snapshot while the probe was busy");

        CountDownLatch ended = new CountDownLatch(1);
        List<Long> deliveredAtEnd = new CopyOnWriteArrayList<>();
        hub.whenIdle(() -> { deliveredAtEnd.addAll(delivered); ended.countDown(); });
        assertEquals(1, ended.getCount(), "the end waits while the probe has work");
        probe.release.countDown();
        assertTrue(ended.await(10, TimeUnit.SECONDS));
        assertEquals(List.of(1L, 6L), probe.ran, "after step 1 the probe ran on the newest snapshot only");
        assertEquals(List.of(1L, 6L), deliveredAtEnd, "the end comes after the last result");
    }

    @Test
    void onlyProbesThatFindAStepDueGetItButStartAndEndGoToAll() throws Exception {
        ProbeHub hub = new ProbeHub(ModelGraph.empty(), 1, pool);
        List<Long> everyThird = new CopyOnWriteArrayList<>(), epochs = new CopyOnWriteArrayList<>();
        hub.add(recorder(Cadence.steps(3).withMinGap(0)), everyThird::add);
        hub.add(recorder(Cadence.epochs().withMinGap(0)), epochs::add);
        hub.publish(new WeightSnapshot(WeightSnapshot.Kind.START, 0, 0, false, 0, Map.of(), null, null, null));
        for (long step = 1; step <= 7; step++) {
            boolean endsEpoch = step % 4 == 0;
            if (hub.due(step, endsEpoch, step)) {
                hub.publish(new WeightSnapshot(WeightSnapshot.Kind.STEP, step, 1, endsEpoch, step, Map.of(), null, null, null));
            }
            awaitIdle(hub);
        }
        assertFalse(hub.due(7, false, 8));
        hub.publish(new WeightSnapshot(WeightSnapshot.Kind.END, 7, 2, false, 9, Map.of(), null, null, null));
        awaitIdle(hub);
        assertEquals(List.of(0L, 3L, 6L, 7L), everyThird);
        assertEquals(List.of(0L, 4L, 7L), epochs);
        assertEquals(0, hub.dropped());
    }

    private static Probe<Long> recorder(Cadence c) {
        return new Probe<>() {
            @Override public Cadence cadence() { return c; }
            @Override public boolean needsNetwork() { return false; }
            @Override public Long run(WeightSnapshot s, CompiledNetwork n) { return s.step(); }
        };
    }

    /** Waits until every probe is done with what it was given. */
    private static void awaitIdle(ProbeHub hub) throws InterruptedException {
        CountDownLatch idle = new CountDownLatch(1);
        hub.whenIdle(idle::countDown);
        assertTrue(idle.await(10, TimeUnit.SECONDS));
    }

    @Test
    void aFastRunIsSampledNoMoreOftenThanTheMinimumGapAfterAShortBurst() {
        ProbeHub hub = new ProbeHub(ModelGraph.empty(), 1, pool);
        hub.add(recorder(Cadence.steps(1)), r -> {}); // every step, with the default 50 ms gap
        int offered = 0;
        long ms = 1_000_000;
        for (long step = 1; step <= 1000; step++) { // 1,000 steps in 100 ms
            long nanos = step * ms / 10;
            if (hub.due(step, false, nanos)) {
                hub.publish(new WeightSnapshot(WeightSnapshot.Kind.STEP, step, 1, false, nanos, Map.of(), null, null, null));
                offered++;
            }
        }
        assertEquals(Cadence.BURST + 1, offered, "a burst of " + Cadence.BURST + " in the first millisecond, then one per 50 ms: one more by 100 ms");
        assertTrue(Cadence.perSecond(20).due(9, false, 50_000_000));
        assertFalse(Cadence.perSecond(20).due(9, false, 49_000_000));
    }

    @Test
    void withNoSpareCoreProbesGetAFixedShareOfTheTrainersCpuAndWithOneTheyRunFreely() {
        long ms = 1_000_000;
        ProbeHub free = new ProbeHub(ModelGraph.empty(), 1, pool);
        free.add(recorder(new Cadence(0, false, 1, 0)), r -> {}); // a view refreshed as often as it can be
        free.useTrainerCpu(() -> 0);
        assertTrue(free.due(1, false, 0));
        for (int i = 0; i < 20; i++) free.recordRun(25 * ms, 25 * ms); // a core of their own: no limit
        free.recordRun(500 * ms, 520 * ms);
        assertTrue(free.cpuShare() > 0.9);
        assertTrue(free.due(2, false, 10 * ms), "with a spare core, whatever they spent");

        ProbeHub hub = new ProbeHub(ModelGraph.empty(), 1, pool);
        hub.add(recorder(new Cadence(0, false, 1, 0)), r -> {});
        long[] trainerCpu = {0};
        hub.useTrainerCpu(() -> trainerCpu[0]);
        assertTrue(hub.due(1, false, 0));
        for (int i = 0; i < 5; i++) hub.recordRun(ms, 10 * ms); // a tenth of a core: the machine is saturated
        for (int i = 0; i < 50; i++) hub.recordRun(ms / 20, ms / 20); // short runs that fit in a time slice do not hide it
        assertTrue(hub.cpuShare() < 0.5, "share " + hub.cpuShare());
        assertTrue(hub.due(2, false, 10 * ms), "the saved-up credit (10 ms) covers the first 7.5 ms");
        hub.recordRun(100 * ms, 1000 * ms);
        trainerCpu[0] += 500 * ms;
        assertFalse(hub.due(3, false, 20 * ms), "100 ms spent against 2.5 ms of credit and 25 ms earned (5 % of 500 ms of training)");
        assertFalse(hub.due(4, false, 20 * ms + BUDGET_PERIOD / 2), "the budget is looked at once a millisecond");
        trainerCpu[0] += 1_400 * ms;
        assertFalse(hub.due(5, false, 30 * ms), "5 % of 1.9 s of training is 95 ms: still 2.5 ms short");
        trainerCpu[0] += 100 * ms;
        assertTrue(hub.due(6, false, 40 * ms), "5 % of 2 s is 100 ms: in credit again");
    }

    @Test
    void probesSampledByStepsKeepTheirCadenceOverBudget() {
        ProbeHub hub = new ProbeHub(ModelGraph.empty(), 1, pool);
        hub.add(recorder(Cadence.steps(2).withMinGap(0)), r -> {});
        hub.useTrainerCpu(() -> 0);
        long ms = 1_000_000;
        assertFalse(hub.due(1, false, 0));
        for (int i = 0; i < 20; i++) hub.recordRun(10 * ms, 100 * ms);
        assertTrue(hub.due(2, false, 10 * ms), "over budget, but the charts' history is sampled by steps");
    }

    private static final long BUDGET_PERIOD = ProbeHub.BUDGET_PERIOD_NANOS;
}
