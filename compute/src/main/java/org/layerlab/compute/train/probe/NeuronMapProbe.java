package org.layerlab.compute.train.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.graph.ShapeInference;
import org.layerlab.compute.layers.DenseLayer;
import org.layerlab.compute.layers.ForwardContext;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.tensor.Workspace;

/** Each neuron's activation over the input plane, for the Dense layers a 2-D input feeds; the grid as one batch. */
public final class NeuronMapProbe implements Probe<NeuronMapProbe.Result> {
    /** One layer's maps: {@code units} values per cell, cell after cell. */
    public record LayerMaps(String nodeId, String name, int units, float[] values) {
        /** Neuron {@code unit}'s activation at every cell, in cell order. */
        public float[] neuron(int unit, int cells) {
            float[] m = new float[cells];
            for (int i = 0; i < cells; i++) m[i] = values[i * units + unit];
            return m;
        }
    }

    /** Every mapped layer's activations at one step. */
    public record Result(long step, int epoch, PlaneGrid grid, List<LayerMaps> layers) {
        public Result { layers = List.copyOf(layers); }
    }

    /** Layers wider than this are not mapped (the panel would be a wall of tiny squares). */
    public static final int MAX_UNITS = 64;

    private final PlaneGrid grid;
    private final List<String> nodes;
    private final Map<String, String> names;
    private final Cadence cadence;
    private final Tensor points;

    public NeuronMapProbe(PlaneGrid grid, ModelGraph graph, List<String> nodes, double hz) {
        this.grid = grid;
        this.nodes = List.copyOf(nodes);
        this.names = new java.util.LinkedHashMap<>();
        for (String id : nodes) names.put(id, graph.node(id).name());
        this.cadence = Cadence.perSecond(hz);
        this.points = grid.points();
    }

    /**
     * The Dense layers of {@code graph} that an Input of two numbers feeds, through any path, in topological order,
     * at most {@link #MAX_UNITS} wide.
     */
    public static List<String> mappedLayers(ModelGraph graph) {
        var analysis = ShapeInference.analyze(graph);
        List<Node> order = graph.topologicalOrder();
        List<String> planeInputs = order.stream()
                .filter(n -> n.type().equals(org.layerlab.compute.layers.InputLayer.ID) && analysis.info(n.id()) != null
                        && analysis.info(n.id()).outputShape() != null && PlaneGrid.applies(analysis.info(n.id()).outputShape()))
                .map(Node::id).toList();
        List<String> out = new ArrayList<>();
        for (Node n : order) {
            if (!n.type().equals(DenseLayer.ID)) continue;
            var info = analysis.info(n.id());
            if (info == null || info.outputShape() == null || info.outputShape().size() > MAX_UNITS) continue;
            if (planeInputs.stream().anyMatch(in -> graph.reaches(in, n.id()))) out.add(n.id());
        }
        return out;
    }

    public List<String> layers() { return nodes; }

    @Override public Cadence cadence() { return cadence; }

    @Override public Result run(WeightSnapshot s, CompiledNetwork network) {
        List<LayerMaps> layers = new ArrayList<>();
        try (Workspace.Scope reuse = network.inferenceWorkspace().open()) {
            Map<String, Var> all = Var.withoutTape(() -> network.forwardAll(points, ForwardContext.inference()));
            for (String id : nodes) {
                Tensor t = all.get(id).value();
                layers.add(new LayerMaps(id, names.get(id), t.size() / grid.cells(), t.data().clone()));
            }
        }
        return new Result(s.step(), s.epoch(), grid, layers);
    }
}
