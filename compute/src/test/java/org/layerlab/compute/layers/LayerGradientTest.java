package org.layerlab.compute.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.compute.autodiff.GradCheck;
import org.layerlab.compute.autodiff.Reference;
import org.layerlab.compute.autodiff.Tensor64;
import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

/**
 * Every layer in the catalog, built through its declaration, checked against float64 finite differences (inputs and
 * weights) of a reference composed from {@link Reference} primitives and the layer's actual settings and state.
 */
class LayerGradientTest {
    private static final GradCheck.Tally TALLY = new GradCheck.Tally();
    private static final int BATCH = 3;

    record Case(String type, Map<String, Object> params, boolean training, List<Shape> inputs) {
        @Override public String toString() { return type + " " + params + (training ? " train" : " infer") + " " + inputs; }
    }

    static Case c(String type, Map<String, Object> params, boolean training, Shape... inputs) {
        return new Case(type, params, training, List.of(inputs));
    }

    static Stream<Case> cases() {
        Shape img = Shape.of(2, 6, 7);
        return Stream.of(
                c("input", Map.of("shape", List.of(5)), true, Shape.of(5)),
                c("dense", Map.of("units", 3, "activation", "tanh"), true, Shape.of(5)),
                c("dense", Map.of("units", 4, "activation", "elu", "useBias", false), true, Shape.of(5)),
                c("dense", Map.of("units", 17, "activation", "sigmoid"), false, Shape.of(5)),
                c("dense", Map.of("units", 3, "activation", "gelu"), true, Shape.of(5)),
                c("dense", Map.of("units", 3, "activation", "softmax", "useBias", false), true, Shape.of(5)),
                c("conv2d", Map.of("filters", 3, "kernel", 3), true, img),
                c("conv2d", Map.of("filters", 2, "kernel", 3, "stride", 2, "padding", "same", "activation", "gelu"), true, img),
                c("conv2d", Map.of("filters", 2, "kernel", 2, "dilation", 2, "useBias", false), true, img),
                c("conv2d", Map.of("filters", 2, "kernel", 4, "padding", "same", "activation", "silu"), true, img),
                c("maxpool2d", Map.of("pool", 2), true, img),
                c("maxpool2d", Map.of("pool", 3, "stride", 2, "padding", "same"), true, img),
                c("avgpool2d", Map.of("pool", 2), true, img),
                c("avgpool2d", Map.of("pool", 3, "stride", 1, "padding", "same"), true, img),
                c("globalavgpool2d", Map.of(), true, img),
                c("zeropad2d", Map.of("top", 2, "bottom", 0, "left", 1, "right", 3), true, img),
                c("flatten", Map.of(), true, img),
                c("reshape", Map.of("shape", List.of(7, 6, 2)), true, img),
                c("dropout", Map.of("rate", 0.3), true, Shape.of(8)),
                c("dropout", Map.of("rate", 0.3), false, Shape.of(8)),
                c("batchnorm", Map.of(), true, Shape.of(4)),
                c("batchnorm", Map.of(), false, Shape.of(4)),
                c("batchnorm", Map.of(), true, img),
                c("batchnorm", Map.of(), false, img),
                c("layernorm", Map.of(), true, Shape.of(6)),
                c("layernorm", Map.of(), true, img),
                c("activation", Map.of("activation", "elu"), true, Shape.of(6)),
                c("activation", Map.of("activation", "softmax"), true, Shape.of(6)),
                c("add", Map.of(), true, img, img, img),
                c("concatenate", Map.of("axis", 0), true, img, Shape.of(3, 6, 7)),
                c("concatenate", Map.of("axis", -1), true, Shape.of(4), Shape.of(3)),
                c("output", Map.of("units", 3), true, Shape.of(5)),
                c("output", Map.of("units", 3), false, Shape.of(5)),
                c("features", Map.of("x1Squared", true, "x2Squared", true, "x1x2", true, "sinX1", true, "sinX2", true), true, Shape.of(2)),
                c("features", Map.of("x1", false, "sinX2", true), true, Shape.of(2)));
    }

    /** A layer's function in float64: its inputs and its parameters (by name; absent ones are null) to its output. */
    interface LayerReference {
        Tensor64 forward(List<Tensor64> inputs, Map<String, Tensor64> params);
    }

    /** The same seed for every pass, so dropout draws the same mask each time. */
    static ForwardContext context(Case k) { return new ForwardContext(k.training(), new SplittableRandom(5)); }

