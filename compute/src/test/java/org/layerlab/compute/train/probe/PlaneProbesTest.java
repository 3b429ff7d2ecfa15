package org.layerlab.compute.train.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.SequentialBuilder;
import org.layerlab.compute.nn.Losses;
import org.layerlab.compute.tensor.Tensor;

/** The decision grid and neuron maps are the network's own outputs at the cells' centres. */
class PlaneProbesTest {
    private static ModelGraph spiralNet() {
        return new SequentialBuilder().add("input", "shape", List.of(2))
                .add("dense", "units", 8, "activation", "tanh")
                .add("dense", "units", 5, "activation", "relu")
                .add("output", "units", 3).build();
    }

    private static WeightSnapshot of(CompiledNetwork net) {
        return new WeightSnapshot(WeightSnapshot.Kind.START, 0, 0, false, 0, WeightSnapshot.copyWeights(net), null, null,
                WeightSnapshot.copyBuffers(net));
    }

    @Test
    void theDecisionGridHoldsTheNetworksOwnPredictionsAtTheCellCentres() {
        CompiledNetwork trained = CompiledNetwork.compile(spiralNet(), 7);
        CompiledNetwork copy = CompiledNetwork.compile(spiralNet(), 99); // other weights until the snapshot is loaded
        PlaneGrid grid = new PlaneGrid(-4, 6, -5, 5, 100);
        DecisionProbe probe = new DecisionProbe(grid, Losses.SOFTMAX_CROSS_ENTROPY, List.of("a", "b", "c"), 10);
        WeightSnapshot s = of(trained);
        s.loadInto(copy);
        DecisionProbe.Result r = probe.run(s, copy);
        assertEquals(3, r.channels());
        assertEquals(grid.cells() * 3, r.values().length, "the whole 100×100 grid at once");
        int[][] cells = {{0, 0}, {0, 99}, {99, 0}, {57, 13}, {50, 50}};
        for (int[] rc : cells) {
            double x = -4 + (rc[1] + 0.5) * 10 / 100.0, y = 5 - (rc[0] + 0.5) * 10 / 100.0;
            Tensor out = trained.predict(Tensor.of(new float[] {(float) x, (float) y}, 1, 2));
            double max = Math.max(out.get(0), Math.max(out.get(1), out.get(2)));
            double sum = 0;
            for (int k = 0; k < 3; k++) sum += Math.exp(out.get(k) - max);
            int best = 0;
            for (int k = 0; k < 3; k++) {
                assertEquals(Math.exp(out.get(k) - max) / sum, r.value(rc[0], rc[1], k), 1e-5, "class " + k + " at " + x + ", " + y);
                if (out.get(k) > out.get(best)) best = k;
            }
            assertEquals(best, r.predictedClass(rc[0], rc[1]));
        }
    }

    @Test
    void aRegressionGridHoldsThePredictedValues() {
        ModelGraph g = new SequentialBuilder().add("input", "shape", List.of(2)).add("dense", "units", 4, "activation", "tanh")
                .add("output", "units", 1, "loss", "mse").build();
        CompiledNetwork net = CompiledNetwork.compile(g, 3);
        PlaneGrid grid = new PlaneGrid(-1, 1, -1, 1, 10);
        DecisionProbe.Result r = new DecisionProbe(grid, Losses.MEAN_SQUARED_ERROR, List.of(), 10).run(of(net), net);
        Tensor out = net.predict(Tensor.of(new float[] {(float) grid.x(3), (float) grid.y(7)}, 1, 2));
        assertEquals(out.get(0), r.value(7, 3, 0), 1e-6);
    }

    @Test
    void neuronMapsCoverTheDenseLayersThatThePlaneFeedsWithTheirActivations() {
        ModelGraph g = spiralNet();
        List<String> layers = NeuronMapProbe.mappedLayers(g);
        assertEquals(List.of("dense-1", "dense-2"), layers, "both hidden Dense layers; not the Output head");
        CompiledNetwork net = CompiledNetwork.compile(g, 5);
        PlaneGrid grid = new PlaneGrid(-5, 5, -5, 5, 20);
        NeuronMapProbe.Result r = new NeuronMapProbe(grid, g, layers, 10).run(of(net), net);
        assertEquals(2, r.layers().size());
        NeuronMapProbe.LayerMaps first = r.layers().get(0);
        assertEquals(8, first.units());
        Map<String, org.layerlab.compute.autodiff.Var> all = net.forwardAll(Tensor.of(new float[] {(float) grid.x(4), (float) grid.y(11)}, 1, 2),
                org.layerlab.compute.layers.ForwardContext.inference());
        for (int u = 0; u < 8; u++) assertEquals(all.get("dense-1").value().get(u), first.neuron(u, grid.cells())[11 * 20 + 4], 1e-6);
        assertTrue(NeuronMapProbe.mappedLayers(new SequentialBuilder().add("input", "shape", List.of(3)).add("dense", "units", 4)
                .add("output", "units", 2).build()).isEmpty(), "no plane, no maps");
    }

    @Test
    void theGridSpansThePointsWithAMarginAndTheSameScaleOnBothAxes() {
        PlaneGrid g = PlaneGrid.around(50, new float[] {-2, 0, 2, 1}, new float[] {0, -1});
        assertEquals(g.xMax() - g.xMin(), g.yMax() - g.yMin(), 1e-9);
        assertTrue(g.xMin() < -2 && g.xMax() > 2 && g.yMin() < -1 && g.yMax() > 1);
        assertEquals(0, (g.xMin() + g.xMax()) / 2, 1e-9);
    }
}
