package org.layerlab.compute.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.SequentialBuilder;
import org.layerlab.compute.layers.Parameter;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.train.TrainingEvents.BatchEnd;
import org.layerlab.compute.train.TrainingEvents.EndReason;

/**
 * The per-network workspace: training with reused buffers gives bit-identical weights to training with fresh arrays
 * (including the smaller last batch of each epoch, dropout, both normalisations and both poolings), and after the
 * first epoch every request is met from buffers made in it.
 */
class WorkspaceTest {
    static Dataset images(int n) {
        SplittableRandom rng = new SplittableRandom(5);
        Tensor x = Tensor.uniform(Shape.of(n, 2, 14, 14), 1, rng);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) y[i] = x.data()[i * 392 + 30] > 0 ? 1 : 0;
        return new Dataset("random", x, y, null, List.of("a", "b"));
    }

    static ModelGraph net() {
        return new SequentialBuilder().add("input", "shape", List.of(2, 14, 14))
                .add("conv2d", "filters", 6, "kernel", 3, "padding", "same", "activation", "relu")
                .add("batchnorm").add("maxpool2d", "pool", 2)
                .add("conv2d", "filters", 8, "kernel", 3, "activation", "tanh").add("avgpool2d", "pool", 2)
                .add("flatten").add("dropout", "rate", 0.2).add("dense", "units", 40, "activation", "silu").add("layernorm")
                .add("output", "units", 2).build();
    }

    record Run(CompiledNetwork net, List<Double> losses, List<Long> allocatedPerStep, List<Long> retainedPerEpoch) {}

    static Run train(boolean reuse, int samples, int epochs) throws Exception {
        CompiledNetwork net = CompiledNetwork.compile(net(), 11);
        net.workspace().setReuse(reuse);
        Params adam = Params.of(Optimizers.ADAM.params(), Map.of("learningRate", 1e-3));
        Trainer t = new Trainer(net, images(samples), null,
                new TrainingConfig("softmax-cross-entropy", "adam", adam, 32, epochs, 3, 0.0).withCheckpoints(false));
        List<Double> losses = new CopyOnWriteArrayList<>();
        List<Long> alloc = new CopyOnWriteArrayList<>();
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] last = {-1};
        List<Long> retained = new CopyOnWriteArrayList<>();
        t.addListener(new TrainingListener() {
            @Override public void batchEnded(BatchEnd e) {
                long now = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
                if (last[0] >= 0) alloc.add(now - last[0]);
                last[0] = now;
                losses.add(e.loss());
            }
            @Override public void epochEnded(TrainingEvents.EpochEnd e) { retained.add(net.workspace().retainedBytes()); }
        });
        try (ComputePool pool = new ComputePool(1)) {
            var end = t.start(pool.executor(), false).get(2, TimeUnit.MINUTES);
            assertEquals(EndReason.COMPLETED, end.reason(), end.message());
        }
        return new Run(net, new ArrayList<>(losses), new ArrayList<>(alloc), new ArrayList<>(retained));
    }

    @Test void reusedBuffersGiveTheSameWeightsAsFreshOnes() throws Exception {
        Run fresh = train(false, 100, 3), reused = train(true, 100, 3); // batches of 32, 32, 32, 4 per epoch
        assertEquals(12, reused.losses().size());
        for (int i = 0; i < fresh.losses().size(); i++) {
            assertEquals(Double.doubleToRawLongBits(fresh.losses().get(i)), Double.doubleToRawLongBits(reused.losses().get(i)), "step " + i);
        }
        List<Parameter> a = fresh.net().parameters(), b = reused.net().parameters();
        for (int i = 0; i < a.size(); i++) assertArrayEquals(a.get(i).value().data(), b.get(i).value().data(), a.get(i).name());
        assertTrue(reused.net().workspace().retainedBytes() > 0, "buffers were reused");
        assertEquals(0, fresh.net().workspace().retainedBytes());
    }

    @Test void theWorkspaceStopsGrowingAfterTheFirstEpoch() throws Exception {
        Run fresh = train(false, 512, 3), reused = train(true, 512, 3);
        // Every request after the first epoch is met by a buffer made in it: the workspace stops growing.
        assertEquals(reused.retainedPerEpoch().get(0), reused.retainedPerEpoch().get(2), "workspace per epoch " + reused.retainedPerEpoch());
        long before = median(fresh.allocatedPerStep()), after = median(reused.allocatedPerStep());
        System.out.printf("WorkspaceTest: allocated per training step %,d bytes with fresh arrays, %,d with the workspace (%,d bytes of reused buffers)%n",
                before, after, reused.net().workspace().retainedBytes());
        // Reported, not asserted: what remains is the tape's small objects and, until the JIT has compiled the vector
        // code, boxed vectors, so the figure depends on how warm the JIT is (LeNet-5 at batch 64 goes from 24 MiB to
        // 10 KiB per warm step; this short run gives 2-10x on a busy machine). benchmarks/run.sh reports it per workload.
    }

    /** predict runs without a tape in reused buffers, but what it returns is the caller's: later calls do not touch it. */
    @Test void predictionsAreTheCallersOwn() {
        CompiledNetwork net = CompiledNetwork.compile(net(), 4);
        Tensor one = images(1).x(), three = images(3).x();
        float[] taped = net.forward(one, org.layerlab.compute.layers.ForwardContext.inference()).value().data().clone();
        Tensor a = net.predict(one);
        Tensor b = net.predict(three);
        Tensor c = net.predict(one);
        assertArrayEquals(taped, a.data(), "no tape, same values");
        assertArrayEquals(a.data(), c.data());
        assertTrue(a.data() != c.data(), "each call returns its own array");
        assertArrayEquals(taped, a.data(), "the first result was not overwritten by later calls");
        assertEquals(Shape.of(3, 2), b.shape());
        assertTrue(net.inferenceWorkspace().retainedBytes() > 0);
        assertEquals(0, net.workspace().retainedBytes(), "inference does not use training's buffers");
    }

    static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs.subList(xs.size() / 2, xs.size())); // the warm half
        s.sort(null);
        return s.get(s.size() / 2);
    }
}