    /**
     * The float64 reference of module {@code m}, built from the layer's settings and its state now (running statistics,
     * the dropout mask): one entry per layer kind, written from what the layer is documented to compute.
     */
    static LayerReference reference(Case k, Params p, Module m) {
        boolean same = p.asMap().containsKey("padding") && p.getString("padding").equals("same");
        return switch (k.type()) {
            case "input" -> (x, w) -> x.get(0);
            case "dense" -> (x, w) -> Reference.activation(p.getString("activation"), withBias(Reference.matmul(x.get(0), w.get("kernel")), w.get("bias")));
            case "conv2d" -> (x, w) -> Reference.activation(p.getString("activation"),
                    Reference.conv2d(x.get(0), w.get("kernel"), w.get("bias"), p.getInt("stride"), p.getInt("dilation"), same));
            case "maxpool2d" -> (x, w) -> Reference.maxPool2d(x.get(0), p.getInt("pool"), poolStride(p), same);
            case "avgpool2d" -> (x, w) -> Reference.avgPool2d(x.get(0), p.getInt("pool"), poolStride(p), same);
            case "globalavgpool2d" -> (x, w) -> Reference.globalAvgPool(x.get(0));
            case "zeropad2d" -> (x, w) -> Reference.pad2d(x.get(0), p.getInt("top"), p.getInt("bottom"), p.getInt("left"), p.getInt("right"));
            case "flatten" -> (x, w) -> Reference.reshape(x.get(0), BATCH, x.get(0).size() / BATCH);
            case "reshape" -> (x, w) -> Reference.reshape(x.get(0), Shape.of(p.getShape("shape").stream().mapToInt(Integer::intValue).toArray()).withBatch(BATCH).dims());
            case "dropout" -> dropout(k, p, m);
            case "batchnorm" -> {
                double[] mean = Tensor64.of(m.buffers().get("runningMean")).values(), var = Tensor64.of(m.buffers().get("runningVar")).values();
                float eps = (float) p.getDouble("epsilon");
                yield (x, w) -> Reference.batchNorm(x.get(0), w.get("gamma"), w.get("beta"), mean, var, k.training(), eps);
            }
            case "layernorm" -> (x, w) -> Reference.layerNorm(x.get(0), w.get("gamma"), w.get("beta"), (float) p.getDouble("epsilon"));
            case "activation" -> (x, w) -> Reference.activation(p.getString("activation"), x.get(0));
            case "add" -> (x, w) -> {
                Tensor64 sum = x.get(0);
                for (int i = 1; i < x.size(); i++) sum = Reference.add(sum, x.get(i));
                return sum;
            };
            case "concatenate" -> (x, w) -> {
                int axis = p.getInt("axis"), rank = k.inputs().get(0).rank();
                return Reference.concat(x, (axis < 0 ? rank + axis : axis) + 1); // +1: the batch axis comes first
            };
            case "output" -> (x, w) -> Reference.addRow(Reference.matmul(x.get(0), w.get("kernel")), w.get("bias"));
            case "features" -> (x, w) -> Reference.planeFeatures(x.get(0), FeatureInputsLayer.chosen(p).stream().map(f -> f.setting).toList());
            default -> throw new IllegalArgumentException("no float64 reference for layer '" + k.type() + "'");
        };
    }

    private static Tensor64 withBias(Tensor64 y, Tensor64 bias) { return bias == null ? y : Reference.addRow(y, bias); }

    private static int poolStride(Params p) { return p.getInt("stride") == 0 ? p.getInt("pool") : p.getInt("stride"); }

    /**
     * Inverted dropout multiplies by a random mask of 0 and 1/(1 − rate). The mask is data, not computation: the
     * engine's output on ones under the same seed is the mask itself, and the reference applies it.
     */
    private static LayerReference dropout(Case k, Params p, Module m) {
        double rate = p.getDouble("rate");
        if (!k.training() || rate == 0) return (x, w) -> x.get(0);
        Tensor ones = Tensor.filled(k.inputs().get(0).withBatch(BATCH), 1f);
        Tensor64 mask = Tensor64.of(m.forward(List.of(Var.constant(ones)), context(k)).value());
        float kept = (float) (1 / (1 - rate));
        for (double v : mask.values()) assertTrue(v == 0 || Math.abs(v - kept) < 1e-6, "a dropout mask value is " + v);
        return (x, w) -> Reference.mul(x.get(0), mask);
    }

