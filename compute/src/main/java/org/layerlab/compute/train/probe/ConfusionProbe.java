package org.layerlab.compute.train.probe;

import org.layerlab.compute.data.Dataset;
import org.layerlab.compute.graph.CompiledNetwork;
import org.layerlab.compute.nn.Loss;

/** The confusion matrix at each epoch's end, on a data set (at most {@link #MAX_SAMPLES} of its samples). */
public final class ConfusionProbe implements Probe<ConfusionProbe.Result> {
    /** The matrix after {@code epoch} (step {@code step}); {@code source} says which data it was measured on. */
    public record Result(long step, int epoch, ConfusionMatrix matrix, String source) {}

    /** At most this many samples are measured, so an epoch's matrix stays cheap on a large data set. */
    public static final int MAX_SAMPLES = 10_000;
    private static final int CHUNK = 1024;

    private final Loss loss;
    private final Dataset data;
    private final String source;

    /** @param source how views name the data ("validation set (100 samples)") */
    public ConfusionProbe(Loss loss, Dataset data, String source) {
        if (!applies(loss, data)) throw new IllegalArgumentException("a confusion matrix needs a classification loss and labelled data");
        this.loss = loss;
        this.data = data;
        this.source = source;
    }

    /** Whether a run with this loss on this data has a confusion matrix (classes, not numbers). */
    public static boolean applies(Loss loss, Dataset data) {
        return loss != null && loss.classification() && data != null && data.labels() != null && data.numClasses() > 0 && data.size() > 0;
    }

    /** The samples measured. */
    public int samples() { return Math.min(data.size(), MAX_SAMPLES); }

    @Override public Cadence cadence() { return Cadence.epochs(); }

    @Override public boolean accepts(WeightSnapshot s) { return s.endsEpoch(); }

    @Override public Result run(WeightSnapshot s, CompiledNetwork network) {
        int n = samples();
        int[] order = Dataset.identity(data.size());
        int[] predicted = new int[n], labels = new int[n];
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            var batch = data.batch(order, from, to);
            int[] p = loss.predictClasses(network.predict(batch.x()));
            System.arraycopy(p, 0, predicted, from, to - from);
            System.arraycopy(batch.labels(), 0, labels, from, to - from);
        }
        return new Result(s.step(), s.epoch(), ConfusionMatrix.of(data.classNames(), labels, predicted), source);
    }
}
