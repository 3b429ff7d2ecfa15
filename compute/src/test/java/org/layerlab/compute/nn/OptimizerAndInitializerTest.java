package org.layerlab.compute.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.layers.Parameter;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

/** What the PyTorch fixtures cannot cover: L1 penalties (torch has none), optimizer state round trips, initialiser statistics. */
class OptimizerAndInitializerTest {
    @Test void l1PenaltyAddsSignOfWeight() throws Exception {
        Optimizer sgd = Optimizers.SGD.create(Params.of(Optimizers.SGD.params(), Map.of("learningRate", 0.1, "l1", 0.5)));
        Parameter w = new Parameter("w", Tensor.of(new float[] {2f, -3f, 0f}, 3));
        w.grad().data()[0] = 1f;
        sgd.step(List.of(w));
        // w − lr·(g + λ₁·sign(w)): 2 − 0.1·(1 + 0.5), −3 − 0.1·(0 − 0.5), 0 − 0
        assertArrayEquals(new float[] {1.85f, -2.95f, 0f}, w.value().data(), 1e-6f);
    }

    static List<String> optimizers() { return Optimizers.CATALOG.ids(); }

    /** Saving the state mid-run and loading it into a fresh optimizer continues exactly as the original. */
    @ParameterizedTest @MethodSource("optimizers")
    void stateRoundTrip(String id) {
        OptimizerType type = Optimizers.CATALOG.get(id);
        Optimizer a = type.create(type.defaultParams());
        Parameter w = new Parameter("w", Tensor.of(new float[] {0.5f, -1f, 2f}, 3));
        for (int s = 0; s < 3; s++) { gradient(w); a.step(List.of(w)); }
        Map<String, float[]> saved = a.saveState(List.of(w));
        Parameter w2 = new Parameter("w", w.value().copy());
        Optimizer b = type.create(type.defaultParams());
        b.loadState(List.of(w2), saved);
        for (int s = 0; s < 3; s++) { gradient(w); a.step(List.of(w)); gradient(w2); b.step(List.of(w2)); }
        assertArrayEquals(w.value().data(), w2.value().data(), id);
    }

    private static void gradient(Parameter w) {
        for (int i = 0; i < 3; i++) w.grad().data()[i] = 0.3f * w.value().data()[i] + 0.1f * (i - 1);
    }

    @Test void initializerStatisticsAndSeeding() {
        int in = 400, out = 300;
        Shape s = Shape.of(in, out);
        check(Initializers.GLOROT_UNIFORM, s, in, out, Math.sqrt(2.0 / (in + out)));
        check(Initializers.GLOROT_NORMAL, s, in, out, Math.sqrt(2.0 / (in + out)));
        check(Initializers.HE_UNIFORM, s, in, out, Math.sqrt(2.0 / in));
        check(Initializers.HE_NORMAL, s, in, out, Math.sqrt(2.0 / in));
        check(Initializers.LECUN_UNIFORM, s, in, out, Math.sqrt(1.0 / in));
        check(Initializers.LECUN_NORMAL, s, in, out, Math.sqrt(1.0 / in));
        assertEquals(0f, Initializers.ZEROS.create(s, in, out, new SplittableRandom(1)).data()[7]);
        assertEquals(0.25f, Initializers.constant(0.25).create(s, in, out, new SplittableRandom(1)).data()[7]);
        for (Initializer i : Initializers.CATALOG.all()) {
            assertArrayEquals(i.create(s, in, out, new SplittableRandom(5)).data(), i.create(s, in, out, new SplittableRandom(5)).data(), i.id());
        }
    }

    private static void check(Initializer init, Shape s, int in, int out, double expectedStd) {
        float[] d = init.create(s, in, out, new SplittableRandom(3)).data();
        double sum = 0, sq = 0;
        for (float v : d) { sum += v; sq += (double) v * v; }
        double mean = sum / d.length, std = Math.sqrt(sq / d.length - mean * mean);
        assertTrue(Math.abs(mean) < 0.02 * expectedStd * 10, init.id() + " mean " + mean);
        assertEquals(expectedStd, std, 0.02 * expectedStd, init.id() + " std");
    }
}
