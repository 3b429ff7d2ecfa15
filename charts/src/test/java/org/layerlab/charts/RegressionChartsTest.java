package org.layerlab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layerlab.charts.model.RunData;
import org.layerlab.charts.model.RunInfo;
import org.layerlab.charts.model.Tags;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.SequentialBuilder;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.train.ComputePool;
import org.layerlab.compute.train.Trainer;
import org.layerlab.compute.train.TrainingConfig;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A real regression run on the dashboard: RMSE and R² charts with validation curves and test marks, no confusion matrix. */
@ExtendWith(ApplicationExtension.class)
class RegressionChartsTest {
    private TrainingDashboard dashboard;

    @Start
    void start(Stage stage) {
        dashboard = new TrainingDashboard();
        stage.setScene(new Scene(dashboard, 1000, 420));
        stage.show();
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    /** y = sin(x) on [−3, 3]. */
    private static Dataset sine(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n], y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (r.nextDouble() * 6 - 3);
            y[i] = (float) Math.sin(x[i]);
        }
        return new Dataset("sine", Tensor.of(x, n, 1), null, y, List.of());
    }

    private RunData train(String loss, boolean withTest) throws Exception {
        ModelGraph g = new SequentialBuilder().add("input", "shape", List.of(1))
                .add("dense", "units", 16, "activation", "tanh").add("output", "units", 1, "loss", loss).build();
        TrainingConfig cfg = new TrainingConfig("adam", Params.of(Optimizers.ADAM.params(), Map.of("learningRate", 0.02)),
                16, 6, 1);
        Dataset train = sine(200, 1), val = sine(50, 2);
        try (ComputePool pool = new ComputePool(1)) {
            Trainer t = new Trainer(CompiledNetwork.compile(g, 1), train, val, withTest ? sine(50, 3) : null, cfg);
            int before = onFx(() -> dashboard.store().runs().size());
            var recorder = dashboard.newRun(RunInfo.of(Map.of("loss", loss)));
            var probes = org.layerlab.compute.train.probe.StandardProbes.attach(t, train, val, null, pool.executor(),
                    org.layerlab.compute.train.probe.StandardProbes.Settings.DEFAULT, recorder);
            t.addListener(probes.endingAfterProbes(recorder));
            t.start(pool.executor(), false).get(60, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> dashboard.drained()
                    && dashboard.store().runs().size() == before + 1 && !dashboard.store().runs().get(before).live()));
            return onFx(() -> dashboard.store().runs().get(before));
        }
    }

    @Test void aRegressionRunShowsLossRmseAndR2WithValidationAndTestAndNoConfusionMatrix() throws Exception {
        RunData run = train("mse", true);
        assertTrue(run.regression());
        assertEquals(6, run.find(Tags.epoch("rmse")).size());
        assertEquals(6, run.find(Tags.validationTag("r2")).size());
        assertEquals(1, run.find(Tags.testTag("rmse")).size(), "the test set is measured once, at the end");
        assertEquals(null, run.find(Tags.batch("accuracy")), "no accuracy for regression");

        onFx(() -> { dashboard.getSelectionModel().select(0); dashboard.flush(); return null; });
        List<String> metrics = onFx(() -> dashboard.scalars().metrics());
        assertEquals(List.of("loss", "rmse", "r2"), metrics.subList(0, 3), "regression charts instead of accuracy: " + metrics);
        assertFalse(metrics.contains("accuracy"));
        ScalarChart rmse = onFx(() -> dashboard.scalars().chart("rmse"));
        List<String> keys = onFx(rmse::drawnKeys);
        String id = Integer.toString(run.id());
        assertTrue(keys.contains(id + ":" + Tags.epoch("rmse") + ":smooth"), keys.toString());
        assertTrue(keys.contains(id + ":" + Tags.validationTag("rmse") + ":smooth"), "validation curve: " + keys);
        assertTrue(keys.contains(id + ":" + Tags.testTag("rmse") + ":smooth"), "test mark: " + keys);
        assertTrue(onFx(() -> rmse.renderer().seriesMarks(keys.indexOf(id + ":" + Tags.testTag("rmse") + ":smooth"))),
                "the test value is a mark, not a curve");
        assertTrue(onFx(() -> rmse.plot().getRangeAxis().getLabel()).startsWith("RMSE"));
        assertTrue(onFx(() -> dashboard.scalars().chart("r2").plot().getRangeAxis().getLabel()).startsWith("R²"));

        onFx(() -> { dashboard.getSelectionModel().select(1); dashboard.flush(); return null; });
        String message = onFx(() -> dashboard.confusion().emptyMessage());
        assertTrue(message.contains("does not apply") && message.contains(run.name()) && message.contains("Mean squared error"), message);
        assertEquals(null, onFx(() -> dashboard.confusion().shownMatrix()));
    }

    @Test void huberAndMaeRunsAreRegressionToo() throws Exception {
        for (String loss : List.of("huber", "mae")) {
            RunData run = train(loss, false);
            assertTrue(run.regression(), loss);
            assertNotNull(run.find(Tags.validationTag("rmse")), loss);
            assertEquals(null, run.find(Tags.testTag("rmse")), loss + ": no test set, no test mark");
        }
    }
}
