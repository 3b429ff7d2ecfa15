package org.layerlab.editor;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.collections.MapChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.layout.Region;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.GraphAnalysis;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.graph.NodeInfo;
import org.layerlab.compute.graph.ShapeInference;
import org.layerlab.editor.model.Box;
import org.layerlab.editor.model.Orientation;
import org.layerlab.editor.model.Ports;

/**
 * Keeps the canvas's cards and wires in line with the editor's document: a model change is applied at most once per
 * pulse, only cards whose contents changed are rebuilt, and the selection is mirrored onto cards and wires. New cards
 * and wires are handed to the gestures through {@link #onNewCard} and {@link #onNewWire} so they can be handled.
 */
final class ModelViewSync {
    private final GraphEditor editor;
    private final NodeSkinFactory skins;
    private final ObservableValue<Orientation> orientation;
    private final Region pane;
    private final Group wireLayer = new Group(), labelLayer = new Group(), cardLayer = new Group();
    private final Map<String, NodeCard> cards = new HashMap<>();
    private final Map<Edge, WireView> wires = new HashMap<>();
    private final Runnable pulseSync = this::syncIfDirty;
    private Consumer<NodeCard> onNewCard = c -> {};
    private Consumer<WireView> onNewWire = w -> {};
    private boolean dirty = true, labelsDirty = true;

    ModelViewSync(GraphEditor editor, NodeSkinFactory skins, ObservableValue<Orientation> orientation, Region pane) {
        this.editor = editor;
        this.skins = skins;
        this.orientation = orientation;
        this.pane = pane;
        editor.graphProperty().addListener((o, a, b) -> invalidate());
        editor.cardIssues().addListener((MapChangeListener<String, CardIssue>) c -> invalidate());
        editor.selection().addListener((SetChangeListener<String>) c -> {
            NodeCard card = cards.get(c.wasAdded() ? c.getElementAdded() : c.getElementRemoved());
            if (card != null) card.setSelected(c.wasAdded());
        });
        editor.selectedEdges().addListener((SetChangeListener<Edge>) c -> {
            WireView w = wires.get(c.wasAdded() ? c.getElementAdded() : c.getElementRemoved());
            if (w != null) w.setSelected(c.wasAdded());
        });
        orientation.addListener((o, a, b) -> invalidate());
        pane.sceneProperty().addListener((o, old, s) -> {
            if (old != null) old.removePreLayoutPulseListener(pulseSync);
            if (s != null) s.addPreLayoutPulseListener(pulseSync);
        });
        // A switch of language builds every card again, so summaries, badges and counts read in the new language.
        pane.getProperties().put(PaletteView.RELABEL, (Runnable) this::rebuildCards);
    }

    private void rebuildCards() {
        cardLayer.getChildren().removeAll(cards.values());
        cards.clear();
        sync();
    }

    /** The layers of the world, bottom to top. */
    Group wireLayer() { return wireLayer; }
    Group cardLayer() { return cardLayer; }
    Group labelLayer() { return labelLayer; }

    void onNewCard(Consumer<NodeCard> c) { onNewCard = c; }
    void onNewWire(Consumer<WireView> w) { onNewWire = w; }

    /** Notes that the model changed; the view catches up once, before the next pulse's layout. */
    private void invalidate() {
        if (dirty) return;
        dirty = true;
        Platform.runLater(this::syncIfDirty);
        Platform.requestNextPulse();
    }

    void syncIfDirty() {
        if (dirty) sync();
    }

    /** Brings the view in line with the model now: rebuilds only cards whose contents changed, moves the others. */
    void sync() {
        dirty = false;
        ModelGraph g = editor.getGraph();
        GraphAnalysis a = editor.analysis();
        Orientation o = orientation.getValue();
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
                onNewWire.accept(v);
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
        labelsMoved();
    }

    /** A new card's wires follow it when it moves or grows; the gestures add their handlers. */
    private void install(NodeCard card) {
        card.layoutXProperty().addListener((o, a, b) -> cardMoved(card));
        card.layoutYProperty().addListener((o, a, b) -> cardMoved(card));
        card.heightProperty().addListener((o, a, b) -> cardMoved(card));
        onNewCard.accept(card);
    }

    /** A card's wires follow it at once; every label is placed again at the next layout, since any may now cover it. */
    private void cardMoved(NodeCard card) {
        card.attached.forEach(WireView::update);
        labelsMoved();
    }

    private void labelsMoved() {
        labelsDirty = true;
        pane.requestLayout();
    }

    /** Called from the pane's layout: puts each wire's label where it covers no card's title. */
    void placeLabels() {
        if (!labelsDirty) return;
        labelsDirty = false;
        java.util.List<Box> boxes = new java.util.ArrayList<>(), titles = new java.util.ArrayList<>();
        for (NodeCard c : cards.values()) {
            boxes.add(c.box());
            titles.add(c.titleBox());
        }
        for (WireView w : wires.values()) w.placeLabel(boxes, titles);
    }

    NodeCard card(String id) { return cards.get(id); }

    Collection<NodeCard> cards() { return cards.values(); }

    Collection<WireView> wires() { return wires.values(); }

    /** Every layer's rectangle as shown, in document order. */
    Map<String, Box> boxes() {
        syncIfDirty();
        Map<String, Box> m = new LinkedHashMap<>();
        for (Node n : editor.getGraph().nodes()) {
            NodeCard c = cards.get(n.id());
            if (c != null) m.put(n.id(), c.box());
        }
        return m;
    }

    /** The wire within {@code reach} of a graph point, the nearest one, unless a card is there; null when none. */
    WireView wireAt(Point2D p, double reach) {
        if (cardAt(p, null) != null) return null;
        WireView best = null;
        double bestD = reach;
        for (WireView w : wires.values()) {
            double d = w.distance(p.getX(), p.getY());
            if (d <= bestD) { best = w; bestD = d; }
        }
        return best;
    }

    /**
     * The height the card of layer {@code n} would have in graph {@code g} (before it is added): built off-screen
     * in the card layer, styled and measured, then taken away.
     */
    double heightOf(ModelGraph g, Node n) {
        NodeCard c = skins.create(n, g.typeOf(n.id()), ShapeInference.analyze(g).info(n.id()), Ports.inputCount(g, n.id()), orientation.getValue());
        c.setVisible(false);
        cardLayer.getChildren().add(c);
        try {
            c.applyCss();
            return c.prefHeight(NodeCard.WIDTH);
        } finally {
            cardLayer.getChildren().remove(c);
        }
    }

    /** The card under a graph point (with a margin around it, so ports count), ignoring {@code except}; the topmost wins. */
    NodeCard cardAt(Point2D p, String except) {
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
}
