package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.charts.model.RunData;
import org.layerlab.charts.model.Tags;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.DataSources;
import org.layerlab.compute.data.DataSplit;
import org.layerlab.compute.graph.SequentialBuilder;
import org.layerlab.compute.project.DatasetSpec;
import org.layerlab.compute.project.Project;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A regression project in the real window: RMSE and R² on the charts and the status bar, and why there is no confusion matrix. */
@ExtendWith(ApplicationExtension.class)
class RegressionWindowTest extends MainWindowFixture {

    @Start
    void start(Stage stage) { open(stage); }

    /** The 1-D sine with an MLP and a mean-squared-error head, 20 % validation and 20 % test. */
    private Project sine() throws Exception {
        Project p = window.document().project();
        var source = DataSources.CATALOG.get("sine");
        DatasetSpec data = new DatasetSpec("sine", Params.of(source.params(), Map.of("samples", 300)))
                .withSplit(DataSplit.of(0.2, 0.2, 1));
        var graph = new SequentialBuilder().add("input", "shape", List.of(1))
                .add("dense", "units", 16, "activation", "tanh").add("output", "units", 1, "loss", "mse").build();
        var training = p.training().withEpochs(5);
        training = new org.layerlab.compute.train.TrainingConfig("mse", training.optimizer(), training.optimizerParams(),
                training.batchSize(), 5, training.seed(), training.validationSplit());
        return new Project("Sine", "", graph, data, training);
    }

    @Test void aRegressionRunChartsLossRmseAndR2AndTheConfusionTabSaysItDoesNotApply(FxRobot robot) throws Exception {
        Project project = sine();
        onFx(() -> { window.document().open(project); return null; });
        robot.clickOn("#train-button");
        var charts = awaitCompletedRuns(1);
        RunData run = onFx(() -> charts.store().runs().get(0));
        assertTrue(run.regression());
        onFx(() -> { charts.getSelectionModel().select(0); charts.flush(); return null; });
        List<String> metrics = onFx(() -> charts.scalars().metrics());
        assertEquals(List.of("loss", "rmse", "r2"), metrics.subList(0, 3), metrics.toString());
        assertFalse(metrics.contains("accuracy"));
        assertEquals(5, onFx(() -> run.find(Tags.validationTag("rmse")).size()), "validation RMSE every epoch");
        assertEquals(1, onFx(() -> run.find(Tags.testTag("r2")).size()), "test R² at the end");

        String status = onFx(() -> ((Label) robot.lookup("#status-accuracy").query()).getText());
        assertTrue(status.startsWith("RMSE ") && status.contains("R²"), status);

        robot.clickOn("#confusion-tab");
        onFx(() -> { charts.flush(); return null; });
        String message = onFx(() -> charts.confusion().emptyMessage());
        assertTrue(message.contains("does not apply") && message.contains("regression"), message);
        assertTrue(onFx(() -> robot.lookup("#confusion-empty").query().isVisible()));
    }
}
