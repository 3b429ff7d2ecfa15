package org.layerlab.compute.autodiff;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Compares a tape's gradients with central finite differences. The probe is the scalar Σ r·y for a fixed random r,
 * so every output element contributes. Values are float32, so the step and tolerance suit single precision:
 * sums are taken in double and the step h = 1e-2 keeps the rounding error of the difference below ~1e-4.
 */
public final class GradCheck {
    private GradCheck() {}

    public static final double H = 1e-2;

    /**
     * @param forward recomputes the output from the current contents of {@code values}
     * @param values  the arrays to perturb (inputs and parameters)
     * @param grads   the gradient accumulators of those arrays, in the same order
     */
    public static void check(String what, Supplier<Var> forward, List<float[]> values, List<float[]> grads) {
        for (float[] g : grads) java.util.Arrays.fill(g, 0f);
        Var y = forward.get();
        SplittableRandom rng = new SplittableRandom(99);
        float[] r = new float[y.value().size()];
        for (int i = 0; i < r.length; i++) r[i] = (float) (rng.nextDouble() * 2 - 1);
        System.arraycopy(r, 0, y.grad().data(), 0, r.length);
        y.backwardFromSeed();
        double worst = 0;
        String where = "";
        for (int a = 0; a < values.size(); a++) {
            float[] v = values.get(a), g = grads.get(a);
            for (int i = 0; i < v.length; i++) {
                float old = v[i];
                v[i] = (float) (old + H);
                double plus = probe(forward.get(), r);
                v[i] = (float) (old - H);
                double minus = probe(forward.get(), r);
                v[i] = old;
                double numeric = (plus - minus) / (2 * H);
                double err = Math.abs(numeric - g[i]) / Math.max(1.0, Math.abs(numeric));
                if (err > worst) { worst = err; where = "array " + a + " element " + i + ": numeric " + numeric + ", analytic " + g[i]; }
            }
        }
        if (worst > 2e-3) fail(what + ": gradient mismatch " + worst + " at " + where);
    }

    private static double probe(Var y, float[] r) {
        float[] d = y.value().data();
        double s = 0;
        for (int i = 0; i < d.length; i++) s += (double) r[i] * d[i];
        return s;
    }
}
