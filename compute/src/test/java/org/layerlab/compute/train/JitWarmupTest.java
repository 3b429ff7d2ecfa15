package org.layerlab.compute.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ReferenceNetworks;
import org.layerlab.compute.train.JitWarmup.Result;
import org.layerlab.compute.train.JitWarmup.Stage;
import org.layerlab.compute.train.TrainingEvents.EndReason;

/** The background warm-up: it trains its stages through the real trainer, and a user's run stops it. */
class JitWarmupTest {
    @Test void theWarmUpTrainsEveryStageThroughTheTrainer() {
        JitWarmup w = new JitWarmup(List.of(new Stage("mlp", ReferenceNetworks.fashionMlp(), true, 3),
                new Stage("lenet", ReferenceNetworks.leNet5(), false, 2)), new TrainingListener() {});
        w.run();
        Result r = w.done().join();
        assertEquals(5, r.batches());
        assertFalse(r.stopped());
    }

    @Test void theDefaultStagesAreTheReferenceNetworksOnImages() throws Exception {
        for (Stage s : JitWarmup.defaultStages()) {
            Dataset d = JitWarmup.images(8, s.flat(), new SplittableRandom(1));
            assertEquals(CompiledNetwork.compile(s.graph(), 1).inputShape(), d.sampleShape(), s.name());
            assertTrue(s.batches() > 0, s.name());
        }
    }

    @Test void aRunStartingStopsTheWarmUpAfterItsCurrentBatch() throws Exception {
        CountDownLatch training = new CountDownLatch(1);
        JitWarmup w = new JitWarmup(List.of(new Stage("mlp", ReferenceNetworks.fashionMlp(), true, 200)), new TrainingListener() {
            @Override public void batchEnded(TrainingEvents.BatchEnd e) { training.countDown(); }
            @Override public void runEnded(TrainingEvents.RunEnded e) { training.countDown(); } // never left waiting
        });
        JitWarmup.makeCurrent(w);
        Thread warming = new Thread(w::run, "test-warm-up");
        warming.start();
        assertTrue(training.await(60, TimeUnit.SECONDS));
        Trainer user = new Trainer(CompiledNetwork.compile(TrainerTest.spiralNet(), 1), TrainerTest.spirals(), null,
                TrainerTest.adam(0.01, 16, 1).withCheckpoints(false));
        assertEquals(EndReason.COMPLETED, TrainerTest.run(user).reason());
        Result r = w.done().get(60, TimeUnit.SECONDS);
        assertTrue(r.stopped());
        assertTrue(r.batches() < 200, "batches " + r.batches());
        warming.join();
    }
}
