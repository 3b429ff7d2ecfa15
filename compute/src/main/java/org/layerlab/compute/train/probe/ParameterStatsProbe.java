package org.layerlab.compute.train.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.layerlab.compute.graph.CompiledNetwork;

/**
 * Weight and gradient statistics of every parameter every {@code everySteps} steps: percentiles of the weights, of the
 * loss's gradients (the snapshot's: no L1/L2 penalty in them) and the update-to-weight ratio of the step.
 */
public final class ParameterStatsProbe implements Probe<ParameterStatsProbe.Result> {
    /** The statistics of every parameter at one step. */
    public record Result(long step, List<ParameterStats> stats) {
        public Result { stats = List.copyOf(stats); }
    }

    /** Percentiles are read from at most this many values per tensor. */
    public static final int MAX_PERCENTILE_SAMPLE = 65_536;
    private final int everySteps;

    public ParameterStatsProbe(int everySteps) { this.everySteps = Math.max(1, everySteps); }

    @Override public Cadence cadence() { return Cadence.steps(everySteps); }

    @Override public boolean needsNetwork() { return false; }

    /** The start (weights only) and the due steps; not the end, which has no gradients to show. */
    @Override public boolean accepts(WeightSnapshot s) { return s.kind() == WeightSnapshot.Kind.START || s.hasGradients(); }

    @Override public Result run(WeightSnapshot s, CompiledNetwork unused) {
        List<ParameterStats> out = new ArrayList<>();
        for (Map.Entry<String, float[]> e : s.weights().entrySet()) {
            float[] w = e.getValue(), g = s.gradients().get(e.getKey()), before = s.previous().get(e.getKey());
            double[] grads = g == null ? nan() : ParameterStats.percentiles(g, MAX_PERCENTILE_SAMPLE);
            double ratio = before != null && before.length == w.length ? ParameterStats.updateRatioLog10(before, w) : Double.NaN;
            out.add(new ParameterStats(e.getKey(), s.step(), ParameterStats.percentiles(w, MAX_PERCENTILE_SAMPLE), grads, ratio));
        }
        return new Result(s.step(), out);
    }

    private static double[] nan() {
        double[] d = new double[ParameterStats.PERCENTILES.length];
        Arrays.fill(d, Double.NaN);
        return d;
    }
}
