package org.layerlab.compute.train;

import java.util.Map;

/** The events a {@link Trainer} emits; plain immutable data, safe to hand to any thread. */
public final class TrainingEvents {
    private TrainingEvents() {}

    /** A run begins. */
    public record RunStarted(int epochs, int stepsPerEpoch, int trainSamples, int validationSamples, long startNanos) {}

    /** One optimisation step done; loss and accuracy are this batch's (accuracy NaN for regression). */
    public record BatchEnd(long step, int epoch, int batchInEpoch, double loss, double accuracy,
                           double samplesPerSecond, long elapsedNanos) {}

    /** An epoch done, with its metrics: "loss", "accuracy", and "val_loss", "val_accuracy" when there is a validation set. */
    public record EpochEnd(int epoch, long step, Map<String, Double> metrics, long elapsedNanos) {}

    /** The trainer has stopped between batches on a pause request; {@code step} is the last step done. */
    public record RunPaused(long step) {}

    /** The trainer goes on after a pause (resume or single step) with the step after {@code step}. */
    public record RunResumed(long step) {}

    /** Why a run ended. */
    public enum EndReason { COMPLETED, STOPPED, DIVERGED, FAILED }

    /**
     * The run has ended; {@code message} explains DIVERGED, FAILED and an early stop (COMPLETED, "stopped early: …");
     * metrics are the last epoch's (may be empty); {@code node} is the id of the layer where NaN/Inf first appeared
     * (DIVERGED), else null.
     */
    public record RunEnded(EndReason reason, String message, long step, int epoch, Map<String, Double> metrics, String node) {
        public RunEnded(EndReason reason, String message, long step, int epoch, Map<String, Double> metrics) {
            this(reason, message, step, epoch, metrics, null);
        }
    }

    /** A checkpoint was taken at the end of an epoch (see {@link Checkpoint}). */
    public record CheckpointSaved(int epoch, long step, long sizeBytes) {}
}
