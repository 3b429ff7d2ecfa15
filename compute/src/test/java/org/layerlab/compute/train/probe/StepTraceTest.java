package org.layerlab.compute.train.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.SequentialBuilder;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.train.Trainer;
import org.layerlab.compute.train.TrainingConfig;

/** The trace of a step is the engine's own forward and backward: checked against a 2-2-1 network worked by hand. */
class StepTraceTest {
    /** Input(2) → Dense(2, tanh) → Output(1, mean squared error). */
    static ModelGraph net() {
        return new SequentialBuilder().add("input", "shape", List.of(2))
                .add("dense", "units", 2, "activation", "tanh").add("output", "units", 1, "loss", "mse").build();
    }

    /** The network with fixed weights: W1 = [[0.1, −0.2], [0.3, 0.4]] (input × unit), b1 = [0.05, −0.05], W2 = [0.5, −0.6], b2 = 0.1. */
    static CompiledNetwork fixed() {
        CompiledNetwork n = CompiledNetwork.compile(net(), 1);
        Map<String, float[]> w = Map.of("dense-1/kernel", new float[] {0.1f, -0.2f, 0.3f, 0.4f}, "dense-1/bias", new float[] {0.05f, -0.05f},
                "output-1/kernel", new float[] {0.5f, -0.6f}, "output-1/bias", new float[] {0.1f});
        n.namedParameters().forEach((k, p) -> System.arraycopy(w.get(k), 0, p.value().data(), 0, p.value().size()));
        return n;
    }

    /** One sample x = (1, 2) with target 1. */
    static Dataset one() {
        return new Dataset("one", Tensor.of(new float[] {1, 2}, 1, 2), null, new float[] {1}, List.of());
    }

    static TrainingConfig sgd(int epochs) throws Exception {
        Params p = Params.of(Optimizers.SGD.params(), Map.of("learningRate", 0.1));
        return new TrainingConfig("sgd", p, 1, epochs, 3).withCheckpoints(false);
    }

    @Test
    void aStepsTraceMatchesTheHandComputation() throws Exception {
        CompletableFuture<StepTrace> got = new CompletableFuture<>();
        Trainer t = new Trainer(fixed(), one(), null, sgd(2));
        t.setTraceSink(got::complete);
        t.traceNextStep();
        t.start(Runnable::run, false).get(30, TimeUnit.SECONDS);
        StepTrace s = got.get(1, TimeUnit.SECONDS);
        float eps = 1e-5f;

        assertEquals(1, s.step());
        assertEquals(1, s.epoch());
        assertArrayEquals(new int[] {0}, s.samples());
        assertEquals(List.of("input-1", "dense-1", "output-1"), s.layers().stream().map(StepTrace.Layer::nodeId).toList());
        assertArrayEquals(new float[] {1, 2}, s.layer("input-1").values(0), eps);
        assertNull(s.layer("input-1").gradients(0), "no gradient flows into the data");
        // forward: z = x·W1 + b1 = (1·0.1 + 2·0.3 + 0.05, 1·(−0.2) + 2·0.4 − 0.05) = (0.75, 0.55); h = tanh z
        assertArrayEquals(new float[] {0.63514895f, 0.50052021f}, s.layer("dense-1").values(0), eps);
        // y = h·W2 + b2 = 0.5·0.635149 − 0.6·0.500520 + 0.1
        assertArrayEquals(new float[] {0.11726235f}, s.layer("output-1").values(0), eps);
        // loss = (y − 1)²
        assertEquals(0.77922576, s.loss(), 1e-5);
        assertEquals("mse", s.lossId());
        assertArrayEquals(new float[] {1}, s.targets(), 0);
        // backward: ∂L/∂y = 2(y − 1); ∂L/∂h = W2·∂L/∂y
        assertArrayEquals(new float[] {-1.7654753f}, s.layer("output-1").gradients(0), eps);
        assertArrayEquals(new float[] {-0.88273765f, 1.0592852f}, s.layer("dense-1").gradients(0), eps);
        // weight gradients: ∂L/∂W2 = h·∂L/∂y, ∂L/∂b2 = ∂L/∂y; ∂L/∂z = ∂L/∂h·(1 − h²), ∂L/∂W1[i][j] = x_i·∂L/∂z_j, ∂L/∂b1 = ∂L/∂z
        StepTrace.Weights w2 = s.weights("output-1/kernel"), b2 = s.weights("output-1/bias");
        StepTrace.Weights w1 = s.weights("dense-1/kernel"), b1 = s.weights("dense-1/bias");
        assertArrayEquals(new float[] {-1.1213398f, -0.88365607f}, w2.gradient(), eps);
        assertArrayEquals(new float[] {-1.7654753f}, b2.gradient(), eps);
        assertArrayEquals(new float[] {-0.52662875f, 0.79391255f, -1.0532575f, 1.5878251f}, w1.gradient(), eps);
        assertArrayEquals(new float[] {-0.52662875f, 0.79391255f}, b1.gradient(), eps);
        assertArrayEquals(new int[] {2, 2}, w1.shape());
        // SGD, learning rate 0.1: before, then after = before − 0.1·gradient
        assertArrayEquals(new float[] {0.1f, -0.2f, 0.3f, 0.4f}, w1.before(), 0);
        assertArrayEquals(new float[] {0.15266288f, -0.27939125f, 0.40532575f, 0.24121749f}, w1.after(), eps);
        assertArrayEquals(new float[] {0.10266288f, -0.12939125f}, b1.after(), eps);
        assertArrayEquals(new float[] {0.61213398f, -0.51163439f}, w2.after(), eps);
        assertArrayEquals(new float[] {0.27654753f}, b2.after(), eps);
        assertEquals(0.11213398f, w2.update(0), eps, "the update is after − before");
    }

