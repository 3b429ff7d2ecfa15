package org.layerlab.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
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
    @Test
    void everySampleLoadsWithAValidGraphAndSurvivesARoundTrip() throws Exception {
        for (SampleProjects.Sample s : SampleProjects.all()) {
            Project p = ProjectFiles.parse(s.json(), s.fileName());
            assertTrue(ShapeInference.analyze(p.graph()).valid(), s.fileName());
            Project again = ProjectFiles.parse(ProjectFiles.toJson(p), "round trip");
            assertEquals(p, again, s.fileName());
        }
    }

    @Test
    void twoSpiralsTrainsAbove95PercentWithItsOwnSettings() throws Exception {
        Project p = ProjectFiles.parse(SampleProjects.TWO_SPIRALS.json(), "two-spirals");
        Dataset data = p.dataset().create();
        CompiledNetwork net = CompiledNetwork.compile(p.graph(), p.training().seed());
        try (ComputePool pool = new ComputePool(1)) {
            Trainer t = new Trainer(net, data, null, p.training());
            assertEquals(EndReason.COMPLETED, t.start(pool.executor(), false).get(5, TimeUnit.MINUTES).reason());
        }
        Map<String, Double> m = Evaluation.evaluate(net, p.training().lossFunction(), data, "");
        assertTrue(m.get("accuracy") > 0.95, "train accuracy " + m);
    }
}
