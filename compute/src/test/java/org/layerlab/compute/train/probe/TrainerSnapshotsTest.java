package org.layerlab.compute.train.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.data.DatasetGenerators;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.SequentialBuilder;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.train.SnapshotSink;
import org.layerlab.compute.train.Trainer;
import org.layerlab.compute.train.TrainingConfig;
import org.layerlab.compute.train.TrainingEvents.BatchEnd;
import org.layerlab.compute.train.TrainingListener;

/** What the trainer publishes: the start, the due steps with the loss's own gradients, and the end. */
class TrainerSnapshotsTest {
    static ModelGraph net() {
        return new SequentialBuilder().add("input", "shape", List.of(2))
                .add("dense", "units", 6, "activation", "tanh").add("output", "units", 2).build();
    }

    static Dataset data() throws Exception {
        var gen = DatasetGenerators.TWO_SPIRALS;
        return gen.generate(gen.defaultParams().with("samples", 64));
    }

    static TrainingConfig sgd(double l1, double l2, int epochs) throws Exception {
        Params p = Params.of(Optimizers.SGD.params(), Map.of("learningRate", 0.05, "l1", l1, "l2", l2));
        return new TrainingConfig("sgd", p, 16, epochs, 3).withCheckpoints(false);
    }

    /** Keeps every snapshot; due on the steps it names. */
    static class Keeper implements SnapshotSink {
        final List<WeightSnapshot> kept = new CopyOnWriteArrayList<>();
        final java.util.function.LongPredicate dueSteps;
        Keeper(java.util.function.LongPredicate dueSteps) { this.dueSteps = dueSteps; }
        @Override public boolean due(long step, boolean endsEpoch, long nanos) { return dueSteps.test(step); }
        @Override public void publish(WeightSnapshot s) { kept.add(s); }
    }

    @Test
    void gradientsAreTheLossesWithoutTheL1AndL2PenaltiesTheOptimizerAdds() throws Exception {
        // Two runs from the same weights on the same first batch: one with strong penalties, one without. The loss's
        // gradient of step 1 is the same in both; what the optimizer then works with differs by the penalties.
        Keeper plain = new Keeper(s -> s == 1), penalised = new Keeper(s -> s == 1);
        CompiledNetwork penalisedNet = CompiledNetwork.compile(net(), 11);
        Map<String, float[]> optimizerGrads = new java.util.HashMap<>();
        Trainer a = new Trainer(CompiledNetwork.compile(net(), 11), data(), null, sgd(0, 0, 1));
        Trainer b = new Trainer(penalisedNet, data(), null, sgd(0.1, 0.5, 1));
        a.setSnapshotSink(plain);
        b.setSnapshotSink(penalised);
        b.addListener(new TrainingListener() {
            @Override public void batchEnded(BatchEnd e) {
                if (e.step() == 1) penalisedNet.namedParameters().forEach((k, p) -> optimizerGrads.put(k, p.grad().data().clone()));
            }
        });
        a.start(Runnable::run, false).get(30, TimeUnit.SECONDS);
        b.start(Runnable::run, false).get(30, TimeUnit.SECONDS);

        WeightSnapshot sa = step(plain, 1), sb = step(penalised, 1);
        for (String k : sa.gradients().keySet()) {
            assertArrayEquals(sa.gradients().get(k), sb.gradients().get(k), 1e-7f, k + ": the loss's gradient, penalties left out");
            if (k.endsWith("kernel")) { // biases start at zero, where both penalties are zero too
                assertNotEquals(java.util.Arrays.toString(sb.gradients().get(k)), java.util.Arrays.toString(optimizerGrads.get(k)),
                        k + ": the optimizer's gradient has the penalties folded in, the snapshot's has not");
            }
        }
        String kernel = "dense-1/kernel";
        float[] w = sb.previous().get(kernel), g = sb.gradients().get(kernel), folded = optimizerGrads.get(kernel);
        for (int i = 0; i < w.length; i++) {
            assertEquals(g[i] + 0.1f * Math.signum(w[i]) + 0.5f * w[i], folded[i], 1e-5f, "penalties on weight " + i);
        }

        // and the statistics shown are those of the snapshot's gradients
        ParameterStatsProbe.Result stats = new ParameterStatsProbe(1).run(sb, null);
        ParameterStats ks = stats.stats().stream().filter(s -> s.name().equals(kernel)).findFirst().orElseThrow();
        assertArrayEquals(ParameterStats.percentiles(g, ParameterStatsProbe.MAX_PERCENTILE_SAMPLE), ks.gradPercentiles(), 0);
        assertArrayEquals(ParameterStats.percentiles(step(plain, 1).gradients().get(kernel), 1 << 16), ks.gradPercentiles(), 1e-7);
    }

