package org.layerlab.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.util.Duration;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.GraphAnalysis;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.graph.NodeInfo;
import org.layerlab.compute.layers.LayerType;
import org.layerlab.compute.layers.LayerTypes;
import org.layerlab.editor.command.GraphCommands;
import org.layerlab.editor.command.GraphCommands.RefusedException;
import org.layerlab.editor.model.Box;
import org.layerlab.editor.model.Orientation;
import org.layerlab.editor.model.Point;
import org.layerlab.editor.model.Ports;

/**
 * The network canvas and its controller: a card per layer, a labelled curve per wire, zoom and pan, selection,
 * moving, wiring and dropping layers from the palette. Model changes are applied to the view at most once per
 * pulse, and only cards whose contents changed are rebuilt.
 */
public final class GraphCanvas extends Pane {
    public static final double GRID = 20;
    static final String DRAG_PREFIX = "layerlab-layer:";
    private static final double MIN_ZOOM = 0.2, MAX_ZOOM = 3;

    private final GraphEditor editor;
    private final NodeSkinFactory skins;
    private final Group world = new Group();
    private final Group content = new Group(world);
    private final Group wireLayer = new Group(), labelLayer = new Group(), cardLayer = new Group();
    private final Translate pan = new Translate();
    private final Scale zoom = new Scale(1, 1, 0, 0);
    private final ReadOnlyDoubleWrapper zoomLevel = new ReadOnlyDoubleWrapper(this, "zoom", 1);
    private final ObjectProperty<Orientation> orientation = new SimpleObjectProperty<>(this, "orientation", Orientation.LEFT_RIGHT);
    private final Map<String, NodeCard> cards = new HashMap<>();
    private final Map<Edge, WireView> wires = new HashMap<>();
    private final Rectangle band = new Rectangle();
    private final CubicCurve pendingWire = new CubicCurve();
    private final Label message = new Label();
    private final Label banner = new Label("Edited since the run started — the run trains the earlier model; your edits apply to the next run");
    private final PauseTransition messageTimer = new PauseTransition(Duration.seconds(4));
    private Region toolbar;

    private final Runnable pulseSync = this::syncIfDirty;
    private boolean dirty = true, fitPending = true, spaceDown;
    private Point2D pressCanvas, pressContent;
    private Map<String, Point> dragStart = Map.of();
    private boolean dragged, panning, banding;
    private NodeCard wireTarget;

