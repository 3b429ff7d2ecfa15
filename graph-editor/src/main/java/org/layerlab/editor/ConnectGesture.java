package org.layerlab.editor;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.CubicCurve;
import org.layerlab.compute.graph.Edge;
import org.layerlab.editor.command.GraphCommands;
import org.layerlab.editor.command.GraphCommands.RefusedException;
import org.layerlab.editor.model.Orientation;
import org.layerlab.editor.model.Point;
import org.layerlab.editor.model.Ports;

/**
 * Drawing a wire: from an output port forwards, or from an input port backwards. A live curve follows the pointer,
 * the port under it turns green or red, the reason a drop would be refused shows at the pointer, and releasing on a
 * card connects (one undoable step) or flashes why not.
 */
final class ConnectGesture {
    private final GraphEditor editor;
    private final Region pane;
    private final Group world;
    private final ModelViewSync view;
    private final CanvasOverlays overlays;
    private final ObservableValue<Orientation> orientation;
    private final CubicCurve pendingWire = new CubicCurve();
    private WireDrag wiring;
    private NodeCard wireTarget;

    /** A wire being drawn: from {@code anchor}'s output (port -1), or backwards from its input {@code port}. */
    private record WireDrag(NodeCard anchor, int port) {
        boolean forward() { return port < 0; }
    }

    /** The wire the pointer proposes: an edge (or null), its target card and port for highlighting. */
    private record Proposal(Edge edge, NodeCard other, int port) {}

    ConnectGesture(GraphEditor editor, Region pane, Group world, ModelViewSync view, CanvasOverlays overlays, ObservableValue<Orientation> orientation) {
        this.editor = editor;
        this.pane = pane;
        this.world = world;
        this.view = view;
        this.overlays = overlays;
        this.orientation = orientation;
        pendingWire.getStyleClass().add("pending-wire");
        pendingWire.setMouseTransparent(true);
        pendingWire.setVisible(false);
        pendingWire.setId("pending-wire");
    }

    /** The live curve, drawn in graph coordinates above the cards. */
    CubicCurve pendingWire() { return pendingWire; }

    void install(NodeCard card) {
        Circle out = card.outputPort();
        out.setOnMousePressed(e -> start(card, -1, e));
        out.setOnMouseDragged(this::drag);
        out.setOnMouseReleased(this::end);
        for (int i = 0; i < card.inputPorts().size(); i++) {
            int port = i;
            Circle in = card.inputPorts().get(i);
            in.setOnMousePressed(e -> start(card, port, e));
            in.setOnMouseDragged(this::drag);
            in.setOnMouseReleased(this::end);
        }
    }

    private void start(NodeCard anchor, int port, MouseEvent e) {
        pane.requestFocus();
        wiring = new WireDrag(anchor, port);
        drag(e);
        pendingWire.setVisible(true);
        e.consume();
    }

    private Proposal propose(Point2D p, boolean includeSelf) {
        NodeCard other = view.cardAt(p, includeSelf ? null : wiring.anchor().node().id());
        if (other == null) return new Proposal(null, null, -1);
        if (wiring.forward()) {
            int port = other.inputCount() == 0 ? 0 : portNear(other, p);
            return new Proposal(new Edge(wiring.anchor().node().id(), other.node().id(), port), other, port);
        }
        return new Proposal(new Edge(other.node().id(), wiring.anchor().node().id(), wiring.port()), other, -1);
    }

    private void drag(MouseEvent e) {
        if (wiring == null) return;
        Point2D p = world.sceneToLocal(e.getSceneX(), e.getSceneY());
        Proposal prop = propose(p, false);
        clearHighlight();
        wireTarget = prop.other();
        Point cursor = new Point(p.getX(), p.getY());
        Point a, b;
        String problem = prop.edge() == null ? null : editor.getGraph().connectionProblem(prop.edge());
        if (wiring.forward()) {
            a = wiring.anchor().outputPoint();
            b = prop.other() != null && prop.port() >= 0 && prop.other().inputCount() > 0 ? prop.other().inputPoint(prop.port()) : cursor;
            if (prop.other() != null) prop.other().highlightInput(prop.port(), problem == null);
        } else {
            a = prop.other() != null ? prop.other().outputPoint() : cursor;
            b = wiring.anchor().inputPoint(wiring.port());
            if (prop.other() != null) prop.other().highlightOutput(problem == null);
        }
        // The reason a drop here would be refused, shown while the pointer is on the spot.
        Point2D local = pane.sceneToLocal(e.getSceneX(), e.getSceneY());
        if (problem != null) overlays.show(capitalise(problem), local.getX(), local.getY());
        else overlays.hide();
        Point[] c = Ports.curve(orientation.getValue(), a, b);
        pendingWire.setStartX(a.x());
        pendingWire.setStartY(a.y());
        pendingWire.setControlX1(c[0].x());
        pendingWire.setControlY1(c[0].y());
        pendingWire.setControlX2(c[1].x());
        pendingWire.setControlY2(c[1].y());
        pendingWire.setEndX(b.x());
        pendingWire.setEndY(b.y());
        e.consume();
    }

    private void clearHighlight() {
        if (wireTarget != null) {
            wireTarget.highlightInput(-1, null);
            wireTarget.highlightOutput(null);
        }
        wireTarget = null;
    }

    private void end(MouseEvent e) {
        if (wiring == null) return;
        pendingWire.setVisible(false);
        overlays.hide();
        clearHighlight();
        Point2D p = world.sceneToLocal(e.getSceneX(), e.getSceneY());
        Proposal prop = propose(p, true);
        wiring = null;
        e.consume();
        if (prop.edge() == null) return;
        Edge edge = prop.edge();
        try {
            editor.execute(GraphCommands.connect(editor.getGraph(), edge.from(), edge.to(), Math.max(0, edge.port())));
        } catch (RefusedException ex) {
            Point2D local = pane.sceneToLocal(e.getSceneX(), e.getSceneY());
            editor.refuse(ex.getMessage());
            overlays.flash(ex.getMessage(), local.getX(), local.getY());
        }
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The input port of a card nearest to a point: the free one when dropped on the card's body of a one-input layer. */
    private int portNear(NodeCard c, Point2D p) {
        if (c.inputCount() == 0) return 0;
        int best = 0;
        double bestD = Double.MAX_VALUE;
        for (int i = 0; i < c.inputCount(); i++) {
            Point q = c.inputPoint(i);
            double d = Math.hypot(q.x() - p.getX(), q.y() - p.getY());
            if (d < bestD) { bestD = d; best = i; }
        }
        // Dropped on the body rather than near a port: take the first free port.
        if (bestD > 24) best = Math.min(c.inputCount() - 1, GraphCommands.firstFreePort(editor.getGraph(), c.node().id()));
        return best;
    }
}
