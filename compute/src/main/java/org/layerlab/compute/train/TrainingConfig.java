package org.layerlab.compute.train;

import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.nn.Loss;
import org.layerlab.compute.nn.Losses;
import org.layerlab.compute.nn.OptimizerType;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.nn.Schedule;
import org.layerlab.compute.nn.Schedules;

/**
 * Hyperparameters of a run. Loss, optimizer and schedule are catalog ids; their settings are checked Params.
 *
 * @param clipNorm         largest allowed global gradient norm before each step; 0 turns clipping off
 * @param patience         epochs without improvement of the monitored metric ("val_loss" when there is a validation
 *                         set, else "loss") before stopping early; 0 turns early stopping off
 * @param minDelta         how much the monitored loss must drop to count as an improvement
 * @param checkpoints      keep a checkpoint (weights, buffers, optimizer state) at the end of every epoch
 */
public record TrainingConfig(String loss, String optimizer, Params optimizerParams,
                             int batchSize, int epochs, long seed, double validationSplit,
                             String schedule, Params scheduleParams, double clipNorm,
                             int patience, double minDelta, boolean checkpoints) {
    public TrainingConfig {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        if (validationSplit < 0 || validationSplit >= 1) throw new IllegalArgumentException("validation split must be in [0, 1), got " + validationSplit);
        if (!(clipNorm >= 0)) throw new IllegalArgumentException("gradient clipping norm must be 0 (off) or positive, got " + clipNorm);
        if (patience < 0) throw new IllegalArgumentException("patience must be 0 (off) or positive, got " + patience);
        if (!(minDelta >= 0)) throw new IllegalArgumentException("minimum improvement must be 0 or positive, got " + minDelta);
        Losses.CATALOG.get(loss);
        Optimizers.CATALOG.get(optimizer);
        if (scheduleParams == null) scheduleParams = Schedules.CATALOG.get(schedule).defaultParams();
    }

    /** The original settings: constant learning rate, no clipping, no early stopping, checkpoints kept. */
    public TrainingConfig(String loss, String optimizer, Params optimizerParams,
                          int batchSize, int epochs, long seed, double validationSplit) {
        this(loss, optimizer, optimizerParams, batchSize, epochs, seed, validationSplit,
                Schedules.CONSTANT.id(), Schedules.CONSTANT.defaultParams(), 0.0, 0, 0.0, true);
    }

    public Loss lossFunction() { return Losses.CATALOG.get(loss); }
    public OptimizerType optimizerType() { return Optimizers.CATALOG.get(optimizer); }
    public Schedule scheduleType() { return Schedules.CATALOG.get(schedule); }

    public TrainingConfig withEpochs(int e) { return new TrainingConfig(loss, optimizer, optimizerParams, batchSize, e, seed, validationSplit, schedule, scheduleParams, clipNorm, patience, minDelta, checkpoints); }
    public TrainingConfig withSeed(long s) { return new TrainingConfig(loss, optimizer, optimizerParams, batchSize, epochs, s, validationSplit, schedule, scheduleParams, clipNorm, patience, minDelta, checkpoints); }
    public TrainingConfig withBatchSize(int b) { return new TrainingConfig(loss, optimizer, optimizerParams, b, epochs, seed, validationSplit, schedule, scheduleParams, clipNorm, patience, minDelta, checkpoints); }
    public TrainingConfig withOptimizer(String id, Params p) { return new TrainingConfig(loss, id, p, batchSize, epochs, seed, validationSplit, schedule, scheduleParams, clipNorm, patience, minDelta, checkpoints); }
    public TrainingConfig withSchedule(String id, Params p) { return new TrainingConfig(loss, optimizer, optimizerParams, batchSize, epochs, seed, validationSplit, id, p, clipNorm, patience, minDelta, checkpoints); }
    public TrainingConfig withClipNorm(double c) { return new TrainingConfig(loss, optimizer, optimizerParams, batchSize, epochs, seed, validationSplit, schedule, scheduleParams, c, patience, minDelta, checkpoints); }
    public TrainingConfig withEarlyStopping(int pat, double delta) { return new TrainingConfig(loss, optimizer, optimizerParams, batchSize, epochs, seed, validationSplit, schedule, scheduleParams, clipNorm, pat, delta, checkpoints); }
    public TrainingConfig withCheckpoints(boolean keep) { return new TrainingConfig(loss, optimizer, optimizerParams, batchSize, epochs, seed, validationSplit, schedule, scheduleParams, clipNorm, patience, minDelta, keep); }
}
