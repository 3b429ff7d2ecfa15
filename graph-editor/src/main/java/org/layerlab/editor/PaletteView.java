package org.layerlab.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.layerlab.compute.layers.Category;
import org.layerlab.compute.layers.LayerType;
import org.layerlab.compute.layers.LayerTypes;

/**
 * The layer palette: every catalog entry grouped by category, with a search box. Drag a layer onto the canvas, or
 * double-click it (or press Enter on it) to add it in the middle of the view.
 */
public final class PaletteView extends VBox {
    private final TextField search = new TextField();
    private final List<TitledPane> groups = new ArrayList<>();
    private final List<Label> items = new ArrayList<>();

    PaletteView(GraphEditor editor) {
        search.setPromptText(TEXT.get("search"));
        search.setId("palette-search");
        VBox list = new VBox(4);
        list.setPadding(new Insets(4, 6, 6, 6));
        for (Category c : Category.values()) {
            VBox entries = new VBox(2);
            for (LayerType t : LayerTypes.CATALOG.all()) {
                if (t.category() != c) continue;
                Label item = new Label();
                item.setWrapText(true); // a long name wraps between its words instead of ending in "…" on a narrow palette
                item.getStyleClass().add("palette-item");
                item.setId("palette-" + t.id());
                item.setUserData(t);
                item.setMaxWidth(Double.MAX_VALUE);
                item.setFocusTraversable(true);
                item.getStyleClass().add(CategoryStyle.styleClass(c)); // the accent stripe's colour (canvas.css)
                Tooltip tip = new Tooltip();
                tip.setWrapText(true);
                tip.setMaxWidth(320);
                tip.setShowDelay(Duration.millis(300));
                item.setTooltip(tip);
                label(item);
                item.setOnMouseClicked(e -> {
                    item.requestFocus();
                    if (e.getClickCount() == 2) editor.canvas().addLayerAtCentre(t);
                });
                item.setOnKeyPressed(e -> {
                    if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) { editor.canvas().addLayerAtCentre(t); e.consume(); }
                });
                item.setOnDragDetected(e -> {
                    Dragboard db = item.startDragAndDrop(TransferMode.COPY);
                    ClipboardContent content = new ClipboardContent();
                    content.putString(GraphCanvas.DRAG_PREFIX + t.id());
                    db.setContent(content);
                    db.setDragView(item.snapshot(null, null));
                    e.consume();
                });
                entries.getChildren().add(item);
                items.add(item);
            }
            if (entries.getChildren().isEmpty()) continue;
            TitledPane pane = new TitledPane(c.displayName(), entries);
            pane.setAnimated(false);
            pane.setId("palette-group-" + c.name().toLowerCase(Locale.ROOT));
            groups.add(pane);
            list.getChildren().add(pane);
        }
        search.textProperty().addListener((o, a, text) -> filter(text));
        // A switch of language relabels the entries (their names are made breakable, so not found as bundle texts).
        getProperties().put(RELABEL, (Runnable) () -> items.forEach(PaletteView::label));
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox.setMargin(search, new Insets(6, 6, 0, 6));
        getChildren().addAll(search, scroll);
        setSpacing(4);
        setPrefWidth(190);
        setMinWidth(150);
        getStyleClass().add("palette");
        getStylesheets().addAll(EditorSheets.CANVAS, CategoryStyle.styleSheet());
        setId("palette");
    }

    /**
     * The node property under which a view keeps what redoes its texts after a switch of language (a {@link Runnable});
     * the application runs it for every node that has one.
     */
    public static final String RELABEL = "layerlab.relabel";

    static final org.layerlab.compute.text.Messages TEXT =
            org.layerlab.compute.text.Messages.of("org.layerlab.editor.i18n.palette", PaletteView.class);

    /** An entry's name and tooltip in the current language. */
    private static void label(Label item) {
        LayerType t = (LayerType) item.getUserData();
        item.setText(breakable(t.displayName()));
        item.getTooltip().setText(TEXT.get("itemTip", t.displayName(), t.description()));
    }

    /** Shows only layers whose name, id or explanation contains the text; hides empty groups. */
    private void filter(String text) {
        String q = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Label item : items) {
            LayerType t = (LayerType) item.getUserData();
            boolean show = q.isEmpty() || t.displayName().toLowerCase(Locale.ROOT).contains(q) || t.id().contains(q)
                    || t.description().toLowerCase(Locale.ROOT).contains(q) || t.category().displayName().toLowerCase(Locale.ROOT).contains(q);
            item.setVisible(show);
            item.setManaged(show);
        }
        for (TitledPane g : groups) {
            boolean any = ((VBox) g.getContent()).getChildren().stream().anyMatch(javafx.scene.Node::isVisible);
            g.setVisible(any);
            g.setManaged(any);
            if (any && !q.isEmpty()) g.setExpanded(true);
        }
    }

    /**
     * A CamelCase name with spaces between its words ("Global Average Pooling2D"), so it can wrap there; JavaFX only
     * wraps at spaces, and would otherwise cut the name mid-word or end it in "…".
     */
    static String breakable(String name) {
        return name.replaceAll("(?<=[a-z])(?=[A-Z])", " ");
    }
}
