package org.layerlab.app.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.layerlab.compute.text.Messages;

/**
 * The Help panel: every layer, activation, loss, optimizer, schedule, initialiser, data source and run setting with
 * its explanation ({@link HelpTopics}, from the catalogs), searchable, in a window of its own so it can stay open
 * beside the network. F1 opens it on the selected layer's page.
 */
final class HelpWindow {
    static final Messages TEXT = Messages.of("org.layerlab.app.i18n.help", HelpWindow.class);

    private final Stage stage = new Stage();
    private List<HelpTopics.Topic> topics = HelpTopics.all();
    private final TreeView<Object> tree = new TreeView<>();
    private final MarkdownView page = new MarkdownView(path -> java.util.concurrent.CompletableFuture.completedFuture(Optional.empty()));
    private final TextField search = new TextField();

    HelpWindow(Window owner, List<String> styleSheets) {
        stage.initOwner(owner);
        stage.setTitle(TEXT.get("title"));
        search.setPromptText(TEXT.get("search"));
        search.setId("help-search");
        tree.setId("help-topics");
        tree.setShowRoot(false);
        tree.setCellFactory(v -> new javafx.scene.control.TreeCell<>() {
            @Override protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item instanceof HelpTopics.Topic t ? t.title() : item.toString());
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b.getValue() instanceof HelpTopics.Topic t) page.show(t.markdown());
        });
        search.textProperty().addListener((o, a, q) -> fill(q));
        VBox left = new VBox(6, search, tree);
        VBox.setVgrow(tree, Priority.ALWAYS);
        left.getStyleClass().add("help-topics");
        page.setId("help-page");
        ScrollPane right = new ScrollPane(page);
        right.setFitToWidth(true);
        right.getStyleClass().add("help-page");
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.3);
        Scene scene = new Scene(split, 860, 600);
        scene.getStylesheets().setAll(styleSheets);
        stage.setScene(scene);
        fill("");
        // A switch of language writes the pages again from the declarations, on the page that was open.
        split.getProperties().put(org.layerlab.editor.PaletteView.RELABEL, (Runnable) this::rewrite);
    }

    private void rewrite() {
        TreeItem<Object> s = tree.getSelectionModel().getSelectedItem();
        String open = s != null && s.getValue() instanceof HelpTopics.Topic t ? t.id() : null;
        topics = HelpTopics.all();
        stage.setTitle(TEXT.get("title"));
        search.setPromptText(TEXT.get("search"));
        fill(search.getText());
        if (open != null) select(open);
    }

    private void select(String topicId) {
        for (TreeItem<Object> g : tree.getRoot().getChildren()) {
            for (TreeItem<Object> item : g.getChildren()) {
                if (item.getValue() instanceof HelpTopics.Topic t && t.id().equals(topicId)) {
                    tree.getSelectionModel().select(item);
                    tree.scrollTo(tree.getRow(item));
                }
            }
        }
    }

    /** The topics matching {@code query}, in their groups, all groups open. */
    private void fill(String query) {
        Map<String, TreeItem<Object>> groups = new LinkedHashMap<>();
        for (HelpTopics.Topic t : topics) {
            if (!t.matches(query)) continue;
            TreeItem<Object> g = groups.computeIfAbsent(t.group(), k -> {
                TreeItem<Object> item = new TreeItem<>(k);
                item.setExpanded(true);
                return item;
            });
            g.getChildren().add(new TreeItem<>(t));
        }
        TreeItem<Object> root = new TreeItem<>("");
        root.getChildren().setAll(groups.values());
        tree.setRoot(root);
        if (!groups.isEmpty()) tree.getSelectionModel().select(groups.values().iterator().next().getChildren().get(0));
        else page.show(TEXT.get("nothingFound", query));
    }

    /** Shows the window on the page with id {@code topicId} ("layer/dense"), or where it was when there is none. */
    void show(String topicId) {
        if (topicId != null) {
            search.clear();
            select(topicId);
        }
        stage.show();
        stage.toFront();
    }

    Stage stage() { return stage; }

    /** The page shown now, as text (tests). */
    String shownTitle() {
        TreeItem<Object> s = tree.getSelectionModel().getSelectedItem();
        return s != null && s.getValue() instanceof HelpTopics.Topic t ? t.title() : "";
    }
}
