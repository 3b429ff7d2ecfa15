package org.layerlab.compute.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layerlab.compute.project.ProjectFilesTest.assertProblem;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.DataContext;
import org.layerlab.compute.data.DataSources;
import org.layerlab.compute.data.DataSplit;
import org.layerlab.compute.data.DrawnPoint;
import org.layerlab.compute.data.Normalization;
import org.layerlab.compute.data.Splits;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.ReferenceNetworks;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.train.TrainingConfig;

/** The data-set section: source, settings, split, drawn points and normalisation round-trip; older files migrate. */
class ProjectFilesDatasetTest {
    @TempDir Path dir;

    private static final String OLD = """
            { "format": "layerlab-project", "version": 1, "name": "old",
              "graph": { "nodes": [ { "id": "in", "type": "input", "params": { "shape": [2] } },
                                    { "id": "out", "type": "dense", "params": { "units": 2 } } ],
                         "edges": [ { "from": "in", "to": "out" } ] },
              "dataset": { "generator": "xor", "params": { "samples": 100, "noise": 0.1, "seed": 4 } },
              "training": { "loss": "softmax-cross-entropy", "optimizer": "sgd", "optimizerParams": {},
                            "batchSize": 8, "epochs": 2, "seed": 42, "validationSplit": 0.25 } }
            """;

    @Test void anOlderFilesGeneratorBecomesTheSourceAndItsValidationShareTheSplit() throws Exception {
        Project p = ProjectFiles.parse(OLD, "old.layerlab");
        assertEquals("xor", p.dataset().source());
        assertEquals(4, p.dataset().params().getInt("seed"));
        assertEquals(0.25, p.dataset().split().getDouble("validation"));
        assertEquals(42, p.dataset().split().getInt("seed"));
        Splits s = p.dataset().prepare(DataContext.of(null)).splits();
        assertEquals(75, s.train().size());
        assertEquals(25, s.validation().size());
        String written = ProjectFiles.toJson(p);
        assertTrue(written.contains("\"source\" : \"xor\"") && !written.contains("\"generator\""), written);
        assertEquals(p, ProjectFiles.parse(written, "again"));
    }

    @Test void aValidationShareAmongTheRunSettingsMovesToTheSplitAndIsNotWrittenBack() throws Exception {
        String sourced = OLD.replace("\"generator\": \"xor\"", "\"source\": \"xor\"");
        Project p = ProjectFiles.parse(sourced, "old.layerlab");
        assertEquals(0.25, p.dataset().split().getDouble("validation"), "found in the data set's split");
        String written = ProjectFiles.toJson(p);
        assertTrue(!written.contains("validationSplit") && written.contains("\"validation\" : 0.25"), written);
        assertTrue(!p.training().settings().asMap().containsKey("validationSplit"), "not a run setting");

        // A file with both (edited by hand): the data set's split is the one home, the old value gives way to it.
        String both = sourced.replace("\"params\": { \"samples\"", "\"split\": { \"validation\": 0.1 }, \"params\": { \"samples\"");
        assertEquals(0.1, ProjectFiles.parse(both, "both.layerlab").dataset().split().getDouble("validation"));
    }

    @Test void drawnPointsSplitAndNormalisationAreSavedWithTheProject() throws Exception {
        Params split = DataSplit.of(0.3, 0.1, 9);
        DatasetSpec spec = new DatasetSpec(DataSources.DRAWN.id(), DataSources.DRAWN.defaultParams().with("classes", 3), split,
                List.of(new DrawnPoint(1.5, -2, 0), new DrawnPoint(0, 0.25, 2)),
                new Normalization(Normalization.STANDARDIZE, new double[] {0.5, 1}, new double[] {2, 3}));
        ModelGraph g = ReferenceNetworks.fashionMlp();
        Project p = new Project("drawn", "", g, spec, new TrainingConfig("sgd",
                Optimizers.SGD.defaultParams(), 4, 1, 1));
        Path file = dir.resolve("drawn.layerlab");
        ProjectFiles.write(p, file);
        Project back = ProjectFiles.read(file);
        assertEquals(spec, back.dataset());
        assertEquals(2, back.dataset().points().size());
        assertEquals(0.3, back.dataset().split().getDouble("validation"));
    }

    @Test void badDataSetSectionsNameTheirPlace() {
        String json = OLD.replace("\"generator\": \"xor\"", "\"source\": \"drawn\", \"split\": { \"validation\": 0.2 }, \"points\": [[1, 2, 0], [1, 2]]")
                .replace("\"params\": { \"samples\": 100, \"noise\": 0.1, \"seed\": 4 }", "\"params\": {}");
        assertProblem(json, "dataset.points[1]: must be [x, y, value], got 2 numbers");
        assertProblem(OLD.replace("\"generator\": \"xor\"", "\"source\": \"xor\", \"split\": { \"validation\": 0.6, \"test\": 0.5 }"),
                "dataset.split: validation (0.6) and test (0.5) together leave too little to train on");
        assertProblem(OLD.replace("\"generator\": \"xor\"", "\"source\": \"csv-of-doom\""), "dataset.source: unknown data source 'csv-of-doom'");
        assertProblem(OLD.replace("\"generator\": \"xor\"", "\"source\": \"xor\", \"split\": { \"shuffle\": true }"), "dataset.split.shuffle: unknown parameter 'shuffle'");
        assertFalse(DataSources.CATALOG.ids().isEmpty());
        Map.of();
    }
}
