package org.layerlab.editor;

import java.util.HashSet;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Region;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.layers.LayerType;
import org.layerlab.compute.layers.LayerTypes;
import org.layerlab.editor.command.GraphCommands;

/** Adding layers from the palette: a drag dropped on the canvas, or a double-click (Enter) that adds in the middle. */
final class PaletteDrop {
    static final String DRAG_PREFIX = "layerlab-layer:";

    private final GraphEditor editor;
    private final Region pane;
    private final CanvasViewport viewport;

    PaletteDrop(GraphEditor editor, Region pane, CanvasViewport viewport) {
        this.editor = editor;
        this.pane = pane;
        this.viewport = viewport;
        pane.setOnDragOver(this::dragOver);
        pane.setOnDragDropped(this::dragDropped);
    }

    private static boolean carriesLayer(DragEvent e) {
        return e.getDragboard().hasString() && e.getDragboard().getString().startsWith(DRAG_PREFIX);
    }

    private void dragOver(DragEvent e) {
        if (carriesLayer(e)) e.acceptTransferModes(TransferMode.COPY);
        e.consume();
    }

    private void dragDropped(DragEvent e) {
        boolean done = false;
        if (carriesLayer(e)) {
            LayerType type = LayerTypes.CATALOG.find(e.getDragboard().getString().substring(DRAG_PREFIX.length())).orElse(null);
            if (type != null) {
                Point2D local = pane.sceneToLocal(e.getSceneX(), e.getSceneY());
                Point2D p = viewport.toGraph(local.getX(), local.getY());
                addAt(type, p.getX() - NodeCard.WIDTH / 2, p.getY() - 20);
                done = true;
            }
        }
        e.setDropCompleted(done);
        e.consume();
    }

    /** Adds a layer of the given type in the middle of the visible area. */
    void addAtCentre(LayerType type) {
        Point2D c = viewport.visibleCentre();
        double x = c.getX() - NodeCard.WIDTH / 2, y = c.getY() - 40;
        // Avoid stacking several new layers exactly on top of each other.
        Set<String> taken = new HashSet<>();
        for (Node n : editor.getGraph().nodes()) taken.add(snap(n.x()) + "," + snap(n.y()));
        while (taken.contains(snap(x) + "," + snap(y))) { x += GraphCanvas.GRID * 2; y += GraphCanvas.GRID * 2; }
        addAt(type, x, y);
    }

    private void addAt(LayerType type, double x, double y) {
        var cmd = GraphCommands.add(editor.getGraph(), type, snap(Math.max(0, x)), snap(Math.max(0, y)));
        editor.execute(cmd);
        editor.selectOnly(cmd.node().id());
        pane.requestFocus();
    }

    private double snap(double v) { return GraphCanvas.snap(editor, v); }
}
