package org.layerlab.compute.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.layerlab.compute.tensor.Tensor;

/** Metrics against values worked out by hand (and matching scikit-learn's definitions). */
class MetricsTest {
    private final int[] labels = {0, 0, 1, 1, 2, 2, 2};
    private final int[] predicted = {0, 1, 1, 1, 2, 0, 2};

    @Test void accuracyAndConfusion() {
        assertEquals(5.0 / 7, Metrics.accuracy(predicted, labels), 1e-12);
        long[][] m = Metrics.confusionMatrix(predicted, labels, 3);
        assertArrayEquals(new long[] {1, 1, 0}, m[0]);
        assertArrayEquals(new long[] {0, 2, 0}, m[1]);
        assertArrayEquals(new long[] {1, 0, 2}, m[2]);
    }

    @Test void precisionRecallF1() {
        Metrics.ClassReport r = Metrics.classReport(Metrics.confusionMatrix(predicted, labels, 3));
        assertArrayEquals(new double[] {0.5, 2.0 / 3, 1.0}, r.precision(), 1e-12);
        assertArrayEquals(new double[] {0.5, 1.0, 2.0 / 3}, r.recall(), 1e-12);
        assertArrayEquals(new double[] {0.5, 0.8, 0.8}, r.f1(), 1e-12);
        assertEquals((0.5 + 2.0 / 3 + 1.0) / 3, r.macroPrecision(), 1e-12);
        assertEquals(0.7, r.macroF1(), 1e-12);
    }

    @Test void topK() {
        Tensor scores = Tensor.of(new float[] {0.1f, 0.7f, 0.2f, 0.5f, 0.3f, 0.2f}, 2, 3);
        int[] y = {2, 2};
        assertEquals(0.0, Metrics.topKAccuracy(scores, y, 1), 1e-12);
        assertEquals(0.5, Metrics.topKAccuracy(scores, y, 2), 1e-12);
        assertEquals(1.0, Metrics.topKAccuracy(scores, y, 3), 1e-12);
    }

    @Test void regression() {
        float[] t = {1, 2, 3, 4}, p = {1, 2, 4, 2};
        assertEquals(5.0 / 4, Metrics.meanSquaredError(p, t), 1e-12);
        assertEquals(3.0 / 4, Metrics.meanAbsoluteError(p, t), 1e-12);
        assertEquals(1 - 5.0 / 5.0, Metrics.r2(p, t), 1e-12);
        assertEquals(1.0, Metrics.r2(t, t), 1e-12);
    }
}
