package org.layerlab.compute.train;

import org.layerlab.compute.train.probe.WeightSnapshot;

/**
 * Where a {@link Trainer} publishes copies of its weights. The trainer asks {@link #due} before each step (so it knows
 * whether to keep the step's gradients and the weights before the update) and copies only when the answer is yes:
 * without a sink, or between publications, training copies nothing. Both methods run on the trainer's thread and
 * must return at once.
 */
public interface SnapshotSink {
    /**
     * Whether step {@code step} (counting from 1) should be published; {@code endsEpoch} when it is its epoch's last,
     * {@code nanos} the trainer's clock ({@link System#nanoTime()}).
     */
    boolean due(long step, boolean endsEpoch, long nanos);

    /** Takes a snapshot the trainer will never touch again: at the run's start, after a due step, at its end. */
    void publish(WeightSnapshot snapshot);
}
