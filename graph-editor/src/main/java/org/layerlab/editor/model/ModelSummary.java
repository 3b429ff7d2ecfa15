package org.layerlab.editor.model;

import java.util.ArrayList;
import java.util.List;
import org.layerlab.compute.graph.GraphAnalysis;
import org.layerlab.compute.graph.GraphException;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.graph.NodeInfo;

/** The rows of a Keras-style {@code model.summary()}: one per layer in data-flow order, with totals. */
public record ModelSummary(List<Row> rows, long totalParameters, long totalFlops, int errors) {

    /** One layer: its name, kind, output shape (or "error"), trainable parameters and forward FLOPs per sample. */
    public record Row(String id, String name, String type, String outputShape, long parameters, long flops, String error) {}

    public static ModelSummary of(ModelGraph g, GraphAnalysis a) {
        List<Node> order;
        try {
            order = g.topologicalOrder();
        } catch (GraphException e) {
            order = g.nodes();
        }
        List<Row> rows = new ArrayList<>();
        long params = 0, flops = 0;
        int errors = 0;
        for (Node n : order) {
            NodeInfo info = a.info(n.id());
            String type = g.typeOf(n.id()).displayName();
            if (info != null && info.valid()) {
                rows.add(new Row(n.id(), n.name(), type, info.outputShape().toString(), info.parameterCount(), info.flops(), null));
                params += info.parameterCount();
                flops += info.flops();
            } else {
                rows.add(new Row(n.id(), n.name(), type, NodeText.TEXT.get("summary.error"), 0, 0, info == null ? NodeText.TEXT.get("notAnalysed") : info.error()));
                errors++;
            }
        }
        return new ModelSummary(List.copyOf(rows), params, flops, errors);
    }
}