    @Test
    void stepTracedTracesExactlyTheStepItGrantsAndWeightEditsApplyWhilePaused() throws Exception {
        ExecutorService exec = Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.LinkedBlockingQueue<StepTrace> traces = new java.util.concurrent.LinkedBlockingQueue<>();
            java.util.concurrent.LinkedBlockingQueue<WeightSnapshot> snaps = new java.util.concurrent.LinkedBlockingQueue<>();
            CompiledNetwork net = fixed();
            Trainer t = new Trainer(net, one(), null, sgd(1_000_000));
            t.setTraceSink(traces::add);
            t.setSnapshotSink(new org.layerlab.compute.train.SnapshotSink() {
                @Override public boolean due(long step, boolean endsEpoch, long nanos) { return false; }
                @Override public void publish(WeightSnapshot s) { snaps.add(s); }
            });
            t.start(exec, true);
            assertTrue(t.setWeight("nope/kernel", 0, 1).isCompletedExceptionally());
            t.step(); // untraced
            t.stepTraced();
            StepTrace s = traces.poll(30, TimeUnit.SECONDS);
            assertEquals(2, s.step(), "the step Step granted, not another");
            waitFor(() -> t.state() == Trainer.State.PAUSED && snaps.stream().anyMatch(x -> x.kind() == WeightSnapshot.Kind.PAUSE && x.step() == 2));

            float before = s.weights("dense-1/kernel").after()[3];
            float old = t.setWeight("dense-1/kernel", 3, 0.25f).get(30, TimeUnit.SECONDS);
            assertEquals(before, old, 0, "the edit tells the value it replaced");
            assertEquals(0.25f, net.namedParameters().get("dense-1/kernel").value().data()[3], 0);
            waitFor(() -> snaps.stream().anyMatch(x -> x.kind() == WeightSnapshot.Kind.EDIT && x.weights().get("dense-1/kernel")[3] == 0.25f));

            t.stepTraced();
            StepTrace next = traces.poll(30, TimeUnit.SECONDS);
            assertEquals(3, next.step());
            assertEquals(0.25f, next.weights("dense-1/kernel").before()[3], 0, "the next step starts from the edited weight");
            t.resume();
            waitFor(() -> t.state() != Trainer.State.PAUSED);
            ExecutionException running = assertThrows(ExecutionException.class, () -> t.setWeight("dense-1/kernel", 0, 0).get(30, TimeUnit.SECONDS));
            assertTrue(running.getCause() instanceof IllegalStateException, "not while it trains");
            t.stop();
            t.completion().get(30, TimeUnit.SECONDS);
        } finally {
            exec.shutdownNow();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("condition not met in 30 s");
            Thread.sleep(5);
        }
    }
}
