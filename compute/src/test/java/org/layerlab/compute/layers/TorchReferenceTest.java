package org.layerlab.compute.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.Batch;
import org.layerlab.compute.nn.Activations;
import org.layerlab.compute.nn.Loss;
import org.layerlab.compute.nn.Losses;
import org.layerlab.compute.nn.Optimizer;
import org.layerlab.compute.nn.OptimizerType;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

/**
 * Forward values of every layer, losses (value and gradient) and optimizer trajectories against PyTorch.
 * The fixtures come from src/test/python/make_fixtures.py (run with Debian's python3-torch) and are committed.
 */
class TorchReferenceTest {
    static final double TOLERANCE = 1e-5;
    private static JsonNode doc;

    static JsonNode doc() throws IOException {
        if (doc == null) {
            try (InputStream in = TorchReferenceTest.class.getResourceAsStream("/fixtures/torch_reference.json")) {
                doc = new ObjectMapper().readTree(in);
            }
        }
        return doc;
    }

    static Stream<JsonNode> layerCases() throws IOException { return list(doc().get("layers")).stream(); }
    static Stream<JsonNode> lossCases() throws IOException { return list(doc().get("losses")).stream(); }
    static Stream<JsonNode> optimizerCases() throws IOException { return list(doc().get("optimizer").get("cases")).stream(); }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> l = new ArrayList<>();
        array.forEach(l::add);
        return l;
    }

    static float[] floats(JsonNode array) {
        float[] f = new float[array.size()];
        for (int i = 0; i < f.length; i++) f[i] = (float) array.get(i).asDouble();
        return f;
    }

    static Tensor tensor(JsonNode t) {
        int[] dims = new int[t.get("shape").size()];
        for (int i = 0; i < dims.length; i++) dims[i] = t.get("shape").get(i).asInt();
        return new Tensor(Shape.of(dims), floats(t.get("data")));
    }

    /** |actual − expected| ≤ tol · max(|expected|, 1): relative for values of size, absolute near zero. */
    static void close(String what, float[] expected, float[] actual, double tol) {
        assertEquals(expected.length, actual.length, what + ": size");
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(actual[i] - expected[i]) / Math.max(1.0, Math.abs(expected[i]));
            if (err > tol) fail(what + "[" + i + "]: expected " + expected[i] + ", got " + actual[i] + " (relative error " + err + ")");
        }
    }

    @ParameterizedTest(name = "{0}") @MethodSource("layerCases")
    void layerForward(JsonNode k) throws Exception {
        LayerType type = LayerTypes.CATALOG.get(k.get("type").asText());
        Map<String, Object> given = new ObjectMapper().convertValue(k.get("params"), LinkedHashMap.class);
        Params p = Params.of(type.params(), given);
        List<Tensor> inputs = new ArrayList<>();
        for (JsonNode in : k.get("inputs")) inputs.add(tensor(in));
        List<Shape> shapes = inputs.stream().map(t -> t.shape().dropFirst()).toList();
        Tensor expected = tensor(k.get("output"));
        assertEquals(expected.shape().dropFirst(), type.outputShape(shapes, p), k.get("name").asText() + ": shape rule");
        Module m = type.build(shapes, p, new SplittableRandom(1));
        Map<String, Parameter> byName = new LinkedHashMap<>();
        for (Parameter param : m.parameters()) byName.put(param.name(), param);
        for (Iterator<Map.Entry<String, JsonNode>> it = k.get("weights").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Tensor w = tensor(e.getValue());
            Parameter param = byName.remove(e.getKey());
            assertTrue(param != null, "no parameter " + e.getKey());
            assertEquals(w.shape(), param.value().shape(), e.getKey() + " layout");
            param.value().copyFrom(w);
        }
        assertTrue(byName.isEmpty(), "parameters without reference values: " + byName.keySet());
        for (Iterator<Map.Entry<String, JsonNode>> it = k.get("buffers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            float[] b = floats(e.getValue());
            System.arraycopy(b, 0, m.buffers().get(e.getKey()).data(), 0, b.length);
        }
        List<Var> vars = inputs.stream().map(Var::constant).toList();
        Var y = m.forward(vars, new org.layerlab.compute.layers.ForwardContext(k.get("training").asBoolean(), new SplittableRandom(1)));
        assertEquals(expected.shape(), y.shape());
        close(k.get("name").asText(), expected.data(), y.value().data(), TOLERANCE);
        for (Iterator<Map.Entry<String, JsonNode>> it = k.get("buffersAfter").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            close(k.get("name").asText() + " " + e.getKey(), floats(e.getValue()), m.buffers().get(e.getKey()).data(), TOLERANCE);
        }
    }

    @Test void everyLayerAndActivationHasAReference() throws IOException {
        Set<String> types = new HashSet<>(), names = new HashSet<>();
        layerCases().forEach(k -> { types.add(k.get("type").asText()); names.add(k.get("name").asText()); });
        for (String id : LayerTypes.CATALOG.ids()) {
            if (!id.equals("input") && !id.equals("dropout")) assertTrue(types.contains(id), "no PyTorch reference for layer " + id);
        }
        for (String a : Activations.CATALOG.ids()) assertTrue(names.contains("activation-" + a), "no PyTorch reference for activation " + a);
    }

    @ParameterizedTest(name = "{0}") @MethodSource("lossCases")
    void loss(JsonNode k) {
        Loss loss = Losses.CATALOG.get(k.get("loss").asText());
        Tensor out = tensor(k.get("output"));
        int[] labels = null;
        if (!k.get("labels").isNull()) {
            labels = new int[k.get("labels").size()];
            for (int i = 0; i < labels.length; i++) labels[i] = k.get("labels").get(i).asInt();
        }
        float[] targets = k.get("targets").isNull() ? null : floats(k.get("targets"));
        Tensor grad = Tensor.zeros(out.shape());
        Var o = Var.parameter(out, grad);
        Var l = loss.compute(o, new Batch(out, labels, targets));
        close(loss.id() + " value", new float[] {(float) k.get("value").asDouble()}, l.value().data(), TOLERANCE);
        l.backward();
        close(loss.id() + " gradient", floats(k.get("grad")), grad.data(), TOLERANCE);
    }

    @Test void everyLossHasAReference() throws IOException {
        Set<String> ids = new HashSet<>();
        lossCases().forEach(k -> ids.add(k.get("loss").asText()));
        assertEquals(new HashSet<>(Losses.CATALOG.ids()), ids);
    }

    @ParameterizedTest(name = "{0}") @MethodSource("optimizerCases")
    void optimizerSteps(JsonNode k) throws Exception {
        JsonNode o = doc().get("optimizer");
        float[] c = floats(o.get("c")), d = floats(o.get("d"));
        OptimizerType type = Optimizers.CATALOG.get(k.get("optimizer").asText());
        Map<String, Object> given = new ObjectMapper().convertValue(k.get("params"), LinkedHashMap.class);
        Optimizer opt = type.create(Params.of(type.params(), given));
        Parameter w = new Parameter("w", new Tensor(Shape.of(c.length), floats(o.get("w0"))));
        int step = 0;
        for (JsonNode expected : k.get("trajectory")) {
            step++;
            float[] wv = w.value().data(), g = w.grad().data();
            for (int i = 0; i < wv.length; i++) g[i] = c[i] * wv[i] + d[i];
            opt.step(List.of(w));
            close(type.id() + " " + given + " step " + step, floats(expected), wv, TOLERANCE);
        }
    }

    @Test void everyOptimizerHasAReference() throws IOException {
        Set<String> ids = new HashSet<>();
        optimizerCases().forEach(k -> ids.add(k.get("optimizer").asText()));
        assertEquals(new HashSet<>(Optimizers.CATALOG.ids()), ids);
    }
}
