package org.layerlab.compute.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.compute.export.onnx.OnnxProto.ModelProto;
import org.layerlab.compute.export.onnx.OnnxProto.NodeProto;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.layers.LayerTypes;
import org.layerlab.compute.nn.Activations;

class OnnxExportTest {
    @TestFactory Stream<DynamicTest> everyTestGraphRunsInOnnxRuntimeWithLayerLabsNumbers() {
        return ExportGraphs.all().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            TrainedModel m = ExportGraphs.trained(e.getValue(), 7);
            byte[] onnx = OnnxExporter.toModel(m, OnnxExporter.Options.plain()).toByteArray();
            OnnxRuntimeCheck.compare(e.getKey(), onnx, m.compile(), null, 3);
        }));
    }

    @Test void guardEveryCatalogLayerAndActivationHasAnExportAndATestGraph() {
        Set<String> layers = new TreeSet<>(), acts = new TreeSet<>();
        for (ModelGraph g : ExportGraphs.all().values()) {
            for (Node n : g.nodes()) {
                layers.add(n.type());
                if (n.params().asMap().containsKey("activation")) acts.add(n.params().getString("activation"));
            }
            OnnxExporter.toModel(ExportGraphs.trained(g, 1), OnnxExporter.Options.plain()); // throws for a layer without an export
        }
        for (String id : LayerTypes.CATALOG.ids()) assertTrue(layers.contains(id), "no ONNX export test graph uses layer '" + id + "'");
        for (String id : Activations.CATALOG.ids()) assertTrue(acts.contains(id), "no ONNX export test graph uses activation '" + id + "'");
    }

    @Test void theModelSaysItsOpsetNamesBatchAxisClassesAndVersion() {
        ModelGraph g = ExportGraphs.branches("add", 0);
        ModelProto m = OnnxExporter.toModel(new TrainedModel(ExportGraphs.trained(g, 1).graph(), ExportGraphs.trained(g, 1).tensors(),
                List.of("cat", "dog", "bird", "fish")), OnnxExporter.Options.plain());
        assertEquals(OnnxExporter.IR_VERSION, m.getIrVersion());
        assertEquals(17, m.getOpsetImport(0).getVersion());
        assertEquals("Image", m.getGraph().getInput(0).getName());
        assertEquals("Scores", m.getGraph().getOutput(0).getName());
        assertEquals("batch", m.getGraph().getInput(0).getType().getTensorType().getShape().getDim(0).getDimParam());
        assertEquals("batch", m.getGraph().getOutput(0).getType().getTensorType().getShape().getDim(0).getDimParam());
        Map<String, String> meta = new java.util.HashMap<>();
        m.getMetadataPropsList().forEach(p -> meta.put(p.getKey(), p.getValue()));
        assertEquals("[\"cat\",\"dog\",\"bird\",\"fish\"]", meta.get(OnnxExporter.META_CLASSES));
        assertEquals(LayerLabVersion.get(), meta.get(OnnxExporter.META_VERSION));
        assertTrue(!LayerLabVersion.get().equals("unknown") && !LayerLabVersion.get().contains("$"), LayerLabVersion.get());
        Set<String> ops = new HashSet<>();
        for (NodeProto n : m.getGraph().getNodeList()) ops.add(n.getOpType());
        assertEquals(Set.of("Conv", "Relu", "Sigmoid", "Add", "Flatten", "Gemm"), ops);
    }

    @Test void foldedNormalisationTakesRawFeatures(@TempDir Path dir) throws Exception {
        for (String name : List.of("dense relu", "conv pools")) {
            TrainedModel m = ExportGraphs.trained(ExportGraphs.all().get(name), 5);
            int features = m.compile().inputShape().size(), channels = m.compile().inputShape().dim(0);
            int n = name.startsWith("conv") ? channels : features;
            float[] mean = new float[n], std = new float[n];
            for (int i = 0; i < n; i++) { mean[i] = 0.3f * i - 1; std[i] = 0.5f + 0.25f * i; }
            FeatureScaling f = FeatureScaling.standardize(mean, std);
            Path file = dir.resolve(name.replace(' ', '-') + ".onnx");
            OnnxExporter.write(m, new OnnxExporter.Options(f), file);
            OnnxRuntimeCheck.compare(name + " with normalisation", Files.readAllBytes(file), m.compile(), f, 11);
        }
    }

    @Test void theOnnxEntryOfTheFormatCatalogWritesWhatOnnxRuntimeRuns(@TempDir Path dir) throws Exception {
        ModelFormat f = ModelFormats.CATALOG.get("onnx");
        assertEquals(".onnx", f.extension());
        TrainedModel m = ExportGraphs.trained(ExportGraphs.all().get("conv pools"), 8);
        Path plain = dir.resolve("plain.onnx"), raw = dir.resolve("raw.onnx");
        f.write(m, plain, ExportOptions.defaults());
        OnnxRuntimeCheck.compare("catalog export", Files.readAllBytes(plain), m.compile(), null, 1);
        FeatureScaling n = FeatureScaling.standardize(new float[] {0.5f, -1}, new float[] {2, 0.25f});
        f.write(m, raw, ExportOptions.defaults().withNormalization(n));
        OnnxRuntimeCheck.compare("catalog export with normalisation", Files.readAllBytes(raw), m.compile(), n, 1);
        f.write(m, plain, ExportOptions.defaults().withNormalization(n).withSettings(f.defaultParams().with("foldNormalization", false)));
        OnnxRuntimeCheck.compare("catalog export, normalisation not folded", Files.readAllBytes(plain), m.compile(), null, 1);
        try (var files = Files.list(dir)) { assertEquals(2, files.count(), "no temporary files left"); }
    }

    @Test void theDataSetsNormalisationBecomesTheSameScaleAndShift() {
        var n = new org.layerlab.compute.data.Normalization("standardize", new double[] {1, -2, 0.5}, new double[] {2, 0.5, 4});
        FeatureScaling f = FeatureScaling.of(n);
        float[] x = {3, -1, 4.5f, 1, -2, 0.5f};
        f.apply(x, org.layerlab.compute.tensor.Shape.of(3));
        assertEquals(List.of(1f, 2f, 1f, 0f, 0f, 0f), List.of(x[0], x[1], x[2], x[3], x[4], x[5]));
    }
}
