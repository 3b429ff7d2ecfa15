package org.layerlab.app.ui;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.layerlab.compute.data.DrawnPoint;
import org.layerlab.compute.data.InputShapes;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.project.DatasetSpec;
import org.layerlab.compute.tensor.Shape;
import org.layerlab.compute.text.Messages;
import org.layerlab.compute.train.RunPreflight;
import org.layerlab.editor.GraphEditor;
import org.layerlab.editor.command.DocumentEdit;

/**
 * The project's data set as the window edits it. Every change is one labelled undoable step in the editor's
 * history ("Undo Set data set to Exclusive or"), and when the source's sample shape is known the Input layer follows
 * it in the same step, so one Undo takes back both. Opening a project sets it without history. FX thread.
 */
final class DataSetModel {
    private static final Messages TEXT = Messages.of("org.layerlab.app.i18n.datapanel", DataSetModel.class);
    private final ReadOnlyObjectWrapper<DatasetSpec> spec = new ReadOnlyObjectWrapper<>();
    private final GraphEditor editor;
    /** Counts the steps of the editor's history, to know whether the last data change is still the latest step. */
    private long historyVersion;
    private Edit last;
    private long lastVersion = -1;
    /** What the current data set was found to hold (classes, targets) and which data set that was; null until known. */
    private RunPreflight.DataDescription described;
    private DatasetSpec describedSpec;

    DataSetModel(GraphEditor editor, DatasetSpec initial) {
        this.editor = editor;
        spec.set(initial);
        editor.history().addListener(() -> historyVersion++);
    }

    ReadOnlyObjectProperty<DatasetSpec> specProperty() { return spec.getReadOnlyProperty(); }

    DatasetSpec spec() { return spec.get(); }

    /** A project was opened: its data set, no undo step. */
    void open(DatasetSpec s) { spec.set(s); }

    /** The source's sample shape without loading (null when only a load tells, e.g. a CSV file). */
    static Shape knownShape(DatasetSpec s) { return s.dataSource().sampleShape(s.params()); }

    /** Changes the data set as one undoable step named {@code label}; the Input layer follows a known sample shape. */
    void change(String label, DatasetSpec after) { change(label, after, knownShape(after)); }

    /** As {@link #change(String, DatasetSpec)}, with the sample shape a load found ({@code null}: leave the Input as it is). */
    void change(String label, DatasetSpec after, Shape sample) {
        DatasetSpec before = spec.get();
        if (after.equals(before) && InputShapes.follow(editor.getGraph(), sample) == editor.getGraph()) return;
        ModelGraph graphBefore = editor.getGraph(), graphAfter = InputShapes.follow(graphBefore, sample);
        Edit e = new Edit(label, before, after, graphBefore, graphAfter, before.equals(describedSpec) ? described : null);
        editor.execute(e);
        last = e;
        lastVersion = historyVersion;
    }

    /**
     * A load of {@code loaded} found its samples to be {@code sample} (a file source, whose shape only a load tells):
     * the Input layer follows as part of the change that chose the data when that change is still the latest step,
     * else as a step of its own. Nothing happens when the data set changed since or the Input already fits.
     */
    void followLoadedShape(DatasetSpec loaded, Shape sample) {
        if (!loaded.equals(spec.get())) return;
        ModelGraph now = editor.getGraph(), fitted = InputShapes.follow(now, sample);
        if (fitted == now) return;
        if (last != null && last.after.equals(loaded) && lastVersion == historyVersion) {
            last.graphAfter = fitted;
            editor.graphProperty().set(fitted);
        } else {
            change(TEXT.get("edit.inputFollows", sample), loaded, sample);
        }
    }

    /**
     * The data set {@code spec} was found to hold {@code data} (its classes or targets). When it is the data a change
     * just chose, and that change is still the latest step, the Output head's units follow the new class count (or
     * target count) as part of that change, so one Undo takes back both. Units the user set by hand stay as they are
     * while the count does not change; the card then offers the fix. FX thread.
     */
    void followDescription(DatasetSpec spec, RunPreflight.DataDescription data) {
        if (!spec.equals(this.spec.get())) return;
        boolean fresh = last != null && last.after.equals(spec) && lastVersion == historyVersion && !last.unitsFollowed;
        if (fresh) {
            last.unitsFollowed = true;
            ModelGraph now = editor.getGraph(), fitted = OutputCheck.followUnits(now, last.describedBefore, data);
            if (fitted != now) {
                last.graphAfter = fitted;
                editor.graphProperty().set(fitted);
            }
        }
        described = data;
        describedSpec = spec;
    }

    /** Sets drawn points as one step ("Draw 12 points", "Erase 3 points", "Clear points"). */
    void changePoints(String label, List<DrawnPoint> points) { change(label, spec.get().withPoints(points)); }

    /** The toolbar's name of a data set: "Two spirals, 400 points", "Draw your own · 12 points", "IDX files". */
    static String title(DatasetSpec s) {
        String name = s.dataSource().displayName();
        if (s.dataSource() instanceof org.layerlab.compute.data.DrawnSource) return TEXT.get("toolbar.points", name, s.points().size());
        if (s.params().asMap().containsKey("samples")) return TEXT.get("toolbar.points", name, s.params().getInt("samples"));
        return name;
    }

    /** The label of a settings change: "Set Noise to 0.5". */
    static String setLabel(String setting, Object value) { return TEXT.get("edit.set", setting, value); }

    /** The data set and, when the Input shape changes with it, the graph: one step in the editor's history. */
    private final class Edit implements DocumentEdit {
        private final String label;
        private final DatasetSpec before, after;
        private ModelGraph graphBefore, graphAfter;
        /** What the data before held, to tell whether the class count changed (null: not known). */
        private final RunPreflight.DataDescription describedBefore;
        /** Whether the Output head has had its chance to follow the data this step chose. */
        private boolean unitsFollowed;

        Edit(String label, DatasetSpec before, DatasetSpec after, ModelGraph graphBefore, ModelGraph graphAfter,
             RunPreflight.DataDescription describedBefore) {
            this.describedBefore = describedBefore;
            this.label = label;
            this.before = before;
            this.after = after;
            this.graphBefore = graphBefore;
            this.graphAfter = graphAfter;
        }

        @Override public String label() { return label; }

        @Override public void apply() {
            // the Input step of its own has the same spec before and after: only the graph changes
            spec.set(after);
            // Steps are undone in order, so the graph is as this step left it whenever it is taken back.
            if (graphAfter != graphBefore) editor.graphProperty().set(graphAfter);
        }

        @Override public void revert() {
            spec.set(before);
            if (graphAfter != graphBefore) editor.graphProperty().set(graphBefore);
        }
    }
}
