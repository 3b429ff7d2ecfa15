package org.layerlab.compute.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;

class OnnxImportTest {
    static byte[] fixture(String name) throws IOException {
        try (InputStream in = OnnxImportTest.class.getResourceAsStream("torch/" + name)) {
            assertNotNull(in, "fixture " + name);
            return in.readAllBytes();
        }
    }

    @TestFactory Stream<DynamicTest> layerLabExportsRoundTripToTheSameGraphAndWeights() {
        return ExportGraphs.all().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            TrainedModel m = ExportGraphs.trained(e.getValue(), 9);
            m = new TrainedModel(m.graph(), m.tensors(), classes(m));
            byte[] onnx = OnnxExporter.toModel(m, OnnxExporter.Options.plain()).toByteArray();
            OnnxImporter.Result r = OnnxImporter.parse(onnx, e.getKey() + ".onnx");
            ModelGraph expected = m.graph(), got = r.model().graph();
            assertEquals(expected, got, () -> e.getKey() + ":\n " + describe(expected) + "\n " + describe(got));
            assertEquals(m.tensors().keySet(), r.model().tensors().keySet());
            m.tensors().forEach((k, t) -> {
                assertEquals(t.shape(), r.model().tensors().get(k).shape(), k);
                assertArrayEquals(t.data(), r.model().tensors().get(k).data(), k);
            });
            assertEquals(m.classNames(), r.model().classNames());
            assertNull(r.normalization());
        }));
    }

    /** Nodes (id, type, name, settings, place) and wires, to show how two graphs differ. */
    static String describe(ModelGraph g) {
        return g.nodes().stream().map(n -> n.id() + " " + n.type() + " '" + n.name() + "' " + n.params() + " @" + n.x() + "," + n.y()).toList()
                + " " + g.edges();
    }

    private static List<String> classes(TrainedModel m) {
        Shape out = m.compile().outputShape();
        return out.rank() == 1 ? java.util.stream.IntStream.range(0, out.dim(0)).mapToObj(i -> "class " + i).toList() : List.of();
    }

    @Test void aFoldedNormalisationComesBackAsTheImportsNormalisation() throws Exception {
        TrainedModel m = ExportGraphs.trained(ExportGraphs.all().get("dense relu"), 4);
        FeatureScaling f = FeatureScaling.standardize(new float[] {1, 2, 3, 4, 5}, new float[] {2, 2, 1, 1, 0.5f});
        OnnxImporter.Result r = OnnxImporter.parse(OnnxExporter.toModel(m, new OnnxExporter.Options(f)).toByteArray(), "n.onnx");
        assertEquals(m.graph(), r.model().graph());
        assertEquals(f, r.normalization());
    }

    /** Models exported by torch.onnx.export (make_fixtures.py) give PyTorch's outputs on PyTorch's inputs. */
    @ParameterizedTest(name = "{0} at opset {1}")
    @CsvSource({"mlp,13", "mlp,17", "matmul,13", "matmul,17", "cnn,13", "cnn,17", "padconv,13", "padconv,17", "branches,13", "branches,17"})
    void pytorchModelsImportAndMatchPyTorchsOutputs(String name, int opset) throws Exception {
        OnnxImporter.Result r = OnnxImporter.parse(fixture(name + "_opset" + opset + ".onnx"), name + ".onnx");
        JsonNode io = new ObjectMapper().readTree(fixture(name + ".json"));
        Tensor x = tensor(io.get("input_shape"), io.get("input"));
        Tensor expected = tensor(io.get("output_shape"), io.get("output"));
        CompiledNetwork net = r.model().compile();
        Tensor y = net.predict(x);
        assertArrayEquals(expected.shape().dims(), y.shape().dims());
        double worst = 0;
        for (int i = 0; i < y.size(); i++) worst = Math.max(worst, Math.abs(y.get(i) - expected.get(i)));
        assertTrue(worst <= 1e-4, name + ": LayerLab differs from PyTorch by " + worst);
        for (Node n : r.model().graph().nodes()) assertTrue(n.x() > 0 && n.y() > 0, "laid out: " + n);
    }

    @Test void patternsFoldIntoLayers() throws Exception {
        ModelGraph mlp = OnnxImporter.parse(fixture("mlp_opset17.onnx"), "mlp.onnx").model().graph();
        assertEquals(List.of("input", "dense", "dense", "dense", "dense", "dense", "dense"),
                mlp.topologicalOrder().stream().map(Node::type).toList(), "Gemm → activation is one Dense");
        assertEquals(List.of("linear", "relu", "tanh", "sigmoid", "leaky-relu", "elu", "softmax"),
                mlp.topologicalOrder().stream().map(n -> n.params().asMap().getOrDefault("activation", "linear").toString()).toList());
        assertEquals("net.0", mlp.topologicalOrder().get(1).name(), "names from PyTorch's module path");
        ModelGraph mm = OnnxImporter.parse(fixture("matmul_opset13.onnx"), "matmul.onnx").model().graph();
        assertEquals(List.of("input", "dense", "batchnorm", "dense", "output"), mm.topologicalOrder().stream().map(Node::type).toList());
        assertEquals(List.of("gelu", "silu"), mm.topologicalOrder().stream().filter(n -> n.type().equals("dense"))
                .map(n -> n.params().getString("activation")).toList());
        ModelGraph cnn = OnnxImporter.parse(fixture("cnn_opset17.onnx"), "cnn.onnx").model().graph();
        assertEquals(List.of("input", "conv2d", "maxpool2d", "zeropad2d", "conv2d", "avgpool2d", "flatten", "output"),
                cnn.topologicalOrder().stream().map(Node::type).toList(), "padding 1 at stride 2 is not 'same': an explicit ZeroPadding2D");
        assertEquals("same", cnn.topologicalOrder().get(1).params().getString("padding"));
        ModelGraph pad = OnnxImporter.parse(fixture("padconv_opset13.onnx"), "padconv.onnx").model().graph();
        assertEquals(List.of("input", "zeropad2d", "conv2d", "zeropad2d", "conv2d", "flatten", "output"),
                pad.topologicalOrder().stream().map(Node::type).toList());
        ModelGraph br = OnnxImporter.parse(fixture("branches_opset17.onnx"), "branches.onnx").model().graph();
        Set<String> types = new HashSet<>(br.nodes().stream().map(Node::type).toList());
        assertTrue(types.containsAll(Set.of("reshape", "add", "concatenate", "globalavgpool2d")), types.toString());
    }

    @Test void unsupportedOperatorsAreRefusedByNameAndNodeWithTheSupportedList() throws Exception {
        OnnxImportException e = assertThrows(OnnxImportException.class, () -> OnnxImporter.parse(fixture("lstm_opset17.onnx"), "lstm.onnx"));
        assertTrue(e.getMessage().startsWith("lstm.onnx: "), e.getMessage());
        assertTrue(e.getMessage().contains("LSTM at node '/lstm/LSTM'"), e.getMessage());
        assertTrue(e.getMessage().contains("supported operators: Gemm, MatMul"), e.getMessage());
    }

    @Test void garbageIsRefusedAsNotOnnx(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("notes.onnx");
        Files.writeString(f, "this is not a model, just some text\n");
        OnnxImportException e = assertThrows(OnnxImportException.class, () -> OnnxImporter.read(f));
        assertTrue(e.getMessage().startsWith("notes.onnx"), e.getMessage());
    }

    static Tensor tensor(JsonNode shape, JsonNode values) {
        int[] dims = new int[shape.size()];
        for (int i = 0; i < dims.length; i++) dims[i] = shape.get(i).asInt();
        float[] v = new float[values.size()];
        for (int i = 0; i < v.length; i++) v[i] = (float) values.get(i).asDouble();
        return new Tensor(Shape.of(dims), v);
    }

    static Map<String, Object> unused() { return Map.of(); }
}
