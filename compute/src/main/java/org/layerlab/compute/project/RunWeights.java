package org.layerlab.compute.project;

import java.util.Objects;
import java.util.Optional;
import org.layerlab.compute.export.TrainedModel;

/**
 * The trained values a run keeps: its final weights (the last good ones when it diverged or was stopped) and, when
 * early stopping or keep-best chose one, the best checkpoint.
 */
public record RunWeights(TrainedModel last, TrainedModel best) {
    public RunWeights {
        Objects.requireNonNull(last, "last");
    }

    public static RunWeights of(TrainedModel last) { return new RunWeights(last, null); }

    public Optional<TrainedModel> bestCheckpoint() { return Optional.ofNullable(best); }

    /** The best checkpoint when there is one, else the final weights: what export and prediction use by default. */
    public TrainedModel preferred() { return best != null ? best : last; }
}
