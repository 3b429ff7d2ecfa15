package org.layerlab.app.ui;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.train.TrainingConfig;
import org.layerlab.compute.train.TrainingSettings;
import org.layerlab.editor.GraphEditor;
import org.layerlab.editor.ParamSheet;
import org.layerlab.editor.command.ValueEdit;

/**
 * The Training panel: the project's run settings as a property sheet generated from their declaration
 * ({@link TrainingSettings}), a chosen optimizer's or schedule's own settings shown only while it is chosen. Every
 * change is one labelled command in the editor's history ("Set learning rate to 0.003"), so Undo walks back through
 * graph edits and settings alike. While a run trains with other settings, a note says the changes apply to the next run.
 */
public final class TrainingPanel extends VBox {
    private final ProjectDocumentModel document;
    private final GraphEditor editor;
    private final ParamSheet sheet = new ParamSheet();

    TrainingPanel(ProjectDocumentModel document, GraphEditor editor, TrainingSession session) {
        this.document = document;
        this.editor = editor;
        setId("training-panel");
        getStyleClass().add("training-panel");
        Label title = new Label(TrainingSession.TEXT.get("panel.title"));
        title.getStyleClass().add("panel-title");
        Label about = new Label(TrainingSession.TEXT.get("panel.about"));
        about.setWrapText(true);
        about.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // every line of it: the sheet below scrolls instead
        about.getStyleClass().add("panel-description");
        Label nextRun = new Label(TrainingSession.TEXT.get("panel.nextRun"));
        nextRun.setId("training-next-run");
        nextRun.setWrapText(true);
        nextRun.getStyleClass().add("stale-label");
        BooleanBinding differs = Bindings.createBooleanBinding(() -> session.trainedSettingsProperty().get() != null
                && !session.trainedSettingsProperty().get().equals(document.training()), session.trainedSettingsProperty(), document.trainingProperty());
        nextRun.visibleProperty().bind(differs);
        nextRun.managedProperty().bind(differs);
        sheet.setId("training-sheet");
        sheet.setOnChange((spec, value, after) -> change(spec, after));
        sheet.show(document.training().settings());
        VBox.setVgrow(sheet, Priority.ALWAYS);
        setSpacing(6);
        setPadding(new Insets(8));
        getChildren().addAll(title, about, nextRun, sheet);
        document.trainingProperty().addListener((o, a, b) -> sheet.show(b.settings()));
    }

    /** Makes one accepted setting change (the sheet checked it against the declaration) as an undoable command. */
    void change(ParamSpec spec, org.layerlab.compute.catalog.Params values) {
        TrainingConfig before = document.training();
        TrainingConfig after = new TrainingConfig(values);
        if (after.equals(before)) return;
        editor.execute(new ValueEdit<>(label(spec, after), document::setTraining, before, after));
    }

    /** "Set learning rate to 0.003": the setting's label as in a sentence, and the new value as people read it. */
    static String label(ParamSpec spec, TrainingConfig after) {
        String name = spec.label();
        // "Learning rate" reads "learning rate" mid-sentence; "L1 penalty" and "β₁" keep their form.
        if (name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isLowerCase(name.charAt(1))) {
            name = name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
        }
        return TrainingSession.TEXT.get("set", name, TrainingSettings.valueText(spec, after.settings().get(spec.name())));
    }

    ParamSheet sheet() { return sheet; }
}
