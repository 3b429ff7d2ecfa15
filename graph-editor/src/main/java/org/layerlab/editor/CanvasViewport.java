package org.layerlab.editor;

import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.geometry.Point2D;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import org.layerlab.editor.model.Box;

/**
 * What part of the graph the canvas shows: one pan and one zoom transform on the content, zooming about a point,
 * fitting the whole graph, and converting between pane and graph coordinates.
 */
final class CanvasViewport {
    static final double MIN_ZOOM = 0.2, MAX_ZOOM = 3;

    private final Region pane;
    private final Supplier<Map<String, Box>> boxes;
    /** The height of what floats over the top of the canvas (its toolbar), kept clear when fitting. */
    private final DoubleSupplier topInset;
    private final Translate pan = new Translate();
    private final Scale zoom = new Scale(1, 1, 0, 0);
    private final ReadOnlyDoubleWrapper zoomLevel;
    private boolean fitPending = true;
    /**
     * The view is the fit made for a pane of this size and the user has not zoomed or panned since: when the pane
     * changes size (a panel collapses, the window or the canvas/charts divider moves) the graph is fitted again.
     */
    private boolean followsFit;
    private double fittedWidth, fittedHeight;

    CanvasViewport(Region pane, Supplier<Map<String, Box>> boxes, DoubleSupplier topInset) {
        this.pane = pane;
        this.boxes = boxes;
        this.topInset = topInset;
        this.zoomLevel = new ReadOnlyDoubleWrapper(pane, "zoom", 1);
    }

    Translate pan() { return pan; }
    Scale zoom() { return zoom; }

    ReadOnlyDoubleProperty zoomProperty() { return zoomLevel.getReadOnlyProperty(); }

    /** Zooms by a factor keeping the pane point (x, y) still. */
    void zoomBy(double factor, double x, double y) {
        followsFit = false;
        double s = zoom.getX(), next = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, s * factor));
        double px = (x - pan.getX()) / s, py = (y - pan.getY()) / s;
        setView(next, x - next * px, y - next * py);
    }

    void zoomIn() { zoomBy(1.25, pane.getWidth() / 2, pane.getHeight() / 2); }
    void zoomOut() { zoomBy(1 / 1.25, pane.getWidth() / 2, pane.getHeight() / 2); }
    void actualSize() { zoomBy(1 / zoom.getX(), pane.getWidth() / 2, pane.getHeight() / 2); }

    /** Shows the whole graph, at most at 100 %. */
    void fitToWindow() {
        double width = pane.getWidth(), height = pane.getHeight();
        if (width <= 0 || height <= 0) { fitWhenShown(); return; }
        fitPending = false;
        followsFit = true;
        fittedWidth = width;
        fittedHeight = height;
        Map<String, Box> b = boxes.get();
        if (b.isEmpty()) { setView(1, 0, 0); return; }
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (Box x : b.values()) {
            minX = Math.min(minX, x.x()); minY = Math.min(minY, x.y());
            maxX = Math.max(maxX, x.x() + x.width()); maxY = Math.max(maxY, x.y() + x.height());
        }
        double margin = 24, top = topInset.getAsDouble();
        double availW = width - 2 * margin, availH = height - 2 * margin - top;
        double s = Math.max(MIN_ZOOM, Math.min(1, Math.min(availW / (maxX - minX), availH / (maxY - minY))));
        double tx = (width - s * (maxX - minX)) / 2 - s * minX;
        double ty = top + (height - top - s * (maxY - minY)) / 2 - s * minY;
        setView(s, tx, ty);
    }

    /** Fits the graph as soon as the pane has a size (a newly opened document). */
    void fitWhenShown() {
        fitPending = true;
        pane.requestLayout();
    }

    /** Called from the pane's layout: makes a fit that waited for a size, or follows a new size while the view is a fit. */
    void layout() {
        boolean resized = followsFit && (pane.getWidth() != fittedWidth || pane.getHeight() != fittedHeight);
        if ((fitPending || resized) && pane.getWidth() > 0 && pane.getHeight() > 0) fitToWindow();
    }

    /** Whether the view is still the fit (no zoom or pan since), so it follows the pane's size. */
    boolean followsFit() { return followsFit; }

    private void setView(double s, double tx, double ty) {
        zoom.setX(s);
        zoom.setY(s);
        pan.setX(tx);
        pan.setY(ty);
        zoomLevel.set(s);
    }

    void panBy(double dx, double dy) {
        followsFit = false;
        setView(zoom.getX(), pan.getX() + dx, pan.getY() + dy);
    }

    /** The graph point (unzoomed graph coordinates) under a point of the pane. */
    Point2D toGraph(double x, double y) {
        return new Point2D((x - pan.getX()) / zoom.getX(), (y - pan.getY()) / zoom.getY());
    }

    /** The graph point at the middle of the visible area. */
    Point2D visibleCentre() { return toGraph(pane.getWidth() / 2, pane.getHeight() / 2); }
}
