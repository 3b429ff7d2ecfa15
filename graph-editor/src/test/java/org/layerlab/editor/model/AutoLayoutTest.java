package org.layerlab.editor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.editor.Graphs;

/** Layered auto-layout, without JavaFX. */
class AutoLayoutTest {
    private static final double W = 170, H = 80;

    private static Map<String, Point> lay(ModelGraph g, Orientation o) {
        return new AutoLayout(o, id -> W, id -> H).layout(g);
    }

    private static List<Box> boxes(Map<String, Point> at) {
        List<Box> b = new ArrayList<>();
        for (Point p : at.values()) b.add(new Box(p.x(), p.y(), W, H));
        return b;
    }

    private static void assertNoOverlap(Map<String, Point> at) {
        List<Box> b = boxes(at);
        for (int i = 0; i < b.size(); i++) for (int j = i + 1; j < b.size(); j++) assertFalse(b.get(i).overlaps(b.get(j)), b.get(i) + " overlaps " + b.get(j));
    }

    @Test
    void aChainBecomesAStraightRowOrColumnInDataFlowOrder() {
        Map<String, Point> lr = lay(Graphs.chain(), Orientation.LEFT_RIGHT);
        assertEquals(1, lr.values().stream().map(Point::y).distinct().count(), "one row");
        assertTrue(lr.get("input").x() < lr.get("hidden-1").x() && lr.get("hidden-1").x() < lr.get("hidden-2").x()
                && lr.get("hidden-2").x() < lr.get("output").x());
        Map<String, Point> td = lay(Graphs.chain(), Orientation.TOP_DOWN);
        assertEquals(1, td.values().stream().map(Point::x).distinct().count(), "one column");
        assertTrue(td.get("input").y() < td.get("output").y());
        assertNoOverlap(lr);
        assertNoOverlap(td);
    }

    @Test
    void branchesAndSkipConnectionsGetNoOverlapsInEitherDirection() {
        ModelGraph g = Graphs.branchy(40, 0);
        assertNoOverlap(lay(g, Orientation.LEFT_RIGHT));
        assertNoOverlap(lay(g, Orientation.TOP_DOWN));
    }

    @Test
    void aDiamondIsLaidOutWithoutCrossings() {
        // input → a, input → b, a → c, b → d: two parallel branches; a bad order would cross them.
        ModelGraph g = ModelGraph.of(List.of(
                Graphs.node("input", "input", "Input", 0, 0, Map.of()),
                Graphs.node("a", "dense", "A", 0, 0, Map.of()), Graphs.node("b", "dense", "B", 0, 0, Map.of()),
                Graphs.node("d", "dense", "D", 0, 0, Map.of()), Graphs.node("c", "dense", "C", 0, 0, Map.of())),
                List.of(new Edge("input", "a", 0), new Edge("input", "b", 0), new Edge("a", "c", 0), new Edge("b", "d", 0)));
        Map<String, Point> at = lay(g, Orientation.LEFT_RIGHT);
        assertEquals(at.get("a").y() < at.get("b").y(), at.get("c").y() < at.get("d").y(), "the branches keep their sides: " + at);
        assertNoOverlap(at);
    }

    @Test
    void disconnectedLayersAreStillPlacedApart() {
        ModelGraph g = ModelGraph.of(List.of(
                Graphs.node("i1", "input", "Input 1", 0, 0, Map.of()), Graphs.node("i2", "input", "Input 2", 0, 0, Map.of()),
                Graphs.node("x", "dense", "X", 0, 0, Map.of())), List.of());
        assertNoOverlap(lay(g, Orientation.LEFT_RIGHT));
    }

    @Test
    void theDirectionOfASavedLayoutIsRecognised() {
        ModelGraph g = Graphs.chain();
        assertEquals(Orientation.LEFT_RIGHT, Orientation.guess(g));
        ModelGraph td = g;
        for (var e : lay(g, Orientation.TOP_DOWN).entrySet()) td = td.replaceNode(td.node(e.getKey()).withPosition(e.getValue().x(), e.getValue().y()));
        assertEquals(Orientation.TOP_DOWN, Orientation.guess(td));
        assertEquals(Orientation.LEFT_RIGHT, Orientation.guess(ModelGraph.empty()));
    }
}
