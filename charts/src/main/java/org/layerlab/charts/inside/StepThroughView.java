package org.layerlab.charts.inside;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.layerlab.compute.text.Messages;
import org.layerlab.compute.train.probe.StepTrace;

/**
 * Step through: what the last traced training step did, for one sample of its batch — each layer's output flowing
 * forward, the batch's loss, the gradient of the loss with respect to each layer's output flowing back (last layer
 * first), and, for the whole step, every weight before, its gradient, its update and after. The numbers are the
 * trainer's own, recorded during the step ({@link StepTrace}); this view only lays them out.
 */
public final class StepThroughView extends VBox {
    static final Messages TEXT = WiresView.TEXT;
    /** Wider layers are not shown neuron by neuron. */
    public static final int MAX_UNITS = 64;

    private final Label empty = new Label(TEXT.get("step.empty"));
    private final Label caption = new Label(), sampleInfo = new Label();
    private final Spinner<Integer> sample = new Spinner<>(1, 1, 1);
    private final HBox forward = new HBox(6), backward = new HBox(6);
    private final TableView<UpdateRow> updates = new TableView<>();
    private final VBox body = new VBox(6);
    private final ReadOnlyObjectWrapper<StepTrace> shown = new ReadOnlyObjectWrapper<>();

    /** One weight's line in the updates table. */
    public record UpdateRow(String layer, String weight, float before, float gradient, float update, float after) {}

    public StepThroughView() {
        setId("step-through");
        getStyleClass().add("step-through-view");
        Label title = new Label(TEXT.get("step.title"));
        title.getStyleClass().add("inside-title");
        caption.setId("step-caption");
        caption.getStyleClass().add("inside-caption");
        HBox head = new HBox(12, title, caption);
        head.setAlignment(Pos.CENTER_LEFT);
        empty.getStyleClass().add("inside-empty");
        empty.setWrapText(true);
        empty.setId("step-empty");
        sample.setId("step-sample");
        sample.setEditable(true);
        sample.setPrefWidth(80);
        sample.valueProperty().addListener((o, a, b) -> layOut());
        sampleInfo.getStyleClass().add("inside-caption");
        sampleInfo.setId("step-sample-info");
        HBox pick = new HBox(8, new Label(TEXT.get("step.sample")), sample, sampleInfo);
        pick.setAlignment(Pos.CENTER_LEFT);
        forward.getStyleClass().add("step-flow");
        backward.getStyleClass().add("step-flow");
        updates.setId("step-updates");
        updates.getStyleClass().add("step-updates");
        updates.setPrefHeight(220);
        updates.getColumns().add(column(TEXT.get("step.col.layer"), r -> r.layer()));
        updates.getColumns().add(column(TEXT.get("step.col.weight"), r -> r.weight()));
        updates.getColumns().add(column(TEXT.get("step.col.before"), r -> WiresView.number(r.before())));
        updates.getColumns().add(column(TEXT.get("step.col.gradient"), r -> WiresView.number(r.gradient())));
        updates.getColumns().add(column(TEXT.get("step.col.update"), r -> WiresView.number(r.update())));
        updates.getColumns().add(column(TEXT.get("step.col.after"), r -> WiresView.number(r.after())));
        updates.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        body.getChildren().addAll(pick, section(TEXT.get("step.forward")), forward, section(TEXT.get("step.backward")), backward,
                section(TEXT.get("step.updates")), updates);
        body.setVisible(false);
        body.managedProperty().bind(body.visibleProperty());
        setSpacing(6);
        getChildren().addAll(head, empty, body);
    }

