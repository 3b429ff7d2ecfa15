package org.layerlab.editor.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.ModelGraph;

/**
 * Where a layer inserted on a wire goes: between the wire's two cards in the direction of flow. When the gap between
 * them is too narrow, the wire's target and everything downstream of it move along to make room (as node editors'
 * "auto-offset" does), so the chain keeps its spacing instead of the new card landing beside it.
 */
public final class InsertRoom {
    private InsertRoom() {}

    /** The new card's corner and the layers to move (id → new corner); empty moves when there is room already. */
    public record Plan(Point at, Map<String, Point> moves) {}

    /** Gaps between cards along the flow are kept between these (in canvas pixels). */
    private static final double MIN_GAP = 40, MAX_GAP = 60;

    public static Plan plan(ModelGraph g, Edge wire, Map<String, Box> boxes, Orientation o, double width, double height, double grid) {
        Box from = boxes.get(wire.from()), to = boxes.get(wire.to());
        boolean lr = o == Orientation.LEFT_RIGHT;
        double fromEnd = lr ? from.x() + from.width() : from.y() + from.height();
        double toStart = lr ? to.x() : to.y();
        double size = lr ? width : height;
        double space = toStart - fromEnd;
        double gap = Math.max(MIN_GAP, Math.min(MAX_GAP, space));
        // Across the flow: the middle of the two cards' rows (columns), so a straight chain stays straight.
        double across = lr ? (from.y() + to.y()) / 2 : (from.x() + to.x()) / 2;
        double along;
        Map<String, Point> moves = new LinkedHashMap<>();
        if (space >= size + 2 * MIN_GAP) {
            along = (fromEnd + toStart) / 2 - size / 2;
        } else {
            along = fromEnd + gap;
            double shift = snapUp(along + size + gap - toStart, grid);
            for (String id : downstream(g, wire.to())) {
                Box b = boxes.get(id);
                if (b == null) continue;
                moves.put(id, lr ? new Point(b.x() + shift, b.y()) : new Point(b.x(), b.y() + shift));
            }
        }
        along = Math.round(along / grid) * grid;
        across = Math.round(across / grid) * grid;
        return new Plan(lr ? new Point(along, across) : new Point(across, along), moves);
    }

    private static double snapUp(double v, double grid) { return Math.ceil(v / grid) * grid; }

    /** {@code start} and every layer fed by it, directly or through others. */
    private static Set<String> downstream(ModelGraph g, String start) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.push(start);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (!seen.add(id)) continue;
            for (Edge e : g.outputsOf(id)) todo.push(e.to());
        }
        return seen;
    }
}
