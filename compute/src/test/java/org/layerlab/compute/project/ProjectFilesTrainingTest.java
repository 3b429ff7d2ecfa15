package org.layerlab.compute.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.DatasetGenerators;
import org.layerlab.compute.graph.SequentialBuilder;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.nn.Schedules;
import org.layerlab.compute.train.TrainingConfig;

/** The training settings added with the engine round-trip through project files, and default when absent. */
class ProjectFilesTrainingTest {
    static Project project(TrainingConfig t) {
        return new Project("p", "", new SequentialBuilder().add("input", "shape", List.of(2)).add("dense", "units", 3).build(),
                new DatasetSpec("two-spirals", DatasetGenerators.TWO_SPIRALS.defaultParams()), t);
    }

    @Test void newSettingsRoundTrip() throws Exception {
        TrainingConfig t = new TrainingConfig("huber", "adamw", Params.of(Optimizers.ADAMW.params(), Map.of("weightDecay", 0.05, "l1", 1e-4)),
                32, 7, 9, 0.2)
                .withSchedule("cosine", Params.of(Schedules.COSINE.params(), Map.of("minFactor", 0.1)))
                .withClipNorm(2.5).withEarlyStopping(3, 0.01).withCheckpoints(false);
        Project back = ProjectFiles.parse(ProjectFiles.toJson(project(t)), "test");
        assertEquals(t, back.training());
    }

    @Test void oldFilesGetTheDefaults() throws Exception {
        String json = ProjectFiles.toJson(project(new TrainingConfig("mse", "sgd", Optimizers.SGD.defaultParams(), 8, 1, 1, 0)))
                .replaceAll("(?s),\\s*\"schedule\".*?\"checkpoints\" : true", "");
        assertTrue(!json.contains("schedule") && !json.contains("checkpoints"), json);
        TrainingConfig t = ProjectFiles.parse(json, "old").training();
        assertEquals("constant", t.schedule());
        assertEquals(0.0, t.clipNorm());
        assertEquals(0, t.patience());
        assertTrue(t.checkpoints());
    }

    @Test void badScheduleIsReportedWithItsPlace() {
        String json = ProjectFiles.toJson(project(new TrainingConfig("mse", "sgd", Optimizers.SGD.defaultParams(), 8, 1, 1, 0)))
                .replace("\"schedule\" : \"constant\"", "\"schedule\" : \"sawtooth\"");
        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectFiles.parse(json, "f"));
        assertTrue(e.getMessage().startsWith("f: training.schedule: unknown learning-rate schedule 'sawtooth'"), e.getMessage());
    }
}