    private static TableColumn<UpdateRow, String> column(String name, java.util.function.Function<UpdateRow, String> text) {
        TableColumn<UpdateRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(text.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("step-section");
        return l;
    }

    /** The trace on screen, or null. */
    public javafx.beans.property.ReadOnlyObjectProperty<StepTrace> shownProperty() { return shown.getReadOnlyProperty(); }

    /** The batch row shown (0-based). */
    public int shownRow() { return sample.getValue() - 1; }

    /** Shows row {@code row} (0-based) of the trace's batch, as the sample spinner does. */
    public void showRow(int row) { sample.getValueFactory().setValue(row + 1); }

    /** Whether a network's layers are small enough to be shown neuron by neuron. */
    public static boolean fits(StepTrace t) {
        return t.layers().stream().allMatch(l -> l.width() <= MAX_UNITS);
    }

    /** Shows a new trace (null: none yet), keeping the sample row when it still exists. FX thread. */
    public void show(StepTrace t) {
        shown.set(t);
        empty.setText(t != null && !fits(t) ? TEXT.get("step.tooLarge", MAX_UNITS) : TEXT.get("step.empty"));
        boolean visible = t != null && fits(t);
        empty.setVisible(!visible);
        empty.setManaged(!visible);
        body.setVisible(visible);
        if (!visible) {
            caption.setText("");
            return;
        }
        int row = Math.min(shownRow(), t.batchSize() - 1);
        sample.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, t.batchSize(), row + 1));
        caption.setText(TEXT.get("step.caption", Long.toString(t.step()), Integer.toString(t.epoch()), Integer.toString(t.batchSize()),
                WiresView.number(t.loss())));
        List<UpdateRow> rows = new ArrayList<>();
        for (StepTrace.Weights w : t.weights()) {
            int[] shape = w.shape();
            for (int i = 0; i < w.after().length; i++) rows.add(new UpdateRow(w.layerName(), weightName(w, shape, i),
                    w.before()[i], w.gradient()[i], w.update(i), w.after()[i]));
        }
        updates.setItems(FXCollections.observableList(rows));
        layOut();
    }

    private static String weightName(StepTrace.Weights w, int[] shape, int i) {
        if (w.name().equals("kernel") && shape.length == 2) return TEXT.get("step.weightName", w.name(), i / shape[1] + 1, i % shape[1] + 1);
        if (w.name().equals("bias")) return TEXT.get("step.biasName", "", i + 1).trim();
        return TEXT.get("step.otherName", "", w.name(), i + 1).trim();
    }

    /** The forward and backward columns for the chosen row. */
    private void layOut() {
        StepTrace t = shown.get();
        if (t == null || !fits(t)) return;
        int row = Math.max(0, Math.min(shownRow(), t.batchSize() - 1));
        String what = t.labels() != null ? TEXT.get("step.label", t.labels()[row])
                : TEXT.get("step.target", targets(t, row));
        sampleInfo.setText(TEXT.get("step.sampleOf", t.batchSize(), Integer.toString(t.samples()[row]), what));
        forward.getChildren().clear();
        backward.getChildren().clear();
        for (StepTrace.Layer l : t.layers()) {
            if (!forward.getChildren().isEmpty()) forward.getChildren().add(arrow("\u2192"));
            forward.getChildren().add(column(l, l.values(row), "trace-value-"));
        }
        forward.getChildren().add(arrow("\u2192"));
        VBox loss = new VBox(2, heading(TEXT.get("step.loss")), cell(t.loss(), "trace-loss"), note(TEXT.get("step.lossNote")));
        loss.getStyleClass().add("step-loss");
        forward.getChildren().add(loss);
        List<StepTrace.Layer> back = new ArrayList<>(t.layers());
        java.util.Collections.reverse(back);
        for (StepTrace.Layer l : back) {
            if (l.gradients() == null) continue;
            if (!backward.getChildren().isEmpty()) backward.getChildren().add(arrow("\u2192"));
            backward.getChildren().add(column(l, l.gradients(row), "trace-grad-"));
        }
    }

    /** The direction the numbers flow, between two columns. */
    private static Label arrow(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("step-arrow");
        return l;
    }

    private static String targets(StepTrace t, int row) {
        if (t.targets() == null) return "–";
        int per = t.targets().length / t.batchSize();
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < per; k++) sb.append(k == 0 ? "" : ", ").append(WiresView.number(t.targets()[row * per + k]));
        return sb.toString();
    }

    private static VBox column(StepTrace.Layer l, float[] values, String idPrefix) {
        VBox c = new VBox(1, heading(TEXT.get("step.unit", l.name(), l.width())));
        c.getStyleClass().add("step-column");
        for (int i = 0; i < values.length; i++) c.getChildren().add(cell(values[i], idPrefix + l.nodeId() + "-" + i));
        return c;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("step-heading");
        return l;
    }

    private static Label note(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("inside-caption");
        l.setWrapText(true);
        l.setMaxWidth(110);
        return l;
    }

    private static Label cell(double v, String id) {
        Label l = new Label(WiresView.number(v));
        l.setId(id);
        l.getStyleClass().addAll("step-cell", v > 0 ? "step-positive" : v < 0 ? "step-negative" : "step-zero");
        return l;
    }
}
