package org.layerlab.compute.graph;

import java.util.LinkedHashMap;
import java.util.Map;
import org.layerlab.compute.catalog.InvalidParamException;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.layers.LayerType;
import org.layerlab.compute.layers.LayerTypes;

/** Builds a chain of layers in code (tests, benchmarks, the CLI): each layer feeds the next. */
public final class SequentialBuilder {
    private ModelGraph graph = ModelGraph.empty();
    private String last;
    private double x;

    /** Appends a layer of catalog type {@code type}; {@code params} alternate name, value. */
    public SequentialBuilder add(String type, Object... params) {
        LayerType t = LayerTypes.CATALOG.get(type);
        Map<String, Object> given = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) given.put((String) params[i], params[i + 1]);
        Params p;
        try {
            p = Params.of(t.params(), given);
        } catch (InvalidParamException e) {
            throw new IllegalArgumentException(t.displayName() + ": " + e.getMessage(), e);
        }
        String id = graph.freshId(type);
        graph = graph.withNode(new Node(id, type, graph.freshName(t.displayName()), p, x, 0));
        x += 200;
        if (last != null) graph = graph.withEdge(new Edge(last, id, 0));
        last = id;
        return this;
    }

    public ModelGraph build() { return graph; }
}