    @ParameterizedTest(name = "{0}") @MethodSource("cases")
    void gradient(Case k) throws Exception {
        LayerType type = LayerTypes.CATALOG.get(k.type());
        Params p = Params.of(type.params(), k.params());
        type.outputShape(k.inputs(), p); // the shape rule accepts it
        Module m = type.build(k.inputs(), p, new SplittableRandom(3));
        SplittableRandom rng = new SplittableRandom(11);
        List<GradCheck.Arg> args = new ArrayList<>();
        for (Shape s : k.inputs()) {
            Tensor x = Tensor.zeros(s.withBatch(BATCH));
            for (int i = 0; i < x.size(); i++) x.data()[i] = (float) (0.05 * Math.round((rng.nextDouble() * 4 - 2) / 0.05) + 0.013);
            // distinct values for max pooling, so the winning tap never changes under the probe
            if (k.type().equals("maxpool2d")) {
                int[] perm = Dataset.permutation(x.size(), rng);
                for (int i = 0; i < perm.length; i++) x.data()[i] = 0.05f * perm[i] - 2f;
            }
            args.add(new GradCheck.Arg("input " + args.size(), x, Tensor.zeros(x.shape())));
        }
        // Non-trivial parameters and running statistics (biases, β and the running mean start at 0, γ and the variance at 1).
        for (Parameter param : m.parameters()) jitter(param.value(), rng);
        for (Tensor buffer : m.buffers().values()) jitter(buffer, rng);
        int inputs = args.size();
        for (Parameter param : m.parameters()) args.add(new GradCheck.Arg(param.name(), param.value(), param.grad()));

        LayerReference ref = reference(k, p, m);
        Function<List<Tensor64>, Tensor64> reference = xs -> {
            Map<String, Tensor64> named = new HashMap<>();
            for (int i = inputs; i < xs.size(); i++) named.put(args.get(i).name(), xs.get(i));
            return ref.forward(xs.subList(0, inputs), named);
        };
        TALLY.add(GradCheck.check(k.toString(), () -> {
            List<Var> in = new ArrayList<>();
            for (int i = 0; i < inputs; i++) in.add(Var.parameter(args.get(i).value(), args.get(i).grad()));
            return m.forward(in, context(k));
        }, reference, args));
    }

    private static void jitter(Tensor t, SplittableRandom rng) {
        for (int i = 0; i < t.size(); i++) t.data()[i] += (float) (rng.nextDouble() - 0.5);
    }

    /** Training also moves BatchNorm's running statistics, at the layer's own momentum. */
    @ParameterizedTest(name = "batchnorm running statistics {0}") @MethodSource("batchNormInputs")
    void batchNormRunningStatisticsFollowTheReference(Shape sample) throws Exception {
        LayerType type = LayerTypes.CATALOG.get("batchnorm");
        Params p = Params.of(type.params(), Map.of("momentum", 0.3));
        Module m = type.build(List.of(sample), p, new SplittableRandom(3));
        SplittableRandom rng = new SplittableRandom(13);
        for (Tensor buffer : m.buffers().values()) jitter(buffer, rng);
        Tensor x = Tensor.uniform(sample.withBatch(BATCH), 2, rng);
        Tensor mean = m.buffers().get("runningMean"), var = m.buffers().get("runningVar");
        double[][] expected = Reference.updatedRunningStatistics(Tensor64.of(x), Tensor64.of(mean).values(), Tensor64.of(var).values(),
                (float) p.getDouble("momentum"));
        m.forward(List.of(Var.constant(x)), new ForwardContext(true, new SplittableRandom(5)));
        for (int ch = 0; ch < mean.size(); ch++) {
            assertEquals(expected[0][ch], mean.get(ch), 1e-6, "running mean of channel " + ch);
            assertEquals(expected[1][ch], var.get(ch), 1e-6, "running variance of channel " + ch);
        }
    }

    static Stream<Shape> batchNormInputs() { return Stream.of(Shape.of(4), Shape.of(2, 6, 7)); }

    @AfterAll static void report() { System.out.println("LayerGradientTest: " + TALLY); }

    @Test void everyLayerInTheCatalogHasAGradientCase() {
        Set<String> covered = new HashSet<>();
        cases().forEach(k -> covered.add(k.type()));
        for (String id : LayerTypes.CATALOG.ids()) assertTrue(covered.contains(id), "no gradient check for layer '" + id + "'");
    }
}
