package org.layerlab.compute.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.layers.Parameter;
import org.layerlab.compute.tensor.Tensor;

/**
 * Each optimizer's single vectorised pass (penalties folded in) against the plain loops it replaced, written out here
 * as the reference: bit-identical weights, gradients and state after several steps, at sizes around the vector width
 * (run at both widths by the module's build), with and without penalties, on weights that include ±0.
 */
class OptimizerPassTest {
    private static final int[] SIZES = {1, 3, 7, 8, 15, 16, 17, 31, 33, 64, 100};

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        List<Map<String, Object>> penalties = List.of(Map.of(), Map.of("l1", 0.01, "l2", 0.003));
        for (Map<String, Object> pen : penalties) {
            all.add(Arguments.of("sgd", with(pen, Map.of("learningRate", 0.05))));
            all.add(Arguments.of("sgd", with(pen, Map.of("learningRate", 0.05, "momentum", 0.9))));
            all.add(Arguments.of("sgd", with(pen, Map.of("learningRate", 0.05, "momentum", 0.8, "nesterov", true))));
            all.add(Arguments.of("rmsprop", with(pen, Map.of("learningRate", 0.01))));
            all.add(Arguments.of("adagrad", with(pen, Map.of("learningRate", 0.1))));
            all.add(Arguments.of("adam", with(pen, Map.of("learningRate", 0.01))));
            all.add(Arguments.of("adamw", with(pen, Map.of("learningRate", 0.01))));
        }
        return all.stream();
    }

    private static Map<String, Object> with(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> m = new HashMap<>(a);
        m.putAll(b);
        return m;
    }

    @ParameterizedTest(name = "{0} {1}") @MethodSource("cases")
    void matchesThePlainLoops(String id, Map<String, Object> settings) throws Exception {
        OptimizerType type = Optimizers.CATALOG.get(id);
        Params p = Params.of(type.params(), settings);
        for (int n : SIZES) {
            SplittableRandom rng = new SplittableRandom(n * 31L + id.hashCode());
            float[] w0 = new float[n];
            for (int i = 0; i < n; i++) w0[i] = i % 5 == 0 ? (i % 2 == 0 ? 0f : -0f) : (float) rng.nextGaussian();
            Parameter w = new Parameter("w", Tensor.of(w0.clone(), n));
            Optimizer fast = type.create(p);
            Reference ref = new Reference(id, p, n);
            float[] rw = w0.clone();
            for (int step = 1; step <= 4; step++) {
                float[] g = new float[n];
                for (int i = 0; i < n; i++) g[i] = (float) rng.nextGaussian() * (i % 3 == 0 ? 1e-3f : 1f);
                System.arraycopy(g, 0, w.grad().data(), 0, n);
                float[] rg = g.clone();
                fast.step(List.of(w));
                ref.step(rw, rg, step);
                String at = id + " n=" + n + " step " + step;
                assertArrayEquals(rw, w.value().data(), at + ": weights");
                assertArrayEquals(rg, w.grad().data(), at + ": gradient (penalties included)");
                Map<String, float[]> state = fast.saveState(List.of(w));
                for (int k = 0; k < ref.slots.length; k++) assertArrayEquals(ref.slots[k], state.get("0/" + k), at + ": slot " + k);
            }
        }
    }

    /**
     * A step over several parameters large enough to be split into stretches over the kernel threads, with stretch
     * boundaries falling inside parameters at offsets that are not multiples of the vector width: the same as each
     * parameter's plain loop.
     */
    @ParameterizedTest(name = "{0} {1}") @MethodSource("cases")
    void splitStepsMatchThePlainLoops(String id, Map<String, Object> settings) throws Exception {
        OptimizerType type = Optimizers.CATALOG.get(id);
        Params p = Params.of(type.params(), settings);
        int[] sizes = {8_000, 1, 70_001, 17, 9_000};
        SplittableRandom rng = new SplittableRandom(id.hashCode());
        List<Parameter> params = new ArrayList<>();
        List<float[]> refWeights = new ArrayList<>();
        List<Reference> refs = new ArrayList<>();
        for (int n : sizes) {
            float[] w0 = new float[n];
            for (int i = 0; i < n; i++) w0[i] = (float) rng.nextGaussian();
            params.add(new Parameter("w" + params.size(), Tensor.of(w0.clone(), n)));
            refWeights.add(w0);
            refs.add(new Reference(id, p, n));
        }
        Optimizer fast = type.create(p);
        for (int step = 1; step <= 3; step++) {
            for (int q = 0; q < sizes.length; q++) {
                float[] g = params.get(q).grad().data();
                for (int i = 0; i < g.length; i++) g[i] = (float) rng.nextGaussian();
                float[] rg = g.clone();
                refs.get(q).step(refWeights.get(q), rg, step);
            }
            fast.step(params);
            for (int q = 0; q < sizes.length; q++) {
                assertArrayEquals(refWeights.get(q), params.get(q).value().data(), id + " parameter " + q + " step " + step);
            }
        }
    }

    /** The update rules as the plain loops wrote them before the vector passes (torch.optim's). */
    private static final class Reference {
        final String id;
        final float lr, l1, l2;
        final Params p;
        final float[][] slots;

        Reference(String id, Params p, int n) {
            this.id = id;
            this.p = p;
            this.lr = (float) p.getDouble("learningRate");
            this.l1 = (float) p.getDouble("l1");
            this.l2 = (float) p.getDouble("l2");
            this.slots = new float[id.startsWith("adam") ? 2 : 1][n];
        }

        void step(float[] w, float[] g, long t) {
            if (l1 != 0f || l2 != 0f) for (int i = 0; i < w.length; i++) g[i] += l1 * Math.signum(w[i]) + l2 * w[i];
            switch (id) {
                case "sgd" -> {
                    float mu = (float) p.getDouble("momentum");
                    boolean nesterov = p.getBoolean("nesterov");
                    if (mu == 0f) { for (int i = 0; i < w.length; i++) w[i] -= lr * g[i]; return; }
                    float[] v = slots[0];
                    for (int i = 0; i < w.length; i++) {
                        v[i] = t == 1 ? g[i] : mu * v[i] + g[i];
                        w[i] -= lr * (nesterov ? g[i] + mu * v[i] : v[i]);
                    }
                }
                case "rmsprop" -> {
                    float rho = (float) p.getDouble("rho"), eps = (float) p.getDouble("epsilon");
                    float[] v = slots[0];
                    for (int i = 0; i < w.length; i++) {
                        v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
                        w[i] -= lr * g[i] / ((float) Math.sqrt(v[i]) + eps);
                    }
                }
                case "adagrad" -> {
                    float eps = (float) p.getDouble("epsilon");
                    float[] acc = slots[0];
                    for (int i = 0; i < w.length; i++) {
                        acc[i] += g[i] * g[i];
                        w[i] -= lr * g[i] / ((float) Math.sqrt(acc[i]) + eps);
                    }
                }
                default -> { // adam, adamw
                    float b1 = (float) p.getDouble("beta1"), b2 = (float) p.getDouble("beta2"), eps = (float) p.getDouble("epsilon");
                    float decoupled = id.equals("adamw") ? (float) p.getDouble("weightDecay") : 0f;
                    float[] m = slots[0], v = slots[1];
                    float c1 = 1f - (float) Math.pow(b1, t), c2 = 1f - (float) Math.pow(b2, t);
                    float step = lr / c1, sc2 = (float) (1 / Math.sqrt(c2)), decay = 1f - lr * decoupled;
                    for (int i = 0; i < w.length; i++) {
                        float gi = g[i];
                        float mi = m[i] * b1 + gi * (1 - b1);
                        float vi = v[i] * b2 + gi * (1 - b2) * gi;
                        m[i] = mi;
                        v[i] = vi;
                        float wi = decoupled != 0f ? w[i] * decay : w[i];
                        w[i] = wi - mi * step / ((float) Math.sqrt(vi) * sc2 + eps);
                    }
                }
            }
        }
    }
}
