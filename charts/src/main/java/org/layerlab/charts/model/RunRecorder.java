package org.layerlab.charts.model;

import java.util.function.Consumer;
import org.layerlab.compute.train.TrainingEvents.BatchEnd;
import org.layerlab.compute.train.TrainingEvents.EpochEnd;
import org.layerlab.compute.train.TrainingEvents.RunEnded;
import org.layerlab.compute.train.TrainingEvents.RunPaused;
import org.layerlab.compute.train.TrainingEvents.RunResumed;
import org.layerlab.compute.train.TrainingEvents.RunStarted;
import org.layerlab.compute.train.TrainingListener;
import org.layerlab.compute.train.probe.ConfusionProbe;
import org.layerlab.compute.train.probe.DecisionProbe;
import org.layerlab.compute.train.probe.NeuronMapProbe;
import org.layerlab.compute.train.probe.ParameterStatsProbe;
import org.layerlab.compute.train.probe.PlanePoints;
import org.layerlab.compute.train.probe.StandardProbes;

/**
 * The recorder of one run: it turns the trainer's events (on the trainer thread) and the probes' plain results (on
 * pool threads) into {@link RunUpdate}s for a non-blocking sink. It computes nothing itself: analysis is the probes'
 * work, from weight snapshots, off the trainer's thread.
 */
public final class RunRecorder implements TrainingListener, StandardProbes.Results {
    private final int runId;
    private final Consumer<RunUpdate> sink;
    private volatile int stepsPerEpoch;

    public RunRecorder(int runId, Consumer<RunUpdate> sink) {
        this.runId = runId;
        this.sink = sink;
    }

    public int runId() { return runId; }

    @Override public void runStarted(RunStarted e) {
        stepsPerEpoch = e.stepsPerEpoch();
        sink.accept(new RunUpdate.Started(runId, e, System.currentTimeMillis()));
    }

    @Override public void batchEnded(BatchEnd e) { sink.accept(new RunUpdate.Batch(runId, e, stepsPerEpoch)); }

    @Override public void epochEnded(EpochEnd e) { sink.accept(new RunUpdate.Epoch(runId, e)); }

    @Override public void runPaused(RunPaused e) { sink.accept(new RunUpdate.Paused(runId, true)); }

    @Override public void runResumed(RunResumed e) { sink.accept(new RunUpdate.Paused(runId, false)); }

    @Override public void runEnded(RunEnded e) { sink.accept(new RunUpdate.Ended(runId, e)); }

    @Override public void confusion(ConfusionProbe.Result r) {
        sink.accept(new RunUpdate.Confusion(runId, r.epoch(), r.matrix(), r.source()));
    }

    @Override public void parameters(ParameterStatsProbe.Result r) { sink.accept(new RunUpdate.Parameters(runId, r.step(), r.stats())); }

    @Override public void decision(DecisionProbe.Result r) { sink.accept(new RunUpdate.Decision(runId, r)); }

    @Override public void neurons(NeuronMapProbe.Result r) { sink.accept(new RunUpdate.Neurons(runId, r)); }

    @Override public void wires(org.layerlab.compute.train.probe.WiresProbe.Result r) { sink.accept(new RunUpdate.Wires(runId, r)); }

    @Override public void points(PlanePoints p) { sink.accept(new RunUpdate.Points(runId, p)); }
}
