package org.layerlab.compute.layers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.compute.autodiff.GradCheck;
import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

/** Every layer in the catalog, built through its declaration, checked against finite differences (inputs and weights). */
class LayerGradientTest {
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
                c("conv2d", Map.of("filters", 3, "kernel", 3), true, img),
                c("conv2d", Map.of("filters", 2, "kernel", 3, "stride", 2, "padding", "same", "activation", "gelu"), true, img),
                c("conv2d", Map.of("filters", 2, "kernel", 2, "dilation", 2, "useBias", false), true, img),
                c("conv2d", Map.of("filters", 2, "kernel", 4, "padding", "same", "activation", "silu"), true, img),
                c("maxpool2d", Map.of("pool", 2), true, img),
                c("maxpool2d", Map.of("pool", 3, "stride", 2, "padding", "same"), true, img),
                c("avgpool2d", Map.of("pool", 2), true, img),
                c("avgpool2d", Map.of("pool", 3, "stride", 1, "padding", "same"), true, img),
                c("globalavgpool2d", Map.of(), true, img),
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
                c("output", Map.of("units", 3), true, Shape.of(5)));
    }

    @ParameterizedTest(name = "{0}") @MethodSource("cases")
    void gradient(Case k) throws Exception {
        LayerType type = LayerTypes.CATALOG.get(k.type());
        Params p = Params.of(type.params(), k.params());
        type.outputShape(k.inputs(), p); // the shape rule accepts it
        Module m = type.build(k.inputs(), p, new SplittableRandom(3));
        SplittableRandom rng = new SplittableRandom(11);
        int batch = 3;
        List<Tensor> xs = new ArrayList<>(), gxs = new ArrayList<>();
        for (Shape s : k.inputs()) {
            Tensor x = Tensor.zeros(s.withBatch(batch));
            for (int i = 0; i < x.size(); i++) x.data()[i] = (float) (0.05 * Math.round((rng.nextDouble() * 4 - 2) / 0.05) + 0.013);
            // distinct values for max pooling, so the winning tap never changes under the probe
            if (k.type().equals("maxpool2d")) {
                int[] perm = org.layerlab.compute.data.Dataset.permutation(x.size(), rng);
                for (int i = 0; i < perm.length; i++) x.data()[i] = 0.05f * perm[i] - 2f;
            }
            xs.add(x);
            gxs.add(Tensor.zeros(x.shape()));
        }
        // Non-trivial weights for normalisation layers (they start at 1 and 0).
        for (Parameter param : m.parameters()) {
            if (k.type().endsWith("norm")) for (int i = 0; i < param.value().size(); i++) param.value().data()[i] += (float) (rng.nextDouble() - 0.5);
        }
        Map<String, Tensor> buffers = m.buffers();
        Map<String, float[]> initial = new java.util.HashMap<>();
        buffers.forEach((n, t) -> initial.put(n, t.data().clone()));
        List<float[]> values = new ArrayList<>(), grads = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) { values.add(xs.get(i).data()); grads.add(gxs.get(i).data()); }
        for (Parameter param : m.parameters()) { values.add(param.value().data()); grads.add(param.grad().data()); }
        GradCheck.check(k.toString(), () -> {
            buffers.forEach((n, t) -> System.arraycopy(initial.get(n), 0, t.data(), 0, t.size()));
            List<Var> in = new ArrayList<>();
            for (int i = 0; i < xs.size(); i++) in.add(Var.parameter(xs.get(i), gxs.get(i)));
            return m.forward(in, new ForwardContext(k.training(), new SplittableRandom(5)));
        }, values, grads);
    }

    @Test void everyLayerInTheCatalogHasAGradientCase() {
        Set<String> covered = new HashSet<>();
        cases().forEach(k -> covered.add(k.type()));
        for (String id : LayerTypes.CATALOG.ids()) assertTrue(covered.contains(id), "no gradient check for layer '" + id + "'");
    }
}
