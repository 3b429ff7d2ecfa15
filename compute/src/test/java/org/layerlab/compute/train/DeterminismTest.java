package org.layerlab.compute.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.layerlab.compute.kernels.Threads;
import org.layerlab.compute.nn.Losses;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.train.TrainingEvents.BatchEnd;

/**
 * Bit-identical loss curves for a network large enough that the kernels split work over threads (convolution,
 * batch norm, big matrix products): the same seed gives the same curve, with 1 or 2 kernel threads alike.
 */
class DeterminismTest {
    static Dataset randomImages() {
        SplittableRandom rng = new SplittableRandom(8);
        int n = 256;
        Tensor x = Tensor.uniform(Shape.of(n, 3, 12, 12), 1, rng);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) y[i] = (x.data()[i * 432] > 0 ? 1 : 0) + (x.data()[i * 432 + 100] > 0 ? 2 : 0);
        return new Dataset("random", x, y, null, List.of("a", "b", "c", "d"));
    }

    static List<Double> curve(int threads) throws Exception {
        int before = Threads.parallelism();
        Threads.setParallelism(threads);
        try (ComputePool pool = new ComputePool(1)) {
            ModelGraph g = new SequentialBuilder().add("input", "shape", List.of(3, 12, 12))
                    .add("conv2d", "filters", 32, "kernel", 3, "padding", "same", "activation", "relu")
                    .add("batchnorm").add("maxpool2d", "pool", 2).add("dropout", "rate", 0.1)
                    .add("flatten").add("dense", "units", 256, "activation", "gelu").add("layernorm")
                    .add("output", "units", 4).build();
            Params adam = Params.of(Optimizers.ADAM.params(), Map.of("learningRate", 1e-3));
            Trainer t = new Trainer(CompiledNetwork.compile(g, 3), randomImages(), null,
                    new TrainingConfig("adam", adam, 64, 2, 5));
            List<Double> losses = new CopyOnWriteArrayList<>();
            t.addListener(new TrainingListener() { @Override public void batchEnded(BatchEnd e) { losses.add(e.loss()); } });
            t.start(pool.executor(), false).get(2, TimeUnit.MINUTES);
            return new ArrayList<>(losses);
        } finally {
            Threads.setParallelism(before);
        }
    }

    @Test void sameSeedSameCurveWhateverTheThreadCount() throws Exception {
        List<Double> a = curve(2), b = curve(2), c = curve(1);
        assertEquals(8, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(Double.doubleToRawLongBits(a.get(i)), Double.doubleToRawLongBits(b.get(i)), "2 threads twice, step " + i);
            assertEquals(Double.doubleToRawLongBits(a.get(i)), Double.doubleToRawLongBits(c.get(i)), "2 threads vs 1, step " + i);
        }
        // It learns: the second epoch's mean loss is below the first's (single batches are too noisy to compare).
        double first = a.subList(0, 4).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double second = a.subList(4, 8).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertTrue(second < first, "it learns: " + a);
    }

    @Test void classificationReport() throws Exception {
        ModelGraph g = new SequentialBuilder().add("input", "shape", List.of(3, 12, 12)).add("flatten").add("output", "units", 4).build();
        Evaluation.ClassificationReport r = Evaluation.classification(CompiledNetwork.compile(g, 1), Losses.SOFTMAX_CROSS_ENTROPY, randomImages(), 2);
        long total = 0;
        for (long[] row : r.confusion()) for (long v : row) total += v;
        assertEquals(256, total);
        assertTrue(r.topKAccuracy() >= r.accuracy());
        assertEquals(4, r.classes().f1().length);
    }
}
