package org.layerlab.compute.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.layerlab.compute.catalog.Params;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.graph.ModelGraph;
import org.layerlab.compute.graph.SequentialBuilder;
import org.layerlab.compute.nn.Losses;
import org.layerlab.compute.nn.Optimizers;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.train.TrainingEvents.EndReason;
import org.layerlab.compute.train.TrainingEvents.EpochEnd;
import org.layerlab.compute.train.TrainingEvents.RunEnded;

/** Regression as a problem of its own: RMSE and R² (train, validation, test) against hand computations and in runs. */
class RegressionMetricsTest {
    private static final ComputePool POOL = new ComputePool(2);

    @AfterAll static void close() { POOL.close(); }

    @Test void runningSumsMatchTheHandComputation() {
        // targets 0, 2, 4 (mean 2, SS_tot = 4 + 0 + 4 = 8); predictions 1, 2, 3 (SS_res = 1 + 0 + 1 = 2)
        Metrics.RegressionSums s = new Metrics.RegressionSums();
        s.add(new float[] {1, 2}, new float[] {0, 2});
        s.add(new float[] {3}, new float[] {4});
        assertEquals(3, s.count());
        assertEquals(Math.sqrt(2.0 / 3), s.rmse(), 1e-12);
        assertEquals(1 - 2.0 / 8, s.r2(), 1e-12);
        assertEquals(Math.sqrt(2.0 / 3), Metrics.rootMeanSquaredError(new float[] {1, 2, 3}, new float[] {0, 2, 4}), 1e-12);
        assertEquals(Metrics.r2(new float[] {1, 2, 3}, new float[] {0, 2, 4}), s.r2(), 1e-12, "same as the one-pass formula");
    }

    @Test void predictingTheMeanScoresZeroAndWorseScoresBelowZero() {
        Metrics.RegressionSums mean = new Metrics.RegressionSums();
        mean.add(new float[] {2, 2, 2}, new float[] {0, 2, 4});
        assertEquals(0, mean.r2(), 1e-12);
        Metrics.RegressionSums bad = new Metrics.RegressionSums();
        bad.add(new float[] {4, 2, 0}, new float[] {0, 2, 4}); // SS_res = 32
        assertEquals(1 - 32.0 / 8, bad.r2(), 1e-12);
        assertEquals(Math.sqrt(32.0 / 3), bad.rmse(), 1e-12);
    }

    @Test void constantTargetsAndEmptySums() {
        Metrics.RegressionSums exact = new Metrics.RegressionSums();
        exact.add(new float[] {3, 3}, new float[] {3, 3});
        assertEquals(1, exact.r2());
        Metrics.RegressionSums miss = new Metrics.RegressionSums();
        miss.add(new float[] {3, 4}, new float[] {3, 3});
        assertEquals(0, miss.r2());
        assertTrue(Double.isNaN(new Metrics.RegressionSums().rmse()));
        assertTrue(Double.isNaN(new Metrics.RegressionSums().r2()));
        assertThrows(IllegalArgumentException.class, () -> new Metrics.RegressionSums().add(new float[2], new float[3]));
    }

    /** Input(1) → Output(1, loss) with weight and bias set by hand: predictions are w·x + b. */
    private static CompiledNetwork line(String loss, float w, float b) {
        ModelGraph g = new SequentialBuilder().add("input", "shape", List.of(1)).add("output", "units", 1, "loss", loss).build();
        CompiledNetwork net = CompiledNetwork.compile(g, 1);
        for (var e : net.namedParameters().entrySet()) {
            e.getValue().value().data()[0] = e.getKey().endsWith("kernel") ? w : b;
        }
        return net;
    }

    @Test void evaluationReportsLossRmseAndR2ForEachRegressionLoss() {
        // x = 0, 1, 2, 3; targets 1, 3, 5, 8; predictions 2x + 1 = 1, 3, 5, 7: one miss of 1
        Dataset data = new Dataset("line", Tensor.of(new float[] {0, 1, 2, 3}, 4, 1), null, new float[] {1, 3, 5, 8}, List.of());
        double mean = 17 / 4.0, total = 0;
        for (double t : new double[] {1, 3, 5, 8}) total += (t - mean) * (t - mean);
        for (String loss : List.of("mse", "mae", "huber")) {
            Map<String, Double> m = Evaluation.evaluate(line(loss, 2, 1), Losses.CATALOG.get(loss), data, "val_");
            assertEquals(Math.sqrt(1 / 4.0), m.get("val_rmse"), 1e-6, loss);
            assertEquals(1 - 1 / total, m.get("val_r2"), 1e-6, loss);
            assertFalse(m.containsKey("val_accuracy"), loss + ": accuracy does not apply");
            double expectedLoss = switch (loss) {
                case "mse" -> 1 / 4.0;
                case "mae" -> 1 / 4.0;
                default -> 0.5 / 4.0; // Huber δ = 1: ½·1² for a miss of 1
            };
            assertEquals(expectedLoss, m.get("val_loss"), 1e-6, loss);
        }
    }

