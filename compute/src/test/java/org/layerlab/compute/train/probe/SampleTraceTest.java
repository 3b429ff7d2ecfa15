package org.layerlab.compute.train.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.train.Trainer;
import org.layerlab.compute.train.TrainingConfig;

/**
 * Any training sample traced on its own at a step's starting weights: worked by hand for the 2-2-1 network of
 * {@link StepTraceTest}, and for a sample of the step's batch the same forward values as the trainer's own trace and,
 * since the batch loss is the mean over its rows, exactly batch-size times the row's gradients.
 */
class SampleTraceTest {
    /** Three samples; the first step's batch takes two of them (whichever the shuffle picks: rows are matched by index). */
    static Dataset three() {
        return new Dataset("three", Tensor.of(new float[] {1, 2, -0.5f, 0.25f, 2, -1}, 3, 2), null, new float[] {1, -0.5f, 0.3f}, List.of());
    }

    @Test
    void anyTrainingSampleIsTracedAtTheStepsStartingWeights() throws Exception {
        CompletableFuture<StepTrace> got = new CompletableFuture<>();
        Params p = Params.of(Optimizers.SGD.params(), Map.of("learningRate", 0.1));
        Trainer t = new Trainer(StepTraceTest.fixed(), three(), null, new TrainingConfig("sgd", p, 2, 1, 3).withCheckpoints(false));
        t.setTraceSink(got::complete);
        t.traceNextStep();
        t.start(Runnable::run, false).get(30, TimeUnit.SECONDS);
        StepTrace step = got.get(1, TimeUnit.SECONDS);
        assertEquals(2, step.batchSize());

        // A network of its own (fresh weights), made to start where the step started: the fixed weights.
        CompiledNetwork own = CompiledNetwork.compile(StepTraceTest.net(), 99);
        for (int row = 0; row < 2; row++) {
            int index = step.samples()[row];
            SampleTrace s = SampleTrace.of(step, own, Trainer.runLoss(own), three(), index);
            assertEquals(index, s.index());
            for (StepTrace.Layer l : step.layers()) {
                StepTrace.Layer mine = s.layers().stream().filter(x -> x.nodeId().equals(l.nodeId())).findFirst().orElseThrow();
                assertArrayEquals(l.values(row), mine.values(0), 1e-6f, l.nodeId() + ": the same forward values");
                if (l.gradients() == null) { assertNull(mine.gradients()); continue; }
                float[] batch = l.gradients(row);
                for (int i = 0; i < batch.length; i++) batch[i] *= step.batchSize(); // the batch loss is the mean of its rows
                assertArrayEquals(batch, mine.gradients(0), 1e-5f, l.nodeId() + ": its own gradients");
            }
        }

        // Sample (1, 2) with target 1 by hand, as in StepTraceTest: h = tanh(0.75, 0.55), y = 0.117262, loss (y − 1)².
        SampleTrace first = SampleTrace.of(step, own, Trainer.runLoss(own), three(), 0);
        assertArrayEquals(new float[] {1, 2}, first.features(), 0);
        assertArrayEquals(new float[] {1}, first.targets(), 0);
        assertEquals(-1, first.label());
        assertEquals(0.77922576, first.loss(), 1e-5);
        assertArrayEquals(new float[] {0.63514895f, 0.50052021f}, first.layers().get(1).values(0), 1e-5f);
        assertArrayEquals(new float[] {-0.88273765f, 1.0592852f}, first.layers().get(1).gradients(0), 1e-5f);
        assertEquals(step.step(), first.step());
        assertThrows(IllegalArgumentException.class, () -> SampleTrace.of(step, own, Trainer.runLoss(own), three(), 3));
    }
}
