package org.layerlab.compute.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.layers.LayerTypes;
import org.layerlab.compute.nn.Activations;
import org.layerlab.compute.tensor.Tensor;

/** The PyTorch module written for every test graph computes LayerLab's outputs; needs Debian's python3-torch. */
class PyTorchExportTest {
    @Test void guardEveryCatalogLayerAndActivationDeclaresItsPyTorchCode() {
        Set<String> layers = new TreeSet<>();
        for (ModelGraph g : ExportGraphs.all().values()) {
            PyTorchExporter.modelPy(ExportGraphs.trained(g, 1), "guard"); // throws for a layer without PyTorch code
            for (Node n : g.nodes()) layers.add(n.type());
        }
        for (String id : LayerTypes.CATALOG.ids()) assertTrue(layers.contains(id), "no PyTorch export test graph uses layer '" + id + "'");
        for (var a : Activations.CATALOG.all()) {
            assertTrue(a.id().equals("linear") == a.torchModule().isEmpty(), "activation '" + a.id() + "' declares its PyTorch module");
        }
    }

    @Test void identifiersComeFromLayerNamesAndStayValidAndUnique() {
        Set<String> taken = new java.util.HashSet<>(Set.of("x"));
        assertEquals("dense_1", PyTorchExporter.identifier("Dense 1", "dense-1", taken));
        assertEquals("dense_1_2", PyTorchExporter.identifier("dense-1", "dense-2", taken));
        assertEquals("layer_1st_conv", PyTorchExporter.identifier("1st conv", "c", taken));
        assertEquals("class_", PyTorchExporter.identifier("class", "c2", taken));
        assertEquals("x_2", PyTorchExporter.identifier("X", "c3", taken));
        assertEquals("conv_2d", PyTorchExporter.identifier("卷积", "conv-2d", taken));
    }

    @Test void everyTestGraphInPyTorchGivesLayerLabsOutputs(@TempDir Path dir) throws Exception {
        OnnxCheckerTest.assumePython("torch", "python3-torch");
        List<String> args = new ArrayList<>(List.of(OnnxCheckerTest.PYTHON, script().toString()));
        int i = 0;
        for (Map.Entry<String, ModelGraph> e : ExportGraphs.all().entrySet()) {
            Path folder = dir.resolve("g" + i++);
            TrainedModel m = ExportGraphs.trained(e.getValue(), 6);
            PyTorchExporter.write(m, null, folder);
            writeReference(m.compile(), folder, 5, 3);
            args.add(folder.toString());
        }
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        assertEquals(args.size() - 2, out.lines().filter(l -> l.contains("max_abs_diff")).count(), out);
    }

    /** LayerLab's inference on a random batch, as reference.safetensors (x, y) in {@code folder}. */
    static void writeReference(CompiledNetwork net, Path folder, int batch, long seed) throws Exception {
        Tensor x = Tensor.uniform(net.inputShape().withBatch(batch), 2, new SplittableRandom(seed));
        Files.write(folder.resolve("reference.safetensors"), Safetensors.encode(Map.of("x", x, "y", net.predict(x)), Map.of()));
    }

    /** The checking script shared with sample-projects' export test, in the repository's tools folder. */
    static Path script() {
        return Path.of(System.getProperty("basedir", ".")).resolve("../tools/check_torch_models.py").normalize();
    }
}
