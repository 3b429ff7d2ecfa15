package org.layerlab.editor;

import java.util.Collection;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;
import org.layerlab.compute.graph.Edge;
import org.layerlab.editor.model.Box;
import org.layerlab.editor.model.Orientation;
import org.layerlab.editor.model.Point;
import org.layerlab.editor.model.Ports;
import org.layerlab.editor.model.WireLabelSpot;

/** One wire: a curve from an output port to an input port, labelled with the tensor shape it carries. */
final class WireView {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

    final Edge edge;
    final CubicCurve curve = new CubicCurve();
    /** A wide invisible copy of the curve, so a wire is easy to click. */
    final CubicCurve hit = new CubicCurve();
    final Label label = new Label();
    NodeCard from, to;
    Orientation orientation = Orientation.LEFT_RIGHT;
    private boolean selected, hasText;
    private Point a, c1, c2, b;

    WireView(Edge edge) {
        this.edge = edge;
        String id = edge.from() + "-" + edge.to() + "-" + edge.port();
        curve.setId("wire-" + id);
        curve.getStyleClass().add("wire");
        curve.setMouseTransparent(true);
        hit.getStyleClass().add("wire-hit");
        hit.setPickOnBounds(false);
        hit.setUserData(this);
        hit.setId("wire-hit-" + id);
        label.setId("wire-label-" + id);
        label.getStyleClass().add("wire-label");
        label.setMouseTransparent(true);
        setSelected(false);
    }

    void setText(String text) {
        label.setText(text == null ? "" : text);
        hasText = text != null;
        label.setVisible(hasText);
    }

    void setSelected(boolean s) {
        selected = s;
        curve.pseudoClassStateChanged(SELECTED, s);
    }

    boolean isSelected() { return selected; }

    /** Marks the wire as where a layer dragged from the palette would be inserted. */
    void setDropTarget(boolean on) { curve.pseudoClassStateChanged(DROP_TARGET, on); }

    /** Recomputes the curve from the two cards' current positions (the label is placed by {@link #placeLabel}). */
    void update() {
        if (from == null || to == null) return;
        a = from.outputPoint();
        b = to.inputPoint(edge.port());
        Point[] c = Ports.curve(orientation, a, b);
        c1 = c[0];
        c2 = c[1];
        for (CubicCurve k : new CubicCurve[] {curve, hit}) {
            k.setStartX(a.x());
            k.setStartY(a.y());
            k.setControlX1(c1.x());
            k.setControlY1(c1.y());
            k.setControlX2(c2.x());
            k.setControlY2(c2.y());
            k.setEndX(b.x());
            k.setEndY(b.y());
        }
    }

    /** Puts the label near the middle of the wire where it covers no card, or no card's title; else hides it. */
    void placeLabel(Collection<Box> cards, Collection<Box> titles) {
        if (a == null || !hasText) return;
        double w = label.prefWidth(-1), h = label.prefHeight(-1);
        // Only cards near the wire can be in the way (keeps a drag on a large graph cheap).
        double minX = Math.min(Math.min(a.x(), b.x()), Math.min(c1.x(), c2.x())) - w, maxX = Math.max(Math.max(a.x(), b.x()), Math.max(c1.x(), c2.x())) + w;
        double minY = Math.min(Math.min(a.y(), b.y()), Math.min(c1.y(), c2.y())) - h - 2, maxY = Math.max(Math.max(a.y(), b.y()), Math.max(c1.y(), c2.y())) + h + 2;
        Box near = new Box(minX, minY, maxX - minX, maxY - minY);
        Point spot = WireLabelSpot.choose(a, c1, c2, b, w, h, cards.stream().filter(near::overlaps).toList(), titles.stream().filter(near::overlaps).toList());
        label.setVisible(spot != null);
        if (spot != null) label.relocate(spot.x(), spot.y());
    }

    /** How far a graph point is from the wire. */
    double distance(double x, double y) {
        return a == null ? Double.MAX_VALUE : WireLabelSpot.distance(a, c1, c2, b, new Point(x, y));
    }
}
