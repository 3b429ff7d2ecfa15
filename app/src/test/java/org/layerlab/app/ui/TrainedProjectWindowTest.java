package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.compute.export.Safetensors;
import org.layerlab.compute.export.TrainedModel;
import org.layerlab.compute.project.ProjectArchive;
import org.layerlab.compute.project.RunWeights;
import org.layerlab.compute.tensor.Tensor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A trained project survives the file: train the spirals, save, open something else, reopen — the run still has
 * its weights (same predictions, no training), the run list marks it, and the model exports from the dialog.
 * Opening another project with unsaved work offers Save, Don't Save and Cancel.
 */
@ExtendWith(ApplicationExtension.class)
class TrainedProjectWindowTest extends MainWindowFixture {
    @TempDir Path dir;

    @Start
    void start(Stage stage) { open(stage); }

    private RunWeights trainAndAwaitWeights(FxRobot robot, int epochs) throws Exception {
        useEpochs(epochs);
        robot.clickOn("#train-button");
        awaitCompletedRuns(1);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> window.document().weightsOf(1).isPresent()));
        return onFx(() -> window.document().weightsOf(1).orElseThrow());
    }

    private static float[] predictions(TrainedModel m) {
        var net = m.compile();
        Tensor x = Tensor.uniform(net.inputShape().withBatch(16), 1, new SplittableRandom(3));
        return net.predict(x).data();
    }

    @Test
    void aTrainedProjectReopensTrainedWithTheSamePredictions(FxRobot robot) throws Exception {
        RunWeights trained = trainAndAwaitWeights(robot, 5);
        float[] before = predictions(trained.last());
        assertTrue(onFx(() -> robot.lookup("#run-weights-1").query().isVisible()), "the run list marks the run");

        Path file = dir.resolve("spirals-trained.layerlab");
        onFx(() -> window.document().write(file)).get(20, TimeUnit.SECONDS);
        assertTrue(ProjectArchive.read(file).weightsOf(1).isPresent(), "the file holds the weights");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#status-file").queryLabeled().getText()
                .contains("spirals-trained.layerlab")));
        assertFalse(onFx(() -> stage.getTitle().startsWith("\u2022")), "saved: no unsaved mark in " + stage.getTitle());

        onFx(() -> { window.document().open(ProjectDocumentModel.defaultProject()); return null; });
        assertTrue(onFx(() -> window.document().weightsOf(1).isEmpty()), "another project has no weights");

        onFx(() -> window.document().open(file)).get(20, TimeUnit.SECONDS);
        RunWeights back = onFx(() -> window.document().weightsOf(1).orElseThrow());
        assertArrayEquals(before, predictions(back.last()), "the same predictions without training again");
        assertEquals(1, onFx(() -> window.charts().store().runs().size()), "no new run was trained");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#run-weights-1").tryQuery()
                .map(Node::isVisible).orElse(false)));
        assertTrue(onFx(() -> stage.getTitle().contains("spirals-trained.layerlab")), stage.getTitle());

        // Continue training from the kept weights: a second run, branched from the first.
        onFx(() -> { window.continueFrom(1); return null; });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> window.charts().store().runs().size() == 2
                && !window.charts().store().runs().get(1).live()));
        assertEquals(1, onFx(() -> window.charts().store().runs().get(1).info().parentRunId()));
        assertTrue(onFx(() -> stage.getTitle().startsWith("\u2022")), "a new run is unsaved: " + stage.getTitle());
    }

    @Test
    void theExportDialogWritesTheChosenRunInTheChosenFormat(FxRobot robot) throws Exception {
        RunWeights trained = trainAndAwaitWeights(robot, 2);
        Path out = dir.resolve("exported.safetensors");
        Platform.runLater(() -> window.exportModel(null)); // the dialog waits for the user: do not wait for it here
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#export-path").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        var format = (javafx.scene.control.ComboBox<org.layerlab.compute.export.ModelFormat>) robot.lookup("#export-format").query();
        assertEquals(org.layerlab.compute.export.ModelFormats.CATALOG.all().iterator().next(), onFx(format::getValue),
                "the first format of the catalog is chosen");
        onFx(() -> { format.getSelectionModel().select(org.layerlab.compute.export.ModelFormats.SAFETENSORS); return null; });
        assertEquals("Run 1", onFx(() -> ((org.layerlab.compute.project.RunHistory) robot.lookup("#export-run").queryComboBox().getValue()).name()),
                "the latest run with weights is chosen");
        TextField path = robot.lookup("#export-path").queryAs(TextField.class);
        assertTrue(path.getText().endsWith(".safetensors"), path.getText());
        onFx(() -> { path.setText(out.toString()); return null; });
        robot.clickOn("#export-confirm");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(out));
        var written = Safetensors.read(out);
        assertEquals(trained.last().tensors().keySet(), written.tensors().keySet());
        for (var e : trained.last().tensors().entrySet()) assertArrayEquals(e.getValue().data(), written.tensors().get(e.getKey()).data());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#status-file").queryLabeled().getText()
                .contains("exported.safetensors")));
    }

    /** Opens {@code file} as Open Recent or a drop does, and waits for the question about unsaved work. */
    private void askToOpen(FxRobot robot, Path file) throws Exception {
        Platform.runLater(() -> window.document().openAsking(file));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialogButton(robot, "Don't Save") != null);
    }

    /** The button of a showing dialog with this text, or null. */
    private static javafx.scene.control.Button dialogButton(FxRobot robot, String text) {
        return robot.lookup((Node n) -> n instanceof javafx.scene.control.Button b && text.equals(b.getText())
                && b.getScene() != null && b.getScene().getWindow() != null && b.getScene().getWindow().isShowing()
                && b.getScene().getRoot() instanceof javafx.scene.control.DialogPane).tryQuery()
                .map(n -> (javafx.scene.control.Button) n).orElse(null);
    }

    private static void answer(FxRobot robot, String text) {
        robot.clickOn(dialogButton(robot, text));
    }

    @Test
    void openingAnotherProjectOffersSaveDontSaveAndCancel(FxRobot robot) throws Exception {
        Path other = dir.resolve("other.layerlab");
        org.layerlab.compute.project.ProjectFiles.write(ProjectDocumentModel.defaultProject().withGraph(
                ProjectDocumentModel.defaultProject().graph()), other);
        Path mine = dir.resolve("mine.layerlab");
        trainAndAwaitWeights(robot, 2);

        askToOpen(robot, other);
        answer(robot, "Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, onFx(() -> window.charts().store().runs().size()), "Cancel keeps the run");
        assertTrue(onFx(() -> window.document().edited()));

        onFx(() -> window.document().write(mine)).get(20, TimeUnit.SECONDS); // now it has a file to save to
        onFx(() -> { window.charts().store().rename(1, "renamed"); return null; });
        askToOpen(robot, other);
        answer(robot, "Save");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> other.equals(window.document().fileProperty().get())));
        assertEquals("renamed", ProjectArchive.read(mine).project().runs().get(0).name(), "Save wrote the change first");
        assertTrue(ProjectArchive.read(mine).weightsOf(1).isPresent());

        onFx(() -> { window.document().open(mine); return null; });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> mine.equals(window.document().fileProperty().get())));
        onFx(() -> { window.charts().store().rename(1, "lost"); return null; });
        askToOpen(robot, other);
        answer(robot, "Don't Save");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> other.equals(window.document().fileProperty().get())));
        assertEquals("renamed", ProjectArchive.read(mine).project().runs().get(0).name(), "Don't Save leaves the file as it was");
        assertEquals(List.of(), onFx(() -> window.charts().store().runs()));
    }
}
