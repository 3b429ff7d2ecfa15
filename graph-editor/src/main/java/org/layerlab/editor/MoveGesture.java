package org.layerlab.editor;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import org.layerlab.editor.command.GraphCommands;
import org.layerlab.editor.model.Point;

/**
 * Pressing a card selects it (Shift/Ctrl toggles); dragging moves the selection on the grid and becomes one undoable
 * move on release; clicking a wire selects it. A press meant to pan is handed to {@link SelectGesture}.
 */
final class MoveGesture {
    private final GraphEditor editor;
    private final Region pane;
    private final Group world;
    private final ModelViewSync view;
    private final SelectGesture background;
    private Point2D pressed;
    private Map<String, Point> dragStart = Map.of();
    private boolean dragged;

    MoveGesture(GraphEditor editor, Region pane, Group world, ModelViewSync view, SelectGesture background) {
        this.editor = editor;
        this.pane = pane;
        this.world = world;
        this.view = view;
        this.background = background;
    }

    void install(NodeCard card) {
        card.setOnMousePressed(e -> press(card, e));
        card.setOnMouseDragged(this::drag);
        card.setOnMouseReleased(e -> release(card, e));
    }

    void install(WireView wire) {
        wire.hit.setOnMousePressed(e -> pressWire(wire, e));
    }

    private void press(NodeCard card, MouseEvent e) {
        pane.requestFocus();
        if (background.pansFrom(e)) { background.press(e); return; }
        String id = card.node().id();
        if (e.isShiftDown() || e.isShortcutDown()) {
            if (!editor.selection().remove(id)) editor.selection().add(id);
        } else if (!editor.selection().contains(id)) {
            editor.selectOnly(id);
        }
        editor.selectedEdges().clear();
        pressed = world.sceneToLocal(e.getSceneX(), e.getSceneY());
        Map<String, Point> start = new LinkedHashMap<>();
        for (String s : editor.selection()) {
            NodeCard c = view.card(s);
            if (c != null) start.put(s, new Point(c.getLayoutX(), c.getLayoutY()));
        }
        dragStart = start;
        dragged = false;
        e.consume();
    }

    private void drag(MouseEvent e) {
        if (background.active()) { background.drag(e); return; }
        if (pressed == null) return;
        Point2D p = world.sceneToLocal(e.getSceneX(), e.getSceneY());
        double dx = p.getX() - pressed.getX(), dy = p.getY() - pressed.getY();
        if (!dragged && Math.hypot(dx, dy) < 3) return;
        dragged = true;
        for (Map.Entry<String, Point> s : dragStart.entrySet()) {
            NodeCard c = view.card(s.getKey());
            if (c != null) c.relocate(snap(Math.max(0, s.getValue().x() + dx)), snap(Math.max(0, s.getValue().y() + dy)));
        }
        e.consume();
    }

    private void release(NodeCard card, MouseEvent e) {
        if (background.active()) { background.release(e); return; }
        if (dragged) {
            Map<String, Point> to = new LinkedHashMap<>();
            for (String id : dragStart.keySet()) {
                NodeCard c = view.card(id);
                if (c != null) to.put(id, new Point(c.getLayoutX(), c.getLayoutY()));
            }
            var cmd = GraphCommands.move(editor.getGraph(), to, false);
            if (cmd != null) editor.execute(cmd);
        } else if (!e.isShiftDown() && !e.isShortcutDown() && editor.selection().size() > 1) {
            editor.selectOnly(card.node().id());
        }
        pressed = null;
        dragged = false;
        e.consume();
    }

    private double snap(double v) { return GraphCanvas.snap(editor, v); }

    private void pressWire(WireView w, MouseEvent e) {
        pane.requestFocus();
        if (!e.isShiftDown() && !e.isShortcutDown()) editor.clearSelection();
        editor.selectedEdges().add(w.edge);
        e.consume();
    }
}
