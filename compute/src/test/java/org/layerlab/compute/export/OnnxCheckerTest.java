package org.layerlab.compute.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.compute.graph.ModelGraph;

/** The ONNX project's own checker (full check) and strict shape inference accept every export; needs Debian's python3-onnx. */
class OnnxCheckerTest {
    static final String PYTHON = "/usr/bin/python3";

    /** Skips the calling test unless /usr/bin/python3 can import {@code module}, naming the Debian package to install. */
    static void assumePython(String module, String debianPackage) throws Exception {
        boolean ok = Files.isExecutable(Path.of(PYTHON));
        if (ok) {
            Process p = new ProcessBuilder(PYTHON, "-c", "import " + module).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        }
        Assumptions.assumeTrue(ok, "skipped: " + PYTHON + " cannot import " + module + " (install Debian's " + debianPackage + ")");
    }

    @Test void everyExportPassesTheOnnxCheckerAndShapeInference(@TempDir Path dir) throws Exception {
        assumePython("onnx", "python3-onnx");
        List<String> args = new ArrayList<>(List.of(PYTHON, script(dir).toString()));
        int i = 0;
        for (Map.Entry<String, ModelGraph> e : ExportGraphs.all().entrySet()) {
            Path f = dir.resolve("g" + i++ + ".onnx");
            OnnxExporter.write(ExportGraphs.trained(e.getValue(), 2), OnnxExporter.Options.plain(), f);
            args.add(f.toString());
        }
        TrainedModel m = ExportGraphs.trained(ExportGraphs.all().get("dense relu"), 2);
        Path norm = dir.resolve("normalised.onnx");
        OnnxExporter.write(m, new OnnxExporter.Options(FeatureScaling.standardize(new float[5], new float[] {1, 2, 3, 4, 5})), norm);
        args.add(norm.toString());
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), out);
        assertEquals(args.size() - 2, out.lines().filter(l -> l.startsWith("ok ")).count(), out);
    }

    static Path script(Path dir) throws IOException {
        Path s = dir.resolve("check_onnx.py");
        try (var in = OnnxCheckerTest.class.getResourceAsStream("check_onnx.py")) { Files.copy(in, s); }
        return s;
    }
}
