package org.layerlab.charts.model;

import java.util.List;
import java.util.Map;
import org.layerlab.compute.train.TrainingEvents.BatchEnd;
import org.layerlab.compute.train.TrainingEvents.EndReason;
import org.layerlab.compute.train.TrainingEvents.EpochEnd;
import org.layerlab.compute.train.TrainingEvents.RunEnded;
import org.layerlab.compute.train.TrainingEvents.RunStarted;
import org.layerlab.compute.train.probe.ConfusionMatrix;
import org.layerlab.compute.train.probe.DecisionProbe;
import org.layerlab.compute.train.probe.NeuronMapProbe;
import org.layerlab.compute.train.probe.ParameterStats;
import org.layerlab.compute.train.probe.PlanePoints;

/**
 * An immutable change to the {@link RunStore}, made on a training thread and applied on the UI thread.
 */
public sealed interface RunUpdate {
    int runId();

    void apply(RunStore store);

    /** A run record is created (before the trainer starts). */
    record Created(int runId, RunInfo info) implements RunUpdate {
        @Override public void apply(RunStore store) { if (store.find(runId) == null) store.create(runId, info); }
    }

    /** The trainer began; {@code wallMillis} is the wall clock at that moment. */
    record Started(int runId, RunStarted event, double wallMillis) implements RunUpdate {
        @Override public void apply(RunStore store) {
            RunData r = store.find(runId);
            if (r != null) r.setStartWallMillis(wallMillis);
        }
    }

    /** One step's loss and accuracy (accuracy NaN when the loss is not a classification loss). */
    record Batch(int runId, BatchEnd event, int stepsPerEpoch) implements RunUpdate {
        @Override public void apply(RunStore store) {
            RunData r = store.find(runId);
            if (r == null) return;
            BatchEnd e = event;
            double epoch = e.epoch() - 1 + (stepsPerEpoch > 0 ? (double) e.batchInEpoch() / stepsPerEpoch : 1);
            double seconds = e.elapsedNanos() / 1e9, wall = r.wallMillis(seconds);
            r.series(Tags.batch("loss")).add(e.step(), epoch, seconds, wall, e.loss());
            if (!Double.isNaN(e.accuracy()) || r.find(Tags.batch("accuracy")) != null) {
                r.series(Tags.batch("accuracy")).add(e.step(), epoch, seconds, wall, e.accuracy());
            }
        }
    }

    /** An epoch's metrics, each recorded under "epoch/" + its name. */
    record Epoch(int runId, EpochEnd event) implements RunUpdate {
        @Override public void apply(RunStore store) {
            RunData r = store.find(runId);
            if (r == null) return;
            double seconds = event.elapsedNanos() / 1e9, wall = r.wallMillis(seconds);
            for (Map.Entry<String, Double> m : event.metrics().entrySet()) {
                r.series(Tags.epoch(m.getKey())).add(event.step(), event.epoch(), seconds, wall, m.getValue());
            }
        }
    }

    /** The trainer paused between batches, or went on again. */
    record Paused(int runId, boolean paused) implements RunUpdate {
        @Override public void apply(RunStore store) {
            RunData r = store.find(runId);
            if (r == null || r.status() == (paused ? RunData.Status.PAUSED : RunData.Status.RUNNING)) return;
            r.setPaused(paused);
            store.fire();
        }
    }

    record Ended(int runId, RunEnded event) implements RunUpdate {
        @Override public void apply(RunStore store) {
            RunData r = store.find(runId);
            if (r == null) return;
            EndReason reason = event.reason();
            r.end(switch (reason) {
                case COMPLETED -> RunData.Status.COMPLETED;
                case STOPPED -> RunData.Status.STOPPED;
                case DIVERGED -> RunData.Status.DIVERGED;
                case FAILED -> RunData.Status.FAILED;
            }, event.message());
            recordTestMetrics(r);
            store.fire();
        }

        /**
         * The test metrics measured after the last epoch ("test_loss", "test_rmse", …) as one point each, at the
         * run's last step and time, so each metric's chart marks them where its curves end.
         */
        private void recordTestMetrics(RunData r) {
            ScalarSeries last = r.find(Tags.epoch("loss"));
            double seconds = last == null || last.size() == 0 ? 0 : last.relativeSeconds(last.size() - 1);
            for (Map.Entry<String, Double> m : event.metrics().entrySet()) {
                if (!m.getKey().startsWith(Tags.TEST) || !Double.isFinite(m.getValue())) continue;
                ScalarSeries s = r.series(Tags.epoch(m.getKey()));
                if (s.size() == 0) s.add(event.step(), event.epoch(), seconds, r.wallMillis(seconds), m.getValue());
            }
        }
    }

    /** The confusion matrix after an epoch; {@code source} says which data it was measured on. */
    record Confusion(int runId, int epoch, ConfusionMatrix matrix, String source) implements RunUpdate {
        @Override public void apply(RunStore store) {
            RunData r = store.find(runId);
            if (r != null) r.setConfusion(matrix, epoch, source);
        }
    }

    /** Parameter statistics sampled at one step. */
    record Parameters(int runId, long step, List<ParameterStats> stats) implements RunUpdate {
        public Parameters { stats = List.copyOf(stats); }
        @Override public void apply(RunStore store) {
            RunData r = store.find(runId);
            if (r != null) r.addParameterStats(stats);
        }
    }

    /** The network's output over the input plane at one step (a newer one replaces it). */
    record Decision(int runId, DecisionProbe.Result grid) implements RunUpdate {
        @Override public void apply(RunStore store) {
            RunData r = store.find(runId);
            if (r != null) r.setDecision(grid);
        }
    }

    /** Every mapped Dense layer's activations over the plane at one step (a newer one replaces it). */
    record Neurons(int runId, NeuronMapProbe.Result maps) implements RunUpdate {
        @Override public void apply(RunStore store) {
            RunData r = store.find(runId);
            if (r != null) r.setNeuronMaps(maps);
        }
    }

    /** The weights on the wires of a small Dense chain at one step (a newer one replaces it). */
    record Wires(int runId, org.layerlab.compute.train.probe.WiresProbe.Result wires) implements RunUpdate {
        @Override public void apply(RunStore store) {
            RunData r = store.find(runId);
            if (r != null) r.setWires(wires);
        }
    }

    /** The run's 2-D data, drawn under its decision grid. */
    record Points(int runId, PlanePoints points) implements RunUpdate {
        @Override public void apply(RunStore store) {
            RunData r = store.find(runId);
            if (r != null) r.setPlanePoints(points);
        }
    }
}
