package org.layerlab.editor.model;

import java.util.HashSet;
import java.util.Map;
import java.util.stream.Collectors;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;

/** Whether two graphs describe the same network for training: layers, settings and wires; positions and names do not count. */
public final class NetworkComparison {
    private NetworkComparison() {}

    public static boolean sameNetwork(ModelGraph a, ModelGraph b) {
        if (a == b) return true;
        Map<String, Node> na = a.nodes().stream().collect(Collectors.toMap(Node::id, n -> n));
        Map<String, Node> nb = b.nodes().stream().collect(Collectors.toMap(Node::id, n -> n));
        if (!na.keySet().equals(nb.keySet())) return false;
        for (Map.Entry<String, Node> e : na.entrySet()) {
            Node x = e.getValue(), y = nb.get(e.getKey());
            if (!x.type().equals(y.type()) || !x.params().equals(y.params())) return false;
        }
        return new HashSet<>(a.edges()).equals(new HashSet<>(b.edges()));
    }
}
