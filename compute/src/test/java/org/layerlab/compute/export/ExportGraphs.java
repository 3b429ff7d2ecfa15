package org.layerlab.compute.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.layerlab.compute.catalog.InvalidParamException;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.graph.SequentialBuilder;
import org.layerlab.compute.layers.LayerTypes;
import org.layerlab.compute.nn.Activations;
import org.layerlab.compute.tensor.Tensor;

/** Small graphs that together use every layer type, every activation and the settings that change an export. */
final class ExportGraphs {
    private ExportGraphs() {}

    static Map<String, ModelGraph> all() {
        Map<String, ModelGraph> g = new LinkedHashMap<>();
        for (String act : Activations.CATALOG.ids()) {
            g.put("dense " + act, new SequentialBuilder().add("input", "shape", List.of(5)).add("dense", "units", 7, "activation", act)
                    .add("output", "units", 3).build());
            g.put("activation " + act, new SequentialBuilder().add("input", "shape", List.of(2, 3, 3)).add("activation", "activation", act)
                    .add("flatten").add("output", "units", 2).build());
        }
        g.put("dense without bias, dropout", new SequentialBuilder().add("input", "shape", List.of(4)).add("dense", "units", 6, "useBias", false)
                .add("dropout", "rate", 0.3).add("output", "units", 2, "loss", "mse").build());
        g.put("conv pools", new SequentialBuilder().add("input", "shape", List.of(2, 9, 9))
                .add("conv2d", "filters", 4, "kernel", 3, "stride", 2, "padding", "same", "activation", "relu")
                .add("maxpool2d", "pool", 2, "padding", "same")
                .add("conv2d", "filters", 3, "kernel", 2, "padding", "same", "useBias", false)
                .add("avgpool2d", "pool", 3, "stride", 2, "padding", "same")
                .add("flatten").add("output", "units", 3).build());
        g.put("conv valid dilated", new SequentialBuilder().add("input", "shape", List.of(1, 11, 10))
                .add("conv2d", "filters", 2, "kernel", 3, "dilation", 2, "activation", "tanh")
                .add("maxpool2d", "pool", 3, "stride", 2).add("avgpool2d", "pool", 2, "stride", 1)
                .add("globalavgpool2d").add("output", "units", 2).build());
        g.put("zero padding", new SequentialBuilder().add("input", "shape", List.of(2, 5, 4)).add("zeropad2d", "top", 2, "bottom", 0, "left", 1, "right", 3)
                .add("conv2d", "filters", 2, "kernel", 3, "stride", 2).add("flatten").add("output", "units", 2).build());
        g.put("batchnorm", new SequentialBuilder().add("input", "shape", List.of(3, 5, 5)).add("batchnorm")
                .add("conv2d", "filters", 2, "kernel", 3).add("flatten").add("batchnorm", "epsilon", 1e-3).add("output", "units", 2).build());
        g.put("layernorm reshape", new SequentialBuilder().add("input", "shape", List.of(12)).add("layernorm")
                .add("reshape", "shape", List.of(3, 2, 2)).add("layernorm", "epsilon", 1e-4).add("flatten").add("output", "units", 2).build());
        g.put("feature inputs", new SequentialBuilder().add("input", "shape", List.of(2))
                .add("features", "x1Squared", true, "x2Squared", true, "x1x2", true, "sinX1", true, "sinX2", true)
                .add("dense", "units", 4, "activation", "tanh").add("output", "units", 2).build());
        g.put("feature inputs without x1", new SequentialBuilder().add("input", "shape", List.of(2))
                .add("features", "x1", false, "x2Squared", true, "sinX1", true).add("output", "units", 3).build());
        g.put("residual add", branches("add", 0));
        g.put("concatenate channels", branches("concatenate", 0));
        g.put("concatenate last axis", branches("concatenate", -1));
        return g;
    }

    /** Input → conv → two branches (conv, identity-ish activation) merged by {@code merge} → flatten → output. */
    static ModelGraph branches(String merge, int axis) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(node("in", "input", "Image", Map.of("shape", List.of(2, 6, 6))));
        nodes.add(node("stem", "conv2d", "Stem", Map.of("filters", 3, "kernel", 3, "padding", "same", "activation", "relu")));
        nodes.add(node("left", "conv2d", "Left", Map.of("filters", 3, "kernel", 3, "padding", "same")));
        nodes.add(node("right", "activation", "Right", Map.of("activation", "sigmoid")));
        nodes.add(node("merge", merge, "Merge", merge.equals("add") ? Map.of() : Map.of("axis", axis)));
        nodes.add(node("flat", "flatten", "Flatten", Map.of()));
        nodes.add(node("out", "output", "Scores", Map.of("units", 4)));
        List<Edge> edges = List.of(new Edge("in", "stem", 0), new Edge("stem", "left", 0), new Edge("stem", "right", 0),
                new Edge("left", "merge", 0), new Edge("right", "merge", 1), new Edge("merge", "flat", 0), new Edge("flat", "out", 0));
        return ModelGraph.of(nodes, edges);
    }

    static Node node(String id, String type, String name, Map<String, ?> params) {
        try {
            return new Node(id, type, name, Params.of(LayerTypes.CATALOG.get(type).params(), params), nodesPlaced++ * 150, 40);
        } catch (InvalidParamException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static int nodesPlaced;

    /** The graph compiled with weights, and normalisation statistics and parameters drawn at random (as after training). */
    static TrainedModel trained(ModelGraph graph, long seed) {
        CompiledNetwork net = CompiledNetwork.compile(graph, seed);
        SplittableRandom rng = new SplittableRandom(seed);
        net.namedParameters().forEach((k, p) -> {
            if (k.endsWith("/gamma") || k.endsWith("/beta") || k.endsWith("/bias")) randomize(p.value(), rng, -0.5, 0.5);
        });
        net.namedBuffers().forEach((k, b) -> randomize(b, rng, k.endsWith("Var") ? 0.5 : -0.5, k.endsWith("Var") ? 1.5 : 0.5));
        return TrainedModel.of(net, List.of());
    }

    private static void randomize(Tensor t, SplittableRandom rng, double lo, double hi) {
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) d[i] = (float) (lo + (hi - lo) * rng.nextDouble());
    }
}