    GraphCanvas(GraphEditor editor, NodeSkinFactory skins) {
        this.editor = editor;
        this.skins = skins;
        getStyleClass().add("graph-canvas");
        setId("graph-canvas");
        setFocusTraversable(true);
        setMinSize(0, 0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        content.getTransforms().setAll(pan, zoom);
        pendingWire.setStyle("-fx-fill: transparent; -fx-stroke: #2563eb; -fx-stroke-width: 2; -fx-stroke-dash-array: 6 4;");
        pendingWire.setMouseTransparent(true);
        pendingWire.setVisible(false);
        pendingWire.setId("pending-wire");
        world.getChildren().addAll(wireLayer, cardLayer, labelLayer, pendingWire);
        band.setManaged(false);
        band.setVisible(false);
        band.setMouseTransparent(true);
        band.setId("selection-band");
        band.setStyle("-fx-fill: rgba(37,99,235,0.08); -fx-stroke: #2563eb; -fx-stroke-dash-array: 4 3;");
        message.setId("connection-message");
        message.setManaged(false);
        message.setVisible(false);
        message.setMouseTransparent(true);
        message.setWrapText(true);
        message.setMaxWidth(340);
        message.setStyle("-fx-background-color: #991b1b; -fx-text-fill: white; -fx-background-radius: 5; -fx-padding: 5 9 5 9; -fx-font-size: 12px;"
                + "-fx-effect: dropshadow(gaussian, rgba(0,0,0,0.3), 6, 0, 0, 2);");
        messageTimer.setOnFinished(e -> message.setVisible(false));
        banner.setId("canvas-training-banner");
        banner.setManaged(false);
        banner.setMouseTransparent(true);
        banner.setStyle("-fx-background-color: #fef3c7; -fx-text-fill: #92400e; -fx-border-color: #f59e0b; -fx-border-radius: 4; -fx-background-radius: 4;"
                + "-fx-padding: 3 8 3 8; -fx-font-size: 12px;");
        banner.visibleProperty().bind(editor.canvasDiffersFromTraining());
        banner.visibleProperty().addListener((o, a, b) -> setStyle(b ? "-fx-border-color: #f59e0b; -fx-border-width: 3;" : ""));
        getChildren().addAll(content, band, banner, message);

        editor.graphProperty().addListener((o, a, b) -> invalidate());
        editor.cardIssues().addListener((javafx.collections.MapChangeListener<String, CardIssue>) c -> invalidate());
        editor.selection().addListener((javafx.collections.SetChangeListener<String>) c -> {
            NodeCard card = cards.get(c.wasAdded() ? c.getElementAdded() : c.getElementRemoved());
            if (card != null) card.setSelected(c.wasAdded());
        });
        editor.selectedEdges().addListener((javafx.collections.SetChangeListener<Edge>) c -> {
            WireView w = wires.get(c.wasAdded() ? c.getElementAdded() : c.getElementRemoved());
            if (w != null) w.setSelected(c.wasAdded());
        });
        orientation.addListener((o, a, b) -> invalidate());
        sceneProperty().addListener((o, old, s) -> {
            if (old != null) old.removePreLayoutPulseListener(pulseSync);
            if (s != null) s.addPreLayoutPulseListener(pulseSync);
        });

        setOnMousePressed(this::pressCanvas);
        setOnMouseDragged(this::dragCanvas);
        setOnMouseReleased(this::releaseCanvas);
        setOnScroll(this::scroll);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        addEventHandler(KeyEvent.KEY_RELEASED, e -> { if (e.getCode() == KeyCode.SPACE) spaceDown = false; });
        setOnDragOver(this::dragOver);
        setOnDragDropped(this::dragDropped);
        sync();
    }

    void setToolbar(Region bar) {
        if (toolbar != null) getChildren().remove(toolbar);
        toolbar = bar;
        bar.setManaged(false);
        getChildren().add(bar);
    }

    // ---------------------------------------------------------------- controller: model → view

    /** Notes that the model changed; the view catches up once, before the next pulse's layout. */
    private void invalidate() {
        if (dirty) return;
        dirty = true;
        Platform.runLater(this::syncIfDirty);
        Platform.requestNextPulse();
    }

    private void syncIfDirty() {
        if (dirty) sync();
    }

    /** Brings the view in line with the model now: rebuilds only cards whose contents changed, moves the others. */
    void sync() {
        dirty = false;
        ModelGraph g = editor.getGraph();
        GraphAnalysis a = editor.analysis();
        Orientation o = orientation.get();
        Set<String> present = new HashSet<>();
        for (Node n : g.nodes()) {
            present.add(n.id());
            NodeInfo info = a.info(n.id());
            int ports = Ports.inputCount(g, n.id());
            NodeCard card = cards.get(n.id());
            if (card == null || !card.shows(n, info, ports, o)) {
                if (card != null) cardLayer.getChildren().remove(card);
                card = skins.create(n, g.typeOf(n.id()), info, ports, o);
                install(card);
                cards.put(n.id(), card);
                cardLayer.getChildren().add(card);
            }
            card.attached.clear();
            CardIssue issue = editor.cardIssues().get(n.id());
            card.showIssue(issue, issue == null || !issue.fixable() ? null : () -> editor.execute(issue.fix().get()));
            card.relocate(n.x(), n.y());
            card.setSelected(editor.selection().contains(n.id()));
        }
        cards.keySet().removeIf(id -> {
            if (present.contains(id)) return false;
            cardLayer.getChildren().remove(cards.get(id));
            return true;
        });
        Set<Edge> edges = new HashSet<>(g.edges());
        wires.keySet().removeIf(e -> {
            if (edges.contains(e)) return false;
            WireView w = wires.get(e);
            wireLayer.getChildren().removeAll(w.hit, w.curve);
            labelLayer.getChildren().remove(w.label);
            return true;
        });
        for (Edge e : g.edges()) {
            WireView w = wires.computeIfAbsent(e, k -> {
                WireView v = new WireView(k);
                v.hit.setOnMousePressed(ev -> pressWire(v, ev));
                wireLayer.getChildren().addAll(v.hit, v.curve);
                labelLayer.getChildren().add(v.label);
                return v;
            });
            NodeInfo from = a.info(e.from());
            w.setText(from != null && from.valid() ? from.outputShape().toString() : null);
            w.from = cards.get(e.from());
            w.to = cards.get(e.to());
            w.orientation = o;
            w.setSelected(editor.selectedEdges().contains(e));
            w.from.attached.add(w);
            w.to.attached.add(w);
            w.update();
        }
        requestLayout();
    }

    private void install(NodeCard card) {
        card.setOnMousePressed(e -> pressCard(card, e));
        card.setOnMouseDragged(e -> dragCard(e));
        card.setOnMouseReleased(e -> releaseCard(card, e));
        card.layoutXProperty().addListener((o, a, b) -> card.attached.forEach(WireView::update));
        card.layoutYProperty().addListener((o, a, b) -> card.attached.forEach(WireView::update));
        card.heightProperty().addListener((o, a, b) -> card.attached.forEach(WireView::update));
        Circle out = card.outputPort();
        out.setOnMousePressed(e -> startWire(card, -1, e));
        out.setOnMouseDragged(this::dragWire);
        out.setOnMouseReleased(this::endWire);
        for (int i = 0; i < card.inputPorts().size(); i++) {
            int port = i;
            Circle in = card.inputPorts().get(i);
            in.setOnMousePressed(e -> startWire(card, port, e));
            in.setOnMouseDragged(this::dragWire);
            in.setOnMouseReleased(this::endWire);
        }
    }

    NodeCard card(String id) { return cards.get(id); }

    /** Every layer's rectangle as shown, for exports and auto-layout. */
    public Map<String, Box> boxes() {
        if (dirty) sync();
        Map<String, Box> m = new LinkedHashMap<>();
        for (Node n : editor.getGraph().nodes()) {
            NodeCard c = cards.get(n.id());
            if (c != null) m.put(n.id(), c.box());
        }
        return m;
    }

    Group world() { return world; }

    public ObjectProperty<Orientation> orientationProperty() { return orientation; }

    // ---------------------------------------------------------------- zoom and pan

    public ReadOnlyDoubleProperty zoomProperty() { return zoomLevel.getReadOnlyProperty(); }

    /** Zooms by a factor keeping the canvas point (x, y) still. */
    public void zoomBy(double factor, double x, double y) {
        double s = zoom.getX(), next = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, s * factor));
        double px = (x - pan.getX()) / s, py = (y - pan.getY()) / s;
        setView(next, x - next * px, y - next * py);
    }

    public void zoomIn() { zoomBy(1.25, getWidth() / 2, getHeight() / 2); }
    public void zoomOut() { zoomBy(1 / 1.25, getWidth() / 2, getHeight() / 2); }
    public void actualSize() { zoomBy(1 / zoom.getX(), getWidth() / 2, getHeight() / 2); }

    /** Shows the whole graph, at most at 100 %. */
    public void fitToWindow() {
        if (getWidth() <= 0 || getHeight() <= 0) { fitPending = true; requestLayout(); return; }
        fitPending = false;
        Map<String, Box> b = boxes();
        if (b.isEmpty()) { setView(1, 0, 0); return; }
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (Box x : b.values()) {
            minX = Math.min(minX, x.x()); minY = Math.min(minY, x.y());
            maxX = Math.max(maxX, x.x() + x.width()); maxY = Math.max(maxY, x.y() + x.height());
        }
        double margin = 24, top = toolbar == null ? 0 : toolbar.prefHeight(-1) + 8;
        double availW = getWidth() - 2 * margin, availH = getHeight() - 2 * margin - top;
        double s = Math.max(MIN_ZOOM, Math.min(1, Math.min(availW / (maxX - minX), availH / (maxY - minY))));
        double tx = (getWidth() - s * (maxX - minX)) / 2 - s * minX;
        double ty = top + (getHeight() - top - s * (maxY - minY)) / 2 - s * minY;
        setView(s, tx, ty);
    }

    /** Fits the graph as soon as the canvas has a size (a newly opened document). */
    void fitWhenShown() {
        fitPending = true;
        requestLayout();
    }

    private void setView(double s, double tx, double ty) {
        zoom.setX(s);
        zoom.setY(s);
        pan.setX(tx);
        pan.setY(ty);
        zoomLevel.set(s);
    }

    public void panBy(double dx, double dy) { setView(zoom.getX(), pan.getX() + dx, pan.getY() + dy); }

    /** The canvas point (unzoomed graph coordinates) under a point of this pane. */
    Point2D toGraph(double x, double y) {
        return new Point2D((x - pan.getX()) / zoom.getX(), (y - pan.getY()) / zoom.getY());
    }

    /** The graph point at the middle of the visible area. */
    Point2D visibleCentre() { return toGraph(getWidth() / 2, getHeight() / 2); }

    @Override protected void layoutChildren() {
        if (dirty) sync();
        super.layoutChildren();
        if (toolbar != null) {
            toolbar.autosize();
            toolbar.relocate(getWidth() - toolbar.getWidth() - 8, 8);
        }
        banner.autosize();
        banner.relocate(8, getHeight() - banner.getHeight() - 8);
        message.autosize();
        if (fitPending && getWidth() > 0 && getHeight() > 0) fitToWindow();
    }

    // ---------------------------------------------------------------- messages

    /** Shows a short message near a point of this pane for a few seconds, e.g. why a wire was refused. */
    void flash(String text, double x, double y) {
        showMessage(text, x, y);
        messageTimer.playFromStart();
    }

    private void showMessage(String text, double x, double y) {
        messageTimer.stop();
        message.setText(text);
        double w = Math.min(message.getMaxWidth(), message.prefWidth(-1)), h = message.prefHeight(w);
        message.resize(w, h);
        message.relocate(Math.max(4, Math.min(getWidth() - w - 4, x + 14)), Math.max(4, Math.min(getHeight() - h - 4, y + 16)));
        message.setVisible(true);
        message.toFront();
    }

    Label message() { return message; }

    // ---------------------------------------------------------------- canvas gestures: rubber band, pan, zoom

    private void pressCanvas(MouseEvent e) {
        requestFocus();
        pressCanvas = sceneToLocal(e.getSceneX(), e.getSceneY());
        panning = e.getButton() == MouseButton.MIDDLE || (e.getButton() == MouseButton.PRIMARY && spaceDown);
        banding = !panning && e.getButton() == MouseButton.PRIMARY;
        if (banding && !e.isShiftDown() && !e.isShortcutDown()) editor.clearSelection();
        if (banding) {
            band.setX(pressCanvas.getX());
            band.setY(pressCanvas.getY());
            band.setWidth(0);
            band.setHeight(0);
        }
        e.consume();
    }

    private void dragCanvas(MouseEvent e) {
        if (pressCanvas == null) return;
        Point2D p = sceneToLocal(e.getSceneX(), e.getSceneY());
        if (panning) {
            panBy(p.getX() - pressCanvas.getX(), p.getY() - pressCanvas.getY());
            pressCanvas = p;
        } else if (banding) {
            band.setVisible(true);
            band.setX(Math.min(p.getX(), pressCanvas.getX()));
            band.setY(Math.min(p.getY(), pressCanvas.getY()));
            band.setWidth(Math.abs(p.getX() - pressCanvas.getX()));
            band.setHeight(Math.abs(p.getY() - pressCanvas.getY()));
        }
        e.consume();
    }

    private void releaseCanvas(MouseEvent e) {
        if (banding && band.isVisible()) {
            Point2D a = toGraph(band.getX(), band.getY()), b = toGraph(band.getX() + band.getWidth(), band.getY() + band.getHeight());
            Box area = new Box(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY());
            List<String> hit = new ArrayList<>();
            for (Map.Entry<String, NodeCard> c : cards.entrySet()) if (c.getValue().box().overlaps(area)) hit.add(c.getKey());
            editor.selection().addAll(hit);
        }
        band.setVisible(false);
        panning = banding = false;
        pressCanvas = null;
        e.consume();
    }

    private void scroll(ScrollEvent e) {
        if (e.isControlDown() || e.isShortcutDown()) {
            // Only the sign: wheels, touchpads and Monocle's robot report very different deltas.
            Point2D p = sceneToLocal(e.getSceneX(), e.getSceneY());
            if (e.getDeltaY() != 0) zoomBy(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1, p.getX(), p.getY());
        } else {
            panBy(e.getDeltaX(), e.getDeltaY());
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
        double step = e.isAltDown() ? 1 : GRID;
        double dx = k == KeyCode.LEFT ? -step : k == KeyCode.RIGHT ? step : 0, dy = k == KeyCode.UP ? -step : k == KeyCode.DOWN ? step : 0;
        if (dx == 0 && dy == 0) return;
        if (e.isShiftDown()) {
            panBy(-dx * 2, -dy * 2);
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

    // ---------------------------------------------------------------- cards: select and move

    private void pressCard(NodeCard card, MouseEvent e) {
        requestFocus();
        if (e.getButton() == MouseButton.MIDDLE || spaceDown) { pressCanvas(e); return; }
        String id = card.node().id();
        if (e.isShiftDown() || e.isShortcutDown()) {
            if (!editor.selection().remove(id)) editor.selection().add(id);
        } else if (!editor.selection().contains(id)) {
            editor.selectOnly(id);
        }
        editor.selectedEdges().clear();
        pressContent = world.sceneToLocal(e.getSceneX(), e.getSceneY());
        Map<String, Point> start = new LinkedHashMap<>();
        for (String s : editor.selection()) {
            NodeCard c = cards.get(s);
            if (c != null) start.put(s, new Point(c.getLayoutX(), c.getLayoutY()));
        }
        dragStart = start;
        dragged = false;
        e.consume();
    }

    private void dragCard(MouseEvent e) {
        if (pressCanvas != null) { dragCanvas(e); return; }
        if (pressContent == null) return;
        Point2D p = world.sceneToLocal(e.getSceneX(), e.getSceneY());
        double dx = p.getX() - pressContent.getX(), dy = p.getY() - pressContent.getY();
        if (!dragged && Math.hypot(dx, dy) < 3) return;
        dragged = true;
        for (Map.Entry<String, Point> s : dragStart.entrySet()) {
            NodeCard c = cards.get(s.getKey());
            if (c != null) c.relocate(snap(Math.max(0, s.getValue().x() + dx)), snap(Math.max(0, s.getValue().y() + dy)));
        }
        e.consume();
    }

    private void releaseCard(NodeCard card, MouseEvent e) {
        if (pressCanvas != null) { releaseCanvas(e); return; }
        if (dragged) {
            Map<String, Point> to = new LinkedHashMap<>();
            for (String id : dragStart.keySet()) {
                NodeCard c = cards.get(id);
                if (c != null) to.put(id, new Point(c.getLayoutX(), c.getLayoutY()));
            }
            var cmd = GraphCommands.move(editor.getGraph(), to, false);
            if (cmd != null) editor.execute(cmd);
        } else if (!e.isShiftDown() && !e.isShortcutDown() && editor.selection().size() > 1) {
            editor.selectOnly(card.node().id());
        }
        pressContent = null;
        dragged = false;
        e.consume();
    }

    private double snap(double v) {
        return editor.isSnapToGrid() ? Math.round(v / GRID) * GRID : v;
    }

    private void pressWire(WireView w, MouseEvent e) {
        requestFocus();
        if (!e.isShiftDown() && !e.isShortcutDown()) editor.clearSelection();
        editor.selectedEdges().add(w.edge);
        e.consume();
    }

    // ---------------------------------------------------------------- wiring

    /** A wire being drawn: from {@code anchor}'s output (port -1), or backwards from its input {@code port}. */
    private record WireDrag(NodeCard anchor, int port) {
        boolean forward() { return port < 0; }
    }

    private WireDrag wiring;

    private void startWire(NodeCard anchor, int port, MouseEvent e) {
        requestFocus();
        wiring = new WireDrag(anchor, port);
        dragWire(e);
        pendingWire.setVisible(true);
        e.consume();
    }

    /** The wire the pointer proposes: an edge (or null), its target card and port for highlighting. */
    private record Proposal(Edge edge, NodeCard other, int port) {}

    private Proposal propose(Point2D p, boolean includeSelf) {
        NodeCard other = cardAt(p, includeSelf ? null : wiring.anchor().node().id());
        if (other == null) return new Proposal(null, null, -1);
        if (wiring.forward()) {
            int port = other.inputCount() == 0 ? 0 : portNear(other, p);
            return new Proposal(new Edge(wiring.anchor().node().id(), other.node().id(), port), other, port);
        }
        return new Proposal(new Edge(other.node().id(), wiring.anchor().node().id(), wiring.port()), other, -1);
    }

    private void dragWire(MouseEvent e) {
        if (wiring == null) return;
        Point2D p = world.sceneToLocal(e.getSceneX(), e.getSceneY());
        Proposal prop = propose(p, false);
        clearWireHighlight();
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
        Point2D local = sceneToLocal(e.getSceneX(), e.getSceneY());
        if (problem != null) showMessage(capitalise(problem), local.getX(), local.getY());
        else message.setVisible(false);
        Point[] c = Ports.curve(orientation.get(), a, b);
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

    private void clearWireHighlight() {
        if (wireTarget != null) {
            wireTarget.highlightInput(-1, null);
            wireTarget.highlightOutput(null);
        }
        wireTarget = null;
    }

    private void endWire(MouseEvent e) {
        if (wiring == null) return;
        pendingWire.setVisible(false);
        message.setVisible(false);
        clearWireHighlight();
        Point2D p = world.sceneToLocal(e.getSceneX(), e.getSceneY());
        Proposal prop = propose(p, true);
        wiring = null;
        e.consume();
        if (prop.edge() == null) return;
        Edge edge = prop.edge();
        try {
            editor.execute(GraphCommands.connect(editor.getGraph(), edge.from(), edge.to(), Math.max(0, edge.port())));
        } catch (RefusedException ex) {
            Point2D local = sceneToLocal(e.getSceneX(), e.getSceneY());
            editor.refuse(ex.getMessage());
            flash(ex.getMessage(), local.getX(), local.getY());
        }
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The card under a graph point (with a margin around it, so ports count), ignoring {@code except}. */
    private NodeCard cardAt(Point2D p, String except) {
        NodeCard best = null;
        for (NodeCard c : cards.values()) {
            if (c.node().id().equals(except)) continue;
            Box b = c.box();
            if (p.getX() >= b.x() - 10 && p.getX() <= b.x() + b.width() + 10 && p.getY() >= b.y() - 10 && p.getY() <= b.y() + b.height() + 10) {
                if (best == null || c.getParent() != null && cardLayer.getChildren().indexOf(c) > cardLayer.getChildren().indexOf(best)) best = c;
            }
        }
        return best;
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

    // ---------------------------------------------------------------- drop from the palette

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasString() && e.getDragboard().getString().startsWith(DRAG_PREFIX)) e.acceptTransferModes(TransferMode.COPY);
        e.consume();
    }

    private void dragDropped(DragEvent e) {
        boolean done = false;
        if (e.getDragboard().hasString() && e.getDragboard().getString().startsWith(DRAG_PREFIX)) {
            LayerType type = LayerTypes.CATALOG.find(e.getDragboard().getString().substring(DRAG_PREFIX.length())).orElse(null);
            if (type != null) {
                Point2D local = sceneToLocal(e.getSceneX(), e.getSceneY());
                Point2D p = toGraph(local.getX(), local.getY());
                addLayerAt(type, p.getX() - NodeCard.WIDTH / 2, p.getY() - 20);
                done = true;
            }
        }
        e.setDropCompleted(done);
        e.consume();
    }

    /** Adds a layer of the given type in the middle of the visible area. */
    public void addLayerAtCentre(LayerType type) {
        Point2D c = visibleCentre();
        double x = c.getX() - NodeCard.WIDTH / 2, y = c.getY() - 40;
        // Avoid stacking several new layers exactly on top of each other.
        Set<String> taken = new HashSet<>();
        for (Node n : editor.getGraph().nodes()) taken.add(snap(n.x()) + "," + snap(n.y()));
        while (taken.contains(snap(x) + "," + snap(y))) { x += GRID * 2; y += GRID * 2; }
        addLayerAt(type, x, y);
    }

    private void addLayerAt(LayerType type, double x, double y) {
        var cmd = GraphCommands.add(editor.getGraph(), type, editor.newLayerParams(type), snap(Math.max(0, x)), snap(Math.max(0, y)));
        editor.execute(cmd);
        editor.selectOnly(cmd.node().id());
        requestFocus();
    }
}
