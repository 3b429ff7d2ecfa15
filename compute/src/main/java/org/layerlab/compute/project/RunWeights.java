package org.layerlab.compute.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.layerlab.compute.export.TrainedModel;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.train.Checkpoint;
import org.layerlab.compute.train.Trainer;
import org.layerlab.compute.train.TrainingEvents.EndReason;
import org.layerlab.compute.train.TrainingEvents.RunEnded;

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

    /**
     * What a run that just ended keeps (call on the trainer's thread in {@code runEnded}, or after it finished):
     * the network's weights when they are finite, else the latest checkpoint's (a diverged run's last good
     * weights); and the best checkpoint when early stopping watched for one and it is not the final epoch.
     * Empty when nothing finite is left (a run that diverged in its first epoch).
     */
    public static Optional<RunWeights> capture(Trainer trainer, RunEnded end, List<String> classNames) {
        TrainedModel now = TrainedModel.of(trainer.network(), classNames);
        TrainedModel last = end.reason() != EndReason.DIVERGED && finite(now) ? now : fromCheckpoint(trainer, trainer.latestCheckpoint(), classNames);
        if (last == null) return Optional.empty();
        Checkpoint best = trainer.config().patience() > 0 ? trainer.bestCheckpoint() : null;
        TrainedModel bestModel = best == null || best.epoch() == end.epoch() ? null : fromCheckpoint(trainer, best, classNames);
        return Optional.of(new RunWeights(last, bestModel));
    }

    private static TrainedModel fromCheckpoint(Trainer trainer, Checkpoint c, List<String> classNames) {
        if (c == null) return null;
        Map<String, Tensor> t = new LinkedHashMap<>(c.weights());
        t.putAll(c.buffers());
        TrainedModel m = new TrainedModel(trainer.network().graph(), t, classNames);
        return finite(m) ? m : null;
    }

    private static boolean finite(TrainedModel m) {
        return m.tensors().values().stream().allMatch(Tensor::allFinite);
    }

    /** The best checkpoint when there is one, else the final weights: what export and prediction use by default. */
    public TrainedModel preferred() { return best != null ? best : last; }
}
