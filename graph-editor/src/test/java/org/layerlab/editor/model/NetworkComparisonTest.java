package org.layerlab.editor.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.editor.Graphs;

/** What counts as "the canvas differs from the model being trained", without JavaFX. */
class NetworkComparisonTest {
    private final ModelGraph g = Graphs.chain();

    @Test
    void movesAndRenamesDoNotChangeTheNetwork() {
        ModelGraph moved = g.replaceNode(g.node("output").withPosition(10, 10).withName("Logits"));
        assertTrue(NetworkComparison.sameNetwork(g, moved));
    }

    @Test
    void settingsWiresAndLayersDo() throws Exception {
        assertFalse(NetworkComparison.sameNetwork(g, g.withoutEdge(new Edge("hidden-1", "hidden-2", 0))));
        assertFalse(NetworkComparison.sameNetwork(g, g.withoutNode("output")));
        var n = g.node("hidden-1");
        assertFalse(NetworkComparison.sameNetwork(g, g.replaceNode(n.withParams(n.params().with("units", 25)))));
    }
}
