package org.layerlab.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Point2D;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Region;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.layers.LayerType;
import org.layerlab.compute.layers.LayerTypes;
import org.layerlab.editor.command.AddNode;
import org.layerlab.editor.command.ChainEdits;
import org.layerlab.editor.command.Command;
import org.layerlab.editor.command.GraphCommands;
import org.layerlab.editor.model.Box;
import org.layerlab.editor.model.FreeSpot;
import org.layerlab.editor.model.InsertRoom;
import org.layerlab.editor.model.Orientation;
import org.layerlab.editor.model.Point;

/**
 * Adding layers from the palette: a drag dropped on the canvas, or a double-click (Enter) that adds in the middle of
 * the view. Dropped on a wire, the layer is inserted there (the wire under the pointer is marked while dragging);
 * either way the new card goes to the nearest spot where it covers no other card.
 */
final class PaletteDrop {
    static final String DRAG_PREFIX = "layerlab-layer:";
    /** How near (in screen pixels) the pointer must be to a wire to drop on it. */
    private static final double WIRE_REACH = 12;
    /** The space kept free around a new card. */
    private static final double GAP = GraphCanvas.GRID / 2;

    private final GraphEditor editor;
    private final Region pane;
    private final CanvasViewport viewport;
    private final ModelViewSync view;
    private final ObservableValue<Orientation> orientation;
    private WireView target;

    PaletteDrop(GraphEditor editor, Region pane, CanvasViewport viewport, ModelViewSync view, ObservableValue<Orientation> orientation) {
        this.editor = editor;
        this.orientation = orientation;
        this.pane = pane;
        this.viewport = viewport;
        this.view = view;
        pane.setOnDragOver(this::dragOver);
        pane.setOnDragExited(e -> mark(null));
        pane.setOnDragDropped(this::dragDropped);
    }

    private static LayerType carried(DragEvent e) {
        if (!e.getDragboard().hasString() || !e.getDragboard().getString().startsWith(DRAG_PREFIX)) return null;
        return LayerTypes.CATALOG.find(e.getDragboard().getString().substring(DRAG_PREFIX.length())).orElse(null);
    }

    private Point2D graphPoint(DragEvent e) {
        Point2D local = pane.sceneToLocal(e.getSceneX(), e.getSceneY());
        return viewport.toGraph(local.getX(), local.getY());
    }

    /** The wire a layer of {@code type} dropped at {@code p} would be inserted on, or null. */
    private WireView wireFor(LayerType type, Point2D p) {
        if (type.arity().max() < 1) return null;
        return view.wireAt(p, WIRE_REACH / viewport.zoom().getX());
    }

    private void dragOver(DragEvent e) {
        LayerType type = carried(e);
        if (type != null) {
            e.acceptTransferModes(TransferMode.COPY);
            mark(wireFor(type, graphPoint(e)));
        }
        e.consume();
    }

    private void mark(WireView w) {
        if (target == w) return;
        if (target != null) target.setDropTarget(false);
        target = w;
        if (w != null) w.setDropTarget(true);
    }

    private void dragDropped(DragEvent e) {
        LayerType type = carried(e);
        mark(null);
        if (type != null) {
            Point2D p = graphPoint(e);
            WireView wire = wireFor(type, p);
            double x = p.getX() - NodeCard.WIDTH / 2, y = p.getY() - 20;
            if (wire == null || !insert(type, wire.edge)) add(type, x, y);
        }
        e.setDropCompleted(type != null);
        e.consume();
    }

    /** Adds a layer of the given type in the middle of the visible area (or the nearest free spot). */
    void addAtCentre(LayerType type) {
        Point2D c = viewport.visibleCentre();
        add(type, c.getX() - NodeCard.WIDTH / 2, c.getY() - 40);
    }

    private void add(LayerType type, double x, double y) {
        ModelGraph g = editor.getGraph();
        Point at = freeSpot(GraphCommands.add(g, type, 0, 0), x, y);
        AddNode add = GraphCommands.add(g, type, editor.newLayerParams(type), at.x(), at.y());
        finish(add, add.node().id());
    }

    /**
     * Puts the layer on the wire, between its two cards, moving the layers downstream along when the gap is too
     * narrow; false when it cannot sit there (the caller then just adds it).
     */
    private boolean insert(LayerType type, Edge wire) {
        ModelGraph g = editor.getGraph();
        if (ChainEdits.insertOnWire(g, type, wire, 0, 0) == null) return false;
        AddNode probe = GraphCommands.add(g, type, 0, 0);
        ModelGraph with = probe.execute(g).withoutEdge(wire).withEdge(new Edge(wire.from(), probe.node().id(), 0));
        double height = view.heightOf(with, probe.node());
        Map<String, Box> boxes = view.boxes();
        InsertRoom.Plan plan = InsertRoom.plan(g, wire, boxes, orientation.getValue(), NodeCard.WIDTH, height, GraphCanvas.GRID);
        // Whatever the plan leaves in the way (a side branch) still never ends up under the new card.
        List<Box> taken = new ArrayList<>();
        boxes.forEach((id, b) -> {
            Point moved = plan.moves().get(id);
            taken.add(moved == null ? b : new Box(moved.x(), moved.y(), b.width(), b.height()));
        });
        Point at = FreeSpot.near(new Box(plan.at().x(), plan.at().y(), NodeCard.WIDTH, height), taken, GraphCanvas.GRID, GAP);
        ChainEdits.Insertion insert = ChainEdits.insertOnWire(g, type, editor.newLayerParams(type), wire, at.x(), at.y(), plan.moves());
        if (insert == null) return false;
        finish(insert.command(), insert.nodeId());
        return true;
    }

    /** The nearest spot to (x, y), on the grid, where the new layer's card covers no other card. */
    private Point freeSpot(AddNode add, double x, double y) {
        double height = view.heightOf(add.execute(editor.getGraph()), add.node());
        List<Box> taken = new ArrayList<>(view.boxes().values());
        Box wanted = new Box(snap(Math.max(0, x)), snap(Math.max(0, y)), NodeCard.WIDTH, height);
        return FreeSpot.near(wanted, taken, editor.isSnapToGrid() ? GraphCanvas.GRID : GraphCanvas.GRID / 2, GAP);
    }

    private void finish(Command cmd, String id) {
        if (!editor.execute(cmd)) return;
        editor.selectOnly(id);
        pane.requestFocus();
    }

    private double snap(double v) { return GraphCanvas.snap(editor, v); }
}
