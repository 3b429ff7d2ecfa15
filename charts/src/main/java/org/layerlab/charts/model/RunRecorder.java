package org.layerlab.charts.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.layers.Parameter;
import org.layerlab.compute.nn.Loss;
import org.layerlab.compute.tensor.Tensor;
import org.layerlab.compute.train.TrainingEvents.BatchEnd;
import org.layerlab.compute.train.TrainingEvents.EpochEnd;
import org.layerlab.compute.train.TrainingEvents.RunEnded;
import org.layerlab.compute.train.TrainingEvents.RunPaused;
import org.layerlab.compute.train.TrainingEvents.RunResumed;
import org.layerlab.compute.train.TrainingEvents.RunStarted;
import org.layerlab.compute.train.TrainingListener;

/**
 * The listener of one run. On the trainer thread it turns events into {@link RunUpdate}s for a non-blocking
 * sink, and, when given the network, also measures what the UI must not compute itself: the confusion matrix
 * after each epoch (validation set, or the training set when there is none) and parameter statistics every
 * {@code statsEvery} steps. It only reads the network between steps, so it sees consistent weights.
 */
public final class RunRecorder implements TrainingListener {
    /** Confusion matrices use at most this many samples, so an epoch end stays cheap on large data sets. */
    static final int MAX_CONFUSION_SAMPLES = 10_000;
    /** Percentiles are read from at most this many values per tensor. */
    static final int MAX_PERCENTILE_SAMPLE = 65_536;
    private static final int CHUNK = 1024;

    private final int runId;
    private final Consumer<RunUpdate> sink;
    private final CompiledNetwork network;
    private final Loss loss;
    private final Dataset evalData;
    private final String evalSource;
    private final int statsEvery;
    private int stepsPerEpoch;
    private Map<String, float[]> before;

    /** A recorder of scalars only. */
    public RunRecorder(int runId, Consumer<RunUpdate> sink) {
        this(runId, sink, null, null, null, null, 0);
    }

    /**
     * @param network the trained network (read on the trainer thread between steps), or null
     * @param loss the run's loss (confusion matrices only for classification losses), or null
     * @param statsEvery sample parameter statistics every this many steps (0 = never)
     */
    public RunRecorder(int runId, Consumer<RunUpdate> sink, CompiledNetwork network, Loss loss,
                       Dataset train, Dataset validation, int statsEvery) {
        this.runId = runId;
        this.sink = sink;
        this.network = network;
        this.loss = loss;
        boolean hasValidation = validation != null && validation.size() > 0;
        this.evalData = hasValidation ? validation : train;
        this.evalSource = hasValidation ? "validation set" : "training set";
        this.statsEvery = network == null ? 0 : statsEvery;
    }

    public int runId() { return runId; }

    @Override public void runStarted(RunStarted e) {
        stepsPerEpoch = e.stepsPerEpoch();
        sink.accept(new RunUpdate.Started(runId, e, System.currentTimeMillis()));
        if (statsEvery > 0) sink.accept(new RunUpdate.Parameters(runId, 0, sampleParameters(0, null)));
    }

    @Override public void batchEnded(BatchEnd e) {
        sink.accept(new RunUpdate.Batch(runId, e, stepsPerEpoch));
        if (statsEvery <= 0) return;
        long step = e.step();
        if (step % statsEvery == 0) {
            sink.accept(new RunUpdate.Parameters(runId, step, sampleParameters(step, before)));
            before = null;
        }
        if ((step + 1) % statsEvery == 0) before = copyWeights(); // the weights the next sampled step updates
    }

    @Override public void epochEnded(EpochEnd e) {
        sink.accept(new RunUpdate.Epoch(runId, e));
        if (network != null && loss != null && loss.classification() && evalData != null && evalData.labels() != null
                && evalData.numClasses() > 0) {
            sink.accept(new RunUpdate.Confusion(runId, e.epoch(), confusion(), evalSource
                    + " (" + Math.min(evalData.size(), MAX_CONFUSION_SAMPLES) + " samples)"));
        }
    }

    @Override public void runPaused(RunPaused e) { sink.accept(new RunUpdate.Paused(runId, true)); }

    @Override public void runResumed(RunResumed e) { sink.accept(new RunUpdate.Paused(runId, false)); }

    @Override public void runEnded(RunEnded e) { sink.accept(new RunUpdate.Ended(runId, e)); }

    private ConfusionMatrix confusion() {
        int n = Math.min(evalData.size(), MAX_CONFUSION_SAMPLES);
        int[] order = Dataset.identity(evalData.size());
        int[] predicted = new int[n], labels = new int[n];
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            var batch = evalData.batch(order, from, to);
            int[] p = loss.predictClasses(network.predict(batch.x()));
            System.arraycopy(p, 0, predicted, from, to - from);
            System.arraycopy(batch.labels(), 0, labels, from, to - from);
        }
        return ConfusionMatrix.of(evalData.classNames(), labels, predicted);
    }

    private Map<String, float[]> copyWeights() {
        Map<String, float[]> m = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> p : network.namedParameters().entrySet()) m.put(p.getKey(), p.getValue().value().data().clone());
        return m;
    }

    private List<ParameterStats> sampleParameters(long step, Map<String, float[]> previous) {
        List<ParameterStats> out = new ArrayList<>();
        for (Map.Entry<String, Parameter> p : network.namedParameters().entrySet()) {
            Tensor w = p.getValue().value(), g = p.getValue().grad();
            float[] prev = previous == null ? null : previous.get(p.getKey());
            double ratio = prev != null && prev.length == w.size() ? ParameterStats.updateRatioLog10(prev, w.data()) : Double.NaN;
            out.add(new ParameterStats(p.getKey(), step, ParameterStats.percentiles(w.data(), MAX_PERCENTILE_SAMPLE),
                    ParameterStats.percentiles(g.data(), MAX_PERCENTILE_SAMPLE), ratio));
        }
        return out;
    }
}
