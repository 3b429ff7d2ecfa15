package org.layerlab.compute.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.data.IdxFiles;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.ReferenceNetworks;
import org.layerlab.compute.kernels.Vectors;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.train.TrainingEvents.EndReason;
import org.layerlab.compute.train.TrainingEvents.RunEnded;

/**
 * Fashion-MNIST training results on subsets (the full runs are in the benchmarks). Skipped when Debian's
 * dataset-fashion-mnist package is not installed. Thresholds are for the stated subset sizes, one epoch.
 */
class FashionMnistTest {
    @BeforeEach void needsData() {
        assumeTrue(IdxFiles.fashionMnistAvailable(),
                "Fashion-MNIST not installed (apt-get install dataset-fashion-mnist) — skipping Fashion-MNIST training tests");
        assumeFalse(Vectors.emulated(), "the " + Vectors.describe() + " species is emulated on this CPU (too slow for whole"
                + " training runs); the kernel, gradient and reference tests cover this width");
    }

    static TrainingConfig adam(int epochs) throws Exception {
        Params p = Params.of(Optimizers.ADAM.params(), Map.of("learningRate", 1e-3));
        return new TrainingConfig("softmax-cross-entropy", "adam", p, 64, epochs, 1, 0.0).withCheckpoints(false);
    }

    static double testAccuracy(ModelGraph g, boolean flat, int trainSamples, int epochs) throws Exception {
        Dataset train = IdxFiles.fashionMnist("train", flat, trainSamples);
        Dataset test = IdxFiles.fashionMnist("t10k", flat, 10_000);
        CompiledNetwork net = CompiledNetwork.compile(g, 1);
        try (ComputePool pool = new ComputePool(1)) {
            RunEnded end = new Trainer(net, train, null, adam(epochs)).start(pool.executor(), false).get(10, TimeUnit.MINUTES);
            assertEquals(EndReason.COMPLETED, end.reason(), end.message());
        }
        double acc = Evaluation.evaluate(net, org.layerlab.compute.nn.Losses.SOFTMAX_CROSS_ENTROPY, test, "").get("accuracy");
        System.out.printf("Fashion-MNIST %d samples x %d epochs (%s): test accuracy %.4f%n", trainSamples, epochs, Vectors.describe(), acc);
        return acc;
    }

    /** MLP 784-256-128-10, Adam 1e-3, batch 64, one epoch on 20,000 samples: at least 80% on the full test set (82.4% measured here; the full 60,000 is the benchmark W2). */
    @Test void mlpOneEpoch() throws Exception {
        double acc = testAccuracy(ReferenceNetworks.fashionMlp(), true, 20_000, 1);
        assertTrue(acc >= 0.80, "test accuracy " + acc);
    }

    /** LeNet-5 (6 and 16 5×5 filters, 120-84-10), two epochs on 12,000 samples: at least 78% on the full test set (81.7% measured here). */
    @Test void leNetTwoEpochs() throws Exception {
        double acc = testAccuracy(ReferenceNetworks.leNet5(), false, 12_000, 2);
        assertTrue(acc >= 0.78, "test accuracy " + acc);
    }
}
