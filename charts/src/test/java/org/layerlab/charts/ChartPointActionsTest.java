package org.layerlab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.charts.model.RunData;
import org.layerlab.charts.model.RunInfo;
import org.layerlab.charts.model.RunStore;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A point of a curve offers the application's point actions (branching from there) at the step nearest the pointer. */
@ExtendWith(ApplicationExtension.class)
class ChartPointActionsTest {
    private ScalarChart chart;
    private final RunStore store = new RunStore();

    @Start void start(Stage stage) {
        chart = new ScalarChart("loss", new ScalarSettings());
        chart.useStore(store);
        stage.setScene(new Scene(chart.node(), 600, 300));
        stage.show();
    }

    private static <T> T onFx(Callable<T> c) throws Exception { return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS); }

    @Test void aRightClickedPointOffersTheActionsThatApplyAtItsStep() throws Exception {
        List<String> done = new ArrayList<>();
        onFx(() -> {
            RunData run = store.create(1, RunInfo.of(Map.of()));
            for (int s = 1; s <= 100; s++) run.series("batch/loss").add(s, s / 10.0, s * 0.01, 0, 1.0 / s);
            store.setPointActions(List.of(new RunStore.PointAction(
                    (r, step) -> "Branch " + r.name() + " at " + step,
                    (r, step) -> step >= 10,
                    (r, step) -> done.add(r.id() + "@" + step))));
            chart.refresh(store.runs());
            return null;
        });
        var items = onFx(() -> chart.pointItems(60));
        assertEquals(1, items.size());
        assertTrue(items.get(0).getText().matches("Branch .+ at 60"), items.get(0).getText());
        onFx(() -> { items.get(0).fire(); return null; });
        assertEquals(List.of("1@60"), done);
        assertEquals(0, onFx(() -> chart.pointItems(3)).size(), "not where the action does not apply");
    }
}
