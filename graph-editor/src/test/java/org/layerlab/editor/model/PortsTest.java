package org.layerlab.editor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.layers.Arity;

/** Port counts and positions, without JavaFX. */
class PortsTest {
    @Test
    void aMergeLayerAlwaysOffersOneFreePortUpToItsMaximum() {
        assertEquals(2, Ports.inputCount(Arity.MANY, List.of()), "at least its minimum");
        assertEquals(2, Ports.inputCount(Arity.MANY, List.of(new Edge("a", "add", 0))));
        assertEquals(3, Ports.inputCount(Arity.MANY, List.of(new Edge("a", "add", 0), new Edge("b", "add", 1))));
        assertEquals(5, Ports.inputCount(Arity.MANY, List.of(new Edge("a", "add", 3))), "a gap below a high port stays droppable");
        assertEquals(3, Ports.inputCount(new Arity(2, 3), List.of(new Edge("a", "x", 0), new Edge("b", "x", 1), new Edge("c", "x", 2))));
        assertEquals(1, Ports.inputCount(Arity.ONE, List.of()));
        assertEquals(0, Ports.inputCount(Arity.NONE, List.of()));
    }

    @Test
    void inputPortsAreSpreadAlongTheIncomingSideAndTheOutputSitsOpposite() {
        Box b = new Box(100, 50, 170, 80);
        assertNear(new Point(100, 50 + 80 / 3.0), Ports.input(Orientation.LEFT_RIGHT, b, 0, 2));
        assertNear(new Point(100, 50 + 160 / 3.0), Ports.input(Orientation.LEFT_RIGHT, b, 1, 2));
        assertEquals(new Point(270, 90), Ports.output(Orientation.LEFT_RIGHT, b));
        assertEquals(new Point(185, 50), Ports.input(Orientation.TOP_DOWN, b, 0, 1));
        assertEquals(new Point(185, 130), Ports.output(Orientation.TOP_DOWN, b));
    }

    private static void assertNear(Point expected, Point actual) {
        assertEquals(expected.x(), actual.x(), 1e-9);
        assertEquals(expected.y(), actual.y(), 1e-9);
    }
}
