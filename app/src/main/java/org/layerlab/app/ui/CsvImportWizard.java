package org.layerlab.app.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.layerlab.compute.catalog.InvalidParamException;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.ColumnStats;
import org.layerlab.compute.data.CsvSource;
import org.layerlab.compute.data.CsvTable;
import org.layerlab.compute.data.DataContext;
import org.layerlab.compute.data.DataException;
import org.layerlab.compute.data.DataSources;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.text.Messages;
import org.layerlab.editor.ParamSheet;

/**
 * The CSV import wizard: the file, its detected (and changeable) delimiter and header, a preview of the first rows,
 * each column's role (feature, label or ignored) and one-hot encoding, the problem, normalisation and the missing-value
 * policy. The file is read and the samples built on a background executor after every change (a newer change makes an
 * older result stale); problems show with their line and column. Import hands the CSV source's settings to the owner.
 */
final class CsvImportWizard extends BorderPane {
    private static final Messages TEXT = Messages.of("org.layerlab.app.i18n.datapanel", CsvImportWizard.class);
    static final int PREVIEW_ROWS = 50;

    /** What a column is used for. */
    enum Role { FEATURE, LABEL, IGNORE }

    /** One column of the table, with its statistics and the role the user gives it. */
    static final class ColumnRow {
        final int index;
        final ColumnStats stats;
        final SimpleObjectProperty<Role> role;
        final SimpleBooleanProperty oneHot;

        ColumnRow(int index, ColumnStats stats, Role role, boolean oneHot) {
            this.index = index;
            this.stats = stats;
            this.role = new SimpleObjectProperty<>(role);
            this.oneHot = new SimpleBooleanProperty(oneHot);
        }

        String name() { return stats.name(); }
    }

    private final Executor executor;
    private final Path baseDir;
    private final Consumer<Params> onImport;
    private final Runnable onClose;
    private final AtomicLong generation = new AtomicLong();
    private final TextField file = new TextField();
    private final Label detected = new Label();
    private final ParamSheet options = new ParamSheet();
    private final TableView<String[]> rows = new TableView<>();
    private final TableView<ColumnRow> columns = new TableView<>();
    private final ObservableList<ColumnRow> columnRows = FXCollections.observableArrayList();
    private final Label result = new Label();
    private final Button importButton = new Button(TEXT.get("csv.import"));
    private Params params = Params.defaults(DataSources.CATALOG.get(CsvSource.ID).params());
    private CsvTable table;
    private Dataset built;
    private boolean syncing;

