package org.layerlab.charts;

import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.control.SeparatorMenuItem;
import org.layerlab.charts.model.RunData;
import org.layerlab.charts.model.RunStore;

/**
 * The run list: every run of the session with its colour, a show/hide box, its status, and its settings in a
 * tooltip; double-click or F2 renames, Delete removes.
 */
final class RunListView extends VBox {
    private static final org.layerlab.compute.text.Messages TEXT =
            org.layerlab.compute.text.Messages.of("org.layerlab.charts.i18n.runweights", RunListView.class);
    private final RunStore store;
    private final ObservableList<RunData> items = FXCollections.observableArrayList();
    private final ListView<RunData> list = new ListView<>(items);

    RunListView(RunStore store) {
        this.store = store;
        setId("run-list");
        setSpacing(4);
        setPadding(new Insets(4));
        setPrefWidth(190);
        setMinWidth(150);
        Label title = new Label(LIST_TEXT.get("title"));
        title.getStyleClass().add("run-list-title");
        list.setCellFactory(v -> new RunCell());
        list.setPlaceholder(new Label(LIST_TEXT.get("placeholder")));
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setMinHeight(48); // the list gives up height first, so the options and legend below it are never cut off
        Button rename = new Button(LIST_TEXT.get("rename"));
        rename.setId("rename-run-button");
        Button delete = new Button(LIST_TEXT.get("delete"));
        delete.setId("delete-run-button");
        rename.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        delete.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        rename.setOnAction(e -> startRename(list.getSelectionModel().getSelectedIndex()));
        delete.setOnAction(e -> deleteSelected());
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) deleteSelected();
            else if (e.getCode() == KeyCode.F2) startRename(list.getSelectionModel().getSelectedIndex());
        });
        list.setEditable(true);
        HBox buttons = new HBox(4, rename, delete);
        getChildren().addAll(title, list, buttons);
        store.addListener(this::sync);
        sync();
    }

    ListView<RunData> list() { return list; }

    private void sync() {
        if (!items.equals(store.runs())) items.setAll(store.runs());
        list.refresh();
    }

    private void deleteSelected() {
        RunData r = list.getSelectionModel().getSelectedItem();
        if (r != null) store.delete(r.id());
    }

    private void startRename(int index) {
        if (index >= 0) list.edit(index);
    }

    /** The run list's own texts. */
    private static final org.layerlab.compute.text.Messages LIST_TEXT =
            org.layerlab.compute.text.Messages.of("org.layerlab.charts.i18n.runlist", RunListView.class);

    /** A run's state as the list shows it ("running", "completed"). */
    static String status(RunData.Status s) { return LIST_TEXT.get("status." + s.name()); }

    static String describe(RunData r) {
        boolean explained = !r.endMessage().isEmpty() && r.status() != RunData.Status.COMPLETED && r.status() != RunData.Status.STOPPED;
        StringBuilder sb = new StringBuilder(explained ? LIST_TEXT.get("tip.headExplained", r.name(), status(r.status()), r.endMessage())
                : LIST_TEXT.get("tip.head", r.name(), status(r.status())));
        for (Map.Entry<String, String> s : r.info().settings().entrySet()) sb.append('\n').append(LIST_TEXT.get("tip.setting", s.getKey(), s.getValue()));
        if (r.info().parentRunId() != null) {
            sb.append('\n').append(LIST_TEXT.get("tip.branched", String.valueOf(r.info().parentRunId()), String.valueOf(r.info().forkStep())));
        }
        return sb.toString();
    }

    private final class RunCell extends ListCell<RunData> {
        private final CheckBox shown = new CheckBox();
        private final Rectangle swatch = new Rectangle(14, 4);
        private final Label name = new Label();
        private final Label status = new Label();
        private final org.kordamp.ikonli.javafx.FontIcon weights = new org.kordamp.ikonli.javafx.FontIcon("mdi2c-content-save-check");
        private final HBox box = new HBox(6, shown, swatch, name, status, weights);
        private final TextField editor = new TextField();

        RunCell() {
            box.setAlignment(Pos.CENTER_LEFT);
            status.getStyleClass().add("run-status");
            shown.setOnAction(e -> { if (getItem() != null) store.setVisible(getItem().id(), shown.isSelected()); });
            MenuItem rename = new MenuItem(LIST_TEXT.get("rename"));
            rename.setOnAction(e -> startEdit());
            MenuItem delete = new MenuItem(LIST_TEXT.get("delete"));
            delete.setOnAction(e -> { if (getItem() != null) store.delete(getItem().id()); });
            ContextMenu menu = new ContextMenu(rename, delete);
            // The application's commands on this run (continue training, evaluate, export), rebuilt as the menu opens.
            menu.setOnShowing(e -> {
                menu.getItems().setAll(rename, delete);
                if (getItem() == null || store.actions().isEmpty()) return;
                menu.getItems().add(new SeparatorMenuItem());
                int id = getItem().id();
                for (RunStore.RunAction a : store.actions()) {
                    MenuItem m = new MenuItem(a.text());
                    m.setDisable(!a.enabled().test(id));
                    m.setOnAction(x -> a.action().accept(id));
                    menu.getItems().add(m);
                }
            });
            setContextMenu(menu);
            weights.getStyleClass().add("run-weights-icon");
            editor.setOnAction(e -> commitEdit(getItem()));
            editor.setOnKeyPressed(e -> { if (e.getCode() == KeyCode.ESCAPE) cancelEdit(); });
        }

        @Override protected void updateItem(RunData r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                return;
            }
            shown.setSelected(r.visible());
            shown.setId("run-visible-" + r.id());
            java.awt.Color c = ChartStyle.color(r.colorIndex());
            swatch.setFill(Color.rgb(c.getRed(), c.getGreen(), c.getBlue()));
            name.setText(r.name());
            status.setText(status(r.status()));
            boolean kept = store.carriesWeights(r.id());
            weights.setVisible(kept);
            weights.setManaged(kept);
            weights.setId("run-weights-" + r.id());
            setTooltip(new Tooltip((kept ? TEXT.get("weightsKept") + "\n" : "") + describe(r)));
            setText(null);
            setGraphic(isEditing() ? editor : box);
        }

        @Override public void startEdit() {
            if (getItem() == null) return;
            super.startEdit();
            editor.setText(getItem().name());
            setGraphic(editor);
            editor.requestFocus();
            editor.selectAll();
        }

        @Override public void cancelEdit() {
            super.cancelEdit();
            setGraphic(box);
        }

        @Override public void commitEdit(RunData r) {
            super.commitEdit(r);
            if (r != null) store.rename(r.id(), editor.getText());
            setGraphic(box);
        }
    }
}
