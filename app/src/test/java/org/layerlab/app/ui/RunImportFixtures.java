package org.layerlab.app.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import org.layerlab.compute.project.RunHistory;

/** Runs with a few loss points, as a student's saved project holds them. */
final class RunImportFixtures {
    private RunImportFixtures() {}

    static RunHistory run(int id, String name, double... losses) {
        long[] steps = new long[losses.length];
        double[] epochs = new double[losses.length], seconds = new double[losses.length];
        for (int i = 0; i < losses.length; i++) { steps[i] = 10L * (i + 1); epochs[i] = i + 1; seconds[i] = 0.5 * (i + 1); }
        Map<String, RunHistory.Series> series = new LinkedHashMap<>();
        series.put("batch/loss", new RunHistory.Series(steps, epochs, seconds, losses));
        return new RunHistory(id, name, "completed", "", true, id - 1, Map.of("Optimizer", "Adam"), null, null, 1.7e12, series);
    }
}
