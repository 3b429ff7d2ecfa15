package org.layerlab.compute.train;

import org.layerlab.compute.catalog.InvalidParamException;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.nn.OptimizerType;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.nn.Schedule;
import org.layerlab.compute.nn.Schedules;

/**
 * The trainer's typed view of the run settings: values checked against {@link TrainingSettings#SPECS}, read through
 * named accessors. The loss is the network's Output head's (see {@link Trainer#runLoss}).
 *
 * <p>clipNorm is the largest allowed global gradient norm before each step (0 turns clipping off); patience the
 * epochs without improvement of the monitored metric ("val_loss" when there is a validation set, else "loss") before
 * stopping early (0 turns it off); minDelta how much the monitored loss must drop to count as an improvement;
 * checkpoints whether to keep weights, buffers and optimizer state at the end of every epoch.
 */
public record TrainingConfig(Params settings) {
    public TrainingConfig {
        if (!settings.specs().equals(TrainingSettings.SPECS)) throw new IllegalArgumentException("not run settings: " + settings);
    }

    /** The declared defaults. */
    public static TrainingConfig defaults() { return new TrainingConfig(TrainingSettings.defaults()); }

    /** The original settings: constant learning rate, no clipping, no early stopping, checkpoints kept. */
    public TrainingConfig(String optimizer, Params optimizerParams, int batchSize, int epochs, long seed) {
        this(defaults().withOptimizer(optimizer, optimizerParams).withBatchSize(batchSize).withEpochs(epochs).withSeed(seed).settings());
    }

    public String optimizer() { return settings.getString(TrainingSettings.OPTIMIZER); }
    /** The chosen optimizer's own settings, by their short names ("learningRate"). */
    public Params optimizerParams() { return Optimizers.CATALOG.chosenEntrySettings(settings, TrainingSettings.OPTIMIZER); }
    public int batchSize() { return settings.getInt(TrainingSettings.BATCH_SIZE); }
    public int epochs() { return settings.getInt(TrainingSettings.EPOCHS); }
    public long seed() { return settings.getInt(TrainingSettings.SEED); }
    public String schedule() { return settings.getString(TrainingSettings.SCHEDULE); }
    public Params scheduleParams() { return Schedules.CATALOG.chosenEntrySettings(settings, TrainingSettings.SCHEDULE); }
    public double clipNorm() { return settings.getDouble(TrainingSettings.CLIP_NORM); }
    public int patience() { return settings.getInt(TrainingSettings.PATIENCE); }
    public double minDelta() { return settings.getDouble(TrainingSettings.MIN_DELTA); }
    public boolean checkpoints() { return settings.getBoolean(TrainingSettings.CHECKPOINTS); }

    public OptimizerType optimizerType() { return Optimizers.CATALOG.get(optimizer()); }
    public Schedule scheduleType() { return Schedules.CATALOG.get(schedule()); }

    /** A copy with one setting changed, named as {@link TrainingSettings#resolve} accepts; checked by the declaration. */
    public TrainingConfig with(String name, Object value) throws InvalidParamException {
        String full = TrainingSettings.resolve(settings, name);
        return new TrainingConfig(settings.with(full, value));
    }

    /** As {@link #with}, for values code knows to be valid: a refused one is a programming error. */
    private TrainingConfig set(String name, Object value) {
        try {
            return with(name, value);
        } catch (InvalidParamException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public TrainingConfig withEpochs(int e) { return set(TrainingSettings.EPOCHS, e); }
    public TrainingConfig withSeed(long s) { return set(TrainingSettings.SEED, s); }
    public TrainingConfig withBatchSize(int b) { return set(TrainingSettings.BATCH_SIZE, b); }
    public TrainingConfig withClipNorm(double c) { return set(TrainingSettings.CLIP_NORM, c); }
    public TrainingConfig withEarlyStopping(int pat, double delta) { return set(TrainingSettings.PATIENCE, pat).set(TrainingSettings.MIN_DELTA, delta); }
    public TrainingConfig withCheckpoints(boolean keep) { return set(TrainingSettings.CHECKPOINTS, keep); }

    /** Chooses an optimizer with its settings (by their short names). */
    public TrainingConfig withOptimizer(String id, Params p) { return choose(TrainingSettings.OPTIMIZER, id, p); }

    /** Chooses a schedule with its settings (by their short names). */
    public TrainingConfig withSchedule(String id, Params p) { return choose(TrainingSettings.SCHEDULE, id, p); }

    private TrainingConfig choose(String group, String id, Params p) {
        TrainingConfig c = set(group, id);
        for (var e : p.asMap().entrySet()) c = c.set(org.layerlab.compute.catalog.Catalog.entrySetting(group, id, e.getKey()), e.getValue());
        return c;
    }
}
