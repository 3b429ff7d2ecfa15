package org.layerlab.editor;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.layerlab.compute.layers.Category;
import org.layerlab.compute.layers.LayerType;
import org.layerlab.compute.layers.LayerTypes;

/** The layer palette: every catalog entry, grouped by category; double-click adds the layer to the canvas. */
public final class PaletteView extends ScrollPane {
    PaletteView(GraphEditor editor) {
        VBox groups = new VBox(4);
        groups.setPadding(new Insets(6));
        for (Category c : Category.values()) {
            VBox items = new VBox(2);
            for (LayerType t : LayerTypes.CATALOG.all()) {
                if (t.category() != c) continue;
                Label item = new Label(t.displayName());
                item.getStyleClass().add("palette-item");
                item.setId("palette-" + t.id());
                item.setMaxWidth(Double.MAX_VALUE);
                item.setStyle("-fx-border-color: transparent transparent transparent " + CategoryStyle.colour(c) + "; -fx-border-width: 0 0 0 4; -fx-padding: 4 8 4 8;");
                Tooltip.install(item, new Tooltip(t.description()));
                item.setOnMouseClicked(e -> {
                    if (e.getClickCount() == 2) editor.canvas().addLayerAtCentre(t);
                });
                items.getChildren().add(item);
            }
            if (items.getChildren().isEmpty()) continue;
            TitledPane pane = new TitledPane(c.displayName(), items);
            pane.setAnimated(false);
            groups.getChildren().add(pane);
        }
        setContent(groups);
        setFitToWidth(true);
        setPrefWidth(190);
        getStyleClass().add("palette");
    }
}
