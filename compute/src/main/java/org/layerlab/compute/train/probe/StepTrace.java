package org.layerlab.compute.train.probe;

import java.util.List;

/**
 * What one training step computed, taken from the trainer's own forward and backward pass (not a recomputation): every
 * layer's output and the gradient of the loss with respect to it, for every sample of the batch, the batch's loss, and
 * every weight before the update, its gradient (the loss's own: before clipping and L1/L2 penalties) and its value
 * after the update. Plain arrays, copied once on the trainer's thread and never written afterwards.
 *
 * @param step the step this was (counting from 1: the run's step count after it)
 * @param samples each batch row's index in the training set
 * @param labels each row's class (null for regression)
 * @param targets each row's targets, row after row (null for classification)
 * @param loss the batch's loss, the value the backward pass started from
 */
public record StepTrace(long step, int epoch, int[] samples, int[] labels, float[] targets, String lossId, double loss,
                        List<Layer> layers, List<Weights> weights) {
    public StepTrace {
        layers = List.copyOf(layers);
        weights = List.copyOf(weights);
    }

    /** Rows in the batch. */
    public int batchSize() { return samples.length; }

    /**
     * One layer's output for the batch, {@code width} values per row, and the gradient of the loss with respect to it
     * (null where none flows, as at the Input).
     */
    public record Layer(String nodeId, String name, String type, int width, float[] values, float[] gradients) {
        /** Row {@code row}'s output values. */
        public float[] values(int row) { return java.util.Arrays.copyOfRange(values, row * width, (row + 1) * width); }

        /** Row {@code row}'s gradients, or null. */
        public float[] gradients(int row) {
            return gradients == null ? null : java.util.Arrays.copyOfRange(gradients, row * width, (row + 1) * width);
        }
    }

    /**
     * One parameter tensor ("nodeId/kernel", shape inputs × units for a Dense kernel): before the step's update, the
     * loss's gradient, after the update.
     */
    public record Weights(String key, String nodeId, String layerName, String name, int[] shape, float[] before,
                          float[] gradient, float[] after) {
        /** What the optimizer changed weight {@code i} by. */
        public float update(int i) { return after[i] - before[i]; }
    }

    /** The layer of node {@code id}, or null. */
    public Layer layer(String id) { return layers.stream().filter(l -> l.nodeId().equals(id)).findFirst().orElse(null); }

    /** The parameter tensor keyed {@code key} ("nodeId/kernel"), or null. */
    public Weights weights(String key) { return weights.stream().filter(w -> w.key().equals(key)).findFirst().orElse(null); }
}
