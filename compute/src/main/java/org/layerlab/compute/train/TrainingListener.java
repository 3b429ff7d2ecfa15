package org.layerlab.compute.train;

import org.layerlab.compute.train.TrainingEvents.BatchEnd;
import org.layerlab.compute.train.TrainingEvents.EpochEnd;
import org.layerlab.compute.train.TrainingEvents.RunEnded;
import org.layerlab.compute.train.TrainingEvents.RunStarted;

/**
 * Receives training events on the trainer's thread. Implementations must return at once (hand the event to a
 * queue); the trainer never waits for a listener.
 */
public interface TrainingListener {
    default void runStarted(RunStarted e) {}
    default void batchEnded(BatchEnd e) {}
    default void epochEnded(EpochEnd e) {}
    default void runPaused(TrainingEvents.RunPaused e) {}
    default void runResumed(TrainingEvents.RunResumed e) {}
    default void runEnded(RunEnded e) {}
    default void checkpointSaved(TrainingEvents.CheckpointSaved e) {}
}
