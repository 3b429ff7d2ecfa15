package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.charts.model.RunData;
import org.layerlab.compute.train.probe.DecisionProbe;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Inside tab of the real window on the default spirals: the decision view follows training, the neuron maps appear. */
@ExtendWith(ApplicationExtension.class)
class InsideTabTest extends MainWindowFixture {

    @Start
    void start(Stage stage) { open(stage); }

    private DecisionProbe.Result shown() throws Exception { return onFx(() -> window.charts().decision().shownGrid()); }

    @Test
    void theDecisionViewDrawsAndChangesAsTrainingProceeds(FxRobot robot) throws Exception {
        startLongRun(robot, 0);
        assertEquals("inside-tab", onFx(() -> window.sideTabs().getSelectionModel().getSelectedItem().getId()),
                "a run on 2-D data brings the Inside tab forward");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shown() != null && shown().epoch() >= 1);
        DecisionProbe.Result early = shown();
        Image earlyImage = onFx(() -> window.charts().decision().plotImage());
        assertEquals(100 * 100 * 2, early.values().length, "a 100×100 grid of class probabilities");

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shown().epoch() >= early.epoch() + 5);
        DecisionProbe.Result later = shown();
        Image laterImage = onFx(() -> window.charts().decision().plotImage());
        assertTrue(later.step() > early.step());
        assertTrue(maxDifference(early.values(), later.values()) > 0.01, "the network's output over the plane moved");
        assertTrue(differingPixels(earlyImage, laterImage) > 100, "and the picture with it");

        robot.clickOn("#pause-button");
        long pausedAt = pausedStep();
        // the pause publishes the weights the run stands at, so the paused view shows exactly them
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shown().step() == pausedAt);
        Image paused = onFx(() -> window.charts().decision().plotImage());
        robot.clickOn("#decision-discretise");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(differingPixels(paused, onFx(() -> window.charts().decision().plotImage())) > 100, "discretised output draws differently");
    }

    @Test
    void neuronMapsAppearForTheDenseLayers(FxRobot robot) throws Exception {
        startLongRun(robot, 0);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> window.charts().neuronMaps().shownMaps() != null));
        var maps = onFx(() -> window.charts().neuronMaps().shownMaps());
        assertEquals(java.util.List.of("hidden-1", "hidden-2"), maps.layers().stream().map(l -> l.nodeId()).toList());
        assertEquals(48, onFx(() -> window.charts().neuronMaps().tileCount()), "24 + 24 neurons");
        robot.clickOn("#pause-button");
        pausedStep();
        robot.clickOn("#inside-tab");
        javafx.scene.Node tile = robot.lookup("#neuron-0-5").query();
        robot.interact(() -> scrollIntoView(tile));
        robot.clickOn(tile);
        assertEquals("0/5", onFx(() -> window.charts().neuronMaps().enlargedNeuron()));
        assertNotNull(robot.lookup("#neuron-enlarged").query());
    }

    /** Waits until the run list says paused, and returns the step the run stopped at. */
    private long pausedStep() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> {
            var runs = window.charts().store().runs();
            return !runs.isEmpty() && runs.get(runs.size() - 1).status() == RunData.Status.PAUSED;
        }));
        long step = onFx(() -> window.session().latestProgress().step());
        assertNotEquals(0, step);
        return step;
    }

    private static void scrollIntoView(javafx.scene.Node n) {
        for (javafx.scene.Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane sp) {
                double contentH = sp.getContent().getBoundsInLocal().getHeight(), viewH = sp.getViewportBounds().getHeight();
                double y = sp.getContent().sceneToLocal(n.localToScene(n.getBoundsInLocal())).getMinY();
                sp.setVvalue(contentH <= viewH ? 0 : Math.min(1, Math.max(0, (y - 20) / (contentH - viewH))));
                return;
            }
        }
    }

    private static double maxDifference(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
        return d;
    }

    private static int differingPixels(Image a, Image b) {
        int w = (int) Math.min(a.getWidth(), b.getWidth()), h = (int) Math.min(a.getHeight(), b.getHeight()), n = 0;
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) if (a.getPixelReader().getArgb(x, y) != b.getPixelReader().getArgb(x, y)) n++;
        return n;
    }
}
