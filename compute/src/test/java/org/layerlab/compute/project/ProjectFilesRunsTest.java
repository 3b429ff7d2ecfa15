package org.layerlab.compute.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs in project files: every point kept, compact columns, old files without runs, located errors. */
class ProjectFilesRunsTest {
    @TempDir Path dir;

    /**
     * A run as the trainer records it: per-batch loss and accuracy every step, epoch metrics every
     * {@code stepsPerEpoch} steps. Epoch positions and times sit on the file's microsecond grid, so the round
     * trip can be compared exactly; {@link #xCoordinatesAreKeptToAMillionth} covers the rounding.
     */
    static RunHistory run(int id, int steps, int stepsPerEpoch, Integer parent, Long forkStep, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int epochs = steps / stepsPerEpoch;
        double[][] batch = columns(steps), epoch = columns(epochs);
        long[] batchSteps = new long[steps], epochSteps = new long[epochs];
        double[] loss = new double[steps], accuracy = new double[steps], valLoss = new double[epochs], valAccuracy = new double[epochs];
        for (int i = 0; i < steps; i++) {
            batchSteps[i] = i + 1;
            batch[0][i] = micro((double) (i + 1) / stepsPerEpoch);
            batch[1][i] = micro((i + 1) * 1e-3 + rng.nextInt(1000) * 1e-6);
            loss[i] = Math.exp(-i / 20_000.0) + rng.nextDouble() * 0.2;
            accuracy[i] = (float) (1 - Math.exp(-i / 15_000.0) * rng.nextDouble()); // float-valued, as the trainer's
        }
        for (int e = 0; e < epochs; e++) {
            epochSteps[e] = (long) (e + 1) * stepsPerEpoch;
            epoch[0][e] = e + 1;
            epoch[1][e] = batch[1][(e + 1) * stepsPerEpoch - 1];
            valLoss[e] = rng.nextDouble();
            valAccuracy[e] = e == 0 ? Double.NaN : rng.nextDouble(); // a metric that could not be measured
        }
        Map<String, RunHistory.Series> series = new LinkedHashMap<>();
        series.put("batch/loss", new RunHistory.Series(batchSteps, batch[0], batch[1], loss));
        series.put("batch/accuracy", new RunHistory.Series(batchSteps.clone(), batch[0].clone(), batch[1].clone(), accuracy));
        series.put("epoch/val_loss", new RunHistory.Series(epochSteps, epoch[0], epoch[1], valLoss));
        series.put("epoch/val_accuracy", new RunHistory.Series(epochSteps.clone(), epoch[0].clone(), epoch[1].clone(), valAccuracy));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("optimizer", "adam");
        settings.put("learning rate", "0.00100000");
        settings.put("network", "Input → Dense 1 → Output (130 parameters)");
        return new RunHistory(id, "Run " + id, "completed", "", id % 2 == 1, id - 1, settings, parent, forkStep,
                1.7e12 + id * 1234.5, series);
    }

    private static double micro(double x) { return Math.round(x * 1e6) / 1e6; }

    private static double[][] columns(int n) { return new double[][] {new double[n], new double[n]}; }

