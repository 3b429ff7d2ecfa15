package org.layerlab.editor;

import java.util.HashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.scene.Group;
import javafx.scene.layout.Pane;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.layerlab.compute.graph.Edge;
import org.layerlab.compute.graph.GraphAnalysis;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.graph.NodeInfo;
import org.layerlab.compute.layers.LayerType;

/** The network canvas: a node card per layer and a labelled curve per wire; cards move by dragging. */
public final class GraphCanvas extends Pane {
    private final GraphEditor editor;
    private final Group wires = new Group();
    private final Group cards = new Group();
    private final Map<String, NodeCard> cardsById = new HashMap<>();

    GraphCanvas(GraphEditor editor) {
        this.editor = editor;
        getStyleClass().add("graph-canvas");
        setId("graph-canvas");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        getChildren().addAll(wires, cards);
        setOnMousePressed(e -> { if (e.getTarget() == this) editor.selectedNodeProperty().set(null); });
        editor.graphProperty().addListener((obs, o, g) -> rebuild());
        editor.selectedNodeProperty().addListener((obs, o, id) -> cardsById.forEach((k, c) -> c.setSelected(k.equals(id))));
        rebuild();
    }

    /** Adds a layer of the given type in the middle of the visible area. */
    public void addLayerAtCentre(LayerType type) {
        ModelGraph g = editor.getGraph();
        String id = g.freshId(type.id());
        double x = Math.max(20, getWidth() / 2 - NodeCard.WIDTH / 2), y = Math.max(20, getHeight() / 2 - 40);
        editor.apply(g.withNode(new Node(id, type.id(), g.freshName(type.displayName()), type.defaultParams(), x, y)));
        editor.selectedNodeProperty().set(id);
    }

    NodeCard card(String id) { return cardsById.get(id); }

    private void rebuild() {
        ModelGraph g = editor.getGraph();
        GraphAnalysis analysis = editor.analysisProperty().get();
        cards.getChildren().clear();
        cardsById.clear();
        for (Node n : g.nodes()) {
            NodeCard card = new NodeCard(editor, n, g.typeOf(n.id()), analysis.info(n.id()));
            card.setSelected(n.id().equals(editor.selectedNodeProperty().get()));
            cardsById.put(n.id(), card);
            cards.getChildren().add(card);
        }
        wires.getChildren().clear();
        for (Edge e : g.edges()) addWire(e, analysis.info(e.from()));
    }

    private void addWire(Edge e, NodeInfo from) {
        NodeCard a = cardsById.get(e.from()), b = cardsById.get(e.to());
        // Bound to the cards' positions and heights, so wires follow a drag and settle once cards are laid out.
        DoubleBinding x1 = a.layoutXProperty().add(NodeCard.WIDTH), y1 = a.layoutYProperty().add(a.heightProperty().divide(2));
        DoubleBinding x2 = b.layoutXProperty().add(0), y2 = b.layoutYProperty().add(b.heightProperty().divide(2));
        DoubleBinding bend = Bindings.createDoubleBinding(() -> Math.max(40, Math.abs(x2.get() - x1.get()) / 2), x1, x2);
        CubicCurve c = new CubicCurve();
        c.startXProperty().bind(x1);
        c.startYProperty().bind(y1);
        c.controlX1Property().bind(x1.add(bend));
        c.controlY1Property().bind(y1);
        c.controlX2Property().bind(x2.subtract(bend));
        c.controlY2Property().bind(y2);
        c.endXProperty().bind(x2);
        c.endYProperty().bind(y2);
        c.getStyleClass().add("wire");
        c.setStyle("-fx-fill: transparent; -fx-stroke: #6b7280; -fx-stroke-width: 2;");
        wires.getChildren().add(c);
        if (from != null && from.valid()) {
            Text label = new Text(from.outputShape().toString());
            label.getStyleClass().add("wire-label");
            label.setStyle("-fx-fill: #374151; -fx-font-size: 11px;");
            label.xProperty().bind(x1.add(x2).divide(2).subtract(label.getLayoutBounds().getWidth() / 2));
            label.yProperty().bind(y1.add(y2).divide(2).subtract(6));
            wires.getChildren().add(label);
        }
    }
}
