package org.layerlab.editor;

import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;
import org.layerlab.compute.graph.Edge;
import org.layerlab.editor.model.Orientation;
import org.layerlab.editor.model.Point;
import org.layerlab.editor.model.Ports;

/** One wire: a curve from an output port to an input port, labelled with the tensor shape it carries. */
final class WireView {
    final Edge edge;
    final CubicCurve curve = new CubicCurve();
    /** A wide invisible copy of the curve, so a wire is easy to click. */
    final CubicCurve hit = new CubicCurve();
    final Label label = new Label();
    NodeCard from, to;
    Orientation orientation = Orientation.LEFT_RIGHT;
    private boolean selected;

    WireView(Edge edge) {
        this.edge = edge;
        String id = edge.from() + "-" + edge.to() + "-" + edge.port();
        curve.setId("wire-" + id);
        curve.getStyleClass().add("wire");
        curve.setMouseTransparent(true);
        hit.setStyle("-fx-fill: transparent; -fx-stroke: transparent; -fx-stroke-width: 12;");
        hit.setPickOnBounds(false);
        hit.setUserData(this);
        hit.setId("wire-hit-" + id);
        label.setId("wire-label-" + id);
        label.getStyleClass().add("wire-label");
        label.setStyle("-fx-text-fill: #374151; -fx-font-size: 11px; -fx-background-color: rgba(248,250,252,0.9); -fx-padding: 0 3 0 3;");
        label.setMouseTransparent(true);
        setSelected(false);
    }

    void setText(String text) {
        label.setText(text == null ? "" : text);
        label.setVisible(text != null);
    }

    void setSelected(boolean s) {
        selected = s;
        curve.setStyle("-fx-fill: transparent; -fx-stroke: " + (s ? "#2563eb" : "#6b7280") + "; -fx-stroke-width: " + (s ? 3 : 2) + ";");
    }

    boolean isSelected() { return selected; }

    /** Recomputes the curve from the two cards' current positions. */
    void update() {
        if (from == null || to == null) return;
        Point a = from.outputPoint(), b = to.inputPoint(edge.port());
        Point[] c = Ports.curve(orientation, a, b);
        for (CubicCurve k : new CubicCurve[] {curve, hit}) {
            k.setStartX(a.x());
            k.setStartY(a.y());
            k.setControlX1(c[0].x());
            k.setControlY1(c[0].y());
            k.setControlX2(c[1].x());
            k.setControlY2(c[1].y());
            k.setEndX(b.x());
            k.setEndY(b.y());
        }
        double w = label.prefWidth(-1), h = label.prefHeight(-1);
        // The midpoint of a symmetric cubic is the average of its four points weighted 1:3:3:1.
        double mx = (a.x() + 3 * c[0].x() + 3 * c[1].x() + b.x()) / 8, my = (a.y() + 3 * c[0].y() + 3 * c[1].y() + b.y()) / 8;
        label.relocate(mx - w / 2, my - h - 2);
    }
}
