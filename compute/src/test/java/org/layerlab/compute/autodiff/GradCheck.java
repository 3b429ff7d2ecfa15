package org.layerlab.compute.autodiff;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.layerlab.compute.tensor.Tensor;

/**
 * Checks the engine's float32 backward rules against central finite differences taken in float64, of a
 * {@link Reference} implementation of the same function. The engine has no float64 path, so the reference stands in
 * for it; the check first proves that it does, by comparing both forwards at the float32 point.
 *
 * <ol>
 * <li>The engine's output at the point must equal the reference's to {@link #FORWARD_TOLERANCE}.</li>
 * <li>The engine's backward runs once, seeded with a fixed random r, giving the analytic gradient of Σ r·y.</li>
 * <li>The numeric gradient of Σ r·y comes from central differences of the reference, step {@link #H}.</li>
 * <li>Both must agree to {@link #TOLERANCE}, relative to max(1, |numeric|).</li>
 * </ol>
 */
public final class GradCheck {
    private GradCheck() {}

    /**
     * The finite-difference step. The central difference errs by h²/6·|f'''| (truncation) plus about
     * 2⁻⁵³·|Σ r·y|/h (float64 rounding of the two probes). On these small inputs |f'''| and |Σ r·y| stay below ~100,
     * so h = 1e-6 gives ≲ 2e-11 + 1e-8: the numeric gradient is exact to far below the tolerance. The step is also
     * tiny next to the 0.05 the test inputs keep from every kink (ReLU at 0, |d| in MAE and Huber, max-pool ties).
     */
    public static final double H = 1e-6;

    /**
     * Gradient tolerance, relative to max(1, |numeric|). The numeric side is exact to ~1e-8 (the worst error below does
     * not move when h goes from 1e-4 to 1e-7), so what remains is the float32 rounding of the engine's analytic
     * gradient: each element is a sum of at most a few hundred float32 products here, off by about √K·2⁻²⁴ of the
     * terms' scale for K terms, i.e. ~1e-6. The worst error seen over all primitive and layer cases is 1.1e-6 (the
     * tests print it); 1e-5 leaves a margin of nine over that, and is 200× tighter than the float32 check it replaced.
     */
    public static final double TOLERANCE = 1e-5;

    /**
     * Forward agreement, relative to max(1, |reference|): the engine's float32 forward sums up to ~50 products here,
     * off by ~1e-6 at most (worst seen 8.5e-7), while a reference that computes another function is off by far more.
     */
    public static final double FORWARD_TOLERANCE = 1e-5;

    /** An array the check perturbs (an input or a parameter) and the gradient the engine accumulates for it. */
    public record Arg(String name, Tensor value, Tensor grad) {}

    /** The largest relative errors one check saw: of the forward, and of the gradient and where. */
    public record Result(String what, double forwardError, double gradientError, String where) {}

    /**
     * @param engine    builds the engine's output on the tape from the args' current values (called once)
     * @param reference the same function in float64, of the args' values in the same order; must not change them
     */
    public static Result check(String what, Supplier<Var> engine, Function<List<Tensor64>, Tensor64> reference, List<Arg> args) {
        List<Tensor64> point = new ArrayList<>();
        for (Arg a : args) { a.grad().fill(0f); point.add(Tensor64.of(a.value())); }
        Var y = engine.get();
        Tensor64 expected = reference.apply(point);
        double forwardError = compareForward(what, y.value(), expected);

        SplittableRandom rng = new SplittableRandom(99);
        float[] r = new float[y.value().size()];
        for (int i = 0; i < r.length; i++) r[i] = (float) (rng.nextDouble() * 2 - 1);
        System.arraycopy(r, 0, y.grad().data(), 0, r.length);
        y.backwardFromSeed();

        double worst = 0;
        String where = "";
        int over = 0, total = 0;
        for (int a = 0; a < args.size(); a++) {
            double[] v = point.get(a).values();
            float[] g = args.get(a).grad().data();
            for (int i = 0; i < v.length; i++, total++) {
                double old = v[i];
                v[i] = old + H;
                double plus = probe(reference.apply(point), r);
                v[i] = old - H;
                double minus = probe(reference.apply(point), r);
                v[i] = old;
                double numeric = (plus - minus) / (2 * H);
                double err = Math.abs(numeric - g[i]) / Math.max(1.0, Math.abs(numeric));
                if (err > TOLERANCE) over++;
                if (err > worst || where.isEmpty()) {
                    worst = err;
                    where = args.get(a).name() + point.get(a).indexOf(i) + ": numeric " + numeric + ", analytic " + g[i];
                }
            }
        }
        if (over > 0) {
            fail(what + ": gradient mismatch at " + where + " (relative error " + format(worst) + " > " + format(TOLERANCE) + "; "
                    + over + " of " + total + " elements over)");
        }
        return new Result(what, forwardError, worst, where);
    }

    private static double compareForward(String what, Tensor actual, Tensor64 expected) {
        if (!Arrays.equals(actual.shape().dims(), expected.dims())) {
            fail(what + ": engine forward has shape " + actual.shape() + ", the float64 reference " + Arrays.toString(expected.dims()));
        }
        double worst = 0;
        int at = 0;
        for (int i = 0; i < expected.size(); i++) {
            double err = Math.abs(actual.data()[i] - expected.values()[i]) / Math.max(1.0, Math.abs(expected.values()[i]));
            if (err > worst) { worst = err; at = i; }
        }
        if (worst > FORWARD_TOLERANCE) {
            fail(what + ": engine forward differs from the float64 reference at output" + expected.indexOf(at) + ": engine "
                    + actual.data()[at] + ", reference " + expected.values()[at] + " (relative error " + format(worst) + " > "
                    + format(FORWARD_TOLERANCE) + ")");
        }
        return worst;
    }

    private static double probe(Tensor64 y, float[] r) {
        double s = 0;
        for (int i = 0; i < r.length; i++) s += r[i] * y.values()[i];
        return s;
    }

    private static String format(double e) { return String.format(Locale.ROOT, "%.2e", e); }

    /** The worst results over many checks, for a one-line summary after a test class. */
    public static final class Tally {
        private Result forward, gradient;
        private int checks;

        public synchronized Result add(Result r) {
            checks++;
            if (forward == null || r.forwardError() > forward.forwardError()) forward = r;
            if (gradient == null || r.gradientError() > gradient.gradientError()) gradient = r;
            return r;
        }

        @Override public synchronized String toString() {
            if (checks == 0) return "no gradient checks ran";
            return checks + " gradient checks in float64 (h " + H + "): worst gradient error " + format(gradient.gradientError())
                    + " (tolerance " + format(TOLERANCE) + ") in " + gradient.what() + " at " + gradient.where()
                    + "; worst forward error " + format(forward.forwardError()) + " (tolerance " + format(FORWARD_TOLERANCE)
                    + ") in " + forward.what();
        }
    }
}