    @Test
    void everyPointOfEveryRunSurvivesSavingAndOpening() throws Exception {
        RunHistory big = run(1, 100_000, 1000, null, null, 1);
        RunHistory branch = new RunHistory(2, "lower learning rate", "diverged", "the loss became NaN at step 2001",
                true, 1, Map.of("seed", "7"), 1, 2000L, Double.NaN, run(2, 3000, 1000, 1, 2000L, 2).series()); // never started: no start time
        Project p = ProjectFilesTest.sample().withRuns(List.of(big, branch));
        Path file = dir.resolve("runs.layerlab");

        ProjectFiles.write(p, file);
        long t0 = System.nanoTime();
        Project back = ProjectFiles.read(file);
        long readNanos = System.nanoTime() - t0;

        assertEquals(p, back, "every point of every series, and every run's record");
        RunHistory.Series loss = back.runs().get(0).series().get("batch/loss");
        assertEquals(100_000, loss.size());
        assertArrayEquals(big.series().get("batch/loss").values(), loss.values());
        assertTrue(Double.isNaN(back.runs().get(0).series().get("epoch/val_accuracy").values()[0]), "NaN survives");
        assertEquals(List.of("batch/loss", "batch/accuracy", "epoch/val_loss", "epoch/val_accuracy"),
                List.copyOf(back.runs().get(0).series().keySet()), "tags keep their order");
        assertArrayEquals(ProjectArchive.encode(ProjectBundle.of(back)), Files.readAllBytes(file), "saving again writes the same file");

        // Columns, not an object per point: the size grows by the numbers alone.
        long points = 2L * 100_000 + 2L * 100 + 2L * 3000 + 2L * 3;
        long bytes = Files.size(file);
        assertTrue(bytes < 48 * points, bytes + " bytes for " + points + " points");
        System.out.printf(java.util.Locale.ROOT, "project file with %,d points: %,d bytes (%.1f per point), read in %.0f ms%n",
                points, bytes, (double) bytes / points, readNanos / 1e6);
    }

    @Test
    void xCoordinatesAreKeptToAMillionth() throws Exception {
        double epoch = 3 + 17 / 1875.0, seconds = 12.345678912345, value = 0.6931471824645996;
        RunHistory r = new RunHistory(1, "Run 1", "stopped", "", true, 0, Map.of(), null, null, 0,
                Map.of("batch/loss", new RunHistory.Series(new long[] {5642}, new double[] {epoch}, new double[] {seconds}, new double[] {value})));
        RunHistory.Series back = ProjectFiles.parse(ProjectFiles.toJson(ProjectFilesTest.sample().withRuns(List.of(r))), "x")
                .runs().get(0).series().get("batch/loss");
        assertEquals(epoch, back.epochs()[0], 1e-6);
        assertEquals(seconds, back.seconds()[0], 1e-6);
        assertEquals(value, back.values()[0], 0, "values are exact");
        assertEquals(5642, back.steps()[0]);
    }

    @Test
    void aVersionOneFileWithoutRunsStillOpens() throws Exception {
        String v1 = ProjectFiles.toJson(ProjectFilesTest.sample()).replace("\"version\" : " + ProjectFiles.VERSION, "\"version\" : 1");
        assertTrue(v1.contains("\"version\" : 1") && !v1.contains("\"runs\""), v1);
        Project p = ProjectFiles.parse(v1, "old.layerlab");
        assertEquals(List.of(), p.runs());
        assertEquals(ProjectFilesTest.sample(), p);
    }

    @Test
    void aMalformedRunsSectionIsReportedWithItsPlace() throws Exception {
        String good = ProjectFiles.toJson(ProjectFilesTest.sample().withRuns(List.of(run(1, 20, 10, null, null, 3), run(2, 20, 10, 1, 10L, 4))));
        ProjectFilesTest.assertProblem(good.replace("\"status\" : \"completed\"", "\"status\" : \"finished\""),
                "runs[0].status: unknown status 'finished' (known: completed, stopped, diverged, failed)");
        ProjectFilesTest.assertProblem(good.replace("\"id\" : 2,", "\"id\" : 1,"), "runs[1].id: run 1 appears twice");
        ProjectFilesTest.assertProblem(good.replaceFirst("\"step\" : \\[ 1, 2, 3,", "\"step\" : [ 1, 2,"),
                "runs[0].series.batch/loss.epoch: has 20 entries but step has 19");
        ProjectFilesTest.assertProblem(good.replaceFirst("\"value\" : \\[ ", "\"value\" : [ \"low\", "), "runs[0].series.batch/loss.value");
        ProjectFilesTest.assertProblem(good.replaceFirst(",\\s*\"time\" : \\[[^\\]]*\\]", ""), "runs[0].series.batch/loss.time: is missing");
        ProjectFilesTest.assertProblem(good.replaceFirst("\"name\" : \"Run 1\"", "\"name\" : \" \""), "runs[0].name: must not be empty");
    }
}
