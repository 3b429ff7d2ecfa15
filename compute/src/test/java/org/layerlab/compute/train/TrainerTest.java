package org.layerlab.compute.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.data.DatasetGenerators;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.SequentialBuilder;
import org.layerlab.compute.layers.Parameter;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.nn.Schedules;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.train.TrainingEvents.BatchEnd;
import org.layerlab.compute.train.TrainingEvents.EndReason;
import org.layerlab.compute.train.TrainingEvents.RunEnded;

/** The trainer's control semantics and features: pause/step/stop, early stopping, checkpoints, divergence guard, determinism. */
class TrainerTest {
    private static final ComputePool POOL = new ComputePool(2);

    @AfterAll static void close() { POOL.close(); }

    static Executor executor() { return POOL.executor(); }

    /** The sample project's network: 2-24-24-2 tanh. */
    static ModelGraph spiralNet() {
        return new SequentialBuilder().add("input", "shape", List.of(2))
                .add("dense", "units", 24, "activation", "tanh")
                .add("dense", "units", 24, "activation", "tanh")
                .add("output", "units", 2).build();
    }

    static Dataset spirals() {
        var gen = DatasetGenerators.TWO_SPIRALS;
        return gen.generate(gen.defaultParams());
    }

    static TrainingConfig adam(double lr, int batch, int epochs) throws Exception {
        Params p = Params.of(Optimizers.ADAM.params(), Map.of("learningRate", lr));
        return new TrainingConfig("adam", p, batch, epochs, 42);
    }

    static RunEnded run(Trainer t) throws Exception { return t.start(executor(), false).get(60, TimeUnit.SECONDS); }

    @Test void twoSpiralsDefaultSampleReachesNinetyFivePercent() throws Exception {
        Trainer t = new Trainer(CompiledNetwork.compile(spiralNet(), 42), spirals(), null, adam(0.02, 16, 300).withCheckpoints(false));
        RunEnded end = run(t);
        assertEquals(EndReason.COMPLETED, end.reason(), end.message());
        assertTrue(end.metrics().get("accuracy") > 0.95, "train accuracy " + end.metrics().get("accuracy"));
    }

