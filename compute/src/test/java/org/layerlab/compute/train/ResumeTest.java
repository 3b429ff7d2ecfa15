package org.layerlab.compute.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.SequentialBuilder;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.train.TrainingEvents.BatchEnd;

/**
 * Rewinding: a run resumed from a checkpoint with the same settings has, bit for bit, the losses of the run that
 * never stopped (weights, optimizer moments, BatchNorm statistics, the shuffle and dropout streams); a branch with
 * another learning rate or optimizer starts from the same point and goes its own way.
 */
class ResumeTest {
    /** Shuffling, dropout (random per step), BatchNorm statistics and Adam's moments all carry over. */
    static ModelGraph net() {
        return new SequentialBuilder().add("input", "shape", List.of(2))
                .add("dense", "units", 16, "activation", "tanh").add("batchnorm").add("dropout", "rate", 0.2)
                .add("dense", "units", 16, "activation", "tanh").add("output", "units", 2).build();
    }

    record Run(Trainer trainer, List<Long> steps, List<Double> losses) {}

    static Run train(TrainingConfig config, Checkpoint from) throws Exception {
        Trainer t = new Trainer(CompiledNetwork.compile(net(), 7), TrainerTest.spirals(), null, config);
        if (from != null) t.resumeFrom(from);
        List<Long> steps = new CopyOnWriteArrayList<>();
        List<Double> losses = new CopyOnWriteArrayList<>();
        t.addListener(new TrainingListener() {
            @Override public void batchEnded(BatchEnd e) { steps.add(e.step()); losses.add(e.loss()); }
        });
        TrainerTest.run(t);
        return new Run(t, new ArrayList<>(steps), new ArrayList<>(losses));
    }

    @Test void resumingFromACheckpointWithTheSameSettingsGivesBitIdenticalLosses() throws Exception {
        TrainingConfig config = TrainerTest.adam(0.01, 32, 6);
        Run whole = train(config, null);
        int perEpoch = whole.losses().size() / 6;
        Checkpoint third = whole.trainer().checkpoints().stream().filter(c -> c.epoch() == 3).findFirst().orElseThrow();
        assertEquals(3L * perEpoch, third.step());

        Run resumed = train(config, third);
        assertEquals(third.step() + 1, resumed.steps().get(0), "the resumed run's first step follows the checkpoint's");
        List<Double> after = whole.losses().subList(3 * perEpoch, whole.losses().size());
        assertEquals(after.size(), resumed.losses().size());
        for (int i = 0; i < after.size(); i++) {
            assertEquals(Double.doubleToRawLongBits(after.get(i)), Double.doubleToRawLongBits(resumed.losses().get(i)),
                    "step " + resumed.steps().get(i) + ": " + after.get(i) + " vs " + resumed.losses().get(i));
        }
        var end = whole.trainer().network().namedParameters();
        resumed.trainer().network().namedParameters().forEach((k, p) ->
                assertTrue(java.util.Arrays.equals(end.get(k).value().data(), p.value().data()), k + " ends the same"));
    }

    @Test void aBranchWithAnotherRateOrOptimizerStartsAtTheForkAndGoesItsOwnWay() throws Exception {
        TrainingConfig config = TrainerTest.adam(0.01, 32, 6);
        Run whole = train(config, null);
        Checkpoint third = whole.trainer().checkpoints().stream().filter(c -> c.epoch() == 3).findFirst().orElseThrow();
        int perEpoch = whole.losses().size() / 6;

        Run slower = train(TrainerTest.adam(0.001, 32, 6), third);
        assertEquals(third.step() + 1, slower.steps().get(0));
        // The first batch is computed before any update of the branch: the same weights, the same batch, the same loss.
        assertEquals(whole.losses().get(3 * perEpoch), slower.losses().get(0));
        assertNotEquals(whole.losses().get(whole.losses().size() - 1), slower.losses().get(slower.losses().size() - 1));

        Params sgd = Params.of(Optimizers.SGD.params(), Map.of("learningRate", 0.05));
        Run other = train(new TrainingConfig("sgd", sgd, 32, 6, 42), third); // the moments do not apply: fresh state
        assertEquals(whole.losses().get(3 * perEpoch), other.losses().get(0));
        assertEquals(3 * perEpoch, other.losses().size());
    }

    @Test void aCheckpointAtOrPastTheLastEpochIsRefusedWithTheReason() throws Exception {
        Run whole = train(TrainerTest.adam(0.01, 32, 3), null);
        Checkpoint last = whole.trainer().latestCheckpoint();
        Trainer t = new Trainer(CompiledNetwork.compile(net(), 7), TrainerTest.spirals(), null, TrainerTest.adam(0.01, 32, 3));
        var e = assertThrows(IllegalArgumentException.class, () -> t.resumeFrom(last));
        assertEquals("the checkpoint is at epoch 3, and this run has 3 epochs in all: raise Epochs to go on from it", e.getMessage());
    }
}
