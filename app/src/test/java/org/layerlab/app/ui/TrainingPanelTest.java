package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.charts.TrainingDashboard;
import org.layerlab.charts.model.RunData;
import org.layerlab.compute.train.TrainingSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Training panel: settings from the declaration, each change an undoable step in the Edit menu, read by the next run. */
@ExtendWith(ApplicationExtension.class)
class TrainingPanelTest extends MainWindowFixture {

    @Start
    void start(Stage stage) { open(stage); }

    /** Types a value into the panel's field for a run setting and presses Enter, as a user does. */
    private void type(FxRobot robot, String setting, String value) throws Exception {
        robot.clickOn("#training-tab");
        Node field = field(robot, setting);
        robot.doubleClickOn(field);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(value);
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text field of a setting's editor on the Training panel (a spinner's own text field). */
    private static Node field(FxRobot robot, String setting) {
        String id = "training-sheet-" + setting;
        Node text = robot.lookup((Node n) -> (id + "-text").equals(n.getId())).tryQuery().orElse(null);
        return text != null ? text : robot.lookup((Node n) -> id.equals(n.getId())).query();
    }

    /** The text a control draws: its own text, or that cut short with an ellipsis where it does not fit. */
    private static String shownText(Node n) {
        return String.join(" ", n.lookupAll(".text").stream().filter(t -> t instanceof javafx.scene.text.Text)
                .map(t -> ((javafx.scene.text.Text) t).getText()).toList());
    }

    /** Whether the panel shows a row for this setting now. */
    private static boolean shown(FxRobot robot, String setting) {
        return robot.lookup((Node n) -> ("training-sheet-" + setting).equals(n.getId())).tryQuery().isPresent();
    }

    @Test
    void atTheSmallWindowSizeEverySettingNameAndValueReadsWhole(FxRobot robot) throws Exception {
        robot.clickOn("#training-tab");
        WaitForAsyncUtils.waitForFxEvents();
        // The headless screen is 1280×800: the side panel has its narrowest width, as on a projector.
        assertTrue(onFx(() -> window.sideTabs().getWidth()) <= 301, "side panel " + onFx(() -> window.sideTabs().getWidth()));
        assertEquals("1e-8", onFx(() -> ((javafx.scene.control.TextField) field(robot, "optimizer.adam.epsilon")).getText()),
                "Adam's ε reads as a number, not a field of zeros");
        var cut = onFx(() -> robot.lookup("#training-sheet").lookup(".label").queryAllAs(javafx.scene.control.Label.class).stream()
                .filter(l -> l.isVisible() && !shownText(l).equals(l.getText())).map(javafx.scene.control.Label::getText).toList());
        assertTrue(cut.isEmpty(), "names cut short: " + cut);
        var combos = onFx(() -> robot.lookup("#training-sheet").lookup(".combo-box").lookup(".list-cell")
                .queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(c -> c.getText() != null && !shownText(c).equals(c.getText())).map(c -> c.getText()).toList());
        assertTrue(combos.isEmpty(), "choices cut short: " + combos);
    }

    @Test
    void aLearningRateSetInThePanelIsTheOneTheNextRunTrainsWith(FxRobot robot) throws Exception {
        type(robot, "optimizer.adam.learningRate", "0.003");
        type(robot, TrainingSettings.EPOCHS, "2");
        assertEquals(0.003, onFx(() -> window.document().training().optimizerParams().getDouble("learningRate")));
        assertTrue(onFx(() -> window.document().edited()), "a settings change is unsaved work");

        robot.clickOn("#train-button");
        TrainingDashboard charts = awaitCompletedRuns(1);
        RunData run = onFx(() -> charts.store().runs().get(0));
        assertEquals("0.003", run.info().settings().get("Learning rate"), run.info().settings().toString());
        assertEquals("2", run.info().settings().get("Epochs"));
        assertEquals("Adam", run.info().settings().get("Optimizer"));
        assertEquals("softmax-cross-entropy", run.info().settings().get("loss"), "the loss is the Output head's");
        assertEquals(2, onFx(() -> run.find("epoch/loss").size()));
    }

