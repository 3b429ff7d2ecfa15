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
        return new Project("p", "", new SequentialBuilder().add("input", "shape", List.of(2)).add("output", "units", 3).build(),
                new DatasetSpec("two-spirals", DatasetGenerators.TWO_SPIRALS.defaultParams()), t);
    }

    @Test void newSettingsRoundTrip() throws Exception {
        TrainingConfig t = new TrainingConfig("adamw", Params.of(Optimizers.ADAMW.params(), Map.of("weightDecay", 0.05, "l1", 1e-4)),
                32, 7, 9)
                .withSchedule("cosine", Params.of(Schedules.COSINE.params(), Map.of("minFactor", 0.1)))
                .withClipNorm(2.5).withEarlyStopping(3, 0.01).withCheckpoints(false);
        Project back = ProjectFiles.parse(ProjectFiles.toJson(project(t)), "test");
        assertEquals(t, back.training());
    }

    @Test void oldFilesGetTheDefaults() throws Exception {
        String json = ProjectFiles.toJson(project(new TrainingConfig("sgd", Optimizers.SGD.defaultParams(), 8, 1, 1)))
                .replaceAll("(?s),\\s*\"schedule\".*?\"checkpoints\" : true", "");
        assertTrue(!json.contains("schedule") && !json.contains("checkpoints"), json);
        TrainingConfig t = ProjectFiles.parse(json, "old").training();
        assertEquals("constant", t.schedule());
        assertEquals(0.0, t.clipNorm());
        assertEquals(0, t.patience());
        assertTrue(t.checkpoints());
    }

    @Test void badScheduleIsReportedWithItsPlace() {
        String json = ProjectFiles.toJson(project(new TrainingConfig("sgd", Optimizers.SGD.defaultParams(), 8, 1, 1)))
                .replace("\"schedule\" : \"constant\"", "\"schedule\" : \"sawtooth\"");
        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectFiles.parse(json, "f"));
        assertTrue(e.getMessage().startsWith("f: training.schedule: Learning-rate schedule must be one of constant, step"), e.getMessage());
    }

    /** A version-2 file from before the loss moved to the Output head: training.loss, a linear Dense layer last. */
    private static String oldFile(String lastLayer, String loss) {
        return """
                {"format": "layerlab-project", "version": 2, "name": "old",
                 "graph": {"nodes": [{"id": "in", "type": "input", "params": {"shape": [2]}},
                                     {"id": "h", "type": "dense", "params": {"units": 4}},
                                     %s],
                           "edges": [{"from": "in", "to": "h"}, {"from": "h", "to": "out"}]},
                 "dataset": {"generator": "xor", "params": {}},
                 "training": {"loss": "%s", "optimizer": "sgd", "optimizerParams": {"learningRate": 0.1}, "batchSize": 8, "epochs": 3}}
                """.formatted(lastLayer, loss);
    }

    @Test void anOldLinearDenseLastLayerBecomesTheOutputHeadWithTheFilesLoss() throws Exception {
        Project p = ProjectFiles.parse(oldFile("{\"id\": \"out\", \"type\": \"dense\", \"name\": \"Output\", \"params\": {\"units\": 3}, \"x\": 5, \"y\": 6}", "mse"), "old");
        var out = p.graph().node("out");
        assertEquals("output", out.type());
        assertEquals("Output", out.name());
        assertEquals(3, out.params().getInt("units"));
        assertEquals("mse", out.params().getString("loss"));
        assertEquals(5.0, out.x());
        assertEquals("linear", p.graph().node("h").params().getString("activation"),
                "an old file's Dense without an activation keeps the Linear default it was written with");
        assertEquals(0.1, p.training().optimizerParams().getDouble("learningRate"));
        String saved = ProjectFiles.toJson(p);
        assertTrue(!saved.contains("\"loss\" : \"mse\",\n    \"optimizer\""), "training.loss is not written again");
        assertEquals(p, ProjectFiles.parse(saved, "again"), "the migrated project round-trips");
    }

    @Test void theOutputHeadWinsOverADifferingOldLoss() throws Exception {
        Project p = ProjectFiles.parse(oldFile("{\"id\": \"out\", \"type\": \"output\", \"params\": {\"units\": 2, \"loss\": \"huber\"}}", "mse"), "old");
        assertEquals("huber", p.graph().node("out").params().getString("loss"));
    }

    @Test void anOldLossWithNoLayerToHoldItIsRefusedSayingWhatToAdd() {
        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectFiles.parse(
                oldFile("{\"id\": \"out\", \"type\": \"dense\", \"params\": {\"units\": 2, \"activation\": \"tanh\"}}", "mse"), "f"));
        assertTrue(e.getMessage().startsWith("f: training.loss: the loss 'mse' now belongs to the network's Output layer"), e.getMessage());
        ProjectFileException unknown = assertThrows(ProjectFileException.class, () -> ProjectFiles.parse(
                oldFile("{\"id\": \"out\", \"type\": \"dense\", \"params\": {\"units\": 2}}", "hinge"), "f"));
        assertTrue(unknown.getMessage().startsWith("f: training.loss: unknown loss 'hinge'"), unknown.getMessage());
    }

    @Test void aChosenEntrysSettingIsCheckedWithItsPlace() {
        String json = ProjectFiles.toJson(project(new TrainingConfig("sgd", Optimizers.SGD.defaultParams(), 8, 1, 1)))
                .replace("\"momentum\" : 0.0", "\"momentum\" : 2.0");
        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectFiles.parse(json, "f"));
        assertTrue(e.getMessage().startsWith("f: training.optimizerParams.momentum: Momentum must be between 0 and 0.999, got 2.0"), e.getMessage());
        String other = json.replace("\"momentum\" : 2.0", "\"beta1\" : 0.9");
        ProjectFileException e2 = assertThrows(ProjectFileException.class, () -> ProjectFiles.parse(other, "f"));
        assertTrue(e2.getMessage().startsWith("f: training.optimizerParams.beta1: unknown parameter 'beta1'"), e2.getMessage());
    }
}
