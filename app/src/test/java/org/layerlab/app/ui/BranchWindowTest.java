package org.layerlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.charts.model.RunData;
import org.layerlab.charts.model.ScalarSeries;
import org.layerlab.compute.train.TrainingConfig;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Rewind and branch in the window: a finished run offers its kept checkpoints; a branch with the same settings starts
 * at the fork step and repeats the parent's losses exactly; one with a smaller learning rate is named after the change,
 * linked to its parent, and starts from the same weights.
 */
@ExtendWith(ApplicationExtension.class)
class BranchWindowTest extends MainWindowFixture {
    @Start void start(Stage stage) { open(stage); }

    private static final String LOSS = "batch/loss";

    @Test void branchesStartAtTheForkAndContinueTheParent(FxRobot robot) throws Exception {
        useEpochs(6);
        robot.clickOn("#train-button");
        awaitCompletedRuns(1);
        var points = onFx(() -> window.session().branchPoints(1));
        assertFalse(points.isEmpty(), "a finished run offers its checkpoints");
        var third = points.stream().filter(p -> p.epoch() == 3).findFirst().orElseThrow();
        String action = TrainingSession.BRANCH_TEXT.get("action");
        assertTrue(onFx(() -> window.charts().store().actions().stream()
                .anyMatch(a -> a.text().equals(action) && a.enabled().test(1))), "the run list offers branching");

        assertTrue(onFx(() -> window.session().branchFrom(1, "Run 1", 3)));
        awaitCompletedRuns(2);
        RunData parent = onFx(() -> window.charts().store().find(1)), same = onFx(() -> window.charts().store().find(2));
        assertEquals(1, same.info().parentRunId());
        assertEquals(third.step(), same.info().forkStep());
        assertEquals("Run 1 \u2192 epoch 3", same.name());
        ScalarSeries p = onFx(() -> parent.find(LOSS).copy()), b = onFx(() -> same.find(LOSS).copy());
        assertEquals(third.step() + 1, b.steps()[0], "the branch's first point is the step after the fork");
        int from = Arrays.binarySearch(p.steps(), third.step() + 1);
        assertTrue(from > 0);
        double[] after = Arrays.copyOfRange(p.values(), from, p.size());
        assertTrue(Arrays.equals(after, b.values()), "with the same settings the branch repeats the parent's losses exactly");

        // A smaller learning rate, set on the Training tab as a student would, then branched from the same point.
        onFx(() -> {
            var doc = window.document();
            var s = doc.training().settings();
            doc.setTraining(new TrainingConfig(s.with("optimizer.adam.learningRate", 0.001)));
            return null;
        });
        assertTrue(onFx(() -> window.session().branchFrom(1, "Run 1", 3)));
        awaitCompletedRuns(3);
        RunData slower = onFx(() -> window.charts().store().find(3));
        assertEquals("Run 1 \u2192 learning rate 0.001", slower.name());
        assertTrue(slower.info().settings().get("branch").contains("after epoch 3: learning rate 0.001"), slower.info().settings().toString());
        ScalarSeries s3 = onFx(() -> slower.find(LOSS).copy());
        assertEquals(third.step() + 1, s3.steps()[0]);
        assertEquals(p.values()[from], s3.values()[0], "the first batch after the fork meets the same weights");
        assertFalse(Arrays.equals(after, s3.values()), "then it goes its own way");
        List<Integer> ids = onFx(() -> window.charts().store().runs().stream().map(RunData::id).toList());
        assertEquals(List.of(1, 2, 3), ids);
    }
}
