package org.layerlab.editor;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.layerlab.editor.model.ModelSummary;
import org.layerlab.editor.model.ModelSummary.Row;
import org.layerlab.editor.model.NodeText;

/** A live table like Keras' {@code model.summary()}: layer, type, output shape, parameters and FLOPs, with totals. */
public final class ModelSummaryView extends VBox {
    private static final javafx.css.PseudoClass ERROR = javafx.css.PseudoClass.getPseudoClass("error");
    private final TableView<Row> table = new TableView<>();
    private final Label totals = new Label();
    private boolean dirty;

    ModelSummaryView(GraphEditor editor) {
        setId("model-summary");
        table.setId("model-summary-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label(EditorText.TEXT.get("summary.empty")));
        getStylesheets().add(EditorSheets.CANVAS);
        table.getStyleClass().add("model-summary-table");
        table.setFixedCellSize(24);
        table.getColumns().add(column(EditorText.TEXT.get("summary.layer"), 130, r -> EditorText.TEXT.get("summary.layerType", r.name(), r.type())));
        TableColumn<Row, String> shape = column(EditorText.TEXT.get("summary.shape"), 62, Row::outputShape);
        shape.setMinWidth(58);
        shape.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                Row r = empty ? null : getTableRow().getItem();
                setText(empty ? null : s);
                pseudoClassStateChanged(ERROR, r != null && r.error() != null);
                setTooltip(r != null && r.error() != null ? new Tooltip(r.error()) : null);
            }
        });
        table.getColumns().add(shape);
        TableColumn<Row, String> params = column(EditorText.TEXT.get("summary.params"), 60, r -> NodeText.count(r.parameters()));
        params.getStyleClass().add("number-column");
        params.setMinWidth(66);
        table.getColumns().add(params);
        TableColumn<Row, String> flops = column(EditorText.TEXT.get("summary.flops"), 60, r -> NodeText.count(r.flops()));
        flops.getStyleClass().add("number-column");
        flops.setMinWidth(62);
        table.getColumns().add(flops);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null && !r.id().equals(editor.selectedNodeProperty().get())) editor.selectedNodeProperty().set(r.id());
        });
        totals.setId("model-summary-totals");
        totals.setWrapText(true);
        totals.getStyleClass().add("model-summary-totals");
        VBox.setVgrow(table, Priority.ALWAYS);
        setSpacing(4);
        setPadding(new Insets(0));
        totals.setMinHeight(Label.USE_PREF_SIZE);
        getChildren().addAll(table, totals);
        editor.analysisProperty().addListener((o, a, b) -> {
            if (dirty) return;
            dirty = true;
            javafx.application.Platform.runLater(() -> refresh(editor));
        });
        refresh(editor);
    }

    private void refresh(GraphEditor editor) {
        dirty = false;
        ModelSummary s = ModelSummary.of(editor.getGraph(), editor.analysis());
        table.getItems().setAll(s.rows());
        totals.setText(EditorText.TEXT.get(s.errors() > 0 ? "summary.totalsWithErrors" : "summary.totals",
                NodeText.count(s.totalParameters()), NodeText.count(s.totalFlops()), s.errors()));
    }

    TableView<Row> table() { return table; }

    private static TableColumn<Row, String> column(String title, double width, java.util.function.Function<Row, String> value) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }
}
