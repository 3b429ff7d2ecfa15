package org.layerlab.compute.train.probe;

import org.layerlab.compute.graph.CompiledNetwork;

/**
 * One analysis of a run's weights, run by a {@link ProbeHub} on the compute pool from the latest snapshot. It returns
 * a plain result (records and arrays, no network types) that views can take to another thread.
 *
 * @param <R> the result
 */
public interface Probe<R> {
    /** When it wants a snapshot. */
    Cadence cadence();

    /** Whether it runs the network (then {@link #run} gets the hub's own copy with the snapshot's weights loaded). */
    default boolean needsNetwork() { return true; }

    /** Whether to run on this snapshot at all (e.g. one without gradients); null results are not delivered either. */
    default boolean accepts(WeightSnapshot s) { return true; }

    /**
     * The analysis. Runs on a pool thread, never twice at once for one probe.
     *
     * @param network the probe's own copy of the network with the snapshot's weights, or null when it needs none
     */
    R run(WeightSnapshot snapshot, CompiledNetwork network);
}
