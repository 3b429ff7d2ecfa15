package org.layerlab.compute.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of shape inference over a whole graph: per-node information and graph-level problems.
 * Computed by {@link ShapeInference}; pure data.
 */
public record GraphAnalysis(Map<String, NodeInfo> nodes, List<String> graphErrors) {
    public NodeInfo info(String id) { return nodes.get(id); }

    /** Every problem: the graph's own, then each invalid node's message (already naming the node). */
    public List<String> errors() {
        List<String> all = new ArrayList<>(graphErrors);
        for (NodeInfo n : nodes.values()) if (!n.valid()) all.add(n.error());
        return all;
    }

    public boolean valid() { return errors().isEmpty(); }

    public long totalParameters() { return nodes.values().stream().mapToLong(NodeInfo::parameterCount).sum(); }

    public long totalFlops() { return nodes.values().stream().mapToLong(NodeInfo::flops).sum(); }

    static GraphAnalysis of(LinkedHashMap<String, NodeInfo> nodes, List<String> graphErrors) {
        return new GraphAnalysis(java.util.Collections.unmodifiableMap(nodes), List.copyOf(graphErrors));
    }
}
