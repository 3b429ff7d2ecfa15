package org.layerlab.compute.train.probe;

import java.util.ArrayList;
import java.util.List;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.graph.ShapeInference;
import org.layerlab.compute.layers.DenseLayer;
import org.layerlab.compute.layers.OutputLayer;

/**
 * The weights on the wires of a small chain of Dense layers (ending in the Output head), for the neuron-level view:
 * each layer's kernel from the latest snapshot and the last gradient of the loss the probe has seen (a pause's or an
 * edit's snapshot has none, so the step's before it is kept). Needs no network: it only copies out of the snapshot.
 */
public final class WiresProbe implements Probe<WiresProbe.Result> {
    /** Layers wider than this (in inputs or units) are not drawn as neurons. */
    public static final int MAX_UNITS = 64;

    /** One layer's wires: kernel {@code inputs × units}, row-major (weight from input i to unit j at i·units + j). */
    public record Layer(String nodeId, String name, int inputs, int units, float[] weights, float[] gradient) {
        /** The parameter key of the kernel, as the trainer names it. */
        public String key() { return nodeId + "/kernel"; }
    }

    /** Every layer of the chain at one step; {@code gradientStep} is the step the gradients come from (0: none yet). */
    public record Result(long step, int epoch, WeightSnapshot.Kind kind, long gradientStep, List<Layer> layers) {
        public Result { layers = List.copyOf(layers); }
    }

    private final List<Node> chain;
    private final List<int[]> sizes;
    private final Cadence cadence;
    /** The last gradients seen and their step (only the pool task running this probe touches them). */
    private java.util.Map<String, float[]> lastGradients = java.util.Map.of();
    private long gradientStep;

    /** @param graph a graph for which {@link #chain} is not empty */
    public WiresProbe(ModelGraph graph, double hz) {
        this.chain = chain(graph);
        if (chain.isEmpty()) throw new IllegalArgumentException("the network is not a small chain of Dense layers");
        var analysis = ShapeInference.analyze(graph);
        this.sizes = chain.stream().map(n -> new int[] {analysis.info(n.id()).inputShapes().get(0).size(),
                analysis.info(n.id()).outputShape().size()}).toList();
        // every step it can (at most every 50 ms): the gradient shown is that of the last step, also one taken by Step
        this.cadence = Cadence.steps(1).withMinGap(Math.max(Cadence.DEFAULT_MIN_GAP_NANOS, (long) (1e9 / hz)));
    }

    /**
     * The Dense layers and the Output head of {@code graph} when they form one chain, each fed straight by the one
     * before (the first by whatever precedes it, such as the Input or Feature inputs), every one at most
     * {@link #MAX_UNITS} wide in inputs and units; otherwise empty.
     */
    public static List<Node> chain(ModelGraph graph) {
        var analysis = ShapeInference.analyze(graph);
        if (!analysis.valid()) return List.of();
        List<Node> out = new ArrayList<>();
        for (Node n : graph.topologicalOrder()) {
            if (!n.type().equals(DenseLayer.ID) && !n.type().equals(OutputLayer.ID)) continue;
            var info = analysis.info(n.id());
            List<Edge> in = graph.inputsOf(n.id());
            if (info == null || info.outputShape() == null || in.size() != 1) return List.of();
            if (info.inputShapes().get(0).size() > MAX_UNITS || info.outputShape().size() > MAX_UNITS) return List.of();
            if (!out.isEmpty() && !in.get(0).from().equals(out.get(out.size() - 1).id())) return List.of();
            out.add(n);
        }
        return out.isEmpty() || !out.get(out.size() - 1).type().equals(OutputLayer.ID) ? List.of() : out;
    }

    @Override public Cadence cadence() { return cadence; }
    @Override public boolean needsNetwork() { return false; }

    @Override public Result run(WeightSnapshot s, org.layerlab.compute.graph.CompiledNetwork network) {
        if (s.hasGradients()) {
            lastGradients = s.gradients();
            gradientStep = s.step();
        } else if (s.kind() == WeightSnapshot.Kind.START) {
            lastGradients = java.util.Map.of();
            gradientStep = 0;
        }
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            Node n = chain.get(i);
            String key = n.id() + "/kernel";
            float[] w = s.weights().get(key);
            if (w == null) return null;
            layers.add(new Layer(n.id(), n.name(), sizes.get(i)[0], sizes.get(i)[1], w, lastGradients.get(key)));
        }
        return new Result(s.step(), s.epoch(), s.kind(), gradientStep, layers);
    }
}