    /** Same seed, same threads: the loss curve is identical to the last bit. */
    @Test void deterministic() throws Exception {
        List<Double> a = lossCurve(), b = lossCurve();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) assertEquals(Double.doubleToRawLongBits(a.get(i)), Double.doubleToRawLongBits(b.get(i)), "step " + i);
    }

    private List<Double> lossCurve() throws Exception {
        ModelGraph g = new SequentialBuilder().add("input", "shape", List.of(2))
                .add("dense", "units", 16, "activation", "relu").add("batchnorm").add("dropout", "rate", 0.2)
                .add("output", "units", 2).build();
        Trainer t = new Trainer(CompiledNetwork.compile(g, 5), spirals(), null, adam(0.01, 16, 5));
        List<Double> losses = new CopyOnWriteArrayList<>();
        t.addListener(new TrainingListener() { @Override public void batchEnded(BatchEnd e) { losses.add(e.loss()); } });
        assertEquals(EndReason.COMPLETED, run(t).reason());
        return losses;
    }

    @Test void startPausedThenSingleStepsRunExactlyOneBatchEach() throws Exception {
        // Far more epochs than the test lets run, so the run cannot finish before pause() arrives.
        Trainer t = new Trainer(CompiledNetwork.compile(spiralNet(), 1), spirals(), null, adam(0.01, 16, 100_000).withCheckpoints(false));
        List<BatchEnd> batches = new CopyOnWriteArrayList<>();
        t.addListener(new TrainingListener() { @Override public void batchEnded(BatchEnd e) { batches.add(e); } });
        t.start(executor(), true);
        Thread.sleep(50);
        assertEquals(0, batches.size());
        assertEquals(Trainer.State.PAUSED, t.state());
        t.step();
        waitFor(() -> batches.size() == 1);
        Thread.sleep(50);
        assertEquals(1, batches.size());
        t.step();
        waitFor(() -> batches.size() == 2);
        Thread.sleep(50);
        assertEquals(2, batches.size());
        t.resume();
        waitFor(() -> batches.size() > 10);
        t.pause();
        waitFor(() -> t.state() == Trainer.State.PAUSED);
        int frozen = batches.size();
        Thread.sleep(50);
        assertEquals(frozen, batches.size(), "no batches while paused");
        t.stop();
        RunEnded end = t.completion().get(10, TimeUnit.SECONDS);
        assertEquals(EndReason.STOPPED, end.reason());
        assertEquals(frozen, end.step());
    }

    /** Listeners hear when the trainer really pauses (after the batch under way) and when it goes on. */
    @Test void pauseAndResumeAreReportedWithTheStepReached() throws Exception {
        Trainer t = new Trainer(CompiledNetwork.compile(spiralNet(), 1), spirals(), null, adam(0.01, 16, 100_000).withCheckpoints(false));
        List<String> log = new CopyOnWriteArrayList<>();
        t.addListener(new TrainingListener() {
            @Override public void batchEnded(BatchEnd e) { log.add("batch " + e.step()); }
            @Override public void runPaused(TrainingEvents.RunPaused e) { log.add("paused " + e.step()); }
            @Override public void runResumed(TrainingEvents.RunResumed e) { log.add("resumed " + e.step()); }
        });
        t.start(executor(), true);
        waitFor(() -> log.contains("paused 0"));
        t.step();
        waitFor(() -> log.contains("paused 1"));
        assertEquals(List.of("paused 0", "resumed 0", "batch 1", "paused 1"), log);
        t.resume();
        waitFor(() -> log.size() > 20);
        t.pause();
        waitFor(() -> log.get(log.size() - 1).startsWith("paused"));
        String last = log.get(log.size() - 1);
        assertEquals("batch " + last.substring("paused ".length()), log.get(log.size() - 2), "paused right after the last batch: " + last);
        assertEquals("resumed 1", log.get(4));
        t.stop();
        t.completion().get(10, TimeUnit.SECONDS);
        assertEquals(last, log.get(log.size() - 1), "a stop while paused does not report a resume");
    }

    /** A stop requested in the middle of an epoch ends after the current batch with the weights of exactly that step. */
    @Test void stopMidEpochLeavesWeightsOfLastCompletedStep() throws Exception {
        CompiledNetwork net = CompiledNetwork.compile(spiralNet(), 2);
        Trainer t = new Trainer(net, spirals(), null, adam(0.01, 16, 3));
        List<float[]> snapshot = new ArrayList<>();
        t.addListener(new TrainingListener() {
            @Override public void batchEnded(BatchEnd e) {
                if (e.step() == 7) { // on the trainer thread, after step 7's update
                    for (Parameter p : net.parameters()) snapshot.add(p.value().data().clone());
                    t.stop();
                }
            }
        });
        RunEnded end = run(t);
        assertEquals(EndReason.STOPPED, end.reason());
        assertEquals(7, end.step());
        List<Parameter> ps = net.parameters();
        for (int i = 0; i < ps.size(); i++) assertArrayEquals(snapshot.get(i), ps.get(i).value().data());
    }

    @Test void earlyStoppingWhenValidationLossStopsImproving() throws Exception {
        Dataset.Split split = spirals().split(0.25, 3);
        // A learning rate too small to move the loss: no improvement after the first epoch.
        TrainingConfig cfg = adam(1e-7, 16, 50).withEarlyStopping(2, 1e-3);
        Trainer t = new Trainer(CompiledNetwork.compile(spiralNet(), 3), split.train(), split.validation(), cfg);
        RunEnded end = run(t);
        assertEquals(EndReason.COMPLETED, end.reason());
        assertTrue(end.message().startsWith("stopped early: val_loss"), end.message());
        assertEquals(3, end.epoch());
    }

    @Test void checkpointEveryEpochAndRestoreResumesExactly() throws Exception {
        // Train 4 epochs straight; then train 2, restore the epoch-2 checkpoint into a fresh run... and compare weights.
        CompiledNetwork full = CompiledNetwork.compile(spiralNet(), 4);
        Trainer a = new Trainer(full, spirals(), null, adam(0.01, 32, 4));
        run(a);
        assertEquals(4, a.checkpoints().size());
        Checkpoint last = a.checkpoints().get(3);
        assertEquals(4, last.epoch());
        full.namedParameters().forEach((k, p) -> assertArrayEquals(p.value().data(), last.weights().get(k).data(), k));
        assertTrue(last.optimizerState().size() > 2, "the optimizer's moments are saved");
        // Restoring epoch 2 into a fresh network and optimizer reproduces epoch 2's weights and moments.
        Checkpoint second = a.checkpoints().get(1);
        CompiledNetwork fresh = CompiledNetwork.compile(spiralNet(), 99);
        var opt = Optimizers.ADAM.create(Optimizers.ADAM.defaultParams());
        second.restore(fresh, opt);
        fresh.namedParameters().forEach((k, p) -> assertArrayEquals(second.weights().get(k).data(), p.value().data(), k));
        Map<String, float[]> again = opt.saveState(fresh.parameters());
        second.optimizerState().forEach((k, v) -> assertArrayEquals(v, again.get(k), k));
        assertTrue(second.sizeBytes() < 64 * 1024, "a small network's checkpoint is small: " + second.sizeBytes());
    }

    @Test void divergenceGuardNamesStepAndLayer() throws Exception {
        ModelGraph g = new SequentialBuilder().add("input", "shape", List.of(2))
                .add("dense", "units", 16, "activation", "relu").add("output", "units", 1, "loss", "mse").build();
        Dataset base = spirals();
        float[] targets = new float[base.size()];
        for (int i = 0; i < targets.length; i++) targets[i] = 1e4f * (i % 7);
        Dataset regression = new Dataset("r", base.x(), null, targets, List.of());
        Params sgd = Params.of(Optimizers.SGD.params(), Map.of("learningRate", 5.0));
        Trainer t = new Trainer(CompiledNetwork.compile(g, 1), regression, null,
                new TrainingConfig("sgd", sgd, 16, 5, 1));
        List<Long> steps = new CopyOnWriteArrayList<>();
        t.addListener(new TrainingListener() { @Override public void batchEnded(BatchEnd e) { steps.add(e.step()); } });
        RunEnded end = run(t);
        assertEquals(EndReason.DIVERGED, end.reason(), end.message());
        assertNotNull(end.node(), end.message());
        assertTrue(end.message().contains("at step " + (end.step() + 1)), end.message());
        assertEquals(steps.size(), end.step(), "the diverging step is not applied");
        for (Parameter p : t.network().parameters()) assertTrue(p.value().allFinite(), "weights stay finite");
    }

    @Test void scheduleAndClippingAreApplied() throws Exception {
        Params step = Params.of(Schedules.STEP.params(), Map.of("stepEpochs", 1, "gamma", 0.5));
        TrainingConfig cfg = adam(0.01, 32, 3).withSchedule("step", step).withClipNorm(1.0);
        Trainer t = new Trainer(CompiledNetwork.compile(spiralNet(), 4), spirals(), null, cfg);
        List<Double> lrs = new CopyOnWriteArrayList<>();
        t.addListener(new TrainingListener() { @Override public void epochEnded(TrainingEvents.EpochEnd e) { lrs.add(e.metrics().get("learning_rate")); } });
        run(t);
        assertEquals(List.of(0.01, 0.005, 0.0025), lrs);
    }

    @Test void theLossIsTheOutputHeads() throws Exception {
        ModelGraph g = new SequentialBuilder().add("input", "shape", List.of(2)).add("dense", "units", 8, "activation", "tanh")
                .add("output", "units", 2, "loss", "softmax-cross-entropy").build();
        Trainer ok = new Trainer(CompiledNetwork.compile(g, 1), spirals(), null, adam(0.01, 32, 1));
        assertEquals("softmax-cross-entropy", ok.loss().id());
        assertEquals(EndReason.COMPLETED, run(ok).reason());
        ModelGraph headless = new SequentialBuilder().add("input", "shape", List.of(2)).add("dense", "units", 2).build();
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Trainer(CompiledNetwork.compile(headless, 1), spirals(), null, adam(0.01, 32, 1)));
        assertTrue(e.getMessage().contains("Dense 1 (Dense), not in an Output layer"), e.getMessage());
    }

    static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting");
            Thread.sleep(2);
        }
    }

    @SuppressWarnings("unused") private static Tensor unused;
}
