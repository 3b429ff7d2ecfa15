package org.layerlab.editor;

import java.text.NumberFormat;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.layerlab.compute.graph.Node;
import org.layerlab.compute.graph.NodeInfo;
import org.layerlab.compute.layers.LayerType;

/** One layer on the canvas: name, key settings, output shape and parameter count, or its error. */
final class NodeCard extends VBox {
    static final double WIDTH = 170;

    private final String accent;
    private double pressX, pressY, startX, startY;

    NodeCard(GraphEditor editor, Node node, LayerType type, NodeInfo info) {
        accent = CategoryStyle.colour(type.category());
        setId("node-" + node.id());
        getStyleClass().add("node-card");
        setPrefWidth(WIDTH);
        setMinWidth(WIDTH);
        setMaxWidth(WIDTH);
        setLayoutX(node.x());
        setLayoutY(node.y());

        Label title = new Label(node.name());
        title.getStyleClass().add("node-title");
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 13px;");
        String summary = type.summary(node.params());
        Label kind = new Label(type.displayName() + (summary.isEmpty() ? "" : " " + summary));
        kind.getStyleClass().add("node-summary");
        getChildren().addAll(title, kind);
        if (info != null && info.valid()) {
            Label shape = new Label("→ " + info.outputShape());
            shape.getStyleClass().add("node-shape");
            shape.setId("shape-" + node.id());
            Label params = new Label(NumberFormat.getIntegerInstance(Locale.ROOT).format(info.parameterCount()) + " params");
            params.getStyleClass().add("node-params");
            params.setStyle("-fx-text-fill: #6b7280;");
            getChildren().addAll(shape, params);
        } else if (info != null) {
            Label error = new Label("⚠ error");
            error.getStyleClass().add("node-error");
            error.setStyle("-fx-text-fill: #b91c1c; -fx-font-weight: bold;");
            Tooltip.install(error, new Tooltip(info.error()));
            getChildren().add(error);
        }
        setSelected(false);

        setOnMousePressed(e -> {
            editor.selectedNodeProperty().set(node.id());
            pressX = e.getSceneX();
            pressY = e.getSceneY();
            startX = getLayoutX();
            startY = getLayoutY();
            e.consume();
        });
        setOnMouseDragged(e -> {
            setLayoutX(Math.max(0, startX + e.getSceneX() - pressX));
            setLayoutY(Math.max(0, startY + e.getSceneY() - pressY));
            e.consume();
        });
        setOnMouseReleased(e -> {
            if (getLayoutX() != node.x() || getLayoutY() != node.y()) {
                editor.apply(editor.getGraph().replaceNode(node.withPosition(getLayoutX(), getLayoutY())));
            }
            e.consume();
        });
    }

    void setSelected(boolean selected) {
        setStyle("-fx-background-color: white; -fx-background-radius: 6; -fx-border-radius: 6; -fx-padding: 6 10 8 10; -fx-spacing: 2;"
                + "-fx-border-color: " + (selected ? "#2563eb" : "#d1d5db") + " " + (selected ? "#2563eb" : "#d1d5db") + " "
                + (selected ? "#2563eb" : "#d1d5db") + " " + accent + ";"
                + "-fx-border-width: " + (selected ? "2 2 2 6" : "1 1 1 6") + ";"
                + "-fx-effect: dropshadow(gaussian, rgba(0,0,0,0.12), 6, 0, 0, 2);");
    }
}
