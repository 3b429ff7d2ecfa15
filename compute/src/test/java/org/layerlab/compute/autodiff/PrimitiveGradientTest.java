package org.layerlab.compute.autodiff;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.nn.Activation;
import org.layerlab.compute.nn.Activations;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;
import org.opentest4j.AssertionFailedError;

/** Every primitive's backward rule against float64 finite differences of its {@link Reference}. */
class PrimitiveGradientTest {
    private static final GradCheck.Tally TALLY = new GradCheck.Tally();
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

    /** Distinct values spaced well beyond the probe step, so the maximum of a window never changes hands. */
    private Tensor distinct(int... dims) {
        Tensor t = Tensor.zeros(dims);
        int[] perm = Dataset.permutation(t.size(), rng);
        for (int i = 0; i < perm.length; i++) t.data()[i] = 0.05f * perm[i] - 1f;
        return t;
    }

    /** Checks the engine's f against finite differences of {@code reference} with respect to all of {@code inputs}. */
    private static void check(String name, Function<Var[], Var> f, Function<Tensor64[], Tensor64> reference, Tensor... inputs) {
        List<GradCheck.Arg> args = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) args.add(new GradCheck.Arg("input " + i, inputs[i], Tensor.zeros(inputs[i].shape())));
        TALLY.add(GradCheck.check(name, () -> {
            Var[] vars = new Var[args.size()];
            for (int i = 0; i < vars.length; i++) vars[i] = Var.parameter(args.get(i).value(), args.get(i).grad());
            return f.apply(vars);
        }, xs -> reference.apply(xs.toArray(new Tensor64[0])), args));
    }

    @AfterAll static void report() { System.out.println("PrimitiveGradientTest: " + TALLY); }

    @Test void matmul() {
        check("matmul", v -> Ops.matmul(v[0], v[1]), x -> Reference.matmul(x[0], x[1]), random(3, 4), random(4, 5));
    }

    @Test void addRow() {
        check("addRow", v -> Ops.addRow(v[0], v[1]), x -> Reference.addRow(x[0], x[1]), random(3, 4), random(4));
    }

    /** The fused dense op for each activation it takes (those whose derivative comes from the output), and none; with and without bias, and with packed weights. */
    @Test void dense() {
        for (String id : List.of("tanh", "sigmoid", "elu", "leaky-relu")) {
            var f = Activations.CATALOG.get(id).elementwise();
            check("dense " + id, v -> Ops.dense(v[0], v[1], v[2], f, null),
                    x -> Reference.activation(id, Reference.addRow(Reference.matmul(x[0], x[1]), x[2])), random(3, 4), random(4, 5), random(5));
        }
        check("dense, no function", v -> Ops.dense(v[0], v[1], v[2], null, null),
                x -> Reference.addRow(Reference.matmul(x[0], x[1]), x[2]), random(2, 7), random(7, 17), random(17));
        check("dense, no bias", v -> Ops.dense(v[0], v[1], null, Activations.CATALOG.get("tanh").elementwise(), null),
                x -> Reference.activation("tanh", Reference.matmul(x[0], x[1])), random(1, 6), random(6, 3));
        check("dense, packed weights", v -> Ops.dense(v[0], v[1], v[2], Activations.CATALOG.get("sigmoid").elementwise(),
                        org.layerlab.compute.kernels.Gemm.pack(v[1].value().data(), 4, 18)),
                x -> Reference.activation("sigmoid", Reference.addRow(Reference.matmul(x[0], x[1]), x[2])), random(1, 4), random(4, 18), random(18));
    }

    @Test void add() { check("add", v -> Ops.add(v[0], v[1]), x -> Reference.add(x[0], x[1]), random(2, 3), random(2, 3)); }

    @Test void mul() { check("mul", v -> Ops.mul(v[0], v[1]), x -> Reference.mul(x[0], x[1]), random(2, 3), random(2, 3)); }

    @Test void reshape() {
        check("reshape", v -> Ops.mul(Ops.reshape(v[0], Shape.of(3, 2)), v[1]),
                x -> Reference.mul(Reference.reshape(x[0], 3, 2), x[1]), random(2, 3), random(3, 2));
    }

    static List<String> activations() { return Activations.CATALOG.ids(); }

    @ParameterizedTest @MethodSource("activations")
    void activation(String id) {
        Activation a = Activations.CATALOG.get(id);
        check(id, v -> a.apply(v[0]), x -> Reference.activation(id, x[0]), random(3, 5));
    }

    @Test void softmax() { check("softmax", v -> Ops.softmax(v[0]), x -> Reference.softmax(x[0]), random(3, 4)); }

    @Test void softmaxCrossEntropy() {
        int[] labels = {0, 3, 2};
        check("softmaxCE", v -> Ops.softmaxCrossEntropy(v[0], labels), x -> Reference.softmaxCrossEntropy(x[0], labels), random(3, 4));
    }

    @Test void binaryCrossEntropy() {
        float[] t = {0, 1, 1, 0};
        check("bce", v -> Ops.sigmoidBinaryCrossEntropy(v[0], t), x -> Reference.binaryCrossEntropy(x[0], t), random(4, 1));
    }

    private static final float[] TARGETS = {0.3f, -2f, 1.5f, 0.2f, 3f, -0.7f};

    /** Predictions whose residuals from {@link #TARGETS} keep 0.05 away from 0 and from ±δ, the kinks of MAE and Huber. */
    private Tensor predictions(double... deltas) {
        Tensor p = Tensor.zeros(2, 3);
        for (int i = 0; i < p.size(); i++) {
            double d;
            boolean nearKink;
            do {
                d = rng.nextDouble() * 4 - 2;
                nearKink = Math.abs(d) < 0.05;
                for (double delta : deltas) nearKink |= Math.abs(Math.abs(d) - delta) < 0.05;
            } while (nearKink);
            p.data()[i] = (float) (TARGETS[i] + d);
        }
        return p;
    }

    @Test void meanSquaredError() {
        check("mse", v -> Ops.meanSquaredError(v[0], TARGETS), x -> Reference.meanSquaredError(x[0], TARGETS), predictions());
    }

    @Test void meanAbsoluteError() {
        check("mae", v -> Ops.meanAbsoluteError(v[0], TARGETS), x -> Reference.meanAbsoluteError(x[0], TARGETS), predictions());
    }

    /** Both sides of δ are exercised: the residuals range over ±2. */
    @ParameterizedTest(name = "huber δ={0}") @CsvSource({"1", "0.5"})
    void huber(float delta) {
        check("huber δ=" + delta, v -> Ops.huber(v[0], TARGETS, delta), x -> Reference.huber(x[0], TARGETS, delta), predictions(delta));
    }

    @ParameterizedTest(name = "conv2d k{0} s{1} same={2} d{3} bias={4}")
    @CsvSource({"3,1,false,1,true", "3,1,true,1,true", "3,2,true,1,false", "2,2,false,1,true", "3,1,false,2,true",
            "4,1,true,1,true", "3,2,true,2,true", "1,1,false,1,false", "3,3,false,1,true", "2,1,true,2,false", "4,3,true,1,true"})
    void conv2d(int k, int stride, boolean same, int dilation, boolean bias) {
        String name = "conv2d k" + k + " s" + stride + (same ? " same" : " valid") + " d" + dilation + (bias ? " bias" : "");
        ConvOps.Window w = ConvOps.Window.of(6, 7, k, k, stride, dilation, same);
        if (bias) {
            check(name, v -> ConvOps.conv2d(v[0], v[1], v[2], w), x -> Reference.conv2d(x[0], x[1], x[2], stride, dilation, same),
                    random(2, 3, 6, 7), random(2, 3, k, k), random(2));
        } else {
            check(name, v -> ConvOps.conv2d(v[0], v[1], null, w), x -> Reference.conv2d(x[0], x[1], null, stride, dilation, same),
                    random(2, 3, 6, 7), random(2, 3, k, k));
        }
    }

    @ParameterizedTest(name = "pool p{0} s{1} same={2}")
    @CsvSource({"2,2,false", "3,2,false", "3,1,false", "2,2,true", "3,2,true", "2,1,true", "3,3,true"})
    void pooling(int p, int s, boolean same) {
        String name = " p" + p + " s" + s + (same ? " same" : " valid");
        ConvOps.Window w = ConvOps.Window.of(7, 6, p, p, s, 1, same);
        check("maxpool" + name, v -> ConvOps.maxPool2d(v[0], w), x -> Reference.maxPool2d(x[0], p, s, same), distinct(2, 2, 7, 6));
        check("avgpool" + name, v -> ConvOps.avgPool2d(v[0], w), x -> Reference.avgPool2d(x[0], p, s, same), random(2, 2, 7, 6));
    }

    @Test void globalAvgPool() {
        check("gap", v -> ConvOps.globalAvgPool(v[0]), x -> Reference.globalAvgPool(x[0]), random(2, 3, 4, 5));
    }

    @ParameterizedTest(name = "batchNorm training={0} spatial={1}")
    @CsvSource({"true,false", "false,false", "true,true", "false,true"})
    void batchNorm(boolean training, boolean spatial) {
        Tensor x = spatial ? random(3, 2, 3, 4) : random(6, 4);
        int c = x.dim(1);
        float[] rm = new float[c], rv = new float[c];
        for (int i = 0; i < c; i++) { rm[i] = 0.1f * i; rv[i] = 0.5f + 0.3f * i; }
        float momentum = 0.1f, eps = 1e-5f;
        double[] rm64 = Tensor64.of(rm, c).values(), rv64 = Tensor64.of(rv, c).values();
        check("batchNorm" + (training ? " train" : " infer") + (spatial ? " spatial" : " dense"),
                v -> NormOps.batchNorm(v[0], v[1], v[2], rm.clone(), rv.clone(), training, momentum, eps),
                t -> Reference.batchNorm(t[0], t[1], t[2], rm64, rv64, training, eps), x, random(c), random(c));
    }

    @Test void layerNorm() {
        float eps = 1e-5f;
        check("layerNorm", v -> NormOps.layerNorm(v[0], v[1], v[2], eps), x -> Reference.layerNorm(x[0], x[1], x[2], eps),
                random(3, 6), random(6), random(6));
        check("layerNorm image", v -> NormOps.layerNorm(v[0], v[1], v[2], eps), x -> Reference.layerNorm(x[0], x[1], x[2], eps),
                random(2, 2, 3, 3), random(2, 3, 3), random(2, 3, 3));
    }

    @ParameterizedTest(name = "concat axis {0}")
    @CsvSource({"0", "1", "2", "3"})
    void concat(int axis) {
        int[] a = {2, 2, 3, 2}, b = a.clone();
        b[axis] = 3;
        check("concat axis " + axis, v -> ShapeOps.concat(new Var[] {v[0], v[1]}, axis), x -> Reference.concat(List.of(x[0], x[1]), axis),
                random(a), random(b));
    }

    @Test void concatOfThree() {
        check("concat of three", v -> ShapeOps.concat(v, 1), x -> Reference.concat(List.of(x), 1), random(2, 1, 3), random(2, 2, 3), random(2, 3, 3));
    }

    @Test void pad2d() {
        check("pad2d", v -> ShapeOps.pad2d(v[0], 2, 1, 0, 3), x -> Reference.pad2d(x[0], 2, 1, 0, 3), random(2, 3, 4, 5));
    }

    /** The primitives that have a case above; a new public primitive (a static method returning a Var) must join them. */
    private static final Set<String> CHECKED = Set.of("matmul", "dense", "addRow", "add", "mul", "map", "reshape", "softmax",
            "softmaxCrossEntropy", "sigmoidBinaryCrossEntropy", "meanSquaredError", "meanAbsoluteError", "huber",
            "conv2d", "maxPool2d", "avgPool2d", "globalAvgPool", "batchNorm", "layerNorm", "concat", "pad2d");

    @Test void everyPrimitiveHasAGradientCase() {
        for (Class<?> owner : List.of(Ops.class, ConvOps.class, NormOps.class, ShapeOps.class)) {
            for (Method m : owner.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()) && m.getReturnType() == Var.class) {
                    assertTrue(CHECKED.contains(m.getName()), "no gradient check for primitive " + owner.getSimpleName() + "." + m.getName());
                }
            }
        }
    }

    /** The checker itself must catch a wrong rule: here the derivative of x² is given as x instead of 2x. */
    @Test void checkerCatchesAWrongRule() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> check("wrong", v -> {
            Var in = v[0];
            float[] xv = in.value().data(), yv = new float[xv.length];
            for (int i = 0; i < xv.length; i++) yv[i] = xv[i] * xv[i];
            return new Var(new Tensor(in.shape(), yv), "square", o -> {
                for (int i = 0; i < xv.length; i++) in.grad().data()[i] += o.grad().data()[i] * xv[i];
            }, in);
        }, x -> Reference.mul(x[0], x[0]), random(4)));
        assertTrue(e.getMessage().contains("gradient mismatch at input 0["), e.getMessage());
    }

    /** A reference that is not the engine's function must be refused before any gradient is compared: here a leaky slope of 0.011. */
    @Test void checkerCatchesAReferenceThatDisagreesWithTheEngine() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> check("leaky", v -> Activations.LEAKY_RELU.apply(v[0]),
                x -> {
                    Tensor64 y = x[0].copy();
                    for (int i = 0; i < y.size(); i++) if (y.values()[i] < 0) y.values()[i] *= 0.011;
                    return y;
                }, random(3, 5)));
        assertTrue(e.getMessage().contains("engine forward differs from the float64 reference"), e.getMessage());
    }

    @Test void missingRuleFailsLoudly() {
        Var p = Var.parameter(Tensor.scalar(1f), Tensor.zeros(1));
        Var broken = new Var(Tensor.scalar(2f), "broken", null, p);
        assertThrows(IllegalStateException.class, broken::backward);
    }
}
