package org.layerlab.charts.data;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.layerlab.compute.text.Messages;

/** The per-column statistics table: column, minimum, maximum, mean and missing values. */
public final class ColumnStatsView extends TableView<ColumnStats.Row> {
    private static final Messages TEXT = Messages.of("org.layerlab.charts.i18n.preview", ColumnStatsView.class);

    public ColumnStatsView() {
        setId("column-stats");
        getStyleClass().add("column-stats");
        TableColumn<ColumnStats.Row, String> name = new TableColumn<>(TEXT.get("stats.column"));
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().column()));
        getColumns().add(name);
        getColumns().add(number(TEXT.get("stats.min"), r -> format(r.min())));
        getColumns().add(number(TEXT.get("stats.max"), r -> format(r.max())));
        getColumns().add(number(TEXT.get("stats.mean"), r -> format(r.mean())));
        getColumns().add(number(TEXT.get("stats.missing"), r -> Long.toString(r.missing())));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY);
        setPlaceholder(new Label(TEXT.get("stats.none")));
    }

    /** Shows statistics computed elsewhere (off the FX thread for large sets: {@link ColumnStats#of}). */
    public void show(List<ColumnStats.Row> rows) { setItems(FXCollections.observableArrayList(rows)); }

    private static TableColumn<ColumnStats.Row, String> number(String title, Function<ColumnStats.Row, String> f) {
        TableColumn<ColumnStats.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(v -> new ReadOnlyObjectWrapper<>(f.apply(v.getValue())));
        c.getStyleClass().add("number-column");
        return c;
    }

    static String format(double v) {
        if (Double.isNaN(v)) return "–";
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e6) ? String.format(Locale.ROOT, "%.3e", v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
