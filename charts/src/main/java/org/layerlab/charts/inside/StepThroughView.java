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
    static final Messages SAMPLE_TEXT = Messages.of("org.layerlab.charts.i18n.stepsample", StepThroughView.class);
    /** Any sample of the training set by its index (0-based, as the trace names them). */
    private final Spinner<Integer> index = new Spinner<>(0, 0, 0);
    private final Label aloneNote = new Label();
    private SampleSource source;
    /** The training sample picked outside the batch (null: a row of the batch is shown) and its trace once ready. */
    private Integer picked;
    /** The training-set index of the sample shown (-1: none), for the decision view to ring. */
    private final javafx.beans.property.ReadOnlyIntegerWrapper shownSample = new javafx.beans.property.ReadOnlyIntegerWrapper(-1);
    private org.layerlab.compute.train.probe.SampleTrace alone;
    /** Keeps an older pick's late trace from replacing a newer pick's. */
    private long picks;

    /**
     * Where samples outside a step's batch are traced: the training set's size and a trace of any of its samples at a
     * step's starting weights, computed off the FX thread.
     */
    public interface SampleSource {
        int size();

        java.util.concurrent.CompletableFuture<org.layerlab.compute.train.probe.SampleTrace> trace(StepTrace step, int index);
    }
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
        sample.valueProperty().addListener((o, a, b) -> {
            if (!choosingRow) { picked = null; alone = null; }
            layOut();
        });
        index.setId("step-sample-index");
        index.setEditable(true);
        index.setPrefWidth(96);
        index.setTooltip(new javafx.scene.control.Tooltip(SAMPLE_TEXT.get("anyTip")));
        index.valueProperty().addListener((o, a, b) -> { if (!choosingRow && b != null) pickSample(b); });
        aloneNote.setId("step-alone-note");
        aloneNote.getStyleClass().addAll("inside-caption", "step-alone-note");
        aloneNote.setWrapText(true);
        aloneNote.managedProperty().bind(aloneNote.visibleProperty());
        aloneNote.setVisible(false);
        sampleInfo.getStyleClass().add("inside-caption");
        sampleInfo.setId("step-sample-info");
        HBox pick = new HBox(8, new Label(TEXT.get("step.sample")), sample, sampleInfo);
        pick.setAlignment(Pos.CENTER_LEFT);
        Label anyLabel = new Label(SAMPLE_TEXT.get("any"));
        HBox any = new HBox(8, anyLabel, index);
        any.setAlignment(Pos.CENTER_LEFT);
        any.visibleProperty().bind(index.disableProperty().not());
        any.managedProperty().bind(any.visibleProperty());
        index.setDisable(true);
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
        body.getChildren().addAll(pick, any, aloneNote, section(TEXT.get("step.forward")), forward, section(TEXT.get("step.backward")), backward,
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

    /** Where samples outside the batch are traced (the window's session); without one only the batch's rows show. */
    public void setSampleSource(SampleSource s) {
        source = s;
        updateIndexRange();
    }

    /** The training-set index of the sample on show (-1 before a step). */
    public javafx.beans.property.ReadOnlyIntegerProperty shownSampleProperty() { return shownSample.getReadOnlyProperty(); }

    /** The training sample picked outside the step's batch, or null while a row of the batch is shown. */
    public Integer pickedSample() { return picked; }

    /** The trace of the picked sample outside the batch once it has arrived, else null. */
    public org.layerlab.compute.train.probe.SampleTrace aloneTrace() { return alone; }

    private boolean choosingRow;

    /**
     * Shows training sample {@code i}: its row when this step's batch holds it (the trainer's own numbers), else a
     * trace of it alone at the weights the step started from, asked of the sample source (shown when it arrives). The
     * choice stays for the next Step. FX thread.
     */
    public void pickSample(int i) {
        StepTrace t = shown.get();
        choosingRow = true;
        try {
            if (index.getValueFactory().getValue() == null || index.getValue() != i) {
                if (i <= ((SpinnerValueFactory.IntegerSpinnerValueFactory) index.getValueFactory()).getMax()) index.getValueFactory().setValue(i);
            }
            int row = t == null ? -1 : rowOf(t, i);
            if (row >= 0) {
                picked = null;
                alone = null;
                sample.getValueFactory().setValue(row + 1);
                layOut();
                return;
            }
        } finally {
            choosingRow = false;
        }
        picked = i;
        alone = null;
        layOut();
        traceAlone(t);
    }

    /** The index spinner names the sample shown (without picking it again). */
    private void showIndex(int i) {
        var f = (SpinnerValueFactory.IntegerSpinnerValueFactory) index.getValueFactory();
        if (i > f.getMax() || java.util.Objects.equals(index.getValue(), i)) return;
        boolean was = choosingRow;
        choosingRow = true;
        try {
            f.setValue(i);
        } finally {
            choosingRow = was;
        }
    }

    private static int rowOf(StepTrace t, int sampleIndex) {
        for (int r = 0; r < t.batchSize(); r++) if (t.samples()[r] == sampleIndex) return r;
        return -1;
    }

    /** Asks for the picked sample's trace at {@code t}'s starting weights; a newer pick or step makes it stale. */
    private void traceAlone(StepTrace t) {
        if (t == null || picked == null || source == null || !fits(t)) return;
        long ask = ++picks;
        int i = picked;
        source.trace(t, i).whenComplete((s, err) -> javafx.application.Platform.runLater(() -> {
            if (ask != picks || shown.get() != t || picked == null || picked != i) return;
            if (err != null) {
                aloneNote.setText(SAMPLE_TEXT.get("failed", i, err.getCause() != null ? err.getCause().getMessage() : err.getMessage()));
                return;
            }
            alone = s;
            layOut();
        }));
    }

    private void updateIndexRange() {
        int n = source == null ? 0 : source.size();
        choosingRow = true;
        try {
            int keep = index.getValue() == null ? 0 : Math.min(index.getValue(), Math.max(0, n - 1));
            index.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, Math.max(0, n - 1), keep));
        } finally {
            choosingRow = false;
        }
        index.setDisable(n == 0);
    }

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
        choosingRow = true;
        try {
            sample.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, t.batchSize(), row + 1));
        } finally {
            choosingRow = false;
        }
        updateIndexRange();
        caption.setText(TEXT.get("step.caption", Long.toString(t.step()), Integer.toString(t.epoch()), Integer.toString(t.batchSize()),
                WiresView.number(t.loss())));
        List<UpdateRow> rows = new ArrayList<>();
        for (StepTrace.Weights w : t.weights()) {
            int[] shape = w.shape();
            for (int i = 0; i < w.after().length; i++) rows.add(new UpdateRow(w.layerName(), weightName(w, shape, i),
                    w.before()[i], w.gradient()[i], w.update(i), w.after()[i]));
        }
        updates.setItems(FXCollections.observableList(rows));
        if (picked != null && source != null && picked >= source.size()) picked = null; // another data set since
        if (picked != null) {
            pickSample(picked); // the picked sample stays picked: its row in the new batch, or traced alone again
            return;
        }
        layOut();
    }

    private static String weightName(StepTrace.Weights w, int[] shape, int i) {
        if (w.name().equals("kernel") && shape.length == 2) return TEXT.get("step.weightName", w.name(), i / shape[1] + 1, i % shape[1] + 1);
        if (w.name().equals("bias")) return TEXT.get("step.biasName", "", i + 1).trim();
        return TEXT.get("step.otherName", "", w.name(), i + 1).trim();
    }

    /** The forward and backward columns for the chosen row, or for the sample picked outside the batch. */
    private void layOut() {
        StepTrace t = shown.get();
        if (t == null || !fits(t)) return;
        int row = Math.max(0, Math.min(shownRow(), t.batchSize() - 1));
        forward.getChildren().clear();
        backward.getChildren().clear();
        if (picked != null) {
            layOutAlone(t);
            return;
        }
        aloneNote.setVisible(false);
        showIndex(t.samples()[row]);
        shownSample.set(t.samples()[row]);
        String what = t.labels() != null ? TEXT.get("step.label", t.labels()[row])
                : TEXT.get("step.target", targets(t, row));
        String features = t.layers().isEmpty() ? "" : " \u00b7 " + SAMPLE_TEXT.get("features", numbers(t.layers().get(0).values(row)));
        sampleInfo.setText(TEXT.get("step.sampleOf", t.batchSize(), Integer.toString(t.samples()[row]), what) + features);
        List<float[]> values = new ArrayList<>(), gradients = new ArrayList<>();
        for (StepTrace.Layer l : t.layers()) {
            values.add(l.values(row));
            gradients.add(l.gradients(row));
        }
        columns(t.layers(), values, gradients, t.loss(), TEXT.get("step.lossNote"));
    }

    /** The picked sample outside the batch: a note while its trace is on its way, then its own columns. */
    private void layOutAlone(StepTrace t) {
        sampleInfo.setText("");
        shownSample.set(picked);
        aloneNote.setVisible(true);
        var s = alone;
        if (s == null || s.step() != t.step()) {
            aloneNote.setText(source == null ? "" : SAMPLE_TEXT.get("tracing", picked));
            return;
        }
        String what = s.label() >= 0 ? TEXT.get("step.label", s.label()) : TEXT.get("step.target", numbers(s.targets()));
        aloneNote.setText(SAMPLE_TEXT.get("alone", s.index(), what, SAMPLE_TEXT.get("features", numbers(s.features()))));
        List<float[]> values = new ArrayList<>(), gradients = new ArrayList<>();
        for (StepTrace.Layer l : s.layers()) {
            values.add(l.values(0));
            gradients.add(l.gradients(0));
        }
        columns(s.layers(), values, gradients, s.loss(), SAMPLE_TEXT.get("aloneLossNote"));
    }

    private void columns(List<StepTrace.Layer> layers, List<float[]> values, List<float[]> gradients, double loss, String lossNote) {
        for (int i = 0; i < layers.size(); i++) {
            if (!forward.getChildren().isEmpty()) forward.getChildren().add(arrow("\u2192"));
            forward.getChildren().add(column(layers.get(i), values.get(i), "trace-value-"));
        }
        forward.getChildren().add(arrow("\u2192"));
        VBox lossBox = new VBox(2, heading(TEXT.get("step.loss")), cell(loss, "trace-loss"), note(lossNote));
        lossBox.getStyleClass().add("step-loss");
        forward.getChildren().add(lossBox);
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (gradients.get(i) == null) continue;
            if (!backward.getChildren().isEmpty()) backward.getChildren().add(arrow("\u2192"));
            backward.getChildren().add(column(layers.get(i), gradients.get(i), "trace-grad-"));
        }
    }

    private static String numbers(float[] v) {
        if (v == null) return "\u2013";
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < v.length; k++) sb.append(k == 0 ? "" : ", ").append(WiresView.number(v[k]));
        return sb.toString();
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
