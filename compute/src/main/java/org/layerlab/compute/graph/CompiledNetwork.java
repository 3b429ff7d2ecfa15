package org.layerlab.compute.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.layerlab.compute.autodiff.Var;
import org.layerlab.compute.layers.ForwardContext;
import org.layerlab.compute.layers.Module;
import org.layerlab.compute.layers.Parameter;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.tensor.Workspace;

/** A graph snapshot turned into modules with weights, in topological order; what the trainer runs. */
public final class CompiledNetwork {
    private record Step(Node node, Module module, List<String> inputs) {}

    private final ModelGraph graph;
    private final List<Step> steps;
    private final String inputId;
    private final String outputId;
    private final Shape inputShape;
    private final Shape outputShape;
    private final Workspace workspace = new Workspace();
    private final Workspace inference = new Workspace();

    private CompiledNetwork(ModelGraph graph, List<Step> steps, String inputId, String outputId, Shape in, Shape out) {
        this.graph = graph;
        this.steps = steps;
        this.inputId = inputId;
        this.outputId = outputId;
        this.inputShape = in;
        this.outputShape = out;
    }

    /** Compiles a valid graph with one input and one output; weights are drawn from {@code seed}. */
    public static CompiledNetwork compile(ModelGraph graph, long seed) {
        GraphAnalysis analysis = ShapeInference.analyze(graph);
        if (!analysis.valid()) throw new GraphException("the network has errors: " + String.join("; ", analysis.errors()));
        // Refuse before allocating: the weights of all layers together must fit (each alone was checked by inference).
        MemoryEstimate memory = MemoryEstimate.of(graph, analysis, 1, 0);
        String tooLarge = memory.compileRefusal(MemoryEstimate.available());
        if (tooLarge != null) throw new GraphException(tooLarge);
        List<Node> order = graph.topologicalOrder();
        List<Node> inputs = order.stream().filter(n -> graph.typeOf(n.id()).arity().max() == 0).toList();
        List<Node> outputs = order.stream().filter(n -> graph.outputsOf(n.id()).isEmpty()).toList();
        if (inputs.size() != 1) throw new GraphException("the network needs exactly one Input layer, has " + inputs.size());
        if (outputs.size() != 1) {
            throw new GraphException("the network needs exactly one output (a layer feeding nothing), has "
                    + outputs.size() + ": " + String.join(", ", outputs.stream().map(Node::name).toList()));
        }
        List<Step> steps = new ArrayList<>();
        for (Node n : order) {
            NodeInfo info = analysis.info(n.id());
            SplittableRandom rng = new SplittableRandom(mix(seed, n.id()));
            Module m = graph.typeOf(n.id()).build(info.inputShapes(), n.params(), rng);
            steps.add(new Step(n, m, graph.inputsOf(n.id()).stream().map(Edge::from).toList()));
        }
        return new CompiledNetwork(graph, List.copyOf(steps), inputs.get(0).id(), outputs.get(0).id(),
                analysis.info(inputs.get(0).id()).outputShape(), analysis.info(outputs.get(0).id()).outputShape());
    }

    /** Runs the network on a batch (leading batch axis) and returns the output on the tape. */
    public Var forward(Tensor x, ForwardContext ctx) {
        return forwardAll(x, ctx).get(outputId);
    }

    /** Runs the network and returns every node's output, keyed by node id in topological order (for inspection and the divergence guard). */
    public Map<String, Var> forwardAll(Tensor x, ForwardContext ctx) {
        if (!x.shape().dropFirst().equals(inputShape)) {
            throw new GraphException("the data has samples of shape " + x.shape().dropFirst() + " but the Input layer expects " + inputShape);
        }
        Map<String, Var> values = new LinkedHashMap<>();
        for (Step s : steps) {
            List<Var> in;
            if (s.node.id().equals(inputId)) in = List.of(Var.constant(x));
            else if (s.inputs.size() == 1) in = List.of(values.get(s.inputs.get(0)));
            else in = s.inputs.stream().map(values::get).toList();
            values.put(s.node.id(), s.module.forward(in, ctx));
        }
        return values;
    }

    /** Non-trainable state (BatchNorm running statistics) keyed "nodeId/name"; saved with the weights. */
    public Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (Step s : steps) for (Map.Entry<String, Tensor> e : s.module.buffers().entrySet()) m.put(s.node.id() + "/" + e.getKey(), e.getValue());
        return m;
    }

    /** The node that owns parameter or buffer key "nodeId/name". */
    public Node nodeOf(String key) { return graph.node(key.substring(0, key.lastIndexOf('/'))); }

    /** The id of the node whose output is the network's output. */
    public String outputId() { return outputId; }

    /**
     * Inference-mode output values (a new tensor the caller owns). Runs with no tape and, per batch size, the same
     * preallocated buffers call after call; only the output is copied out of them.
     */
    public Tensor predict(Tensor x) {
        try (Workspace.Scope reuse = inference.open()) {
            return Var.withoutTape(() -> forward(x, ForwardContext.inference()).value()).copy();
        }
    }

    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (Step s : steps) all.addAll(s.module.parameters());
        return all;
    }

    /** Parameters keyed "nodeId/name", in topological order; the key is what checkpoints and exports use. */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> m = new LinkedHashMap<>();
        for (Step s : steps) for (Parameter p : s.module.parameters()) m.put(s.node.id() + "/" + p.name(), p);
        return m;
    }

    /** The buffers training steps on this network reuse (see {@link Workspace}); the trainer opens it around each step. */
    public Workspace workspace() { return workspace; }

    /** The buffers inference on this network reuses ({@link #predict}, evaluation), apart from training's. */
    public Workspace inferenceWorkspace() { return inference; }

    public ModelGraph graph() { return graph; }
    public Shape inputShape() { return inputShape; }
    public Shape outputShape() { return outputShape; }

    /** Per-node seed so weights do not depend on the order nodes were added. */
    private static long mix(long seed, String id) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (char c : id.toCharArray()) h = (h ^ c) * 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 31);
    }
}
