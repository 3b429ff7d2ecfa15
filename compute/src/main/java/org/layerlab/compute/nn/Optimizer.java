package org.layerlab.compute.nn;

import java.util.List;
import java.util.Map;
import org.layerlab.compute.layers.Parameter;

/** Updates parameters from their accumulated gradients; holds its own per-parameter state. */
public interface Optimizer {
    void step(List<Parameter> parameters);

    /** The base learning rate; a schedule multiplies it step by step. */
    default double learningRate() { throw new UnsupportedOperationException("this optimizer has no learning rate"); }

    /** Sets the learning rate for the following steps (learning-rate schedules). */
    default void setLearningRate(double lr) { throw new UnsupportedOperationException("this optimizer has no learning rate"); }

    /** A deep copy of the optimizer's state (moments, step count) keyed by parameter index and slot, for checkpoints. */
    default Map<String, float[]> saveState(List<Parameter> parameters) { return Map.of(); }

    /** Restores what {@link #saveState} returned for the same parameter list. */
    default void loadState(List<Parameter> parameters, Map<String, float[]> state) {}
}
