package org.layerlab.app.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.layerlab.compute.project.RunHistory;
import org.layerlab.compute.train.TrainingEvents.BatchEnd;
import org.layerlab.compute.train.TrainingEvents.EndReason;
import org.layerlab.compute.train.TrainingEvents.EpochEnd;
import org.layerlab.compute.train.TrainingEvents.RunEnded;
import org.layerlab.compute.train.TrainingEvents.RunStarted;
import org.layerlab.compute.train.TrainingListener;

/**
 * Records a command-line run as the window's run list would (batch loss and accuracy, every epoch metric, under
 * the same tags), so a project trained with {@code layerlab train --out} opens with its curves.
 */
final class RunLog implements TrainingListener {
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private final double startWallMillis = System.currentTimeMillis();
    private int stepsPerEpoch = 1;

    private static final class Column {
        long[] steps = new long[16];
        double[] epochs = new double[16], seconds = new double[16], values = new double[16];
        int n;

        void add(long step, double epoch, double second, double value) {
            if (n == steps.length) {
                steps = java.util.Arrays.copyOf(steps, n * 2);
                epochs = java.util.Arrays.copyOf(epochs, n * 2);
                seconds = java.util.Arrays.copyOf(seconds, n * 2);
                values = java.util.Arrays.copyOf(values, n * 2);
            }
            steps[n] = step; epochs[n] = epoch; seconds[n] = second; values[n] = value;
            n++;
        }

        RunHistory.Series series() {
            return new RunHistory.Series(java.util.Arrays.copyOf(steps, n), java.util.Arrays.copyOf(epochs, n),
                    java.util.Arrays.copyOf(seconds, n), java.util.Arrays.copyOf(values, n));
        }
    }

    @Override public void runStarted(RunStarted e) {
        stepsPerEpoch = Math.max(1, e.stepsPerEpoch());
    }

    @Override public synchronized void batchEnded(BatchEnd e) {
        double t = (e.elapsedNanos()) / 1e9, x = (double) e.step() / stepsPerEpoch;
        add("batch/loss", e.step(), x, t, e.loss());
        if (!Double.isNaN(e.accuracy())) add("batch/accuracy", e.step(), x, t, e.accuracy());
    }

    @Override public synchronized void epochEnded(EpochEnd e) {
        double t = e.elapsedNanos() / 1e9;
        e.metrics().forEach((k, v) -> add("epoch/" + k, e.step(), e.epoch(), t, v));
    }

    private void add(String tag, long step, double epoch, double seconds, double value) {
        columns.computeIfAbsent(tag, k -> new Column()).add(step, epoch, seconds, value);
    }

    /** The run as a project keeps it. */
    synchronized RunHistory history(int id, String name, RunEnded end, Map<String, String> settings) {
        Map<String, RunHistory.Series> series = new LinkedHashMap<>();
        columns.forEach((k, c) -> series.put(k, c.series()));
        String status = end.reason().name().toLowerCase(Locale.ROOT);
        if (!RunHistory.STATUSES.contains(status)) status = "stopped";
        return new RunHistory(id, name, status, end.reason() == EndReason.COMPLETED ? "" : end.message(), true,
                (id - 1) % 8, settings, null, null, startWallMillis, series);
    }

}