    @Test
    void aSettingsChangeIsOneLabelledStepInTheSameHistoryAsGraphEdits(FxRobot robot) throws Exception {
        type(robot, "optimizer.adam.learningRate", "0.003");
        MenuItem undo = onFx(() -> window.editor().editMenu().getItems().stream().filter(i -> "menu-undo".equals(i.getId())).findFirst().orElseThrow());
        assertEquals("Undo Set learning rate to 0.003", onFx(undo::getText));

        onFx(() -> { window.editor().canvas().requestFocus(); undo.fire(); return null; }); // as from the menu, the field no longer focused
        assertEquals(0.01, onFx(() -> window.document().training().optimizerParams().getDouble("learningRate")), "the sample's own rate again");
        assertEquals("Redo Set learning rate to 0.003", onFx(() -> window.editor().redoLabelProperty().get() == null ? null
                : "Redo " + window.editor().redoLabelProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        Node field = field(robot, "optimizer.adam.learningRate");
        assertEquals(0.01, Double.parseDouble(onFx(() -> ((javafx.scene.control.TextField) field).getText())), "the field shows the undone value");
    }

    @Test
    void anOptimizersOwnSettingsAppearOnlyWhileItIsChosen(FxRobot robot) throws Exception {
        robot.clickOn("#training-tab");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(() -> shown(robot, "optimizer.adam.beta1")));
        onFx(() -> { window.trainingPanel().sheet().edit("optimizer", "sgd"); return null; });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> shown(robot, "optimizer.sgd.momentum")));
        assertFalse(onFx(() -> shown(robot, "optimizer.adam.beta1")), "Adam's own settings go with it");
        assertEquals("Set optimizer to SGD", onFx(() -> window.editor().undoLabelProperty().get()));
    }

    @Test
    void aChangeWhileARunTrainsSaysItAppliesToTheNextRun(FxRobot robot) throws Exception {
        startLongRun(robot, 5);
        assertFalse(onFx(() -> robot.lookup("#training-next-run").query().isVisible()));
        type(robot, TrainingSettings.BATCH_SIZE, "8");
        assertTrue(onFx(() -> robot.lookup("#training-next-run").query().isVisible()), "the panel says the change waits for the next run");
        assertEquals(16, onFx(() -> window.session().trainer().config().batchSize()), "the running run keeps its settings");
    }

    @Test
    void aRefusedValueIsExplainedAndChangesNothing(FxRobot robot) throws Exception {
        type(robot, TrainingSettings.BATCH_SIZE, "0");
        assertEquals("Batch size must be between 1 and 1000000, got 0", onFx(() -> window.trainingPanel().sheet().message()));
        assertEquals(16, onFx(() -> window.document().training().batchSize()));
        assertFalse(onFx(() -> window.document().edited()));
    }

    @Test
    void resetThenTrainThenStopReallyStopsTheNewRun(FxRobot robot) throws Exception {
        startLongRun(robot, 5);
        var old = onFx(() -> window.session().trainer());
        robot.clickOn("#reset-button");
        robot.clickOn("#train-button");
        old.completion().get(30, TimeUnit.SECONDS); // the old run has ended and sent its end event
        long at = onFx(() -> window.session().progressProperty().get().step());
        // Frames after the old end event: the new run's figures have moved on since.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> window.session().progressProperty().get().step() > at + 2));
        assertEquals(TrainingSession.Status.RUNNING, onFx(() -> window.session().statusProperty().get()),
                "the old run's end does not finish the new one");
        assertFalse(onFx(() -> robot.lookup("#stop-button").query().isDisabled()), "Stop is enabled for the running run");
        var current = onFx(() -> window.session().trainer());
        robot.clickOn("#stop-button");
        var end = current.completion().get(30, TimeUnit.SECONDS);
        assertEquals(org.layerlab.compute.train.TrainingEvents.EndReason.STOPPED, end.reason());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> window.session().statusProperty().get() == TrainingSession.Status.FINISHED));
    }

    @Test
    void theStatusBarsRefusalClearsWhenUndoFixesTheNetwork(FxRobot robot) throws Exception {
        onFx(() -> {
            var g = window.editor().getGraph();
            var spec = g.typeOf("output").params().stream().filter(s -> s.name().equals("units")).findFirst().orElseThrow();
            window.editor().execute(org.layerlab.editor.command.GraphCommands.changeParam(g, "output", spec, 3));
            return null;
        });
        robot.clickOn("#train-button");
        assertTrue(onFx(() -> window.session().messageProperty().get()).startsWith("Cannot train: "), "three outputs for two classes");
        onFx(() -> { window.editor().undo(); return null; });
        assertEquals("Ready", onFx(() -> window.session().messageProperty().get()));
    }

    @Test
    void afterOpeningAnotherProjectTheWeightsAndConfusionTabsShowItsEmptyState(FxRobot robot) throws Exception {
        useEpochs(2);
        robot.clickOn("#train-button");
        TrainingDashboard charts = awaitCompletedRuns(1);
        onFx(() -> { charts.flush(); return null; });
        assertFalse(onFx(() -> charts.weights().parameterNames()).isEmpty());
        assertTrue(onFx(() -> charts.confusion().caption()).startsWith("epoch 2"), onFx(() -> charts.confusion().caption()));

        onFx(() -> { window.document().open(ProjectDocumentModel.defaultProject()); charts.flush(); return null; });
        assertTrue(onFx(() -> charts.weights().parameterNames()).isEmpty(), () -> "no layers of the previous project: "
                + describe(charts));
        assertTrue(onFx(() -> charts.confusion().caption()).startsWith("No confusion matrix yet"), onFx(() -> charts.confusion().caption()));
    }

    @Test
    void anOutputHeadThatDoesNotMatchTheLabelsShowsItOnItsCardWithAOneClickFix(FxRobot robot) throws Exception {
        onFx(() -> {
            var g = window.editor().getGraph();
            var spec = g.typeOf("output").params().stream().filter(s -> s.name().equals("units")).findFirst().orElseThrow();
            window.editor().execute(org.layerlab.editor.command.GraphCommands.changeParam(g, "output", spec, 3));
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#fix-output").tryQuery().isPresent()));
        assertTrue(onFx(() -> window.editor().cardIssues().get("output").message()).contains("the data has 2 classes"),
                onFx(() -> window.editor().cardIssues().get("output").message()));
        robot.clickOn("#fix-output");
        assertEquals(2, onFx(() -> window.editor().getGraph().node("output").params().getInt("units")));
        assertEquals("Change Outputs of Output", onFx(() -> window.editor().undoLabelProperty().get()), "the fix is one undoable step");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#issue-output").tryQuery().isEmpty()));
    }

    private static String describe(TrainingDashboard charts) {
        try {
            return onFx(() -> charts.weights().parameterNames() + ", runs " + charts.store().runs().size());
        } catch (Exception e) {
            return e.toString();
        }
    }
}
