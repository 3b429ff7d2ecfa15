package org.layerlab.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.layerlab.compute.export.ModelFormat;
import org.layerlab.compute.export.ModelFormats;
import org.layerlab.compute.project.RunHistory;

/**
 * File → Export model…: the format (from {@link ModelFormats}), the run whose weights to export, and where. The
 * writing is the document model's, off the FX thread; this only gathers the choice.
 */
final class ExportDialog extends Dialog<ButtonType> {
    final ComboBox<ModelFormat> format = new ComboBox<>();
    final ComboBox<RunHistory> run = new ComboBox<>();
    final TextField path = new TextField();
    final Label about = new Label();
    final ButtonType exportButton;

    ExportDialog(Window owner, List<RunHistory> runs, Integer preselectedRun, Path folder, String baseName) {
        var t = ProjectDocumentModel.TEXT;
        initOwner(owner);
        setTitle(t.get("exportTitle"));
        setHeaderText(t.get("exportHeader"));
        getDialogPane().getStyleClass().add("export-dialog");
        getDialogPane().setId("export-dialog");
        format.setId("export-format");
        run.setId("export-run");
        path.setId("export-path");
        about.setId("export-about");
        about.setWrapText(true);
        about.getStyleClass().add("export-about");

        format.getItems().setAll(ModelFormats.CATALOG.all());
        format.setCellFactory(v -> cell(ModelFormat::displayName));
        format.setButtonCell(cell(ModelFormat::displayName));
        run.getItems().setAll(runs);
        run.setCellFactory(v -> cell(r -> r.name()));
        run.setButtonCell(cell(r -> r.name()));
        format.setMaxWidth(Double.MAX_VALUE);
        run.setMaxWidth(Double.MAX_VALUE);
        runs.stream().filter(r -> preselectedRun != null && r.id() == preselectedRun).findFirst()
                .ifPresentOrElse(run.getSelectionModel()::select, () -> run.getSelectionModel().selectLast());

        Path dir = folder != null ? folder : Path.of(System.getProperty("user.home"));
        format.valueProperty().addListener((o, a, f) -> {
            about.setText(f == null ? "" : f.description());
            // Follow the format with the file name's ending, keeping the folder and name the user chose.
            String current = path.getText().isBlank() ? dir.resolve(baseName).toString() : path.getText();
            String stem = a == null || a.extension().isEmpty() || !current.endsWith(a.extension()) ? current
                    : current.substring(0, current.length() - a.extension().length());
            path.setText(f == null ? stem : stem + f.extension());
        });
        format.getSelectionModel().selectFirst();

        Button browse = new Button(t.get("browse"));
        browse.setId("export-browse");
        browse.setOnAction(e -> browse(owner));
        HBox where = new HBox(6, path, browse);
        HBox.setHgrow(path, Priority.ALWAYS);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(14, 18, 6, 18));
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints(380, 460, Double.MAX_VALUE);
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        grid.addRow(0, new Label(t.get("exportFormat")), format);
        grid.add(about, 1, 1);
        grid.addRow(2, new Label(t.get("exportRun")), run);
        grid.addRow(3, new Label(t.get("exportPath")), where);
        getDialogPane().setContent(grid);
        exportButton = new ButtonType(t.get("exportButton"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(exportButton, new ButtonType(t.get("cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        getDialogPane().lookupButton(exportButton).setId("export-confirm");
        getDialogPane().lookupButton(exportButton).disableProperty().bind(format.valueProperty().isNull()
                .or(run.valueProperty().isNull()).or(path.textProperty().isEmpty()));
    }

    private void browse(Window owner) {
        ModelFormat f = format.getValue();
        Path current = Path.of(path.getText().isBlank() ? "." : path.getText()).toAbsolutePath();
        File chosen;
        if (f != null && f.writesFolder()) {
            DirectoryChooser dc = new DirectoryChooser();
            if (current.getParent() != null && current.getParent().toFile().isDirectory()) dc.setInitialDirectory(current.getParent().toFile());
            chosen = dc.showDialog(owner);
        } else {
            FileChooser fc = new FileChooser();
            if (current.getParent() != null && current.getParent().toFile().isDirectory()) fc.setInitialDirectory(current.getParent().toFile());
            fc.setInitialFileName(current.getFileName().toString());
            chosen = fc.showSaveDialog(owner);
        }
        if (chosen != null) path.setText(chosen.toString());
    }

    private static <T> ListCell<T> cell(java.util.function.Function<T, String> text) {
        return new ListCell<>() {
            @Override protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    /** The choice made, or null when cancelled. */
    record Choice(ModelFormat format, RunHistory run, Path target) {}

    Choice ask() {
        return showAndWait().filter(b -> b == exportButton)
                .map(b -> new Choice(format.getValue(), run.getValue(), Path.of(path.getText().strip()))).orElse(null);
    }

}
