package org.layerlab.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import org.layerlab.compute.graph.Node;
import org.layerlab.editor.command.GraphCommands;
import org.layerlab.editor.model.Box;
import org.layerlab.editor.model.Point;

/**
 * Gestures on the empty canvas and the keyboard: a rubber band selects, the middle button (or Space + drag) pans,
 * Ctrl+wheel zooms and the wheel scrolls; Escape, Tab and the arrow keys select, walk and move layers.
 */
final class SelectGesture {
    private final GraphEditor editor;
    private final Region pane;
    private final CanvasViewport viewport;
    private final ModelViewSync view;
    private final Rectangle band = new Rectangle();
    private Point2D pressed;
    private boolean panning, banding, spaceDown;

    SelectGesture(GraphEditor editor, Region pane, CanvasViewport viewport, ModelViewSync view) {
        this.editor = editor;
        this.pane = pane;
        this.viewport = viewport;
        this.view = view;
        band.setManaged(false);
        band.setVisible(false);
        band.setMouseTransparent(true);
        band.setId("selection-band");
        band.getStyleClass().add("selection-band");
        pane.setOnMousePressed(this::press);
        pane.setOnMouseDragged(this::drag);
        pane.setOnMouseReleased(this::release);
        pane.setOnScroll(this::scroll);
        pane.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        pane.addEventHandler(KeyEvent.KEY_RELEASED, e -> { if (e.getCode() == KeyCode.SPACE) spaceDown = false; });
    }

    /** The rubber band, drawn in pane coordinates over the content. */
    Rectangle band() { return band; }

    /** Whether a press starting on a card should pan the view instead (middle button, or Space held). */
    boolean pansFrom(MouseEvent e) { return e.getButton() == MouseButton.MIDDLE || spaceDown; }

    /** Whether a pan or band gesture is under way (a card's drag and release are then this gesture's). */
    boolean active() { return pressed != null; }

    void press(MouseEvent e) {
        pane.requestFocus();
        pressed = pane.sceneToLocal(e.getSceneX(), e.getSceneY());
        panning = e.getButton() == MouseButton.MIDDLE || (e.getButton() == MouseButton.PRIMARY && spaceDown);
        banding = !panning && e.getButton() == MouseButton.PRIMARY;
        if (banding && !e.isShiftDown() && !e.isShortcutDown()) editor.clearSelection();
        if (banding) {
            band.setX(pressed.getX());
            band.setY(pressed.getY());
            band.setWidth(0);
            band.setHeight(0);
        }
        e.consume();
    }

    void drag(MouseEvent e) {
        if (pressed == null) return;
        Point2D p = pane.sceneToLocal(e.getSceneX(), e.getSceneY());
        if (panning) {
            viewport.panBy(p.getX() - pressed.getX(), p.getY() - pressed.getY());
            pressed = p;
        } else if (banding) {
            band.setVisible(true);
            band.setX(Math.min(p.getX(), pressed.getX()));
            band.setY(Math.min(p.getY(), pressed.getY()));
            band.setWidth(Math.abs(p.getX() - pressed.getX()));
            band.setHeight(Math.abs(p.getY() - pressed.getY()));
        }
        e.consume();
    }

    void release(MouseEvent e) {
        if (banding && band.isVisible()) {
            Point2D a = viewport.toGraph(band.getX(), band.getY()), b = viewport.toGraph(band.getX() + band.getWidth(), band.getY() + band.getHeight());
            Box area = new Box(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY());
            List<String> hit = new ArrayList<>();
            for (NodeCard c : view.cards()) if (c.box().overlaps(area)) hit.add(c.node().id());
            editor.selection().addAll(hit);
        }
        band.setVisible(false);
        panning = banding = false;
        pressed = null;
        e.consume();
    }

    private void scroll(ScrollEvent e) {
        if (e.isControlDown() || e.isShortcutDown()) {
            // Only the sign: wheels, touchpads and Monocle's robot report very different deltas.
            Point2D p = pane.sceneToLocal(e.getSceneX(), e.getSceneY());
            if (e.getDeltaY() != 0) viewport.zoomBy(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1, p.getX(), p.getY());
        } else {
            viewport.panBy(e.getDeltaX(), e.getDeltaY());
        }
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        KeyCode k = e.getCode();
        if (k == KeyCode.SPACE) { spaceDown = true; e.consume(); return; }
        if (k == KeyCode.ESCAPE) { editor.clearSelection(); e.consume(); return; }
        if (k == KeyCode.TAB && !e.isControlDown()) {
            if (editor.selectNext(e.isShiftDown() ? -1 : 1)) e.consume();
            return;
        }
        double step = e.isAltDown() ? 1 : GraphCanvas.GRID;
        double dx = k == KeyCode.LEFT ? -step : k == KeyCode.RIGHT ? step : 0, dy = k == KeyCode.UP ? -step : k == KeyCode.DOWN ? step : 0;
        if (dx == 0 && dy == 0) return;
        if (e.isShiftDown()) {
            viewport.panBy(-dx * 2, -dy * 2);
        } else if (!editor.selection().isEmpty()) {
            Map<String, Point> to = new LinkedHashMap<>();
            for (String id : editor.selection()) {
                Node n = editor.getGraph().node(id);
                to.put(id, new Point(Math.max(0, n.x() + dx), Math.max(0, n.y() + dy)));
            }
            var cmd = GraphCommands.move(editor.getGraph(), to, true);
            if (cmd != null) editor.execute(cmd);
        }
        e.consume();
    }
}
