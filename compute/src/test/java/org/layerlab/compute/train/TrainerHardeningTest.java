package org.layerlab.compute.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.SequentialBuilder;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.train.TrainingEvents.EndReason;
import org.layerlab.compute.train.TrainingEvents.RunEnded;

/** A run never ends "completed" with NaN in its weights or metrics, and its checkpoints stay bounded however long it runs. */
class TrainerHardeningTest {

    @Test void weightsMadeNonFiniteByTheFinalStepEndTheRunAsDiverged() throws Exception {
        // One full-batch step on huge inputs: the loss before the update is finite (the per-batch guard passes),
        // the update overflows the weights to infinity, and there is no next batch to notice. Before the check
        // after the updates, this run ended "completed" with a finite loss printed and infinite weights.
        ModelGraph linear = new SequentialBuilder().add("input", "shape", List.of(2)).add("dense", "units", 2).build();
        float big = 1e38f;
        Dataset huge = new Dataset("huge", org.layerlab.compute.tensor.Tensor.of(
                new float[] {big, big, -big, -big, big, -big, -big, big}, 4, 2), new int[] {0, 1, 0, 1}, null, List.of("a", "b"));
        Params sgd = Params.of(Optimizers.SGD.params(), Map.of("learningRate", 10.0, "momentum", 0.9));
        TrainingConfig cfg = new TrainingConfig("softmax-cross-entropy", "sgd", sgd, 4, 1, 1, 0.0);
        Trainer t = new Trainer(CompiledNetwork.compile(linear, 1), huge, null, cfg);
        RunEnded end = TrainerTest.run(t);
        assertEquals(EndReason.DIVERGED, end.reason(), end.message() + " " + end.metrics());
        assertTrue(end.message().startsWith("the weights of Dense 1") && end.message().contains("at step 1 (epoch 1)"), end.message());
        assertEquals("dense-1", end.node());
    }

    @Test void checkpointsStayBoundedAndKeepLatestAndBest() throws Exception {
        ModelGraph tiny = new SequentialBuilder().add("input", "shape", List.of(2)).add("dense", "units", 2).build();
        Dataset spirals = TrainerTest.spirals();
        Trainer t = new Trainer(CompiledNetwork.compile(tiny, 1), spirals, null, TrainerTest.adam(0.01, 512, 200));
        assertEquals(EndReason.COMPLETED, TrainerTest.run(t).reason());
        List<Checkpoint> kept = t.checkpoints();
        assertTrue(kept.size() <= Trainer.SPACED_CHECKPOINTS + 2, "bounded: " + kept.size());
        assertTrue(kept.size() >= 4, "a spaced selection is kept: " + kept.size());
        assertEquals(200, t.latestCheckpoint().epoch());
        assertEquals(200, kept.get(kept.size() - 1).epoch());
        double bestLoss = t.bestCheckpoint().metrics().get("loss");
        for (Checkpoint c : kept) assertTrue(c.metrics().get("loss") >= bestLoss, "best is the lowest loss kept");
        for (int i = 1; i < kept.size(); i++) assertTrue(kept.get(i).epoch() > kept.get(i - 1).epoch(), "by epoch, no duplicates");
    }
}
