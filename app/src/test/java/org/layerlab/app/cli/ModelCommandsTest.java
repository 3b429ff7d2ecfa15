package org.layerlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.compute.export.Safetensors;
import org.layerlab.compute.export.TrainedModel;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.SequentialBuilder;
import org.layerlab.compute.project.ProjectArchive;
import org.layerlab.compute.project.ProjectBundle;
import org.layerlab.compute.project.RunWeights;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.samples.SampleProjects;

/** {@code layerlab train --out}, {@code export}, {@code info}, {@code predict} and {@code import} on real files. */
class ModelCommandsTest {
    @TempDir static Path dir;
    static Path untrained, trained;

    record Result(int exit, String out, String err) {}

    static Result cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int exit = LayerLabCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
    }

    @BeforeAll static void trainOnce() throws Exception {
        untrained = dir.resolve("spirals.layerlab");
        Files.writeString(untrained, SampleProjects.defaultSample().json());
        trained = dir.resolve("trained.layerlab");
        Result r = cli("train", untrained.toString(), "--epochs", "3", "--seed", "5", "--no-progress", "--out", trained.toString());
        assertEquals(0, r.exit(), r.err());
    }

    @Test void trainOutSavesTheRunWithItsWeightsAndCurves() throws Exception {
        ProjectBundle b = ProjectArchive.read(trained);
        assertEquals(1, b.project().runs().size());
        var run = b.project().runs().get(0);
        assertEquals("completed", run.status());
        assertTrue(run.series().get("batch/loss").size() > 0, "the curves are kept");
        assertEquals(3, run.series().get("epoch/loss").size());
        RunWeights w = b.weightsOf(run.id()).orElseThrow();
        w.last().compile(); // fits its graph
        assertFalse(w.last().classNames().isEmpty(), "class names kept");

        // Training the trained project again adds run 2 and keeps run 1's weights.
        Path twice = dir.resolve("twice.layerlab");
        assertEquals(0, cli("train", trained.toString(), "--epochs", "1", "--no-progress", "--out", twice.toString()).exit());
        ProjectBundle b2 = ProjectArchive.read(twice);
        assertEquals(List.of(1, 2), b2.project().runs().stream().map(r -> r.id()).toList());
        assertArrayEquals(w.last().tensors().values().iterator().next().data(),
                b2.weightsOf(1).orElseThrow().last().tensors().values().iterator().next().data());
    }

    @Test void exportWritesSafetensorsOfTheLatestTrainedRun() throws Exception {
        Path out = dir.resolve("model.safetensors");
        Result r = cli("export", trained.toString(), "--format", "safetensors", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        TrainedModel m = ProjectArchive.read(trained).weightsOf(1).orElseThrow().last();
        var c = Safetensors.read(out);
        assertEquals(m.tensors().keySet(), c.tensors().keySet());
        for (var e : m.tensors().entrySet()) assertArrayEquals(e.getValue().data(), c.tensors().get(e.getKey()).data());
        assertEquals(0, cli("export", trained.toString(), "--format", "safetensors", "--run", "Run 1", "--out", out.toString()).exit());
        assertEquals(0, cli("export", trained.toString(), "--format", "safetensors", "--run", "1", "--out", out.toString()).exit());
    }

    @Test void exportRefusesAnUntrainedProjectAnUnknownRunAndAnUnknownFormat() {
        Path out = dir.resolve("never.safetensors");
        Result r = cli("export", untrained.toString(), "--format", "safetensors", "--out", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(untrained.toString()) && r.err().contains("train first"), r.err());
        r = cli("export", trained.toString(), "--format", "safetensors", "--run", "Run 9", "--out", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("'Run 9'") && r.err().contains("1 \u201cRun 1\u201d"), r.err());
        r = cli("export", trained.toString(), "--format", "keras", "--out", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown format 'keras'") && r.err().contains("safetensors"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test void infoPrintsLayersShapesParametersFlopsAndRuns() {
        Result r = cli("info", trained.toString());
        assertEquals(0, r.exit(), r.err());
        var analysis = org.layerlab.compute.graph.ShapeInference.analyze(ProjectArchiveRead.graph(trained));
        assertTrue(r.out().contains(String.format(java.util.Locale.ROOT, "%,d", analysis.totalParameters())), r.out());
        assertTrue(r.out().contains("Output shape") && r.out().contains("FLOPs"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.contains("Run 1") && l.contains("completed") && l.contains("final")), r.out());
        Result u = cli("info", untrained.toString());
        assertTrue(u.out().contains("No runs yet."), u.out());
    }

    @Test void predictWritesRawOutputsAndTheClassOfEachCsvRow() throws Exception {
        Path csv = dir.resolve("points.csv");
        Files.writeString(csv, "x,y\n0.5,0.25\n-1,2\n\n0,0\n");
        Path out = dir.resolve("pred.csv");
        Result r = cli("predict", trained.toString(), "--input", csv.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(out);
        TrainedModel m = ProjectArchive.read(trained).weightsOf(1).orElseThrow().last();
        CompiledNetwork net = m.compile();
        int outputs = net.outputShape().size();
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("output_0,") && lines.get(0).endsWith(",predicted"), lines.get(0));
        float[] y = net.predict(Tensor.of(new float[] {0.5f, 0.25f, -1, 2, 0, 0}, 3, 2)).data();
        for (int i = 0; i < 3; i++) {
            String[] f = lines.get(i + 1).split(",");
            assertEquals(outputs + 1, f.length);
            int best = 0;
            for (int j = 0; j < outputs; j++) {
                assertEquals(y[i * outputs + j], Float.parseFloat(f[j]));
                if (y[i * outputs + j] > y[i * outputs + best]) best = j;
            }
            assertEquals(m.classNames().get(best), f[outputs]);
        }
    }

    @Test void predictErrorsExit2NamingTheFileAndRow() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "0.5,0.25\n1,2,3\n");
        Result r = cli("predict", trained.toString(), "--input", csv.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(csv + ": row 2: has 3 values but the model takes 2"), r.err());
        Files.writeString(csv, "0.5,0.25\n1,abc\n");
        r = cli("predict", trained.toString(), "--input", csv.toString());
        assertTrue(r.exit() == 2 && r.err().contains("row 2, column 2: 'abc'"), r.err());
        r = cli("predict", untrained.toString(), "--input", csv.toString());
        assertTrue(r.exit() == 2 && r.err().contains("train first"), r.err());
    }

    @Test void predictReadsIdxImagesScaledToZeroOne() throws Exception {
        // A model taking 2×2 images, flattened: what a Fashion-MNIST project does at 28×28.
        var graph = new SequentialBuilder().add("input", "shape", List.of(1, 2, 2)).add("flatten").add("dense", "units", 3).build();
        TrainedModel m = TrainedModel.of(CompiledNetwork.compile(graph, 3), List.of("a", "b", "c"));
        Path project = dir.resolve("images.layerlab");
        ProjectArchive.write(ImportedProject.of(m, Path.of("images.onnx")), project);
        ByteBuffer idx = ByteBuffer.allocate(16 + 2 * 4);
        idx.putInt(0x00000803).putInt(2).putInt(2).putInt(2).put(new byte[] {0, (byte) 255, 51, 102, 10, 20, 30, 40});
        Path images = dir.resolve("images-idx3-ubyte");
        Files.write(images, idx.array());
        Result r = cli("predict", project.toString(), "--input", images.toString());
        assertEquals(0, r.exit(), r.err());
        float[] y = m.compile().predict(Tensor.of(new float[] {0, 1, 0.2f, 0.4f, 10 / 255f, 20 / 255f, 30 / 255f, 40 / 255f}, 2, 1, 2, 2)).data();
        String[] first = r.out().lines().toList().get(1).split(",");
        assertEquals(y[0], Float.parseFloat(first[0]), 1e-6);
        Files.write(images, java.util.Arrays.copyOf(idx.array(), 20));
        r = cli("predict", project.toString(), "--input", images.toString());
        assertTrue(r.exit() == 2 && r.err().contains(images + ": the IDX header says 2 images"), r.err());
    }

    @Test void importWithoutAnImporterForTheFileSaysWhatItImports() throws Exception {
        Path f = dir.resolve("model.h5");
        Files.write(f, new byte[] {1, 2, 3});
        Result r = cli("import", f.toString(), "--out", dir.resolve("x.layerlab").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(f + ": LayerLab cannot import this kind of file"), r.err());
    }

    @Test void onnxExportImportsBackToTheSameModelAndItsInfoAndPredictionsWork() throws Exception {
        Path onnx = dir.resolve("spirals.onnx");
        Result r = cli("export", trained.toString(), "--format", "onnx", "--out", onnx.toString());
        assertEquals(0, r.exit(), r.err());
        Path back = dir.resolve("imported.layerlab");
        r = cli("import", onnx.toString(), "--out", back.toString());
        assertEquals(0, r.exit(), r.err());
        TrainedModel original = ProjectArchive.read(trained).weightsOf(1).orElseThrow().last();
        ProjectBundle imported = ProjectArchive.read(back);
        TrainedModel model = imported.weights().values().iterator().next().last();
        Tensor x = Tensor.of(new float[] {0.1f, -0.4f, 2f, 1f, -1.5f, 0.3f}, 3, 2);
        float[] want = original.compile().predict(x).data(), got = model.compile().predict(x).data();
        for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i], 1e-5, "output " + i);
        r = cli("info", onnx.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Output"), r.out());
        Path csv = dir.resolve("points.csv");
        Files.writeString(csv, "0.1,-0.4\n2,1\n");
        r = cli("predict", onnx.toString(), "--input", csv.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(want[0], Float.parseFloat(r.out().lines().toList().get(1).split(",")[0]), 1e-5);
    }

    /** Reads a project's graph for the expectations. */
    static final class ProjectArchiveRead {
        static org.layerlab.compute.graph.ModelGraph graph(Path p) {
            try { return ProjectArchive.read(p).project().graph(); } catch (Exception e) { throw new AssertionError(e); }
        }
    }
}
