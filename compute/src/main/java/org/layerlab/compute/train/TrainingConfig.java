package org.layerlab.compute.train;

import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.nn.Loss;
import org.layerlab.compute.nn.Losses;
import org.layerlab.compute.nn.OptimizerType;
import org.layerlab.compute.nn.Optimizers;

/** Hyperparameters of a run. Loss and optimizer are catalog ids; the optimizer's settings are checked Params. */
public record TrainingConfig(String loss, String optimizer, Params optimizerParams,
                             int batchSize, int epochs, long seed, double validationSplit) {
    public TrainingConfig {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        if (validationSplit < 0 || validationSplit >= 1) throw new IllegalArgumentException("validation split must be in [0, 1), got " + validationSplit);
        Losses.CATALOG.get(loss);
        Optimizers.CATALOG.get(optimizer);
    }

    public Loss lossFunction() { return Losses.CATALOG.get(loss); }
    public OptimizerType optimizerType() { return Optimizers.CATALOG.get(optimizer); }

    public TrainingConfig withEpochs(int e) { return new TrainingConfig(loss, optimizer, optimizerParams, batchSize, e, seed, validationSplit); }
    public TrainingConfig withSeed(long s) { return new TrainingConfig(loss, optimizer, optimizerParams, batchSize, epochs, s, validationSplit); }
}
