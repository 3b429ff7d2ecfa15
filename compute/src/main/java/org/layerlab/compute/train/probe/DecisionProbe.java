package org.layerlab.compute.train.probe;

import java.util.List;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.nn.Loss;
import org.layerlab.compute.tensor.Tensor;

/**
 * The network's output over the input plane: the whole grid as one batch, at most {@code hz} times a second. For a
 * classification run each cell holds the class probabilities; for a regression run the predicted values.
 */
public final class DecisionProbe implements Probe<DecisionProbe.Result> {
    /**
     * The output at every cell of {@code grid}: {@code channels} values per cell, cell after cell — class
     * probabilities ({@code classification}, one per class in {@code classNames}) or predicted values.
     */
    public record Result(long step, int epoch, PlaneGrid grid, boolean classification, List<String> classNames, int channels,
                         float[] values) {
        public Result { classNames = List.copyOf(classNames); }

        /** The value of {@code channel} at cell (row, column). */
        public float value(int row, int column, int channel) { return values[(row * grid.resolution() + column) * channels + channel]; }

        /** The most likely class at a cell (classification). */
        public int predictedClass(int row, int column) {
            int best = 0;
            for (int k = 1; k < channels; k++) if (value(row, column, k) > value(row, column, best)) best = k;
            return best;
        }
    }

    private final PlaneGrid grid;
    private final Loss loss;
    private final List<String> classNames;
    private final Cadence cadence;
    private final Tensor points;

    public DecisionProbe(PlaneGrid grid, Loss loss, List<String> classNames, double hz) {
        this.grid = grid;
        this.loss = loss;
        this.classNames = List.copyOf(classNames);
        this.cadence = Cadence.perSecond(hz);
        this.points = grid.points();
    }

    @Override public Cadence cadence() { return cadence; }

    @Override public Result run(WeightSnapshot s, CompiledNetwork network) {
        Tensor out = network.predict(points);
        if (loss.classification()) {
            float[] p = loss.classProbabilities(out);
            return new Result(s.step(), s.epoch(), grid, true, classNames, p.length / grid.cells(), p);
        }
        return new Result(s.step(), s.epoch(), grid, false, List.of(), out.size() / grid.cells(), out.data());
    }
}
