package org.layerlab.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ShapeInference;
import org.layerlab.compute.project.Project;
import org.layerlab.compute.project.ProjectFiles;
import org.layerlab.compute.train.ComputePool;
import org.layerlab.compute.train.Evaluation;
import org.layerlab.compute.train.Trainer;
import org.layerlab.compute.train.TrainingEvents.EndReason;

class SampleProjectsTest {
    static Iterable<SampleProjects.Sample> samples() { return SampleProjects.all(); }

    @ParameterizedTest
    @MethodSource("samples")
    void loadsWithAValidGraphAndSurvivesARoundTrip(SampleProjects.Sample s) throws Exception {
        Project p = ProjectFiles.parse(s.json(), s.fileName());
        assertTrue(ShapeInference.analyze(p.graph()).valid(), s.fileName());
        assertEquals(p, ProjectFiles.parse(ProjectFiles.toJson(p), "round trip"), s.fileName());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void keepsTheValidationShareInTheDataSetsSplitOnly(SampleProjects.Sample s) throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(s.json());
        assertTrue(json.path("dataset").has("split"), s.fileName() + ": the split is saved with the data set");
        assertTrue(!json.path("training").has("validationSplit"), s.fileName() + ": no validation share among the run settings");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void trainsToItsStatedResultWithItsOwnSettings(SampleProjects.Sample s) throws Exception {
        if (s.needsFilesOf() != null) {
            var source = (org.layerlab.compute.data.NamedIdxSource) org.layerlab.compute.data.DataSources.CATALOG.get(s.needsFilesOf());
            org.junit.jupiter.api.Assumptions.assumeTrue(source.findLocal() != null, s.fileName() + " needs the " + s.needsFilesOf()
                    + " files: apt-get install dataset-fashion-mnist (or put them in " + source.cacheDir() + "); skipped");
        }
        Project p = ProjectFiles.parse(s.json(), s.fileName());
        var parts = p.dataset().prepare(org.layerlab.compute.data.DataContext.of(null)).splits();
        Dataset.Split split = new Dataset.Split(parts.train(), parts.validation());
        assertEquals(p.graph(), org.layerlab.compute.data.InputShapes.follow(p.graph(), parts.train().sampleShape()), s.fileName() + ": the Input fits the data");
        CompiledNetwork net = CompiledNetwork.compile(p.graph(), p.training().seed());
        Trainer t = new Trainer(net, split.train(), split.validation(), p.training());
        try (ComputePool pool = new ComputePool(1)) {
            assertEquals(EndReason.COMPLETED, t.start(pool.executor(), false).get(5, TimeUnit.MINUTES).reason());
        }
        Map<String, Double> m = new LinkedHashMap<>(Evaluation.evaluate(net, t.loss(), split.train(), ""));
        if (split.validation() != null) m.putAll(Evaluation.evaluate(net, t.loss(), split.validation(), "val_"));
        if (parts.hasTest()) m.putAll(Evaluation.evaluate(net, t.loss(), parts.test(), "test_"));
        System.out.println("sample " + s.fileName() + ": " + s.metric() + " " + m.get(s.metric()));
        assertTrue(m.get(s.metric()) >= s.minimum(), s.fileName() + ": " + s.metric() + " should be at least " + s.minimum() + ", got " + m);
    }
}
