package org.layerlab.compute.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layerlab.compute.autodiff.Ops;
import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ReferenceNetworks;
import org.layerlab.compute.nn.Activation;
import org.layerlab.compute.nn.Activations;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

/**
 * Dense and Output layers compute their product, bias and activation in one fused op (the bias and the activation in
 * the product's store, the weights packed once for inference). Checked bit for bit against the unfused ops (matmul,
 * addRow, the activation's own op) for every activation, at awkward sizes, in training and inference, values and
 * gradients; and that inference sees every change of the weights.
 */
class DenseFusionTest {
    private static Tensor random(SplittableRandom rng, int... dims) {
        Tensor t = Tensor.zeros(dims);
        for (int i = 0; i < t.size(); i++) t.data()[i] = (float) (rng.nextDouble() * 2 - 1);
        return t;
    }

    @ParameterizedTest(name = "batch {0}, {1} → {2}")
    @CsvSource({"1,5,17", "3,300,33", "1,784,256", "2,257,1", "7,40,9", "37,513,70", "64,256,128"})
    void matchesTheUnfusedOpsForEveryActivation(int batch, int in, int units) throws Exception {
        for (Activation act : Activations.CATALOG.all()) {
            for (boolean useBias : new boolean[] {true, false}) {
                for (boolean training : new boolean[] {true, false}) {
                    check(act, useBias, training, batch, in, units);
                }
            }
        }
    }

    private static void check(Activation act, boolean useBias, boolean training, int batch, int in, int units) throws Exception {
        String at = act.id() + (useBias ? "" : " no bias") + (training ? " training" : " inference") + " " + batch + "×" + in + "→" + units;
        LayerType dense = LayerTypes.CATALOG.get(DenseLayer.ID);
        Params p = Params.of(dense.params(), Map.of("units", units, "activation", act.id(), "useBias", useBias, "biasInitializer", "glorot-uniform"));
        SplittableRandom rng = new SplittableRandom(batch * 1000 + in + units);
        Module m = dense.build(List.of(Shape.of(in)), p, rng);
        Tensor x = random(rng, batch, in), upstream = random(rng, batch, units);

        // The layer, as the trainer runs it.
        Var xv = Var.parameter(x, Tensor.zeros(batch, in));
        Var y = m.forward(List.of(xv), new ForwardContext(training, new SplittableRandom(1)));
        y.grad().copyFrom(upstream);
        y.backwardFromSeed();

        // The same function from the unfused ops, on the same values, into gradients of its own.
        Parameter kernel = m.parameters().get(0), bias = useBias ? m.parameters().get(1) : null;
        Var rx = Var.parameter(x, Tensor.zeros(batch, in));
        Var rk = Var.parameter(kernel.value(), Tensor.zeros(kernel.value().shape()));
        Var rb = bias == null ? null : Var.parameter(bias.value(), Tensor.zeros(bias.value().shape()));
        Var z = Ops.matmul(rx, rk);
        if (rb != null) z = Ops.addRow(z, rb);
        Var ry = act.apply(z);
        ry.grad().copyFrom(upstream);
        ry.backwardFromSeed();

        assertArrayEquals(ry.value().data(), y.value().data(), "output " + at);
        assertArrayEquals(rx.grad().data(), xv.grad().data(), "input gradient " + at);
        assertArrayEquals(rk.grad().data(), kernel.grad().data(), "kernel gradient " + at);
        if (bias != null) assertArrayEquals(rb.grad().data(), bias.grad().data(), "bias gradient " + at);
    }

    @Test void outputLayerMatchesMatmulAndAddRow() throws Exception {
        LayerType output = LayerTypes.CATALOG.get(OutputLayer.ID);
        for (int[] size : new int[][] {{1, 128, 10}, {256, 128, 10}, {5, 33, 2}, {3, 300, 40}}) {
            SplittableRandom rng = new SplittableRandom(size[0] + size[2]);
            Module m = output.build(List.of(Shape.of(size[1])), Params.of(output.params(), Map.of("units", size[2])), rng);
            Tensor x = random(rng, size[0], size[1]);
            Var rz = Ops.addRow(Ops.matmul(Var.constant(x), m.parameters().get(0).var()), m.parameters().get(1).var());
            for (boolean training : new boolean[] {true, false}) {
                Var y = Var.withoutTape(() -> m.forward(List.of(Var.constant(x)), new ForwardContext(training, new SplittableRandom(1))));
                assertArrayEquals(rz.value().data(), y.value().data(), Arrays.toString(size) + (training ? " training" : " inference"));
            }
        }
    }

    /** Inference keeps the weights packed between calls, and packs them again after any change. */
    @Test void predictSeesEveryChangeOfTheWeights() {
        CompiledNetwork net = CompiledNetwork.compile(ReferenceNetworks.fashionMlp(), 3);
        SplittableRandom rng = new SplittableRandom(9);
        for (int batch : new int[] {1, 256}) {
            Tensor x = random(rng, batch, 784);
            Tensor before = net.predict(x);
            assertArrayEquals(before.data(), net.predict(x).data(), "the same weights, the same answer");
            assertArrayEquals(trainingForward(net, x), before.data(), "packed weights give the unpacked product");
            List<float[]> changes = new ArrayList<>();
            for (Parameter p : net.parameters()) {
                float[] w = p.value().data(); // written as an optimizer step, a loaded checkpoint or an edit does
                for (int i = 0; i < w.length; i += 7) w[i] *= -0.5f;
                changes.add(w);
            }
            Tensor after = net.predict(x);
            assertFalse(Arrays.equals(before.data(), after.data()), "the change shows");
            assertArrayEquals(trainingForward(net, x), after.data(), "predict uses the changed weights (batch " + batch + ")");
        }
    }

    private static float[] trainingForward(CompiledNetwork net, Tensor x) {
        return Var.withoutTape(() -> net.forward(x, new ForwardContext(true, new SplittableRandom(1))).value()).data().clone();
    }

    /** ReLU's vectorised backward adds exactly what the scalar rule adds, at lengths either side of the vector width, for zeros, −0 and NaN too. */
    @Test void reluBackwardMatchesTheScalarRule() {
        var relu = Activations.RELU.elementwise();
        SplittableRandom rng = new SplittableRandom(4);
        for (int n : new int[] {1, 7, 8, 9, 15, 16, 17, 31, 33, 100}) {
            float[] x = new float[n], g = new float[n], gx = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = switch (i % 5) { case 0 -> 0f; case 1 -> -0f; case 2 -> Float.NaN; default -> (float) (rng.nextDouble() - 0.5); };
                g[i] = (float) (rng.nextDouble() - 0.5);
                gx[i] = i % 3 == 0 ? -0f : (float) rng.nextDouble();
            }
            float[] expected = gx.clone();
            for (int i = 0; i < n; i++) expected[i] += x[i] > 0 ? g[i] : 0f;
            relu.backwardAll(x, null, g, gx);
            assertArrayEquals(expected, gx, "length " + n);
        }
    }
}
