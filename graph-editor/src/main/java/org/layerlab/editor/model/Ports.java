package org.layerlab.editor.model;

import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.ModelGraph;
import java.util.List;
import org.layerlab.compute.layers.Arity;

/**
 * Where a layer's ports are. A single-input layer has one input port; a merge layer shows one port per wire plus
 * one free port (at least its minimum, at most its maximum), so there is always somewhere to drop another wire.
 */
public final class Ports {
    private Ports() {}

    public static int inputCount(ModelGraph g, String id) {
        return inputCount(g.typeOf(id).arity(), g.inputsOf(id));
    }

    /** How many input ports a layer of this arity shows, given the wires already going into it. */
    public static int inputCount(Arity a, List<Edge> inputs) {
        if (a.max() <= 1) return Math.max(0, a.max());
        int highest = -1;
        for (Edge e : inputs) highest = Math.max(highest, e.port());
        return (int) Math.min(a.max(), Math.max(a.min(), highest + 2L));
    }

    /** Input port {@code i} of {@code count} on a box, in the same coordinates as the box. */
    public static Point input(Orientation o, Box b, int i, int count) {
        double f = (i + 1.0) / (count + 1.0);
        return o == Orientation.LEFT_RIGHT ? new Point(b.x(), b.y() + b.height() * f) : new Point(b.x() + b.width() * f, b.y());
    }

    public static Point output(Orientation o, Box b) {
        return o == Orientation.LEFT_RIGHT ? new Point(b.x() + b.width(), b.y() + b.height() / 2) : new Point(b.x() + b.width() / 2, b.y() + b.height());
    }

    /** Control points of the wire's cubic curve from {@code a} (an output) to {@code b} (an input). */
    public static Point[] curve(Orientation o, Point a, Point b) {
        double bend = o == Orientation.LEFT_RIGHT ? Math.max(40, Math.abs(b.x() - a.x()) / 2) : Math.max(40, Math.abs(b.y() - a.y()) / 2);
        return o == Orientation.LEFT_RIGHT
                ? new Point[] {new Point(a.x() + bend, a.y()), new Point(b.x() - bend, b.y())}
                : new Point[] {new Point(a.x(), a.y() + bend), new Point(b.x(), b.y() - bend)};
    }
}