    @Test
    void publishesTheStartTheDueStepsAndTheEndAndCopiesNothingOtherwise() throws Exception {
        Keeper keeper = new Keeper(s -> s % 3 == 0);
        CompiledNetwork net = CompiledNetwork.compile(net(), 2);
        Trainer t = new Trainer(net, data(), null, sgd(0, 0, 2)); // 4 steps an epoch, 8 in all
        t.setSnapshotSink(keeper);
        List<Map<String, float[]>> weightsAfter = new CopyOnWriteArrayList<>();
        t.addListener(new TrainingListener() {
            @Override public void batchEnded(BatchEnd e) { weightsAfter.add(WeightSnapshot.copyWeights(net)); }
        });
        t.start(Runnable::run, false).get(30, TimeUnit.SECONDS);

        assertEquals(List.of(WeightSnapshot.Kind.START, WeightSnapshot.Kind.STEP, WeightSnapshot.Kind.STEP, WeightSnapshot.Kind.END),
                keeper.kept.stream().map(WeightSnapshot::kind).toList());
        assertEquals(List.of(0L, 3L, 6L, 8L), keeper.kept.stream().map(WeightSnapshot::step).toList());
        assertFalse(keeper.kept.get(0).hasGradients());
        WeightSnapshot six = keeper.kept.get(2);
        assertTrue(six.hasGradients());
        assertEquals(2, six.epoch());
        for (String k : six.weights().keySet()) {
            assertArrayEquals(weightsAfter.get(5).get(k), six.weights().get(k), k + " after step 6");
            assertArrayEquals(weightsAfter.get(4).get(k), six.previous().get(k), k + " before step 6");
        }
        assertArrayEquals(weightsAfter.get(7).get("dense-1/kernel"), keeper.kept.get(3).weights().get("dense-1/kernel"), "the end");
    }

    @Test
    void aPauseAfterAStepPublishesTheWeightsTheRunStandsAt() throws Exception {
        java.util.concurrent.CountDownLatch stepped = new java.util.concurrent.CountDownLatch(1);
        Keeper keeper = new Keeper(s -> false) {
            @Override public void publish(WeightSnapshot s) {
                super.publish(s);
                if (s.kind() == WeightSnapshot.Kind.PAUSE && s.step() == 1) stepped.countDown();
            }
        };
        CompiledNetwork net = CompiledNetwork.compile(net(), 4);
        Trainer t = new Trainer(net, data(), null, sgd(0, 0, 3));
        t.setSnapshotSink(keeper);
        java.util.concurrent.ExecutorService ex = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            t.start(ex, true);
            t.step();
            assertTrue(stepped.await(30, TimeUnit.SECONDS), "Step runs one batch, then the pause publishes");
            WeightSnapshot paused = keeper.kept.stream().filter(s -> s.kind() == WeightSnapshot.Kind.PAUSE && s.step() == 1).findFirst().orElseThrow();
            assertEquals(1, paused.epoch());
            assertFalse(paused.hasGradients());
            for (var e : net.namedParameters().entrySet()) assertArrayEquals(e.getValue().value().data(), paused.weights().get(e.getKey()), e.getKey());
            t.stop();
            t.completion().get(30, TimeUnit.SECONDS);
        } finally {
            ex.shutdownNow();
        }
    }

    private static WeightSnapshot step(Keeper k, long step) {
        return k.kept.stream().filter(s -> s.step() == step && s.kind() == WeightSnapshot.Kind.STEP).findFirst().orElseThrow();
    }
}
