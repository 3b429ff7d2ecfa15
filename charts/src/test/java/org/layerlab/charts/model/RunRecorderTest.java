package org.layerlab.charts.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.project.Project;
import org.layerlab.compute.project.ProjectFiles;
import org.layerlab.compute.train.ComputePool;
import org.layerlab.compute.train.Trainer;
import org.layerlab.compute.train.TrainingEvents.BatchEnd;
import org.layerlab.compute.train.TrainingListener;
import org.layerlab.compute.train.probe.ParameterStats;
import org.layerlab.compute.train.probe.StandardProbes;

/** The recorder on a real trainer with the window's probes: what reaches the charts as updates, and in which order. */
class RunRecorderTest {
    private static final String PROJECT = """
            { "format": "layerlab-project", "version": 1, "name": "tiny spirals", "description": "",
              "graph": { "nodes": [
                  { "id": "input", "type": "input", "name": "Input", "params": { "shape": [2] }, "x": 0, "y": 0 },
                  { "id": "hidden", "type": "dense", "name": "Hidden", "params": { "units": 8, "activation": "tanh" }, "x": 0, "y": 0 },
                  { "id": "output", "type": "dense", "name": "Output", "params": { "units": 2, "activation": "linear" }, "x": 0, "y": 0 } ],
                "edges": [ { "from": "input", "to": "hidden", "port": 0 }, { "from": "hidden", "to": "output", "port": 0 } ] },
              "dataset": { "generator": "two-spirals", "params": { "samples": 200, "noise": 0.0, "seed": 1 } },
              "training": { "loss": "softmax-cross-entropy", "optimizer": "adam", "optimizerParams": { "learningRate": 0.01 },
                            "batchSize": 16, "epochs": 3, "seed": 7, "validationSplit": 0.25 } }
            """;

    @Test
    void recordsScalarsAndTheProbesResultsOfARealRunAndEndsAfterTheLastResult() throws Exception {
        Project p = ProjectFiles.parse(PROJECT, "test");
        CompiledNetwork net = CompiledNetwork.compile(p.graph(), p.training().seed());
        var parts = p.dataset().prepare(org.layerlab.compute.data.DataContext.of(null)).splits();
        Dataset.Split split = new Dataset.Split(parts.train(), parts.validation());
        Trainer trainer = new Trainer(net, split.train(), split.validation(), p.training());

        // an independent witness: the weights after every step, to check the update ratios
        Map<Long, Map<String, float[]>> weightsAfter = new java.util.concurrent.ConcurrentHashMap<>();
        trainer.addListener(new TrainingListener() {
            @Override public void batchEnded(BatchEnd e) {
                Map<String, float[]> m = new HashMap<>();
                net.namedParameters().forEach((k, v) -> m.put(k, v.value().data().clone()));
                weightsAfter.put(e.step(), m);
            }
        });
        List<RunUpdate> updates = new CopyOnWriteArrayList<>();
        int every = 5;
        RunRecorder recorder = new RunRecorder(9, updates::add);
        try (ComputePool pool = new ComputePool(1)) {
            var probes = StandardProbes.attach(trainer, split.train(), split.validation(), null, pool.executor(),
                    new StandardProbes.Settings(every, 20, 20, 30, 10), recorder);
            trainer.addListener(probes.endingAfterProbes(recorder));
            trainer.start(Runnable::run, false).get(30, TimeUnit.SECONDS);
            java.util.concurrent.CountDownLatch idle = new java.util.concurrent.CountDownLatch(1);
            probes.whenIdle(idle::countDown);
            assertTrue(idle.await(30, TimeUnit.SECONDS));
        }

        assertInstanceOf(RunUpdate.Points.class, updates.get(0), "the plane's points come before the run starts");
        assertInstanceOf(RunUpdate.Ended.class, updates.get(updates.size() - 1), "the end after every probe's last result");
        int steps = 3 * ((split.train().size() + 15) / 16);
        assertEquals(steps, updates.stream().filter(u -> u instanceof RunUpdate.Batch).count());
        List<RunUpdate.Confusion> confusions = updates.stream().filter(u -> u instanceof RunUpdate.Confusion).map(u -> (RunUpdate.Confusion) u).toList();
        assertTrue(!confusions.isEmpty() && confusions.size() <= 3, "at most one matrix per epoch: " + confusions.size());
        RunUpdate.Confusion last = confusions.get(confusions.size() - 1);
        assertEquals(3, last.epoch(), "the last epoch's matrix is never dropped (it is the newest)");
        assertEquals(split.validation().size(), last.matrix().total(), "measured on the validation set");
        assertTrue(last.source().startsWith("validation set"), last.source());

        List<RunUpdate.Parameters> params = updates.stream().filter(u -> u instanceof RunUpdate.Parameters).map(u -> (RunUpdate.Parameters) u).toList();
        assertEquals(0, params.get(0).step(), "the starting weights");
        assertEquals(net.namedParameters().keySet(), params.get(0).stats().stream().map(ParameterStats::name).collect(java.util.stream.Collectors.toSet()));
        for (RunUpdate.Parameters u : params.subList(1, params.size())) {
            assertEquals(0, u.step() % every);
            for (ParameterStats s : u.stats()) {
                double expected = ParameterStats.updateRatioLog10(weightsAfter.get(u.step() - 1).get(s.name()), weightsAfter.get(u.step()).get(s.name()));
                assertEquals(expected, s.updateRatioLog10(), 1e-12, s.name() + " at step " + u.step());
                assertTrue(s.weightPercentile(0) <= s.weightPercentile(4) && s.weightPercentile(4) <= s.weightPercentile(8));
            }
        }

        RunStore store = new RunStore();
        store.create(9, RunInfo.of(Map.of()));
        updates.forEach(u -> u.apply(store));
        RunData run = store.find(9);
        assertEquals(steps, run.find("batch/loss").size());
        assertEquals(3, run.find("epoch/val_loss").size());
        assertEquals(RunData.Status.COMPLETED, run.status());
        assertEquals(3, run.confusionEpoch());
        assertNotNull(run.decision(), "a decision grid for the 2-D data");
        assertEquals(steps, run.decision().step(), "the last grid shows the final weights");
        assertEquals(30 * 30 * 2, run.decision().values().length);
        assertEquals(List.of("hidden"), run.neuronMaps().layers().stream().map(l -> l.nodeId()).toList(),
                "the hidden Dense layer (the file's last Dense is read as the Output head)");
        assertEquals(split.train().size(), run.planePoints().part(org.layerlab.compute.train.probe.PlanePoints.Role.TRAIN).size());
    }
}