    /** y = 2·x₀ − x₁ + 0.5 with a little noise, x uniform in [−1, 1]². */
    private static Dataset plane(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[2 * n], y = new float[n];
        for (int i = 0; i < n; i++) {
            float a = (float) (r.nextDouble() * 2 - 1), b = (float) (r.nextDouble() * 2 - 1);
            x[2 * i] = a;
            x[2 * i + 1] = b;
            y[i] = (float) (2 * a - b + 0.5 + 0.01 * (r.nextDouble() - 0.5));
        }
        return new Dataset("plane", Tensor.of(x, n, 2), null, y, List.of());
    }

    private static TrainingConfig adam(String loss, int epochs) throws Exception {
        Params p = Params.of(Optimizers.ADAM.params(), Map.of("learningRate", 0.05));
        return new TrainingConfig(loss, "adam", p, 16, epochs, 3, 0.0).withCheckpoints(false);
    }

    @Test void aRegressionRunReportsRmseAndR2ForTrainValidationAndTest() throws Exception {
        for (String loss : List.of("mse", "mae", "huber")) {
            ModelGraph g = new SequentialBuilder().add("input", "shape", List.of(2))
                    .add("dense", "units", 8, "activation", "tanh").add("output", "units", 1, "loss", loss).build();
            Trainer t = new Trainer(CompiledNetwork.compile(g, 5), plane(256, 1), plane(64, 2), plane(64, 3), adam(loss, 40));
            List<Map<String, Double>> epochs = new CopyOnWriteArrayList<>();
            t.addListener(new TrainingListener() { @Override public void epochEnded(EpochEnd e) { epochs.add(e.metrics()); } });
            RunEnded end = t.start(POOL.executor(), false).get(60, TimeUnit.SECONDS);
            assertEquals(EndReason.COMPLETED, end.reason(), end.message());
            Map<String, Double> last = epochs.get(epochs.size() - 1);
            for (String key : List.of("loss", "rmse", "r2", "val_loss", "val_rmse", "val_r2")) assertNotNull(last.get(key), loss + ": " + key);
            assertFalse(last.containsKey("accuracy") || last.containsKey("val_accuracy"), loss + ": no accuracy for regression");
            if (loss.equals("mse")) {
                assertEquals(last.get("loss"), last.get("rmse") * last.get("rmse"), 1e-6, "train RMSE² is the epoch's MSE");
            }
            assertTrue(last.get("val_r2") > 0.95, loss + " fits the plane: " + last);
            assertTrue(epochs.get(0).get("r2") < last.get("r2"), loss + ": R² improves while training");
            for (String key : List.of("test_loss", "test_rmse", "test_r2")) assertNotNull(end.metrics().get(key), loss + ": " + key + " at the end");
            assertTrue(end.metrics().get("test_r2") > 0.95, loss + ": " + end.metrics());
            Map<String, Double> again = Evaluation.evaluate(t.network(), t.loss(), plane(64, 3), "");
            assertEquals(again.get("rmse"), end.metrics().get("test_rmse"), 1e-9, "test metrics are measured after the last step");
        }
    }

    @Test void aClassificationRunReportsTestAccuracyAndNoTestMetricsWithoutATestSet() throws Exception {
        Dataset spirals = TrainerTest.spirals();
        Dataset.Split split = spirals.split(0.25, 1);
        Trainer withTest = new Trainer(CompiledNetwork.compile(TrainerTest.spiralNet(), 1), split.train(), null, split.validation(),
                TrainerTest.adam(0.01, 32, 2));
        RunEnded end = withTest.start(POOL.executor(), false).get(60, TimeUnit.SECONDS);
        assertNotNull(end.metrics().get("test_accuracy"), end.metrics().toString());
        assertNotNull(end.metrics().get("test_loss"));
        Trainer without = new Trainer(CompiledNetwork.compile(TrainerTest.spiralNet(), 1), split.train(), null, TrainerTest.adam(0.01, 32, 2));
        RunEnded plain = without.start(POOL.executor(), false).get(60, TimeUnit.SECONDS);
        assertTrue(plain.metrics().keySet().stream().noneMatch(k -> k.startsWith(Trainer.TEST_PREFIX)), plain.metrics().toString());
    }
}
