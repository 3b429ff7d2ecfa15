package org.layerlab.editor;

import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import org.layerlab.compute.layers.LayerType;
import org.layerlab.editor.model.Box;
import org.layerlab.editor.model.Orientation;

/**
 * The network canvas: a card per layer, a labelled curve per wire, zoom and pan, selection, moving, wiring and
 * dropping layers from the palette. This pane only assembles the parts, each with one job: {@link ModelViewSync}
 * (document → cards and wires), {@link CanvasViewport} (pan, zoom, fit), the gestures {@link SelectGesture},
 * {@link MoveGesture}, {@link ConnectGesture} and {@link PaletteDrop}, and {@link CanvasOverlays} (banner, messages).
 */
public final class GraphCanvas extends Pane {
    public static final double GRID = 20;
    static final String DRAG_PREFIX = PaletteDrop.DRAG_PREFIX;

    private final ObjectProperty<Orientation> orientation = new SimpleObjectProperty<>(this, "orientation", Orientation.LEFT_RIGHT);
    private final ModelViewSync view;
    private final CanvasViewport viewport;
    private final CanvasOverlays overlays;
    private final PaletteDrop drop;
    private final Group world = new Group();
    private Region toolbar;

    GraphCanvas(GraphEditor editor, NodeSkinFactory skins) {
        getStyleClass().add("graph-canvas");
        setId("graph-canvas");
        setFocusTraversable(true);
        setMinSize(0, 0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        getStylesheets().addAll(EditorSheets.CANVAS, CategoryStyle.styleSheet());

        view = new ModelViewSync(editor, skins, orientation, this);
        viewport = new CanvasViewport(this, view::boxes, () -> toolbar == null ? 0 : toolbar.prefHeight(-1) + 8);
        overlays = new CanvasOverlays(editor, this);
        SelectGesture select = new SelectGesture(editor, this, viewport, view);
        MoveGesture move = new MoveGesture(editor, this, world, view, select);
        ConnectGesture connect = new ConnectGesture(editor, this, world, view, overlays, orientation);
        drop = new PaletteDrop(editor, this, viewport, view, orientation);
        view.onNewCard(card -> { move.install(card); connect.install(card); });
        view.onNewWire(move::install);

        Group content = new Group(world);
        content.getTransforms().setAll(viewport.pan(), viewport.zoom());
        world.getChildren().addAll(view.wireLayer(), view.cardLayer(), view.labelLayer(), connect.pendingWire());
        getChildren().addAll(content, select.band(), overlays.banner(), overlays.notice(), overlays.message());
        view.sync();
    }

    void setToolbar(Region bar) {
        if (toolbar != null) getChildren().remove(toolbar);
        toolbar = bar;
        bar.setManaged(false);
        getChildren().add(bar);
    }

    @Override protected void layoutChildren() {
        view.syncIfDirty();
        super.layoutChildren();
        if (toolbar != null) {
            toolbar.autosize();
            toolbar.relocate(getWidth() - toolbar.getWidth() - 8, 8);
        }
        view.placeLabels();
        overlays.layout();
        viewport.layout();
    }

    /** A coordinate on the grid when snapping is on. */
    static double snap(GraphEditor editor, double v) {
        return editor.isSnapToGrid() ? Math.round(v / GRID) * GRID : v;
    }

    // ---------------------------------------------------------------- the document as shown

    /** Brings the view in line with the model now. */
    void sync() { view.sync(); }

    NodeCard card(String id) { return view.card(id); }

    /** Every layer's rectangle as shown, for exports and auto-layout. */
    public Map<String, Box> boxes() { return view.boxes(); }

    Group world() { return world; }

    public ObjectProperty<Orientation> orientationProperty() { return orientation; }

    // ---------------------------------------------------------------- zoom and pan

    public ReadOnlyDoubleProperty zoomProperty() { return viewport.zoomProperty(); }

    /** Zooms by a factor keeping the canvas point (x, y) still. */
    public void zoomBy(double factor, double x, double y) { viewport.zoomBy(factor, x, y); }
    public void zoomIn() { viewport.zoomIn(); }
    public void zoomOut() { viewport.zoomOut(); }
    public void actualSize() { viewport.actualSize(); }

    /** Shows the whole graph, at most at 100 %. */
    public void fitToWindow() { viewport.fitToWindow(); }

    /** Fits the graph as soon as the canvas has a size (a newly opened document). */
    void fitWhenShown() { viewport.fitWhenShown(); }

    public void panBy(double dx, double dy) { viewport.panBy(dx, dy); }

    /** The canvas point (unzoomed graph coordinates) under a point of this pane. */
    Point2D toGraph(double x, double y) { return viewport.toGraph(x, y); }

    /** The graph point at the middle of the visible area. */
    Point2D visibleCentre() { return viewport.visibleCentre(); }

    // ---------------------------------------------------------------- messages and adding layers

    /** Shows a short message near a point of this pane for a few seconds, e.g. why a wire was refused. */
    void flash(String text, double x, double y) { overlays.flash(text, x, y); }

    Label message() { return overlays.message(); }

    /** Says what an edit did on the user's behalf, with a button that takes it back another way. */
    void offer(String text, String action, String tip, Runnable onAction) { overlays.offer(text, action, tip, onAction); }

    void hideNotice() { overlays.hideNotice(); }

    /** Adds a layer of the given type in the middle of the visible area. */
    public void addLayerAtCentre(LayerType type) { drop.addAtCentre(type); }
}
