package org.layerlab.compute.autodiff;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.compute.nn.Activation;
import org.layerlab.compute.nn.Activations;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

/** Every primitive's backward rule against finite differences. */
class PrimitiveGradientTest {
    private final SplittableRandom rng = new SplittableRandom(7);

    /** Random values kept at least 0.05 away from zero, so kinks (ReLU, |x|) are never straddled by the ±h probe. */
    private Tensor random(int... dims) {
        Tensor t = Tensor.zeros(dims);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            double v = rng.nextDouble() * 2 - 1;
            d[i] = (float) (Math.signum(v) * (0.05 + Math.abs(v)));
        }
        return t;
    }

    /** Checks f against finite differences with respect to all of {@code inputs}. */
    private void check(String name, Function<Var[], Var> f, Tensor... inputs) {
        List<float[]> values = new ArrayList<>(), grads = new ArrayList<>();
        Tensor[] gs = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            gs[i] = Tensor.zeros(inputs[i].shape());
            values.add(inputs[i].data());
            grads.add(gs[i].data());
        }
        GradCheck.check(name, () -> {
            Var[] vars = new Var[inputs.length];
            for (int i = 0; i < inputs.length; i++) vars[i] = Var.parameter(inputs[i], gs[i]);
            return f.apply(vars);
        }, values, grads);
    }

    @Test void matmul() { check("matmul", v -> Ops.matmul(v[0], v[1]), random(3, 4), random(4, 5)); }

    @Test void addRow() { check("addRow", v -> Ops.addRow(v[0], v[1]), random(3, 4), random(4)); }

    @Test void add() { check("add", v -> Ops.add(v[0], v[1]), random(2, 3), random(2, 3)); }

    @Test void mul() { check("mul", v -> Ops.mul(v[0], v[1]), random(2, 3), random(2, 3)); }

    @Test void reshape() { check("reshape", v -> Ops.mul(Ops.reshape(v[0], Shape.of(3, 2)), v[1]), random(2, 3), random(3, 2)); }

    static List<String> activations() { return Activations.CATALOG.ids(); }

    @ParameterizedTest @MethodSource("activations")
    void activation(String id) {
        Activation a = Activations.CATALOG.get(id);
        check(id, v -> a.apply(v[0]), random(3, 5));
    }

    @Test void softmax() { check("softmax", v -> Ops.softmax(v[0]), random(3, 4)); }

    @Test void softmaxCrossEntropy() { check("softmaxCE", v -> Ops.softmaxCrossEntropy(v[0], new int[] {0, 3, 2}), random(3, 4)); }

    @Test void binaryCrossEntropy() {
        check("bce", v -> Ops.sigmoidBinaryCrossEntropy(v[0], new float[] {0, 1, 1, 0}), random(4, 1));
    }

    @Test void regressionLosses() {
        float[] t = {0.3f, -2f, 1.5f, 0.2f, 3f, -0.7f};
        check("mse", v -> Ops.meanSquaredError(v[0], t), random(2, 3));
        check("mae", v -> Ops.meanAbsoluteError(v[0], t), random(2, 3));
        check("huber", v -> Ops.huber(v[0], t, 1f), random(2, 3));
    }

    @ParameterizedTest(name = "conv2d k{0} s{1} same={2} d{3} bias={4}")
    @CsvSource({"3,1,false,1,true", "3,1,true,1,true", "3,2,true,1,false", "2,2,false,1,true", "3,1,false,2,true",
            "4,1,true,1,true", "3,2,true,2,true", "1,1,false,1,false", "3,3,false,1,true"})
    void conv2d(int k, int stride, boolean same, int dilation, boolean bias) {
        ConvOps.Window w = ConvOps.Window.of(6, 7, k, k, stride, dilation, same);
        if (bias) check("conv2d", v -> ConvOps.conv2d(v[0], v[1], v[2], w), random(2, 3, 6, 7), random(2, 3, k, k), random(2));
        else check("conv2d", v -> ConvOps.conv2d(v[0], v[1], null, w), random(2, 3, 6, 7), random(2, 3, k, k));
    }

    /** Distinct values spaced well beyond the probe step, so the maximum of a window never changes hands. */
    private Tensor distinct(int... dims) {
        Tensor t = Tensor.zeros(dims);
        int[] perm = org.layerlab.compute.data.Dataset.permutation(t.size(), rng);
        for (int i = 0; i < perm.length; i++) t.data()[i] = 0.05f * perm[i] - 1f;
        return t;
    }

    @ParameterizedTest(name = "pool p{0} s{1} same={2}")
    @CsvSource({"2,2,false", "3,2,false", "3,1,false", "2,2,true", "3,2,true"})
    void pooling(int p, int s, boolean same) {
        ConvOps.Window w = ConvOps.Window.of(7, 6, p, p, s, 1, same);
        check("maxpool", v -> ConvOps.maxPool2d(v[0], w), distinct(2, 2, 7, 6));
        check("avgpool", v -> ConvOps.avgPool2d(v[0], w), random(2, 2, 7, 6));
    }

    @Test void globalAvgPool() { check("gap", v -> ConvOps.globalAvgPool(v[0]), random(2, 3, 4, 5)); }

    @ParameterizedTest(name = "batchNorm training={0} spatial={1}")
    @CsvSource({"true,false", "false,false", "true,true", "false,true"})
    void batchNorm(boolean training, boolean spatial) {
        Tensor x = spatial ? random(3, 2, 3, 4) : random(6, 4);
        int c = x.dim(1);
        float[] rm = new float[c], rv = new float[c];
        for (int i = 0; i < c; i++) { rm[i] = 0.1f * i; rv[i] = 0.5f + 0.3f * i; }
        check("batchNorm", v -> NormOps.batchNorm(v[0], v[1], v[2], rm.clone(), rv.clone(), training, 0.1f, 1e-5f),
                x, random(c), random(c));
    }

    @Test void layerNorm() {
        check("layerNorm", v -> NormOps.layerNorm(v[0], v[1], v[2], 1e-5f), random(3, 6), random(6), random(6));
        check("layerNorm image", v -> NormOps.layerNorm(v[0], v[1], v[2], 1e-5f), random(2, 2, 3, 3), random(2, 3, 3), random(2, 3, 3));
    }

    @ParameterizedTest(name = "concat axis {0}")
    @CsvSource({"1", "2", "3"})
    void concat(int axis) {
        int[] a = {2, 2, 3, 2}, b = a.clone();
        b[axis] = 3;
        check("concat", v -> ShapeOps.concat(new Var[] {v[0], v[1]}, axis), random(a), random(b));
    }

    /** The checker itself must catch a wrong rule: here the derivative of x² is given as x instead of 2x. */
    @Test void checkerCatchesAWrongRule() {
        Tensor x = random(4);
        org.junit.jupiter.api.Assertions.assertThrows(org.opentest4j.AssertionFailedError.class, () -> check("wrong", v -> {
            Var in = v[0];
            float[] xv = in.value().data(), yv = new float[xv.length];
            for (int i = 0; i < xv.length; i++) yv[i] = xv[i] * xv[i];
            return new Var(new Tensor(in.shape(), yv), "square", o -> {
                for (int i = 0; i < xv.length; i++) in.grad().data()[i] += o.grad().data()[i] * xv[i];
            }, in);
        }, x));
    }

    @Test void missingRuleFailsLoudly() {
        Var p = Var.parameter(Tensor.scalar(1f), Tensor.zeros(1));
        Var broken = new Var(Tensor.scalar(2f), "broken", null, p);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, broken::backward);
    }
}
