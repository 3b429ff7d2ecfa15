package org.layerlab.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.export.ExportOptions;
import org.layerlab.compute.export.FeatureScaling;
import org.layerlab.compute.export.ModelFormats;
import org.layerlab.compute.export.Safetensors;
import org.layerlab.compute.export.TrainedModel;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.project.Project;
import org.layerlab.compute.project.ProjectFiles;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.train.ComputePool;
import org.layerlab.compute.train.Trainer;

/**
 * Every sample project, trained briefly, exports to ONNX that ONNX Runtime runs with LayerLab's numbers, and to a
 * PyTorch folder whose model gives LayerLab's outputs (when Debian's python3-torch is present). With
 * {@code -Dlayerlab.exportDir=DIR} the PyTorch folders are kept there for tools/check_pytorch_export.py.
 */
class SampleExportTest {
    static final String PYTHON = "/usr/bin/python3";
    private static final Map<String, Trained> TRAINED = new ConcurrentHashMap<>();

    record Trained(Project project, TrainedModel model, CompiledNetwork net) {}

    static Iterable<SampleProjects.Sample> samples() { return SampleProjects.all(); }

    /** The sample trained for two epochs with its own settings (once per test run). */
    static Trained trained(SampleProjects.Sample s) throws Exception {
        Trained t = TRAINED.get(s.fileName());
        if (t != null) return t;
        if (s.needsFilesOf() != null) {
            var source = (org.layerlab.compute.data.NamedIdxSource) org.layerlab.compute.data.DataSources.CATALOG.get(s.needsFilesOf());
            Assumptions.assumeTrue(source.findLocal() != null, s.fileName() + " needs the " + s.needsFilesOf()
                    + " files: apt-get install dataset-fashion-mnist (or put them in " + source.cacheDir() + "); skipped");
        }
        Project p = ProjectFiles.parse(s.json(), s.fileName());
        Project brief = p.withTraining(p.training().withEpochs(Math.min(2, p.training().epochs())));
        var parts = brief.dataset().prepare(org.layerlab.compute.data.DataContext.of(null));
        brief = brief.withDataset(parts.spec());
        // Briefly: two epochs on at most 2,000 training samples (the exports are checked, not the accuracy).
        Dataset train = parts.splits().train();
        if (train.size() > 2000) train = train.subset(Dataset.identity(2000), train.name());
        Dataset.Split split = new Dataset.Split(train, parts.splits().validation());
        CompiledNetwork net = CompiledNetwork.compile(brief.graph(), brief.training().seed());
        Trainer trainer = new Trainer(net, split.train(), split.validation(), brief.training());
        try (ComputePool pool = new ComputePool(1)) {
            trainer.start(pool.executor(), false).get(5, TimeUnit.MINUTES);
        }
        t = new Trained(brief, TrainedModel.of(net, split.train().classNames()), net);
        TRAINED.put(s.fileName(), t);
        return t;
    }

    @ParameterizedTest @MethodSource("samples")
    void onnxExportRunsInOnnxRuntimeWithLayerLabsNumbers(SampleProjects.Sample s, @TempDir Path dir) throws Exception {
        Trained t = trained(s);
        Path file = dir.resolve("model.onnx");
        ModelFormats.CATALOG.get("onnx").write(t.model(), file, ExportOptions.defaults().withProject(t.project()));
        byte[] onnx = Files.readAllBytes(file);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        double worst = 0;
        try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions())) {
            for (int batch : new int[] {1, 7, 64}) {
                Tensor x = Tensor.uniform(t.net().inputShape().withBatch(batch), 3, new SplittableRandom(batch));
                // The export folds the data set's normalisation in (raw features in); LayerLab's layers see normalised ones.
                Tensor seen = x.copy();
                if (t.project().dataset().normalization() != null) {
                    FeatureScaling.of(t.project().dataset().normalization()).apply(seen.data(), t.net().inputShape());
                }
                Tensor expected = t.net().predict(seen);
                long[] dims = java.util.Arrays.stream(x.shape().dims()).asLongStream().toArray();
                try (OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(x.data()), dims);
                     OrtSession.Result r = session.run(Map.of(session.getInputNames().iterator().next(), in))) {
                    OnnxTensor out = (OnnxTensor) r.get(0);
                    float[] y = new float[expected.size()];
                    out.getFloatBuffer().get(y);
                    assertArrayEquals(java.util.Arrays.stream(expected.shape().dims()).asLongStream().toArray(), out.getInfo().getShape());
                    for (int i = 0; i < y.length; i++) worst = Math.max(worst, Math.abs(y[i] - expected.get(i)));
                }
            }
        }
        assertTrue(worst <= 1e-4, s.fileName() + ": ONNX Runtime differs from LayerLab by " + worst);
    }

    /** All samples at once, so PyTorch starts once: each folder's model gives LayerLab's outputs on LayerLab's inputs. */
    @org.junit.jupiter.api.Test
    void pytorchExportsGiveLayerLabsOutputs(@TempDir Path tmp) throws Exception {
        String keep = System.getProperty("layerlab.exportDir", "");
        // The checking script is shared with compute's PyTorch export test; it lives in the repository's tools folder.
        Path script = Path.of(System.getProperty("basedir", ".")).resolve("../tools/check_torch_models.py").normalize();
        List<String> args = new java.util.ArrayList<>(List.of(PYTHON, script.toString()));
        for (SampleProjects.Sample s : SampleProjects.all()) {
            Trained t;
            try {
                t = trained(s);
            } catch (org.opentest4j.TestAbortedException skipped) {
                continue; // its data files are not installed
            }
            Path folder = (keep.isEmpty() ? tmp : Path.of(keep)).resolve(s.fileName().replace(".layerlab", ""));
            ModelFormats.CATALOG.get("pytorch").write(t.model(), folder, ExportOptions.defaults().withProject(t.project()));
            for (String f : List.of("model.py", "train.py", "weights.safetensors", "data.safetensors", "README.md")) {
                assertTrue(Files.isRegularFile(folder.resolve(f)), s.fileName() + ": " + f);
            }
            assertEquals(3, Files.readAllLines(folder.resolve("README.md")).size(), "a README of three lines");
            Tensor x = Tensor.uniform(t.net().inputShape().withBatch(33), 3, new SplittableRandom(4));
            Files.write(folder.resolve("reference.safetensors"), Safetensors.encode(Map.of("x", x, "y", t.net().predict(x)), Map.of()));
            args.add(folder.toString());
        }
        Assumptions.assumeTrue(pythonHas("torch"), "skipped: " + PYTHON + " cannot import torch (install Debian's python3-torch)");
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        assertEquals(args.size() - 2, out.lines().filter(l -> l.contains("max_abs_diff")).count(), out);
    }

    static boolean pythonHas(String module) throws Exception {
        if (!Files.isExecutable(Path.of(PYTHON))) return false;
        Process p = new ProcessBuilder(PYTHON, "-c", "import " + module).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    static Shape unused() { return Shape.of(1); }
}