    /**
     * @param initial the CSV settings to start from (a CSV source already chosen), or null
     * @param onImport receives the settings when the user presses Import
     */
    CsvImportWizard(Executor executor, Path baseDir, Params initial, FilePicker picker, Consumer<Params> onImport, Runnable onClose) {
        this.executor = executor;
        this.baseDir = baseDir;
        this.onImport = onImport;
        this.onClose = onClose;
        setId("csv-wizard");
        getStyleClass().add("csv-wizard");
        if (initial != null) params = initial;

        file.setId("csv-file");
        file.setPromptText(TEXT.get("csv.filePrompt"));
        HBox.setHgrow(file, Priority.ALWAYS);
        file.setOnAction(e -> set("file", file.getText().strip(), true));
        file.focusedProperty().addListener((o, a, focused) -> {
            if (!focused && !file.getText().strip().equals(params.getString("file"))) set("file", file.getText().strip(), true);
        });
        Button choose = new Button(TEXT.get("csv.choose"));
        choose.setId("csv-choose");
        choose.setOnAction(e -> {
            Path f = picker.choose(getScene().getWindow(), false, TEXT.get("csv.choose"),
                    List.of(new FilePicker.Filter(TEXT.get("csv.filter"), List.of("*.csv", "*.tsv", "*.txt"))));
            if (f != null) { file.setText(f.toString()); set("file", f.toString(), true); }
        });
        HBox fileRow = new HBox(6, new Label(TEXT.get("csv.file")), file, choose);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        detected.setId("csv-detected");
        detected.getStyleClass().add("data-note");

        options.setId("csv-options");
        options.setVisible(true);
        // Only the changed option is taken: the sheet's copy of the other settings (file, columns) may be older.
        options.setOnChange((spec, value, after) -> set(spec.name(), value, spec.name().equals("delimiter") || spec.name().equals("header")));

        rows.setId("csv-rows");
        rows.setPlaceholder(new Label(TEXT.get("csv.noRows")));
        rows.setPrefHeight(220);
        columns.setId("csv-columns");
        columns.setEditable(true);
        columns.setItems(columnRows);
        columns.setPrefHeight(200);
        buildColumnTable();

        result.setId("csv-result");
        result.setWrapText(true);
        result.getStyleClass().add("csv-result");
        importButton.setId("csv-import-button");
        importButton.setDefaultButton(true);
        importButton.setDisable(true);
        importButton.setOnAction(e -> { onImport.accept(params); onClose.run(); });
        Button cancel = new Button(TEXT.get("load.cancel"));
        cancel.setId("csv-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> { generation.incrementAndGet(); onClose.run(); });
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox buttons = new HBox(8, result, spring, importButton, cancel);
        HBox.setHgrow(result, Priority.ALWAYS);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox left = new VBox(6, heading("csv.options"), options);
        left.setPrefWidth(340);
        left.setMinWidth(300);
        VBox centre = new VBox(6, fileRow, detected, heading("csv.preview"), rows, heading("csv.columns"), columns);
        VBox.setVgrow(rows, Priority.ALWAYS);
        VBox.setVgrow(columns, Priority.ALWAYS);
        setPadding(new Insets(10));
        setLeft(left);
        setCenter(centre);
        BorderPane.setMargin(centre, new Insets(0, 0, 0, 10));
        setBottom(buttons);
        BorderPane.setMargin(buttons, new Insets(10, 0, 0, 0));
        file.setText(params.getString("file"));
        showOptions();
        refresh(true);
    }

    /** The settings as chosen now. */
    Params params() { return params; }

    /** The samples the settings give (null while reading, or when they cannot be built). */
    Dataset built() { return built; }

    /** The table read (null before a file is read). */
    CsvTable table() { return table; }

    String resultText() { return result.getText(); }

    List<ColumnRow> columnRows() { return List.copyOf(columnRows); }

    /** Reads this file (as typing its name does). */
    void useFile(String path) {
        file.setText(path);
        set("file", path, true);
    }

    /** Gives a column a role (as its drop-down does). */
    void setRole(String column, Role role) {
        for (ColumnRow r : columnRows) if (r.name().equals(column)) r.role.set(role);
    }

    void setOneHot(String column, boolean on) {
        for (ColumnRow r : columnRows) if (r.name().equals(column)) r.oneHot.set(on);
    }

    /** Sets one of the wizard's options (delimiter, header, problem, normalize, missing) as its field does. */
    void setOption(String name, Object value) { options.edit(name, value); }

    /** Whether Import can be pressed now. */
    boolean canImport() { return !importButton.isDisabled(); }

    private void showOptions() {
        options.show(params);
        options.setShown(s -> !List.of("file", "label", "features", "oneHot").contains(s.name()));
    }

    private void set(String name, Object value, boolean reread) {
        try {
            params = params.with(name, value);
            options.show(params);
            refresh(reread);
        } catch (InvalidParamException e) {
            result.setText(e.getMessage());
        }
    }

    /**
     * Reads the file again when {@code reread} (file, delimiter or header changed), then builds the samples; in the
     * background, showing only the newest change's result.
     */
    private void refresh(boolean reread) {
        long mine = generation.incrementAndGet();
        built = null;
        importButton.setDisable(true);
        if (params.getString("file").isBlank()) {
            result.setText(TEXT.get("csv.chooseFile"));
            return;
        }
        result.setText(TEXT.get("csv.reading"));
        Params p = params;
        CsvTable known = reread ? null : table;
        DataContext ctx = DataContext.of(baseDir).withCancel(() -> generation.get() != mine);
        executor.execute(() -> {
            CsvSource.Preview preview = null;
            Dataset d = null;
            DataException error = null;
            try {
                CsvTable t = known;
                if (t == null) {
                    preview = CsvSource.preview(p, ctx, PREVIEW_ROWS);
                    t = preview.table();
                }
                d = CsvSource.toDataset(t, p, ctx);
            } catch (DataException e) {
                error = e;
            } catch (RuntimeException e) {
                error = new DataException(p.getString("file"), null, String.valueOf(e.getMessage()), e);
            }
            CsvSource.Preview pv = preview;
            Dataset ok = d;
            DataException bad = error;
            Platform.runLater(() -> {
                if (generation.get() != mine) return;
                if (pv != null) showTable(pv);
                built = ok;
                importButton.setDisable(ok == null);
                result.getStyleClass().remove("csv-error");
                if (ok != null) result.setText(describe(ok));
                else {
                    result.setText(bad.getMessage());
                    result.getStyleClass().add("csv-error");
                }
            });
        });
    }

    private static String describe(Dataset d) {
        if (d.labels() == null) return TEXT.get("csv.resultRegression", d.size(), d.sampleShape().size());
        StringBuilder counts = new StringBuilder();
        int[] c = d.classCounts();
        for (int k = 0; k < Math.min(c.length, 8); k++) {
            if (k > 0) counts.append(", ");
            counts.append(d.classNames().get(k)).append(' ').append(c[k]);
        }
        if (c.length > 8) counts.append(", …");
        return TEXT.get("csv.resultClasses", d.size(), d.sampleShape().size(), d.numClasses(), counts.toString());
    }

    /** Shows a newly read table: detection, first rows, one row per column with its role from the settings. */
    private void showTable(CsvSource.Preview pv) {
        table = pv.table();
        CsvTable t = table;
        detected.setText(TEXT.get("csv.detectedText", delimiterLabel(t.delimiter()), t.hasHeader() ? 1 : 0, t.rowCount(),
                t.hadBom() ? 1 : 0, t.crlf() ? 1 : 0));
        rows.getColumns().clear();
        for (int j = 0; j < t.columns().size(); j++) {
            int col = j;
            TableColumn<String[], String> c = new TableColumn<>(t.columns().get(j));
            c.setCellValueFactory(v -> new ReadOnlyObjectWrapper<>(col < v.getValue().length ? v.getValue()[col] : ""));
            c.setSortable(false);
            c.setPrefWidth(Math.max(80, Math.min(220, 20 + 9.5 * t.columns().get(j).length())));
            rows.getColumns().add(c);
        }
        rows.setItems(FXCollections.observableArrayList(pv.firstRows().stream().map(r -> r.toArray(new String[0])).toList()));
        syncing = true;
        try {
            columnRows.clear();
            int label = labelIndex(t);
            List<String> features = CsvSourceRefs.split(params.getString("features"));
            List<String> oneHot = CsvSourceRefs.split(params.getString("oneHot"));
            for (int j = 0; j < t.columns().size(); j++) {
                String name = t.columns().get(j);
                Role role = j == label ? Role.LABEL : features.isEmpty() || CsvSourceRefs.refers(features, name, j) ? Role.FEATURE : Role.IGNORE;
                ColumnRow r = new ColumnRow(j, pv.columns().get(j), role, CsvSourceRefs.refers(oneHot, name, j));
                r.role.addListener((o, a, b) -> rolesChanged(r, a, b));
                r.oneHot.addListener((o, a, b) -> rolesChanged(r, null, null));
                columnRows.add(r);
            }
        } finally {
            syncing = false;
        }
        writeRoles(); // the settings now name the columns as the table shows them
    }

    private int labelIndex(CsvTable t) {
        String ref = params.getString("label");
        if (ref.isBlank()) return t.columns().size() - 1;
        for (int j = 0; j < t.columns().size(); j++) if (CsvSourceRefs.refers(List.of(ref), t.columns().get(j), j)) return j;
        return t.columns().size() - 1;
    }

    /** One label at most: choosing a new label makes the old one a feature. */
    private void rolesChanged(ColumnRow changed, Role before, Role after) {
        if (syncing) return;
        syncing = true;
        try {
            if (after == Role.LABEL) for (ColumnRow r : columnRows) if (r != changed && r.role.get() == Role.LABEL) r.role.set(Role.FEATURE);
        } finally {
            syncing = false;
        }
        columns.refresh();
        writeRoles();
        refresh(false);
    }

    /** Writes the roles into the settings: the label, the features (empty when all other columns are), the one-hot ones. */
    private void writeRoles() {
        List<String> features = new ArrayList<>(), oneHot = new ArrayList<>();
        String label = "";
        boolean allFeatures = true;
        for (ColumnRow r : columnRows) {
            String ref = CsvSourceRefs.ref(table, r.index);
            switch (r.role.get()) {
                case LABEL -> label = ref;
                case FEATURE -> { features.add(ref); if (r.oneHot.get()) oneHot.add(ref); }
                case IGNORE -> allFeatures = false;
            }
        }
        try {
            params = params.with("label", label).with("features", allFeatures ? "" : String.join(",", features))
                    .with("oneHot", String.join(",", oneHot));
        } catch (InvalidParamException e) {
            result.setText(e.getMessage());
        }
    }

    private void buildColumnTable() {
        TableColumn<ColumnRow, String> name = new TableColumn<>(TEXT.get("csv.col.name"));
        name.setCellValueFactory(v -> new ReadOnlyObjectWrapper<>(v.getValue().name()));
        TableColumn<ColumnRow, String> kind = new TableColumn<>(TEXT.get("csv.col.kind"));
        kind.setCellValueFactory(v -> new ReadOnlyObjectWrapper<>(TEXT.get(v.getValue().stats.numeric() ? "csv.kind.number" : "csv.kind.text",
                v.getValue().stats.distinct())));
        TableColumn<ColumnRow, String> missing = new TableColumn<>(TEXT.get("csv.col.missing"));
        missing.setCellValueFactory(v -> new ReadOnlyObjectWrapper<>(Integer.toString(v.getValue().stats.missing())));
        TableColumn<ColumnRow, String> range = new TableColumn<>(TEXT.get("csv.col.range"));
        range.setCellValueFactory(v -> {
            ColumnStats s = v.getValue().stats;
            return new ReadOnlyObjectWrapper<>(Double.isNaN(s.min()) ? "–" : TEXT.get("csv.range", number(s.min()), number(s.max()), number(s.mean())));
        });
        TableColumn<ColumnRow, Role> role = new TableColumn<>(TEXT.get("csv.col.role"));
        role.setCellValueFactory(v -> v.getValue().role);
        role.setCellFactory(ComboBoxTableCell.forTableColumn(new StringConverter<>() {
            @Override public String toString(Role r) { return r == null ? "" : TEXT.get("csv.role." + r.name().toLowerCase(Locale.ROOT)); }
            @Override public Role fromString(String s) { return null; }
        }, Role.values()));
        role.setEditable(true);
        role.setPrefWidth(120);
        TableColumn<ColumnRow, Boolean> oneHot = new TableColumn<>(TEXT.get("csv.col.oneHot"));
        oneHot.setCellValueFactory(v -> v.getValue().oneHot);
        oneHot.setCellFactory(CheckBoxTableCell.forTableColumn(oneHot));
        oneHot.setEditable(true);
        name.setPrefWidth(150);
        kind.setPrefWidth(170);
        missing.setPrefWidth(70);
        range.setPrefWidth(280);
        oneHot.setPrefWidth(80);
        columns.getColumns().addAll(List.of(name, kind, missing, range, role, oneHot));
        columns.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
    }

    /** Four significant digits without trailing zeros: 0.1, 7.9, 5.843. */
    private static String number(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String delimiterLabel(char c) { return TEXT.get("csv.delimiter." + CsvTable.delimiterName(c)); }

    private static Label heading(String key) {
        Label l = new Label(TEXT.get(key));
        l.getStyleClass().add("data-heading");
        return l;
    }

    /** How the wizard names columns in the settings: by name, or by number when the name cannot be written in a list. */
    static final class CsvSourceRefs {
        private CsvSourceRefs() {}

        static String ref(CsvTable t, int j) {
            String name = t.columns().get(j);
            boolean clash = false;
            for (int k = 0; k < t.columns().size(); k++) if (k != j && t.columns().get(k).equalsIgnoreCase(name)) clash = true;
            return name.contains(",") || name.isBlank() || name.strip().matches("\\d+") || !name.equals(name.strip()) || clash
                    ? Integer.toString(j + 1) : name;
        }

        static List<String> split(String s) {
            List<String> out = new ArrayList<>();
            for (String p : s.split(",")) if (!p.isBlank()) out.add(p.strip());
            return out;
        }

        static boolean refers(List<String> refs, String name, int j) {
            for (String r : refs) if (r.equals(name) || r.equalsIgnoreCase(name) || r.equals(Integer.toString(j + 1))) return true;
            return false;
        }
    }
}
